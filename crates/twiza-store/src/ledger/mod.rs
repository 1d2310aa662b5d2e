//! The association ledger: journal entries and lines (double entry, built by
//! `twiza_domain::ledger`), expenses with evidence and two-person approval, transfers between
//! associations, balances, the trial balance and the campaign report.
//!
//! Every posting happens in the transaction of the change it books, and every money event is
//! appended to the transparency log in that same transaction: confirmed donations by the
//! sequencer ([`post_donations`], one multi-row write per batch), approved expenses and
//! confirmed transfers here.

mod balances;
mod entries;
mod expenses;
mod transfers;

pub use balances::{
    AccountBalance, CampaignReport, StockBalance, TrialBalance, REPORT_IN_KIND_LINES,
};
pub(crate) use entries::{donation_postings, post_donations, DonationPosting};
pub use expenses::{Expense, NewExpense};
pub use transfers::{NewTransfer, Transfer};
