//! Conversations on a feature phone: inbound text messages deduplicated on the gateway's message
//! id and counted per phone (the rate limit), the language a phone last used, the SMS
//! conversations in progress (with an expiry), the one final write of a USSD session, and the
//! subscriptions to a commune's alerts. Phones are known by their blind index only; a
//! subscription keeps the number sealed, bound to that index.

use crate::privacy::PersonalDataKeys;
use crate::{now, Result, Store};

/// What became of an inbound message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inbound {
    /// First time seen, within the rate: to be answered.
    Fresh,
    /// The same gateway and message id came before: its reply, or `None` when its handling
    /// did not finish (it is handled again: every action of a message is idempotent).
    Replayed(Option<String>),
    /// Over the rate for the first time in the window: told to wait, nothing else done.
    Limited,
    /// Over the rate again: recorded, not answered.
    Silenced,
}

/// Whether a USSD request follows its session's steps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UssdStep {
    /// The first request, one answer more than the last, or the last again: go on. The reply
    /// the session ended with, if it ended with a write.
    Follows(Option<String>),
    /// A step the session never reached (or another phone's session): refused.
    Jumped,
}

/// The answers before the last one of a USSD `text` (`None` for the first request's empty text).
fn answers_before_last(text: &str) -> Option<&str> {
    if text.is_empty() {
        return None;
    }
    Some(text.rsplit_once('*').map_or("", |(before, _)| before))
}

/// USSD sessions left this long are forgotten.
const USSD_SESSION_SECONDS: i64 = 24 * 3600;

/// A subscription to a commune's alerts, opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AlertSubscription {
    pub phone: String,
    pub commune_code: String,
    pub language: String,
    pub channel: String,
}

/// What a subscription's sealed phone is bound to: the phone's blind index.
pub fn alert_phone_binding(phone_index: &str) -> Vec<u8> {
    let mut b = b"twiza-alert-phone-v1\n".to_vec();
    b.extend_from_slice(phone_index.as_bytes());
    b
}

impl Store {
    /// Records an inbound message once per `(gateway, message_id)` and decides whether it is
    /// answered: more than `per_minute` messages from the phone in the last minute are over the
    /// rate (the first of them is told to wait, the others are silenced).
    pub async fn record_inbound_message(
        &self,
        gateway: &str,
        message_id: &str,
        phone_index: &str,
        per_minute: i64,
    ) -> Result<Inbound> {
        let at = now();
        let mut tx = self.writer().begin().await?;
        if self.backend() == crate::Backend::Postgres {
            // Messages from one phone are counted one after the other (SQLite's single writer
            // does so by itself): a burst cannot all see room under the rate.
            sqlx::query("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext($1))) AS locked")
                .bind(phone_index)
                .execute(&mut *tx)
                .await?;
        }
        let since = at - 60;
        let rows: Vec<(String,)> = sqlx::query_as(
            "SELECT outcome FROM phone_inbound WHERE phone_index = $1 AND received_at > $2",
        )
        .bind(phone_index)
        .bind(since)
        .fetch_all(&mut *tx)
        .await?;
        let outcome = if rows.len() < usize::try_from(per_minute).unwrap_or(usize::MAX) {
            Inbound::Fresh
        } else if rows.iter().any(|(o,)| o == "limited") {
            Inbound::Silenced
        } else {
            Inbound::Limited
        };
        let stored = match outcome {
            Inbound::Fresh => "answered",
            Inbound::Limited => "limited",
            Inbound::Silenced | Inbound::Replayed(_) => "silenced",
        };
        let inserted = sqlx::query(
            "INSERT INTO phone_inbound (gateway, message_id, phone_index, received_at, outcome) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (gateway, message_id) DO NOTHING",
        )
        .bind(gateway)
        .bind(message_id)
        .bind(phone_index)
        .bind(at)
        .bind(stored)
        .execute(&mut *tx)
        .await?;
        if inserted.rows_affected() == 0 {
            let (reply, first): (Option<String>, String) = sqlx::query_as(
                "SELECT reply, outcome FROM phone_inbound WHERE gateway = $1 AND message_id = $2",
            )
            .bind(gateway)
            .bind(message_id)
            .fetch_one(&mut *tx)
            .await?;
            tx.commit().await?;
            // A message over the rate stays so when it comes again.
            return Ok(match first.as_str() {
                "limited" => Inbound::Limited,
                "silenced" => Inbound::Silenced,
                _ => Inbound::Replayed(reply),
            });
        }
        tx.commit().await?;
        Ok(outcome)
    }

    /// Keeps the reply an inbound message got, to answer it the same way if it comes again.
    pub async fn keep_inbound_reply(
        &self,
        gateway: &str,
        message_id: &str,
        reply: &str,
    ) -> Result<()> {
        sqlx::query("UPDATE phone_inbound SET reply = $1 WHERE gateway = $2 AND message_id = $3")
            .bind(reply)
            .bind(gateway)
            .bind(message_id)
            .execute(self.writer())
            .await?;
        Ok(())
    }

    /// The language a phone last used, if any.
    pub async fn phone_language(&self, phone_index: &str) -> Result<Option<String>> {
        let row: Option<(String,)> =
            sqlx::query_as("SELECT language FROM phone_languages WHERE phone_index = $1")
                .bind(phone_index)
                .fetch_optional(self.reader())
                .await?;
        Ok(row.map(|(l,)| l))
    }

    /// Remembers the language a phone used.
    pub async fn set_phone_language(&self, phone_index: &str, language: &str) -> Result<()> {
        sqlx::query(
            "INSERT INTO phone_languages (phone_index, language, updated_at) VALUES ($1, $2, $3) \
             ON CONFLICT (phone_index) DO UPDATE SET language = excluded.language, \
             updated_at = excluded.updated_at",
        )
        .bind(phone_index)
        .bind(language)
        .bind(now())
        .execute(self.writer())
        .await?;
        Ok(())
    }

    /// The phone's conversation in progress, unless it expired: its state and language.
    pub async fn phone_conversation(&self, phone_index: &str) -> Result<Option<(String, String)>> {
        let row: Option<(String, String)> = sqlx::query_as(
            "SELECT state, language FROM phone_conversations \
             WHERE phone_index = $1 AND expires_at > $2",
        )
        .bind(phone_index)
        .bind(now())
        .fetch_optional(self.reader())
        .await?;
        Ok(row)
    }

    /// Starts or moves on the phone's conversation, for `ttl_seconds` from now.
    pub async fn save_phone_conversation(
        &self,
        phone_index: &str,
        state: &str,
        language: &str,
        ttl_seconds: i64,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO phone_conversations (phone_index, state, language, expires_at) \
             VALUES ($1, $2, $3, $4) ON CONFLICT (phone_index) DO UPDATE SET \
             state = excluded.state, language = excluded.language, expires_at = excluded.expires_at",
        )
        .bind(phone_index)
        .bind(state)
        .bind(language)
        .bind(now() + ttl_seconds)
        .execute(self.writer())
        .await?;
        Ok(())
    }

    /// Ends the phone's conversation (done, or abandoned).
    pub async fn end_phone_conversation(&self, phone_index: &str) -> Result<()> {
        sqlx::query("DELETE FROM phone_conversations WHERE phone_index = $1")
            .bind(phone_index)
            .execute(self.writer())
            .await?;
        Ok(())
    }

    /// Checks a USSD request against its session: the first request of a session (no answer
    /// yet, or the one a dialled shortcut carries) starts it; a later one must add one answer to
    /// the last (`0`, back, is an answer too) or repeat it. Anything else — a session started
    /// mid-way, a step skipped, another phone's session — is [`UssdStep::Jumped`].
    pub async fn follow_ussd_session(
        &self,
        session_id: &str,
        phone_index: &str,
        text: &str,
    ) -> Result<UssdStep> {
        let at = now();
        let before = answers_before_last(text);
        if before.is_none_or(|b| b.is_empty()) {
            let started = sqlx::query(
                "INSERT INTO ussd_sessions (session_id, phone_index, text, updated_at)                  VALUES ($1, $2, $3, $4) ON CONFLICT (session_id) DO NOTHING",
            )
            .bind(session_id)
            .bind(phone_index)
            .bind(text)
            .bind(at)
            .execute(self.writer())
            .await?;
            if started.rows_affected() == 1 {
                if rand::random::<u8>() < 4 {
                    // Now and then, sessions left long ago are forgotten.
                    sqlx::query("DELETE FROM ussd_sessions WHERE updated_at < $1")
                        .bind(at - USSD_SESSION_SECONDS)
                        .execute(self.writer())
                        .await?;
                }
                return Ok(UssdStep::Follows(None));
            }
        }
        let followed: Option<(Option<String>,)> = sqlx::query_as(
            "UPDATE ussd_sessions SET text = $1, updated_at = $2 \
             WHERE session_id = $3 AND phone_index = $4 AND (text = $1 OR text = $5) \
             RETURNING reply",
        )
        .bind(text)
        .bind(at)
        .bind(session_id)
        .bind(phone_index)
        .bind(before.unwrap_or(text))
        .fetch_optional(self.writer())
        .await?;
        Ok(match followed {
            Some((reply,)) => UssdStep::Follows(reply),
            None => UssdStep::Jumped,
        })
    }

    /// Keeps the reply a USSD session ended with, for a repeated last request.
    pub async fn keep_ussd_reply(&self, session_id: &str, reply: &str) -> Result<()> {
        sqlx::query("UPDATE ussd_sessions SET reply = $1 WHERE session_id = $2")
            .bind(reply)
            .bind(session_id)
            .execute(self.writer())
            .await?;
        Ok(())
    }

    /// Subscribes a phone to a commune's alerts (again: its language and channel are updated).
    /// Returns whether it was a new subscription.
    pub async fn subscribe_alerts(
        &self,
        keys: &PersonalDataKeys,
        phone: &str,
        commune_code: &str,
        language: &str,
        channel: &str,
    ) -> Result<bool> {
        let index = keys.blind_index("phone", phone);
        let sealed = keys.seal(&alert_phone_binding(&index), phone);
        let mut tx = self.writer().begin().await?;
        let existing: Option<(i64,)> = sqlx::query_as(
            "SELECT id FROM alert_subscriptions WHERE phone_index = $1 AND commune_code = $2",
        )
        .bind(&index)
        .bind(commune_code)
        .fetch_optional(&mut *tx)
        .await?;
        if let Some((id,)) = existing {
            sqlx::query("UPDATE alert_subscriptions SET language = $1, channel = $2 WHERE id = $3")
                .bind(language)
                .bind(channel)
                .bind(id)
                .execute(&mut *tx)
                .await?;
        } else {
            sqlx::query(
                "INSERT INTO alert_subscriptions (phone_index, phone_sealed, commune_code, \
                 language, channel, subscribed_at) VALUES ($1, $2, $3, $4, $5, $6) \
                 ON CONFLICT (phone_index, commune_code) DO NOTHING",
            )
            .bind(&index)
            .bind(sealed)
            .bind(commune_code)
            .bind(language)
            .bind(channel)
            .bind(now())
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(existing.is_none())
    }

    /// Ends a phone's subscription to one commune's alerts; whether there was one.
    pub async fn unsubscribe_alerts(&self, phone_index: &str, commune_code: &str) -> Result<bool> {
        let done = sqlx::query(
            "DELETE FROM alert_subscriptions WHERE phone_index = $1 AND commune_code = $2",
        )
        .bind(phone_index)
        .bind(commune_code)
        .execute(self.writer())
        .await?;
        Ok(done.rows_affected() > 0)
    }

    /// Ends every alert subscription of a phone at once (`STOP`), and the alerts to it still
    /// waiting in the outbox (those a sender is not sending this moment): given up as
    /// `stopped`, their sealed number and text erased. How many subscriptions there were.
    pub async fn stop_all_alerts(&self, phone_index: &str) -> Result<u64> {
        let at = now();
        let mut tx = self.writer().begin().await?;
        let done = sqlx::query("DELETE FROM alert_subscriptions WHERE phone_index = $1")
            .bind(phone_index)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "UPDATE sms_outbox SET state = 'failed', failed_at = $1, last_error = 'stopped', \
             recipient_sealed = $2, text_sealed = $2, claimed_until = NULL \
             WHERE recipient_index = $3 AND kind = 'alert' AND state = 'waiting' \
             AND (claimed_until IS NULL OR claimed_until < $1)",
        )
        .bind(at)
        .bind(Vec::<u8>::new())
        .bind(phone_index)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(done.rows_affected())
    }

    /// The communes a phone follows, by code.
    pub async fn alert_communes(&self, phone_index: &str) -> Result<Vec<String>> {
        let rows: Vec<(String,)> = sqlx::query_as(
            "SELECT commune_code FROM alert_subscriptions WHERE phone_index = $1 \
             ORDER BY commune_code",
        )
        .bind(phone_index)
        .fetch_all(self.reader())
        .await?;
        Ok(rows.into_iter().map(|(c,)| c).collect())
    }

    /// The subscribers of a commune's alerts, their phones opened (for the sender of alerts).
    /// A value that does not open is skipped.
    pub async fn alert_subscribers(
        &self,
        keys: &PersonalDataKeys,
        commune_code: &str,
    ) -> Result<Vec<AlertSubscription>> {
        let rows: Vec<(String, Vec<u8>, String, String)> = sqlx::query_as(
            "SELECT phone_index, phone_sealed, language, channel FROM alert_subscriptions \
             WHERE commune_code = $1 ORDER BY id",
        )
        .bind(commune_code)
        .fetch_all(self.reader())
        .await?;
        Ok(rows
            .into_iter()
            .filter_map(|(index, sealed, language, channel)| {
                let phone = keys.open(&alert_phone_binding(&index), &sealed).ok()?;
                Some(AlertSubscription {
                    phone,
                    commune_code: commune_code.to_owned(),
                    language,
                    channel,
                })
            })
            .collect())
    }

    /// The most recent incident that hit a commune: where a need reported there goes.
    pub async fn latest_incident_in_commune(&self, commune_code: &str) -> Result<Option<i64>> {
        let row: Option<(i64,)> = sqlx::query_as(
            "SELECT incident_id FROM incident_communes WHERE commune_code = $1 \
             ORDER BY incident_id DESC LIMIT 1",
        )
        .bind(commune_code)
        .fetch_optional(self.reader())
        .await?;
        Ok(row.map(|(id,)| id))
    }

    /// A household found by its reference in any association, for a grievance sent by phone:
    /// its association, id, and the account that registered it.
    pub async fn household_for_grievance(
        &self,
        reference: &str,
    ) -> Result<Option<(i64, i64, i64)>> {
        let row: Option<(i64, i64, i64)> = sqlx::query_as(
            "SELECT organization_id, id, created_by FROM households \
             WHERE reference = $1 AND status = 'active'",
        )
        .bind(reference)
        .fetch_optional(self.reader())
        .await?;
        Ok(row)
    }
}
