//! Text messages' durable part: the outbox of messages to phones and the delivery reports the
//! gateways send back about them.
//!
//! The number and the text are sealed by the caller (personal-data keys, bound with
//! [`sms_binding`] to the message's idempotency key and the field) and the number has a blind
//! index; the store never sees them in clear. Queueing is idempotent on the key, and can happen
//! in the caller's transaction. A sender *claims* a due message for a while (a lease column,
//! taken by a conditional `UPDATE`, so several senders on several nodes never send one message
//! twice at once); once sent or given up, the sealed number and text are erased.

use crate::{expect_one, now, Result, Store};
use sqlx::AnyConnection;

/// A message to queue, already sealed.
#[derive(Clone, PartialEq, Eq)]
pub struct NewSms {
    /// What it is (`delivery_code`…): the only thing logs show.
    pub kind: &'static str,
    /// The same key twice queues one message.
    pub idempotency_key: String,
    /// The number sealed with [`sms_binding`]`(key, "recipient")`.
    pub recipient_sealed: Vec<u8>,
    /// The number's blind index (kind `phone`).
    pub recipient_index: String,
    /// The text sealed with [`sms_binding`]`(key, "text")`.
    pub text_sealed: Vec<u8>,
}

/// Debug output leaves the sealed values out.
impl std::fmt::Debug for NewSms {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NewSms")
            .field("kind", &self.kind)
            .finish_non_exhaustive()
    }
}

/// A message a sender claimed, to open and send now.
#[derive(Clone, PartialEq, Eq)]
pub struct DueSms {
    pub id: i64,
    pub kind: String,
    pub idempotency_key: String,
    pub recipient_sealed: Vec<u8>,
    pub text_sealed: Vec<u8>,
    /// Attempts made before this one.
    pub attempts: i64,
}

/// Debug output leaves the sealed values out.
impl std::fmt::Debug for DueSms {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DueSms")
            .field("id", &self.id)
            .field("kind", &self.kind)
            .field("attempts", &self.attempts)
            .finish_non_exhaustive()
    }
}

/// A message as the outbox keeps it, without its sealed values.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct SmsRecord {
    pub id: i64,
    pub kind: String,
    pub idempotency_key: String,
    pub recipient_index: String,
    /// `waiting`, `sent` or `failed`.
    pub state: String,
    pub attempts: i64,
    pub next_attempt_at: i64,
    pub gateway: Option<String>,
    pub provider_id: Option<String>,
    pub sent_at: Option<i64>,
    pub failed_at: Option<i64>,
    pub last_error: Option<String>,
    /// Bytes of the sealed number and text: 0 once erased.
    pub sealed_bytes: i64,
}

/// A delivery report recorded against a message.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct SmsReport {
    pub outbox_id: i64,
    /// `delivered`, `failed`, `queued`, `accepted` or `unknown`.
    pub status: String,
    /// The gateway's own status code.
    pub raw_status: String,
    pub reported_at: i64,
}

/// What a message's sealed field is bound to: its idempotency key and the field (`recipient`,
/// `text`).
pub fn sms_binding(idempotency_key: &str, field: &str) -> Vec<u8> {
    let mut b = b"twiza-sms-v1\n".to_vec();
    b.extend_from_slice(field.as_bytes());
    b.push(b'\n');
    b.extend_from_slice(idempotency_key.as_bytes());
    b
}

/// A claimed row: id, kind, key, sealed number, sealed text, attempts.
type ClaimedRow = (i64, String, String, Vec<u8>, Vec<u8>, i64);

/// The report statuses the table holds.
pub const REPORT_STATUSES: [&str; 5] = ["delivered", "failed", "queued", "accepted", "unknown"];

/// Queues `sms` on `conn` (inside the caller's transaction). Returns whether it was queued
/// (false: a message with its key was queued before).
pub(crate) async fn queue_sms_in(conn: &mut AnyConnection, sms: &NewSms) -> Result<bool> {
    let now = now();
    let done = sqlx::query(
        "INSERT INTO sms_outbox (kind, idempotency_key, recipient_sealed, recipient_index, \
         text_sealed, state, created_at, next_attempt_at) \
         VALUES ($1, $2, $3, $4, $5, 'waiting', $6, $7) ON CONFLICT (idempotency_key) DO NOTHING",
    )
    .bind(sms.kind)
    .bind(&sms.idempotency_key)
    .bind(&sms.recipient_sealed)
    .bind(&sms.recipient_index)
    .bind(&sms.text_sealed)
    .bind(now)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

impl Store {
    /// Queues one message. Returns whether it was new (false: its key was queued before).
    pub async fn queue_sms(&self, sms: &NewSms) -> Result<bool> {
        let mut tx = self.writer().begin().await?;
        let queued = queue_sms_in(&mut tx, sms).await?;
        tx.commit().await?;
        Ok(queued)
    }

    /// Claims up to `limit` messages due at `now` for `hold_secs` (another sender skips them
    /// meanwhile) and returns them, oldest first.
    pub async fn claim_due_sms(&self, now: i64, limit: i64, hold_secs: i64) -> Result<Vec<DueSms>> {
        let candidates: Vec<(i64,)> = sqlx::query_as(
            "SELECT id FROM sms_outbox WHERE state = 'waiting' AND next_attempt_at <= $1 \
             AND (claimed_until IS NULL OR claimed_until < $1) ORDER BY next_attempt_at, id LIMIT $2",
        )
        .bind(now)
        .bind(limit)
        .fetch_all(self.reader())
        .await?;
        let mut claimed = Vec::new();
        for (id,) in candidates {
            let row: Option<ClaimedRow> = sqlx::query_as(
                "UPDATE sms_outbox SET claimed_until = $1 WHERE id = $2 AND state = 'waiting' \
                 AND (claimed_until IS NULL OR claimed_until < $3) \
                 RETURNING id, kind, idempotency_key, recipient_sealed, text_sealed, attempts",
            )
            .bind(now + hold_secs)
            .bind(id)
            .bind(now)
            .fetch_optional(self.writer())
            .await?;
            if let Some((id, kind, idempotency_key, recipient_sealed, text_sealed, attempts)) = row
            {
                claimed.push(DueSms {
                    id,
                    kind,
                    idempotency_key,
                    recipient_sealed,
                    text_sealed,
                    attempts,
                });
            }
        }
        Ok(claimed)
    }

    /// Records that message `id` was accepted by `gateway` (with its id for it, if it gave
    /// one), and erases its sealed number and text.
    pub async fn sms_sent(&self, id: i64, gateway: &str, provider_id: Option<&str>) -> Result<()> {
        let done = sqlx::query(
            "UPDATE sms_outbox SET state = 'sent', sent_at = $1, claimed_until = NULL, \
             attempts = attempts + 1, gateway = $2, provider_id = $3, recipient_sealed = $4, \
             text_sealed = $4, last_error = NULL WHERE id = $5 AND state = 'waiting'",
        )
        .bind(now())
        .bind(gateway)
        .bind(provider_id)
        .bind(Vec::<u8>::new())
        .bind(id)
        .execute(self.writer())
        .await?;
        expect_one(done)
    }

    /// Records a failed attempt at message `id` with its error code: tried again at `retry_at`,
    /// or, without one, given up (and its sealed number and text erased).
    pub async fn sms_attempt_failed(
        &self,
        id: i64,
        error: &str,
        retry_at: Option<i64>,
    ) -> Result<()> {
        let error: String = error.chars().take(200).collect();
        let done = match retry_at {
            Some(at) => {
                sqlx::query(
                    "UPDATE sms_outbox SET attempts = attempts + 1, claimed_until = NULL, \
                     next_attempt_at = $1, last_error = $2 WHERE id = $3 AND state = 'waiting'",
                )
                .bind(at)
                .bind(error)
                .bind(id)
                .execute(self.writer())
                .await?
            }
            None => {
                sqlx::query(
                    "UPDATE sms_outbox SET state = 'failed', attempts = attempts + 1, \
                     claimed_until = NULL, failed_at = $1, last_error = $2, \
                     recipient_sealed = $3, text_sealed = $3 WHERE id = $4 AND state = 'waiting'",
                )
                .bind(now())
                .bind(error)
                .bind(Vec::<u8>::new())
                .bind(id)
                .execute(self.writer())
                .await?
            }
        };
        expect_one(done)
    }

    /// The outbox id of the message `gateway` knows as `provider_id`.
    pub async fn sms_by_provider_id(
        &self,
        gateway: &str,
        provider_id: &str,
    ) -> Result<Option<i64>> {
        let row: Option<(i64,)> =
            sqlx::query_as("SELECT id FROM sms_outbox WHERE gateway = $1 AND provider_id = $2")
                .bind(gateway)
                .bind(provider_id)
                .fetch_optional(self.reader())
                .await?;
        Ok(row.map(|(id,)| id))
    }

    /// Records a delivery report about message `outbox_id` (not found: no such message).
    /// `status` must be one of [`REPORT_STATUSES`] (else `unknown` is recorded).
    pub async fn record_sms_report(
        &self,
        outbox_id: i64,
        status: &str,
        raw_status: &str,
    ) -> Result<()> {
        let status = REPORT_STATUSES
            .iter()
            .find(|s| **s == status)
            .copied()
            .unwrap_or("unknown");
        let raw: String = raw_status.chars().take(64).collect();
        let done = sqlx::query(
            "INSERT INTO sms_delivery_reports (outbox_id, status, raw_status, reported_at) \
             SELECT id, $1, $2, $3 FROM sms_outbox WHERE id = $4",
        )
        .bind(status)
        .bind(raw)
        .bind(now())
        .bind(outbox_id)
        .execute(self.writer())
        .await?;
        expect_one(done)
    }

    /// The reports recorded about message `outbox_id`, oldest first.
    pub async fn sms_reports(&self, outbox_id: i64) -> Result<Vec<SmsReport>> {
        Ok(sqlx::query_as(
            "SELECT outbox_id, status, raw_status, reported_at FROM sms_delivery_reports \
             WHERE outbox_id = $1 ORDER BY id",
        )
        .bind(outbox_id)
        .fetch_all(self.reader())
        .await?)
    }

    /// The latest messages of the outbox, newest first (for tests and operators).
    pub async fn sms_outbox(&self, limit: i64) -> Result<Vec<SmsRecord>> {
        Ok(sqlx::query_as(
            "SELECT id, kind, idempotency_key, recipient_index, state, attempts, next_attempt_at, \
             gateway, provider_id, sent_at, failed_at, last_error, \
             CAST(length(recipient_sealed) + length(text_sealed) AS BIGINT) AS sealed_bytes \
             FROM sms_outbox ORDER BY id DESC LIMIT $1",
        )
        .bind(limit)
        .fetch_all(self.reader())
        .await?)
    }
}
