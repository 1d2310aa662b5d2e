//! Sign-up, sign-in and sign-out pages. Both forms may carry `next`, a local path to go to once
//! signed in (an invitation's link page, for instance).

use super::PageForm;
use super::{render, render_status, see_other};
use crate::auth::{
    authenticate, client_address, cookie, set_cookie, start_session, Actor, CSRF_COOKIE,
    SESSION_COOKIE,
};
use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::AppState;
use askama::Template;
use axum::extract::{Query, State};
use axum::http::{header, Extensions, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use twiza_app::accounts::{new_secret, sha256_hex};
use twiza_domain::account::{Email, NewPassword};
use twiza_domain::FieldError;

#[derive(Template)]
#[template(path = "sign_up.html")]
struct SignUpPage {
    c: Ctx,
    next: String,
    email: String,
    display_name: String,
    errors: Vec<FieldError>,
}

#[derive(Template)]
#[template(path = "sign_in.html")]
struct SignInPage {
    c: Ctx,
    next: String,
    email: String,
    error: Option<String>,
    done: Option<&'static str>,
}

/// Where to go once signed in: `next` if it is a path of this site, else the member's
/// associations. Anything else (another site, `//host`, a backslash, control characters, an
/// oversized value) is ignored, so the parameter cannot send anyone away.
pub fn local_path(next: Option<&str>) -> Option<&str> {
    next.filter(|n| {
        n.starts_with('/')
            && !n.starts_with("//")
            && n.len() <= 512
            && !n
                .chars()
                .any(|c| c == '\\' || c.is_control() || c.is_whitespace())
    })
}

/// `?next=` (and `?done=` on the sign-in page).
#[derive(Deserialize)]
pub struct SignInQuery {
    next: Option<String>,
    done: Option<String>,
}

impl SignInQuery {
    fn next(&self) -> String {
        local_path(self.next.as_deref())
            .unwrap_or_default()
            .to_owned()
    }
}

pub async fn sign_up_form(c: Ctx, Query(query): Query<SignInQuery>) -> Response {
    render(&SignUpPage {
        c,
        next: query.next(),
        email: String::new(),
        display_name: String::new(),
        errors: Vec::new(),
    })
}

#[derive(Deserialize)]
pub struct SignUpForm {
    email: String,
    password: String,
    display_name: String,
    #[serde(default)]
    next: String,
    #[allow(dead_code)]
    csrf: String,
}

pub async fn sign_up(
    State(state): State<AppState>,
    c: Ctx,
    PageForm(form): PageForm<SignUpForm>,
) -> AppResult<Response> {
    let email = Email::parse(&form.email);
    let password = NewPassword::parse(&form.password);
    let name = twiza_domain::text::parse_name("display_name", &form.display_name, 100);
    let (email, password, name) = match (email, password, name) {
        (Ok(e), Ok(p), Ok(n)) => (e, p, n),
        (e, p, n) => {
            let errors = [e.err(), p.err(), n.err()].into_iter().flatten().collect();
            return Ok(render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &SignUpPage {
                    c,
                    next: local_path(Some(&form.next)).unwrap_or_default().to_owned(),
                    email: form.email,
                    display_name: form.display_name,
                    errors,
                },
            ));
        }
    };
    let hash = twiza_app::accounts::hash_password(password.expose().to_owned()).await?;
    let id = match state
        .store
        .create_user(email.as_str(), &hash, &name, None)
        .await
    {
        Ok(id) => id,
        Err(twiza_store::StoreError::Refused(twiza_domain::Refusal::EmailTaken)) => {
            let errors = vec![FieldError::new("email", "email_taken")];
            return Ok(render_status(
                StatusCode::CONFLICT,
                &SignUpPage {
                    c,
                    next: local_path(Some(&form.next)).unwrap_or_default().to_owned(),
                    email: form.email,
                    display_name: form.display_name,
                    errors,
                },
            ));
        }
        Err(e) => return Err(e.into()),
    };
    let user = state.store.user(id).await?.ok_or_else(AppError::internal)?;
    signed_in(&state, &c, &user, &form.next).await
}

/// Starts the new session and sends the user to `next` if it is a local path, else to their
/// associations. The visitor's CSRF cookie is replaced, so a token learnt before sign-in is
/// worth nothing after it. The page's language is remembered as the account's, for its e-mail.
async fn signed_in(
    state: &AppState,
    c: &Ctx,
    user: &twiza_store::User,
    next: &str,
) -> AppResult<Response> {
    state.store.set_user_locale(user.id, c.lang()).await?;
    let session = start_session(state, user).await?;
    let csrf = set_cookie(state, CSRF_COOKIE, &new_secret(), 7 * 24 * 3600);
    let to = local_path(Some(next)).unwrap_or("/me/associations");
    Ok(with_cookie(with_cookie(see_other(to), &session), &csrf))
}

pub async fn sign_in_form(c: Ctx, Query(query): Query<SignInQuery>) -> Response {
    let done = query
        .done
        .as_deref()
        .filter(|d| *d == "password-changed")
        .map(|_| "password-changed");
    render(&SignInPage {
        c,
        next: query.next(),
        email: String::new(),
        error: None,
        done,
    })
}

#[derive(Deserialize)]
pub struct SignInForm {
    email: String,
    password: String,
    #[serde(default)]
    next: String,
    #[allow(dead_code)]
    csrf: String,
}

pub async fn sign_in(
    State(state): State<AppState>,
    c: Ctx,
    extensions: Extensions,
    PageForm(form): PageForm<SignInForm>,
) -> AppResult<Response> {
    match authenticate(
        &state,
        &form.email,
        &form.password,
        &client_address(&extensions),
    )
    .await
    {
        Ok(user) => signed_in(&state, &c, &user, &form.next).await,
        Err(e) if matches!(e.code, "invalid_credentials" | "rate_limited") => {
            let message = c.error_message(&e);
            let mut page = render_status(
                e.status,
                &SignInPage {
                    c,
                    next: local_path(Some(&form.next)).unwrap_or_default().to_owned(),
                    email: form.email,
                    error: Some(message),
                    done: None,
                },
            );
            if let Some(seconds) = e.retry_after {
                page.headers_mut()
                    .insert(header::RETRY_AFTER, header::HeaderValue::from(seconds));
            }
            Ok(page)
        }
        Err(e) => Err(e),
    }
}

pub async fn sign_out(
    State(state): State<AppState>,
    headers: HeaderMap,
    actor: axum::Extension<Actor>,
) -> AppResult<Response> {
    if let (Actor::Session { .. }, Some(token)) = (&actor.0, cookie(&headers, SESSION_COOKIE)) {
        state.store.delete_session(&sha256_hex(token)).await?;
    }
    let mut response = with_cookie(see_other("/"), &set_cookie(&state, SESSION_COOKIE, "", 0));
    // The offline field app's data (IndexedDB, its caches, its service worker) leaves with
    // the session.
    response.headers_mut().insert(
        "clear-site-data",
        axum::http::HeaderValue::from_static("\"storage\""),
    );
    Ok(response)
}

fn with_cookie(mut response: Response, cookie: &str) -> Response {
    if let Ok(value) = cookie.parse() {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    response.into_response()
}
