//! Grievances and appeals: recorded for a household of the association, acknowledged, decided
//! with an explanation, appealed within the window, the appeal decided by someone else — every
//! step checked against the stored status in its transaction, every deadline stored. Reading
//! a grievance's words is a read of the household's personal data and goes to its access log.

use crate::programmes::own_programme;
use crate::registry::{log_read, own_household};
use crate::{now, Reader, Result, Store, StoreError};
use sqlx::AnyConnection;
use twiza_domain::grievance::{
    current_deadline, next_status, Deadlines, Decision, FiledBy, GrievanceChannel, GrievanceStatus,
    GrievanceSubject, Step,
};
use twiza_domain::Refusal;
use twiza_domain::{OrgScope, UserId};

/// A grievance as recorded.
#[derive(Debug, Clone)]
pub struct NewGrievance {
    pub household_id: i64,
    pub programme_id: Option<i64>,
    pub subject: GrievanceSubject,
    pub channel: GrievanceChannel,
    pub filed_by: FiledBy,
    pub statement: String,
    /// When the association received it (Unix seconds): a letter or a visit may be recorded
    /// days later; deadlines count from receipt.
    pub received_at: i64,
    /// The key of the request that filed it from a phone (`ussd:<session>`,
    /// `sms:<gateway>:<message id>`): a second filing with the same key writes nothing and
    /// answers the first grievance. Staff filings have none.
    pub filing_key: Option<String>,
    /// The complainant's phone, sealed bound to the filing key
    /// ([`crate::grievance_phone_binding`]), to tell them of the acknowledgement.
    pub complainant_phone_sealed: Option<Vec<u8>>,
}

/// A decision as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecisionView {
    pub outcome: String,
    pub remedy: String,
    pub explanation: String,
    pub decided_at: i64,
    pub decided_by: i64,
}

/// A grievance: its summary (lists) and, when read whole, the household's words and the
/// decisions.
#[derive(Debug, Clone)]
pub struct GrievanceView {
    pub id: i64,
    pub household_id: i64,
    pub household_reference: String,
    pub programme_id: Option<i64>,
    pub subject: String,
    pub channel: String,
    pub filed_by: String,
    pub status: String,
    pub received_at: i64,
    pub acknowledge_by: i64,
    pub decide_by: i64,
    pub acknowledged_at: Option<i64>,
    /// End of the appeal window, once decided.
    pub appeal_by: Option<i64>,
    pub appealed_at: Option<i64>,
    pub appeal_decide_by: Option<i64>,
    /// The deadline the grievance is held to now, if any.
    pub due_at: Option<i64>,
    /// Past that deadline.
    pub overdue: bool,
    /// Present only in a whole read.
    pub statement: Option<String>,
    pub appeal_statement: Option<String>,
    pub decision: Option<DecisionView>,
    pub appeal_decision: Option<DecisionView>,
}

const COLUMNS: &str = "g.id, g.household_id, h.reference, g.programme_id, g.subject, g.channel, \
    g.filed_by, g.status, g.received_at, g.acknowledge_by, g.decide_by, g.acknowledged_at, \
    g.appeal_by, g.appealed_at, g.appeal_decide_by, g.statement, g.appeal_statement, \
    g.outcome, g.remedy, g.explanation, g.decided_at, g.decided_by, \
    g.appeal_outcome, g.appeal_remedy, g.appeal_explanation, g.appeal_decided_at, g.appeal_decided_by";

type Row = (
    (
        i64,
        i64,
        String,
        Option<i64>,
        String,
        String,
        String,
        String,
    ),
    (
        i64,
        i64,
        i64,
        Option<i64>,
        Option<i64>,
        Option<i64>,
        Option<i64>,
    ),
    (Option<String>, Option<String>),
    DecisionRow,
    DecisionRow,
);
type DecisionRow = (
    Option<String>,
    Option<String>,
    Option<String>,
    Option<i64>,
    Option<i64>,
);

fn decision(row: DecisionRow) -> Option<DecisionView> {
    let (outcome, remedy, explanation, decided_at, decided_by) = row;
    Some(DecisionView {
        outcome: outcome?,
        remedy: remedy?,
        explanation: explanation?,
        decided_at: decided_at?,
        decided_by: decided_by?,
    })
}

fn view(row: Row, whole: bool, at: i64) -> Result<GrievanceView> {
    let (
        (id, household_id, household_reference, programme_id, subject, channel, filed_by, status),
        (
            received_at,
            acknowledge_by,
            decide_by,
            acknowledged_at,
            appeal_by,
            appealed_at,
            appeal_decide_by,
        ),
        (statement, appeal_statement),
        first,
        appeal,
    ) = row;
    let parsed = GrievanceStatus::parse(&status).ok_or(StoreError::Corrupt("grievance status"))?;
    let due_at = current_deadline(parsed, acknowledge_by, decide_by, appeal_decide_by);
    Ok(GrievanceView {
        id,
        household_id,
        household_reference,
        programme_id,
        subject,
        channel,
        filed_by,
        status,
        received_at,
        acknowledge_by,
        decide_by,
        acknowledged_at,
        appeal_by,
        appealed_at,
        appeal_decide_by,
        due_at,
        overdue: due_at.is_some_and(|d| d < at),
        statement: statement.filter(|_| whole),
        appeal_statement: appeal_statement.filter(|_| whole),
        decision: decision(first),
        appeal_decision: decision(appeal),
    })
}

async fn fetch(conn: &mut AnyConnection, scope: &OrgScope, id: i64) -> Result<Row> {
    // Column groups are flattened by hand: sqlx decodes tuples of at most 16 columns.
    let sql = format!(
        "SELECT {COLUMNS} FROM grievances g JOIN households h ON h.id = g.household_id \
         WHERE g.id = $1 AND g.organization_id = $2"
    );
    let row = sqlx::query(&sql)
        .bind(id)
        .bind(scope.org_id().0)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or(StoreError::NotFound)?;
    row_of(&row)
}

fn row_of(r: &sqlx::any::AnyRow) -> Result<Row> {
    use sqlx::Row as _;
    Ok((
        (
            r.try_get(0)?,
            r.try_get(1)?,
            r.try_get(2)?,
            r.try_get(3)?,
            r.try_get(4)?,
            r.try_get(5)?,
            r.try_get(6)?,
            r.try_get(7)?,
        ),
        (
            r.try_get(8)?,
            r.try_get(9)?,
            r.try_get(10)?,
            r.try_get(11)?,
            r.try_get(12)?,
            r.try_get(13)?,
            r.try_get(14)?,
        ),
        (r.try_get(15)?, r.try_get(16)?),
        (
            r.try_get(17)?,
            r.try_get(18)?,
            r.try_get(19)?,
            r.try_get(20)?,
            r.try_get(21)?,
        ),
        (
            r.try_get(22)?,
            r.try_get(23)?,
            r.try_get(24)?,
            r.try_get(25)?,
            r.try_get(26)?,
        ),
    ))
}

/// A grievance of the association as a step finds it: its status, the status the step leads
/// to (or the step's refusal), who decided it and when the appeal window closes.
struct Current {
    status: GrievanceStatus,
    next: GrievanceStatus,
    decided_by: Option<i64>,
    appeal_by: Option<i64>,
}

async fn current(
    conn: &mut AnyConnection,
    scope: &OrgScope,
    id: i64,
    step: Step,
) -> Result<Current> {
    let row: Option<(String, Option<i64>, Option<i64>)> = sqlx::query_as(
        "SELECT status, decided_by, appeal_by FROM grievances WHERE id = $1 AND organization_id = $2",
    )
    .bind(id)
    .bind(scope.org_id().0)
    .fetch_optional(&mut *conn)
    .await?;
    let (status, decided_by, appeal_by) = row.ok_or(StoreError::NotFound)?;
    let status = GrievanceStatus::parse(&status).ok_or(StoreError::Corrupt("grievance status"))?;
    Ok(Current {
        status,
        next: next_status(status, step).map_err(StoreError::Refused)?,
        decided_by,
        appeal_by,
    })
}

/// Runs a step's UPDATE, whose SQL ends with `WHERE id = $n AND status = $n+1` (bound here):
/// the status read at the step's start may have moved since (another connection on
/// PostgreSQL), so the update applies only to the status the step was checked against.
async fn apply<'q>(
    conn: &mut AnyConnection,
    update: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>,
    id: i64,
    status: GrievanceStatus,
) -> Result<()> {
    let done = update
        .bind(id)
        .bind(status.as_str())
        .execute(&mut *conn)
        .await?;
    if done.rows_affected() != 1 {
        return Err(StoreError::Refused(Refusal::GrievanceWrongStep));
    }
    Ok(())
}

/// Which grievances a list shows.
#[derive(Debug, Clone, Copy, Default)]
pub struct GrievanceFilter<'a> {
    pub status: Option<&'a str>,
    pub household_id: Option<i64>,
    /// Only those past their current deadline.
    pub overdue: bool,
}

impl Store {
    /// Records a grievance for a household of the association; answers its id and its
    /// acknowledgement and decision deadlines.
    pub async fn file_grievance(
        &self,
        scope: &OrgScope,
        g: &NewGrievance,
        by: UserId,
        deadlines: &Deadlines,
    ) -> Result<(i64, i64, i64)> {
        let mut tx = self.writer().begin().await?;
        own_household(&mut tx, scope, g.household_id).await?;
        if let Some(programme) = g.programme_id {
            own_programme(&mut tx, scope, programme)
                .await
                .map_err(|e| match e {
                    StoreError::NotFound => StoreError::Refused(Refusal::UnknownProgramme),
                    other => other,
                })?;
        }
        let at = g.received_at;
        let (acknowledge_by, decide_by) = deadlines.on_receipt(at);
        // A repeated filing (same key) inserts nothing and answers the grievance written first.
        let inserted: Option<(i64,)> = sqlx::query_as(
            "INSERT INTO grievances (organization_id, household_id, programme_id, subject, channel, \
             filed_by, statement, status, received_at, recorded_by, acknowledge_by, decide_by, \
             filing_key, complainant_phone_sealed) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, 'received', $8, $9, $10, $11, $12, $13) \
             ON CONFLICT (filing_key) DO NOTHING RETURNING id",
        )
        .bind(scope.org_id().0)
        .bind(g.household_id)
        .bind(g.programme_id)
        .bind(g.subject.as_str())
        .bind(g.channel.as_str())
        .bind(g.filed_by.as_str())
        .bind(&g.statement)
        .bind(at)
        .bind(by.0)
        .bind(acknowledge_by)
        .bind(decide_by)
        .bind(g.filing_key.as_deref())
        .bind(g.complainant_phone_sealed.clone())
        .fetch_optional(&mut *tx)
        .await?;
        let filed = match inserted {
            Some((id,)) => (id, acknowledge_by, decide_by),
            None => {
                let first: Option<(i64, i64, i64)> = sqlx::query_as(
                    "SELECT id, acknowledge_by, decide_by FROM grievances \
                     WHERE filing_key = $1 AND organization_id = $2",
                )
                .bind(g.filing_key.as_deref())
                .bind(scope.org_id().0)
                .fetch_optional(&mut *tx)
                .await?;
                // The key was used by another association's filing: never answered with it.
                first.ok_or(StoreError::Refused(Refusal::IdempotencyConflict))?
            }
        };
        tx.commit().await?;
        Ok(filed)
    }

    /// The complainant's phone kept with a grievance filed from a phone, sealed, with the
    /// filing key it is bound to and the grievance's decision deadline; `None` when none was
    /// kept. For the platform's own use (texting the acknowledgement): nothing is shown to
    /// anyone.
    pub async fn grievance_complainant_phone(
        &self,
        scope: &OrgScope,
        id: i64,
    ) -> Result<Option<(String, Vec<u8>, i64)>> {
        let row: Option<(Option<String>, Option<Vec<u8>>, i64)> = sqlx::query_as(
            "SELECT filing_key, complainant_phone_sealed, decide_by FROM grievances \
             WHERE id = $1 AND organization_id = $2",
        )
        .bind(id)
        .bind(scope.org_id().0)
        .fetch_optional(self.reader())
        .await?;
        let (key, sealed, decide_by) = row.ok_or(StoreError::NotFound)?;
        Ok(key.zip(sealed).map(|(k, s)| (k, s, decide_by)))
    }

    /// The association's grievances, nearest deadline first, without the household's words:
    /// those still open (received, acknowledged, appealed) unless a status is asked for, the
    /// oldest 5,000.
    pub async fn grievances(
        &self,
        scope: &OrgScope,
        filter: GrievanceFilter<'_>,
    ) -> Result<Vec<GrievanceView>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM grievances g JOIN households h ON h.id = g.household_id \
             WHERE g.organization_id = $1 \
             AND (g.status = $2 OR ($2 IS NULL AND g.status IN ('received', 'acknowledged', 'appealed'))) \
             AND ($3 IS NULL OR g.household_id = $3) ORDER BY g.id LIMIT 5000"
        );
        let rows = sqlx::query(&sql)
            .bind(scope.org_id().0)
            .bind(filter.status)
            .bind(filter.household_id)
            .fetch_all(&self.reader)
            .await?;
        let at = now();
        let mut out = rows
            .iter()
            .map(|r| view(row_of(r)?, false, at))
            .filter(|v| match v {
                Ok(v) => !filter.overdue || v.overdue,
                Err(_) => true,
            })
            .collect::<Result<Vec<_>>>()?;
        out.sort_by_key(|g| (g.due_at.unwrap_or(i64::MAX), g.id));
        Ok(out)
    }

    /// A page of the association's open grievances (received, acknowledged, appealed), the
    /// nearest deadline first, without the household's words: those after `after` (the
    /// deadline and id of the last one of the page before), at most `limit`.
    pub async fn open_grievances_page(
        &self,
        scope: &OrgScope,
        after: Option<(i64, i64)>,
        limit: i64,
    ) -> Result<Vec<GrievanceView>> {
        // The deadline an open grievance is held to, as `current_deadline` says it.
        const DUE: &str = "(CASE g.status \
            WHEN 'received' THEN (CASE WHEN g.acknowledge_by < g.decide_by THEN g.acknowledge_by ELSE g.decide_by END) \
            WHEN 'acknowledged' THEN g.decide_by ELSE g.appeal_decide_by END)";
        let sql = format!(
            "SELECT {COLUMNS} FROM grievances g JOIN households h ON h.id = g.household_id \
             WHERE g.organization_id = $1 AND g.status IN ('received', 'acknowledged', 'appealed') \
             AND ({DUE} > $2 OR ({DUE} = $2 AND g.id > $3)) ORDER BY {DUE}, g.id LIMIT $4"
        );
        let (due, id) = after.unwrap_or((i64::MIN, 0));
        let rows = sqlx::query(&sql)
            .bind(scope.org_id().0)
            .bind(due)
            .bind(id)
            .bind(limit.clamp(1, 500))
            .fetch_all(&self.reader)
            .await?;
        let at = now();
        rows.iter().map(|r| view(row_of(r)?, false, at)).collect()
    }

    /// A grievance whole, with the household's words; the read goes to the household's access
    /// log in the same transaction.
    pub async fn grievance(
        &self,
        scope: &OrgScope,
        id: i64,
        reader: Reader<'_>,
    ) -> Result<GrievanceView> {
        let mut tx = self.writer().begin().await?;
        let row = fetch(&mut tx, scope, id).await?;
        log_read(&mut tx, scope, row.0 .1, reader, "grievance").await?;
        tx.commit().await?;
        view(row, true, now())
    }

    /// Acknowledges receipt.
    pub async fn acknowledge_grievance(&self, scope: &OrgScope, id: i64, by: UserId) -> Result<()> {
        self.acknowledge_grievance_texting(scope, id, by, None)
            .await
    }

    /// Acknowledges receipt and, in the same transaction, queues the message telling the
    /// complainant (once per its idempotency key).
    pub async fn acknowledge_grievance_texting(
        &self,
        scope: &OrgScope,
        id: i64,
        by: UserId,
        sms: Option<&crate::NewSms>,
    ) -> Result<()> {
        let mut tx = self.writer().begin().await?;
        let g = current(&mut tx, scope, id, Step::Acknowledge).await?;
        let update = sqlx::query(
            "UPDATE grievances SET status = $1, acknowledged_at = $2, acknowledged_by = $3 \
             WHERE id = $4 AND status = $5",
        )
        .bind(g.next.as_str())
        .bind(now())
        .bind(by.0);
        apply(&mut tx, update, id, g.status).await?;
        if let Some(sms) = sms {
            crate::sms_outbox::queue_sms_in(&mut tx, sms).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Decides a grievance; the appeal window opens.
    pub async fn decide_grievance(
        &self,
        scope: &OrgScope,
        id: i64,
        d: &Decision,
        by: UserId,
        deadlines: &Deadlines,
    ) -> Result<()> {
        let mut tx = self.writer().begin().await?;
        let g = current(&mut tx, scope, id, Step::Decide).await?;
        let at = now();
        let update = sqlx::query(
            "UPDATE grievances SET status = $1, outcome = $2, remedy = $3, explanation = $4, \
             decided_at = $5, decided_by = $6, appeal_by = $7, \
             acknowledged_at = COALESCE(acknowledged_at, $5), acknowledged_by = COALESCE(acknowledged_by, $6) \
             WHERE id = $8 AND status = $9",
        )
        .bind(g.next.as_str())
        .bind(d.outcome.as_str())
        .bind(d.remedy.as_str())
        .bind(&d.explanation)
        .bind(at)
        .bind(by.0)
        .bind(deadlines.appeal_window(at));
        apply(&mut tx, update, id, g.status).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Records the household's appeal, within the window.
    pub async fn appeal_grievance(
        &self,
        scope: &OrgScope,
        id: i64,
        statement: &str,
        by: UserId,
        deadlines: &Deadlines,
    ) -> Result<()> {
        let mut tx = self.writer().begin().await?;
        let g = current(&mut tx, scope, id, Step::Appeal).await?;
        let at = now();
        if g.appeal_by.is_some_and(|end| at > end) {
            return Err(StoreError::Refused(Refusal::AppealWindowClosed));
        }
        let update = sqlx::query(
            "UPDATE grievances SET status = $1, appeal_statement = $2, appealed_at = $3, \
             appeal_recorded_by = $4, appeal_decide_by = $5 WHERE id = $6 AND status = $7",
        )
        .bind(g.next.as_str())
        .bind(statement)
        .bind(at)
        .bind(by.0)
        .bind(deadlines.appeal_decision(at));
        apply(&mut tx, update, id, g.status).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Decides an appeal: never by the person who made the first decision.
    pub async fn decide_appeal(
        &self,
        scope: &OrgScope,
        id: i64,
        d: &Decision,
        by: UserId,
    ) -> Result<()> {
        let mut tx = self.writer().begin().await?;
        let g = current(&mut tx, scope, id, Step::DecideAppeal).await?;
        if g.decided_by == Some(by.0) {
            return Err(StoreError::Refused(Refusal::AppealSameDecider));
        }
        let update = sqlx::query(
            "UPDATE grievances SET status = $1, appeal_outcome = $2, appeal_remedy = $3, \
             appeal_explanation = $4, appeal_decided_at = $5, appeal_decided_by = $6 \
             WHERE id = $7 AND status = $8",
        )
        .bind(g.next.as_str())
        .bind(d.outcome.as_str())
        .bind(d.remedy.as_str())
        .bind(&d.explanation)
        .bind(now())
        .bind(by.0);
        apply(&mut tx, update, id, g.status).await?;
        tx.commit().await?;
        Ok(())
    }
}

/// A household's grievances for its data-subject export (its own words included).
pub(crate) async fn household_grievances(
    conn: &mut AnyConnection,
    household: i64,
) -> Result<Vec<GrievanceView>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM grievances g JOIN households h ON h.id = g.household_id \
         WHERE g.household_id = $1 ORDER BY g.id"
    );
    let rows = sqlx::query(&sql)
        .bind(household)
        .fetch_all(&mut *conn)
        .await?;
    let at = now();
    rows.iter().map(|r| view(row_of(r)?, true, at)).collect()
}
