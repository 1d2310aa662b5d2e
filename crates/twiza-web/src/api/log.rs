//! `/api/v1/log`: JSON conveniences over the transparency log — the current head, leaves, and
//! inclusion and consistency proofs (RFC 9162), hashes in hex and leaves in base64.

use super::{ApiQuery, PathId};
use crate::error::{AppError, AppResult, ErrorBody};
use crate::AppState;
use axum::extract::State;
use axum::Json;
use base64::Engine;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

#[derive(Serialize, ToSchema)]
pub struct HeadView {
    pub tree_size: u64,
    /// Hex root hash.
    pub root_hash: String,
}

/// The current size and root of the log (unsigned; signed checkpoints are served apart).
#[utoipa::path(get, path = "/api/v1/log/head", tag = "log", responses((status = 200, body = HeadView)))]
pub async fn head(State(state): State<AppState>) -> AppResult<Json<HeadView>> {
    let size = state.store.log_size().await?;
    let root = state.store.log_root(size).await?;
    Ok(Json(HeadView {
        tree_size: size,
        root_hash: hex::encode(root),
    }))
}

#[derive(Serialize, ToSchema)]
pub struct EntryView {
    /// The leaf: RFC 8785 canonical JSON, base64.
    pub leaf: String,
    /// Hex SHA-256(0x00 || leaf).
    pub leaf_hash: String,
}

/// One leaf.
#[utoipa::path(get, path = "/api/v1/log/entries/{index}", tag = "log", params(("index" = u64, Path)),
    responses((status = 200, body = EntryView), (status = 404, body = ErrorBody)))]
pub async fn entry(
    State(state): State<AppState>,
    PathId(index): PathId,
) -> AppResult<Json<EntryView>> {
    let index = u64::try_from(index).map_err(|_| AppError::not_found())?;
    let entry = state
        .store
        .log_entry(index)
        .await?
        .ok_or_else(AppError::not_found)?;
    Ok(Json(EntryView {
        leaf_hash: hex::encode(twiza_tlog::leaf_hash(&entry.leaf)),
        leaf: base64::engine::general_purpose::STANDARD.encode(&entry.leaf),
    }))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct InclusionQuery {
    pub index: u64,
    pub tree_size: u64,
}

#[derive(Serialize, ToSchema)]
pub struct InclusionView {
    pub leaf_index: u64,
    pub tree_size: u64,
    /// Hex hashes, bottom-up (RFC 9162 §2.1.3).
    pub hashes: Vec<String>,
}

/// Inclusion proof of a leaf in a tree size.
#[utoipa::path(get, path = "/api/v1/log/proof/inclusion", tag = "log", params(InclusionQuery),
    responses((status = 200, body = InclusionView), (status = 400, body = ErrorBody)))]
pub async fn inclusion(
    State(state): State<AppState>,
    ApiQuery(q): ApiQuery<InclusionQuery>,
) -> AppResult<Json<InclusionView>> {
    let proof = state
        .store
        .log_inclusion_proof(q.index, q.tree_size)
        .await?
        .ok_or_else(|| AppError::bad_request("log_out_of_range"))?;
    Ok(Json(InclusionView {
        leaf_index: q.index,
        tree_size: q.tree_size,
        hashes: proof.iter().map(hex::encode).collect(),
    }))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ConsistencyQuery {
    pub from: u64,
    pub to: u64,
}

#[derive(Serialize, ToSchema)]
pub struct ConsistencyView {
    /// Hex hashes (RFC 9162 §2.1.4).
    pub hashes: Vec<String>,
}

/// Consistency proof between two tree sizes.
#[utoipa::path(get, path = "/api/v1/log/proof/consistency", tag = "log", params(ConsistencyQuery),
    responses((status = 200, body = ConsistencyView), (status = 400, body = ErrorBody)))]
pub async fn consistency(
    State(state): State<AppState>,
    ApiQuery(q): ApiQuery<ConsistencyQuery>,
) -> AppResult<Json<ConsistencyView>> {
    let proof = state
        .store
        .log_consistency_proof(q.from, q.to)
        .await?
        .ok_or_else(|| AppError::bad_request("log_out_of_range"))?;
    Ok(Json(ConsistencyView {
        hashes: proof.iter().map(hex::encode).collect(),
    }))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct CheckpointsQuery {
    /// Only checkpoints of smaller trees (for paging back).
    pub before: Option<u64>,
    /// At most this many (1 to 1,000; default 100).
    pub limit: Option<u32>,
}

#[derive(Serialize, ToSchema)]
pub struct CheckpointView {
    pub tree_size: u64,
    /// Hex root hash.
    pub root_hash: String,
    /// The signed note (C2SP tlog-checkpoint).
    pub note: String,
    /// Unix seconds of publication.
    pub published_at: i64,
}

/// The history of signed checkpoints, newest first: with consistency proofs between any two,
/// monitors check that the log only ever grew.
#[utoipa::path(get, path = "/api/v1/log/checkpoints", tag = "log", params(CheckpointsQuery),
    responses((status = 200, body = [CheckpointView]), (status = 400, body = ErrorBody)))]
pub async fn checkpoints(
    State(state): State<AppState>,
    ApiQuery(q): ApiQuery<CheckpointsQuery>,
) -> AppResult<Json<Vec<CheckpointView>>> {
    let limit = q.limit.unwrap_or(100);
    if !(1..=1000).contains(&limit) {
        return Err(AppError::bad_request("invalid_query"));
    }
    let list = state.store.checkpoints(q.before, limit).await?;
    Ok(Json(
        list.into_iter()
            .map(|c| CheckpointView {
                tree_size: c.size,
                root_hash: hex::encode(c.root),
                note: c.note,
                published_at: c.at,
            })
            .collect(),
    ))
}
