//! Donations by the public through a payment provider.
//!
//! A gift is written `pending` (by the sequencer) with a provider reference derived from the
//! campaign and the request's `Idempotency-Key`; then [`PaymentProvider::start`] tells where to
//! send the donor. The provider later calls `POST /api/v1/payments/callback`; the callback is
//! authenticated only by its signature ([`PaymentProvider::verify_callback`]) and applied by
//! [`accept_callback`], which hands a [`Settlement`] to the sequencer: a paid donation becomes
//! `confirmed` and gets its log leaf in the same transaction, a failed one becomes `failed`.
//!
//! Callbacks use one generic format ([`CallbackBody`], JSON) signed with HMAC-SHA256 over the
//! raw body with a shared secret, in the header [`SIGNATURE_HEADER`] (`sha256=<hex>`); the
//! signed body carries a Unix `timestamp`, and callbacks older (or further in the future) than
//! [`MAX_CALLBACK_AGE_SECS`] are refused, so a captured callback cannot be replayed later.
//! Within that window a replayed event changes nothing (the store remembers event ids).
//!
//! [`simulated::SimulatedProvider`] is the provider of the demo and the tests.

pub mod cmi;
pub mod simulated;

use crate::error::{AppError, AppResult};
use axum::http::{HeaderMap, StatusCode};
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;
use std::future::Future;
use std::pin::Pin;
use twiza_domain::donation::{DonationStatus, Gift, PaymentMethod};
use twiza_domain::money::{parse_currency, Amount};
use twiza_store::{
    NewDonation, PaymentOutcome, Sequencer, Settlement, SettlementAck, SettlementRefused,
};

/// Header holding a callback's signature: `sha256=<hex HMAC-SHA256 of the raw body>`.
pub const SIGNATURE_HEADER: &str = "x-twiza-signature";

/// Largest distance between a callback's timestamp and the server's clock.
pub const MAX_CALLBACK_AGE_SECS: i64 = 300;

pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// A payment to start for a pending donation.
#[derive(Debug, Clone)]
pub struct PaymentOrder {
    /// Twiza's reference of the payment (the merchant order id), stored on the donation.
    pub reference: String,
    pub amount: Amount,
    pub method: PaymentMethod,
    /// Where the provider sends the donor back (a path on this site).
    pub return_path: String,
}

/// Where a started payment goes next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaymentStart {
    /// The provider's reference of the payment (the order id it answers to in callbacks).
    pub provider_reference: String,
    /// Where to send the donor: the provider's payment page, or back to this site.
    pub redirect_to: String,
}

/// A verified notification from the provider.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaymentEvent {
    pub event_id: String,
    pub reference: String,
    pub outcome: PaymentOutcome,
    pub amount: Amount,
}

/// Why a callback is not believed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CallbackError {
    #[error("missing or wrong signature")]
    BadSignature,
    #[error("timestamp outside the accepted window")]
    Stale,
    #[error("malformed callback body")]
    Malformed,
}

#[derive(Debug, thiserror::Error)]
#[error("the payment provider is unavailable")]
pub struct ProviderError;

/// Where public gifts are paid, as configured.
#[derive(Debug, Clone)]
pub enum PaymentsSetting {
    /// No provider: campaigns are shown, gifts are refused (`payments_not_configured`).
    None,
    /// The simulator of the demo and the tests (no money moves; every gift page says so).
    /// `delay`: how long before it confirms; `None`: it never calls back.
    Simulated { delay: Option<std::time::Duration> },
    /// CMI's hosted payment page.
    Cmi(cmi::CmiSettings),
}

/// The configured provider, and the same one as CMI when it is.
pub struct Providers {
    pub payments: Option<std::sync::Arc<dyn PaymentProvider>>,
    pub cmi: Option<std::sync::Arc<cmi::Cmi>>,
}

/// The provider of `config`.
pub fn provider(config: &crate::WebConfig, sequencer: &Sequencer) -> Providers {
    use std::sync::Arc;
    let (payments, cmi): (Option<Arc<dyn PaymentProvider>>, _) = match &config.payments {
        PaymentsSetting::None => (None, None),
        PaymentsSetting::Simulated { delay } => {
            let delivery = simulated::SimulatedProvider::delivery_for(
                config.public_url.as_deref(),
                sequencer.clone(),
            );
            let provider =
                simulated::SimulatedProvider::new(config.payment_secret, *delay, delivery);
            (Some(Arc::new(provider)), None)
        }
        PaymentsSetting::Cmi(settings) => {
            let cmi = Arc::new(cmi::Cmi::new(settings.clone()));
            (Some(cmi.clone()), Some(cmi))
        }
    };
    Providers { payments, cmi }
}

/// The answer to a gift on a site with no payment provider.
pub fn not_configured() -> AppError {
    AppError::new(StatusCode::SERVICE_UNAVAILABLE, "payments_not_configured")
}

/// A payment provider (a card acquirer, a mobile-wallet operator, or the simulator).
pub trait PaymentProvider: Send + Sync + 'static {
    /// Short name shown in API answers (`simulated`, `cmi`).
    fn name(&self) -> &'static str;

    /// Whether it only pretends: no money moves (the simulator). Pages taking gifts say so.
    fn is_test(&self) -> bool {
        false
    }

    /// Starts (or, for the same reference, resumes) the payment of a pending donation.
    fn start<'a>(
        &'a self,
        order: &'a PaymentOrder,
    ) -> BoxFuture<'a, Result<PaymentStart, ProviderError>>;

    /// Checks a callback's signature over its raw `body` and its freshness against `now` (Unix
    /// seconds), then parses it.
    fn verify_callback(
        &self,
        headers: &HeaderMap,
        body: &[u8],
        now: i64,
    ) -> Result<PaymentEvent, CallbackError>;
}

/// A gift placed: its donation and the next step of its payment.
pub struct Placed {
    pub ack: twiza_store::DonationAck,
    /// The provider's name (`simulated`, `cmi`).
    pub provider: &'static str,
    pub reference: String,
    pub next_url: String,
}

/// Writes the pending donation (sealed identity included) and starts its payment. A replay of
/// a pending gift resumes the same payment.
pub async fn place(
    state: &crate::AppState,
    campaign_id: i64,
    idempotency_key: String,
    gift: twiza_app::gifts::ParsedGift,
    request_hash: String,
) -> AppResult<Placed> {
    let provider = state.payments.as_ref().ok_or_else(not_configured)?;
    let reference = payment_reference(&state.config.receipt_key, campaign_id, &idempotency_key);
    let sealed_identity = gift
        .donor
        .as_ref()
        .map(|d| {
            twiza_app::sealing::seal_donor_identity(
                &state.config.personal_data,
                campaign_id,
                &idempotency_key,
                d,
            )
        })
        .transpose()
        .map_err(|_| AppError::internal())?;
    let donation = NewDonation {
        campaign_id,
        idempotency_key,
        request_hash,
        gift: Gift::Money {
            amount: gift.amount,
            method: gift.method,
        },
        status: DonationStatus::Pending,
        provider_reference: Some(reference.clone()),
        sealed_identity,
    };
    let ack = state.sequencer.submit(donation).await?;
    let page = format!("/gifts/{reference}");
    let next_url = if ack.status == DonationStatus::Pending {
        let order = PaymentOrder {
            reference: reference.clone(),
            amount: gift.amount,
            method: gift.method,
            return_path: page,
        };
        provider
            .start(&order)
            .await
            .map_err(|_| AppError::new(StatusCode::BAD_GATEWAY, "payment_provider_unavailable"))?
            .redirect_to
    } else {
        page
    };
    Ok(Placed {
        ack,
        provider: provider.name(),
        reference,
        next_url,
    })
}

/// The callback body of Twiza's generic provider protocol.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CallbackBody {
    /// Unique id of this notification at the provider.
    pub event_id: String,
    /// The payment's reference.
    pub reference: String,
    /// `paid` or `failed`.
    pub status: String,
    /// Decimal string, e.g. `"250.00"`.
    pub amount: String,
    /// `MAD`.
    pub currency: String,
    /// When the provider sent it, Unix seconds.
    pub timestamp: i64,
}

/// HMAC-SHA256 signatures of callbacks with a shared secret.
#[derive(Clone)]
pub struct HmacCallbacks {
    secret: [u8; 32],
}

impl HmacCallbacks {
    pub fn new(secret: [u8; 32]) -> Self {
        Self { secret }
    }

    fn mac(&self) -> Hmac<Sha256> {
        // HMAC takes a key of any length: this cannot fail.
        <Hmac<Sha256> as Mac>::new_from_slice(&self.secret)
            .unwrap_or_else(|_| unreachable!("HMAC accepts any key length"))
    }

    /// The signature header value of `body`.
    pub fn sign(&self, body: &[u8]) -> String {
        let mut mac = self.mac();
        mac.update(body);
        format!("sha256={}", hex::encode(mac.finalize().into_bytes()))
    }

    /// Verifies the signature (in constant time), then the body and its timestamp.
    pub fn verify(
        &self,
        headers: &HeaderMap,
        body: &[u8],
        now: i64,
    ) -> Result<PaymentEvent, CallbackError> {
        let given = headers
            .get(SIGNATURE_HEADER)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("sha256="))
            .and_then(|v| hex::decode(v).ok())
            .ok_or(CallbackError::BadSignature)?;
        let mut mac = self.mac();
        mac.update(body);
        mac.verify_slice(&given)
            .map_err(|_| CallbackError::BadSignature)?;
        let parsed: CallbackBody =
            serde_json::from_slice(body).map_err(|_| CallbackError::Malformed)?;
        if (now - parsed.timestamp).abs() > MAX_CALLBACK_AGE_SECS {
            return Err(CallbackError::Stale);
        }
        let outcome = match parsed.status.as_str() {
            "paid" => PaymentOutcome::Paid,
            "failed" => PaymentOutcome::Failed,
            _ => return Err(CallbackError::Malformed),
        };
        let amount =
            Amount::parse("amount", &parsed.amount).map_err(|_| CallbackError::Malformed)?;
        parse_currency("currency", &parsed.currency).map_err(|_| CallbackError::Malformed)?;
        let id_ok = |s: &str| {
            (1..=100).contains(&s.len())
                && s.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        };
        if !id_ok(&parsed.event_id) || !id_ok(&parsed.reference) {
            return Err(CallbackError::Malformed);
        }
        Ok(PaymentEvent {
            event_id: parsed.event_id,
            reference: parsed.reference,
            outcome,
            amount,
        })
    }
}

/// Verifies a callback and applies it through the sequencer: the one confirmation path, used
/// by the callback endpoint and by the simulator's in-process delivery.
pub async fn accept_callback(
    provider: &dyn PaymentProvider,
    sequencer: &Sequencer,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<SettlementAck, AppError> {
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    let event = provider
        .verify_callback(headers, body, now)
        .map_err(|e| match e {
            CallbackError::BadSignature => {
                AppError::new(StatusCode::UNAUTHORIZED, "invalid_signature")
            }
            CallbackError::Stale => AppError::new(StatusCode::UNAUTHORIZED, "stale_callback"),
            CallbackError::Malformed => AppError::bad_request("invalid_callback"),
        })?;
    let settlement = Settlement {
        reference: event.reference,
        event_id: event.event_id,
        outcome: event.outcome,
        amount: event.amount,
    };
    match sequencer.settle(settlement).await {
        Ok(ack) => Ok(ack),
        Err(SettlementRefused::UnknownReference) => Err(AppError::not_found()),
        Err(SettlementRefused::AmountMismatch) => {
            Err(AppError::new(StatusCode::CONFLICT, "payment_mismatch"))
        }
        Err(SettlementRefused::NotPending(_)) => {
            Err(AppError::new(StatusCode::CONFLICT, "donation_not_pending"))
        }
        Err(SettlementRefused::Unavailable) => Err(AppError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "unavailable",
        )),
        Err(SettlementRefused::Store(e)) => Err(e.into()),
    }
}

/// The reference of a gift's payment: derived from the receipt key, the campaign and the
/// `Idempotency-Key`, so a retried request finds the same payment, and nobody without the key
/// can guess another donor's.
pub fn payment_reference(
    receipt_key: &[u8; 32],
    campaign_id: i64,
    idempotency_key: &str,
) -> String {
    use sha2::Digest;
    let mut h = Sha256::new();
    h.update(b"twiza-payment-reference-v1\n");
    h.update(receipt_key);
    h.update(campaign_id.to_be_bytes());
    h.update(idempotency_key.as_bytes());
    format!("pay_{}", hex::encode(&h.finalize()[..16]))
}

/// Whether `s` has the shape of a [`payment_reference`].
pub fn is_payment_reference(s: &str) -> bool {
    s.strip_prefix("pay_")
        .is_some_and(|h| h.len() == 32 && h.bytes().all(|b| b.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn body(timestamp: i64) -> Vec<u8> {
        serde_json::to_vec(&CallbackBody {
            event_id: "evt_1".into(),
            reference: "pay_0123".into(),
            status: "paid".into(),
            amount: "250.00".into(),
            currency: "MAD".into(),
            timestamp,
        })
        .unwrap()
    }

    #[test]
    fn signatures_bind_body_and_secret() {
        let hmac = HmacCallbacks::new([5; 32]);
        let b = body(1_000);
        let mut headers = HeaderMap::new();
        headers.insert(
            SIGNATURE_HEADER,
            HeaderValue::from_str(&hmac.sign(&b)).unwrap(),
        );
        let event = hmac.verify(&headers, &b, 1_100).unwrap();
        assert_eq!(event.outcome, PaymentOutcome::Paid);
        assert_eq!(event.amount.centimes(), 25_000);
        // Another secret, a changed body, a missing header, an old or future timestamp.
        assert_eq!(
            HmacCallbacks::new([6; 32]).verify(&headers, &b, 1_100),
            Err(CallbackError::BadSignature)
        );
        let mut changed = b.clone();
        changed[10] ^= 1;
        assert_eq!(
            hmac.verify(&headers, &changed, 1_100),
            Err(CallbackError::BadSignature)
        );
        assert_eq!(
            hmac.verify(&HeaderMap::new(), &b, 1_100),
            Err(CallbackError::BadSignature)
        );
        assert_eq!(
            hmac.verify(&headers, &b, 1_000 + MAX_CALLBACK_AGE_SECS + 1),
            Err(CallbackError::Stale)
        );
        assert_eq!(
            hmac.verify(&headers, &b, 1_000 - MAX_CALLBACK_AGE_SECS - 1),
            Err(CallbackError::Stale)
        );
    }

    #[test]
    fn references_are_stable_and_keyed() {
        let a = payment_reference(&[1; 32], 7, "key-0001");
        assert!(is_payment_reference(&a), "{a}");
        assert_eq!(a, payment_reference(&[1; 32], 7, "key-0001"));
        assert_ne!(a, payment_reference(&[2; 32], 7, "key-0001"));
        assert_ne!(a, payment_reference(&[1; 32], 8, "key-0001"));
        assert!(!is_payment_reference("pay_../etc"));
    }
}
