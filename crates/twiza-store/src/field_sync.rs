//! Records synced from a field agent's device: each kept under the id the device gave it, with
//! a keyed hash of the record and its first answer, so a batch sent again after a dropped
//! connection writes nothing twice and answers the same.

use crate::{now, Result, Store};
use sqlx::AnyConnection;
use twiza_domain::{OrgScope, UserId};

/// A device's record as first synced.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct SyncedRecord {
    /// `assessment`, `household` or `delivery`.
    pub kind: String,
    pub request_hash: String,
    /// `accepted:<reference>` or `refused:<code>`.
    pub outcome: String,
}

/// The key a device's record is kept under, with what identifies its content.
#[derive(Debug, Clone, Copy)]
pub struct DeviceKey<'a> {
    pub id: &'a str,
    pub kind: &'a str,
    pub request_hash: &'a str,
    pub by: UserId,
}

impl Store {
    /// The record a device synced under `id` in the association, if any.
    pub async fn synced_record(&self, scope: &OrgScope, id: &str) -> Result<Option<SyncedRecord>> {
        Ok(sqlx::query_as(
            "SELECT kind AS kind, request_hash AS request_hash, outcome AS outcome \
             FROM field_sync_records WHERE organization_id = $1 AND device_record_id = $2",
        )
        .bind(scope.org_id().0)
        .bind(id)
        .fetch_optional(self.writer())
        .await?)
    }

    /// Keeps a record's first answer (a second one under the same id changes nothing).
    pub async fn keep_synced_record(
        &self,
        scope: &OrgScope,
        key: &DeviceKey<'_>,
        outcome: &str,
    ) -> Result<()> {
        let mut conn = self.writer().acquire().await?;
        keep_in(&mut conn, scope, key, outcome).await
    }
}

/// [`Store::synced_record`] inside a transaction.
pub(crate) async fn synced_in(
    conn: &mut AnyConnection,
    scope: &OrgScope,
    id: &str,
) -> Result<Option<SyncedRecord>> {
    Ok(sqlx::query_as(
        "SELECT kind AS kind, request_hash AS request_hash, outcome AS outcome \
         FROM field_sync_records WHERE organization_id = $1 AND device_record_id = $2",
    )
    .bind(scope.org_id().0)
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?)
}

/// [`Store::keep_synced_record`] inside a transaction.
pub(crate) async fn keep_in(
    conn: &mut AnyConnection,
    scope: &OrgScope,
    key: &DeviceKey<'_>,
    outcome: &str,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO field_sync_records (organization_id, device_record_id, kind, request_hash, \
         outcome, synced_by, synced_at) VALUES ($1, $2, $3, $4, $5, $6, $7) \
         ON CONFLICT (organization_id, device_record_id) DO NOTHING",
    )
    .bind(scope.org_id().0)
    .bind(key.id)
    .bind(key.kind)
    .bind(key.request_hash)
    .bind(outcome)
    .bind(key.by.0)
    .bind(now())
    .execute(&mut *conn)
    .await?;
    Ok(())
}
