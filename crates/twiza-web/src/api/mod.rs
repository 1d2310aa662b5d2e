//! The JSON API under `/api/v1`: request extractors with stable error codes, and one module per
//! resource. API types live here, apart from the domain types they are converted from.

pub mod authorizations;
pub mod campaigns;
pub mod crisis;
pub mod donations;
pub mod duplicate_reviews;
pub mod exports;
pub mod geo;
pub mod gifts;
pub mod grievances;
pub mod ledger;
pub mod log;
pub mod logistics;
pub mod members;
pub mod missions;
pub mod open_data;
pub mod openapi;
pub mod organizations;
pub mod payment_batches;
pub mod programmes;
pub mod receipts;
pub mod registry;
pub mod reports;
pub mod tokens;
pub mod volunteers;

pub use crate::extract::{
    parse_json, path_id, path_param, require_json, require_user, ApiJson, ApiQuery, CurrentUser,
    PathId,
};

/// A response body streamed from `stream`, fused: a compressing layer polls a body once more
/// after its end, which a plain `unfold` stream answers with a panic.
pub fn streamed_body<S, T, E>(stream: S) -> axum::body::Body
where
    S: futures_util::Stream<Item = Result<T, E>> + Send + 'static,
    T: Into<axum::body::Bytes> + 'static,
    E: Into<axum::BoxError> + 'static,
{
    axum::body::Body::from_stream(futures_util::StreamExt::fuse(stream))
}
