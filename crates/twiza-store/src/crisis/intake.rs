//! Need intake: reports and field assessments written in batches by group commit
//! ([`crate::group_commit`]) — each place checked, a likely duplicate flagged among earlier
//! needs *and* earlier reports of the same batch, and a retry carrying the same idempotency key
//! answered with the need written first. Refusals are decided before the batch's first write, so
//! one report's refusal never aborts the others. The coverage totals follow by the tables'
//! triggers, in the same transaction.

use super::incidents::{check_place, self_incident_missing};
use super::needs::ReportedNeed;
use super::point;
use crate::group_commit::{Batch, GroupCommit};
use crate::{backend_of, json_insert, now, Backend, Col, Result, Store, StoreError};
use sqlx::AnyConnection;
use std::collections::hash_map::Entry;
use std::collections::HashMap;
use twiza_domain::crisis::{
    likely_duplicate, GeoPoint, NeedPlace, NeedSource, NeedStatus, NewNeed, DUPLICATE_DISTANCE_M,
    DUPLICATE_WINDOW_SECONDS,
};
use twiza_domain::{Refusal, UserId};

/// Largest number of reports committed together.
const MAX_BATCH: usize = 1000;

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

/// The client's idempotency key of a report, with the (keyed) hash of its request: the same key
/// again answers the need written first; with another request it is refused
/// (`idempotency_conflict`).
#[derive(Debug, Clone)]
pub struct RetryKey {
    pub key: String,
    pub request_hash: String,
}

/// A need to record.
#[derive(Debug, Clone)]
pub struct NeedReport {
    pub incident: i64,
    pub need: NewNeed,
    /// Its public reference, drawn by the caller (the contact is sealed bound to it).
    pub reference: String,
    /// The reporter's contact, sealed by the caller: the store never holds it in clear.
    pub contact_sealed: Option<Vec<u8>>,
    pub reporter: Reporter,
    pub retry: Option<RetryKey>,
}

/// Handle to the intake task, the writer of reported needs. Cheap to clone.
#[derive(Clone)]
pub struct NeedIntake {
    batches: GroupCommit<Needs>,
}

impl NeedIntake {
    /// Starts the intake task (inside a Tokio runtime).
    pub fn start(store: Store) -> NeedIntake {
        NeedIntake {
            batches: GroupCommit::start(store, Needs, MAX_BATCH),
        }
    }

    /// Records a need; returns once it is durable (or refused, with nothing written).
    pub async fn report(&self, report: NeedReport) -> Result<ReportedNeed> {
        self.batches
            .submit(report)
            .await
            .unwrap_or(Err(StoreError::Corrupt("the need intake stopped")))
    }
}

/// The intake's batches.
struct Needs;

impl Batch for Needs {
    type Job = NeedReport;
    type Answer = Result<ReportedNeed>;
    const NAME: &'static str = "needs";

    async fn commit(&self, store: &Store, jobs: &[NeedReport]) -> Result<Vec<Self::Answer>> {
        store.report_needs(jobs).await
    }

    fn failed(_: &NeedReport) -> Self::Answer {
        Err(StoreError::Corrupt("batch failed"))
    }
}

impl Store {
    /// Records one need in its own transaction (see [`Store::report_needs`]).
    pub async fn report_need(
        &self,
        incident: i64,
        need: &NewNeed,
        reference: &str,
        contact_sealed: Option<&[u8]>,
        reporter: Reporter,
    ) -> Result<ReportedNeed> {
        let report = NeedReport {
            incident,
            need: need.clone(),
            reference: reference.to_owned(),
            contact_sealed: contact_sealed.map(<[u8]>::to_vec),
            reporter,
            retry: None,
        };
        self.report_needs(std::slice::from_ref(&report))
            .await?
            .pop()
            .unwrap_or(Err(StoreError::Corrupt("batch answers")))
    }

    /// Records needs in one transaction, one answer per report in order: the place must belong
    /// to the incident; a likely duplicate (see `twiza_domain::crisis::likely_duplicate`) — the
    /// earliest reported still open, or an earlier report of the same batch — is flagged, not
    /// refused; a known idempotency key answers its need.
    pub async fn report_needs(&self, reports: &[NeedReport]) -> Result<Vec<Result<ReportedNeed>>> {
        let mut tx = self.writer().begin().await?;
        let answers = write_needs(&mut tx, reports, now()).await?;
        tx.commit().await?;
        Ok(answers)
    }
}

/// What the batch decided for one report before writing.
enum Plan {
    /// Refused, or answered from an earlier need.
    Done(Result<ReportedNeed>),
    /// To insert, flagged as the likely duplicate of this need.
    Insert(Option<Duplicate>),
    /// A repeat of the keyed report at this position in the batch.
    Repeat(usize),
}

/// The need a new report probably repeats.
#[derive(Clone, Copy)]
enum Duplicate {
    Stored(i64),
    /// An earlier report of the batch, by position.
    InBatch(usize),
}

async fn write_needs(
    tx: &mut AnyConnection,
    reports: &[NeedReport],
    at: i64,
) -> Result<Vec<Result<ReportedNeed>>> {
    let backend = backend_of(tx);
    let known = known_keys(tx, backend, reports).await?;
    let mut incidents: HashMap<i64, bool> = HashMap::new();
    let mut places: HashMap<(i64, &str, Option<i64>), Option<Refusal>> = HashMap::new();
    let mut first_of: HashMap<(i64, &str), usize> = HashMap::new();
    let mut earliest: HashMap<(i64, &str, &str, Option<i64>), Option<i64>> = HashMap::new();
    let mut plans: Vec<Plan> = Vec::with_capacity(reports.len());
    for (i, r) in reports.iter().enumerate() {
        if let Entry::Vacant(slot) = incidents.entry(r.incident) {
            slot.insert(!self_incident_missing(tx, r.incident).await?);
        }
        if incidents.get(&r.incident) != Some(&true) {
            plans.push(Plan::Done(Err(StoreError::NotFound)));
            continue;
        }
        let commune = r.need.commune.as_str();
        let place = (r.incident, commune, r.need.douar_id);
        if let Entry::Vacant(slot) = places.entry(place) {
            slot.insert(
                match check_place(tx, r.incident, commune, r.need.douar_id).await {
                    Ok(()) => None,
                    Err(StoreError::Refused(refusal)) => Some(refusal),
                    Err(e) => return Err(e),
                },
            );
        }
        if let Some(Some(refusal)) = places.get(&place) {
            plans.push(Plan::Done(Err(StoreError::Refused(*refusal))));
            continue;
        }
        if let Some(retry) = &r.retry {
            if let Some(&first) = first_of.get(&(r.incident, retry.key.as_str())) {
                plans.push(Plan::Repeat(first));
                continue;
            }
            if let Some(stored) = known.get(&(r.incident, retry.key.clone())) {
                plans.push(Plan::Done(stored.answer(retry)));
                continue;
            }
            first_of.insert((r.incident, retry.key.as_str()), i);
        }
        let duplicate = match duplicate_in_store(tx, r, at, &mut earliest).await? {
            Some(id) => Some(Duplicate::Stored(id)),
            None => duplicate_in_batch(reports, &plans, r, at).map(Duplicate::InBatch),
        };
        plans.push(Plan::Insert(duplicate));
    }

    let ids = insert_needs(tx, backend, reports, &plans, at).await?;
    // Reports flagged as repeating an earlier one of the batch learn its id now.
    for (i, plan) in plans.iter().enumerate() {
        let Plan::Insert(Some(Duplicate::InBatch(j))) = plan else {
            continue;
        };
        if let (Some(id), Some(of)) = (ids[i], ids[*j]) {
            sqlx::query("UPDATE needs SET possible_duplicate_of = $1 WHERE id = $2")
                .bind(of)
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
    }

    let mut answers: Vec<Result<ReportedNeed>> = Vec::with_capacity(reports.len());
    for (i, (r, plan)) in reports.iter().zip(plans).enumerate() {
        let answer = match plan {
            Plan::Done(answer) => answer,
            Plan::Repeat(first) => match &answers[first] {
                Ok(need) if same_request(&reports[first], r) => Ok(ReportedNeed {
                    replayed: true,
                    ..need.clone()
                }),
                Ok(_) => Err(StoreError::Refused(Refusal::IdempotencyConflict)),
                Err(_) => stored_answer(tx, r).await?,
            },
            Plan::Insert(duplicate) => match ids[i] {
                Some(id) => Ok(ReportedNeed {
                    id,
                    reference: r.reference.clone(),
                    status: status_of(r.reporter),
                    possible_duplicate_of: match duplicate {
                        Some(Duplicate::Stored(id)) => Some(id),
                        Some(Duplicate::InBatch(j)) => ids.get(j).copied().flatten(),
                        None => None,
                    },
                    replayed: false,
                }),
                // Not inserted: its key was written meanwhile (another node), or its reference
                // was drawn twice.
                None => stored_answer(tx, r).await?,
            },
        };
        answers.push(answer);
    }
    Ok(answers)
}

/// The answer for a report whose key is already stored, or a refusal if it is not.
async fn stored_answer(tx: &mut AnyConnection, r: &NeedReport) -> Result<Result<ReportedNeed>> {
    let Some(retry) = &r.retry else {
        return Ok(Err(StoreError::Corrupt("need reference drawn twice")));
    };
    let stored: Option<StoredRow> = sqlx::query_as(
        "SELECT incident_id, idempotency_key, id, reference, status, possible_duplicate_of, \
         request_hash FROM needs WHERE incident_id = $1 AND idempotency_key = $2",
    )
    .bind(r.incident)
    .bind(&retry.key)
    .fetch_optional(&mut *tx)
    .await?;
    Ok(match stored {
        Some(stored) => stored.answer(retry),
        None => Err(StoreError::Corrupt("idempotency")),
    })
}

fn same_request(a: &NeedReport, b: &NeedReport) -> bool {
    match (&a.retry, &b.retry) {
        (Some(a), Some(b)) => a.request_hash == b.request_hash,
        _ => false,
    }
}

/// A stored need found by its idempotency key.
#[derive(sqlx::FromRow)]
struct StoredRow {
    incident_id: i64,
    idempotency_key: String,
    id: i64,
    reference: String,
    status: String,
    possible_duplicate_of: Option<i64>,
    request_hash: Option<String>,
}

impl StoredRow {
    /// The need as it stands, if the request is the one that wrote it.
    fn answer(&self, retry: &RetryKey) -> Result<ReportedNeed> {
        if self.request_hash.as_deref() != Some(retry.request_hash.as_str()) {
            return Err(StoreError::Refused(Refusal::IdempotencyConflict));
        }
        Ok(ReportedNeed {
            id: self.id,
            reference: self.reference.clone(),
            status: NeedStatus::parse(&self.status).ok_or(StoreError::Corrupt("need status"))?,
            possible_duplicate_of: self.possible_duplicate_of,
            replayed: true,
        })
    }
}

/// The stored needs of the batch's idempotency keys, by incident and key (one query).
async fn known_keys(
    tx: &mut AnyConnection,
    backend: Backend,
    reports: &[NeedReport],
) -> Result<HashMap<(i64, String), StoredRow>> {
    let keys: Vec<(i64, &str)> = reports
        .iter()
        .filter_map(|r| r.retry.as_ref().map(|k| (r.incident, k.key.as_str())))
        .collect();
    if keys.is_empty() {
        return Ok(HashMap::new());
    }
    let source = match backend {
        Backend::Sqlite => "SELECT value->>0 AS incident_id, value->>1 AS k FROM json_each($1)",
        Backend::Postgres => {
            "SELECT (value->>0)::bigint AS incident_id, value->>1 AS k \
             FROM json_array_elements($1::json) AS rows(value)"
        }
    };
    let sql = format!(
        "SELECT n.incident_id AS incident_id, n.idempotency_key AS idempotency_key, n.id AS id, \
         n.reference AS reference, n.status AS status, \
         n.possible_duplicate_of AS possible_duplicate_of, n.request_hash AS request_hash \
         FROM needs n JOIN ({source}) AS keys \
         ON n.incident_id = keys.incident_id AND n.idempotency_key = keys.k"
    );
    let keys = serde_json::to_string(&keys).map_err(|_| StoreError::Corrupt("keys"))?;
    let rows: Vec<StoredRow> = sqlx::query_as(&sql).bind(keys).fetch_all(&mut *tx).await?;
    Ok(rows
        .into_iter()
        .map(|row| ((row.incident_id, row.idempotency_key.clone()), row))
        .collect())
}

fn status_of(reporter: Reporter) -> NeedStatus {
    match reporter {
        Reporter::Public => NeedStatus::Reported,
        Reporter::PublicHeld => NeedStatus::Held,
        Reporter::FieldAgent { .. } => NeedStatus::Verified,
    }
}

fn place_of(r: &NeedReport, at: i64) -> NeedPlace<'_> {
    NeedPlace {
        commune: r.need.commune.as_str(),
        douar_id: r.need.douar_id,
        category: r.need.category,
        point: r.need.point,
        reported_at: at,
    }
}

/// The stored need a report probably repeats: the earliest reported within the window at the
/// same commune, douar and category, still open (held ones are not), and — when both have a
/// point — less than [`DUPLICATE_DISTANCE_M`] away. Without a point any of them matches, so the
/// answer is read once per place and category and kept for the batch.
async fn duplicate_in_store<'a>(
    tx: &mut AnyConnection,
    r: &'a NeedReport,
    at: i64,
    earliest: &mut HashMap<(i64, &'a str, &'a str, Option<i64>), Option<i64>>,
) -> Result<Option<i64>> {
    const CANDIDATES: &str = "SELECT id, douar_id, lat_e6, lon_e6, reported_at FROM needs \
         WHERE incident_id = $1 AND commune_code = $2 AND category = $3 AND reported_at > $4 \
         AND COALESCE(douar_id, 0) = $5 AND status NOT IN ('merged', 'closed', 'held')";
    let key = (
        r.incident,
        r.need.commune.as_str(),
        r.need.category.as_str(),
        r.need.douar_id,
    );
    let Some(p) = r.need.point else {
        if let Some(found) = earliest.get(&key) {
            return Ok(*found);
        }
        let sql = format!("{CANDIDATES} ORDER BY reported_at, id LIMIT 1");
        let found: Option<NeedCandidateRow> =
            candidates(&sql, r, at).fetch_optional(&mut *tx).await?;
        let found = found.map(|c| c.id);
        earliest.insert(key, found);
        return Ok(found);
    };
    // Candidates without a point, or with one inside a box around the circle; the distance is
    // then checked exactly.
    let (dlat, dlon) = box_around(p);
    let sql = format!(
        "{CANDIDATES} AND (lat_e6 IS NULL OR lon_e6 IS NULL \
         OR (lat_e6 BETWEEN $6 AND $7 AND lon_e6 BETWEEN $8 AND $9)) \
         ORDER BY reported_at, id LIMIT 200"
    );
    let found: Vec<NeedCandidateRow> = candidates(&sql, r, at)
        .bind(p.lat_e6 - dlat)
        .bind(p.lat_e6 + dlat)
        .bind(p.lon_e6 - dlon)
        .bind(p.lon_e6 + dlon)
        .fetch_all(&mut *tx)
        .await?;
    let this = place_of(r, at);
    Ok(found
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
        .map(|c| c.id))
}

fn candidates<'q>(
    sql: &'q str,
    r: &'q NeedReport,
    at: i64,
) -> sqlx::query::QueryAs<'q, sqlx::Any, NeedCandidateRow, sqlx::any::AnyArguments<'q>> {
    sqlx::query_as(sql)
        .bind(r.incident)
        .bind(r.need.commune.as_str())
        .bind(r.need.category.as_str())
        .bind(at - DUPLICATE_WINDOW_SECONDS)
        .bind(r.need.douar_id.unwrap_or(0))
}

/// Half the sides of a box (micro-degrees of latitude, longitude) holding every point less than
/// [`DUPLICATE_DISTANCE_M`] from `p`, with a margin.
fn box_around(p: GeoPoint) -> (i64, i64) {
    // A degree of latitude is at least 110.5 km; a degree of longitude shrinks with cos(lat).
    let dlat = DUPLICATE_DISTANCE_M / 110_500.0 * 1.1;
    let lat = (p.lat_e6 as f64 / 1e6).abs().min(89.0) + dlat;
    let dlon = (dlat / lat.to_radians().cos().max(0.01)).min(360.0);
    ((dlat * 1e6) as i64 + 1, (dlon * 1e6) as i64 + 1)
}

/// The earliest report of the batch before `r` that it probably repeats (held ones are not
/// candidates).
fn duplicate_in_batch(
    reports: &[NeedReport],
    plans: &[Plan],
    r: &NeedReport,
    at: i64,
) -> Option<usize> {
    let this = place_of(r, at);
    plans.iter().enumerate().find_map(|(j, plan)| {
        let earlier = &reports[j];
        let candidate = matches!(plan, Plan::Insert(_))
            && earlier.incident == r.incident
            && !matches!(earlier.reporter, Reporter::PublicHeld)
            && likely_duplicate(&this, &place_of(earlier, at));
        candidate.then_some(j)
    })
}

/// Inserts the planned needs (JSON-batched); the id of each, by position (`None` when not
/// inserted).
async fn insert_needs(
    tx: &mut AnyConnection,
    backend: Backend,
    reports: &[NeedReport],
    plans: &[Plan],
    at: i64,
) -> Result<Vec<Option<i64>>> {
    let to_insert: Vec<usize> = (0..reports.len())
        .filter(|i| matches!(plans[*i], Plan::Insert(_)))
        .collect();
    let mut ids: Vec<Option<i64>> = vec![None; reports.len()];
    if to_insert.is_empty() {
        return Ok(ids);
    }
    let sql = format!(
        "{} ON CONFLICT DO NOTHING RETURNING id, reference",
        json_insert(
            backend,
            "needs",
            &[
                ("incident_id", Col::Int),
                ("reference", Col::Text),
                ("commune_code", Col::Text),
                ("douar_id", Col::Int),
                ("category", Col::Text),
                ("urgency", Col::Text),
                ("households", Col::Int),
                ("people", Col::Int),
                ("lat_e6", Col::Int),
                ("lon_e6", Col::Int),
                ("description", Col::Text),
                ("contact_sealed", Col::Blob),
                ("source", Col::Text),
                ("organization_id", Col::Int),
                ("reported_by", Col::Int),
                ("status", Col::Text),
                ("possible_duplicate_of", Col::Int),
                ("reported_at", Col::Int),
                ("updated_at", Col::Int),
                ("idempotency_key", Col::Text),
                ("request_hash", Col::Text),
            ],
        )
    );
    let mut position: HashMap<&str, usize> = HashMap::new();
    let mut rows = Vec::with_capacity(to_insert.len());
    for &i in &to_insert {
        let r = &reports[i];
        let (source, org, user) = match r.reporter {
            Reporter::Public | Reporter::PublicHeld => (NeedSource::Public, None, None),
            Reporter::FieldAgent { org, user } => (NeedSource::Assessment, Some(org), Some(user.0)),
        };
        let duplicate = match plans[i] {
            Plan::Insert(Some(Duplicate::Stored(id))) => Some(id),
            _ => None,
        };
        let n = &r.need;
        // A tuple serializes as a JSON array, without building a `Value` per row.
        rows.push((
            (
                r.incident,
                r.reference.as_str(),
                n.commune.as_str(),
                n.douar_id,
                n.category.as_str(),
                n.urgency.as_str(),
                n.households,
                n.people,
                n.point.map(|p| p.lat_e6),
                n.point.map(|p| p.lon_e6),
                n.description.as_deref(),
            ),
            (
                r.contact_sealed.as_deref().map(hex::encode),
                source.as_str(),
                org,
                user,
                status_of(r.reporter).as_str(),
                duplicate,
                at,
                at,
                r.retry.as_ref().map(|k| k.key.as_str()),
                r.retry.as_ref().map(|k| k.request_hash.as_str()),
            ),
        ));
        position.insert(r.reference.as_str(), i);
    }
    // Nested tuples serialize as nested arrays: flatten them into one array per row.
    let rows: Vec<Vec<serde_json::Value>> = rows
        .into_iter()
        .map(|(a, b)| {
            let mut row = match serde_json::to_value(a) {
                Ok(serde_json::Value::Array(row)) => row,
                _ => Vec::new(),
            };
            if let Ok(serde_json::Value::Array(rest)) = serde_json::to_value(b) {
                row.extend(rest);
            }
            row
        })
        .collect();
    let rows = serde_json::to_string(&rows).map_err(|_| StoreError::Corrupt("need rows"))?;
    let inserted: Vec<(i64, String)> = sqlx::query_as(&sql).bind(rows).fetch_all(&mut *tx).await?;
    for (id, reference) in inserted {
        if let Some(&i) = position.get(reference.as_str()) {
            ids[i] = Some(id);
        }
    }
    Ok(ids)
}

/// A recent need of the same place and category, a candidate duplicate of a new report.
#[derive(sqlx::FromRow)]
struct NeedCandidateRow {
    id: i64,
    douar_id: Option<i64>,
    lat_e6: Option<i64>,
    lon_e6: Option<i64>,
    reported_at: i64,
}
