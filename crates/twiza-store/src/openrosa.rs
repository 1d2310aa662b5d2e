//! OpenRosa submissions (ODK Collect, KoboCollect): which instance ids an association received,
//! with the hash of the XML and the record each one wrote.

use crate::{now, Result, Store};
use sqlx::AnyConnection;
use twiza_domain::{OrgScope, UserId};

/// A submission already received under an instance id.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct SeenSubmission {
    pub form_id: String,
    /// SHA-256 (hex) of the XML received.
    pub content_hash: String,
    /// What it wrote: `need:<id>`, `household:<id>`.
    pub record: String,
}

/// A submission to remember once its record is written.
pub struct NewSubmission<'a> {
    pub instance_id: &'a str,
    pub form_id: &'a str,
    pub content_hash: &'a str,
    pub record: &'a str,
    pub by: UserId,
}

impl Store {
    /// The submission the association received under `instance_id`, if any.
    pub async fn openrosa_submission(
        &self,
        scope: &OrgScope,
        instance_id: &str,
    ) -> Result<Option<SeenSubmission>> {
        Ok(sqlx::query_as(
            "SELECT form_id, content_hash, record FROM openrosa_submissions \
             WHERE organization_id = $1 AND instance_id = $2",
        )
        .bind(scope.org_id().0)
        .bind(instance_id)
        .fetch_optional(self.writer())
        .await?)
    }

    /// Remembers a submission; when its instance id was remembered meanwhile (two copies sent
    /// at once), keeps the first and answers it.
    pub async fn remember_openrosa_submission(
        &self,
        scope: &OrgScope,
        s: &NewSubmission<'_>,
    ) -> Result<SeenSubmission> {
        let mut conn = self.writer().acquire().await?;
        remember_in(&mut conn, scope, s).await?;
        drop(conn);
        self.openrosa_submission(scope, s.instance_id)
            .await?
            .ok_or(crate::StoreError::Corrupt("openrosa submission"))
    }

    /// How many submissions the association received (for tests and the operator).
    pub async fn openrosa_submission_count(&self, scope: &OrgScope) -> Result<i64> {
        let (n,): (i64,) =
            sqlx::query_as("SELECT COUNT(*) FROM openrosa_submissions WHERE organization_id = $1")
                .bind(scope.org_id().0)
                .fetch_one(self.reader())
                .await?;
        Ok(n)
    }
}

/// Remembers a submission inside a transaction (the record's own, so that a retry after a cut
/// finds it); an instance id remembered before is kept as it was.
pub(crate) async fn remember_in(
    conn: &mut AnyConnection,
    scope: &OrgScope,
    s: &NewSubmission<'_>,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO openrosa_submissions (organization_id, instance_id, form_id, \
         content_hash, record, submitted_by, received_at) VALUES ($1, $2, $3, $4, $5, $6, $7) \
         ON CONFLICT (organization_id, instance_id) DO NOTHING",
    )
    .bind(scope.org_id().0)
    .bind(s.instance_id)
    .bind(s.form_id)
    .bind(s.content_hash)
    .bind(s.record)
    .bind(s.by.0)
    .bind(now())
    .execute(&mut *conn)
    .await?;
    Ok(())
}
