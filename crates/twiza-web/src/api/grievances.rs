//! `/api/v1/organizations/{org_id}/grievances…`: a household, or someone for it, contests an
//! exclusion, an amount or a payment; the association acknowledges, decides with an explanation
//! (and, for an exclusion or an amount, shows the cycle's own explanation of the decision), the
//! household may appeal within the window, and someone other than the first decider decides the
//! appeal. Lists show deadlines and what is overdue; reading the household's words is logged.

use super::programmes::EntitlementView;
use super::{path_param, ApiJson, CurrentUser};
use crate::error::{AppResult, ErrorBody};
use crate::AppState;
use axum::extract::{Query, RawPathParams, State};
use axum::http::StatusCode;
use axum::{Extension, Json};
use serde::{Deserialize, Serialize};
use twiza_app::grievances;
use twiza_domain::ledger::format_centimes;
use twiza_domain::OrgScope;
use twiza_store::GrievanceFilter;
use utoipa::ToSchema;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct GrievanceCreate {
    pub household_id: i64,
    /// The programme contested, if any.
    #[serde(default)]
    pub programme_id: Option<i64>,
    /// `exclusion`, `amount`, `payment_not_received`, `data_error`, `conduct` or `other`.
    pub subject: String,
    /// `in_person`, `phone`, `sms`, `letter` or `web`.
    pub channel: String,
    /// `member` (of the household) or `representative` (someone acting for it).
    pub filed_by: String,
    /// The household's words.
    pub statement: String,
    /// `YYYY-MM-DD` when received (a letter, a visit) if not today; deadlines count from it.
    #[serde(default)]
    pub received_on: Option<String>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DecisionCreate {
    /// `upheld`, `partly_upheld` or `rejected`.
    pub outcome: String,
    /// `re_enrolled`, `amount_corrected`, `payment_reissued`, `data_rectified`, `other`, or
    /// `no_change` (only with `rejected`).
    pub remedy: String,
    /// Told to the household: why.
    pub explanation: String,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AppealCreate {
    /// The household's words.
    pub statement: String,
}

#[derive(Serialize, ToSchema)]
pub struct GrievanceCreated {
    pub id: i64,
    /// Unix seconds.
    pub acknowledge_by: i64,
    pub decide_by: i64,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ListQuery {
    pub status: Option<String>,
    pub household_id: Option<i64>,
    pub overdue: bool,
}

/// A decision on a grievance or on its appeal.
#[derive(Serialize, ToSchema)]
pub struct GrievanceDecisionView {
    /// `upheld`, `partly_upheld` or `rejected`.
    pub outcome: String,
    pub remedy: String,
    /// Told to the household: why.
    pub explanation: String,
    /// Unix seconds.
    pub decided_at: i64,
    pub decided_by: i64,
}

impl From<twiza_store::DecisionView> for GrievanceDecisionView {
    fn from(d: twiza_store::DecisionView) -> Self {
        GrievanceDecisionView {
            outcome: d.outcome,
            remedy: d.remedy,
            explanation: d.explanation,
            decided_at: d.decided_at,
            decided_by: d.decided_by,
        }
    }
}

/// A grievance: its summary (lists) and, when read whole, the household's words and the
/// decisions. Times are Unix seconds.
#[derive(Serialize, ToSchema)]
pub struct GrievanceView {
    pub id: i64,
    pub household_id: i64,
    pub household_reference: String,
    pub programme_id: Option<i64>,
    pub subject: String,
    pub channel: String,
    pub filed_by: String,
    pub status: String,
    pub received_at: i64,
    pub acknowledge_by: i64,
    pub decide_by: i64,
    pub acknowledged_at: Option<i64>,
    /// End of the appeal window, once decided.
    pub appeal_by: Option<i64>,
    pub appealed_at: Option<i64>,
    pub appeal_decide_by: Option<i64>,
    /// The deadline the grievance is held to now, if any.
    pub due_at: Option<i64>,
    /// Past that deadline.
    pub overdue: bool,
    /// The household's words: present only in a whole read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub statement: Option<String>,
    /// Present only in a whole read of an appealed grievance.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub appeal_statement: Option<String>,
    pub decision: Option<GrievanceDecisionView>,
    pub appeal_decision: Option<GrievanceDecisionView>,
}

impl From<twiza_store::GrievanceView> for GrievanceView {
    fn from(g: twiza_store::GrievanceView) -> Self {
        GrievanceView {
            id: g.id,
            household_id: g.household_id,
            household_reference: g.household_reference,
            programme_id: g.programme_id,
            subject: g.subject,
            channel: g.channel,
            filed_by: g.filed_by,
            status: g.status,
            received_at: g.received_at,
            acknowledge_by: g.acknowledge_by,
            decide_by: g.decide_by,
            acknowledged_at: g.acknowledged_at,
            appeal_by: g.appeal_by,
            appealed_at: g.appealed_at,
            appeal_decide_by: g.appeal_decide_by,
            due_at: g.due_at,
            overdue: g.overdue,
            statement: g.statement,
            appeal_statement: g.appeal_statement,
            decision: g.decision.map(GrievanceDecisionView::from),
            appeal_decision: g.appeal_decision.map(GrievanceDecisionView::from),
        }
    }
}

/// A grievance, with, for one about a programme, the household's latest entitlement in it and
/// its explanation (the conditions unmet, or how the amount was made).
#[derive(Serialize, ToSchema)]
pub struct GrievanceDetail {
    #[serde(flatten)]
    pub grievance: GrievanceView,
    pub entitlement: Option<EntitlementView>,
}

/// Records a grievance for a household of the association (field staff and coordinators).
#[utoipa::path(post, path = "/api/v1/organizations/{org_id}/grievances", tag = "grievances",
    params(("org_id" = i64, Path)), request_body = GrievanceCreate,
    responses((status = 201, body = GrievanceCreated), (status = 422, body = ErrorBody), (status = 404, body = ErrorBody),
              (status = 409, body = ErrorBody, description = "`unknown_programme`: no such programme in the association")),
    security(("bearer" = [])))]
pub async fn file(
    State(state): State<AppState>,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    ApiJson(body): ApiJson<GrievanceCreate>,
) -> AppResult<(StatusCode, Json<GrievanceCreated>)> {
    let input = grievances::GrievanceInput {
        household_id: body.household_id,
        programme_id: body.programme_id,
        subject: &body.subject,
        channel: &body.channel,
        filed_by: &body.filed_by,
        statement: &body.statement,
        received_on: body.received_on.as_deref(),
    };
    let deadlines = &state.config.grievance_deadlines;
    let filed = grievances::file(&state.store, &scope, user.id, deadlines, &input).await?;
    Ok((
        StatusCode::CREATED,
        Json(GrievanceCreated {
            id: filed.id,
            acknowledge_by: filed.acknowledge_by,
            decide_by: filed.decide_by,
        }),
    ))
}

/// The association's open grievances (received, acknowledged, appealed), the nearest deadline
/// first, without the households' words; `?status=` lists those of one status (`decided`,
/// `closed`…), `?household_id=` one household's, `?overdue=true` those past their deadline.
#[utoipa::path(get, path = "/api/v1/organizations/{org_id}/grievances", tag = "grievances",
    params(("org_id" = i64, Path), ("status" = Option<String>, Query), ("household_id" = Option<i64>, Query), ("overdue" = Option<bool>, Query)),
    responses((status = 200, body = Vec<GrievanceView>, description = "Grievances with their deadlines"),
              (status = 422, body = ErrorBody, description = "`validation` (field `status`): not a status of a grievance")),
    security(("bearer" = [])))]
pub async fn list(
    State(state): State<AppState>,
    Extension(scope): Extension<OrgScope>,
    Query(query): Query<ListQuery>,
) -> AppResult<Json<Vec<GrievanceView>>> {
    let filter = GrievanceFilter {
        status: query.status.as_deref(),
        household_id: query.household_id,
        overdue: query.overdue,
    };
    let list = grievances::list(&state.store, &scope, filter).await?;
    Ok(Json(list.into_iter().map(GrievanceView::from).collect()))
}

/// A grievance whole: the household's words (a logged read), the decisions, and for an
/// exclusion or an amount the household's latest entitlement in the programme, explained.
#[utoipa::path(get, path = "/api/v1/organizations/{org_id}/grievances/{grievance_id}", tag = "grievances",
    params(("org_id" = i64, Path), ("grievance_id" = i64, Path)),
    responses((status = 200, body = GrievanceDetail), (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn show(
    State(state): State<AppState>,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    params: RawPathParams,
) -> AppResult<Json<GrievanceDetail>> {
    let id = path_param(&params, "grievance_id")?;
    let (grievance, entitlement) = grievances::show(&state.store, &scope, user.id, id).await?;
    let entitlement =
        entitlement.map(
            |(period, eligible, centimes, explanation)| EntitlementView {
                period: Some(period),
                eligible,
                amount: format_centimes(centimes),
                explanation,
            },
        );
    Ok(Json(GrievanceDetail {
        grievance: grievance.into(),
        entitlement,
    }))
}

/// Acknowledges receipt (coordinators).
#[utoipa::path(post, path = "/api/v1/organizations/{org_id}/grievances/{grievance_id}/acknowledge", tag = "grievances",
    params(("org_id" = i64, Path), ("grievance_id" = i64, Path)),
    responses((status = 204), (status = 409, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn acknowledge(
    State(state): State<AppState>,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    params: RawPathParams,
) -> AppResult<StatusCode> {
    let id = path_param(&params, "grievance_id")?;
    grievances::acknowledge(&state.store, &scope, user.id, id, state.notices()).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Decides a grievance (coordinators); the appeal window opens.
#[utoipa::path(post, path = "/api/v1/organizations/{org_id}/grievances/{grievance_id}/decision", tag = "grievances",
    params(("org_id" = i64, Path), ("grievance_id" = i64, Path)), request_body = DecisionCreate,
    responses((status = 204), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn decide(
    State(state): State<AppState>,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    params: RawPathParams,
    ApiJson(body): ApiJson<DecisionCreate>,
) -> AppResult<StatusCode> {
    let id = path_param(&params, "grievance_id")?;
    let deadlines = &state.config.grievance_deadlines;
    let decision = (
        body.outcome.as_str(),
        body.remedy.as_str(),
        body.explanation.as_str(),
    );
    grievances::decide(&state.store, &scope, user.id, deadlines, id, decision).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Records the household's appeal, within the window.
#[utoipa::path(post, path = "/api/v1/organizations/{org_id}/grievances/{grievance_id}/appeal", tag = "grievances",
    params(("org_id" = i64, Path), ("grievance_id" = i64, Path)), request_body = AppealCreate,
    responses((status = 204), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn appeal(
    State(state): State<AppState>,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    params: RawPathParams,
    ApiJson(body): ApiJson<AppealCreate>,
) -> AppResult<StatusCode> {
    let id = path_param(&params, "grievance_id")?;
    let deadlines = &state.config.grievance_deadlines;
    grievances::appeal(
        &state.store,
        &scope,
        user.id,
        deadlines,
        id,
        &body.statement,
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Decides an appeal (coordinators), never by the first decision's author.
#[utoipa::path(post, path = "/api/v1/organizations/{org_id}/grievances/{grievance_id}/appeal/decision", tag = "grievances",
    params(("org_id" = i64, Path), ("grievance_id" = i64, Path)), request_body = DecisionCreate,
    responses((status = 204), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn decide_appeal(
    State(state): State<AppState>,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    params: RawPathParams,
    ApiJson(body): ApiJson<DecisionCreate>,
) -> AppResult<StatusCode> {
    let id = path_param(&params, "grievance_id")?;
    let decision = (
        body.outcome.as_str(),
        body.remedy.as_str(),
        body.explanation.as_str(),
    );
    grievances::decide_appeal(&state.store, &scope, user.id, id, decision).await?;
    Ok(StatusCode::NO_CONTENT)
}
