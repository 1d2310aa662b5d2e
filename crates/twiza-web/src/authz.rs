//! The authorization layer. Every route carries an [`Access`] policy and passes through
//! [`enforce`], which decides before the handler runs:
//!
//! - `Public`: anyone.
//! - `SignedIn`: any account.
//! - `Platform(roles)`: accounts holding one of these platform roles.
//! - `Org(roles)`: the route names an association — an `{org_id}` path parameter, or a
//!   `{campaign_id}`, `{donation_id}`, `{expense_id}`, `{batch_id}` or `{transfer_id}` (its
//!   receiving association) whose association is looked up; members of that association with
//!   one of these roles pass, and so do platform admins; auditors and authorities pass on reads
//!   only — so a handler of a route that changes data never sees a read-only scope. The handler
//!   receives the resulting [`OrgScope`], and the storage functions it calls
//!   filter on the scope's organization id — a handler cannot name another association.
//!
//! Page forms that change anything must carry the CSRF token: the session's for a signed-in
//! user, the `twiza_csrf` cookie's for a visitor (sign-in, sign-up). The check happens here too.

use crate::auth::{cookie, Actor, CSRF_COOKIE};
use crate::error::AppError;
use crate::AppState;
use axum::body::Body;
use axum::extract::{RawPathParams, Request, State};
use axum::http::{header, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use twiza_domain::{OrgId, OrgRole, OrgScope, PlatformRole};

/// Who may call a route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    Public,
    SignedIn,
    Platform(&'static [PlatformRole]),
    Org(&'static [OrgRole]),
    /// Beneficiaries' personal data (the registry, programmes, grievances, duplicate reviews):
    /// like `Org`, but never for the read-only platform roles, even on reads — only members
    /// with these roles, and platform admins.
    Personal(&'static [OrgRole]),
}

impl Access {
    /// The roles of the association a route is for, if it is an association's route.
    pub fn org_roles(self) -> Option<&'static [OrgRole]> {
        match self {
            Access::Org(roles) | Access::Personal(roles) => Some(roles),
            Access::Public | Access::SignedIn | Access::Platform(_) => None,
        }
    }
}

/// A route's whole policy: who may call it, and whether the association must be verified.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    pub access: Access,
    /// Refuses (409 `organization_not_verified`) unless the route's association is verified.
    pub verified: bool,
}

pub const ANY_MEMBER: &[OrgRole] = &OrgRole::ALL;
pub const MANAGERS: &[OrgRole] = &[OrgRole::Owner, OrgRole::Admin];
/// Who runs an association's money — campaigns, donations recorded by hand, expenses — and reads
/// its books: the ledger, expenses and their evidence, transfers.
pub const TREASURY: &[OrgRole] = &[OrgRole::Owner, OrgRole::Admin, OrgRole::Treasurer];
/// Who commits an association to cover needs (pledges) and reads the contacts of those needs.
pub const COORDINATION: &[OrgRole] = &[OrgRole::Owner, OrgRole::Admin, OrgRole::Coordinator];
/// Who approves a computed cycle (the two-person rule: someone other than who computed it).
pub const CYCLE_APPROVAL: &[OrgRole] = &[
    OrgRole::Owner,
    OrgRole::Admin,
    OrgRole::Coordinator,
    OrgRole::Treasurer,
];
/// Who runs warehouses and stock.
pub const LOGISTICS: &[OrgRole] = &[OrgRole::Owner, OrgRole::Admin, OrgRole::Coordinator];
/// Who records field assessments of needs, delivers, and reads the stock delivered from.
pub const FIELD: &[OrgRole] = &[
    OrgRole::Owner,
    OrgRole::Admin,
    OrgRole::Coordinator,
    OrgRole::FieldAgent,
];
/// Who follows goods from a lot to the douars it reached: the field roles, and the treasury
/// (an in-kind donation is followed from its campaign's books).
pub const STOCK_TRAIL: &[OrgRole] = &[
    OrgRole::Owner,
    OrgRole::Admin,
    OrgRole::Coordinator,
    OrgRole::Treasurer,
    OrgRole::FieldAgent,
];
/// Who decides Law 18-18 authorizations in Twiza, declares incidents and triages needs.
/// Whether the scope is a member's whose role is in `roles` (a platform role acting on the
/// association is not: pages offer it no member's links or actions).
pub fn role_in(scope: &twiza_domain::OrgScope, roles: &[OrgRole]) -> bool {
    match scope.grant() {
        twiza_domain::tenancy::ScopeGrant::Member(role) => roles.contains(&role),
        twiza_domain::tenancy::ScopeGrant::Platform(_) => false,
    }
}

pub const AUTHORITIES: &[PlatformRole] = &[PlatformRole::PlatformAdmin, PlatformRole::Authority];
pub const PLATFORM_ADMIN: &[PlatformRole] = &[PlatformRole::PlatformAdmin];

/// Applies `access` to the request (see the module documentation).
pub async fn enforce(
    State((state, policy)): State<(AppState, Policy)>,
    params: RawPathParams,
    mut request: Request,
    next: Next,
) -> Response {
    match decide(&state, policy, &params, &mut request).await {
        Ok(()) => match check_csrf(request).await {
            Ok(request) => next.run(request).await,
            Err(e) => e.into_response(),
        },
        Err(e) => e.into_response(),
    }
}

async fn decide(
    state: &AppState,
    policy: Policy,
    params: &RawPathParams,
    request: &mut Request,
) -> Result<(), AppError> {
    let access = policy.access;
    let actor = request
        .extensions()
        .get::<Actor>()
        .cloned()
        .unwrap_or(Actor::Anonymous);
    let is_read = matches!(*request.method(), Method::GET | Method::HEAD);
    match access {
        Access::Public => Ok(()),
        Access::SignedIn => actor
            .user()
            .map(|_| ())
            .ok_or_else(AppError::unauthenticated),
        Access::Platform(roles) => {
            let user = actor.user().ok_or_else(AppError::unauthenticated)?;
            match user.platform_role {
                Some(role) if roles.contains(&role) => Ok(()),
                _ => Err(AppError::forbidden()),
            }
        }
        Access::Org(roles) | Access::Personal(roles) => {
            let personal = matches!(access, Access::Personal(_));
            let user = actor.user().ok_or_else(AppError::unauthenticated)?;
            let (org_id, membership) = org_and_membership(state, params, user.id).await?;
            let scope = match (membership, user.platform_role) {
                (Some(role), _) if roles.contains(&role) => OrgScope::for_member(org_id, role),
                (_, Some(PlatformRole::PlatformAdmin)) => {
                    OrgScope::for_platform(org_id, PlatformRole::PlatformAdmin)
                }
                (_, Some(role @ (PlatformRole::Auditor | PlatformRole::Authority)))
                    if is_read && !personal =>
                {
                    OrgScope::for_platform(org_id, role)
                }
                (None, Some(PlatformRole::Auditor | PlatformRole::Authority))
                    if personal && is_read =>
                {
                    return Err(AppError::forbidden())
                }
                (Some(_), _) => return Err(AppError::forbidden()),
                // Not a member: the association's private space does not exist for this caller.
                (None, _) => return Err(AppError::not_found()),
            };
            // A membership row proves the association exists (foreign key); platform staff
            // reach any id, so theirs is checked.
            let is_member = matches!(scope.grant(), twiza_domain::tenancy::ScopeGrant::Member(_));
            if policy.verified {
                require_verified(state, &scope).await?;
            } else if !is_member && state.store.organization(org_id).await?.is_none() {
                return Err(AppError::not_found());
            }
            request.extensions_mut().insert(scope);
            Ok(())
        }
    }
}

/// Refuses (`organization_not_verified`) unless the scoped association is verified; `not_found`
/// when it does not exist.
pub(crate) async fn require_verified(state: &AppState, scope: &OrgScope) -> Result<(), AppError> {
    if state.access_cache.org_verified(scope.org_id()) {
        return Ok(());
    }
    let org = state
        .store
        .organization(scope.org_id())
        .await?
        .ok_or_else(AppError::not_found)?;
    if org.status != twiza_domain::organization::OrgStatus::Verified {
        return Err(AppError::new(
            StatusCode::CONFLICT,
            "organization_not_verified",
        ));
    }
    state.access_cache.remember_org_verified(scope.org_id());
    Ok(())
}

/// The association a route is about and the caller's role in it. Campaign routes (donations
/// arrive there by the thousand) answer both in one read.
async fn org_and_membership(
    state: &AppState,
    params: &RawPathParams,
    user: twiza_domain::UserId,
) -> Result<(OrgId, Option<OrgRole>), AppError> {
    let campaign = params
        .iter()
        .find(|(n, _)| *n == "campaign_id")
        .map(|(_, v)| v.parse::<i64>().map_err(|_| AppError::not_found()));
    if let Some(id) = campaign {
        let id = id?;
        if let Some((org, role)) = state.access_cache.campaign_role(id, user) {
            return Ok((org, Some(role)));
        }
        let (org, role) = state
            .store
            .campaign_membership(id, user)
            .await?
            .ok_or_else(AppError::not_found)?;
        if let Some(role) = role {
            state
                .access_cache
                .remember_campaign_role(id, user, org, role);
        }
        return Ok((org, role));
    }
    let org_id = org_of_path(state, params).await?;
    if let Some(role) = state.access_cache.org_role(org_id, user) {
        return Ok((org_id, Some(role)));
    }
    let role = state.store.membership(org_id, user).await?;
    if let Some(role) = role {
        state.access_cache.remember_org_role(org_id, user, role);
    }
    Ok((org_id, role))
}

/// The association a route is about: its `{org_id}`, or the owner of its `{campaign_id}`,
/// `{donation_id}` or `{expense_id}`, or the receiver of its `{transfer_id}`.
async fn org_of_path(state: &AppState, params: &RawPathParams) -> Result<OrgId, AppError> {
    let param = |name: &str| {
        params
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.parse::<i64>().map_err(|_| AppError::not_found()))
    };
    if let Some(id) = param("org_id") {
        return Ok(OrgId(id?));
    }
    if let Some(id) = param("campaign_id") {
        let campaign = state
            .store
            .campaign(id?)
            .await?
            .ok_or_else(AppError::not_found)?;
        return Ok(campaign.org_id);
    }
    if let Some(id) = param("donation_id") {
        return state
            .store
            .donation_org(id?)
            .await?
            .ok_or_else(AppError::not_found);
    }
    if let Some(id) = param("expense_id") {
        return state
            .store
            .expense_org(id?)
            .await?
            .ok_or_else(AppError::not_found);
    }
    if let Some(id) = param("batch_id") {
        return state
            .store
            .payment_batch_org(id?)
            .await?
            .ok_or_else(AppError::not_found);
    }
    // A transfer is confirmed (and read through this path) by the association that receives it.
    if let Some(id) = param("transfer_id") {
        return state
            .store
            .transfer_receiver(id?)
            .await?
            .ok_or_else(AppError::not_found);
    }
    Err(AppError::not_found())
}

/// Form posts to pages must carry a valid CSRF token (field `csrf`, or query `csrf` for
/// multipart uploads). API calls are exempt: they authenticate with a bearer header that a
/// foreign page cannot set; so are the SMS gateways' webhooks under `/channels/`, which carry
/// no cookie and authenticate with their own signature or shared secret, and the OpenRosa
/// routes, whose clients (ODK Collect) authenticate by HTTP Basic on every request.
async fn check_csrf(request: Request) -> Result<Request, AppError> {
    let safe = matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    let path = request.uri().path();
    if safe
        || path.starts_with("/api/")
        || path.starts_with("/channels/")
        || crate::openrosa::is_openrosa_path(path)
    {
        return Ok(request);
    }
    let expected = match request.extensions().get::<Actor>() {
        Some(Actor::Session { csrf_token, .. }) => Some(csrf_token.clone()),
        _ => cookie(request.headers(), CSRF_COOKIE).map(str::to_owned),
    };
    let csrf_error = || AppError::new(StatusCode::FORBIDDEN, "csrf");
    let expected = expected.filter(|t| !t.is_empty()).ok_or_else(csrf_error)?;

    let from_query = request
        .uri()
        .query()
        .and_then(|q| form_field(q.as_bytes(), "csrf"));
    if let Some(given) = from_query {
        return if constant_time_eq(&given, &expected) {
            Ok(request)
        } else {
            Err(csrf_error())
        };
    }
    let is_form = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    if !is_form {
        return Err(csrf_error());
    }
    let (parts, body) = request.into_parts();
    let limit = 256 * 1024;
    let bytes = axum::body::to_bytes(body, limit)
        .await
        .map_err(|_| AppError::new(StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large"))?;
    match form_field(&bytes, "csrf") {
        Some(given) if constant_time_eq(&given, &expected) => {
            Ok(Request::from_parts(parts, Body::from(bytes)))
        }
        _ => Err(csrf_error()),
    }
}

fn form_field(encoded: &[u8], name: &str) -> Option<String> {
    serde_urlencoded::from_bytes::<Vec<(String, String)>>(encoded)
        .ok()?
        .into_iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v)
}

/// Equality of two secrets in time independent of where they differ.
pub(crate) fn constant_time_eq(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}
