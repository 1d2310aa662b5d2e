//! Coverage: needs against pledges per commune and douar, read from the running totals
//! (`coverage_totals`, kept by the migrations' triggers in the transaction of every change to a
//! need or a pledge), the full recomputation they must always equal, and the warning given when a
//! place already covered is chosen while neighbouring communes wait.

use crate::{Result, Store};
use sqlx::AnyConnection;
use std::collections::BTreeMap;
use twiza_domain::crisis::PledgeStatus;

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

impl Store {
    /// Needs against pledges in one commune of an incident (its douars left out).
    pub async fn commune_coverage(&self, incident: i64, commune: &str) -> Result<Coverage> {
        let mut conn = self.reader().acquire().await?;
        commune_coverage(&mut conn, incident, commune).await
    }

    /// Needs against pledges for every commune and douar of an incident (douar `None`: the whole
    /// commune), sorted by commune then douar: one row per place of the running totals, whatever
    /// the number of needs and pledges.
    pub async fn coverage(&self, incident: i64) -> Result<Vec<Coverage>> {
        let mut conn = self.reader().acquire().await?;
        totals_of(&mut conn, incident, None).await
    }

    /// The same coverage recomputed from every need and pledge by grouped scans (slow on a large
    /// incident): what the running totals must equal, for tests and checks.
    pub async fn recomputed_coverage(&self, incident: i64) -> Result<Vec<Coverage>> {
        let mut conn = self.reader().acquire().await?;
        coverage_of(&mut conn, incident, None).await
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
    pub(super) async fn uncovered_neighbours(
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
}

pub(super) async fn commune_coverage(
    conn: &mut AnyConnection,
    incident: i64,
    commune: &str,
) -> Result<Coverage> {
    Ok(totals_of(conn, incident, Some(commune))
        .await?
        .into_iter()
        .find(|c| c.douar_id.is_none())
        .unwrap_or_default())
}

/// A row of `coverage_totals`.
#[derive(sqlx::FromRow)]
struct TotalsRow {
    commune_code: String,
    douar_key: i64,
    open_needs: i64,
    needed: i64,
    pledged: i64,
    delivered: i64,
}

/// Coverage per commune (douar `None`) and per douar from the running totals, for one commune or
/// all of them. A place is listed while it has a need that counts or a pledge not cancelled, as
/// in the recomputation.
async fn totals_of(
    conn: &mut AnyConnection,
    incident: i64,
    commune: Option<&str>,
) -> Result<Vec<Coverage>> {
    let rows: Vec<TotalsRow> = sqlx::query_as(
        "SELECT commune_code, douar_key, open_needs, needed, pledged, delivered \
         FROM coverage_totals WHERE incident_id = $1 AND ($2 = '' OR commune_code = $2) \
         AND need_rows + pledge_rows > 0",
    )
    .bind(incident)
    .bind(commune.unwrap_or(""))
    .fetch_all(&mut *conn)
    .await?;
    let mut places: BTreeMap<(String, Option<i64>), Coverage> = BTreeMap::new();
    for row in rows {
        let douar = (row.douar_key != 0).then_some(row.douar_key);
        let mut keys = vec![(row.commune_code.clone(), None)];
        if douar.is_some() {
            keys.push((row.commune_code.clone(), douar));
        }
        for key in keys {
            let c = places.entry(key.clone()).or_insert_with(|| Coverage {
                commune_code: key.0,
                douar_id: key.1,
                ..Coverage::default()
            });
            c.open_needs += row.open_needs;
            c.needed += row.needed;
            c.pledged += row.pledged;
            c.delivered += row.delivered;
        }
    }
    Ok(places.into_values().collect())
}

/// Coverage per commune (douar `None`) and per douar, for one commune or all of them, recomputed
/// from every need and pledge.
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
