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
use std::collections::HashMap;
use twiza_domain::organization::Organization;
use twiza_domain::tenancy::ScopeGrant;
use twiza_domain::{FieldError, OrgRole, OrgScope, PlatformRole, UserId};
use twiza_store::{CommuneChange, Member, MembershipChange, StoreError};

/// Changes shown on the page (newest first).
const HISTORY: i64 = 50;

/// Confirmations the page shows after a change (`?done=`), with their messages.
const DONE: [(&str, &str); 4] = [
    ("role_changed", "members-done-role-changed"),
    ("communes_set", "members-done-communes-set"),
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
    /// Each member's communes (HCP codes).
    communes: HashMap<UserId, Vec<String>>,
    /// Changes of members' communes, newest first (managers only).
    commune_changes: Vec<CommuneChange>,
    /// What a manager typed for a member's communes, kept after an error: (member, text).
    communes_typed: Option<(UserId, String)>,
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
    let (changes, commune_changes) = if manager {
        (
            state.store.membership_changes(scope, HISTORY).await?,
            state.store.commune_changes(scope, HISTORY).await?,
        )
    } else {
        (Vec::new(), Vec::new())
    };
    let mut communes: HashMap<UserId, Vec<String>> = HashMap::new();
    for (member, code) in state.store.members_communes(scope).await? {
        communes.entry(member).or_default().push(code);
    }
    let roles = OrgRole::ALL
        .iter()
        .map(|r| (r.as_str(), c.role_name(r)))
        .collect();
    Ok(MembersPage {
        c,
        org,
        members,
        changes,
        communes,
        commune_changes,
        communes_typed: None,
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
    // A role changed or withdrawn takes effect at once on this node, not after the cache's TTL.
    state.access_cache.forget_memberships();
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
pub struct CommunesForm {
    #[serde(default)]
    communes: String,
    #[allow(dead_code)]
    csrf: String,
}

/// `POST /associations/{org_id}/members/{user_id}/communes`: a manager gives a member the
/// communes they work in; an unknown commune comes back next to the member's field.
pub async fn set_communes(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    params: RawPathParams,
    PageForm(form): PageForm<CommunesForm>,
) -> AppResult<Response> {
    let member = UserId(path_param(&params, "user_id")?);
    let result = twiza_app::field::set_member_communes(
        &state.store,
        &scope,
        member,
        &form.communes,
        user.id,
    )
    .await;
    match result {
        Ok(_) => Ok(see_other(&format!(
            "/associations/{}/members?done=communes_set#member-{}",
            scope.org_id().0,
            member.0
        ))),
        Err(twiza_app::Error::Invalid(errors)) => {
            let mut page = members_page(&state, c, &scope, user.id, errors, None).await?;
            page.communes_typed = Some((member, form.communes));
            Ok(render_status(StatusCode::UNPROCESSABLE_ENTITY, &page))
        }
        Err(e) => Err(e.into()),
    }
}

impl MembersPage {
    /// A member's communes as the form shows them: what was typed after an error, else their
    /// codes.
    fn communes_field(&self, member: &UserId) -> String {
        match &self.communes_typed {
            Some((m, typed)) if m == member => typed.clone(),
            _ => self
                .communes
                .get(member)
                .map(|c| c.join(", "))
                .unwrap_or_default(),
        }
    }

    /// The error of a member's communes field, if it is the one just sent.
    fn communes_error(&self, member: &UserId) -> Option<String> {
        match &self.communes_typed {
            Some((m, _)) if m == member => self.c.error_for(&self.errors, "communes"),
            _ => None,
        }
    }

    fn member_communes(&self, member: &UserId) -> &[String] {
        self.communes.get(member).map_or(&[], Vec::as_slice)
    }
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
