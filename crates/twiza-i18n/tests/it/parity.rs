//! The four message files: valid Fluent, same keys, same variables per message, required keys
//! present, no bare-number selectors, no bidi controls, script and typography checks.

use std::collections::{BTreeMap, BTreeSet};

use fluent_bundle::FluentResource;
use twiza_i18n::{Locale, Messages};

use crate::{ftl, messages};

/// Every key the product needs (issue specification); all four files must define them.
const REQUIRED_KEYS: &[&str] = &[
    // General
    "app-name",
    "app-tagline",
    "language-name",
    "language-label",
    "skip-to-content",
    "nav-home",
    "nav-directory",
    "nav-sign-in",
    "nav-sign-up",
    "nav-sign-out",
    "nav-my-associations",
    "nav-verification-queue",
    "nav-api-tokens",
    "nav-main-label",
    "footer-geo-credit",
    "footer-api",
    "currency-mad",
    "month-1",
    "month-2",
    "month-3",
    "month-4",
    "month-5",
    "month-6",
    "month-7",
    "month-8",
    "month-9",
    "month-10",
    "month-11",
    "month-12",
    "action-save",
    "action-create",
    "action-search",
    "action-verify",
    "action-reject",
    "action-revoke",
    "action-invite",
    "action-change",
    "pagination-previous",
    "pagination-next",
    "pagination-label",
    "page-count",
    // Home
    "home-title",
    "home-intro",
    "home-directory-link",
    "home-create-association",
    // Accounts
    "account-email",
    "account-password",
    "account-password-hint",
    "account-display-name",
    "account-sign-up-title",
    "account-sign-in-title",
    "account-sign-up-submit",
    "account-sign-in-submit",
    "account-signed-in-as",
    "account-no-account",
    "account-have-account",
    // Associations
    "org-create-title",
    "org-name-ar",
    "org-name-fr",
    "org-name-zgh",
    "org-declaration-number",
    "org-declaration-date",
    "org-declaration-help",
    "org-region",
    "org-province",
    "org-commune",
    "org-commune-help",
    "org-domains",
    "org-email",
    "org-phone",
    "org-website",
    "org-address",
    "org-description",
    "org-logo",
    "org-status",
    "org-status-pending",
    "org-status-verified",
    "org-status-rejected",
    "org-rejection-reason",
    "org-verified-badge",
    "org-members",
    "org-member-role",
    "org-invite-title",
    "org-invitations",
    "org-pending-notice",
    "org-rejected-notice",
    "org-none",
    "org-profile-location",
    "org-profile-contacts",
    "org-created",
    // Domains of action
    "domain-relief",
    "domain-health",
    "domain-education",
    "domain-children",
    "domain-women",
    "domain-elderly",
    "domain-disability",
    "domain-water",
    "domain-housing",
    "domain-food",
    "domain-rural",
    "domain-environment",
    "domain-culture",
    "domain-youth",
    "domain-literacy",
    "domain-income",
    // Roles
    "role-owner",
    "role-admin",
    "role-treasurer",
    "role-coordinator",
    "role-field-agent",
    "role-volunteer",
    "role-platform-admin",
    "role-authority",
    "role-auditor",
    // Directory
    "directory-title",
    "directory-search-label",
    "directory-all-regions",
    "directory-all-provinces",
    "directory-all-domains",
    "directory-count",
    "directory-empty",
    // Verification
    "verify-title",
    "verify-empty",
    "verify-reject-reason-label",
    // API tokens
    "tokens-title",
    "tokens-label",
    "tokens-created",
    "tokens-last-used",
    "tokens-never-used",
    "tokens-empty",
    // Errors
    "error-bad-request",
    "error-invalid-json",
    "error-unknown-field",
    "error-wrong-type",
    "error-missing-field",
    "error-payload-too-large",
    "error-unsupported-media-type",
    "error-validation",
    "error-invalid-email",
    "error-password-too-short",
    "error-email-taken",
    "error-invalid-credentials",
    "error-rate-limited",
    "error-unauthenticated",
    "error-forbidden",
    "error-not-found",
    "error-conflict",
    "error-csrf",
    "error-invalid-commune",
    "error-invalid-province",
    "error-invalid-region",
    "error-location-mismatch",
    "error-bidi-control",
    "error-text-too-long",
    "error-required",
    "error-invalid-date",
    "error-invalid-domain",
    "error-invalid-role",
    "error-invalid-phone",
    "error-invalid-url",
    "error-invalid-logo",
    "error-already-member",
    "error-invalid-status-change",
    "error-timeout",
    "error-internal",
    "error-page-title",
    "error-invalid-query",
    "error-method-not-allowed",
];

fn source(locale: Locale) -> &'static str {
    Messages::ftl_source(locale)
}

#[test]
fn every_file_parses_without_errors() {
    for locale in Locale::ALL {
        if let Err((_, errors)) = FluentResource::try_new(source(locale).to_owned()) {
            panic!("{locale}.ftl has Fluent syntax errors: {errors:?}");
        }
    }
    // And the bundles build (no duplicate ids, PLURAL registered).
    let _ = messages();
}

#[test]
fn scanner_agrees_with_fluent() {
    for locale in Locale::ALL {
        let Ok(resource) = FluentResource::try_new(source(locale).to_owned()) else {
            panic!("{locale}.ftl does not parse");
        };
        // fluent_syntax's AST is not re-exported by fluent-bundle; its Debug form names the
        // entry kind, which is all we need to count messages.
        let fluent_count = resource
            .entries()
            .filter(|e| format!("{e:?}").starts_with("Message("))
            .count();
        let scanned = ftl::messages(source(locale));
        assert_eq!(scanned.len(), fluent_count, "{locale}.ftl: message count");
        for message in &scanned {
            assert!(
                messages().has(locale, &message.id),
                "{locale}.ftl: {} not in bundle",
                message.id
            );
        }
    }
}

#[test]
fn no_duplicate_ids() {
    for locale in Locale::ALL {
        let mut seen = BTreeSet::new();
        for message in ftl::messages(source(locale)) {
            assert!(
                seen.insert(message.id.clone()),
                "{locale}.ftl defines {} twice",
                message.id
            );
        }
    }
}

#[test]
fn same_keys_in_every_file() {
    let reference: BTreeSet<String> = ftl::by_id(source(Locale::En)).into_keys().collect();
    let mut problems = Vec::new();
    for locale in Locale::ALL {
        let keys: BTreeSet<String> = ftl::by_id(source(locale)).into_keys().collect();
        let missing: Vec<_> = reference.difference(&keys).collect();
        let extra: Vec<_> = keys.difference(&reference).collect();
        if !missing.is_empty() {
            problems.push(format!(
                "{locale}.ftl is missing {missing:?} (present in en.ftl)"
            ));
        }
        if !extra.is_empty() {
            problems.push(format!(
                "{locale}.ftl has extra {extra:?} (absent from en.ftl)"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn required_keys_are_present() {
    let mut problems = Vec::new();
    for locale in Locale::ALL {
        for key in REQUIRED_KEYS {
            if !messages().has(locale, key) {
                problems.push(format!("{locale}.ftl: missing {key}"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn same_variables_in_every_file() {
    let per_locale: BTreeMap<Locale, BTreeMap<String, String>> = Locale::ALL
        .into_iter()
        .map(|l| (l, ftl::by_id(source(l))))
        .collect();
    let mut problems = Vec::new();
    for (key, en_text) in &per_locale[&Locale::En] {
        let expected = ftl::variables(en_text);
        for locale in Locale::ALL {
            let Some(text) = per_locale[&locale].get(key) else {
                continue;
            };
            let found = ftl::variables(text);
            if found != expected {
                problems.push(format!(
                    "{locale}.ftl {key}: variables {found:?}, en.ftl has {expected:?}"
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn plurals_go_through_the_plural_function() {
    let mut problems = Vec::new();
    for locale in Locale::ALL {
        for message in ftl::messages(source(locale)) {
            let bare = ftl::bare_selectors(&message.text);
            if !bare.is_empty() {
                problems.push(format!(
                    "{locale}.ftl {}: selects on {bare:?} directly; write {{ PLURAL($…) -> … }}",
                    message.id
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

#[test]
fn no_bidi_controls_or_bom_in_files() {
    for locale in Locale::ALL {
        for (n, line) in source(locale).lines().enumerate() {
            assert!(
                !line.chars().any(|c| is_bidi_control(c) || c == '\u{FEFF}'),
                "{locale}.ftl line {}: hidden bidi control or BOM",
                n + 1
            );
        }
    }
}

#[test]
fn every_message_is_non_empty() {
    for locale in Locale::ALL {
        for key in ftl::by_id(source(locale)).keys() {
            assert!(
                !messages().t(locale, key).trim().is_empty(),
                "{locale} {key} is empty"
            );
        }
    }
}

/// Latin words allowed in Arabic and Tifinagh text: acronyms, formats, units, the currency.
const ALLOWED_LATIN: &[&str] = &[
    "API",
    // The Centre Monétique Interbancaire, the card network's acronym as written in Morocco.
    "CMI",
    "HCP",
    "CC",
    "BY",
    "JSON",
    "PNG",
    "JPEG",
    "WebP",
    "PDF",
    "CSV",
    "HXL",
    // The International Aid Transparency Initiative's standard, named by its acronym.
    "IATI",
    "GeoJSON",
    "KB",
    "MB",
    "MAD",
    "URL",
    "RIB",
    "IBAN",
    "Idempotency",
    "Key",
];

fn has_stray_latin(text: &str) -> Option<String> {
    ftl::literal_text(text)
        .split(|c: char| !c.is_ascii_alphabetic())
        .find(|word| !word.is_empty() && !ALLOWED_LATIN.contains(word))
        .map(str::to_owned)
}

#[test]
fn arabic_and_tamazight_are_written_in_their_scripts() {
    let mut problems = Vec::new();
    for (locale, in_script) in [
        (
            Locale::Ar,
            (|c: char| ('\u{0600}'..='\u{06FF}').contains(&c)) as fn(char) -> bool,
        ),
        (Locale::Zgh, |c: char| {
            ('\u{2D30}'..='\u{2D7F}').contains(&c)
        }),
    ] {
        for (key, text) in ftl::by_id(source(locale)) {
            if let Some(word) = has_stray_latin(&text) {
                problems.push(format!("{locale}.ftl {key}: Latin word {word:?}"));
            }
            if key != "currency-mad" && !text.chars().any(in_script) {
                problems.push(format!("{locale}.ftl {key}: no {locale} letters"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn french_has_no_break_spaces_before_high_punctuation() {
    let mut problems = Vec::new();
    for (key, text) in ftl::by_id(source(Locale::Fr)) {
        let chars: Vec<char> = ftl::literal_text(&text).chars().collect();
        for pair in chars.windows(2) {
            if matches!(pair[1], ':' | ';' | '?' | '!') && pair[0] != '\u{a0}' {
                problems.push(format!(
                    "fr.ftl {key}: {:?} not preceded by U+00A0",
                    pair[1]
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn zgh_file_asks_for_ircam_review() {
    let header: String = source(Locale::Zgh)
        .lines()
        .take(5)
        .collect::<Vec<_>>()
        .join("\n");
    assert!(header.contains("IRCAM-trained translator"), "{header}");
}

#[test]
fn native_names_come_from_the_messages() {
    let names: Vec<String> = Locale::ALL
        .iter()
        .map(|&l| messages().native_name(l))
        .collect();
    assert_eq!(names, ["العربية", "Français", "ⵜⴰⵎⴰⵣⵉⵖⵜ", "English"]);
    assert_eq!(messages().t(Locale::Ar, "app-name"), "تويزة");
    assert_eq!(messages().t(Locale::Zgh, "app-name"), "ⵜⵡⵉⵣⴰ");
}
