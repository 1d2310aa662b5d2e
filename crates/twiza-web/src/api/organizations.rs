//! `/api/v1/organizations`: register, read, search and verify associations.

use super::{ApiJson, ApiQuery, PathId};
use crate::auth::Actor;
use crate::error::{AppError, AppResult, ErrorBody};
use crate::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::{Extension, Json};
use serde::{Deserialize, Serialize};
use twiza_app::organizations::DirectoryQuery;
use twiza_domain::organization::{NewOrganization, OrgStatus, Organization, OrganizationInput};
use twiza_domain::OrgId;
use utoipa::ToSchema;

/// A new association.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OrganizationCreate {
    /// Legal name in Arabic script.
    pub name_ar: String,
    /// Legal name in French.
    pub name_fr: String,
    /// Name in Tifinagh.
    #[serde(default)]
    pub name_zgh: Option<String>,
    /// Number of the final declaration receipt (Dahir 1-58-376).
    pub declaration_number: String,
    /// Date of the receipt, `YYYY-MM-DD`.
    pub declaration_date: String,
    /// HCP region code.
    pub region_code: String,
    /// HCP province or prefecture code.
    pub province_code: String,
    /// HCP commune code.
    pub commune_code: String,
    /// Domains of action, e.g. `["relief","health"]`.
    pub domains: Vec<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub website: Option<String>,
    #[serde(default)]
    pub address: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
}

/// An association.
#[derive(Debug, Serialize, ToSchema)]
pub struct OrganizationView {
    pub id: i64,
    pub name_ar: String,
    pub name_fr: String,
    pub name_zgh: Option<String>,
    pub declaration_number: String,
    pub declaration_date: String,
    pub region_code: String,
    pub province_code: String,
    pub commune_code: String,
    pub domains: Vec<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub website: Option<String>,
    pub address: Option<String>,
    pub description: Option<String>,
    /// `pending`, `verified` or `rejected`.
    pub status: String,
    /// Shown to the association's members and platform staff only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rejection_reason: Option<String>,
    /// Unix seconds.
    pub verified_at: Option<i64>,
    pub logo_url: Option<String>,
}

impl OrganizationView {
    pub fn from_domain(org: Organization, insider: bool) -> OrganizationView {
        OrganizationView {
            id: org.id.0,
            name_ar: org.name_ar,
            name_fr: org.name_fr,
            name_zgh: org.name_zgh,
            declaration_number: org.declaration_number,
            declaration_date: org.declaration_date.to_string(),
            region_code: org.seat.region_code,
            province_code: org.seat.province_code,
            commune_code: org.seat.commune_code,
            domains: org.domains.iter().map(|d| d.as_str().to_owned()).collect(),
            email: org.email,
            phone: org.phone,
            website: org.website,
            address: org.address,
            description: org.description,
            status: org.status.as_str().to_owned(),
            rejection_reason: org.rejection_reason.filter(|_| insider),
            verified_at: org.verified_at.map(|t| t.unix_timestamp()),
            logo_url: org
                .has_logo
                .then(|| format!("/associations/{}/logo", org.id.0)),
        }
    }
}

/// Registers an association; its creator becomes its owner. It waits for verification.
#[utoipa::path(post, path = "/api/v1/organizations", tag = "organizations",
    request_body = OrganizationCreate,
    responses((status = 201, body = OrganizationView), (status = 422, body = ErrorBody),
              (status = 400, body = ErrorBody), (status = 409, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn create(
    State(state): State<AppState>,
    Extension(actor): Extension<Actor>,
    ApiJson(body): ApiJson<OrganizationCreate>,
) -> AppResult<(StatusCode, Json<OrganizationView>)> {
    let user = super::require_user(&actor)?;
    let input = OrganizationInput {
        name_ar: &body.name_ar,
        name_fr: &body.name_fr,
        name_zgh: body.name_zgh.as_deref().unwrap_or_default(),
        declaration_number: &body.declaration_number,
        declaration_date: &body.declaration_date,
        domains: &body.domains,
        email: body.email.as_deref().unwrap_or_default(),
        phone: body.phone.as_deref().unwrap_or_default(),
        website: body.website.as_deref().unwrap_or_default(),
        address: body.address.as_deref().unwrap_or_default(),
        description: body.description.as_deref().unwrap_or_default(),
    };
    let seat = twiza_app::organizations::parse_seat(
        &body.region_code,
        &body.province_code,
        &body.commune_code,
    );
    let today = time::OffsetDateTime::now_utc().date();
    let new = NewOrganization::parse(&input, seat, today).map_err(AppError::invalid)?;
    let id = state
        .store
        .create_organization(
            &new,
            &twiza_domain::organization::search_text(&new),
            user.id,
        )
        .await?;
    let org = state
        .store
        .organization(id)
        .await?
        .ok_or_else(AppError::internal)?;
    Ok((
        StatusCode::CREATED,
        Json(OrganizationView::from_domain(org, true)),
    ))
}

/// One association. Verified associations are public; others only exist for their members and
/// platform staff.
#[utoipa::path(get, path = "/api/v1/organizations/{org_id}", tag = "organizations",
    params(("org_id" = i64, Path)),
    responses((status = 200, body = OrganizationView), (status = 404, body = ErrorBody)))]
pub async fn show(
    State(state): State<AppState>,
    Extension(actor): Extension<Actor>,
    PathId(id): PathId,
) -> AppResult<Json<OrganizationView>> {
    let org = state
        .store
        .organization(OrgId(id))
        .await?
        .ok_or_else(AppError::not_found)?;
    let insider = twiza_app::organizations::is_insider(&state.store, actor.user(), org.id).await?;
    if org.status != OrgStatus::Verified && !insider {
        return Err(AppError::not_found());
    }
    Ok(Json(OrganizationView::from_domain(org, insider)))
}

/// The verification decision. An empty body or `{"decision":"verify"}` verifies.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct VerifyRequest {
    /// `verify` or `reject`.
    #[serde(default)]
    pub decision: Option<String>,
    /// Required when rejecting; shown to the association.
    #[serde(default)]
    pub reason: Option<String>,
}

/// Verifies or rejects a pending association (platform admin).
#[utoipa::path(post, path = "/api/v1/organizations/{org_id}/verify", tag = "organizations",
    params(("org_id" = i64, Path)), request_body(content = Option<VerifyRequest>),
    responses((status = 200, body = OrganizationView), (status = 404, body = ErrorBody),
              (status = 409, body = ErrorBody), (status = 403, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn verify(
    State(state): State<AppState>,
    Extension(actor): Extension<Actor>,
    PathId(id): PathId,
    body: axum::body::Bytes,
) -> AppResult<Json<OrganizationView>> {
    let user = super::require_user(&actor)?;
    let request: VerifyRequest = if body.iter().all(u8::is_ascii_whitespace) {
        VerifyRequest::default()
    } else {
        super::parse_json(&body)?
    };
    let decision = twiza_app::organizations::parse_decision(
        request.decision.as_deref(),
        request.reason.as_deref(),
    )?;
    state
        .store
        .decide_verification(OrgId(id), &decision, user.id)
        .await?;
    let org = state
        .store
        .organization(OrgId(id))
        .await?
        .ok_or_else(AppError::not_found)?;
    Ok(Json(OrganizationView::from_domain(org, true)))
}

/// One page of the directory.
#[derive(Debug, Serialize, ToSchema)]
pub struct DirectoryView {
    pub items: Vec<OrganizationView>,
    pub total: i64,
    pub page: u32,
    pub per_page: u32,
}

/// Searches the verified associations.
#[utoipa::path(get, path = "/api/v1/organizations", tag = "organizations",
    params(DirectoryQuery),
    responses((status = 200, body = DirectoryView), (status = 400, body = ErrorBody)))]
pub async fn directory(
    State(state): State<AppState>,
    ApiQuery(query): ApiQuery<DirectoryQuery>,
) -> AppResult<Json<DirectoryView>> {
    let filter = query.to_filter()?;
    let page = state.store.directory(&filter).await?;
    Ok(Json(DirectoryView {
        items: page
            .organizations
            .into_iter()
            .map(|o| OrganizationView::from_domain(o, false))
            .collect(),
        total: page.total,
        page: filter.page,
        per_page: filter.per_page,
    }))
}
