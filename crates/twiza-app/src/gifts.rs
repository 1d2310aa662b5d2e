//! Gifts by the public: a gift's fields validated, and the keyed hash kept beside its
//! `Idempotency-Key`.

use hmac::{Hmac, Mac};
use sha2::Sha256;
use twiza_domain::donation::PaymentMethod;
use twiza_domain::donor::{identity_required, DonorIdentity, DonorIdentityInput};
use twiza_domain::money::{parse_currency, Amount};
use twiza_domain::FieldError;

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

/// The request hash kept beside the Idempotency-Key of a gift: keyed (HMAC with the identity
/// key), because the body may hold the donor's identity.
pub fn gift_request_hash(identity_key: &[u8; 32], body: &[u8]) -> String {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(identity_key)
        .unwrap_or_else(|_| unreachable!("HMAC accepts any key length"));
    mac.update(b"twiza-gift-request-v1\n");
    mac.update(body);
    hex::encode(mac.finalize().into_bytes())
}
