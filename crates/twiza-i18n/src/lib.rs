//! Twiza's four languages: locale tags and negotiation, Fluent messages, plural rules, and
//! number, money and date formatting for Arabic (`ar`, the default, right-to-left), French (`fr`),
//! Standard Moroccan Tamazight in Tifinagh (`zgh`) and English (`en`); and the six languages of
//! feature phones (SMS and USSD, [`PhoneLanguage`], `locales/phone/`) with SMS lengths.
//!
//! Every user-visible word lives in `locales/{ar,fr,zgh,en}.ftl`; the Rust code only holds
//! CLDR formatting data (separators, symbol placement, plural rules) with their sources.
//!
//! # Usage
//! ```
//! use twiza_i18n::{negotiate, Arg, Locale, Messages};
//!
//! let messages = Messages::load().expect("the embedded message files are valid");
//! let locale = negotiate(None, Some("fr-FR,fr;q=0.9,en;q=0.8"));
//! assert_eq!(locale, Locale::Fr);
//! assert_eq!(messages.t(locale, "nav-home"), "Accueil");
//! let count = messages.t_args(locale, "directory-count", &[("count", Arg::Int(1234))]);
//! assert_eq!(count, "1.234 associations trouvées");
//! ```
//!
//! # Plural rules and `PLURAL()`
//! Plural variants in the message files are always selected through the custom Fluent function
//! `PLURAL($n)`, never with a bare `{ $n -> … }`: see the [`plural`] module for why (fluent-bundle
//! silently applies English rules to `zgh`) and how.
//!
//! # Bidi
//! Outputs contain no bidi control characters: Fluent's isolation marks are turned off, CLDR's
//! RLM marks around Arabic amounts are dropped, and Bidi_Control characters are stripped from
//! string arguments. Pages set `dir` on their root element and isolate user-provided text with
//! `<bdi>` where needed.

mod cldr;
mod locale;
mod messages;
mod negotiate;
mod number;
mod phone;
pub mod plural;

pub use locale::Locale;
pub use messages::{Arg, LoadError, Messages};
pub use negotiate::negotiate;
pub use number::{format_decimal, format_integer};
pub use phone::{PhoneLanguage, PhoneMessages};
pub use plural::{plural_category, PluralCategory};

/// The message key of an error code: `error-` and the code with dashes (`two_person_rule` →
/// `error-two-person-rule`).
pub fn error_key(code: &str) -> String {
    format!("error-{}", code.replace('_', "-"))
}
