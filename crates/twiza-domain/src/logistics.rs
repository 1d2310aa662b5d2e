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

/// A count of goods found in a warehouse: a whole number, zero or more.
pub fn parse_count(field: &'static str, raw: i64) -> Result<i64, FieldError> {
    match raw {
        n if n < 0 => Err(FieldError::new(field, "quantity_negative")),
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

/// Where a convoy stands: `planned` → `left` → `arrived`, or `cancelled` before it leaves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConvoyStatus {
    Planned,
    Left,
    Arrived,
    Cancelled,
}

impl ConvoyStatus {
    pub const ALL: [ConvoyStatus; 4] = [
        ConvoyStatus::Planned,
        ConvoyStatus::Left,
        ConvoyStatus::Arrived,
        ConvoyStatus::Cancelled,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ConvoyStatus::Planned => "planned",
            ConvoyStatus::Left => "left",
            ConvoyStatus::Arrived => "arrived",
            ConvoyStatus::Cancelled => "cancelled",
        }
    }

    pub fn parse(s: &str) -> Option<ConvoyStatus> {
        ConvoyStatus::ALL.into_iter().find(|x| x.as_str() == s)
    }

    /// The moves a convoy may make.
    pub fn can_become(self, next: ConvoyStatus) -> bool {
        matches!(
            (self, next),
            (ConvoyStatus::Planned, ConvoyStatus::Left)
                | (ConvoyStatus::Left, ConvoyStatus::Arrived)
                | (ConvoyStatus::Planned, ConvoyStatus::Cancelled)
        )
    }
}

/// A convoy as planned: vehicle, driver, route, date and manifest (item codes and quantities).
#[derive(Debug, Clone)]
pub struct NewConvoy {
    pub vehicle: String,
    pub driver: String,
    pub route: String,
    pub departs_on: time::Date,
    pub manifest: Vec<(String, i64)>,
}

/// Most lines on one manifest.
pub const MAX_MANIFEST_LINES: usize = 50;

impl NewConvoy {
    pub fn parse(
        vehicle: &str,
        driver: &str,
        route: &str,
        departs_on: &str,
        manifest: &[(String, i64)],
        today: time::Date,
    ) -> Result<NewConvoy, FieldError> {
        let departs_on = crate::campaign::parse_date("departs_on", departs_on)?;
        if departs_on < today {
            return Err(FieldError::new("departs_on", "date_in_past"));
        }
        if manifest.is_empty() {
            return Err(FieldError::new("manifest", "required"));
        }
        if manifest.len() > MAX_MANIFEST_LINES {
            return Err(FieldError::new("manifest", "too_many"));
        }
        let mut lines: Vec<(String, i64)> = Vec::with_capacity(manifest.len());
        for (item, quantity) in manifest {
            let quantity = parse_quantity("manifest", *quantity)?;
            match lines.iter_mut().find(|(i, _)| i == item) {
                Some(line) => line.1 += quantity,
                None => lines.push((item.trim().to_owned(), quantity)),
            }
        }
        Ok(NewConvoy {
            vehicle: parse_text("vehicle", vehicle, 60)?,
            driver: parse_text("driver", driver, 120)?,
            route: parse_text("route", route, 500)?,
            departs_on,
            manifest: lines,
        })
    }
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
    fn convoys_move_forward_and_carry_something() {
        use ConvoyStatus::*;
        assert!(
            Planned.can_become(Left) && Left.can_become(Arrived) && Planned.can_become(Cancelled)
        );
        assert!(
            !Left.can_become(Cancelled)
                && !Arrived.can_become(Left)
                && !Planned.can_become(Arrived)
        );
        let today = time::macros::date!(2023 - 09 - 10);
        let manifest = vec![
            ("tent".to_owned(), 10),
            ("tent".to_owned(), 5),
            ("water".to_owned(), 300),
        ];
        let c = NewConvoy::parse(
            "Camion 12 t",
            "Brahim",
            "Marrakech – Asni – Ijoukak",
            "2023-09-11",
            &manifest,
            today,
        )
        .unwrap();
        assert_eq!(
            c.manifest,
            vec![("tent".to_owned(), 15), ("water".to_owned(), 300)]
        );
        let bad = |m: &[(String, i64)], d: &str| {
            NewConvoy::parse("Camion", "B", "R", d, m, today)
                .unwrap_err()
                .code
        };
        assert_eq!(bad(&[], "2023-09-11"), "required");
        assert_eq!(
            bad(&[("tent".to_owned(), -1)], "2023-09-11"),
            "quantity_negative"
        );
        assert_eq!(bad(&manifest, "2023-09-01"), "date_in_past");
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
