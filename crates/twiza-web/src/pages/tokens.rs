//! The API tokens page: create, list, revoke.

use super::{render, see_other, PageForm};
use crate::auth::Actor;
use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::extract::PathId;
use crate::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use axum::Extension;
use twiza_domain::ids::TokenId;
use twiza_store::ApiTokenRow;

#[derive(Template)]
#[template(path = "tokens.html")]
struct TokensPage {
    c: Ctx,
    tokens: Vec<ApiTokenRow>,
    created: Option<String>,
}

pub async fn list(
    State(state): State<AppState>,
    c: Ctx,
    Extension(actor): Extension<Actor>,
) -> AppResult<Response> {
    let user = actor.user().ok_or_else(AppError::unauthenticated)?;
    let tokens = state.store.api_tokens(user.id).await?;
    Ok(render(&TokensPage {
        c,
        tokens,
        created: None,
    }))
}

#[derive(serde::Deserialize)]
pub struct CreateForm {
    label: String,
    #[allow(dead_code)]
    csrf: String,
}

/// Creates a token and shows it once.
pub async fn create(
    State(state): State<AppState>,
    c: Ctx,
    Extension(actor): Extension<Actor>,
    PageForm(form): PageForm<CreateForm>,
) -> AppResult<Response> {
    let user = actor.user().ok_or_else(AppError::unauthenticated)?;
    let label = twiza_domain::text::parse_name("label", &form.label, 100)?;
    let (token, _) = twiza_app::accounts::issue_api_token(&state.store, user.id, &label).await?;
    let tokens = state.store.api_tokens(user.id).await?;
    Ok(render(&TokensPage {
        c,
        tokens,
        created: Some(token),
    }))
}

pub async fn revoke(
    State(state): State<AppState>,
    Extension(actor): Extension<Actor>,
    PathId(id): PathId,
) -> AppResult<Response> {
    let user = actor.user().ok_or_else(AppError::unauthenticated)?;
    state.store.revoke_api_token(user.id, TokenId(id)).await?;
    state.access_cache.forget_tokens();
    Ok(see_other("/me/tokens"))
}
