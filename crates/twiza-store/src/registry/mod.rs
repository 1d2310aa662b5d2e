//! The beneficiary registry's storage: registering households (one at a time or millions in one
//! transaction), sealing identifiers, reading personal data (always written to the access log),
//! exact lookup by blind index, the data-subject export, rectification, consent and retention.

mod export;
mod households;
mod persons;
mod registration;
mod retention;
mod search;
mod subject;
mod uploads;

pub use export::ExportedHousehold;
pub(crate) use households::{log_read, own_household};
pub use households::{HouseholdView, PersonView, ReadRecord, ReadScope, Reader};
pub use persons::Rectification;
pub use registration::{HouseholdRecord, IndexValue, Registration};
pub use retention::{spawn_retention, JobRun, RETENTION_CHECK, RETENTION_JOB};
pub use search::{HouseholdPage, HouseholdSearch, HouseholdSummary};
pub use subject::{
    SubjectConsent, SubjectDelivery, SubjectEntitlement, SubjectExport, SubjectIndex,
};
