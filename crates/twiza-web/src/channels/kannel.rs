//! Kannel's webhooks: an `sms-service` calls `GET|POST /channels/sms/kannel` with the sender
//! (`%p`), the message's id (`%I`), the text (`%a` in `text=`, or the body of a `post-url`
//! request) and the shared secret as query parameters, and sends our `text/plain` answer back to
//! the phone (an empty answer: no reply). Delivery reports arrive at
//! `GET /channels/sms/kannel/dlr` (the `dlr-url` our sender gives, with the secret, the
//! message's outbox id and Kannel's `%d` status). Both check the secret (constant time) and the
//! client's address against the allowed ones.

use super::{InboundSms, MAX_BODY_BYTES, MAX_TEXT_BYTES};
use crate::error::{AppError, AppResult};
use crate::AppState;
use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::{header, Extensions, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

/// The route of Kannel's `sms-service`.
pub const INBOUND_PATH: &str = "/channels/sms/kannel";
/// The route of Kannel's delivery reports.
pub const DLR_PATH: &str = "/channels/sms/kannel/dlr";

/// Checks the secret and the client's address: 404 when Kannel's channel is off, 403 when the
/// secret is wrong or the address not allowed.
fn authenticate(state: &AppState, extensions: &Extensions, secret: Option<&str>) -> AppResult<()> {
    let channels = &state.config.sms_channels;
    let Some(expected) = &channels.kannel_secret else {
        return Err(AppError::not_found());
    };
    if !crate::authz::constant_time_eq(secret.unwrap_or_default(), expected) {
        return Err(AppError::forbidden());
    }
    if !channels.kannel_allowed_addresses.is_empty() {
        let client = extensions
            .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
            .map(|c| c.0.ip());
        if !client.is_some_and(|ip| channels.kannel_allowed_addresses.contains(&ip)) {
            return Err(AppError::forbidden());
        }
    }
    Ok(())
}

/// The query of an `sms-service` call.
#[derive(Deserialize)]
pub struct InboundQuery {
    secret: Option<String>,
    from: Option<String>,
    id: Option<String>,
    text: Option<String>,
}

/// `GET|POST /channels/sms/kannel`: a message from a phone; the answer's body is the reply.
pub async fn inbound(
    State(state): State<AppState>,
    extensions: Extensions,
    Query(query): Query<InboundQuery>,
    body: Bytes,
) -> AppResult<Response> {
    authenticate(&state, &extensions, query.secret.as_deref())?;
    if body.len() > MAX_BODY_BYTES {
        return Err(super::too_large());
    }
    let text = match query.text {
        Some(text) => text,
        None => {
            String::from_utf8(body.to_vec()).map_err(|_| AppError::bad_request("bad_request"))?
        }
    };
    if text.len() > MAX_TEXT_BYTES {
        return Err(super::too_large());
    }
    let (Some(from), Some(message_id)) = (query.from, query.id) else {
        return Err(AppError::bad_request("bad_request"));
    };
    let sms = InboundSms {
        gateway: "kannel",
        message_id,
        from,
        text,
    };
    let reply = super::conversation::answer_sms(&state, sms).await;
    Ok((
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        reply.unwrap_or_default(),
    )
        .into_response())
}

/// The query of a delivery report.
#[derive(Deserialize)]
pub struct DlrQuery {
    secret: Option<String>,
    id: Option<String>,
    status: Option<String>,
}

/// `GET /channels/sms/kannel/dlr`: a delivery report about a message we sent, recorded against
/// it (404 when no message has the id).
pub async fn delivery_report(
    State(state): State<AppState>,
    extensions: Extensions,
    Query(query): Query<DlrQuery>,
) -> AppResult<StatusCode> {
    authenticate(&state, &extensions, query.secret.as_deref())?;
    let (Some(id), Some(raw)) = (
        query
            .id
            .as_deref()
            .and_then(|i| i.trim().parse::<i64>().ok()),
        query.status,
    ) else {
        return Err(AppError::bad_request("bad_request"));
    };
    match state
        .store
        .record_sms_report(id, super::report_status_of_kannel(&raw), &raw)
        .await
    {
        Ok(()) => Ok(StatusCode::NO_CONTENT),
        Err(twiza_store::StoreError::NotFound) => Err(AppError::not_found()),
        Err(e) => Err(e.into()),
    }
}
