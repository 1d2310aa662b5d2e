//! Crisis coordination: incidents, the places they hit, needs (with their explainable priority
//! and the duplicate rule) and the pledges that cover them.

use crate::text::{parse_optional_text, parse_text, FieldError};
use serde::Serialize;
use time::{Date, OffsetDateTime};
use twiza_geo::CommuneCode;

code_enum!(
    /// What struck.
    IncidentKind {
        Earthquake => "earthquake",
        Flood => "flood",
        Pandemic => "pandemic",
        ColdWave => "cold_wave",
        Drought => "drought",
        Wildfire => "wildfire",
        Other => "other",
    }
);

code_enum!(
    /// What a need is for.
    NeedCategory {
        Shelter => "shelter",
        Food => "food",
        Water => "water",
        Health => "health",
        Psychosocial => "psychosocial",
        Hygiene => "hygiene",
        Education => "education",
        ClothingBlankets => "clothing_blankets",
        Protection => "protection",
        Other => "other",
    }
);

impl NeedCategory {
    /// The humanitarian sector (IASC cluster) a category belongs to, as written in the `#sector`
    /// column of a 3W export.
    pub fn sector(self) -> &'static str {
        match self {
            NeedCategory::Shelter | NeedCategory::ClothingBlankets => "Shelter and NFI",
            NeedCategory::Food => "Food Security",
            NeedCategory::Water | NeedCategory::Hygiene => "WASH",
            NeedCategory::Health => "Health",
            NeedCategory::Psychosocial | NeedCategory::Protection => "Protection",
            NeedCategory::Education => "Education",
            NeedCategory::Other => "Multi-sector",
        }
    }
}

code_enum!(
    /// How soon help must come.
    Urgency {
        Critical => "critical",
        High => "high",
        Medium => "medium",
        Low => "low",
    }
);

code_enum!(
    /// Where a need stands. `Reported` → `Verified` → `Assigned` → `InProgress` → `Covered` →
    /// `Closed`; a duplicate is `Merged` into another need. A report from a client address
    /// beyond its anonymous rate is `Held` for a coordinator's review: kept, but out of every
    /// public list and count until accepted (→ `Reported` or `Verified`) or rejected (→ `Closed`).
    NeedStatus {
        Held => "held",
        Reported => "reported",
        Verified => "verified",
        Assigned => "assigned",
        InProgress => "in_progress",
        Covered => "covered",
        Closed => "closed",
        Merged => "merged",
    }
);

code_enum!(
    /// How a need came to an association, which may then read the reporter's contact: its
    /// pledge was the first on the need, or the incident's coordinating authority chose it.
    AssignmentWay {
        Pledge => "pledge",
        Authority => "authority",
    }
);

/// Associations a need can be assigned to at once: each may read the reporter's contact, so
/// the number of associations that hold it stays small.
pub const NEED_ASSIGNMENT_LIMIT: i64 = 3;

impl NeedStatus {
    /// Still waiting for help (counts in gaps and in the priority list); a held report is not.
    pub fn is_open(self) -> bool {
        matches!(
            self,
            NeedStatus::Reported
                | NeedStatus::Verified
                | NeedStatus::Assigned
                | NeedStatus::InProgress
        )
    }
}

code_enum!(
    /// Who reported a need: anyone, or a field agent of a verified association (an assessment,
    /// which counts as verified).
    NeedSource {
        Public => "public",
        Assessment => "assessment",
    }
);

code_enum!(
    /// Where a pledge stands.
    PledgeStatus {
        Pledged => "pledged",
        InProgress => "in_progress",
        Delivered => "delivered",
        Cancelled => "cancelled",
    }
);

/// A point in Morocco, in micro-degrees (integers: stored exactly on both engines).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct GeoPoint {
    pub lat_e6: i64,
    pub lon_e6: i64,
}

/// Morocco's bounding box, southern provinces included (Lagouira to Cap Spartel, Cap Blanc to
/// Figuig), in micro-degrees. A point outside cannot be in Morocco; a swapped latitude and
/// longitude always falls outside.
pub const MOROCCO_LAT_E6: (i64, i64) = (20_700_000, 35_950_000);
pub const MOROCCO_LON_E6: (i64, i64) = (-17_150_000, -990_000);

impl GeoPoint {
    /// Both coordinates or neither; a point must lie in Morocco.
    pub fn parse(lat: Option<f64>, lon: Option<f64>) -> Result<Option<GeoPoint>, FieldError> {
        let (lat, lon) = match (lat, lon) {
            (None, None) => return Ok(None),
            (Some(lat), Some(lon)) => (lat, lon),
            (None, Some(_)) => return Err(FieldError::new("latitude", "coordinates_incomplete")),
            (Some(_), None) => return Err(FieldError::new("longitude", "coordinates_incomplete")),
        };
        if !lat.is_finite() || !lon.is_finite() {
            return Err(FieldError::new("latitude", "coordinates_invalid"));
        }
        let point = GeoPoint {
            lat_e6: (lat * 1e6).round() as i64,
            lon_e6: (lon * 1e6).round() as i64,
        };
        if !point.in_morocco() {
            return Err(FieldError::new("latitude", "coordinates_outside_morocco"));
        }
        Ok(Some(point))
    }

    pub fn in_morocco(self) -> bool {
        (MOROCCO_LAT_E6.0..=MOROCCO_LAT_E6.1).contains(&self.lat_e6)
            && (MOROCCO_LON_E6.0..=MOROCCO_LON_E6.1).contains(&self.lon_e6)
    }

    pub fn lat(self) -> f64 {
        self.lat_e6 as f64 / 1e6
    }

    pub fn lon(self) -> f64 {
        self.lon_e6 as f64 / 1e6
    }

    /// Great-circle distance in metres (haversine, mean Earth radius).
    pub fn distance_m(self, other: GeoPoint) -> f64 {
        let (la1, la2) = (self.lat().to_radians(), other.lat().to_radians());
        let dlat = la2 - la1;
        let dlon = (other.lon() - self.lon()).to_radians();
        let a = (dlat / 2.0).sin().powi(2) + la1.cos() * la2.cos() * (dlon / 2.0).sin().powi(2);
        2.0 * 6_371_000.0 * a.sqrt().asin()
    }
}

/// Largest number of households or people on one need or pledge (a whole province's worth).
pub const MAX_COUNT: i64 = 1_000_000;

fn count(field: &'static str, raw: Option<i64>) -> Result<Option<i64>, FieldError> {
    match raw {
        None => Ok(None),
        Some(n) if n < 0 => Err(FieldError::new(field, "quantity_negative")),
        Some(n) if n > MAX_COUNT => Err(FieldError::new(field, "quantity_too_large")),
        Some(n) => Ok(Some(n)),
    }
}

/// A Moroccan phone number in international form (`+2126…`): mobile 06/07, fixed 05.
pub fn parse_phone(field: &'static str, raw: &str) -> Result<String, FieldError> {
    crate::phone::moroccan_number(raw)
        .filter(|n| matches!(n.as_bytes()[4], b'5' | b'6' | b'7'))
        .ok_or_else(|| FieldError::new(field, "phone_invalid"))
}

/// A need as submitted, before validation.
#[derive(Debug, Default, Clone)]
pub struct NeedInput<'a> {
    pub commune: &'a str,
    pub douar_id: Option<i64>,
    pub category: &'a str,
    pub urgency: &'a str,
    pub households: Option<i64>,
    pub people: Option<i64>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub description: Option<&'a str>,
    pub contact_name: Option<&'a str>,
    pub contact_phone: Option<&'a str>,
}

/// How a reporter can be reached: sealed before it is stored, shown only to the association
/// that handles the need.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct NeedContact {
    pub name: Option<String>,
    pub phone: String,
}

/// A validated need.
#[derive(Debug, Clone)]
pub struct NewNeed {
    pub commune: CommuneCode,
    pub douar_id: Option<i64>,
    pub category: NeedCategory,
    pub urgency: Urgency,
    pub households: Option<i64>,
    pub people: Option<i64>,
    pub point: Option<GeoPoint>,
    pub description: Option<String>,
    pub contact: Option<NeedContact>,
}

impl NewNeed {
    /// Validates every field; the first error is returned with its field.
    pub fn parse(input: &NeedInput<'_>) -> Result<NewNeed, FieldError> {
        let commune = CommuneCode::parse(input.commune)
            .map_err(|_| FieldError::new("commune", "unknown_commune"))?;
        let category = NeedCategory::parse(input.category)
            .ok_or_else(|| FieldError::new("category", "validation"))?;
        let urgency = Urgency::parse(input.urgency)
            .ok_or_else(|| FieldError::new("urgency", "validation"))?;
        let households = count("households", input.households)?;
        let people = count("people", input.people)?;
        if households.unwrap_or(0) == 0 && people.unwrap_or(0) == 0 {
            return Err(FieldError::new("households", "need_size_required"));
        }
        let point = GeoPoint::parse(input.latitude, input.longitude)?;
        let description =
            parse_optional_text("description", input.description.unwrap_or(""), 1000)?;
        let contact = match input.contact_phone.map(str::trim).filter(|p| !p.is_empty()) {
            None => None,
            Some(phone) => Some(NeedContact {
                phone: parse_phone("contact_phone", phone)?,
                name: parse_optional_text("contact_name", input.contact_name.unwrap_or(""), 120)?,
            }),
        };
        Ok(NewNeed {
            commune,
            douar_id: input.douar_id,
            category,
            urgency,
            households,
            people,
            point,
            description,
            contact,
        })
    }

    /// People affected: as given, or 4.6 per household (the 2024 census's average household size,
    /// rounded up) when only households were counted.
    pub fn people_estimate(&self) -> i64 {
        people_estimate(self.households, self.people)
    }
}

/// People affected by a need: as given, or an estimate from households (4.6 per household, the
/// 2024 census average, rounded up).
pub fn people_estimate(households: Option<i64>, people: Option<i64>) -> i64 {
    match (people, households) {
        (Some(p), _) if p > 0 => p,
        (_, Some(h)) => (h * 46 + 9) / 10,
        _ => 0,
    }
}

/// Households a need concerns: as given, or from people (4.6 per household, rounded up).
pub fn households_estimate(households: Option<i64>, people: Option<i64>) -> i64 {
    match (households, people) {
        (Some(h), _) if h > 0 => h,
        (_, Some(p)) => (p * 10 + 45) / 46,
        _ => 0,
    }
}

/// A need's priority, out of 100, with each part shown so a coordinator (or the household) can
/// see why a need comes first. Documented in `docs/crisis-coordination.md`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Priority {
    /// critical 40, high 28, medium 16, low 6.
    pub urgency: u8,
    /// People affected, by band: 1–4 → 4, 5–19 → 8, 20–99 → 12, 100–499 → 16, 500+ → 20.
    pub vulnerability: u8,
    /// One point per 6 hours waiting, at most 20 (five days).
    pub waiting: u8,
    /// 20 × the share of the commune's open needs (in households) that no pledge covers.
    pub coverage_gap: u8,
    pub total: u8,
}

impl Priority {
    pub fn compute(
        urgency: Urgency,
        people: i64,
        waited_seconds: i64,
        commune_needed: i64,
        commune_covered: i64,
    ) -> Priority {
        let urgency = match urgency {
            Urgency::Critical => 40,
            Urgency::High => 28,
            Urgency::Medium => 16,
            Urgency::Low => 6,
        };
        let vulnerability = match people {
            ..=0 => 0,
            1..=4 => 4,
            5..=19 => 8,
            20..=99 => 12,
            100..=499 => 16,
            _ => 20,
        };
        let waiting = (waited_seconds.max(0) / (6 * 3600)).min(20) as u8;
        let coverage_gap = if commune_needed <= 0 {
            0
        } else {
            let uncovered = (commune_needed - commune_covered.clamp(0, commune_needed)) as i128;
            ((uncovered * 20 + commune_needed as i128 / 2) / commune_needed as i128) as u8
        };
        Priority {
            urgency,
            vulnerability,
            waiting,
            coverage_gap,
            total: urgency + vulnerability + waiting + coverage_gap,
        }
    }
}

/// Two reports are likely the same need when they are in the same incident, commune, douar (or
/// both without one) and category, less than this apart in time, and — when both carry a
/// point — less than [`DUPLICATE_DISTANCE_M`] apart.
pub const DUPLICATE_WINDOW_SECONDS: i64 = 72 * 3600;
pub const DUPLICATE_DISTANCE_M: f64 = 2_000.0;

/// What the duplicate rule compares.
#[derive(Debug, Clone, Copy)]
pub struct NeedPlace<'a> {
    pub commune: &'a str,
    pub douar_id: Option<i64>,
    pub category: NeedCategory,
    pub point: Option<GeoPoint>,
    pub reported_at: i64,
}

pub fn likely_duplicate(a: &NeedPlace<'_>, b: &NeedPlace<'_>) -> bool {
    let near = match (a.point, b.point) {
        (Some(p), Some(q)) => p.distance_m(q) < DUPLICATE_DISTANCE_M,
        _ => true,
    };
    a.commune == b.commune
        && a.douar_id == b.douar_id
        && a.category == b.category
        && (a.reported_at - b.reported_at).abs() < DUPLICATE_WINDOW_SECONDS
        && near
}

/// A pledge as submitted.
#[derive(Debug, Default, Clone)]
pub struct PledgeInput<'a> {
    pub need_id: Option<i64>,
    pub commune: &'a str,
    pub douar_id: Option<i64>,
    pub category: &'a str,
    pub households: Option<i64>,
    pub description: &'a str,
    pub due_on: &'a str,
}

/// An association's commitment to cover a need or a place: what, for how many households, by
/// when.
#[derive(Debug, Clone)]
pub struct NewPledge {
    pub need_id: Option<i64>,
    pub commune: CommuneCode,
    pub douar_id: Option<i64>,
    pub category: NeedCategory,
    pub households: i64,
    pub description: String,
    pub due_on: Date,
}

impl NewPledge {
    pub fn parse(input: &PledgeInput<'_>, today: Date) -> Result<NewPledge, FieldError> {
        let commune = CommuneCode::parse(input.commune)
            .map_err(|_| FieldError::new("commune", "unknown_commune"))?;
        let category = NeedCategory::parse(input.category)
            .ok_or_else(|| FieldError::new("category", "validation"))?;
        let households = count("households", input.households)?
            .filter(|h| *h > 0)
            .ok_or_else(|| FieldError::new("households", "quantity_not_positive"))?;
        let description = parse_text("description", input.description, 500)?;
        let due_on = crate::campaign::parse_date("due_on", input.due_on)?;
        if due_on < today {
            return Err(FieldError::new("due_on", "date_in_past"));
        }
        Ok(NewPledge {
            need_id: input.need_id,
            commune,
            douar_id: input.douar_id,
            category,
            households,
            description,
            due_on,
        })
    }
}

/// An incident as declared.
#[derive(Debug, Default, Clone)]
pub struct IncidentInput<'a> {
    pub kind: &'a str,
    pub title_ar: &'a str,
    pub title_fr: &'a str,
    pub started_on: &'a str,
    pub communes: Vec<&'a str>,
}

#[derive(Debug, Clone)]
pub struct NewIncident {
    pub kind: IncidentKind,
    pub title_ar: String,
    pub title_fr: String,
    pub started_on: Date,
    pub communes: Vec<CommuneCode>,
}

/// Most communes one incident can name (a national pandemic names them all).
pub const MAX_INCIDENT_COMMUNES: usize = 2_000;

impl NewIncident {
    pub fn parse(input: &IncidentInput<'_>) -> Result<NewIncident, FieldError> {
        let kind =
            IncidentKind::parse(input.kind).ok_or_else(|| FieldError::new("kind", "validation"))?;
        let title_ar = parse_text("title_ar", input.title_ar, 200)?;
        let title_fr = parse_text("title_fr", input.title_fr, 200)?;
        let started_on = crate::campaign::parse_date("started_on", input.started_on)?;
        if input.communes.is_empty() {
            return Err(FieldError::new("communes", "required"));
        }
        if input.communes.len() > MAX_INCIDENT_COMMUNES {
            return Err(FieldError::new("communes", "too_many"));
        }
        let mut communes = input
            .communes
            .iter()
            .map(|c| {
                CommuneCode::parse(c).map_err(|_| FieldError::new("communes", "unknown_commune"))
            })
            .collect::<Result<Vec<_>, _>>()?;
        communes.sort();
        communes.dedup();
        Ok(NewIncident {
            kind,
            title_ar,
            title_fr,
            started_on,
            communes,
        })
    }
}

/// A douar (village) as declared: names in Arabic, French and a Latin transliteration, an
/// optional point and population.
#[derive(Debug, Default, Clone)]
pub struct DouarInput<'a> {
    pub commune: &'a str,
    pub name_ar: &'a str,
    pub name_fr: &'a str,
    pub name_latin: &'a str,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub population: Option<i64>,
}

#[derive(Debug, Clone)]
pub struct NewDouar {
    pub commune: CommuneCode,
    pub name_ar: String,
    pub name_fr: String,
    pub name_latin: String,
    pub point: Option<GeoPoint>,
    pub population: Option<i64>,
}

impl NewDouar {
    pub fn parse(input: &DouarInput<'_>) -> Result<NewDouar, FieldError> {
        Ok(NewDouar {
            commune: CommuneCode::parse(input.commune)
                .map_err(|_| FieldError::new("commune", "unknown_commune"))?,
            name_ar: parse_text("name_ar", input.name_ar, 120)?,
            name_fr: parse_text("name_fr", input.name_fr, 120)?,
            name_latin: parse_text("name_latin", input.name_latin, 120)?,
            point: GeoPoint::parse(input.latitude, input.longitude)?,
            population: count("population", input.population)?,
        })
    }
}

/// Seconds between two Unix times, for the waiting part of a priority.
pub fn waited(reported_at: i64, now: OffsetDateTime) -> i64 {
    now.unix_timestamp() - reported_at
}

#[cfg(test)]
mod tests {
    use super::*;

    fn need<'a>() -> NeedInput<'a> {
        NeedInput {
            commune: "07.041.07.05",
            category: "shelter",
            urgency: "critical",
            households: Some(12),
            ..NeedInput::default()
        }
    }

    #[test]
    fn a_need_needs_a_known_commune_and_a_size() {
        assert!(NewNeed::parse(&need()).is_ok());
        let bad = NeedInput {
            commune: "07.041.99.99",
            ..need()
        };
        assert_eq!(NewNeed::parse(&bad).unwrap_err().code, "unknown_commune");
        let empty = NeedInput {
            households: None,
            people: Some(0),
            ..need()
        };
        assert_eq!(
            NewNeed::parse(&empty).unwrap_err().code,
            "need_size_required"
        );
        let negative = NeedInput {
            households: Some(-3),
            ..need()
        };
        assert_eq!(
            NewNeed::parse(&negative).unwrap_err().code,
            "quantity_negative"
        );
        let huge = NeedInput {
            people: Some(MAX_COUNT + 1),
            ..need()
        };
        assert_eq!(
            NewNeed::parse(&huge).unwrap_err().code,
            "quantity_too_large"
        );
    }

    #[test]
    fn points_must_be_in_morocco_and_complete() {
        // Ighil, the 2023 epicentre.
        assert!(GeoPoint::parse(Some(31.11), Some(-8.38)).unwrap().is_some());
        // Dakhla and Figuig are in; Madrid, Algiers, (0, 0) and a swapped pair are not.
        assert!(GeoPoint::parse(Some(23.68), Some(-15.95)).is_ok());
        assert!(GeoPoint::parse(Some(32.11), Some(-1.23)).is_ok());
        for (lat, lon) in [(40.4, -3.7), (36.75, 3.06), (0.0, 0.0), (-8.38, 31.11)] {
            assert_eq!(
                GeoPoint::parse(Some(lat), Some(lon)).unwrap_err().code,
                "coordinates_outside_morocco"
            );
        }
        assert_eq!(
            GeoPoint::parse(Some(31.1), None).unwrap_err().code,
            "coordinates_incomplete"
        );
        assert_eq!(
            GeoPoint::parse(Some(f64::NAN), Some(-8.0))
                .unwrap_err()
                .code,
            "coordinates_invalid"
        );
    }

    #[test]
    fn phones_are_moroccan_and_normalized() {
        assert_eq!(parse_phone("p", "06 12 34 56 78").unwrap(), "+212612345678");
        assert_eq!(
            parse_phone("p", "+212 7-12-34-56-78").unwrap(),
            "+212712345678"
        );
        assert_eq!(parse_phone("p", "00212524123456").unwrap(), "+212524123456");
        for bad in [
            "12345",
            "0812345678",
            "+33612345678",
            "06123456789",
            "06abc45678",
        ] {
            assert!(parse_phone("p", bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn priority_adds_up_its_parts() {
        let p = Priority::compute(Urgency::Critical, 60, 30 * 3600, 100, 25);
        assert_eq!(
            (p.urgency, p.vulnerability, p.waiting, p.coverage_gap),
            (40, 12, 5, 15)
        );
        assert_eq!(p.total, 72);
        // Waiting is capped; a fully covered commune adds nothing; no need means no gap.
        let q = Priority::compute(Urgency::Low, 3, 30 * 86_400, 10, 50);
        assert_eq!((q.waiting, q.coverage_gap, q.total), (20, 0, 30));
        assert_eq!(Priority::compute(Urgency::Medium, 0, -5, 0, 0).total, 16);
        // The highest possible score is 100.
        assert_eq!(
            Priority::compute(Urgency::Critical, 900, 10 * 86_400, 5, 0).total,
            100
        );
    }

    #[test]
    fn duplicates_share_place_category_and_time() {
        let a = NeedPlace {
            commune: "07.041.07.05",
            douar_id: Some(7),
            category: NeedCategory::Shelter,
            point: GeoPoint::parse(Some(31.11), Some(-8.38)).unwrap(),
            reported_at: 1_000_000,
        };
        assert!(likely_duplicate(
            &a,
            &NeedPlace {
                reported_at: 1_000_000 + 3600,
                ..a
            }
        ));
        assert!(!likely_duplicate(
            &a,
            &NeedPlace {
                category: NeedCategory::Food,
                ..a
            }
        ));
        assert!(!likely_duplicate(
            &a,
            &NeedPlace {
                douar_id: Some(8),
                ..a
            }
        ));
        assert!(!likely_duplicate(
            &a,
            &NeedPlace {
                reported_at: 1_000_000 + DUPLICATE_WINDOW_SECONDS,
                ..a
            }
        ));
        // 0.05° of latitude is about 5.6 km.
        let far = GeoPoint::parse(Some(31.16), Some(-8.38)).unwrap();
        assert!(!likely_duplicate(&a, &NeedPlace { point: far, ..a }));
        assert!(likely_duplicate(&a, &NeedPlace { point: None, ..a }));
    }

    #[test]
    fn estimates_use_the_census_household_size() {
        assert_eq!(people_estimate(Some(10), None), 46);
        assert_eq!(people_estimate(Some(1), None), 5);
        assert_eq!(people_estimate(None, Some(7)), 7);
        assert_eq!(households_estimate(None, Some(46)), 10);
        assert_eq!(households_estimate(None, Some(5)), 2);
        assert_eq!(households_estimate(Some(3), Some(40)), 3);
    }

    #[test]
    fn pledges_cover_something_in_the_future() {
        let today = time::macros::date!(2023 - 09 - 10);
        let input = PledgeInput {
            commune: "07.041.07.05",
            category: "food",
            households: Some(40),
            description: "Food baskets",
            due_on: "2023-09-12",
            ..PledgeInput::default()
        };
        assert!(NewPledge::parse(&input, today).is_ok());
        let zero = PledgeInput {
            households: Some(0),
            ..input.clone()
        };
        assert_eq!(
            NewPledge::parse(&zero, today).unwrap_err().code,
            "quantity_not_positive"
        );
        let past = PledgeInput {
            due_on: "2023-09-01",
            ..input.clone()
        };
        assert_eq!(
            NewPledge::parse(&past, today).unwrap_err().code,
            "date_in_past"
        );
    }
}
