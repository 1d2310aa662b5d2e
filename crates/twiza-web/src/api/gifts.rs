//! Gifts by the public, paid through a payment provider: `POST …/campaigns/{id}/gifts` writes a
//! pending donation and starts the payment, `POST /api/v1/payments/callback` (authenticated by
//! the provider's signature only) confirms or fails it, `GET /api/v1/gifts/{reference}` follows
//! it, and the association's treasury reads a donor's sealed identity through
//! `GET …/donations/{donation_id}/donor`. No public answer ever names a donor.

use super::{parse_json, PathId};
use crate::auth::Actor;
use crate::error::{AppError, AppResult, ErrorBody};
use crate::payments::{accept_callback, is_payment_reference, place};
use crate::AppState;
use axum::extract::{RawPathParams, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use serde::{Deserialize, Serialize};
use twiza_app::gifts::{gift_request_hash, parse_gift, GiftInput};
use twiza_domain::donor::{DonorIdentityInput, IdDocument};
use twiza_domain::money::CURRENCY;
use twiza_domain::OrgScope;
use utoipa::ToSchema;

/// A gift: money only, paid online.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct GiftCreate {
    /// Decimal string in MAD, e.g. `"250.00"`.
    pub amount: String,
    /// `MAD`.
    pub currency: String,
    /// `card` or `mobile_wallet`.
    pub method: String,
    /// Required above the identity threshold (10,000.00 MAD by default); optional below.
    /// Stored encrypted, shown only to the association's treasury, never published.
    #[serde(default)]
    pub donor: Option<DonorCreate>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DonorCreate {
    pub full_name: String,
    /// `cin` (national identity card) or `passport`.
    pub document_type: String,
    /// CIN: one or two letters and digits (`BE123456`); passport: 6 to 20 letters and digits.
    pub document_number: String,
    /// ISO 3166-1 alpha-2 country code (`MA`).
    pub country: String,
}

/// A gift's donation (no donor data).
#[derive(Serialize, ToSchema)]
pub struct GiftDonationView {
    pub id: i64,
    pub campaign_id: i64,
    /// `pending`, `confirmed` or `failed`.
    pub status: String,
    pub amount: String,
    pub currency: String,
    pub method: String,
    /// Index of its leaf in the transparency log, once confirmed.
    pub leaf_index: Option<u64>,
    /// Hex SHA-256 leaf hash (RFC 6962), once confirmed.
    pub leaf_hash: Option<String>,
}

/// The payment of a gift and where the donor goes next.
#[derive(Serialize, ToSchema)]
pub struct PaymentView {
    pub provider: String,
    /// The provider reference of the payment (also the address of the gift's page).
    pub reference: String,
    /// Where to send the donor: the provider's payment page or the gift's page here.
    pub next_url: String,
}

/// The answer to a gift.
#[derive(Serialize, ToSchema)]
pub struct GiftView {
    pub donation: GiftDonationView,
    pub payment: PaymentView,
    /// This answer repeats an earlier request with the same Idempotency-Key.
    pub replayed: bool,
}

/// Gives to a campaign (anyone): answers 202 with the pending donation and where to pay.
#[utoipa::path(post, path = "/api/v1/campaigns/{campaign_id}/gifts", tag = "donations",
    params(("campaign_id" = i64, Path), ("Idempotency-Key" = String, Header, description = "8 to 100 letters, digits, - or _")),
    request_body = GiftCreate,
    responses((status = 202, body = GiftView), (status = 200, description = "A replay", body = GiftView),
              (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    PathId(campaign_id): PathId,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> AppResult<(StatusCode, Json<GiftView>)> {
    let key = super::donations::idempotency_key(&headers)?;
    super::require_json(&headers)?;
    let parsed: GiftCreate = parse_json(&body)?;
    let input = GiftInput {
        amount: &parsed.amount,
        currency: &parsed.currency,
        method: &parsed.method,
        donor: parsed.donor.as_ref().map(|d| DonorIdentityInput {
            full_name: &d.full_name,
            document_type: &d.document_type,
            document_number: &d.document_number,
            country: &d.country,
        }),
    };
    let gift =
        parse_gift(&input, state.config.donor_identity_threshold).map_err(AppError::invalid)?;
    let (amount, method) = (gift.amount, gift.method);
    let hash = gift_request_hash(&state.config.identity_key, &body);
    let placed = place(&state, campaign_id, key, gift, hash).await?;
    let status = if placed.ack.replayed {
        StatusCode::OK
    } else {
        StatusCode::ACCEPTED
    };
    Ok((
        status,
        Json(GiftView {
            donation: GiftDonationView {
                id: placed.ack.id,
                campaign_id,
                status: placed.ack.status.as_str().to_owned(),
                amount: amount.to_string(),
                currency: CURRENCY.to_owned(),
                method: method.as_str().to_owned(),
                leaf_index: placed.ack.leaf_index,
                leaf_hash: placed.ack.leaf_hash.map(hex::encode),
            },
            payment: PaymentView {
                provider: placed.provider.to_owned(),
                reference: placed.reference,
                next_url: placed.next_url,
            },
            replayed: placed.ack.replayed,
        }),
    ))
}

/// The outcome of a callback.
#[derive(Serialize, ToSchema)]
pub struct CallbackAnswer {
    pub donation_id: i64,
    /// `confirmed` or `failed`.
    pub status: String,
    /// Nothing changed: the event was seen before or the donation already had this outcome.
    pub replayed: bool,
}

/// The payment provider's notification (authenticated by its `X-Twiza-Signature` only):
/// confirms a paid gift (logged in the same transaction) or marks it failed.
#[utoipa::path(post, path = "/api/v1/payments/callback", tag = "donations",
    params(("X-Twiza-Signature" = String, Header, description = "sha256=<hex HMAC-SHA256 of the raw body with the shared secret>")),
    request_body = crate::payments::CallbackBody,
    responses((status = 200, body = CallbackAnswer),
              (status = 400, body = ErrorBody, description = "`invalid_callback`: the body is not a notification of the provider"),
              (status = 401, body = ErrorBody, description = "`invalid_signature` or `stale_callback`"),
              (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn callback(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> AppResult<Json<CallbackAnswer>> {
    let provider = state.payments.as_ref().ok_or_else(AppError::not_found)?;
    let ack = accept_callback(provider.as_ref(), &state.sequencer, &headers, &body).await?;
    Ok(Json(CallbackAnswer {
        donation_id: ack.donation_id,
        status: ack.status.as_str().to_owned(),
        replayed: ack.replayed,
    }))
}

/// The fields of CMI's callback that Twiza reads (CMI sends more; every one is signed in
/// `HASH`). The handler reads the raw form; this type documents it.
#[derive(Deserialize, ToSchema)]
#[allow(dead_code)]
pub struct CmiCallbackFields {
    /// The order: the gift's payment reference.
    oid: String,
    /// Decimal string, e.g. `"250.00"`.
    amount: String,
    /// `504` (the dirham).
    currency: Option<String>,
    /// `00`: accepted; anything else: refused.
    #[serde(rename = "ProcReturnCode")]
    proc_return_code: Option<String>,
    /// CMI's id of the transaction.
    #[serde(rename = "TransId")]
    trans_id: Option<String>,
    /// The signature (`hashAlgorithm=ver3`).
    #[serde(rename = "HASH")]
    hash: String,
}

/// CMI's server-to-server callback (form-encoded, signed with the store key): answered
/// `ACTION=POSTAUTH` when it confirms the gift, `APPROVED` for a refused card (nothing
/// changes), `FAILURE` when it is not believed or does not match the gift (nothing changes).
#[utoipa::path(post, path = "/api/v1/payments/cmi/callback", tag = "donations",
    request_body(content = CmiCallbackFields, content_type = "application/x-www-form-urlencoded",
                 description = "CMI's callback fields, signed in `HASH`"),
    responses((status = 200, content_type = "text/plain", body = String,
               description = "`ACTION=POSTAUTH`, `APPROVED` or `FAILURE`"),
              (status = 404, body = ErrorBody, description = "CMI is not this site's provider")))]
pub async fn cmi_callback(
    State(state): State<AppState>,
    body: axum::body::Bytes,
) -> AppResult<Response> {
    let cmi = state.cmi.as_ref().ok_or_else(AppError::not_found)?;
    let answer = crate::payments::cmi::answer_callback(cmi, &state.sequencer, &body).await;
    Ok((
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        answer,
    )
        .into_response())
}

/// A gift as its donor follows it (anyone holding the reference; no donor data).
#[derive(Serialize, ToSchema)]
pub struct GiftStatusView {
    pub reference: String,
    pub donation: GiftDonationView,
    pub created_at: String,
    pub confirmed_at: Option<String>,
}

/// Where a gift stands.
#[utoipa::path(get, path = "/api/v1/gifts/{reference}", tag = "donations",
    params(("reference" = String, Path)),
    responses((status = 200, body = GiftStatusView), (status = 404, body = ErrorBody)))]
pub async fn show(
    State(state): State<AppState>,
    params: RawPathParams,
) -> AppResult<Json<GiftStatusView>> {
    let reference = params
        .iter()
        .find(|(n, _)| *n == "reference")
        .map(|(_, v)| v.to_owned())
        .filter(|r| is_payment_reference(r))
        .ok_or_else(AppError::not_found)?;
    let gift = state
        .store
        .gift_by_reference(&reference)
        .await?
        .ok_or_else(AppError::not_found)?;
    let rfc3339 = |t: time::OffsetDateTime| {
        t.format(&time::format_description::well_known::Rfc3339)
            .unwrap_or_default()
    };
    Ok(Json(GiftStatusView {
        reference,
        donation: GiftDonationView {
            id: gift.id,
            campaign_id: gift.campaign_id,
            status: gift.status.as_str().to_owned(),
            amount: gift.amount.to_string(),
            currency: CURRENCY.to_owned(),
            method: gift.method.as_str().to_owned(),
            leaf_index: gift.leaf_index,
            leaf_hash: gift.leaf_hash.map(hex::encode),
        },
        created_at: rfc3339(gift.created_at),
        confirmed_at: gift.confirmed_at.map(rfc3339),
    }))
}

/// A donor's identity, opened for the association's treasury.
#[derive(Serialize, ToSchema)]
pub struct DonorIdentityView {
    pub donation_id: i64,
    pub full_name: String,
    /// `cin` or `passport`.
    pub document_type: String,
    pub document_number: String,
    pub country: String,
}

/// The identity a donor gave (owners, admins and treasurers of the association only; every
/// read is recorded in the server log, without the identity).
#[utoipa::path(get, path = "/api/v1/campaigns/{campaign_id}/donations/{donation_id}/donor", tag = "donations",
    params(("campaign_id" = i64, Path), ("donation_id" = i64, Path)),
    responses((status = 200, body = DonorIdentityView), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn donor(
    State(state): State<AppState>,
    Extension(scope): Extension<OrgScope>,
    Extension(actor): Extension<Actor>,
    params: RawPathParams,
) -> AppResult<Response> {
    // Read-only platform roles reach the association's reads; donors' identities are not theirs.
    if !twiza_app::donations::reads_donors(&scope) {
        return Err(AppError::forbidden());
    }
    let id = |name: &str| {
        params
            .iter()
            .find(|(n, _)| *n == name)
            .and_then(|(_, v)| v.parse::<i64>().ok())
            .ok_or_else(AppError::not_found)
    };
    let (campaign_id, donation_id) = (id("campaign_id")?, id("donation_id")?);
    let identity = twiza_app::donations::read_donor_identity(
        &state.store,
        &state.config.personal_data,
        &scope,
        actor.user().map(|u| u.id),
        campaign_id,
        donation_id,
    )
    .await?;
    let (document_type, document_number) = match identity.document {
        IdDocument::Cin(n) => ("cin", n),
        IdDocument::Passport(n) => ("passport", n),
    };
    let view = DonorIdentityView {
        donation_id,
        full_name: identity.full_name,
        document_type: document_type.to_owned(),
        document_number,
        country: identity.country,
    };
    Ok(([(header::CACHE_CONTROL, "no-store")], Json(view)).into_response())
}
