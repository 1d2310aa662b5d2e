//! Twiza's web face: the axum router, HTML pages, the JSON API under `/api/v1`, authentication,
//! the authorization layer and the operational endpoints.
//!
//! Every route is declared once in [`routes::table`] with its [`authz::Access`] policy; the router
//! is built only from that table, so no route escapes the authorization layer.

pub mod api;
pub mod auth;
pub mod authz;
pub mod ctx;
pub mod error;
pub mod ops;
pub mod pages;
pub mod routes;

use std::sync::Arc;
use std::time::Duration;
use twiza_i18n::Messages;
use twiza_store::Store;

/// Settings of the web layer.
#[derive(Debug, Clone)]
pub struct WebConfig {
    /// Mark cookies `Secure` (on when the public URL is https).
    pub secure_cookies: bool,
    /// Longest time a request may take before it is answered with `timeout`.
    pub request_timeout: Duration,
    /// Lifetime of a web session.
    pub session_ttl: Duration,
    /// Failed sign-ins allowed per account (and per client address, ×5) in the window.
    pub sign_in_failures_allowed: i64,
    pub sign_in_window: Duration,
    /// Largest JSON or form body accepted.
    pub max_body_bytes: usize,
}

impl Default for WebConfig {
    fn default() -> Self {
        Self {
            secure_cookies: false,
            request_timeout: Duration::from_secs(30),
            session_ttl: Duration::from_secs(7 * 24 * 3600),
            sign_in_failures_allowed: 10,
            sign_in_window: Duration::from_secs(15 * 60),
            max_body_bytes: 256 * 1024,
        }
    }
}

/// What every handler can reach. Cheap to clone.
#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    pub messages: Arc<Messages>,
    pub config: Arc<WebConfig>,
    pub metrics: ops::Metrics,
}

impl AppState {
    pub fn new(store: Store, config: WebConfig) -> anyhow::Result<AppState> {
        Ok(AppState {
            store,
            messages: Arc::new(Messages::load()?),
            config: Arc::new(config),
            metrics: ops::Metrics::install()?,
        })
    }
}

/// The whole application as one router.
pub fn app(state: AppState) -> axum::Router {
    routes::router(state)
}
