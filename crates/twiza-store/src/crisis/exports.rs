//! The who-does-what-where and needs with their points: keyset pages for lists, maps and
//! streamed exports, and the summed activities of an incident.

use super::needs::{need_from, FromAny, Need, NeedRow, NEED_COLUMNS};
use super::point;
use crate::{Result, Store, StoreError};
use twiza_domain::crisis::{GeoPoint, NeedCategory, PledgeStatus};

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
