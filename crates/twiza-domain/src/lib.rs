//! Twiza's domain: identifiers, validated values, roles and tenancy rules. No I/O, no HTTP, no SQL.

#[macro_use]
mod macros;

pub mod account;
pub mod alert;
pub mod campaign;
pub mod competence;
pub mod crisis;
pub mod donation;
pub mod donor;
pub mod grievance;
pub mod ids;
pub mod leaf;
pub mod ledger;
pub mod logistics;
pub mod money;
pub mod organization;
pub mod phone;
pub mod pmt;
pub mod programme;
pub mod refusal;
pub mod registry;
pub mod registry_file;
pub mod registry_xlsx;
pub mod roles;
pub mod sms_segments;
pub mod tenancy;
pub mod text;
pub mod volunteer;
pub mod volunteer_certificate;
pub mod volunteer_contract;

pub use ids::{OrgId, UserId};
pub use refusal::{Refusal, RefusalClass};
pub use roles::{OrgRole, PlatformRole};
pub use tenancy::OrgScope;
pub use text::FieldError;
