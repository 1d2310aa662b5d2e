//! CLDR formatting data of the four locales: number symbols, currency and date patterns.
//!
//! Only layout lives here; words (currency symbol, month names) come from the message files.
//! Sources: CLDR `common/main/{ar,ar_MA,fr,fr_MA,zgh,en}.xml` and `root.xml` (versions 44–48,
//! unchanged for these fields), cross-checked with ICU 78 / CLDR 48 (`Intl.NumberFormat`
//! and `Intl.DateTimeFormat` in Node) on 0, 1234567 and 1234567.89 MAD and 8 September 2023:
//!
//! | locale | CLDR locale | digits | decimal | group | MAD pattern           | long date    |
//! |--------|-------------|--------|---------|-------|-----------------------|--------------|
//! | `ar`   | `ar_MA`     | latn   | `,`     | `.`   | `#,##0.00 ¤` (RLM)    | `d MMMM y`   |
//! | `fr`   | `fr_MA`     | latn   | `,`     | `.`   | `#,##0.00 ¤`          | `d MMMM y`   |
//! | `zgh`  | `zgh`       | latn   | `,`     | NBSP  | `#,##0.00¤` + spacing | `d MMMM y`   |
//! | `en`   | `en`        | latn   | `.`     | `,`   | `¤#,##0.00` + spacing | `MMMM d, y`  |
//!
//! Notes:
//! - `ar_MA` sets `defaultNumberingSystem` to `latn`: Morocco writes Arabic with the digits 0–9.
//! - `ar`'s currency pattern starts with U+200F RIGHT-TO-LEFT MARK (`‏#,##0.00 ¤`); we drop it
//!   (no bidi controls in outputs): the amount is `digits NBSP symbol`, which renders correctly
//!   inside the right-to-left pages; a negative amount in Arabic shows its minus sign on the
//!   visual right of the digits unless the page isolates the amount.
//! - `fr_MA`'s `,`/`.` symbols are `draft="contributed"`; ICU uses them, Babel does not (it
//!   falls back to `fr`'s U+202F group). We follow ICU, i.e. what browsers show for `fr-MA`.
//! - The spaces in the currency patterns are U+00A0 NO-BREAK SPACE. `zgh` and `en` have no
//!   space in the pattern; CLDR's `currencySpacing` (root) inserts U+00A0 between a digit and a
//!   symbol whose adjacent character is not a symbol (`[[:^S:]&[:^Z:]]`): `MAD` qualifies.
//! - MAD has 2 fraction digits (ISO 4217, CLDR `supplementalData.xml` default).
//! - `minimumGroupingDigits` is 1 and grouping is by threes for all four locales.

use crate::Locale;

/// U+00A0 NO-BREAK SPACE.
pub(crate) const NBSP: char = '\u{a0}';

/// The order of the long date format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DateOrder {
    /// `d MMMM y`: "8 September 2023".
    DayMonthYear,
    /// `MMMM d, y`: "September 8, 2023".
    MonthDayYear,
}

/// Formatting data of one locale.
#[derive(Clone, Copy, Debug)]
pub(crate) struct LocaleData {
    pub decimal: char,
    pub group: char,
    /// Whether the currency symbol comes before the number.
    pub currency_before: bool,
    /// Whether the currency pattern itself has a (no-break) space between number and symbol.
    pub currency_space: bool,
    pub date: DateOrder,
}

pub(crate) const fn data(locale: Locale) -> LocaleData {
    match locale {
        Locale::Ar => LocaleData {
            decimal: ',',
            group: '.',
            currency_before: false,
            currency_space: true,
            date: DateOrder::DayMonthYear,
        },
        Locale::Fr => LocaleData {
            decimal: ',',
            group: '.',
            currency_before: false,
            currency_space: true,
            date: DateOrder::DayMonthYear,
        },
        Locale::Zgh => LocaleData {
            decimal: ',',
            group: NBSP,
            currency_before: false,
            currency_space: false,
            date: DateOrder::DayMonthYear,
        },
        Locale::En => LocaleData {
            decimal: '.',
            group: ',',
            currency_before: true,
            currency_space: false,
            date: DateOrder::MonthDayYear,
        },
    }
}
