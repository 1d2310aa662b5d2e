//! The treasury's campaign pages: the association's campaigns, opening one (its Law 18-18
//! authorization requested at once from the authority its scope names), and one campaign's desk
//! where it is published once authorized and closed.

use super::{render, render_status, see_other, CsrfOnly, DoneQuery, PageForm};
use crate::ctx::Ctx;
use crate::download::{file_response, PRIVATE};
use crate::error::{AppError, AppResult};
use crate::extract::{ApiQuery, CurrentUser, PathId};
use crate::AppState;
use askama::Template;
use axum::extract::Multipart;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::Extension;
use std::collections::HashMap;
use twiza_app::campaigns::{attach_request_document, collecting_today, open_campaign_once};
use twiza_domain::campaign::{CampaignInput, CampaignScope, CampaignState, NewCampaign};
use twiza_domain::organization::Organization;
use twiza_domain::{FieldError, OrgScope};
use twiza_store::{Campaign, StoreError};

/// The fields of the campaign form, in page order.
const FIELDS: [&str; 9] = [
    "title_ar",
    "title_fr",
    "purpose_ar",
    "purpose_fr",
    "goal",
    "starts_on",
    "ends_on",
    "scope",
    "bank_account",
];

/// Confirmations after a change (`?done=`), with their messages.
const DONE: [(&str, &str); 4] = [
    ("created", "treasury-done-created"),
    ("document", "treasury-done-document"),
    ("published", "treasury-done-published"),
    ("closed", "treasury-done-closed"),
];

async fn organization(state: &AppState, scope: &OrgScope) -> AppResult<Organization> {
    state
        .store
        .organization(scope.org_id())
        .await?
        .ok_or_else(AppError::not_found)
}

#[derive(Template)]
#[template(path = "treasury_campaigns.html")]
struct CampaignsPage {
    c: Ctx,
    org: Organization,
    campaigns: Vec<Campaign>,
}

/// `GET /associations/{org_id}/campaigns`.
pub async fn list(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
) -> AppResult<Response> {
    let org = organization(&state, &scope).await?;
    let campaigns = state.store.campaigns_of(&scope).await?;
    Ok(render(&CampaignsPage { c, org, campaigns }))
}

/// The campaign form's values and errors.
pub struct CampaignForm {
    values: HashMap<String, String>,
    pub errors: Vec<FieldError>,
}

impl CampaignForm {
    pub fn get(&self, name: &str) -> &str {
        self.values.get(name).map_or("", String::as_str)
    }

    pub fn is(&self, name: &str, value: &str) -> bool {
        self.get(name) == value
    }
}

#[derive(Template)]
#[template(path = "treasury_campaign_new.html")]
struct NewCampaignPage {
    c: Ctx,
    org: Organization,
    form: CampaignForm,
    scopes: Vec<(&'static str, String)>,
}

fn new_page(c: Ctx, org: Organization, form: CampaignForm) -> NewCampaignPage {
    let scopes = CampaignScope::ALL
        .iter()
        .map(|s| (s.as_str(), c.authority_name(s)))
        .collect();
    NewCampaignPage {
        c,
        org,
        form,
        scopes,
    }
}

/// `GET /associations/{org_id}/campaigns/new`.
pub async fn new_form(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
) -> AppResult<Response> {
    let org = organization(&state, &scope).await?;
    let key: [u8; 16] = rand::random();
    let form = CampaignForm {
        values: HashMap::from([
            ("scope".to_owned(), "local".to_owned()),
            ("creation_key".to_owned(), hex::encode(key)),
        ]),
        errors: Vec::new(),
    };
    Ok(render(&new_page(c, org, form)))
}

/// `POST /associations/{org_id}/campaigns`: opens the campaign, or the form again with every
/// error next to its field (nothing written).
pub async fn create(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    PageForm(raw): PageForm<HashMap<String, String>>,
) -> AppResult<Response> {
    let values: HashMap<String, String> = FIELDS
        .iter()
        .chain(&["emergency", "creation_key"])
        .filter_map(|f| raw.get(*f).map(|v| ((*f).to_owned(), v.trim().to_owned())))
        .collect();
    let get = |f: &str| values.get(f).map_or("", String::as_str);
    let input = CampaignInput {
        title_ar: get("title_ar"),
        title_fr: get("title_fr"),
        purpose_ar: get("purpose_ar"),
        purpose_fr: get("purpose_fr"),
        goal: get("goal"),
        starts_on: get("starts_on"),
        ends_on: get("ends_on"),
        scope: get("scope"),
        bank_account: get("bank_account"),
        emergency: get("emergency") == "yes",
    };
    let errors = match NewCampaign::parse(&input) {
        Ok(campaign) => match open_campaign_once(
            &state.store,
            &scope,
            &campaign,
            user.id,
            creation_key(get("creation_key")),
        )
        .await
        {
            Ok(id) => return Ok(see_other(&format!("/campaigns/{id}/desk?done=created"))),
            Err(twiza_app::Error::Invalid(errors)) => errors,
            Err(e) => return Err(e.into()),
        },
        Err(errors) => errors,
    };
    let org = organization(&state, &scope).await?;
    let form = CampaignForm { values, errors };
    Ok(render_status(
        StatusCode::UNPROCESSABLE_ENTITY,
        &new_page(c, org, form),
    ))
}

/// The key a campaign form carries (made when the form is shown): 32 hexadecimal digits, or
/// none when a form comes without one.
fn creation_key(raw: &str) -> Option<&str> {
    (raw.len() == 32 && raw.bytes().all(|b| b.is_ascii_hexdigit())).then_some(raw)
}

#[derive(Template)]
#[template(path = "treasury_campaign.html")]
struct DeskPage {
    c: Ctx,
    campaign: Campaign,
    /// Why it does not take gifts today, if so (an error code).
    not_collecting: Option<&'static str>,
    can_publish: bool,
    can_close: bool,
    done: Option<String>,
    error: Option<String>,
    /// The request's file, if sent: (media type, SHA-256 in hex, size in bytes).
    document: Option<(String, String, i64)>,
    /// The request's file may still be sent or replaced (the authority has not decided).
    can_send_document: bool,
    /// Why the file just sent was refused (next to the file field).
    document_errors: Vec<FieldError>,
}

async fn desk_page(
    state: &AppState,
    c: Ctx,
    scope: &OrgScope,
    id: i64,
    done: Option<String>,
    error: Option<String>,
) -> AppResult<DeskPage> {
    let campaign = state
        .store
        .campaign(id)
        .await?
        .filter(|campaign| campaign.org_id == scope.org_id())
        .ok_or_else(AppError::not_found)?;
    use twiza_domain::campaign::AuthorizationStatus;
    let authorized = campaign.authorization.status == AuthorizationStatus::Granted;
    Ok(DeskPage {
        document: state.store.request_document_info(campaign.id).await?,
        can_send_document: campaign.authorization.status == AuthorizationStatus::Requested,
        document_errors: Vec::new(),
        not_collecting: collecting_today(&campaign).err().map(|n| n.code()),
        can_publish: campaign.state == CampaignState::Draft && authorized,
        can_close: campaign.state == CampaignState::Published,
        campaign,
        c,
        done,
        error,
    })
}

/// `GET /campaigns/{campaign_id}/desk`: one campaign as its treasury works on it.
pub async fn desk(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    PathId(id): PathId,
    ApiQuery(query): ApiQuery<DoneQuery>,
) -> AppResult<Response> {
    let done = query.key(&DONE).map(|key| c.t(key));
    Ok(render(&desk_page(&state, c, &scope, id, done, None).await?))
}

async fn transition(
    state: &AppState,
    c: Ctx,
    scope: &OrgScope,
    id: i64,
    (from, to): (CampaignState, CampaignState),
    done: &str,
) -> AppResult<Response> {
    match state.store.set_campaign_state(scope, id, from, to).await {
        Ok(()) => Ok(see_other(&format!("/campaigns/{id}/desk?done={done}"))),
        Err(StoreError::Refused(refusal)) => {
            let status = AppError::from(refusal).status;
            let error = Some(c.code_message(refusal.code()));
            let page = desk_page(state, c, scope, id, None, error).await?;
            Ok(render_status(status, &page))
        }
        Err(e) => Err(e.into()),
    }
}

/// `POST /campaigns/{campaign_id}/publish`: a draft with its authorization granted goes public.
pub async fn publish(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    PathId(id): PathId,
    PageForm(_): PageForm<CsrfOnly>,
) -> AppResult<Response> {
    let states = (CampaignState::Draft, CampaignState::Published);
    transition(&state, c, &scope, id, states, "published").await
}

/// `POST /campaigns/{campaign_id}/close`: a published campaign takes no more gifts.
pub async fn close(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    PathId(id): PathId,
    PageForm(_): PageForm<CsrfOnly>,
) -> AppResult<Response> {
    let states = (CampaignState::Published, CampaignState::Closed);
    transition(&state, c, &scope, id, states, "closed").await
}

/// Largest body of the request's file upload: the 2 MB file and the multipart around it.
pub const DOCUMENT_BODY_LIMIT: usize = twiza_domain::ledger::MAX_EVIDENCE_BYTES + 64 * 1024;

/// The type a file's name says it is (`pdf`, `png`, `jpeg`), which its content must match.
fn declared_type(file_name: &str) -> &str {
    let extension = file_name.rsplit_once('.').map_or("", |(_, e)| e);
    match extension.to_ascii_lowercase().as_str() {
        "pdf" => "pdf",
        "png" => "png",
        "jpg" | "jpeg" => "jpeg",
        _ => "",
    }
}

/// `POST /campaigns/{campaign_id}/authorization/request-document` (multipart, `document`): the
/// file of the authorization request, or the desk again with the error next to the field.
pub async fn send_request_document(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    PathId(id): PathId,
    mut multipart: Multipart,
) -> AppResult<Response> {
    let mut file: Option<(String, Vec<u8>)> = None;
    while let Ok(Some(field)) = multipart.next_field().await {
        if field.name() == Some("document") {
            let name = field.file_name().unwrap_or_default().to_owned();
            match field.bytes().await {
                Ok(bytes) => file = Some((name, bytes.to_vec())),
                Err(_) => file = None,
            }
        }
    }
    let (name, bytes) = file.unwrap_or_default();
    let result = attach_request_document(
        &state.store,
        &scope,
        id,
        declared_type(&name),
        &bytes,
        user.id,
    )
    .await;
    let errors = match result {
        Ok(()) => return Ok(see_other(&format!("/campaigns/{id}/desk?done=document"))),
        Err(twiza_app::Error::Invalid(errors)) => errors,
        Err(twiza_app::Error::Refused(refusal)) => {
            vec![FieldError::new("document", refusal.code())]
        }
        Err(e) => return Err(e.into()),
    };
    let mut page = desk_page(&state, c, &scope, id, None, None).await?;
    page.document_errors = errors;
    Ok(render_status(StatusCode::UNPROCESSABLE_ENTITY, &page))
}

/// `GET /campaigns/{campaign_id}/authorization/request-document`: the request's file, to the
/// association's treasury.
pub async fn request_document(
    State(state): State<AppState>,
    Extension(scope): Extension<OrgScope>,
    PathId(id): PathId,
) -> AppResult<Response> {
    let campaign = state
        .store
        .campaign(id)
        .await?
        .filter(|campaign| campaign.org_id == scope.org_id())
        .ok_or_else(AppError::not_found)?;
    let (media_type, bytes) = state
        .store
        .request_document(campaign.id)
        .await?
        .ok_or_else(AppError::not_found)?;
    let name = format!("request-{}", campaign.code);
    Ok(file_response(media_type, bytes, &name, PRIVATE))
}
