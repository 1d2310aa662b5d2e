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
use twiza_iso20022::pain001::{ChargeBearer, CreditTransferBatch, CreditTransferLine};
use twiza_iso20022::pain002::PaymentStatus;
use twiza_iso20022::{Account, AccountScheme};
use twiza_store::{LineStatus, PayeeKind, PaymentBatch, Reader, Reconciliation};
use utoipa::ToSchema;

/// Lines read from the store at a time while the file is written.
const PAGE: i64 = 2000;

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

fn iso_error(e: twiza_iso20022::Error) -> AppError {
    AppError::new(StatusCode::UNPROCESSABLE_ENTITY, "payment_file_invalid").with_field(e.code())
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
    let header_row = state.store.payment_batch(&scope, id).await?;
    let organization = state
        .store
        .organization(scope.org_id())
        .await?
        .ok_or_else(AppError::not_found)?;
    let mut lines = Vec::with_capacity(usize::try_from(header_row.lines).unwrap_or(0));
    let mut after = 0;
    loop {
        let page = state
            .store
            .payment_file_lines(
                &scope,
                &state.config.personal_data,
                id,
                Reader {
                    account: user.id,
                    purpose: "payment",
                },
                after,
                PAGE,
            )
            .await?;
        let Some(last) = page.last() else { break };
        after = last.line_id;
        for l in page {
            let account = match l.payee_kind {
                PayeeKind::Rib => Account::moroccan_rib(&l.payee_account).map_err(iso_error)?,
                PayeeKind::Wallet => Account::Other {
                    id: l.payee_account,
                    scheme: AccountScheme::Proprietary("MOBILE_WALLET".to_owned()),
                },
            };
            lines.push(CreditTransferLine {
                instruction_id: l.end_to_end_id.clone(),
                end_to_end_id: l.end_to_end_id,
                amount_centimes: l.centimes,
                currency: "MAD".to_owned(),
                creditor_name: l.creditor_name,
                creditor_account: account,
                creditor_agent_bic: None,
                remittance_info: Some(format!("{} {}", header_row.programme, header_row.period)),
            });
        }
    }
    let execution =
        twiza_domain::campaign::parse_date("execution_date", &header_row.execution_date)
            .map_err(|_| AppError::internal())?;
    let batch = CreditTransferBatch {
        message_id: header_row.message_id.clone(),
        created_at: time::OffsetDateTime::from_unix_timestamp(header_row.created_at)
            .map_err(|_| AppError::internal())?,
        initiating_party_name: organization.name_fr.clone(),
        payment_info_id: header_row.message_id.clone(),
        requested_execution_date: execution,
        debtor_name: header_row.debtor_name.clone(),
        debtor_account: header_row.debtor_iban.clone(),
        debtor_agent_bic: None,
        batch_booking: false,
        charge_bearer: Some(ChargeBearer::Debtor),
        lines,
    };
    let xml = twiza_iso20022::pain001::to_xml(&batch).map_err(iso_error)?;
    Ok((
        [
            (
                header::CONTENT_TYPE,
                "application/xml; charset=utf-8".to_owned(),
            ),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{}.xml\"", header_row.message_id),
            ),
        ],
        xml,
    )
        .into_response())
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
    let batch = state.store.payment_batch(&scope, id).await?;
    let report = twiza_iso20022::pain002::parse(body.as_ref()).map_err(|e| {
        AppError::new(StatusCode::UNPROCESSABLE_ENTITY, "status_report_invalid")
            .with_field(e.code())
    })?;
    if report.original_message_id != batch.message_id {
        return Err(AppError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "status_report_other_batch",
        ));
    }
    let line_status = |status: PaymentStatus| match status {
        PaymentStatus::Paid => Some(LineStatus::Paid),
        PaymentStatus::Rejected { reason } => Some(LineStatus::Rejected {
            reason: reason.unwrap_or_else(|| "NARR".to_owned()),
        }),
        PaymentStatus::Pending | PaymentStatus::Accepted => Some(LineStatus::Pending),
        PaymentStatus::Unknown => None,
    };
    let statuses: Vec<(String, LineStatus)> = if report.transactions.is_empty() {
        // A report with a group status only (the whole file rejected, say) speaks for every
        // line still waiting for the bank.
        let group = report
            .group_status
            .as_deref()
            .map(|code| PaymentStatus::from_code(code, report.group_reason.clone()))
            .and_then(line_status)
            .ok_or_else(|| {
                AppError::new(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "status_report_without_lines",
                )
            })?;
        state
            .store
            .open_payment_lines(&scope, id)
            .await?
            .into_iter()
            .map(|e| (e, group.clone()))
            .collect()
    } else {
        report
            .transactions
            .into_iter()
            .filter_map(|t| {
                let status = line_status(t.status)?;
                Some((t.end_to_end_id.or(t.instruction_id)?, status))
            })
            .collect()
    };
    let done = state
        .store
        .reconcile_payments(&scope, id, &statuses)
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
