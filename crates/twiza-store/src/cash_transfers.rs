//! Cash transfers: the account each household is paid on (sealed), payment batches made from an
//! approved cycle, the lines of the bank file (reading names and accounts for it is a logged
//! read), and reconciliation with the bank's status report — each paid line appended to the
//! transparency log, without personal data, in the same transaction.

use crate::logged::{cash_transfer_paid_leaf, PaidTransfer};
use crate::privacy::{payee_binding, PersonalDataKeys};
use crate::registry::Reader;
use crate::tlog::{append_at, lock_size, NewLeaf};
use crate::{now, Result, Store, StoreError};
use time::Date;
use twiza_domain::money::Amount;
use twiza_domain::OrgScope;
use twiza_domain::Refusal;
use twiza_domain::UserId;

/// How a household is paid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PayeeKind {
    /// A Moroccan bank account (24-digit RIB).
    Rib,
    /// A mobile wallet, by its phone number.
    Wallet,
}

impl PayeeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            PayeeKind::Rib => "rib",
            PayeeKind::Wallet => "wallet",
        }
    }
}

/// A batch to make from an approved cycle.
#[derive(Debug, Clone)]
pub struct NewPaymentBatch {
    pub debtor_name: String,
    /// The association's account, as an IBAN (checked by the caller).
    pub debtor_iban: String,
    pub execution_date: Date,
}

/// A payment batch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaymentBatch {
    pub id: i64,
    pub cycle_id: i64,
    pub programme: String,
    pub period: String,
    pub message_id: String,
    pub debtor_name: String,
    pub debtor_iban: String,
    pub execution_date: String,
    pub status: String,
    pub lines: i64,
    pub total_centimes: i64,
    pub skipped: i64,
    pub created_at: i64,
}

/// One line of the bank file, with the payee opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaymentFileLine {
    pub line_id: i64,
    pub end_to_end_id: String,
    pub centimes: i64,
    pub creditor_name: String,
    pub payee_kind: PayeeKind,
    pub payee_account: String,
}

/// What the bank said of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineStatus {
    Paid,
    Rejected { reason: String },
    Pending,
}

/// What a reconciliation changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Reconciliation {
    pub paid: u64,
    pub rejected: u64,
    pub pending: u64,
    /// Lines the report repeats with the outcome they already had.
    pub unchanged: u64,
    /// End-to-end ids of no line of this batch.
    pub unknown: u64,
}

/// A line of a batch as the treasury follows it (no personal data: the household by its id).
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct PaymentLineState {
    pub id: i64,
    pub household_id: i64,
    pub end_to_end_id: String,
    pub centimes: i64,
    /// `sent`, `pending`, `paid` or `rejected`.
    pub status: String,
    /// The bank's reason code of a rejection (`AC01`, …).
    pub reason: Option<String>,
}

/// A page of an association's payment batches, newest first, and whether there are newer and
/// older ones.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PaymentBatchPage {
    pub batches: Vec<PaymentBatch>,
    pub newer: bool,
    pub older: bool,
}

const BATCH_COLUMNS: &str =
    "b.id, b.cycle_id, p.code, c.period, b.message_id, b.debtor_name, b.debtor_iban, \
     b.execution_date, b.status, b.lines, b.total_centimes, b.skipped, b.created_at";

type BatchRow = (
    i64,
    i64,
    String,
    String,
    String,
    String,
    String,
    String,
    String,
    i64,
    i64,
    i64,
    i64,
);

fn batch_of(r: BatchRow) -> PaymentBatch {
    let (
        id,
        cycle_id,
        programme,
        period,
        message_id,
        debtor_name,
        debtor_iban,
        execution_date,
        status,
        lines,
        total_centimes,
        skipped,
        created_at,
    ) = r;
    PaymentBatch {
        id,
        cycle_id,
        programme,
        period,
        message_id,
        debtor_name,
        debtor_iban,
        execution_date,
        status,
        lines,
        total_centimes,
        skipped,
        created_at,
    }
}

impl Store {
    /// Sets the account a household is paid on (sealed, bound to the household).
    pub async fn set_payee_account(
        &self,
        scope: &OrgScope,
        keys: &PersonalDataKeys,
        household: i64,
        kind: PayeeKind,
        account: &str,
    ) -> Result<()> {
        let mut tx = self.writer().begin().await?;
        let row: Option<(String,)> = sqlx::query_as(
            "SELECT reference FROM households WHERE id = $1 AND organization_id = $2",
        )
        .bind(household)
        .bind(scope.org_id().0)
        .fetch_optional(&mut *tx)
        .await?;
        let (reference,) = row.ok_or(StoreError::NotFound)?;
        sqlx::query("UPDATE households SET payee_kind = $1, payee_account_sealed = $2, updated_at = $3 WHERE id = $4")
            .bind(kind.as_str())
            .bind(keys.seal(&payee_binding(&reference), account))
            .bind(now())
            .bind(household)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Makes the payment batch of an approved cycle: one line per eligible household with an
    /// amount and a payee account (the others are counted as skipped).
    pub async fn create_payment_batch(
        &self,
        scope: &OrgScope,
        cycle: i64,
        batch: &NewPaymentBatch,
        by: UserId,
    ) -> Result<PaymentBatch> {
        let mut tx = self.writer().begin().await?;
        let row: Option<(String,)> = sqlx::query_as(
            "SELECT c.status FROM cycles c JOIN programmes p ON p.id = c.programme_id \
             WHERE c.id = $1 AND p.organization_id = $2",
        )
        .bind(cycle)
        .bind(scope.org_id().0)
        .fetch_optional(&mut *tx)
        .await?;
        let (status,) = row.ok_or(StoreError::NotFound)?;
        if status != "approved" {
            return Err(StoreError::Refused(Refusal::CycleNotApproved));
        }
        let at = now();
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO payment_batches (organization_id, cycle_id, message_id, debtor_name, debtor_iban, \
             execution_date, status, lines, total_centimes, skipped, created_by, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, 'ready', 0, 0, 0, $7, $8) RETURNING id",
        )
        .bind(scope.org_id().0)
        .bind(cycle)
        .bind(format!("TWIZA-{}-{cycle}", scope.org_id().0))
        .bind(&batch.debtor_name)
        .bind(&batch.debtor_iban)
        .bind(batch.execution_date.to_string())
        .bind(by.0)
        .bind(at)
        .fetch_one(&mut *tx)
        .await
        .map_err(crate::refuse_on_unique(Refusal::PaymentBatchExists))?;
        sqlx::query(
            "INSERT INTO payment_lines (batch_id, household_id, end_to_end_id, centimes, status, updated_at) \
             SELECT $1, e.household_id, 'B' || $2 || 'H' || e.household_id, e.centimes, 'sent', $3 \
             FROM entitlements e JOIN households h ON h.id = e.household_id \
             WHERE e.cycle_id = $4 AND e.eligible = 1 AND e.centimes > 0 AND h.payee_account_sealed IS NOT NULL \
             ORDER BY e.household_id",
        )
        .bind(id)
        .bind(id.to_string())
        .bind(at)
        .bind(cycle)
        .execute(&mut *tx)
        .await?;
        let (lines, total): (i64, i64) = sqlx::query_as(
            "SELECT COUNT(*), CAST(COALESCE(SUM(centimes), 0) AS BIGINT) FROM payment_lines WHERE batch_id = $1",
        )
        .bind(id)
        .fetch_one(&mut *tx)
        .await?;
        let (eligible,): (i64,) = sqlx::query_as(
            "SELECT COUNT(*) FROM entitlements WHERE cycle_id = $1 AND eligible = 1 AND centimes > 0",
        )
        .bind(cycle)
        .fetch_one(&mut *tx)
        .await?;
        if lines == 0 {
            return Err(StoreError::Refused(Refusal::PaymentBatchEmpty));
        }
        sqlx::query("UPDATE payment_batches SET lines = $1, total_centimes = $2, skipped = $3 WHERE id = $4")
            .bind(lines)
            .bind(total)
            .bind(eligible - lines)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        self.payment_batch(scope, id).await
    }

    /// The association a payment batch belongs to.
    pub async fn payment_batch_org(&self, id: i64) -> Result<Option<twiza_domain::OrgId>> {
        let row: Option<(i64,)> =
            sqlx::query_as("SELECT organization_id FROM payment_batches WHERE id = $1")
                .bind(id)
                .fetch_optional(&self.reader)
                .await?;
        Ok(row.map(|(o,)| twiza_domain::OrgId(o)))
    }

    /// The association's payment batches, newest first.
    pub async fn payment_batches(&self, scope: &OrgScope) -> Result<Vec<PaymentBatch>> {
        let rows: Vec<BatchRow> = sqlx::query_as(&format!(
            "SELECT {BATCH_COLUMNS} FROM payment_batches b JOIN cycles c ON c.id = b.cycle_id \
             JOIN programmes p ON p.id = c.programme_id WHERE b.organization_id = $1 ORDER BY b.id DESC LIMIT 500"
        ))
        .bind(scope.org_id().0)
        .fetch_all(&self.reader)
        .await?;
        Ok(rows.into_iter().map(batch_of).collect())
    }

    pub async fn payment_batch(&self, scope: &OrgScope, id: i64) -> Result<PaymentBatch> {
        let row: Option<BatchRow> = sqlx::query_as(&format!(
            "SELECT {BATCH_COLUMNS} FROM payment_batches b JOIN cycles c ON c.id = b.cycle_id \
             JOIN programmes p ON p.id = c.programme_id WHERE b.id = $1 AND b.organization_id = $2"
        ))
        .bind(id)
        .bind(scope.org_id().0)
        .fetch_optional(&self.reader)
        .await?;
        row.map(batch_of).ok_or(StoreError::NotFound)
    }

    /// Lines of the bank file after line `after`, at most `limit`, with each payee's name and
    /// opened account; every household read is written to the access log.
    pub async fn payment_file_lines(
        &self,
        scope: &OrgScope,
        keys: &PersonalDataKeys,
        batch: i64,
        reader: Reader<'_>,
        after: i64,
        limit: i64,
    ) -> Result<Vec<PaymentFileLine>> {
        self.payment_batch(scope, batch).await?;
        let mut tx = self.writer().begin().await?;
        let rows: Vec<PaymentFileRow> = sqlx::query_as(
            "SELECT l.id AS line_id, l.end_to_end_id AS end_to_end_id, l.centimes AS centimes, \
                 h.id AS household_id, h.reference AS reference, h.payee_kind AS payee_kind, \
                 h.payee_account_sealed AS payee_account_sealed, \
                 m.given_name_lat AS given_name_lat, m.family_name_lat AS family_name_lat, \
                 m.given_name_ar AS given_name_ar, m.family_name_ar AS family_name_ar \
                 FROM payment_lines l JOIN households h ON h.id = l.household_id \
                 LEFT JOIN persons m ON m.household_id = h.id AND m.relation = 'head' \
                 WHERE l.batch_id = $1 AND l.id > $2 ORDER BY l.id LIMIT $3",
        )
        .bind(batch)
        .bind(after)
        .bind(limit)
        .fetch_all(&mut *tx)
        .await?;
        let mut lines = Vec::with_capacity(rows.len());
        let mut reads = Vec::with_capacity(rows.len());
        let at = now();
        for PaymentFileRow {
            line_id,
            end_to_end_id,
            centimes,
            household_id: household,
            reference,
            payee_kind: kind,
            payee_account_sealed: sealed,
            given_name_lat: gl,
            family_name_lat: fl,
            given_name_ar: ga,
            family_name_ar: fa,
        } in rows
        {
            let corrupt = || StoreError::Corrupt("payee");
            let payee_kind = match kind.as_deref() {
                Some("rib") => PayeeKind::Rib,
                Some("wallet") => PayeeKind::Wallet,
                _ => return Err(corrupt()),
            };
            let payee_account = keys
                .open(&payee_binding(&reference), &sealed.ok_or_else(corrupt)?)
                .map_err(|_| corrupt())?;
            let name = match (gl, fl, ga, fa) {
                (Some(g), Some(f), _, _) => format!("{g} {f}"),
                (_, _, Some(g), Some(f)) => format!("{g} {f}"),
                (g, f, ga, fa) => [g.or(ga), f.or(fa)]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" "),
            };
            reads.push(serde_json::json!([
                scope.org_id().0,
                household,
                reader.account.0,
                "payment_file",
                reader.purpose,
                at
            ]));
            lines.push(PaymentFileLine {
                line_id,
                end_to_end_id,
                centimes,
                creditor_name: if name.is_empty() { reference } else { name },
                payee_kind,
                payee_account,
            });
        }
        if !reads.is_empty() {
            sqlx::query(&crate::json_insert(
                crate::backend_of(&tx),
                "personal_data_reads",
                &[
                    ("organization_id", crate::Col::Int),
                    ("household_id", crate::Col::Int),
                    ("account_id", crate::Col::Int),
                    ("what", crate::Col::Text),
                    ("purpose", crate::Col::Text),
                    ("at", crate::Col::Int),
                ],
            ))
            .bind(serde_json::Value::Array(reads).to_string())
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(lines)
    }

    /// Applies the bank's answer to a batch's lines. A line paid for the first time gets its
    /// leaf in the log, in the same transaction; repeating a report changes nothing.
    pub async fn reconcile_payments(
        &self,
        scope: &OrgScope,
        batch: i64,
        statuses: &[(String, LineStatus)],
    ) -> Result<Reconciliation> {
        let header = self.payment_batch(scope, batch).await?;
        let mut tx = self.writer().begin().await?;
        let size = lock_size(&mut tx, self.backend()).await?;
        let at = now();
        let mut done = Reconciliation::default();
        let mut leaves = Vec::new();
        for (end_to_end_id, status) in statuses {
            let row: Option<(i64, i64, String)> = sqlx::query_as(
                "SELECT id, centimes, status FROM payment_lines WHERE batch_id = $1 AND end_to_end_id = $2",
            )
            .bind(batch)
            .bind(end_to_end_id)
            .fetch_optional(&mut *tx)
            .await?;
            let Some((id, centimes, current)) = row else {
                done.unknown += 1;
                continue;
            };
            let (new, reason) = match status {
                LineStatus::Paid => ("paid", None),
                LineStatus::Rejected { reason } => ("rejected", Some(reason.as_str())),
                LineStatus::Pending => ("pending", None),
            };
            // Paid and rejected are final.
            if current == new || current == "paid" || current == "rejected" {
                done.unchanged += 1;
                continue;
            }
            sqlx::query(
                "UPDATE payment_lines SET status = $1, reason = $2, paid_at = $3, updated_at = $4 WHERE id = $5",
            )
            .bind(new)
            .bind(reason)
            .bind((new == "paid").then_some(at))
            .bind(at)
            .bind(id)
            .execute(&mut *tx)
            .await?;
            match status {
                LineStatus::Paid => {
                    done.paid += 1;
                    leaves.push(NewLeaf {
                        kind: "cash_transfer_paid",
                        ref_id: id,
                        bytes: cash_transfer_paid_leaf(&PaidTransfer {
                            id,
                            at,
                            organization: scope.org_id().0,
                            programme: &header.programme,
                            period: &header.period,
                            amount: Amount::from_centimes(centimes)
                                .ok_or(StoreError::Corrupt("payment amount"))?,
                        }),
                        at,
                    });
                }
                LineStatus::Rejected { .. } => done.rejected += 1,
                LineStatus::Pending => done.pending += 1,
            }
        }
        append_at(&mut tx, size, &leaves).await?;
        let (open,): (i64,) = sqlx::query_as(
            "SELECT COUNT(*) FROM payment_lines WHERE batch_id = $1 AND status IN ('sent', 'pending')",
        )
        .bind(batch)
        .fetch_one(&mut *tx)
        .await?;
        if open == 0 {
            sqlx::query("UPDATE payment_batches SET status = 'reconciled', reconciled_at = $1 WHERE id = $2")
                .bind(at)
                .bind(batch)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(done)
    }

    /// End-to-end ids of the batch's lines still waiting for the bank (sent or pending).
    pub async fn open_payment_lines(&self, scope: &OrgScope, batch: i64) -> Result<Vec<String>> {
        self.payment_batch(scope, batch).await?;
        let rows: Vec<(String,)> = sqlx::query_as(
            "SELECT end_to_end_id FROM payment_lines WHERE batch_id = $1 AND status IN ('sent', 'pending') ORDER BY id",
        )
        .bind(batch)
        .fetch_all(&self.reader)
        .await?;
        Ok(rows.into_iter().map(|(e,)| e).collect())
    }

    /// A page of the association's payment batches, newest first (at most `limit`, 1 to 200):
    /// older than `after`, or else newer than `before`.
    pub async fn payment_batches_page(
        &self,
        scope: &OrgScope,
        after: Option<i64>,
        before: Option<i64>,
        limit: i64,
    ) -> Result<PaymentBatchPage> {
        let limit = limit.clamp(1, 200);
        let upwards = before.is_some() && after.is_none();
        let (bound, order) = match (after, before) {
            (Some(after), _) => (format!("AND b.id < {after}"), "DESC"),
            (None, Some(before)) => (format!("AND b.id > {before}"), "ASC"),
            (None, None) => (String::new(), "DESC"),
        };
        let mut rows: Vec<BatchRow> = sqlx::query_as(&format!(
            "SELECT {BATCH_COLUMNS} FROM payment_batches b JOIN cycles c ON c.id = b.cycle_id \
             JOIN programmes p ON p.id = c.programme_id WHERE b.organization_id = $1 {bound} \
             ORDER BY b.id {order} LIMIT {}",
            limit + 1
        ))
        .bind(scope.org_id().0)
        .fetch_all(&self.reader)
        .await?;
        let more = rows.len() as i64 > limit;
        rows.truncate(limit as usize);
        if upwards {
            rows.reverse();
        }
        let (newer, older) = if upwards {
            (more, true)
        } else {
            (after.is_some(), more)
        };
        Ok(PaymentBatchPage {
            batches: rows.into_iter().map(batch_of).collect(),
            newer,
            older,
        })
    }

    /// The lines of a batch after line `after`, in order, at most `limit` (1 to 500).
    pub async fn payment_lines(
        &self,
        scope: &OrgScope,
        batch: i64,
        after: i64,
        limit: i64,
    ) -> Result<Vec<PaymentLineState>> {
        self.payment_batch(scope, batch).await?;
        Ok(sqlx::query_as(
            "SELECT id, household_id, end_to_end_id, centimes, status, reason FROM payment_lines \
             WHERE batch_id = $1 AND id > $2 ORDER BY id LIMIT $3",
        )
        .bind(batch)
        .bind(after)
        .bind(limit.clamp(1, 500))
        .fetch_all(&self.reader)
        .await?)
    }

    /// Line counts of a batch by status.
    pub async fn payment_line_counts(
        &self,
        scope: &OrgScope,
        batch: i64,
    ) -> Result<Vec<(String, i64)>> {
        self.payment_batch(scope, batch).await?;
        Ok(sqlx::query_as(
            "SELECT status, COUNT(*) FROM payment_lines WHERE batch_id = $1 GROUP BY status ORDER BY status",
        )
        .bind(batch)
        .fetch_all(&self.reader)
        .await?)
    }
}

/// A payment line with its household's payee and head's names, for the payment file.
#[derive(sqlx::FromRow)]
struct PaymentFileRow {
    line_id: i64,
    end_to_end_id: String,
    centimes: i64,
    household_id: i64,
    reference: String,
    payee_kind: Option<String>,
    payee_account_sealed: Option<Vec<u8>>,
    given_name_lat: Option<String>,
    family_name_lat: Option<String>,
    given_name_ar: Option<String>,
    family_name_ar: Option<String>,
}
