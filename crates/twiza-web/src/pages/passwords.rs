//! Forgotten passwords: asking for a one-time link (`/password/forgot`, the same answer whether
//! an account has the address or not), and setting a new password through it
//! (`/password/reset/{token}`), which signs the account out everywhere.

use super::{error_page, render, render_status, see_other, ClientAddress, DoneQuery, PageForm};
use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::extract::PathSecret;
use crate::AppState;
use askama::Template;
use axum::extract::{Query, State};
use axum::http::{header, StatusCode};
use axum::response::Response;
use serde::Deserialize;
use twiza_domain::FieldError;

#[derive(Template)]
#[template(path = "password_forgot.html")]
struct ForgotPage {
    c: Ctx,
    email: String,
    errors: Vec<FieldError>,
    done: Option<&'static str>,
    /// E-mail is on: links can be sent.
    mail_on: bool,
}

/// `GET /password/forgot`.
pub async fn forgot_form(
    State(state): State<AppState>,
    c: Ctx,
    Query(done): Query<DoneQuery>,
) -> Response {
    render(&ForgotPage {
        c,
        email: String::new(),
        errors: Vec::new(),
        done: done.key(&[("sent", "password-link-sent")]),
        mail_on: state.mail.is_on(),
    })
}

#[derive(Deserialize)]
pub struct ForgotForm {
    email: String,
    #[allow(dead_code)]
    csrf: String,
}

/// `POST /password/forgot`: a link goes out if an account has the address; the answer is the
/// same either way.
pub async fn forgot(
    State(state): State<AppState>,
    c: Ctx,
    ClientAddress(client): ClientAddress,
    PageForm(form): PageForm<ForgotForm>,
) -> AppResult<Response> {
    let refused = |c: Ctx, status: StatusCode, error: FieldError, email: String| {
        ForgotPage {
            c,
            email,
            errors: vec![error],
            done: None,
            mail_on: state.mail.is_on(),
        }
        .with_status(status)
    };
    let email = match twiza_domain::account::Email::parse(&form.email) {
        Ok(email) => email,
        Err(e) => return Ok(refused(c, StatusCode::UNPROCESSABLE_ENTITY, e, form.email)),
    };
    match twiza_app::accounts::request_password_link(
        &state.store,
        &state.mail,
        &email,
        &client,
        c.locale,
    )
    .await
    {
        Ok(()) => Ok(see_other("/password/forgot?done=sent")),
        Err(twiza_app::Error::RateLimited { retry_after }) => {
            let error = FieldError::new("email", "rate_limited");
            let mut page = refused(c, StatusCode::TOO_MANY_REQUESTS, error, form.email);
            page.headers_mut()
                .insert(header::RETRY_AFTER, header::HeaderValue::from(retry_after));
            Ok(page)
        }
        Err(e) => Err(e.into()),
    }
}

impl ForgotPage {
    fn with_status(self, status: StatusCode) -> Response {
        render_status(status, &self)
    }
}

#[derive(Template)]
#[template(path = "password_reset.html")]
struct ResetPage {
    c: Ctx,
    action: String,
    errors: Vec<FieldError>,
}

/// The page a password link that no longer works leads to.
fn invalid_link(c: &Ctx) -> Response {
    error_page(c, StatusCode::NOT_FOUND, &c.t("password-link-invalid"))
}

/// `GET /password/reset/{token}`.
pub async fn reset_form(
    State(state): State<AppState>,
    c: Ctx,
    PathSecret(token): PathSecret,
) -> AppResult<Response> {
    if !twiza_app::accounts::password_link_is_open(&state.store, &token).await? {
        return Ok(invalid_link(&c));
    }
    Ok(render(&ResetPage {
        c,
        action: format!("/password/reset/{token}"),
        errors: Vec::new(),
    }))
}

#[derive(Deserialize)]
pub struct ResetForm {
    password: String,
    #[allow(dead_code)]
    csrf: String,
}

/// `POST /password/reset/{token}`: the new password, then signing in again.
pub async fn reset(
    State(state): State<AppState>,
    c: Ctx,
    PathSecret(token): PathSecret,
    PageForm(form): PageForm<ResetForm>,
) -> AppResult<Response> {
    match twiza_app::accounts::reset_password(&state.store, &token, &form.password).await {
        Ok(_) => Ok(see_other("/sign-in?done=password-changed")),
        Err(twiza_app::Error::NotFound) => Ok(invalid_link(&c)),
        Err(twiza_app::Error::Invalid(errors)) => Ok(render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &ResetPage {
                c,
                action: format!("/password/reset/{token}"),
                errors,
            },
        )),
        Err(e) => Err(AppError::from(e)),
    }
}
