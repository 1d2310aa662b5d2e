//! `/api/v1/…/campaigns`: fundraising campaigns, their Law 18-18 authorization and publication.

use super::{ApiJson, CurrentUser, PathId};
use crate::auth::Actor;
use crate::error::{AppError, AppResult, ErrorBody};
use crate::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::{Extension, Json};
use serde::{Deserialize, Serialize};
use twiza_app::campaigns::{collecting_today, visible_campaign};
use twiza_domain::campaign::{parse_date, CampaignInput, CampaignState, NewCampaign};
use twiza_domain::{FieldError, OrgScope};
use twiza_store::{AuthorizationDecision, Campaign};
use utoipa::ToSchema;

/// A new campaign (created in draft, with its authorization requested).
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CampaignCreate {
    pub title_ar: String,
    pub title_fr: String,
    pub purpose_ar: String,
    pub purpose_fr: String,
    /// Goal in MAD, a decimal string such as `"500000.00"`.
    pub goal: String,
    /// `YYYY-MM-DD`.
    pub starts_on: String,
    pub ends_on: String,
    /// `local`, `regional`, `national` or `abroad` (decides the competent authority).
    pub scope: String,
    /// 24-digit RIB or Moroccan IBAN.
    pub bank_account: String,
    /// Collected under the emergency procedure.
    #[serde(default)]
    pub emergency: bool,
}

/// A campaign.
#[derive(Serialize, ToSchema)]
pub struct CampaignView {
    pub id: i64,
    pub organization_id: i64,
    /// Public code anyone can check, e.g. `TWZ-4K7P`.
    pub code: String,
    pub title_ar: String,
    pub title_fr: String,
    pub purpose_ar: String,
    pub purpose_fr: String,
    pub goal: String,
    pub currency: String,
    pub starts_on: String,
    pub ends_on: String,
    pub scope: String,
    pub competent_authority: String,
    pub emergency: bool,
    /// `draft`, `published` or `closed`.
    pub state: String,
    pub authorization: AuthorizationView,
    /// Whether the campaign takes donations today.
    pub collecting: bool,
}

#[derive(Serialize, ToSchema)]
pub struct AuthorizationView {
    /// `requested`, `granted` or `refused`.
    pub status: String,
    pub reference: Option<String>,
    pub valid_from: Option<String>,
    pub valid_to: Option<String>,
    pub refusal_reason: Option<String>,
    /// SHA-256 (hex) of the decision's document, served at `…/authorization/document`.
    pub document_sha256: Option<String>,
}

impl CampaignView {
    pub fn from_store(c: Campaign) -> CampaignView {
        let collecting = collecting_today(&c).is_ok();
        CampaignView {
            id: c.id,
            organization_id: c.org_id.0,
            code: c.code,
            title_ar: c.title_ar,
            title_fr: c.title_fr,
            purpose_ar: c.purpose_ar,
            purpose_fr: c.purpose_fr,
            goal: c.goal.to_string(),
            currency: twiza_domain::money::CURRENCY.to_owned(),
            starts_on: c.starts_on.to_string(),
            ends_on: c.ends_on.to_string(),
            scope: c.scope.as_str().to_owned(),
            competent_authority: c.scope.authority().as_str().to_owned(),
            emergency: c.emergency,
            state: c.state.as_str().to_owned(),
            authorization: AuthorizationView {
                status: c.authorization.status.as_str().to_owned(),
                reference: c.authorization.reference,
                valid_from: c.authorization.valid_from.map(|d| d.to_string()),
                valid_to: c.authorization.valid_to.map(|d| d.to_string()),
                refusal_reason: c.authorization.refusal_reason,
                document_sha256: c.authorization.document_sha256,
            },
            collecting,
        }
    }
}

/// Opens a campaign (owners, admins, treasurers of a verified association).
#[utoipa::path(post, path = "/api/v1/organizations/{org_id}/campaigns", tag = "campaigns",
    params(("org_id" = i64, Path)), request_body = CampaignCreate,
    responses((status = 201, body = CampaignView), (status = 422, body = ErrorBody), (status = 403, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn create(
    State(state): State<AppState>,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    ApiJson(body): ApiJson<CampaignCreate>,
) -> AppResult<(StatusCode, Json<CampaignView>)> {
    let input = CampaignInput {
        title_ar: &body.title_ar,
        title_fr: &body.title_fr,
        purpose_ar: &body.purpose_ar,
        purpose_fr: &body.purpose_fr,
        goal: &body.goal,
        starts_on: &body.starts_on,
        ends_on: &body.ends_on,
        scope: &body.scope,
        bank_account: &body.bank_account,
        emergency: body.emergency,
    };
    let campaign = NewCampaign::parse(&input).map_err(AppError::invalid)?;
    let id = twiza_app::campaigns::open_campaign(&state.store, &scope, &campaign, user.id).await?;
    Ok((StatusCode::CREATED, view_of(&state, id).await?))
}

/// The association's campaigns (members).
#[utoipa::path(get, path = "/api/v1/organizations/{org_id}/campaigns", tag = "campaigns",
    params(("org_id" = i64, Path)), responses((status = 200, body = [CampaignView])), security(("bearer" = [])))]
pub async fn list(
    State(state): State<AppState>,
    Extension(scope): Extension<OrgScope>,
) -> AppResult<Json<Vec<CampaignView>>> {
    let campaigns = state.store.campaigns_of(&scope).await?;
    Ok(Json(
        campaigns
            .into_iter()
            .map(CampaignView::from_store)
            .collect(),
    ))
}

/// One campaign: public once published; drafts only for the association and platform staff.
#[utoipa::path(get, path = "/api/v1/campaigns/{campaign_id}", tag = "campaigns",
    params(("campaign_id" = i64, Path)),
    responses((status = 200, body = CampaignView), (status = 404, body = ErrorBody)))]
pub async fn show(
    State(state): State<AppState>,
    Extension(actor): Extension<Actor>,
    PathId(id): PathId,
) -> AppResult<Json<CampaignView>> {
    let campaign = visible_campaign(&state.store, actor.user(), id).await?;
    Ok(Json(CampaignView::from_store(campaign)))
}

/// The current view of a campaign just written.
async fn view_of(state: &AppState, id: i64) -> AppResult<Json<CampaignView>> {
    let campaign = state
        .store
        .campaign(id)
        .await?
        .ok_or_else(AppError::not_found)?;
    Ok(Json(CampaignView::from_store(campaign)))
}

/// Grants the authorization (an authority whose competence covers the campaign, or a platform
/// admin recording a paper decision).
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct GrantRequest {
    /// Reference of the authorization decision.
    pub reference: String,
    /// `YYYY-MM-DD`.
    pub valid_from: String,
    pub valid_to: String,
    /// The decision's document (required when recording a paper decision is the practice;
    /// optional here): PDF, PNG, JPEG or WebP, at most 2 MB. Its SHA-256 is logged.
    #[serde(default)]
    pub document: Option<super::ledger::EvidenceCreate>,
}

/// Largest grant request: a 2 MB document in base64 and the fields.
pub const GRANT_BODY_LIMIT: usize = 3 * 1024 * 1024;

#[utoipa::path(post, path = "/api/v1/campaigns/{campaign_id}/authorization/grant", tag = "campaigns",
    params(("campaign_id" = i64, Path)), request_body = GrantRequest,
    responses((status = 200, body = CampaignView),
              (status = 403, description = "`forbidden`: the caller is neither an authority nor a platform admin; `outside_competence`: the campaign is outside the authority's competence (a governor decides the local campaigns of associations seated in their province, a wali the regional campaigns of their region, the Secretary-General of the Government national ones, Foreign Affairs those abroad)", body = ErrorBody),
              (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn grant(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    PathId(id): PathId,
    headers: axum::http::HeaderMap,
    ApiJson(body): ApiJson<GrantRequest>,
) -> AppResult<Json<CampaignView>> {
    let reference = twiza_domain::text::parse_name("reference", &body.reference, 100);
    let from = parse_date("valid_from", &body.valid_from);
    let to = parse_date("valid_to", &body.valid_to);
    let document = body
        .document
        .as_ref()
        .map(|d| super::ledger::decode_file(d, "document", "invalid_document"))
        .transpose();
    let (decision, document) = match (reference, from, to, document) {
        (Ok(reference), Ok(valid_from), Ok(valid_to), Ok(document)) if valid_to >= valid_from => (
            AuthorizationDecision::Grant {
                reference,
                valid_from,
                valid_to,
            },
            document,
        ),
        (Ok(_), Ok(_), Ok(_), Ok(_)) => {
            return Err(FieldError::new("valid_to", "invalid_period").into())
        }
        (r, f, t, d) => {
            return Err(AppError::invalid(
                [r.err(), f.err(), t.err(), d.err()]
                    .into_iter()
                    .flatten()
                    .collect(),
            ))
        }
    };
    let document = document
        .as_ref()
        .map(|(kind, bytes)| (*kind, bytes.as_slice()));
    twiza_app::campaigns::decide_authorization(
        &state.store,
        &state.mail,
        id,
        &decision,
        document,
        user.id,
        crate::ctx::locale_of(&headers),
    )
    .await?;
    view_of(&state, id).await
}

/// The document of a campaign's authorization decision (public once the campaign is).
#[utoipa::path(get, path = "/api/v1/campaigns/{campaign_id}/authorization/document", tag = "campaigns",
    params(("campaign_id" = i64, Path)),
    responses((status = 200, description = "The document (PDF, PNG, JPEG or WebP)", content((Vec<u8> = "application/pdf"), (Vec<u8> = "image/png"), (Vec<u8> = "image/jpeg"), (Vec<u8> = "image/webp"))), (status = 404, body = ErrorBody)))]
pub async fn authorization_document(
    State(state): State<AppState>,
    Extension(actor): Extension<Actor>,
    PathId(id): PathId,
) -> AppResult<axum::response::Response> {
    let campaign = visible_campaign(&state.store, actor.user(), id).await?;
    let (media_type, bytes) = state
        .store
        .authorization_document(campaign.id)
        .await?
        .ok_or_else(AppError::not_found)?;
    Ok(crate::download::file_response(
        media_type,
        bytes,
        &format!("authorization-{}", campaign.code),
        "public, max-age=3600",
    ))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RefuseRequest {
    pub reason: String,
}

#[utoipa::path(post, path = "/api/v1/campaigns/{campaign_id}/authorization/refuse", tag = "campaigns",
    params(("campaign_id" = i64, Path)), request_body = RefuseRequest,
    responses((status = 200, body = CampaignView),
              (status = 403, description = "`forbidden`: the caller is neither an authority nor a platform admin; `outside_competence`: the campaign is outside the authority's competence", body = ErrorBody),
              (status = 409, body = ErrorBody)), security(("bearer" = [])))]
pub async fn refuse(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    PathId(id): PathId,
    headers: axum::http::HeaderMap,
    ApiJson(body): ApiJson<RefuseRequest>,
) -> AppResult<Json<CampaignView>> {
    let reason = twiza_domain::text::parse_text("reason", &body.reason, 1000)?;
    twiza_app::campaigns::decide_authorization(
        &state.store,
        &state.mail,
        id,
        &AuthorizationDecision::Refuse { reason },
        None,
        user.id,
        crate::ctx::locale_of(&headers),
    )
    .await?;
    view_of(&state, id).await
}

/// Publishes a draft campaign (it takes donations once authorized and within its dates).
#[utoipa::path(post, path = "/api/v1/campaigns/{campaign_id}/publish", tag = "campaigns",
    params(("campaign_id" = i64, Path)),
    responses((status = 200, body = CampaignView), (status = 409, body = ErrorBody)), security(("bearer" = [])))]
pub async fn publish(
    State(state): State<AppState>,
    Extension(scope): Extension<OrgScope>,
    PathId(id): PathId,
) -> AppResult<Json<CampaignView>> {
    transition(
        &state,
        &scope,
        id,
        CampaignState::Draft,
        CampaignState::Published,
    )
    .await
}

/// Closes a published campaign: it takes no more donations.
#[utoipa::path(post, path = "/api/v1/campaigns/{campaign_id}/close", tag = "campaigns",
    params(("campaign_id" = i64, Path)),
    responses((status = 200, body = CampaignView), (status = 409, body = ErrorBody)), security(("bearer" = [])))]
pub async fn close(
    State(state): State<AppState>,
    Extension(scope): Extension<OrgScope>,
    PathId(id): PathId,
) -> AppResult<Json<CampaignView>> {
    transition(
        &state,
        &scope,
        id,
        CampaignState::Published,
        CampaignState::Closed,
    )
    .await
}

async fn transition(
    state: &AppState,
    scope: &OrgScope,
    id: i64,
    from: CampaignState,
    to: CampaignState,
) -> AppResult<Json<CampaignView>> {
    state.store.set_campaign_state(scope, id, from, to).await?;
    view_of(state, id).await
}
