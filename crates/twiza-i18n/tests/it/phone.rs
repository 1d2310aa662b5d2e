//! The phone message files: every key in all six, each file marked for review, Arabic-script
//! files without Latin words except codes, Latin-script files within GSM-7 on SMS, and every
//! USSD screen text within 182 characters.

use crate::ftl;
use twiza_domain::sms_segments::{segments, SmsEncoding};
use twiza_i18n::{PhoneLanguage, PhoneMessages};

const HEADER: &str = "# First version: to be reviewed by native speakers";

/// Codes and command words that Arabic-script texts may show in Latin letters.
const ALLOWED_LATIN: &[&str] = &["TWZ", "N", "HH"];

fn source(language: PhoneLanguage) -> &'static str {
    PhoneMessages::ftl_source(language)
}

#[test]
fn every_file_loads_has_every_key_and_is_marked_for_review() {
    let messages = match PhoneMessages::load() {
        Ok(m) => m,
        Err(e) => panic!("{e}"),
    };
    let reference = ftl::by_id(source(PhoneLanguage::En));
    assert!(reference.len() > 50);
    for language in PhoneLanguage::ALL {
        assert!(
            source(language).starts_with(HEADER),
            "{language}: first line must be {HEADER:?}"
        );
        let keys = ftl::by_id(source(language));
        let missing: Vec<_> = reference
            .keys()
            .filter(|k| !keys.contains_key(*k))
            .collect();
        let extra: Vec<_> = keys
            .keys()
            .filter(|k| !reference.contains_key(*k))
            .collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{language}: missing {missing:?}, extra {extra:?}"
        );
        for (key, text) in &keys {
            assert!(messages.has(language, key), "{language} {key}");
            assert_eq!(
                ftl::variables(text),
                ftl::variables(&reference[key]),
                "{language} {key}: variables differ from English"
            );
        }
    }
}

#[test]
fn arabic_script_files_have_no_latin_words_but_codes() {
    let mut problems = Vec::new();
    for language in [PhoneLanguage::Ar, PhoneLanguage::Ary] {
        for (key, text) in ftl::by_id(source(language)) {
            let literal = ftl::literal_text(&text);
            if let Some(word) = literal
                .split(|c: char| !c.is_ascii_alphabetic())
                .find(|w| !w.is_empty() && !ALLOWED_LATIN.contains(w))
            {
                problems.push(format!("{language} {key}: Latin word {word:?}"));
            }
            if !literal
                .chars()
                .any(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
            {
                problems.push(format!("{language} {key}: no Arabic letters"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn latin_script_sms_texts_stay_in_gsm7() {
    let mut problems = Vec::new();
    for language in [
        PhoneLanguage::AryLatn,
        PhoneLanguage::ZghLatn,
        PhoneLanguage::Fr,
        PhoneLanguage::En,
    ] {
        for (key, text) in ftl::by_id(source(language)) {
            // The language's own name is shown on the USSD first screen only.
            if key == "phone-language-name" {
                continue;
            }
            if segments(&ftl::literal_text(&text)).encoding != SmsEncoding::Gsm7 {
                problems.push(format!("{language} {key}: not GSM-7"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_ussd_text_fits_a_screen_with_long_arguments() {
    let messages = PhoneMessages::load().expect("load");
    // The longest each argument can be as the channels fill it in (names and references are
    // cut to these lengths; authorities are messages, at most 40 characters).
    let longest = |name: &str| match name {
        "code" => 8,
        "from" | "to" | "date" => 10,
        "number" | "households" => 7,
        "reference" => 19,
        "authority" => 40,
        _ => 24,
    };
    let mut problems = Vec::new();
    for language in PhoneLanguage::ALL {
        for (key, text) in ftl::by_id(source(language)) {
            if !key.starts_with("ussd-") && !key.starts_with("phone-") {
                continue;
            }
            let args: Vec<(String, String)> = ftl::variables(&text)
                .into_iter()
                .map(|v| {
                    let n = longest(&v);
                    (v, "x".repeat(n))
                })
                .collect();
            let args: Vec<(&str, twiza_i18n::Arg<'_>)> = args
                .iter()
                .map(|(n, v)| (n.as_str(), twiza_i18n::Arg::Str(v.as_str())))
                .collect();
            let shown = messages.t_args(language, &key, &args);
            let n = shown.chars().count();
            if n > 182 {
                problems.push(format!("{language} {key}: {n} characters"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
