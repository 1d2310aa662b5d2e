//! What the treasury's ledger pages (expenses, transfers, books) share: keyset pages read from
//! the query string with their "newer" and "older" links, and the words for the ledger's
//! statuses, accounts and sources.

use crate::ctx::Ctx;
use twiza_domain::ledger::{Account, ExpenseStatus, PaidFrom, TransferStatus};
use twiza_store::Keyset;

/// Rows on one page of a ledger list.
pub const PAGE_ROWS: i64 = 50;

/// Where a list page starts, from `?before=ID` or `?after=ID` (anything else: the newest).
pub fn keyset(before: Option<i64>, after: Option<i64>) -> Keyset {
    match (before, after) {
        (Some(id), _) => Keyset::Before(id),
        (None, Some(id)) => Keyset::After(id),
        (None, None) => Keyset::Newest,
    }
}

/// The links around a page of a newest-first list.
#[derive(Default)]
pub struct PageLinks {
    /// To the newer items (`after=` the first id shown).
    pub newer: Option<String>,
    /// To the older items (`before=` the last id shown).
    pub older: Option<String>,
}

impl PageLinks {
    /// The links of a page read as `PAGE_ROWS + 1` rows from `page` (the extra row tells
    /// whether more exist); truncates `rows` to the page. `base` is the page's address with
    /// its filters, to which `before=` or `after=` is added.
    pub fn of<T>(rows: &mut Vec<T>, page: Keyset, id: impl Fn(&T) -> i64, base: &str) -> Self {
        let more = rows.len() as i64 > PAGE_ROWS;
        match page {
            // Read oldest first and reversed: the extra row is the newest one.
            Keyset::After(_) if more => {
                rows.remove(0);
            }
            _ => rows.truncate(PAGE_ROWS as usize),
        }
        let join = if base.contains('?') { '&' } else { '?' };
        let first = rows.first().map(&id);
        let last = rows.last().map(&id);
        let newer_exists = match page {
            Keyset::Newest => false,
            Keyset::Before(_) => true,
            Keyset::After(_) => more,
        };
        let older_exists = match page {
            Keyset::After(_) => true,
            _ => more,
        };
        PageLinks {
            newer: first
                .filter(|_| newer_exists)
                .map(|f| format!("{base}{join}after={f}")),
            older: last
                .filter(|_| older_exists)
                .map(|l| format!("{base}{join}before={l}")),
        }
    }
}

impl Ctx {
    pub fn expense_status_name(&self, status: &ExpenseStatus) -> String {
        self.t(&format!("expense-status-{}", status.as_str()))
    }

    pub fn transfer_status_name(&self, status: &TransferStatus) -> String {
        self.t(&format!("transfer-status-{}", status.as_str()))
    }

    pub fn paid_from_name(&self, paid_from: &PaidFrom) -> String {
        self.t(&format!(
            "ledger-account-{}",
            paid_from.as_str().replace('_', "-")
        ))
    }

    pub fn account_name(&self, account: &Account) -> String {
        self.t(&format!(
            "ledger-account-{}",
            account.as_str().replace('_', "-")
        ))
    }

    /// What booked a journal entry (`donation`, `expense`, …), in words.
    pub fn entry_source_name(&self, source: &str) -> String {
        let key = match source {
            "donation" | "donations" => "ledger-source-donation",
            "expense" => "ledger-source-expense",
            "transfer_out" => "ledger-source-transfer-out",
            _ => "ledger-source-transfer-in",
        };
        self.t(key)
    }

    /// An expense's description in the reader's language (Arabic for Arabic, French otherwise).
    pub fn expense_description<'a>(&self, e: &'a twiza_store::Expense) -> &'a str {
        match self.locale {
            twiza_i18n::Locale::Ar => &e.description_ar,
            _ => &e.description_fr,
        }
    }

    /// The day of a moment, in the reader's format.
    pub fn day(&self, at: &time::OffsetDateTime) -> String {
        self.date(&at.date())
    }
}
