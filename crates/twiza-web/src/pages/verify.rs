//! "Verify my donation": a donor pastes the receipt file and sees whether the donation is in the
//! signed log. Without JavaScript this server runs the checks; with it, `/static/verify.js`
//! runs them again in the browser with the Web Crypto API, from the receipt and the log's public
//! endpoints alone, so the donor need not trust the server's answer. The printable receipt of a
//! donation (for the association's treasury to hand over) lives here too.

use super::{render, PageForm};
use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::Extension;
use serde::Deserialize;
use twiza_app::receipts::build_receipt;
use twiza_app::receipts::Receipt;
use twiza_domain::OrgScope;
use twiza_tlog::NoteVerifier;

/// One check and its outcome.
pub struct CheckLine {
    pub label_key: &'static str,
    pub ok: bool,
}

#[derive(Template)]
#[template(path = "verify.html")]
struct VerifyPage {
    c: Ctx,
    receipt_text: String,
    checks: Vec<CheckLine>,
    /// `None` before a receipt is submitted.
    verdict: Option<bool>,
    summary: Option<String>,
}

pub async fn form(c: Ctx) -> Response {
    render(&VerifyPage {
        c,
        receipt_text: String::new(),
        checks: Vec::new(),
        verdict: None,
        summary: None,
    })
}

#[derive(Deserialize)]
pub struct VerifyForm {
    #[allow(dead_code)]
    csrf: String,
    receipt: String,
}

pub async fn check(
    State(state): State<AppState>,
    c: Ctx,
    PageForm(form): PageForm<VerifyForm>,
) -> AppResult<Response> {
    let parsed: Option<Receipt> = serde_json::from_str(form.receipt.trim()).ok();
    let mut checks = vec![CheckLine {
        label_key: "donation-verify-check-readable",
        ok: parsed.is_some(),
    }];
    let mut summary = None;
    if let Some(r) = &parsed {
        checks.extend(check_receipt(&state, r).await?);
        summary = Some(match (&r.amount, &r.items) {
            (Some(amount), _) => format!("{} · {amount} MAD", r.campaign_code),
            (None, Some(items)) => format!("{} · {}", r.campaign_code, items.len()),
            _ => r.campaign_code.clone(),
        });
    }
    let verdict = Some(checks.iter().all(|c| c.ok));
    Ok(render(&VerifyPage {
        c,
        receipt_text: form.receipt,
        checks,
        verdict,
        summary,
    }))
}

/// The checks of a receipt against this server's log: its key, the receipt's own checks, and
/// consistency of its checkpoint with the latest one.
async fn check_receipt(state: &AppState, r: &Receipt) -> AppResult<Vec<CheckLine>> {
    let key = state.log_signer.verifier();
    let verifier = NoteVerifier::parse(&key).map_err(|_| AppError::internal())?;
    let checks = r.check(&verifier);
    let consistent = match &checks.checkpoint {
        Some(cp) => {
            // The publisher signs within its interval; a receipt always names a checkpoint
            // that exists, so the latest one is at least as large.
            let latest = match state.store.latest_checkpoint().await? {
                Some(latest) => latest,
                None => state.store.publish_checkpoint(&state.log_signer).await?,
            };
            latest.size >= cp.size
                && match state
                    .store
                    .log_consistency_proof(cp.size, latest.size)
                    .await?
                {
                    Some(proof) => twiza_tlog::verify_consistency(
                        cp.size,
                        latest.size,
                        &cp.root,
                        &latest.root,
                        &proof,
                    )
                    .is_ok(),
                    None => false,
                }
        }
        None => false,
    };
    let line = |label_key, ok| CheckLine { label_key, ok };
    Ok(vec![
        line("donation-verify-check-key", r.log_key == key),
        line(
            "donation-verify-check-signature",
            checks.checkpoint.is_some(),
        ),
        line("donation-verify-check-leaf", checks.leaf_matches_hash),
        line("donation-verify-check-inclusion", checks.included),
        line("donation-verify-check-donor", checks.donor_opens),
        line("donation-verify-check-consistency", consistent),
    ])
}

#[derive(Template)]
#[template(path = "receipt.html")]
struct ReceiptPage {
    c: Ctx,
    r: Receipt,
    confirmed_on: String,
    /// The amount in the reader's language.
    amount: Option<String>,
}

/// The printable receipt of a donation (the association's treasury).
pub async fn printable(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    crate::extract::PathId(id): crate::extract::PathId,
) -> AppResult<Response> {
    let r = build_receipt(
        &state.store,
        &state.log_signer,
        &state.config.receipt_key,
        &scope,
        id,
    )
    .await?;
    let confirmed_on = time::OffsetDateTime::from_unix_timestamp(r.confirmed_at)
        .map(|t| c.date(&t.date()))
        .unwrap_or_default();
    let amount = r
        .amount
        .as_deref()
        .and_then(|a| twiza_domain::money::Amount::parse("amount", a).ok())
        .map(|a| c.mad(&a));
    Ok(render(&ReceiptPage {
        c,
        r,
        confirmed_on,
        amount,
    }))
}

/// The receipt file (the JSON the verify page and `twiza log verify` read), as a download.
pub async fn file(
    State(state): State<AppState>,
    Extension(scope): Extension<OrgScope>,
    crate::extract::PathId(id): crate::extract::PathId,
) -> AppResult<Response> {
    let r = build_receipt(
        &state.store,
        &state.log_signer,
        &state.config.receipt_key,
        &scope,
        id,
    )
    .await?;
    let body = serde_json::to_vec_pretty(&r).map_err(|_| AppError::internal())?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/json".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"twiza-receipt-{id}.json\""),
            ),
        ],
        body,
    )
        .into_response())
}

/// `GET /static/verify.js`: the in-browser verification of the verify page.
pub async fn script() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        include_str!("../../static/verify.js"),
    )
        .into_response()
}
