//! The journal read back: an association's ledger lines with their entry (when, what booked
//! them), filtered by account and period, in keyset pages.

use super::Keyset;
use crate::{to_datetime, Result, Store, StoreError};
use sqlx::Row;
use time::OffsetDateTime;
use twiza_domain::ledger::Account;
use twiza_domain::OrgScope;

/// Which lines of the journal to read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JournalFilter {
    pub account: Option<Account>,
    /// Entries at or after this Unix time.
    pub from: Option<i64>,
    /// Entries before this Unix time.
    pub until: Option<i64>,
}

/// One line of the journal with its entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JournalLine {
    pub id: i64,
    pub entry_id: i64,
    pub at: OffsetDateTime,
    /// `donation`, `donations`, `expense`, `transfer_out` or `transfer_in`.
    pub source: String,
    pub source_id: i64,
    pub campaign_id: Option<i64>,
    pub account: Account,
    pub debit_centimes: i64,
    pub credit_centimes: i64,
    /// Goods lines: the item, its unit, and the quantities in and out.
    pub item: Option<String>,
    pub unit: Option<String>,
    pub debit_quantity: i64,
    pub credit_quantity: i64,
}

impl Store {
    /// Lines of the scoped association's journal matching `filter`, newest first, `limit` from
    /// where `page` starts.
    pub async fn journal(
        &self,
        scope: &OrgScope,
        filter: &JournalFilter,
        page: Keyset,
        limit: i64,
    ) -> Result<Vec<JournalLine>> {
        let mut conditions = vec!["l.organization_id = $1".to_owned()];
        let (keyset, order, bound) = page.sql("l.id", 2);
        conditions.push(keyset);
        let mut n = 2;
        let mut next = || {
            n += 1;
            n
        };
        let account_param = filter.account.map(|_| next());
        let from_param = filter.from.map(|_| next());
        let until_param = filter.until.map(|_| next());
        if let Some(p) = account_param {
            conditions.push(format!("l.account = ${p}"));
        }
        if let Some(p) = from_param {
            conditions.push(format!("e.at >= ${p}"));
        }
        if let Some(p) = until_param {
            conditions.push(format!("e.at < ${p}"));
        }
        let limit_param = next();
        let sql = format!(
            "SELECT l.id, l.entry_id, e.at, e.source, e.source_id, l.campaign_id, l.account, \
             l.debit_centimes, l.credit_centimes, l.item, l.unit, l.debit_quantity, l.credit_quantity \
             FROM ledger_lines l JOIN ledger_entries e ON e.id = l.entry_id \
             WHERE {} ORDER BY l.id {order} LIMIT ${limit_param}",
            conditions.join(" AND ")
        );
        let mut query = sqlx::query(&sql).bind(scope.org_id().0).bind(bound);
        if let Some(account) = filter.account {
            query = query.bind(account.as_str());
        }
        if let Some(from) = filter.from {
            query = query.bind(from);
        }
        if let Some(until) = filter.until {
            query = query.bind(until);
        }
        let rows = query.bind(limit).fetch_all(self.reader()).await?;
        let lines = rows
            .iter()
            .map(|row| {
                Ok(JournalLine {
                    id: row.try_get("id")?,
                    entry_id: row.try_get("entry_id")?,
                    at: to_datetime(row.try_get("at")?)?,
                    source: row.try_get("source")?,
                    source_id: row.try_get("source_id")?,
                    campaign_id: row.try_get("campaign_id")?,
                    account: Account::parse(&row.try_get::<String, _>("account")?)
                        .ok_or(StoreError::Corrupt("ledger account"))?,
                    debit_centimes: row.try_get("debit_centimes")?,
                    credit_centimes: row.try_get("credit_centimes")?,
                    item: row.try_get("item")?,
                    unit: row.try_get("unit")?,
                    debit_quantity: row.try_get("debit_quantity")?,
                    credit_quantity: row.try_get("credit_quantity")?,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(page.newest_first(lines))
    }
}
