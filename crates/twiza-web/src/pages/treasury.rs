//! The treasury's campaign pages: the association's campaigns, opening one (its Law 18-18
//! authorization requested at once from the authority its scope names), and one campaign's desk
//! where it is published once authorized and closed.

use super::{render, render_status, see_other, CsrfOnly, DoneQuery, PageForm};
use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::extract::{ApiQuery, CurrentUser, PathId};
use crate::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::Extension;
use std::collections::HashMap;
use twiza_app::campaigns::{collecting_today, open_campaign};
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
const DONE: [(&str, &str); 3] = [
    ("created", "treasury-done-created"),
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
    let form = CampaignForm {
        values: HashMap::from([("scope".to_owned(), "local".to_owned())]),
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
        .chain(&["emergency"])
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
        Ok(campaign) => match open_campaign(&state.store, &scope, &campaign, user.id).await {
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
    let authorized =
        campaign.authorization.status == twiza_domain::campaign::AuthorizationStatus::Granted;
    Ok(DeskPage {
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
