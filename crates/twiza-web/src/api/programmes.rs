//! `/api/v1/organizations/{org_id}/programmes…` and `…/cycles…`: an association's programmes —
//! created with their rules (checked before anything is written), new rule versions, enrollment
//! of the households that consented, a cycle computed for a period, approved by a second person,
//! a household's entitlement explained, and the cycle's payment batch for the bank.

use super::{path_param, ApiJson, CurrentUser};
use crate::error::{AppError, AppResult, ErrorBody};
use crate::AppState;
use axum::extract::{RawPathParams, State};
use axum::http::StatusCode;
use axum::{Extension, Json};
use serde::{Deserialize, Serialize};
use twiza_domain::ledger::format_centimes;
use twiza_domain::programme::Rules;
use twiza_domain::text::parse_text;
use twiza_domain::{FieldError, OrgScope};
use twiza_store::{CycleSummary, NewPaymentBatch, NewProgramme};
use utoipa::ToSchema;

/// Longest rules document accepted, in bytes.
const MAX_RULES_BYTES: usize = 64 * 1024;

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

/// Rules as sent: compiled (every error with its code) and kept as their JSON text.
fn checked_rules(rules: &serde_json::Value) -> Result<String, AppError> {
    let text = rules.to_string();
    if text.len() > MAX_RULES_BYTES {
        return Err(FieldError::new("rules", "text_too_long").into());
    }
    Rules::from_json(&text)?;
    Ok(text)
}

fn parse_code(raw: &str) -> Result<String, FieldError> {
    let code = raw.trim();
    let valid = (1..=30).contains(&code.len())
        && code
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if valid {
        Ok(code.to_owned())
    } else {
        Err(FieldError::new("code", "validation"))
    }
}

fn parse_period(raw: &str) -> Result<String, FieldError> {
    let period = raw.trim();
    let ok = period.len() == 7
        && twiza_domain::campaign::parse_date("period", &format!("{period}-01")).is_ok();
    if ok {
        Ok(period.to_owned())
    } else {
        Err(FieldError::new("period", "validation"))
    }
}

fn parse_programme(body: &ProgrammeCreate) -> Result<NewProgramme, AppError> {
    let code = parse_code(&body.code);
    let name_ar = parse_text("name_ar", &body.name_ar, 200);
    let name_fr = parse_text("name_fr", &body.name_fr, 200);
    let retention = if (0..=3650).contains(&body.retention_days) {
        Ok(body.retention_days)
    } else {
        Err(FieldError::new("retention_days", "validation"))
    };
    let ends_on = body
        .ends_on
        .as_deref()
        .filter(|s| !s.trim().is_empty())
        .map(|s| twiza_domain::campaign::parse_date("ends_on", s.trim()))
        .transpose();
    match (code, name_ar, name_fr, retention, ends_on) {
        (Ok(code), Ok(name_ar), Ok(name_fr), Ok(retention_days), Ok(ends_on)) => Ok(NewProgramme {
            code,
            name_ar,
            name_fr,
            retention_days,
            ends_on,
        }),
        (a, b, c, d, e) => Err(AppError::invalid(
            [a.err(), b.err(), c.err(), d.err(), e.err()]
                .into_iter()
                .flatten()
                .collect(),
        )),
    }
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
    let programme = parse_programme(&body)?;
    let rules = checked_rules(&body.rules)?;
    let id = state
        .store
        .create_programme(&scope, &programme, user.id)
        .await?;
    let rules_version = state
        .store
        .add_programme_rules(&scope, id, &rules, user.id)
        .await?;
    Ok((StatusCode::CREATED, Json(Created { id, rules_version })))
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
    let rules = checked_rules(&body.rules)?;
    let rules_version = state
        .store
        .add_programme_rules(&scope, id, &rules, user.id)
        .await?;
    Ok((StatusCode::CREATED, Json(Created { id, rules_version })))
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
    let enrolled = state
        .store
        .enroll_consenting_households(&scope, id, user.id)
        .await?;
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
    let enrolled = match body.status.as_str() {
        "enrolled" => true,
        "exited" => false,
        _ => return Err(FieldError::new("status", "validation").into()),
    };
    state
        .store
        .set_enrollment(&scope, programme, household, enrolled, user.id)
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
    let period = parse_period(&body.period);
    let reference =
        twiza_domain::campaign::parse_date("reference_date", body.reference_date.trim());
    let (period, reference) = match (period, reference) {
        (Ok(p), Ok(r)) => (p, r),
        (p, r) => {
            return Err(AppError::invalid(
                [p.err(), r.err()].into_iter().flatten().collect(),
            ))
        }
    };
    let cycle = state
        .store
        .compute_cycle(&scope, id, &period, reference, user.id)
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
        state.store.approve_cycle(&scope, id, user.id).await?.into(),
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
    let name = parse_text("debtor_name", &body.debtor_name, 70);
    let account = body.debtor_account.trim();
    let iban = if account.len() == 24 && account.bytes().all(|b| b.is_ascii_digit()) {
        twiza_iso20022::moroccan_iban_from_rib(account)
            .map_err(|_| FieldError::new("debtor_account", "rib_invalid"))
    } else {
        let iban = twiza_iso20022::normalize_iban(account);
        if twiza_iso20022::is_valid_iban(&iban) {
            Ok(iban)
        } else {
            Err(FieldError::new("debtor_account", "validation"))
        }
    };
    let date = twiza_domain::campaign::parse_date("execution_date", body.execution_date.trim());
    let batch = match (name, iban, date) {
        (Ok(debtor_name), Ok(debtor_iban), Ok(execution_date)) => NewPaymentBatch {
            debtor_name,
            debtor_iban,
            execution_date,
        },
        (a, b, c) => {
            return Err(AppError::invalid(
                [a.err(), b.err(), c.err()].into_iter().flatten().collect(),
            ))
        }
    };
    let made = state
        .store
        .create_payment_batch(&scope, cycle, &batch, user.id)
        .await?;
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
