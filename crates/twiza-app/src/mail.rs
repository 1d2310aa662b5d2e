//! E-mail: messages composed in the recipient's language from the message files, queued in the
//! store's outbox (see `twiza_store`'s `mail_outbox`), and sent by a background [`Sender`] —
//! over SMTP with `lettre`, or through the *log* transport of the demo and the tests, which
//! records that a message went out and never its recipient, subject or body (they hold personal
//! data and one-time links).
//!
//! Also the notifications that go to an association's members: an expense waits for approval,
//! an authorization was decided, a transfer arrived.

use std::sync::Arc;
use std::time::Duration;
use twiza_domain::{OrgId, OrgRole, UserId};
use twiza_i18n::{Arg, Locale, Messages};
use twiza_store::{MailRecipient, NewMail, Store};

/// How messages leave, as configured: not at all, into the log (demo and tests), or by SMTP.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MailMode {
    Off,
    Log,
    Smtp,
}

/// What composing and queueing messages needs: the message files, the site's public address
/// (the links' base) and whether e-mail is on. Cheap to clone.
#[derive(Clone)]
pub struct Mail {
    messages: Arc<Messages>,
    base_url: String,
    mode: MailMode,
}

impl std::fmt::Debug for Mail {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mail")
            .field("base_url", &self.base_url)
            .field("mode", &self.mode)
            .finish_non_exhaustive()
    }
}

impl Mail {
    /// `base_url` is the site's public address (`https://twiza.example.ma`), without a
    /// trailing slash.
    pub fn new(messages: Arc<Messages>, base_url: &str, mode: MailMode) -> Mail {
        Mail {
            messages,
            base_url: base_url.trim_end_matches('/').to_owned(),
            mode,
        }
    }

    /// Whether messages are queued at all.
    pub fn is_on(&self) -> bool {
        self.mode != MailMode::Off
    }

    pub fn mode(&self) -> MailMode {
        self.mode
    }

    /// A text of the message files in `locale`.
    pub fn text(&self, locale: Locale, key: &str) -> String {
        self.messages.t(locale, key)
    }

    /// The absolute address of a path of the site.
    pub fn link(&self, path: &str) -> String {
        format!("{}{path}", self.base_url)
    }

    /// A message of `kind` in `locale`: its subject is `mail-{kind}-subject` and its body
    /// `mail-{kind}-body` in the message files, both given `args`.
    pub fn compose(
        &self,
        locale: Locale,
        kind: &'static str,
        dedupe_key: String,
        recipient: &str,
        args: &[(&str, Arg<'_>)],
    ) -> NewMail {
        let key = kind.replace('_', "-");
        NewMail {
            kind,
            dedupe_key,
            recipient: recipient.to_owned(),
            subject: self
                .messages
                .t_args(locale, &format!("mail-{key}-subject"), args),
            body_text: self
                .messages
                .t_args(locale, &format!("mail-{key}-body"), args),
        }
    }
}

/// The language of a recipient's messages: the one their account last used, else `fallback`
/// (the language of the person whose action causes the message).
pub fn recipient_locale(stored: Option<&str>, fallback: Locale) -> Locale {
    stored.and_then(Locale::from_tag).unwrap_or(fallback)
}

/// The association's name in `locale` (Arabic for Arabic and Tamazight readers, else French).
fn org_name(locale: Locale, name_ar: &str, name_fr: &str) -> String {
    match locale {
        Locale::Ar | Locale::Zgh => name_ar.to_owned(),
        _ => name_fr.to_owned(),
    }
}

/// Queues one message per recipient, built by `compose` in the recipient's language.
async fn notify(
    store: &Store,
    recipients: &[MailRecipient],
    fallback: Locale,
    compose: impl Fn(Locale, &MailRecipient) -> NewMail,
) -> crate::Result<u64> {
    let mails: Vec<NewMail> = recipients
        .iter()
        .map(|r| compose(recipient_locale(r.locale.as_deref(), fallback), r))
        .collect();
    if mails.is_empty() {
        return Ok(0);
    }
    Ok(store.queue_mail(&mails).await?)
}

/// Roles told about an association's money: its owners and treasurers.
const MONEY_ROLES: [OrgRole; 2] = [OrgRole::Owner, OrgRole::Treasurer];

/// Tells the owners and treasurers of the campaign's association that its authorization was
/// granted or refused (nothing while it is still requested). Queued once per campaign and
/// member. Returns how many messages were queued.
pub async fn authorization_decided(
    store: &Store,
    mail: &Mail,
    campaign_id: i64,
    fallback: Locale,
) -> crate::Result<u64> {
    use twiza_domain::campaign::AuthorizationStatus;
    if !mail.is_on() {
        return Ok(0);
    }
    let campaign = store
        .campaign(campaign_id)
        .await?
        .ok_or(crate::Error::NotFound)?;
    let kind = match campaign.authorization.status {
        AuthorizationStatus::Granted => "authorization_granted",
        AuthorizationStatus::Refused => "authorization_refused",
        _ => return Ok(0),
    };
    let recipients = store.mail_recipients(campaign.org_id, &MONEY_ROLES).await?;
    let link = mail.link(&format!("/campaigns/{campaign_id}/desk"));
    notify(store, &recipients, fallback, |locale, r| {
        let title = org_name(locale, &campaign.title_ar, &campaign.title_fr);
        mail.compose(
            locale,
            kind,
            format!("authorization_decided:{campaign_id}:{}", r.user_id.0),
            &r.email,
            &[("campaign", Arg::Str(&title)), ("link", Arg::Str(&link))],
        )
    })
    .await
}

/// Tells the owners and treasurers of association `org` but the author that expense
/// `expense_id` waits for their approval; `path` is the page where it is approved.
pub async fn expense_waiting(
    store: &Store,
    mail: &Mail,
    org: OrgId,
    expense_id: i64,
    author: UserId,
    path: &str,
    fallback: Locale,
) -> crate::Result<u64> {
    if !mail.is_on() {
        return Ok(0);
    }
    let association = store
        .organization(org)
        .await?
        .ok_or(crate::Error::NotFound)?;
    let mut recipients = store.mail_recipients(org, &MONEY_ROLES).await?;
    recipients.retain(|r| r.user_id != author);
    let link = mail.link(path);
    notify(store, &recipients, fallback, |locale, r| {
        let name = org_name(locale, &association.name_ar, &association.name_fr);
        mail.compose(
            locale,
            "expense_waiting",
            format!("expense_waiting:{expense_id}:{}", r.user_id.0),
            &r.email,
            &[("association", Arg::Str(&name)), ("link", Arg::Str(&link))],
        )
    })
    .await
}

/// Tells the owners and treasurers of the receiving association `to_org` that transfer
/// `transfer_id` arrived and waits for their confirmation on the page at `path`.
pub async fn transfer_arrived(
    store: &Store,
    mail: &Mail,
    to_org: OrgId,
    transfer_id: i64,
    path: &str,
    fallback: Locale,
) -> crate::Result<u64> {
    if !mail.is_on() {
        return Ok(0);
    }
    let association = store
        .organization(to_org)
        .await?
        .ok_or(crate::Error::NotFound)?;
    let recipients = store.mail_recipients(to_org, &MONEY_ROLES).await?;
    let link = mail.link(path);
    notify(store, &recipients, fallback, |locale, r| {
        let name = org_name(locale, &association.name_ar, &association.name_fr);
        mail.compose(
            locale,
            "transfer_arrived",
            format!("transfer_arrived:{transfer_id}:{}", r.user_id.0),
            &r.email,
            &[("association", Arg::Str(&name)), ("link", Arg::Str(&link))],
        )
    })
    .await
}

/// How an SMTP connection is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Security {
    /// Plain text: only to a server on this machine.
    None,
    /// Plain connection upgraded with STARTTLS (refused if the server cannot).
    StartTls,
    /// TLS from the first byte (SMTPS, usually port 465).
    Tls,
}

/// The SMTP server's settings.
#[derive(Clone)]
pub struct SmtpSettings {
    pub host: String,
    pub port: u16,
    pub security: Security,
    /// Username and password, if the server asks for them.
    pub credentials: Option<(String, String)>,
}

/// Debug output leaves the credentials out.
impl std::fmt::Debug for SmtpSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SmtpSettings")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("security", &self.security)
            .field("credentials", &self.credentials.as_ref().map(|_| "…"))
            .finish()
    }
}

/// The sender could not be set up (an invalid address or server name).
#[derive(Debug, thiserror::Error)]
#[error("e-mail: {0}")]
pub struct SetupError(String);

type Smtp = lettre::AsyncSmtpTransport<lettre::Tokio1Executor>;

enum Transport {
    Log,
    Smtp(Smtp),
}

/// Sends the outbox's due messages.
pub struct Sender {
    transport: Transport,
    from: lettre::message::Mailbox,
}

/// Attempts after which a message is given up.
pub const MAX_ATTEMPTS: i64 = 8;
/// How long a sender holds a message it claimed.
const CLAIM_SECS: i64 = 120;
/// Messages sent per pass.
const BATCH: i64 = 20;

/// When to try again after `attempts` failed attempts: 30 s, 1 min, 2 min … at most an hour;
/// `None` once `MAX_ATTEMPTS` are spent.
pub fn retry_delay(attempts: i64) -> Option<i64> {
    (attempts < MAX_ATTEMPTS).then(|| (30_i64 << attempts.clamp(0, 10)).min(3600))
}

impl Sender {
    fn from_mailbox(
        address: &str,
        name: Option<&str>,
    ) -> Result<lettre::message::Mailbox, SetupError> {
        let address = address
            .parse()
            .map_err(|_| SetupError("invalid from address".to_owned()))?;
        Ok(lettre::message::Mailbox::new(
            name.map(str::to_owned),
            address,
        ))
    }

    /// The log transport: records that each message was sent, and nothing of it.
    pub fn log(from_address: &str, from_name: Option<&str>) -> Result<Sender, SetupError> {
        Ok(Sender {
            transport: Transport::Log,
            from: Sender::from_mailbox(from_address, from_name)?,
        })
    }

    /// SMTP with `settings`.
    pub fn smtp(
        settings: &SmtpSettings,
        from_address: &str,
        from_name: Option<&str>,
    ) -> Result<Sender, SetupError> {
        use lettre::transport::smtp::authentication::Credentials;
        let bad_host = |_| SetupError("invalid SMTP host".to_owned());
        let builder = match settings.security {
            Security::None => Smtp::builder_dangerous(&settings.host),
            Security::StartTls => Smtp::starttls_relay(&settings.host).map_err(bad_host)?,
            Security::Tls => Smtp::relay(&settings.host).map_err(bad_host)?,
        };
        let mut builder = builder
            .port(settings.port)
            .timeout(Some(Duration::from_secs(30)));
        if let Some((user, password)) = &settings.credentials {
            builder = builder.credentials(Credentials::new(user.clone(), password.clone()));
        }
        Ok(Sender {
            transport: Transport::Smtp(builder.build()),
            from: Sender::from_mailbox(from_address, from_name)?,
        })
    }

    /// Sends what is due now, once each; a failure is tried again later with a growing delay,
    /// and given up after [`MAX_ATTEMPTS`] or at once when the server refuses for good.
    /// Returns how many messages were sent.
    pub async fn send_due(&self, store: &Store) -> crate::Result<usize> {
        let now = twiza_store::now();
        let due = store.claim_due_mail(now, BATCH, CLAIM_SECS).await?;
        let mut sent = 0;
        for mail in due {
            match self.send(&mail).await {
                Ok(()) => {
                    store.mail_sent(mail.id).await?;
                    sent += 1;
                    match self.transport {
                        Transport::Log => tracing::info!(
                            mail_id = mail.id,
                            kind = %mail.kind,
                            "e-mail sent to the log only (log transport: nothing is delivered)"
                        ),
                        Transport::Smtp(_) => {
                            tracing::info!(mail_id = mail.id, kind = %mail.kind, "e-mail sent")
                        }
                    }
                }
                Err(failure) => {
                    let retry = if failure.permanent {
                        None
                    } else {
                        retry_delay(mail.attempts + 1).map(|d| twiza_store::now() + d)
                    };
                    tracing::warn!(
                        mail_id = mail.id,
                        kind = %mail.kind,
                        error = failure.code,
                        given_up = retry.is_none(),
                        "e-mail not sent"
                    );
                    store
                        .mail_attempt_failed(mail.id, failure.code, retry)
                        .await?;
                }
            }
        }
        Ok(sent)
    }

    async fn send(&self, mail: &twiza_store::DueMail) -> Result<(), Failure> {
        use lettre::AsyncTransport;
        let to: lettre::Address = mail.recipient.parse().map_err(|_| Failure {
            code: "invalid_recipient",
            permanent: true,
        })?;
        let message = lettre::Message::builder()
            .from(self.from.clone())
            .to(lettre::message::Mailbox::new(None, to))
            .subject(mail.subject.clone())
            .header(lettre::message::header::ContentType::TEXT_PLAIN)
            .body(mail.body_text.clone())
            .map_err(|_| Failure {
                code: "invalid_message",
                permanent: true,
            })?;
        match &self.transport {
            Transport::Log => Ok(()),
            Transport::Smtp(smtp) => smtp.send(message).await.map(|_| ()).map_err(|e| Failure {
                code: if e.is_permanent() {
                    "smtp_refused"
                } else {
                    "smtp_unavailable"
                },
                permanent: e.is_permanent(),
            }),
        }
    }
}

/// Why a message was not sent (a code, never the server's words: they may echo the address).
struct Failure {
    code: &'static str,
    permanent: bool,
}

/// Sends the outbox in the background for as long as the process runs: a pass every two
/// seconds.
pub fn spawn_sender(store: Store, sender: Sender) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        loop {
            if let Err(e) = sender.send_due(&store).await {
                tracing::error!(error = %e, "the e-mail outbox could not be read");
            }
            tokio::time::sleep(Duration::from_secs(2)).await;
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_wait_longer_each_time_and_stop() {
        assert_eq!(retry_delay(0), Some(30));
        assert_eq!(retry_delay(1), Some(60));
        assert_eq!(retry_delay(7), Some(3600));
        assert_eq!(retry_delay(MAX_ATTEMPTS), None);
    }

    #[test]
    fn a_recipient_reads_the_language_they_used_else_the_senders() {
        assert_eq!(recipient_locale(Some("fr"), Locale::Ar), Locale::Fr);
        assert_eq!(recipient_locale(None, Locale::Zgh), Locale::Zgh);
        assert_eq!(recipient_locale(Some("xx"), Locale::En), Locale::En);
    }

    #[test]
    fn smtp_credentials_never_print() {
        let settings = SmtpSettings {
            host: "smtp.example".into(),
            port: 587,
            security: Security::StartTls,
            credentials: Some(("user".into(), "hunter2-secret".into())),
        };
        assert!(!format!("{settings:?}").contains("hunter2"));
    }
}
