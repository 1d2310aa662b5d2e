//! Text messages to phones from the web's side: the words of a delivery's code (queued in the
//! SMS outbox with the delivery; `twiza_app::sms` holds the gateways and the sender), and the
//! masking of numbers shown to users.

pub use twiza_app::sms::{codes_masked, masked, LogOnlySms};

/// Words a delivery's code in Arabic and French (the family's language is not known); it can
/// be sent when a gateway is configured.
pub struct CodeBySms<'a>(pub &'a crate::AppState);

impl twiza_app::logistics::CodeSender for CodeBySms<'_> {
    fn can_send(&self) -> bool {
        self.0.sms.is_some()
    }

    fn code_text(&self, code: &str) -> String {
        use twiza_i18n::{Arg, Locale};
        [Locale::Ar, Locale::Fr]
            .iter()
            .map(|l| {
                self.0
                    .messages
                    .t_args(*l, "sms-delivery-code", &[("code", Arg::Str(code))])
            })
            .collect::<Vec<_>>()
            .join(" / ")
    }
}
