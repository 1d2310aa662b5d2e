//! What Twiza answers to an inbound SMS: the gateways' webhooks call [`answer_sms`] and send
//! the reply back (none: no reply). The commands are `twiza_app::phone::sms`'s.

/// The reply to an inbound text message, or `None` when none is due (over the rate again, or
/// no sender).
pub async fn answer_sms(state: &crate::AppState, sms: super::InboundSms) -> Option<String> {
    let incoming = twiza_app::phone::sms::IncomingSms {
        gateway: sms.gateway.to_owned(),
        message_id: sms.message_id,
        from: sms.from,
        text: sms.text,
    };
    twiza_app::phone::sms::answer(&super::phone(state), &incoming).await
}
