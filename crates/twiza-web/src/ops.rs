//! Operations: health and readiness probes, Prometheus metrics, request logging without personal
//! data, and the request timeout.

use crate::error::AppError;
use crate::AppState;
use axum::extract::{MatchedPath, Request, State};
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusHandle};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// The process-wide Prometheus recorder.
#[derive(Clone)]
pub struct Metrics(PrometheusHandle);

static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();

impl Metrics {
    /// Installs the recorder once per process and returns its handle.
    pub fn install() -> anyhow::Result<Metrics> {
        if let Some(handle) = HANDLE.get() {
            return Ok(Metrics(handle.clone()));
        }
        let recorder = PrometheusBuilder::new()
            .set_buckets(&[
                0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
            ])?
            .build_recorder();
        let handle = recorder.handle();
        // A second installer (another app in the same test process) keeps the first recorder.
        if metrics::set_global_recorder(recorder).is_ok() {
            let _ = HANDLE.set(handle.clone());
        }
        Ok(Metrics(HANDLE.get().cloned().unwrap_or(handle)))
    }
}

/// `GET /healthz`: the process is alive.
pub async fn healthz() -> &'static str {
    "ok"
}

/// `GET /readyz`: the database answers.
pub async fn readyz(State(state): State<AppState>) -> Response {
    match state.store.ping().await {
        Ok(()) => "ready".into_response(),
        Err(_) => (StatusCode::SERVICE_UNAVAILABLE, "database unavailable").into_response(),
    }
}

/// `GET /metrics` on the public address: the Prometheus text exposition for a scraper that shows
/// the configured bearer token; without one configured, the metrics are not served here
/// (`not_found`), only on the separate metrics address.
pub async fn metrics(State(state): State<AppState>, headers: axum::http::HeaderMap) -> Response {
    let Some(expected) = state.config.metrics_token_sha256 else {
        return AppError::not_found().into_response();
    };
    let presented = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(|t| token_digest(t.trim()));
    // Digests of the token are compared, so the comparison's time says nothing of the token.
    match presented {
        Some(digest) if digest == expected => exposition(&state),
        _ => AppError::unauthenticated().into_response(),
    }
}

/// The SHA-256 of a metrics token, as kept in the configuration.
pub fn token_digest(token: &str) -> [u8; 32] {
    <sha2::Sha256 as sha2::Digest>::digest(token.as_bytes()).into()
}

fn exposition(state: &AppState) -> Response {
    (
        [(header::CONTENT_TYPE, "text/plain; version=0.0.4")],
        state.metrics.0.render(),
    )
        .into_response()
}

/// The router of the separate metrics address (`metrics_listen`): `GET /metrics` alone, for a
/// scraper on the operator's own network.
pub fn metrics_router(state: AppState) -> axum::Router {
    axum::Router::new()
        .route(
            "/metrics",
            axum::routing::get(|State(state): State<AppState>| async move { exposition(&state) }),
        )
        .with_state(state)
}

/// Counts and times requests by route template (never the raw path, which may carry data), and
/// logs one line per request.
pub async fn observe(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().clone();
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "unmatched".to_owned(), |p| p.as_str().to_owned());
    let response = next.run(request).await;
    let status = response.status().as_u16();
    let elapsed = started.elapsed();
    let labels = [
        ("method", method.to_string()),
        ("route", route.clone()),
        ("status", status.to_string()),
    ];
    metrics::counter!("http_requests_total", &labels).increment(1);
    metrics::histogram!("http_request_duration_seconds", &labels[..2])
        .record(elapsed.as_secs_f64());
    let code = response.extensions().get::<AppError>().map(|e| e.code);
    tracing::info!(%method, route, status, error_code = code, latency_ms = elapsed.as_millis() as u64, "request");
    response
}

/// How long an upload from the field may take in all, its body included: an OpenRosa
/// submission (`POST …/openrosa/submission`, photos up to its own body limit) or a field app's
/// sync (`POST /field/api/{org_id}/sync`). A 3 MB photo over a weak mountain link (64 kbit/s)
/// takes about 6 minutes, far beyond the configured request timeout (which counts the body's
/// upload too); the routes' body limits still bound what is read.
pub const FIELD_UPLOAD_TIMEOUT: Duration = Duration::from_secs(15 * 60);

/// Whether a request is a field upload (see [`FIELD_UPLOAD_TIMEOUT`]).
fn is_field_upload(method: &axum::http::Method, path: &str) -> bool {
    let openrosa =
        crate::openrosa::is_openrosa_path(path) && path.ends_with("/openrosa/submission");
    let sync = path
        .strip_prefix("/field/api/")
        .and_then(|rest| rest.strip_suffix("/sync"))
        .is_some_and(|org| !org.is_empty() && org.bytes().all(|b| b.is_ascii_digit()));
    method == axum::http::Method::POST && (openrosa || sync)
}

/// The time a request may take: the configured limit, or a field upload's own.
fn time_allowed(configured: Duration, request: &Request) -> Duration {
    if is_field_upload(request.method(), request.uri().path()) {
        configured.max(FIELD_UPLOAD_TIMEOUT)
    } else {
        configured
    }
}

/// Answers `timeout` when a request runs longer than the configured limit (a field upload:
/// [`FIELD_UPLOAD_TIMEOUT`]).
pub async fn timeout(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let allowed = time_allowed(state.config.request_timeout, &request);
    match tokio::time::timeout(allowed, next.run(request)).await {
        Ok(response) => response,
        Err(_) => AppError::new(StatusCode::SERVICE_UNAVAILABLE, "timeout").into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::Body;

    fn allowed(method: &str, path: &str) -> Duration {
        let request = Request::builder()
            .method(method)
            .uri(path)
            .body(Body::empty())
            .expect("request");
        time_allowed(Duration::from_secs(30), &request)
    }

    #[test]
    fn field_uploads_have_their_own_timeout_and_nothing_else() {
        for path in [
            "/openrosa/submission",
            "/associations/12/openrosa/submission",
            "/field/api/12/sync",
        ] {
            assert_eq!(allowed("POST", path), FIELD_UPLOAD_TIMEOUT, "{path}");
            assert_eq!(allowed("GET", path), Duration::from_secs(30), "{path}");
        }
        for path in [
            "/openrosa/formList",
            "/field/api/12/bundle",
            "/field/api/x/sync",
            "/associations/12/documents",
            "/api/v1/organizations/12/households/import",
        ] {
            assert_eq!(allowed("POST", path), Duration::from_secs(30), "{path}");
        }
    }
}
