//! Programmes: versioned rules, enrollment (only households with a standing consent), cycles
//! computed for every enrolled household in one streaming pass and one transaction, and the
//! two-person approval of a cycle.

use crate::{json_insert, now, Col, Result, Store, StoreError};
use std::collections::HashMap;
use time::Date;
use twiza_domain::programme::{Decision, HouseholdFacts, MemberFacts, Rules};
use twiza_domain::registry::{
    age_on, ranks_of_children, Area, Disability, HousingDamage, Relation, Schooling, Sex,
};
use twiza_domain::Refusal;
use twiza_domain::{OrgScope, UserId};
use twiza_geo::CommuneCode;

/// Households read per step of a cycle computation.
const CYCLE_PAGE: i64 = 5000;

/// A new programme.
#[derive(Debug, Clone)]
pub struct NewProgramme {
    pub code: String,
    pub name_ar: String,
    pub name_fr: String,
    /// Personal data of its households is anonymized this many days after it ends.
    pub retention_days: i64,
    pub ends_on: Option<Date>,
}

/// A cycle's totals (read straight from its `cycles` row).
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct CycleSummary {
    pub id: i64,
    pub programme_id: i64,
    pub period: String,
    pub rules_version: i64,
    pub status: String,
    pub households: i64,
    pub eligible: i64,
    pub total_centimes: i64,
    pub computed_by: Option<i64>,
    pub approved_by: Option<i64>,
}

/// Whether the programme is the association's (`NotFound` otherwise).
pub(crate) async fn own_programme(
    conn: &mut sqlx::AnyConnection,
    scope: &OrgScope,
    programme: i64,
) -> Result<()> {
    let row: Option<(i64,)> =
        sqlx::query_as("SELECT id FROM programmes WHERE id = $1 AND organization_id = $2")
            .bind(programme)
            .bind(scope.org_id().0)
            .fetch_optional(&mut *conn)
            .await?;
    row.map(|_| ()).ok_or(StoreError::NotFound)
}

/// Parses a stored `YYYY-MM-DD` quickly (the cycle reads millions).
fn stored_date(raw: &str) -> Option<Date> {
    let b = raw.as_bytes();
    if b.len() != 10 {
        return None;
    }
    let num = |r: std::ops::Range<usize>| raw.get(r)?.parse::<u16>().ok();
    let month = time::Month::try_from(u8::try_from(num(5..7)?).ok()?).ok()?;
    Date::from_calendar_date(
        i32::from(num(0..4)?),
        month,
        u8::try_from(num(8..10)?).ok()?,
    )
    .ok()
}

struct StoredMember {
    birth: Date,
    sex: Sex,
    relation: Relation,
    schooling: Schooling,
    disabled: bool,
}

fn member_facts(members: &[StoredMember], on: Date) -> Vec<MemberFacts> {
    let ranks = ranks_of_children(members.iter().map(|m| (m.relation, m.birth)));
    members
        .iter()
        .zip(ranks)
        .map(|(m, child_rank)| MemberFacts {
            age: age_on(m.birth, on),
            sex: m.sex,
            relation: m.relation,
            schooling: m.schooling,
            disabled: m.disabled,
            child_rank,
        })
        .collect()
}

impl Store {
    pub async fn create_programme(
        &self,
        scope: &OrgScope,
        programme: &NewProgramme,
        by: UserId,
    ) -> Result<i64> {
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO programmes (organization_id, code, name_ar, name_fr, retention_days, ends_on, \
             created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        )
        .bind(scope.org_id().0)
        .bind(&programme.code)
        .bind(&programme.name_ar)
        .bind(&programme.name_fr)
        .bind(programme.retention_days)
        .bind(programme.ends_on.map(|d| d.to_string()))
        .bind(by.0)
        .bind(now())
        .fetch_one(self.writer())
        .await
        .map_err(crate::refuse_on_unique(Refusal::ProgrammeCodeTaken))?;
        Ok(id)
    }

    /// Saves a new version of a programme's rules (checked by the caller with
    /// [`Rules::from_json`]); returns its number.
    pub async fn add_programme_rules(
        &self,
        scope: &OrgScope,
        programme: i64,
        rules_json: &str,
        by: UserId,
    ) -> Result<i64> {
        let mut tx = self.writer().begin().await?;
        own_programme(&mut tx, scope, programme).await?;
        let (version,): (i64,) = sqlx::query_as(
            "SELECT COALESCE(MAX(version), 0) + 1 FROM programme_rules WHERE programme_id = $1",
        )
        .bind(programme)
        .fetch_one(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO programme_rules (programme_id, version, rules, created_by, created_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(programme)
        .bind(version)
        .bind(rules_json)
        .bind(by.0)
        .bind(now())
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(version)
    }

    /// Enrolls every household of the association that has a standing consent (or legal basis)
    /// for programme enrollment or registration and is not enrolled yet. Returns how many.
    pub async fn enroll_consenting_households(
        &self,
        scope: &OrgScope,
        programme: i64,
        by: UserId,
    ) -> Result<u64> {
        let mut tx = self.writer().begin().await?;
        own_programme(&mut tx, scope, programme).await?;
        let done = sqlx::query(
            "INSERT INTO enrollments (programme_id, household_id, status, enrolled_by, enrolled_at) \
             SELECT $1, h.id, 'enrolled', $2, $3 FROM households h \
             WHERE h.organization_id = $4 AND h.status = 'active' \
             AND EXISTS (SELECT 1 FROM consents c WHERE c.household_id = h.id AND c.withdrawn_at IS NULL \
                         AND c.purpose IN ('registration', 'programme_enrollment')) \
             AND NOT EXISTS (SELECT 1 FROM enrollments e WHERE e.programme_id = $1 AND e.household_id = h.id)",
        )
        .bind(programme)
        .bind(by.0)
        .bind(now())
        .bind(scope.org_id().0)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        tx.commit().await?;
        Ok(done)
    }

    /// Takes one household of the association out of a programme (`enrolled` false: it moved
    /// away, refused, was found registered twice) or back in (a grievance upheld). Back in needs
    /// a standing consent or legal basis, as enrollment does. Cycles read enrolled households only.
    pub async fn set_enrollment(
        &self,
        scope: &OrgScope,
        programme: i64,
        household: i64,
        enrolled: bool,
        by: UserId,
    ) -> Result<()> {
        let mut tx = self.writer().begin().await?;
        own_programme(&mut tx, scope, programme).await?;
        crate::registry::own_household(&mut tx, scope, household).await?;
        let at = now();
        if enrolled {
            let consented: Option<(i64,)> = sqlx::query_as(
                "SELECT c.id FROM consents c WHERE c.household_id = $1 AND c.withdrawn_at IS NULL \
                 AND c.purpose IN ('registration', 'programme_enrollment') LIMIT 1",
            )
            .bind(household)
            .fetch_optional(&mut *tx)
            .await?;
            if consented.is_none() {
                return Err(StoreError::Refused(Refusal::NoConsent));
            }
            sqlx::query(
                "INSERT INTO enrollments (programme_id, household_id, status, enrolled_by, enrolled_at) \
                 VALUES ($1, $2, 'enrolled', $3, $4) ON CONFLICT (programme_id, household_id) \
                 DO UPDATE SET status = 'enrolled', enrolled_by = $3, enrolled_at = $4, exited_at = NULL",
            )
            .bind(programme)
            .bind(household)
            .bind(by.0)
            .bind(at)
            .execute(&mut *tx)
            .await?;
        } else {
            let done = sqlx::query(
                "UPDATE enrollments SET status = 'exited', exited_at = $1 \
                 WHERE programme_id = $2 AND household_id = $3 AND status = 'enrolled'",
            )
            .bind(at)
            .bind(programme)
            .bind(household)
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() != 1 {
                return Err(StoreError::Refused(Refusal::NotEnrolled));
            }
        }
        tx.commit().await?;
        Ok(())
    }

    /// Computes a cycle: the latest rules, every enrolled household's facts on `reference_date`
    /// (its latest socio-economic index effective by then), the decision and its explanation,
    /// in one transaction. A cycle computed before (not yet approved) is computed again.
    pub async fn compute_cycle(
        &self,
        scope: &OrgScope,
        programme: i64,
        period: &str,
        reference_date: Date,
        by: UserId,
    ) -> Result<CycleSummary> {
        let mut tx = self.writer().begin().await?;
        own_programme(&mut tx, scope, programme).await?;
        let rules: Option<(i64, String)> = sqlx::query_as(
            "SELECT version, rules FROM programme_rules WHERE programme_id = $1 ORDER BY version DESC LIMIT 1",
        )
        .bind(programme)
        .fetch_optional(&mut *tx)
        .await?;
        let (version, rules_json) =
            rules.ok_or(StoreError::Refused(Refusal::ProgrammeWithoutRules))?;
        let rules =
            Rules::from_json(&rules_json).map_err(|_| StoreError::Corrupt("programme rules"))?;
        let existing: Option<(i64, String)> =
            sqlx::query_as("SELECT id, status FROM cycles WHERE programme_id = $1 AND period = $2")
                .bind(programme)
                .bind(period)
                .fetch_optional(&mut *tx)
                .await?;
        let cycle = match existing {
            Some((_, status)) if status != "computed" => {
                return Err(StoreError::Refused(Refusal::CycleAlreadyApproved))
            }
            Some((id, _)) => {
                sqlx::query("DELETE FROM entitlements WHERE cycle_id = $1")
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
                id
            }
            None => {
                let (id,): (i64,) = sqlx::query_as(
                    "INSERT INTO cycles (programme_id, period, reference_date, rules_version, status) \
                     VALUES ($1, $2, $3, $4, 'computed') RETURNING id",
                )
                .bind(programme)
                .bind(period)
                .bind(reference_date.to_string())
                .bind(version)
                .fetch_one(&mut *tx)
                .await?;
                id
            }
        };
        let insert = json_insert(
            crate::backend_of(&tx),
            "entitlements",
            &[
                ("cycle_id", Col::Int),
                ("household_id", Col::Int),
                ("eligible", Col::Int),
                ("centimes", Col::Int),
                ("explanation", Col::Text),
            ],
        );
        let on = reference_date.to_string();
        let (mut households, mut eligible, mut total) = (0i64, 0i64, 0i64);
        let mut after = 0i64;
        loop {
            let page: Vec<(i64, String, String, Option<i64>, String)> = sqlx::query_as(
                // Keyset on the enrollment key (programme, household), so each page is a range of
                // that index; ordering by the household's id made SQLite sort what was left.
                "SELECT h.id, h.area, h.housing_damage, h.incident_id, h.commune_code \
                 FROM enrollments e JOIN households h ON h.id = e.household_id \
                 WHERE e.programme_id = $1 AND e.household_id > $2 AND e.status = 'enrolled' \
                 ORDER BY e.household_id LIMIT $3",
            )
            .bind(programme)
            .bind(after)
            .bind(CYCLE_PAGE)
            .fetch_all(&mut *tx)
            .await?;
            let (Some(first), Some(last)) = (page.first(), page.last()) else {
                break;
            };
            let (first, last) = (first.0, last.0);
            after = last;
            let mut members: HashMap<i64, Vec<StoredMember>> = HashMap::with_capacity(page.len());
            let rows: Vec<(i64, String, String, String, String, String)> = sqlx::query_as(
                "SELECT household_id, birth_date, sex, relation, schooling, disability FROM persons \
                 WHERE household_id BETWEEN $1 AND $2 AND same_as IS NULL",
            )
            .bind(first)
            .bind(last)
            .fetch_all(&mut *tx)
            .await?;
            for (h, birth, sex, relation, schooling, disability) in rows {
                let corrupt = || StoreError::Corrupt("person");
                members.entry(h).or_default().push(StoredMember {
                    birth: stored_date(&birth).ok_or_else(corrupt)?,
                    sex: Sex::parse(&sex).ok_or_else(corrupt)?,
                    relation: Relation::parse(&relation).ok_or_else(corrupt)?,
                    schooling: Schooling::parse(&schooling).ok_or_else(corrupt)?,
                    disabled: Disability::parse(&disability)
                        .ok_or_else(corrupt)?
                        .is_disabled(),
                });
            }
            let mut index: HashMap<i64, (String, i64)> = HashMap::with_capacity(page.len());
            let rows: Vec<(i64, String, i64)> = sqlx::query_as(
                "SELECT household_id, effective_on, value_micro FROM socio_economic_indexes \
                 WHERE household_id BETWEEN $1 AND $2 AND effective_on <= $3",
            )
            .bind(first)
            .bind(last)
            .bind(&on)
            .fetch_all(&mut *tx)
            .await?;
            for (h, effective_on, micro) in rows {
                let slot = index.entry(h).or_insert((String::new(), micro));
                if effective_on >= slot.0 {
                    *slot = (effective_on, micro);
                }
            }
            let mut out = Vec::with_capacity(page.len());
            for (id, area, damage, incident, commune) in &page {
                let decision = match members.get(id).filter(|m| !m.is_empty()) {
                    None => Decision::duplicate_household(),
                    Some(own_members) => {
                        let corrupt = || StoreError::Corrupt("household");
                        let code = CommuneCode::parse(commune).map_err(|_| corrupt())?;
                        let place = twiza_geo::geo().commune(&code).ok_or_else(corrupt)?;
                        let facts = HouseholdFacts {
                            socio_economic_index: index
                                .get(id)
                                .map(|(_, micro)| *micro as f64 / 1e6),
                            area: Area::parse(area).ok_or_else(corrupt)?,
                            housing_damage: HousingDamage::parse(damage).ok_or_else(corrupt)?,
                            affected_by_incident: incident.is_some(),
                            region: place.region_code.as_str(),
                            province: place.province_code.as_str(),
                            commune: commune.as_str(),
                            members: member_facts(own_members, reference_date),
                        };
                        rules.decide(&facts)
                    }
                };
                households += 1;
                if decision.eligible {
                    eligible += 1;
                    total = total.saturating_add(decision.centimes);
                }
                let explanation = if decision.eligible {
                    serde_json::json!({"lines": decision.lines.iter()
                        .map(|l| (l.label.as_str(), l.count, l.centimes)).collect::<Vec<_>>()})
                } else {
                    serde_json::json!({"unmet": decision.unmet})
                };
                out.push(serde_json::json!([
                    cycle,
                    id,
                    i64::from(decision.eligible),
                    decision.centimes,
                    explanation.to_string()
                ]));
            }
            sqlx::query(&insert)
                .bind(serde_json::Value::Array(out).to_string())
                .execute(&mut *tx)
                .await?;
        }
        sqlx::query(
            "UPDATE cycles SET households = $1, eligible = $2, total_centimes = $3, rules_version = $4, \
             reference_date = $5, computed_by = $6, computed_at = $7 WHERE id = $8",
        )
        .bind(households)
        .bind(eligible)
        .bind(total)
        .bind(version)
        .bind(&on)
        .bind(by.0)
        .bind(now())
        .bind(cycle)
        .execute(&mut *tx)
        .await?;
        let summary = cycle_summary(&mut tx, cycle).await?;
        tx.commit().await?;
        Ok(summary)
    }

    /// Approves a computed cycle: by a second person, never the one who computed it.
    pub async fn approve_cycle(
        &self,
        scope: &OrgScope,
        cycle: i64,
        by: UserId,
    ) -> Result<CycleSummary> {
        let mut tx = self.writer().begin().await?;
        let row: Option<(i64, String, Option<i64>)> = sqlx::query_as(
            "SELECT c.programme_id, c.status, c.computed_by FROM cycles c \
             JOIN programmes p ON p.id = c.programme_id WHERE c.id = $1 AND p.organization_id = $2",
        )
        .bind(cycle)
        .bind(scope.org_id().0)
        .fetch_optional(&mut *tx)
        .await?;
        let (_, status, computed_by) = row.ok_or(StoreError::NotFound)?;
        if status != "computed" {
            return Err(StoreError::Refused(Refusal::CycleAlreadyApproved));
        }
        if computed_by == Some(by.0) {
            return Err(StoreError::Refused(Refusal::TwoPersonRule));
        }
        sqlx::query("UPDATE cycles SET status = 'approved', approved_by = $1, approved_at = $2 WHERE id = $3")
            .bind(by.0)
            .bind(now())
            .bind(cycle)
            .execute(&mut *tx)
            .await?;
        let summary = cycle_summary(&mut tx, cycle).await?;
        tx.commit().await?;
        Ok(summary)
    }

    /// A household's entitlement in a cycle: eligible, amount in centimes, explanation (JSON).
    pub async fn entitlement(
        &self,
        scope: &OrgScope,
        cycle: i64,
        household: i64,
    ) -> Result<(bool, i64, serde_json::Value)> {
        let row: Option<(i64, i64, String)> = sqlx::query_as(
            "SELECT e.eligible, e.centimes, e.explanation FROM entitlements e \
             JOIN households h ON h.id = e.household_id \
             WHERE e.cycle_id = $1 AND e.household_id = $2 AND h.organization_id = $3",
        )
        .bind(cycle)
        .bind(household)
        .bind(scope.org_id().0)
        .fetch_optional(&self.reader)
        .await?;
        let (eligible, centimes, explanation) = row.ok_or(StoreError::NotFound)?;
        Ok((
            eligible != 0,
            centimes,
            serde_json::from_str(&explanation).map_err(|_| StoreError::Corrupt("explanation"))?,
        ))
    }
}

/// A programme as listed.
#[derive(Debug, Clone)]
pub struct ProgrammeView {
    pub id: i64,
    pub code: String,
    pub name_ar: String,
    pub name_fr: String,
    pub retention_days: i64,
    pub ends_on: Option<String>,
    /// The latest rules version (0: none yet).
    pub rules_version: i64,
    pub enrolled: i64,
    /// Its cycles, newest first.
    pub cycles: Vec<CycleSummary>,
}

impl Store {
    /// The association's programmes with their latest rules version, enrolled households and
    /// cycles.
    pub async fn programmes(&self, scope: &OrgScope) -> Result<Vec<ProgrammeView>> {
        let rows: Vec<ProgrammeRecord> =
            sqlx::query_as(
                "SELECT p.id AS id, p.code AS code, p.name_ar AS name_ar, p.name_fr AS name_fr, \
                 p.retention_days AS retention_days, p.ends_on AS ends_on, \
                 (SELECT COALESCE(MAX(version), 0) FROM programme_rules r WHERE r.programme_id = p.id) AS rules_version, \
                 (SELECT COUNT(*) FROM enrollments e WHERE e.programme_id = p.id) AS enrolled \
                 FROM programmes p WHERE p.organization_id = $1 ORDER BY p.id",
            )
            .bind(scope.org_id().0)
            .fetch_all(&self.reader)
            .await?;
        let mut conn = self.reader.acquire().await?;
        let mut out = Vec::with_capacity(rows.len());
        for ProgrammeRecord {
            id,
            code,
            name_ar,
            name_fr,
            retention_days,
            ends_on,
            rules_version,
            enrolled,
        } in rows
        {
            let cycle_ids: Vec<(i64,)> =
                sqlx::query_as("SELECT id FROM cycles WHERE programme_id = $1 ORDER BY id DESC")
                    .bind(id)
                    .fetch_all(&mut *conn)
                    .await?;
            let mut cycles = Vec::with_capacity(cycle_ids.len());
            for (cycle,) in cycle_ids {
                cycles.push(cycle_summary(&mut conn, cycle).await?);
            }
            out.push(ProgrammeView {
                id,
                code,
                name_ar,
                name_fr,
                retention_days,
                ends_on,
                rules_version,
                enrolled,
                cycles,
            });
        }
        Ok(out)
    }

    /// A cycle of the association.
    pub async fn cycle(&self, scope: &OrgScope, cycle: i64) -> Result<CycleSummary> {
        let mut conn = self.reader.acquire().await?;
        let owned: Option<(i64,)> = sqlx::query_as(
            "SELECT c.id FROM cycles c JOIN programmes p ON p.id = c.programme_id \
             WHERE c.id = $1 AND p.organization_id = $2",
        )
        .bind(cycle)
        .bind(scope.org_id().0)
        .fetch_optional(&mut *conn)
        .await?;
        owned.ok_or(StoreError::NotFound)?;
        cycle_summary(&mut conn, cycle).await
    }

    /// A household's entitlement in the latest computed cycle of a programme: period, eligible,
    /// amount in centimes and the explanation (JSON).
    pub async fn latest_entitlement(
        &self,
        scope: &OrgScope,
        programme: i64,
        household: i64,
    ) -> Result<Option<(String, bool, i64, serde_json::Value)>> {
        let row: Option<(String, i64, i64, String)> = sqlx::query_as(
            "SELECT c.period, e.eligible, e.centimes, e.explanation FROM entitlements e \
             JOIN cycles c ON c.id = e.cycle_id JOIN programmes p ON p.id = c.programme_id \
             WHERE c.programme_id = $1 AND e.household_id = $2 AND p.organization_id = $3 \
             ORDER BY c.id DESC LIMIT 1",
        )
        .bind(programme)
        .bind(household)
        .bind(scope.org_id().0)
        .fetch_optional(&self.reader)
        .await?;
        row.map(|(period, eligible, centimes, explanation)| {
            let explanation = serde_json::from_str(&explanation)
                .map_err(|_| StoreError::Corrupt("explanation"))?;
            Ok((period, eligible != 0, centimes, explanation))
        })
        .transpose()
    }
}

/// One household's line in a cycle: its decision and the explanation the cycle stored.
#[derive(Debug, Clone)]
pub struct EntitlementRow {
    pub household_id: i64,
    /// The household's reference (`HH-…`).
    pub reference: String,
    pub eligible: bool,
    pub centimes: i64,
    pub explanation: serde_json::Value,
}

impl Store {
    /// A page of a cycle's entitlements, by household, after the household `after` (keyset).
    pub async fn cycle_entitlements(
        &self,
        scope: &OrgScope,
        cycle: i64,
        after: i64,
        limit: i64,
    ) -> Result<Vec<EntitlementRow>> {
        let rows: Vec<(i64, String, i64, i64, String)> = sqlx::query_as(
            "SELECT e.household_id, h.reference, e.eligible, e.centimes, e.explanation \
             FROM entitlements e JOIN households h ON h.id = e.household_id \
             WHERE e.cycle_id = $1 AND h.organization_id = $2 AND e.household_id > $3 \
             ORDER BY e.household_id LIMIT $4",
        )
        .bind(cycle)
        .bind(scope.org_id().0)
        .bind(after)
        .bind(limit)
        .fetch_all(&self.reader)
        .await?;
        rows.into_iter()
            .map(
                |(household_id, reference, eligible, centimes, explanation)| {
                    Ok(EntitlementRow {
                        household_id,
                        reference,
                        eligible: eligible != 0,
                        centimes,
                        explanation: serde_json::from_str(&explanation)
                            .map_err(|_| StoreError::Corrupt("explanation"))?,
                    })
                },
            )
            .collect()
    }

    /// The rules of a programme's latest version, as their JSON text (`None`: no rules yet).
    pub async fn programme_rules(
        &self,
        scope: &OrgScope,
        programme: i64,
    ) -> Result<Option<(i64, String)>> {
        let mut conn = self.reader.acquire().await?;
        own_programme(&mut conn, scope, programme).await?;
        let row: Option<(i64, String)> = sqlx::query_as(
            "SELECT version, rules FROM programme_rules WHERE programme_id = $1 ORDER BY version DESC LIMIT 1",
        )
        .bind(programme)
        .fetch_optional(&mut *conn)
        .await?;
        Ok(row)
    }
}

/// A programme with its latest rules version (0: none) and enrolled households.
#[derive(sqlx::FromRow)]
struct ProgrammeRecord {
    id: i64,
    code: String,
    name_ar: String,
    name_fr: String,
    retention_days: i64,
    ends_on: Option<String>,
    rules_version: i64,
    enrolled: i64,
}

async fn cycle_summary(conn: &mut sqlx::AnyConnection, cycle: i64) -> Result<CycleSummary> {
    let summary: CycleSummary = sqlx::query_as(
        "SELECT id, programme_id, period, rules_version, status, households, eligible, total_centimes, \
         computed_by, approved_by FROM cycles WHERE id = $1",
    )
    .bind(cycle)
    .fetch_one(&mut *conn)
    .await?;
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_dates() {
        assert_eq!(
            stored_date("2020-02-29"),
            Some(time::macros::date!(2020 - 02 - 29))
        );
        assert_eq!(stored_date("2021-02-29"), None);
        assert_eq!(stored_date("2021-2-1"), None);
    }
}
