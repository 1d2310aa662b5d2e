//! Balances read from the books: what a campaign has left to spend, an association's trial
//! balance and a campaign's report with its in-kind lines.

use crate::{Result, Store, StoreError};
use sqlx::AnyConnection;
use twiza_domain::donation::PaymentMethod;
use twiza_domain::ledger::{Account, ExpenseCategory};
use twiza_domain::OrgScope;

/// What a campaign still has to spend: money raised, minus approved expenses and confirmed
/// transfers out.
pub(super) async fn campaign_available(
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
