//! Request extractors with stable error codes, shared by the JSON API and the pages: a JSON
//! body, query-string parameters, numeric path ids and the signed-in caller.

use crate::error::AppError;
use crate::AppState;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{header, StatusCode};
use serde::de::DeserializeOwned;

/// A JSON body. Rejections carry stable codes: `unsupported_media_type`, `payload_too_large`,
/// `invalid_json`, `unknown_field`, `missing_field`, `wrong_type`.
pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned> FromRequest<AppState> for ApiJson<T> {
    type Rejection = AppError;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, AppError> {
        require_json(request.headers())?;
        let bytes = axum::body::Bytes::from_request(request, state)
            .await
            .map_err(|_| AppError::new(StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large"))?;
        parse_json(&bytes).map(ApiJson)
    }
}

/// Refuses a body whose `Content-Type` is not `application/json` (`unsupported_media_type`).
pub fn require_json(headers: &axum::http::HeaderMap) -> Result<(), AppError> {
    let is_json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            let mime = v.split(';').next().unwrap_or_default().trim();
            mime.eq_ignore_ascii_case("application/json")
        });
    if is_json {
        Ok(())
    } else {
        Err(AppError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
        ))
    }
}

/// Parses JSON, classifying serde's errors into stable codes. Field names from the input are
/// reported (truncated); values never are.
pub fn parse_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, AppError> {
    serde_json::from_slice(bytes).map_err(|e| {
        use serde_json::error::Category;
        match e.classify() {
            Category::Syntax | Category::Eof | Category::Io => {
                AppError::bad_request("invalid_json")
            }
            Category::Data => {
                let text = e.to_string();
                let quoted = text
                    .split('`')
                    .nth(1)
                    .map(|f| f.chars().take(64).collect::<String>());
                if text.starts_with("unknown field") {
                    AppError::bad_request("unknown_field").with_field(quoted.unwrap_or_default())
                } else if text.starts_with("missing field") {
                    AppError::bad_request("missing_field").with_field(quoted.unwrap_or_default())
                } else {
                    AppError::bad_request("wrong_type")
                }
            }
        }
    })
}

/// Query-string parameters; a malformed one is `invalid_query`.
pub struct ApiQuery<T>(pub T);

impl<T: DeserializeOwned + Send> FromRequestParts<AppState> for ApiQuery<T> {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &AppState) -> Result<Self, AppError> {
        let query = parts.uri.query().unwrap_or_default();
        serde_urlencoded::from_str(query)
            .map(ApiQuery)
            .map_err(|_| AppError::bad_request("invalid_query"))
    }
}

/// A numeric path parameter; anything else is `not_found`.
pub fn path_id(raw: &str) -> Result<i64, AppError> {
    raw.parse::<i64>().map_err(|_| AppError::not_found())
}

/// The numeric path parameter `name` of a route with several (`{org_id}` and `{delivery_id}`, …);
/// missing or not a number is `not_found`.
pub fn path_param(params: &axum::extract::RawPathParams, name: &str) -> Result<i64, AppError> {
    params
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, v)| path_id(v))
        .ok_or_else(AppError::not_found)?
}

/// The signed-in caller of a route with `SignedIn` or stricter access (`unauthenticated`
/// otherwise), taken from the [`crate::auth::Actor`] the authentication layer left.
pub struct CurrentUser(pub twiza_store::User);

impl FromRequestParts<AppState> for CurrentUser {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &AppState) -> Result<Self, AppError> {
        parts
            .extensions
            .get::<crate::auth::Actor>()
            .and_then(|actor| actor.user().cloned())
            .map(CurrentUser)
            .ok_or_else(AppError::unauthenticated)
    }
}

/// The authenticated user of an API call (routes with `SignedIn` or stricter access).
pub fn require_user(actor: &crate::auth::Actor) -> Result<&twiza_store::User, AppError> {
    actor.user().ok_or_else(AppError::unauthenticated)
}

/// The single numeric path parameter of a route (`{org_id}`, `{token_id}`, …); anything that is
/// not a number is `not_found`.
pub struct PathId(pub i64);

impl FromRequestParts<AppState> for PathId {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let params = axum::extract::RawPathParams::from_request_parts(parts, state)
            .await
            .map_err(|_| AppError::not_found())?;
        let raw = params.iter().last().map(|(_, v)| v).unwrap_or_default();
        path_id(raw).map(PathId)
    }
}

/// The secret of a one-time link in the path (`/invitations/{token}`,
/// `/password/reset/{token}`): URL-safe base64 of a sensible length, else `not_found`. Never
/// logged (logs carry route templates).
pub struct PathSecret(pub String);

impl FromRequestParts<AppState> for PathSecret {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let params = axum::extract::RawPathParams::from_request_parts(parts, state)
            .await
            .map_err(|_| AppError::not_found())?;
        let raw = params.iter().last().map(|(_, v)| v).unwrap_or_default();
        let url_safe = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
        if (20..=100).contains(&raw.len()) && raw.chars().all(url_safe) {
            Ok(PathSecret(raw.to_owned()))
        } else {
            Err(AppError::not_found())
        }
    }
}
