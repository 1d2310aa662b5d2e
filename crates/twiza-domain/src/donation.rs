//! Donations: money (amount in MAD and a payment method) or in kind (items and quantities), the
//! idempotency key that makes a retried request safe, and the donor commitment that lets a
//! donor prove a logged donation is theirs without the log holding who they are.

use crate::money::Amount;
use crate::text::{parse_name, FieldError};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// How money reaches the campaign's account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PaymentMethod {
    Card,
    MobileWallet,
    BankTransfer,
    Cash,
}

impl PaymentMethod {
    pub const ALL: [PaymentMethod; 4] = [
        Self::Card,
        Self::MobileWallet,
        Self::BankTransfer,
        Self::Cash,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Card => "card",
            Self::MobileWallet => "mobile_wallet",
            Self::BankTransfer => "bank_transfer",
            Self::Cash => "cash",
        }
    }

    pub fn parse(s: &str) -> Option<PaymentMethod> {
        Self::ALL.into_iter().find(|m| m.as_str() == s)
    }
}

/// Where a donation stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DonationStatus {
    /// Waiting for the payment provider's confirmation.
    Pending,
    /// Money received (or goods handed over): logged.
    Confirmed,
    /// The payment failed or was cancelled.
    Failed,
}

impl DonationStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Confirmed => "confirmed",
            Self::Failed => "failed",
        }
    }

    pub fn parse(s: &str) -> Option<DonationStatus> {
        [Self::Pending, Self::Confirmed, Self::Failed]
            .into_iter()
            .find(|x| x.as_str() == s)
    }
}

/// One line of an in-kind pledge.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PledgedItem {
    pub item: String,
    pub quantity: i64,
    pub unit: String,
}

/// What is given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Gift {
    Money {
        amount: Amount,
        method: PaymentMethod,
    },
    InKind {
        items: Vec<PledgedItem>,
    },
}

/// Parses in-kind lines: 1 to 50 items, quantities 1..=1,000,000, short names and units.
pub fn parse_items(items: &[(String, i64, String)]) -> Result<Vec<PledgedItem>, FieldError> {
    if items.is_empty() {
        return Err(FieldError::new("items", "required"));
    }
    if items.len() > 50 {
        return Err(FieldError {
            field: "items",
            code: "text_too_long",
            max: Some(50),
        });
    }
    items
        .iter()
        .map(|(item, quantity, unit)| {
            if *quantity <= 0 || *quantity > 1_000_000 {
                return Err(FieldError::new("quantity", "invalid_quantity"));
            }
            Ok(PledgedItem {
                item: parse_name("item", item, 100)?,
                quantity: *quantity,
                unit: parse_name("unit", unit, 30)?,
            })
        })
        .collect()
}

/// An `Idempotency-Key` header: 8 to 100 characters of letters, digits, `-` and `_` (a UUID fits).
pub fn parse_idempotency_key(raw: &str) -> Result<String, FieldError> {
    let ok = (8..=100).contains(&raw.len())
        && raw
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if ok {
        Ok(raw.to_owned())
    } else {
        Err(FieldError::new(
            "idempotency_key",
            "invalid_idempotency_key",
        ))
    }
}

/// Hash of a request body, stored beside its idempotency key: the same key with another body is
/// a conflict, not a replay.
pub fn request_hash(body: &[u8]) -> String {
    hex::encode(Sha256::digest(body))
}

/// The donor commitment published in the log: SHA-256 over a domain tag and the receipt secret.
/// The secret (printed on the receipt) opens it; without the secret the commitment reveals
/// nothing, and it says nothing about who the donor is.
pub fn donor_commitment(secret: &[u8; 32]) -> String {
    let mut h = Sha256::new();
    h.update(b"twiza-donor-commitment-v1\n");
    h.update(secret);
    hex::encode(h.finalize())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn idempotency_keys() {
        assert!(parse_idempotency_key("0f8fad5b-d9cb-469f-a165-70867728950e").is_ok());
        for bad in ["short", "has space in it", "é-accent-key", &"x".repeat(101)] {
            assert!(parse_idempotency_key(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn items() {
        let ok = parse_items(&[("Couverture".into(), 10, "pièce".into())]).unwrap();
        assert_eq!(ok[0].quantity, 10);
        assert_eq!(
            parse_items(&[("Tente".into(), -1, "pièce".into())])
                .unwrap_err()
                .code,
            "invalid_quantity"
        );
        assert_eq!(
            parse_items(&[("Tente".into(), 0, "pièce".into())])
                .unwrap_err()
                .code,
            "invalid_quantity"
        );
        assert_eq!(parse_items(&[]).unwrap_err().code, "required");
    }

    #[test]
    fn commitments_bind_the_secret() {
        let a = donor_commitment(&[1; 32]);
        assert_eq!(a.len(), 64);
        assert_ne!(a, donor_commitment(&[2; 32]));
        assert_eq!(a, donor_commitment(&[1; 32]));
    }
}
