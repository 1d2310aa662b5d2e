//! Missions, shifts, applications and matching: a mission published with its first shift (every
//! field checked before anything is written), more shifts, the public search, a mission's page,
//! applying, withdrawing, accepting and declining, the ranked candidates for a mission with
//! their reasons, the invitations of chosen ones by SMS and e-mail, and the missions that fit a
//! volunteer. The pages and the API call these.
//!
//! Distances between communes are great-circle distances (haversine) between the centres of
//! their shapes' bounds; a commune without a shape is near only to itself.

use crate::error::{Error, Result};
use crate::mail::{recipient_locale, Mail};
use std::collections::HashMap;
use std::sync::OnceLock;
use time::Date;
use twiza_domain::volunteer::{
    fit, morocco_day, parse_iso_date, parse_mission, parse_shift, CandidateFacts, Fit,
    MissionInput, MissionNeeds, ShiftInput, Skill, VolunteerLanguage, NEAR_KM,
};
use twiza_domain::{FieldError, OrgScope, UserId};
use twiza_i18n::{Arg, Locale, Messages};
use twiza_store::{
    volunteer_binding, Applied, MissionSearch, MissionSummary, MissionView, PersonalDataKeys,
    RankedCandidate, ShiftInvitation, Store, MISSION_PAGE,
};

/// Candidates a mission's page ranks.
pub const CANDIDATES: usize = 50;
/// Missions the fitting list of a volunteer shows.
pub const FITTING: usize = 50;

/// Today in Morocco.
fn today() -> Date {
    morocco_day(twiza_store::now()).unwrap_or(Date::MIN)
}

/// Publishes a mission with its first shift: every invalid field of both is named and nothing
/// is written. A `creation_key` sent before answers the mission published then.
pub async fn publish(
    store: &Store,
    scope: &OrgScope,
    mission: &MissionInput<'_>,
    first_shift: &ShiftInput<'_>,
    creation_key: Option<&str>,
    by: UserId,
) -> Result<i64> {
    let parsed = parse_mission(mission, today());
    let shift = match &parsed {
        Ok(m) => parse_shift(first_shift, m.starts_on, m.ends_on),
        // The shift is still checked alone, against the dates as written when they read.
        Err(_) => {
            let starts = parse_iso_date("starts_on", mission.starts_on).unwrap_or(Date::MIN);
            let ends = parse_iso_date("ends_on", mission.ends_on).unwrap_or(Date::MAX);
            parse_shift(first_shift, starts, ends)
        }
    };
    match (parsed, shift) {
        (Ok(m), Ok(s)) => Ok(store
            .publish_mission(scope, &m, &[s], None, creation_key, by)
            .await?),
        (m, s) => Err(Error::Invalid(
            m.err()
                .unwrap_or_default()
                .into_iter()
                .chain(s.err().unwrap_or_default())
                .collect(),
        )),
    }
}

/// Adds a shift to an open mission of the association, checked against the mission's dates.
pub async fn add_shift(
    store: &Store,
    scope: &OrgScope,
    mission_id: i64,
    shift: &ShiftInput<'_>,
) -> Result<i64> {
    let (starts, ends) = store.mission_dates(scope, mission_id).await?;
    let shift = parse_shift(shift, starts, ends)?;
    Ok(store.add_shift(scope, mission_id, &shift).await?)
}

/// Closes a mission of the association.
pub async fn close(store: &Store, scope: &OrgScope, mission_id: i64) -> Result<()> {
    Ok(store.close_mission(scope, mission_id).await?)
}

/// The public search as a form or a query string sends it (empty: any).
#[derive(Debug, Clone, Copy, Default)]
pub struct SearchInput<'a> {
    pub skill: &'a str,
    pub language: &'a str,
    pub commune: &'a str,
    /// A province's HCP code: missions in any of its communes.
    pub province: &'a str,
    /// `YYYY-MM-DD`.
    pub from: &'a str,
    /// The keyset of the next page: `<starts_on>.<id>`.
    pub after: &'a str,
}

fn filter<T>(
    field: &'static str,
    raw: &str,
    parse: impl Fn(&str) -> Option<T>,
) -> Result<Option<T>> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    parse(raw).map(Some).ok_or(Error::InvalidQuery { field })
}

/// Open missions matching the search, a page at a time (soonest first); an unknown filter is
/// the field's `InvalidQuery`.
pub async fn search(store: &Store, input: &SearchInput<'_>) -> Result<Vec<MissionSummary>> {
    let q = MissionSearch {
        skill: filter("skill", input.skill, |s| Skill::parse(s).map(Skill::bit))?,
        language: filter("language", input.language, |s| {
            VolunteerLanguage::parse(s).map(VolunteerLanguage::bit)
        })?,
        commune: filter("commune", input.commune, |s| {
            twiza_geo::CommuneCode::parse(s)
                .ok()
                .map(|c| c.as_str().to_owned())
        })?,
        province: filter("province", input.province, |s| {
            twiza_geo::ProvinceCode::parse(s)
                .ok()
                .filter(|p| twiza_geo::geo().province(p).is_some())
                .map(|p| p.as_str().to_owned())
        })?,
        from: filter("from", input.from, |s| parse_iso_date("from", s).ok())?,
        after: filter("after", input.after, |s| {
            let (day, id) = s.rsplit_once('.')?;
            parse_iso_date("after", day).ok()?;
            Some((day.to_owned(), id.parse().ok()?))
        })?,
        limit: MISSION_PAGE,
    };
    Ok(store.search_missions(&q).await?)
}

/// The keyset that follows a full page.
pub fn next_after(page: &[MissionSummary]) -> Option<String> {
    (page.len() as i64 == MISSION_PAGE)
        .then(|| page.last().map(|m| format!("{}.{}", m.starts_on, m.id)))
        .flatten()
}

/// A mission's public page.
pub async fn show(store: &Store, mission_id: i64) -> Result<MissionView> {
    Ok(store.mission(mission_id).await?)
}

/// A mission of the association (its own page: applications and candidates).
pub async fn show_own(store: &Store, scope: &OrgScope, mission_id: i64) -> Result<MissionView> {
    let view = store.mission(mission_id).await?;
    if view.summary.organization_id != scope.org_id().0 {
        return Err(Error::NotFound);
    }
    Ok(view)
}

/// The account applies to a shift (see `Store::apply_to_shift` for the refusals).
pub async fn apply(store: &Store, user: UserId, mission_id: i64, shift_id: i64) -> Result<Applied> {
    Ok(store.apply_to_shift(user, mission_id, shift_id).await?)
}

/// The account withdraws one of its applications.
pub async fn withdraw(store: &Store, user: UserId, application_id: i64) -> Result<()> {
    Ok(store.withdraw_application(user, application_id).await?)
}

/// The host accepts an application.
pub async fn accept(
    store: &Store,
    scope: &OrgScope,
    application_id: i64,
    by: UserId,
) -> Result<()> {
    Ok(store.accept_application(scope, application_id, by).await?)
}

/// The host declines an application.
pub async fn decline(
    store: &Store,
    scope: &OrgScope,
    application_id: i64,
    by: UserId,
) -> Result<()> {
    Ok(store.decline_application(scope, application_id, by).await?)
}

/// The centre of every commune with a shape: (code, latitude, longitude), computed once.
fn centres() -> &'static [(String, f64, f64)] {
    static CENTRES: OnceLock<Vec<(String, f64, f64)>> = OnceLock::new();
    CENTRES.get_or_init(|| {
        twiza_geo::shapes::shapes()
            .all()
            .iter()
            .map(|s| {
                let b = s.bounds;
                (
                    s.code.clone(),
                    (b.south + b.north) / 2.0,
                    (b.west + b.east) / 2.0,
                )
            })
            .collect()
    })
}

/// Great-circle kilometres between two points (haversine, mean Earth radius).
fn haversine_km((lat1, lon1): (f64, f64), (lat2, lon2): (f64, f64)) -> f64 {
    let (la1, la2) = (lat1.to_radians(), lat2.to_radians());
    let dlat = la2 - la1;
    let dlon = (lon2 - lon1).to_radians();
    let a = (dlat / 2.0).sin().powi(2) + la1.cos() * la2.cos() * (dlon / 2.0).sin().powi(2);
    2.0 * 6_371.0 * a.sqrt().asin()
}

/// The communes within [`NEAR_KM`] of `code` with their distance in whole kilometres, the
/// commune itself first at 0.
pub fn near_communes(code: &str) -> Vec<(String, u32)> {
    let mut near = vec![(code.to_owned(), 0)];
    let Some(&(_, lat, lon)) = centres().iter().find(|(c, _, _)| c == code) else {
        return near;
    };
    for (other, olat, olon) in centres() {
        if other == code {
            continue;
        }
        let km = haversine_km((lat, lon), (*olat, *olon));
        if km < f64::from(NEAR_KM) {
            near.push((other.clone(), km.round() as u32));
        }
    }
    near
}

/// A mission's ranked candidates: the best fits (with their reasons) and the volunteers'
/// references (never their names: the association sees a volunteer only once they applied),
/// and how many volunteers were considered.
#[derive(Debug, Clone)]
pub struct Candidates {
    pub fits: Vec<Fit>,
    pub references: HashMap<i64, String>,
    pub considered: usize,
}

/// Ranks the volunteers near a mission of the association, best `limit` first, with reasons.
pub async fn candidates(
    store: &Store,
    scope: &OrgScope,
    mission_id: i64,
    limit: usize,
) -> Result<Candidates> {
    let (needs, commune) = store.mission_needs(scope, mission_id).await?;
    let near = near_communes(&commune);
    let ranked = store
        .ranked_candidates(mission_id, &needs, &near, limit)
        .await?;
    let fits = explain(&needs, &ranked.best);
    let ids: Vec<i64> = fits.iter().map(|f| f.volunteer_id).collect();
    let references = store.volunteer_references(&ids).await?;
    Ok(Candidates {
        fits,
        references,
        considered: ranked.considered,
    })
}

/// The explained fits of the candidates the store ranked, in its order: the reasons are the
/// domain's `fit`. Points the query gave that differ from `fit`'s are a bug, logged (the
/// volunteer's id only).
fn explain(needs: &MissionNeeds, ranked: &[RankedCandidate]) -> Vec<Fit> {
    ranked
        .iter()
        .map(|r| {
            let f = fit(needs, &r.facts);
            if f.points != r.points {
                tracing::error!(
                    volunteer_id = r.facts.volunteer_id,
                    sql = r.points,
                    domain = f.points,
                    "the ranking query's points differ from the domain's fit"
                );
            }
            f
        })
        .collect()
}

/// The open missions that fit the account's volunteer, best first, each with its explained fit.
pub async fn missions_for_me(
    store: &Store,
    user: UserId,
    limit: usize,
) -> Result<Vec<(MissionSummary, Fit)>> {
    let me = store.volunteer_facts(user).await?;
    let mut distance: HashMap<String, u32> = HashMap::new();
    for commune in &me.communes {
        for (code, km) in near_communes(commune) {
            let d = distance.entry(code).or_insert(km);
            *d = (*d).min(km);
        }
    }
    let codes: Vec<String> = distance.keys().cloned().collect();
    let near = store
        .missions_near(me.volunteer_id, &codes, today(), 500)
        .await?;
    let mut fitting: Vec<(MissionSummary, Fit)> = near
        .into_iter()
        .map(|m| {
            let facts = CandidateFacts {
                volunteer_id: me.volunteer_id,
                skills: me.skills,
                languages: me.languages,
                weekdays: me.weekdays,
                available_from: me.available_from,
                available_until: me.available_until,
                distance_km: distance
                    .get(&m.summary.commune_code)
                    .copied()
                    .unwrap_or(NEAR_KM),
                minutes_given: me.minutes_given,
            };
            let f = fit(&m.needs, &facts);
            (m.summary, f)
        })
        .collect();
    fitting.sort_by(|a, b| {
        b.1.points
            .cmp(&a.1.points)
            .then_with(|| a.0.starts_on.cmp(&b.0.starts_on))
            .then_with(|| a.0.id.cmp(&b.0.id))
    });
    fitting.truncate(limit);
    Ok(fitting)
}

/// What sending invitations needs: the keys to open the volunteers' phones and seal the SMS,
/// the message files, e-mail (when on), whether texts are queued (a gateway is configured),
/// and the inviting person's language (a recipient's own comes first).
pub struct Inviting<'a> {
    pub keys: &'a PersonalDataKeys,
    pub messages: &'a Messages,
    pub mail: Option<&'a Mail>,
    pub texting: bool,
    pub fallback: Locale,
}

/// Invites chosen volunteers to a shift of the association's open mission: each gets an
/// `invited` application, an SMS and an e-mail with the mission's link, keyed
/// `mission-invitation:{shift}:{volunteer}` so a repeat sends once. Answers how many were
/// newly invited. At least one volunteer must be chosen (`volunteers`).
pub async fn invite(
    store: &Store,
    how: &Inviting<'_>,
    scope: &OrgScope,
    (mission_id, shift_id): (i64, i64),
    volunteer_ids: &[i64],
    by: UserId,
) -> Result<u64> {
    if volunteer_ids.is_empty() {
        return Err(FieldError::new("volunteers", "required").into());
    }
    let mission = show_own(store, scope, mission_id).await?;
    let invitees = store.invitees(volunteer_ids).await?;
    let path = format!("/missions/{mission_id}");
    let mut invitations = Vec::with_capacity(invitees.len());
    for v in &invitees {
        let key = format!("mission-invitation:{shift_id}:{}", v.volunteer_id);
        let locale = recipient_locale(v.locale.as_deref(), how.fallback);
        let args = [
            ("title", Arg::Str(&mission.summary.title)),
            ("link", Arg::Str(&path)),
        ];
        let sms = if how.texting {
            let phone = how
                .keys
                .open(&volunteer_binding(&v.reference, "phone"), &v.phone_sealed)
                .map_err(|_| Error::Internal("sealed phone"))?;
            let text = how
                .messages
                .t_args(locale, "volunteering-invitation-sms", &args);
            Some(crate::sms::seal(
                how.keys,
                "mission_invitation",
                key.clone(),
                &phone,
                &text,
            ))
        } else {
            None
        };
        let mail = how.mail.filter(|m| m.is_on()).map(|m| {
            let link = m.link(&path);
            m.compose(
                locale,
                "mission_invitation",
                key.clone(),
                &v.email,
                &[
                    ("title", Arg::Str(&mission.summary.title)),
                    ("link", Arg::Str(&link)),
                ],
            )
        });
        invitations.push(ShiftInvitation {
            volunteer_id: v.volunteer_id,
            sms,
            mail,
        });
    }
    Ok(store
        .invite_to_shift(scope, mission_id, shift_id, &invitations, by)
        .await?)
}
