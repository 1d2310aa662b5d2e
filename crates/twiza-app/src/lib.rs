//! Twiza's application layer: the use cases that every face — pages, the JSON API, the CLI, and
//! soon SMS, USSD and the offline app — calls the same way. No HTTP, no HTML: domain inputs and
//! the acting person in, domain results or a typed refusal out.
//!
//! The areas here so far: accounts (password hashes, API tokens), platform administration,
//! associations (with their documents), campaigns, gifts, crisis (needs), donation receipts and
//! the sealing of personal data at rest. The other
//! areas' use cases still live in `twiza-web`'s API handlers and move here one by one.

pub mod accounts;
pub mod administration;
pub mod campaigns;
pub mod crisis;
mod error;
pub mod gifts;
pub mod organizations;
pub mod receipts;
pub mod sealing;

pub use error::{Error, Result};
