//! `/api/v1/donations/{donation_id}/receipt`: a donation's receipt with everything needed to
//! verify it without trusting the platform — the leaf, the receipt secret that opens the donor
//! commitment in it, a signed checkpoint that includes it and the inclusion proof. The JSON is
//! what `twiza log verify --receipt FILE` and the verify page read.

use super::PathId;
use crate::error::{AppError, AppResult, ErrorBody};
use crate::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::{Extension, Json};
use base64::Engine;
use twiza_app::receipts::{Receipt, ReceiptInclusion, ReceiptItem};
use twiza_domain::donation::{DonationStatus, Gift};
use twiza_domain::money::CURRENCY;
use twiza_domain::OrgScope;

/// Builds the receipt of a confirmed donation of the scoped association.
pub async fn build_receipt(state: &AppState, scope: &OrgScope, id: i64) -> AppResult<Receipt> {
    let d = state
        .store
        .donation_record(scope, id)
        .await?
        .ok_or_else(AppError::not_found)?;
    let (Some(confirmed_at), DonationStatus::Confirmed) = (d.confirmed_at, d.status) else {
        return Err(AppError::new(
            StatusCode::CONFLICT,
            "donation_not_confirmed",
        ));
    };
    let leaf_index = state
        .store
        .log_index_of("donation_confirmed", d.id)
        .await?
        .ok_or_else(AppError::internal)?;
    let entry = state
        .store
        .log_entry(leaf_index)
        .await?
        .ok_or_else(AppError::internal)?;
    let mut checkpoint = state.store.latest_checkpoint().await?;
    if checkpoint.as_ref().is_none_or(|c| c.size <= leaf_index) {
        // Younger than the publisher's interval: sign the current tree now.
        checkpoint = Some(state.store.publish_checkpoint(&state.log_signer).await?);
    }
    let checkpoint = checkpoint.ok_or_else(AppError::internal)?;
    let proof = state
        .store
        .log_inclusion_proof(leaf_index, checkpoint.size)
        .await?
        .ok_or_else(AppError::internal)?;
    let secret =
        twiza_store::receipt_secret(&state.config.receipt_key, d.campaign_id, &d.idempotency_key);
    let (kind, amount, currency, method, items) = match &d.gift {
        Gift::Money { amount, method } => (
            "money",
            Some(amount.to_string()),
            Some(CURRENCY.to_owned()),
            Some(method.as_str().to_owned()),
            None,
        ),
        Gift::InKind { items } => (
            "in_kind",
            None,
            None,
            None,
            Some(
                items
                    .iter()
                    .map(|i| ReceiptItem {
                        item: i.item.clone(),
                        quantity: i.quantity,
                        unit: i.unit.clone(),
                    })
                    .collect(),
            ),
        ),
    };
    Ok(Receipt {
        v: 1,
        donation_id: d.id,
        campaign_id: d.campaign_id,
        campaign_code: d.campaign_code,
        organization_id: d.org_id.0,
        kind: kind.to_owned(),
        amount,
        currency,
        method,
        items,
        confirmed_at,
        receipt_secret: hex::encode(secret),
        leaf_index,
        leaf_hash: hex::encode(twiza_tlog::leaf_hash(&entry.leaf)),
        leaf: base64::engine::general_purpose::STANDARD.encode(&entry.leaf),
        log_key: state.log_signer.verifier(),
        checkpoint: checkpoint.note,
        inclusion: ReceiptInclusion {
            tree_size: checkpoint.size,
            hashes: proof.iter().map(hex::encode).collect(),
        },
    })
}

/// The receipt of a confirmed donation (the association's treasury hands it to the donor).
#[utoipa::path(get, path = "/api/v1/donations/{donation_id}/receipt", tag = "donations",
    params(("donation_id" = i64, Path)),
    responses((status = 200, body = Receipt), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn show(
    State(state): State<AppState>,
    Extension(scope): Extension<OrgScope>,
    PathId(id): PathId,
) -> AppResult<Json<Receipt>> {
    Ok(Json(build_receipt(&state, &scope, id).await?))
}
