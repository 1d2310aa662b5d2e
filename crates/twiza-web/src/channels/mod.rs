//! Feature-phone channels' transport: the inbound webhooks of the SMS gateways (Twilio-compatible and
//! Kannel), their authentication (Twilio's signature; Kannel's shared secret and allowed
//! addresses), their delivery reports, and the one [`InboundSms`] every gateway's message
//! becomes before [`conversation::answer_sms`] answers it.
//!
//! A channel whose secret is not configured does not exist (404). Numbers and texts never go
//! to logs or errors.

pub mod conversation;
pub mod kannel;
pub mod twilio;
pub mod ussd;

use crate::error::AppError;
use axum::http::StatusCode;

/// A text message received from a phone, whichever gateway brought it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InboundSms {
    /// `twilio` or `kannel`.
    pub gateway: &'static str,
    /// The gateway's id of the message (deduplication key with `gateway`).
    pub message_id: String,
    /// The sender's number: personal data, never logged.
    pub from: String,
    pub text: String,
}

/// The largest text read (bytes, UTF-8 or UTF-16): the longest concatenated SMS (1,600
/// characters) passes in any script, and a text longer in characters than the conversation
/// reads is answered that it is too long; beyond this no gateway sends a text message (413).
pub const MAX_TEXT_BYTES: usize = 8 * 1024;
/// The largest webhook request body accepted (a form of the text and the gateway's fields).
pub const MAX_BODY_BYTES: usize = 16 * 1024;

/// The SMS channels' settings: the webhooks' secrets, the public address the gateways call,
/// and the outbound rate.
#[derive(Clone)]
pub struct SmsChannels {
    /// The public address of the site as the gateways call it (`https://twiza.example.ma`):
    /// Twilio signs the full address of the route, so the signature is checked against this,
    /// never against the `Host` header.
    pub public_base_url: Option<String>,
    /// The auth token of the Twilio-compatible account; none: its webhooks are off (404).
    pub twilio_auth_token: Option<String>,
    /// The secret Kannel's `get-url`/`post-url` and `dlr-url` carry; none: Kannel's routes are
    /// off (404).
    pub kannel_secret: Option<String>,
    /// The addresses Kannel's smsbox calls from; empty: any (the secret alone).
    pub kannel_allowed_addresses: Vec<std::net::IpAddr>,
    /// Messages sent per second at most through the outbound gateway.
    pub rate_per_second: f64,
}

impl Default for SmsChannels {
    fn default() -> Self {
        SmsChannels {
            public_base_url: None,
            twilio_auth_token: None,
            kannel_secret: None,
            kannel_allowed_addresses: Vec::new(),
            rate_per_second: 10.0,
        }
    }
}

/// Debug output leaves the secrets out.
impl std::fmt::Debug for SmsChannels {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SmsChannels")
            .field("public_base_url", &self.public_base_url)
            .field("twilio", &self.twilio_auth_token.is_some())
            .field("kannel", &self.kannel_secret.is_some())
            .field("kannel_allowed_addresses", &self.kannel_allowed_addresses)
            .field("rate_per_second", &self.rate_per_second)
            .finish()
    }
}

impl SmsChannels {
    /// The public address of a route of ours (`/channels/sms/twilio`), if the base is known.
    pub fn public_url(&self, path: &str) -> Option<String> {
        self.public_base_url
            .as_deref()
            .map(|base| format!("{}{path}", base.trim_end_matches('/')))
    }
}

/// A text too long for an SMS conversation: 413 `payload_too_large`.
pub(crate) fn too_large() -> AppError {
    AppError::new(StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large")
}

/// What a gateway's delivery status means, as the outbox's reports record it.
pub fn report_status_of_kannel(dlr: &str) -> &'static str {
    match dlr.trim() {
        "1" => "delivered",
        "2" | "16" => "failed",
        "4" => "queued",
        "8" => "accepted",
        _ => "unknown",
    }
}

/// What a Twilio `MessageStatus` means, as the outbox's reports record it.
pub fn report_status_of_twilio(status: &str) -> &'static str {
    match status {
        "delivered" | "read" => "delivered",
        "failed" | "undelivered" | "canceled" => "failed",
        "queued" | "sending" | "scheduled" | "accepted" => "queued",
        "sent" => "accepted",
        _ => "unknown",
    }
}

/// `[ussd]`: the service code the USSD callback answers, the addresses it accepts requests
/// from (the gateway's) and the secret its address carries.
#[derive(Clone, PartialEq, Eq)]
pub struct UssdSetting {
    /// `*1212#`: requests for another code get a short `END`.
    pub service_code: String,
    /// The gateway's client addresses; a request from elsewhere is refused (403).
    pub allowed_addresses: Vec<std::net::IpAddr>,
    /// A secret the callback's address carries (`?secret=…`), when set: a request without it is
    /// refused (403) even from an allowed address.
    pub secret: Option<String>,
}

/// Debug output leaves the secret out.
impl std::fmt::Debug for UssdSetting {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UssdSetting")
            .field("service_code", &self.service_code)
            .field("allowed_addresses", &self.allowed_addresses)
            .field("secret", &self.secret.is_some())
            .finish()
    }
}

/// The app layer's phone context over the server's parts.
pub(crate) fn phone(state: &crate::AppState) -> twiza_app::phone::Phone<'_> {
    twiza_app::phone::Phone {
        store: &state.store,
        intake: &state.need_intake,
        keys: &state.config.personal_data,
        hash_key: &state.config.identity_key,
        deadlines: &state.config.grievance_deadlines,
        messages: &state.phone_messages,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_compare_whole() {
        use crate::authz::constant_time_eq as same_secret;
        assert!(same_secret("abc123", "abc123"));
        assert!(!same_secret("abc124", "abc123"));
        assert!(!same_secret("abc12", "abc123"));
        assert!(!same_secret("", "abc123"));
    }

    #[test]
    fn settings_never_print_their_secrets() {
        let channels = SmsChannels {
            twilio_auth_token: Some("hunter2-token".into()),
            kannel_secret: Some("hunter2-secret".into()),
            ..Default::default()
        };
        assert!(!format!("{channels:?}").contains("hunter2"));
    }
}
