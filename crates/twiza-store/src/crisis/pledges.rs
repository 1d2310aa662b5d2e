//! Pledges of associations: recording one (the first pledge on a need assigns it), moving it
//! through its statuses, and keyset pages of them.

use super::assignments::{assign_in, live_assignments, Assignment};
use super::coverage::{commune_coverage, CoverageWarning};
use super::incidents::{check_place, self_incident_missing};
use crate::{now, Result, Store, StoreError};
use twiza_domain::crisis::{AssignmentWay, NeedCategory, NeedStatus, NewPledge, PledgeStatus};
use twiza_domain::Refusal;
use twiza_domain::{OrgScope, UserId};

/// A pledge.
#[derive(Debug, Clone)]
pub struct Pledge {
    pub id: i64,
    pub incident_id: i64,
    pub organization_id: i64,
    pub organization_name: String,
    pub need_id: Option<i64>,
    pub commune_code: String,
    pub douar_id: Option<i64>,
    pub category: NeedCategory,
    pub households: i64,
    pub description: String,
    pub due_on: String,
    pub status: PledgeStatus,
    pub created_at: i64,
}

type PledgeRow = (
    i64,
    i64,
    i64,
    String,
    Option<i64>,
    String,
    Option<i64>,
    String,
    i64,
    String,
    String,
    String,
    i64,
);

const PLEDGE_COLUMNS: &str = "p.id, p.incident_id, p.organization_id, o.name_fr, p.need_id, \
     p.commune_code, p.douar_id, p.category, p.households, p.description, p.due_on, p.status, \
     p.created_at";

fn pledge_from(r: PledgeRow) -> Result<Pledge> {
    let corrupt = || StoreError::Corrupt("pledge");
    Ok(Pledge {
        id: r.0,
        incident_id: r.1,
        organization_id: r.2,
        organization_name: r.3,
        need_id: r.4,
        commune_code: r.5,
        douar_id: r.6,
        category: NeedCategory::parse(&r.7).ok_or_else(corrupt)?,
        households: r.8,
        description: r.9,
        due_on: r.10,
        status: PledgeStatus::parse(&r.11).ok_or_else(corrupt)?,
        created_at: r.12,
    })
}

impl Store {
    /// Records an association's pledge; a pledge on a need assigns it. Returns the pledge and, when
    /// the place was already covered while neighbours wait, a warning.
    pub async fn create_pledge(
        &self,
        scope: &OrgScope,
        incident: i64,
        pledge: &NewPledge,
        by: UserId,
    ) -> Result<(i64, Option<CoverageWarning>)> {
        self.create_pledge_once(scope, incident, pledge, by, None)
            .await
    }

    /// [`Store::create_pledge`], once per `creation_key`: a form's key seen before in the
    /// association answers the pledge it made then (without a warning), and nothing is written.
    pub async fn create_pledge_once(
        &self,
        scope: &OrgScope,
        incident: i64,
        pledge: &NewPledge,
        by: UserId,
        creation_key: Option<&str>,
    ) -> Result<(i64, Option<CoverageWarning>)> {
        let at = now();
        let mut tx = self.writer().begin().await?;
        if let Some(id) = keyed_pledge(&mut tx, scope, creation_key).await? {
            return Ok((id, None));
        }
        if self_incident_missing(&mut tx, incident).await? {
            return Err(StoreError::NotFound);
        }
        check_place(&mut tx, incident, pledge.commune.as_str(), pledge.douar_id).await?;
        // A pledge on a need covers the need's douar unless it names one.
        let mut douar = pledge.douar_id;
        if let Some(need) = pledge.need_id {
            // Locked (`Backend::for_update`): two first pledges on the same need take turns, so
            // only one of them assigns it.
            let sql = format!(
                "SELECT commune_code, status, douar_id FROM needs WHERE id = $1 AND incident_id = $2{}",
                self.backend().for_update()
            );
            let row: Option<(String, String, Option<i64>)> = sqlx::query_as(&sql)
                .bind(need)
                .bind(incident)
                .fetch_optional(&mut *tx)
                .await?;
            let Some((commune, status, need_douar)) = row else {
                return Err(StoreError::Refused(Refusal::UnknownNeed));
            };
            douar = douar.or(need_douar);
            if commune != pledge.commune.as_str() {
                return Err(StoreError::Refused(Refusal::NeedElsewhere));
            }
            if !NeedStatus::parse(&status).is_some_and(NeedStatus::is_open) {
                return Err(StoreError::Refused(Refusal::NeedNotOpen));
            }
            sqlx::query(
                "UPDATE needs SET status = 'assigned', updated_at = $1 \
                 WHERE id = $2 AND status IN ('reported', 'verified')",
            )
            .bind(at)
            .bind(need)
            .execute(&mut *tx)
            .await?;
        }
        let before = commune_coverage(&mut tx, incident, pledge.commune.as_str()).await?;
        let created: Option<(i64,)> = sqlx::query_as(
            "INSERT INTO pledges (incident_id, organization_id, need_id, commune_code, douar_id, category, \
             households, description, due_on, status, created_by, created_at, updated_at, creation_key) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'pledged', $10, $11, $11, $12) \
             ON CONFLICT (organization_id, creation_key) DO NOTHING RETURNING id",
        )
        .bind(incident)
        .bind(scope.org_id().0)
        .bind(pledge.need_id)
        .bind(pledge.commune.as_str())
        .bind(douar)
        .bind(pledge.category.as_str())
        .bind(pledge.households)
        .bind(&pledge.description)
        .bind(pledge.due_on.to_string())
        .bind(by.0)
        .bind(at)
        .bind(creation_key)
        .fetch_optional(&mut *tx)
        .await?;
        let Some((id,)) = created else {
            // The same form, sent at the same moment, won the race: nothing of this one is kept.
            drop(tx);
            let mut conn = self.writer().acquire().await?;
            let id = keyed_pledge(&mut conn, scope, creation_key).await?;
            return id
                .map(|id| (id, None))
                .ok_or(StoreError::Corrupt("keyed pledge"));
        };
        // The first pledge on a need nobody is assigned to assigns it to the pledging
        // association; a later pledge on an assigned need does not.
        if let Some(need) = pledge.need_id {
            if live_assignments(&mut tx, need).await? == 0 {
                assign_in(
                    &mut tx,
                    Assignment {
                        need,
                        organization: scope.org_id().0,
                        how: AssignmentWay::Pledge,
                        pledge: Some(id),
                        by,
                        at,
                    },
                )
                .await?;
            }
        }
        tx.commit().await?;
        let warning = if before.gap() == 0 {
            self.uncovered_neighbours(incident, pledge.commune.as_str())
                .await?
                .map(|neighbours| CoverageWarning {
                    commune_code: pledge.commune.as_str().to_owned(),
                    uncovered_neighbours: neighbours,
                })
        } else {
            None
        };
        Ok((id, warning))
    }

    /// Moves a pledge of the scope's association (`pledged` → `in_progress` → `delivered`, or
    /// cancelled before delivery); a delivered pledge on a need covers it when nothing else is
    /// pending on it.
    pub async fn set_pledge_status(
        &self,
        scope: &OrgScope,
        id: i64,
        to: PledgeStatus,
    ) -> Result<()> {
        self.set_pledge_status_texting(scope, id, to, None).await
    }

    /// The need a pledge of the scope's association is on, if any.
    pub async fn pledge_need(&self, scope: &OrgScope, id: i64) -> Result<Option<i64>> {
        let row: Option<(Option<i64>,)> =
            sqlx::query_as("SELECT need_id FROM pledges WHERE id = $1 AND organization_id = $2")
                .bind(id)
                .bind(scope.org_id().0)
                .fetch_optional(self.reader())
                .await?;
        Ok(row.ok_or(StoreError::NotFound)?.0)
    }

    /// [`Store::set_pledge_status`], queueing `covered` (the need's reporter told it is
    /// covered) in the same transaction when the delivered pledge covers its need.
    pub async fn set_pledge_status_texting(
        &self,
        scope: &OrgScope,
        id: i64,
        to: PledgeStatus,
        covered: Option<&crate::NewSms>,
    ) -> Result<()> {
        let mut tx = self.writer().begin().await?;
        let row: Option<(String, Option<i64>)> = sqlx::query_as(
            "SELECT status, need_id FROM pledges WHERE id = $1 AND organization_id = $2",
        )
        .bind(id)
        .bind(scope.org_id().0)
        .fetch_optional(&mut *tx)
        .await?;
        let Some((status, need)) = row else {
            return Err(StoreError::NotFound);
        };
        let from = PledgeStatus::parse(&status).ok_or(StoreError::Corrupt("pledge status"))?;
        let allowed = matches!(
            (from, to),
            (PledgeStatus::Pledged, PledgeStatus::InProgress)
                | (PledgeStatus::Pledged, PledgeStatus::Delivered)
                | (PledgeStatus::InProgress, PledgeStatus::Delivered)
                | (PledgeStatus::Pledged, PledgeStatus::Cancelled)
                | (PledgeStatus::InProgress, PledgeStatus::Cancelled)
        );
        if !allowed {
            return Err(StoreError::Refused(Refusal::InvalidStatusChange));
        }
        let at = now();
        sqlx::query("UPDATE pledges SET status = $1, updated_at = $2 WHERE id = $3")
            .bind(to.as_str())
            .bind(at)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        if to == PledgeStatus::Cancelled {
            sqlx::query(
                "UPDATE need_assignments SET ended_at = $1 WHERE pledge_id = $2 AND ended_at IS NULL",
            )
            .bind(at)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        }
        if let Some(need) = need {
            let next = match to {
                PledgeStatus::InProgress => {
                    Some(("in_progress", "('reported', 'verified', 'assigned')"))
                }
                PledgeStatus::Delivered => Some((
                    "covered",
                    "('reported', 'verified', 'assigned', 'in_progress')",
                )),
                _ => None,
            };
            if let Some((status, from)) = next {
                let pending: (i64,) = sqlx::query_as(
                    "SELECT CAST(COUNT(*) AS BIGINT) FROM pledges WHERE need_id = $1 AND status IN ('pledged', 'in_progress')",
                )
                .bind(need)
                .fetch_one(&mut *tx)
                .await?;
                if to == PledgeStatus::InProgress || pending.0 == 0 {
                    let moved = sqlx::query(&format!(
                        "UPDATE needs SET status = $1, updated_at = $2 WHERE id = $3 AND status IN {from}"
                    ))
                    .bind(status)
                    .bind(at)
                    .bind(need)
                    .execute(&mut *tx)
                    .await?;
                    if let (true, Some(sms)) =
                        (status == "covered" && moved.rows_affected() == 1, covered)
                    {
                        crate::sms_outbox::queue_sms_in(&mut tx, sms).await?;
                    }
                }
            }
        }
        tx.commit().await?;
        Ok(())
    }

    /// One page of an incident's pledges by id (keyset).
    pub async fn pledges_page(&self, incident: i64, after: i64, limit: i64) -> Result<Vec<Pledge>> {
        let sql = format!(
            "SELECT {PLEDGE_COLUMNS} FROM pledges p JOIN organizations o ON o.id = p.organization_id \
             WHERE p.incident_id = $1 AND p.id > $2 ORDER BY p.id LIMIT $3"
        );
        let rows: Vec<PledgeRow> = sqlx::query_as(&sql)
            .bind(incident)
            .bind(after)
            .bind(limit)
            .fetch_all(self.reader())
            .await?;
        rows.into_iter().map(pledge_from).collect()
    }
}

/// The pledge the association made with the form `key`, if any.
async fn keyed_pledge(
    conn: &mut sqlx::AnyConnection,
    scope: &OrgScope,
    key: Option<&str>,
) -> Result<Option<i64>> {
    let Some(key) = key else {
        return Ok(None);
    };
    let row: Option<(i64,)> =
        sqlx::query_as("SELECT id FROM pledges WHERE organization_id = $1 AND creation_key = $2")
            .bind(scope.org_id().0)
            .bind(key)
            .fetch_optional(&mut *conn)
            .await?;
    Ok(row.map(|(id,)| id))
}
