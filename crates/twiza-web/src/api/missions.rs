//! `/api/v1/missions` and `/api/v1/organizations/{org_id}/missions/{mission_id}/candidates`:
//! the public search of open volunteering missions, and a mission's ranked candidates with the
//! reasons of their rank (volunteers named by their reference only: an association sees a
//! volunteer's name once they applied).

use super::path_param;
use crate::error::{AppResult, ErrorBody};
use crate::AppState;
use axum::extract::{Query, RawPathParams, State};
use axum::{Extension, Json};
use serde::{Deserialize, Serialize};
use twiza_app::missions;
use twiza_domain::volunteer::Fit;
use twiza_domain::OrgScope;
use utoipa::ToSchema;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct SearchQuery {
    pub skill: String,
    pub language: String,
    pub commune: String,
    pub province: String,
    pub from: String,
    pub after: String,
}

/// An open mission as the search lists it.
#[derive(Serialize, ToSchema)]
pub struct MissionItem {
    pub id: i64,
    pub organization_id: i64,
    pub organization_name_ar: String,
    pub organization_name_fr: String,
    /// `contractual` (Law 06-18, with a contract) or `informal` (informal volunteering).
    pub kind: String,
    pub title: String,
    /// Skill codes.
    pub skills: Vec<String>,
    /// Language codes (ISO 639).
    pub languages: Vec<String>,
    pub commune: String,
    pub starts_on: String,
    pub ends_on: String,
}

/// A page of the search, and the `after` of the next one when there may be more.
#[derive(Serialize, ToSchema)]
pub struct MissionPage {
    pub missions: Vec<MissionItem>,
    pub next_after: Option<String>,
}

fn codes<T: Copy>(items: Vec<T>, code: impl Fn(T) -> &'static str) -> Vec<String> {
    items.into_iter().map(|i| code(i).to_owned()).collect()
}

impl From<twiza_store::MissionSummary> for MissionItem {
    fn from(m: twiza_store::MissionSummary) -> Self {
        use twiza_domain::volunteer::{Skill, VolunteerLanguage};
        MissionItem {
            id: m.id,
            organization_id: m.organization_id,
            organization_name_ar: m.organization_name_ar,
            organization_name_fr: m.organization_name_fr,
            kind: m.kind.as_str().to_owned(),
            title: m.title,
            skills: codes(Skill::of_mask(m.skills), Skill::as_str),
            languages: codes(
                VolunteerLanguage::of_mask(m.languages),
                VolunteerLanguage::as_str,
            ),
            commune: m.commune_code,
            starts_on: m.starts_on,
            ends_on: m.ends_on,
        }
    }
}

/// Open missions, soonest first, by skill, language, commune and from a date (each optional);
/// `after` is the previous page's `next_after`.
#[utoipa::path(get, path = "/api/v1/missions", tag = "volunteering",
    params(("skill" = Option<String>, Query), ("language" = Option<String>, Query),
           ("commune" = Option<String>, Query),
           ("province" = Option<String>, Query, description = "a province's HCP code: missions in any of its communes"),
           ("from" = Option<String>, Query, description = "YYYY-MM-DD"),
           ("after" = Option<String>, Query)),
    responses((status = 200, body = MissionPage),
              (status = 400, body = ErrorBody, description = "`invalid_query`: a filter is not understood (the field is named)")))]
pub async fn search(
    State(state): State<AppState>,
    Query(q): Query<SearchQuery>,
) -> AppResult<Json<MissionPage>> {
    let page = missions::search(
        &state.store,
        &missions::SearchInput {
            skill: &q.skill,
            language: &q.language,
            commune: &q.commune,
            province: &q.province,
            from: &q.from,
            after: &q.after,
        },
    )
    .await?;
    let next_after = missions::next_after(&page);
    Ok(Json(MissionPage {
        missions: page.into_iter().map(MissionItem::from).collect(),
        next_after,
    }))
}

/// A candidate, with the reasons of their points.
#[derive(Serialize, ToSchema)]
pub struct CandidateView {
    pub rank: usize,
    pub volunteer_id: i64,
    /// `V-<n>`.
    pub reference: String,
    /// Out of 100.
    pub points: u32,
    pub skills_matched: Vec<String>,
    pub skills_missing: Vec<String>,
    pub languages_matched: Vec<String>,
    /// From the nearest commune the volunteer can go to.
    pub distance_km: u32,
    /// The volunteer's days and dates cover the mission's shifts.
    pub available: bool,
    pub hours_given: i64,
}

/// A mission's ranked candidates.
#[derive(Serialize, ToSchema)]
pub struct CandidateList {
    /// Volunteers near enough to be considered.
    pub considered: usize,
    pub candidates: Vec<CandidateView>,
}

pub(crate) fn candidate_view(rank: usize, f: Fit, reference: String) -> CandidateView {
    use twiza_domain::volunteer::{Skill, VolunteerLanguage};
    CandidateView {
        rank,
        volunteer_id: f.volunteer_id,
        reference,
        points: f.points,
        skills_matched: codes(f.skills_matched, Skill::as_str),
        skills_missing: codes(f.skills_missing, Skill::as_str),
        languages_matched: codes(f.languages_matched, VolunteerLanguage::as_str),
        distance_km: f.distance_km,
        available: f.available,
        hours_given: f.hours_given,
    }
}

/// The best 50 volunteers for a mission of the association, best first, with their reasons;
/// volunteers who applied or were invited are not candidates any more.
#[utoipa::path(get, path = "/api/v1/organizations/{org_id}/missions/{mission_id}/candidates", tag = "volunteering",
    params(("org_id" = i64, Path), ("mission_id" = i64, Path)),
    responses((status = 200, body = CandidateList), (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn candidates(
    State(state): State<AppState>,
    Extension(scope): Extension<OrgScope>,
    params: RawPathParams,
) -> AppResult<Json<CandidateList>> {
    let id = path_param(&params, "mission_id")?;
    let mut ranked = missions::candidates(&state.store, &scope, id, missions::CANDIDATES).await?;
    let candidates = ranked
        .fits
        .into_iter()
        .enumerate()
        .map(|(i, f)| {
            let reference = ranked
                .references
                .remove(&f.volunteer_id)
                .unwrap_or_default();
            candidate_view(i + 1, f, reference)
        })
        .collect();
    Ok(Json(CandidateList {
        considered: ranked.considered,
        candidates,
    }))
}
