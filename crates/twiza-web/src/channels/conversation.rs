//! The conversations held over SMS: what Twiza answers to a text message from a phone.
//!
//! Placeholder: replaced by the conversations module (SMS commands, deduplication on the
//! gateway's message id, the limit per phone). Until then nothing is answered.

use super::InboundSms;

/// The reply to `sms`, if any (`None`: no reply is sent).
pub async fn answer_sms(state: &crate::AppState, sms: InboundSms) -> Option<String> {
    // Replaced by the conversations module.
    let _ = (state, sms);
    None
}
