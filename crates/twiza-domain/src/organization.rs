//! Associations (the tenants): their legal identity under Dahir 1-58-376, their verification status,
//! domains of action, and the documents they give for their verification.

use crate::account::Email;
use crate::text::{parse_name, parse_optional_text, FieldError};
use crate::{OrgId, UserId};
use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};

/// Verification of an association by the platform.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrgStatus {
    Pending,
    Verified,
    Rejected,
}

impl OrgStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            OrgStatus::Pending => "pending",
            OrgStatus::Verified => "verified",
            OrgStatus::Rejected => "rejected",
        }
    }

    pub fn parse(s: &str) -> Option<OrgStatus> {
        [OrgStatus::Pending, OrgStatus::Verified, OrgStatus::Rejected]
            .into_iter()
            .find(|st| st.as_str() == s)
    }
}

/// A domain of action an association declares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionDomain {
    Relief,
    Health,
    Education,
    Children,
    Women,
    Elderly,
    Disability,
    Water,
    Housing,
    Food,
    Rural,
    Environment,
    Culture,
    Youth,
    Literacy,
    Income,
}

impl ActionDomain {
    pub const ALL: [ActionDomain; 16] = [
        ActionDomain::Relief,
        ActionDomain::Health,
        ActionDomain::Education,
        ActionDomain::Children,
        ActionDomain::Women,
        ActionDomain::Elderly,
        ActionDomain::Disability,
        ActionDomain::Water,
        ActionDomain::Housing,
        ActionDomain::Food,
        ActionDomain::Rural,
        ActionDomain::Environment,
        ActionDomain::Culture,
        ActionDomain::Youth,
        ActionDomain::Literacy,
        ActionDomain::Income,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ActionDomain::Relief => "relief",
            ActionDomain::Health => "health",
            ActionDomain::Education => "education",
            ActionDomain::Children => "children",
            ActionDomain::Women => "women",
            ActionDomain::Elderly => "elderly",
            ActionDomain::Disability => "disability",
            ActionDomain::Water => "water",
            ActionDomain::Housing => "housing",
            ActionDomain::Food => "food",
            ActionDomain::Rural => "rural",
            ActionDomain::Environment => "environment",
            ActionDomain::Culture => "culture",
            ActionDomain::Youth => "youth",
            ActionDomain::Literacy => "literacy",
            ActionDomain::Income => "income",
        }
    }

    pub fn parse(s: &str) -> Option<ActionDomain> {
        ActionDomain::ALL.into_iter().find(|d| d.as_str() == s)
    }
}

/// Where an association is seated, as HCP codes that the caller has checked against the
/// reference geography (commune inside province inside region).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Seat {
    pub region_code: String,
    pub province_code: String,
    pub commune_code: String,
}

/// Everything needed to register an association, already validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewOrganization {
    pub name_ar: String,
    pub name_fr: String,
    pub name_zgh: Option<String>,
    pub declaration_number: String,
    pub declaration_date: Date,
    pub seat: Seat,
    pub domains: Vec<ActionDomain>,
    pub email: Option<Email>,
    pub phone: Option<String>,
    pub website: Option<String>,
    pub address: Option<String>,
    pub description: Option<String>,
}

/// Raw form or JSON input, before parsing.
#[derive(Debug, Clone, Default)]
pub struct OrganizationInput<'a> {
    pub name_ar: &'a str,
    pub name_fr: &'a str,
    pub name_zgh: &'a str,
    pub declaration_number: &'a str,
    pub declaration_date: &'a str,
    pub domains: &'a [String],
    pub email: &'a str,
    pub phone: &'a str,
    pub website: &'a str,
    pub address: &'a str,
    pub description: &'a str,
}

/// The day Dahir 1-58-376 on the right of association was enacted: no receipt predates it.
const DAHIR_DATE: Date = time::macros::date!(1958 - 11 - 15);

impl NewOrganization {
    /// Parses every field, collecting all errors so a form can show them at once.
    pub fn parse(
        input: &OrganizationInput<'_>,
        seat: Result<Seat, Vec<FieldError>>,
        today: Date,
    ) -> Result<NewOrganization, Vec<FieldError>> {
        let mut errors = Vec::new();

        let name_ar = take(
            &mut errors,
            parse_name("name_ar", input.name_ar, 200).and_then(|n| {
                require_script(&n, "name_ar", "not_arabic_script", |c| {
                    ('\u{0600}'..='\u{06FF}').contains(&c)
                })
            }),
        );
        let name_fr = take(&mut errors, parse_name("name_fr", input.name_fr, 200));
        let name_zgh = take(
            &mut errors,
            parse_optional_text("name_zgh", input.name_zgh, 200).and_then(|n| match n {
                Some(n) => require_script(&n, "name_zgh", "not_tifinagh_script", |c| {
                    ('\u{2D30}'..='\u{2D7F}').contains(&c)
                })
                .map(Some),
                None => Ok(None),
            }),
        );
        let declaration_number = take(
            &mut errors,
            parse_declaration_number(input.declaration_number),
        );
        let declaration_date = take(
            &mut errors,
            parse_past_date("declaration_date", input.declaration_date, today),
        );
        let domains = take(&mut errors, parse_domains(input.domains));
        let email = take(
            &mut errors,
            match input.email.trim() {
                "" => Ok(None),
                raw => Email::parse(raw).map(Some),
            },
        );
        let phone = take(
            &mut errors,
            match input.phone.trim() {
                "" => Ok(None),
                raw => parse_moroccan_phone("phone", raw).map(Some),
            },
        );
        let website = take(&mut errors, parse_website(input.website));
        let address = take(
            &mut errors,
            parse_optional_text("address", input.address, 500),
        );
        let description = take(
            &mut errors,
            parse_optional_text("description", input.description, 4000),
        );
        let seat = match seat {
            Ok(seat) => Some(seat),
            Err(mut seat_errors) => {
                errors.append(&mut seat_errors);
                None
            }
        };

        match (
            name_ar,
            name_fr,
            name_zgh,
            declaration_number,
            declaration_date,
            domains,
            email,
            phone,
            website,
            address,
            description,
            seat,
        ) {
            (
                Some(name_ar),
                Some(name_fr),
                Some(name_zgh),
                Some(declaration_number),
                Some(declaration_date),
                Some(domains),
                Some(email),
                Some(phone),
                Some(website),
                Some(address),
                Some(description),
                Some(seat),
            ) if errors.is_empty() => Ok(NewOrganization {
                name_ar,
                name_fr,
                name_zgh,
                declaration_number,
                declaration_date,
                seat,
                domains,
                email,
                phone,
                website,
                address,
                description,
            }),
            _ => Err(errors),
        }
    }
}

/// Keeps the value, or records the error and returns `None`.
fn take<T>(errors: &mut Vec<FieldError>, result: Result<T, FieldError>) -> Option<T> {
    result.map_err(|e| errors.push(e)).ok()
}

fn require_script(
    text: &str,
    field: &'static str,
    code: &'static str,
    in_script: impl Fn(char) -> bool,
) -> Result<String, FieldError> {
    if text.chars().any(in_script) {
        Ok(text.to_owned())
    } else {
        Err(FieldError::new(field, code))
    }
}

/// Receipt numbers are short references such as `123/2019` or `ASS-MR-0042`.
fn parse_declaration_number(raw: &str) -> Result<String, FieldError> {
    let n = parse_name("declaration_number", raw, 64)?;
    if n.chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '-' | '.' | ' '))
    {
        Ok(n)
    } else {
        Err(FieldError::new("declaration_number", "validation"))
    }
}

/// An ISO date (`YYYY-MM-DD`) between the Dahir of 1958 and today.
pub fn parse_past_date(field: &'static str, raw: &str, today: Date) -> Result<Date, FieldError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Err(FieldError::new(field, "required"));
    }
    let format = time::macros::format_description!("[year]-[month]-[day]");
    let date = Date::parse(raw, &format).map_err(|_| FieldError::new(field, "invalid_date"))?;
    if date < DAHIR_DATE || date > today {
        return Err(FieldError::new(field, "invalid_date"));
    }
    Ok(date)
}

fn parse_domains(raw: &[String]) -> Result<Vec<ActionDomain>, FieldError> {
    let mut domains = Vec::new();
    for d in raw {
        let d =
            ActionDomain::parse(d.trim()).ok_or(FieldError::new("domains", "invalid_domain"))?;
        if !domains.contains(&d) {
            domains.push(d);
        }
    }
    if domains.is_empty() {
        return Err(FieldError::new("domains", "required"));
    }
    domains.sort();
    Ok(domains)
}

/// A Moroccan phone number, normalized to E.164 (`+212XXXXXXXXX`). Accepts `06…`, `+2126…`,
/// `002126…` and `2126…`, with spaces, dots or dashes.
pub fn parse_moroccan_phone(field: &'static str, raw: &str) -> Result<String, FieldError> {
    crate::phone::moroccan_number(raw).ok_or_else(|| FieldError::new(field, "invalid_phone"))
}

fn parse_website(raw: &str) -> Result<Option<String>, FieldError> {
    let Some(url) = parse_optional_text("website", raw, 300)? else {
        return Ok(None);
    };
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or(FieldError::new("website", "invalid_url"))?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host_ok = host.contains('.')
        && host
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '.' | ':'));
    if !host_ok || url.contains(char::is_whitespace) || url.contains(['"', '<', '>']) {
        return Err(FieldError::new("website", "invalid_url"));
    }
    Ok(Some(url))
}

/// An association as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Organization {
    pub id: OrgId,
    pub name_ar: String,
    pub name_fr: String,
    pub name_zgh: Option<String>,
    pub declaration_number: String,
    pub declaration_date: Date,
    pub seat: Seat,
    pub domains: Vec<ActionDomain>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub website: Option<String>,
    pub address: Option<String>,
    pub description: Option<String>,
    pub status: OrgStatus,
    pub rejection_reason: Option<String>,
    pub has_logo: bool,
    pub created_by: UserId,
    pub created_at: OffsetDateTime,
    pub verified_at: Option<OffsetDateTime>,
}

/// The verification decision of a platform admin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VerificationDecision {
    Verify,
    Reject { reason: String },
}

/// A document an association gives for its verification.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DocumentKind {
    /// Its statutes.
    Statutes,
    /// The receipt of its declaration (récépissé) from the local authority.
    DeclarationReceipt,
    /// The list of the members of its board.
    BoardList,
}

impl DocumentKind {
    pub const ALL: [DocumentKind; 3] = [
        DocumentKind::Statutes,
        DocumentKind::DeclarationReceipt,
        DocumentKind::BoardList,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            DocumentKind::Statutes => "statutes",
            DocumentKind::DeclarationReceipt => "declaration_receipt",
            DocumentKind::BoardList => "board_list",
        }
    }

    pub fn parse(raw: &str) -> Option<DocumentKind> {
        DocumentKind::ALL
            .into_iter()
            .find(|k| k.as_str() == raw.trim())
    }
}

/// The largest document accepted (a scanned PDF of a few pages).
pub const MAX_DOCUMENT_BYTES: usize = 2 * 1024 * 1024;

/// Checks a document against its declared media type (what the browser sent with the file): a
/// PDF, a JPEG or a PNG of at most [`MAX_DOCUMENT_BYTES`], whose content is of that type. Returns
/// the media type; anything else is `invalid_association_document` on the `document` field.
pub fn parse_document(declared: &str, bytes: &[u8]) -> Result<&'static str, FieldError> {
    let invalid = || FieldError::new("document", "invalid_association_document");
    if bytes.is_empty() || bytes.len() > MAX_DOCUMENT_BYTES {
        return Err(invalid());
    }
    let declared = match declared.trim().to_ascii_lowercase().as_str() {
        "application/pdf" => "application/pdf",
        "image/png" => "image/png",
        "image/jpeg" | "image/jpg" => "image/jpeg",
        _ => return Err(invalid()),
    };
    match crate::ledger::evidence_media_type(bytes) {
        Some(found) if found == declared => Ok(found),
        _ => Err(invalid()),
    }
}

/// The text an association is found by in the directory: its names and declaration number,
/// normalized for search (case, accents, Arabic letter forms).
pub fn search_text(org: &NewOrganization) -> String {
    let joined = [
        org.name_ar.as_str(),
        org.name_fr.as_str(),
        org.name_zgh.as_deref().unwrap_or_default(),
        org.declaration_number.as_str(),
    ]
    .join(" ");
    twiza_geo::normalize_for_search(&joined)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn documents_are_checked_by_content_against_their_declared_type() {
        assert_eq!(
            parse_document("application/pdf", b"%PDF-1.7\n"),
            Ok("application/pdf")
        );
        assert_eq!(
            parse_document("image/png", b"\x89PNG\r\n\x1a\nxx"),
            Ok("image/png")
        );
        assert_eq!(
            parse_document("image/jpeg", &[0xFF, 0xD8, 0xFF, 0xE0]),
            Ok("image/jpeg")
        );
        for (declared, bytes) in [
            ("application/pdf", &b"<html><script>"[..]),
            ("application/pdf", b"\x89PNG\r\n\x1a\nxx"),
            ("image/webp", b"RIFF\x00\x00\x00\x00WEBPVP8 "),
            ("application/octet-stream", b"%PDF-1.7"),
            ("application/pdf", b""),
        ] {
            assert_eq!(
                parse_document(declared, bytes),
                Err(FieldError::new("document", "invalid_association_document"))
            );
        }
        let big = [b"%PDF-".as_slice(), &vec![0u8; MAX_DOCUMENT_BYTES]].concat();
        assert!(parse_document("application/pdf", &big).is_err());
        for k in DocumentKind::ALL {
            assert_eq!(DocumentKind::parse(k.as_str()), Some(k));
        }
    }

    fn seat() -> Seat {
        Seat {
            region_code: "r".into(),
            province_code: "p".into(),
            commune_code: "c".into(),
        }
    }

    fn input<'a>(domains: &'a [String]) -> OrganizationInput<'a> {
        OrganizationInput {
            name_ar: "جمعية الأمل",
            name_fr: "Association Al Amal",
            declaration_number: "123/2019",
            declaration_date: "2019-03-01",
            domains,
            phone: "06 61 23 45 67",
            website: "https://amal.ma",
            ..Default::default()
        }
    }

    #[test]
    fn parses_a_valid_association() {
        let domains = vec![
            "relief".to_owned(),
            "health".to_owned(),
            "relief".to_owned(),
        ];
        let org =
            NewOrganization::parse(&input(&domains), Ok(seat()), date!(2026 - 01 - 01)).unwrap();
        assert_eq!(
            org.domains,
            vec![ActionDomain::Relief, ActionDomain::Health]
        );
        assert_eq!(org.phone.as_deref(), Some("+212661234567"));
    }

    #[test]
    fn collects_every_error() {
        let domains = vec!["piracy".to_owned()];
        let mut raw = input(&domains);
        raw.name_ar = "Latin only";
        raw.declaration_date = "2099-01-01";
        raw.website = "javascript:alert(1)";
        let errors = NewOrganization::parse(&raw, Ok(seat()), date!(2026 - 01 - 01)).unwrap_err();
        let codes: Vec<_> = errors.iter().map(|e| (e.field, e.code)).collect();
        assert!(codes.contains(&("name_ar", "not_arabic_script")));
        assert!(codes.contains(&("declaration_date", "invalid_date")));
        assert!(codes.contains(&("domains", "invalid_domain")));
        assert!(codes.contains(&("website", "invalid_url")));
    }

    #[test]
    fn phones() {
        for ok in [
            "0661234567",
            "+212 661-23-45-67",
            "00212522123456",
            "212761234567",
        ] {
            assert!(parse_moroccan_phone("phone", ok).is_ok(), "{ok}");
        }
        for bad in [
            "12345",
            "0161234567",
            "+33612345678",
            "06612345678",
            "06abc45678",
        ] {
            assert!(parse_moroccan_phone("phone", bad).is_err(), "{bad}");
        }
    }
}
