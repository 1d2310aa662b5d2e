//! Numbers, MAD amounts and dates per locale, checked against CLDR (ICU 78 output noted).

use time::{Date, Month};
use twiza_i18n::{format_decimal, format_integer, Arg, Locale};

use crate::messages;

const NBSP: char = '\u{a0}';

fn no_bidi_controls(text: &str) -> bool {
    !text.chars().any(|c| {
        matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    })
}

/// Expected strings from CLDR 48 as rendered by ICU 78 (`Intl.NumberFormat(tag,
/// {style: "currency", currency: "MAD"})`), minus the RLM marks ICU puts around ar amounts:
/// ar-MA `‏1.234.567,89 د.م.‏`, fr-MA `1.234.567,89 MAD`, zgh `1 234 567,89 MAD`,
/// en `MAD 1,234,567.89` (every space U+00A0).
#[test]
fn mad_amounts() {
    let cases: [(Locale, [String; 3]); 4] = [
        (
            Locale::Ar,
            [
                format!("0,00{NBSP}د.م."),
                format!("1.234.567,00{NBSP}د.م."),
                format!("1.234.567,89{NBSP}د.م."),
            ],
        ),
        (
            Locale::Fr,
            [
                format!("0,00{NBSP}MAD"),
                format!("1.234.567,00{NBSP}MAD"),
                format!("1.234.567,89{NBSP}MAD"),
            ],
        ),
        (
            Locale::Zgh,
            [
                format!("0,00{NBSP}MAD"),
                format!("1{NBSP}234{NBSP}567,00{NBSP}MAD"),
                format!("1{NBSP}234{NBSP}567,89{NBSP}MAD"),
            ],
        ),
        (
            Locale::En,
            [
                format!("MAD{NBSP}0.00"),
                format!("MAD{NBSP}1,234,567.00"),
                format!("MAD{NBSP}1,234,567.89"),
            ],
        ),
    ];
    for (locale, [zero, million, with_centimes]) in cases {
        assert_eq!(messages().format_mad(locale, 0), zero, "{locale}");
        assert_eq!(
            messages().format_mad(locale, 123_456_700),
            million,
            "{locale}"
        );
        assert_eq!(
            messages().format_mad(locale, 123_456_789),
            with_centimes,
            "{locale}"
        );
        assert!(no_bidi_controls(&with_centimes));
    }
}

#[test]
fn negative_and_small_amounts() {
    assert_eq!(
        messages().format_mad(Locale::Fr, -5),
        format!("-0,05{NBSP}MAD")
    );
    assert_eq!(
        messages().format_mad(Locale::En, -12_345),
        format!("-MAD{NBSP}123.45")
    );
    assert_eq!(
        messages().format_mad(Locale::Ar, 50_000),
        format!("500,00{NBSP}د.م.")
    );
    let extreme = messages().format_mad(Locale::Zgh, i64::MIN);
    assert!(extreme.starts_with("-92"), "{extreme}");
}

#[test]
fn integers_and_decimals() {
    let n = 1_234_567;
    assert_eq!(format_integer(Locale::Ar, n), "1.234.567");
    assert_eq!(format_integer(Locale::Fr, n), "1.234.567");
    assert_eq!(
        format_integer(Locale::Zgh, n),
        format!("1{NBSP}234{NBSP}567")
    );
    assert_eq!(format_integer(Locale::En, n), "1,234,567");
    assert_eq!(format_integer(Locale::En, 999), "999");
    assert_eq!(format_decimal(Locale::Ar, 123_456_789, 2), "1.234.567,89");
    assert_eq!(format_decimal(Locale::Zgh, 15, 1), "1,5");
    assert_eq!(format_decimal(Locale::En, -1, 3), "-0.001");
    for locale in Locale::ALL {
        let text = format_integer(locale, -9_876_543_210);
        assert!(
            text.chars()
                .all(|c| c.is_ascii_digit() || "-.,\u{a0}".contains(c)),
            "{text}"
        );
    }
}

#[test]
fn numbers_inside_messages_are_localized() {
    let page = |locale| {
        messages().t_args(
            locale,
            "page-count",
            &[("page", Arg::Int(1234)), ("pages", Arg::Int(20_000))],
        )
    };
    assert_eq!(page(Locale::Ar), "الصفحة 1.234 من 20.000");
    assert_eq!(page(Locale::Fr), "Page 1.234 sur 20.000");
    assert_eq!(
        page(Locale::Zgh),
        format!("ⵜⴰⵙⵏⴰ 1{NBSP}234 ⵙⴳ 20{NBSP}000")
    );
    assert_eq!(page(Locale::En), "Page 1,234 of 20,000");
    let too_long = messages().t_args(
        Locale::En,
        "error-text-too-long",
        &[("max", Arg::from(2000_u32))],
    );
    assert_eq!(too_long, "Text is too long (at most 2,000 characters).");
}

#[test]
fn dates() {
    let Ok(date) = Date::from_calendar_date(2023, Month::September, 8) else {
        panic!("date")
    };
    assert_eq!(messages().format_date(Locale::Ar, date), "8 شتنبر 2023");
    assert_eq!(messages().format_date(Locale::Fr, date), "8 septembre 2023");
    assert_eq!(messages().format_date(Locale::Zgh, date), "8 ⵛⵓⵜⴰⵏⴱⵉⵔ 2023");
    assert_eq!(
        messages().format_date(Locale::En, date),
        "September 8, 2023"
    );
    let Ok(leap) = Date::from_calendar_date(2024, Month::February, 29) else {
        panic!("date")
    };
    assert_eq!(
        messages().format_date(Locale::En, leap),
        "February 29, 2024"
    );
    assert_eq!(messages().format_date(Locale::Zgh, leap), "29 ⴱⵕⴰⵢⵕ 2024");
}

#[test]
fn moroccan_arabic_and_cldr_tifinagh_month_names() {
    let ar = [
        "يناير",
        "فبراير",
        "مارس",
        "أبريل",
        "ماي",
        "يونيو",
        "يوليوز",
        "غشت",
        "شتنبر",
        "أكتوبر",
        "نونبر",
        "دجنبر",
    ];
    let zgh = [
        "ⵉⵏⵏⴰⵢⵔ",
        "ⴱⵕⴰⵢⵕ",
        "ⵎⴰⵕⵚ",
        "ⵉⴱⵔⵉⵔ",
        "ⵎⴰⵢⵢⵓ",
        "ⵢⵓⵏⵢⵓ",
        "ⵢⵓⵍⵢⵓⵣ",
        "ⵖⵓⵛⵜ",
        "ⵛⵓⵜⴰⵏⴱⵉⵔ",
        "ⴽⵜⵓⴱⵔ",
        "ⵏⵓⵡⴰⵏⴱⵉⵔ",
        "ⴷⵓⵊⴰⵏⴱⵉⵔ",
    ];
    for (i, number) in (1_u8..=12).enumerate() {
        let Ok(month) = Month::try_from(number) else {
            panic!("month {number}")
        };
        let Ok(date) = Date::from_calendar_date(2025, month, 1) else {
            panic!("date")
        };
        assert_eq!(
            messages().format_date(Locale::Ar, date),
            format!("1 {} 2025", ar[i])
        );
        assert_eq!(
            messages().format_date(Locale::Zgh, date),
            format!("1 {} 2025", zgh[i])
        );
    }
}

#[test]
fn missing_keys_and_arguments_do_not_panic() {
    assert_eq!(messages().t(Locale::Fr, "no-such-key"), "no-such-key");
    assert_eq!(
        messages().t_args(Locale::Ar, "no-such-key", &[("x", Arg::Int(1))]),
        "no-such-key"
    );
    assert_eq!(messages().t(Locale::En, ""), "");
    assert_eq!(
        messages().t(Locale::En, "error-unknown-field"),
        "Unknown field: {$field}"
    );
    let extra = messages().t_args(Locale::En, "nav-home", &[("unused", Arg::Str("x"))]);
    assert_eq!(extra, "Home");
}

#[test]
fn string_arguments_lose_bidi_controls() {
    let text = messages().t_args(
        Locale::Ar,
        "account-signed-in-as",
        &[(
            "name",
            Arg::Str("\u{202E}Amina\u{202C} \u{2067}أمينة\u{2069}"),
        )],
    );
    assert_eq!(text, "تم تسجيل الدخول باسم Amina أمينة");
    assert!(no_bidi_controls(&text));
}

#[test]
fn outputs_have_no_isolation_or_bidi_marks() {
    for locale in Locale::ALL {
        for key in [
            "page-count",
            "directory-count",
            "org-rejected-notice",
            "error-missing-field",
        ] {
            let text = messages().t_args(
                locale,
                key,
                &[
                    ("page", Arg::Int(2)),
                    ("pages", Arg::Int(3)),
                    ("count", Arg::Int(5)),
                    ("reason", Arg::Str("x")),
                    ("field", Arg::Str("name")),
                ],
            );
            assert!(no_bidi_controls(&text), "{locale} {key}: {text:?}");
        }
        assert!(no_bidi_controls(
            &messages().format_mad(locale, 123_456_789)
        ));
    }
}
