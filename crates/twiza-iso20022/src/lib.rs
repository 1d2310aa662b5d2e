//! ISO 20022 payment files for Twiza's cash transfers: writing `pain.001.001.09` credit-transfer
//! initiations for an association's bank, and reading (and, for demos and tests, writing)
//! `pain.002` customer payment status reports. No I/O beyond the reader or writer it is given.
//!
//! Amounts are integer centimes (`i64`) everywhere and are written with exactly two decimals.
//! Every file is validated before a byte is written, and the same input always gives the same
//! bytes. See `docs/payments-iso20022.md` for the field mapping and the rules.
//!
//! Error policy: one [`Error`] enum (thiserror) whose [`Error::code`] is stable; nothing here
//! panics on any input.

mod account;
mod error;
pub mod pain001;
pub mod pain002;
mod text;
mod xml;

pub use account::{
    check_bic, check_iban, is_valid_bic, is_valid_iban, is_valid_moroccan_rib,
    moroccan_iban_from_rib, moroccan_rib_key, normalize_iban, Account, AccountScheme,
};
pub use error::Error;
pub use text::{format_centimes, parse_centimes, MAX_CENTIMES};
