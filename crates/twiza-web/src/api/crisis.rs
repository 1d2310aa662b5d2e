//! `/api/v1/incidents…`, needs, pledges and coverage: incidents declared by authorities, needs
//! reported by anyone (rate-limited) or assessed by field agents, pledges of associations, and
//! the gaps and oversupply that follow from them.

use super::{parse_json, path_param, require_json, ApiJson, ApiQuery, CurrentUser, PathId};
use crate::error::{AppError, AppResult, ErrorBody};
use crate::AppState;
use axum::extract::{RawPathParams, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use serde::{Deserialize, Serialize};
use twiza_app::crisis::{add_douar as add_douar_to, declare_incident, NeedCreate};
use twiza_domain::crisis::{
    households_estimate, people_estimate, DouarInput, IncidentInput, NeedCategory, NeedStatus,
    NewDouar, NewIncident, NewPledge, PledgeInput, PledgeStatus,
};
use twiza_domain::OrgScope;
use twiza_store::{Coverage, Need, NeedFilter, Reporter};
use utoipa::{IntoParams, ToSchema};

/// Largest page of a list.
pub const MAX_PAGE: i64 = 500;

/// Refuses (`not_found`) a route about an incident that does not exist.
pub async fn require_incident(state: &AppState, incident: i64) -> AppResult<()> {
    state
        .store
        .incident(incident)
        .await?
        .ok_or_else(AppError::not_found)
        .map(|_| ())
}

/// A new incident.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct IncidentCreate {
    /// `earthquake`, `flood`, `pandemic`, `cold_wave`, `drought`, `wildfire` or `other`.
    pub kind: String,
    pub title_ar: String,
    pub title_fr: String,
    /// `YYYY-MM-DD`.
    pub started_on: String,
    /// HCP codes of the communes hit.
    pub communes: Vec<String>,
}

#[derive(Serialize, ToSchema)]
pub struct IncidentView {
    pub id: i64,
    pub kind: String,
    pub title_ar: String,
    pub title_fr: String,
    pub started_on: String,
    pub communes: Vec<String>,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    /// Keyset cursor: the last id of the previous page.
    pub after: Option<i64>,
    /// 1 to 500 (default 100).
    pub limit: Option<i64>,
}

fn limit(raw: Option<i64>) -> AppResult<i64> {
    match raw.unwrap_or(100) {
        n if (1..=MAX_PAGE).contains(&n) => Ok(n),
        _ => Err(AppError::bad_request("invalid_query")),
    }
}

/// Declares an incident (authorities and platform admins).
#[utoipa::path(post, path = "/api/v1/incidents", tag = "crisis", request_body = IncidentCreate,
    responses((status = 201, body = IncidentView), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn declare(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    ApiJson(body): ApiJson<IncidentCreate>,
) -> AppResult<(StatusCode, Json<IncidentView>)> {
    let input = IncidentInput {
        kind: &body.kind,
        title_ar: &body.title_ar,
        title_fr: &body.title_fr,
        started_on: &body.started_on,
        communes: body.communes.iter().map(String::as_str).collect(),
    };
    let incident = NewIncident::parse(&input)?;
    let id = declare_incident(&state.store, &user, &incident).await?;
    Ok((StatusCode::CREATED, Json(incident_view(&state, id).await?)))
}

async fn incident_view(state: &AppState, id: i64) -> AppResult<IncidentView> {
    let incident = state
        .store
        .incident(id)
        .await?
        .ok_or_else(AppError::not_found)?;
    Ok(IncidentView {
        id: incident.id,
        kind: incident.kind.as_str().to_owned(),
        title_ar: incident.title_ar,
        title_fr: incident.title_fr,
        started_on: incident.started_on,
        communes: state.store.incident_communes(id).await?,
    })
}

/// Incidents, newest first (keyset pages: `after` is the last id seen).
#[utoipa::path(get, path = "/api/v1/incidents", tag = "crisis", params(PageQuery),
    responses((status = 200, body = Vec<IncidentView>)))]
pub async fn list(
    State(state): State<AppState>,
    ApiQuery(q): ApiQuery<PageQuery>,
) -> AppResult<Json<Vec<IncidentView>>> {
    let incidents = state.store.incidents(q.after, limit(q.limit)?).await?;
    let mut out = Vec::with_capacity(incidents.len());
    for i in incidents {
        out.push(incident_view(&state, i.id).await?);
    }
    Ok(Json(out))
}

/// One incident with the communes it hit.
#[utoipa::path(get, path = "/api/v1/incidents/{incident_id}", tag = "crisis",
    params(("incident_id" = i64, Path)),
    responses((status = 200, body = IncidentView), (status = 404, body = ErrorBody)))]
pub async fn show(
    State(state): State<AppState>,
    PathId(id): PathId,
) -> AppResult<Json<IncidentView>> {
    Ok(Json(incident_view(&state, id).await?))
}

/// A douar to add to an incident's commune.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DouarCreate {
    pub commune: String,
    pub name_ar: String,
    pub name_fr: String,
    /// Latin transliteration, as written on road signs (`Tnirt`, `Ait Ali`).
    pub name_latin: String,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub population: Option<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct DouarView {
    pub id: i64,
    pub commune: String,
    pub name_ar: String,
    pub name_fr: String,
    pub name_latin: String,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub population: Option<i64>,
}

/// Adds a douar in one of the incident's communes (authorities and platform admins).
#[utoipa::path(post, path = "/api/v1/incidents/{incident_id}/douars", tag = "crisis",
    params(("incident_id" = i64, Path)), request_body = DouarCreate,
    responses((status = 201, body = DouarView), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn add_douar(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    PathId(incident): PathId,
    ApiJson(body): ApiJson<DouarCreate>,
) -> AppResult<(StatusCode, Json<DouarView>)> {
    let douar = NewDouar::parse(&DouarInput {
        commune: &body.commune,
        name_ar: &body.name_ar,
        name_fr: &body.name_fr,
        name_latin: &body.name_latin,
        latitude: body.latitude,
        longitude: body.longitude,
        population: body.population,
    })?;
    let id = add_douar_to(&state.store, &user, incident, &douar).await?;
    Ok((
        StatusCode::CREATED,
        Json(DouarView {
            id,
            commune: douar.commune.to_string(),
            name_ar: douar.name_ar,
            name_fr: douar.name_fr,
            name_latin: douar.name_latin,
            latitude: douar.point.map(|p| p.lat()),
            longitude: douar.point.map(|p| p.lon()),
            population: douar.population,
        }),
    ))
}

/// The douars of an incident's communes.
#[utoipa::path(get, path = "/api/v1/incidents/{incident_id}/douars", tag = "crisis",
    params(("incident_id" = i64, Path)), responses((status = 200, body = Vec<DouarView>)))]
pub async fn douars(
    State(state): State<AppState>,
    PathId(incident): PathId,
) -> AppResult<Json<Vec<DouarView>>> {
    require_incident(&state, incident).await?;
    Ok(Json(
        state
            .store
            .incident_douars(incident)
            .await?
            .into_iter()
            .map(|d| DouarView {
                id: d.id,
                commune: d.commune_code,
                name_ar: d.name_ar,
                name_fr: d.name_fr,
                name_latin: d.name_latin,
                latitude: d.point.map(|p| p.lat()),
                longitude: d.point.map(|p| p.lon()),
                population: d.population,
            })
            .collect(),
    ))
}

/// A need as answered to its reporter.
#[derive(Serialize, ToSchema)]
pub struct NeedReceiptView {
    pub id: i64,
    /// Keep it to follow the need at `/needs/{reference}`.
    pub reference: String,
    pub status: String,
    /// A need this one probably repeats (same place and category, close in time), for a
    /// coordinator to merge.
    pub possible_duplicate_of: Option<i64>,
}

/// A need in public lists (never its contact).
#[derive(Serialize, ToSchema)]
pub struct NeedView {
    pub id: i64,
    pub reference: String,
    pub commune: String,
    pub douar_id: Option<i64>,
    pub category: String,
    pub urgency: String,
    pub households: Option<i64>,
    pub people: Option<i64>,
    /// Households as counted in coverage (estimated from people at 4.6 per household).
    pub households_estimate: i64,
    pub people_estimate: i64,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub description: Option<String>,
    /// `public` or `assessment`.
    pub source: String,
    pub status: String,
    pub possible_duplicate_of: Option<i64>,
    pub merged_into: Option<i64>,
    pub reported_at: String,
    pub has_contact: bool,
}

impl NeedView {
    pub fn from_store(n: Need) -> NeedView {
        NeedView {
            households_estimate: households_estimate(n.households, n.people),
            people_estimate: people_estimate(n.households, n.people),
            id: n.id,
            reference: n.reference,
            commune: n.commune_code,
            douar_id: n.douar_id,
            category: n.category.as_str().to_owned(),
            urgency: n.urgency.as_str().to_owned(),
            households: n.households,
            people: n.people,
            latitude: n.point.map(|p| p.lat()),
            longitude: n.point.map(|p| p.lon()),
            description: n.description,
            source: n.source.as_str().to_owned(),
            status: n.status.as_str().to_owned(),
            possible_duplicate_of: n.possible_duplicate_of,
            merged_into: n.merged_into,
            reported_at: crate::pages::rfc3339(n.reported_at),
            has_contact: n.has_contact,
        }
    }
}

/// Records a need and answers it to its reporter: 201, or 200 for a retry of a report already
/// written with the same `Idempotency-Key` (the need written first).
async fn record_need(
    state: &AppState,
    headers: &HeaderMap,
    incident: i64,
    body: &NeedCreate,
    reporter: Reporter,
) -> AppResult<(StatusCode, Json<NeedReceiptView>)> {
    let key = optional_idempotency_key(headers)?;
    let retry = key.as_deref().map(|key| twiza_app::crisis::Retry {
        key,
        hash_key: &state.config.identity_key,
    });
    let written = twiza_app::crisis::record_need(
        &state.need_intake,
        &state.config.personal_data,
        incident,
        body,
        reporter,
        retry,
    )
    .await?;
    let status = if written.replayed {
        StatusCode::OK
    } else {
        StatusCode::CREATED
    };
    Ok((
        status,
        Json(NeedReceiptView {
            id: written.id,
            reference: written.reference,
            status: written.status.as_str().to_owned(),
            possible_duplicate_of: written.possible_duplicate_of,
        }),
    ))
}

/// The `Idempotency-Key` header of a need report, if any: reports may be retried safely with
/// one, and are still taken without.
fn optional_idempotency_key(headers: &HeaderMap) -> AppResult<Option<String>> {
    match headers.get("idempotency-key") {
        None => Ok(None),
        Some(_) => super::donations::idempotency_key(headers).map(Some),
    }
}

/// Reports a need without an account. Beyond the per-address rate the report is still
/// received, but held for a coordinator's review (`status: "held"`: out of public lists and
/// counts until accepted); beyond ten times the rate, 429 with `Retry-After`.
#[utoipa::path(post, path = "/api/v1/incidents/{incident_id}/needs", tag = "crisis",
    params(("incident_id" = i64, Path),
           ("Idempotency-Key" = Option<String>, Header, description = "Optional: 8 to 100 letters, digits, - or _; a retry with the same key answers the need written first")),
    request_body = NeedCreate,
    responses((status = 201, body = NeedReceiptView),
              (status = 200, description = "A retry of a report already written with this Idempotency-Key", body = NeedReceiptView),
              (status = 409, body = ErrorBody), (status = 422, body = ErrorBody),
              (status = 429, body = ErrorBody,
               headers(("Retry-After" = u64, description = "Seconds before the address may report again")))))]
pub async fn report(
    State(state): State<AppState>,
    PathId(incident): PathId,
    request: axum::extract::Request,
) -> AppResult<Response> {
    let client = crate::auth::client_address(request.extensions());
    let reporter = crate::throttle::anonymous_reporter(&state, &client)?;
    let (parts, body) = request.into_parts();
    require_json(&parts.headers)?;
    let bytes = axum::body::to_bytes(body, state.config.max_body_bytes)
        .await
        .map_err(|_| AppError::new(StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large"))?;
    let body: NeedCreate = parse_json(&bytes)?;
    Ok(
        record_need(&state, &parts.headers, incident, &body, reporter)
            .await?
            .into_response(),
    )
}

/// Records a field assessment for a verified association: the need counts as verified. An
/// agent given communes by the association assesses only there (403 `outside_agent_communes`).
#[utoipa::path(post, path = "/api/v1/organizations/{org_id}/incidents/{incident_id}/assessments", tag = "crisis",
    params(("org_id" = i64, Path), ("incident_id" = i64, Path),
           ("Idempotency-Key" = Option<String>, Header, description = "Optional: 8 to 100 letters, digits, - or _; a retry with the same key answers the need written first")),
    request_body = NeedCreate,
    responses((status = 201, body = NeedReceiptView),
              (status = 200, description = "A retry of an assessment already written with this Idempotency-Key", body = NeedReceiptView),
              (status = 403, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn assess(
    State(state): State<AppState>,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    params: RawPathParams,
    headers: HeaderMap,
    ApiJson(body): ApiJson<NeedCreate>,
) -> AppResult<(StatusCode, Json<NeedReceiptView>)> {
    let incident = path_param(&params, "incident_id")?;
    let key = optional_idempotency_key(&headers)?;
    let retry = key.as_deref().map(|key| twiza_app::crisis::Retry {
        key,
        hash_key: &state.config.identity_key,
    });
    let written = twiza_app::field::assess(
        &state.store,
        &state.need_intake,
        &state.config.personal_data,
        &scope,
        user.id,
        incident,
        &body,
        retry,
    )
    .await?;
    let status = if written.replayed {
        StatusCode::OK
    } else {
        StatusCode::CREATED
    };
    Ok((
        status,
        Json(NeedReceiptView {
            id: written.id,
            reference: written.reference,
            status: written.status.as_str().to_owned(),
            possible_duplicate_of: written.possible_duplicate_of,
        }),
    ))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct NeedQuery {
    pub after: Option<i64>,
    pub limit: Option<i64>,
    /// HCP code of a commune.
    pub commune: Option<String>,
    pub category: Option<String>,
    pub status: Option<String>,
}

/// An incident's needs by id (keyset pages), with filters.
#[utoipa::path(get, path = "/api/v1/incidents/{incident_id}/needs", tag = "crisis",
    params(("incident_id" = i64, Path), NeedQuery),
    responses((status = 200, body = Vec<NeedView>), (status = 400, body = ErrorBody)))]
pub async fn needs(
    State(state): State<AppState>,
    PathId(incident): PathId,
    ApiQuery(q): ApiQuery<NeedQuery>,
) -> AppResult<Json<Vec<NeedView>>> {
    require_incident(&state, incident).await?;
    let filter = need_filter(
        q.commune.as_deref(),
        q.category.as_deref(),
        q.status.as_deref(),
    )?;
    let page = state
        .store
        .needs_page(incident, &filter, q.after.unwrap_or(0), limit(q.limit)?)
        .await?;
    Ok(Json(page.into_iter().map(NeedView::from_store).collect()))
}

/// An incident's reports held for review (authorities and platform admins), by id (keyset
/// pages): sent from an address beyond its anonymous rate, out of public lists and counts until
/// accepted. No contact is shown.
#[utoipa::path(get, path = "/api/v1/incidents/{incident_id}/held-needs", tag = "crisis",
    params(("incident_id" = i64, Path), PageQuery),
    responses((status = 200, body = Vec<NeedView>), (status = 400, body = ErrorBody),
              (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn held_needs(
    State(state): State<AppState>,
    PathId(incident): PathId,
    ApiQuery(q): ApiQuery<PageQuery>,
) -> AppResult<Json<Vec<NeedView>>> {
    require_incident(&state, incident).await?;
    let page = state
        .store
        .held_needs_page(incident, q.after.unwrap_or(0), limit(q.limit)?)
        .await?;
    Ok(Json(page.into_iter().map(NeedView::from_store).collect()))
}

/// Accepts a held report (authorities and platform admins): it becomes `reported` and joins
/// the lists and counts (`verify` makes it `verified` at once).
#[utoipa::path(post, path = "/api/v1/needs/{need_id}/accept", tag = "crisis",
    params(("need_id" = i64, Path)),
    responses((status = 204), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn accept(State(state): State<AppState>, PathId(id): PathId) -> AppResult<StatusCode> {
    state
        .store
        .review_held_need(id, NeedStatus::Reported)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Rejects a held report (authorities and platform admins): it is `closed` and never counted.
#[utoipa::path(post, path = "/api/v1/needs/{need_id}/reject", tag = "crisis",
    params(("need_id" = i64, Path)),
    responses((status = 204), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn reject(State(state): State<AppState>, PathId(id): PathId) -> AppResult<StatusCode> {
    state.store.review_held_need(id, NeedStatus::Closed).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The filters of a needs list; an unknown value is `invalid_query`.
pub fn need_filter(
    commune: Option<&str>,
    category: Option<&str>,
    status: Option<&str>,
) -> AppResult<NeedFilter> {
    let bad = || AppError::bad_request("invalid_query");
    let present = |s: Option<&str>| {
        s.map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
    };
    Ok(NeedFilter {
        commune_code: present(commune),
        category: match present(category) {
            None => None,
            Some(c) => Some(NeedCategory::parse(&c).ok_or_else(bad)?),
        },
        status: match present(status) {
            None => None,
            Some(s) => Some(NeedStatus::parse(&s).ok_or_else(bad)?),
        },
    })
}

/// A need with its explained priority.
#[derive(Serialize, ToSchema)]
pub struct NeedDetailView {
    #[serde(flatten)]
    pub need: NeedView,
    pub priority: PriorityView,
}

/// Each part of a priority (see `docs/crisis-coordination.md`).
#[derive(Serialize, ToSchema)]
pub struct PriorityView {
    pub total: u8,
    pub urgency: u8,
    pub vulnerability: u8,
    pub waiting: u8,
    pub coverage_gap: u8,
}

/// One need with its priority explained (a report held for review is not public: 404).
#[utoipa::path(get, path = "/api/v1/needs/{need_id}", tag = "crisis",
    params(("need_id" = i64, Path)),
    responses((status = 200, body = NeedDetailView), (status = 404, body = ErrorBody)))]
pub async fn need(
    State(state): State<AppState>,
    PathId(id): PathId,
) -> AppResult<Json<NeedDetailView>> {
    let need = state
        .store
        .need(id)
        .await?
        .filter(|n| n.status != NeedStatus::Held)
        .ok_or_else(AppError::not_found)?;
    let p = twiza_app::crisis::need_priority(&state.store, &need).await?;
    Ok(Json(NeedDetailView {
        need: NeedView::from_store(need),
        priority: PriorityView {
            total: p.total,
            urgency: p.urgency,
            vulnerability: p.vulnerability,
            waiting: p.waiting,
            coverage_gap: p.coverage_gap,
        },
    }))
}

/// Verifies a reported need, or accepts a held report as verified at once (authorities and
/// platform admins).
#[utoipa::path(post, path = "/api/v1/needs/{need_id}/verify", tag = "crisis",
    params(("need_id" = i64, Path)),
    responses((status = 204), (status = 409, body = ErrorBody)), security(("bearer" = [])))]
pub async fn verify(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    PathId(id): PathId,
) -> AppResult<StatusCode> {
    twiza_app::crisis::verify_need(&state.store, &user, id, state.notices()).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MergeBody {
    /// The need this one repeats; it is kept.
    pub into: i64,
}

/// Merges a duplicate need into the one it repeats (authorities and platform admins).
#[utoipa::path(post, path = "/api/v1/needs/{need_id}/merge", tag = "crisis",
    params(("need_id" = i64, Path)), request_body = MergeBody,
    responses((status = 204), (status = 409, body = ErrorBody)), security(("bearer" = [])))]
pub async fn merge(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    PathId(id): PathId,
    ApiJson(body): ApiJson<MergeBody>,
) -> AppResult<StatusCode> {
    twiza_app::crisis::merge_need(&state.store, &user, id, body.into, state.notices()).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AssignBody {
    /// A verified association.
    pub organization_id: i64,
}

/// A live assignment of a need to an association.
#[derive(Serialize, ToSchema)]
pub struct AssignmentView {
    pub organization_id: i64,
    /// `pledge` (its pledge was the first on the need) or `authority`.
    pub how: String,
    pub pledge_id: Option<i64>,
    pub assigned_at: String,
}

/// Assigns a need to a verified association (authorities and platform admins), which may then
/// read the reporter's contact; at most three associations per need. Answers the need's live
/// assignments: 201 when this one is new, 200 when the association already held it.
#[utoipa::path(post, path = "/api/v1/needs/{need_id}/assign", tag = "crisis",
    params(("need_id" = i64, Path)), request_body = AssignBody,
    responses((status = 201, body = Vec<AssignmentView>), (status = 200, body = Vec<AssignmentView>),
              (status = 404, body = ErrorBody), (status = 409, body = ErrorBody),
              (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn assign(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    PathId(id): PathId,
    ApiJson(body): ApiJson<AssignBody>,
) -> AppResult<(StatusCode, Json<Vec<AssignmentView>>)> {
    let new = twiza_app::crisis::assign_need(
        &state.store,
        &user,
        id,
        body.organization_id,
        state.notices(),
    )
    .await?;
    let assignments = state.store.need_assignments(id).await?;
    Ok((
        if new {
            StatusCode::CREATED
        } else {
            StatusCode::OK
        },
        Json(
            assignments
                .into_iter()
                .map(|a| AssignmentView {
                    organization_id: a.organization_id,
                    how: a.how.as_str().to_owned(),
                    pledge_id: a.pledge_id,
                    assigned_at: crate::pages::rfc3339(a.assigned_at),
                })
                .collect(),
        ),
    ))
}

/// A pledge to cover a need or a place.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PledgeCreate {
    pub need_id: Option<i64>,
    pub commune: String,
    pub douar_id: Option<i64>,
    pub category: String,
    /// Households the pledge covers.
    pub households: i64,
    /// What is pledged (`120 family kits`, `a mobile clinic for 3 days`).
    pub description: String,
    /// `YYYY-MM-DD`, today or later.
    pub due_on: String,
}

#[derive(Serialize, ToSchema)]
pub struct PledgeView {
    pub id: i64,
    pub organization_id: i64,
    pub organization: String,
    pub need_id: Option<i64>,
    pub commune: String,
    pub douar_id: Option<i64>,
    pub category: String,
    pub households: i64,
    pub description: String,
    pub due_on: String,
    pub status: String,
}

/// The answer to a new pledge: its id and, when the place was already covered while
/// neighbouring communes wait, where help is missing.
#[derive(Serialize, ToSchema)]
pub struct PledgeReceiptView {
    pub id: i64,
    pub warning: Option<CoverageWarningView>,
}

#[derive(Serialize, ToSchema)]
pub struct CoverageWarningView {
    /// `place_already_covered`.
    pub code: String,
    pub commune: String,
    pub uncovered_neighbours: Vec<GapView>,
}

impl CoverageWarningView {
    pub fn from_store(w: twiza_store::CoverageWarning) -> CoverageWarningView {
        CoverageWarningView {
            code: "place_already_covered".to_owned(),
            commune: w.commune_code,
            uncovered_neighbours: w
                .uncovered_neighbours
                .into_iter()
                .map(|(commune, households)| GapView {
                    commune,
                    households,
                })
                .collect(),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct GapView {
    pub commune: String,
    pub households: i64,
}

/// Pledges the association to cover a need or a place.
#[utoipa::path(post, path = "/api/v1/organizations/{org_id}/incidents/{incident_id}/pledges", tag = "crisis",
    params(("org_id" = i64, Path), ("incident_id" = i64, Path)), request_body = PledgeCreate,
    responses((status = 201, body = PledgeReceiptView), (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn pledge(
    State(state): State<AppState>,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    params: RawPathParams,
    ApiJson(body): ApiJson<PledgeCreate>,
) -> AppResult<(StatusCode, Json<PledgeReceiptView>)> {
    let incident = path_param(&params, "incident_id")?;
    let pledge = NewPledge::parse(
        &PledgeInput {
            need_id: body.need_id,
            commune: &body.commune,
            douar_id: body.douar_id,
            category: &body.category,
            households: Some(body.households),
            description: &body.description,
            due_on: &body.due_on,
        },
        time::OffsetDateTime::now_utc().date(),
    )?;
    let (id, warning) =
        twiza_app::crisis::pledge(&state.store, &scope, user.id, incident, &pledge, None).await?;
    Ok((
        StatusCode::CREATED,
        Json(PledgeReceiptView {
            id,
            warning: warning.map(CoverageWarningView::from_store),
        }),
    ))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PledgeStatusBody {
    /// `in_progress`, `delivered` or `cancelled`.
    pub status: String,
}

/// Moves one of the association's pledges.
#[utoipa::path(post, path = "/api/v1/organizations/{org_id}/pledges/{pledge_id}/status", tag = "crisis",
    params(("org_id" = i64, Path), ("pledge_id" = i64, Path)), request_body = PledgeStatusBody,
    responses((status = 204), (status = 409, body = ErrorBody)), security(("bearer" = [])))]
pub async fn pledge_status(
    State(state): State<AppState>,
    Extension(scope): Extension<OrgScope>,
    PathId(id): PathId,
    ApiJson(body): ApiJson<PledgeStatusBody>,
) -> AppResult<StatusCode> {
    let to = PledgeStatus::parse(&body.status)
        .filter(|s| *s != PledgeStatus::Pledged)
        .ok_or_else(|| AppError::from(twiza_domain::FieldError::new("status", "validation")))?;
    twiza_app::crisis::set_pledge_status(&state.store, &scope, id, to, state.notices()).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// An incident's pledges by id (keyset pages).
#[utoipa::path(get, path = "/api/v1/incidents/{incident_id}/pledges", tag = "crisis",
    params(("incident_id" = i64, Path), PageQuery), responses((status = 200, body = Vec<PledgeView>)))]
pub async fn pledges(
    State(state): State<AppState>,
    PathId(incident): PathId,
    ApiQuery(q): ApiQuery<PageQuery>,
) -> AppResult<Json<Vec<PledgeView>>> {
    require_incident(&state, incident).await?;
    let page = state
        .store
        .pledges_page(incident, q.after.unwrap_or(0), limit(q.limit)?)
        .await?;
    Ok(Json(
        page.into_iter()
            .map(|p| PledgeView {
                id: p.id,
                organization_id: p.organization_id,
                organization: p.organization_name,
                need_id: p.need_id,
                commune: p.commune_code,
                douar_id: p.douar_id,
                category: p.category.as_str().to_owned(),
                households: p.households,
                description: p.description,
                due_on: p.due_on,
                status: p.status.as_str().to_owned(),
            })
            .collect(),
    ))
}

/// Needs against pledges in one place.
#[derive(Serialize, ToSchema)]
pub struct CoverageView {
    pub commune: String,
    /// `null` for the whole commune.
    pub douar_id: Option<i64>,
    pub open_needs: i64,
    pub households_needed: i64,
    pub households_pledged: i64,
    pub households_delivered: i64,
    /// Households without a pledge.
    pub gap: i64,
    /// Households pledged beyond the needs.
    pub oversupply: i64,
}

impl CoverageView {
    pub fn from_store(c: &Coverage) -> CoverageView {
        CoverageView {
            commune: c.commune_code.clone(),
            douar_id: c.douar_id,
            open_needs: c.open_needs,
            households_needed: c.needed,
            households_pledged: c.pledged,
            households_delivered: c.delivered,
            gap: c.gap(),
            oversupply: c.oversupply(),
        }
    }
}

/// Gaps and oversupply per commune and douar.
#[utoipa::path(get, path = "/api/v1/incidents/{incident_id}/coverage", tag = "crisis",
    params(("incident_id" = i64, Path)), responses((status = 200, body = Vec<CoverageView>)))]
pub async fn coverage(
    State(state): State<AppState>,
    PathId(incident): PathId,
) -> AppResult<Json<Vec<CoverageView>>> {
    require_incident(&state, incident).await?;
    let coverage = state.store.coverage(incident).await?;
    Ok(Json(
        coverage.iter().map(CoverageView::from_store).collect(),
    ))
}

/// A reporter's contact, released to an association the need is assigned to.
#[derive(Serialize, ToSchema)]
pub struct ContactView {
    pub name: Option<String>,
    pub phone: String,
}

/// The contact of a need assigned to the association (by its first pledge on the need, or by
/// the authority). Each read is recorded and shown to the reporter on the need's follow-up page
/// (the association and the date); 404 when the need is not assigned to the association,
/// whether or not it has a contact.
#[utoipa::path(get, path = "/api/v1/organizations/{org_id}/needs/{need_id}/contact", tag = "crisis",
    params(("org_id" = i64, Path), ("need_id" = i64, Path)),
    responses((status = 200, body = ContactView), (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn contact(
    State(state): State<AppState>,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    PathId(need): PathId,
) -> AppResult<Json<ContactView>> {
    // Read-only platform roles reach the association's reads; reporters' contacts are not theirs.
    match scope.grant() {
        twiza_domain::tenancy::ScopeGrant::Member(role)
            if crate::authz::COORDINATION.contains(&role) => {}
        _ => return Err(AppError::forbidden()),
    }
    let contact = twiza_app::crisis::read_need_contact(
        &state.store,
        &state.config.personal_data,
        &scope,
        user.id,
        need,
    )
    .await?
    .ok_or_else(AppError::not_found)?;
    Ok(Json(ContactView {
        name: contact.name,
        phone: contact.phone,
    }))
}
