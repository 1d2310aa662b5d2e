//! One integration-test binary for twiza-iso20022: accounts, pain.001 writing and pain.002
//! reading, each file read back with quick-xml independently of the crate's own reader.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod accounts;
mod pain001;
mod pain002;
mod support;
