//! CLDR cardinal plural rules of the four locales, and the `PLURAL()` Fluent function that
//! applies them.
//!
//! # Why a function
//! fluent-bundle matches a variant key such as `[one]` against a number through
//! `intl_pluralrules`, which has no data for `zgh` (neither has CLDR, see below). It then
//! negotiates a fallback with `en` as default (`fluent_bundle::types::plural`), so a
//! `{ $count -> [one] … *[other] … }` in `zgh.ftl` would silently follow *English* rules:
//! 0 and 11 would get `other`. Moreover intl_pluralrules 7.0.2's Arabic rule drops CLDR's
//! `n % 100`, so 103 and 111 come out `other` instead of `few` and `many`. The integration
//! tests (`tests/it/plurals.rs`) demonstrate both.
//!
//! So the message files never select on a bare number. They write
//! `{ PLURAL($count) -> [one] … *[other] … }`: `PLURAL` is registered in every bundle by
//! [`crate::Messages::load`], computes [`plural_category`] for the bundle's locale and returns
//! the category *name* as a string, which Fluent then matches as a plain string key. One
//! explicit, tested rule set per locale, the same for the four files; a test rejects any
//! `{ $variable -> [one] … }` selector in the message files.
//!
//! # Rules (CLDR `common/supplemental/plurals.xml`, checked against CLDR 44–48 and ICU 78)
//! - `ar`: zero → n = 0; one → n = 1; two → n = 2; few → n % 100 = 3..10;
//!   many → n % 100 = 11..99; other → everything else.
//! - `fr`: one → i = 0,1; many → e = 0 and i ≠ 0 and i % 1000000 = 0 and v = 0 (added in
//!   CLDR 38: "1 000 000 *de* …"); other → everything else.
//! - `en`: one → i = 1 and v = 0; other → everything else.
//! - `zgh`: **CLDR has no rules for `zgh`** (ICU falls back to the root/default locale). We
//!   follow CLDR's `tzm` (Central Atlas Tamazight): one → n = 0..1 or n = 11..99;
//!   other → everything else. Justification: `zgh` is IRCAM's standard built from Tachelhit
//!   (`shi`), Central Atlas Tamazight (`tzm`) and Tarifit (`rif`); CLDR has rules for `tzm`
//!   (one/other) and `shi` (one: i = 0 or n = 1; few: n = 2..10; other), none for `rif`.
//!   Both Moroccan rules agree that 0 and 1 take the singular and 2–10 the plural, and both
//!   treat 11–99 apart from 2–10 (the counted noun goes back to the singular after numbers
//!   read with the Arabic-derived numerals); `tzm` expresses this with the two categories
//!   (`one`/`other`) that translators already use in the other files, while `shi`'s `few`
//!   would need a third variant in every message. Where the two disagree (11–99: `one` vs
//!   `other`; ≥ 100) a reviewer should confirm with an IRCAM-trained linguist.
//!
//! `n` is the absolute value, `i` its integer part, `v` the number of visible fraction
//! digits and `e` the compact exponent (always 0 here), as in UTS #35.

use fluent_bundle::types::FluentNumber;
use fluent_bundle::FluentValue;

use crate::Locale;

/// A CLDR plural category.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PluralCategory {
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

impl PluralCategory {
    /// The CLDR keyword, as written in Fluent variant keys.
    pub const fn as_str(self) -> &'static str {
        match self {
            PluralCategory::Zero => "zero",
            PluralCategory::One => "one",
            PluralCategory::Two => "two",
            PluralCategory::Few => "few",
            PluralCategory::Many => "many",
            PluralCategory::Other => "other",
        }
    }
}

/// The cardinal plural category of the integer `n` in `locale` (rules in the module docs).
pub fn plural_category(locale: Locale, n: i64) -> PluralCategory {
    category(locale, Operands::integer(n.unsigned_abs()))
}

/// The UTS #35 operands we need.
#[derive(Clone, Copy, Debug)]
struct Operands {
    /// Whether the absolute value is a whole number (`f = 0`).
    whole: bool,
    /// Integer part of the absolute value.
    i: u64,
    /// Number of visible fraction digits.
    v: usize,
}

impl Operands {
    fn integer(i: u64) -> Self {
        Operands {
            whole: true,
            i,
            v: 0,
        }
    }

    /// Operands of a Fluent number, as it would be displayed (`as_string` honours
    /// `minimumFractionDigits`, so `1.0` has `v = 1`). Non-finite numbers give `None`.
    fn of(number: &FluentNumber) -> Option<Self> {
        let value = number.value.abs();
        if !value.is_finite() {
            return None;
        }
        let shown = number.as_string();
        let v = shown.split_once('.').map_or(0, |(_, frac)| frac.len());
        // Saturating cast: integer parts beyond u64 are far outside every rule's ranges.
        let i = value.trunc() as u64;
        Some(Operands {
            whole: value.fract() == 0.0,
            i,
            v,
        })
    }
}

fn category(locale: Locale, op: Operands) -> PluralCategory {
    use PluralCategory::*;
    let Operands { whole, i, v } = op;
    match locale {
        Locale::Ar => match (whole, i, i % 100) {
            (true, 0, _) => Zero,
            (true, 1, _) => One,
            (true, 2, _) => Two,
            (true, _, 3..=10) => Few,
            (true, _, 11..=99) => Many,
            _ => Other,
        },
        Locale::Fr => {
            if i <= 1 {
                One
            } else if v == 0 && i % 1_000_000 == 0 {
                Many
            } else {
                Other
            }
        }
        Locale::En => {
            if i == 1 && v == 0 {
                One
            } else {
                Other
            }
        }
        Locale::Zgh => match (whole, i) {
            (true, 0..=1 | 11..=99) => One,
            _ => Other,
        },
    }
}

/// The `PLURAL($n)` Fluent function for `locale`: the category name of its first positional
/// argument, as a string. A string argument that parses as a number is accepted; anything
/// else (missing variable, text) gives `other`, so the default variant is used.
pub(crate) fn fluent_plural<'a>(locale: Locale, args: &[FluentValue<'a>]) -> FluentValue<'a> {
    let operands = match args.first() {
        Some(FluentValue::Number(number)) => Operands::of(number),
        Some(FluentValue::String(text)) => text
            .trim()
            .parse::<FluentNumber>()
            .ok()
            .and_then(|number| Operands::of(&number)),
        _ => None,
    };
    let category = operands.map_or(PluralCategory::Other, |op| category(locale, op));
    FluentValue::from(category.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use fluent_bundle::types::FluentNumberOptions;
    use PluralCategory::*;

    fn cats(locale: Locale, ns: &[i64]) -> Vec<PluralCategory> {
        ns.iter().map(|&n| plural_category(locale, n)).collect()
    }

    #[test]
    fn arabic_six_categories() {
        assert_eq!(
            cats(
                Locale::Ar,
                &[0, 1, 2, 3, 10, 11, 99, 100, 101, 102, 103, 111, 1000]
            ),
            [Zero, One, Two, Few, Few, Many, Many, Other, Other, Other, Few, Many, Other]
        );
    }

    #[test]
    fn french() {
        assert_eq!(
            cats(
                Locale::Fr,
                &[0, 1, 2, 100, 999_999, 1_000_000, 2_000_000, 1_000_001]
            ),
            [One, One, Other, Other, Other, Many, Many, Other]
        );
    }

    #[test]
    fn english() {
        assert_eq!(
            cats(Locale::En, &[0, 1, 2, 11, 21]),
            [Other, One, Other, Other, Other]
        );
    }

    #[test]
    fn tamazight_follows_tzm() {
        assert_eq!(
            cats(Locale::Zgh, &[0, 1, 2, 10, 11, 24, 99, 100, 101, 111, 1000]),
            [One, One, Other, Other, One, One, One, Other, Other, Other, Other]
        );
    }

    #[test]
    fn negative_numbers_use_absolute_value() {
        assert_eq!(plural_category(Locale::Ar, -2), Two);
        assert_eq!(plural_category(Locale::En, -1), One);
        assert_eq!(plural_category(Locale::Zgh, i64::MIN), Other);
    }

    fn number(value: f64, min_fraction_digits: Option<usize>) -> FluentValue<'static> {
        let options = FluentNumberOptions {
            minimum_fraction_digits: min_fraction_digits,
            ..Default::default()
        };
        FluentValue::Number(FluentNumber::new(value, options))
    }

    fn plural(locale: Locale, value: FluentValue<'static>) -> String {
        match fluent_plural(locale, &[value]) {
            FluentValue::String(s) => s.into_owned(),
            _ => String::new(),
        }
    }

    #[test]
    fn fluent_function_with_decimals() {
        // en: "1.0" has v = 1, so it is `other`; fr: i = 1, so `one`.
        assert_eq!(plural(Locale::En, number(1.0, Some(1))), "other");
        assert_eq!(plural(Locale::En, number(1.0, None)), "one");
        assert_eq!(plural(Locale::Fr, number(1.5, None)), "one");
        assert_eq!(plural(Locale::Fr, number(1_000_000.0, Some(2))), "other");
        assert_eq!(plural(Locale::Ar, number(1.0, Some(2))), "one");
        assert_eq!(plural(Locale::Ar, number(3.5, None)), "other");
        assert_eq!(plural(Locale::Zgh, number(0.5, None)), "other");
        assert_eq!(plural(Locale::Zgh, number(11.0, Some(1))), "one");
    }

    #[test]
    fn fluent_function_edge_inputs() {
        assert_eq!(plural(Locale::Ar, FluentValue::from("2")), "two");
        assert_eq!(plural(Locale::Ar, FluentValue::from("deux")), "other");
        assert_eq!(plural(Locale::Ar, FluentValue::Error), "other");
        assert_eq!(plural(Locale::Ar, number(f64::NAN, None)), "other");
        assert_eq!(plural(Locale::Zgh, number(f64::INFINITY, None)), "other");
        // Out-of-range magnitudes must not panic; their category does not matter here.
        assert!(!plural(Locale::Fr, number(1e300, None)).is_empty());
        match fluent_plural(Locale::En, &[]) {
            FluentValue::String(s) => assert_eq!(s, "other"),
            other => panic!("unexpected {other:?}"),
        }
    }
}
