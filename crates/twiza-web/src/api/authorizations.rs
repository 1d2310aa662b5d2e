//! `/api/v1/authorizations`: the Law 18-18 authorization requests waiting for the caller — those
//! of an authority's competence, or every one for a platform admin recording paper decisions.

use super::campaigns::CampaignView;
use super::{ApiQuery, CurrentUser};
use crate::api::crisis::PageQuery;
use crate::error::{AppError, AppResult, ErrorBody};
use crate::AppState;
use axum::extract::State;
use axum::Json;
use serde::Serialize;
use twiza_store::AuthorizationRequest;
use utoipa::ToSchema;

/// An authorization request: the campaign (in draft or published, its authorization
/// `requested`) and the association asking, whose seat decides the competent authority.
#[derive(Serialize, ToSchema)]
pub struct AuthorizationRequestView {
    pub campaign: CampaignView,
    pub organization: RequestingOrganizationView,
    /// When the request was made (RFC 3339).
    pub requested_at: String,
}

/// The association asking for an authorization, and where it is seated.
#[derive(Serialize, ToSchema)]
pub struct RequestingOrganizationView {
    pub id: i64,
    pub name_ar: String,
    pub name_fr: String,
    /// HCP code of the seat's province or prefecture (a local campaign is its governor's).
    pub province_code: String,
    /// HCP code of the seat's region (a regional campaign is its wali's).
    pub region_code: String,
}

impl AuthorizationRequestView {
    fn from_store(r: AuthorizationRequest) -> AuthorizationRequestView {
        let requested_at = r
            .campaign
            .created_at
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap_or_default();
        AuthorizationRequestView {
            organization: RequestingOrganizationView {
                id: r.campaign.org_id.0,
                name_ar: r.organization_name_ar,
                name_fr: r.organization_name_fr,
                province_code: r.province_code,
                region_code: r.region_code,
            },
            campaign: CampaignView::from_store(r.campaign),
            requested_at,
        }
    }
}

/// The authorization requests waiting for the caller, oldest first (keyset pages: `after` is the
/// last campaign id seen): an authority sees only those of its competence (a governor the local
/// campaigns of associations seated in their province, a wali the regional campaigns of their
/// region, the Secretary-General of the Government the national ones, Foreign Affairs those
/// abroad), a platform admin every one; an authority whose competence is not set sees none.
#[utoipa::path(get, path = "/api/v1/authorizations", tag = "campaigns", params(PageQuery),
    responses((status = 200, body = Vec<AuthorizationRequestView>), (status = 400, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn queue(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    ApiQuery(q): ApiQuery<PageQuery>,
) -> AppResult<Json<Vec<AuthorizationRequestView>>> {
    let limit = match q.limit.unwrap_or(100) {
        n if (1..=crate::api::crisis::MAX_PAGE).contains(&n) => n,
        _ => return Err(AppError::bad_request("invalid_query")),
    };
    let page =
        twiza_app::campaigns::authorization_queue(&state.store, &user, q.after.unwrap_or(0), limit)
            .await?;
    Ok(Json(
        page.into_iter()
            .map(AuthorizationRequestView::from_store)
            .collect(),
    ))
}
