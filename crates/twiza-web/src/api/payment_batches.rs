//! `/api/v1/payment-batches…`: cash-transfer batches of the associations whose money the caller
//! runs, the bank file of a batch as ISO 20022 `pain.001.001.09` (reading payees' names and
//! accounts for it goes to each household's access log), the bank's `pain.002` status report
//! applied to the lines, and the payee account of a household.

use super::{path_param, ApiJson, CurrentUser};
use crate::error::{AppError, AppResult, ErrorBody};
use crate::AppState;
use axum::extract::{RawPathParams, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use serde::{Deserialize, Serialize};
use twiza_domain::{FieldError, OrgRole, OrgScope};
use twiza_iso20022::Account;
use twiza_store::{PayeeKind, PaymentBatch, Reconciliation};
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct PaymentBatchView {
    pub id: i64,
    pub organization_id: i64,
    pub cycle_id: i64,
    pub programme: String,
    pub period: String,
    pub message_id: String,
    /// `ready` or `reconciled`.
    pub status: String,
    pub lines: i64,
    /// Decimal string in MAD.
    pub total: String,
    /// Eligible households left out for want of a payee account.
    pub skipped: i64,
    pub execution_date: String,
}

fn view(organization_id: i64, b: PaymentBatch) -> PaymentBatchView {
    PaymentBatchView {
        id: b.id,
        organization_id,
        cycle_id: b.cycle_id,
        programme: b.programme,
        period: b.period,
        message_id: b.message_id,
        status: b.status,
        lines: b.lines,
        total: twiza_domain::ledger::format_centimes(b.total_centimes),
        skipped: b.skipped,
        execution_date: b.execution_date,
    }
}

/// The payment batches of every association whose money the caller runs (owner, admin,
/// treasurer), newest first.
#[utoipa::path(get, path = "/api/v1/payment-batches", tag = "payments",
    responses((status = 200, body = Vec<PaymentBatchView>), (status = 401, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn list(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
) -> AppResult<Json<Vec<PaymentBatchView>>> {
    let mut out = Vec::new();
    for m in state.store.memberships_of(user.id).await? {
        if !matches!(m.role, OrgRole::Owner | OrgRole::Admin | OrgRole::Treasurer) {
            continue;
        }
        let scope = OrgScope::for_member(m.org_id, m.role);
        out.extend(
            state
                .store
                .payment_batches(&scope)
                .await?
                .into_iter()
                .map(|b| view(m.org_id.0, b)),
        );
    }
    Ok(Json(out))
}

/// One payment batch.
#[utoipa::path(get, path = "/api/v1/payment-batches/{batch_id}", tag = "payments",
    params(("batch_id" = i64, Path)),
    responses((status = 200, body = PaymentBatchView), (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn show(
    State(state): State<AppState>,
    Extension(scope): Extension<OrgScope>,
    params: RawPathParams,
) -> AppResult<Json<PaymentBatchView>> {
    let id = path_param(&params, "batch_id")?;
    let batch = state.store.payment_batch(&scope, id).await?;
    Ok(Json(view(scope.org_id().0, batch)))
}

/// The batch as an ISO 20022 `pain.001.001.09` credit-transfer file for the association's bank.
#[utoipa::path(get, path = "/api/v1/payment-batches/{batch_id}/pain.001.xml", tag = "payments",
    params(("batch_id" = i64, Path)),
    responses((status = 200, description = "pain.001.001.09 XML", content_type = "application/xml"), (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn pain001(
    State(state): State<AppState>,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    params: RawPathParams,
) -> AppResult<Response> {
    let id = path_param(&params, "batch_id")?;
    let file = twiza_app::payment_batches::pain001(
        &state.store,
        &state.config.personal_data,
        &scope,
        user.id,
        id,
    )
    .await?;
    Ok(pain001_response(file))
}

/// The bank file as a download.
pub fn pain001_response(file: twiza_app::payment_batches::PaymentFile) -> Response {
    (
        [
            (
                header::CONTENT_TYPE,
                "application/xml; charset=utf-8".to_owned(),
            ),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{}.xml\"", file.message_id),
            ),
        ],
        file.xml,
    )
        .into_response()
}

#[derive(Serialize, ToSchema)]
pub struct ReconciliationView {
    pub paid: u64,
    pub rejected: u64,
    pub pending: u64,
    pub unchanged: u64,
    pub unknown: u64,
}

impl From<Reconciliation> for ReconciliationView {
    fn from(r: Reconciliation) -> Self {
        ReconciliationView {
            paid: r.paid,
            rejected: r.rejected,
            pending: r.pending,
            unchanged: r.unchanged,
            unknown: r.unknown,
        }
    }
}

/// Applies the bank's `pain.002` status report (XML body) to the batch: paid lines are logged,
/// rejected ones keep the bank's reason; a report with only a group status applies it to every
/// line still waiting; sending the same report again changes nothing.
#[utoipa::path(post, path = "/api/v1/payment-batches/{batch_id}/status-report", tag = "payments",
    params(("batch_id" = i64, Path)), request_body(content = String, content_type = "application/xml"),
    responses((status = 200, body = ReconciliationView), (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn status_report(
    State(state): State<AppState>,
    Extension(scope): Extension<OrgScope>,
    params: RawPathParams,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> AppResult<Json<ReconciliationView>> {
    let id = path_param(&params, "batch_id")?;
    let is_xml = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            let mime = v.split(';').next().unwrap_or_default().trim();
            mime.eq_ignore_ascii_case("application/xml") || mime.eq_ignore_ascii_case("text/xml")
        });
    if !is_xml {
        return Err(AppError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
        ));
    }
    let done =
        twiza_app::payment_batches::apply_status_report(&state.store, &scope, id, body.as_ref())
            .await?;
    Ok(Json(done.into()))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PayeeSet {
    /// `rib` (a 24-digit Moroccan bank account) or `wallet` (a mobile wallet, by phone).
    pub kind: String,
    pub account: String,
}

/// Sets the account a household is paid on (sealed at rest).
#[utoipa::path(post, path = "/api/v1/organizations/{org_id}/households/{household_id}/payee", tag = "payments",
    params(("org_id" = i64, Path), ("household_id" = i64, Path)), request_body = PayeeSet,
    responses((status = 204), (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn set_payee(
    State(state): State<AppState>,
    Extension(scope): Extension<OrgScope>,
    params: RawPathParams,
    ApiJson(body): ApiJson<PayeeSet>,
) -> AppResult<StatusCode> {
    let household = path_param(&params, "household_id")?;
    let (kind, account) = match body.kind.as_str() {
        "rib" => {
            let rib: String = body
                .account
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect();
            Account::moroccan_rib(&rib).map_err(|_| FieldError::new("account", "rib_invalid"))?;
            (PayeeKind::Rib, rib)
        }
        "wallet" => (
            PayeeKind::Wallet,
            twiza_domain::crisis::parse_phone("account", &body.account)?,
        ),
        _ => return Err(FieldError::new("kind", "validation").into()),
    };
    state
        .store
        .set_payee_account(
            &scope,
            &state.config.personal_data,
            household,
            kind,
            &account,
        )
        .await?;
    Ok(StatusCode::NO_CONTENT)
}
