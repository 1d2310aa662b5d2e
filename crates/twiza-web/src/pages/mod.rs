//! Server-rendered HTML pages (askama templates in `templates/`): they work without JavaScript,
//! every visible word comes from the message files, and each page stays far below 30 KB
//! compressed.

pub mod accounts;
pub mod admin;
pub mod administration;
pub mod alerts;
pub mod authority;
pub mod board;
pub mod books;
pub mod campaigns;
pub mod convoys;
pub mod declaration;
pub mod deliveries;
pub mod directory;
pub mod donations;
pub mod duplicates;
pub mod expenses;
pub mod field;
pub mod grievances;
pub mod home;
pub mod household_files;
pub mod iati;
pub mod incidents;
pub mod invitations;
pub mod ledger;
pub mod map;
pub mod members;
pub mod missions;
pub mod open_data;
pub mod operations;
pub mod organizations;
pub mod passwords;
pub mod payment_batches;
pub mod programmes;
pub mod registry;
pub mod reports;
pub mod stock;
pub mod tokens;
pub mod transfers;
pub mod treasury;
pub mod triage;
pub mod verify;
pub mod volunteer_contracts;
pub mod volunteer_ground;
pub mod volunteers;

use crate::ctx::Ctx;
use crate::error::AppError;
use askama::Template;
use axum::http::{header, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};

/// Renders a template as an HTML response.
pub fn render(template: &impl Template) -> Response {
    render_status(StatusCode::OK, template)
}

pub fn render_status(status: StatusCode, template: &impl Template) -> Response {
    match template.render() {
        Ok(html) => (status, Html(html)).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "template failed");
            (StatusCode::INTERNAL_SERVER_ERROR, "internal error").into_response()
        }
    }
}

/// A redirect after a successful form post (303, so the browser follows with GET).
pub fn see_other(to: &str) -> Response {
    Redirect::to(to).into_response()
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage<'a> {
    c: &'a Ctx,
    message: &'a str,
}

/// The HTML page of an error.
pub fn error_page(c: &Ctx, status: StatusCode, message: &str) -> Response {
    render_status(status, &ErrorPage { c, message })
}

/// Fallback of unknown paths.
pub async fn not_found() -> AppError {
    AppError::not_found()
}

/// `GET /static/style.css`: the one stylesheet.
pub async fn stylesheet() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        include_str!("../../static/style.css"),
    )
        .into_response()
}

/// `GET /static/signout.js`: asks before a sign-out clears records the field app still waits
/// to send (the workspace's one script for signed-in pages).
pub async fn signout_script() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        include_str!("../../static/signout.js"),
    )
        .into_response()
}

/// A link to switch to a language, coming back to the same page.
pub struct LanguageLink {
    pub tag: &'static str,
    pub name: String,
    pub href: String,
    pub current: bool,
}

impl Ctx {
    /// "Page 2 of 7".
    pub fn page_count(&self, page: u32, pages: u32) -> String {
        self.messages.t_args(
            self.locale,
            "page-count",
            &[
                ("page", twiza_i18n::Arg::Int(i64::from(page))),
                ("pages", twiza_i18n::Arg::Int(i64::from(pages))),
            ],
        )
    }

    /// The language switcher's links (each language named in itself).
    pub fn languages(&self) -> Vec<LanguageLink> {
        twiza_i18n::Locale::ALL
            .iter()
            .map(|&locale| LanguageLink {
                tag: locale.tag(),
                name: self.messages.t(locale, "language-name"),
                href: format!(
                    "/language?{}",
                    serde_urlencoded::to_string([
                        ("to", locale.tag()),
                        ("back", self.here.as_str())
                    ])
                    .unwrap_or_default()
                ),
                current: locale == self.locale,
            })
            .collect()
    }
}

/// An `application/x-www-form-urlencoded` body; a malformed one is `bad_request`.
pub struct PageForm<T>(pub T);

impl<T: serde::de::DeserializeOwned> axum::extract::FromRequest<crate::AppState> for PageForm<T> {
    type Rejection = AppError;

    async fn from_request(
        request: axum::extract::Request,
        state: &crate::AppState,
    ) -> Result<Self, AppError> {
        let bytes = axum::body::Bytes::from_request(request, state)
            .await
            .map_err(|_| AppError::new(StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large"))?;
        serde_urlencoded::from_bytes(&bytes)
            .map(PageForm)
            .map_err(|_| AppError::bad_request("bad_request"))
    }
}

/// A Unix time as RFC 3339 (UTC), for API answers and exports.
pub fn rfc3339(unix: i64) -> String {
    time::OffsetDateTime::from_unix_timestamp(unix)
        .ok()
        .and_then(|t| {
            t.format(&time::format_description::well_known::Rfc3339)
                .ok()
        })
        .unwrap_or_default()
}

/// The client's address as this server sees it (for per-client limits only; never logged).
pub struct ClientAddress(pub String);

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for ClientAddress {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        _: &S,
    ) -> Result<Self, Self::Rejection> {
        Ok(ClientAddress(crate::auth::client_address(
            &parts.extensions,
        )))
    }
}

/// The confirmation a page shows after a change, named by `?done=CODE` in the address it was
/// redirected to; only the page's known codes count.
#[derive(serde::Deserialize)]
pub struct DoneQuery {
    done: Option<String>,
}

impl DoneQuery {
    /// The message key of the confirmation, among the page's `(code, message key)` pairs.
    pub fn key(&self, known: &[(&'static str, &'static str)]) -> Option<&'static str> {
        let done = self.done.as_deref()?;
        known
            .iter()
            .find(|(code, _)| *code == done)
            .map(|(_, key)| *key)
    }
}

/// A form that carries nothing but its CSRF token (which the CSRF layer checks).
#[derive(serde::Deserialize)]
pub struct CsrfOnly {
    #[allow(dead_code)]
    csrf: String,
}
