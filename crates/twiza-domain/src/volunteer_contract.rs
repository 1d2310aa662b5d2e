//! A Law 06-18 volunteering contract as data: its parties and their identities, the mission and
//! its public-benefit purpose, place, period, weekly hours, training, insurance, reimbursed
//! expenses (never a wage), termination, the statement that it is not an employment contract;
//! its text rendered in Arabic and in French from the message files (`contract-*` keys), and the
//! SHA-256 that binds both texts. Also the national register's columns, in the order of its CSV
//! and Excel exports (`docs/volunteer-register.md`).

use crate::text::{parse_text, FieldError};
use crate::volunteer::under_18_on;
use crate::Refusal;
use sha2::{Digest, Sha256};
use time::Date;

/// Most hours a week a contract asks of a volunteer.
pub const MAX_WEEKLY_HOURS: i64 = 48;
/// Longest notice before ending a contract, in days.
pub const MAX_NOTICE_DAYS: i64 = 90;
/// Longest clause a coordinator writes (training, insurance, expenses).
pub const MAX_CLAUSE: usize = 500;

/// The clauses a coordinator writes for one contract, as sent.
pub struct ContractInput<'a> {
    pub weekly_hours: &'a str,
    /// What training the host gives (e.g. first aid, 4 hours, before the first shift).
    pub training: &'a str,
    /// The insurer and policy covering the volunteer.
    pub insurance: &'a str,
    /// Which expenses are reimbursed and how.
    pub expenses: &'a str,
    pub notice_days: &'a str,
}

/// Checked clauses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContractClauses {
    pub weekly_hours: i64,
    pub training: String,
    pub insurance: String,
    pub expenses: String,
    pub notice_days: i64,
}

fn parse_count(field: &'static str, raw: &str, max: i64) -> Result<i64, FieldError> {
    match raw.trim().parse::<i64>() {
        Ok(n) if (1..=max).contains(&n) => Ok(n),
        _ => Err(FieldError {
            field,
            code: "out_of_range",
            max: Some(max as usize),
        }),
    }
}

/// Checks the clauses: every invalid field is named.
pub fn parse_contract(input: &ContractInput<'_>) -> Result<ContractClauses, Vec<FieldError>> {
    let weekly_hours = parse_count("weekly_hours", input.weekly_hours, MAX_WEEKLY_HOURS);
    let training = parse_text("training", input.training, MAX_CLAUSE);
    let insurance = parse_text("insurance", input.insurance, MAX_CLAUSE);
    let expenses = parse_text("expenses", input.expenses, MAX_CLAUSE);
    let notice_days = parse_count("notice_days", input.notice_days, MAX_NOTICE_DAYS);
    match (weekly_hours, training, insurance, expenses, notice_days) {
        (Ok(weekly_hours), Ok(training), Ok(insurance), Ok(expenses), Ok(notice_days)) => {
            Ok(ContractClauses {
                weekly_hours,
                training,
                insurance,
                expenses,
                notice_days,
            })
        }
        (a, b, c, d, e) => Err([a.err(), b.err(), c.err(), d.err(), e.err()]
            .into_iter()
            .flatten()
            .collect()),
    }
}

/// A name written in both languages of the contract.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bilingual {
    pub ar: String,
    pub fr: String,
}

impl Bilingual {
    fn of(&self, language: ContractLanguage) -> &str {
        match language {
            ContractLanguage::Ar => &self.ar,
            ContractLanguage::Fr => &self.fr,
        }
    }
}

/// The host party: the association and its accreditation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostParty {
    pub name: Bilingual,
    pub accreditation_reference: String,
    pub issuing_authority: String,
    pub accreditation_valid_until: Date,
}

/// The volunteer party and their identity (the contract is the one document that names it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VolunteerParty {
    pub name: String,
    pub birth_date: Date,
    pub cin: String,
}

/// Everything a contract says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContractTerms {
    /// `CV-YYYY-<n>`.
    pub number: String,
    pub host: HostParty,
    pub volunteer: VolunteerParty,
    pub mission: String,
    pub purpose: String,
    /// The commune (and douar, when named).
    pub place: Bilingual,
    pub starts_on: Date,
    pub ends_on: Date,
    pub clauses: ContractClauses,
}

/// The two languages a contract is generated in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContractLanguage {
    Ar,
    Fr,
}

/// A message from the message files in a language, with its named arguments.
pub type Translate<'a> = &'a dyn Fn(ContractLanguage, &str, &[(&str, &str)]) -> String;

/// A day as the contract prints it: `DD/MM/YYYY`, the same in both languages.
pub fn contract_day(day: Date) -> String {
    format!(
        "{:02}/{:02}/{:04}",
        day.day(),
        u8::from(day.month()),
        day.year()
    )
}

/// The contract's paragraphs in one language, in order: title, number, parties, the nine
/// articles, the closing line. The signature lines are the page's, not the text's.
pub fn render(terms: &ContractTerms, language: ContractLanguage, t: Translate<'_>) -> Vec<String> {
    let tr = |key: &str, args: &[(&str, &str)]| t(language, key, args);
    let hours = terms.clauses.weekly_hours.to_string();
    let days = terms.clauses.notice_days.to_string();
    let valid_until = contract_day(terms.host.accreditation_valid_until);
    let birth = contract_day(terms.volunteer.birth_date);
    let starts = contract_day(terms.starts_on);
    let ends = contract_day(terms.ends_on);
    vec![
        tr("contract-title", &[]),
        tr("contract-number", &[("number", &terms.number)]),
        tr("contract-between", &[]),
        tr(
            "contract-host",
            &[
                ("host", terms.host.name.of(language)),
                ("reference", &terms.host.accreditation_reference),
                ("authority", &terms.host.issuing_authority),
                ("valid_until", &valid_until),
            ],
        ),
        tr(
            "contract-volunteer",
            &[
                ("name", &terms.volunteer.name),
                ("birth_date", &birth),
                ("cin", &terms.volunteer.cin),
            ],
        ),
        tr(
            "contract-article-object",
            &[("mission", &terms.mission), ("purpose", &terms.purpose)],
        ),
        tr(
            "contract-article-place",
            &[("place", terms.place.of(language))],
        ),
        tr(
            "contract-article-period",
            &[("starts_on", &starts), ("ends_on", &ends)],
        ),
        tr("contract-article-hours", &[("hours", &hours)]),
        tr(
            "contract-article-training",
            &[("training", &terms.clauses.training)],
        ),
        tr(
            "contract-article-insurance",
            &[("insurance", &terms.clauses.insurance)],
        ),
        tr(
            "contract-article-expenses",
            &[("expenses", &terms.clauses.expenses)],
        ),
        tr("contract-article-termination", &[("days", &days)]),
        tr("contract-article-nature", &[]),
        tr("contract-closing", &[]),
    ]
}

/// Paragraphs joined as the stored text (a blank line between paragraphs).
pub fn join_text(paragraphs: &[String]) -> String {
    paragraphs.join("\n\n")
}

/// The contract's digest: SHA-256 (hex) over the Arabic text, a newline, a form feed, a newline
/// and the French text (UTF-8). Whoever holds a printed copy can recompute it.
pub fn text_sha256(text_ar: &str, text_fr: &str) -> String {
    let mut h = Sha256::new();
    h.update(text_ar.as_bytes());
    h.update(b"\n\x0c\n");
    h.update(text_fr.as_bytes());
    hex::encode(h.finalize())
}

/// Whether a contract may be issued to this volunteer: 18 or over on the contract's start.
pub fn check_age(birth_date: Date, starts_on: Date) -> Result<(), Refusal> {
    if under_18_on(birth_date, starts_on) {
        Err(Refusal::VolunteerUnder18)
    } else {
        Ok(())
    }
}

/// A contract's number in the register: `CV-<year of its start>-<its application's id>` (one
/// contract per application, so the number is known before the contract is written).
pub fn contract_number(year: i32, id: i64) -> String {
    format!("CV-{year}-{id:06}")
}

code_enum!(
    /// Where a contract stands: proposed by the coordinator, accepted by one party, signed (both
    /// parties accepted), ended.
    ContractStatus {
        Proposed => "proposed",
        HostAccepted => "host_accepted",
        VolunteerAccepted => "volunteer_accepted",
        Signed => "signed",
        Ended => "ended",
    }
);

/// Which party accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Party {
    Host,
    Volunteer,
}

/// The status after `party` accepts a contract at `status`; `contract_wrong_step` when that
/// party already accepted or the contract ended.
pub fn accept(status: ContractStatus, party: Party) -> Result<ContractStatus, Refusal> {
    use ContractStatus::*;
    match (status, party) {
        (Proposed, Party::Host) => Ok(HostAccepted),
        (Proposed, Party::Volunteer) => Ok(VolunteerAccepted),
        (VolunteerAccepted, Party::Host) | (HostAccepted, Party::Volunteer) => Ok(Signed),
        _ => Err(Refusal::ContractWrongStep),
    }
}

/// The register's columns, in the order of its exports (their header names, stable: a script
/// reads them). Documented in `docs/volunteer-register.md`.
pub const REGISTER_COLUMNS: &[&str] = &[
    "number",
    "host",
    "host_accreditation",
    "volunteer_name",
    "volunteer_birth_date",
    "volunteer_cin",
    "mission",
    "purpose",
    "commune_code",
    "commune",
    "starts_on",
    "ends_on",
    "weekly_hours",
    "status",
    "host_accepted_on",
    "volunteer_accepted_on",
    "hours_worked",
];

/// One contract as the register lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegisterRow {
    pub number: String,
    pub host: String,
    pub host_accreditation: String,
    /// Empty once the volunteer erased their profile (the contract stays in the register).
    pub volunteer_name: String,
    pub volunteer_birth_date: Option<Date>,
    pub volunteer_cin: String,
    pub mission: String,
    pub purpose: String,
    pub commune_code: String,
    pub starts_on: Date,
    pub ends_on: Date,
    pub weekly_hours: i64,
    pub status: ContractStatus,
    pub host_accepted_on: Option<Date>,
    pub volunteer_accepted_on: Option<Date>,
    /// Minutes worked on the mission's shifts, by this volunteer.
    pub minutes_worked: i64,
}

/// Hours and minutes as `H:MM`.
pub fn hours_text(minutes: i64) -> String {
    format!("{}:{:02}", minutes / 60, minutes % 60)
}

impl RegisterRow {
    /// The row's cells, in [`REGISTER_COLUMNS`] order (dates as `YYYY-MM-DD`, the commune's
    /// French name beside its code).
    pub fn cells(&self) -> [String; 17] {
        use crate::volunteer::iso_day;
        let commune = twiza_geo::CommuneCode::parse(&self.commune_code)
            .ok()
            .and_then(|c| twiza_geo::geo().commune(&c).map(|c| c.name_fr.clone()))
            .unwrap_or_default();
        [
            self.number.clone(),
            self.host.clone(),
            self.host_accreditation.clone(),
            self.volunteer_name.clone(),
            self.volunteer_birth_date.map(iso_day).unwrap_or_default(),
            self.volunteer_cin.clone(),
            self.mission.clone(),
            self.purpose.clone(),
            self.commune_code.clone(),
            commune,
            iso_day(self.starts_on),
            iso_day(self.ends_on),
            self.weekly_hours.to_string(),
            self.status.as_str().to_owned(),
            self.host_accepted_on.map(iso_day).unwrap_or_default(),
            self.volunteer_accepted_on.map(iso_day).unwrap_or_default(),
            hours_text(self.minutes_worked),
        ]
    }
}

/// A cell as a spreadsheet must not take it for a formula (OWASP CSV injection): a leading
/// `=`, `+`, `-`, `@`, tab or carriage return gets a `'` before it.
pub fn spreadsheet_safe(cell: &str) -> std::borrow::Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}").into(),
        _ => cell.into(),
    }
}

/// The register's CSV header line.
pub fn register_csv_header() -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record(REGISTER_COLUMNS);
    w.into_inner().unwrap_or_default()
}

/// Rows of the register as CSV lines (RFC 4180, UTF-8), cells made spreadsheet-safe.
pub fn register_csv_rows(rows: &[RegisterRow]) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::with_capacity(rows.len() * 256));
    for row in rows {
        let cells = row.cells();
        let _ = w.write_record(cells.iter().map(|c| spreadsheet_safe(c).into_owned()));
    }
    w.into_inner().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn terms() -> ContractTerms {
        ContractTerms {
            number: contract_number(2026, 7),
            host: HostParty {
                name: Bilingual {
                    ar: "جمعية الأطلس".into(),
                    fr: "Association Atlas".into(),
                },
                accreditation_reference: "AB-06-18/2025/17".into(),
                issuing_authority: "Ministère".into(),
                accreditation_valid_until: date!(2028 - 01 - 09),
            },
            volunteer: VolunteerParty {
                name: "Salma Ait Lahcen".into(),
                birth_date: date!(1990 - 03 - 02),
                cin: "EE123456".into(),
            },
            mission: "Distribution".into(),
            purpose: "Aide aux sinistrés".into(),
            place: Bilingual {
                ar: "أمزميز".into(),
                fr: "Amizmiz".into(),
            },
            starts_on: date!(2026 - 12 - 10),
            ends_on: date!(2026 - 12 - 20),
            clauses: parse_contract(&ContractInput {
                weekly_hours: "12",
                training: "Premiers secours, 4 h",
                insurance: "Assureur X, police 42",
                expenses: "Transport sur justificatif",
                notice_days: "7",
            })
            .unwrap(),
        }
    }

    /// A stand-in for the message files: the key and its arguments.
    fn echo(language: ContractLanguage, key: &str, args: &[(&str, &str)]) -> String {
        let args: Vec<String> = args.iter().map(|(k, v)| format!("{k}={v}")).collect();
        format!("{language:?}:{key}({})", args.join(","))
    }

    #[test]
    fn the_text_names_both_parties_in_each_language_and_its_digest_binds_both() {
        let t = terms();
        let ar = join_text(&render(&t, ContractLanguage::Ar, &echo));
        let fr = join_text(&render(&t, ContractLanguage::Fr, &echo));
        assert!(ar.contains("host=جمعية الأطلس") && ar.contains("cin=EE123456"));
        assert!(fr.contains("place=Amizmiz") && fr.contains("birth_date=02/03/1990"));
        assert!(fr.contains("contract-article-nature") && fr.contains("hours=12"));
        let digest = text_sha256(&ar, &fr);
        assert_eq!(digest.len(), 64);
        assert_ne!(digest, text_sha256(&fr, &ar));
    }

    #[test]
    fn clauses_are_checked_field_by_field() {
        let errors = parse_contract(&ContractInput {
            weekly_hours: "60",
            training: "",
            insurance: "x",
            expenses: "y",
            notice_days: "0",
        })
        .unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, vec!["weekly_hours", "training", "notice_days"]);
    }

    #[test]
    fn each_party_accepts_once_and_the_second_signs() {
        use ContractStatus::*;
        assert_eq!(accept(Proposed, Party::Host), Ok(HostAccepted));
        assert_eq!(accept(HostAccepted, Party::Volunteer), Ok(Signed));
        assert_eq!(
            accept(HostAccepted, Party::Host),
            Err(Refusal::ContractWrongStep)
        );
        assert_eq!(
            accept(Signed, Party::Volunteer),
            Err(Refusal::ContractWrongStep)
        );
        assert_eq!(
            check_age(date!(2008 - 12 - 11), date!(2026 - 12 - 10)),
            Err(Refusal::VolunteerUnder18)
        );
        assert_eq!(
            check_age(date!(2008 - 12 - 10), date!(2026 - 12 - 10)),
            Ok(())
        );
    }

    #[test]
    fn register_rows_follow_the_columns_and_defuse_formulas() {
        let row = RegisterRow {
            number: "CV-2026-000007".into(),
            host: "=HYPERLINK(\"x\")".into(),
            host_accreditation: "AB-1".into(),
            volunteer_name: "Salma".into(),
            volunteer_birth_date: Some(date!(1990 - 03 - 02)),
            volunteer_cin: "EE123456".into(),
            mission: "M".into(),
            purpose: "P".into(),
            commune_code: "nowhere".into(),
            starts_on: date!(2026 - 12 - 10),
            ends_on: date!(2026 - 12 - 20),
            weekly_hours: 12,
            status: ContractStatus::Signed,
            host_accepted_on: Some(date!(2026 - 12 - 05)),
            volunteer_accepted_on: None,
            minutes_worked: 125,
        };
        assert_eq!(row.cells().len(), REGISTER_COLUMNS.len());
        let csv = String::from_utf8(register_csv_rows(&[row])).unwrap();
        assert!(csv.starts_with("CV-2026-000007,\"'=HYPERLINK"));
        assert!(csv.trim_end().ends_with(",signed,2026-12-05,,2:05"));
        assert!(String::from_utf8(register_csv_header())
            .unwrap()
            .starts_with("number,host,host_accreditation,"));
    }
}
