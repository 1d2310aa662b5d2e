//! `POST /channels/ussd/africastalking`: the USSD callback of an Africa's Talking-compatible
//! gateway (form `sessionId`, `serviceCode`, `phoneNumber`, `networkCode`, `text`), answered in
//! plain text starting `CON ` (another screen) or `END ` (the last). Only the configured gateway
//! addresses are served (403 otherwise) and only the configured service code (`END` with a
//! short message otherwise); without `[ussd]` the route answers 404.

use crate::error::{AppError, AppResult};
use crate::AppState;
use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Form;
use twiza_app::phone::ussd::{answer, both, UssdReply, UssdRequest};

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
    Form(form): Form<UssdForm>,
) -> AppResult<Response> {
    let Some(setting) = state.config.ussd.as_ref() else {
        return Err(AppError::not_found());
    };
    let allowed = client
        .0
        .parse::<std::net::IpAddr>()
        .is_ok_and(|ip| setting.allowed_addresses.contains(&ip));
    if !allowed {
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
    let request = UssdRequest {
        session_id,
        phone,
        text: form.text.unwrap_or_default(),
    };
    let reply = answer(&super::phone(&state), &request).await;
    Ok(plain(StatusCode::OK, &reply))
}
