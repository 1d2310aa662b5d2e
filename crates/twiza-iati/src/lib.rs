//! IATI 2.03 activity files: the codelists Twiza uses (`codelists`), how Twiza's campaigns and
//! programmes map onto them (`mapping`), and a streaming writer of `<iati-activities>` XML
//! (`writer`). No I/O beyond the writer it is given; see `docs/iati.md` for what is published.
//!
//! Amounts are integer centimes of Moroccan dirhams, written with exactly two decimals.
//! Error policy: one [`Error`] (thiserror) with a stable [`Error::code`]; nothing here panics.

pub mod codelists;
pub mod mapping;
pub mod writer;

pub use codelists::{
    ActivityDateType, ActivityStatus, OrganisationRole, OrganisationType, Sector, TransactionType,
};
pub use writer::{
    ActivitiesWriter, Activity, ActivityDate, Location, Narratives, Organisation, Transaction,
};

/// What can go wrong while writing an activity file.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The destination refused the bytes.
    #[error("write failed: {0}")]
    Io(#[from] std::io::Error),
    /// A transaction of zero or less (IATI values here are money that moved).
    #[error("a transaction's value must be positive")]
    NonPositiveValue,
    /// An activity without any date (the schema requires at least one).
    #[error("an activity needs at least one date")]
    NoDate,
    /// An identifier empty or with whitespace or `/`.
    #[error("invalid identifier")]
    InvalidIdentifier,
    /// A date or time that cannot be written.
    #[error("invalid date or time")]
    InvalidDate,
}

impl Error {
    /// The stable code of the error.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Io(_) => "iati_write_failed",
            Error::NonPositiveValue => "iati_non_positive_value",
            Error::NoDate => "iati_no_date",
            Error::InvalidIdentifier => "iati_invalid_identifier",
            Error::InvalidDate => "iati_invalid_date",
        }
    }
}

/// `12345` centimes → `"123.45"`.
pub fn format_centimes(centimes: i64) -> String {
    let sign = if centimes < 0 { "-" } else { "" };
    let abs = centimes.unsigned_abs();
    format!("{sign}{}.{:02}", abs / 100, abs % 100)
}
