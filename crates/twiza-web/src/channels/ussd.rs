//! `POST /channels/ussd/africastalking`: the USSD callback of an Africa's Talking-compatible
//! gateway (form `sessionId`, `serviceCode`, `phoneNumber`, `networkCode`, `text`), answered in
//! plain text starting `CON ` (another screen) or `END ` (the last). Only the configured gateway
//! addresses are served, with the configured secret in the address when there is one (403
//! otherwise), only the configured service code (`END` with a short message otherwise), and at
//! most the configured steps a minute (by default [`STEPS_PER_MINUTE`]) from one phone; without `[ussd]` the route answers
//! 404.

use crate::error::{AppError, AppResult};
use crate::AppState;
use axum::extract::{RawQuery, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Form;
use twiza_app::phone::ussd::{answer, both, UssdReply, UssdRequest};

/// Steps one phone may take in a minute, across its sessions, unless configured otherwise.
pub const STEPS_PER_MINUTE: u32 = 30;

/// The gateway's form. Every field is optional so that a malformed request gets a clear `END`
/// instead of a rejection the gateway cannot show.
#[derive(serde::Deserialize)]
pub struct UssdForm {
    #[serde(rename = "sessionId")]
    session_id: Option<String>,
    #[serde(rename = "serviceCode")]
    service_code: Option<String>,
    #[serde(rename = "phoneNumber")]
    phone_number: Option<String>,
    #[serde(rename = "networkCode")]
    _network_code: Option<String>,
    text: Option<String>,
}

fn plain(status: StatusCode, reply: &UssdReply) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        reply.to_text(),
    )
        .into_response()
}

/// `POST /channels/ussd/africastalking`.
pub async fn africastalking(
    State(state): State<AppState>,
    client: crate::pages::ClientAddress,
    RawQuery(query): RawQuery,
    Form(form): Form<UssdForm>,
) -> AppResult<Response> {
    let Some(setting) = state.config.ussd.as_ref() else {
        return Err(AppError::not_found());
    };
    let allowed = client
        .0
        .parse::<std::net::IpAddr>()
        .is_ok_and(|ip| setting.allowed_addresses.contains(&ip));
    let secret_given = || {
        serde_urlencoded::from_str::<Vec<(String, String)>>(query.as_deref().unwrap_or_default())
            .ok()
            .and_then(|q| q.into_iter().find(|(n, _)| n == "secret").map(|(_, v)| v))
            .unwrap_or_default()
    };
    let signed = setting
        .secret
        .as_deref()
        .is_none_or(|expected| crate::authz::constant_time_eq(&secret_given(), expected));
    if !allowed || !signed {
        return Ok((StatusCode::FORBIDDEN, "forbidden").into_response());
    }
    let messages = &state.phone_messages;
    let service = form.service_code.as_deref().unwrap_or_default().trim();
    if service != setting.service_code {
        let reply = UssdReply::End(both(messages, "ussd-wrong-service"));
        return Ok(plain(StatusCode::OK, &reply));
    }
    let (Some(session_id), Some(phone)) = (
        form.session_id
            .filter(|s| !s.trim().is_empty() && s.len() <= 200),
        form.phone_number.filter(|p| !p.trim().is_empty()),
    ) else {
        let reply = UssdReply::End(both(messages, "phone-error"));
        return Ok(plain(StatusCode::OK, &reply));
    };
    // A phone that sends more steps than a person can type is told to wait.
    let index = twiza_app::phone::normalize_phone(&phone)
        .map(|number| state.config.personal_data.blind_index("phone", &number));
    if index.is_some_and(|index| !state.ussd_phones.allow(&index)) {
        let reply = UssdReply::End(both(messages, "sms-too-many"));
        return Ok(plain(StatusCode::OK, &reply));
    }
    let request = UssdRequest {
        session_id,
        phone,
        text: form.text.unwrap_or_default(),
    };
    let reply = answer(&super::phone(&state), &request).await;
    Ok(plain(StatusCode::OK, &reply))
}
