//! Bulk loading of an incident's needs and pledges collected elsewhere (a survey's results, a
//! spreadsheet kept before Twiza, a benchmark's generated incident): many rows per statement,
//! the places checked once per commune, no duplicate search and no contacts.

use super::check_place_of;
use crate::{values_placeholders, Result, Store};
use std::collections::BTreeSet;
use twiza_domain::crisis::{NeedSource, NeedStatus, NewNeed, NewPledge, PledgeStatus};
use twiza_domain::{OrgId, UserId};

/// Rows per INSERT statement: SQLite looks each `$N` up by name in a list, so a statement with
/// thousands of bound values costs more per value than several smaller ones.
const ROWS_PER_STATEMENT: usize = 100;

/// A need as it was collected: its reference, where it came from, its status and when it was
/// reported (Unix seconds).
#[derive(Debug, Clone)]
pub struct LoadedNeed {
    pub need: NewNeed,
    pub reference: String,
    pub source: NeedSource,
    pub status: NeedStatus,
    pub reported_at: i64,
}

/// A pledge as it stands.
#[derive(Debug, Clone)]
pub struct LoadedPledge {
    pub pledge: NewPledge,
    pub status: PledgeStatus,
}

impl Store {
    /// Writes `needs` into the incident in one transaction; the incident must exist and every
    /// commune and douar must belong to it. Returns how many were written.
    pub async fn load_needs(&self, incident: i64, needs: &[LoadedNeed]) -> Result<u64> {
        let mut tx = self.writer().begin().await?;
        let places: BTreeSet<(&str, Option<i64>)> = needs
            .iter()
            .map(|n| (n.need.commune.as_str(), n.need.douar_id))
            .collect();
        for (commune, douar) in places {
            check_place_of(&mut tx, incident, commune, douar).await?;
        }
        let now = crate::now();
        for chunk in needs.chunks(ROWS_PER_STATEMENT) {
            let sql = format!(
                "INSERT INTO needs (incident_id, reference, commune_code, douar_id, category, \
                 urgency, households, people, lat_e6, lon_e6, description, source, status, \
                 reported_at, updated_at) VALUES {}",
                values_placeholders(chunk.len(), 15)
            );
            let mut query = sqlx::query(&sql);
            for n in chunk {
                query = query
                    .bind(incident)
                    .bind(&n.reference)
                    .bind(n.need.commune.as_str())
                    .bind(n.need.douar_id)
                    .bind(n.need.category.as_str())
                    .bind(n.need.urgency.as_str())
                    .bind(n.need.households)
                    .bind(n.need.people)
                    .bind(n.need.point.map(|p| p.lat_e6))
                    .bind(n.need.point.map(|p| p.lon_e6))
                    .bind(n.need.description.as_deref())
                    .bind(n.source.as_str())
                    .bind(n.status.as_str())
                    .bind(n.reported_at)
                    .bind(now);
            }
            query.execute(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok(needs.len() as u64)
    }

    /// Writes the association's `pledges` into the incident in one transaction, as made by
    /// `by`; the places are checked as for needs. Returns how many were written.
    pub async fn load_pledges(
        &self,
        incident: i64,
        organization: OrgId,
        by: UserId,
        pledges: &[LoadedPledge],
    ) -> Result<u64> {
        let mut tx = self.writer().begin().await?;
        let places: BTreeSet<(&str, Option<i64>)> = pledges
            .iter()
            .map(|p| (p.pledge.commune.as_str(), p.pledge.douar_id))
            .collect();
        for (commune, douar) in places {
            check_place_of(&mut tx, incident, commune, douar).await?;
        }
        let now = crate::now();
        for chunk in pledges.chunks(ROWS_PER_STATEMENT) {
            let sql = format!(
                "INSERT INTO pledges (incident_id, organization_id, need_id, commune_code, \
                 douar_id, category, households, description, due_on, status, created_by, \
                 created_at, updated_at) VALUES {}",
                values_placeholders(chunk.len(), 13)
            );
            let mut query = sqlx::query(&sql);
            for p in chunk {
                query = query
                    .bind(incident)
                    .bind(organization.0)
                    .bind(p.pledge.need_id)
                    .bind(p.pledge.commune.as_str())
                    .bind(p.pledge.douar_id)
                    .bind(p.pledge.category.as_str())
                    .bind(p.pledge.households)
                    .bind(&p.pledge.description)
                    .bind(p.pledge.due_on.to_string())
                    .bind(p.status.as_str())
                    .bind(by.0)
                    .bind(now)
                    .bind(now);
            }
            query.execute(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok(pledges.len() as u64)
    }
}
