//! The members and roles page of an association: every member with their role; for owners and
//! admins, a role change and a removal per member; for owners, handing ownership over (after a
//! check of what will happen); and the record of past changes.

use super::{render, render_status, see_other, CsrfOnly, DoneQuery, PageForm};
use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::extract::{path_param, ApiQuery, CurrentUser};
use crate::AppState;
use askama::Template;
use axum::extract::{RawPathParams, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Extension;
use twiza_domain::organization::Organization;
use twiza_domain::tenancy::ScopeGrant;
use twiza_domain::{FieldError, OrgRole, OrgScope, PlatformRole, UserId};
use twiza_store::{Member, MembershipChange, StoreError};

/// Changes shown on the page (newest first).
const HISTORY: i64 = 50;

/// Confirmations the page shows after a change (`?done=`), with their messages.
const DONE: [(&str, &str); 3] = [
    ("role_changed", "members-done-role-changed"),
    ("member_removed", "members-done-member-removed"),
    (
        "ownership_handed_over",
        "members-done-ownership-handed-over",
    ),
];

#[derive(Template)]
#[template(path = "members.html")]
struct MembersPage {
    c: Ctx,
    org: Organization,
    members: Vec<Member>,
    changes: Vec<MembershipChange>,
    /// The viewer may change roles and remove members.
    manager: bool,
    /// The viewer may hand ownership over.
    owner: bool,
    me: UserId,
    roles: Vec<(&'static str, String)>,
    errors: Vec<FieldError>,
    /// The confirmation of the change just made.
    done: Option<String>,
}

#[derive(Template)]
#[template(path = "members_handover.html")]
struct HandOverCheck {
    c: Ctx,
    org: Organization,
    to: Member,
}

async fn members_page(
    state: &AppState,
    c: Ctx,
    scope: &OrgScope,
    me: UserId,
    errors: Vec<FieldError>,
    done: Option<&'static str>,
) -> AppResult<MembersPage> {
    let done = done.map(|key| c.t(key));
    let org = state
        .store
        .organization(scope.org_id())
        .await?
        .ok_or_else(AppError::not_found)?;
    let (manager, owner) = match scope.grant() {
        ScopeGrant::Member(role) => (role.manages_members(), role == OrgRole::Owner),
        ScopeGrant::Platform(role) => {
            let admin = role == PlatformRole::PlatformAdmin;
            (admin, false)
        }
    };
    let members = state.store.members(scope).await?;
    let changes = if manager {
        state.store.membership_changes(scope, HISTORY).await?
    } else {
        Vec::new()
    };
    let roles = OrgRole::ALL
        .iter()
        .map(|r| (r.as_str(), c.role_name(r)))
        .collect();
    Ok(MembersPage {
        c,
        org,
        members,
        changes,
        manager,
        owner,
        me,
        roles,
        errors,
        done,
    })
}

/// `GET /associations/{org_id}/members`.
pub async fn list(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    ApiQuery(query): ApiQuery<DoneQuery>,
) -> AppResult<Response> {
    let done = query.key(&DONE);
    let page = members_page(&state, c, &scope, user.id, Vec::new(), done).await?;
    Ok(render(&page))
}

/// After a change: back to the list with its confirmation; a refusal: the list again, the
/// reason next to the member.
async fn answer(
    state: &AppState,
    c: Ctx,
    scope: &OrgScope,
    me: UserId,
    result: Result<(), StoreError>,
    done: &'static str,
) -> AppResult<Response> {
    let refusal = match result {
        Ok(()) => {
            return Ok(see_other(&format!(
                "/associations/{}/members?done={done}",
                scope.org_id().0
            )))
        }
        Err(StoreError::Refused(refusal)) => refusal,
        Err(e) => return Err(e.into()),
    };
    let status = AppError::from(refusal).status;
    let errors = vec![FieldError::new("member", refusal.code())];
    let page = members_page(state, c, scope, me, errors, None).await?;
    Ok(render_status(status, &page))
}

#[derive(serde::Deserialize)]
pub struct RoleForm {
    role: String,
    #[allow(dead_code)]
    csrf: String,
}

/// `POST /associations/{org_id}/members/{user_id}/role`.
pub async fn change_role(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    params: RawPathParams,
    PageForm(form): PageForm<RoleForm>,
) -> AppResult<Response> {
    let member = UserId(path_param(&params, "user_id")?);
    let Some(role) = OrgRole::parse(form.role.trim()) else {
        let errors = vec![FieldError::new("member", "invalid_role")];
        let page = members_page(&state, c, &scope, user.id, errors, None).await?;
        return Ok(render_status(StatusCode::UNPROCESSABLE_ENTITY, &page));
    };
    let result = state
        .store
        .change_member_role(&scope, member, role, user.id)
        .await;
    answer(&state, c, &scope, user.id, result, "role_changed").await
}

/// `POST /associations/{org_id}/members/{user_id}/remove`.
pub async fn remove(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    params: RawPathParams,
    PageForm(_): PageForm<CsrfOnly>,
) -> AppResult<Response> {
    let member = UserId(path_param(&params, "user_id")?);
    let result = state.store.remove_member(&scope, member, user.id).await;
    answer(&state, c, &scope, user.id, result, "member_removed").await
}

#[derive(serde::Deserialize)]
pub struct HandOverForm {
    user_id: String,
    /// Present once the owner has seen what will happen.
    confirm: Option<String>,
    #[allow(dead_code)]
    csrf: String,
}

/// `POST /associations/{org_id}/ownership`: first a check of what will happen, then, confirmed,
/// the member becomes an owner and the owner an admin.
pub async fn hand_over(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    PageForm(form): PageForm<HandOverForm>,
) -> AppResult<Response> {
    let members = state.store.members(&scope).await?;
    let to = form
        .user_id
        .trim()
        .parse::<i64>()
        .ok()
        .and_then(|id| members.into_iter().find(|m| m.user_id.0 == id));
    let Some(to) = to.filter(|m| m.user_id != user.id) else {
        let errors = vec![FieldError::new("user_id", "unknown_member")];
        let page = members_page(&state, c, &scope, user.id, errors, None).await?;
        return Ok(render_status(StatusCode::UNPROCESSABLE_ENTITY, &page));
    };
    if form.confirm.as_deref() != Some("yes") {
        let org = state
            .store
            .organization(scope.org_id())
            .await?
            .ok_or_else(AppError::not_found)?;
        return Ok(render(&HandOverCheck { c, org, to }));
    }
    let result = state
        .store
        .hand_over_ownership(&scope, to.user_id, user.id)
        .await;
    answer(&state, c, &scope, user.id, result, "ownership_handed_over").await
}
