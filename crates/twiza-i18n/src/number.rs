//! Locale-aware formatting of integers, decimals and amounts of money (CLDR data in `cldr`).

use fluent_bundle::FluentValue;

use crate::cldr::{self, NBSP};
use crate::Locale;

/// Formats an integer with the locale's grouping: `1234567` → `1.234.567` (ar, fr),
/// `1 234 567` with U+00A0 (zgh), `1,234,567` (en). Latin digits in every locale.
pub fn format_integer(locale: Locale, n: i64) -> String {
    format_decimal(locale, n, 0)
}

/// Formats the exact decimal `units × 10^-scale` with exactly `scale` fraction digits:
/// `format_decimal(Locale::Fr, 123456789, 2)` → `1.234.567,89`. `scale` is a `u8` so the
/// output stays small; scales beyond the digits of `units` pad with zeros (`0,00…01`).
pub fn format_decimal(locale: Locale, units: i64, scale: u8) -> String {
    format_unsigned(locale, units < 0, units.unsigned_abs(), scale)
}

/// Formats `abs × 10^-scale`, with a leading minus sign when `negative`.
fn format_unsigned(locale: Locale, negative: bool, abs: u64, scale: u8) -> String {
    let digits = abs.to_string();
    let scale = usize::from(scale);
    let padded = if digits.len() <= scale {
        format!("{}{digits}", "0".repeat(scale + 1 - digits.len()))
    } else {
        digits
    };
    let (int, frac) = padded.split_at(padded.len() - scale);
    localize(locale, negative, int, frac)
}

/// Builds the localized number from ASCII digit strings `int` (non-empty) and `frac`.
fn localize(locale: Locale, negative: bool, int: &str, frac: &str) -> String {
    let data = cldr::data(locale);
    let mut out = String::with_capacity(int.len() * 2 + frac.len() + 2);
    if negative {
        out.push('-');
    }
    let len = int.len();
    for (idx, digit) in int.chars().enumerate() {
        if idx > 0 && (len - idx).is_multiple_of(3) {
            out.push(data.group);
        }
        out.push(digit);
    }
    if !frac.is_empty() {
        out.push(data.decimal);
        out.push_str(frac);
    }
    out
}

/// Formats an amount of money given in hundredths with the locale's currency pattern and the
/// given symbol (taken from the messages): `0,00 MAD`, `MAD 1,234,567.89`.
pub(crate) fn format_money(locale: Locale, hundredths: i64, symbol: &str) -> String {
    let data = cldr::data(locale);
    let number = format_unsigned(locale, false, hundredths.unsigned_abs(), 2);
    let adjacent = if data.currency_before {
        symbol.chars().next_back()
    } else {
        symbol.chars().next()
    };
    // CLDR currencySpacing: insert a no-break space when the pattern has none and the
    // symbol's character next to the digits is not a symbol or space (approximated as
    // "alphanumeric", which covers MAD and د.م.).
    let space = data.currency_space || adjacent.is_some_and(char::is_alphanumeric);
    let mut out = String::with_capacity(number.len() + symbol.len() + 4);
    if hundredths < 0 {
        out.push('-');
    }
    if data.currency_before {
        out.push_str(symbol);
        if space {
            out.push(NBSP);
        }
        out.push_str(&number);
    } else {
        out.push_str(&number);
        if space {
            out.push(NBSP);
        }
        out.push_str(symbol);
    }
    out
}

/// The number formatter installed in each Fluent bundle: numbers placed in messages
/// (`{ $count }`, `{ $max }`) get the locale's separators. Non-numbers and non-finite numbers
/// are left to Fluent (`None`).
pub(crate) fn format_fluent_value(locale: Locale, value: &FluentValue<'_>) -> Option<String> {
    let FluentValue::Number(number) = value else {
        return None;
    };
    if !number.value.is_finite() {
        return None;
    }
    // `as_string` gives Rust's shortest round-trip decimal (never an exponent), padded to
    // `minimumFractionDigits`.
    let plain = number.as_string();
    let (negative, unsigned) = match plain.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, plain.as_ref()),
    };
    let (int, frac) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let ascii_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if int.is_empty() || !ascii_digits(int) || !ascii_digits(frac) {
        return None;
    }
    Some(localize(locale, negative, int, frac))
}

/// A formatter function for the bundle of `locale`, as fluent-bundle wants a plain `fn`.
pub(crate) fn fluent_formatter<M>(locale: Locale) -> fn(&FluentValue<'_>, &M) -> Option<String> {
    match locale {
        Locale::Ar => |value, _| format_fluent_value(Locale::Ar, value),
        Locale::Fr => |value, _| format_fluent_value(Locale::Fr, value),
        Locale::Zgh => |value, _| format_fluent_value(Locale::Zgh, value),
        Locale::En => |value, _| format_fluent_value(Locale::En, value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fluent_bundle::types::{FluentNumber, FluentNumberOptions};

    #[test]
    fn integers() {
        assert_eq!(format_integer(Locale::Ar, 0), "0");
        assert_eq!(format_integer(Locale::Ar, 999), "999");
        assert_eq!(format_integer(Locale::Ar, 1000), "1.000");
        assert_eq!(format_integer(Locale::Fr, 1_234_567), "1.234.567");
        assert_eq!(
            format_integer(Locale::Zgh, 1_234_567),
            "1\u{a0}234\u{a0}567"
        );
        assert_eq!(format_integer(Locale::En, 1_234_567), "1,234,567");
        assert_eq!(format_integer(Locale::En, -1_234_567), "-1,234,567");
        assert_eq!(
            format_integer(Locale::En, i64::MIN),
            "-9,223,372,036,854,775,808"
        );
        assert_eq!(
            format_integer(Locale::En, i64::MAX),
            "9,223,372,036,854,775,807"
        );
    }

    #[test]
    fn decimals() {
        assert_eq!(format_decimal(Locale::Fr, 123_456_789, 2), "1.234.567,89");
        assert_eq!(format_decimal(Locale::En, 5, 3), "0.005");
        assert_eq!(format_decimal(Locale::En, -5, 1), "-0.5");
        assert_eq!(format_decimal(Locale::Zgh, 100, 2), "1,00");
        assert_eq!(format_decimal(Locale::Ar, 0, 2), "0,00");
        assert_eq!(
            format_decimal(Locale::En, i64::MIN, 2),
            "-92,233,720,368,547,758.08"
        );
        let tiny = format_decimal(Locale::En, 1, u8::MAX);
        assert_eq!(tiny.len(), 2 + 255);
        assert!(tiny.starts_with("0.000") && tiny.ends_with('1'));
    }

    #[test]
    fn money_extremes() {
        assert_eq!(format_money(Locale::En, -150, "MAD"), "-MAD\u{a0}1.50");
        assert_eq!(format_money(Locale::Fr, -150, "MAD"), "-1,50\u{a0}MAD");
        assert_eq!(
            format_money(Locale::En, i64::MIN, "MAD"),
            "-MAD\u{a0}92,233,720,368,547,758.08"
        );
        // A symbol that is itself a symbol character gets no space in zgh/en.
        assert_eq!(format_money(Locale::En, 100, "$"), "$1.00");
        assert_eq!(format_money(Locale::Zgh, 100, "€"), "1,00€");
    }

    fn fluent_number(value: f64, min_fraction_digits: Option<usize>) -> FluentValue<'static> {
        let options = FluentNumberOptions {
            minimum_fraction_digits: min_fraction_digits,
            ..Default::default()
        };
        FluentValue::Number(FluentNumber::new(value, options))
    }

    #[test]
    fn fluent_values() {
        let f = |locale, v| format_fluent_value(locale, &v);
        assert_eq!(
            f(Locale::Fr, fluent_number(1234.0, None)).as_deref(),
            Some("1.234")
        );
        assert_eq!(
            f(Locale::En, fluent_number(-1234.5, None)).as_deref(),
            Some("-1,234.5")
        );
        assert_eq!(
            f(Locale::Ar, fluent_number(3.0, Some(2))).as_deref(),
            Some("3,00")
        );
        assert_eq!(f(Locale::En, fluent_number(f64::NAN, None)), None);
        assert_eq!(f(Locale::En, fluent_number(f64::INFINITY, None)), None);
        assert_eq!(f(Locale::En, FluentValue::from("1234")), None);
        let huge = f(Locale::En, fluent_number(1e300, None)).unwrap_or_default();
        assert!(huge.starts_with("1,000,"));
    }
}
