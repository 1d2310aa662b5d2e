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
use serde::Deserialize;
use twiza_domain::{FieldError, OrgScope};
use twiza_store::{DuplicatePair, MatchingRun, PairDecision, Reader};
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

/// Runs the matcher over the association's members; new pairs wait for review.
#[utoipa::path(post, path = "/api/v1/organizations/{org_id}/duplicate-pairs/search", tag = "registry",
    params(("org_id" = i64, Path)),
    responses((status = 200, description = "People compared, pairs found, pairs new", content_type = "application/json")),
    security(("bearer" = [])))]
pub async fn search(
    State(state): State<AppState>,
    Extension(scope): Extension<OrgScope>,
) -> AppResult<Json<MatchingRun>> {
    Ok(Json(state.store.find_duplicate_people(&scope).await?))
}

/// Pairs to review, highest score first (at most 200), with both people's names, dates, places
/// and the reasons; `?decided=true` lists the decisions taken.
#[utoipa::path(get, path = "/api/v1/organizations/{org_id}/duplicate-pairs", tag = "registry",
    params(("org_id" = i64, Path), ("decided" = Option<bool>, Query)),
    responses((status = 200, description = "Pairs with scores and reasons", content_type = "application/json")),
    security(("bearer" = [])))]
pub async fn list(
    State(state): State<AppState>,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    Query(query): Query<PairsQuery>,
) -> AppResult<Json<Vec<DuplicatePair>>> {
    let reader = Reader {
        account: user.id,
        purpose: "duplicate_review",
    };
    let pairs = state
        .store
        .duplicate_pairs(&scope, query.decided, MAX_PAIRS, reader)
        .await?;
    Ok(Json(pairs))
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
