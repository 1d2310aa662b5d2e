//! Assignments of needs to associations, and the release of a need's sealed contact to an
//! assigned association, recorded in the need's access log.

use crate::{now, Result, Store, StoreError};
use sqlx::AnyConnection;
use twiza_domain::crisis::{AssignmentWay, NeedStatus, NEED_ASSIGNMENT_LIMIT};
use twiza_domain::Refusal;
use twiza_domain::{OrgScope, UserId};

/// A live assignment of a need to an association.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NeedAssignment {
    pub organization_id: i64,
    pub how: AssignmentWay,
    pub pledge_id: Option<i64>,
    pub assigned_at: i64,
}

/// A release of a need's contact as the reporter sees it: the association and the time, never
/// the member who read it.
#[derive(Debug, Clone)]
pub struct ContactRelease {
    pub organization_name_ar: String,
    pub organization_name_fr: String,
    pub organization_name_zgh: Option<String>,
    pub released_at: i64,
}

impl Store {
    /// Releases a need's sealed contact to a member of an association the need is assigned to,
    /// and records the release (association, member, time) in the need's access log in the same
    /// transaction: there is no read without its record. `NotFound` when the association holds
    /// no live assignment (whether or not a contact exists); `None` when the reporter left no
    /// contact (nothing is recorded then).
    pub async fn release_need_contact(
        &self,
        scope: &OrgScope,
        need: i64,
        by: UserId,
    ) -> Result<Option<(String, Vec<u8>)>> {
        let mut tx = self.writer().begin().await?;
        let Some((reference, sealed)) = assigned_contact(&mut tx, scope, need).await? else {
            return Err(StoreError::NotFound);
        };
        let Some(sealed) = sealed else {
            return Ok(None);
        };
        sqlx::query(
            "INSERT INTO need_contact_releases (need_id, organization_id, user_id, released_at) \
             VALUES ($1, $2, $3, $4)",
        )
        .bind(need)
        .bind(scope.org_id().0)
        .bind(by.0)
        .bind(now())
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(Some((reference, sealed)))
    }

    /// The sealed contact of a need assigned to the scope's association, for the platform's own
    /// use only: texting a delivery code to the reporter's phone, which the association sees
    /// masked. Nothing is released to the association, so nothing is recorded; a contact shown
    /// to anyone goes through [`Store::release_need_contact`].
    pub async fn assigned_need_contact(
        &self,
        scope: &OrgScope,
        need: i64,
    ) -> Result<Option<(String, Vec<u8>)>> {
        let mut conn = self.reader().acquire().await?;
        match assigned_contact(&mut conn, scope, need).await? {
            None => Err(StoreError::NotFound),
            Some((reference, sealed)) => Ok(sealed.map(|s| (reference, s))),
        }
    }

    /// Assigns a need to a verified association on the decision of the incident's coordinating
    /// authority (`by`). Returns `false` when the association already held a live assignment
    /// (nothing written). Refused when the need is not open (`need_not_open`), the association
    /// unknown (`unknown_organization`) or not verified (`organization_not_verified`), or when
    /// the need already has [`NEED_ASSIGNMENT_LIMIT`] live assignments (`need_assignment_limit`).
    pub async fn assign_need(&self, need: i64, organization: i64, by: UserId) -> Result<bool> {
        self.assign_need_texting(need, organization, by, None).await
    }

    /// [`Store::assign_need`], queueing `sms` (the reporter told which association will help)
    /// in the same transaction when the association is newly assigned.
    pub async fn assign_need_texting(
        &self,
        need: i64,
        organization: i64,
        by: UserId,
        sms: Option<&crate::NewSms>,
    ) -> Result<bool> {
        let mut tx = self.writer().begin().await?;
        // Locked (`Backend::for_update`): two assignments of the same need take turns on it.
        let sql = format!(
            "SELECT status FROM needs WHERE id = $1{}",
            self.backend().for_update()
        );
        let row: Option<(String,)> = sqlx::query_as(&sql)
            .bind(need)
            .fetch_optional(&mut *tx)
            .await?;
        let Some((status,)) = row else {
            return Err(StoreError::NotFound);
        };
        if !NeedStatus::parse(&status).is_some_and(NeedStatus::is_open) {
            return Err(StoreError::Refused(Refusal::NeedNotOpen));
        }
        let org: Option<(String,)> =
            sqlx::query_as("SELECT status FROM organizations WHERE id = $1")
                .bind(organization)
                .fetch_optional(&mut *tx)
                .await?;
        match org {
            None => return Err(StoreError::Refused(Refusal::UnknownOrganization)),
            Some((status,)) if status != "verified" => {
                return Err(StoreError::Refused(Refusal::OrganizationNotVerified))
            }
            Some(_) => {}
        }
        let at = now();
        let assigned = assign_in(
            &mut tx,
            Assignment {
                need,
                organization,
                how: AssignmentWay::Authority,
                pledge: None,
                by,
                at,
            },
        )
        .await?;
        sqlx::query(
            "UPDATE needs SET status = 'assigned', updated_at = $1 \
             WHERE id = $2 AND status IN ('reported', 'verified')",
        )
        .bind(at)
        .bind(need)
        .execute(&mut *tx)
        .await?;
        if let (true, Some(sms)) = (assigned, sms) {
            crate::sms_outbox::queue_sms_in(&mut tx, sms).await?;
        }
        tx.commit().await?;
        Ok(assigned)
    }

    /// The live assignments of a need, oldest first.
    pub async fn need_assignments(&self, need: i64) -> Result<Vec<NeedAssignment>> {
        let rows: Vec<(i64, String, Option<i64>, i64)> = sqlx::query_as(
            "SELECT organization_id, how, pledge_id, assigned_at FROM need_assignments \
             WHERE need_id = $1 AND ended_at IS NULL ORDER BY assigned_at, id",
        )
        .bind(need)
        .fetch_all(self.reader())
        .await?;
        rows.into_iter()
            .map(|r| {
                Ok(NeedAssignment {
                    organization_id: r.0,
                    how: AssignmentWay::parse(&r.1).ok_or(StoreError::Corrupt("assignment"))?,
                    pledge_id: r.2,
                    assigned_at: r.3,
                })
            })
            .collect()
    }

    /// The releases of a need's contact, newest first (at most `limit`): which association
    /// received it and when, never which member.
    pub async fn need_contact_releases(
        &self,
        need: i64,
        limit: i64,
    ) -> Result<Vec<ContactRelease>> {
        let rows: Vec<(String, String, Option<String>, i64)> = sqlx::query_as(
            "SELECT o.name_ar, o.name_fr, o.name_zgh, r.released_at FROM need_contact_releases r \
             JOIN organizations o ON o.id = r.organization_id \
             WHERE r.need_id = $1 ORDER BY r.id DESC LIMIT $2",
        )
        .bind(need)
        .bind(limit)
        .fetch_all(self.reader())
        .await?;
        Ok(rows
            .into_iter()
            .map(|r| ContactRelease {
                organization_name_ar: r.0,
                organization_name_fr: r.1,
                organization_name_zgh: r.2,
                released_at: r.3,
            })
            .collect())
    }
}

/// A need's reference and sealed contact when the scope's association holds a live assignment
/// on it; `None` otherwise.
async fn assigned_contact(
    conn: &mut AnyConnection,
    scope: &OrgScope,
    need: i64,
) -> Result<Option<(String, Option<Vec<u8>>)>> {
    Ok(sqlx::query_as(
        "SELECT n.reference, n.contact_sealed FROM needs n WHERE n.id = $1 AND EXISTS \
         (SELECT 1 FROM need_assignments a WHERE a.need_id = n.id AND a.organization_id = $2 \
          AND a.ended_at IS NULL)",
    )
    .bind(need)
    .bind(scope.org_id().0)
    .fetch_optional(&mut *conn)
    .await?)
}

pub(super) async fn live_assignments(conn: &mut AnyConnection, need: i64) -> Result<i64> {
    let (n,): (i64,) = sqlx::query_as(
        "SELECT CAST(COUNT(*) AS BIGINT) FROM need_assignments WHERE need_id = $1 AND ended_at IS NULL",
    )
    .bind(need)
    .fetch_one(&mut *conn)
    .await?;
    Ok(n)
}

/// An assignment to write.
pub(super) struct Assignment {
    pub(super) need: i64,
    pub(super) organization: i64,
    pub(super) how: AssignmentWay,
    pub(super) pledge: Option<i64>,
    pub(super) by: UserId,
    pub(super) at: i64,
}

/// Writes an assignment in the caller's transaction (the need already locked): nothing when the
/// association holds a live one (`false`), refused beyond [`NEED_ASSIGNMENT_LIMIT`], and an
/// ended one comes back to life with its new origin.
pub(super) async fn assign_in(conn: &mut AnyConnection, a: Assignment) -> Result<bool> {
    let existing: Option<(i64, Option<i64>)> = sqlx::query_as(
        "SELECT id, ended_at FROM need_assignments WHERE need_id = $1 AND organization_id = $2",
    )
    .bind(a.need)
    .bind(a.organization)
    .fetch_optional(&mut *conn)
    .await?;
    if matches!(existing, Some((_, None))) {
        return Ok(false);
    }
    if live_assignments(conn, a.need).await? >= NEED_ASSIGNMENT_LIMIT {
        return Err(StoreError::Refused(Refusal::NeedAssignmentLimit));
    }
    match existing {
        Some((id, _)) => {
            sqlx::query(
                "UPDATE need_assignments SET how = $1, pledge_id = $2, assigned_by = $3, \
                 assigned_at = $4, ended_at = NULL WHERE id = $5",
            )
            .bind(a.how.as_str())
            .bind(a.pledge)
            .bind(a.by.0)
            .bind(a.at)
            .bind(id)
            .execute(&mut *conn)
            .await?;
        }
        None => {
            sqlx::query(
                "INSERT INTO need_assignments (need_id, organization_id, how, pledge_id, \
                 assigned_by, assigned_at) VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(a.need)
            .bind(a.organization)
            .bind(a.how.as_str())
            .bind(a.pledge)
            .bind(a.by.0)
            .bind(a.at)
            .execute(&mut *conn)
            .await?;
        }
    }
    Ok(true)
}
