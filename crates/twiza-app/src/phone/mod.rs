//! Conversations on a feature phone: what Twiza answers by SMS ([`sms`]) and on its USSD menus
//! ([`ussd`]), in the phone languages. Both channels share the actions here: checking an
//! appeal's code, reporting a need (the phone sealed as the reporter's contact), following it,
//! filing a grievance for a household, and subscribing to a commune's alerts (the phone sealed
//! with its blind index). Phone numbers and message texts never reach a log or an error.

pub mod sms;
pub mod ussd;

use crate::error::Result;
use twiza_domain::campaign::{normalize_code, CompetentAuthority};
use twiza_domain::crisis::{NeedCategory, NeedStatus, Urgency};
use twiza_domain::grievance::{Deadlines, GrievanceSubject};
use twiza_domain::organization::OrgStatus;
use twiza_domain::{OrgId, OrgRole, OrgScope, UserId};
use twiza_geo::{Commune, CommuneCode};
use twiza_i18n::{Arg, PhoneLanguage, PhoneMessages};
use twiza_store::{NeedIntake, PersonalDataKeys, Reporter, Store};

/// Longest association name shown on a phone.
const NAME_CHARS: usize = 24;
/// Longest authorization reference shown on a phone.
const REFERENCE_CHARS: usize = 19;

/// What the phone channels need: the store, the need intake, the keys that seal phones, the
/// grievance deadlines and the phone messages.
pub struct Phone<'a> {
    pub store: &'a Store,
    pub intake: &'a NeedIntake,
    pub keys: &'a PersonalDataKeys,
    /// Keys the request hash of a need's idempotency key.
    pub hash_key: &'a [u8; 32],
    pub deadlines: &'a Deadlines,
    pub messages: &'a PhoneMessages,
}

/// A phone number as the gateway gives it, normalized: a Moroccan number in international form
/// (`+2126…`), otherwise `+` and its digits; `None` when it holds no digit.
pub fn normalize_phone(raw: &str) -> Option<String> {
    if let Ok(moroccan) = twiza_domain::crisis::parse_phone("phone", raw) {
        return Some(moroccan);
    }
    let digits: String = raw.chars().filter(char::is_ascii_digit).collect();
    (!digits.is_empty() && digits.len() <= 20).then(|| format!("+{digits}"))
}

/// The first `n` characters of `text` (no ellipsis: it is not in the SMS alphabet).
pub fn cut(text: &str, n: usize) -> String {
    text.chars()
        .take(n)
        .collect::<String>()
        .trim_end()
        .to_owned()
}

/// A date as `YYYY-MM-DD`, read the same in every language.
fn iso_date(unix: i64) -> String {
    time::OffsetDateTime::from_unix_timestamp(unix)
        .map(|t| t.date().to_string())
        .unwrap_or_default()
}

fn category_key(c: NeedCategory) -> String {
    format!("phone-category-{}", c.as_str().replace('_', "-"))
}

fn urgency_key(u: Urgency) -> String {
    format!("phone-urgency-{}", u.as_str())
}

fn status_key(s: NeedStatus) -> String {
    format!("phone-status-{}", s.as_str().replace('_', "-"))
}

fn subject_key(s: GrievanceSubject) -> String {
    format!("phone-subject-{}", s.as_str().replace('_', "-"))
}

fn authority_key(a: CompetentAuthority) -> &'static str {
    match a {
        CompetentAuthority::Governor => "phone-authority-governor",
        CompetentAuthority::Wali => "phone-authority-wali",
        CompetentAuthority::SecretaryGeneralOfGovernment => "phone-authority-sgg",
        CompetentAuthority::ForeignAffairs => "phone-authority-foreign-affairs",
    }
}

/// A commune's name in the script of the language, cut to `n` characters.
pub fn commune_name(language: PhoneLanguage, commune: &Commune, n: usize) -> String {
    let name = if language.is_arabic_script() {
        &commune.name_ar
    } else {
        &commune.name_fr
    };
    cut(name, n)
}

/// Communes whose name (Arabic or Latin letters) or code matches what was typed, at most five.
pub fn find_communes(typed: &str) -> Vec<&'static Commune> {
    let typed = typed.trim();
    if typed.is_empty() || typed.chars().count() > 60 {
        return Vec::new();
    }
    twiza_geo::geo().search_communes(typed, 5)
}

fn commune_by_code(code: &str) -> Option<&'static Commune> {
    let code = CommuneCode::parse(code).ok()?;
    twiza_geo::geo().commune(&code)
}

/// How a need, a grievance or a subscription went, as told to the person.
pub struct Told {
    pub text: String,
    /// Something was written (a need, a grievance, a subscription).
    pub wrote: bool,
}

impl Told {
    fn wrote(text: String) -> Told {
        Told { text, wrote: true }
    }
    fn nothing(text: String) -> Told {
        Told { text, wrote: false }
    }
}

impl Phone<'_> {
    fn t(&self, l: PhoneLanguage, key: &str) -> String {
        self.messages.t(l, key)
    }

    fn t_args(&self, l: PhoneLanguage, key: &str, args: &[(&str, Arg<'_>)]) -> String {
        self.messages.t_args(l, key, args)
    }

    /// The blind index of a normalized phone number.
    pub fn phone_index(&self, phone: &str) -> String {
        self.keys.blind_index("phone", phone)
    }

    /// What an appeal's code stands for: the association, verified, and the campaign's
    /// authorization (authority, reference, validity) — or plainly that it is unknown or not
    /// authorized and money should not be given.
    pub async fn check_code(&self, l: PhoneLanguage, raw: &str) -> Result<String> {
        let shown = cut(raw.trim(), 12);
        let unknown =
            |code: &str| self.t_args(l, "phone-code-unknown", &[("code", Arg::Str(code))]);
        let Some(code) = normalize_code(raw) else {
            return Ok(unknown(&shown));
        };
        let Some(campaign) = self.store.campaign_by_code(&code).await? else {
            return Ok(unknown(&code));
        };
        let authorization = &campaign.authorization;
        let granted = authorization.status == twiza_domain::campaign::AuthorizationStatus::Granted
            && campaign.state != twiza_domain::campaign::CampaignState::Draft;
        let org = self.store.organization(campaign.org_id).await?;
        let Some(org) = org.filter(|o| granted && o.status == OrgStatus::Verified) else {
            return Ok(unknown(&code));
        };
        let name = if l.is_arabic_script() {
            &org.name_ar
        } else {
            &org.name_fr
        };
        let association = cut(name, NAME_CHARS);
        if crate::campaigns::collecting_today(&campaign).is_err() {
            return Ok(self.t_args(
                l,
                "phone-code-not-collecting",
                &[
                    ("code", Arg::Str(&code)),
                    ("association", Arg::Str(&association)),
                ],
            ));
        }
        let authority = self.t(l, authority_key(campaign.scope.authority()));
        let reference = cut(
            authorization.reference.as_deref().unwrap_or_default(),
            REFERENCE_CHARS,
        );
        let date = |d: Option<time::Date>| d.map(|d| d.to_string()).unwrap_or_default();
        let (from, to) = (date(authorization.valid_from), date(authorization.valid_to));
        Ok(self.t_args(
            l,
            "phone-code-valid",
            &[
                ("code", Arg::Str(&code)),
                ("association", Arg::Str(&association)),
                ("authority", Arg::Str(&authority)),
                ("reference", Arg::Str(&reference)),
                ("from", Arg::Str(&from)),
                ("to", Arg::Str(&to)),
            ],
        ))
    }

    /// Where a need stands, by its reference.
    pub async fn need_status(&self, l: PhoneLanguage, raw: &str) -> Result<String> {
        let reference = raw.trim().to_ascii_uppercase();
        let need = if reference.starts_with("N-") && reference.len() <= 24 {
            self.store.need_by_reference(&reference).await?
        } else {
            None
        };
        Ok(match need {
            Some(need) => {
                let status = self.t(l, &status_key(need.status));
                self.t_args(
                    l,
                    "phone-need-status",
                    &[
                        ("reference", Arg::Str(&need.reference)),
                        ("status", Arg::Str(&status)),
                    ],
                )
            }
            None => self.t(l, "phone-need-unknown"),
        })
    }

    /// Records a need reported from a phone in the commune's most recent incident, the phone
    /// sealed as the reporter's contact; `retry_key` makes a repeated report write once.
    pub async fn report_need(
        &self,
        l: PhoneLanguage,
        phone: &str,
        report: &PhoneNeed,
        retry_key: &str,
    ) -> Result<Told> {
        let Some(incident) = self
            .store
            .latest_incident_in_commune(&report.commune)
            .await?
        else {
            return Ok(Told::nothing(self.t(l, "phone-need-no-incident")));
        };
        // A number the need form does not take (from abroad) is not kept as the contact.
        let contact_phone = twiza_domain::crisis::parse_phone("contact_phone", phone).ok();
        let body = crate::crisis::NeedCreate {
            commune: report.commune.clone(),
            douar_id: None,
            category: report.category.as_str().to_owned(),
            urgency: report.urgency.as_str().to_owned(),
            households: Some(report.households),
            people: None,
            latitude: None,
            longitude: None,
            description: None,
            contact_name: None,
            contact_phone,
        };
        let need = crate::crisis::record_need(
            self.intake,
            self.keys,
            incident,
            &body,
            Reporter::Public,
            Some(crate::crisis::Retry {
                key: retry_key,
                hash_key: self.hash_key,
            }),
        )
        .await?;
        Ok(Told::wrote(self.t_args(
            l,
            "phone-need-recorded",
            &[("reference", Arg::Str(&need.reference))],
        )))
    }

    /// Files a grievance for the household of `reference` (`HH-…`), received by `channel` from
    /// `phone`, once per `filing_key` (a repeated request answers the grievance written first);
    /// the phone is kept sealed with it to tell of the acknowledgement.
    #[allow(clippy::too_many_arguments)]
    pub async fn file_grievance(
        &self,
        l: PhoneLanguage,
        reference: &str,
        subject: GrievanceSubject,
        statement: &str,
        channel: &str,
        phone: &str,
        filing_key: &str,
    ) -> Result<Told> {
        let reference = reference.trim().to_ascii_uppercase();
        let household = if reference.starts_with("HH-") && reference.len() <= 40 {
            self.store.household_for_grievance(&reference).await?
        } else {
            None
        };
        let Some((org, household_id, registered_by)) = household else {
            return Ok(Told::nothing(self.t(l, "phone-household-unknown")));
        };
        // The grievance is recorded under the account that registered the household: the
        // schema names who recorded each grievance, and a phone has no account.
        let scope = OrgScope::for_member(OrgId(org), OrgRole::Coordinator);
        let filed = crate::grievances::file_from_phone(
            self.store,
            self.keys,
            &scope,
            UserId(registered_by),
            self.deadlines,
            &crate::grievances::GrievanceInput {
                household_id,
                programme_id: None,
                subject: subject.as_str(),
                channel,
                filed_by: "member",
                statement,
                received_on: None,
            },
            crate::grievances::PhoneFiling {
                key: filing_key,
                phone,
            },
        )
        .await?;
        // The language of the filing is the phone's: its acknowledgement is texted in it
        // (best effort: the language is only a preference).
        let _ = self
            .store
            .set_phone_language(&self.phone_index(phone), l.tag())
            .await;
        let number = filed.id.to_string();
        let date = iso_date(filed.decide_by);
        Ok(Told::wrote(self.t_args(
            l,
            "phone-grievance-filed",
            &[("number", Arg::Str(&number)), ("date", Arg::Str(&date))],
        )))
    }

    /// Subscribes a phone to a commune's alerts, or ends that subscription.
    pub async fn alerts(
        &self,
        l: PhoneLanguage,
        phone: &str,
        commune: &Commune,
        subscribe: bool,
        channel: &str,
    ) -> Result<Told> {
        let name = commune_name(l, commune, NAME_CHARS);
        if subscribe {
            self.store
                .subscribe_alerts(self.keys, phone, commune.code.as_str(), l.tag(), channel)
                .await?;
            Ok(Told::wrote(self.t_args(
                l,
                "phone-alert-subscribed",
                &[("commune", Arg::Str(&name))],
            )))
        } else {
            let index = self.phone_index(phone);
            self.store
                .unsubscribe_alerts(&index, commune.code.as_str())
                .await?;
            Ok(Told::wrote(self.t_args(
                l,
                "phone-alert-unsubscribed",
                &[("commune", Arg::Str(&name))],
            )))
        }
    }
}

/// A need as reported on a phone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhoneNeed {
    pub commune: String,
    pub category: NeedCategory,
    pub urgency: Urgency,
    pub households: i64,
}

/// Households typed on a phone: a whole number from 1 to the largest count a need takes.
fn parse_households(typed: &str) -> Option<i64> {
    let typed = typed.trim();
    if typed.is_empty() || typed.len() > 7 || !typed.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    typed
        .parse::<i64>()
        .ok()
        .filter(|n| (1..=twiza_domain::crisis::MAX_COUNT).contains(n))
}

/// A menu choice `1`…`n`, as an index.
fn parse_choice(typed: &str, n: usize) -> Option<usize> {
    let typed = typed.trim();
    if typed.is_empty() || typed.len() > 2 || !typed.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let k: usize = typed.parse().ok()?;
    (1..=n).contains(&k).then(|| k - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones_are_normalized() {
        assert_eq!(
            normalize_phone("+212 6 12 34 56 78").as_deref(),
            Some("+212612345678")
        );
        assert_eq!(
            normalize_phone("0612345678").as_deref(),
            Some("+212612345678")
        );
        assert_eq!(normalize_phone("+33 6 12").as_deref(), Some("+33612"));
        assert_eq!(normalize_phone("abc"), None);
    }

    #[test]
    fn counts_and_choices() {
        assert_eq!(parse_households("12"), Some(12));
        assert_eq!(parse_households("0"), None);
        assert_eq!(parse_households("-3"), None);
        assert_eq!(parse_households("99999999"), None);
        assert_eq!(parse_choice("3", 5), Some(2));
        assert_eq!(parse_choice("6", 5), None);
        assert_eq!(parse_choice("😀", 5), None);
        assert_eq!(cut("abcdef", 4), "abcd");
    }
}
