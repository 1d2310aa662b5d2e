//! Platform administration of accounts: the list and its search, an account created by a platform
//! admin, an account disabled (its sessions end and its API tokens are revoked) or enabled again,
//! platform roles given and taken — each refused when it would touch the admin's own account or
//! leave no active platform admin, and each recorded in `account_changes` in the same transaction.

use crate::accounts::{user_from, UserRow, USER_COLUMNS};
use crate::{now, refuse_on_unique, to_datetime, Result, Store, StoreError, User};
use sqlx::AnyConnection;
use time::OffsetDateTime;
use twiza_domain::account::{AccountAction, PlatformGrant};
use twiza_domain::competence::Competence;
use twiza_domain::{PlatformRole, Refusal, UserId};

/// The password hash of an account that has not set a password yet: no password matches it.
pub const UNUSABLE_PASSWORD_HASH: &str = "!unset";

/// An account as a platform admin sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub user: User,
    pub disabled: bool,
    pub created_at: OffsetDateTime,
}

/// One page of the account list, in the order of creation, with the cursors of its neighbours.
#[derive(Debug, Clone, Default)]
pub struct AccountsPage {
    pub accounts: Vec<Account>,
    /// `before=` of the previous page, if there is one.
    pub previous: Option<i64>,
    /// `after=` of the next page, if there is one.
    pub next: Option<i64>,
}

/// What the account list shows: a search of e-mail addresses and names, and a cursor.
#[derive(Debug, Clone, Default)]
pub struct AccountsQuery {
    pub search: Option<String>,
    pub after: Option<i64>,
    pub before: Option<i64>,
    pub per_page: i64,
}

/// One recorded change of an account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountChange {
    pub action: AccountAction,
    /// The role given or taken.
    pub role: Option<PlatformRole>,
    /// An authority's competence, as given.
    pub competence: Option<Competence>,
    /// `None`: the command line.
    pub changed_by: Option<UserId>,
    pub changed_by_name: Option<String>,
    pub changed_at: OffsetDateTime,
}

#[derive(sqlx::FromRow)]
struct AccountRecord {
    #[sqlx(flatten)]
    user: UserRow,
    disabled_at: Option<i64>,
    created_at: i64,
}

#[derive(sqlx::FromRow)]
struct ChangeRow {
    action: String,
    platform_role: Option<String>,
    competence_kind: Option<String>,
    competence_code: Option<String>,
    changed_by: Option<i64>,
    changed_by_name: Option<String>,
    changed_at: i64,
}

fn account_from(row: AccountRecord) -> Result<Account> {
    Ok(Account {
        user: user_from(row.user)?,
        disabled: row.disabled_at.is_some(),
        created_at: to_datetime(row.created_at)?,
    })
}

fn change_from(row: ChangeRow) -> Result<AccountChange> {
    let role = row
        .platform_role
        .as_deref()
        .map(|r| PlatformRole::parse(r).ok_or(StoreError::Corrupt("platform_role")))
        .transpose()?;
    let competence = row
        .competence_kind
        .as_deref()
        .map(|k| {
            Competence::parse(k, row.competence_code.as_deref())
                .map_err(|_| StoreError::Corrupt("competence"))
        })
        .transpose()?;
    Ok(AccountChange {
        action: AccountAction::parse(&row.action).ok_or(StoreError::Corrupt("action"))?,
        role,
        competence,
        changed_by: row.changed_by.map(UserId),
        changed_by_name: row.changed_by_name,
        changed_at: to_datetime(row.changed_at)?,
    })
}

/// The columns of an [`AccountRecord`], from `users` aliased `u`.
fn account_columns() -> String {
    format!("{USER_COLUMNS}, u.disabled_at AS disabled_at, u.created_at AS created_at")
}

impl Store {
    /// A page of accounts, oldest first, whose e-mail or name contains the search (any case).
    pub async fn accounts_page(&self, query: &AccountsQuery) -> Result<AccountsPage> {
        let per_page = query.per_page.clamp(1, 200);
        let search = query
            .search
            .as_deref()
            .map(|q| crate::organizations::escape_like(q.trim()).to_lowercase())
            .filter(|q| !q.is_empty());
        let backwards = query.before.is_some();
        let (cursor, order) = match query.before {
            Some(before) => (format!("u.id < {before}"), "DESC"),
            None => (format!("u.id > {}", query.after.unwrap_or(0)), "ASC"),
        };
        let filter = if search.is_some() {
            " AND (LOWER(u.email) LIKE $1 OR LOWER(u.display_name) LIKE $1)"
        } else {
            ""
        };
        let sql = format!(
            "SELECT {} FROM users u WHERE {cursor}{filter} ORDER BY u.id {order} LIMIT {}",
            account_columns(),
            per_page + 1
        );
        let mut q = sqlx::query_as::<_, AccountRecord>(&sql);
        if let Some(s) = &search {
            q = q.bind(format!("%{s}%"));
        }
        let rows = q.fetch_all(self.reader()).await?;
        let more = rows.len() as i64 > per_page;
        let mut accounts = rows
            .into_iter()
            .take(per_page as usize)
            .map(account_from)
            .collect::<Result<Vec<_>>>()?;
        if backwards {
            accounts.reverse();
        }
        let first = accounts.first().map(|a| a.user.id.0);
        let last = accounts.last().map(|a| a.user.id.0);
        let (previous, next) = if backwards {
            (first.filter(|_| more), last)
        } else {
            (
                first.filter(|_| query.after.is_some()),
                last.filter(|_| more),
            )
        };
        Ok(AccountsPage {
            accounts,
            previous,
            next,
        })
    }

    /// One account, disabled or not.
    pub async fn account(&self, id: UserId) -> Result<Option<Account>> {
        let sql = format!("SELECT {} FROM users u WHERE u.id = $1", account_columns());
        let row: Option<AccountRecord> = sqlx::query_as(&sql)
            .bind(id.0)
            .fetch_optional(self.reader())
            .await?;
        row.map(account_from).transpose()
    }

    /// Creates an account without a usable password, with its platform role if given; records
    /// its creation (and the role) as done `by` (`None`: the command line). Refused:
    /// `email_taken`. `email` must already be normalized.
    pub async fn create_account(
        &self,
        email: &str,
        display_name: &str,
        grant: Option<&PlatformGrant>,
        by: Option<UserId>,
    ) -> Result<UserId> {
        let mut tx = self.writer().begin().await?;
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO users (email, password_hash, display_name, created_at) \
             VALUES ($1, $2, $3, $4) RETURNING id",
        )
        .bind(email)
        .bind(UNUSABLE_PASSWORD_HASH)
        .bind(display_name)
        .bind(now())
        .fetch_one(&mut *tx)
        .await
        .map_err(refuse_on_unique(Refusal::EmailTaken))?;
        let id = UserId(id);
        record(&mut tx, id, AccountAction::Created, None, by).await?;
        if let Some(grant) = grant {
            give(&mut tx, id, grant, by).await?;
        }
        tx.commit().await?;
        Ok(id)
    }

    /// Disables an account: it can no longer sign in, its web sessions end and its API tokens
    /// are revoked. Refused: `own_account` (the admin's own), `last_platform_admin`. Disabling a
    /// disabled account changes nothing.
    pub async fn disable_account(&self, id: UserId, by: UserId) -> Result<()> {
        if id == by {
            return Err(StoreError::Refused(Refusal::OwnAccount));
        }
        let mut tx = self.writer().begin().await?;
        let (user, disabled) = self.locked_account(&mut tx, id).await?;
        if disabled {
            return Ok(());
        }
        if user.platform_role == Some(PlatformRole::PlatformAdmin) {
            self.keep_a_platform_admin(&mut tx, id).await?;
        }
        let at = now();
        sqlx::query("UPDATE users SET disabled_at = $1 WHERE id = $2")
            .bind(at)
            .bind(id.0)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM web_sessions WHERE user_id = $1")
            .bind(id.0)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "UPDATE api_tokens SET revoked_at = $1 WHERE user_id = $2 AND revoked_at IS NULL",
        )
        .bind(at)
        .bind(id.0)
        .execute(&mut *tx)
        .await?;
        record(&mut tx, id, AccountAction::Disabled, None, Some(by)).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Enables a disabled account again (its holder signs in anew; revoked tokens stay revoked).
    /// Enabling an active account changes nothing.
    pub async fn enable_account(&self, id: UserId, by: UserId) -> Result<()> {
        if id == by {
            return Err(StoreError::Refused(Refusal::OwnAccount));
        }
        let mut tx = self.writer().begin().await?;
        let (_, disabled) = self.locked_account(&mut tx, id).await?;
        if !disabled {
            return Ok(());
        }
        sqlx::query("UPDATE users SET disabled_at = NULL WHERE id = $1")
            .bind(id.0)
            .execute(&mut *tx)
            .await?;
        record(&mut tx, id, AccountAction::Enabled, None, Some(by)).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Gives an account a platform role (an authority with its competence) in place of the one
    /// it had, or takes its role (`None`). Records the role taken and the role given, as done
    /// `by` (`None`: the command line). Refused: `own_account`, `last_platform_admin`. The same
    /// role (and competence) again changes nothing.
    pub async fn change_platform_role(
        &self,
        id: UserId,
        grant: Option<&PlatformGrant>,
        by: Option<UserId>,
    ) -> Result<()> {
        if by == Some(id) {
            return Err(StoreError::Refused(Refusal::OwnAccount));
        }
        let mut tx = self.writer().begin().await?;
        let (user, disabled) = self.locked_account(&mut tx, id).await?;
        let current_role = user.platform_role;
        let new_role = grant.map(PlatformGrant::role);
        if current_role == new_role
            && user.competence.as_ref() == grant.and_then(|g| g.competence())
        {
            return Ok(());
        }
        if current_role == Some(PlatformRole::PlatformAdmin)
            && new_role != current_role
            && !disabled
        {
            self.keep_a_platform_admin(&mut tx, id).await?;
        }
        if let Some(role) = current_role.filter(|r| Some(*r) != new_role) {
            record(&mut tx, id, AccountAction::RoleTaken, Some(role), by).await?;
            sqlx::query(
                "UPDATE users SET platform_role = NULL, competence_kind = NULL, \
                 competence_code = NULL WHERE id = $1",
            )
            .bind(id.0)
            .execute(&mut *tx)
            .await?;
        }
        if let Some(grant) = grant {
            give(&mut tx, id, grant, by).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// The recorded changes of an account, newest first (at most `limit`).
    pub async fn account_changes(&self, id: UserId, limit: i64) -> Result<Vec<AccountChange>> {
        let rows: Vec<ChangeRow> = sqlx::query_as(
            "SELECT c.action, c.platform_role, c.competence_kind, c.competence_code, \
             c.changed_by, b.display_name AS changed_by_name, c.changed_at \
             FROM account_changes c LEFT JOIN users b ON b.id = c.changed_by \
             WHERE c.user_id = $1 ORDER BY c.id DESC LIMIT $2",
        )
        .bind(id.0)
        .bind(limit)
        .fetch_all(self.reader())
        .await?;
        rows.into_iter().map(change_from).collect()
    }

    /// The account and whether it is disabled, its row locked (`Backend::for_update`) so that two
    /// changes take turns; `NotFound` if there is none.
    async fn locked_account(&self, conn: &mut AnyConnection, id: UserId) -> Result<(User, bool)> {
        let sql = format!(
            "SELECT {} FROM users u WHERE u.id = $1{}",
            account_columns(),
            self.backend().for_update()
        );
        let row: Option<AccountRecord> = sqlx::query_as(&sql)
            .bind(id.0)
            .fetch_optional(&mut *conn)
            .await?;
        let account = account_from(row.ok_or(StoreError::NotFound)?)?;
        Ok((account.user, account.disabled))
    }

    /// Refuses (`last_platform_admin`) unless an active platform admin other than `leaving`
    /// remains; their rows are locked so that two admins cannot be removed at once.
    async fn keep_a_platform_admin(&self, conn: &mut AnyConnection, leaving: UserId) -> Result<()> {
        let sql = format!(
            "SELECT id FROM users WHERE platform_role = 'platform_admin' \
             AND disabled_at IS NULL AND id <> $1{}",
            self.backend().for_update()
        );
        let others: Vec<(i64,)> = sqlx::query_as(&sql)
            .bind(leaving.0)
            .fetch_all(&mut *conn)
            .await?;
        if others.is_empty() {
            return Err(StoreError::Refused(Refusal::LastPlatformAdmin));
        }
        Ok(())
    }
}

/// Sets the account's platform role (and an authority's competence, with who set it and when)
/// and records the role given.
async fn give(
    conn: &mut AnyConnection,
    id: UserId,
    grant: &PlatformGrant,
    by: Option<UserId>,
) -> Result<()> {
    let competence = grant.competence();
    sqlx::query(
        "UPDATE users SET platform_role = $1, competence_kind = $2, competence_code = $3, \
         competence_set_by = $4, competence_set_at = $5 WHERE id = $6",
    )
    .bind(grant.role().as_str())
    .bind(competence.map(|c| c.kind().as_str()))
    .bind(competence.and_then(Competence::code))
    .bind(competence.and(by).map(|u| u.0))
    .bind(competence.map(|_| now()))
    .bind(id.0)
    .execute(&mut *conn)
    .await?;
    record_with(
        conn,
        id,
        AccountAction::RoleGiven,
        Some(grant.role()),
        competence,
        by,
    )
    .await?;
    Ok(())
}

async fn record(
    conn: &mut AnyConnection,
    id: UserId,
    action: AccountAction,
    role: Option<PlatformRole>,
    by: Option<UserId>,
) -> Result<()> {
    record_with(conn, id, action, role, None, by).await
}

/// Records a change of the account, with the role given or taken and an authority's competence.
async fn record_with(
    conn: &mut AnyConnection,
    id: UserId,
    action: AccountAction,
    role: Option<PlatformRole>,
    competence: Option<&Competence>,
    by: Option<UserId>,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO account_changes (user_id, action, platform_role, competence_kind, \
         competence_code, changed_by, changed_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(id.0)
    .bind(action.as_str())
    .bind(role.map(PlatformRole::as_str))
    .bind(competence.map(|c| c.kind().as_str()))
    .bind(competence.and_then(Competence::code))
    .bind(by.map(|u| u.0))
    .bind(now())
    .execute(&mut *conn)
    .await?;
    Ok(())
}
