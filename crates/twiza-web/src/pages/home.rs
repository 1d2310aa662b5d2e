//! The home page and the language switcher.

use super::{render, see_other};
use crate::auth::{set_cookie, LANG_COOKIE};
use crate::ctx::Ctx;
use crate::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

#[derive(Template)]
#[template(path = "home.html")]
struct Home {
    c: Ctx,
}

pub async fn show(c: Ctx) -> Response {
    render(&Home { c })
}

#[derive(Deserialize)]
pub struct SwitchQuery {
    to: Option<String>,
    back: Option<String>,
}

/// `GET /language?to=fr&back=/directory`: remembers the language in a cookie and goes back.
pub async fn switch_language(
    State(state): State<AppState>,
    query: Result<crate::extract::ApiQuery<SwitchQuery>, crate::error::AppError>,
) -> Response {
    let query = query.ok().map(|q| q.0);
    let back = query
        .as_ref()
        .and_then(|q| q.back.clone())
        .filter(|b| is_local_path(b))
        .unwrap_or_else(|| "/".to_owned());
    let locale = query
        .and_then(|q| q.to)
        .and_then(|t| twiza_i18n::Locale::from_tag(&t));
    let mut response = see_other(&back);
    if let Some(locale) = locale {
        let cookie = set_cookie(&state, LANG_COOKIE, locale.tag(), 365 * 24 * 3600);
        if let Ok(value) = cookie.parse() {
            response.headers_mut().append(header::SET_COOKIE, value);
        }
    }
    response.into_response()
}

/// Only same-site paths are valid ways back (no `//host` or `/\host` open redirects).
fn is_local_path(path: &str) -> bool {
    path.starts_with('/')
        && !path.starts_with("//")
        && !path.starts_with("/\\")
        && !path.chars().any(|c| c.is_control())
}

#[cfg(test)]
mod tests {
    #[test]
    fn only_local_paths_are_followed() {
        assert!(super::is_local_path("/directory?q=a"));
        assert!(!super::is_local_path("//evil.example"));
        assert!(!super::is_local_path("/\\evil.example"));
        assert!(!super::is_local_path("https://evil.example"));
    }
}
