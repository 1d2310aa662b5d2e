//! Gifts by the public, paid through a payment provider: `POST …/campaigns/{id}/gifts` writes a
//! pending donation and starts the payment, `POST /api/v1/payments/callback` (authenticated by
//! the provider's signature only) confirms or fails it, `GET /api/v1/gifts/{reference}` follows
//! it, and the association's treasury reads a donor's sealed identity through
//! `GET …/donations/{donation_id}/donor`. No public answer ever names a donor.

use super::{parse_json, PathId};
use crate::auth::Actor;
use crate::authz::TREASURY;
use crate::error::{AppError, AppResult, ErrorBody};
use crate::payments::{
    accept_callback, identity, is_payment_reference, payment_reference, PaymentOrder,
};
use crate::AppState;
use axum::extract::{RawPathParams, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;
use twiza_domain::donation::{DonationStatus, Gift, PaymentMethod};
use twiza_domain::donor::{identity_required, DonorIdentity, DonorIdentityInput, IdDocument};
use twiza_domain::money::{parse_currency, Amount, CURRENCY};
use twiza_domain::tenancy::ScopeGrant;
use twiza_domain::{FieldError, OrgScope};
use twiza_store::NewDonation;
use utoipa::ToSchema;

/// A gift: money only, paid online.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct GiftCreate {
    /// Decimal string in MAD, e.g. `"250.00"`.
    pub amount: String,
    /// `MAD`.
    pub currency: String,
    /// `card` or `mobile_wallet`.
    pub method: String,
    /// Required above the identity threshold (10,000.00 MAD by default); optional below.
    /// Stored encrypted, shown only to the association's treasury, never published.
    #[serde(default)]
    pub donor: Option<DonorCreate>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DonorCreate {
    pub full_name: String,
    /// `cin` (national identity card) or `passport`.
    pub document_type: String,
    /// CIN: one or two letters and digits (`BE123456`); passport: 6 to 20 letters and digits.
    pub document_number: String,
    /// ISO 3166-1 alpha-2 country code (`MA`).
    pub country: String,
}

/// A gift's donation (no donor data).
#[derive(Serialize, ToSchema)]
pub struct GiftDonationView {
    pub id: i64,
    pub campaign_id: i64,
    /// `pending`, `confirmed` or `failed`.
    pub status: String,
    pub amount: String,
    pub currency: String,
    pub method: String,
    /// Index of its leaf in the transparency log, once confirmed.
    pub leaf_index: Option<u64>,
    /// Hex SHA-256 leaf hash (RFC 6962), once confirmed.
    pub leaf_hash: Option<String>,
}

/// The payment of a gift and where the donor goes next.
#[derive(Serialize, ToSchema)]
pub struct PaymentView {
    pub provider: String,
    /// The provider reference of the payment (also the address of the gift's page).
    pub reference: String,
    /// Where to send the donor: the provider's payment page or the gift's page here.
    pub next_url: String,
}

/// The answer to a gift.
#[derive(Serialize, ToSchema)]
pub struct GiftView {
    pub donation: GiftDonationView,
    pub payment: PaymentView,
    /// This answer repeats an earlier request with the same Idempotency-Key.
    pub replayed: bool,
}

/// A gift validated: amount, method and, when given, the donor's identity.
pub struct ParsedGift {
    pub amount: Amount,
    pub method: PaymentMethod,
    pub donor: Option<DonorIdentity>,
}

/// The raw fields of a gift (from JSON or a form).
pub struct GiftInput<'a> {
    pub amount: &'a str,
    pub currency: &'a str,
    pub method: &'a str,
    pub donor: Option<DonorIdentityInput<'a>>,
}

/// Validates a gift, reporting every invalid field; above `threshold` the donor's identity is
/// required (`donor_identity_required`).
pub fn parse_gift(input: &GiftInput<'_>, threshold: Amount) -> Result<ParsedGift, Vec<FieldError>> {
    let mut errors = Vec::new();
    let amount = Amount::parse("amount", input.amount)
        .map_err(|e| errors.push(e))
        .ok();
    if let Err(e) = parse_currency("currency", input.currency) {
        errors.push(e);
    }
    let method = match PaymentMethod::parse(input.method) {
        Some(m @ (PaymentMethod::Card | PaymentMethod::MobileWallet)) => Some(m),
        Some(_) => {
            errors.push(FieldError::new("method", "online_method_only"));
            None
        }
        None => {
            errors.push(FieldError::new("method", "invalid_method"));
            None
        }
    };
    let donor = match input.donor.filter(|d| !d.is_blank()) {
        Some(d) => DonorIdentity::parse(&d).map_err(|e| errors.extend(e)).ok(),
        None => {
            if amount.is_some_and(|a| identity_required(a, threshold)) {
                errors.push(FieldError::new("donor", "donor_identity_required"));
            }
            None
        }
    };
    match (amount, method) {
        (Some(amount), Some(method)) if errors.is_empty() => Ok(ParsedGift {
            amount,
            method,
            donor,
        }),
        _ => Err(errors),
    }
}

/// A gift placed: its donation and the next step of its payment.
pub struct Placed {
    pub ack: twiza_store::DonationAck,
    pub reference: String,
    pub next_url: String,
}

/// Writes the pending donation (sealed identity included) and starts its payment. A replay of
/// a pending gift resumes the same payment.
pub async fn place(
    state: &AppState,
    campaign_id: i64,
    idempotency_key: String,
    gift: ParsedGift,
    request_hash: String,
) -> AppResult<Placed> {
    let reference = payment_reference(&state.config.receipt_key, campaign_id, &idempotency_key);
    let sealed_identity = gift
        .donor
        .as_ref()
        .map(|d| identity::seal(&state.config.identity_key, campaign_id, &idempotency_key, d))
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
    let ack = state
        .sequencer
        .submit(donation)
        .await
        .map_err(super::donations::refused)?;
    let page = format!("/gifts/{reference}");
    let next_url = if ack.status == DonationStatus::Pending {
        let order = PaymentOrder {
            reference: reference.clone(),
            amount: gift.amount,
            method: gift.method,
            return_path: page,
        };
        state
            .payments
            .start(&order)
            .await
            .map_err(|_| AppError::new(StatusCode::BAD_GATEWAY, "payment_provider_unavailable"))?
            .redirect_to
    } else {
        page
    };
    Ok(Placed {
        ack,
        reference,
        next_url,
    })
}

/// The request hash kept beside the Idempotency-Key of a gift: keyed (HMAC with the identity
/// key), because the body may hold the donor's identity.
pub fn gift_request_hash(identity_key: &[u8; 32], body: &[u8]) -> String {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(identity_key)
        .unwrap_or_else(|_| unreachable!("HMAC accepts any key length"));
    mac.update(b"twiza-gift-request-v1\n");
    mac.update(body);
    hex::encode(mac.finalize().into_bytes())
}

/// Gives to a campaign (anyone): answers 202 with the pending donation and where to pay.
#[utoipa::path(post, path = "/api/v1/campaigns/{campaign_id}/gifts", tag = "donations",
    params(("campaign_id" = i64, Path), ("Idempotency-Key" = String, Header, description = "8 to 100 letters, digits, - or _")),
    request_body = GiftCreate,
    responses((status = 202, body = GiftView), (status = 200, description = "A replay", body = GiftView),
              (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    PathId(campaign_id): PathId,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> AppResult<(StatusCode, Json<GiftView>)> {
    let key = super::donations::idempotency_key(&headers)?;
    super::require_json(&headers)?;
    let parsed: GiftCreate = parse_json(&body)?;
    let input = GiftInput {
        amount: &parsed.amount,
        currency: &parsed.currency,
        method: &parsed.method,
        donor: parsed.donor.as_ref().map(|d| DonorIdentityInput {
            full_name: &d.full_name,
            document_type: &d.document_type,
            document_number: &d.document_number,
            country: &d.country,
        }),
    };
    let gift =
        parse_gift(&input, state.config.donor_identity_threshold).map_err(AppError::invalid)?;
    let (amount, method) = (gift.amount, gift.method);
    let hash = gift_request_hash(&state.config.identity_key, &body);
    let placed = place(&state, campaign_id, key, gift, hash).await?;
    let status = if placed.ack.replayed {
        StatusCode::OK
    } else {
        StatusCode::ACCEPTED
    };
    Ok((
        status,
        Json(GiftView {
            donation: GiftDonationView {
                id: placed.ack.id,
                campaign_id,
                status: placed.ack.status.as_str().to_owned(),
                amount: amount.to_string(),
                currency: CURRENCY.to_owned(),
                method: method.as_str().to_owned(),
                leaf_index: placed.ack.leaf_index,
                leaf_hash: placed.ack.leaf_hash.map(hex::encode),
            },
            payment: PaymentView {
                provider: state.payments.name().to_owned(),
                reference: placed.reference,
                next_url: placed.next_url,
            },
            replayed: placed.ack.replayed,
        }),
    ))
}

/// The outcome of a callback.
#[derive(Serialize, ToSchema)]
pub struct CallbackAnswer {
    pub donation_id: i64,
    /// `confirmed` or `failed`.
    pub status: String,
    /// Nothing changed: the event was seen before or the donation already had this outcome.
    pub replayed: bool,
}

/// The payment provider's notification (authenticated by its `X-Twiza-Signature` only):
/// confirms a paid gift (logged in the same transaction) or marks it failed.
#[utoipa::path(post, path = "/api/v1/payments/callback", tag = "donations",
    params(("X-Twiza-Signature" = String, Header, description = "sha256=<hex HMAC-SHA256 of the raw body with the shared secret>")),
    request_body = crate::payments::CallbackBody,
    responses((status = 200, body = CallbackAnswer),
              (status = 400, body = ErrorBody, description = "`invalid_callback`: the body is not a notification of the provider"),
              (status = 401, body = ErrorBody, description = "`invalid_signature` or `stale_callback`"),
              (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn callback(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> AppResult<Json<CallbackAnswer>> {
    let ack = accept_callback(state.payments.as_ref(), &state.sequencer, &headers, &body).await?;
    Ok(Json(CallbackAnswer {
        donation_id: ack.donation_id,
        status: ack.status.as_str().to_owned(),
        replayed: ack.replayed,
    }))
}

/// A gift as its donor follows it (anyone holding the reference; no donor data).
#[derive(Serialize, ToSchema)]
pub struct GiftStatusView {
    pub reference: String,
    pub donation: GiftDonationView,
    pub created_at: String,
    pub confirmed_at: Option<String>,
}

/// Where a gift stands.
#[utoipa::path(get, path = "/api/v1/gifts/{reference}", tag = "donations",
    params(("reference" = String, Path)),
    responses((status = 200, body = GiftStatusView), (status = 404, body = ErrorBody)))]
pub async fn show(
    State(state): State<AppState>,
    params: RawPathParams,
) -> AppResult<Json<GiftStatusView>> {
    let reference = params
        .iter()
        .find(|(n, _)| *n == "reference")
        .map(|(_, v)| v.to_owned())
        .filter(|r| is_payment_reference(r))
        .ok_or_else(AppError::not_found)?;
    let gift = state
        .store
        .gift_by_reference(&reference)
        .await?
        .ok_or_else(AppError::not_found)?;
    let rfc3339 = |t: time::OffsetDateTime| {
        t.format(&time::format_description::well_known::Rfc3339)
            .unwrap_or_default()
    };
    Ok(Json(GiftStatusView {
        reference,
        donation: GiftDonationView {
            id: gift.id,
            campaign_id: gift.campaign_id,
            status: gift.status.as_str().to_owned(),
            amount: gift.amount.to_string(),
            currency: CURRENCY.to_owned(),
            method: gift.method.as_str().to_owned(),
            leaf_index: gift.leaf_index,
            leaf_hash: gift.leaf_hash.map(hex::encode),
        },
        created_at: rfc3339(gift.created_at),
        confirmed_at: gift.confirmed_at.map(rfc3339),
    }))
}

/// A donor's identity, opened for the association's treasury.
#[derive(Serialize, ToSchema)]
pub struct DonorIdentityView {
    pub donation_id: i64,
    pub full_name: String,
    /// `cin` or `passport`.
    pub document_type: String,
    pub document_number: String,
    pub country: String,
}

/// The identity a donor gave (owners, admins and treasurers of the association only; every
/// read is recorded in the server log, without the identity).
#[utoipa::path(get, path = "/api/v1/campaigns/{campaign_id}/donations/{donation_id}/donor", tag = "donations",
    params(("campaign_id" = i64, Path), ("donation_id" = i64, Path)),
    responses((status = 200, body = DonorIdentityView), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn donor(
    State(state): State<AppState>,
    Extension(scope): Extension<OrgScope>,
    Extension(actor): Extension<Actor>,
    params: RawPathParams,
) -> AppResult<Response> {
    // Read-only platform roles reach the association's reads; donors' identities are not theirs.
    match scope.grant() {
        ScopeGrant::Member(role) if TREASURY.contains(&role) => {}
        _ => return Err(AppError::forbidden()),
    }
    let id = |name: &str| {
        params
            .iter()
            .find(|(n, _)| *n == name)
            .and_then(|(_, v)| v.parse::<i64>().ok())
            .ok_or_else(AppError::not_found)
    };
    let (campaign_id, donation_id) = (id("campaign_id")?, id("donation_id")?);
    let sealed = state
        .store
        .sealed_donor_identity(&scope, campaign_id, donation_id)
        .await?
        .ok_or_else(AppError::not_found)?;
    let identity = identity::open(
        &state.config.identity_key,
        sealed.campaign_id,
        &sealed.idempotency_key,
        &sealed.ciphertext,
    )
    .map_err(|_| {
        tracing::error!(donation_id, "a sealed donor identity does not open");
        AppError::internal()
    })?;
    tracing::info!(
        donation_id,
        organization_id = scope.org_id().0,
        user_id = actor.user().map(|u| u.id.0),
        "donor identity read"
    );
    let (document_type, document_number) = match identity.document {
        IdDocument::Cin(n) => ("cin", n),
        IdDocument::Passport(n) => ("passport", n),
    };
    let view = DonorIdentityView {
        donation_id,
        full_name: identity.full_name,
        document_type: document_type.to_owned(),
        document_number,
        country: identity.country,
    };
    Ok(([(header::CACHE_CONTROL, "no-store")], Json(view)).into_response())
}
