//! Alerts and awareness broadcasts: who follows the chosen communes (counted per commune and
//! language, each phone once), a broadcast recorded with its messages queued in the SMS outbox in
//! one transaction, once per form key, and the broadcasts read back with their messages' states.
//!
//! Queueing choice: the record and every message are written in ONE transaction, so a broadcast
//! is either wholly queued or not at all (a crash never leaves half a commune warned, and a
//! retried form finds the broadcast by its key). Memory stays bounded however many phones
//! follow a commune: subscribers are read inside the transaction a page of [`PAGE`] at a time,
//! by id, each page opened, composed and inserted before the next is read. The transaction may
//! be long for 100k phones (one insert each) but holds no more than a page in memory; sending
//! them is the outbox sender's work, at the gateway's rate.

use crate::sms_outbox::{queue_sms_in, NewSms};
use crate::{now, phone::alert_phone_binding, PersonalDataKeys, Result, Store, StoreError};
use std::collections::BTreeMap;
use twiza_domain::{OrgScope, Refusal, UserId};

/// Subscribers read (and messages inserted) per page.
pub const PAGE: i64 = 500;

/// Phones following one commune in one language (each phone counted under the first chosen
/// commune it subscribed to).
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct AudienceRow {
    pub commune_code: String,
    pub language: String,
    pub recipients: i64,
}

/// A broadcast to record.
#[derive(Debug, Clone)]
pub struct NewBroadcast<'a> {
    pub sent_by: UserId,
    /// The association it is sent for; none: an authority.
    pub organization_id: Option<i64>,
    /// `message` or `fake_appeal_warning`.
    pub kind: &'a str,
    pub text_arabic: &'a str,
    pub text_latin: &'a str,
    pub fake_appeal: &'a str,
    /// Centimes; 0: unknown.
    pub price_per_part: i64,
    pub form_key: &'a str,
    pub communes: &'a [String],
}

/// One subscribed phone, opened, to compose its message.
pub struct AlertRecipient<'a> {
    pub subscription_id: i64,
    pub phone: &'a str,
    pub language: &'a str,
}

/// A broadcast as recorded.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct AlertBroadcast {
    pub id: i64,
    pub sent_by: i64,
    pub organization_id: Option<i64>,
    pub kind: String,
    pub text_arabic: String,
    pub text_latin: String,
    pub fake_appeal: String,
    pub recipients: i64,
    pub parts: i64,
    pub price_per_part: i64,
    pub estimated_cost: i64,
    pub created_at: i64,
}

/// A broadcast's messages by the outbox's state.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BroadcastStates {
    pub waiting: i64,
    pub sent: i64,
    pub failed: i64,
}

/// `$from, $from+1, …` for `n` values.
fn placeholders(from: usize, n: usize) -> String {
    (from..from + n)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The subscriptions of the chosen communes (bound from `$from`), each phone once: a
/// subscription is skipped when the same phone has an earlier one among the chosen communes.
fn chosen_subscriptions(from: usize, n: usize) -> String {
    let list = placeholders(from, n);
    format!(
        "s.commune_code IN ({list}) AND NOT EXISTS (SELECT 1 FROM alert_subscriptions t \
         WHERE t.phone_index = s.phone_index AND t.commune_code IN ({list}) AND t.id < s.id)"
    )
}

const BROADCAST_COLUMNS: &str = "id, sent_by, organization_id, kind, text_arabic, text_latin, \
     fake_appeal, recipients, parts, price_per_part, estimated_cost, created_at";

type SubscriberRow = (i64, String, Vec<u8>, String, String);

impl Store {
    /// Who follows `communes`, per commune and language (each phone once).
    pub async fn alert_audience(&self, communes: &[String]) -> Result<Vec<AudienceRow>> {
        if communes.is_empty() {
            return Ok(Vec::new());
        }
        let sql = format!(
            "SELECT s.commune_code AS commune_code, s.language AS language, \
             CAST(COUNT(*) AS BIGINT) AS recipients FROM alert_subscriptions s WHERE {} \
             GROUP BY s.commune_code, s.language ORDER BY s.commune_code, s.language",
            chosen_subscriptions(1, communes.len())
        );
        let mut query = sqlx::query_as::<_, AudienceRow>(&sql);
        for c in communes {
            query = query.bind(c);
        }
        Ok(query.fetch_all(self.reader()).await?)
    }

    /// The communes an association is pledged to cover now (pledges promised or under way, not
    /// delivered or cancelled): where it works.
    pub async fn pledged_communes(&self, scope: &OrgScope) -> Result<Vec<String>> {
        let rows: Vec<(String,)> = sqlx::query_as(
            "SELECT DISTINCT commune_code FROM pledges WHERE organization_id = $1 \
             AND status IN ('pledged', 'in_progress') ORDER BY commune_code",
        )
        .bind(scope.org_id().0)
        .fetch_all(self.reader())
        .await?;
        Ok(rows.into_iter().map(|(c,)| c).collect())
    }

    /// Records a broadcast and queues one message per subscribed phone of its communes (each
    /// phone once), all in one transaction (see the module documentation); `compose` makes a
    /// phone's message and says how many parts it takes. Once per form key: the same key again
    /// answers the first broadcast's id (false: nothing new), or `idempotency_conflict` if
    /// another account sent it.
    pub async fn record_alert_broadcast(
        &self,
        keys: &PersonalDataKeys,
        new: &NewBroadcast<'_>,
        compose: impl Fn(i64, &AlertRecipient<'_>) -> (NewSms, i64),
    ) -> Result<(i64, bool)> {
        let mut tx = self.writer().begin().await?;
        let inserted: Option<(i64,)> = sqlx::query_as(
            "INSERT INTO alert_broadcasts (sent_by, organization_id, kind, text_arabic, \
             text_latin, fake_appeal, recipients, parts, price_per_part, estimated_cost, \
             form_key, created_at) VALUES ($1, $2, $3, $4, $5, $6, 0, 0, $7, 0, $8, $9) \
             ON CONFLICT (form_key) DO NOTHING RETURNING id",
        )
        .bind(new.sent_by.0)
        .bind(new.organization_id)
        .bind(new.kind)
        .bind(new.text_arabic)
        .bind(new.text_latin)
        .bind(new.fake_appeal)
        .bind(new.price_per_part)
        .bind(new.form_key)
        .bind(now())
        .fetch_optional(&mut *tx)
        .await?;
        let Some((id,)) = inserted else {
            tx.rollback().await?;
            type FirstRow = (i64, i64, Option<i64>, String, String, String, String);
            let (id, sent_by, organization_id, kind, text_arabic, text_latin, fake_appeal): FirstRow =
                sqlx::query_as(
                    "SELECT id, sent_by, organization_id, kind, text_arabic, text_latin, \
                     fake_appeal FROM alert_broadcasts WHERE form_key = $1",
                )
                .bind(new.form_key)
                .fetch_one(self.writer())
                .await?;
            let communes: Vec<(String,)> = sqlx::query_as(
                "SELECT commune_code FROM alert_broadcast_communes WHERE broadcast_id = $1 \
                 ORDER BY commune_code",
            )
            .bind(id)
            .fetch_all(self.writer())
            .await?;
            let mut asked: Vec<&str> = new.communes.iter().map(String::as_str).collect();
            asked.sort_unstable();
            asked.dedup();
            // The same key for another alert (changed after going back, or another account's):
            // refused, never taken for the first.
            let same = sent_by == new.sent_by.0
                && organization_id == new.organization_id
                && kind == new.kind
                && text_arabic == new.text_arabic
                && text_latin == new.text_latin
                && fake_appeal == new.fake_appeal
                && communes
                    .iter()
                    .map(|(c,)| c.as_str())
                    .eq(asked.iter().copied());
            if !same {
                return Err(StoreError::Refused(Refusal::IdempotencyConflict));
            }
            return Ok((id, false));
        };
        let n = new.communes.len();
        let sql = format!(
            "SELECT s.id, s.phone_index, s.phone_sealed, s.language, s.commune_code \
             FROM alert_subscriptions s WHERE s.id > $1 AND {} ORDER BY s.id LIMIT $2",
            chosen_subscriptions(3, n)
        );
        let mut per_commune: BTreeMap<String, i64> =
            new.communes.iter().map(|c| (c.clone(), 0)).collect();
        let (mut recipients, mut parts) = (0_i64, 0_i64);
        let mut after = 0_i64;
        loop {
            let mut query = sqlx::query_as::<_, SubscriberRow>(&sql)
                .bind(after)
                .bind(PAGE);
            for c in new.communes {
                query = query.bind(c);
            }
            let page = query.fetch_all(&mut *tx).await?;
            let Some(last) = page.last() else { break };
            after = last.0;
            let full = page.len() as i64 == PAGE;
            for (subscription_id, index, sealed, language, commune) in page {
                // A number that does not open (a key retired too early) is skipped, not sent.
                let Ok(phone) = keys.open(&alert_phone_binding(&index), &sealed) else {
                    continue;
                };
                let recipient = AlertRecipient {
                    subscription_id,
                    phone: &phone,
                    language: &language,
                };
                let (sms, sms_parts) = compose(id, &recipient);
                if queue_sms_in(&mut tx, &sms).await? {
                    recipients += 1;
                    parts += sms_parts;
                    *per_commune.entry(commune).or_default() += 1;
                }
            }
            if !full {
                break;
            }
        }
        for (commune, count) in &per_commune {
            sqlx::query(
                "INSERT INTO alert_broadcast_communes (broadcast_id, commune_code, recipients) \
                 VALUES ($1, $2, $3)",
            )
            .bind(id)
            .bind(commune)
            .bind(count)
            .execute(&mut *tx)
            .await?;
        }
        sqlx::query(
            "UPDATE alert_broadcasts SET recipients = $1, parts = $2, estimated_cost = $3 \
             WHERE id = $4",
        )
        .bind(recipients)
        .bind(parts)
        .bind(parts.saturating_mul(new.price_per_part))
        .bind(id)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok((id, true))
    }

    /// An association's broadcast.
    pub async fn alert_broadcast_of(
        &self,
        scope: &OrgScope,
        id: i64,
    ) -> Result<Option<AlertBroadcast>> {
        Ok(sqlx::query_as(&format!(
            "SELECT {BROADCAST_COLUMNS} FROM alert_broadcasts WHERE id = $1 \
             AND organization_id = $2"
        ))
        .bind(id)
        .bind(scope.org_id().0)
        .fetch_optional(self.reader())
        .await?)
    }

    /// A broadcast sent by an authority (none for an association's).
    pub async fn authority_alert_broadcast(&self, id: i64) -> Result<Option<AlertBroadcast>> {
        Ok(sqlx::query_as(&format!(
            "SELECT {BROADCAST_COLUMNS} FROM alert_broadcasts WHERE id = $1 \
             AND organization_id IS NULL"
        ))
        .bind(id)
        .fetch_optional(self.reader())
        .await?)
    }

    /// An association's broadcasts, newest first, before id `before` (keyset pages).
    pub async fn alert_broadcasts_of(
        &self,
        scope: &OrgScope,
        before: Option<i64>,
        limit: i64,
    ) -> Result<Vec<AlertBroadcast>> {
        Ok(sqlx::query_as(&format!(
            "SELECT {BROADCAST_COLUMNS} FROM alert_broadcasts WHERE organization_id = $1 \
             AND id < $2 ORDER BY id DESC LIMIT $3"
        ))
        .bind(scope.org_id().0)
        .bind(before.unwrap_or(i64::MAX))
        .bind(limit)
        .fetch_all(self.reader())
        .await?)
    }

    /// Broadcasts sent by authorities — by `sender` only, if given — newest first, before id
    /// `before`.
    pub async fn authority_alert_broadcasts(
        &self,
        sender: Option<UserId>,
        before: Option<i64>,
        limit: i64,
    ) -> Result<Vec<AlertBroadcast>> {
        Ok(sqlx::query_as(&format!(
            "SELECT {BROADCAST_COLUMNS} FROM alert_broadcasts WHERE organization_id IS NULL \
             AND ($1 = 0 OR sent_by = $1) AND id < $2 ORDER BY id DESC LIMIT $3"
        ))
        .bind(sender.map_or(0, |u| u.0))
        .bind(before.unwrap_or(i64::MAX))
        .bind(limit)
        .fetch_all(self.reader())
        .await?)
    }

    /// The communes a broadcast went to, with the phones reached through each.
    pub async fn alert_broadcast_communes(&self, id: i64) -> Result<Vec<(String, i64)>> {
        Ok(sqlx::query_as(
            "SELECT commune_code, recipients FROM alert_broadcast_communes \
             WHERE broadcast_id = $1 ORDER BY commune_code",
        )
        .bind(id)
        .fetch_all(self.reader())
        .await?)
    }

    /// A broadcast's messages counted by state in the outbox (kind `alert`, its key prefix).
    pub async fn alert_broadcast_states(&self, id: i64) -> Result<BroadcastStates> {
        let rows: Vec<(String, i64)> = sqlx::query_as(
            "SELECT state, CAST(COUNT(*) AS BIGINT) FROM sms_outbox WHERE kind = 'alert' \
             AND idempotency_key >= $1 AND idempotency_key < $2 GROUP BY state",
        )
        // The keys `alert:{id}:…`, as a range an index serves under any collation (`;` follows
        // `:`).
        .bind(format!("alert:{id}:"))
        .bind(format!("alert:{id};"))
        .fetch_all(self.reader())
        .await?;
        let mut states = BroadcastStates::default();
        for (state, count) in rows {
            match state.as_str() {
                "waiting" => states.waiting = count,
                "sent" => states.sent = count,
                _ => states.failed += count,
            }
        }
        Ok(states)
    }
}
