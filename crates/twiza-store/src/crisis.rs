//! Incidents, douars, needs and pledges: their writes (each in one transaction, checked before
//! the first write), the coverage of every commune and douar, and keyset pages for lists and
//! streamed exports.

use crate::{now, Result, Store, StoreError};
use sqlx::AnyConnection;
use std::collections::BTreeMap;
use twiza_domain::crisis::{
    likely_duplicate, AssignmentWay, GeoPoint, IncidentKind, NeedCategory, NeedPlace, NeedSource,
    NeedStatus, NewDouar, NewIncident, NewNeed, NewPledge, PledgeStatus, Urgency,
    DUPLICATE_WINDOW_SECONDS, NEED_ASSIGNMENT_LIMIT,
};
use twiza_domain::Refusal;
use twiza_domain::{OrgScope, UserId};

/// A declared incident.
#[derive(Debug, Clone)]
pub struct Incident {
    pub id: i64,
    pub kind: IncidentKind,
    pub title_ar: String,
    pub title_fr: String,
    pub started_on: String,
    pub declared_at: i64,
}

/// A douar.
#[derive(Debug, Clone)]
pub struct Douar {
    pub id: i64,
    pub commune_code: String,
    pub name_ar: String,
    pub name_fr: String,
    pub name_latin: String,
    pub point: Option<GeoPoint>,
    pub population: Option<i64>,
}

/// A need as listed in public (no contact).
#[derive(Debug, Clone)]
pub struct Need {
    pub id: i64,
    pub incident_id: i64,
    pub reference: String,
    pub commune_code: String,
    pub douar_id: Option<i64>,
    pub category: NeedCategory,
    pub urgency: Urgency,
    pub households: Option<i64>,
    pub people: Option<i64>,
    pub point: Option<GeoPoint>,
    pub description: Option<String>,
    pub source: NeedSource,
    pub organization_id: Option<i64>,
    pub status: NeedStatus,
    pub possible_duplicate_of: Option<i64>,
    pub merged_into: Option<i64>,
    pub reported_at: i64,
    pub has_contact: bool,
}

/// Who recorded a need.
#[derive(Debug, Clone, Copy)]
pub enum Reporter {
    /// Anyone, without an account.
    Public,
    /// Anyone, from a client address beyond its anonymous rate: the need is `held` for a
    /// coordinator's review, out of public lists and counts until accepted.
    PublicHeld,
    /// A field agent of a verified association: an assessment, verified at once.
    FieldAgent { org: i64, user: UserId },
}

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

/// Needs against pledges in one place (a commune, or a douar of it).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Coverage {
    pub commune_code: String,
    pub douar_id: Option<i64>,
    pub open_needs: i64,
    /// Households of the needs still open or covered by a delivery (merged and closed ones do
    /// not count).
    pub needed: i64,
    /// Households promised by active pledges (pledged or in progress).
    pub pledged: i64,
    /// Households covered by delivered pledges.
    pub delivered: i64,
}

impl Coverage {
    /// Households still without a pledge.
    pub fn gap(&self) -> i64 {
        (self.needed - self.pledged - self.delivered).max(0)
    }

    /// Households pledged beyond the open needs.
    pub fn oversupply(&self) -> i64 {
        (self.pledged - self.needed).max(0)
    }
}

/// Places already covered while neighbours (same province, same incident) wait: returned with a
/// pledge so the association can send its convoy elsewhere.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CoverageWarning {
    pub commune_code: String,
    /// Neighbouring communes with the largest gaps, largest first (at most three).
    pub uncovered_neighbours: Vec<(String, i64)>,
}

type NeedRow = (
    i64,
    i64,
    String,
    String,
    Option<i64>,
    String,
    String,
    Option<i64>,
    Option<i64>,
    Option<i64>,
    Option<i64>,
    Option<String>,
    String,
    Option<i64>,
    String,
    Option<i64>,
    Option<i64>,
    i64,
    i64,
);

const NEED_COLUMNS: &str =
    "id, incident_id, reference, commune_code, douar_id, category, urgency, \
     households, people, lat_e6, lon_e6, description, source, organization_id, status, \
     possible_duplicate_of, merged_into, reported_at, \
     CAST(CASE WHEN contact_sealed IS NULL THEN 0 ELSE 1 END AS BIGINT)";

fn point(lat: Option<i64>, lon: Option<i64>) -> Option<GeoPoint> {
    match (lat, lon) {
        (Some(lat_e6), Some(lon_e6)) => Some(GeoPoint { lat_e6, lon_e6 }),
        _ => None,
    }
}

fn need_from(r: NeedRow) -> Result<Need> {
    let corrupt = || StoreError::Corrupt("need");
    Ok(Need {
        id: r.0,
        incident_id: r.1,
        reference: r.2,
        commune_code: r.3,
        douar_id: r.4,
        category: NeedCategory::parse(&r.5).ok_or_else(corrupt)?,
        urgency: Urgency::parse(&r.6).ok_or_else(corrupt)?,
        households: r.7,
        people: r.8,
        point: point(r.9, r.10),
        description: r.11,
        source: NeedSource::parse(&r.12).ok_or_else(corrupt)?,
        organization_id: r.13,
        status: NeedStatus::parse(&r.14).ok_or_else(corrupt)?,
        possible_duplicate_of: r.15,
        merged_into: r.16,
        reported_at: r.17,
        has_contact: r.18 != 0,
    })
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

/// Filters of a needs list.
#[derive(Debug, Clone, Default)]
pub struct NeedFilter {
    pub commune_code: Option<String>,
    pub category: Option<NeedCategory>,
    pub status: Option<NeedStatus>,
}

/// A need as written: its id, its public reference and the need it probably repeats.
#[derive(Debug, Clone)]
pub struct ReportedNeed {
    pub id: i64,
    pub reference: String,
    pub status: NeedStatus,
    pub possible_duplicate_of: Option<i64>,
}

async fn incident_has_commune(
    conn: &mut AnyConnection,
    incident: i64,
    commune: &str,
) -> Result<bool> {
    let row: Option<(i64,)> = sqlx::query_as(
        "SELECT 1 FROM incident_communes WHERE incident_id = $1 AND commune_code = $2",
    )
    .bind(incident)
    .bind(commune)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.is_some())
}

async fn douar_in_commune(conn: &mut AnyConnection, douar: i64, commune: &str) -> Result<bool> {
    let row: Option<(i64,)> =
        sqlx::query_as("SELECT 1 FROM douars WHERE id = $1 AND commune_code = $2")
            .bind(douar)
            .bind(commune)
            .fetch_optional(&mut *conn)
            .await?;
    Ok(row.is_some())
}

/// Checks that a place belongs to the incident (for other modules of the store).
pub(crate) async fn check_place_of(
    conn: &mut AnyConnection,
    incident: i64,
    commune: &str,
    douar: Option<i64>,
) -> Result<()> {
    if self_incident_missing(conn, incident).await? {
        return Err(StoreError::NotFound);
    }
    check_place(conn, incident, commune, douar).await
}

/// Checks that a place belongs to the incident; the refusal names the rule.
async fn check_place(
    conn: &mut AnyConnection,
    incident: i64,
    commune: &str,
    douar: Option<i64>,
) -> Result<()> {
    if !incident_has_commune(conn, incident, commune).await? {
        return Err(StoreError::Refused(Refusal::CommuneNotInIncident));
    }
    if let Some(d) = douar {
        if !douar_in_commune(conn, d, commune).await? {
            return Err(StoreError::Refused(Refusal::UnknownDouar));
        }
    }
    Ok(())
}

impl Store {
    /// Declares an incident and the communes it hit.
    pub async fn declare_incident(&self, incident: &NewIncident, by: UserId) -> Result<i64> {
        let mut tx = self.writer().begin().await?;
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO incidents (kind, title_ar, title_fr, started_on, declared_by, declared_at) \
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(incident.kind.as_str())
        .bind(&incident.title_ar)
        .bind(&incident.title_fr)
        .bind(incident.started_on.to_string())
        .bind(by.0)
        .bind(now())
        .fetch_one(&mut *tx)
        .await?;
        for chunk in crate::fixed_chunks(&incident.communes) {
            let sql = format!(
                "INSERT INTO incident_communes (incident_id, commune_code) VALUES {}",
                crate::values_placeholders(chunk.len(), 2)
            );
            let mut query = sqlx::query(&sql);
            for commune in chunk {
                query = query.bind(id).bind(commune.as_str());
            }
            query.execute(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok(id)
    }

    /// Incidents, newest first, `limit` after the id `before` (keyset).
    pub async fn incidents(&self, before: Option<i64>, limit: i64) -> Result<Vec<Incident>> {
        let rows: Vec<(i64, String, String, String, String, i64)> = sqlx::query_as(
            "SELECT id, kind, title_ar, title_fr, started_on, declared_at FROM incidents \
             WHERE id < $1 ORDER BY id DESC LIMIT $2",
        )
        .bind(before.unwrap_or(i64::MAX))
        .bind(limit)
        .fetch_all(self.reader())
        .await?;
        rows.into_iter().map(incident_from).collect()
    }

    pub async fn incident(&self, id: i64) -> Result<Option<Incident>> {
        let row: Option<(i64, String, String, String, String, i64)> = sqlx::query_as(
            "SELECT id, kind, title_ar, title_fr, started_on, declared_at FROM incidents WHERE id = $1",
        )
        .bind(id)
        .fetch_optional(self.reader())
        .await?;
        row.map(incident_from).transpose()
    }

    /// The communes an incident hit, by code.
    pub async fn incident_communes(&self, id: i64) -> Result<Vec<String>> {
        let rows: Vec<(String,)> = sqlx::query_as(
            "SELECT commune_code FROM incident_communes WHERE incident_id = $1 ORDER BY commune_code",
        )
        .bind(id)
        .fetch_all(self.reader())
        .await?;
        Ok(rows.into_iter().map(|(c,)| c).collect())
    }

    /// Adds a douar; a second douar of the same Latin name in the commune is a conflict.
    pub async fn create_douar(&self, douar: &NewDouar) -> Result<i64> {
        let result: std::result::Result<(i64,), sqlx::Error> = sqlx::query_as(
            "INSERT INTO douars (commune_code, name_ar, name_fr, name_latin, lat_e6, lon_e6, population) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(douar.commune.as_str())
        .bind(&douar.name_ar)
        .bind(&douar.name_fr)
        .bind(&douar.name_latin)
        .bind(douar.point.map(|p| p.lat_e6))
        .bind(douar.point.map(|p| p.lon_e6))
        .bind(douar.population)
        .fetch_one(self.writer())
        .await;
        result
            .map(|(id,)| id)
            .map_err(crate::refuse_on_unique(Refusal::DouarExists))
    }

    /// The douars of an incident's communes.
    pub async fn incident_douars(&self, incident: i64) -> Result<Vec<Douar>> {
        let rows: Vec<DouarRow> = sqlx::query_as(
            "SELECT d.id, d.commune_code, d.name_ar, d.name_fr, d.name_latin, d.lat_e6, d.lon_e6, d.population \
             FROM douars d JOIN incident_communes ic ON ic.commune_code = d.commune_code \
             WHERE ic.incident_id = $1 ORDER BY d.commune_code, d.name_latin",
        )
        .bind(incident)
        .fetch_all(self.reader())
        .await?;
        Ok(rows.into_iter().map(douar_from).collect())
    }

    /// Records a need in one transaction: the place must belong to the incident; a likely
    /// duplicate (see `twiza_domain::crisis::likely_duplicate`) is flagged, not refused.
    pub async fn report_need(
        &self,
        incident: i64,
        need: &NewNeed,
        reference: &str,
        contact_sealed: Option<&[u8]>,
        reporter: Reporter,
    ) -> Result<ReportedNeed> {
        let at = now();
        let mut tx = self.writer().begin().await?;
        if self_incident_missing(&mut tx, incident).await? {
            return Err(StoreError::NotFound);
        }
        check_place(&mut tx, incident, need.commune.as_str(), need.douar_id).await?;
        let candidates: Vec<NeedCandidateRow> = sqlx::query_as(
            "SELECT id, douar_id, lat_e6, lon_e6, reported_at FROM needs \
             WHERE incident_id = $1 AND commune_code = $2 AND category = $3 AND reported_at > $4 \
             AND status NOT IN ('merged', 'closed', 'held') ORDER BY id LIMIT 200",
        )
        .bind(incident)
        .bind(need.commune.as_str())
        .bind(need.category.as_str())
        .bind(at - DUPLICATE_WINDOW_SECONDS)
        .fetch_all(&mut *tx)
        .await?;
        let this = NeedPlace {
            commune: need.commune.as_str(),
            douar_id: need.douar_id,
            category: need.category,
            point: need.point,
            reported_at: at,
        };
        let duplicate_of = candidates
            .into_iter()
            .find(|c| {
                likely_duplicate(
                    &this,
                    &NeedPlace {
                        douar_id: c.douar_id,
                        point: point(c.lat_e6, c.lon_e6),
                        reported_at: c.reported_at,
                        ..this
                    },
                )
            })
            .map(|c| c.id);
        let (source, status, org, user) = match reporter {
            Reporter::Public => (NeedSource::Public, NeedStatus::Reported, None, None),
            Reporter::PublicHeld => (NeedSource::Public, NeedStatus::Held, None, None),
            Reporter::FieldAgent { org, user } => (
                NeedSource::Assessment,
                NeedStatus::Verified,
                Some(org),
                Some(user.0),
            ),
        };
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO needs (incident_id, reference, commune_code, douar_id, category, urgency, \
             households, people, lat_e6, lon_e6, description, contact_sealed, source, organization_id, \
             reported_by, status, possible_duplicate_of, reported_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $18) \
             RETURNING id",
        )
        .bind(incident)
        .bind(reference)
        .bind(need.commune.as_str())
        .bind(need.douar_id)
        .bind(need.category.as_str())
        .bind(need.urgency.as_str())
        .bind(need.households)
        .bind(need.people)
        .bind(need.point.map(|p| p.lat_e6))
        .bind(need.point.map(|p| p.lon_e6))
        .bind(need.description.as_deref())
        .bind(contact_sealed)
        .bind(source.as_str())
        .bind(org)
        .bind(user)
        .bind(status.as_str())
        .bind(duplicate_of)
        .bind(at)
        .fetch_one(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(ReportedNeed {
            id,
            reference: reference.to_owned(),
            status,
            possible_duplicate_of: duplicate_of,
        })
    }

    /// One page of an incident's needs by id (keyset), with filters; held reports are never in
    /// it (see [`Store::held_needs_page`]).
    pub async fn needs_page(
        &self,
        incident: i64,
        filter: &NeedFilter,
        after: i64,
        limit: i64,
    ) -> Result<Vec<Need>> {
        let sql = format!(
            "SELECT {NEED_COLUMNS} FROM needs WHERE incident_id = $1 AND id > $2 \
             AND status <> 'held' \
             AND ($3 = '' OR commune_code = $3) AND ($4 = '' OR category = $4) \
             AND ($5 = '' OR status = $5) ORDER BY id LIMIT $6"
        );
        let rows = sqlx::query(&sql)
            .bind(incident)
            .bind(after)
            .bind(filter.commune_code.clone().unwrap_or_default())
            .bind(filter.category.map_or("", |c| c.as_str()))
            .bind(filter.status.map_or("", |s| s.as_str()))
            .bind(limit)
            .fetch_all(self.reader())
            .await?;
        rows.iter()
            .map(|r| need_from(NeedRow::from_any(r)?))
            .collect()
    }

    /// One page of an incident's held reports by id (keyset), for a coordinator's review.
    pub async fn held_needs_page(
        &self,
        incident: i64,
        after: i64,
        limit: i64,
    ) -> Result<Vec<Need>> {
        let sql = format!(
            "SELECT {NEED_COLUMNS} FROM needs WHERE incident_id = $1 AND status = 'held' \
             AND id > $2 ORDER BY id LIMIT $3"
        );
        let rows = sqlx::query(&sql)
            .bind(incident)
            .bind(after)
            .bind(limit)
            .fetch_all(self.reader())
            .await?;
        rows.iter()
            .map(|r| need_from(NeedRow::from_any(r)?))
            .collect()
    }

    /// A coordinator's review of a held report: accepted (`Reported`, or `Verified` at once) it
    /// joins the lists and counts; rejected (`Closed`) it stays out. Refused when the need is
    /// not held (`need_not_held`), e.g. reviewed meanwhile.
    pub async fn review_held_need(&self, id: i64, to: NeedStatus) -> Result<()> {
        if !matches!(
            to,
            NeedStatus::Reported | NeedStatus::Verified | NeedStatus::Closed
        ) {
            return Err(StoreError::Refused(Refusal::NeedNotHeld));
        }
        let done = sqlx::query(
            "UPDATE needs SET status = $1, updated_at = $2 WHERE id = $3 AND status = 'held'",
        )
        .bind(to.as_str())
        .bind(now())
        .bind(id)
        .execute(self.writer())
        .await?;
        if done.rows_affected() == 1 {
            return Ok(());
        }
        let exists: Option<(i64,)> = sqlx::query_as("SELECT id FROM needs WHERE id = $1")
            .bind(id)
            .fetch_optional(self.reader())
            .await?;
        match exists {
            None => Err(StoreError::NotFound),
            Some(_) => Err(StoreError::Refused(Refusal::NeedNotHeld)),
        }
    }

    pub async fn need(&self, id: i64) -> Result<Option<Need>> {
        let sql = format!("SELECT {NEED_COLUMNS} FROM needs WHERE id = $1");
        let row = sqlx::query(&sql)
            .bind(id)
            .fetch_optional(self.reader())
            .await?;
        row.map(|r| need_from(NeedRow::from_any(&r)?)).transpose()
    }

    /// A need by its public reference (what the reporter was given).
    pub async fn need_by_reference(&self, reference: &str) -> Result<Option<Need>> {
        let sql = format!("SELECT {NEED_COLUMNS} FROM needs WHERE reference = $1");
        let row = sqlx::query(&sql)
            .bind(reference)
            .fetch_optional(self.reader())
            .await?;
        row.map(|r| need_from(NeedRow::from_any(&r)?)).transpose()
    }

    /// Moves a need from `from` to `to` (a coordinator's decision); refused if it moved meanwhile.
    pub async fn set_need_status(&self, id: i64, from: NeedStatus, to: NeedStatus) -> Result<()> {
        let done = sqlx::query(
            "UPDATE needs SET status = $1, updated_at = $2 WHERE id = $3 AND status = $4",
        )
        .bind(to.as_str())
        .bind(now())
        .bind(id)
        .bind(from.as_str())
        .execute(self.writer())
        .await?;
        if done.rows_affected() == 1 {
            Ok(())
        } else {
            Err(StoreError::Refused(Refusal::InvalidStatusChange))
        }
    }

    /// Merges a duplicate into the need it repeats (same incident; both still open): the duplicate
    /// leaves the counts, its pledges move to the kept need.
    pub async fn merge_need(&self, duplicate: i64, into: i64) -> Result<()> {
        if duplicate == into {
            return Err(StoreError::Refused(Refusal::MergeIntoItself));
        }
        let mut tx = self.writer().begin().await?;
        let rows: Vec<(i64, i64, String)> =
            sqlx::query_as("SELECT id, incident_id, status FROM needs WHERE id = $1 OR id = $2")
                .bind(duplicate)
                .bind(into)
                .fetch_all(&mut *tx)
                .await?;
        if rows.len() != 2 {
            return Err(StoreError::NotFound);
        }
        let open = |s: &str| NeedStatus::parse(s).is_some_and(NeedStatus::is_open);
        if rows[0].1 != rows[1].1 {
            return Err(StoreError::Refused(Refusal::MergeAcrossIncidents));
        }
        if !rows.iter().all(|r| open(&r.2)) {
            return Err(StoreError::Refused(Refusal::NeedNotOpen));
        }
        let at = now();
        sqlx::query(
            "UPDATE needs SET status = 'merged', merged_into = $1, updated_at = $2 WHERE id = $3",
        )
        .bind(into)
        .bind(at)
        .bind(duplicate)
        .execute(&mut *tx)
        .await?;
        sqlx::query("UPDATE pledges SET need_id = $1, updated_at = $2 WHERE need_id = $3")
            .bind(into)
            .bind(at)
            .bind(duplicate)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Records an association's pledge; a pledge on a need assigns it. Returns the pledge and, when
    /// the place was already covered while neighbours wait, a warning.
    pub async fn create_pledge(
        &self,
        scope: &OrgScope,
        incident: i64,
        pledge: &NewPledge,
        by: UserId,
    ) -> Result<(i64, Option<CoverageWarning>)> {
        let at = now();
        let mut tx = self.writer().begin().await?;
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
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO pledges (incident_id, organization_id, need_id, commune_code, douar_id, category, \
             households, description, due_on, status, created_by, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'pledged', $10, $11, $11) RETURNING id",
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
        .fetch_one(&mut *tx)
        .await?;
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

    /// A warning when `commune` has no gap while communes of its province in the incident do.
    pub(crate) async fn covered_destination(
        &self,
        incident: i64,
        commune: &str,
    ) -> Result<Option<CoverageWarning>> {
        if self.commune_coverage(incident, commune).await?.gap() > 0 {
            return Ok(None);
        }
        Ok(self
            .uncovered_neighbours(incident, commune)
            .await?
            .map(|neighbours| CoverageWarning {
                commune_code: commune.to_owned(),
                uncovered_neighbours: neighbours,
            }))
    }

    /// Communes of the same province in the incident with a gap, largest first (at most three).
    async fn uncovered_neighbours(
        &self,
        incident: i64,
        commune: &str,
    ) -> Result<Option<Vec<(String, i64)>>> {
        let province = commune.get(..6).unwrap_or(commune);
        let mut gaps: Vec<(String, i64)> = self
            .coverage(incident)
            .await?
            .into_iter()
            .filter(|c| c.commune_code != commune && c.commune_code.starts_with(province))
            .map(|c| {
                let gap = c.gap();
                (c.commune_code, gap)
            })
            .filter(|(_, gap)| *gap > 0)
            .collect();
        gaps.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        gaps.truncate(3);
        Ok((!gaps.is_empty()).then_some(gaps))
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
                    sqlx::query(&format!(
                        "UPDATE needs SET status = $1, updated_at = $2 WHERE id = $3 AND status IN {from}"
                    ))
                    .bind(status)
                    .bind(at)
                    .bind(need)
                    .execute(&mut *tx)
                    .await?;
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

    /// Needs against pledges in one commune of an incident (its douars left out).
    pub async fn commune_coverage(&self, incident: i64, commune: &str) -> Result<Coverage> {
        let mut conn = self.reader().acquire().await?;
        commune_coverage(&mut conn, incident, commune).await
    }

    /// Needs against pledges for every commune and douar of an incident (douar `None`: the whole
    /// commune), sorted by commune then douar. Two grouped scans, whatever the number of rows.
    pub async fn coverage(&self, incident: i64) -> Result<Vec<Coverage>> {
        let mut conn = self.reader().acquire().await?;
        coverage_of(&mut conn, incident, None).await
    }
}

type DouarRow = (
    i64,
    String,
    String,
    String,
    String,
    Option<i64>,
    Option<i64>,
    Option<i64>,
);

fn douar_from(r: DouarRow) -> Douar {
    Douar {
        id: r.0,
        commune_code: r.1,
        name_ar: r.2,
        name_fr: r.3,
        name_latin: r.4,
        point: point(r.5, r.6),
        population: r.7,
    }
}

fn incident_from(r: (i64, String, String, String, String, i64)) -> Result<Incident> {
    Ok(Incident {
        id: r.0,
        kind: IncidentKind::parse(&r.1).ok_or(StoreError::Corrupt("incident kind"))?,
        title_ar: r.2,
        title_fr: r.3,
        started_on: r.4,
        declared_at: r.5,
    })
}

async fn self_incident_missing(conn: &mut AnyConnection, incident: i64) -> Result<bool> {
    let row: Option<(i64,)> = sqlx::query_as("SELECT id FROM incidents WHERE id = $1")
        .bind(incident)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(row.is_none())
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

async fn live_assignments(conn: &mut AnyConnection, need: i64) -> Result<i64> {
    let (n,): (i64,) = sqlx::query_as(
        "SELECT CAST(COUNT(*) AS BIGINT) FROM need_assignments WHERE need_id = $1 AND ended_at IS NULL",
    )
    .bind(need)
    .fetch_one(&mut *conn)
    .await?;
    Ok(n)
}

/// An assignment to write.
struct Assignment {
    need: i64,
    organization: i64,
    how: AssignmentWay,
    pledge: Option<i64>,
    by: UserId,
    at: i64,
}

/// Writes an assignment in the caller's transaction (the need already locked): nothing when the
/// association holds a live one (`false`), refused beyond [`NEED_ASSIGNMENT_LIMIT`], and an
/// ended one comes back to life with its new origin.
async fn assign_in(conn: &mut AnyConnection, a: Assignment) -> Result<bool> {
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

async fn commune_coverage(
    conn: &mut AnyConnection,
    incident: i64,
    commune: &str,
) -> Result<Coverage> {
    Ok(coverage_of(conn, incident, Some(commune))
        .await?
        .into_iter()
        .find(|c| c.douar_id.is_none())
        .unwrap_or_default())
}

/// Coverage per commune (douar `None`) and per douar, for one commune or all of them.
async fn coverage_of(
    conn: &mut AnyConnection,
    incident: i64,
    commune: Option<&str>,
) -> Result<Vec<Coverage>> {
    let commune = commune.unwrap_or("");
    // Needs still open or covered by a delivery, in households (estimated from people when only
    // people were counted): what pledges and deliveries are measured against.
    let needs: Vec<(String, Option<i64>, i64, i64, i64)> = sqlx::query_as(
        "SELECT commune_code, douar_id, \
         CAST(COALESCE(SUM(CASE WHEN status = 'covered' THEN 0 ELSE 1 END), 0) AS BIGINT), \
         CAST(COALESCE(SUM(CASE WHEN households > 0 THEN households ELSE 0 END), 0) AS BIGINT), \
         CAST(COALESCE(SUM(CASE WHEN households > 0 THEN 0 ELSE (COALESCE(people, 0) * 10 + 45) / 46 END), 0) AS BIGINT) \
         FROM needs WHERE incident_id = $1 AND ($2 = '' OR commune_code = $2) \
         AND status IN ('reported', 'verified', 'assigned', 'in_progress', 'covered') \
         GROUP BY commune_code, douar_id",
    )
    .bind(incident)
    .bind(commune)
    .fetch_all(&mut *conn)
    .await?;
    let pledges: Vec<(String, Option<i64>, String, i64)> = sqlx::query_as(
        "SELECT commune_code, douar_id, status, CAST(COALESCE(SUM(households), 0) AS BIGINT) FROM pledges \
         WHERE incident_id = $1 AND ($2 = '' OR commune_code = $2) AND status <> 'cancelled' \
         GROUP BY commune_code, douar_id, status",
    )
    .bind(incident)
    .bind(commune)
    .fetch_all(&mut *conn)
    .await?;
    let mut places: BTreeMap<(String, Option<i64>), Coverage> = BTreeMap::new();
    let entry = |commune: &str, douar: Option<i64>| -> Vec<(String, Option<i64>)> {
        let mut keys = vec![(commune.to_owned(), None)];
        if douar.is_some() {
            keys.push((commune.to_owned(), douar));
        }
        keys
    };
    for (commune, douar, count, households, from_people) in needs {
        for key in entry(&commune, douar) {
            let c = places.entry(key.clone()).or_insert_with(|| Coverage {
                commune_code: key.0.clone(),
                douar_id: key.1,
                ..Coverage::default()
            });
            c.open_needs += count;
            c.needed += households + from_people;
        }
    }
    for (commune, douar, status, households) in pledges {
        for key in entry(&commune, douar) {
            let c = places.entry(key.clone()).or_insert_with(|| Coverage {
                commune_code: key.0.clone(),
                douar_id: key.1,
                ..Coverage::default()
            });
            if status == PledgeStatus::Delivered.as_str() {
                c.delivered += households;
            } else {
                c.pledged += households;
            }
        }
    }
    Ok(places.into_values().collect())
}

/// One row of the who-does-what-where: a pledge with its association and place.
#[derive(Debug, Clone)]
pub struct ActivityRow {
    pub pledge_id: i64,
    pub organization: String,
    pub category: NeedCategory,
    pub commune_code: String,
    pub douar_latin: Option<String>,
    pub description: String,
    pub status: PledgeStatus,
    pub started_at: i64,
    pub households: i64,
}

/// A need for a map or an export: its point, or its douar's.
#[derive(Debug, Clone)]
pub struct LocatedNeed {
    pub need: Need,
    pub douar_latin: Option<String>,
    pub point: Option<GeoPoint>,
}

impl Store {
    /// One keyset page of an incident's activities (pledges that are not cancelled).
    pub async fn activities_page(
        &self,
        incident: i64,
        after: i64,
        limit: i64,
    ) -> Result<Vec<ActivityRow>> {
        let rows: Vec<ActivityRecord> =
            sqlx::query_as(
                "SELECT p.id AS pledge_id, o.name_fr AS organization, p.category AS category, \
                 p.commune_code AS commune_code, d.name_latin AS douar_latin, p.description AS description, \
                 p.status AS status, p.created_at AS created_at, p.households AS households \
                 FROM pledges p JOIN organizations o ON o.id = p.organization_id \
                 LEFT JOIN douars d ON d.id = p.douar_id \
                 WHERE p.incident_id = $1 AND p.id > $2 AND p.status <> 'cancelled' ORDER BY p.id LIMIT $3",
            )
            .bind(incident)
            .bind(after)
            .bind(limit)
            .fetch_all(self.reader())
            .await?;
        let corrupt = || StoreError::Corrupt("pledge");
        rows.into_iter()
            .map(|r| {
                Ok(ActivityRow {
                    pledge_id: r.pledge_id,
                    organization: r.organization,
                    category: NeedCategory::parse(&r.category).ok_or_else(corrupt)?,
                    commune_code: r.commune_code,
                    douar_latin: r.douar_latin,
                    description: r.description,
                    status: PledgeStatus::parse(&r.status).ok_or_else(corrupt)?,
                    started_at: r.created_at,
                    households: r.households,
                })
            })
            .collect()
    }

    /// One keyset page of an incident's needs with their points (the need's, else its douar's);
    /// held reports are left out.
    pub async fn located_needs_page(
        &self,
        incident: i64,
        after: i64,
        limit: i64,
    ) -> Result<Vec<LocatedNeed>> {
        let sql = format!(
            "SELECT x.*, d.name_latin, d.lat_e6, d.lon_e6 FROM \
             (SELECT {NEED_COLUMNS} FROM needs WHERE incident_id = $1 AND id > $2 AND status <> 'held' \
              ORDER BY id LIMIT $3) x \
             LEFT JOIN douars d ON d.id = x.douar_id ORDER BY x.id"
        );
        let rows: Vec<sqlx::any::AnyRow> = sqlx::query(&sql)
            .bind(incident)
            .bind(after)
            .bind(limit)
            .fetch_all(self.reader())
            .await?;
        use sqlx::Row;
        rows.into_iter()
            .map(|r| {
                let need = need_from(NeedRow::from_any(&r)?)?;
                let douar_latin: Option<String> = r.try_get(19)?;
                let douar_point = point(r.try_get(20)?, r.try_get(21)?);
                Ok(LocatedNeed {
                    point: need.point.or(douar_point),
                    need,
                    douar_latin,
                })
            })
            .collect()
    }
}

/// Reads the need columns (the first 19) of a wider row.
trait FromAny: Sized {
    fn from_any(row: &sqlx::any::AnyRow) -> Result<Self>;
}

impl FromAny for NeedRow {
    fn from_any(r: &sqlx::any::AnyRow) -> Result<NeedRow> {
        use sqlx::Row;
        Ok((
            r.try_get(0)?,
            r.try_get(1)?,
            r.try_get(2)?,
            r.try_get(3)?,
            r.try_get(4)?,
            r.try_get(5)?,
            r.try_get(6)?,
            r.try_get(7)?,
            r.try_get(8)?,
            r.try_get(9)?,
            r.try_get(10)?,
            r.try_get(11)?,
            r.try_get(12)?,
            r.try_get(13)?,
            r.try_get(14)?,
            r.try_get(15)?,
            r.try_get(16)?,
            r.try_get(17)?,
            r.try_get(18)?,
        ))
    }
}

/// Who does what where, summed: one line per association, commune and category.
#[derive(Debug, Clone)]
pub struct ActivitySummary {
    pub organization: String,
    pub commune_code: String,
    pub category: NeedCategory,
    pub pledges: i64,
    pub targeted: i64,
    pub reached: i64,
}

impl Store {
    /// The who-does-what-where of an incident, largest first (at most `limit` lines).
    pub async fn activity_summary(
        &self,
        incident: i64,
        limit: i64,
    ) -> Result<Vec<ActivitySummary>> {
        let rows: Vec<(String, String, String, i64, i64, i64)> = sqlx::query_as(
            "SELECT o.name_fr, p.commune_code, p.category, CAST(COUNT(*) AS BIGINT), \
             CAST(SUM(p.households) AS BIGINT), \
             CAST(SUM(CASE WHEN p.status = 'delivered' THEN p.households ELSE 0 END) AS BIGINT) \
             FROM pledges p JOIN organizations o ON o.id = p.organization_id \
             WHERE p.incident_id = $1 AND p.status <> 'cancelled' \
             GROUP BY o.name_fr, p.commune_code, p.category \
             ORDER BY 5 DESC, 1, 2, 3 LIMIT $2",
        )
        .bind(incident)
        .bind(limit)
        .fetch_all(self.reader())
        .await?;
        rows.into_iter()
            .map(|r| {
                Ok(ActivitySummary {
                    organization: r.0,
                    commune_code: r.1,
                    category: NeedCategory::parse(&r.2).ok_or(StoreError::Corrupt("pledge"))?,
                    pledges: r.3,
                    targeted: r.4,
                    reached: r.5,
                })
            })
            .collect()
    }
}

/// A recent need of the same commune and category, a candidate duplicate of a new report.
#[derive(sqlx::FromRow)]
struct NeedCandidateRow {
    id: i64,
    douar_id: Option<i64>,
    lat_e6: Option<i64>,
    lon_e6: Option<i64>,
    reported_at: i64,
}

/// A pledge with its association's name and douar, as read for the activities page.
#[derive(sqlx::FromRow)]
struct ActivityRecord {
    pledge_id: i64,
    organization: String,
    category: String,
    commune_code: String,
    douar_latin: Option<String>,
    description: String,
    status: String,
    created_at: i64,
    households: i64,
}
