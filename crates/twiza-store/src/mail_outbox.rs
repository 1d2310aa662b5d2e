//! E-mail's durable part: the outbox of messages to send, the one-time links that messages carry
//! (invitations and password resets, stored only as SHA-256 hashes, each single use with an
//! expiry), and the language an account last used, in which its messages are written.
//!
//! A message is queued in the same transaction as the change that causes it where the change
//! is written here (an invitation, a password link). Queueing is idempotent: a message's
//! `dedupe_key` is unique, and a second one with the same key is not queued. A sender *claims*
//! a due message for a while before sending it, so that two senders never send one message at
//! once; once sent (or given up), its recipient, subject and body are erased.

use crate::{expect_one, now, refuse_on_unique, Result, Store, StoreError};
use sqlx::AnyConnection;
use twiza_domain::ids::InvitationId;
use twiza_domain::{OrgId, OrgRole, Refusal, UserId};

/// A message to queue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewMail {
    /// What it is about (`invitation`, `password_link`…): the only thing logs show.
    pub kind: &'static str,
    /// The same key twice queues one message.
    pub dedupe_key: String,
    /// Personal data: never log it.
    pub recipient: String,
    pub subject: String,
    /// Plain text; may hold a one-time link: never log it.
    pub body_text: String,
}

/// A message a sender claimed, to send now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueMail {
    pub id: i64,
    pub kind: String,
    pub recipient: String,
    pub subject: String,
    pub body_text: String,
    /// Attempts made before this one.
    pub attempts: i64,
}

/// A message as the outbox keeps it (recipient, subject and body are empty once sent or given
/// up).
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct MailRecord {
    pub id: i64,
    pub kind: String,
    pub recipient: String,
    pub subject: String,
    pub body_text: String,
    pub attempts: i64,
    pub next_attempt_at: i64,
    pub sent_at: Option<i64>,
    pub failed_at: Option<i64>,
    pub last_error: Option<String>,
}

/// Someone a notification goes to: their address and the language they last used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MailRecipient {
    pub user_id: UserId,
    /// Personal data: never log it.
    pub email: String,
    /// A language tag (`ar`, `fr`, `zgh`, `en`), if the account has used one.
    pub locale: Option<String>,
}

/// A one-time link's secret, as stored (its SHA-256 in hex) with its expiry (Unix seconds).
#[derive(Debug, Clone, Copy)]
pub struct LinkHash<'a> {
    pub token_hash: &'a str,
    pub expires_at: i64,
}

/// Condition of a message that is waiting to be sent (not sent, not given up).
const WAITING: &str = "sent_at IS NULL AND failed_at IS NULL";

/// Queues `mail` on `conn` (inside the caller's transaction). Returns whether it was queued
/// (false: a message with its key was queued before).
pub(crate) async fn queue_mail_in(conn: &mut AnyConnection, mail: &NewMail) -> Result<bool> {
    let now = now();
    let done = sqlx::query(
        "INSERT INTO mail_outbox (kind, dedupe_key, recipient, subject, body_text, created_at, \
         next_attempt_at) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (dedupe_key) DO NOTHING",
    )
    .bind(mail.kind)
    .bind(&mail.dedupe_key)
    .bind(&mail.recipient)
    .bind(&mail.subject)
    .bind(&mail.body_text)
    .bind(now)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

impl Store {
    /// Queues messages in one transaction. Returns how many were new (a key already queued is
    /// skipped).
    pub async fn queue_mail(&self, mails: &[NewMail]) -> Result<u64> {
        let mut tx = self.writer().begin().await?;
        let mut queued = 0;
        for mail in mails {
            if queue_mail_in(&mut tx, mail).await? {
                queued += 1;
            }
        }
        tx.commit().await?;
        Ok(queued)
    }

    /// Claims up to `limit` messages due at `now` for `hold_secs` (another sender skips them
    /// meanwhile) and returns them, oldest first.
    pub async fn claim_due_mail(
        &self,
        now: i64,
        limit: i64,
        hold_secs: i64,
    ) -> Result<Vec<DueMail>> {
        let candidates: Vec<(i64,)> = sqlx::query_as(&format!(
            "SELECT id FROM mail_outbox WHERE {WAITING} AND next_attempt_at <= $1 \
             AND (claimed_until IS NULL OR claimed_until < $1) ORDER BY next_attempt_at, id LIMIT $2"
        ))
        .bind(now)
        .bind(limit)
        .fetch_all(self.reader())
        .await?;
        let mut claimed = Vec::new();
        for (id,) in candidates {
            let row: Option<(i64, String, String, String, String, i64)> = sqlx::query_as(&format!(
                "UPDATE mail_outbox SET claimed_until = $1 WHERE id = $2 AND {WAITING} \
                 AND (claimed_until IS NULL OR claimed_until < $3) \
                 RETURNING id, kind, recipient, subject, body_text, attempts"
            ))
            .bind(now + hold_secs)
            .bind(id)
            .bind(now)
            .fetch_optional(self.writer())
            .await?;
            if let Some((id, kind, recipient, subject, body_text, attempts)) = row {
                claimed.push(DueMail {
                    id,
                    kind,
                    recipient,
                    subject,
                    body_text,
                    attempts,
                });
            }
        }
        Ok(claimed)
    }

    /// Records that message `id` was sent, and erases its recipient, subject and body.
    pub async fn mail_sent(&self, id: i64) -> Result<()> {
        let done = sqlx::query(&format!(
            "UPDATE mail_outbox SET sent_at = $1, claimed_until = NULL, attempts = attempts + 1, \
             recipient = '', subject = '', body_text = '', last_error = NULL \
             WHERE id = $2 AND {WAITING}"
        ))
        .bind(now())
        .bind(id)
        .execute(self.writer())
        .await?;
        expect_one(done)
    }

    /// Records a failed attempt at message `id` with its error code: tried again at `retry_at`,
    /// or, without one, given up (and its recipient, subject and body erased).
    pub async fn mail_attempt_failed(
        &self,
        id: i64,
        error: &str,
        retry_at: Option<i64>,
    ) -> Result<()> {
        let error: String = error.chars().take(200).collect();
        let done = match retry_at {
            Some(at) => {
                sqlx::query(&format!(
                    "UPDATE mail_outbox SET attempts = attempts + 1, claimed_until = NULL, \
                     next_attempt_at = $1, last_error = $2 WHERE id = $3 AND {WAITING}"
                ))
                .bind(at)
                .bind(error)
                .bind(id)
                .execute(self.writer())
                .await?
            }
            None => {
                sqlx::query(&format!(
                    "UPDATE mail_outbox SET attempts = attempts + 1, claimed_until = NULL, \
                     failed_at = $1, last_error = $2, recipient = '', subject = '', \
                     body_text = '' WHERE id = $3 AND {WAITING}"
                ))
                .bind(now())
                .bind(error)
                .bind(id)
                .execute(self.writer())
                .await?
            }
        };
        expect_one(done)
    }

    /// The latest messages of the outbox, newest first (for tests and operators).
    pub async fn mail_outbox(&self, limit: i64) -> Result<Vec<MailRecord>> {
        Ok(sqlx::query_as(
            "SELECT id, kind, recipient, subject, body_text, attempts, next_attempt_at, sent_at, \
             failed_at, last_error FROM mail_outbox ORDER BY id DESC LIMIT $1",
        )
        .bind(limit)
        .fetch_all(self.reader())
        .await?)
    }

    /// The open invitation whose link has this hash, if it has not expired at `now`.
    pub async fn invitation_by_link(
        &self,
        token_hash: &str,
        now: i64,
    ) -> Result<Option<crate::Invitation>> {
        let row: Option<(i64, i64, String, String, String, String)> = sqlx::query_as(
            "SELECT i.id, i.organization_id, o.name_fr, o.name_ar, i.email, i.role \
             FROM invitations i JOIN organizations o ON o.id = i.organization_id \
             WHERE i.token_hash = $1 AND i.accepted_at IS NULL AND i.token_expires_at > $2",
        )
        .bind(token_hash)
        .bind(now)
        .fetch_optional(self.reader())
        .await?;
        row.map(|(id, org, name_fr, name_ar, email, role)| {
            Ok(crate::Invitation {
                id: InvitationId(id),
                org_id: OrgId(org),
                org_name_fr: name_fr,
                org_name_ar: name_ar,
                email,
                role: OrgRole::parse(&role).ok_or(StoreError::Corrupt("role"))?,
            })
        })
        .transpose()
    }

    /// Accepts the invitation whose link has this hash on behalf of `user_id`, once: the
    /// link must be open and unexpired at `now`. Not found otherwise; `already_member` if the
    /// account already belongs to the association (nothing written then).
    pub async fn accept_invitation_by_link(
        &self,
        token_hash: &str,
        user_id: UserId,
        now: i64,
    ) -> Result<OrgId> {
        let mut tx = self.writer().begin().await?;
        let row: Option<(i64, i64, String)> = sqlx::query_as(
            "UPDATE invitations SET accepted_at = $1 WHERE token_hash = $2 \
             AND accepted_at IS NULL AND token_expires_at > $1 \
             RETURNING id, organization_id, role",
        )
        .bind(now)
        .bind(token_hash)
        .fetch_optional(&mut *tx)
        .await?;
        let (_, org_id, role) = row.ok_or(StoreError::NotFound)?;
        sqlx::query(
            "INSERT INTO memberships (organization_id, user_id, role, created_at) VALUES ($1, $2, $3, $4)",
        )
        .bind(org_id)
        .bind(user_id.0)
        .bind(role)
        .bind(now)
        .execute(&mut *tx)
        .await
        .map_err(refuse_on_unique(Refusal::AlreadyMember))?;
        tx.commit().await?;
        Ok(OrgId(org_id))
    }

    /// Records a password link for `user_id` (its hash and expiry) and queues the message that
    /// carries it, in one transaction.
    pub async fn create_password_link(
        &self,
        user_id: UserId,
        link: LinkHash<'_>,
        mail: &NewMail,
    ) -> Result<()> {
        let mut tx = self.writer().begin().await?;
        sqlx::query(
            "INSERT INTO password_links (token_hash, user_id, created_at, expires_at) \
             VALUES ($1, $2, $3, $4)",
        )
        .bind(link.token_hash)
        .bind(user_id.0)
        .bind(now())
        .bind(link.expires_at)
        .execute(&mut *tx)
        .await?;
        queue_mail_in(&mut tx, mail).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The account of an unused password link that has not expired at `now`.
    pub async fn password_link_user(&self, token_hash: &str, now: i64) -> Result<Option<UserId>> {
        let row: Option<(i64,)> = sqlx::query_as(
            "SELECT user_id FROM password_links WHERE token_hash = $1 AND used_at IS NULL \
             AND expires_at > $2",
        )
        .bind(token_hash)
        .bind(now)
        .fetch_optional(self.reader())
        .await?;
        Ok(row.map(|(id,)| UserId(id)))
    }

    /// Sets a new password through an unused, unexpired password link, at once: the link and
    /// every other open link of the account are used up, and every session of the account
    /// ends. Not found when the link is unknown, used or expired (nothing written).
    pub async fn reset_password_with_link(
        &self,
        token_hash: &str,
        password_hash: &str,
        now: i64,
    ) -> Result<UserId> {
        let mut tx = self.writer().begin().await?;
        let row: Option<(i64,)> = sqlx::query_as(
            "UPDATE password_links SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL \
             AND expires_at > $1 RETURNING user_id",
        )
        .bind(now)
        .bind(token_hash)
        .fetch_optional(&mut *tx)
        .await?;
        let (user_id,) = row.ok_or(StoreError::NotFound)?;
        sqlx::query(
            "UPDATE password_links SET used_at = $1 WHERE user_id = $2 AND used_at IS NULL",
        )
        .bind(now)
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
        sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
            .bind(password_hash)
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM web_sessions WHERE user_id = $1")
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(UserId(user_id))
    }

    /// Remembers the language an account uses (a tag such as `ar`), for its messages.
    pub async fn set_user_locale(&self, user_id: UserId, locale: &str) -> Result<()> {
        sqlx::query(
            "UPDATE users SET locale = $1 WHERE id = $2 AND (locale IS NULL OR locale <> $1)",
        )
        .bind(locale)
        .bind(user_id.0)
        .execute(self.writer())
        .await?;
        Ok(())
    }

    /// The language an account last used, if any.
    pub async fn user_locale(&self, user_id: UserId) -> Result<Option<String>> {
        let row: Option<(Option<String>,)> =
            sqlx::query_as("SELECT locale FROM users WHERE id = $1")
                .bind(user_id.0)
                .fetch_optional(self.reader())
                .await?;
        Ok(row.and_then(|(l,)| l))
    }

    /// The members of association `org_id` holding one of `roles`, with their address and
    /// language, in user id order.
    pub async fn mail_recipients(
        &self,
        org_id: OrgId,
        roles: &[OrgRole],
    ) -> Result<Vec<MailRecipient>> {
        let rows: Vec<(i64, String, Option<String>, String)> = sqlx::query_as(
            "SELECT u.id, u.email, u.locale, m.role FROM memberships m \
             JOIN users u ON u.id = m.user_id WHERE m.organization_id = $1 ORDER BY u.id",
        )
        .bind(org_id.0)
        .fetch_all(self.reader())
        .await?;
        Ok(rows
            .into_iter()
            .filter(|(_, _, _, role)| roles.iter().any(|r| r.as_str() == role))
            .map(|(id, email, locale, _)| MailRecipient {
                user_id: UserId(id),
                email,
                locale,
            })
            .collect())
    }
}
