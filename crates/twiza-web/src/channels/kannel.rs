//! Kannel's webhooks: an `sms-service` calls `GET|POST /channels/sms/kannel` with the sender
//! (`%p`), the message's id (`%I`), its coding and charset (`%c`, `%C`), the text as the phone
//! sent it (`%b` in `text=`, or the body of a `post-url` request; UTF-16 for a UCS-2 message)
//! and the shared secret as query parameters, and sends our `text/plain` answer back to the
//! phone (an empty answer: no reply), with `X-Kannel-Coding: 2` when it needs UCS-2. Delivery reports arrive at
//! `GET /channels/sms/kannel/dlr` (the `dlr-url` our sender gives, with the secret, the
//! message's outbox id and Kannel's `%d` status). Both check the secret (constant time) and the
//! client's address against the allowed ones.

use super::{InboundSms, MAX_BODY_BYTES, MAX_TEXT_BYTES};
use crate::error::{AppError, AppResult};
use crate::AppState;
use axum::body::Bytes;
use axum::extract::{Query, RawQuery, State};
use axum::http::{header, Extensions, HeaderMap, HeaderName, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use twiza_domain::sms_segments::{segments, SmsEncoding};

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

/// A query's parameters with their values as bytes: Kannel's `%b` is the message as the phone
/// sent it, and a UCS-2 message's bytes are UTF-16, not UTF-8.
fn query_bytes(raw: &str) -> Vec<(String, Vec<u8>)> {
    raw.split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            let decode = |s: &str| -> Vec<u8> {
                percent_encoding::percent_decode(s.replace('+', " ").as_bytes()).collect()
            };
            (
                String::from_utf8_lossy(&decode(name)).into_owned(),
                decode(value),
            )
        })
        .collect()
}

/// A message's text from its bytes and what Kannel says of them (`%c`, the coding: `2` is
/// UCS-2; `%C`, the charset): UTF-16 big-endian when the charset or the coding says so, else
/// UTF-8, else ISO-8859-1 (Kannel's own for 7-bit messages it could not give as UTF-8). `None`
/// when UTF-16 bytes do not make text.
pub fn decode_text(bytes: &[u8], coding: Option<&str>, charset: Option<&str>) -> Option<String> {
    let charset = charset.map(|c| c.trim().to_ascii_lowercase());
    let utf16 = match charset.as_deref() {
        Some(c) if !c.is_empty() => {
            c.starts_with("utf-16") || c.starts_with("ucs-2") || c == "ucs2"
        }
        _ => coding.map(str::trim) == Some("2"),
    };
    if utf16 {
        if !bytes.len().is_multiple_of(2) {
            return None;
        }
        let units: Vec<u16> = bytes
            .chunks_exact(2)
            .map(|pair| u16::from_be_bytes([pair[0], pair[1]]))
            .collect();
        return String::from_utf16(&units).ok();
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Some(text.to_owned()),
        Err(_) => Some(bytes.iter().map(|&b| char::from(b)).collect()),
    }
}

/// `GET|POST /channels/sms/kannel`: a message from a phone; the answer's body is the reply.
/// The query carries `secret`, `from` (`%p`), `id` (`%I`), `coding` (`%c`), `charset` (`%C`)
/// and, for `get-url`, `text` (`%b`); a `post-url` request carries the text as its body.
pub async fn inbound(
    State(state): State<AppState>,
    extensions: Extensions,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
    body: Bytes,
) -> AppResult<Response> {
    let params = query_bytes(query.as_deref().unwrap_or_default());
    let param = |name: &str| {
        params
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_slice())
    };
    let param_text = |name: &str| param(name).map(|v| String::from_utf8_lossy(v).into_owned());
    authenticate(&state, &extensions, param_text("secret").as_deref())?;
    if body.len() > MAX_BODY_BYTES {
        return Err(super::too_large());
    }
    let body_charset = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').find_map(|p| p.trim().strip_prefix("charset=")))
        .map(|c| c.trim_matches('"').to_owned());
    let coding = param_text("coding");
    let (bytes, charset) = match param("text") {
        Some(text) => (text, param_text("charset")),
        None => (&body[..], param_text("charset").or(body_charset)),
    };
    if bytes.len() > MAX_TEXT_BYTES {
        return Err(super::too_large());
    }
    let text = decode_text(bytes, coding.as_deref(), charset.as_deref())
        .ok_or_else(|| AppError::bad_request("bad_request"))?;
    let (Some(from), Some(message_id)) = (param_text("from"), param_text("id")) else {
        return Err(AppError::bad_request("bad_request"));
    };
    let sms = InboundSms {
        gateway: "kannel",
        message_id,
        from,
        text,
    };
    let reply = super::conversation::answer_sms(&state, sms).await;
    let reply = reply.unwrap_or_default();
    // Kannel sends a reply in the SMSC's default alphabet unless told that it needs UCS-2
    // (the sms-service must accept X-Kannel headers).
    let coding = match segments(&reply).encoding {
        SmsEncoding::Ucs2 => "2",
        SmsEncoding::Gsm7 => "0",
    };
    Ok((
        [
            (header::CONTENT_TYPE, "text/plain; charset=utf-8"),
            (HeaderName::from_static("x-kannel-coding"), coding),
        ],
        reply,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_read_in_the_coding_kannel_names() {
        // "حاجة" as a phone sends it in UCS-2.
        let ucs2 = [0x06, 0x2D, 0x06, 0x27, 0x06, 0x2C, 0x06, 0x29];
        assert_eq!(decode_text(&ucs2, Some("2"), None).as_deref(), Some("حاجة"));
        assert_eq!(
            decode_text(&ucs2, Some("2"), Some("UTF-16BE")).as_deref(),
            Some("حاجة")
        );
        assert_eq!(decode_text(&ucs2[..7], Some("2"), None), None);
        assert_eq!(
            decode_text("Besoin".as_bytes(), Some("0"), Some("UTF-8")).as_deref(),
            Some("Besoin")
        );
        // ISO-8859-1 bytes that are no UTF-8.
        assert_eq!(
            decode_text(b"arr\xeat", Some("0"), None).as_deref(),
            Some("arrêt")
        );
        let pairs = query_bytes("secret=s&text=%06%2D%06%27&from=%2B212600&coding=2");
        assert_eq!(pairs[1], ("text".to_owned(), vec![0x06, 0x2D, 0x06, 0x27]));
        assert_eq!(pairs[2].1, b"+212600".to_vec());
    }
}
