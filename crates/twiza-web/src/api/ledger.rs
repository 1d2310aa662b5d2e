//! The association's books through the API: the trial balance, expenses (submitted with an
//! evidence file, approved by a second treasury member) and transfers between associations
//! (confirmed by the receiving one). Approvals and confirmations are booked and logged before
//! the answer. The rules are `twiza_app::ledger`'s; this module translates JSON.

use super::{parse_json, require_json, ApiJson, ApiQuery, CurrentUser, PathId};
use crate::error::{AppError, AppResult, ErrorBody};
use crate::AppState;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::{Extension, Json};
use base64::Engine;
use serde::{Deserialize, Serialize};
use twiza_app::ledger;
use twiza_domain::donation::{parse_idempotency_key, request_hash};
use twiza_domain::ledger::{format_centimes, parse_evidence};
use twiza_domain::money::CURRENCY;
use twiza_domain::{FieldError, OrgId, OrgScope};
use twiza_store::{Expense, NewTransfer, Transfer};
use utoipa::{IntoParams, ToSchema};

/// Largest body of an expense: a 2 MB evidence file in base64 and the fields around it.
pub const EXPENSE_BODY_LIMIT: usize = 3 * 1024 * 1024;

/// The `Idempotency-Key` header (required on creations).
fn idempotency_key(headers: &HeaderMap) -> AppResult<String> {
    let key = headers
        .get("idempotency-key")
        .ok_or_else(|| AppError::bad_request("missing_idempotency_key"))?
        .to_str()
        .map_err(|_| AppError::bad_request("invalid_idempotency_key"))?;
    parse_idempotency_key(key).map_err(|_| AppError::bad_request("invalid_idempotency_key"))
}

/// A page of a list: items with an id below `before`.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    /// Continue after the last id of the previous page.
    pub before: Option<i64>,
}

// ---------------------------------------------------------------------------------------------
// Trial balance

/// One account of the books.
#[derive(Serialize, ToSchema)]
pub struct AccountView {
    /// `bank`, `cash`, `mobile_wallet`, `donation_income`, `programme_expenses`,
    /// `running_costs`, `transfers_out` or `transfers_in`.
    pub account: String,
    /// The campaign of a donation income account.
    pub campaign_id: Option<i64>,
    pub debits: String,
    pub credits: String,
    /// On the account's normal side: debits − credits for assets and expenses, credits −
    /// debits for income and transfers in.
    pub balance: String,
}

/// Goods received in kind, per item and unit.
#[derive(Serialize, ToSchema)]
pub struct StockView {
    pub item: String,
    pub unit: String,
    pub quantity: i64,
}

/// The trial balance of an association.
#[derive(Serialize, ToSchema)]
pub struct LedgerView {
    pub organization_id: i64,
    pub currency: String,
    pub accounts: Vec<AccountView>,
    pub total_debits: String,
    pub total_credits: String,
    /// Total debits equal total credits.
    pub balanced: bool,
    /// The in-kind stock account, in quantities (first 1,000 lines).
    pub in_kind_stock: Vec<StockView>,
}

/// The association's accounts with their balances (members).
#[utoipa::path(get, path = "/api/v1/organizations/{org_id}/ledger", tag = "ledger",
    params(("org_id" = i64, Path)),
    responses((status = 200, body = LedgerView), (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn trial_balance(
    State(state): State<AppState>,
    Extension(scope): Extension<OrgScope>,
) -> AppResult<Json<LedgerView>> {
    let tb = ledger::trial_balance(&state.store, &scope).await?;
    Ok(Json(LedgerView {
        organization_id: scope.org_id().0,
        currency: CURRENCY.to_owned(),
        balanced: tb.balanced(),
        total_debits: format_centimes(tb.debit_centimes),
        total_credits: format_centimes(tb.credit_centimes),
        accounts: tb
            .accounts
            .iter()
            .map(|a| AccountView {
                account: a.account.as_str().to_owned(),
                campaign_id: a.campaign_id,
                debits: format_centimes(a.debit_centimes),
                credits: format_centimes(a.credit_centimes),
                balance: format_centimes(a.balance_centimes()),
            })
            .collect(),
        in_kind_stock: tb
            .stock
            .into_iter()
            .map(|s| StockView {
                item: s.item,
                unit: s.unit,
                quantity: s.quantity,
            })
            .collect(),
    }))
}

// ---------------------------------------------------------------------------------------------
// Expenses

/// The evidence of an expense: an invoice or receipt.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EvidenceCreate {
    /// `pdf`, `png`, `jpeg` or `webp`; the content must agree.
    pub media_type: String,
    /// The file, base64, at most 2 MB decoded.
    pub content_base64: String,
}

/// A new expense of a campaign.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ExpenseCreate {
    /// Decimal string in MAD, e.g. `"1200.00"`.
    pub amount: String,
    /// `MAD`.
    pub currency: String,
    /// `programme` or `running_costs`.
    pub category: String,
    /// `bank`, `cash` or `mobile_wallet`.
    pub paid_from: String,
    /// Short description (at most 500 characters).
    pub description_ar: String,
    pub description_fr: String,
    pub evidence: EvidenceCreate,
}

#[derive(Serialize, ToSchema)]
pub struct EvidenceView {
    pub media_type: String,
    /// Hex SHA-256 of the file, as published in the log on approval.
    pub sha256: String,
    pub url: String,
}

/// An expense.
#[derive(Serialize, ToSchema)]
pub struct ExpenseView {
    pub id: i64,
    pub organization_id: i64,
    pub campaign_id: i64,
    pub amount: String,
    pub currency: String,
    pub category: String,
    pub paid_from: String,
    pub description_ar: String,
    pub description_fr: String,
    pub evidence: EvidenceView,
    /// `submitted`, `approved` or `rejected`.
    pub status: String,
    pub submitted_by: i64,
    /// Unix seconds.
    pub submitted_at: i64,
    pub decided_by: Option<i64>,
    pub decided_at: Option<i64>,
    pub rejection_reason: Option<String>,
    /// Index of its `expense_approved` leaf in the transparency log.
    pub leaf_index: Option<u64>,
    /// This answer repeats an earlier request with the same Idempotency-Key.
    pub replayed: bool,
}

impl ExpenseView {
    fn new(e: Expense, replayed: bool) -> ExpenseView {
        ExpenseView {
            evidence: EvidenceView {
                media_type: e.evidence_type,
                sha256: e.evidence_sha256,
                url: format!("/api/v1/expenses/{}/evidence", e.id),
            },
            id: e.id,
            organization_id: e.org_id.0,
            campaign_id: e.campaign_id,
            amount: e.amount.to_string(),
            currency: CURRENCY.to_owned(),
            category: e.category.as_str().to_owned(),
            paid_from: e.paid_from.as_str().to_owned(),
            description_ar: e.description_ar,
            description_fr: e.description_fr,
            status: e.status.as_str().to_owned(),
            submitted_by: e.submitted_by.0,
            submitted_at: e.submitted_at.unix_timestamp(),
            decided_by: e.decided_by.map(|u| u.0),
            decided_at: e.decided_at.map(|t| t.unix_timestamp()),
            rejection_reason: e.rejection_reason,
            leaf_index: e.leaf_index,
            replayed,
        }
    }
}

/// Submits an expense with its evidence (owners, admins, treasurers); another treasury member
/// approves it.
#[utoipa::path(post, path = "/api/v1/campaigns/{campaign_id}/expenses", tag = "ledger",
    params(("campaign_id" = i64, Path), ("Idempotency-Key" = String, Header, description = "8 to 100 letters, digits, - or _")),
    request_body = ExpenseCreate,
    responses((status = 201, body = ExpenseView), (status = 200, description = "A replay", body = ExpenseView),
              (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn submit_expense(
    State(state): State<AppState>,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    PathId(campaign_id): PathId,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> AppResult<(StatusCode, Json<ExpenseView>)> {
    let key = idempotency_key(&headers)?;
    require_json(&headers)?;
    let parsed: ExpenseCreate = parse_json(&body)?;
    let evidence = decode_base64(&parsed.evidence.content_base64)
        .map(|bytes| (parsed.evidence.media_type.as_str(), bytes));
    let expense = ledger::parse_expense(ledger::ExpenseInput {
        amount: &parsed.amount,
        currency: &parsed.currency,
        category: &parsed.category,
        paid_from: &parsed.paid_from,
        description_ar: &parsed.description_ar,
        description_fr: &parsed.description_fr,
        evidence,
    })
    .map_err(AppError::invalid)?;
    let (expense, replayed) = ledger::submit_expense(
        &state.store,
        &scope,
        campaign_id,
        expense,
        (key, request_hash(&body)),
        user.id,
        (&state.mail, crate::ctx::locale_of(&headers)),
    )
    .await?;
    let status = if replayed {
        StatusCode::OK
    } else {
        StatusCode::CREATED
    };
    Ok((status, Json(ExpenseView::new(expense, replayed))))
}

/// A campaign's expenses, newest first, 100 per page (members).
#[utoipa::path(get, path = "/api/v1/campaigns/{campaign_id}/expenses", tag = "ledger",
    params(("campaign_id" = i64, Path), PageQuery),
    responses((status = 200, body = [ExpenseView]), (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn list_expenses(
    State(state): State<AppState>,
    Extension(scope): Extension<OrgScope>,
    PathId(campaign_id): PathId,
    ApiQuery(page): ApiQuery<PageQuery>,
) -> AppResult<Json<Vec<ExpenseView>>> {
    let expenses = state
        .store
        .campaign_expenses(&scope, campaign_id, page.before)
        .await?;
    Ok(Json(
        expenses
            .into_iter()
            .map(|e| ExpenseView::new(e, false))
            .collect(),
    ))
}

/// Approves an expense: a treasury member other than its author. It is booked and logged as
/// `expense_approved` before the answer.
#[utoipa::path(post, path = "/api/v1/expenses/{expense_id}/approve", tag = "ledger",
    params(("expense_id" = i64, Path)),
    responses((status = 200, body = ExpenseView),
              (status = 403, description = "`expense_self_approval`: its author cannot approve it", body = ErrorBody),
              (status = 409, description = "`expense_decided` or `insufficient_funds`", body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn approve_expense(
    State(state): State<AppState>,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    PathId(id): PathId,
) -> AppResult<Json<ExpenseView>> {
    let expense = ledger::approve_expense(&state.store, &scope, id, user.id).await?;
    Ok(Json(ExpenseView::new(expense, false)))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RejectRequest {
    pub reason: String,
}

/// Rejects a submitted expense with a reason; nothing is booked.
#[utoipa::path(post, path = "/api/v1/expenses/{expense_id}/reject", tag = "ledger",
    params(("expense_id" = i64, Path)), request_body = RejectRequest,
    responses((status = 200, body = ExpenseView), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn reject_expense(
    State(state): State<AppState>,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    PathId(id): PathId,
    ApiJson(body): ApiJson<RejectRequest>,
) -> AppResult<Json<ExpenseView>> {
    let expense = ledger::reject_expense(&state.store, &scope, id, user.id, &body.reason).await?;
    Ok(Json(ExpenseView::new(expense, false)))
}

/// The evidence file of an expense (members), as an attachment.
#[utoipa::path(get, path = "/api/v1/expenses/{expense_id}/evidence", tag = "ledger",
    params(("expense_id" = i64, Path)),
    responses((status = 200, description = "The file (PDF, PNG, JPEG or WebP)", content((Vec<u8> = "application/pdf"), (Vec<u8> = "image/png"), (Vec<u8> = "image/jpeg"), (Vec<u8> = "image/webp"))), (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn evidence(
    State(state): State<AppState>,
    Extension(scope): Extension<OrgScope>,
    PathId(id): PathId,
) -> AppResult<Response> {
    let (media_type, bytes) = state
        .store
        .expense_evidence(&scope, id)
        .await?
        .ok_or_else(AppError::not_found)?;
    Ok(crate::download::file_response(
        media_type,
        bytes,
        &format!("expense-{id}"),
        "private, no-store",
    ))
}

/// Decodes an uploaded file (base64, at most 2 MB, PDF, PNG, JPEG or WebP recognised by its
/// content and agreeing with the declared type); a bad one is `code` on `field`.
pub fn decode_file(
    file: &EvidenceCreate,
    field: &'static str,
    code: &'static str,
) -> Result<(&'static str, Vec<u8>), FieldError> {
    let invalid = || FieldError::new(field, code);
    decode_base64(&file.content_base64)
        .ok_or_else(invalid)
        .and_then(|bytes| {
            parse_evidence(&file.media_type, &bytes)
                .map(|kind| (kind, bytes))
                .map_err(|_| invalid())
        })
}

/// The bytes of a base64 file, unless it is not base64 or is larger than an evidence file may
/// be (refused before decoding).
fn decode_base64(content: &str) -> Option<Vec<u8>> {
    if content.len() > twiza_domain::ledger::MAX_EVIDENCE_BYTES.div_ceil(3) * 4 {
        return None;
    }
    base64::engine::general_purpose::STANDARD
        .decode(content.trim())
        .ok()
}

// ---------------------------------------------------------------------------------------------
// Transfers

/// A transfer to another verified association, out of one of the sender's campaigns.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TransferCreate {
    pub to_organization_id: i64,
    pub campaign_id: i64,
    /// Decimal string in MAD.
    pub amount: String,
    /// `MAD`.
    pub currency: String,
}

/// A transfer between associations.
#[derive(Serialize, ToSchema)]
pub struct TransferView {
    pub id: i64,
    pub from_organization_id: i64,
    pub to_organization_id: i64,
    /// The sender's campaign.
    pub campaign_id: i64,
    pub amount: String,
    pub currency: String,
    /// `pending` or `confirmed`.
    pub status: String,
    /// `out` or `in`, seen from the association of the request.
    pub direction: String,
    pub created_at: i64,
    pub confirmed_at: Option<i64>,
    /// Index of its `transfer_confirmed` leaf in the transparency log.
    pub leaf_index: Option<u64>,
    pub replayed: bool,
}

impl TransferView {
    fn new(t: Transfer, seen_from: OrgId, replayed: bool) -> TransferView {
        TransferView {
            id: t.id,
            from_organization_id: t.from.0,
            to_organization_id: t.to.0,
            campaign_id: t.campaign_id,
            amount: t.amount.to_string(),
            currency: CURRENCY.to_owned(),
            status: t.status.as_str().to_owned(),
            direction: if t.from == seen_from { "out" } else { "in" }.to_owned(),
            created_at: t.created_at.unix_timestamp(),
            confirmed_at: t.confirmed_at.map(|d| d.unix_timestamp()),
            leaf_index: t.leaf_index,
            replayed,
        }
    }
}

/// Sends money to another verified association (the sender's treasury); pending until the
/// receiving association confirms it.
#[utoipa::path(post, path = "/api/v1/organizations/{org_id}/transfers", tag = "ledger",
    params(("org_id" = i64, Path), ("Idempotency-Key" = String, Header, description = "8 to 100 letters, digits, - or _")),
    request_body = TransferCreate,
    responses((status = 201, body = TransferView), (status = 200, description = "A replay", body = TransferView),
              (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn create_transfer(
    State(state): State<AppState>,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> AppResult<(StatusCode, Json<TransferView>)> {
    let key = idempotency_key(&headers)?;
    require_json(&headers)?;
    let parsed: TransferCreate = parse_json(&body)?;
    let amount = ledger::parse_transfer_amount(&parsed.amount, &parsed.currency)
        .map_err(AppError::invalid)?;
    let new = NewTransfer {
        idempotency_key: key,
        request_hash: request_hash(&body),
        to: OrgId(parsed.to_organization_id),
        campaign_id: parsed.campaign_id,
        amount,
    };
    let (transfer, replayed) = ledger::send_transfer(
        &state.store,
        &scope,
        &new,
        user.id,
        (&state.mail, crate::ctx::locale_of(&headers)),
    )
    .await?;
    let status = if replayed {
        StatusCode::OK
    } else {
        StatusCode::CREATED
    };
    Ok((
        status,
        Json(TransferView::new(transfer, scope.org_id(), replayed)),
    ))
}

/// Transfers the association sent or received, newest first, 100 per page (members).
#[utoipa::path(get, path = "/api/v1/organizations/{org_id}/transfers", tag = "ledger",
    params(("org_id" = i64, Path), PageQuery),
    responses((status = 200, body = [TransferView])),
    security(("bearer" = [])))]
pub async fn list_transfers(
    State(state): State<AppState>,
    Extension(scope): Extension<OrgScope>,
    ApiQuery(page): ApiQuery<PageQuery>,
) -> AppResult<Json<Vec<TransferView>>> {
    let transfers = state.store.transfers_of(&scope, page.before).await?;
    Ok(Json(
        transfers
            .into_iter()
            .map(|t| TransferView::new(t, scope.org_id(), false))
            .collect(),
    ))
}

/// Confirms a transfer received (the receiving association's treasury): booked in both
/// ledgers and logged as `transfer_confirmed` before the answer.
#[utoipa::path(post, path = "/api/v1/transfers/{transfer_id}/confirm", tag = "ledger",
    params(("transfer_id" = i64, Path)),
    responses((status = 200, body = TransferView),
              (status = 409, description = "`transfer_decided` or `insufficient_funds`", body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn confirm_transfer(
    State(state): State<AppState>,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    PathId(id): PathId,
) -> AppResult<Json<TransferView>> {
    let transfer = ledger::confirm_transfer(&state.store, &scope, id, user.id).await?;
    Ok(Json(TransferView::new(transfer, scope.org_id(), false)))
}
