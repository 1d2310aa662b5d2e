//! `/api/v1/organizations/{org_id}/members` and invitations: who belongs to an association.

use super::{ApiJson, CurrentUser, PathId};
use crate::error::{AppError, AppResult, ErrorBody};
use crate::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::{Extension, Json};
use serde::{Deserialize, Serialize};
use twiza_domain::ids::InvitationId;
use twiza_domain::OrgScope;
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct MemberView {
    pub user_id: i64,
    pub display_name: String,
    /// Shown to the association's owners and admins only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    pub role: String,
}

/// Whether the scope may see members' contact details: the association's managers and platform
/// admins. Auditors and authorities read the association, not its people's addresses.
fn sees_contacts(scope: &OrgScope) -> bool {
    match scope.grant() {
        twiza_domain::tenancy::ScopeGrant::Member(role) => role.manages_members(),
        twiza_domain::tenancy::ScopeGrant::Platform(role) => {
            role == twiza_domain::PlatformRole::PlatformAdmin
        }
    }
}

/// The association's members.
#[utoipa::path(get, path = "/api/v1/organizations/{org_id}/members", tag = "members",
    params(("org_id" = i64, Path)),
    responses((status = 200, body = [MemberView]), (status = 404, body = ErrorBody)), security(("bearer" = [])))]
pub async fn list(
    State(state): State<AppState>,
    Extension(scope): Extension<OrgScope>,
) -> AppResult<Json<Vec<MemberView>>> {
    let contacts = sees_contacts(&scope);
    let members = state.store.members(&scope).await?;
    Ok(Json(
        members
            .into_iter()
            .map(|m| MemberView {
                user_id: m.user_id.0,
                display_name: m.display_name,
                email: contacts.then_some(m.email),
                role: m.role.as_str().to_owned(),
            })
            .collect(),
    ))
}

/// An invitation to create.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct InvitationCreate {
    pub email: String,
    /// `owner`, `admin`, `treasurer`, `coordinator`, `field_agent` or `volunteer`.
    pub role: String,
}

#[derive(Serialize, ToSchema)]
pub struct InvitationView {
    pub id: i64,
    pub organization_id: i64,
    pub email: String,
    pub role: String,
}

/// Invites someone by e-mail (owners and admins). Only an owner may invite another owner. With
/// e-mail on, the invitee receives a one-time link (valid 14 days) in a message.
#[utoipa::path(post, path = "/api/v1/organizations/{org_id}/invitations", tag = "members",
    params(("org_id" = i64, Path)), request_body = InvitationCreate,
    responses((status = 201, body = InvitationView), (status = 409, body = ErrorBody),
              (status = 422, body = ErrorBody)), security(("bearer" = [])))]
pub async fn invite(
    State(state): State<AppState>,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    headers: axum::http::HeaderMap,
    ApiJson(body): ApiJson<InvitationCreate>,
) -> AppResult<(StatusCode, Json<InvitationView>)> {
    let (email, role) = twiza_app::organizations::parse_invitation(&body.email, &body.role)?;
    let locale = crate::ctx::locale_of(&headers);
    twiza_app::organizations::create_invitation(
        &state.store,
        &state.mail,
        &scope,
        user.id,
        &email,
        role,
        locale,
    )
    .await
    .map_err(AppError::from)
    .map(|id| {
        (
            StatusCode::CREATED,
            Json(InvitationView {
                id: id.0,
                organization_id: scope.org_id().0,
                email: email.as_str().to_owned(),
                role: role.as_str().to_owned(),
            }),
        )
    })
}

/// Open invitations of the association.
#[utoipa::path(get, path = "/api/v1/organizations/{org_id}/invitations", tag = "members",
    params(("org_id" = i64, Path)),
    responses((status = 200, body = [InvitationView])), security(("bearer" = [])))]
pub async fn invitations(
    State(state): State<AppState>,
    Extension(scope): Extension<OrgScope>,
) -> AppResult<Json<Vec<InvitationView>>> {
    let list = state.store.invitations(&scope).await?;
    Ok(Json(
        list.into_iter()
            .map(|i| InvitationView {
                id: i.id.0,
                organization_id: i.org_id.0,
                email: i.email,
                role: i.role.as_str().to_owned(),
            })
            .collect(),
    ))
}

#[derive(Serialize, ToSchema)]
pub struct AcceptedView {
    pub organization_id: i64,
}

/// Accepts an invitation addressed to the caller's e-mail.
#[utoipa::path(post, path = "/api/v1/invitations/{invitation_id}/accept", tag = "members",
    params(("invitation_id" = i64, Path)),
    responses((status = 200, body = AcceptedView), (status = 404, body = ErrorBody)), security(("bearer" = [])))]
pub async fn accept(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    PathId(id): PathId,
) -> AppResult<Json<AcceptedView>> {
    let org = state
        .store
        .accept_invitation(InvitationId(id), user.id, &user.email)
        .await?;
    Ok(Json(AcceptedView {
        organization_id: org.0,
    }))
}

/// A member's new role.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RoleChange {
    /// `owner`, `admin`, `treasurer`, `coordinator`, `field_agent` or `volunteer`.
    pub role: String,
}

/// Gives a member another role (owners and admins; only an owner touches the owner role, and
/// the association keeps an owner). Recorded with who made it.
#[utoipa::path(post, path = "/api/v1/organizations/{org_id}/members/{user_id}/role", tag = "members",
    params(("org_id" = i64, Path), ("user_id" = i64, Path)), request_body = RoleChange,
    responses((status = 204), (status = 403, body = ErrorBody, description = "`owner_only`"),
              (status = 404, body = ErrorBody), (status = 409, body = ErrorBody, description = "`last_owner`"),
              (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn change_role(
    State(state): State<AppState>,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    params: axum::extract::RawPathParams,
    ApiJson(body): ApiJson<RoleChange>,
) -> AppResult<StatusCode> {
    let member = twiza_domain::UserId(super::path_param(&params, "user_id")?);
    let role = twiza_domain::OrgRole::parse(body.role.trim()).ok_or_else(|| {
        AppError::invalid(vec![twiza_domain::FieldError::new("role", "invalid_role")])
    })?;
    state
        .store
        .change_member_role(&scope, member, role, user.id)
        .await?;
    state.access_cache.forget_memberships();
    Ok(StatusCode::NO_CONTENT)
}

/// Removes a member (owners and admins; an owner only by an owner, and never the last one).
#[utoipa::path(delete, path = "/api/v1/organizations/{org_id}/members/{user_id}", tag = "members",
    params(("org_id" = i64, Path), ("user_id" = i64, Path)),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
              (status = 409, body = ErrorBody, description = "`last_owner`")),
    security(("bearer" = [])))]
pub async fn remove(
    State(state): State<AppState>,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    params: axum::extract::RawPathParams,
) -> AppResult<StatusCode> {
    let member = twiza_domain::UserId(super::path_param(&params, "user_id")?);
    state.store.remove_member(&scope, member, user.id).await?;
    state.access_cache.forget_memberships();
    Ok(StatusCode::NO_CONTENT)
}

/// Who becomes an owner.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OwnershipHandOver {
    pub user_id: i64,
}

/// An owner hands ownership to another member and becomes an admin, in one step.
#[utoipa::path(post, path = "/api/v1/organizations/{org_id}/ownership", tag = "members",
    params(("org_id" = i64, Path)), request_body = OwnershipHandOver,
    responses((status = 204), (status = 403, body = ErrorBody, description = "`owner_only`"),
              (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn hand_over(
    State(state): State<AppState>,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    ApiJson(body): ApiJson<OwnershipHandOver>,
) -> AppResult<StatusCode> {
    state
        .store
        .hand_over_ownership(&scope, twiza_domain::UserId(body.user_id), user.id)
        .await?;
    state.access_cache.forget_memberships();
    Ok(StatusCode::NO_CONTENT)
}
