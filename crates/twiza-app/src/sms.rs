//! Text messages to phones: sealing a message into the store's outbox (see `twiza_store`'s
//! `sms_outbox`), the gateways that carry them — Kannel's `sendsms` HTTP interface, a
//! Twilio-compatible REST API, and the log-only gateway of the demo and the tests, which
//! delivers nothing — and the background [`Sender`] that sends due messages at the gateway's
//! rate, records the gateway's id, and retries with a growing delay.
//!
//! Numbers and texts (a delivery's code is a secret) never reach a log or an error: failures are
//! recorded as codes, never as the gateway's words.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use twiza_domain::sms_segments::{segments, SmsEncoding};
use twiza_store::{sms_binding, DueSms, NewSms, PersonalDataKeys, Store};

/// Seals a message to `phone` for the outbox, under `idempotency_key` (the same key twice
/// queues one message).
pub fn seal(
    keys: &PersonalDataKeys,
    kind: &'static str,
    idempotency_key: String,
    phone: &str,
    text: &str,
) -> NewSms {
    NewSms {
        kind,
        recipient_sealed: keys.seal(&sms_binding(&idempotency_key, "recipient"), phone),
        recipient_index: keys.blind_index("phone", phone),
        text_sealed: keys.seal(&sms_binding(&idempotency_key, "text"), text),
        idempotency_key,
    }
}

/// Queues a message to `phone` in the outbox. Returns whether it was new.
pub async fn queue(
    store: &Store,
    keys: &PersonalDataKeys,
    (kind, idempotency_key): (&'static str, String),
    phone: &str,
    text: &str,
) -> crate::Result<bool> {
    Ok(store
        .queue_sms(&seal(keys, kind, idempotency_key, phone, text))
        .await?)
}

/// Kannel's `sendsms` interface (a `sendsms-user` of its smsbox).
#[derive(Clone)]
pub struct Kannel {
    /// `http://smsbox:13013/cgi-bin/sendsms`.
    pub sendsms_url: String,
    pub username: String,
    pub password: String,
    /// The sender shown on phones (a short code or a name), if the SMSC lets it be chosen.
    pub from: Option<String>,
    /// Where Kannel sends delivery reports: our `/channels/sms/kannel/dlr` with its secret
    /// (the message's id and Kannel's `%d` status are added); none: no reports asked.
    pub dlr_url: Option<String>,
}

/// Debug output leaves the password and the report address (it holds a secret) out.
impl std::fmt::Debug for Kannel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Kannel")
            .field("sendsms_url", &self.sendsms_url)
            .field("username", &self.username)
            .field("from", &self.from)
            .finish_non_exhaustive()
    }
}

/// Who a Twilio-compatible message is sent from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TwilioFrom {
    Number(String),
    MessagingService(String),
}

/// A Twilio-compatible REST API (`POST {api_base}/2010-04-01/Accounts/{sid}/Messages.json`).
#[derive(Clone)]
pub struct Twilio {
    /// `https://api.twilio.com`, without a trailing slash.
    pub api_base: String,
    pub account_sid: String,
    pub auth_token: String,
    pub from: TwilioFrom,
    /// Our `/channels/sms/twilio/status` address, if status callbacks are wanted.
    pub status_callback: Option<String>,
}

/// Debug output leaves the auth token out.
impl std::fmt::Debug for Twilio {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Twilio")
            .field("api_base", &self.api_base)
            .field("account_sid", &self.account_sid)
            .field("from", &self.from)
            .field("status_callback", &self.status_callback)
            .finish_non_exhaustive()
    }
}

/// The gateway messages leave through, as configured.
#[derive(Debug, Clone)]
pub enum Gateway {
    Kannel(Kannel),
    Twilio(Twilio),
    /// Delivers nothing (demo and tests).
    Log(Arc<LogOnlySms>),
}

impl Gateway {
    /// The gateway's name, recorded with each message it accepted.
    pub fn name(&self) -> &'static str {
        match self {
            Gateway::Kannel(_) => "kannel",
            Gateway::Twilio(_) => "twilio",
            Gateway::Log(_) => "log",
        }
    }
}

/// Why a message was not sent (a code, never the gateway's words: they may echo the number).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Failure {
    pub code: &'static str,
    /// Trying again will not help (the gateway refused this message).
    pub permanent: bool,
}

const UNAVAILABLE: Failure = Failure {
    code: "gateway_unavailable",
    permanent: false,
};
const REFUSED: Failure = Failure {
    code: "gateway_refused",
    permanent: true,
};

/// Attempts after which a message is given up.
pub const MAX_ATTEMPTS: i64 = 8;
/// How long a sender holds a message it claimed.
const CLAIM_SECS: i64 = 120;
/// Messages claimed per pass, at most (fewer at a low rate: see [`Sender::batch`]).
const BATCH: i64 = 50;
/// How long the gateway has to answer one message.
const HTTP_TIMEOUT_SECS: u64 = 20;

/// When to try again after `attempts` failed attempts: 15 s, 30 s, 1 min … at most an hour;
/// `None` once [`MAX_ATTEMPTS`] are spent.
pub fn retry_delay(attempts: i64) -> Option<i64> {
    (attempts < MAX_ATTEMPTS).then(|| (15_i64 << attempts.clamp(0, 12)).min(3600))
}

/// Sends the outbox's due messages through one gateway, at most `rate` messages per second.
pub struct Sender {
    gateway: Gateway,
    keys: PersonalDataKeys,
    interval: Duration,
    http: reqwest::Client,
}

impl std::fmt::Debug for Sender {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Sender")
            .field("gateway", &self.gateway)
            .field("interval", &self.interval)
            .finish_non_exhaustive()
    }
}

impl Sender {
    /// A sender through `gateway`, opening messages with `keys`, at most `rate_per_second`
    /// messages a second (at least one a minute).
    pub fn new(gateway: Gateway, keys: PersonalDataKeys, rate_per_second: f64) -> Sender {
        let rate = if rate_per_second.is_finite() {
            rate_per_second.clamp(1.0 / 60.0, 10_000.0)
        } else {
            1.0
        };
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(HTTP_TIMEOUT_SECS))
            .build()
            .unwrap_or_default();
        Sender {
            gateway,
            keys,
            interval: Duration::from_secs_f64(1.0 / rate),
            http,
        }
    }

    pub fn gateway(&self) -> &Gateway {
        &self.gateway
    }

    /// Messages claimed per pass: what the rate sends in half a claim's time, so that a pass
    /// ends well before its claim does.
    pub fn batch(&self) -> i64 {
        let in_half_a_claim = (CLAIM_SECS as f64 / 2.0) / self.interval.as_secs_f64();
        (in_half_a_claim.floor() as i64).clamp(1, BATCH)
    }

    /// Whether messages are really delivered (false for the log-only gateway).
    pub fn delivers(&self) -> bool {
        !matches!(self.gateway, Gateway::Log(_))
    }

    /// Sends what is due now, once each, spaced to the gateway's rate; a failure is tried
    /// again later with a growing delay, and given up after [`MAX_ATTEMPTS`] or at once when
    /// the gateway refuses the message. Returns how many messages were sent.
    pub async fn send_due(&self, store: &Store) -> crate::Result<usize> {
        let due = store
            .claim_due_sms(twiza_store::now(), self.batch(), CLAIM_SECS)
            .await?;
        let started = std::time::Instant::now();
        // A message is sent only while its claim holds, with time left for the gateway's
        // answer; the rest is claimed again once the claim ends.
        let claim_left = Duration::from_secs(CLAIM_SECS.unsigned_abs() - HTTP_TIMEOUT_SECS - 5);
        let mut sent = 0;
        for (i, sms) in due.iter().enumerate() {
            if i > 0 {
                tokio::time::sleep(self.interval).await;
            }
            if started.elapsed() > claim_left {
                break;
            }
            match self.send(sms).await {
                Ok(provider_id) => {
                    store
                        .sms_sent(sms.id, self.gateway.name(), provider_id.as_deref())
                        .await?;
                    sent += 1;
                    tracing::info!(
                        sms_id = sms.id,
                        kind = %sms.kind,
                        gateway = self.gateway.name(),
                        "text message accepted by the gateway"
                    );
                }
                Err(failure) => {
                    let retry = if failure.permanent {
                        None
                    } else {
                        retry_delay(sms.attempts + 1).map(|d| twiza_store::now() + d)
                    };
                    tracing::warn!(
                        sms_id = sms.id,
                        kind = %sms.kind,
                        gateway = self.gateway.name(),
                        error = failure.code,
                        given_up = retry.is_none(),
                        "text message not sent"
                    );
                    store
                        .sms_attempt_failed(sms.id, failure.code, retry)
                        .await?;
                }
            }
        }
        Ok(sent)
    }

    /// Opens and sends one message; the gateway's id for it, if it gives one.
    async fn send(&self, sms: &DueSms) -> Result<Option<String>, Failure> {
        let unreadable = Failure {
            code: "unreadable",
            permanent: true,
        };
        let to = self
            .keys
            .open(
                &sms_binding(&sms.idempotency_key, "recipient"),
                &sms.recipient_sealed,
            )
            .map_err(|_| unreadable)?;
        let text = self
            .keys
            .open(&sms_binding(&sms.idempotency_key, "text"), &sms.text_sealed)
            .map_err(|_| unreadable)?;
        match &self.gateway {
            Gateway::Kannel(k) => self.send_kannel(k, sms.id, &to, &text).await,
            Gateway::Twilio(t) => self.send_twilio(t, sms.id, &to, &text).await,
            Gateway::Log(log) => log.send(&to, &text).map(|()| None).map_err(|_| UNAVAILABLE),
        }
    }

    async fn send_kannel(
        &self,
        k: &Kannel,
        outbox_id: i64,
        to: &str,
        text: &str,
    ) -> Result<Option<String>, Failure> {
        let mut query: Vec<(&str, String)> = vec![
            ("username", k.username.clone()),
            ("password", k.password.clone()),
            ("to", to.to_owned()),
            ("text", text.to_owned()),
            ("charset", "UTF-8".to_owned()),
        ];
        if segments(text).encoding == SmsEncoding::Ucs2 {
            query.push(("coding", "2".to_owned()));
        }
        if let Some(from) = &k.from {
            query.push(("from", from.clone()));
        }
        if let Some(dlr) = &k.dlr_url {
            let sep = if dlr.contains('?') { '&' } else { '?' };
            query.push(("dlr-mask", "31".to_owned()));
            // Kannel replaces %d with the report's status when it calls the address.
            query.push(("dlr-url", format!("{dlr}{sep}id={outbox_id}&status=%d")));
        }
        let response = self
            .http
            .get(&k.sendsms_url)
            .query(&query)
            .send()
            .await
            .map_err(|_| UNAVAILABLE)?;
        let status = response.status();
        if status.is_success() {
            return Ok(None);
        }
        Err(failure_of(status.as_u16()))
    }

    async fn send_twilio(
        &self,
        t: &Twilio,
        outbox_id: i64,
        to: &str,
        text: &str,
    ) -> Result<Option<String>, Failure> {
        let url = format!(
            "{}/2010-04-01/Accounts/{}/Messages.json",
            t.api_base.trim_end_matches('/'),
            t.account_sid
        );
        let mut form: Vec<(&str, &str)> = vec![("To", to), ("Body", text)];
        match &t.from {
            TwilioFrom::Number(n) => form.push(("From", n)),
            TwilioFrom::MessagingService(s) => form.push(("MessagingServiceSid", s)),
        }
        // The callback names the message by our id, so that a report arriving before the
        // gateway's id is recorded still finds it.
        let callback = t.status_callback.as_ref().map(|callback| {
            let sep = if callback.contains('?') { '&' } else { '?' };
            format!("{callback}{sep}id={outbox_id}")
        });
        if let Some(callback) = &callback {
            form.push(("StatusCallback", callback));
        }
        let response = self
            .http
            .post(url)
            .basic_auth(&t.account_sid, Some(&t.auth_token))
            .form(&form)
            .send()
            .await
            .map_err(|_| UNAVAILABLE)?;
        let status = response.status();
        if !status.is_success() {
            return Err(failure_of(status.as_u16()));
        }
        #[derive(serde::Deserialize)]
        struct Created {
            sid: String,
        }
        // Accepted: an answer that cannot be read is no reason to send the message twice.
        match response.json::<Created>().await {
            Ok(created) => Ok(Some(created.sid)),
            Err(_) => {
                tracing::warn!(
                    sms_id = outbox_id,
                    "the gateway accepted a text message with an unreadable answer"
                );
                Ok(None)
            }
        }
    }
}

/// What an HTTP refusal means: the message itself refused (400, 404, 413, 422) is given up;
/// anything else (credentials being fixed, rate limits, the gateway down) is tried again.
fn failure_of(status: u16) -> Failure {
    match status {
        400 | 404 | 413 | 422 => REFUSED,
        _ => UNAVAILABLE,
    }
}

/// Sends the outbox in the background for as long as the process runs: a pass every second.
pub fn spawn_sender(store: Store, sender: Arc<Sender>) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        loop {
            if let Err(e) = sender.send_due(&store).await {
                tracing::error!(error = %e, "the text-message outbox could not be read");
            }
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
    })
}

/// Messages kept in memory by [`LogOnlySms`].
const KEPT: usize = 256;

/// The log-only gateway refused a message (its file could not be written).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the text message could not be written")]
pub struct LogOnlyError;

/// Delivers nothing: logs the text without the number (and with codes masked) and keeps the
/// last messages in memory; for the demo, also writes each message whole to a file that plays
/// the family's phone.
#[derive(Default)]
pub struct LogOnlySms {
    sent: Mutex<VecDeque<(String, String)>>,
    phone: Option<Mutex<std::fs::File>>,
}

impl std::fmt::Debug for LogOnlySms {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LogOnlySms").finish_non_exhaustive()
    }
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

    /// "Sends" a message: the log, the phone file, the memory.
    pub fn send(&self, to: &str, text: &str) -> Result<(), LogOnlyError> {
        tracing::info!(
            text = codes_masked(text),
            "text message (log-only gateway: nothing is delivered; the number is not logged)"
        );
        if let Some(phone) = &self.phone {
            use std::io::Write;
            let line = serde_json::json!({"to": masked(to), "text": text});
            let mut file = phone.lock().map_err(|_| LogOnlyError)?;
            writeln!(file, "{line}").map_err(|_| LogOnlyError)?;
        }
        let mut sent = self.sent.lock().map_err(|_| LogOnlyError)?;
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

/// A phone number with all but its first three and last two digits hidden, to tell the user
/// where a code went.
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
    fn retries_wait_longer_each_time_up_to_an_hour_and_stop() {
        assert_eq!(retry_delay(0), Some(15));
        assert_eq!(retry_delay(1), Some(30));
        assert_eq!(retry_delay(7), Some(1920));
        assert_eq!(retry_delay(MAX_ATTEMPTS - 1), Some(1920));
        assert_eq!(retry_delay(MAX_ATTEMPTS), None);
        assert!((0..MAX_ATTEMPTS).all(|a| retry_delay(a).is_some_and(|d| d <= 3600)));
    }

    #[test]
    fn a_pass_claims_what_the_rate_sends_in_half_a_claim() {
        let keys = PersonalDataKeys::new(std::collections::BTreeMap::from([(1, [7; 32])]), [3; 32])
            .expect("keys");
        let at = |rate: f64| {
            Sender::new(
                Gateway::Log(Arc::new(LogOnlySms::default())),
                keys.clone(),
                rate,
            )
            .batch()
        };
        assert_eq!(at(100.0), BATCH);
        assert_eq!(at(0.2), 12);
        assert_eq!(at(1.0 / 60.0), 1);
    }

    #[test]
    fn the_log_only_gateway_keeps_the_text_and_masks_the_number() {
        let sms = LogOnlySms::default();
        sms.send("+212612345678", "code 123456").expect("sent");
        assert_eq!(sms.last_to("+212612345678").as_deref(), Some("code 123456"));
        assert_eq!(sms.last_to("+212600000000"), None);
        assert_eq!(masked("+212612345678"), "+212•••••••78");
        assert_eq!(
            codes_masked("Twiza: code 482913 pour 3 tentes (N-7)"),
            "Twiza: code •••••• pour 3 tentes (N-7)"
        );
    }

    #[test]
    fn secrets_never_print() {
        let twilio = Twilio {
            api_base: "https://api.twilio.com".into(),
            account_sid: "AC1".into(),
            auth_token: "hunter2-token".into(),
            from: TwilioFrom::Number("+15005550006".into()),
            status_callback: None,
        };
        let kannel = Kannel {
            sendsms_url: "http://127.0.0.1:13013/cgi-bin/sendsms".into(),
            username: "twiza".into(),
            password: "hunter2-password".into(),
            from: None,
            dlr_url: Some("http://x/dlr?secret=hunter2-dlr".into()),
        };
        let printed = format!("{twilio:?} {kannel:?}");
        assert!(!printed.contains("hunter2"), "{printed}");
    }

    #[test]
    fn refusals_of_the_message_are_given_up_and_the_rest_retried() {
        assert!(failure_of(400).permanent);
        assert!(!failure_of(401).permanent);
        assert!(!failure_of(429).permanent);
        assert!(!failure_of(503).permanent);
    }
}
