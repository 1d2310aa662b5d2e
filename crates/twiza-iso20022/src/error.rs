//! The crate's one error type, with a stable machine-readable code for every variant.

/// Everything that can go wrong while validating, writing or reading a payment file.
///
/// `field` names the place in the model (or the XML path when reading) so that a caller can
/// point the treasurer at the offending line; [`Error::code`] is stable and meant for APIs and
/// logs, the `Display` text is for developers.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A batch without any credit transfer line.
    #[error("the batch has no credit transfer line")]
    EmptyBatch,
    /// An IBAN that fails the ISO 13616 format or its mod-97 check.
    #[error("{field}: invalid IBAN {value:?}")]
    InvalidIban { field: String, value: String },
    /// A non-IBAN account identification (e.g. a Moroccan RIB) that is malformed.
    #[error("{field}: invalid account identification {value:?}: {reason}")]
    InvalidAccount {
        field: String,
        value: String,
        reason: &'static str,
    },
    /// A BIC that does not match the ISO 9362 pattern of the schema.
    #[error("{field}: invalid BIC {value:?}")]
    InvalidBic { field: String, value: String },
    /// A text longer than the schema allows (lengths are counted in characters).
    #[error("{field}: {len} characters, at most {max} allowed")]
    TextTooLong {
        field: String,
        max: usize,
        len: usize,
    },
    /// A mandatory text that is empty or only whitespace.
    #[error("{field}: must not be empty")]
    TextEmpty { field: String },
    /// A text with a character that XML 1.0 or the field's character set forbids.
    #[error("{field}: character {ch:?} is not allowed here")]
    InvalidCharacter { field: String, ch: char },
    /// An identifier breaking the identifier rules (leading/trailing `/`, `//`).
    #[error("{field}: invalid identifier {value:?}: {reason}")]
    InvalidIdentifier {
        field: String,
        value: String,
        reason: &'static str,
    },
    /// Two lines of one batch with the same end-to-end id (pain.002 could not tell them apart).
    #[error("end-to-end id {0:?} appears more than once in the batch")]
    DuplicateEndToEndId(String),
    /// An amount of zero or less.
    #[error("{field}: amount must be positive, got {centimes} centimes")]
    AmountNotPositive { field: String, centimes: i64 },
    /// An amount or control sum beyond the schema's 18 total digits.
    #[error("{field}: amount too large for the schema")]
    AmountTooLarge { field: String },
    /// Lines streamed into a writer that do not add up to the totals declared in its header.
    #[error(
        "lines add up to {actual_count} transactions / {actual_sum} centimes, \
         the header declared {declared_count} / {declared_sum}"
    )]
    ControlMismatch {
        declared_count: u64,
        declared_sum: i64,
        actual_count: u64,
        actual_sum: i64,
    },
    /// A currency that is not three upper-case letters, or lines mixing currencies.
    #[error("{field}: invalid currency {value:?}")]
    InvalidCurrency { field: String, value: String },
    /// A date or time that cannot be written as an ISO 8601 value of the schema.
    #[error("{field}: cannot be written as an ISO date/time")]
    InvalidDate { field: String },
    /// A coded value outside the values the chosen message version allows.
    #[error("{field}: invalid value {value:?}")]
    InvalidValue { field: String, value: String },
    /// Input that is not well-formed XML (truncated, garbage, mismatched tags).
    #[error("malformed XML at byte {position}: {message}")]
    MalformedXml { position: u64, message: String },
    /// Well-formed XML that is not a message this crate reads (other root, namespace or version).
    #[error("unsupported message: {found}")]
    UnsupportedMessage { found: String },
    /// A mandatory element missing from a message being read.
    #[error("missing element {path}")]
    MissingElement { path: String },
    /// The writer's destination failed.
    #[error("I/O error while writing: {0}")]
    Io(#[from] std::io::Error),
}

impl Error {
    /// Prefixes the field an error names (`creditor_name` → `lines[7].creditor_name`), so the
    /// per-line checks need not format field names unless something is wrong.
    pub(crate) fn in_field(mut self, prefix: &str) -> Self {
        match &mut self {
            Error::InvalidIban { field, .. }
            | Error::InvalidAccount { field, .. }
            | Error::InvalidBic { field, .. }
            | Error::TextTooLong { field, .. }
            | Error::TextEmpty { field }
            | Error::InvalidCharacter { field, .. }
            | Error::InvalidIdentifier { field, .. }
            | Error::AmountNotPositive { field, .. }
            | Error::AmountTooLarge { field }
            | Error::InvalidCurrency { field, .. }
            | Error::InvalidDate { field }
            | Error::InvalidValue { field, .. } => *field = format!("{prefix}{field}"),
            _ => {}
        }
        self
    }

    /// A stable, machine-readable code (snake_case) for this error.
    pub fn code(&self) -> &'static str {
        match self {
            Error::EmptyBatch => "empty_batch",
            Error::InvalidIban { .. } => "invalid_iban",
            Error::InvalidAccount { .. } => "invalid_account",
            Error::InvalidBic { .. } => "invalid_bic",
            Error::TextTooLong { .. } => "text_too_long",
            Error::TextEmpty { .. } => "text_empty",
            Error::InvalidCharacter { .. } => "invalid_character",
            Error::InvalidIdentifier { .. } => "invalid_identifier",
            Error::DuplicateEndToEndId(_) => "duplicate_end_to_end_id",
            Error::AmountNotPositive { .. } => "amount_not_positive",
            Error::AmountTooLarge { .. } => "amount_too_large",
            Error::ControlMismatch { .. } => "control_mismatch",
            Error::InvalidCurrency { .. } => "invalid_currency",
            Error::InvalidDate { .. } => "invalid_date",
            Error::InvalidValue { .. } => "invalid_value",
            Error::MalformedXml { .. } => "malformed_xml",
            Error::UnsupportedMessage { .. } => "unsupported_message",
            Error::MissingElement { .. } => "missing_element",
            Error::Io(_) => "io",
        }
    }
}
