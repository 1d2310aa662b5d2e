//! Checks of the code base itself: no user-visible text outside the message files, every
//! message key used exists in all four languages, every error code and every refusal has a
//! message, every file starts with a `//!` line, no stub macros.

use std::path::{Path, PathBuf};
use twiza_i18n::{Locale, Messages};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn files(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("dir").flatten() {
        let path = entry.path();
        if path.is_dir() {
            if !path.ends_with("target") {
                files(&path, ext, out);
            }
        } else if path.extension().is_some_and(|e| e == ext) {
            out.push(path);
        }
    }
}

/// Template text with expressions, tags and comments removed.
fn visible_text(template: &str) -> String {
    let mut out = String::new();
    let mut rest = template;
    while let Some(start) = rest.find(['{', '<']) {
        out.push_str(&rest[..start]);
        let tail = &rest[start..];
        let end = if tail.starts_with("{{") {
            tail.find("}}").map(|e| e + 2)
        } else if tail.starts_with("{%") {
            tail.find("%}").map(|e| e + 2)
        } else if tail.starts_with("{#") {
            tail.find("#}").map(|e| e + 2)
        } else if tail.starts_with('<') {
            // Attribute values may hold expressions containing '>'; check attributes separately.
            tail.find('>').map(|e| e + 1)
        } else {
            Some(1)
        };
        let end = end.unwrap_or(tail.len());
        rest = &tail[end..];
    }
    out.push_str(rest);
    out
}

#[test]
fn templates_hold_no_user_visible_text() {
    let mut templates = Vec::new();
    files(
        &workspace().join("crates/twiza-web/templates"),
        "html",
        &mut templates,
    );
    assert!(!templates.is_empty());
    for path in templates {
        let source = std::fs::read_to_string(&path).expect("read");
        let text = visible_text(&source);
        let words: Vec<&str> = text
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphabetic))
            .collect();
        assert!(
            words.is_empty(),
            "{}: text outside the message files: {words:?}",
            path.display()
        );
        for attr in [
            "title=\"",
            "aria-label=\"",
            "alt=\"",
            "placeholder=\"",
            "label=\"",
        ] {
            for (i, _) in source.match_indices(attr) {
                let value = &source[i + attr.len()..];
                let value = &value[..value.find('"').unwrap_or(0)];
                let literal = visible_text(value);
                assert!(
                    !literal.chars().any(char::is_alphabetic),
                    "{}: literal {attr}{value}",
                    path.display()
                );
            }
        }
    }
}

/// Every `t("key")`-style use in templates and Rust code names a key present in all languages.
#[test]
fn every_message_key_used_exists_in_all_languages() {
    let messages = Messages::load().expect("messages");
    let mut sources = Vec::new();
    files(&workspace().join("crates/twiza-web"), "html", &mut sources);
    files(
        &workspace().join("crates/twiza-web/src"),
        "rs",
        &mut sources,
    );
    let mut used = 0;
    for path in sources {
        let source = std::fs::read_to_string(&path).expect("read");
        for call in [".t(\"", ".t1(\"", ".tn(\""] {
            for (i, _) in source.match_indices(call) {
                let key = &source[i + call.len()..];
                let key = &key[..key.find('"').unwrap_or(0)];
                if key.is_empty() || key.contains(char::is_whitespace) {
                    continue;
                }
                used += 1;
                for locale in Locale::ALL {
                    assert!(
                        messages.has(locale, key),
                        "{}: key {key} missing in {}",
                        path.display(),
                        locale.tag()
                    );
                }
            }
        }
    }
    assert!(used > 50, "found {used} keys");
}

/// Every stable error code the code can produce has an `error-…` message in every language.
#[test]
fn every_error_code_has_a_message() {
    let messages = Messages::load().expect("messages");
    let mut sources = Vec::new();
    for krate in ["twiza-web", "twiza-domain"] {
        files(
            &workspace().join("crates").join(krate).join("src"),
            "rs",
            &mut sources,
        );
    }
    let patterns = [
        "AppError::new(StatusCode::",
        "bad_request(\"",
        "FieldError::new(",
        "code: \"",
        "StatusCode::",
    ];
    let mut codes = std::collections::BTreeSet::new();
    for path in sources {
        let source = std::fs::read_to_string(&path).expect("read");
        let code = source.split("#[cfg(test)]").next().unwrap_or_default();
        for line in code.lines() {
            if !patterns.iter().any(|p| line.contains(p)) && !line.contains("Err(FieldError") {
                continue;
            }
            // Collect every snake_case string literal on lines that build errors.
            for piece in line.split('"').skip(1).step_by(2) {
                if !piece.is_empty() && piece.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
                    codes.insert(piece.to_owned());
                }
            }
        }
    }
    let field_names = [
        "confirm",
        "execution_date",
        "email",
        "password",
        "display_name",
        "name_ar",
        "name_fr",
        "name_zgh",
        "declaration_number",
        "declaration_date",
        "domains",
        "phone",
        "website",
        "address",
        "description",
        "region_code",
        "province_code",
        "commune_code",
        "commune",
        "reason",
        "reference",
        "kind",
        "items",
        "item",
        "unit",
        "quantity",
        "amount",
        "currency",
        "method",
        "idempotency_key",
        "valid_from",
        "valid_to",
        "title_ar",
        "title_fr",
        "text_arabic",
        "text_latin",
        "fake_appeal",
        "purpose_ar",
        "purpose_fr",
        "goal",
        "starts_on",
        "ends_on",
        "scope",
        "bank_account",
        "competence",
        "competence_code",
        "decision",
        "role",
        "label",
        "logo",
        "region",
        "province",
        "domain",
        "field",
        "donor",
        "donor_full_name",
        "donor_document_type",
        "donor_document_number",
        "donor_country",
        "evidence",
        "category",
        "paid_from",
        "description_ar",
        "description_fr",
        "to_organization_id",
        "communes",
        "started_on",
        "due_on",
        "households",
        "people",
        "latitude",
        "longitude",
        "urgency",
        "status",
        "name_latin",
        "population",
        "contact_phone",
        "contact_name",
        "recipient_phone",
        "vehicle",
        "driver",
        "route",
        "departs_on",
        "manifest",
        "proof",
        "photo",
        "statement",
        "code",
        "source",
        "name",
        "cin",
        "idcs",
        "given_name",
        "family_name",
        "members",
        "components",
        "eligibility",
        "minimum",
        "model",
        "rules",
        "account",
        "purpose",
        "subject",
        "channel",
        "filed_by",
        "received_on",
        "outcome",
        "remedy",
        "period",
        "retention_days",
        "debtor_account",
        "file",
        "mode",
        "member",
        "user_id",
        "report",
        "document",
        "document_kind",
        "lot",
        "need_id",
        "programme",
        "household",
        "incident",
        "delivery",
        "data",
        "id",
        // Volunteering: contracts, attendance, certificates, boards.
        "contract",
        "accept",
        "weekly_hours",
        "training",
        "insurance",
        "expenses",
        "notice_days",
        "body",
        // Volunteering (profiles, accreditations, missions and shifts; the page steps).
        "birth_date",
        "languages",
        "weekdays",
        "available_until",
        "issued_on",
        "valid_until",
        "day",
        "apply",
        "decision",
        "volunteers",
        "shift_id",
    ];
    let mut missing = Vec::new();
    for code in codes.iter().filter(|c| !field_names.contains(&c.as_str())) {
        let key = format!("error-{}", code.replace('_', "-"));
        for locale in Locale::ALL {
            if !messages.has(locale, &key) {
                missing.push(format!("{key} ({})", locale.tag()));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "error codes without a message: {missing:?}"
    );
    assert!(codes.len() > 20, "{codes:?}");
}

/// Every refusal's code has an `error-…` message in every language, and the answer it gets
/// carries that code with the status of its class.
#[test]
fn every_refusal_has_a_message_in_every_language() {
    use axum::http::StatusCode;
    use twiza_domain::{Refusal, RefusalClass};
    let messages = Messages::load().expect("messages");
    let mut missing = Vec::new();
    for &refusal in Refusal::ALL {
        let key = format!("error-{}", refusal.code().replace('_', "-"));
        for locale in Locale::ALL {
            if !messages.has(locale, &key) {
                missing.push(format!("{key} ({})", locale.tag()));
            }
        }
        let answer = twiza_web::error::AppError::from(refusal);
        let status = match refusal.class() {
            RefusalClass::Conflict => StatusCode::CONFLICT,
            RefusalClass::Invalid => StatusCode::UNPROCESSABLE_ENTITY,
            RefusalClass::Forbidden => StatusCode::FORBIDDEN,
        };
        assert_eq!(
            (answer.status, answer.code, answer.field.as_deref()),
            (status, refusal.code(), refusal.field()),
            "{refusal:?}"
        );
    }
    assert!(
        missing.is_empty(),
        "refusals without a message: {missing:?}"
    );
    assert!(Refusal::ALL.len() > 40);
}

#[test]
fn every_rust_file_says_what_it_owns_and_nothing_is_stubbed() {
    let mut sources = Vec::new();
    files(&workspace().join("crates"), "rs", &mut sources);
    for path in sources {
        let source = std::fs::read_to_string(&path).expect("read");
        let head: Vec<&str> = source.lines().take(3).collect();
        assert!(
            head.iter().any(|l| l.starts_with("//!")),
            "{} has no //! line",
            path.display()
        );
        // Spelled in two parts so this file does not match itself.
        for stub in [concat!("todo", "!("), concat!("unimplemented", "!(")] {
            assert!(!source.contains(stub), "{} has {stub}", path.display());
        }
    }
}
