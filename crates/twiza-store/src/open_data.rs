//! The reads behind the open data catalogue: the campaigns whose figures are public, an
//! incident's needs placed at their douar only, and the daily totals of donations, expenses and
//! deliveries, each in keyset pages so that an export never holds more than a page in memory.
//!
//! Nothing here reads a name, a phone, an identity number, a contact or a free text: the
//! queries select only codes, counts, amounts, dates and the douars' public points.

use crate::{Result, Store, StoreError};
use twiza_domain::crisis::{GeoPoint, NeedCategory, NeedStatus, Urgency};

/// Seconds in a day: daily totals are per UTC day (`at / 86400`).
const DAY: i64 = 86_400;

/// A campaign whose donations and expenses are public (published or closed).
#[derive(Debug, Clone)]
pub struct OpenCampaign {
    pub id: i64,
    pub code: String,
    pub title_ar: String,
    pub title_fr: String,
    pub organization_ar: String,
    pub organization_fr: String,
    /// `YYYY-MM-DD`.
    pub starts_on: String,
    /// `YYYY-MM-DD`.
    pub ends_on: String,
    pub closed: bool,
}

/// A need as the open data shows it: where (commune, douar and the douar's point, never the
/// need's own point), what, how urgent, how many households, its status and report date.
#[derive(Debug, Clone)]
pub struct OpenNeed {
    pub id: i64,
    pub commune_code: String,
    pub douar_id: Option<i64>,
    pub douar_latin: Option<String>,
    pub douar_point: Option<GeoPoint>,
    pub category: NeedCategory,
    pub urgency: Urgency,
    pub status: NeedStatus,
    pub households: Option<i64>,
    pub people: Option<i64>,
    pub reported_at: i64,
    pub updated_at: i64,
}

/// Confirmed donations of one UTC day, kind and method.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DonationDay {
    /// Days since 1970-01-01 (UTC).
    pub day: i64,
    /// `money` or `in_kind`.
    pub kind: String,
    /// The payment method of money donations; empty for gifts in kind.
    pub method: String,
    pub donations: i64,
    pub amount_centimes: i64,
}

/// Approved expenses of one UTC day (of their approval) and category.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExpenseDay {
    pub day: i64,
    pub category: String,
    pub expenses: i64,
    pub amount_centimes: i64,
}

/// Confirmed deliveries of one UTC day, commune and association.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeliveryDay {
    pub day: i64,
    pub commune_code: String,
    pub organization: String,
    pub deliveries: i64,
    pub households: i64,
}

/// A public campaign as read: id, code, titles (ar, fr), its association's names (ar, fr),
/// start, end, state.
type CampaignRecord = (
    i64,
    String,
    String,
    String,
    String,
    String,
    String,
    String,
    String,
);

/// Rows of grouped totals read per query: a page ends on a whole day (see `whole_days`).
pub const DAY_PAGE: i64 = 5_000;

impl Store {
    /// Published and closed campaigns after the id `after`, in id order (keyset pages).
    pub async fn open_campaigns(&self, after: i64, limit: i64) -> Result<Vec<OpenCampaign>> {
        let rows: Vec<CampaignRecord> =
            sqlx::query_as(
                "SELECT c.id, c.code, c.title_ar, c.title_fr, o.name_ar, o.name_fr, c.starts_on, \
                 c.ends_on, c.state FROM campaigns c JOIN organizations o ON o.id = c.organization_id \
                 WHERE c.id > $1 AND c.state IN ('published', 'closed') ORDER BY c.id LIMIT $2",
            )
            .bind(after)
            .bind(limit)
            .fetch_all(self.reader())
            .await?;
        Ok(rows
            .into_iter()
            .map(|r| OpenCampaign {
                id: r.0,
                code: r.1,
                title_ar: r.2,
                title_fr: r.3,
                organization_ar: r.4,
                organization_fr: r.5,
                starts_on: r.6,
                ends_on: r.7,
                closed: r.8 == "closed",
            })
            .collect())
    }

    /// One published or closed campaign, `None` for a draft or an unknown id.
    pub async fn open_campaign(&self, id: i64) -> Result<Option<OpenCampaign>> {
        Ok(self
            .open_campaigns(id - 1, 1)
            .await?
            .into_iter()
            .find(|c| c.id == id))
    }

    /// One keyset page of an incident's needs for the open data (held reports left out), each
    /// placed at its douar's point when it has one — never at the point its reporter gave.
    pub async fn open_needs_page(
        &self,
        incident: i64,
        after: i64,
        limit: i64,
    ) -> Result<Vec<OpenNeed>> {
        #[allow(clippy::type_complexity)]
        let rows: Vec<(
            i64,
            String,
            Option<i64>,
            String,
            String,
            String,
            Option<i64>,
            Option<i64>,
            i64,
            i64,
            Option<String>,
            Option<i64>,
            Option<i64>,
        )> = sqlx::query_as(
            "SELECT x.id, x.commune_code, x.douar_id, x.category, x.urgency, x.status, x.households, \
             x.people, x.reported_at, x.updated_at, d.name_latin, d.lat_e6, d.lon_e6 FROM \
             (SELECT id, commune_code, douar_id, category, urgency, status, households, people, \
              reported_at, updated_at FROM needs \
              WHERE incident_id = $1 AND id > $2 AND status <> 'held' ORDER BY id LIMIT $3) x \
             LEFT JOIN douars d ON d.id = x.douar_id ORDER BY x.id",
        )
        .bind(incident)
        .bind(after)
        .bind(limit)
        .fetch_all(self.reader())
        .await?;
        let corrupt = || StoreError::Corrupt("need");
        rows.into_iter()
            .map(|r| {
                Ok(OpenNeed {
                    id: r.0,
                    commune_code: r.1,
                    douar_id: r.2,
                    category: NeedCategory::parse(&r.3).ok_or_else(corrupt)?,
                    urgency: Urgency::parse(&r.4).ok_or_else(corrupt)?,
                    status: NeedStatus::parse(&r.5).ok_or_else(corrupt)?,
                    households: r.6,
                    people: r.7,
                    reported_at: r.8,
                    updated_at: r.9,
                    douar_latin: r.10,
                    douar_point: match (r.11, r.12) {
                        (Some(lat_e6), Some(lon_e6)) => Some(GeoPoint { lat_e6, lon_e6 }),
                        _ => None,
                    },
                })
            })
            .collect()
    }

    /// Confirmed donations of a campaign summed per UTC day, kind and method, for the days
    /// after `after_day`, in day order: one page of whole days (see `whole_days`).
    pub async fn donation_days(
        &self,
        campaign: i64,
        after_day: i64,
        limit: i64,
    ) -> Result<Vec<DonationDay>> {
        let rows: Vec<(i64, String, String, i64, i64)> = sqlx::query_as(
            "SELECT CAST(COALESCE(confirmed_at, created_at) / 86400 AS BIGINT) AS day, kind, \
             COALESCE(method, '') AS method, CAST(COUNT(*) AS BIGINT), \
             CAST(COALESCE(SUM(amount_centimes), 0) AS BIGINT) \
             FROM donations WHERE campaign_id = $1 AND status = 'confirmed' \
             AND COALESCE(confirmed_at, created_at) >= $2 \
             GROUP BY 1, 2, 3 ORDER BY 1, 2, 3 LIMIT $3",
        )
        .bind(campaign)
        .bind((after_day + 1) * DAY)
        .bind(limit)
        .fetch_all(self.reader())
        .await?;
        let rows = rows
            .into_iter()
            .map(|r| DonationDay {
                day: r.0,
                kind: r.1,
                method: r.2,
                donations: r.3,
                amount_centimes: r.4,
            })
            .collect();
        Ok(whole_days(rows, limit, |r| r.day))
    }

    /// Approved expenses of a campaign summed per UTC day of their approval and category, for
    /// the days after `after_day`: one page of whole days.
    pub async fn expense_days(
        &self,
        campaign: i64,
        after_day: i64,
        limit: i64,
    ) -> Result<Vec<ExpenseDay>> {
        let rows: Vec<(i64, String, i64, i64)> = sqlx::query_as(
            "SELECT CAST(decided_at / 86400 AS BIGINT) AS day, category, CAST(COUNT(*) AS BIGINT), \
             CAST(COALESCE(SUM(amount_centimes), 0) AS BIGINT) \
             FROM expenses WHERE campaign_id = $1 AND status = 'approved' \
             AND decided_at IS NOT NULL AND decided_at >= $2 \
             GROUP BY 1, 2 ORDER BY 1, 2 LIMIT $3",
        )
        .bind(campaign)
        .bind((after_day + 1) * DAY)
        .bind(limit)
        .fetch_all(self.reader())
        .await?;
        let rows = rows
            .into_iter()
            .map(|r| ExpenseDay {
                day: r.0,
                category: r.1,
                expenses: r.2,
                amount_centimes: r.3,
            })
            .collect();
        Ok(whole_days(rows, limit, |r| r.day))
    }

    /// Confirmed deliveries of an incident summed per UTC day, commune (the need's) and
    /// association, for the days after `after_day`: one page of whole days.
    pub async fn delivery_days(
        &self,
        incident: i64,
        after_day: i64,
        limit: i64,
    ) -> Result<Vec<DeliveryDay>> {
        let rows: Vec<(i64, String, String, i64, i64)> = sqlx::query_as(
            "SELECT CAST(d.delivered_at / 86400 AS BIGINT) AS day, n.commune_code, o.name_fr, \
             CAST(COUNT(*) AS BIGINT), CAST(COALESCE(SUM(d.households), 0) AS BIGINT) \
             FROM deliveries d JOIN needs n ON n.id = d.need_id \
             JOIN organizations o ON o.id = d.organization_id \
             WHERE d.incident_id = $1 AND d.status = 'delivered' \
             AND d.delivered_at IS NOT NULL AND d.delivered_at >= $2 \
             GROUP BY 1, 2, 3 ORDER BY 1, 2, 3 LIMIT $3",
        )
        .bind(incident)
        .bind((after_day + 1) * DAY)
        .bind(limit)
        .fetch_all(self.reader())
        .await?;
        let rows = rows
            .into_iter()
            .map(|r| DeliveryDay {
                day: r.0,
                commune_code: r.1,
                organization: r.2,
                deliveries: r.3,
                households: r.4,
            })
            .collect();
        Ok(whole_days(rows, limit, |r| r.day))
    }
}

/// A page of grouped daily rows ends on a whole day: when the query filled its `limit`, the
/// last day may be cut, so its rows are dropped and read again with the next page (which
/// starts after the last day kept). A full page of one single day is kept whole: a day never
/// holds `limit` groups in practice (methods × kinds, categories, communes × associations), and
/// dropping it would loop.
pub fn whole_days<T>(mut rows: Vec<T>, limit: i64, day: impl Fn(&T) -> i64) -> Vec<T> {
    if (rows.len() as i64) < limit {
        return rows;
    }
    let (Some(first), Some(last)) = (rows.first().map(&day), rows.last().map(&day)) else {
        return rows;
    };
    if first != last {
        rows.retain(|r| day(r) != last);
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::whole_days;

    #[test]
    fn a_full_page_ends_on_a_whole_day() {
        assert_eq!(whole_days(vec![1, 1, 2, 3, 3], 5, |d| *d), vec![1, 1, 2]);
        assert_eq!(whole_days(vec![1, 1, 2, 3], 5, |d| *d), vec![1, 1, 2, 3]);
        assert_eq!(whole_days(vec![4, 4, 4], 3, |d| *d), vec![4, 4, 4]);
        assert!(whole_days(Vec::<i64>::new(), 3, |d| *d).is_empty());
    }
}
