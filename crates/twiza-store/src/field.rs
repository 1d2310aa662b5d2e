//! Field work: the communes each member works in (given by a manager, recorded, gone when the
//! member leaves), and what waits for a field agent there — deliveries to confirm and open
//! needs by priority.

use crate::logistics::DeliveryLine;
use crate::{now, Result, Store, StoreError};
use twiza_domain::tenancy::ScopeGrant;
use twiza_domain::{OrgScope, PlatformRole, Refusal, UserId};

/// Lines of each list on the agent's home.
pub const AGENT_LIST: i64 = 20;

/// One recorded change of a member's communes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommuneChange {
    pub user_id: UserId,
    pub display_name: String,
    /// The communes given (HCP codes); empty when all were taken away.
    pub communes: Vec<String>,
    pub changed_by_name: String,
    pub changed_at: time::OffsetDateTime,
}

/// An open need in one of the agent's communes.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct FieldNeed {
    pub id: i64,
    pub incident_id: i64,
    pub reference: String,
    pub commune_code: String,
    pub douar_ar: Option<String>,
    pub douar_fr: Option<String>,
    pub category: String,
    pub urgency: String,
    pub households: Option<i64>,
    pub status: String,
}

/// An incident touching one of the agent's communes.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct FieldIncident {
    pub id: i64,
    pub title_ar: String,
    pub title_fr: String,
}

#[derive(sqlx::FromRow)]
struct ChangeRow {
    user_id: i64,
    display_name: String,
    communes: String,
    changed_by_name: String,
    changed_at: i64,
}

/// `IN ($first, …)` for `n` placeholders numbered from `first`.
fn placeholders(first: usize, n: usize) -> String {
    let list: Vec<String> = (first..first + n).map(|i| format!("${i}")).collect();
    format!("({})", list.join(", "))
}

impl Store {
    /// The communes a member works in (HCP codes, sorted).
    pub async fn member_communes(&self, scope: &OrgScope, member: UserId) -> Result<Vec<String>> {
        let rows: Vec<(String,)> = sqlx::query_as(
            "SELECT commune_code FROM member_communes WHERE organization_id = $1 \
             AND user_id = $2 ORDER BY commune_code",
        )
        .bind(scope.org_id().0)
        .bind(member.0)
        .fetch_all(self.reader())
        .await?;
        Ok(rows.into_iter().map(|(c,)| c).collect())
    }

    /// Every member's communes: (member, HCP code), by member then code.
    pub async fn members_communes(&self, scope: &OrgScope) -> Result<Vec<(UserId, String)>> {
        let rows: Vec<(i64, String)> = sqlx::query_as(
            "SELECT user_id, commune_code FROM member_communes WHERE organization_id = $1 \
             ORDER BY user_id, commune_code",
        )
        .bind(scope.org_id().0)
        .fetch_all(self.reader())
        .await?;
        Ok(rows.into_iter().map(|(u, c)| (UserId(u), c)).collect())
    }

    /// Gives a member the communes they work in (replacing the ones they had), recorded in
    /// the association's record of changes in the same transaction. The codes are checked by
    /// the caller. Refused: `managers_only` unless an owner or admin (or a platform admin)
    /// acts; `NotFound` if the person is not a member.
    pub async fn set_member_communes(
        &self,
        scope: &OrgScope,
        member: UserId,
        communes: &[String],
        by: UserId,
    ) -> Result<()> {
        let manager = match scope.grant() {
            ScopeGrant::Member(role) => role.manages_members(),
            ScopeGrant::Platform(role) => role == PlatformRole::PlatformAdmin,
        };
        if !manager {
            return Err(StoreError::Refused(Refusal::ManagersOnly));
        }
        let mut tx = self.writer().begin().await?;
        let sql = format!(
            "SELECT role FROM memberships WHERE organization_id = $1 AND user_id = $2{}",
            self.backend().for_update()
        );
        let row: Option<(String,)> = sqlx::query_as(&sql)
            .bind(scope.org_id().0)
            .bind(member.0)
            .fetch_optional(&mut *tx)
            .await?;
        row.ok_or(StoreError::NotFound)?;
        let before: Vec<(String,)> = sqlx::query_as(
            "SELECT commune_code FROM member_communes WHERE organization_id = $1 \
             AND user_id = $2 ORDER BY commune_code",
        )
        .bind(scope.org_id().0)
        .bind(member.0)
        .fetch_all(&mut *tx)
        .await?;
        let mut after: Vec<String> = communes.to_vec();
        after.sort();
        after.dedup();
        if before.iter().map(|(c,)| c).eq(after.iter()) {
            return Ok(());
        }
        sqlx::query("DELETE FROM member_communes WHERE organization_id = $1 AND user_id = $2")
            .bind(scope.org_id().0)
            .bind(member.0)
            .execute(&mut *tx)
            .await?;
        for code in &after {
            sqlx::query(
                "INSERT INTO member_communes (organization_id, user_id, commune_code) \
                 VALUES ($1, $2, $3)",
            )
            .bind(scope.org_id().0)
            .bind(member.0)
            .bind(code)
            .execute(&mut *tx)
            .await?;
        }
        sqlx::query(
            "INSERT INTO member_commune_changes (organization_id, user_id, communes, \
             changed_by, changed_at) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(scope.org_id().0)
        .bind(member.0)
        .bind(after.join(","))
        .bind(by.0)
        .bind(now())
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The association's changes of members' communes, newest first (at most `limit`).
    pub async fn commune_changes(
        &self,
        scope: &OrgScope,
        limit: i64,
    ) -> Result<Vec<CommuneChange>> {
        let rows: Vec<ChangeRow> = sqlx::query_as(
            "SELECT c.user_id, u.display_name, c.communes, b.display_name AS changed_by_name, \
             c.changed_at FROM member_commune_changes c JOIN users u ON u.id = c.user_id \
             JOIN users b ON b.id = c.changed_by WHERE c.organization_id = $1 \
             ORDER BY c.id DESC LIMIT $2",
        )
        .bind(scope.org_id().0)
        .bind(limit)
        .fetch_all(self.reader())
        .await?;
        rows.into_iter()
            .map(|r| {
                Ok(CommuneChange {
                    user_id: UserId(r.user_id),
                    display_name: r.display_name,
                    communes: r
                        .communes
                        .split(',')
                        .filter(|c| !c.is_empty())
                        .map(str::to_owned)
                        .collect(),
                    changed_by_name: r.changed_by_name,
                    changed_at: crate::to_datetime(r.changed_at)?,
                })
            })
            .collect()
    }

    /// The association's deliveries waiting for their proof in the communes given, oldest
    /// first (at most `limit`).
    pub async fn deliveries_waiting_in(
        &self,
        scope: &OrgScope,
        communes: &[String],
        limit: i64,
    ) -> Result<Vec<DeliveryLine>> {
        if communes.is_empty() {
            return Ok(Vec::new());
        }
        let sql = format!(
            "{} WHERE d.organization_id = $1 AND d.status = 'awaiting_proof' \
             AND n.commune_code IN {} ORDER BY d.id LIMIT $2",
            crate::logistics::DELIVERY_COLUMNS,
            placeholders(3, communes.len())
        );
        let mut query = sqlx::query_as(&sql).bind(scope.org_id().0).bind(limit);
        for code in communes {
            query = query.bind(code);
        }
        Ok(query.fetch_all(self.reader()).await?)
    }

    /// Open needs in the communes given, by priority: the most urgent
    /// first, then the oldest (at most `limit`). Held reports and merged needs are left out.
    pub async fn open_needs_in(&self, communes: &[String], limit: i64) -> Result<Vec<FieldNeed>> {
        if communes.is_empty() {
            return Ok(Vec::new());
        }
        let sql = format!(
            "SELECT n.id AS id, n.incident_id AS incident_id, n.reference AS reference, \
             n.commune_code AS commune_code, dr.name_ar AS douar_ar, dr.name_fr AS douar_fr, \
             n.category AS category, n.urgency AS urgency, n.households AS households, \
             n.status AS status FROM needs n \
             LEFT JOIN douars dr ON dr.id = n.douar_id \
             WHERE n.status IN ('reported', 'verified', 'assigned', \
             'in_progress') AND n.commune_code IN {} \
             ORDER BY CASE n.urgency WHEN 'critical' THEN 0 WHEN 'high' THEN 1 \
             WHEN 'medium' THEN 2 ELSE 3 END, n.reported_at, n.id LIMIT $1",
            placeholders(2, communes.len())
        );
        let mut query = sqlx::query_as(&sql).bind(limit);
        for code in communes {
            query = query.bind(code);
        }
        Ok(query.fetch_all(self.reader()).await?)
    }

    /// Incidents with at least one of the communes given (all incidents when
    /// `communes` is `None`), newest first (at most `limit`).
    pub async fn incidents_in(
        &self,
        communes: Option<&[String]>,
        limit: i64,
    ) -> Result<Vec<FieldIncident>> {
        let codes = communes.unwrap_or(&[]);
        let filter = match communes {
            Some(c) if !c.is_empty() => format!(
                " AND EXISTS (SELECT 1 FROM incident_communes ic WHERE ic.incident_id = i.id \
                 AND ic.commune_code IN {})",
                placeholders(2, c.len())
            ),
            Some(_) => return Ok(Vec::new()),
            None => String::new(),
        };
        let sql = format!(
            "SELECT i.id AS id, i.title_ar AS title_ar, i.title_fr AS title_fr FROM incidents i \
             WHERE 1 = 1{filter} ORDER BY i.id DESC LIMIT $1"
        );
        let mut query = sqlx::query_as(&sql).bind(limit);
        for code in codes {
            query = query.bind(code);
        }
        Ok(query.fetch_all(self.reader()).await?)
    }
}
