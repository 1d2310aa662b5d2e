//! `/api/v1/donations/{donation_id}/receipt`: a donation's receipt with everything needed to
//! verify it without trusting the platform — the leaf, the receipt secret that opens the donor
//! commitment in it, a signed checkpoint that includes it and the inclusion proof. The JSON is
//! what `twiza log verify --receipt FILE` and the verify page read.

use super::PathId;
use crate::error::{AppResult, ErrorBody};
use crate::AppState;
use axum::extract::State;
use axum::{Extension, Json};
use twiza_app::receipts::Receipt;
use twiza_domain::OrgScope;

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
    Ok(Json(
        twiza_app::receipts::build_receipt(
            &state.store,
            &state.log_signer,
            &state.config.receipt_key,
            &scope,
            id,
        )
        .await?,
    ))
}
