//! Review of possible duplicate people inside one association: the matcher (`twiza-link`) runs
//! over the association's members, its pairs wait for a coordinator, who decides `same_person`
//! (the later record then counts no more in cycles) or `different_people`. A decided pair is
//! never proposed again; a pair found again keeps its row. Showing a pair to a person is a read
//! of both households' personal data and goes to their access logs.

use crate::registry::log_read;
use crate::{now, Reader, Result, Store, StoreError};
use std::collections::BTreeSet;
use twiza_domain::Refusal;
use twiza_domain::{OrgScope, UserId};
use twiza_link::{Config, Record};

/// A coordinator's decision on a pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PairDecision {
    SamePerson,
    DifferentPeople,
}

impl PairDecision {
    pub fn parse(s: &str) -> Option<PairDecision> {
        match s {
            "same_person" => Some(PairDecision::SamePerson),
            "different_people" => Some(PairDecision::DifferentPeople),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            PairDecision::SamePerson => "same_person",
            PairDecision::DifferentPeople => "different_people",
        }
    }
}

/// What a matching run found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MatchingRun {
    /// Members compared.
    pub people: usize,
    /// Pairs the matcher returned.
    pub pairs: usize,
    /// Of those, pairs not seen before (now waiting for review).
    pub new_pairs: usize,
}

/// One side of a pair, as a reviewer sees it (no identifiers: only whether they agree).
#[derive(Debug, Clone)]
pub struct PairSide {
    pub person_id: i64,
    pub household_id: i64,
    pub household_reference: String,
    pub given_name_ar: Option<String>,
    pub family_name_ar: Option<String>,
    pub given_name_lat: Option<String>,
    pub family_name_lat: Option<String>,
    pub sex: String,
    pub birth_date: String,
    pub relation: String,
    pub commune_code: String,
    pub douar: Option<String>,
}

/// A pair to review, or reviewed.
#[derive(Debug, Clone)]
pub struct DuplicatePair {
    pub id: i64,
    /// Fellegi–Sunter score, in bits.
    pub score: f64,
    /// Field-by-field agreement (`family_name:exact`, `birth_date:one_digit`…).
    pub reasons: Vec<String>,
    pub decision: Option<String>,
    pub a: PairSide,
    pub b: PairSide,
}

type MemberRow = (
    i64,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    String,
    String,
    Option<String>,
    Option<String>,
    String,
    Option<String>,
);

/// The record the matcher compares: Latin names when written, else Arabic (the matcher reads
/// both scripts); identifiers as their blind indexes (exact agreement only); commune and douar.
fn record_of(m: &MemberRow) -> Record {
    let (_, given_ar, family_ar, given_lat, family_lat, sex, birth, cin, phone, commune, douar) =
        m.clone();
    Record {
        given_name: given_lat.or(given_ar),
        family_name: family_lat.or(family_ar),
        birth_date: Some(birth),
        sex: Some(sex),
        national_id: cin,
        phone,
        address: douar,
        locality: Some(commune),
        postcode: None,
    }
}

/// A pair's side as selected: the person (alias `p{x}`) and its household (`h{x}`).
fn side_columns(x: char) -> String {
    format!(
        "p{x}.id, p{x}.household_id, h{x}.reference, p{x}.given_name_ar, p{x}.family_name_ar, \
         p{x}.given_name_lat, p{x}.family_name_lat, p{x}.sex, p{x}.birth_date, p{x}.relation, \
         h{x}.commune_code, h{x}.douar"
    )
}

/// The side whose twelve columns start at `at`.
fn side(r: &sqlx::any::AnyRow, at: usize) -> Result<PairSide> {
    use sqlx::Row as _;
    Ok(PairSide {
        person_id: r.try_get(at)?,
        household_id: r.try_get(at + 1)?,
        household_reference: r.try_get(at + 2)?,
        given_name_ar: r.try_get(at + 3)?,
        family_name_ar: r.try_get(at + 4)?,
        given_name_lat: r.try_get(at + 5)?,
        family_name_lat: r.try_get(at + 6)?,
        sex: r.try_get(at + 7)?,
        birth_date: r.try_get(at + 8)?,
        relation: r.try_get(at + 9)?,
        commune_code: r.try_get(at + 10)?,
        douar: r.try_get(at + 11)?,
    })
}

impl Store {
    /// Runs the matcher over the association's active members not already found to be someone
    /// else, and queues the pairs not seen before.
    pub async fn find_duplicate_people(&self, scope: &OrgScope) -> Result<MatchingRun> {
        let members: Vec<MemberRow> = sqlx::query_as(
            "SELECT p.id, p.given_name_ar, p.family_name_ar, p.given_name_lat, p.family_name_lat, \
             p.sex, p.birth_date, p.cin_index, p.phone_index, h.commune_code, h.douar \
             FROM persons p JOIN households h ON h.id = p.household_id \
             WHERE p.organization_id = $1 AND h.status = 'active' AND p.same_as IS NULL ORDER BY p.id",
        )
        .bind(scope.org_id().0)
        .fetch_all(&self.reader)
        .await?;
        let records: Vec<Record> = members.iter().map(record_of).collect();
        let pairs =
            tokio::task::spawn_blocking(move || twiza_link::dedupe(&records, &Config::default()))
                .await
                .map_err(|_| StoreError::Corrupt("matcher stopped"))?;
        let at = now();
        let mut tx = self.writer().begin().await?;
        let mut new_pairs = 0;
        for pair in &pairs {
            let (a, b) = (members[pair.a].0, members[pair.b].0);
            let reasons: Vec<String> = pair.reasons.iter().map(ToString::to_string).collect();
            let done = sqlx::query(
                "INSERT INTO duplicate_pairs (organization_id, person_a, person_b, score_milli, reasons, found_at) \
                 VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (organization_id, person_a, person_b) DO NOTHING",
            )
            .bind(scope.org_id().0)
            .bind(a.min(b))
            .bind(a.max(b))
            .bind((pair.score * 1000.0).round() as i64)
            .bind(reasons.join(","))
            .bind(at)
            .execute(&mut *tx)
            .await?;
            new_pairs += done.rows_affected() as usize;
        }
        tx.commit().await?;
        Ok(MatchingRun {
            people: members.len(),
            pairs: pairs.len(),
            new_pairs,
        })
    }

    /// Pairs to review (`decided` false) or reviewed, highest score first, at most `limit`.
    /// Both households' access logs record the read.
    pub async fn duplicate_pairs(
        &self,
        scope: &OrgScope,
        decided: bool,
        limit: i64,
        reader: Reader<'_>,
    ) -> Result<Vec<DuplicatePair>> {
        use sqlx::Row as _;
        let mut tx = self.writer().begin().await?;
        // Both sides come with their pair, in one statement.
        let rows = sqlx::query(&format!(
            "SELECT d.id, d.score_milli, d.reasons, d.decision, {}, {} FROM duplicate_pairs d \
             JOIN persons pa ON pa.id = d.person_a JOIN households ha ON ha.id = pa.household_id \
             JOIN persons pb ON pb.id = d.person_b JOIN households hb ON hb.id = pb.household_id \
             WHERE d.organization_id = $1 AND d.decision IS {} NULL \
             ORDER BY d.score_milli DESC, d.id LIMIT $2",
            side_columns('a'),
            side_columns('b'),
            if decided { "NOT" } else { "" }
        ))
        .bind(scope.org_id().0)
        .bind(limit)
        .fetch_all(&mut *tx)
        .await?;
        let mut out = Vec::with_capacity(rows.len());
        let mut households = BTreeSet::new();
        for r in &rows {
            let (a, b) = (side(r, 4)?, side(r, 16)?);
            households.extend([a.household_id, b.household_id]);
            let score: i64 = r.try_get(1)?;
            let reasons: String = r.try_get(2)?;
            out.push(DuplicatePair {
                id: r.try_get(0)?,
                score: score as f64 / 1000.0,
                reasons: reasons
                    .split(',')
                    .filter(|r| !r.is_empty())
                    .map(str::to_owned)
                    .collect(),
                decision: r.try_get(3)?,
                a,
                b,
            });
        }
        for household in households {
            log_read(&mut tx, scope, household, reader, "duplicate_review").await?;
        }
        tx.commit().await?;
        Ok(out)
    }

    /// Records a coordinator's decision on a pair still to review. `same_person` marks the later
    /// record as the same as the earlier one: it no longer counts in cycles.
    pub async fn decide_duplicate_pair(
        &self,
        scope: &OrgScope,
        pair: i64,
        decision: PairDecision,
        by: UserId,
    ) -> Result<()> {
        let mut tx = self.writer().begin().await?;
        let row: Option<(i64, i64, Option<String>)> = sqlx::query_as(
            "SELECT person_a, person_b, decision FROM duplicate_pairs WHERE id = $1 AND organization_id = $2",
        )
        .bind(pair)
        .bind(scope.org_id().0)
        .fetch_optional(&mut *tx)
        .await?;
        let (a, b, earlier) = row.ok_or(StoreError::NotFound)?;
        if earlier.is_some() {
            return Err(StoreError::Refused(Refusal::PairAlreadyDecided));
        }
        // Only a pair still undecided: another reviewer may have decided it since the read.
        let done = sqlx::query(
            "UPDATE duplicate_pairs SET decision = $1, decided_by = $2, decided_at = $3 \
             WHERE id = $4 AND decision IS NULL",
        )
        .bind(decision.as_str())
        .bind(by.0)
        .bind(now())
        .bind(pair)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() != 1 {
            return Err(StoreError::Refused(Refusal::PairAlreadyDecided));
        }
        if decision == PairDecision::SamePerson {
            sqlx::query("UPDATE persons SET same_as = $1, updated_at = $2 WHERE id = $3 AND same_as IS NULL")
                .bind(a)
                .bind(now())
                .bind(b)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }
}
