//! Household files kept between a dry run and their import: sealed with the personal-data keys,
//! named by a random token (only its SHA-256 is stored), taken once — so the file is sent once,
//! and a second confirmation finds nothing to import. Files left more than a day are erased.

use crate::privacy::PersonalDataKeys;
use crate::{now, Result, Store, StoreError};
use rand::RngCore;
use sha2::{Digest, Sha256};
use twiza_domain::{OrgScope, UserId};

/// How long an uploaded file waits for its import, in seconds.
const KEPT_FOR: i64 = 24 * 3600;

fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

fn binding(org: i64, hash: &str) -> Vec<u8> {
    format!("twiza-household-upload-v1\n{org}\n{hash}").into_bytes()
}

impl Store {
    /// Keeps an uploaded household file (as CSV) for the association; returns the token that
    /// names it. Files of the association older than a day are erased on the way.
    pub async fn keep_household_upload(
        &self,
        scope: &OrgScope,
        keys: &PersonalDataKeys,
        by: UserId,
        csv: &[u8],
    ) -> Result<String> {
        let mut secret = [0u8; 32];
        rand::rngs::OsRng.fill_bytes(&mut secret);
        let token = hex::encode(secret);
        let hash = token_hash(&token);
        let org = scope.org_id().0;
        let sealed = keys.seal_bytes(&binding(org, &hash), csv);
        let mut tx = self.writer().begin().await?;
        sqlx::query(
            "DELETE FROM household_uploads WHERE organization_id = $1 AND uploaded_at < $2",
        )
        .bind(org)
        .bind(now() - KEPT_FOR)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO household_uploads (organization_id, token_hash, uploaded_by, seal_key_id, \
             content_sealed, uploaded_at) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(org)
        .bind(&hash)
        .bind(by.0)
        .bind(i64::from(keys.current_id()))
        .bind(sealed)
        .bind(now())
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(token)
    }

    /// The kept file named by `token` (not erased), or `NotFound`.
    pub async fn household_upload(
        &self,
        scope: &OrgScope,
        keys: &PersonalDataKeys,
        token: &str,
    ) -> Result<Vec<u8>> {
        let hash = token_hash(token);
        let row: Option<(Vec<u8>,)> = sqlx::query_as(
            "SELECT content_sealed FROM household_uploads \
             WHERE token_hash = $1 AND organization_id = $2 AND uploaded_at >= $3",
        )
        .bind(&hash)
        .bind(scope.org_id().0)
        .bind(now() - KEPT_FOR)
        .fetch_optional(self.reader())
        .await?;
        let (sealed,) = row.ok_or(StoreError::NotFound)?;
        keys.open_bytes(&binding(scope.org_id().0, &hash), &sealed)
            .map_err(|_| StoreError::Corrupt("sealed household file"))
    }

    /// Takes the kept file named by `token`: it is erased as it is read, so only one import
    /// gets it.
    pub async fn take_household_upload(
        &self,
        scope: &OrgScope,
        keys: &PersonalDataKeys,
        token: &str,
    ) -> Result<Vec<u8>> {
        let content = self.household_upload(scope, keys, token).await?;
        let taken = sqlx::query(
            "DELETE FROM household_uploads WHERE token_hash = $1 AND organization_id = $2",
        )
        .bind(token_hash(token))
        .bind(scope.org_id().0)
        .execute(self.writer())
        .await?
        .rows_affected();
        if taken != 1 {
            return Err(StoreError::NotFound);
        }
        Ok(content)
    }
}
