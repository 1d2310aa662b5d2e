//! The four locales of the product, their BCP 47 tags, writing direction, and tag parsing.

use std::fmt;

/// A language of the product. The discriminant is the index in [`Locale::ALL`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Locale {
    /// Arabic (Modern Standard Arabic as written by Moroccan institutions), right-to-left.
    /// The default language.
    Ar = 0,
    /// French.
    Fr = 1,
    /// Standard Moroccan Tamazight (IRCAM standard) written in Tifinagh, left-to-right.
    Zgh = 2,
    /// English.
    En = 3,
}

impl Locale {
    /// All locales, in the order of the language switcher.
    pub const ALL: [Locale; 4] = [Locale::Ar, Locale::Fr, Locale::Zgh, Locale::En];

    /// The default locale, used when nothing else matches.
    pub const DEFAULT: Locale = Locale::Ar;

    /// The BCP 47 language tag, as used in `lang` attributes, cookies and URLs.
    pub const fn tag(self) -> &'static str {
        match self {
            Locale::Ar => "ar",
            Locale::Fr => "fr",
            Locale::Zgh => "zgh",
            Locale::En => "en",
        }
    }

    /// The writing direction, as used in the HTML `dir` attribute: `"rtl"` or `"ltr"`.
    pub const fn dir(self) -> &'static str {
        match self {
            Locale::Ar => "rtl",
            Locale::Fr | Locale::Zgh | Locale::En => "ltr",
        }
    }

    /// Whether the locale is written right-to-left.
    pub const fn is_rtl(self) -> bool {
        matches!(self, Locale::Ar)
    }

    /// The ISO 15924 script the locale is written in.
    pub(crate) const fn script(self) -> &'static str {
        match self {
            Locale::Ar => "arab",
            Locale::Fr | Locale::En => "latn",
            Locale::Zgh => "tfng",
        }
    }

    pub(crate) const fn index(self) -> usize {
        self as usize
    }

    /// Parses a language tag (`"ar"`, `"ar-MA"`, `"fr_FR"`, `"zgh-Tfng-MA"`, `"EN-gb"`, …),
    /// case-insensitively, with `-` or `_` between subtags. Surrounding whitespace and double
    /// quotes (as in a quoted cookie value) are ignored.
    ///
    /// Primary languages recognised:
    /// - `ar`, and `ary` (Moroccan Arabic, Darija: its readers read Modern Standard Arabic) → Arabic;
    /// - `fr` → French; `en` → English;
    /// - `zgh`, and the Moroccan Amazigh varieties `tzm` (Central Atlas Tamazight), `shi`
    ///   (Tachelhit), `rif` (Tarifit) plus the collective code `ber` (Berber languages) →
    ///   Standard Moroccan Tamazight, the standard built from those three varieties and the
    ///   only Amazigh the product has. Non-Moroccan varieties such as `kab` (Kabyle) are not
    ///   mapped.
    ///
    /// A script subtag, when present, must be the one the locale is written in (`Arab` for
    /// Arabic, `Latn` for French and English, `Tfng` for Tamazight): a reader who asks for
    /// `tzm-Latn` or `ar-Latn` may not read our script, so the tag is not taken.
    /// Returns `None` for anything else, including malformed tags. Never panics.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let tag = tag.trim().trim_matches('"').trim();
        if tag.is_empty() || tag.len() > 64 {
            return None;
        }
        let mut subtags = tag.split(['-', '_']);
        let primary = subtags.next()?;
        if !(2..=3).contains(&primary.len()) || !primary.bytes().all(|b| b.is_ascii_alphabetic()) {
            return None;
        }
        let primary = primary.to_ascii_lowercase();
        let locale = match primary.as_str() {
            "ar" | "ary" => Locale::Ar,
            "fr" => Locale::Fr,
            "en" => Locale::En,
            "zgh" | "tzm" | "shi" | "rif" | "ber" => Locale::Zgh,
            _ => return None,
        };
        for (position, subtag) in subtags.enumerate() {
            if subtag.is_empty()
                || subtag.len() > 8
                || !subtag.bytes().all(|b| b.is_ascii_alphanumeric())
            {
                return None;
            }
            // A script is the four-letter subtag right after the language (RFC 5646 §2.1; we
            // do not support extended language subtags).
            if position == 0
                && subtag.len() == 4
                && subtag.bytes().all(|b| b.is_ascii_alphabetic())
                && !subtag.eq_ignore_ascii_case(locale.script())
            {
                return None;
            }
        }
        Some(locale)
    }
}

impl Default for Locale {
    fn default() -> Self {
        Locale::DEFAULT
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_round_trip() {
        for locale in Locale::ALL {
            assert_eq!(Locale::from_tag(locale.tag()), Some(locale));
            assert_eq!(Locale::ALL[locale.index()], locale);
        }
    }

    #[test]
    fn regional_and_script_variants() {
        assert_eq!(Locale::from_tag("ar-MA"), Some(Locale::Ar));
        assert_eq!(Locale::from_tag("AR-ma"), Some(Locale::Ar));
        assert_eq!(Locale::from_tag("ar-Arab-MA"), Some(Locale::Ar));
        assert_eq!(Locale::from_tag("fr-FR"), Some(Locale::Fr));
        assert_eq!(Locale::from_tag("fr_MA"), Some(Locale::Fr));
        assert_eq!(Locale::from_tag("zgh-Tfng"), Some(Locale::Zgh));
        assert_eq!(Locale::from_tag("zgh-tfng-ma"), Some(Locale::Zgh));
        assert_eq!(Locale::from_tag("en-GB"), Some(Locale::En));
        assert_eq!(Locale::from_tag("en-Latn-US"), Some(Locale::En));
        assert_eq!(Locale::from_tag(" \"fr\" "), Some(Locale::Fr));
        assert_eq!(Locale::from_tag("ary-MA"), Some(Locale::Ar));
    }

    #[test]
    fn amazigh_varieties_map_to_zgh_in_tifinagh_only() {
        for tag in ["tzm", "shi", "rif", "ber", "tzm-MA", "shi-Tfng"] {
            assert_eq!(Locale::from_tag(tag), Some(Locale::Zgh), "{tag}");
        }
        assert_eq!(Locale::from_tag("tzm-Latn"), None);
        assert_eq!(Locale::from_tag("zgh-Latn"), None);
        assert_eq!(Locale::from_tag("ar-Latn"), None);
        assert_eq!(Locale::from_tag("kab"), None);
    }

    #[test]
    fn rejects_garbage() {
        for tag in [
            "",
            "-",
            "a",
            "arab",
            "de",
            "*",
            "fr-",
            "fr--FR",
            "fr-FR!",
            "ع",
            "ⵣ",
            "fr-toolongsubtag",
            "q=1",
            "en;q=1",
        ] {
            assert_eq!(Locale::from_tag(tag), None, "{tag:?}");
        }
        assert_eq!(Locale::from_tag(&"fr-FR".repeat(100)), None);
    }

    #[test]
    fn directions() {
        assert_eq!(Locale::Ar.dir(), "rtl");
        assert!(Locale::Ar.is_rtl());
        for locale in [Locale::Fr, Locale::Zgh, Locale::En] {
            assert_eq!(locale.dir(), "ltr");
            assert!(!locale.is_rtl());
        }
    }
}
