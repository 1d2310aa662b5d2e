//! The beneficiary registry's values: households, their members, national identifiers, consent
//! and the checks a record passes before it is stored (one rule set for forms, API and imports).

use crate::crisis::parse_phone;
use crate::text::{parse_optional_text, FieldError};
use time::{Date, Month};
use twiza_geo::{CommuneCode, CommuneKind};

code_enum!(
    /// Sex as written on the civil registry.
    Sex {
        Female => "f",
        Male => "m",
    }
);

code_enum!(
    /// A member's relation to the head of the household.
    Relation {
        Head => "head",
        Spouse => "spouse",
        Child => "child",
        Parent => "parent",
        Sibling => "sibling",
        Grandchild => "grandchild",
        OtherRelative => "other_relative",
        NotRelated => "not_related",
    }
);

code_enum!(
    /// A disability, if any (a sensitive field: only roles that need it read it).
    Disability {
        None => "none",
        Physical => "physical",
        Sensory => "sensory",
        Intellectual => "intellectual",
        Mental => "mental",
        Multiple => "multiple",
    }
);

impl Disability {
    pub fn is_disabled(self) -> bool {
        self != Disability::None
    }
}

code_enum!(
    /// Where a member is in school now (`none`: not in school).
    Schooling {
        None => "none",
        Preschool => "preschool",
        Primary => "primary",
        LowerSecondary => "lower_secondary",
        UpperSecondary => "upper_secondary",
        Higher => "higher",
        Vocational => "vocational",
    }
);

impl Schooling {
    pub fn in_school(self) -> bool {
        self != Schooling::None
    }
}

code_enum!(
    /// Damage to the household's home by an incident.
    HousingDamage {
        None => "none",
        Partial => "partial",
        Total => "total",
    }
);

code_enum!(
    /// Urban or rural, from the household's commune (proxy-means-test weights differ).
    Area {
        Urban => "urban",
        Rural => "rural",
    }
);

impl Area {
    pub fn of(kind: CommuneKind) -> Area {
        match kind {
            CommuneKind::Urban => Area::Urban,
            CommuneKind::Rural => Area::Rural,
        }
    }
}

code_enum!(
    /// What a household's data is processed for.
    ConsentPurpose {
        Registration => "registration",
        ProgrammeEnrollment => "programme_enrollment",
        Payments => "payments",
        DuplicateCheck => "duplicate_check",
    }
);

code_enum!(
    /// Why processing is lawful (Law 09-08, art. 4): consent, or a basis that stands without it.
    LegalBasis {
        Consent => "consent",
        LegalObligation => "legal_obligation",
        VitalInterest => "vital_interest",
        PublicInterest => "public_interest",
    }
);

code_enum!(
    /// How consent was given.
    ConsentChannel {
        Paper => "paper",
        InPerson => "in_person",
        Phone => "phone",
        Sms => "sms",
        Ussd => "ussd",
        Web => "web",
    }
);

/// Longest name part, in characters.
pub const MAX_NAME: usize = 80;
/// Most members in one household.
pub const MAX_MEMBERS: usize = 30;
/// Earliest birth year accepted.
const MIN_BIRTH_YEAR: i32 = 1900;

/// A national identity card number (CIN/CNIE): one or two letters then 1 to 6 digits, e.g.
/// `BE819283`. Spaces are dropped and letters upper-cased.
pub fn parse_cin(field: &'static str, raw: &str) -> Result<String, FieldError> {
    let cin: String = raw
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_uppercase();
    let letters = cin.chars().take_while(|c| c.is_ascii_uppercase()).count();
    let digits = &cin[letters..];
    let valid = (1..=2).contains(&letters)
        && (1..=6).contains(&digits.len())
        && digits.chars().all(|c| c.is_ascii_digit());
    if valid {
        Ok(cin)
    } else {
        Err(FieldError::new(field, "cin_invalid"))
    }
}

/// The civil and social digital identifier of the national population register (RNP): ten
/// digits. Its check digit's rule is not published, so only the form is checked.
pub fn parse_idcs(field: &'static str, raw: &str) -> Result<String, FieldError> {
    let idcs: String = raw.chars().filter(|c| !c.is_whitespace()).collect();
    if idcs.len() == 10 && idcs.chars().all(|c| c.is_ascii_digit()) {
        Ok(idcs)
    } else {
        Err(FieldError::new(field, "idcs_invalid"))
    }
}

/// An ISO date (`YYYY-MM-DD`) between 1900 and `today`.
pub fn parse_birth_date(field: &'static str, raw: &str, today: Date) -> Result<Date, FieldError> {
    let invalid = || FieldError::new(field, "invalid_date");
    let raw = raw.trim();
    let mut parts = raw.splitn(3, '-');
    let mut number = |len: usize| {
        parts
            .next()
            .filter(|p| p.len() == len && p.chars().all(|c| c.is_ascii_digit()))
            .and_then(|p| p.parse::<u16>().ok())
            .ok_or_else(invalid)
    };
    let (year, month, day) = (number(4)?, number(2)?, number(2)?);
    let month = u8::try_from(month)
        .ok()
        .and_then(|m| Month::try_from(m).ok())
        .ok_or_else(invalid)?;
    let day = u8::try_from(day).map_err(|_| invalid())?;
    let date = Date::from_calendar_date(i32::from(year), month, day).map_err(|_| invalid())?;
    if date > today {
        return Err(FieldError::new(field, "date_in_future"));
    }
    if date.year() < MIN_BIRTH_YEAR {
        return Err(FieldError::new(field, "date_too_old"));
    }
    Ok(date)
}

/// Age in whole years on `on`.
pub fn age_on(birth: Date, on: Date) -> i32 {
    let mut age = on.year() - birth.year();
    if (on.month() as u8, on.day()) < (birth.month() as u8, birth.day()) {
        age -= 1;
    }
    age.max(0)
}

/// Which script a name part must be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    Arabic,
    Latin,
}

fn allowed_in_name(c: char, script: Script) -> bool {
    if matches!(c, ' ' | '-' | '\'' | '’') {
        return true;
    }
    match script {
        // Arabic letters and their marks; no digits or punctuation.
        Script::Arabic => {
            matches!(c, '\u{0621}'..='\u{064A}' | '\u{064B}'..='\u{0652}' | '\u{0670}'..='\u{06D3}')
        }
        Script::Latin => {
            c.is_alphabetic() && (c.is_ascii_alphabetic() || ('\u{00C0}'..='\u{024F}').contains(&c))
        }
    }
}

/// An optional name part in one script: a Latin letter in the Arabic field (or the reverse),
/// a digit or a symbol is refused with `name_script_mismatch`.
pub fn parse_name_part(
    field: &'static str,
    raw: &str,
    script: Script,
) -> Result<Option<String>, FieldError> {
    let Some(name) = parse_optional_text(field, raw, MAX_NAME)? else {
        return Ok(None);
    };
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.chars().any(|c| !allowed_in_name(c, script)) {
        return Err(FieldError::new(field, "name_script_mismatch"));
    }
    Ok(Some(name))
}

/// A member as submitted (a form, the API or a row of an import file), before validation.
#[derive(Debug, Default, Clone)]
pub struct PersonInput<'a> {
    pub given_name_ar: &'a str,
    pub family_name_ar: &'a str,
    pub given_name_lat: &'a str,
    pub family_name_lat: &'a str,
    pub sex: &'a str,
    pub birth_date: &'a str,
    pub relation: &'a str,
    pub disability: &'a str,
    pub schooling: &'a str,
    pub phone: &'a str,
    pub cin: &'a str,
    pub idcs: &'a str,
}

/// A validated member. Identifiers and phone are in clear here; the store seals them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewPerson {
    pub given_name_ar: Option<String>,
    pub family_name_ar: Option<String>,
    pub given_name_lat: Option<String>,
    pub family_name_lat: Option<String>,
    pub sex: Sex,
    pub birth_date: Date,
    pub relation: Relation,
    pub disability: Disability,
    pub schooling: Schooling,
    pub phone: Option<String>,
    pub cin: Option<String>,
    pub idcs: Option<String>,
}

fn parse_code<T>(
    field: &'static str,
    raw: &str,
    parse: fn(&str) -> Option<T>,
    default: Option<T>,
) -> Result<T, FieldError> {
    let raw = raw.trim();
    match (raw.is_empty(), default) {
        (true, Some(d)) => Ok(d),
        (true, None) => Err(FieldError::new(field, "required")),
        (false, _) => parse(raw).ok_or(FieldError::new(field, "unknown_choice")),
    }
}

fn optional<T>(
    raw: &str,
    parse: impl FnOnce(&str) -> Result<T, FieldError>,
) -> Result<Option<T>, FieldError> {
    if raw.trim().is_empty() {
        Ok(None)
    } else {
        parse(raw).map(Some)
    }
}

impl NewPerson {
    /// Validates every field and reports all errors, not the first.
    pub fn parse(input: &PersonInput<'_>, today: Date) -> Result<NewPerson, Vec<FieldError>> {
        let given_ar = parse_name_part("given_name_ar", input.given_name_ar, Script::Arabic);
        let family_ar = parse_name_part("family_name_ar", input.family_name_ar, Script::Arabic);
        let given_lat = parse_name_part("given_name_lat", input.given_name_lat, Script::Latin);
        let family_lat = parse_name_part("family_name_lat", input.family_name_lat, Script::Latin);
        let sex = parse_code("sex", input.sex, Sex::parse, None);
        let birth = parse_birth_date("birth_date", input.birth_date, today);
        let relation = parse_code("relation", input.relation, Relation::parse, None);
        let disability = parse_code(
            "disability",
            input.disability,
            Disability::parse,
            Some(Disability::None),
        );
        let schooling = parse_code(
            "schooling",
            input.schooling,
            Schooling::parse,
            Some(Schooling::None),
        );
        let phone = optional(input.phone, |p| parse_phone("phone", p));
        let cin = optional(input.cin, |c| parse_cin("cin", c));
        let idcs = optional(input.idcs, |c| parse_idcs("idcs", c));
        match (
            given_ar, family_ar, given_lat, family_lat, sex, birth, relation, disability,
            schooling, phone, cin, idcs,
        ) {
            (
                Ok(given_name_ar),
                Ok(family_name_ar),
                Ok(given_name_lat),
                Ok(family_name_lat),
                Ok(sex),
                Ok(birth_date),
                Ok(relation),
                Ok(disability),
                Ok(schooling),
                Ok(phone),
                Ok(cin),
                Ok(idcs),
            ) => {
                let mut missing = Vec::new();
                if given_name_ar.is_none() && given_name_lat.is_none() {
                    missing.push(FieldError::new("given_name", "required"));
                }
                if family_name_ar.is_none() && family_name_lat.is_none() {
                    missing.push(FieldError::new("family_name", "required"));
                }
                if !missing.is_empty() {
                    return Err(missing);
                }
                Ok(NewPerson {
                    given_name_ar,
                    family_name_ar,
                    given_name_lat,
                    family_name_lat,
                    sex,
                    birth_date,
                    relation,
                    disability,
                    schooling,
                    phone,
                    cin,
                    idcs,
                })
            }
            (a, b, c, d, e, f, g, h, i, j, k, l) => Err([
                a.err(),
                b.err(),
                c.err(),
                d.err(),
                e.err(),
                f.err(),
                g.err(),
                h.err(),
                i.err(),
                j.err(),
                k.err(),
                l.err(),
            ]
            .into_iter()
            .flatten()
            .collect()),
        }
    }
}

/// Living conditions asked by the proxy-means test (all optional: a missing answer counts as
/// the poorer one only where the model says so).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LivingConditions {
    pub rooms: Option<i64>,
    pub piped_water: Option<bool>,
    pub electricity: Option<bool>,
    pub flush_toilet: Option<bool>,
    pub owns_home: Option<bool>,
    pub refrigerator: Option<bool>,
    pub television: Option<bool>,
    pub car: Option<bool>,
    pub livestock_heads: Option<i64>,
}

/// A household as submitted, before validation.
#[derive(Debug, Default, Clone)]
pub struct HouseholdInput<'a> {
    pub commune: &'a str,
    pub douar: &'a str,
    pub address: &'a str,
    pub housing_damage: &'a str,
}

/// A validated household (its members are validated one by one, then together).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewHousehold {
    pub commune: CommuneCode,
    pub area: Area,
    pub douar: Option<String>,
    pub address: Option<String>,
    pub housing_damage: HousingDamage,
}

impl NewHousehold {
    pub fn parse(input: &HouseholdInput<'_>) -> Result<NewHousehold, Vec<FieldError>> {
        let commune = CommuneCode::parse(input.commune.trim())
            .ok()
            .and_then(|c| twiza_geo::geo().commune(&c).map(|k| (c, k.kind)))
            .ok_or(FieldError::new("commune", "unknown_commune"));
        let douar = parse_optional_text("douar", input.douar, 120);
        let address = parse_optional_text("address", input.address, 300);
        let damage = parse_code(
            "housing_damage",
            input.housing_damage,
            HousingDamage::parse,
            Some(HousingDamage::None),
        );
        match (commune, douar, address, damage) {
            (Ok((commune, kind)), Ok(douar), Ok(address), Ok(housing_damage)) => Ok(NewHousehold {
                commune,
                area: Area::of(kind),
                douar,
                address,
                housing_damage,
            }),
            (a, b, c, d) => Err([a.err(), b.err(), c.err(), d.err()]
                .into_iter()
                .flatten()
                .collect()),
        }
    }
}

/// Checks that hold across a household's members: one head, a size within bounds, and no
/// national identifier twice. Errors name the member by position (`members[2].cin`).
pub fn check_members(members: &[NewPerson]) -> Result<(), FieldError> {
    if members.is_empty() || members.len() > MAX_MEMBERS {
        return Err(FieldError::new("members", "household_size_invalid"));
    }
    if members
        .iter()
        .filter(|m| m.relation == Relation::Head)
        .count()
        != 1
    {
        return Err(FieldError::new("members", "household_head_required"));
    }
    for (i, m) in members.iter().enumerate() {
        let Some(cin) = &m.cin else { continue };
        if members[..i].iter().any(|o| o.cin.as_deref() == Some(cin)) {
            return Err(FieldError::new("cin", "cin_repeated"));
        }
    }
    Ok(())
}

/// Ranks children (members with relation `child`) by age, eldest first: rank 1, 2, … — the
/// order programmes use for "the first three children". Returns a rank per member (0 for others).
pub fn child_ranks(members: &[NewPerson]) -> Vec<u32> {
    ranks_of_children(members.iter().map(|m| (m.relation, m.birth_date)))
}

/// [`child_ranks`] from each member's relation and birth date.
pub fn ranks_of_children(members: impl IntoIterator<Item = (Relation, Date)>) -> Vec<u32> {
    let members: Vec<(Relation, Date)> = members.into_iter().collect();
    let mut children: Vec<(Date, usize)> = members
        .iter()
        .enumerate()
        .filter(|(_, (relation, _))| *relation == Relation::Child)
        .map(|(i, (_, birth))| (*birth, i))
        .collect();
    children.sort();
    let mut ranks = vec![0; members.len()];
    for (rank, (_, i)) in children.into_iter().enumerate() {
        ranks[i] = u32::try_from(rank + 1).unwrap_or(u32::MAX);
    }
    ranks
}

/// A consent (or another legal basis) as recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewConsent {
    pub purpose: ConsentPurpose,
    pub legal_basis: LegalBasis,
    pub channel: ConsentChannel,
}

impl NewConsent {
    pub fn parse(
        purpose: &str,
        legal_basis: &str,
        channel: &str,
    ) -> Result<NewConsent, FieldError> {
        Ok(NewConsent {
            purpose: parse_code("purpose", purpose, ConsentPurpose::parse, None)?,
            legal_basis: parse_code("legal_basis", legal_basis, LegalBasis::parse, None)?,
            channel: parse_code("channel", channel, ConsentChannel::parse, None)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const TODAY: Date = date!(2026 - 11 - 29);

    fn person(relation: &str, birth: &str) -> PersonInput<'static> {
        PersonInput {
            given_name_ar: "فاطمة الزهراء",
            family_name_lat: "Ait Ouaziz",
            sex: "f",
            birth_date: Box::leak(birth.to_owned().into_boxed_str()),
            relation: Box::leak(relation.to_owned().into_boxed_str()),
            ..Default::default()
        }
    }

    #[test]
    fn identifiers() {
        assert_eq!(parse_cin("cin", " be 819283 ").unwrap(), "BE819283");
        assert_eq!(parse_cin("cin", "J12345").unwrap(), "J12345");
        for bad in ["", "123456", "ABC12345", "AB1234567", "AB12X4"] {
            assert_eq!(
                parse_cin("cin", bad).unwrap_err().code,
                "cin_invalid",
                "{bad}"
            );
        }
        assert_eq!(parse_idcs("idcs", "1234 567 890").unwrap(), "1234567890");
        assert!(parse_idcs("idcs", "123456789").is_err());
    }

    #[test]
    fn impossible_and_future_dates() {
        assert_eq!(
            parse_birth_date("b", "2024-02-29", TODAY).unwrap(),
            date!(2024 - 02 - 29)
        );
        for (raw, code) in [
            ("2023-02-29", "invalid_date"),
            ("2023-13-01", "invalid_date"),
            ("2023-04-31", "invalid_date"),
            ("31/01/2020", "invalid_date"),
            ("2020-1-5", "invalid_date"),
            ("2027-01-01", "date_in_future"),
            ("1850-01-01", "date_too_old"),
        ] {
            assert_eq!(
                parse_birth_date("b", raw, TODAY).unwrap_err().code,
                code,
                "{raw}"
            );
        }
        assert_eq!(age_on(date!(2020 - 11 - 30), TODAY), 5);
        assert_eq!(age_on(date!(2020 - 11 - 29), TODAY), 6);
    }

    #[test]
    fn names_keep_to_their_script() {
        assert_eq!(
            parse_name_part("g", "  محمد   أمين ", Script::Arabic).unwrap(),
            Some("محمد أمين".to_owned())
        );
        assert_eq!(
            parse_name_part("g", "Aït Bahá", Script::Latin).unwrap(),
            Some("Aït Bahá".to_owned())
        );
        for (raw, script) in [
            ("Mohamed", Script::Arabic),
            ("محمد", Script::Latin),
            ("Moh4med", Script::Latin),
            ("محمد Ali", Script::Arabic),
        ] {
            assert_eq!(
                parse_name_part("g", raw, script).unwrap_err().code,
                "name_script_mismatch",
                "{raw}"
            );
        }
    }

    #[test]
    fn a_person_needs_a_name_in_one_script_at_least_and_reports_every_error() {
        assert!(NewPerson::parse(&person("head", "1980-05-01"), TODAY).is_ok());
        let errors = NewPerson::parse(
            &PersonInput {
                sex: "x",
                birth_date: "2030-01-01",
                relation: "boss",
                cin: "??",
                ..Default::default()
            },
            TODAY,
        )
        .unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| (e.field, e.code)).collect();
        assert_eq!(
            fields,
            [
                ("sex", "unknown_choice"),
                ("birth_date", "date_in_future"),
                ("relation", "unknown_choice"),
                ("cin", "cin_invalid")
            ]
        );
        let errors = NewPerson::parse(
            &PersonInput {
                sex: "m",
                birth_date: "1990-01-01",
                relation: "head",
                ..Default::default()
            },
            TODAY,
        )
        .unwrap_err();
        assert_eq!(errors.len(), 2);
    }

    #[test]
    fn members_need_one_head_and_distinct_cins() {
        let head = NewPerson::parse(&person("head", "1980-05-01"), TODAY).unwrap();
        let child = NewPerson::parse(&person("child", "2015-05-01"), TODAY).unwrap();
        assert!(check_members(&[head.clone(), child.clone()]).is_ok());
        assert_eq!(
            check_members(std::slice::from_ref(&child))
                .unwrap_err()
                .code,
            "household_head_required"
        );
        let mut twin = head.clone();
        twin.relation = Relation::Spouse;
        let mut head = head;
        head.cin = Some("BE1".into());
        twin.cin = Some("BE1".into());
        assert_eq!(
            check_members(&[head, twin]).unwrap_err().code,
            "cin_repeated"
        );
    }

    #[test]
    fn children_ranked_eldest_first() {
        let members: Vec<NewPerson> = [
            ("head", "1980-01-01"),
            ("child", "2018-01-01"),
            ("child", "2010-01-01"),
            ("spouse", "1985-01-01"),
            ("child", "2014-01-01"),
        ]
        .iter()
        .map(|(r, b)| NewPerson::parse(&person(r, b), TODAY).unwrap())
        .collect();
        assert_eq!(child_ranks(&members), [0, 3, 1, 0, 2]);
    }

    #[test]
    fn household_commune_decides_the_area() {
        let h = NewHousehold::parse(&HouseholdInput {
            commune: "not-a-code",
            ..Default::default()
        })
        .unwrap_err();
        assert_eq!(h[0].code, "unknown_commune");
    }
}
