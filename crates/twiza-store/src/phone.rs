//! Conversations on a feature phone: inbound text messages deduplicated on the gateway's message
//! id and counted per phone (the rate limit), the language a phone last used, the SMS
//! conversations in progress (with an expiry), the one final write of a USSD session, and the
//! subscriptions to a commune's alerts. Phones are known by their blind index only; a
//! subscription keeps the number sealed, bound to that index.

use crate::privacy::PersonalDataKeys;
use crate::{now, Result, Store};

/// What became of an inbound message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Inbound {
    /// First time seen, within the rate: to be answered.
    Fresh,
    /// The same gateway and message id came before: nothing is done again.
    Replayed,
    /// Over the rate for the first time in the window: told to wait, nothing else done.
    Limited,
    /// Over the rate again: recorded, not answered.
    Silenced,
}

/// A final write of a USSD session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FinalWrite {
    /// This request claimed the session's write: do it, then [`Store::finish_ussd_write`].
    Claimed,
    /// Done before: the reply it gave.
    Done(String),
    /// Another request is doing it.
    InProgress,
}

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
            Inbound::Silenced | Inbound::Replayed => "silenced",
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
        tx.commit().await?;
        Ok(if inserted.rows_affected() == 0 {
            Inbound::Replayed
        } else {
            outcome
        })
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

    /// Claims the final write of a USSD session, or tells what it answered before.
    pub async fn claim_ussd_write(&self, session_id: &str) -> Result<FinalWrite> {
        let inserted = sqlx::query(
            "INSERT INTO ussd_final_writes (session_id, reply, done_at) VALUES ($1, '', $2) \
             ON CONFLICT (session_id) DO NOTHING",
        )
        .bind(session_id)
        .bind(now())
        .execute(self.writer())
        .await?;
        if inserted.rows_affected() == 1 {
            return Ok(FinalWrite::Claimed);
        }
        let (reply,): (String,) =
            sqlx::query_as("SELECT reply FROM ussd_final_writes WHERE session_id = $1")
                .bind(session_id)
                .fetch_one(self.writer())
                .await?;
        Ok(if reply.is_empty() {
            FinalWrite::InProgress
        } else {
            FinalWrite::Done(reply)
        })
    }

    /// Keeps the reply of a session's final write, to answer a repeated request the same way.
    pub async fn finish_ussd_write(&self, session_id: &str, reply: &str) -> Result<()> {
        sqlx::query("UPDATE ussd_final_writes SET reply = $1, done_at = $2 WHERE session_id = $3")
            .bind(reply)
            .bind(now())
            .bind(session_id)
            .execute(self.writer())
            .await?;
        Ok(())
    }

    /// Gives up a claimed final write that did not happen (the session may try again).
    pub async fn release_ussd_write(&self, session_id: &str) -> Result<()> {
        sqlx::query("DELETE FROM ussd_final_writes WHERE session_id = $1 AND reply = ''")
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

    /// Ends every alert subscription of a phone at once (`STOP`); how many there were.
    pub async fn stop_all_alerts(&self, phone_index: &str) -> Result<u64> {
        let done = sqlx::query("DELETE FROM alert_subscriptions WHERE phone_index = $1")
            .bind(phone_index)
            .execute(self.writer())
            .await?;
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
