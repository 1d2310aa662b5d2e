//! The message catalogue: the four embedded Fluent files, loaded once into thread-safe bundles,
//! and the lookups, money and date formatting that need the messages.

use std::borrow::Cow;
use std::fmt;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::{langid, LanguageIdentifier};

use crate::cldr::{self, DateOrder};
use crate::{number, plural, Locale};

pub(crate) type Bundle = FluentBundle<FluentResource>;

/// An argument of a message: a string or an integer. Integers are formatted with the locale's
/// separators and select plural variants through `PLURAL()`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arg<'a> {
    /// Text, inserted as is (minus any bidi control characters).
    Str(&'a str),
    /// An integer.
    Int(i64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(value: &'a str) -> Self {
        Arg::Str(value)
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(value: &'a String) -> Self {
        Arg::Str(value)
    }
}

macro_rules! int_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg<'_> {
            fn from(value: $t) -> Self {
                Arg::Int(i64::from(value))
            }
        }
    )*};
}
int_arg!(i8, i16, i32, i64, u8, u16, u32);

impl From<u64> for Arg<'_> {
    /// Saturates at `i64::MAX`.
    fn from(value: u64) -> Self {
        Arg::Int(i64::try_from(value).unwrap_or(i64::MAX))
    }
}

impl From<usize> for Arg<'_> {
    /// Saturates at `i64::MAX`.
    fn from(value: usize) -> Self {
        Arg::Int(i64::try_from(value).unwrap_or(i64::MAX))
    }
}

/// The embedded message files could not be loaded: Fluent syntax errors or duplicate entries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadError {
    /// The file at fault.
    pub locale: Locale,
    /// One line per problem, with its line number when known.
    pub problems: Vec<String>,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "twiza-i18n: locales/{}.ftl has {} problem(s): {}",
            self.locale.tag(),
            self.problems.len(),
            self.problems.join("; ")
        )
    }
}

impl std::error::Error for LoadError {}

/// All messages of the four locales, built once at start-up and shared (`Send + Sync`)
/// by the web server, typically in an `Arc`.
pub struct Messages {
    /// Indexed by [`Locale::index`].
    bundles: [Bundle; 4],
}

impl fmt::Debug for Messages {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Messages")
            .field("locales", &Locale::ALL)
            .finish()
    }
}

impl Messages {
    /// Parses the four embedded `.ftl` files. Any Fluent syntax error, duplicate message or
    /// function registration failure is reported, with the file and line.
    pub fn load() -> Result<Self, LoadError> {
        Ok(Messages {
            bundles: [
                build_bundle(Locale::Ar)?,
                build_bundle(Locale::Fr)?,
                build_bundle(Locale::Zgh)?,
                build_bundle(Locale::En)?,
            ],
        })
    }

    /// The embedded Fluent source of a locale (`locales/<tag>.ftl`).
    pub fn ftl_source(locale: Locale) -> &'static str {
        match locale {
            Locale::Ar => include_str!("../locales/ar.ftl"),
            Locale::Fr => include_str!("../locales/fr.ftl"),
            Locale::Zgh => include_str!("../locales/zgh.ftl"),
            Locale::En => include_str!("../locales/en.ftl"),
        }
    }

    /// Whether `key` is a message with a value in `locale`.
    pub fn has(&self, locale: Locale, key: &str) -> bool {
        self.bundle(locale)
            .get_message(key)
            .is_some_and(|message| message.value().is_some())
    }

    /// The message `key` without arguments. A missing key gives the key itself (no panic,
    /// no log): the parity tests guarantee every key exists in every locale.
    pub fn t(&self, locale: Locale, key: &str) -> String {
        self.format(locale, key, None)
    }

    /// The message `key` with named arguments, e.g. `&[("count", Arg::Int(3))]`.
    /// A missing key gives the key itself; a missing argument shows as `{$name}`.
    pub fn t_args(&self, locale: Locale, key: &str, args: &[(&str, Arg<'_>)]) -> String {
        let mut fluent_args = FluentArgs::with_capacity(args.len());
        for &(name, value) in args {
            match value {
                Arg::Str(text) => fluent_args.set(name, FluentValue::from(strip_bidi(text))),
                Arg::Int(n) => fluent_args.set(name, FluentValue::from(n)),
            }
        }
        self.format(locale, key, Some(&fluent_args))
    }

    /// The language's name in that language (`language-name`), for the language switcher.
    pub fn native_name(&self, locale: Locale) -> String {
        self.t(locale, "language-name")
    }

    /// An amount in Moroccan dirhams given in centimes, with the locale's CLDR currency
    /// pattern and the symbol of `currency-mad`: `1.234.567,89 د.م.`, `1.234.567,89 MAD`,
    /// `1 234 567,89 MAD`, `MAD 1,234,567.89` (the spaces are U+00A0).
    pub fn format_mad(&self, locale: Locale, centimes: i64) -> String {
        number::format_money(locale, centimes, &self.t(locale, "currency-mad"))
    }

    /// A date in the locale's CLDR long format with month names from `month-1`…`month-12`:
    /// `8 شتنبر 2023`, `8 septembre 2023`, `8 ⵛⵓⵜⴰⵏⴱⵉⵔ 2023`, `September 8, 2023`.
    /// Day and year are written with Latin digits and no grouping, as CLDR's `d` and `y`.
    pub fn format_date(&self, locale: Locale, date: time::Date) -> String {
        let month = self.t(locale, &format!("month-{}", u8::from(date.month())));
        let (day, year) = (date.day(), date.year());
        match cldr::data(locale).date {
            DateOrder::DayMonthYear => format!("{day} {month} {year}"),
            DateOrder::MonthDayYear => format!("{month} {day}, {year}"),
        }
    }

    fn bundle(&self, locale: Locale) -> &Bundle {
        &self.bundles[locale.index()]
    }

    fn format(&self, locale: Locale, key: &str, args: Option<&FluentArgs<'_>>) -> String {
        let bundle = self.bundle(locale);
        let Some(pattern) = bundle.get_message(key).and_then(|message| message.value()) else {
            return key.to_owned();
        };
        // Resolution errors (a missing argument) still give a usable string; they are not
        // logged here, the tests check every message's arguments instead.
        let mut errors = Vec::new();
        bundle
            .format_pattern(pattern, args, &mut errors)
            .into_owned()
    }
}

fn language_id(locale: Locale) -> LanguageIdentifier {
    match locale {
        Locale::Ar => langid!("ar-MA"),
        Locale::Fr => langid!("fr-MA"),
        Locale::Zgh => langid!("zgh-MA"),
        Locale::En => langid!("en"),
    }
}

fn build_bundle(locale: Locale) -> Result<Bundle, LoadError> {
    build_bundle_from(locale, Messages::ftl_source(locale))
}

fn build_bundle_from(locale: Locale, source: &str) -> Result<Bundle, LoadError> {
    build_bundle_with(locale, language_id(locale), source)
}

/// A bundle of `source` for the language `lang`, formatting numbers and selecting plurals as
/// `locale` does (the phone languages borrow a web locale's rules).
pub(crate) fn build_bundle_with(
    locale: Locale,
    lang: LanguageIdentifier,
    source: &str,
) -> Result<Bundle, LoadError> {
    let error = |problems: Vec<String>| LoadError { locale, problems };
    let resource = FluentResource::try_new(source.to_owned()).map_err(|(_, errors)| {
        error(
            errors
                .iter()
                .map(|e| format!("line {}: {e}", line_of(source, e.pos.start)))
                .collect(),
        )
    })?;
    let mut bundle = Bundle::new_concurrent(vec![lang]);
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(number::fluent_formatter(locale)));
    bundle
        .add_function("PLURAL", move |args, _named| {
            plural::fluent_plural(locale, args)
        })
        .map_err(|e| error(vec![e.to_string()]))?;
    bundle
        .add_resource(resource)
        .map_err(|errors| error(errors.iter().map(ToString::to_string).collect()))?;
    Ok(bundle)
}

/// The 1-based line of a byte offset (offsets past the end count as the last line).
fn line_of(source: &str, offset: usize) -> usize {
    let bytes = source.as_bytes();
    let end = offset.min(bytes.len());
    bytes[..end].iter().filter(|&&b| b == b'\n').count() + 1
}

/// Whether `c` has the Unicode Bidi_Control property (ALM, LRM, RLM, the embeddings and
/// overrides, the isolates).
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `text` without bidi control characters: user-supplied text placed into a message must not
/// reorder the sentence around it.
pub(crate) fn strip_bidi(text: &str) -> Cow<'_, str> {
    if text.chars().any(is_bidi_control) {
        Cow::Owned(text.chars().filter(|&c| !is_bidi_control(c)).collect())
    } else {
        Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_send_and_sync() {
        fn assert_send_sync<T: Send + Sync + 'static>() {}
        assert_send_sync::<Messages>();
        assert_send_sync::<LoadError>();
    }

    #[test]
    fn syntax_errors_are_reported_with_their_line() {
        let broken = "ok = fine\n\nbroken = { $x\nalso-ok = yes\n";
        let Err(error) = build_bundle_from(Locale::Fr, broken) else {
            panic!("a syntax error must be reported");
        };
        assert_eq!(error.locale, Locale::Fr);
        assert_eq!(error.problems.len(), 1, "{error}");
        // The parser notices the missing `}` where the next line starts.
        assert!(error.problems[0].starts_with("line 4: "), "{error}");
        assert!(error
            .to_string()
            .starts_with("twiza-i18n: locales/fr.ftl has 1 problem(s): line 4"));
    }

    #[test]
    fn duplicate_messages_are_reported() {
        let Err(error) = build_bundle_from(Locale::En, "a = 1\na = 2\n") else {
            panic!("a duplicate must be reported");
        };
        assert_eq!(error.problems.len(), 1, "{error}");
    }

    #[test]
    fn line_numbers() {
        assert_eq!(line_of("a\nb\nc", 0), 1);
        assert_eq!(line_of("a\nb\nc", 2), 2);
        assert_eq!(line_of("a\nb\nc", 99), 3);
        assert_eq!(line_of("ⵣ\nⵣ", 1), 1);
    }

    #[test]
    fn bidi_controls_are_stripped_from_arguments() {
        assert_eq!(strip_bidi("abc"), Cow::Borrowed("abc"));
        assert_eq!(
            strip_bidi("\u{202E}evil\u{202C} \u{2067}x\u{2069}\u{200F}"),
            "evil x"
        );
    }

    #[test]
    fn integer_conversions_saturate() {
        assert_eq!(Arg::from(u64::MAX), Arg::Int(i64::MAX));
        assert_eq!(Arg::from(usize::MAX), Arg::Int(i64::MAX));
        assert_eq!(Arg::from(7_u32), Arg::Int(7));
        let owned = String::from("x");
        assert_eq!(Arg::from(&owned), Arg::Str("x"));
    }
}
