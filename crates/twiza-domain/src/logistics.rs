//! Logistics: stock quantities, what a warehouse receives, and the one-time code that proves a
//! delivery reached its household (how it is drawn, kept and checked, and when it locks).

use crate::text::{parse_optional_text, parse_text, FieldError};
use sha2::{Digest, Sha256};

/// Largest quantity on one stock line or delivery.
pub const MAX_QUANTITY: i64 = 10_000_000;

/// Wrong codes allowed before a delivery's proof locks.
pub const MAX_PROOF_ATTEMPTS: i64 = 5;

/// A quantity of goods: a whole number above zero.
pub fn parse_quantity(field: &'static str, raw: i64) -> Result<i64, FieldError> {
    match raw {
        n if n < 0 => Err(FieldError::new(field, "quantity_negative")),
        0 => Err(FieldError::new(field, "quantity_not_positive")),
        n if n > MAX_QUANTITY => Err(FieldError::new(field, "quantity_too_large")),
        n => Ok(n),
    }
}

/// Where received goods come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StockSource {
    /// Goods given to a campaign.
    InKindDonation,
    /// Bought with a campaign's approved expense.
    Purchase,
    /// Anything else (a partner's gift outside a campaign, a correction after a count).
    Other,
}

impl StockSource {
    pub const ALL: [StockSource; 3] = [
        StockSource::InKindDonation,
        StockSource::Purchase,
        StockSource::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            StockSource::InKindDonation => "in_kind_donation",
            StockSource::Purchase => "purchase",
            StockSource::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<StockSource> {
        StockSource::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

/// A receipt into a warehouse, validated.
#[derive(Debug, Clone)]
pub struct NewReceipt {
    pub quantity: i64,
    pub source: StockSource,
    pub reference: Option<String>,
}

impl NewReceipt {
    pub fn parse(quantity: i64, source: &str, reference: &str) -> Result<NewReceipt, FieldError> {
        Ok(NewReceipt {
            quantity: parse_quantity("quantity", quantity)?,
            source: StockSource::parse(source)
                .ok_or_else(|| FieldError::new("source", "validation"))?,
            reference: parse_optional_text("reference", reference, 120)?,
        })
    }
}

/// A warehouse's name.
pub fn parse_warehouse_name(raw: &str) -> Result<String, FieldError> {
    parse_text("name", raw, 120)
}

/// A fresh six-digit code and its salt.
pub fn draw_code(random: [u8; 20]) -> (String, [u8; 16]) {
    let n = u32::from_be_bytes([random[0], random[1], random[2], random[3]]) % 1_000_000;
    let mut salt = [0u8; 16];
    salt.copy_from_slice(&random[4..20]);
    (format!("{n:06}"), salt)
}

/// What is kept of a code: SHA-256 of a domain tag, the salt and the code.
pub fn code_hash(salt: &[u8], code: &str) -> [u8; 32] {
    let mut h = Sha256::new();
    h.update(b"twiza-delivery-code-v1\n");
    h.update(salt);
    h.update(code.trim().as_bytes());
    h.finalize().into()
}

/// Compares in constant time.
pub fn code_matches(salt: &[u8], stored: &[u8], code: &str) -> bool {
    let computed = code_hash(salt, code);
    stored.len() == computed.len()
        && stored
            .iter()
            .zip(computed.iter())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantities_are_whole_and_positive() {
        assert_eq!(parse_quantity("q", 12), Ok(12));
        assert_eq!(
            parse_quantity("q", 0).unwrap_err().code,
            "quantity_not_positive"
        );
        assert_eq!(
            parse_quantity("q", -1).unwrap_err().code,
            "quantity_negative"
        );
        assert_eq!(
            parse_quantity("q", MAX_QUANTITY + 1).unwrap_err().code,
            "quantity_too_large"
        );
    }

    #[test]
    fn codes_have_six_digits_and_only_their_own_hash_matches() {
        let (code, salt) = draw_code([7u8; 20]);
        assert_eq!(code.len(), 6);
        assert!(code.chars().all(|c| c.is_ascii_digit()));
        let stored = code_hash(&salt, &code);
        assert!(code_matches(&salt, &stored, &code));
        assert!(code_matches(&salt, &stored, &format!(" {code} ")));
        assert!(!code_matches(&salt, &stored, "000000") || code == "000000");
        assert!(!code_matches(&[0u8; 16], &stored, &code));
    }
}
