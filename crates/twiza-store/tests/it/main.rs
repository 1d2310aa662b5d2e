//! Backend-generic storage suite: every test runs on SQLite and on PostgreSQL.
//!
//! PostgreSQL comes from `TWIZA_TEST_POSTGRES_URL`; each test gets a fresh schema. Without the
//! variable the PostgreSQL half is skipped with a loud message, except under `CI`, where it fails.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod administration;
mod audit;
mod competence;
mod crisis;
mod donation_listing;
mod field;
mod grievances;
mod harness;
mod intake;
mod ledger;
mod mail;
mod members;
mod openrosa;
mod phone;
mod registry;
mod schema;
mod sealed;
mod sms;
mod suite;
mod volunteers;
