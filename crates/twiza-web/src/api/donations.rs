//! `/api/v1/campaigns/{campaign_id}/donations`: donations recorded by the association's treasury
//! (settled bank transfers, cash, card payments, goods received), durable and logged before the
//! answer. Every request carries an `Idempotency-Key`: a retry returns the same donation, the
//! same key with another body is a 409.

use super::{parse_json, PathId};
use crate::error::{AppError, AppResult, ErrorBody};
use crate::AppState;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use serde::{Deserialize, Serialize};
use twiza_app::donations::{parse_donation, record_donation, DonationInput, ItemInput};
use twiza_domain::donation::{parse_idempotency_key, request_hash, Gift};
use utoipa::ToSchema;

/// A donation: money (`amount`, `currency`, `method`) or in kind (`items`).
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DonationCreate {
    /// `money` or `in_kind`.
    pub kind: String,
    /// Decimal string in MAD, e.g. `"250.00"` (money).
    #[serde(default)]
    pub amount: Option<String>,
    /// `MAD` (money).
    #[serde(default)]
    pub currency: Option<String>,
    /// `card`, `mobile_wallet`, `bank_transfer` or `cash` (money).
    #[serde(default)]
    pub method: Option<String>,
    /// Goods received (in kind).
    #[serde(default)]
    pub items: Option<Vec<ItemCreate>>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ItemCreate {
    pub item: String,
    pub quantity: i64,
    pub unit: String,
}

/// A recorded donation and its place in the transparency log.
#[derive(Serialize, ToSchema)]
pub struct DonationView {
    pub id: i64,
    pub campaign_id: i64,
    /// `confirmed` for recorded donations.
    pub status: String,
    /// Index of its leaf in the transparency log.
    pub leaf_index: Option<u64>,
    /// Hex SHA-256 leaf hash (RFC 6962).
    pub leaf_hash: Option<String>,
    /// This answer repeats an earlier request with the same Idempotency-Key.
    pub replayed: bool,
}

fn parse_gift(body: &DonationCreate) -> AppResult<Gift> {
    let input = DonationInput {
        kind: &body.kind,
        amount: body.amount.as_deref(),
        currency: body.currency.as_deref(),
        method: body.method.as_deref(),
        items: body.items.as_ref().map(|items| {
            items
                .iter()
                .map(|i| ItemInput {
                    item: &i.item,
                    quantity: i.quantity,
                    unit: &i.unit,
                })
                .collect()
        }),
    };
    Ok(parse_donation(&input)?)
}

/// Records a settled donation (owners, admins, treasurers); answers once it is durable and logged.
#[utoipa::path(post, path = "/api/v1/campaigns/{campaign_id}/donations", tag = "donations",
    params(("campaign_id" = i64, Path), ("Idempotency-Key" = String, Header, description = "8 to 100 letters, digits, - or _")),
    request_body = DonationCreate,
    responses((status = 201, body = DonationView), (status = 200, description = "A replay", body = DonationView),
              (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn record(
    State(state): State<AppState>,
    PathId(campaign_id): PathId,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> AppResult<(StatusCode, Json<DonationView>)> {
    let key = idempotency_key(&headers)?;
    super::require_json(&headers)?;
    let parsed: DonationCreate = parse_json(&body)?;
    let gift = parse_gift(&parsed)?;
    let ack = record_donation(
        &state.sequencer,
        campaign_id,
        key,
        request_hash(&body),
        gift,
    )
    .await?;
    Ok((
        if ack.replayed {
            StatusCode::OK
        } else {
            StatusCode::CREATED
        },
        Json(DonationView {
            id: ack.id,
            campaign_id,
            status: ack.status.as_str().to_owned(),
            leaf_index: ack.leaf_index,
            leaf_hash: ack.leaf_hash.map(hex::encode),
            replayed: ack.replayed,
        }),
    ))
}

/// The `Idempotency-Key` header, required.
pub fn idempotency_key(headers: &HeaderMap) -> AppResult<String> {
    let key = headers
        .get("idempotency-key")
        .ok_or_else(|| AppError::bad_request("missing_idempotency_key"))?
        .to_str()
        .map_err(|_| AppError::bad_request("invalid_idempotency_key"))?;
    parse_idempotency_key(key).map_err(|_| AppError::bad_request("invalid_idempotency_key"))
}
