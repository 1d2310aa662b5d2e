//! Expenses: submitting one with its evidence file, reading them, and the decision on it, an
//! approval by a second treasury member (booked and logged) or a rejection.

use super::balances::campaign_available;
use super::entries::{insert_entries, EntryHead};
use super::Keyset;
use crate::logged::{expense_approved_leaf, ApprovedExpense};
use crate::tlog::{append_at, lock_size, NewLeaf};
use crate::{now, to_datetime, Result, Store, StoreError};
use sqlx::any::AnyRow;
use sqlx::Row;
use time::OffsetDateTime;
use twiza_domain::ledger::{expense_entry, ExpenseCategory, ExpenseStatus, PaidFrom};
use twiza_domain::money::Amount;
use twiza_domain::Refusal;
use twiza_domain::{OrgId, OrgScope, UserId};

/// An expense to submit.
#[derive(Debug, Clone)]
pub struct NewExpense {
    pub idempotency_key: String,
    /// Hash of the request, to tell a replay from a conflicting reuse of the key.
    pub request_hash: String,
    pub amount: Amount,
    pub category: ExpenseCategory,
    pub paid_from: PaidFrom,
    pub description_ar: String,
    pub description_fr: String,
    /// Media type recognised from the content (see `twiza_domain::ledger::parse_evidence`).
    pub evidence_type: &'static str,
    pub evidence: Vec<u8>,
}

/// An expense as stored (without its evidence file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expense {
    pub id: i64,
    pub org_id: OrgId,
    pub campaign_id: i64,
    pub amount: Amount,
    pub category: ExpenseCategory,
    pub paid_from: PaidFrom,
    pub description_ar: String,
    pub description_fr: String,
    pub evidence_type: String,
    /// Hex SHA-256 of the evidence file (published in the log on approval).
    pub evidence_sha256: String,
    pub status: ExpenseStatus,
    pub submitted_by: UserId,
    pub submitted_at: OffsetDateTime,
    pub decided_by: Option<UserId>,
    pub decided_at: Option<OffsetDateTime>,
    pub rejection_reason: Option<String>,
    /// Its leaf in the transparency log, once approved.
    pub leaf_index: Option<u64>,
}

const EXPENSE_COLUMNS: &str = "x.id, x.organization_id, x.campaign_id, x.amount_centimes, x.category, \
    x.paid_from, x.description_ar, x.description_fr, x.evidence_type, x.evidence_sha256, x.status, \
    x.submitted_by, x.submitted_at, x.decided_by, x.decided_at, x.rejection_reason, e.idx AS leaf_idx";

const EXPENSE_FROM: &str = "FROM expenses x \
    LEFT JOIN log_entries e ON e.kind = 'expense_approved' AND e.ref_id = x.id";

fn expense_from_row(row: &AnyRow) -> Result<Expense> {
    let corrupt = StoreError::Corrupt;
    Ok(Expense {
        id: row.try_get("id")?,
        org_id: OrgId(row.try_get("organization_id")?),
        campaign_id: row.try_get("campaign_id")?,
        amount: Amount::from_centimes(row.try_get("amount_centimes")?)
            .ok_or(corrupt("expense amount"))?,
        category: ExpenseCategory::parse(&row.try_get::<String, _>("category")?)
            .ok_or(corrupt("expense category"))?,
        paid_from: PaidFrom::parse(&row.try_get::<String, _>("paid_from")?)
            .ok_or(corrupt("expense paid_from"))?,
        description_ar: row.try_get("description_ar")?,
        description_fr: row.try_get("description_fr")?,
        evidence_type: row.try_get("evidence_type")?,
        evidence_sha256: row.try_get("evidence_sha256")?,
        status: ExpenseStatus::parse(&row.try_get::<String, _>("status")?)
            .ok_or(corrupt("expense status"))?,
        submitted_by: UserId(row.try_get("submitted_by")?),
        submitted_at: to_datetime(row.try_get("submitted_at")?)?,
        decided_by: row.try_get::<Option<i64>, _>("decided_by")?.map(UserId),
        decided_at: row
            .try_get::<Option<i64>, _>("decided_at")?
            .map(to_datetime)
            .transpose()?,
        rejection_reason: row.try_get("rejection_reason")?,
        leaf_index: row.try_get::<Option<i64>, _>("leaf_idx")?.map(|i| i as u64),
    })
}

impl Store {
    /// Submits an expense of one of the scoped association's campaigns (status `submitted`).
    /// The same key with the same request answers the earlier expense (`true`); with another
    /// request it is `Refused(Refusal::IdempotencyConflict)`.
    pub async fn submit_expense(
        &self,
        scope: &OrgScope,
        campaign_id: i64,
        expense: &NewExpense,
        by: UserId,
    ) -> Result<(Expense, bool)> {
        use sha2::{Digest, Sha256};
        let sha = hex::encode(Sha256::digest(&expense.evidence));
        let mut tx = self.writer().begin().await?;
        let owner: Option<(i64,)> =
            sqlx::query_as("SELECT organization_id FROM campaigns WHERE id = $1")
                .bind(campaign_id)
                .fetch_optional(&mut *tx)
                .await?;
        if owner.map(|(o,)| o) != Some(scope.org_id().0) {
            return Err(StoreError::NotFound);
        }
        let inserted: Option<(i64,)> = sqlx::query_as(
            "INSERT INTO expenses (organization_id, campaign_id, amount_centimes, category, paid_from, \
             description_ar, description_fr, evidence_type, evidence_sha256, status, idempotency_key, \
             request_hash, submitted_by, submitted_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) \
             ON CONFLICT (campaign_id, idempotency_key) DO NOTHING RETURNING id",
        )
        .bind(scope.org_id().0)
        .bind(campaign_id)
        .bind(expense.amount.centimes())
        .bind(expense.category.as_str())
        .bind(expense.paid_from.as_str())
        .bind(&expense.description_ar)
        .bind(&expense.description_fr)
        .bind(expense.evidence_type)
        .bind(&sha)
        .bind(ExpenseStatus::Submitted.as_str())
        .bind(&expense.idempotency_key)
        .bind(&expense.request_hash)
        .bind(by.0)
        .bind(now())
        .fetch_optional(&mut *tx)
        .await?;
        let (id, replayed) = match inserted {
            Some((id,)) => {
                sqlx::query(
                    "INSERT INTO expense_evidence (expense_id, media_type, content) VALUES ($1, $2, $3)",
                )
                .bind(id)
                .bind(expense.evidence_type)
                .bind(expense.evidence.as_slice())
                .execute(&mut *tx)
                .await?;
                (id, false)
            }
            None => {
                let (id, hash): (i64, String) = sqlx::query_as(
                    "SELECT id, request_hash FROM expenses WHERE campaign_id = $1 AND idempotency_key = $2",
                )
                .bind(campaign_id)
                .bind(&expense.idempotency_key)
                .fetch_one(&mut *tx)
                .await?;
                if hash != expense.request_hash {
                    return Err(StoreError::Refused(Refusal::IdempotencyConflict));
                }
                (id, true)
            }
        };
        tx.commit().await?;
        let expense = self.expense(scope, id).await?.ok_or(StoreError::NotFound)?;
        Ok((expense, replayed))
    }

    /// One expense of the scoped association.
    pub async fn expense(&self, scope: &OrgScope, id: i64) -> Result<Option<Expense>> {
        let sql = format!(
            "SELECT {EXPENSE_COLUMNS} {EXPENSE_FROM} WHERE x.id = $1 AND x.organization_id = $2"
        );
        let row = sqlx::query(&sql)
            .bind(id)
            .bind(scope.org_id().0)
            .fetch_optional(self.reader())
            .await?;
        row.as_ref().map(expense_from_row).transpose()
    }

    /// The association an expense belongs to (for the authorization layer).
    pub async fn expense_org(&self, id: i64) -> Result<Option<OrgId>> {
        let row: Option<(i64,)> =
            sqlx::query_as("SELECT organization_id FROM expenses WHERE id = $1")
                .bind(id)
                .fetch_optional(self.reader())
                .await?;
        Ok(row.map(|(o,)| OrgId(o)))
    }

    /// A campaign's expenses, newest first, 100 per page before expense id `before`.
    pub async fn campaign_expenses(
        &self,
        scope: &OrgScope,
        campaign_id: i64,
        before: Option<i64>,
    ) -> Result<Vec<Expense>> {
        let sql = format!(
            "SELECT {EXPENSE_COLUMNS} {EXPENSE_FROM} WHERE x.campaign_id = $1 AND x.organization_id = $2 \
             AND x.id < $3 ORDER BY x.id DESC LIMIT 100"
        );
        let rows = sqlx::query(&sql)
            .bind(campaign_id)
            .bind(scope.org_id().0)
            .bind(before.unwrap_or(i64::MAX))
            .fetch_all(self.reader())
            .await?;
        rows.iter().map(expense_from_row).collect()
    }

    /// A campaign's expenses, newest first, `limit` from where `page` starts.
    pub async fn campaign_expenses_page(
        &self,
        scope: &OrgScope,
        campaign_id: i64,
        page: Keyset,
        limit: i64,
    ) -> Result<Vec<Expense>> {
        let (keyset, order, bound) = page.sql("x.id", 3);
        let sql = format!(
            "SELECT {EXPENSE_COLUMNS} {EXPENSE_FROM} WHERE x.campaign_id = $1 AND x.organization_id = $2 \
             AND {keyset} ORDER BY x.id {order} LIMIT $4"
        );
        let rows = sqlx::query(&sql)
            .bind(campaign_id)
            .bind(scope.org_id().0)
            .bind(bound)
            .bind(limit)
            .fetch_all(self.reader())
            .await?;
        let expenses = rows
            .iter()
            .map(expense_from_row)
            .collect::<Result<Vec<_>>>()?;
        Ok(page.newest_first(expenses))
    }

    /// The scoped association's expenses waiting for a decision, oldest first, at most `limit`:
    /// of one campaign if `campaign_id` is given, and submitted by someone other than
    /// `except_author` if given (those this member may approve).
    pub async fn expenses_waiting(
        &self,
        scope: &OrgScope,
        campaign_id: Option<i64>,
        except_author: Option<UserId>,
        limit: i64,
    ) -> Result<Vec<Expense>> {
        let sql = format!(
            "SELECT {EXPENSE_COLUMNS} {EXPENSE_FROM} WHERE x.organization_id = $1 AND x.status = 'submitted' \
             AND ($2 = 0 OR x.campaign_id = $2) AND x.submitted_by <> $3 ORDER BY x.id LIMIT $4"
        );
        let rows = sqlx::query(&sql)
            .bind(scope.org_id().0)
            .bind(campaign_id.unwrap_or(0))
            .bind(except_author.map_or(0, |u| u.0))
            .bind(limit)
            .fetch_all(self.reader())
            .await?;
        rows.iter().map(expense_from_row).collect()
    }

    /// The evidence file of an expense of the scoped association: media type and content.
    pub async fn expense_evidence(
        &self,
        scope: &OrgScope,
        id: i64,
    ) -> Result<Option<(String, Vec<u8>)>> {
        let row: Option<(String, Vec<u8>)> = sqlx::query_as(
            "SELECT v.media_type, v.content FROM expense_evidence v JOIN expenses x ON x.id = v.expense_id \
             WHERE x.id = $1 AND x.organization_id = $2",
        )
        .bind(id)
        .bind(scope.org_id().0)
        .fetch_optional(self.reader())
        .await?;
        Ok(row)
    }

    /// Approves a submitted expense: a treasury member other than its author approves it, it is
    /// posted to the ledger and logged as `expense_approved`, all in one transaction. Refusals
    /// write nothing: `Refused(Refusal::ExpenseSelfApproval)` (the author), `Refused(Refusal::ExpenseDecided)`
    /// (not submitted any more), `Refused(Refusal::InsufficientFunds)` (more than the campaign has left).
    pub async fn approve_expense(&self, scope: &OrgScope, id: i64, by: UserId) -> Result<Expense> {
        let mut tx = self.writer().begin().await?;
        // The log lock first: on PostgreSQL it also serializes approvals, so the funds check
        // below sees every earlier approval.
        let size = lock_size(&mut tx, self.backend()).await?;
        let row: Option<ExpenseDecisionRow> = sqlx::query_as(
            "SELECT x.campaign_id AS campaign_id, x.amount_centimes AS amount_centimes, \
             x.category AS category, x.submitted_by AS submitted_by, x.status AS status, \
             x.paid_from AS paid_from, x.evidence_sha256 AS evidence_sha256, c.code AS campaign_code \
             FROM expenses x JOIN campaigns c ON c.id = x.campaign_id \
             WHERE x.id = $1 AND x.organization_id = $2",
        )
        .bind(id)
        .bind(scope.org_id().0)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(ExpenseDecisionRow {
            campaign_id,
            amount_centimes: centimes,
            category,
            submitted_by: author,
            status,
            paid_from,
            evidence_sha256: sha,
            campaign_code: code,
        }) = row
        else {
            return Err(StoreError::NotFound);
        };
        if author == by.0 {
            return Err(StoreError::Refused(Refusal::ExpenseSelfApproval));
        }
        if status != ExpenseStatus::Submitted.as_str() {
            return Err(StoreError::Refused(Refusal::ExpenseDecided));
        }
        let corrupt = StoreError::Corrupt;
        let amount = Amount::from_centimes(centimes).ok_or(corrupt("expense amount"))?;
        let category = ExpenseCategory::parse(&category).ok_or(corrupt("expense category"))?;
        let paid_from = PaidFrom::parse(&paid_from).ok_or(corrupt("expense paid_from"))?;
        if campaign_available(&mut tx, campaign_id, scope.org_id().0).await? < centimes {
            return Err(StoreError::Refused(Refusal::InsufficientFunds));
        }
        let at = now();
        let done = sqlx::query(
            "UPDATE expenses SET status = 'approved', decided_by = $1, decided_at = $2 \
             WHERE id = $3 AND status = 'submitted'",
        )
        .bind(by.0)
        .bind(at)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() != 1 {
            return Err(StoreError::Refused(Refusal::ExpenseDecided));
        }
        let entry =
            expense_entry(amount, category, paid_from).map_err(|_| corrupt("expense entry"))?;
        let head = EntryHead {
            organization_id: scope.org_id().0,
            campaign_id: Some(campaign_id),
            source: "expense",
            source_id: id,
            at,
        };
        insert_entries(&mut tx, &[(head, entry)]).await?;
        let bytes = expense_approved_leaf(&ApprovedExpense {
            id,
            at,
            campaign: &code,
            amount,
            category,
            evidence_sha256: &sha,
        });
        let leaf = NewLeaf {
            kind: "expense_approved",
            ref_id: id,
            bytes,
            at,
        };
        append_at(&mut tx, size, std::slice::from_ref(&leaf)).await?;
        tx.commit().await?;
        self.expense(scope, id).await?.ok_or(StoreError::NotFound)
    }

    /// Rejects a submitted expense with a reason; nothing is booked or logged.
    pub async fn reject_expense(
        &self,
        scope: &OrgScope,
        id: i64,
        by: UserId,
        reason: &str,
    ) -> Result<Expense> {
        let done = sqlx::query(
            "UPDATE expenses SET status = 'rejected', decided_by = $1, decided_at = $2, rejection_reason = $3 \
             WHERE id = $4 AND organization_id = $5 AND status = 'submitted'",
        )
        .bind(by.0)
        .bind(now())
        .bind(reason)
        .bind(id)
        .bind(scope.org_id().0)
        .execute(self.writer())
        .await?;
        let expense = self.expense(scope, id).await?.ok_or(StoreError::NotFound)?;
        if done.rows_affected() != 1 {
            return Err(StoreError::Refused(Refusal::ExpenseDecided));
        }
        Ok(expense)
    }
}

/// An expense with its campaign's code, as read to approve it.
#[derive(sqlx::FromRow)]
struct ExpenseDecisionRow {
    campaign_id: i64,
    amount_centimes: i64,
    category: String,
    submitted_by: i64,
    status: String,
    paid_from: String,
    evidence_sha256: String,
    campaign_code: String,
}
