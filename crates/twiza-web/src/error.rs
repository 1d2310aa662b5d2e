//! The error policy of the web layer.
//!
//! Domain and storage errors become an [`AppError`]: an HTTP status, a stable machine-readable
//! `code` (documented in the OpenAPI document; never renamed) and optional details (the field,
//! a limit). A storage refusal ([`StoreError::Refused`]) is answered here and nowhere else: the
//! status of its [`RefusalClass`] with the [`Refusal`]'s code. A handler returns it; [`render_errors`] — a middleware that knows the request's
//! language and whether it is an API call — turns it into `{"error":{"code","message"}}` or an
//! HTML error page with the message from the `error-<code>` key of the message files.
//! Messages never echo the rejected input.

use crate::ctx::Ctx;
use axum::extract::{Request, State};
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use twiza_domain::{FieldError, Refusal, RefusalClass};
use twiza_store::StoreError;

/// An error answered to the client.
#[derive(Debug, Clone)]
pub struct AppError {
    pub status: StatusCode,
    /// Stable code, e.g. `invalid_json`, `forbidden`, `invalid_commune`.
    pub code: &'static str,
    /// The first invalid field, when there is one.
    pub field: Option<String>,
    /// Every invalid field (validation errors).
    pub fields: Vec<FieldError>,
    pub max: Option<usize>,
    /// Seconds after which the client may try again (`Retry-After`), for 429 and 503.
    pub retry_after: Option<u64>,
}

impl AppError {
    pub fn new(status: StatusCode, code: &'static str) -> Self {
        Self {
            status,
            code,
            field: None,
            fields: Vec::new(),
            max: None,
            retry_after: None,
        }
    }

    pub fn with_field(mut self, field: impl Into<String>) -> Self {
        self.field = Some(field.into());
        self
    }

    pub fn not_found() -> Self {
        Self::new(StatusCode::NOT_FOUND, "not_found")
    }
    pub fn forbidden() -> Self {
        Self::new(StatusCode::FORBIDDEN, "forbidden")
    }
    pub fn unauthenticated() -> Self {
        Self::new(StatusCode::UNAUTHORIZED, "unauthenticated")
    }
    pub fn bad_request(code: &'static str) -> Self {
        Self::new(StatusCode::BAD_REQUEST, code)
    }
    /// Too many requests: 429 `rate_limited`, to be tried again after `seconds`.
    pub fn rate_limited(seconds: u64) -> Self {
        Self {
            retry_after: Some(seconds.max(1)),
            ..Self::new(StatusCode::TOO_MANY_REQUESTS, "rate_limited")
        }
    }
    pub fn internal() -> Self {
        Self::new(StatusCode::INTERNAL_SERVER_ERROR, "internal")
    }

    /// Validation errors: 422 with the code of the first one (so a single bad field reports its
    /// precise code, e.g. `invalid_commune`) and the whole list.
    pub fn invalid(fields: Vec<FieldError>) -> Self {
        let first = fields.first().cloned();
        Self {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            code: first.as_ref().map_or("validation", |f| f.code),
            field: first.as_ref().map(|f| f.field.to_owned()),
            max: first.and_then(|f| f.max),
            fields,
            retry_after: None,
        }
    }

    /// The message key of this error in the message files.
    pub fn message_key(code: &str) -> String {
        twiza_i18n::error_key(code)
    }
}

impl From<FieldError> for AppError {
    fn from(e: FieldError) -> Self {
        AppError::invalid(vec![e])
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => AppError::not_found(),
            StoreError::Refused(refusal) => refusal.into(),
            other => {
                // The storage error text holds no personal data (values are bound, not formatted).
                tracing::error!(error = %other, "storage failure");
                AppError::internal()
            }
        }
    }
}

/// The one place a refusal becomes an answer: the status of its class, its code, and the field
/// it names if any (an invalid field is also listed in `fields`, like any validation error).
impl From<Refusal> for AppError {
    fn from(refusal: Refusal) -> Self {
        let status = match refusal.class() {
            RefusalClass::Conflict => StatusCode::CONFLICT,
            RefusalClass::Invalid => StatusCode::UNPROCESSABLE_ENTITY,
            RefusalClass::Forbidden => StatusCode::FORBIDDEN,
        };
        match (refusal.class(), refusal.field()) {
            (RefusalClass::Invalid, Some(field)) => {
                AppError::invalid(vec![FieldError::new(field, refusal.code())])
            }
            (_, Some(field)) => AppError::new(status, refusal.code()).with_field(field),
            (_, None) => AppError::new(status, refusal.code()),
        }
    }
}

/// The answer to a donation the sequencer refused (nothing was written).
impl From<twiza_store::DonationRefused> for AppError {
    fn from(e: twiza_store::DonationRefused) -> Self {
        use twiza_store::DonationRefused;
        match e {
            DonationRefused::UnknownCampaign => AppError::not_found(),
            DonationRefused::NotCollecting(code) => AppError::new(StatusCode::CONFLICT, code),
            DonationRefused::IdempotencyConflict => {
                AppError::new(StatusCode::CONFLICT, "idempotency_conflict")
            }
            DonationRefused::Unavailable => {
                AppError::new(StatusCode::SERVICE_UNAVAILABLE, "unavailable")
            }
            DonationRefused::Store(e) => e.into(),
        }
    }
}

/// The answer to a use case of the application layer that did not do what was asked.
impl From<twiza_app::Error> for AppError {
    fn from(e: twiza_app::Error) -> Self {
        use twiza_app::Error;
        match e {
            Error::NotFound => AppError::not_found(),
            Error::Forbidden => AppError::forbidden(),
            Error::Invalid(fields) => AppError::invalid(fields),
            Error::InvalidQuery { field } => {
                AppError::bad_request("invalid_query").with_field(field)
            }
            Error::Refused(refusal) => refusal.into(),
            Error::RateLimited { retry_after } => AppError::rate_limited(retry_after),
            Error::Internal(what) => {
                tracing::error!(what, "internal failure");
                AppError::internal()
            }
            Error::FileRefused { code, detail } => {
                let error = AppError::new(StatusCode::UNPROCESSABLE_ENTITY, code);
                match detail {
                    Some(detail) => error.with_field(detail),
                    None => error,
                }
            }
            Error::Donation(e) => e.into(),
            Error::Store(e) => e.into(),
        }
    }
}

impl From<twiza_app::accounts::HashError> for AppError {
    fn from(_: twiza_app::accounts::HashError) -> Self {
        AppError::internal()
    }
}

impl From<anyhow::Error> for AppError {
    fn from(e: anyhow::Error) -> Self {
        tracing::error!(error = %e, "internal failure");
        AppError::internal()
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let mut response = self.status.into_response();
        if let Some(seconds) = self.retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, header::HeaderValue::from(seconds));
        }
        response.extensions_mut().insert(self);
        response
    }
}

pub type AppResult<T> = Result<T, AppError>;

#[derive(Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

/// The error object of every API failure.
#[derive(Serialize, utoipa::ToSchema)]
pub struct ErrorDetail {
    /// Stable machine-readable code.
    pub code: String,
    /// Human-readable message in the caller's language.
    pub message: String,
    /// The (first) invalid field, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// All invalid fields with their codes, for validation errors.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldDetail>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct FieldDetail {
    pub field: String,
    pub code: String,
    pub message: String,
}

/// An error answered by the framework itself rather than by a handler — a body over the limit
/// (413), a method the route lacks (405), a body that could not be read — as the [`AppError`] of
/// its status, so it is rendered like every other error. A page or JSON body a handler wrote
/// with an error status (a form shown again with its errors) is left as it is.
fn framework_error(response: &Response) -> Option<AppError> {
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return None;
    }
    let content_type = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    if content_type.starts_with("text/html") || content_type.starts_with("application/json") {
        return None;
    }
    let code = match status {
        StatusCode::NOT_FOUND => "not_found",
        StatusCode::METHOD_NOT_ALLOWED => "method_not_allowed",
        StatusCode::PAYLOAD_TOO_LARGE => "payload_too_large",
        StatusCode::UNSUPPORTED_MEDIA_TYPE => "unsupported_media_type",
        StatusCode::TOO_MANY_REQUESTS => "rate_limited",
        StatusCode::REQUEST_TIMEOUT | StatusCode::GATEWAY_TIMEOUT => "timeout",
        s if s.is_server_error() => "internal",
        _ => "bad_request",
    };
    Some(AppError::new(status, code))
}

/// Turns an [`AppError`] left in a response into a localized body: JSON under `/api/`, the
/// code alone in plain text under `/channels/`, an HTML page elsewhere.
pub async fn render_errors(
    State(state): State<crate::AppState>,
    request: Request,
    next: Next,
) -> Response {
    // Keep only what a localized error needs (cheap clones); build the context on errors only.
    let uri = request.uri().clone();
    let mut language_headers = axum::http::HeaderMap::new();
    for name in [header::COOKIE, header::ACCEPT_LANGUAGE] {
        for value in request.headers().get_all(&name) {
            language_headers.append(name.clone(), value.clone());
        }
    }
    let response = next.run(request).await;
    let Some(error) = response
        .extensions()
        .get::<AppError>()
        .cloned()
        .or_else(|| framework_error(&response))
    else {
        return response;
    };
    if crate::openrosa::is_openrosa_path(uri.path()) {
        // Collect reads OpenRosa responses: an error the handler did not answer itself (a
        // method the route lacks, a body over the limit) becomes one.
        let is_xml = response
            .headers()
            .get(header::CONTENT_TYPE)
            .is_some_and(|v| v.as_bytes().starts_with(b"text/xml"));
        if is_xml {
            return response;
        }
        let locale = twiza_i18n::negotiate(
            crate::auth::cookie(&language_headers, crate::auth::LANG_COOKIE),
            language_headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok()),
        );
        return crate::openrosa::error_response(&state, locale, &error);
    }
    if uri.path().starts_with("/channels/") {
        // Gateways read no page, and the address of their requests holds a secret and a
        // phone number: a channel's error is its code alone.
        let mut rendered = (
            error.status,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            error.code,
        )
            .into_response();
        rendered.extensions_mut().insert(error);
        return rendered;
    }
    let is_api = uri.path().starts_with("/api/");
    let ctx = Ctx::for_error(&state, &language_headers, &uri);
    let mut extra = response.headers().clone();
    extra.remove(header::CONTENT_TYPE);
    extra.remove(header::CONTENT_LENGTH);
    let message = ctx.error_message(&error);
    let mut rendered = if is_api {
        let fields = error
            .fields
            .iter()
            .map(|f| FieldDetail {
                field: f.field.to_owned(),
                code: f.code.to_owned(),
                message: ctx.field_message(f),
            })
            .collect();
        let body = ErrorBody {
            error: ErrorDetail {
                code: error.code.to_owned(),
                message,
                field: error.field.clone(),
                fields,
            },
        };
        (error.status, axum::Json(body)).into_response()
    } else {
        crate::pages::error_page(&ctx, error.status, &message)
    };
    rendered.headers_mut().extend(extra);
    rendered.extensions_mut().insert(error);
    rendered
}
