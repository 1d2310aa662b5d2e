//! `/api/v1/organizations/{org_id}/duplicate-pairs…`: possible duplicate people inside the
//! association — a coordinator runs the matcher, reviews the pairs with their scores and reasons
//! (a logged read of both households), and decides `same_person` or `different_people`; the
//! decision is remembered and the pair never proposed again.

use super::{path_param, ApiJson, CurrentUser};
use crate::error::{AppResult, ErrorBody};
use crate::AppState;
use axum::extract::{Query, RawPathParams, State};
use axum::http::StatusCode;
use axum::{Extension, Json};
use serde::{Deserialize, Serialize};
use twiza_domain::{FieldError, OrgScope};
use twiza_store::{DuplicatePair, MatchingRun, PairDecision, PairSide, Reader};
use utoipa::ToSchema;

/// Pairs shown at a time.
const MAX_PAIRS: i64 = 200;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PairsQuery {
    /// `true`: pairs already decided (the history); otherwise those waiting.
    pub decided: bool,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PairDecisionCreate {
    /// `same_person` or `different_people`.
    pub decision: String,
}

/// What a matching run found.
#[derive(Serialize, ToSchema)]
pub struct MatchingRunView {
    /// Members compared.
    pub people: usize,
    /// Pairs the matcher returned.
    pub pairs: usize,
    /// Of those, pairs not seen before (now waiting for review).
    pub new_pairs: usize,
}

impl From<MatchingRun> for MatchingRunView {
    fn from(r: MatchingRun) -> Self {
        MatchingRunView {
            people: r.people,
            pairs: r.pairs,
            new_pairs: r.new_pairs,
        }
    }
}

/// One side of a pair, as a reviewer sees it (no identifiers: only whether they agree).
#[derive(Serialize, ToSchema)]
pub struct PairSideView {
    pub person_id: i64,
    pub household_id: i64,
    pub household_reference: String,
    pub given_name_ar: Option<String>,
    pub family_name_ar: Option<String>,
    pub given_name_lat: Option<String>,
    pub family_name_lat: Option<String>,
    pub sex: String,
    pub birth_date: String,
    pub relation: String,
    pub commune_code: String,
    pub douar: Option<String>,
}

impl From<PairSide> for PairSideView {
    fn from(s: PairSide) -> Self {
        PairSideView {
            person_id: s.person_id,
            household_id: s.household_id,
            household_reference: s.household_reference,
            given_name_ar: s.given_name_ar,
            family_name_ar: s.family_name_ar,
            given_name_lat: s.given_name_lat,
            family_name_lat: s.family_name_lat,
            sex: s.sex,
            birth_date: s.birth_date,
            relation: s.relation,
            commune_code: s.commune_code,
            douar: s.douar,
        }
    }
}

/// A pair to review, or reviewed.
#[derive(Serialize, ToSchema)]
pub struct DuplicatePairView {
    pub id: i64,
    /// Fellegi–Sunter score, in bits.
    pub score: f64,
    /// Field-by-field agreement (`family_name:exact`, `birth_date:one_digit`…).
    pub reasons: Vec<String>,
    /// `same_person` or `different_people`, once decided.
    pub decision: Option<String>,
    pub a: PairSideView,
    pub b: PairSideView,
}

impl From<DuplicatePair> for DuplicatePairView {
    fn from(p: DuplicatePair) -> Self {
        DuplicatePairView {
            id: p.id,
            score: p.score,
            reasons: p.reasons,
            decision: p.decision,
            a: p.a.into(),
            b: p.b.into(),
        }
    }
}

/// Runs the matcher over the association's members; new pairs wait for review.
#[utoipa::path(post, path = "/api/v1/organizations/{org_id}/duplicate-pairs/search", tag = "registry",
    params(("org_id" = i64, Path)),
    responses((status = 200, body = MatchingRunView, description = "People compared, pairs found, pairs new")),
    security(("bearer" = [])))]
pub async fn search(
    State(state): State<AppState>,
    Extension(scope): Extension<OrgScope>,
) -> AppResult<Json<MatchingRunView>> {
    Ok(Json(
        state.store.find_duplicate_people(&scope).await?.into(),
    ))
}

/// Pairs to review, highest score first (at most 200), with both people's names, dates, places
/// and the reasons; `?decided=true` lists the decisions taken.
#[utoipa::path(get, path = "/api/v1/organizations/{org_id}/duplicate-pairs", tag = "registry",
    params(("org_id" = i64, Path), ("decided" = Option<bool>, Query)),
    responses((status = 200, body = Vec<DuplicatePairView>, description = "Pairs with scores and reasons")),
    security(("bearer" = [])))]
pub async fn list(
    State(state): State<AppState>,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    Query(query): Query<PairsQuery>,
) -> AppResult<Json<Vec<DuplicatePairView>>> {
    let reader = Reader {
        account: user.id,
        purpose: "duplicate_review",
    };
    let pairs = state
        .store
        .duplicate_pairs(&scope, query.decided, MAX_PAIRS, reader)
        .await?;
    Ok(Json(
        pairs.into_iter().map(DuplicatePairView::from).collect(),
    ))
}

/// Decides a pair: `same_person` (the later record stops counting in cycles) or
/// `different_people`.
#[utoipa::path(post, path = "/api/v1/organizations/{org_id}/duplicate-pairs/{pair_id}/decision", tag = "registry",
    params(("org_id" = i64, Path), ("pair_id" = i64, Path)), request_body = PairDecisionCreate,
    responses((status = 204), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn decide(
    State(state): State<AppState>,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    params: RawPathParams,
    ApiJson(body): ApiJson<PairDecisionCreate>,
) -> AppResult<StatusCode> {
    let pair = path_param(&params, "pair_id")?;
    let decision =
        PairDecision::parse(&body.decision).ok_or(FieldError::new("decision", "validation"))?;
    state
        .store
        .decide_duplicate_pair(&scope, pair, decision, user.id)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}
