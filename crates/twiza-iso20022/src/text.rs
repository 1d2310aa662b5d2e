//! Text, identifier, amount and date rules shared by the writers: lengths, character sets and
//! the decimal rendering of centimes.

use time::{Date, OffsetDateTime, UtcOffset};

use crate::Error;

/// `Max35Text` of the schemas.
pub const MAX35: usize = 35;
/// `Max140Text` of the schemas.
pub const MAX140: usize = 140;
/// The schemas' amounts and control sums have at most 18 digits; with two decimals that is
/// 10^18 - 1 centimes.
pub const MAX_CENTIMES: i64 = 999_999_999_999_999_999;

/// A free text (names, remittance information): 1..=`max` characters (counted as Unicode
/// scalar values, as XML Schema's `maxLength` counts them), not blank, and no control
/// characters (XML 1.0 forbids most; banks choke on the rest). Arabic and any other script are
/// allowed: the file is UTF-8.
pub fn check_text(field: &str, value: &str, max: usize) -> Result<(), Error> {
    if value.trim().is_empty() {
        return Err(Error::TextEmpty {
            field: field.to_owned(),
        });
    }
    let len = value.chars().count();
    if len > max {
        return Err(Error::TextTooLong {
            field: field.to_owned(),
            max,
            len,
        });
    }
    if let Some(ch) = value
        .chars()
        .find(|c| c.is_control() || matches!(c, '\u{FFFE}' | '\u{FFFF}'))
    {
        return Err(Error::InvalidCharacter {
            field: field.to_owned(),
            ch,
        });
    }
    Ok(())
}

/// Whether `c` belongs to the restricted Latin set used for identifiers (the SWIFT "x"
/// character set without space): `a-z A-Z 0-9 / - ? : ( ) . , ' +`.
pub fn is_id_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(
            c,
            '/' | '-' | '?' | ':' | '(' | ')' | '.' | ',' | '\'' | '+'
        )
}

/// An identifier (`MsgId`, `PmtInfId`, `InstrId`, `EndToEndId`, a non-IBAN account id):
/// 1..=`max` characters of [`is_id_char`], not starting or ending with `/` and without `//`
/// (the rule banks apply to references, which they print and route on).
pub fn check_id(field: &str, value: &str, max: usize) -> Result<(), Error> {
    if value.is_empty() {
        return Err(Error::TextEmpty {
            field: field.to_owned(),
        });
    }
    let len = value.chars().count();
    if len > max {
        return Err(Error::TextTooLong {
            field: field.to_owned(),
            max,
            len,
        });
    }
    if let Some(ch) = value.chars().find(|c| !is_id_char(*c)) {
        return Err(Error::InvalidCharacter {
            field: field.to_owned(),
            ch,
        });
    }
    let reason = if value.starts_with('/') || value.ends_with('/') {
        Some("must not start or end with '/'")
    } else if value.contains("//") {
        Some("must not contain '//'")
    } else {
        None
    };
    match reason {
        Some(reason) => Err(Error::InvalidIdentifier {
            field: field.to_owned(),
            value: value.to_owned(),
            reason,
        }),
        None => Ok(()),
    }
}

/// A currency code: three upper-case ASCII letters (ISO 4217 form, e.g. `MAD`).
pub fn check_currency(field: &str, value: &str) -> Result<(), Error> {
    if value.len() == 3 && value.bytes().all(|b| b.is_ascii_uppercase()) {
        Ok(())
    } else {
        Err(Error::InvalidCurrency {
            field: field.to_owned(),
            value: value.to_owned(),
        })
    }
}

/// Renders centimes with exactly two decimals: `150000` → `"1500.00"`, `5` → `"0.05"`.
/// Negative values keep their sign (`-5` → `"-0.05"`), though the writers refuse them.
pub fn format_centimes(centimes: i64) -> String {
    let sign = if centimes < 0 { "-" } else { "" };
    let abs = centimes.unsigned_abs();
    format!("{sign}{}.{:02}", abs / 100, abs % 100)
}

/// Parses a decimal amount with at most two decimals back into centimes (`"12.5"` → 1250).
/// Returns `None` for anything else (more decimals, signs, exponents, overflow).
pub fn parse_centimes(text: &str) -> Option<i64> {
    let (units, fraction) = match text.split_once('.') {
        Some((u, f)) => (u, f),
        None => (text, ""),
    };
    if units.is_empty()
        || fraction.len() > 2
        || !units.bytes().all(|b| b.is_ascii_digit())
        || !fraction.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let units: i64 = units.parse().ok()?;
    let mut cents: i64 = if fraction.is_empty() {
        0
    } else {
        fraction.parse().ok()?
    };
    if fraction.len() == 1 {
        cents *= 10;
    }
    units.checked_mul(100)?.checked_add(cents)
}

/// `YYYY-MM-DD` (`ISODate`).
pub fn format_date(field: &str, date: Date) -> Result<String, Error> {
    if !(1..=9999).contains(&date.year()) {
        return Err(Error::InvalidDate {
            field: field.to_owned(),
        });
    }
    Ok(format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    ))
}

/// `YYYY-MM-DDThh:mm:ss` followed by `Z` in UTC or `±hh:mm` otherwise (`ISODateTime`, an XML
/// Schema `dateTime`). Sub-second digits are dropped so that files are stable to the second.
pub fn format_datetime(field: &str, at: OffsetDateTime) -> Result<String, Error> {
    let date = format_date(field, at.date())?;
    let offset = at.offset();
    let zone = if offset == UtcOffset::UTC {
        "Z".to_owned()
    } else {
        let (h, m, s) = offset.as_hms();
        if s != 0 {
            return Err(Error::InvalidDate {
                field: field.to_owned(),
            });
        }
        let sign = if h < 0 || m < 0 { '-' } else { '+' };
        format!("{sign}{:02}:{:02}", h.unsigned_abs(), m.unsigned_abs())
    };
    Ok(format!(
        "{date}T{:02}:{:02}:{:02}{zone}",
        at.hour(),
        at.minute(),
        at.second()
    ))
}

/// A loose check of an `ISODateTime` read from or written to a status report:
/// `YYYY-MM-DDThh:mm:ss` with optional fraction and zone.
pub fn looks_like_datetime(value: &str) -> bool {
    let b = value.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|s| s.iter().all(u8::is_ascii_digit));
    b.len() >= 19
        && digits(0..4)
        && b[4] == b'-'
        && digits(5..7)
        && b[7] == b'-'
        && digits(8..10)
        && b[10] == b'T'
        && digits(11..13)
        && b[13] == b':'
        && digits(14..16)
        && b[16] == b':'
        && digits(17..19)
        && value[19..]
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'Z' | '+' | '-' | ':'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn centimes_render_with_two_decimals() {
        assert_eq!(format_centimes(150_000), "1500.00");
        assert_eq!(format_centimes(5), "0.05");
        assert_eq!(format_centimes(0), "0.00");
        assert_eq!(format_centimes(-5), "-0.05");
        assert_eq!(format_centimes(MAX_CENTIMES), "9999999999999999.99");
    }

    #[test]
    fn centimes_parse_back() {
        assert_eq!(parse_centimes("1500.00"), Some(150_000));
        assert_eq!(parse_centimes("12.5"), Some(1250));
        assert_eq!(parse_centimes("7"), Some(700));
        assert_eq!(parse_centimes("0.001"), None);
        assert_eq!(parse_centimes("-1.00"), None);
        assert_eq!(parse_centimes("1e3"), None);
        assert_eq!(parse_centimes(""), None);
    }

    #[test]
    fn ids_follow_the_restricted_set() {
        assert!(check_id("id", "TWZ-2025/01-0001", MAX35).is_ok());
        assert_eq!(
            check_id("id", "", MAX35).map_err(|e| e.code()),
            Err("text_empty")
        );
        assert_eq!(
            check_id("id", "with space", MAX35).map_err(|e| e.code()),
            Err("invalid_character")
        );
        assert_eq!(
            check_id("id", "/lead", MAX35).map_err(|e| e.code()),
            Err("invalid_identifier")
        );
        assert_eq!(
            check_id("id", "a//b", MAX35).map_err(|e| e.code()),
            Err("invalid_identifier")
        );
        assert_eq!(
            check_id("id", &"x".repeat(36), MAX35).map_err(|e| e.code()),
            Err("text_too_long")
        );
        assert_eq!(
            check_id("id", "مرجع", MAX35).map_err(|e| e.code()),
            Err("invalid_character")
        );
    }

    #[test]
    fn text_counts_characters_not_bytes() {
        // 140 Arabic letters are 280 bytes but fit in Max140Text.
        let name = "ب".repeat(140);
        assert!(check_text("nm", &name, MAX140).is_ok());
        let longer = "ب".repeat(141);
        assert_eq!(
            check_text("nm", &longer, MAX140).map_err(|e| e.code()),
            Err("text_too_long")
        );
        assert_eq!(
            check_text("nm", "  ", MAX140).map_err(|e| e.code()),
            Err("text_empty")
        );
        assert_eq!(
            check_text("nm", "a\u{1}b", MAX140).map_err(|e| e.code()),
            Err("invalid_character")
        );
    }

    #[test]
    fn datetimes_are_xml_schema_datetimes() -> Result<(), Error> {
        let at = time::macros::datetime!(2025-03-01 09:30:15.123 +01:00);
        assert_eq!(format_datetime("t", at)?, "2025-03-01T09:30:15+01:00");
        let utc = time::macros::datetime!(2025-03-01 09:30:15 UTC);
        assert_eq!(format_datetime("t", utc)?, "2025-03-01T09:30:15Z");
        assert!(looks_like_datetime("2025-03-01T09:30:15Z"));
        assert!(looks_like_datetime("2025-03-01T09:30:15.5+01:00"));
        assert!(!looks_like_datetime("2025-03-01"));
        Ok(())
    }
}
