//! Fundraising campaigns under Law 18-18: scope, the competent authority, the authorization and
//! the rule that decides when a campaign may take donations.

use serde::{Deserialize, Serialize};
use time::Date;

/// Where a campaign collects, which decides who authorizes it (Law 18-18).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CampaignScope {
    /// One province or prefecture: the governor.
    Local,
    /// One region: the wali.
    Regional,
    /// The whole country: the Secretary-General of the Government.
    National,
    /// Abroad: the Ministry of Foreign Affairs.
    Abroad,
}

/// The authority competent for a scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CompetentAuthority {
    Governor,
    Wali,
    SecretaryGeneralOfGovernment,
    ForeignAffairs,
}

impl CampaignScope {
    pub const ALL: [CampaignScope; 4] = [
        CampaignScope::Local,
        CampaignScope::Regional,
        CampaignScope::National,
        CampaignScope::Abroad,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CampaignScope::Local => "local",
            CampaignScope::Regional => "regional",
            CampaignScope::National => "national",
            CampaignScope::Abroad => "abroad",
        }
    }

    pub fn parse(s: &str) -> Option<CampaignScope> {
        CampaignScope::ALL.into_iter().find(|x| x.as_str() == s)
    }

    pub fn authority(self) -> CompetentAuthority {
        match self {
            CampaignScope::Local => CompetentAuthority::Governor,
            CampaignScope::Regional => CompetentAuthority::Wali,
            CampaignScope::National => CompetentAuthority::SecretaryGeneralOfGovernment,
            CampaignScope::Abroad => CompetentAuthority::ForeignAffairs,
        }
    }
}

impl CompetentAuthority {
    pub fn as_str(self) -> &'static str {
        match self {
            CompetentAuthority::Governor => "governor",
            CompetentAuthority::Wali => "wali",
            CompetentAuthority::SecretaryGeneralOfGovernment => "secretary_general_of_government",
            CompetentAuthority::ForeignAffairs => "foreign_affairs",
        }
    }
}

/// The Law 18-18 authorization of a campaign.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AuthorizationStatus {
    Requested,
    Granted,
    Refused,
}

impl AuthorizationStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            AuthorizationStatus::Requested => "requested",
            AuthorizationStatus::Granted => "granted",
            AuthorizationStatus::Refused => "refused",
        }
    }

    pub fn parse(s: &str) -> Option<AuthorizationStatus> {
        [Self::Requested, Self::Granted, Self::Refused]
            .into_iter()
            .find(|x| x.as_str() == s)
    }
}

/// Publication state of a campaign.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CampaignState {
    Draft,
    Published,
    Closed,
}

impl CampaignState {
    pub fn as_str(self) -> &'static str {
        match self {
            CampaignState::Draft => "draft",
            CampaignState::Published => "published",
            CampaignState::Closed => "closed",
        }
    }

    pub fn parse(s: &str) -> Option<CampaignState> {
        [Self::Draft, Self::Published, Self::Closed]
            .into_iter()
            .find(|x| x.as_str() == s)
    }
}

/// Why a campaign cannot take a donation now (each is a stable error code).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotCollecting {
    Draft,
    Closed,
    NotAuthorized,
    NotStarted,
    Ended,
}

impl NotCollecting {
    pub fn code(self) -> &'static str {
        match self {
            NotCollecting::Draft => "campaign_draft",
            NotCollecting::Closed => "campaign_closed",
            NotCollecting::NotAuthorized => "campaign_not_authorized",
            NotCollecting::NotStarted => "campaign_not_started",
            NotCollecting::Ended => "campaign_ended",
        }
    }
}

/// A campaign takes donations only while published, authorized and within both its own period
/// and the authorization's validity.
pub fn collecting(
    state: CampaignState,
    authorization: AuthorizationStatus,
    period: (Date, Date),
    authorization_valid: Option<(Date, Date)>,
    today: Date,
) -> Result<(), NotCollecting> {
    match state {
        CampaignState::Draft => return Err(NotCollecting::Draft),
        CampaignState::Closed => return Err(NotCollecting::Closed),
        CampaignState::Published => {}
    }
    if authorization != AuthorizationStatus::Granted {
        return Err(NotCollecting::NotAuthorized);
    }
    let (from, to) = match authorization_valid {
        Some((af, at)) => (period.0.max(af), period.1.min(at)),
        None => return Err(NotCollecting::NotAuthorized),
    };
    if today < from {
        return Err(NotCollecting::NotStarted);
    }
    if today > to {
        return Err(NotCollecting::Ended);
    }
    Ok(())
}

/// Characters of public campaign codes: Crockford base 32 without I, L, O, U (no look-alikes).
const CODE_ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// A short public code such as `TWZ-4K7P` from 20 random bits.
pub fn public_code(random: u32) -> String {
    let mut code = String::from("TWZ-");
    for i in (0..4).rev() {
        code.push(CODE_ALPHABET[((random >> (i * 5)) & 31) as usize] as char);
    }
    code
}

/// Normalizes a code typed by a person (`twz 4k7p`, `TWZ-4K7P`): upper case, no spaces, and the
/// look-alikes I/L → 1, O → 0.
pub fn normalize_code(raw: &str) -> Option<String> {
    let compact: String = raw
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| match c.to_ascii_uppercase() {
            'I' | 'L' => '1',
            'O' => '0',
            c => c,
        })
        .collect();
    let body = compact.strip_prefix("TWZ").unwrap_or(&compact);
    (body.len() == 4 && body.bytes().all(|b| CODE_ALPHABET.contains(&b)))
        .then(|| format!("TWZ-{body}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn scope_decides_the_authority() {
        assert_eq!(
            CampaignScope::Local.authority(),
            CompetentAuthority::Governor
        );
        assert_eq!(
            CampaignScope::Regional.authority(),
            CompetentAuthority::Wali
        );
        assert_eq!(
            CampaignScope::National.authority(),
            CompetentAuthority::SecretaryGeneralOfGovernment
        );
        assert_eq!(
            CampaignScope::Abroad.authority(),
            CompetentAuthority::ForeignAffairs
        );
    }

    #[test]
    fn collecting_needs_publication_authorization_and_dates() {
        let period = (date!(2023 - 09 - 10), date!(2023 - 12 - 31));
        let auth = Some((date!(2023 - 09 - 09), date!(2023 - 11 - 30)));
        let ok = |s, a, today| collecting(s, a, period, auth, today);
        use AuthorizationStatus::*;
        use CampaignState::*;
        assert_eq!(ok(Published, Granted, date!(2023 - 10 - 01)), Ok(()));
        assert_eq!(
            ok(Draft, Granted, date!(2023 - 10 - 01)),
            Err(NotCollecting::Draft)
        );
        assert_eq!(
            ok(Closed, Granted, date!(2023 - 10 - 01)),
            Err(NotCollecting::Closed)
        );
        assert_eq!(
            ok(Published, Requested, date!(2023 - 10 - 01)),
            Err(NotCollecting::NotAuthorized)
        );
        assert_eq!(
            ok(Published, Refused, date!(2023 - 10 - 01)),
            Err(NotCollecting::NotAuthorized)
        );
        assert_eq!(
            ok(Published, Granted, date!(2023 - 09 - 09)),
            Err(NotCollecting::NotStarted)
        );
        assert_eq!(
            ok(Published, Granted, date!(2023 - 12 - 01)),
            Err(NotCollecting::Ended),
            "authorization expired"
        );
    }

    #[test]
    fn public_codes() {
        assert_eq!(public_code(0), "TWZ-0000");
        assert_eq!(public_code(0xFFFFF), "TWZ-ZZZZ");
        assert_eq!(normalize_code(" twz 4k7p "), Some("TWZ-4K7P".into()));
        assert_eq!(normalize_code("TWZ-4KOI"), Some("TWZ-4K01".into()));
        assert_eq!(normalize_code("TWZ-4K7"), None);
        assert_eq!(normalize_code("TWZ-4K7U"), None);
    }
}

/// Everything needed to open a campaign (in draft, authorization requested), validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCampaign {
    pub title_ar: String,
    pub title_fr: String,
    pub purpose_ar: String,
    pub purpose_fr: String,
    pub goal: crate::money::Amount,
    pub starts_on: Date,
    pub ends_on: Date,
    pub scope: CampaignScope,
    /// Normalized RIB (24 digits) or IBAN (`MA` + 26 characters).
    pub bank_account: String,
    pub emergency: bool,
}

/// Raw campaign input.
#[derive(Debug, Clone, Default)]
pub struct CampaignInput<'a> {
    pub title_ar: &'a str,
    pub title_fr: &'a str,
    pub purpose_ar: &'a str,
    pub purpose_fr: &'a str,
    pub goal: &'a str,
    pub starts_on: &'a str,
    pub ends_on: &'a str,
    pub scope: &'a str,
    pub bank_account: &'a str,
    pub emergency: bool,
}

/// Parses an ISO date (`YYYY-MM-DD`).
pub fn parse_date(field: &'static str, raw: &str) -> Result<Date, crate::FieldError> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    Date::parse(raw.trim(), &format).map_err(|_| crate::FieldError::new(field, "invalid_date"))
}

impl NewCampaign {
    /// Parses every field, collecting all errors.
    pub fn parse(input: &CampaignInput<'_>) -> Result<NewCampaign, Vec<crate::FieldError>> {
        use crate::text::{parse_name, parse_text};
        use crate::FieldError;
        let mut errors = Vec::new();
        let mut keep = |r: Result<(), FieldError>| {
            if let Err(e) = r {
                errors.push(e);
            }
        };
        let mut out = (None, None, None, None, None, None, None, None, None);
        keep(parse_name("title_ar", input.title_ar, 200).and_then(|t| {
            if t.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)) {
                out.0 = Some(t);
                Ok(())
            } else {
                Err(FieldError::new("title_ar", "not_arabic_script"))
            }
        }));
        keep(parse_name("title_fr", input.title_fr, 200).map(|t| out.1 = Some(t)));
        keep(parse_text("purpose_ar", input.purpose_ar, 4000).map(|t| out.2 = Some(t)));
        keep(parse_text("purpose_fr", input.purpose_fr, 4000).map(|t| out.3 = Some(t)));
        keep(crate::money::Amount::parse("goal", input.goal).map(|a| out.4 = Some(a)));
        keep(parse_date("starts_on", input.starts_on).map(|d| out.5 = Some(d)));
        keep(parse_date("ends_on", input.ends_on).map(|d| out.6 = Some(d)));
        keep(
            CampaignScope::parse(input.scope.trim())
                .map(|s| out.7 = Some(s))
                .ok_or(FieldError::new("scope", "invalid_scope")),
        );
        keep(parse_bank_account(input.bank_account).map(|b| out.8 = Some(b)));
        if let (Some(start), Some(end)) = (out.5, out.6) {
            if end < start {
                errors.push(FieldError::new("ends_on", "invalid_period"));
            }
        }
        match out {
            (
                Some(title_ar),
                Some(title_fr),
                Some(purpose_ar),
                Some(purpose_fr),
                Some(goal),
                Some(starts_on),
                Some(ends_on),
                Some(scope),
                Some(bank_account),
            ) if errors.is_empty() => Ok(NewCampaign {
                title_ar,
                title_fr,
                purpose_ar,
                purpose_fr,
                goal,
                starts_on,
                ends_on,
                scope,
                bank_account,
                emergency: input.emergency,
            }),
            _ => Err(errors),
        }
    }
}

/// A Moroccan bank account: a 24-digit RIB (bank 3, locality 3, account 16, key 2: the key makes
/// the whole number a multiple of 97), or an IBAN `MA` + 2 check digits + that RIB (ISO 13616
/// mod-97 check, and the RIB's own key). Spaces are ignored.
pub fn parse_bank_account(raw: &str) -> Result<String, crate::FieldError> {
    let err = || crate::FieldError::new("bank_account", "invalid_bank_account");
    let compact: String = raw
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_uppercase();
    let mod97 = |digits: &str| {
        digits
            .bytes()
            .fold(0u32, |acc, b| (acc * 10 + u32::from(b - b'0')) % 97)
    };
    let rib_ok =
        |rib: &str| rib.len() == 24 && rib.bytes().all(|b| b.is_ascii_digit()) && mod97(rib) == 0;
    if compact.len() == 24 {
        return if rib_ok(&compact) {
            Ok(compact)
        } else {
            Err(err())
        };
    }
    if compact.len() == 28
        && compact.starts_with("MA")
        && compact[2..].bytes().all(|b| b.is_ascii_digit())
        && rib_ok(&compact[4..])
    {
        // Move the first four characters to the end, letters to numbers (M=22, A=10), mod 97.
        let rearranged = format!("{}2210{}", &compact[4..], &compact[2..4]);
        if mod97(&rearranged) == 1 {
            return Ok(compact);
        }
    }
    Err(err())
}

#[cfg(test)]
mod parse_tests {
    use super::*;

    #[test]
    fn bank_accounts() {
        assert!(parse_bank_account("011 780 0000 1234 5678 9012 96").is_ok());
        // A wrong RIB key: every other key of the same account is refused.
        for key in (1..=97).filter(|k| *k != 96) {
            let rib = format!("0117800000123456789012{key:02}");
            assert!(parse_bank_account(&rib).is_err(), "{rib}");
        }
        // A valid Moroccan IBAN computed with the ISO 13616 rule.
        let rib = "011780000012345678901296";
        let check = 98 - {
            let s = format!("{rib}221000");
            s.bytes()
                .fold(0u64, |acc, b| (acc * 10 + u64::from(b - b'0')) % 97)
        };
        let iban = format!("MA{check:02}{rib}");
        assert!(parse_bank_account(&iban).is_ok(), "{iban}");
        let mut wrong = iban.clone().into_bytes();
        wrong[5] = if wrong[5] == b'9' { b'8' } else { b'9' };
        assert!(parse_bank_account(std::str::from_utf8(&wrong).unwrap()).is_err());
        assert!(parse_bank_account("FR7630006000011234567890189").is_err());
        assert!(parse_bank_account("12345").is_err());
    }

    #[test]
    fn campaigns_collect_all_errors() {
        let input = CampaignInput {
            title_ar: "Latin",
            title_fr: "Aide Al Haouz",
            purpose_ar: "",
            purpose_fr: "Tentes",
            goal: "-1",
            starts_on: "2023-09-10",
            ends_on: "2023-09-01",
            scope: "galactic",
            bank_account: "x",
            emergency: true,
        };
        let codes: Vec<_> = NewCampaign::parse(&input)
            .unwrap_err()
            .iter()
            .map(|e| e.code)
            .collect();
        for code in [
            "not_arabic_script",
            "required",
            "invalid_amount",
            "invalid_scope",
            "invalid_bank_account",
            "invalid_period",
        ] {
            assert!(codes.contains(&code), "{code} in {codes:?}");
        }
    }
}
