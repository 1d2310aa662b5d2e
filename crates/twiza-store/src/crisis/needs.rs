//! Needs: reviewing held reports, reading them, moving their status and merging duplicates
//! (reporting them is `intake.rs`).

use super::point;
use crate::sms_outbox::queue_sms_in;
use crate::{now, NewSms, Result, Store, StoreError};
use twiza_domain::crisis::{GeoPoint, NeedCategory, NeedSource, NeedStatus, Urgency};
use twiza_domain::Refusal;

/// A need as listed in public (no contact).
#[derive(Debug, Clone)]
pub struct Need {
    pub id: i64,
    pub incident_id: i64,
    pub reference: String,
    pub commune_code: String,
    pub douar_id: Option<i64>,
    pub category: NeedCategory,
    pub urgency: Urgency,
    pub households: Option<i64>,
    pub people: Option<i64>,
    pub point: Option<GeoPoint>,
    pub description: Option<String>,
    pub source: NeedSource,
    pub organization_id: Option<i64>,
    pub status: NeedStatus,
    pub possible_duplicate_of: Option<i64>,
    pub merged_into: Option<i64>,
    pub reported_at: i64,
    pub has_contact: bool,
}

/// Filters of a needs list.
#[derive(Debug, Clone, Default)]
pub struct NeedFilter {
    pub commune_code: Option<String>,
    pub category: Option<NeedCategory>,
    pub status: Option<NeedStatus>,
}

/// A need as written: its id, its public reference and the need it probably repeats.
#[derive(Debug, Clone)]
pub struct ReportedNeed {
    pub id: i64,
    pub reference: String,
    pub status: NeedStatus,
    pub possible_duplicate_of: Option<i64>,
    /// The report repeated an idempotency key: this is the need written first, as it stands.
    pub replayed: bool,
}

pub(super) type NeedRow = (
    i64,
    i64,
    String,
    String,
    Option<i64>,
    String,
    String,
    Option<i64>,
    Option<i64>,
    Option<i64>,
    Option<i64>,
    Option<String>,
    String,
    Option<i64>,
    String,
    Option<i64>,
    Option<i64>,
    i64,
    i64,
);

pub(super) const NEED_COLUMNS: &str =
    "id, incident_id, reference, commune_code, douar_id, category, urgency, \
     households, people, lat_e6, lon_e6, description, source, organization_id, status, \
     possible_duplicate_of, merged_into, reported_at, \
     CAST(CASE WHEN contact_sealed IS NULL THEN 0 ELSE 1 END AS BIGINT)";

pub(super) fn need_from(r: NeedRow) -> Result<Need> {
    let corrupt = || StoreError::Corrupt("need");
    Ok(Need {
        id: r.0,
        incident_id: r.1,
        reference: r.2,
        commune_code: r.3,
        douar_id: r.4,
        category: NeedCategory::parse(&r.5).ok_or_else(corrupt)?,
        urgency: Urgency::parse(&r.6).ok_or_else(corrupt)?,
        households: r.7,
        people: r.8,
        point: point(r.9, r.10),
        description: r.11,
        source: NeedSource::parse(&r.12).ok_or_else(corrupt)?,
        organization_id: r.13,
        status: NeedStatus::parse(&r.14).ok_or_else(corrupt)?,
        possible_duplicate_of: r.15,
        merged_into: r.16,
        reported_at: r.17,
        has_contact: r.18 != 0,
    })
}

impl Store {
    /// One page of an incident's needs by id (keyset), with filters; held reports are never in
    /// it (see [`Store::held_needs_page`]).
    pub async fn needs_page(
        &self,
        incident: i64,
        filter: &NeedFilter,
        after: i64,
        limit: i64,
    ) -> Result<Vec<Need>> {
        let sql = format!(
            "SELECT {NEED_COLUMNS} FROM needs WHERE incident_id = $1 AND id > $2 \
             AND status <> 'held' \
             AND ($3 = '' OR commune_code = $3) AND ($4 = '' OR category = $4) \
             AND ($5 = '' OR status = $5) ORDER BY id LIMIT $6"
        );
        let rows = sqlx::query(&sql)
            .bind(incident)
            .bind(after)
            .bind(filter.commune_code.clone().unwrap_or_default())
            .bind(filter.category.map_or("", |c| c.as_str()))
            .bind(filter.status.map_or("", |s| s.as_str()))
            .bind(limit)
            .fetch_all(self.reader())
            .await?;
        rows.iter()
            .map(|r| need_from(NeedRow::from_any(r)?))
            .collect()
    }

    /// One page of an incident's held reports by id (keyset), for a coordinator's review.
    pub async fn held_needs_page(
        &self,
        incident: i64,
        after: i64,
        limit: i64,
    ) -> Result<Vec<Need>> {
        let sql = format!(
            "SELECT {NEED_COLUMNS} FROM needs WHERE incident_id = $1 AND status = 'held' \
             AND id > $2 ORDER BY id LIMIT $3"
        );
        let rows = sqlx::query(&sql)
            .bind(incident)
            .bind(after)
            .bind(limit)
            .fetch_all(self.reader())
            .await?;
        rows.iter()
            .map(|r| need_from(NeedRow::from_any(r)?))
            .collect()
    }

    /// A coordinator's review of a held report: accepted (`Reported`, or `Verified` at once) it
    /// joins the lists and counts; rejected (`Closed`) it stays out. Refused when the need is
    /// not held (`need_not_held`), e.g. reviewed meanwhile.
    pub async fn review_held_need(&self, id: i64, to: NeedStatus) -> Result<()> {
        self.review_held_need_texting(id, to, None).await
    }

    /// [`Store::review_held_need`], queueing `sms` (the reporter's notice) in the same
    /// transaction when the report is accepted.
    pub async fn review_held_need_texting(
        &self,
        id: i64,
        to: NeedStatus,
        sms: Option<&NewSms>,
    ) -> Result<()> {
        if !matches!(
            to,
            NeedStatus::Reported | NeedStatus::Verified | NeedStatus::Closed
        ) {
            return Err(StoreError::Refused(Refusal::NeedNotHeld));
        }
        let mut tx = self.writer().begin().await?;
        let done = sqlx::query(
            "UPDATE needs SET status = $1, updated_at = $2 WHERE id = $3 AND status = 'held'",
        )
        .bind(to.as_str())
        .bind(now())
        .bind(id)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 1 {
            if let Some(sms) = sms {
                queue_sms_in(&mut tx, sms).await?;
            }
            tx.commit().await?;
            return Ok(());
        }
        let exists: Option<(i64,)> = sqlx::query_as("SELECT id FROM needs WHERE id = $1")
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
        match exists {
            None => Err(StoreError::NotFound),
            Some(_) => Err(StoreError::Refused(Refusal::NeedNotHeld)),
        }
    }

    /// A need's public reference and its sealed contact, if the reporter left one: for the
    /// platform's own use only (texting the reporter a notice of the need's status). Nothing is
    /// shown to anyone, so nothing is recorded; a contact shown to an association goes through
    /// [`Store::release_need_contact`].
    pub async fn need_contact_for_notice(&self, id: i64) -> Result<Option<(String, Vec<u8>)>> {
        let row: Option<(String, Option<Vec<u8>>)> =
            sqlx::query_as("SELECT reference, contact_sealed FROM needs WHERE id = $1")
                .bind(id)
                .fetch_optional(self.reader())
                .await?;
        let (reference, sealed) = row.ok_or(StoreError::NotFound)?;
        Ok(sealed.map(|s| (reference, s)))
    }

    pub async fn need(&self, id: i64) -> Result<Option<Need>> {
        let sql = format!("SELECT {NEED_COLUMNS} FROM needs WHERE id = $1");
        let row = sqlx::query(&sql)
            .bind(id)
            .fetch_optional(self.reader())
            .await?;
        row.map(|r| need_from(NeedRow::from_any(&r)?)).transpose()
    }

    /// A need by its public reference (what the reporter was given).
    pub async fn need_by_reference(&self, reference: &str) -> Result<Option<Need>> {
        let sql = format!("SELECT {NEED_COLUMNS} FROM needs WHERE reference = $1");
        let row = sqlx::query(&sql)
            .bind(reference)
            .fetch_optional(self.reader())
            .await?;
        row.map(|r| need_from(NeedRow::from_any(&r)?)).transpose()
    }

    /// Moves a need from `from` to `to` (a coordinator's decision); refused if it moved meanwhile.
    pub async fn set_need_status(&self, id: i64, from: NeedStatus, to: NeedStatus) -> Result<()> {
        self.set_need_status_texting(id, from, to, None).await
    }

    /// [`Store::set_need_status`], queueing `sms` (the reporter's notice) in the same
    /// transaction when the need moved.
    pub async fn set_need_status_texting(
        &self,
        id: i64,
        from: NeedStatus,
        to: NeedStatus,
        sms: Option<&NewSms>,
    ) -> Result<()> {
        let mut tx = self.writer().begin().await?;
        let done = sqlx::query(
            "UPDATE needs SET status = $1, updated_at = $2 WHERE id = $3 AND status = $4",
        )
        .bind(to.as_str())
        .bind(now())
        .bind(id)
        .bind(from.as_str())
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() != 1 {
            return Err(StoreError::Refused(Refusal::InvalidStatusChange));
        }
        if let Some(sms) = sms {
            queue_sms_in(&mut tx, sms).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Merges a duplicate into the need it repeats (same incident; both still open): the duplicate
    /// leaves the counts, its pledges move to the kept need.
    pub async fn merge_need(&self, duplicate: i64, into: i64) -> Result<()> {
        self.merge_need_texting(duplicate, into, None).await
    }

    /// [`Store::merge_need`], queueing `sms` (the duplicate's reporter told which need to
    /// follow) in the same transaction.
    pub async fn merge_need_texting(
        &self,
        duplicate: i64,
        into: i64,
        sms: Option<&NewSms>,
    ) -> Result<()> {
        if duplicate == into {
            return Err(StoreError::Refused(Refusal::MergeIntoItself));
        }
        let mut tx = self.writer().begin().await?;
        let rows: Vec<(i64, i64, String)> =
            sqlx::query_as("SELECT id, incident_id, status FROM needs WHERE id = $1 OR id = $2")
                .bind(duplicate)
                .bind(into)
                .fetch_all(&mut *tx)
                .await?;
        if rows.len() != 2 {
            return Err(StoreError::NotFound);
        }
        let open = |s: &str| NeedStatus::parse(s).is_some_and(NeedStatus::is_open);
        if rows[0].1 != rows[1].1 {
            return Err(StoreError::Refused(Refusal::MergeAcrossIncidents));
        }
        if !rows.iter().all(|r| open(&r.2)) {
            return Err(StoreError::Refused(Refusal::NeedNotOpen));
        }
        let at = now();
        sqlx::query(
            "UPDATE needs SET status = 'merged', merged_into = $1, updated_at = $2 WHERE id = $3",
        )
        .bind(into)
        .bind(at)
        .bind(duplicate)
        .execute(&mut *tx)
        .await?;
        sqlx::query("UPDATE pledges SET need_id = $1, updated_at = $2 WHERE need_id = $3")
            .bind(into)
            .bind(at)
            .bind(duplicate)
            .execute(&mut *tx)
            .await?;
        if let Some(sms) = sms {
            queue_sms_in(&mut tx, sms).await?;
        }
        tx.commit().await?;
        Ok(())
    }
}

/// Reads the need columns (the first 19) of a wider row.
pub(super) trait FromAny: Sized {
    fn from_any(row: &sqlx::any::AnyRow) -> Result<Self>;
}

impl FromAny for NeedRow {
    fn from_any(r: &sqlx::any::AnyRow) -> Result<NeedRow> {
        use sqlx::Row;
        Ok((
            r.try_get(0)?,
            r.try_get(1)?,
            r.try_get(2)?,
            r.try_get(3)?,
            r.try_get(4)?,
            r.try_get(5)?,
            r.try_get(6)?,
            r.try_get(7)?,
            r.try_get(8)?,
            r.try_get(9)?,
            r.try_get(10)?,
            r.try_get(11)?,
            r.try_get(12)?,
            r.try_get(13)?,
            r.try_get(14)?,
            r.try_get(15)?,
            r.try_get(16)?,
            r.try_get(17)?,
            r.try_get(18)?,
        ))
    }
}
