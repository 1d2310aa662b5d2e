//! Text messages to phones: the [`SmsGateway`] trait that a real operator's gateway implements,
//! and the log-only gateway of the demo and the tests, which sends nothing: it writes the text
//! (never the number, and with codes masked) to the server's log and keeps the last messages in
//! memory.

use std::collections::VecDeque;
use std::sync::Mutex;

/// Texts a delivery's code through the configured gateway, in Arabic and French (the family's
/// language is not known).
pub struct CodeBySms<'a>(pub &'a crate::AppState);

impl twiza_app::logistics::CodeSender for CodeBySms<'_> {
    fn send_code(&self, phone: &str, code: &str) -> Result<(), twiza_app::logistics::SendFailed> {
        use twiza_i18n::{Arg, Locale};
        let text = [Locale::Ar, Locale::Fr]
            .iter()
            .map(|l| {
                self.0
                    .messages
                    .t_args(*l, "sms-delivery-code", &[("code", Arg::Str(code))])
            })
            .collect::<Vec<_>>()
            .join(" / ");
        self.0
            .sms
            .send(phone, &text)
            .map_err(|_| twiza_app::logistics::SendFailed)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the text message could not be sent")]
pub struct SmsError;

/// Sends a text message.
pub trait SmsGateway: Send + Sync {
    fn send(&self, to: &str, text: &str) -> Result<(), SmsError>;
}

/// Messages kept in memory by [`LogOnlySms`].
const KEPT: usize = 256;

/// Sends nothing: logs the text without the number and keeps the last messages; for the demo,
/// also writes each message whole to a file that plays the family's phone.
#[derive(Default)]
pub struct LogOnlySms {
    sent: Mutex<VecDeque<(String, String)>>,
    phone: Option<Mutex<std::fs::File>>,
}

impl LogOnlySms {
    /// A log-only gateway whose messages also arrive, one JSON line each (`to` masked, `text`
    /// whole), in the file at `path`: the demo's stand-in for the recipients' phones.
    pub fn with_phone_file(path: &std::path::Path) -> std::io::Result<LogOnlySms> {
        let file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)?;
        Ok(LogOnlySms {
            sent: Mutex::default(),
            phone: Some(Mutex::new(file)),
        })
    }

    /// The last text sent to `to`, if any.
    pub fn last_to(&self, to: &str) -> Option<String> {
        let sent = self.sent.lock().ok()?;
        sent.iter()
            .rev()
            .find(|(phone, _)| phone == to)
            .map(|(_, text)| text.clone())
    }
}

impl SmsGateway for LogOnlySms {
    fn send(&self, to: &str, text: &str) -> Result<(), SmsError> {
        tracing::info!(
            text = codes_masked(text),
            "text message (log-only gateway; the number is not logged)"
        );
        if let Some(phone) = &self.phone {
            use std::io::Write;
            let line = serde_json::json!({"to": masked(to), "text": text});
            let mut file = phone.lock().map_err(|_| SmsError)?;
            writeln!(file, "{line}").map_err(|_| SmsError)?;
        }
        let mut sent = self.sent.lock().map_err(|_| SmsError)?;
        if sent.len() == KEPT {
            sent.pop_front();
        }
        sent.push_back((to.to_owned(), text.to_owned()));
        Ok(())
    }
}

/// A text with every run of four digits or more hidden: a delivery's code proves the delivery,
/// so it never reaches a log.
pub fn codes_masked(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let run = chars[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        if run >= 4 {
            out.extend(std::iter::repeat_n('•', run));
            i += run;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

/// A phone number with all but its last two digits hidden, to tell the user where a code went.
pub fn masked(phone: &str) -> String {
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    phone
        .chars()
        .scan(0, |seen, c| {
            if c.is_ascii_digit() {
                *seen += 1;
                Some(if *seen + 2 > digits || *seen <= 3 {
                    c
                } else {
                    '•'
                })
            } else {
                Some(c)
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_text_and_masks_the_number() {
        let sms = LogOnlySms::default();
        sms.send("+212612345678", "code 123456").unwrap();
        assert_eq!(sms.last_to("+212612345678").as_deref(), Some("code 123456"));
        assert_eq!(sms.last_to("+212600000000"), None);
        assert_eq!(masked("+212612345678"), "+212•••••••78");
    }

    #[test]
    fn codes_never_reach_the_log() {
        assert_eq!(
            codes_masked("Twiza: code 482913 pour 3 tentes (N-7)"),
            "Twiza: code •••••• pour 3 tentes (N-7)"
        );
        assert_eq!(codes_masked("ⵜⴰⵏⴰⵎⵎⵉⵔⵜ 1234"), "ⵜⴰⵏⴰⵎⵎⵉⵔⵜ ••••");
    }
}
