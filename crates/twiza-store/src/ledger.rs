//! The association ledger: journal entries and lines (double entry, built by
//! `twiza_domain::ledger`), expenses with evidence and two-person approval, transfers between
//! associations, balances, the trial balance and the campaign report.
//!
//! Every posting happens in the transaction of the change it books, and every money event is
//! appended to the transparency log in that same transaction: confirmed donations by the
//! sequencer ([`post_donations`], one multi-row write per batch), approved expenses and
//! confirmed transfers here.

use crate::logged::{
    expense_approved_leaf, transfer_confirmed_leaf, ApprovedExpense, ConfirmedTransfer,
};
use crate::tlog::{append_at, lock_size, NewLeaf};
use crate::{fixed_chunks, now, to_datetime, Result, Store, StoreError};
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};
use std::collections::{BTreeMap, HashMap};
use time::OffsetDateTime;
use twiza_domain::donation::{Gift, PaymentMethod, PledgedItem};
use twiza_domain::ledger::{
    donation_entry, expense_entry, transfer_entries, Account, ExpenseCategory, ExpenseStatus,
    JournalEntry, Measure, PaidFrom, Side, TransferStatus,
};
use twiza_domain::money::Amount;
use twiza_domain::organization::OrgStatus;
use twiza_domain::Refusal;
use twiza_domain::{OrgId, OrgScope, UserId};

/// A confirmed donation to book (built by the sequencer's batch).
#[derive(Debug, Clone)]
pub(crate) struct DonationPosting {
    pub donation_id: i64,
    pub organization_id: i64,
    pub campaign_id: i64,
    pub gift: Gift,
    pub at: i64,
}

/// Who an entry belongs to and what it books.
struct EntryHead {
    organization_id: i64,
    campaign_id: Option<i64>,
    /// `donation`, `expense`, `transfer_out` or `transfer_in`.
    source: &'static str,
    source_id: i64,
    at: i64,
}

/// The postings of the donations with these ids (confirmed in the current transaction).
pub(crate) async fn donation_postings(
    conn: &mut AnyConnection,
    ids: &[i64],
    at: i64,
) -> Result<Vec<DonationPosting>> {
    let mut postings = Vec::with_capacity(ids.len());
    for chunk in fixed_chunks(ids) {
        let sql = format!(
            "SELECT id, organization_id, campaign_id, kind, amount_centimes, method, items \
             FROM donations WHERE status = 'confirmed' AND id IN {}",
            crate::values_placeholders(1, chunk.len())
        );
        let mut query = sqlx::query_as::<
            _,
            (
                i64,
                i64,
                i64,
                String,
                Option<i64>,
                Option<String>,
                Option<String>,
            ),
        >(&sql);
        for id in chunk {
            query = query.bind(*id);
        }
        for (id, org, campaign, kind, amount, method, items) in query.fetch_all(&mut *conn).await? {
            let gift = match kind.as_str() {
                "money" => Gift::Money {
                    amount: amount
                        .and_then(Amount::from_centimes)
                        .ok_or(StoreError::Corrupt("donation amount"))?,
                    method: method
                        .as_deref()
                        .and_then(PaymentMethod::parse)
                        .ok_or(StoreError::Corrupt("donation method"))?,
                },
                _ => Gift::InKind {
                    items: items
                        .and_then(|i| serde_json::from_str::<Vec<PledgedItem>>(&i).ok())
                        .ok_or(StoreError::Corrupt("donation items"))?,
                },
            };
            postings.push(DonationPosting {
                donation_id: id,
                organization_id: org,
                campaign_id: campaign,
                gift,
                at,
            });
        }
    }
    Ok(postings)
}

/// Books confirmed donations: money debits bank, mobile wallet or cash and credits the
/// campaign's donation income; goods go to the in-kind stock. Multi-row INSERTs, a few
/// statements per batch whatever its size.
pub(crate) async fn post_donations(
    conn: &mut AnyConnection,
    postings: &[DonationPosting],
) -> Result<()> {
    if postings.is_empty() {
        return Ok(());
    }
    // One summary entry per campaign and batch (`donations`, named by the batch's first donation
    // of the campaign): the books stay exact while a batch of a thousand donations writes a
    // handful of rows. A sum too large for one entry is booked donation by donation.
    let mut by_campaign: BTreeMap<(i64, i64), Vec<&DonationPosting>> = BTreeMap::new();
    for p in postings {
        by_campaign
            .entry((p.organization_id, p.campaign_id))
            .or_default()
            .push(p);
    }
    let mut entries = Vec::with_capacity(by_campaign.len());
    for ((organization_id, campaign_id), group) in by_campaign {
        let each = group
            .iter()
            .map(|p| donation_entry(&p.gift).map_err(|_| StoreError::Corrupt("donation entry")))
            .collect::<Result<Vec<_>>>()?;
        let first = group
            .iter()
            .map(|p| p.donation_id)
            .min()
            .unwrap_or_default();
        let at = group.iter().map(|p| p.at).max().unwrap_or_default();
        match JournalEntry::summary(&each) {
            Some(entry) => entries.push((
                EntryHead {
                    organization_id,
                    campaign_id: Some(campaign_id),
                    source: "donations",
                    source_id: first,
                    at,
                },
                entry,
            )),
            None => {
                for (p, entry) in group.iter().zip(each) {
                    entries.push((
                        EntryHead {
                            organization_id,
                            campaign_id: Some(campaign_id),
                            source: "donation",
                            source_id: p.donation_id,
                            at: p.at,
                        },
                        entry,
                    ));
                }
            }
        }
    }
    insert_entries(conn, &entries).await
}

/// Writes entries and their lines in multi-row statements.
async fn insert_entries(
    conn: &mut AnyConnection,
    entries: &[(EntryHead, JournalEntry)],
) -> Result<()> {
    let mut ids: HashMap<(String, i64), i64> = HashMap::with_capacity(entries.len());
    for chunk in fixed_chunks(entries) {
        let mut sql = String::from(
            "INSERT INTO ledger_entries (organization_id, campaign_id, source, source_id, at) VALUES ",
        );
        sql.push_str(&crate::values_placeholders(chunk.len(), 5));
        sql.push_str(" RETURNING id, source, source_id");
        let mut query = sqlx::query_as::<_, (i64, String, i64)>(&sql);
        for (head, _) in chunk {
            query = query
                .bind(head.organization_id)
                .bind(head.campaign_id)
                .bind(head.source)
                .bind(head.source_id)
                .bind(head.at);
        }
        for (id, source, source_id) in query.fetch_all(&mut *conn).await? {
            ids.insert((source, source_id), id);
        }
    }
    struct Row<'a> {
        entry_id: i64,
        head: &'a EntryHead,
        account: Account,
        side: Side,
        measure: &'a Measure,
    }
    let mut rows = Vec::new();
    for (head, entry) in entries {
        let entry_id = *ids
            .get(&(head.source.to_owned(), head.source_id))
            .ok_or(StoreError::Corrupt("ledger entry"))?;
        for line in entry.lines() {
            rows.push(Row {
                entry_id,
                head,
                account: line.account,
                side: line.side,
                measure: &line.measure,
            });
        }
    }
    const COLS: usize = 10;
    for chunk in fixed_chunks(&rows) {
        let mut sql = String::from(
            "INSERT INTO ledger_lines (entry_id, organization_id, campaign_id, account, debit_centimes, \
             credit_centimes, item, unit, debit_quantity, credit_quantity) VALUES ",
        );
        sql.push_str(&crate::values_placeholders(chunk.len(), COLS));
        let mut query = sqlx::query(&sql);
        for r in chunk {
            let (dc, cc, item, unit, dq, cq) = match (r.measure, r.side) {
                (Measure::Money(a), Side::Debit) => (a.centimes(), 0, None, None, 0, 0),
                (Measure::Money(a), Side::Credit) => (0, a.centimes(), None, None, 0, 0),
                (
                    Measure::Goods {
                        item,
                        unit,
                        quantity,
                    },
                    side,
                ) => {
                    let (dq, cq) = match side {
                        Side::Debit => (*quantity, 0),
                        Side::Credit => (0, *quantity),
                    };
                    (0, 0, Some(item.clone()), Some(unit.clone()), dq, cq)
                }
            };
            query = query
                .bind(r.entry_id)
                .bind(r.head.organization_id)
                .bind(r.head.campaign_id)
                .bind(r.account.as_str())
                .bind(dc)
                .bind(cc)
                .bind(item)
                .bind(unit)
                .bind(dq)
                .bind(cq);
        }
        query.execute(&mut *conn).await?;
    }
    Ok(())
}

/// What a campaign still has to spend: money raised, minus approved expenses and confirmed
/// transfers out.
async fn campaign_available(
    conn: &mut AnyConnection,
    campaign_id: i64,
    org_id: i64,
) -> Result<i64> {
    let (available,): (i64,) = sqlx::query_as(
        "SELECT CAST(COALESCE(SUM(credit_centimes - debit_centimes), 0) AS BIGINT) FROM ledger_lines \
         WHERE campaign_id = $1 AND organization_id = $2 \
         AND account IN ('donation_income', 'programme_expenses', 'running_costs', 'transfers_out')",
    )
    .bind(campaign_id)
    .bind(org_id)
    .fetch_one(&mut *conn)
    .await?;
    Ok(available)
}

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

/// A transfer to request.
#[derive(Debug, Clone)]
pub struct NewTransfer {
    pub idempotency_key: String,
    pub request_hash: String,
    pub to: OrgId,
    /// The sender's campaign the money comes from.
    pub campaign_id: i64,
    pub amount: Amount,
}

/// A transfer between two associations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transfer {
    pub id: i64,
    pub from: OrgId,
    pub to: OrgId,
    pub campaign_id: i64,
    pub amount: Amount,
    pub status: TransferStatus,
    pub created_by: UserId,
    pub created_at: OffsetDateTime,
    pub confirmed_by: Option<UserId>,
    pub confirmed_at: Option<OffsetDateTime>,
    pub leaf_index: Option<u64>,
}

const TRANSFER_COLUMNS: &str = "t.id, t.from_organization_id, t.to_organization_id, t.campaign_id, \
    t.amount_centimes, t.status, t.created_by, t.created_at, t.confirmed_by, t.confirmed_at, e.idx AS leaf_idx";
const TRANSFER_FROM: &str = "FROM transfers t \
    LEFT JOIN log_entries e ON e.kind = 'transfer_confirmed' AND e.ref_id = t.id";

fn transfer_from_row(row: &AnyRow) -> Result<Transfer> {
    let corrupt = StoreError::Corrupt;
    Ok(Transfer {
        id: row.try_get("id")?,
        from: OrgId(row.try_get("from_organization_id")?),
        to: OrgId(row.try_get("to_organization_id")?),
        campaign_id: row.try_get("campaign_id")?,
        amount: Amount::from_centimes(row.try_get("amount_centimes")?)
            .ok_or(corrupt("transfer amount"))?,
        status: TransferStatus::parse(&row.try_get::<String, _>("status")?)
            .ok_or(corrupt("transfer status"))?,
        created_by: UserId(row.try_get("created_by")?),
        created_at: to_datetime(row.try_get("created_at")?)?,
        confirmed_by: row.try_get::<Option<i64>, _>("confirmed_by")?.map(UserId),
        confirmed_at: row
            .try_get::<Option<i64>, _>("confirmed_at")?
            .map(to_datetime)
            .transpose()?,
        leaf_index: row.try_get::<Option<i64>, _>("leaf_idx")?.map(|i| i as u64),
    })
}

/// One line of the trial balance: an account (per campaign for income accounts) and its totals.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountBalance {
    pub account: Account,
    /// For per-campaign accounts (donation income).
    pub campaign_id: Option<i64>,
    pub debit_centimes: i64,
    pub credit_centimes: i64,
}

impl AccountBalance {
    /// The balance on the account's normal side (debits − credits for assets and expenses).
    pub fn balance_centimes(&self) -> i64 {
        if self.account.debit_normal() {
            self.debit_centimes - self.credit_centimes
        } else {
            self.credit_centimes - self.debit_centimes
        }
    }
}

/// Goods on the in-kind stock account, per item and unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StockBalance {
    pub item: String,
    pub unit: String,
    pub quantity: i64,
}

/// The trial balance of an association: every money account with its totals; debits = credits.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TrialBalance {
    pub accounts: Vec<AccountBalance>,
    pub debit_centimes: i64,
    pub credit_centimes: i64,
    /// Goods received (in-kind stock), in quantities; first 1,000 lines.
    pub stock: Vec<StockBalance>,
}

impl TrialBalance {
    pub fn balanced(&self) -> bool {
        self.debit_centimes == self.credit_centimes
    }
}

/// The post-collection report of a campaign (Law 18-18), from what was recorded.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CampaignReport {
    pub campaign_id: i64,
    /// Money raised per payment method: (method, centimes, donations).
    pub raised_by_method: Vec<(PaymentMethod, i64, i64)>,
    pub raised_centimes: i64,
    /// Confirmed donations, money and in kind.
    pub donations: i64,
    pub money_donations: i64,
    pub in_kind_donations: i64,
    /// Goods received per item and unit (first [`REPORT_IN_KIND_LINES`]; the CSV has them all).
    pub in_kind: Vec<StockBalance>,
    /// More in-kind lines exist beyond `in_kind`.
    pub in_kind_more: bool,
    /// Approved expenses per category: (category, centimes, expenses).
    pub spent_by_category: Vec<(ExpenseCategory, i64, i64)>,
    pub spent_centimes: i64,
    pub transfers_out_centimes: i64,
    pub transfers_out: i64,
    /// Raised − spent − transferred out.
    pub balance_centimes: i64,
}

/// In-kind lines in the JSON and HTML report.
pub const REPORT_IN_KIND_LINES: i64 = 1000;

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

    /// Requests a transfer from the scoped association to another verified one, out of one of
    /// its campaigns (status `pending`). Refusals: `NotFound` (campaign not the sender's),
    /// `Refused(Refusal::InvalidRecipient)` (unknown, unverified or the sender itself),
    /// `Refused(Refusal::InsufficientFunds)`, `Refused(Refusal::IdempotencyConflict)`.
    pub async fn create_transfer(
        &self,
        scope: &OrgScope,
        transfer: &NewTransfer,
        by: UserId,
    ) -> Result<(Transfer, bool)> {
        let from = scope.org_id().0;
        let mut tx = self.writer().begin().await?;
        let earlier: Option<(i64, String)> = sqlx::query_as(
            "SELECT id, request_hash FROM transfers WHERE from_organization_id = $1 AND idempotency_key = $2",
        )
        .bind(from)
        .bind(&transfer.idempotency_key)
        .fetch_optional(&mut *tx)
        .await?;
        if let Some((id, hash)) = earlier {
            drop(tx);
            if hash != transfer.request_hash {
                return Err(StoreError::Refused(Refusal::IdempotencyConflict));
            }
            let t = self
                .transfer(scope, id)
                .await?
                .ok_or(StoreError::NotFound)?;
            return Ok((t, true));
        }
        let owner: Option<(i64,)> =
            sqlx::query_as("SELECT organization_id FROM campaigns WHERE id = $1")
                .bind(transfer.campaign_id)
                .fetch_optional(&mut *tx)
                .await?;
        if owner.map(|(o,)| o) != Some(from) {
            return Err(StoreError::NotFound);
        }
        let recipient: Option<(String,)> =
            sqlx::query_as("SELECT status FROM organizations WHERE id = $1")
                .bind(transfer.to.0)
                .fetch_optional(&mut *tx)
                .await?;
        let verified = recipient.is_some_and(|(s,)| s == OrgStatus::Verified.as_str());
        if !verified || transfer.to.0 == from {
            return Err(StoreError::Refused(Refusal::InvalidRecipient));
        }
        if campaign_available(&mut tx, transfer.campaign_id, from).await?
            < transfer.amount.centimes()
        {
            return Err(StoreError::Refused(Refusal::InsufficientFunds));
        }
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO transfers (from_organization_id, to_organization_id, campaign_id, amount_centimes, \
             status, idempotency_key, request_hash, created_by, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
        )
        .bind(from)
        .bind(transfer.to.0)
        .bind(transfer.campaign_id)
        .bind(transfer.amount.centimes())
        .bind(TransferStatus::Pending.as_str())
        .bind(&transfer.idempotency_key)
        .bind(&transfer.request_hash)
        .bind(by.0)
        .bind(now())
        .fetch_one(&mut *tx)
        .await
        .map_err(crate::refuse_on_unique(Refusal::IdempotencyConflict))?;
        tx.commit().await?;
        let t = self
            .transfer(scope, id)
            .await?
            .ok_or(StoreError::NotFound)?;
        Ok((t, false))
    }

    /// One transfer the scoped association sends or receives.
    pub async fn transfer(&self, scope: &OrgScope, id: i64) -> Result<Option<Transfer>> {
        let sql = format!(
            "SELECT {TRANSFER_COLUMNS} {TRANSFER_FROM} WHERE t.id = $1 \
             AND (t.from_organization_id = $2 OR t.to_organization_id = $2)"
        );
        let row = sqlx::query(&sql)
            .bind(id)
            .bind(scope.org_id().0)
            .fetch_optional(self.reader())
            .await?;
        row.as_ref().map(transfer_from_row).transpose()
    }

    /// The receiving association of a transfer (for the authorization layer: it confirms).
    pub async fn transfer_receiver(&self, id: i64) -> Result<Option<OrgId>> {
        let row: Option<(i64,)> =
            sqlx::query_as("SELECT to_organization_id FROM transfers WHERE id = $1")
                .bind(id)
                .fetch_optional(self.reader())
                .await?;
        Ok(row.map(|(o,)| OrgId(o)))
    }

    /// Transfers the scoped association sends or receives, newest first, 100 per page before
    /// transfer id `before`.
    pub async fn transfers_of(
        &self,
        scope: &OrgScope,
        before: Option<i64>,
    ) -> Result<Vec<Transfer>> {
        let sql = format!(
            "SELECT {TRANSFER_COLUMNS} {TRANSFER_FROM} \
             WHERE (t.from_organization_id = $1 OR t.to_organization_id = $1) AND t.id < $2 \
             ORDER BY t.id DESC LIMIT 100"
        );
        let rows = sqlx::query(&sql)
            .bind(scope.org_id().0)
            .bind(before.unwrap_or(i64::MAX))
            .fetch_all(self.reader())
            .await?;
        rows.iter().map(transfer_from_row).collect()
    }

    /// Confirms a pending transfer to the scoped (receiving) association: posted in both
    /// ledgers and logged as `transfer_confirmed`, in one transaction. Refusals write nothing:
    /// `Refused(Refusal::TransferDecided)`, `Refused(Refusal::InsufficientFunds)`.
    pub async fn confirm_transfer(
        &self,
        scope: &OrgScope,
        id: i64,
        by: UserId,
    ) -> Result<Transfer> {
        let mut tx = self.writer().begin().await?;
        let size = lock_size(&mut tx, self.backend()).await?;
        let row: Option<(i64, i64, i64, String, String)> = sqlx::query_as(
            "SELECT t.from_organization_id, t.campaign_id, t.amount_centimes, t.status, c.code \
             FROM transfers t JOIN campaigns c ON c.id = t.campaign_id \
             WHERE t.id = $1 AND t.to_organization_id = $2",
        )
        .bind(id)
        .bind(scope.org_id().0)
        .fetch_optional(&mut *tx)
        .await?;
        let Some((from, campaign_id, centimes, status, code)) = row else {
            return Err(StoreError::NotFound);
        };
        if status != TransferStatus::Pending.as_str() {
            return Err(StoreError::Refused(Refusal::TransferDecided));
        }
        let amount =
            Amount::from_centimes(centimes).ok_or(StoreError::Corrupt("transfer amount"))?;
        if campaign_available(&mut tx, campaign_id, from).await? < centimes {
            return Err(StoreError::Refused(Refusal::InsufficientFunds));
        }
        let at = now();
        let done = sqlx::query(
            "UPDATE transfers SET status = 'confirmed', confirmed_by = $1, confirmed_at = $2 \
             WHERE id = $3 AND status = 'pending'",
        )
        .bind(by.0)
        .bind(at)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() != 1 {
            return Err(StoreError::Refused(Refusal::TransferDecided));
        }
        let (out, inn) =
            transfer_entries(amount).map_err(|_| StoreError::Corrupt("transfer entry"))?;
        let entries = [
            (
                EntryHead {
                    organization_id: from,
                    campaign_id: Some(campaign_id),
                    source: "transfer_out",
                    source_id: id,
                    at,
                },
                out,
            ),
            (
                EntryHead {
                    organization_id: scope.org_id().0,
                    campaign_id: None,
                    source: "transfer_in",
                    source_id: id,
                    at,
                },
                inn,
            ),
        ];
        insert_entries(&mut tx, &entries).await?;
        let bytes = transfer_confirmed_leaf(&ConfirmedTransfer {
            id,
            at,
            from_organization: from,
            to_organization: scope.org_id().0,
            campaign: &code,
            amount,
        });
        let leaf = NewLeaf {
            kind: "transfer_confirmed",
            ref_id: id,
            bytes,
            at,
        };
        append_at(&mut tx, size, std::slice::from_ref(&leaf)).await?;
        tx.commit().await?;
        self.transfer(scope, id).await?.ok_or(StoreError::NotFound)
    }

    /// The scoped association's trial balance: each money account (donation income per
    /// campaign) with its debits and credits, the totals, and the in-kind stock.
    pub async fn trial_balance(&self, scope: &OrgScope) -> Result<TrialBalance> {
        let rows: Vec<(String, Option<i64>, i64, i64)> = sqlx::query_as(
            "SELECT account, campaign_id, CAST(SUM(debit_centimes) AS BIGINT), CAST(SUM(credit_centimes) AS BIGINT) \
             FROM ledger_lines WHERE organization_id = $1 \
             AND account NOT IN ('in_kind_stock', 'in_kind_income') \
             GROUP BY account, campaign_id",
        )
        .bind(scope.org_id().0)
        .fetch_all(self.reader())
        .await?;
        let mut by_account: std::collections::BTreeMap<(Account, Option<i64>), (i64, i64)> =
            Default::default();
        let mut tb = TrialBalance::default();
        for (account, campaign, debit, credit) in rows {
            let account = Account::parse(&account).ok_or(StoreError::Corrupt("ledger account"))?;
            let campaign = campaign.filter(|_| account.per_campaign());
            let slot = by_account.entry((account, campaign)).or_default();
            slot.0 += debit;
            slot.1 += credit;
            tb.debit_centimes += debit;
            tb.credit_centimes += credit;
        }
        tb.accounts = by_account
            .into_iter()
            .map(|((account, campaign_id), (d, c))| AccountBalance {
                account,
                campaign_id,
                debit_centimes: d,
                credit_centimes: c,
            })
            .collect();
        let stock: Vec<(Option<String>, Option<String>, i64)> = sqlx::query_as(
            "SELECT item, unit, CAST(SUM(debit_quantity - credit_quantity) AS BIGINT) FROM ledger_lines \
             WHERE organization_id = $1 AND account = 'in_kind_stock' \
             GROUP BY item, unit ORDER BY item, unit LIMIT 1000",
        )
        .bind(scope.org_id().0)
        .fetch_all(self.reader())
        .await?;
        tb.stock = stock
            .into_iter()
            .map(|(item, unit, quantity)| StockBalance {
                item: item.unwrap_or_default(),
                unit: unit.unwrap_or_default(),
                quantity,
            })
            .collect();
        Ok(tb)
    }

    /// The report of a campaign, from its confirmed donations and its ledger lines. Callers
    /// decide who may read it (public once the campaign is published).
    pub async fn campaign_report(&self, campaign_id: i64) -> Result<CampaignReport> {
        let mut r = CampaignReport {
            campaign_id,
            ..Default::default()
        };
        let by_method: Vec<(Option<String>, i64, i64)> = sqlx::query_as(
            "SELECT method, CAST(COALESCE(SUM(amount_centimes), 0) AS BIGINT), CAST(COUNT(*) AS BIGINT) \
             FROM donations WHERE campaign_id = $1 AND status = 'confirmed' AND kind = 'money' \
             GROUP BY method",
        )
        .bind(campaign_id)
        .fetch_all(self.reader())
        .await?;
        for method in PaymentMethod::ALL {
            let (centimes, count) = by_method
                .iter()
                .find(|(m, _, _)| m.as_deref() == Some(method.as_str()))
                .map_or((0, 0), |(_, c, n)| (*c, *n));
            r.raised_by_method.push((method, centimes, count));
            r.raised_centimes += centimes;
            r.money_donations += count;
        }
        let (in_kind,): (i64,) = sqlx::query_as(
            "SELECT CAST(COUNT(*) AS BIGINT) FROM donations \
             WHERE campaign_id = $1 AND status = 'confirmed' AND kind = 'in_kind'",
        )
        .bind(campaign_id)
        .fetch_one(self.reader())
        .await?;
        r.in_kind_donations = in_kind;
        r.donations = r.money_donations + in_kind;
        let mut lines = self
            .campaign_in_kind_page(campaign_id, None, REPORT_IN_KIND_LINES + 1)
            .await?;
        r.in_kind_more = lines.len() as i64 > REPORT_IN_KIND_LINES;
        lines.truncate(REPORT_IN_KIND_LINES as usize);
        r.in_kind = lines;
        let spent: Vec<(String, i64, i64)> = sqlx::query_as(
            "SELECT category, CAST(COALESCE(SUM(amount_centimes), 0) AS BIGINT), CAST(COUNT(*) AS BIGINT) \
             FROM expenses WHERE campaign_id = $1 AND status = 'approved' GROUP BY category",
        )
        .bind(campaign_id)
        .fetch_all(self.reader())
        .await?;
        for category in ExpenseCategory::ALL {
            let (centimes, count) = spent
                .iter()
                .find(|(c, _, _)| c == category.as_str())
                .map_or((0, 0), |(_, c, n)| (*c, *n));
            r.spent_by_category.push((category, centimes, count));
            r.spent_centimes += centimes;
        }
        let (out, count): (i64, i64) = sqlx::query_as(
            "SELECT CAST(COALESCE(SUM(amount_centimes), 0) AS BIGINT), CAST(COUNT(*) AS BIGINT) \
             FROM transfers WHERE campaign_id = $1 AND status = 'confirmed'",
        )
        .bind(campaign_id)
        .fetch_one(self.reader())
        .await?;
        r.transfers_out_centimes = out;
        r.transfers_out = count;
        r.balance_centimes = r.raised_centimes - r.spent_centimes - r.transfers_out_centimes;
        Ok(r)
    }

    /// Goods a campaign received, per item and unit in order, `limit` lines after `after`
    /// (keyset pagination, so an export of any length reads in bounded pages).
    pub async fn campaign_in_kind_page(
        &self,
        campaign_id: i64,
        after: Option<(&str, &str)>,
        limit: i64,
    ) -> Result<Vec<StockBalance>> {
        let (item, unit) = after.unwrap_or(("", ""));
        let rows: Vec<(Option<String>, Option<String>, i64)> = sqlx::query_as(
            "SELECT item, unit, CAST(SUM(debit_quantity) AS BIGINT) FROM ledger_lines \
             WHERE campaign_id = $1 AND account = 'in_kind_stock' \
             AND (item > $2 OR (item = $2 AND unit > $3)) \
             GROUP BY item, unit ORDER BY item, unit LIMIT $4",
        )
        .bind(campaign_id)
        .bind(item)
        .bind(unit)
        .bind(limit)
        .fetch_all(self.reader())
        .await?;
        Ok(rows
            .into_iter()
            .map(|(item, unit, quantity)| StockBalance {
                item: item.unwrap_or_default(),
                unit: unit.unwrap_or_default(),
                quantity,
            })
            .collect())
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
