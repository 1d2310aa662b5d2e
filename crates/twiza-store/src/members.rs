//! Changes to an association's members: a role changed, a member removed, ownership handed
//! over. Each checks who may make it (`ScopeGrant::may_change_member`) and that the association
//! keeps an owner, and is recorded in `membership_changes` in the same transaction.

use crate::{now, Result, Store, StoreError};
use sqlx::AnyConnection;
use twiza_domain::{OrgRole, OrgScope, Refusal, UserId};

/// One recorded change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MembershipChange {
    pub user_id: UserId,
    pub display_name: String,
    pub from_role: OrgRole,
    /// `None`: the member was removed.
    pub to_role: Option<OrgRole>,
    pub changed_by: UserId,
    pub changed_by_name: String,
    pub changed_at: time::OffsetDateTime,
}

#[derive(sqlx::FromRow)]
struct ChangeRow {
    user_id: i64,
    display_name: String,
    from_role: String,
    to_role: Option<String>,
    changed_by: i64,
    changed_by_name: String,
    changed_at: i64,
}

impl Store {
    /// Gives a member another role. Refused: `owner_only`, `managers_only`, `last_owner`;
    /// `NotFound` if the person is not a member.
    pub async fn change_member_role(
        &self,
        scope: &OrgScope,
        member: UserId,
        role: OrgRole,
        by: UserId,
    ) -> Result<()> {
        let mut tx = self.writer().begin().await?;
        let current = self.locked_role(&mut tx, scope, member).await?;
        scope
            .grant()
            .may_change_member(current, Some(role))
            .map_err(StoreError::Refused)?;
        if current == role {
            return Ok(());
        }
        if current == OrgRole::Owner {
            self.keep_an_owner(&mut tx, scope, member).await?;
        }
        set_role(&mut tx, scope, member, Some(role)).await?;
        record(&mut tx, scope, member, current, Some(role), by).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Removes a member (leaving is removing oneself). Refused as for a role change.
    pub async fn remove_member(&self, scope: &OrgScope, member: UserId, by: UserId) -> Result<()> {
        let mut tx = self.writer().begin().await?;
        let current = self.locked_role(&mut tx, scope, member).await?;
        scope
            .grant()
            .may_change_member(current, None)
            .map_err(StoreError::Refused)?;
        if current == OrgRole::Owner {
            self.keep_an_owner(&mut tx, scope, member).await?;
        }
        set_role(&mut tx, scope, member, None).await?;
        record(&mut tx, scope, member, current, None, by).await?;
        tx.commit().await?;
        Ok(())
    }

    /// An owner hands ownership to another member and becomes an admin, in one step.
    pub async fn hand_over_ownership(
        &self,
        scope: &OrgScope,
        to: UserId,
        owner: UserId,
    ) -> Result<()> {
        if to == owner {
            return Ok(());
        }
        let mut tx = self.writer().begin().await?;
        let own = self.locked_role(&mut tx, scope, owner).await?;
        if own != OrgRole::Owner {
            return Err(StoreError::Refused(Refusal::OwnerOnly));
        }
        let theirs = self.locked_role(&mut tx, scope, to).await?;
        if theirs != OrgRole::Owner {
            set_role(&mut tx, scope, to, Some(OrgRole::Owner)).await?;
            record(&mut tx, scope, to, theirs, Some(OrgRole::Owner), owner).await?;
        }
        set_role(&mut tx, scope, owner, Some(OrgRole::Admin)).await?;
        record(
            &mut tx,
            scope,
            owner,
            OrgRole::Owner,
            Some(OrgRole::Admin),
            owner,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The association's membership changes, newest first (at most `limit`).
    pub async fn membership_changes(
        &self,
        scope: &OrgScope,
        limit: i64,
    ) -> Result<Vec<MembershipChange>> {
        let rows: Vec<ChangeRow> = sqlx::query_as(
            "SELECT c.user_id, u.display_name, c.from_role, c.to_role, c.changed_by, \
             b.display_name AS changed_by_name, c.changed_at FROM membership_changes c \
             JOIN users u ON u.id = c.user_id JOIN users b ON b.id = c.changed_by \
             WHERE c.organization_id = $1 ORDER BY c.id DESC LIMIT $2",
        )
        .bind(scope.org_id().0)
        .bind(limit)
        .fetch_all(self.reader())
        .await?;
        let role = |s: &str| OrgRole::parse(s).ok_or(StoreError::Corrupt("role"));
        rows.into_iter()
            .map(|r| {
                Ok(MembershipChange {
                    user_id: UserId(r.user_id),
                    display_name: r.display_name,
                    from_role: role(&r.from_role)?,
                    to_role: r.to_role.as_deref().map(role).transpose()?,
                    changed_by: UserId(r.changed_by),
                    changed_by_name: r.changed_by_name,
                    changed_at: crate::to_datetime(r.changed_at)?,
                })
            })
            .collect()
    }

    /// The member's role, the row locked (`Backend::for_update`) so that two changes take turns.
    async fn locked_role(
        &self,
        conn: &mut AnyConnection,
        scope: &OrgScope,
        member: UserId,
    ) -> Result<OrgRole> {
        let sql = format!(
            "SELECT role FROM memberships WHERE organization_id = $1 AND user_id = $2{}",
            self.backend().for_update()
        );
        let row: Option<(String,)> = sqlx::query_as(&sql)
            .bind(scope.org_id().0)
            .bind(member.0)
            .fetch_optional(&mut *conn)
            .await?;
        let (role,) = row.ok_or(StoreError::NotFound)?;
        OrgRole::parse(&role).ok_or(StoreError::Corrupt("role"))
    }

    /// Refuses (`last_owner`) unless an owner other than `leaving` remains; the owners' rows are
    /// locked so that two owners cannot step down at once.
    async fn keep_an_owner(
        &self,
        conn: &mut AnyConnection,
        scope: &OrgScope,
        leaving: UserId,
    ) -> Result<()> {
        let sql = format!(
            "SELECT user_id FROM memberships WHERE organization_id = $1 AND role = 'owner' \
             AND user_id <> $2{}",
            self.backend().for_update()
        );
        let others: Vec<(i64,)> = sqlx::query_as(&sql)
            .bind(scope.org_id().0)
            .bind(leaving.0)
            .fetch_all(&mut *conn)
            .await?;
        if others.is_empty() {
            return Err(StoreError::Refused(Refusal::LastOwner));
        }
        Ok(())
    }
}

/// Sets (or, with `None`, deletes) a membership.
async fn set_role(
    conn: &mut AnyConnection,
    scope: &OrgScope,
    member: UserId,
    role: Option<OrgRole>,
) -> Result<()> {
    let query = match role {
        Some(role) => sqlx::query(
            "UPDATE memberships SET role = $3 WHERE organization_id = $1 AND user_id = $2",
        )
        .bind(scope.org_id().0)
        .bind(member.0)
        .bind(role.as_str()),
        None => {
            // The communes a member worked in go with them.
            sqlx::query("DELETE FROM member_communes WHERE organization_id = $1 AND user_id = $2")
                .bind(scope.org_id().0)
                .bind(member.0)
                .execute(&mut *conn)
                .await?;
            sqlx::query("DELETE FROM memberships WHERE organization_id = $1 AND user_id = $2")
                .bind(scope.org_id().0)
                .bind(member.0)
        }
    };
    query.execute(&mut *conn).await?;
    Ok(())
}

async fn record(
    conn: &mut AnyConnection,
    scope: &OrgScope,
    member: UserId,
    from: OrgRole,
    to: Option<OrgRole>,
    by: UserId,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO membership_changes (organization_id, user_id, from_role, to_role, \
         changed_by, changed_at) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(scope.org_id().0)
    .bind(member.0)
    .bind(from.as_str())
    .bind(to.map(OrgRole::as_str))
    .bind(by.0)
    .bind(now())
    .execute(&mut *conn)
    .await?;
    Ok(())
}
