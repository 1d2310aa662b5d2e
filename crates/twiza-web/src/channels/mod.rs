//! Feature-phone channels: inbound text messages handed over by the SMS gateways and the USSD
//! callbacks of an Africa's Talking-compatible gateway. The faces here translate; what Twiza
//! answers lives in `twiza_app::phone`.

pub mod conversation;
pub mod ussd;

/// A text message received by an SMS gateway, as its webhook hands it over.
pub struct InboundSms {
    pub gateway: &'static str,
    pub message_id: String,
    pub from: String,
    pub text: String,
}

/// `[ussd]`: the service code the USSD callback answers and the addresses it accepts requests
/// from (the gateway's).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UssdSetting {
    /// `*1212#`: requests for another code get a short `END`.
    pub service_code: String,
    /// The gateway's client addresses; a request from elsewhere is refused (403).
    pub allowed_addresses: Vec<std::net::IpAddr>,
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
