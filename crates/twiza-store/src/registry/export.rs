//! The registry's file export: keyset pages of an association's active households with their
//! members, living conditions, consent and latest index, each household a logged read.

use super::households::{log_read, read_household, HouseholdView, ReadScope, Reader};
use crate::privacy::PersonalDataKeys;
use crate::{Result, Store, StoreError};
use twiza_domain::OrgScope;

/// A household as exported to a file.
#[derive(Debug, Clone)]
pub struct ExportedHousehold {
    pub household: HouseholdView,
    /// The living conditions as stored (JSON object).
    pub living: Option<serde_json::Value>,
    /// Consent to registration: purpose, legal basis, channel.
    pub consent: Option<(String, String, String)>,
    /// The latest index: value in millionths, source, effective date.
    pub index: Option<(i64, String, String)>,
}

impl Store {
    /// A page of the association's active households after id `after`, for a file export: each
    /// with its members (identifiers and sensitive fields as `read` allows), living conditions
    /// (JSON), consent to registration and latest index. Each household exported is a read in
    /// its access log, written in the same transaction.
    pub async fn export_households(
        &self,
        scope: &OrgScope,
        keys: &PersonalDataKeys,
        after: i64,
        limit: i64,
        reader: Reader<'_>,
        read: ReadScope,
    ) -> Result<Vec<ExportedHousehold>> {
        let mut tx = self.writer().begin().await?;
        let ids: Vec<(i64, Option<String>)> = sqlx::query_as(
            "SELECT id, living FROM households WHERE organization_id = $1 AND id > $2 \
             AND status = 'active' ORDER BY id LIMIT $3",
        )
        .bind(scope.org_id().0)
        .bind(after)
        .bind(limit)
        .fetch_all(&mut *tx)
        .await?;
        let mut out = Vec::with_capacity(ids.len());
        for (id, living) in ids {
            log_read(&mut tx, scope, id, reader, "file_export").await?;
            let household = read_household(&mut tx, keys, id, read).await?;
            let consent: Option<(String, String, String)> = sqlx::query_as(
                "SELECT purpose, legal_basis, channel FROM consents WHERE household_id = $1 \
                 AND purpose = 'registration' AND withdrawn_at IS NULL ORDER BY id LIMIT 1",
            )
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
            let index: Option<(i64, String, String)> = sqlx::query_as(
                "SELECT value_micro, source, effective_on FROM socio_economic_indexes \
                 WHERE household_id = $1 ORDER BY effective_on DESC LIMIT 1",
            )
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
            out.push(ExportedHousehold {
                household,
                living: living
                    .map(|l| serde_json::from_str(&l))
                    .transpose()
                    .map_err(|_| StoreError::Corrupt("living conditions"))?,
                consent,
                index,
            });
        }
        tx.commit().await?;
        Ok(out)
    }
}
