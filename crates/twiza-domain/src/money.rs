//! Money: amounts in Moroccan dirhams held as integer centimes, parsed from decimal strings such
//! as `"250.00"`. No floating point anywhere.

use crate::text::FieldError;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The only currency Twiza books (foreign donations are converted by the payment provider).
pub const CURRENCY: &str = "MAD";

/// The largest single amount accepted: 100 million dirhams.
pub const MAX_CENTIMES: i64 = 100_000_000 * 100;

/// The default amount above which a donor's identity is required (anti-money-laundering):
/// 10,000.00 MAD.
pub const DEFAULT_IDENTITY_THRESHOLD: Amount = Amount(10_000 * 100);

/// A strictly positive amount of dirhams, in centimes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Amount(i64);

impl Amount {
    /// Parses `"250"`, `"250.5"` or `"250.00"`: digits, at most two decimals, more than zero,
    /// at most [`MAX_CENTIMES`]. Signs, exponents, spaces and separators are refused.
    pub fn parse(field: &'static str, raw: &str) -> Result<Amount, FieldError> {
        let invalid = || FieldError::new(field, "invalid_amount");
        let (units, decimals) = match raw.split_once('.') {
            Some((u, d)) => (u, d),
            None => (raw, ""),
        };
        if units.is_empty() || !units.bytes().all(|b| b.is_ascii_digit()) {
            return Err(invalid());
        }
        if raw.contains('.') && decimals.is_empty() {
            return Err(invalid());
        }
        if !decimals.bytes().all(|b| b.is_ascii_digit()) {
            return Err(invalid());
        }
        if decimals.len() > 2 {
            return Err(FieldError::new(field, "amount_too_precise"));
        }
        if units.len() > 12 {
            return Err(FieldError::new(field, "amount_too_large"));
        }
        let units: i64 = units.parse().map_err(|_| invalid())?;
        let cents: i64 = format!("{decimals:0<2}").parse().map_err(|_| invalid())?;
        let centimes = units * 100 + cents;
        if centimes == 0 {
            return Err(FieldError::new(field, "amount_not_positive"));
        }
        if centimes > MAX_CENTIMES {
            return Err(FieldError::new(field, "amount_too_large"));
        }
        Ok(Amount(centimes))
    }

    /// From stored centimes (must be positive).
    pub fn from_centimes(centimes: i64) -> Option<Amount> {
        (centimes > 0 && centimes <= MAX_CENTIMES).then_some(Amount(centimes))
    }

    pub fn centimes(self) -> i64 {
        self.0
    }
}

/// The canonical decimal string, always with two decimals: `"250.00"`.
impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{:02}", self.0 / 100, self.0 % 100)
    }
}

/// Checks a currency code: only `MAD`.
pub fn parse_currency(field: &'static str, raw: &str) -> Result<&'static str, FieldError> {
    if raw == CURRENCY {
        Ok(CURRENCY)
    } else {
        Err(FieldError::new(field, "unknown_currency"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_decimal_strings() {
        assert_eq!(Amount::parse("a", "250").unwrap().centimes(), 25_000);
        assert_eq!(Amount::parse("a", "250.5").unwrap().centimes(), 25_050);
        assert_eq!(Amount::parse("a", "0.01").unwrap().centimes(), 1);
        assert_eq!(Amount::parse("a", "250.05").unwrap().to_string(), "250.05");
        assert_eq!(
            Amount::parse("a", "100000000").unwrap().centimes(),
            MAX_CENTIMES
        );
    }

    #[test]
    fn refuses_bad_amounts() {
        for (raw, code) in [
            ("0", "amount_not_positive"),
            ("0.00", "amount_not_positive"),
            ("-5", "invalid_amount"),
            ("+5", "invalid_amount"),
            ("1e3", "invalid_amount"),
            ("1,5", "invalid_amount"),
            (" 5", "invalid_amount"),
            ("5.", "invalid_amount"),
            (".5", "invalid_amount"),
            ("", "invalid_amount"),
            ("NaN", "invalid_amount"),
            ("1.005", "amount_too_precise"),
            ("100000000.01", "amount_too_large"),
            ("99999999999999999999999", "amount_too_large"),
        ] {
            assert_eq!(
                Amount::parse("amount", raw).unwrap_err().code,
                code,
                "{raw}"
            );
        }
        assert_eq!(
            parse_currency("currency", "EUR").unwrap_err().code,
            "unknown_currency"
        );
        assert_eq!(parse_currency("currency", "MAD").unwrap(), "MAD");
    }
}
