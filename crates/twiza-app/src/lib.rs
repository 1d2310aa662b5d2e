//! Twiza's application layer: the use cases that every face — pages, the JSON API, the CLI, and
//! soon SMS, USSD and the offline app — calls the same way. No HTTP, no HTML: domain inputs and
//! the acting person in, domain results or a typed refusal out.
//!
//! This is the first slice: accounts (password hashes, API tokens), the sealing of personal data
//! at rest, the public references of reported needs, and donation receipts. The other areas still live in
//! `twiza-web`'s handlers and move here one by one.

pub mod accounts;
pub mod crisis;
pub mod receipts;
pub mod sealing;
