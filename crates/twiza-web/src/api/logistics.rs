//! `/api/v1/…` logistics: the item catalog, an association's warehouses and stock, deliveries
//! for needs and their proof by a one-time code sent to the recipient's phone.

use super::ApiJson;
use super::CurrentUser;
use crate::error::{AppError, AppResult, ErrorBody};
use crate::AppState;
use axum::extract::{RawPathParams, State};
use axum::http::StatusCode;
use axum::{Extension, Json};
use serde::{Deserialize, Serialize};
use twiza_domain::{FieldError, OrgScope};
use twiza_store::ProofOutcome;
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct ItemView {
    pub code: String,
    pub name_ar: String,
    pub name_fr: String,
    /// `kit`, `piece`, `kg`, `litre`, …
    pub unit: String,
}

/// The item catalog.
#[utoipa::path(get, path = "/api/v1/items", tag = "logistics", responses((status = 200, body = Vec<ItemView>)))]
pub async fn items(State(state): State<AppState>) -> AppResult<Json<Vec<ItemView>>> {
    Ok(Json(
        state
            .store
            .items()
            .await?
            .into_iter()
            .map(|i| ItemView {
                code: i.code,
                name_ar: i.name_ar,
                name_fr: i.name_fr,
                unit: i.unit,
            })
            .collect(),
    ))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WarehouseCreate {
    pub name: String,
    /// HCP code of the commune where it stands.
    pub commune: String,
}

#[derive(Serialize, ToSchema)]
pub struct CreatedView {
    pub id: i64,
}

/// Opens a warehouse of the association.
#[utoipa::path(post, path = "/api/v1/organizations/{org_id}/warehouses", tag = "logistics",
    params(("org_id" = i64, Path)), request_body = WarehouseCreate,
    responses((status = 201, body = CreatedView), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn create_warehouse(
    State(state): State<AppState>,
    Extension(scope): Extension<OrgScope>,
    ApiJson(body): ApiJson<WarehouseCreate>,
) -> AppResult<(StatusCode, Json<CreatedView>)> {
    let id =
        twiza_app::logistics::create_warehouse(&state.store, &scope, &body.name, &body.commune)
            .await?;
    Ok((StatusCode::CREATED, Json(CreatedView { id })))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StockReceive {
    pub warehouse_id: i64,
    /// Catalog code (`tent`, `blanket`, …).
    pub item: String,
    pub quantity: i64,
    /// `in_kind_donation`, `purchase` or `other`.
    pub source: String,
    /// The campaign's code, the expense or the partner, as written on the delivery note.
    #[serde(default)]
    pub reference: String,
    /// The confirmed in-kind donation these goods are (source `in_kind_donation`): the lot is
    /// linked to it, never beyond what it gave of the item.
    #[serde(default)]
    pub donation_id: Option<i64>,
    /// The approved expense that bought these goods (source `purchase`).
    #[serde(default)]
    pub expense_id: Option<i64>,
}

/// Receives goods into one of the association's warehouses as a lot; answers the lot's id.
#[utoipa::path(post, path = "/api/v1/organizations/{org_id}/stock", tag = "logistics",
    params(("org_id" = i64, Path)), request_body = StockReceive,
    responses((status = 201, body = CreatedView), (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn receive(
    State(state): State<AppState>,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    ApiJson(body): ApiJson<StockReceive>,
) -> AppResult<(StatusCode, Json<CreatedView>)> {
    let input = twiza_app::logistics::ReceiptInput {
        warehouse_id: body.warehouse_id,
        item: &body.item,
        quantity: body.quantity,
        source: &body.source,
        reference: &body.reference,
        donation_id: body.donation_id,
        expense_id: body.expense_id,
    };
    let id = twiza_app::logistics::receive(&state.store, &scope, &input, user.id).await?;
    Ok((StatusCode::CREATED, Json(CreatedView { id })))
}

#[derive(Serialize, ToSchema)]
pub struct StockLineView {
    pub warehouse_id: i64,
    pub warehouse: String,
    pub item: String,
    pub unit: String,
    pub quantity: i64,
}

/// The association's stock per warehouse and item.
#[utoipa::path(get, path = "/api/v1/organizations/{org_id}/stock", tag = "logistics",
    params(("org_id" = i64, Path)), responses((status = 200, body = Vec<StockLineView>)),
    security(("bearer" = [])))]
pub async fn stock(
    State(state): State<AppState>,
    Extension(scope): Extension<OrgScope>,
) -> AppResult<Json<Vec<StockLineView>>> {
    Ok(Json(
        state
            .store
            .stock(&scope)
            .await?
            .into_iter()
            .map(|l| StockLineView {
                warehouse_id: l.warehouse_id,
                warehouse: l.warehouse,
                item: l.item,
                unit: l.unit,
                quantity: l.quantity,
            })
            .collect(),
    ))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DeliveryCreate {
    pub incident_id: i64,
    pub need_id: i64,
    pub warehouse_id: i64,
    pub item: String,
    pub quantity: i64,
    /// Households served by this delivery.
    pub households: i64,
    /// Where the code goes; by default the phone left with the need (readable by an association
    /// that pledged to cover it).
    pub recipient_phone: Option<String>,
    /// `otp` (default): a code sent to the recipient's phone; `agent`: the recipient has no
    /// phone, the field agent proves the delivery with a statement and a photo.
    #[serde(default)]
    pub proof: Option<String>,
    /// The association's campaign whose funds or in-kind gifts the goods came from; its code goes
    /// into the delivery's leaf.
    pub campaign_id: Option<i64>,
    /// The association's registered household that receives the goods (never in the leaf); the
    /// delivery then appears in that household's own data export.
    #[serde(default)]
    pub household_id: Option<i64>,
    /// The lot to take the goods from (of the same item, in that warehouse); by default the
    /// warehouse's oldest lots of the item. The delivery names the lots it consumed.
    #[serde(default)]
    pub lot_id: Option<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct DeliveryView {
    pub id: i64,
    /// `awaiting_proof`.
    pub status: String,
    /// `otp` or `agent`.
    pub proof: String,
    /// The number the code went to, all but its last two digits hidden (`otp` only).
    pub code_sent_to: Option<String>,
}

/// Takes goods out of a warehouse for a need and sends the recipient a one-time code that
/// proves the delivery.
#[utoipa::path(post, path = "/api/v1/organizations/{org_id}/deliveries", tag = "logistics",
    params(("org_id" = i64, Path)), request_body = DeliveryCreate,
    responses((status = 201, body = DeliveryView), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn create_delivery(
    State(state): State<AppState>,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    ApiJson(body): ApiJson<DeliveryCreate>,
) -> AppResult<(StatusCode, Json<DeliveryView>)> {
    let by_agent = match body.proof.as_deref().unwrap_or("otp") {
        "otp" => false,
        "agent" => true,
        _ => return Err(FieldError::new("proof", "validation").into()),
    };
    let input = twiza_app::logistics::DeliveryInput {
        incident_id: body.incident_id,
        need_id: body.need_id,
        warehouse_id: body.warehouse_id,
        item: &body.item,
        lot_id: body.lot_id,
        quantity: body.quantity,
        households: body.households,
        campaign_id: body.campaign_id,
        household_id: body.household_id,
        recipient_phone: body.recipient_phone.as_deref(),
        by_agent,
    };
    let sender = crate::sms::CodeBySms(&state);
    let prepared = twiza_app::logistics::prepare_delivery(
        &state.store,
        (&state.config.personal_data, &sender),
        &scope,
        &input,
        user.id,
    )
    .await
    .map_err(sms_unavailable)?;
    Ok((
        StatusCode::CREATED,
        Json(DeliveryView {
            id: prepared.id,
            status: "awaiting_proof".to_owned(),
            proof: if by_agent { "agent" } else { "otp" }.to_owned(),
            code_sent_to: prepared.code_sent_to.as_deref().map(crate::sms::masked),
        }),
    ))
}

/// A gateway that failed after the delivery was written: 502 `sms_unavailable`.
pub(crate) fn sms_unavailable(e: twiza_app::Error) -> AppError {
    match e {
        twiza_app::Error::Internal("sms_unavailable") => {
            AppError::new(StatusCode::BAD_GATEWAY, "sms_unavailable")
        }
        e => e.into(),
    }
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProofBody {
    /// The six digits the recipient received.
    pub code: String,
}

#[derive(Serialize, ToSchema)]
pub struct ProofView {
    /// `delivered`.
    pub status: String,
    /// Where the delivery sits in the transparency log.
    pub leaf_index: u64,
}

/// Confirms a delivery with the recipient's code; five wrong codes lock it.
#[utoipa::path(post, path = "/api/v1/organizations/{org_id}/deliveries/{delivery_id}/confirm", tag = "logistics",
    params(("org_id" = i64, Path), ("delivery_id" = i64, Path)), request_body = ProofBody,
    responses((status = 200, body = ProofView), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn confirm(
    State(state): State<AppState>,
    Extension(scope): Extension<OrgScope>,
    params: RawPathParams,
    ApiJson(body): ApiJson<ProofBody>,
) -> AppResult<Json<ProofView>> {
    let id = super::path_param(&params, "delivery_id")?;
    match twiza_app::logistics::confirm_by_code(
        &state.store,
        &scope,
        id,
        &body.code,
        state.notices(),
    )
    .await?
    {
        ProofOutcome::Delivered { leaf_index } => Ok(Json(ProofView {
            status: "delivered".to_owned(),
            leaf_index,
        })),
        ProofOutcome::Wrong { attempts_left } => Err(AppError {
            max: usize::try_from(attempts_left).ok(),
            ..AppError::new(StatusCode::UNPROCESSABLE_ENTITY, "proof_code_wrong")
        }),
        ProofOutcome::Locked => Err(AppError::new(StatusCode::CONFLICT, "proof_locked")),
    }
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ManifestLine {
    pub item: String,
    pub quantity: i64,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ConvoyCreate {
    /// The warehouse it loads at; the manifest must be in its stock.
    pub warehouse_id: i64,
    /// HCP code of the destination commune (one of the incident's).
    pub commune: String,
    pub douar_id: Option<i64>,
    pub vehicle: String,
    pub driver: String,
    pub route: String,
    /// `YYYY-MM-DD`, today or later.
    pub departs_on: String,
    pub manifest: Vec<ManifestLine>,
}

#[derive(Serialize, ToSchema)]
pub struct ConvoyReceiptView {
    pub id: i64,
    /// Set when the destination is already covered while neighbouring communes wait.
    pub warning: Option<super::crisis::CoverageWarningView>,
}

/// Plans a convoy to a place of the incident.
#[utoipa::path(post, path = "/api/v1/organizations/{org_id}/incidents/{incident_id}/convoys", tag = "logistics",
    params(("org_id" = i64, Path), ("incident_id" = i64, Path)), request_body = ConvoyCreate,
    responses((status = 201, body = ConvoyReceiptView), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn plan_convoy(
    State(state): State<AppState>,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    params: RawPathParams,
    ApiJson(body): ApiJson<ConvoyCreate>,
) -> AppResult<(StatusCode, Json<ConvoyReceiptView>)> {
    let incident = super::path_param(&params, "incident_id")?;
    let input = twiza_app::logistics::ConvoyInput {
        incident_id: incident,
        warehouse_id: body.warehouse_id,
        commune: &body.commune,
        douar_id: body.douar_id,
        vehicle: &body.vehicle,
        driver: &body.driver,
        route: &body.route,
        departs_on: &body.departs_on,
        items: body
            .manifest
            .iter()
            .map(|l| (l.item.clone(), l.quantity))
            .collect(),
        lots: Vec::new(),
    };
    let plan =
        twiza_app::logistics::plan_convoy(&state.store, &scope, &input, true, user.id).await?;
    let twiza_app::logistics::ConvoyPlan::Planned { id, warning } = plan else {
        return Err(AppError::internal());
    };
    Ok((
        StatusCode::CREATED,
        Json(ConvoyReceiptView {
            id,
            warning: warning.map(super::crisis::CoverageWarningView::from_store),
        }),
    ))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ConvoyStatusBody {
    /// `left`, `arrived` or `cancelled`.
    pub status: String,
}

/// Moves one of the association's convoys.
#[utoipa::path(post, path = "/api/v1/organizations/{org_id}/convoys/{convoy_id}/status", tag = "logistics",
    params(("org_id" = i64, Path), ("convoy_id" = i64, Path)), request_body = ConvoyStatusBody,
    responses((status = 204), (status = 409, body = ErrorBody)), security(("bearer" = [])))]
pub async fn convoy_status(
    State(state): State<AppState>,
    Extension(scope): Extension<OrgScope>,
    params: RawPathParams,
    ApiJson(body): ApiJson<ConvoyStatusBody>,
) -> AppResult<StatusCode> {
    let id = super::path_param(&params, "convoy_id")?;
    let next = twiza_domain::logistics::ConvoyStatus::parse(&body.status)
        .ok_or_else(|| AppError::from(FieldError::new("status", "validation")))?;
    state.store.set_convoy_status(&scope, id, next).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Serialize, ToSchema)]
pub struct ConvoyView {
    pub id: i64,
    pub organization: String,
    pub commune: String,
    pub douar_id: Option<i64>,
    pub departs_on: String,
    /// `planned`, `left`, `arrived` or `cancelled`.
    pub status: String,
    pub manifest: Vec<ManifestView>,
}

#[derive(Serialize, ToSchema)]
pub struct ManifestView {
    pub item: String,
    pub quantity: i64,
}

/// Who is sending what where: the convoys of an incident, newest first (no driver's name).
#[utoipa::path(get, path = "/api/v1/incidents/{incident_id}/convoys", tag = "logistics",
    params(("incident_id" = i64, Path)), responses((status = 200, body = Vec<ConvoyView>)))]
pub async fn convoys(
    State(state): State<AppState>,
    super::PathId(incident): super::PathId,
) -> AppResult<Json<Vec<ConvoyView>>> {
    super::crisis::require_incident(&state, incident).await?;
    Ok(Json(
        state
            .store
            .incident_convoys(incident, super::crisis::MAX_PAGE)
            .await?
            .into_iter()
            .map(|c| ConvoyView {
                id: c.id,
                organization: c.organization,
                commune: c.commune_code,
                douar_id: c.douar_id,
                departs_on: c.departs_on,
                status: c.status,
                manifest: c
                    .manifest
                    .into_iter()
                    .map(|(item, quantity)| ManifestView { item, quantity })
                    .collect(),
            })
            .collect(),
    ))
}

/// Largest body of an agent's proof: a 2 MB photo in base64 and its statement.
pub const AGENT_PROOF_BODY_LIMIT: usize = 3 * 1024 * 1024;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AgentProofBody {
    /// What the agent attests (who received what, where), kept with the delivery, never logged.
    pub statement: String,
    /// `png`, `jpeg` or `webp`.
    pub photo_type: String,
    /// The photo of the handover, base64.
    pub photo: String,
}

/// Confirms a delivery to a recipient without a phone by the field agent's statement and photo.
#[utoipa::path(post, path = "/api/v1/organizations/{org_id}/deliveries/{delivery_id}/confirm-by-agent", tag = "logistics",
    params(("org_id" = i64, Path), ("delivery_id" = i64, Path)), request_body = AgentProofBody,
    responses((status = 200, body = ProofView), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn confirm_by_agent(
    State(state): State<AppState>,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    params: RawPathParams,
    ApiJson(body): ApiJson<AgentProofBody>,
) -> AppResult<Json<ProofView>> {
    use base64::Engine;
    let id = super::path_param(&params, "delivery_id")?;
    let photo = base64::engine::general_purpose::STANDARD
        .decode(body.photo.trim())
        .map_err(|_| AppError::from(FieldError::new("photo", "invalid_photo")))?;
    let leaf_index = twiza_app::logistics::confirm_by_agent(
        &state.store,
        &scope,
        id,
        (&body.statement, Some(body.photo_type.as_str()), &photo),
        user.id,
        state.notices(),
        None,
    )
    .await?;
    Ok(Json(ProofView {
        status: "delivered".to_owned(),
        leaf_index,
    }))
}
