//! Volunteering under Law 06-18 (contractual volunteering, Dahir 1-21-85 of 26 July 2021): the
//! catalogs of skills and languages, a volunteer's profile, a host's accreditation, missions and
//! their shifts as people write them, checked field by field; the explained fit of a volunteer
//! for a mission; the hours of a shift worked.
//!
//! Skills, languages and weekdays are stored as bit sets (`i64`): a value's bit is its position
//! in its catalog's `ALL`, so the catalogs only ever grow at the end.

use crate::registry::{age_on, parse_birth_date, parse_cin, MAX_NAME};
use crate::text::{parse_name, parse_optional_text, parse_text, FieldError};
use time::{Date, Month, PrimitiveDateTime, Time, UtcOffset, Weekday};

code_enum!(
    /// What a volunteer can do and a mission asks for. Append only: a skill's bit is its place.
    Skill {
        FirstAid => "first_aid",
        Nursing => "nursing",
        Medicine => "medicine",
        PsychosocialSupport => "psychosocial_support",
        Driving4x4 => "driving_4x4",
        DrivingTruck => "driving_truck",
        Logistics => "logistics",
        Construction => "construction",
        Cooking => "cooking",
        Teaching => "teaching",
        Translation => "translation",
        ChildCare => "child_care",
        SearchAndRescue => "search_and_rescue",
        Administration => "administration",
    }
);

code_enum!(
    /// A language a volunteer speaks and a mission needs (ISO 639 codes: Darija `ary`, Tachelhit
    /// `shi`, Tamazight of the Middle Atlas `tzm`, Tarifit `rif`). Append only.
    VolunteerLanguage {
        Arabic => "ar",
        Darija => "ary",
        Tachelhit => "shi",
        CentralAtlasTamazight => "tzm",
        Tarifit => "rif",
        French => "fr",
        English => "en",
        Spanish => "es",
    }
);

/// The bit of a catalog value: its place in the catalog.
fn bit_of<T: PartialEq>(all: &[T], value: &T) -> i64 {
    all.iter()
        .position(|v| v == value)
        .map(|i| 1_i64 << i)
        .unwrap_or(0)
}

impl Skill {
    pub fn bit(self) -> i64 {
        bit_of(Skill::ALL, &self)
    }

    /// The skills of a bit set, in catalog order.
    pub fn of_mask(mask: i64) -> Vec<Skill> {
        Skill::ALL
            .iter()
            .copied()
            .filter(|s| mask & s.bit() != 0)
            .collect()
    }
}

impl VolunteerLanguage {
    pub fn bit(self) -> i64 {
        bit_of(VolunteerLanguage::ALL, &self)
    }

    /// The languages of a bit set, in catalog order.
    pub fn of_mask(mask: i64) -> Vec<VolunteerLanguage> {
        VolunteerLanguage::ALL
            .iter()
            .copied()
            .filter(|l| mask & l.bit() != 0)
            .collect()
    }
}

/// The bit of a weekday: Monday is 1, Sunday 64.
pub fn weekday_bit(day: Weekday) -> i64 {
    1 << day.number_days_from_monday()
}

/// Every day of the week.
pub const ALL_WEEKDAYS: i64 = 0b111_1111;

/// Codes of a catalog (as a form sends them, possibly repeated) into a bit set; an unknown code
/// is `field`'s error.
fn mask_of<T: Copy>(
    field: &'static str,
    codes: &[&str],
    parse: impl Fn(&str) -> Option<T>,
    bit: impl Fn(T) -> i64,
) -> Result<i64, FieldError> {
    codes.iter().try_fold(0_i64, |mask, code| {
        parse(code.trim())
            .map(|v| mask | bit(v))
            .ok_or(FieldError::new(field, "validation"))
    })
}

/// Skill codes into a bit set.
pub fn parse_skills(field: &'static str, codes: &[&str]) -> Result<i64, FieldError> {
    mask_of(field, codes, Skill::parse, Skill::bit)
}

/// Language codes into a bit set.
pub fn parse_languages(field: &'static str, codes: &[&str]) -> Result<i64, FieldError> {
    mask_of(
        field,
        codes,
        VolunteerLanguage::parse,
        VolunteerLanguage::bit,
    )
}

/// Weekday numbers (`1` Monday … `7` Sunday) into a bit set.
pub fn parse_weekdays(field: &'static str, codes: &[&str]) -> Result<i64, FieldError> {
    codes
        .iter()
        .try_fold(0_i64, |mask, code| match code.trim().parse::<u8>() {
            Ok(n @ 1..=7) => Ok(mask | 1 << (n - 1)),
            _ => Err(FieldError::new(field, "validation")),
        })
}

/// A field's value, or its error kept among `errors`.
fn keep<T>(errors: &mut Vec<FieldError>, r: Result<T, FieldError>) -> Option<T> {
    r.map_err(|e| errors.push(e)).ok()
}

/// The youngest a volunteer may be (Law 06-18: 18 years on the contract's start).
pub const MIN_AGE: i32 = 18;
/// Most communes a volunteer names.
pub const MAX_COMMUNES: usize = 20;

/// A volunteer's profile as written (before it is checked). Lists come as the form's repeated
/// fields.
pub struct VolunteerInput<'a> {
    pub name: &'a str,
    pub birth_date: &'a str,
    pub cin: &'a str,
    pub phone: &'a str,
    pub skills: Vec<&'a str>,
    pub languages: Vec<&'a str>,
    pub weekdays: Vec<&'a str>,
    /// `YYYY-MM-DD` or empty.
    pub available_from: &'a str,
    /// `YYYY-MM-DD` or empty.
    pub available_until: &'a str,
    pub communes: Vec<&'a str>,
    pub emergency_name: &'a str,
    pub emergency_phone: &'a str,
}

/// A checked profile. The CIN, the phone and the emergency contact are personal data the store
/// seals; the name stays readable to the hosts the volunteer applies to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewVolunteer {
    pub name: String,
    pub birth_date: Date,
    pub cin: String,
    /// E.164.
    pub phone: String,
    pub skills: i64,
    pub languages: i64,
    pub weekdays: i64,
    pub available_from: Option<Date>,
    pub available_until: Option<Date>,
    /// HCP commune codes, checked against the reference geography, without repeats.
    pub communes: Vec<String>,
    pub emergency_name: String,
    /// E.164.
    pub emergency_phone: String,
}

/// An optional ISO date.
fn parse_optional_date(field: &'static str, raw: &str) -> Result<Option<Date>, FieldError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    parse_iso_date(field, raw).map(Some)
}

/// An ISO date (`YYYY-MM-DD`).
pub fn parse_iso_date(field: &'static str, raw: &str) -> Result<Date, FieldError> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    Date::parse(raw.trim(), &format).map_err(|_| FieldError::new(field, "invalid_date"))
}

/// Commune codes as a form sends them: each must exist, at least one, at most [`MAX_COMMUNES`].
fn parse_communes(field: &'static str, codes: &[&str]) -> Result<Vec<String>, FieldError> {
    let mut communes: Vec<String> = Vec::new();
    for code in codes.iter().map(|c| c.trim()).filter(|c| !c.is_empty()) {
        let commune = twiza_geo::CommuneCode::parse(code)
            .map_err(|_| FieldError::new(field, "unknown_commune"))?;
        if !communes.iter().any(|c| c == commune.as_str()) {
            communes.push(commune.as_str().to_owned());
        }
    }
    match communes.len() {
        0 => Err(FieldError::new(field, "required")),
        n if n > MAX_COMMUNES => Err(FieldError {
            field,
            code: "too_many",
            max: Some(MAX_COMMUNES),
        }),
        _ => Ok(communes),
    }
}

/// Checks a profile: every invalid field is named. A volunteer is 18 or over `today`
/// (`volunteer_under_18` on the birth date).
pub fn parse_volunteer(
    input: &VolunteerInput<'_>,
    today: Date,
) -> Result<NewVolunteer, Vec<FieldError>> {
    let mut errors = Vec::new();
    let name = keep(&mut errors, parse_name("name", input.name, MAX_NAME * 2));
    let birth_date = keep(
        &mut errors,
        parse_birth_date("birth_date", input.birth_date, today).and_then(|b| {
            if age_on(b, today) < MIN_AGE {
                Err(FieldError::new("birth_date", "volunteer_under_18"))
            } else {
                Ok(b)
            }
        }),
    );
    let cin = keep(&mut errors, parse_cin("cin", input.cin));
    let phone = keep(
        &mut errors,
        crate::organization::parse_moroccan_phone("phone", input.phone),
    );
    let skills = keep(&mut errors, parse_skills("skills", &input.skills));
    let languages = keep(
        &mut errors,
        parse_languages("languages", &input.languages).and_then(|m| {
            if m == 0 {
                Err(FieldError::new("languages", "required"))
            } else {
                Ok(m)
            }
        }),
    );
    let weekdays = keep(
        &mut errors,
        parse_weekdays("weekdays", &input.weekdays).and_then(|m| {
            if m == 0 {
                Err(FieldError::new("weekdays", "required"))
            } else {
                Ok(m)
            }
        }),
    );
    let available_from = keep(
        &mut errors,
        parse_optional_date("available_from", input.available_from),
    );
    let available_until =
        keep(
            &mut errors,
            parse_optional_date("available_until", input.available_until).and_then(|until| match (
                until,
                parse_optional_date("available_from", input.available_from),
            ) {
                (Some(u), Ok(Some(f))) if u < f => {
                    Err(FieldError::new("available_until", "before_start"))
                }
                _ => Ok(until),
            }),
        );
    let communes = keep(&mut errors, parse_communes("communes", &input.communes));
    let emergency_name = keep(
        &mut errors,
        parse_name("emergency_name", input.emergency_name, MAX_NAME * 2),
    );
    let emergency_phone = keep(
        &mut errors,
        crate::organization::parse_moroccan_phone("emergency_phone", input.emergency_phone),
    );
    match (
        name,
        birth_date,
        cin,
        phone,
        skills,
        languages,
        weekdays,
        available_from,
        available_until,
        communes,
        emergency_name,
        emergency_phone,
    ) {
        (
            Some(name),
            Some(birth_date),
            Some(cin),
            Some(phone),
            Some(skills),
            Some(languages),
            Some(weekdays),
            Some(available_from),
            Some(available_until),
            Some(communes),
            Some(emergency_name),
            Some(emergency_phone),
        ) if errors.is_empty() => Ok(NewVolunteer {
            name,
            birth_date,
            cin,
            phone,
            skills,
            languages,
            weekdays,
            available_from,
            available_until,
            communes,
            emergency_name,
            emergency_phone,
        }),
        _ => Err(errors),
    }
}

/// A host's accreditation for contractual volunteering as written.
pub struct AccreditationInput<'a> {
    pub reference: &'a str,
    pub issued_on: &'a str,
    pub issuing_authority: &'a str,
    pub valid_from: &'a str,
    pub valid_until: &'a str,
}

/// A checked accreditation: issued no later than today, valid over a period that ends after it
/// starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Accreditation {
    pub reference: String,
    pub issued_on: Date,
    pub issuing_authority: String,
    pub valid_from: Date,
    pub valid_until: Date,
}

impl Accreditation {
    /// Whether the accreditation is in force on `day`.
    pub fn covers(&self, day: Date) -> bool {
        self.valid_from <= day && day <= self.valid_until
    }
}

/// Checks an accreditation: every invalid field is named.
pub fn parse_accreditation(
    input: &AccreditationInput<'_>,
    today: Date,
) -> Result<Accreditation, Vec<FieldError>> {
    let mut errors = Vec::new();
    let reference = keep(&mut errors, parse_text("reference", input.reference, 64));
    let issued_on = keep(
        &mut errors,
        parse_iso_date("issued_on", input.issued_on).and_then(|d| {
            if d > today {
                Err(FieldError::new("issued_on", "date_in_future"))
            } else {
                Ok(d)
            }
        }),
    );
    let issuing_authority = keep(
        &mut errors,
        parse_text("issuing_authority", input.issuing_authority, 200),
    );
    let valid_from = keep(&mut errors, parse_iso_date("valid_from", input.valid_from));
    let valid_until = keep(
        &mut errors,
        parse_iso_date("valid_until", input.valid_until).and_then(|u| {
            match parse_iso_date("valid_from", input.valid_from) {
                Ok(f) if u < f => Err(FieldError::new("valid_until", "before_start")),
                _ => Ok(u),
            }
        }),
    );
    match (
        reference,
        issued_on,
        issuing_authority,
        valid_from,
        valid_until,
    ) {
        (
            Some(reference),
            Some(issued_on),
            Some(issuing_authority),
            Some(valid_from),
            Some(valid_until),
        ) if errors.is_empty() => Ok(Accreditation {
            reference,
            issued_on,
            issuing_authority,
            valid_from,
            valid_until,
        }),
        _ => Err(errors),
    }
}

code_enum!(
    /// Under which frame volunteers serve a mission: a Law 06-18 contract with an accredited
    /// host, or informal volunteering (no contract), labelled as such everywhere.
    MissionKind {
        Contractual => "contractual",
        Informal => "informal",
    }
);

/// A mission as written.
pub struct MissionInput<'a> {
    pub title: &'a str,
    /// The public-benefit purpose the contract names.
    pub purpose: &'a str,
    pub kind: &'a str,
    pub skills: Vec<&'a str>,
    pub languages: Vec<&'a str>,
    pub commune: &'a str,
    pub starts_on: &'a str,
    pub ends_on: &'a str,
    pub requirements: &'a str,
}

/// A checked mission.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewMission {
    pub title: String,
    pub purpose: String,
    pub kind: MissionKind,
    pub skills: i64,
    pub languages: i64,
    pub commune: String,
    pub starts_on: Date,
    pub ends_on: Date,
    pub requirements: Option<String>,
}

/// Checks a mission: every invalid field is named. It may not end before it starts nor start
/// before `today`.
pub fn parse_mission(input: &MissionInput<'_>, today: Date) -> Result<NewMission, Vec<FieldError>> {
    let mut errors = Vec::new();
    let title = keep(&mut errors, parse_text("title", input.title, 120));
    let purpose = keep(&mut errors, parse_text("purpose", input.purpose, 2000));
    let kind = keep(
        &mut errors,
        MissionKind::parse(input.kind.trim()).ok_or(FieldError::new("kind", "validation")),
    );
    let skills = keep(&mut errors, parse_skills("skills", &input.skills));
    let languages = keep(&mut errors, parse_languages("languages", &input.languages));
    let commune = keep(
        &mut errors,
        twiza_geo::CommuneCode::parse(input.commune.trim())
            .map(|c| c.as_str().to_owned())
            .map_err(|_| FieldError::new("commune", "unknown_commune")),
    );
    let starts_on = keep(
        &mut errors,
        parse_iso_date("starts_on", input.starts_on).and_then(|d| {
            if d < today {
                Err(FieldError::new("starts_on", "date_in_past"))
            } else {
                Ok(d)
            }
        }),
    );
    let ends_on = keep(
        &mut errors,
        parse_iso_date("ends_on", input.ends_on).and_then(|e| {
            match parse_iso_date("starts_on", input.starts_on) {
                Ok(s) if e < s => Err(FieldError::new("ends_on", "before_start")),
                _ => Ok(e),
            }
        }),
    );
    let requirements = keep(
        &mut errors,
        parse_optional_text("requirements", input.requirements, 2000),
    );
    match (
        title,
        purpose,
        kind,
        skills,
        languages,
        commune,
        starts_on,
        ends_on,
        requirements,
    ) {
        (
            Some(title),
            Some(purpose),
            Some(kind),
            Some(skills),
            Some(languages),
            Some(commune),
            Some(starts_on),
            Some(ends_on),
            Some(requirements),
        ) if errors.is_empty() => Ok(NewMission {
            title,
            purpose,
            kind,
            skills,
            languages,
            commune,
            starts_on,
            ends_on,
            requirements,
        }),
        _ => Err(errors),
    }
}

/// Morocco's legal time (UTC+1, the offset kept all year but during Ramadan; shifts are read in
/// it).
pub const MOROCCO: UtcOffset = match UtcOffset::from_hms(1, 0, 0) {
    Ok(offset) => offset,
    Err(_) => UtcOffset::UTC,
};

/// A shift as written: a day, a start and an end time (`HH:MM`, Morocco time), places.
pub struct ShiftInput<'a> {
    pub day: &'a str,
    pub starts: &'a str,
    pub ends: &'a str,
    pub places: &'a str,
}

/// A checked shift, in Unix seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NewShift {
    pub starts_at: i64,
    pub ends_at: i64,
    pub places: i64,
}

/// Most places on one shift.
pub const MAX_PLACES: i64 = 500;
/// Longest shift, in hours.
pub const MAX_SHIFT_HOURS: i64 = 16;

fn parse_time_of_day(field: &'static str, raw: &str) -> Result<Time, FieldError> {
    let format = time::macros::format_description!("[hour]:[minute]");
    Time::parse(raw.trim(), &format).map_err(|_| FieldError::new(field, "invalid_time"))
}

/// Checks a shift of a mission running `mission_starts`..=`mission_ends`: on a day of the
/// mission, ending after it starts (a shift past midnight ends the next day), at most
/// [`MAX_SHIFT_HOURS`], with 1 to [`MAX_PLACES`] places.
pub fn parse_shift(
    input: &ShiftInput<'_>,
    mission_starts: Date,
    mission_ends: Date,
) -> Result<NewShift, Vec<FieldError>> {
    let mut errors = Vec::new();
    let day = keep(
        &mut errors,
        parse_iso_date("day", input.day).and_then(|d| {
            if d < mission_starts || d > mission_ends {
                Err(FieldError::new("day", "outside_mission"))
            } else {
                Ok(d)
            }
        }),
    );
    let starts = keep(&mut errors, parse_time_of_day("starts", input.starts));
    let ends = keep(&mut errors, parse_time_of_day("ends", input.ends));
    let places = keep(
        &mut errors,
        match input.places.trim().parse::<i64>() {
            Ok(n) if (1..=MAX_PLACES).contains(&n) => Ok(n),
            _ => Err(FieldError {
                field: "places",
                code: "out_of_range",
                max: Some(MAX_PLACES as usize),
            }),
        },
    );
    let (Some(day), Some(starts), Some(ends), Some(places)) = (day, starts, ends, places) else {
        return Err(errors);
    };
    let starts_at = PrimitiveDateTime::new(day, starts)
        .assume_offset(MOROCCO)
        .unix_timestamp();
    let end_day = if ends <= starts {
        day.next_day().unwrap_or(day)
    } else {
        day
    };
    let ends_at = PrimitiveDateTime::new(end_day, ends)
        .assume_offset(MOROCCO)
        .unix_timestamp();
    if ends_at - starts_at > MAX_SHIFT_HOURS * 3600 || ends_at <= starts_at {
        return Err(vec![FieldError {
            field: "ends",
            code: "shift_too_long",
            max: Some(MAX_SHIFT_HOURS as usize),
        }]);
    }
    Ok(NewShift {
        starts_at,
        ends_at,
        places,
    })
}

/// Whether two periods `[start, end)` share a moment.
pub fn overlaps(a: (i64, i64), b: (i64, i64)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// The day (Morocco time) of a Unix time.
pub fn morocco_day(unix: i64) -> Option<Date> {
    time::OffsetDateTime::from_unix_timestamp(unix)
        .ok()
        .map(|t| t.to_offset(MOROCCO).date())
}

/// Whether a volunteer under 18 on `day`: refused a contract starting then.
pub fn under_18_on(birth_date: Date, day: Date) -> bool {
    age_on(birth_date, day) < MIN_AGE
}

/// What a mission asks of a volunteer, for ranking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissionNeeds {
    pub skills: i64,
    pub languages: i64,
    /// The weekdays of the mission's shifts (every day when it has none yet).
    pub weekdays: i64,
    pub starts_on: Date,
    pub ends_on: Date,
}

/// What is known of a candidate, for ranking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CandidateFacts {
    pub volunteer_id: i64,
    pub skills: i64,
    pub languages: i64,
    pub weekdays: i64,
    pub available_from: Option<Date>,
    pub available_until: Option<Date>,
    /// Kilometres from the nearest commune the volunteer can go to, to the mission's commune.
    pub distance_km: u32,
    /// Minutes given on shifts already worked (any host).
    pub minutes_given: i64,
}

/// Why a volunteer fits a mission, each reason with the points it gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fit {
    pub volunteer_id: i64,
    /// Out of 100.
    pub points: u32,
    pub skills_matched: Vec<Skill>,
    pub skills_missing: Vec<Skill>,
    pub languages_matched: Vec<VolunteerLanguage>,
    pub distance_km: u32,
    /// Whether the volunteer's days and dates cover the mission's shifts.
    pub available: bool,
    pub hours_given: i64,
}

/// Points for skills (the share of the mission's skills the volunteer has).
pub const SKILL_POINTS: u32 = 45;
/// Points for speaking at least one of the mission's languages.
pub const LANGUAGE_POINTS: u32 = 25;
/// Points for distance: all of them in the mission's commune, none at [`NEAR_KM`] or farther.
pub const DISTANCE_POINTS: u32 = 20;
/// Points for being available on the mission's days and dates.
pub const AVAILABILITY_POINTS: u32 = 10;
/// Beyond this distance a volunteer is not a candidate.
pub const NEAR_KM: u32 = 60;

/// How well a volunteer fits a mission, explained: skills, languages, distance and availability
/// give points; hours already given break ties (experience first). A mission that asks no skill
/// (or no language) gives every volunteer those points.
pub fn fit(needs: &MissionNeeds, c: &CandidateFacts) -> Fit {
    let matched = c.skills & needs.skills;
    let needed = needs.skills.count_ones();
    let skill_points = (SKILL_POINTS * matched.count_ones())
        .checked_div(needed)
        .unwrap_or(SKILL_POINTS);
    let languages = c.languages & needs.languages;
    let language_points = if needs.languages == 0 || languages != 0 {
        LANGUAGE_POINTS
    } else {
        0
    };
    let distance_points = DISTANCE_POINTS * NEAR_KM.saturating_sub(c.distance_km) / NEAR_KM;
    let days_fit = c.weekdays & needs.weekdays != 0;
    let dates_fit = c.available_from.is_none_or(|f| f <= needs.ends_on)
        && c.available_until.is_none_or(|u| u >= needs.starts_on);
    let available = days_fit && dates_fit;
    Fit {
        volunteer_id: c.volunteer_id,
        points: skill_points
            + language_points
            + distance_points
            + if available { AVAILABILITY_POINTS } else { 0 },
        skills_matched: Skill::of_mask(matched),
        skills_missing: Skill::of_mask(needs.skills & !c.skills),
        languages_matched: VolunteerLanguage::of_mask(languages),
        distance_km: c.distance_km,
        available,
        hours_given: c.minutes_given / 60,
    }
}

/// Points, hours given, then the earlier volunteer: the order of fits.
type RankKey = (u32, i64, std::cmp::Reverse<i64>);

/// The best `limit` fits, best first: points, then hours given, then the earliest volunteer.
/// Keeps only `limit` at a time (a bounded heap), whatever the number of candidates.
pub fn rank(
    needs: &MissionNeeds,
    candidates: impl IntoIterator<Item = CandidateFacts>,
    limit: usize,
) -> Vec<Fit> {
    use std::cmp::Reverse;
    use std::collections::BinaryHeap;
    if limit == 0 {
        return Vec::new();
    }
    // The heap's top is the worst kept fit.
    let key = |f: &Fit| (f.points, f.hours_given, Reverse(f.volunteer_id));
    let mut kept: BinaryHeap<Reverse<(RankKey, usize)>> = BinaryHeap::new();
    let mut fits: Vec<Option<Fit>> = Vec::new();
    for c in candidates {
        let f = fit(needs, &c);
        let k = key(&f);
        if kept.len() < limit {
            kept.push(Reverse((k, fits.len())));
            fits.push(Some(f));
        } else if kept.peek().is_some_and(|Reverse((worst, _))| k > *worst) {
            if let Some(Reverse((_, slot))) = kept.pop() {
                fits[slot] = Some(f);
                kept.push(Reverse((k, slot)));
            }
        }
    }
    let mut order: Vec<(RankKey, usize)> = kept.into_iter().map(|Reverse(x)| x).collect();
    order.sort_by_key(|o| Reverse(o.0));
    order
        .into_iter()
        .filter_map(|(_, slot)| fits[slot].take())
        .collect()
}

/// Minutes worked between a check-in and a check-out, counted within the shift only (arriving
/// early or leaving late adds nothing).
pub fn minutes_worked(shift: (i64, i64), check_in: i64, check_out: i64) -> i64 {
    let from = check_in.max(shift.0);
    let to = check_out.min(shift.1);
    ((to - from) / 60).max(0)
}

/// A day as `YYYY-MM-DD`.
pub fn iso_day(day: Date) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        day.year(),
        u8::from(day.month()),
        day.day()
    )
}

/// January 1st of `year`, for tests and the demo.
pub fn first_of_year(year: i32) -> Option<Date> {
    Date::from_calendar_date(year, Month::January, 1).ok()
}

/// The largest document a volunteer or a host uploads (a criminal-record certificate, an
/// accreditation): 5 MB.
pub const MAX_DOCUMENT_BYTES: usize = 5 * 1024 * 1024;

/// Checks an uploaded document by its content (never by its name or declared type): a PDF, a
/// JPEG or a PNG of at most [`MAX_DOCUMENT_BYTES`]. Returns its media type; anything else is
/// `invalid_volunteer_document` on `field`.
pub fn parse_document(field: &'static str, bytes: &[u8]) -> Result<&'static str, FieldError> {
    if bytes.is_empty() || bytes.len() > MAX_DOCUMENT_BYTES {
        return Err(FieldError::new(field, "invalid_volunteer_document"));
    }
    match crate::ledger::evidence_media_type(bytes) {
        Some(t @ ("application/pdf" | "image/png" | "image/jpeg")) => Ok(t),
        _ => Err(FieldError::new(field, "invalid_volunteer_document")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const TODAY: Date = date!(2026 - 12 - 04);

    fn input<'a>(birth: &'a str) -> VolunteerInput<'a> {
        VolunteerInput {
            name: "Salma Ait Lahcen",
            birth_date: birth,
            cin: "EE123456",
            phone: "0612345678",
            skills: vec!["first_aid", "driving_4x4"],
            languages: vec!["shi", "fr"],
            weekdays: vec!["6", "7"],
            available_from: "",
            available_until: "",
            communes: vec![first_commune()],
            emergency_name: "Ahmed Ait Lahcen",
            emergency_phone: "0661000000",
        }
    }

    fn first_commune() -> &'static str {
        let code = twiza_geo::geo().communes()[0].code.as_str().to_owned();
        Box::leak(code.into_boxed_str())
    }

    #[test]
    fn a_volunteer_of_18_is_taken_and_one_of_17_refused() {
        let v = parse_volunteer(&input("2008-12-04"), TODAY).unwrap();
        assert_eq!(v.skills, Skill::FirstAid.bit() | Skill::Driving4x4.bit());
        assert_eq!(
            VolunteerLanguage::of_mask(v.languages),
            vec![VolunteerLanguage::Tachelhit, VolunteerLanguage::French]
        );
        assert_eq!(v.weekdays, 0b110_0000);
        assert_eq!(v.phone, "+212612345678");
        let refused = parse_volunteer(&input("2008-12-05"), TODAY).unwrap_err();
        assert_eq!(
            refused,
            vec![FieldError::new("birth_date", "volunteer_under_18")]
        );
        let future = parse_volunteer(&input("2030-01-01"), TODAY).unwrap_err();
        assert_eq!(
            future,
            vec![FieldError::new("birth_date", "date_in_future")]
        );
    }

    #[test]
    fn every_wrong_field_of_a_profile_is_named() {
        let mut i = input("1990-01-01");
        i.cin = "12";
        i.skills = vec!["juggling"];
        i.languages = vec![];
        i.communes = vec!["nowhere"];
        i.available_from = "2027-02-01";
        i.available_until = "2027-01-01";
        let fields: Vec<&str> = parse_volunteer(&i, TODAY)
            .unwrap_err()
            .iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(
            fields,
            vec!["cin", "skills", "languages", "available_until", "communes"]
        );
    }

    #[test]
    fn an_accreditation_covers_its_period_only() {
        let a = parse_accreditation(
            &AccreditationInput {
                reference: "AB-06-18/2025/17",
                issued_on: "2025-01-10",
                issuing_authority: "Ministry",
                valid_from: "2025-01-10",
                valid_until: "2028-01-09",
            },
            TODAY,
        )
        .unwrap();
        assert!(a.covers(TODAY));
        assert!(!a.covers(date!(2028 - 01 - 10)));
        assert!(!a.covers(date!(2025 - 01 - 09)));
    }

    #[test]
    fn a_shift_is_read_in_morocco_time_and_may_end_after_midnight() {
        let s = parse_shift(
            &ShiftInput {
                day: "2026-12-10",
                starts: "20:00",
                ends: "02:00",
                places: "4",
            },
            date!(2026 - 12 - 05),
            date!(2026 - 12 - 20),
        )
        .unwrap();
        assert_eq!(s.ends_at - s.starts_at, 6 * 3600);
        // 20:00 in Morocco is 19:00 UTC.
        assert_eq!(s.starts_at % 86_400, 19 * 3600);
        let outside = parse_shift(
            &ShiftInput {
                day: "2026-12-21",
                starts: "08:00",
                ends: "12:00",
                places: "0",
            },
            date!(2026 - 12 - 05),
            date!(2026 - 12 - 20),
        )
        .unwrap_err();
        let fields: Vec<&str> = outside.iter().map(|e| e.field).collect();
        assert_eq!(fields, vec!["day", "places"]);
        assert!(overlaps((0, 10), (9, 20)));
        assert!(!overlaps((0, 10), (10, 20)));
    }

    fn needs() -> MissionNeeds {
        MissionNeeds {
            skills: Skill::FirstAid.bit() | Skill::Driving4x4.bit(),
            languages: VolunteerLanguage::Tachelhit.bit(),
            weekdays: weekday_bit(Weekday::Saturday),
            starts_on: date!(2026 - 12 - 05),
            ends_on: date!(2026 - 12 - 20),
        }
    }

    fn candidate(id: i64, skills: i64, km: u32, minutes: i64) -> CandidateFacts {
        CandidateFacts {
            volunteer_id: id,
            skills,
            languages: VolunteerLanguage::Tachelhit.bit(),
            weekdays: ALL_WEEKDAYS,
            available_from: None,
            available_until: None,
            distance_km: km,
            minutes_given: minutes,
        }
    }

    #[test]
    fn the_fit_is_explained_and_ranked_best_first() {
        let both = Skill::FirstAid.bit() | Skill::Driving4x4.bit();
        let f = fit(&needs(), &candidate(1, both, 0, 0));
        assert_eq!(f.points, 100);
        let half = fit(&needs(), &candidate(2, Skill::FirstAid.bit(), 30, 0));
        assert_eq!(half.skills_missing, vec![Skill::Driving4x4]);
        assert_eq!(half.points, 22 + 25 + 10 + 10);
        let ranked = rank(
            &needs(),
            vec![
                candidate(5, Skill::FirstAid.bit(), 30, 0),
                candidate(3, both, 0, 120),
                candidate(4, both, 0, 600),
                candidate(6, 0, 59, 0),
            ],
            3,
        );
        let ids: Vec<i64> = ranked.iter().map(|f| f.volunteer_id).collect();
        assert_eq!(ids, vec![4, 3, 5]);
    }

    #[test]
    fn hours_count_within_the_shift_only() {
        assert_eq!(minutes_worked((3600, 7200), 3000, 8000), 60);
        assert_eq!(minutes_worked((3600, 7200), 5400, 6000), 10);
        assert_eq!(minutes_worked((3600, 7200), 8000, 9000), 0);
    }

    #[test]
    fn documents_are_checked_by_content() {
        assert_eq!(
            parse_document("document", b"%PDF-1.7\n"),
            Ok("application/pdf")
        );
        assert_eq!(
            parse_document("document", &[0xFF, 0xD8, 0xFF, 0xE0]),
            Ok("image/jpeg")
        );
        for bad in [&b""[..], b"<html>", b"RIFF0000WEBPVP8 "] {
            assert_eq!(
                parse_document("document", bad).map_err(|e| e.code),
                Err("invalid_volunteer_document")
            );
        }
        let big = [b"%PDF-".as_slice(), &vec![0u8; MAX_DOCUMENT_BYTES]].concat();
        assert!(parse_document("document", &big).is_err());
    }
}
