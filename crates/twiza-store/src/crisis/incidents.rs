//! Incidents, the communes they hit and their douars: declaring and reading them, and the check
//! that a place belongs to an incident.

use super::point;
use crate::{now, Result, Store, StoreError};
use sqlx::AnyConnection;
use twiza_domain::crisis::{GeoPoint, IncidentKind, NewDouar, NewIncident};
use twiza_domain::Refusal;
use twiza_domain::UserId;

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

impl Store {
    /// Declares an incident and the communes it hit.
    pub async fn declare_incident(&self, incident: &NewIncident, by: UserId) -> Result<i64> {
        self.declare_incident_once(incident, by, None).await
    }

    /// Declares an incident; a form's `creation_key` that `by` sent before answers the incident
    /// it declared then, so that the same form sent twice declares one incident.
    pub async fn declare_incident_once(
        &self,
        incident: &NewIncident,
        by: UserId,
        creation_key: Option<&str>,
    ) -> Result<i64> {
        let mut tx = self.writer().begin().await?;
        let created: Option<(i64,)> = sqlx::query_as(
            "INSERT INTO incidents (kind, title_ar, title_fr, started_on, declared_by, declared_at, \
             creation_key) VALUES ($1, $2, $3, $4, $5, $6, $7) \
             ON CONFLICT (declared_by, creation_key) DO NOTHING RETURNING id",
        )
        .bind(incident.kind.as_str())
        .bind(&incident.title_ar)
        .bind(&incident.title_fr)
        .bind(incident.started_on.to_string())
        .bind(by.0)
        .bind(now())
        .bind(creation_key)
        .fetch_optional(&mut *tx)
        .await?;
        let Some((id,)) = created else {
            let (id,): (i64,) = sqlx::query_as(
                "SELECT id FROM incidents WHERE declared_by = $1 AND creation_key = $2",
            )
            .bind(by.0)
            .bind(creation_key)
            .fetch_one(&mut *tx)
            .await?;
            return Ok(id);
        };
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

pub(super) async fn self_incident_missing(conn: &mut AnyConnection, incident: i64) -> Result<bool> {
    let row: Option<(i64,)> = sqlx::query_as("SELECT id FROM incidents WHERE id = $1")
        .bind(incident)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(row.is_none())
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
pub(super) async fn check_place(
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
