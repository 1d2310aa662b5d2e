//! Consent and retention: withdrawing and checking a household's consent, anonymizing the
//! households whose programmes ended longer ago than their retention period, and the retention
//! job that does it by itself every day (claimed in `job_runs`, so one node runs it per day).

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
                 idcs_sealed = NULL, idcs_index = NULL, name_keys = NULL, updated_at = $1 WHERE household_id = $2",
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

/// The retention job's name in `job_runs`.
pub const RETENTION_JOB: &str = "retention";

/// A run of a job: what ran, when, and how many households it anonymized.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct JobRun {
    pub id: i64,
    pub job: String,
    /// The day it ran for, or `manual-…`.
    pub run_key: String,
    /// `running`, `done` or `failed`.
    pub status: String,
    pub started_at: i64,
    pub finished_at: Option<i64>,
    pub households: i64,
}

impl Store {
    /// Runs retention for `run_key` (a day, or a manual run's key) unless a run with that key
    /// was already claimed: the claim is a row of `job_runs` (unique per job and key), so two
    /// nodes never run it for the same day, and running it again changes nothing (anonymized
    /// households are left alone). `None` when the run was already claimed.
    pub async fn run_retention(&self, today: time::Date, run_key: &str) -> Result<Option<JobRun>> {
        let claimed: Option<(i64,)> = sqlx::query_as(
            "INSERT INTO job_runs (job, run_key, status, started_at, households) \
             VALUES ($1, $2, 'running', $3, 0) ON CONFLICT (job, run_key) DO NOTHING RETURNING id",
        )
        .bind(RETENTION_JOB)
        .bind(run_key)
        .bind(now())
        .fetch_optional(self.writer())
        .await?;
        let Some((id,)) = claimed else {
            return Ok(None);
        };
        let (status, households) = match self.anonymize_expired(today).await {
            Ok(n) => ("done", n as i64),
            Err(e) => {
                tracing::warn!(error = %e, "retention run failed");
                ("failed", 0)
            }
        };
        sqlx::query(
            "UPDATE job_runs SET status = $1, finished_at = $2, households = $3 WHERE id = $4",
        )
        .bind(status)
        .bind(now())
        .bind(households)
        .bind(id)
        .execute(self.writer())
        .await?;
        Ok(self.job_runs(RETENTION_JOB, 1).await?.into_iter().next())
    }

    /// The latest runs of a job, newest first.
    pub async fn job_runs(&self, job: &str, limit: i64) -> Result<Vec<JobRun>> {
        Ok(sqlx::query_as::<_, JobRun>(
            "SELECT id, job, run_key, status, started_at, finished_at, households FROM job_runs \
             WHERE job = $1 ORDER BY id DESC LIMIT $2",
        )
        .bind(job)
        .bind(limit.clamp(1, 500))
        .fetch_all(&self.reader)
        .await?)
    }
}

/// How often each node looks whether today's retention run is done.
pub const RETENTION_CHECK: std::time::Duration = std::time::Duration::from_secs(3600);

/// Starts the retention job: a minute after start, then every [`RETENTION_CHECK`], the node
/// runs today's retention unless another node already claimed it (and first gives name keys
/// to members registered before they existed).
pub fn spawn_retention(store: Store) {
    tokio::spawn(async move {
        let start = tokio::time::Instant::now() + std::time::Duration::from_secs(60);
        let mut tick = tokio::time::interval_at(start, RETENTION_CHECK);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            // Members registered before name keys existed get theirs, a batch at a time.
            while let Ok(filled) = store.fill_name_keys(1000).await {
                if filled == 0 {
                    break;
                }
            }
            let today = time::OffsetDateTime::now_utc().date();
            if let Err(e) = store.run_retention(today, &today.to_string()).await {
                tracing::warn!(error = %e, "retention not run");
            }
        }
    });
}
