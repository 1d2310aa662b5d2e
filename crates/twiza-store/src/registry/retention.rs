//! Consent and retention: withdrawing and checking a household's consent, and anonymizing the
//! households whose programmes ended longer ago than their retention period.

use super::households::own_household;
use crate::{now, Result, Store, StoreError};
use twiza_domain::{OrgScope, UserId};

impl Store {
    /// Withdraws a household's consent for a purpose (the record stays, dated).
    pub async fn withdraw_consent(
        &self,
        scope: &OrgScope,
        household: i64,
        purpose: &str,
        by: UserId,
    ) -> Result<u64> {
        let mut tx = self.writer().begin().await?;
        own_household(&mut tx, scope, household).await?;
        let done = sqlx::query(
            "UPDATE consents SET withdrawn_at = $1, withdrawn_by = $2 \
             WHERE household_id = $3 AND purpose = $4 AND withdrawn_at IS NULL",
        )
        .bind(now())
        .bind(by.0)
        .bind(household)
        .bind(purpose)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        tx.commit().await?;
        Ok(done)
    }

    /// Whether the household has a standing consent (or other legal basis) for `purpose`.
    pub async fn has_consent(&self, household: i64, purpose: &str) -> Result<bool> {
        let row: Option<(i64,)> = sqlx::query_as(
            "SELECT id FROM consents WHERE household_id = $1 AND purpose = $2 AND withdrawn_at IS NULL LIMIT 1",
        )
        .bind(household)
        .bind(purpose)
        .fetch_optional(&self.reader)
        .await?;
        Ok(row.is_some())
    }

    /// Anonymizes households whose every programme ended more than its retention period
    /// before `today` (and that are enrolled in none still running): names, identifiers,
    /// phone, payee account, address and douar are erased; birth dates keep only the year; what was paid stays
    /// (it is in the transparency log, without personal data). Returns the households done.
    pub async fn anonymize_expired(&self, today: time::Date) -> Result<u64> {
        let mut tx = self.writer().begin().await?;
        let candidates: Vec<(i64,)> = sqlx::query_as(
            "SELECT h.id FROM households h WHERE h.status = 'active' \
             AND EXISTS (SELECT 1 FROM enrollments e WHERE e.household_id = h.id) \
             AND NOT EXISTS (SELECT 1 FROM enrollments e JOIN programmes p ON p.id = e.programme_id \
                 WHERE e.household_id = h.id AND (p.ends_on IS NULL OR p.ends_on >= $1))",
        )
        .bind(today.to_string())
        .fetch_all(&mut *tx)
        .await?;
        let mut done = 0;
        for (id,) in candidates {
            // The latest end plus the longest retention among its programmes.
            let (ends_on, retention): (String, i64) = sqlx::query_as(
                "SELECT MAX(p.ends_on), MAX(p.retention_days) FROM enrollments e \
                 JOIN programmes p ON p.id = e.programme_id WHERE e.household_id = $1",
            )
            .bind(id)
            .fetch_one(&mut *tx)
            .await?;
            let ended = twiza_domain::campaign::parse_date("ends_on", &ends_on)
                .map_err(|_| StoreError::Corrupt("programme end"))?;
            if ended + time::Duration::days(retention) >= today {
                continue;
            }
            sqlx::query(
                "UPDATE persons SET given_name_ar = NULL, family_name_ar = NULL, given_name_lat = NULL, \
                 family_name_lat = NULL, birth_date = substr(birth_date, 1, 4) || '-01-01', \
                 phone_sealed = NULL, phone_index = NULL, cin_sealed = NULL, cin_index = NULL, \
                 idcs_sealed = NULL, idcs_index = NULL, updated_at = $1 WHERE household_id = $2",
            )
            .bind(now())
            .bind(id)
            .execute(&mut *tx)
            .await?;
            // Grievances keep their steps, outcomes and dates; the words go.
            sqlx::query(
                "UPDATE grievances SET statement = '', appeal_statement = NULL, \
                 explanation = CASE WHEN explanation IS NULL THEN NULL ELSE '' END, \
                 appeal_explanation = CASE WHEN appeal_explanation IS NULL THEN NULL ELSE '' END \
                 WHERE household_id = $1",
            )
            .bind(id)
            .execute(&mut *tx)
            .await?;
            sqlx::query(
                "UPDATE households SET douar = NULL, address = NULL, payee_kind = NULL, \
                 payee_account_sealed = NULL, status = 'anonymized', updated_at = $1 WHERE id = $2",
            )
            .bind(now())
            .bind(id)
            .execute(&mut *tx)
            .await?;
            done += 1;
        }
        tx.commit().await?;
        Ok(done)
    }
}
