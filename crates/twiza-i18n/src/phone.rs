//! The languages of feature phones and their messages (`locales/phone/<tag>.ftl`): on SMS and
//! USSD, Tamazight is written in Latin letters (few phones show Tifinagh) and Moroccan Arabic
//! (Darija) is its own language, in Arabic script and, by SMS, in Latin letters as people text
//! it. USSD offers the first screen's four (`ar`, `ary`, `zgh-Latn`, `fr`); SMS all six.

use std::fmt;

use fluent_bundle::{FluentArgs, FluentValue};
use unic_langid::{langid, LanguageIdentifier};

use crate::messages::{build_bundle_with, strip_bidi, Bundle};
use crate::{Arg, LoadError, Locale};

/// A language of the phone channels.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PhoneLanguage {
    /// Standard Arabic.
    Ar,
    /// Moroccan Arabic (Darija) in Arabic script.
    Ary,
    /// Darija in Latin letters and digits (`3`, `7`, `9`), as texted.
    AryLatn,
    /// Tamazight in IRCAM's Latin transcription.
    ZghLatn,
    Fr,
    En,
}

impl PhoneLanguage {
    /// Every phone language (SMS).
    pub const ALL: [PhoneLanguage; 6] = [
        PhoneLanguage::Ar,
        PhoneLanguage::Ary,
        PhoneLanguage::AryLatn,
        PhoneLanguage::ZghLatn,
        PhoneLanguage::Fr,
        PhoneLanguage::En,
    ];

    /// The languages of USSD, in the order of its first screen (`1` to `4`).
    pub const USSD: [PhoneLanguage; 4] = [
        PhoneLanguage::Ar,
        PhoneLanguage::Ary,
        PhoneLanguage::ZghLatn,
        PhoneLanguage::Fr,
    ];

    pub const fn tag(self) -> &'static str {
        match self {
            PhoneLanguage::Ar => "ar",
            PhoneLanguage::Ary => "ary",
            PhoneLanguage::AryLatn => "ary-Latn",
            PhoneLanguage::ZghLatn => "zgh-Latn",
            PhoneLanguage::Fr => "fr",
            PhoneLanguage::En => "en",
        }
    }

    pub fn from_tag(tag: &str) -> Option<PhoneLanguage> {
        PhoneLanguage::ALL.into_iter().find(|l| l.tag() == tag)
    }

    /// Whether its texts are in Arabic script (UCS-2 on a phone).
    pub const fn is_arabic_script(self) -> bool {
        matches!(self, PhoneLanguage::Ar | PhoneLanguage::Ary)
    }

    /// Whether USSD offers it.
    pub fn on_ussd(self) -> bool {
        PhoneLanguage::USSD.contains(&self)
    }

    /// The web locale whose number formatting and plural rules it uses.
    const fn formatting(self) -> Locale {
        match self {
            PhoneLanguage::Ar | PhoneLanguage::Ary => Locale::Ar,
            PhoneLanguage::AryLatn | PhoneLanguage::Fr | PhoneLanguage::ZghLatn => Locale::Fr,
            PhoneLanguage::En => Locale::En,
        }
    }

    const fn index(self) -> usize {
        match self {
            PhoneLanguage::Ar => 0,
            PhoneLanguage::Ary => 1,
            PhoneLanguage::AryLatn => 2,
            PhoneLanguage::ZghLatn => 3,
            PhoneLanguage::Fr => 4,
            PhoneLanguage::En => 5,
        }
    }

    fn language_id(self) -> LanguageIdentifier {
        match self {
            PhoneLanguage::Ar => langid!("ar-MA"),
            PhoneLanguage::Ary => langid!("ary"),
            PhoneLanguage::AryLatn => langid!("ary-Latn"),
            PhoneLanguage::ZghLatn => langid!("zgh-Latn"),
            PhoneLanguage::Fr => langid!("fr-MA"),
            PhoneLanguage::En => langid!("en"),
        }
    }
}

impl fmt::Display for PhoneLanguage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

/// The messages of the six phone languages, loaded once (`Send + Sync`).
pub struct PhoneMessages {
    bundles: [Bundle; 6],
}

impl fmt::Debug for PhoneMessages {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PhoneMessages")
            .field("languages", &PhoneLanguage::ALL)
            .finish()
    }
}

impl PhoneMessages {
    /// Parses the six embedded files; a syntax error or a duplicate is reported with its line
    /// (the error names the web locale whose formatting the file uses, and the file).
    pub fn load() -> Result<PhoneMessages, LoadError> {
        let build = |language: PhoneLanguage| {
            build_bundle_with(
                language.formatting(),
                language.language_id(),
                PhoneMessages::ftl_source(language),
            )
            .map_err(|mut e| {
                e.problems
                    .insert(0, format!("in locales/phone/{}.ftl", language.tag()));
                e
            })
        };
        Ok(PhoneMessages {
            bundles: [
                build(PhoneLanguage::Ar)?,
                build(PhoneLanguage::Ary)?,
                build(PhoneLanguage::AryLatn)?,
                build(PhoneLanguage::ZghLatn)?,
                build(PhoneLanguage::Fr)?,
                build(PhoneLanguage::En)?,
            ],
        })
    }

    /// The embedded Fluent source of a phone language.
    pub fn ftl_source(language: PhoneLanguage) -> &'static str {
        match language {
            PhoneLanguage::Ar => include_str!("../locales/phone/ar.ftl"),
            PhoneLanguage::Ary => include_str!("../locales/phone/ary.ftl"),
            PhoneLanguage::AryLatn => include_str!("../locales/phone/ary-Latn.ftl"),
            PhoneLanguage::ZghLatn => include_str!("../locales/phone/zgh-Latn.ftl"),
            PhoneLanguage::Fr => include_str!("../locales/phone/fr.ftl"),
            PhoneLanguage::En => include_str!("../locales/phone/en.ftl"),
        }
    }

    /// Whether `key` has a value in `language`.
    pub fn has(&self, language: PhoneLanguage, key: &str) -> bool {
        self.bundles[language.index()]
            .get_message(key)
            .is_some_and(|m| m.value().is_some())
    }

    /// The message `key` (the key itself if missing; the tidy tests prevent that).
    pub fn t(&self, language: PhoneLanguage, key: &str) -> String {
        self.t_args(language, key, &[])
    }

    /// The message `key` with named arguments.
    pub fn t_args(&self, language: PhoneLanguage, key: &str, args: &[(&str, Arg<'_>)]) -> String {
        let bundle = &self.bundles[language.index()];
        let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
            return key.to_owned();
        };
        let mut fluent_args = FluentArgs::with_capacity(args.len());
        for &(name, value) in args {
            match value {
                Arg::Str(text) => fluent_args.set(name, FluentValue::from(strip_bidi(text))),
                Arg::Int(n) => fluent_args.set(name, FluentValue::from(n)),
            }
        }
        let mut errors = Vec::new();
        bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors)
            .into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_round_trip_and_ussd_has_four() {
        for l in PhoneLanguage::ALL {
            assert_eq!(PhoneLanguage::from_tag(l.tag()), Some(l));
        }
        assert_eq!(PhoneLanguage::from_tag("zgh"), None);
        assert!(!PhoneLanguage::AryLatn.on_ussd());
        assert!(PhoneLanguage::ZghLatn.on_ussd());
    }
}
