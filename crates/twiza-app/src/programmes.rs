//! Social programmes: a programme created with its first rules (checked before anything is
//! written), new rules versions, enrollment of the households that consented, a cycle computed
//! for a period, approved by a second person (the two-person rule), a household's entitlement
//! explained, and the payment batch of an approved cycle. The API and the pages call these.

use crate::error::{Error, Result};
use time::Date;
use twiza_domain::programme::Rules;
use twiza_domain::text::parse_text;
use twiza_domain::{FieldError, OrgScope, UserId};
use twiza_store::{CycleSummary, NewPaymentBatch, NewProgramme, PaymentBatch, Store};

/// Longest rules document accepted, in bytes.
pub const MAX_RULES_BYTES: usize = 64 * 1024;

/// A programme as a person writes it (before it is checked).
pub struct ProgrammeInput<'a> {
    pub code: &'a str,
    pub name_ar: &'a str,
    pub name_fr: &'a str,
    pub retention_days: i64,
    /// `YYYY-MM-DD`, or empty for none.
    pub ends_on: Option<&'a str>,
    /// The rules as their JSON text.
    pub rules: &'a str,
}

/// A programme (or a rules version) just saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Saved {
    pub programme_id: i64,
    pub rules_version: i64,
}

/// Rules as written: compiled, or the first error with its code and the part of the rules it is
/// in (`rules` when they do not parse, `eligibility`, `components`, `minimum`…).
pub fn check_rules(text: &str) -> std::result::Result<Rules, FieldError> {
    if text.len() > MAX_RULES_BYTES {
        return Err(FieldError {
            max: Some(MAX_RULES_BYTES),
            ..FieldError::new("rules", "text_too_long")
        });
    }
    Rules::from_json(text)
}

fn parse_code(raw: &str) -> std::result::Result<String, FieldError> {
    let code = raw.trim();
    let valid = (1..=30).contains(&code.len())
        && code
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if valid {
        Ok(code.to_owned())
    } else {
        Err(FieldError::new("code", "validation"))
    }
}

/// A cycle's period, `YYYY-MM`.
pub fn parse_period(raw: &str) -> std::result::Result<String, FieldError> {
    let period = raw.trim();
    let ok = period.len() == 7
        && twiza_domain::campaign::parse_date("period", &format!("{period}-01")).is_ok();
    if ok {
        Ok(period.to_owned())
    } else {
        Err(FieldError::new("period", "validation"))
    }
}

/// Checks a programme as written: every invalid field is named, the rules last.
pub fn parse_programme(
    input: &ProgrammeInput<'_>,
) -> std::result::Result<(NewProgramme, String), Vec<FieldError>> {
    let code = parse_code(input.code);
    let name_ar = parse_text("name_ar", input.name_ar, 200);
    let name_fr = parse_text("name_fr", input.name_fr, 200);
    let retention = if (0..=3650).contains(&input.retention_days) {
        Ok(input.retention_days)
    } else {
        Err(FieldError::new("retention_days", "validation"))
    };
    let ends_on = input
        .ends_on
        .filter(|s| !s.trim().is_empty())
        .map(|s| twiza_domain::campaign::parse_date("ends_on", s.trim()))
        .transpose();
    let rules = check_rules(input.rules).map(|_| input.rules.to_owned());
    match (code, name_ar, name_fr, retention, ends_on, rules) {
        (Ok(code), Ok(name_ar), Ok(name_fr), Ok(retention_days), Ok(ends_on), Ok(rules)) => Ok((
            NewProgramme {
                code,
                name_ar,
                name_fr,
                retention_days,
                ends_on,
            },
            rules,
        )),
        (a, b, c, d, e, f) => Err([a.err(), b.err(), c.err(), d.err(), e.err(), f.err()]
            .into_iter()
            .flatten()
            .collect()),
    }
}

/// Creates a programme with its first rules version (coordinators); nothing is written when a
/// field or the rules are refused.
pub async fn create(
    store: &Store,
    scope: &OrgScope,
    by: UserId,
    input: &ProgrammeInput<'_>,
) -> Result<Saved> {
    let (programme, rules) = parse_programme(input).map_err(Error::Invalid)?;
    let id = store.create_programme(scope, &programme, by).await?;
    let rules_version = store.add_programme_rules(scope, id, &rules, by).await?;
    Ok(Saved {
        programme_id: id,
        rules_version,
    })
}

/// Saves a new version of a programme's rules; the next cycle uses it.
pub async fn add_rules(
    store: &Store,
    scope: &OrgScope,
    by: UserId,
    programme: i64,
    rules: &str,
) -> Result<Saved> {
    check_rules(rules).map_err(|e| Error::Invalid(vec![e]))?;
    let rules_version = store
        .add_programme_rules(scope, programme, rules, by)
        .await?;
    Ok(Saved {
        programme_id: programme,
        rules_version,
    })
}

/// Enrolls the association's households that consented and are not enrolled yet; how many.
pub async fn enroll(store: &Store, scope: &OrgScope, by: UserId, programme: i64) -> Result<u64> {
    Ok(store
        .enroll_consenting_households(scope, programme, by)
        .await?)
}

/// Takes one household out of a programme (`exited`) or back in (`enrolled`).
pub async fn set_enrollment(
    store: &Store,
    scope: &OrgScope,
    by: UserId,
    programme: i64,
    household: i64,
    status: &str,
) -> Result<()> {
    let enrolled = match status {
        "enrolled" => true,
        "exited" => false,
        _ => {
            return Err(Error::Invalid(vec![FieldError::new(
                "status",
                "validation",
            )]))
        }
    };
    store
        .set_enrollment(scope, programme, household, enrolled, by)
        .await?;
    Ok(())
}

/// Computes (or computes again, until approved) the cycle of `period` (`YYYY-MM`) with ages and
/// the index taken on `reference_date` (`YYYY-MM-DD`).
pub async fn compute_cycle(
    store: &Store,
    scope: &OrgScope,
    by: UserId,
    programme: i64,
    period: &str,
    reference_date: &str,
) -> Result<CycleSummary> {
    let period = parse_period(period);
    let reference = twiza_domain::campaign::parse_date("reference_date", reference_date.trim());
    let (period, reference): (String, Date) = match (period, reference) {
        (Ok(p), Ok(r)) => (p, r),
        (p, r) => {
            return Err(Error::Invalid(
                [p.err(), r.err()].into_iter().flatten().collect(),
            ))
        }
    };
    Ok(store
        .compute_cycle(scope, programme, &period, reference, by)
        .await?)
}

/// Approves a computed cycle: never by the person who computed it (`two_person_rule`).
pub async fn approve_cycle(
    store: &Store,
    scope: &OrgScope,
    by: UserId,
    cycle: i64,
) -> Result<CycleSummary> {
    Ok(store.approve_cycle(scope, cycle, by).await?)
}

/// The payment batch of an approved cycle as the treasury writes it.
pub struct BatchInput<'a> {
    /// The association's name as the bank knows it.
    pub debtor_name: &'a str,
    /// An IBAN, or a Moroccan RIB of 24 digits.
    pub debtor_account: &'a str,
    /// `YYYY-MM-DD`.
    pub execution_date: &'a str,
}

fn parse_batch(input: &BatchInput<'_>) -> std::result::Result<NewPaymentBatch, Vec<FieldError>> {
    let name = parse_text("debtor_name", input.debtor_name, 70);
    let account = input.debtor_account.trim();
    let iban = if account.len() == 24 && account.bytes().all(|b| b.is_ascii_digit()) {
        twiza_iso20022::moroccan_iban_from_rib(account)
            .map_err(|_| FieldError::new("debtor_account", "rib_invalid"))
    } else {
        let iban = twiza_iso20022::normalize_iban(account);
        if twiza_iso20022::is_valid_iban(&iban) {
            Ok(iban)
        } else {
            Err(FieldError::new("debtor_account", "validation"))
        }
    };
    let date = twiza_domain::campaign::parse_date("execution_date", input.execution_date.trim());
    match (name, iban, date) {
        (Ok(debtor_name), Ok(debtor_iban), Ok(execution_date)) => Ok(NewPaymentBatch {
            debtor_name,
            debtor_iban,
            execution_date,
        }),
        (a, b, c) => Err([a.err(), b.err(), c.err()].into_iter().flatten().collect()),
    }
}

/// Makes the payment batch of an approved cycle (the treasury): one line per eligible household
/// with a payee account.
pub async fn create_batch(
    store: &Store,
    scope: &OrgScope,
    by: UserId,
    cycle: i64,
    input: &BatchInput<'_>,
) -> Result<PaymentBatch> {
    let batch = parse_batch(input).map_err(Error::Invalid)?;
    Ok(store.create_payment_batch(scope, cycle, &batch, by).await?)
}

/// One household's decision in a cycle, as stored (`explanation` is the JSON the cycle wrote).
#[derive(Debug, Clone, PartialEq)]
pub enum Explanation {
    /// The eligibility conditions that did not hold: position (from 0), field, and whether the
    /// household lacked the value; or the household counts as a duplicate.
    Unmet(Vec<Unmet>),
    /// The lines making the amount: label, count, centimes.
    Lines(Vec<(String, i64, i64)>),
}

/// An eligibility condition a household did not meet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unmet {
    Condition {
        position: usize,
        field: String,
        missing: bool,
    },
    DuplicateHousehold,
}

/// Reads the explanation a cycle stored (`{"unmet": ["0:socio_economic_index"]}` or
/// `{"lines": [["label", count, centimes]]}`).
pub fn explanation(stored: &serde_json::Value) -> Explanation {
    if let Some(lines) = stored.get("lines").and_then(|l| l.as_array()) {
        return Explanation::Lines(
            lines
                .iter()
                .map(|l| {
                    (
                        l[0].as_str().unwrap_or_default().to_owned(),
                        l[1].as_i64().unwrap_or(0),
                        l[2].as_i64().unwrap_or(0),
                    )
                })
                .collect(),
        );
    }
    let unmet = stored
        .get("unmet")
        .and_then(|u| u.as_array())
        .map(|u| {
            u.iter()
                .filter_map(|v| v.as_str())
                .map(|code| {
                    let mut parts = code.split(':');
                    match (parts.next(), parts.next(), parts.next()) {
                        (Some(pos), Some(field), missing) if pos.parse::<usize>().is_ok() => {
                            Unmet::Condition {
                                position: pos.parse().unwrap_or(0),
                                field: field.to_owned(),
                                missing: missing == Some("missing"),
                            }
                        }
                        _ => Unmet::DuplicateHousehold,
                    }
                })
                .collect()
        })
        .unwrap_or_default();
    Explanation::Unmet(unmet)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn stored_explanations_are_read() {
        assert_eq!(
            explanation(
                &json!({"unmet": ["0:socio_economic_index", "1:area:missing", "duplicate_household"]})
            ),
            Explanation::Unmet(vec![
                Unmet::Condition {
                    position: 0,
                    field: "socio_economic_index".into(),
                    missing: false
                },
                Unmet::Condition {
                    position: 1,
                    field: "area".into(),
                    missing: true
                },
                Unmet::DuplicateHousehold,
            ])
        );
        assert_eq!(
            explanation(&json!({"lines": [["minimum_top_up", 1, 30000]]})),
            Explanation::Lines(vec![("minimum_top_up".into(), 1, 30000)])
        );
    }

    #[test]
    fn rules_that_do_not_parse_are_refused_on_the_rules_field() {
        let e = check_rules("{not json").unwrap_err();
        assert_eq!((e.field, e.code), ("rules", "rule_invalid_json"));
        let e = check_rules(r#"{"eligibility": [{"field": "shoe_size", "op": "eq", "value": 1}], "entitlement": {}}"#).unwrap_err();
        assert_eq!((e.field, e.code), ("eligibility", "rule_unknown_field"));
        assert!(check_rules(twiza_domain::programme::DIRECT_SOCIAL_AID_EXAMPLE).is_ok());
    }
}
