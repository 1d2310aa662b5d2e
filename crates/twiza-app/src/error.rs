//! What a use case answers when it does not do what was asked: each face (the API, the pages,
//! the CLI, the channels) turns these into its own kind of answer in one place.

use twiza_domain::{FieldError, Refusal};
use twiza_store::{DonationRefused, StoreError};

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// What the request names does not exist, or the caller may not know that it does.
    #[error("not found")]
    NotFound,
    /// The caller may not do this.
    #[error("forbidden")]
    Forbidden,
    /// Some inputs are invalid; every invalid field is named.
    #[error("invalid input")]
    Invalid(Vec<FieldError>),
    /// A filter of a query is not understood (the field is named).
    #[error("invalid query")]
    InvalidQuery { field: &'static str },
    /// A rule refused the request; nothing was written.
    #[error("refused: {}", .0.code())]
    Refused(Refusal),
    /// The address of a need reporter is over its bounds: it may report again after the
    /// seconds given.
    #[error("rate limited")]
    RateLimited { retry_after: u64 },
    /// A part Twiza depends on failed (storage, a sealed value that does not open, a missing
    /// log leaf); the message holds no personal data.
    #[error("internal failure: {0}")]
    Internal(&'static str),
    /// A file the request carries is refused — a bank file that cannot be made, a status
    /// report that cannot be read or speaks of another batch: `code` says what, `detail` where.
    #[error("file refused: {code}")]
    FileRefused {
        code: &'static str,
        detail: Option<&'static str>,
    },
    /// The donation sequencer refused the donation; nothing was written.
    #[error(transparent)]
    Donation(DonationRefused),
    #[error(transparent)]
    Store(StoreError),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl From<StoreError> for Error {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => Error::NotFound,
            StoreError::Refused(refusal) => Error::Refused(refusal),
            other => Error::Store(other),
        }
    }
}

impl From<Refusal> for Error {
    fn from(refusal: Refusal) -> Self {
        Error::Refused(refusal)
    }
}

impl From<FieldError> for Error {
    fn from(e: FieldError) -> Self {
        Error::Invalid(vec![e])
    }
}

impl From<Vec<FieldError>> for Error {
    fn from(e: Vec<FieldError>) -> Self {
        Error::Invalid(e)
    }
}

impl From<DonationRefused> for Error {
    fn from(e: DonationRefused) -> Self {
        match e {
            DonationRefused::Store(e) => e.into(),
            other => Error::Donation(other),
        }
    }
}
