//! `/api/v1/organizations/{org_id}/programmes…` and `…/cycles…`: an association's programmes —
//! created with their rules (checked before anything is written), new rule versions, enrollment
//! of the households that consented, a cycle computed for a period, approved by a second person,
//! a household's entitlement explained, and the cycle's payment batch for the bank.

use super::{path_param, ApiJson, CurrentUser};
use crate::error::{AppResult, ErrorBody};
use crate::AppState;
use axum::extract::{RawPathParams, State};
use axum::http::StatusCode;
use axum::{Extension, Json};
use serde::{Deserialize, Serialize};
use twiza_app::programmes;
use twiza_domain::ledger::format_centimes;
use twiza_domain::OrgScope;
use twiza_store::CycleSummary;
use utoipa::ToSchema;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProgrammeCreate {
    /// Short code, e.g. `ASD` (letters, digits, `-`).
    pub code: String,
    pub name_ar: String,
    pub name_fr: String,
    /// Days after the programme ends before its households' personal data is anonymized.
    pub retention_days: i64,
    /// `YYYY-MM-DD`, if the programme has an end.
    #[serde(default)]
    pub ends_on: Option<String>,
    /// The rules (eligibility and amounts) as data: see docs/registry.md.
    #[schema(value_type = Object)]
    pub rules: serde_json::Value,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RulesCreate {
    #[schema(value_type = Object)]
    pub rules: serde_json::Value,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CycleCreate {
    /// `YYYY-MM`.
    pub period: String,
    /// `YYYY-MM-DD`: ages and the index in force are taken on this date.
    pub reference_date: String,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BatchCreate {
    /// The association's name as the bank knows it.
    pub debtor_name: String,
    /// The association's account: an IBAN, or a Moroccan RIB of 24 digits.
    pub debtor_account: String,
    /// `YYYY-MM-DD`.
    pub execution_date: String,
}

/// A household's entitlement in a cycle, explained.
#[derive(Serialize, ToSchema)]
pub struct EntitlementView {
    /// The cycle's period, where the cycle is not named by the request.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    pub eligible: bool,
    /// Decimal string in MAD.
    pub amount: String,
    /// The unmet conditions (`unmet`), or the lines that make the amount (`lines`).
    #[schema(value_type = Object)]
    pub explanation: serde_json::Value,
}

/// A cycle's totals.
#[derive(Serialize, ToSchema)]
pub struct CycleView {
    pub id: i64,
    pub programme_id: i64,
    /// `YYYY-MM`.
    pub period: String,
    /// The rules version the cycle was computed with.
    pub rules_version: i64,
    pub status: String,
    pub households: i64,
    pub eligible: i64,
    /// Sum of the amounts, in centimes.
    pub total_centimes: i64,
    pub computed_by: Option<i64>,
    pub approved_by: Option<i64>,
}

impl From<CycleSummary> for CycleView {
    fn from(c: CycleSummary) -> Self {
        CycleView {
            id: c.id,
            programme_id: c.programme_id,
            period: c.period,
            rules_version: c.rules_version,
            status: c.status,
            households: c.households,
            eligible: c.eligible,
            total_centimes: c.total_centimes,
            computed_by: c.computed_by,
            approved_by: c.approved_by,
        }
    }
}

/// A programme with its latest rules version, enrolled households and cycles.
#[derive(Serialize, ToSchema)]
pub struct ProgrammeView {
    pub id: i64,
    pub code: String,
    pub name_ar: String,
    pub name_fr: String,
    pub retention_days: i64,
    /// `YYYY-MM-DD`, if the programme has an end.
    pub ends_on: Option<String>,
    /// The latest rules version (0: none yet).
    pub rules_version: i64,
    pub enrolled: i64,
    /// Its cycles, newest first.
    pub cycles: Vec<CycleView>,
}

impl From<twiza_store::ProgrammeView> for ProgrammeView {
    fn from(p: twiza_store::ProgrammeView) -> Self {
        ProgrammeView {
            id: p.id,
            code: p.code,
            name_ar: p.name_ar,
            name_fr: p.name_fr,
            retention_days: p.retention_days,
            ends_on: p.ends_on,
            rules_version: p.rules_version,
            enrolled: p.enrolled,
            cycles: p.cycles.into_iter().map(CycleView::from).collect(),
        }
    }
}

/// A payment batch just made.
#[derive(Serialize, ToSchema)]
pub struct PaymentBatchCreated {
    pub id: i64,
    pub lines: i64,
    /// Eligible households left out for want of a payee account.
    pub skipped: i64,
    /// Decimal string in MAD.
    pub total: String,
    /// The bank file's message id.
    pub message_id: String,
}

#[derive(Serialize, ToSchema)]
pub struct Created {
    pub id: i64,
    /// The rules version saved.
    pub rules_version: i64,
}

/// Rules as sent, as their JSON text.
fn rules_text(rules: &serde_json::Value) -> String {
    rules.to_string()
}

/// Creates a programme with its first rules version (coordinators).
#[utoipa::path(post, path = "/api/v1/organizations/{org_id}/programmes", tag = "programmes",
    params(("org_id" = i64, Path)), request_body = ProgrammeCreate,
    responses((status = 201, body = Created), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn create(
    State(state): State<AppState>,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    ApiJson(body): ApiJson<ProgrammeCreate>,
) -> AppResult<(StatusCode, Json<Created>)> {
    let rules = rules_text(&body.rules);
    let input = programmes::ProgrammeInput {
        code: &body.code,
        name_ar: &body.name_ar,
        name_fr: &body.name_fr,
        retention_days: body.retention_days,
        ends_on: body.ends_on.as_deref(),
        rules: &rules,
    };
    let saved = programmes::create(&state.store, &scope, user.id, &input).await?;
    Ok((
        StatusCode::CREATED,
        Json(Created {
            id: saved.programme_id,
            rules_version: saved.rules_version,
        }),
    ))
}

/// The association's programmes, with their rules version, enrolled households and cycles.
#[utoipa::path(get, path = "/api/v1/organizations/{org_id}/programmes", tag = "programmes",
    params(("org_id" = i64, Path)),
    responses((status = 200, body = Vec<ProgrammeView>, description = "Programmes and their cycles")),
    security(("bearer" = [])))]
pub async fn list(
    State(state): State<AppState>,
    Extension(scope): Extension<OrgScope>,
) -> AppResult<Json<Vec<ProgrammeView>>> {
    let programmes = state.store.programmes(&scope).await?;
    Ok(Json(
        programmes.into_iter().map(ProgrammeView::from).collect(),
    ))
}

/// Saves a new version of a programme's rules; the next cycle uses it.
#[utoipa::path(post, path = "/api/v1/organizations/{org_id}/programmes/{programme_id}/rules", tag = "programmes",
    params(("org_id" = i64, Path), ("programme_id" = i64, Path)), request_body = RulesCreate,
    responses((status = 201, body = Created), (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn add_rules(
    State(state): State<AppState>,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    params: RawPathParams,
    ApiJson(body): ApiJson<RulesCreate>,
) -> AppResult<(StatusCode, Json<Created>)> {
    let id = path_param(&params, "programme_id")?;
    let rules = rules_text(&body.rules);
    let saved = programmes::add_rules(&state.store, &scope, user.id, id, &rules).await?;
    Ok((
        StatusCode::CREATED,
        Json(Created {
            id,
            rules_version: saved.rules_version,
        }),
    ))
}

#[derive(Serialize, ToSchema)]
pub struct Enrolled {
    /// Households newly enrolled.
    pub enrolled: u64,
}

/// Enrolls every household of the association that consented (or has a legal basis) and is
/// not enrolled yet.
#[utoipa::path(post, path = "/api/v1/organizations/{org_id}/programmes/{programme_id}/enrollments", tag = "programmes",
    params(("org_id" = i64, Path), ("programme_id" = i64, Path)),
    responses((status = 200, body = Enrolled), (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn enroll(
    State(state): State<AppState>,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    params: RawPathParams,
) -> AppResult<Json<Enrolled>> {
    let id = path_param(&params, "programme_id")?;
    let enrolled = programmes::enroll(&state.store, &scope, user.id, id).await?;
    Ok(Json(Enrolled { enrolled }))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EnrollmentUpdate {
    /// `enrolled` (back in: needs a standing consent) or `exited`.
    pub status: String,
}

/// Takes one household out of the programme or back in; cycles read enrolled households only.
#[utoipa::path(post, path = "/api/v1/organizations/{org_id}/programmes/{programme_id}/households/{household_id}/enrollment", tag = "programmes",
    params(("org_id" = i64, Path), ("programme_id" = i64, Path), ("household_id" = i64, Path)), request_body = EnrollmentUpdate,
    responses((status = 204), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn set_enrollment(
    State(state): State<AppState>,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    params: RawPathParams,
    ApiJson(body): ApiJson<EnrollmentUpdate>,
) -> AppResult<StatusCode> {
    let programme = path_param(&params, "programme_id")?;
    let household = path_param(&params, "household_id")?;
    programmes::set_enrollment(
        &state.store,
        &scope,
        user.id,
        programme,
        household,
        &body.status,
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Computes (or recomputes, until approved) the cycle of a period for every enrolled household.
#[utoipa::path(post, path = "/api/v1/organizations/{org_id}/programmes/{programme_id}/cycles", tag = "programmes",
    params(("org_id" = i64, Path), ("programme_id" = i64, Path)), request_body = CycleCreate,
    responses((status = 200, body = CycleView, description = "The cycle's totals"), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn compute_cycle(
    State(state): State<AppState>,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    params: RawPathParams,
    ApiJson(body): ApiJson<CycleCreate>,
) -> AppResult<Json<CycleView>> {
    let id = path_param(&params, "programme_id")?;
    let cycle = programmes::compute_cycle(
        &state.store,
        &scope,
        user.id,
        id,
        &body.period,
        &body.reference_date,
    )
    .await?;
    Ok(Json(cycle.into()))
}

/// A cycle's totals.
#[utoipa::path(get, path = "/api/v1/organizations/{org_id}/cycles/{cycle_id}", tag = "programmes",
    params(("org_id" = i64, Path), ("cycle_id" = i64, Path)),
    responses((status = 200, body = CycleView, description = "The cycle's totals"), (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn cycle(
    State(state): State<AppState>,
    Extension(scope): Extension<OrgScope>,
    params: RawPathParams,
) -> AppResult<Json<CycleView>> {
    let id = path_param(&params, "cycle_id")?;
    Ok(Json(state.store.cycle(&scope, id).await?.into()))
}

/// Approves a cycle: never by the person who computed it.
#[utoipa::path(post, path = "/api/v1/organizations/{org_id}/cycles/{cycle_id}/approve", tag = "programmes",
    params(("org_id" = i64, Path), ("cycle_id" = i64, Path)),
    responses((status = 200, body = CycleView, description = "The approved cycle"), (status = 409, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn approve_cycle(
    State(state): State<AppState>,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    params: RawPathParams,
) -> AppResult<Json<CycleView>> {
    let id = path_param(&params, "cycle_id")?;
    Ok(Json(
        programmes::approve_cycle(&state.store, &scope, user.id, id)
            .await?
            .into(),
    ))
}

/// A household's entitlement in a cycle, explained (the unmet conditions, or the lines that
/// make the amount).
#[utoipa::path(get, path = "/api/v1/organizations/{org_id}/cycles/{cycle_id}/entitlements/{household_id}", tag = "programmes",
    params(("org_id" = i64, Path), ("cycle_id" = i64, Path), ("household_id" = i64, Path)),
    responses((status = 200, body = EntitlementView), (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn entitlement(
    State(state): State<AppState>,
    Extension(scope): Extension<OrgScope>,
    params: RawPathParams,
) -> AppResult<Json<EntitlementView>> {
    let cycle = path_param(&params, "cycle_id")?;
    let household = path_param(&params, "household_id")?;
    let (eligible, centimes, explanation) =
        state.store.entitlement(&scope, cycle, household).await?;
    Ok(Json(EntitlementView {
        period: None,
        eligible,
        amount: format_centimes(centimes),
        explanation,
    }))
}

/// Makes the payment batch of an approved cycle (owners, admins, treasurers): one line per
/// eligible household with a payee account.
#[utoipa::path(post, path = "/api/v1/organizations/{org_id}/cycles/{cycle_id}/payment-batch", tag = "programmes",
    params(("org_id" = i64, Path), ("cycle_id" = i64, Path)), request_body = BatchCreate,
    responses((status = 201, body = PaymentBatchCreated, description = "The batch"), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn create_batch(
    State(state): State<AppState>,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    params: RawPathParams,
    ApiJson(body): ApiJson<BatchCreate>,
) -> AppResult<(StatusCode, Json<PaymentBatchCreated>)> {
    let cycle = path_param(&params, "cycle_id")?;
    let input = programmes::BatchInput {
        debtor_name: &body.debtor_name,
        debtor_account: &body.debtor_account,
        execution_date: &body.execution_date,
    };
    let made = programmes::create_batch(&state.store, &scope, user.id, cycle, &input).await?;
    Ok((
        StatusCode::CREATED,
        Json(PaymentBatchCreated {
            id: made.id,
            lines: made.lines,
            skipped: made.skipped,
            total: format_centimes(made.total_centimes),
            message_id: made.message_id,
        }),
    ))
}
