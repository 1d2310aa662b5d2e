//! Incidents, douars, needs and pledges: their writes (each in one transaction, checked before
//! the first write), the coverage of every commune and douar, and keyset pages for lists and
//! streamed exports.

mod assignments;
mod coverage;
mod exports;
mod incidents;
mod intake;
mod load;
mod needs;
mod pledges;

pub use assignments::{ContactRelease, NeedAssignment};
pub use coverage::{Coverage, CoverageWarning};
pub use exports::{ActivityRow, ActivitySummary, LocatedNeed};
pub(crate) use incidents::check_place_of;
pub use incidents::{Douar, Incident};
pub use intake::{NeedIntake, NeedReport, Reporter, RetryKey};
pub use load::{LoadedNeed, LoadedPledge};
pub use needs::{Need, NeedFilter, ReportedNeed};
pub use pledges::Pledge;

use twiza_domain::crisis::GeoPoint;

fn point(lat: Option<i64>, lon: Option<i64>) -> Option<GeoPoint> {
    match (lat, lon) {
        (Some(lat_e6), Some(lon_e6)) => Some(GeoPoint { lat_e6, lon_e6 }),
        _ => None,
    }
}
