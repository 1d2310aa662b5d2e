//! The association ledger: journal entries and lines (double entry, built by
//! `twiza_domain::ledger`), expenses with evidence and two-person approval, transfers between
//! associations, balances, the trial balance and the campaign report.
//!
//! Every posting happens in the transaction of the change it books, and every money event is
//! appended to the transparency log in that same transaction: confirmed donations by the
//! sequencer ([`post_donations`], one multi-row write per batch), approved expenses and
//! confirmed transfers here.
//!
//! Lists read by the treasury's pages come in keyset pages ([`Keyset`]): newest first, a page
//! before or after an id.

mod balances;
mod entries;
mod expenses;
mod journal;
mod transfers;

pub use balances::{
    AccountBalance, CampaignReport, StockBalance, TrialBalance, REPORT_IN_KIND_LINES,
};
pub(crate) use entries::{donation_postings, post_donations, DonationPosting};
pub use expenses::{Expense, NewExpense};
pub use journal::{JournalFilter, JournalLine};
pub use transfers::{NewTransfer, Transfer};

/// Where a page of a newest-first list starts: the newest items, those older than an id
/// (`before`), or those newer than an id (`after`). Pages are always returned newest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Keyset {
    #[default]
    Newest,
    Before(i64),
    After(i64),
}

impl Keyset {
    /// The condition on `column` (its id bound as `$n`), the order to read in, and the id bound.
    pub(crate) fn sql(self, column: &str, n: usize) -> (String, &'static str, i64) {
        match self {
            Keyset::Newest => (format!("{column} < ${n}"), "DESC", i64::MAX),
            Keyset::Before(id) => (format!("{column} < ${n}"), "DESC", id),
            Keyset::After(id) => (format!("{column} > ${n}"), "ASC", id),
        }
    }

    /// Puts a page read in [`Keyset::sql`]'s order back to newest first.
    pub(crate) fn newest_first<T>(self, mut items: Vec<T>) -> Vec<T> {
        if matches!(self, Keyset::After(_)) {
            items.reverse();
        }
        items
    }
}
