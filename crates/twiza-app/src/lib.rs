//! Twiza's application layer: the use cases that every face — pages, the JSON API, the CLI, and
//! soon SMS, USSD and the offline app — calls the same way. No HTTP, no HTML: domain inputs and
//! the acting person in, domain results or a typed refusal out.
//!
//! The areas here so far: accounts (password hashes, API tokens, password links), platform
//! administration, associations (with invitations by e-mail and their documents), campaigns,
//! e-mail (the outbox's sender, notifications), gifts, donations recorded by the treasury, the
//! ledger (expenses, transfers, the books), payment batches, social programmes (rules, cycles,
//! the two-person approval), crisis (needs), the beneficiary
//! registry (households, rectification, consent, household files), volunteers and their hosts'
//! accreditations (Law 06-18), donation receipts and the
//! sealing of personal data at rest. The other areas' use cases still live in
//! `twiza-web`'s API handlers and move here one by one.

pub mod accounts;
pub mod administration;
pub mod alerts;
pub mod campaigns;
pub mod crisis;
pub mod donations;
mod error;
pub mod field;
pub mod field_sync;
pub mod gifts;
pub mod grievances;
pub mod iati;
pub mod ledger;
pub mod logistics;
pub mod mail;
pub mod missions;
pub mod notices;
pub mod open_data;
pub mod openrosa;
pub mod organizations;
pub mod payment_batches;
pub mod phone;
pub mod programmes;
pub mod receipts;
pub mod registry;
pub mod sealing;
pub mod sms;
pub mod volunteer_contracts;
pub mod volunteer_ground;
pub mod volunteer_register;
pub mod volunteers;

pub use error::{Error, Result};
