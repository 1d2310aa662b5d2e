//! CMI (Centre Monétique Interbancaire), the card acquirer of Moroccan banks: its hosted payment
//! page (store type `3D_PAY_HOSTING`) and its server-to-server callback.
//!
//! - A pending gift's page `/gifts/{reference}/pay` shows a form that posts the order to CMI's
//!   gateway: the merchant's `clientid`, the amount, the currency (504, the dirham), the order id
//!   (the payment reference), where to send the donor back and where to call back, signed with
//!   `HASH` ([`hash`]).
//! - CMI then posts the outcome to `POST /api/v1/payments/cmi/callback` as a form signed the same
//!   way. A valid callback with `ProcReturnCode=00` for the gift's amount confirms the gift and is
//!   answered `ACTION=POSTAUTH` (debit the card); a refused card changes nothing (the donor may try
//!   again) and is answered `APPROVED` (acknowledged); a bad signature, an unknown order or a
//!   different amount changes nothing and is answered `FAILURE`.
//!
//! The hash (`hashAlgorithm=ver3`): the parameter names sorted case-insensitively in natural
//! order, leaving out `HASH` and `encoding`; each value with `\` doubled and `|` escaped as `\|`,
//! followed by `|`; then the store key escaped the same way; SHA-512 of that string, in base64.

use super::{
    BoxFuture, CallbackError, PaymentEvent, PaymentOrder, PaymentProvider, PaymentStart,
    ProviderError,
};
use axum::http::HeaderMap;
use base64::Engine;
use secrecy::{ExposeSecret, SecretString};
use sha2::{Digest, Sha512};
use std::cmp::Ordering;
use twiza_domain::money::Amount;
use twiza_store::{PaymentOutcome, Sequencer, Settlement, SettlementRefused};

/// ISO 4217 numeric code of the Moroccan dirham.
pub const CURRENCY_MAD: &str = "504";

/// A merchant's CMI settings (from the configuration file).
#[derive(Clone)]
pub struct CmiSettings {
    /// The gateway's payment page (`https://payment.cmi.co.ma/fim/est3Dgate`, or the test
    /// platform's).
    pub gateway_url: String,
    /// The merchant id CMI gave.
    pub client_id: String,
    /// The store key CMI gave: signs requests and callbacks. Never printed.
    pub store_key: SecretString,
    /// This site's public address (`https://…`), for the return and callback URLs.
    pub public_url: String,
}

impl std::fmt::Debug for CmiSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CmiSettings")
            .field("gateway_url", &self.gateway_url)
            .field("client_id", &self.client_id)
            .field("public_url", &self.public_url)
            .finish_non_exhaustive()
    }
}

/// The form a donor's browser posts to the gateway.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostedForm {
    pub action: String,
    pub fields: Vec<(String, String)>,
}

/// The CMI provider.
pub struct Cmi {
    settings: CmiSettings,
}

impl Cmi {
    pub fn new(settings: CmiSettings) -> Self {
        Cmi { settings }
    }

    fn site(&self, path: &str) -> String {
        format!("{}{path}", self.settings.public_url.trim_end_matches('/'))
    }

    /// The signed form of a pending gift's payment; `lang` is the donor's (`ar`, `fr` or `en`).
    pub fn form(&self, order: &PaymentOrder, lang: &str) -> HostedForm {
        let mut nonce = [0u8; 12];
        rand::RngCore::fill_bytes(&mut rand::rngs::OsRng, &mut nonce);
        let back = self.site(&order.return_path);
        let mut fields: Vec<(String, String)> = [
            ("clientid", self.settings.client_id.clone()),
            ("amount", order.amount.to_string()),
            ("currency", CURRENCY_MAD.to_owned()),
            ("oid", order.reference.clone()),
            ("okUrl", back.clone()),
            ("failUrl", back),
            ("callbackUrl", self.site("/api/v1/payments/cmi/callback")),
            ("shopurl", self.site("/")),
            ("TranType", "PreAuth".to_owned()),
            ("storetype", "3D_PAY_HOSTING".to_owned()),
            ("hashAlgorithm", "ver3".to_owned()),
            ("lang", lang.to_owned()),
            ("rnd", hex::encode(nonce)),
            ("encoding", "UTF-8".to_owned()),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v))
        .collect();
        let signature = hash(&fields, self.settings.store_key.expose_secret());
        fields.push(("HASH".to_owned(), signature));
        HostedForm {
            action: self.settings.gateway_url.clone(),
            fields,
        }
    }

    /// Checks a callback's signature and reads it.
    pub fn read_callback(&self, fields: &[(String, String)]) -> Result<CmiCallback, CallbackError> {
        let given = value(fields, "HASH").ok_or(CallbackError::BadSignature)?;
        let expected = hash(fields, self.settings.store_key.expose_secret());
        if !crate::authz::constant_time_eq(given, &expected) {
            return Err(CallbackError::BadSignature);
        }
        let reference = value(fields, "oid")
            .filter(|r| super::is_payment_reference(r))
            .ok_or(CallbackError::Malformed)?
            .to_owned();
        if value(fields, "ProcReturnCode") != Some("00") {
            return Ok(CmiCallback::Refused);
        }
        let amount = value(fields, "amount")
            .and_then(|a| Amount::parse("amount", a).ok())
            .ok_or(CallbackError::Malformed)?;
        if value(fields, "currency").is_some_and(|c| c != CURRENCY_MAD) {
            return Err(CallbackError::Malformed);
        }
        let transaction = value(fields, "TransId")
            .filter(|t| (1..=64).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_graphic()))
            .ok_or(CallbackError::Malformed)?;
        Ok(CmiCallback::Accepted(PaymentEvent {
            event_id: format!("cmi_{transaction}"),
            reference,
            outcome: PaymentOutcome::Paid,
            amount,
        }))
    }
}

/// What a callback with a valid signature says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CmiCallback {
    /// The card was accepted for this amount.
    Accepted(PaymentEvent),
    /// The card was refused: nothing changes, the donor may try again.
    Refused,
}

/// The answer to CMI's callback (`text/plain`), after applying it. Nothing is written unless
/// the callback is signed, accepted, and for the gift's amount.
pub async fn answer_callback(cmi: &Cmi, sequencer: &Sequencer, body: &[u8]) -> &'static str {
    let Ok(fields) = serde_urlencoded::from_bytes::<Vec<(String, String)>>(body) else {
        return "FAILURE";
    };
    let event = match cmi.read_callback(&fields) {
        Ok(CmiCallback::Accepted(event)) => event,
        Ok(CmiCallback::Refused) => return "APPROVED",
        Err(e) => {
            tracing::warn!(error = %e, "CMI callback refused");
            return "FAILURE";
        }
    };
    let settlement = Settlement {
        reference: event.reference,
        event_id: event.event_id,
        outcome: event.outcome,
        amount: event.amount,
    };
    match sequencer.settle(settlement).await {
        Ok(_) => "ACTION=POSTAUTH",
        Err(refused) => {
            let why = match refused {
                SettlementRefused::UnknownReference => "unknown order",
                SettlementRefused::AmountMismatch => "amount differs from the gift",
                SettlementRefused::NotPending(_) => "gift not pending",
                SettlementRefused::Unavailable => "sequencer unavailable",
                SettlementRefused::Store(_) => "storage failure",
            };
            tracing::warn!(why, "CMI callback not applied");
            "FAILURE"
        }
    }
}

impl PaymentProvider for Cmi {
    fn name(&self) -> &'static str {
        "cmi"
    }

    /// The donor goes to the gift's payment page on this site, which posts the signed form.
    fn start<'a>(
        &'a self,
        order: &'a PaymentOrder,
    ) -> BoxFuture<'a, Result<PaymentStart, ProviderError>> {
        Box::pin(async move {
            Ok(PaymentStart {
                provider_reference: order.reference.clone(),
                redirect_to: format!("/gifts/{}/pay", order.reference),
            })
        })
    }

    /// CMI never uses the generic JSON callback.
    fn verify_callback(
        &self,
        _headers: &HeaderMap,
        _body: &[u8],
        _now: i64,
    ) -> Result<PaymentEvent, CallbackError> {
        Err(CallbackError::BadSignature)
    }
}

/// The first value of `name` (names compare case-insensitively, as CMI's do).
fn value<'a>(fields: &'a [(String, String)], name: &str) -> Option<&'a str> {
    fields
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

/// The `HASH` of `fields` with `store_key` (see the module documentation).
pub fn hash(fields: &[(String, String)], store_key: &str) -> String {
    let mut signed: Vec<&(String, String)> = fields
        .iter()
        .filter(|(k, _)| !k.eq_ignore_ascii_case("hash") && !k.eq_ignore_ascii_case("encoding"))
        .collect();
    signed.sort_by(|a, b| natural_cmp_ignoring_case(&a.0, &b.0));
    let mut text = String::new();
    for (_, v) in signed {
        escape_into(&mut text, v.strip_suffix('\n').unwrap_or(v));
        text.push('|');
    }
    escape_into(&mut text, store_key);
    base64::engine::general_purpose::STANDARD.encode(Sha512::digest(text.as_bytes()))
}

fn escape_into(out: &mut String, value: &str) {
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '|' => out.push_str("\\|"),
            c => out.push(c),
        }
    }
}

/// Natural order ignoring case: runs of digits compare as numbers (`a2` before `a10`).
fn natural_cmp_ignoring_case(a: &str, b: &str) -> Ordering {
    let (mut a, mut b) = (a.as_bytes(), b.as_bytes());
    loop {
        match (a.first(), b.first()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) if x.is_ascii_digit() && y.is_ascii_digit() => {
                let da = a.iter().take_while(|c| c.is_ascii_digit()).count();
                let db = b.iter().take_while(|c| c.is_ascii_digit()).count();
                let (na, nb) = (trim_zeros(&a[..da]), trim_zeros(&b[..db]));
                let order = na.len().cmp(&nb.len()).then_with(|| na.cmp(nb));
                if order != Ordering::Equal {
                    return order;
                }
                (a, b) = (&a[da..], &b[db..]);
            }
            (Some(x), Some(y)) => {
                let order = x.to_ascii_lowercase().cmp(&y.to_ascii_lowercase());
                if order != Ordering::Equal {
                    return order;
                }
                (a, b) = (&a[1..], &b[1..]);
            }
        }
    }
}

fn trim_zeros(digits: &[u8]) -> &[u8] {
    let zeros = digits.iter().take_while(|d| **d == b'0').count();
    &digits[zeros..]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn names_sort_naturally_and_without_case() {
        let mut names = vec!["oid", "Amount", "BillTo10", "billto2", "clientid"];
        names.sort_by(|a, b| natural_cmp_ignoring_case(a, b));
        assert_eq!(names, ["Amount", "billto2", "BillTo10", "clientid", "oid"]);
    }

    #[test]
    fn the_hash_covers_sorted_escaped_values_and_the_store_key() {
        // SHA-512 of "10.00|a\|b|c\\d|key" in base64, the values in name order.
        let fields = pairs(&[
            ("zeta", "c\\d"),
            ("amount", "10.00"),
            ("encoding", "UTF-8"),
            ("Middle", "a|b"),
        ]);
        let expected = base64::engine::general_purpose::STANDARD
            .encode(Sha512::digest(b"10.00|a\\|b|c\\\\d|key"));
        assert_eq!(hash(&fields, "key"), expected);
        // HASH itself and `encoding` are not signed.
        let mut with_hash = fields.clone();
        with_hash.push(("HASH".into(), "anything".into()));
        with_hash[2].1 = "ISO-8859-1".into();
        assert_eq!(hash(&with_hash, "key"), expected);
        assert_ne!(hash(&fields, "other"), expected);
    }
}
