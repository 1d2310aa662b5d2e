//! The treasury's payment batch pages: the association's batches (keyset pages), one batch
//! with its lines and their status, its bank file (`pain.001`) to download, and the upload of
//! the bank's status report (`pain.002`) reconciling the lines — a file that is not one, or is
//! about another batch, is refused next to the file field with nothing written.

use super::{render, render_status, see_other};
use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::extract::{path_param, ApiQuery, CurrentUser};
use crate::AppState;
use askama::Template;
use axum::extract::{Multipart, RawPathParams, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Extension;
use serde::Deserialize;
use twiza_app::payment_batches::{apply_status_report, pain001};
use twiza_domain::organization::Organization;
use twiza_domain::{FieldError, OrgScope};
use twiza_store::{PaymentBatch, PaymentLineState};

/// Batches on a page of the list.
const PAGE: i64 = 25;
/// Lines on a page of a batch.
const LINES: i64 = 100;

async fn organization(state: &AppState, scope: &OrgScope) -> AppResult<Organization> {
    state
        .store
        .organization(scope.org_id())
        .await?
        .ok_or_else(AppError::not_found)
}

#[derive(Deserialize)]
pub struct ListQuery {
    after: Option<i64>,
    before: Option<i64>,
}

#[derive(Template)]
#[template(path = "payment_batches.html")]
struct ListPage {
    c: Ctx,
    org: Organization,
    batches: Vec<PaymentBatch>,
    newer: Option<String>,
    older: Option<String>,
}

/// `GET /associations/{org_id}/payment-batches`.
pub async fn list(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    ApiQuery(query): ApiQuery<ListQuery>,
) -> AppResult<Response> {
    let org = organization(&state, &scope).await?;
    let page = state
        .store
        .payment_batches_page(&scope, query.after, query.before, PAGE)
        .await?;
    let base = format!("/associations/{}/payment-batches", org.id.0);
    let newer = page
        .newer
        .then(|| page.batches.first())
        .flatten()
        .map(|b| format!("{base}?before={}", b.id));
    let older = page
        .older
        .then(|| page.batches.last())
        .flatten()
        .map(|b| format!("{base}?after={}", b.id));
    Ok(render(&ListPage {
        c,
        org,
        batches: page.batches,
        newer,
        older,
    }))
}

/// The batch page's query: the next page of lines, and what the last report did.
#[derive(Deserialize, Default)]
pub struct BatchQuery {
    after: Option<i64>,
    done: Option<String>,
    paid: Option<u64>,
    rejected: Option<u64>,
    pending: Option<u64>,
    unchanged: Option<u64>,
    unmatched: Option<u64>,
}

/// What the status report just applied did, as the page says it.
pub struct ReportSummary {
    pub paid: i64,
    pub rejected: i64,
    pub pending: i64,
    pub unchanged: i64,
    pub unmatched: i64,
}

#[derive(Template)]
#[template(path = "payment_batch.html")]
struct BatchPage {
    c: Ctx,
    org: Organization,
    batch: PaymentBatch,
    lines: Vec<PaymentLineState>,
    /// Lines by status, in words.
    counts: Vec<(String, String)>,
    more: Option<String>,
    summary: Option<ReportSummary>,
    errors: Vec<FieldError>,
}

async fn batch_page(
    state: &AppState,
    c: Ctx,
    scope: &OrgScope,
    id: i64,
    after: i64,
    summary: Option<ReportSummary>,
    errors: Vec<FieldError>,
) -> AppResult<BatchPage> {
    let org = organization(state, scope).await?;
    let batch = state.store.payment_batch(scope, id).await?;
    let lines = state.store.payment_lines(scope, id, after, LINES).await?;
    let more = (lines.len() as i64 == LINES)
        .then(|| lines.last())
        .flatten()
        .map(|l| {
            format!(
                "/associations/{}/payment-batches/{id}?after={}",
                org.id.0, l.id
            )
        });
    let counts = state
        .store
        .payment_line_counts(scope, id)
        .await?
        .into_iter()
        .map(|(status, n)| (c.line_status_name(&status), c.int(n)))
        .collect();
    Ok(BatchPage {
        c,
        org,
        batch,
        lines,
        counts,
        more,
        summary,
        errors,
    })
}

fn count(n: Option<u64>) -> i64 {
    n.and_then(|n| i64::try_from(n).ok()).unwrap_or(0)
}

/// `GET /associations/{org_id}/payment-batches/{batch_id}`.
pub async fn show(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    params: RawPathParams,
    ApiQuery(query): ApiQuery<BatchQuery>,
) -> AppResult<Response> {
    let id = path_param(&params, "batch_id")?;
    let summary = (query.done.as_deref() == Some("reconciled")).then(|| ReportSummary {
        paid: count(query.paid),
        rejected: count(query.rejected),
        pending: count(query.pending),
        unchanged: count(query.unchanged),
        unmatched: count(query.unmatched),
    });
    let page = batch_page(
        &state,
        c,
        &scope,
        id,
        query.after.unwrap_or(0),
        summary,
        Vec::new(),
    )
    .await?;
    Ok(render(&page))
}

/// `GET /associations/{org_id}/payment-batches/{batch_id}/pain.001.xml`: the bank file, for
/// the signed-in treasury (the API's route takes a bearer token only). Each payee read goes to
/// its household's access log.
pub async fn bank_file(
    State(state): State<AppState>,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    params: RawPathParams,
) -> AppResult<Response> {
    let id = path_param(&params, "batch_id")?;
    let file = pain001(
        &state.store,
        &state.config.personal_data,
        &scope,
        user.id,
        id,
    )
    .await?;
    Ok(crate::api::payment_batches::pain001_response(file))
}

/// `POST /associations/{org_id}/payment-batches/{batch_id}/status-report` (multipart, the CSRF
/// token in the query): applies the bank's report and shows the batch with what it did; a bad
/// file is answered next to the file field, nothing written.
pub async fn upload_report(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    params: RawPathParams,
    mut multipart: Multipart,
) -> AppResult<Response> {
    let id = path_param(&params, "batch_id")?;
    // The batch first: another association's batch is not found, whatever the file.
    state.store.payment_batch(&scope, id).await?;
    let mut report = None;
    let mut unreadable = false;
    loop {
        match multipart.next_field().await {
            Ok(Some(field)) if field.name() == Some("report") => match field.bytes().await {
                Ok(bytes) => report = Some(bytes),
                Err(_) => unreadable = true,
            },
            Ok(Some(_)) => {}
            Ok(None) => break,
            Err(_) => {
                unreadable = true;
                break;
            }
        }
    }
    let refuse = |code: &'static str| vec![FieldError::new("report", code)];
    let errors = match report.filter(|b| !b.is_empty()) {
        _ if unreadable => refuse("status_report_invalid"),
        None => refuse("required"),
        Some(bytes) => match apply_status_report(&state.store, &scope, id, &bytes).await {
            Ok(r) => {
                return Ok(see_other(&format!(
                    "/associations/{}/payment-batches/{id}?done=reconciled&paid={}&rejected={}&pending={}&unchanged={}&unmatched={}",
                    scope.org_id().0,
                    r.paid,
                    r.rejected,
                    r.pending,
                    r.unchanged,
                    r.unknown
                )));
            }
            Err(twiza_app::Error::FileRefused { code, .. }) => refuse(code),
            Err(e) => return Err(e.into()),
        },
    };
    let page = batch_page(&state, c, &scope, id, 0, None, errors).await?;
    Ok(render_status(StatusCode::UNPROCESSABLE_ENTITY, &page))
}

impl Ctx {
    /// A payment line's status in words (`sent`, `pending`, `paid`, `rejected`).
    pub fn line_status_name(&self, status: &str) -> String {
        match status {
            "sent" | "pending" | "paid" | "rejected" => {
                self.t(&format!("payment-line-status-{status}"))
            }
            other => other.to_owned(),
        }
    }

    /// A batch's status in words (`ready`, `reconciled`).
    pub fn batch_status_name(&self, status: &str) -> String {
        match status {
            "ready" | "reconciled" => self.t(&format!("payment-batch-status-{status}")),
            other => other.to_owned(),
        }
    }
}
