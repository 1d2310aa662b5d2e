//! Choosing the locale of a request from the language cookie and the `Accept-Language` header.

use crate::Locale;

/// Entries of `Accept-Language` beyond this many are ignored (real browsers send fewer than 10).
const MAX_ENTRIES: usize = 32;

/// Picks the locale for a request.
///
/// 1. The cookie, when it holds a tag [`Locale::from_tag`] accepts: an explicit choice made
///    with the language switcher wins over the browser's settings.
/// 2. Otherwise the `Accept-Language` header (RFC 9110 §12.5.4): the acceptable language with
///    the highest weight; equal weights keep the header's order. `q=0` means "not acceptable";
///    `*` and tags we do not have are ignored; an entry whose weight is malformed is ignored.
///    Tags are matched by [`Locale::from_tag`], so `tzm`, `shi`, `rif` and `ber` select
///    Tamazight.
/// 3. Otherwise Arabic, the default; but if the header explicitly refused Arabic (`ar;q=0`),
///    the first locale of [`Locale::ALL`] it did not refuse.
///
/// Never panics, whatever the inputs; the work is linear in the header's length.
pub fn negotiate(cookie: Option<&str>, accept_language: Option<&str>) -> Locale {
    if let Some(locale) = cookie.and_then(Locale::from_tag) {
        return locale;
    }
    let Some(header) = accept_language else {
        return Locale::DEFAULT;
    };

    let mut best: Option<(u16, Locale)> = None;
    let mut refused = [false; Locale::ALL.len()];
    for entry in header.split(',').take(MAX_ENTRIES) {
        let mut parts = entry.split(';');
        let tag = parts.next().unwrap_or("").trim();
        let Some(weight) = weight(parts) else {
            continue;
        };
        let Some(locale) = Locale::from_tag(tag) else {
            continue;
        };
        if weight == 0 {
            refused[locale.index()] = true;
            continue;
        }
        if best.is_none_or(|(best_weight, _)| weight > best_weight) {
            best = Some((weight, locale));
        }
    }
    if let Some((_, locale)) = best {
        return locale;
    }
    Locale::ALL
        .into_iter()
        .find(|locale| !refused[locale.index()])
        .unwrap_or(Locale::DEFAULT)
}

/// The weight of an `Accept-Language` entry, in thousandths (1000 when absent), from its
/// parameters. `None` when a `q` parameter is present but malformed.
fn weight<'a>(params: impl Iterator<Item = &'a str>) -> Option<u16> {
    let mut weight = 1000;
    for param in params {
        let Some((name, value)) = param.split_once('=') else {
            continue;
        };
        if name.trim().eq_ignore_ascii_case("q") {
            weight = parse_qvalue(value.trim())?;
        }
    }
    Some(weight)
}

/// Parses an RFC 9110 `qvalue` (`0`, `0.5`, `1`, `1.000`, at most three decimals) into
/// thousandths.
fn parse_qvalue(value: &str) -> Option<u16> {
    let (int, frac) = value.split_once('.').unwrap_or((value, ""));
    if frac.len() > 3 || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut thousandths: u16 = 0;
    for (i, b) in frac.bytes().enumerate() {
        let digit = u16::from(b - b'0');
        thousandths += digit * [100, 10, 1][i];
    }
    match int {
        "0" => Some(thousandths),
        "1" if thousandths == 0 => Some(1000),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qvalues() {
        assert_eq!(parse_qvalue("0"), Some(0));
        assert_eq!(parse_qvalue("0.5"), Some(500));
        assert_eq!(parse_qvalue("0.05"), Some(50));
        assert_eq!(parse_qvalue("0.123"), Some(123));
        assert_eq!(parse_qvalue("1"), Some(1000));
        assert_eq!(parse_qvalue("1.000"), Some(1000));
        assert_eq!(parse_qvalue("0."), Some(0));
        for bad in ["", "1.5", "2", "0.1234", "-0.5", "0.5x", "abc", ".5", "0.٥"] {
            assert_eq!(parse_qvalue(bad), None, "{bad:?}");
        }
    }
}
