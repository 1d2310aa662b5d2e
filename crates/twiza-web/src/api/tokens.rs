//! `/api/v1/tokens` and `/api/v1/me`: API tokens (issue, list, revoke) and the caller's identity.

use super::{ApiJson, CurrentUser, PathId};
use crate::auth::{authenticate, client_address};
use crate::error::{AppResult, ErrorBody};
use crate::AppState;
use axum::extract::State;
use axum::http::{Extensions, StatusCode};
use axum::Json;
use serde::{Deserialize, Serialize};
use twiza_domain::ids::TokenId;
use utoipa::ToSchema;

/// Credentials exchanged for a token.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TokenRequest {
    pub email: String,
    pub password: String,
    /// A name to recognise the token by.
    #[serde(default)]
    pub label: Option<String>,
}

/// A new token: shown once, never stored in clear.
#[derive(Serialize, ToSchema)]
pub struct TokenCreated {
    pub token: String,
    pub id: i64,
}

/// Issues a token for `Authorization: Bearer …`. Failed attempts are rate-limited per account and
/// per client address.
#[utoipa::path(post, path = "/api/v1/tokens", tag = "accounts", request_body = TokenRequest,
    responses((status = 201, body = TokenCreated), (status = 401, body = ErrorBody),
              (status = 429, body = ErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    extensions: Extensions,
    ApiJson(body): ApiJson<TokenRequest>,
) -> AppResult<(StatusCode, Json<TokenCreated>)> {
    let user = authenticate(
        &state,
        &body.email,
        &body.password,
        &client_address(&extensions),
    )
    .await?;
    let label = twiza_domain::text::parse_optional_text(
        "label",
        body.label.as_deref().unwrap_or_default(),
        100,
    )?
    .unwrap_or_else(|| "api".to_owned());
    let (token, id) = twiza_app::accounts::issue_api_token(&state.store, user.id, &label).await?;
    Ok((StatusCode::CREATED, Json(TokenCreated { token, id: id.0 })))
}

/// A token as listed to its owner.
#[derive(Serialize, ToSchema)]
pub struct TokenView {
    pub id: i64,
    pub label: String,
    pub prefix: String,
    pub created_at: i64,
    pub last_used_at: Option<i64>,
    pub revoked: bool,
}

/// The caller's tokens.
#[utoipa::path(get, path = "/api/v1/tokens", tag = "accounts",
    responses((status = 200, body = [TokenView]), (status = 401, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn list(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
) -> AppResult<Json<Vec<TokenView>>> {
    let tokens = state.store.api_tokens(user.id).await?;
    Ok(Json(
        tokens
            .into_iter()
            .map(|t| TokenView {
                id: t.id.0,
                label: t.label,
                prefix: t.prefix,
                created_at: t.created_at.unix_timestamp(),
                last_used_at: t.last_used_at.map(|d| d.unix_timestamp()),
                revoked: t.revoked,
            })
            .collect(),
    ))
}

/// Revokes one of the caller's tokens.
#[utoipa::path(delete, path = "/api/v1/tokens/{token_id}", tag = "accounts",
    params(("token_id" = i64, Path)),
    responses((status = 204), (status = 404, body = ErrorBody)), security(("bearer" = [])))]
pub async fn revoke(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    PathId(id): PathId,
) -> AppResult<StatusCode> {
    state.store.revoke_api_token(user.id, TokenId(id)).await?;
    state.access_cache.forget_tokens();
    Ok(StatusCode::NO_CONTENT)
}

/// The caller and the associations they belong to.
#[derive(Serialize, ToSchema)]
pub struct MeView {
    pub id: i64,
    pub display_name: String,
    pub platform_role: Option<String>,
    /// An authority's competence (Law 18-18); absent for other accounts.
    pub competence: Option<CompetenceView>,
    pub memberships: Vec<MembershipView>,
}

/// The territory whose authorizations an authority decides.
#[derive(Serialize, ToSchema)]
pub struct CompetenceView {
    /// `province`, `region`, `national` or `abroad`.
    pub kind: String,
    /// HCP code of the province or region; absent for national and abroad.
    pub code: Option<String>,
    /// `governor`, `wali`, `secretary_general_of_government` or `foreign_affairs`.
    pub authority: String,
}

impl CompetenceView {
    pub fn of(c: &twiza_domain::competence::Competence) -> CompetenceView {
        CompetenceView {
            kind: c.kind().as_str().to_owned(),
            code: c.code().map(str::to_owned),
            authority: c.authority().as_str().to_owned(),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct MembershipView {
    pub organization_id: i64,
    pub role: String,
    pub name_fr: String,
    pub name_ar: String,
    pub status: String,
}

/// Who am I?
#[utoipa::path(get, path = "/api/v1/me", tag = "accounts",
    responses((status = 200, body = MeView), (status = 401, body = ErrorBody)), security(("bearer" = [])))]
pub async fn me(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
) -> AppResult<Json<MeView>> {
    let memberships = state.store.memberships_of(user.id).await?;
    Ok(Json(MeView {
        id: user.id.0,
        display_name: user.display_name.clone(),
        platform_role: user.platform_role.map(|r| r.as_str().to_owned()),
        competence: user.competence.as_ref().map(CompetenceView::of),
        memberships: memberships
            .into_iter()
            .map(|m| MembershipView {
                organization_id: m.org_id.0,
                role: m.role.as_str().to_owned(),
                name_fr: m.name_fr,
                name_ar: m.name_ar,
                status: m.status.as_str().to_owned(),
            })
            .collect(),
    }))
}
