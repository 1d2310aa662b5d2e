//! Users, web sessions, API tokens and the sign-in failure counter.
//!
//! Session and API tokens are stored only as SHA-256 hashes: a copy of the database does not let
//! anyone sign in.

use crate::{expect_one, now, refuse_on_unique, to_datetime, Result, Store, StoreError};
use time::OffsetDateTime;
use twiza_domain::competence::Competence;
use twiza_domain::ids::TokenId;
use twiza_domain::Refusal;
use twiza_domain::{PlatformRole, UserId};

/// An account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    pub id: UserId,
    /// Personal data: never log it.
    pub email: String,
    pub display_name: String,
    pub platform_role: Option<PlatformRole>,
    /// The territory whose authorizations an authority account decides (Law 18-18); none for
    /// other accounts, and none for an authority whose competence is not set yet (it decides
    /// nothing until a platform admin sets it).
    pub competence: Option<Competence>,
}

/// A live web session.
/// Sign-in failures counted under one key within a window (times in Unix seconds).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Failures {
    pub count: i64,
    pub oldest: i64,
    pub newest: i64,
}

#[derive(Debug, Clone)]
pub struct SessionRow {
    pub user: User,
    pub csrf_token: String,
    pub expires_at: i64,
}

/// An API token as listed to its owner (the secret itself is never stored).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiTokenRow {
    pub id: TokenId,
    pub label: String,
    /// First characters of the token, to recognise it.
    pub prefix: String,
    pub created_at: OffsetDateTime,
    pub last_used_at: Option<OffsetDateTime>,
    pub revoked: bool,
}

/// A `users` row as read into a [`User`] (`USER_COLUMNS`, on the table aliased `u`).
#[derive(sqlx::FromRow)]
pub(crate) struct UserRow {
    id: i64,
    email: String,
    display_name: String,
    platform_role: Option<String>,
    competence_kind: Option<String>,
    competence_code: Option<String>,
}

/// The columns of a [`UserRow`], from `users` aliased `u`.
pub(crate) const USER_COLUMNS: &str =
    "u.id AS id, u.email AS email, u.display_name AS display_name, \
     u.platform_role AS platform_role, u.competence_kind AS competence_kind, \
     u.competence_code AS competence_code";

/// The owner of an API token, with the token's id and last use (`user_for_api_token`).
#[derive(sqlx::FromRow)]
struct TokenOwnerRow {
    #[sqlx(flatten)]
    user: UserRow,
    token_id: i64,
    last_used_at: Option<i64>,
}

/// A session with its account (`session`).
#[derive(sqlx::FromRow)]
struct SessionRecord {
    #[sqlx(flatten)]
    user: UserRow,
    csrf_token: String,
    expires_at: i64,
}

/// An account with its password hash (`user_with_password`).
#[derive(sqlx::FromRow)]
struct PasswordRecord {
    #[sqlx(flatten)]
    user: UserRow,
    password_hash: String,
}

/// An `api_tokens` row as read for its owner's list (times in Unix seconds).
#[derive(sqlx::FromRow)]
struct ApiTokenRecord {
    id: i64,
    label: String,
    prefix: String,
    created_at: i64,
    last_used_at: Option<i64>,
    revoked_at: Option<i64>,
}

pub(crate) fn user_from(row: UserRow) -> Result<User> {
    let platform_role = match row.platform_role {
        Some(r) => Some(PlatformRole::parse(&r).ok_or(StoreError::Corrupt("platform_role"))?),
        None => None,
    };
    let competence = match row.competence_kind {
        Some(kind) => Some(
            Competence::parse(&kind, row.competence_code.as_deref())
                .map_err(|_| StoreError::Corrupt("competence"))?,
        ),
        None => None,
    };
    Ok(User {
        id: UserId(row.id),
        email: row.email,
        display_name: row.display_name,
        platform_role,
        competence,
    })
}

/// Last-used times are refreshed at most this often, so reads do not turn into writes.
const LAST_USED_RESOLUTION_SECS: i64 = 300;

impl Store {
    /// Creates an account. `email` must already be normalized.
    pub async fn create_user(
        &self,
        email: &str,
        password_hash: &str,
        display_name: &str,
        platform_role: Option<PlatformRole>,
    ) -> Result<UserId> {
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO users (email, password_hash, display_name, platform_role, created_at) \
             VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(email)
        .bind(password_hash)
        .bind(display_name)
        .bind(platform_role.map(|r| r.as_str()))
        .bind(now())
        .fetch_one(self.writer())
        .await
        .map_err(refuse_on_unique(Refusal::EmailTaken))?;
        Ok(UserId(id))
    }

    /// The account and its password hash, for sign-in; none for a disabled account.
    pub async fn user_with_password(&self, email: &str) -> Result<Option<(User, String)>> {
        let row: Option<PasswordRecord> = sqlx::query_as(&format!(
            "SELECT {USER_COLUMNS}, u.password_hash AS password_hash FROM users u \
             WHERE u.email = $1 AND u.disabled_at IS NULL"
        ))
        .bind(email)
        .fetch_optional(self.reader())
        .await?;
        row.map(|r| Ok((user_from(r.user)?, r.password_hash)))
            .transpose()
    }

    pub async fn user(&self, id: UserId) -> Result<Option<User>> {
        let row: Option<UserRow> = sqlx::query_as(&format!(
            "SELECT {USER_COLUMNS} FROM users u WHERE u.id = $1"
        ))
        .bind(id.0)
        .fetch_optional(self.reader())
        .await?;
        row.map(user_from).transpose()
    }

    /// Sets an account's platform role. Only an authority holds a competence: any other role
    /// (or none) clears it.
    pub async fn set_platform_role(&self, id: UserId, role: Option<PlatformRole>) -> Result<()> {
        let done = sqlx::query(
            "UPDATE users SET platform_role = $1, \
             competence_kind = CASE WHEN $1 = 'authority' THEN competence_kind END, \
             competence_code = CASE WHEN $1 = 'authority' THEN competence_code END \
             WHERE id = $2",
        )
        .bind(role.map(|r| r.as_str()))
        .bind(id.0)
        .execute(self.writer())
        .await?;
        expect_one(done)
    }

    /// Makes an account an authority with its competence (Law 18-18), replacing any platform
    /// role and competence it had; records who set it (`None`: the command line) and when.
    pub async fn set_authority_competence(
        &self,
        id: UserId,
        competence: &Competence,
        by: Option<UserId>,
    ) -> Result<()> {
        let done = sqlx::query(
            "UPDATE users SET platform_role = $1, competence_kind = $2, competence_code = $3, \
             competence_set_by = $4, competence_set_at = $5 WHERE id = $6",
        )
        .bind(PlatformRole::Authority.as_str())
        .bind(competence.kind().as_str())
        .bind(competence.code())
        .bind(by.map(|u| u.0))
        .bind(now())
        .bind(id.0)
        .execute(self.writer())
        .await?;
        expect_one(done)
    }

    /// The account with this e-mail (already normalized), if any.
    pub async fn user_by_email(&self, email: &str) -> Result<Option<User>> {
        let row: Option<UserRow> = sqlx::query_as(&format!(
            "SELECT {USER_COLUMNS} FROM users u WHERE u.email = $1"
        ))
        .bind(email)
        .fetch_optional(self.reader())
        .await?;
        row.map(user_from).transpose()
    }

    pub async fn create_session(
        &self,
        token_hash: &str,
        user_id: UserId,
        csrf_token: &str,
        expires_at: i64,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO web_sessions (token_hash, user_id, csrf_token, created_at, expires_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(token_hash)
        .bind(user_id.0)
        .bind(csrf_token)
        .bind(now())
        .bind(expires_at)
        .execute(self.writer())
        .await?;
        Ok(())
    }

    /// The session with this token hash, if it has not expired and its account is not disabled.
    pub async fn session(&self, token_hash: &str) -> Result<Option<SessionRow>> {
        let row: Option<SessionRecord> = sqlx::query_as(&format!(
            "SELECT {USER_COLUMNS}, s.csrf_token AS csrf_token, s.expires_at AS expires_at \
             FROM web_sessions s JOIN users u ON u.id = s.user_id \
             WHERE s.token_hash = $1 AND s.expires_at > $2 AND u.disabled_at IS NULL"
        ))
        .bind(token_hash)
        .bind(now())
        .fetch_optional(self.reader())
        .await?;
        row.map(|r| {
            Ok(SessionRow {
                user: user_from(r.user)?,
                csrf_token: r.csrf_token,
                expires_at: r.expires_at,
            })
        })
        .transpose()
    }

    pub async fn delete_session(&self, token_hash: &str) -> Result<()> {
        sqlx::query("DELETE FROM web_sessions WHERE token_hash = $1")
            .bind(token_hash)
            .execute(self.writer())
            .await?;
        Ok(())
    }

    /// Removes expired sessions and old sign-in failures; returns how many rows went.
    pub async fn purge_expired(&self, failures_before: i64) -> Result<u64> {
        let sessions = sqlx::query("DELETE FROM web_sessions WHERE expires_at <= $1")
            .bind(now())
            .execute(self.writer())
            .await?;
        let failures = sqlx::query("DELETE FROM sign_in_failures WHERE at < $1")
            .bind(failures_before)
            .execute(self.writer())
            .await?;
        Ok(sessions.rows_affected() + failures.rows_affected())
    }

    pub async fn create_api_token(
        &self,
        user_id: UserId,
        token_hash: &str,
        label: &str,
        prefix: &str,
    ) -> Result<TokenId> {
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO api_tokens (user_id, token_hash, label, prefix, created_at) \
             VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(user_id.0)
        .bind(token_hash)
        .bind(label)
        .bind(prefix)
        .bind(now())
        .fetch_one(self.writer())
        .await?;
        Ok(TokenId(id))
    }

    /// The owner of a live (not revoked) API token whose account is not disabled.
    pub async fn user_for_api_token(&self, token_hash: &str) -> Result<Option<User>> {
        let row: Option<TokenOwnerRow> = sqlx::query_as(&format!(
            "SELECT {USER_COLUMNS}, t.id AS token_id, t.last_used_at AS last_used_at \
             FROM api_tokens t JOIN users u ON u.id = t.user_id \
             WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND u.disabled_at IS NULL"
        ))
        .bind(token_hash)
        .fetch_optional(self.reader())
        .await?;
        let Some(TokenOwnerRow {
            user,
            token_id,
            last_used_at: last_used,
        }) = row
        else {
            return Ok(None);
        };
        let now = now();
        if last_used.is_none_or(|t| now - t > LAST_USED_RESOLUTION_SECS) {
            sqlx::query("UPDATE api_tokens SET last_used_at = $1 WHERE id = $2")
                .bind(now)
                .bind(token_id)
                .execute(self.writer())
                .await?;
        }
        Ok(Some(user_from(user)?))
    }

    pub async fn api_tokens(&self, user_id: UserId) -> Result<Vec<ApiTokenRow>> {
        let rows: Vec<ApiTokenRecord> = sqlx::query_as(
            "SELECT id, label, prefix, created_at, last_used_at, revoked_at FROM api_tokens \
             WHERE user_id = $1 ORDER BY id DESC LIMIT 200",
        )
        .bind(user_id.0)
        .fetch_all(self.reader())
        .await?;
        rows.into_iter()
            .map(|r| {
                Ok(ApiTokenRow {
                    id: TokenId(r.id),
                    label: r.label,
                    prefix: r.prefix,
                    created_at: to_datetime(r.created_at)?,
                    last_used_at: r.last_used_at.map(to_datetime).transpose()?,
                    revoked: r.revoked_at.is_some(),
                })
            })
            .collect()
    }

    /// Revokes one of the user's own tokens. Another user's token is `NotFound`.
    pub async fn revoke_api_token(&self, user_id: UserId, token_id: TokenId) -> Result<()> {
        let done = sqlx::query(
            "UPDATE api_tokens SET revoked_at = $1 \
             WHERE id = $2 AND user_id = $3 AND revoked_at IS NULL",
        )
        .bind(now())
        .bind(token_id.0)
        .bind(user_id.0)
        .execute(self.writer())
        .await?;
        expect_one(done)
    }

    pub async fn record_sign_in_failure(&self, key_hash: &str) -> Result<()> {
        sqlx::query("INSERT INTO sign_in_failures (key_hash, at) VALUES ($1, $2)")
            .bind(key_hash)
            .bind(now())
            .execute(self.writer())
            .await?;
        Ok(())
    }

    /// The failures recorded under `key_hash` since `since`: how many, the oldest and the newest.
    pub async fn sign_in_failures_since(&self, key_hash: &str, since: i64) -> Result<Failures> {
        let (count, oldest, newest): (i64, Option<i64>, Option<i64>) = sqlx::query_as(
            "SELECT CAST(COUNT(*) AS BIGINT), MIN(at), MAX(at) FROM sign_in_failures \
             WHERE key_hash = $1 AND at >= $2",
        )
        .bind(key_hash)
        .bind(since)
        .fetch_one(self.reader())
        .await?;
        Ok(Failures {
            count,
            oldest: oldest.unwrap_or(since),
            newest: newest.unwrap_or(since),
        })
    }

    pub async fn clear_sign_in_failures(&self, key_hash: &str) -> Result<()> {
        sqlx::query("DELETE FROM sign_in_failures WHERE key_hash = $1")
            .bind(key_hash)
            .execute(self.writer())
            .await?;
        Ok(())
    }
}
