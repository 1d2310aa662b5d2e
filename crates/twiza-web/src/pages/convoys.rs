//! The association's convoy pages: its convoys (keyset pages) with the steps they take — left,
//! arrived —, and planning one for an incident: warehouse, destination (a commune of the
//! incident, a douar if known), vehicle, driver, route, date and a manifest of lots. When the
//! destination is already covered while neighbouring communes wait, a confirmation step shows
//! where help is missing before anything is saved.

use super::stock::Form;
use super::{render, render_status, see_other, DoneQuery, PageForm};
use crate::ctx::Ctx;
use crate::error::AppResult;
use crate::extract::{path_param, ApiQuery, CurrentUser};
use crate::AppState;
use askama::Template;
use axum::extract::{RawPathParams, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Extension;
use std::collections::HashMap;
use twiza_app::logistics::{ConvoyInput, ConvoyPlan};
use twiza_domain::logistics::ConvoyStatus;
use twiza_domain::{FieldError, OrgScope};
use twiza_store::{ConvoyLine, CoverageWarning, Douar, Incident, LotLine, Warehouse};

const PAGE_ROWS: i64 = 50;
/// Incidents and lots offered on the form.
const OFFERED: i64 = 100;
/// Manifest lines of the form.
const LINES: [(&str, &str); 3] = [
    ("lot_1", "quantity_1"),
    ("lot_2", "quantity_2"),
    ("lot_3", "quantity_3"),
];

const DONE: [(&str, &str); 3] = [
    ("planned", "convoys-done-planned"),
    ("left", "convoys-done-left"),
    ("arrived", "convoys-done-arrived"),
];

impl Ctx {
    /// A convoy's status, in words.
    pub fn convoy_status(&self, status: &str) -> String {
        self.t(&format!("convoy-status-{status}"))
    }
}

#[derive(serde::Deserialize, Default)]
pub struct ListQuery {
    before: Option<i64>,
}

#[derive(Template)]
#[template(path = "convoys.html")]
struct ListPage {
    c: Ctx,
    org_id: i64,
    convoys: Vec<ConvoyLine>,
    older: Option<String>,
    paged: bool,
    done: Option<String>,
    error: Option<String>,
}

async fn list_page(
    state: &AppState,
    c: Ctx,
    scope: &OrgScope,
    before: Option<i64>,
    (done, error): (Option<String>, Option<String>),
) -> AppResult<ListPage> {
    let org_id = scope.org_id().0;
    let mut convoys = state.store.convoys_of(scope, before, PAGE_ROWS + 1).await?;
    let older = (convoys.len() as i64 > PAGE_ROWS)
        .then(|| {
            convoys.truncate(PAGE_ROWS as usize);
            convoys
                .last()
                .map(|v| format!("/associations/{org_id}/convoys?before={}", v.id))
        })
        .flatten();
    Ok(ListPage {
        c,
        org_id,
        convoys,
        older,
        paged: before.is_some(),
        done,
        error,
    })
}

/// `GET /associations/{org_id}/convoys`.
pub async fn list(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    ApiQuery(query): ApiQuery<ListQuery>,
    ApiQuery(done): ApiQuery<DoneQuery>,
) -> AppResult<Response> {
    let done = done.key(&DONE).map(|key| c.t(key));
    let page = list_page(&state, c, &scope, query.before, (done, None)).await?;
    Ok(render(&page))
}

/// `POST /associations/{org_id}/convoys/{convoy_id}/status`: the convoy left, or arrived.
pub async fn set_status(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    params: RawPathParams,
    PageForm(raw): PageForm<HashMap<String, String>>,
) -> AppResult<Response> {
    let id = path_param(&params, "convoy_id")?;
    let next = raw
        .get("status")
        .and_then(|s| ConvoyStatus::parse(s))
        .filter(|s| matches!(s, ConvoyStatus::Left | ConvoyStatus::Arrived));
    let refusal = match next {
        None => twiza_domain::Refusal::InvalidStatusChange,
        Some(next) => match state.store.set_convoy_status(&scope, id, next).await {
            Ok(()) => {
                return Ok(see_other(&format!(
                    "/associations/{}/convoys?done={}",
                    scope.org_id().0,
                    next.as_str()
                )))
            }
            Err(twiza_store::StoreError::Refused(r)) => r,
            Err(e) => return Err(e.into()),
        },
    };
    let error = Some(c.code_message(refusal.code()));
    let page = list_page(&state, c, &scope, None, (None, error)).await?;
    Ok(render_status(StatusCode::CONFLICT, &page))
}

#[derive(Template)]
#[template(path = "convoy_new.html")]
struct NewPage {
    c: Ctx,
    org_id: i64,
    incidents: Vec<Incident>,
    /// The incident chosen, its communes and douars.
    incident: Option<Incident>,
    communes: Vec<String>,
    douars: Vec<Douar>,
    warehouses: Vec<Warehouse>,
    lots: Vec<LotLine>,
    lines: Vec<(&'static str, &'static str)>,
    form: Form,
}

async fn new_page(
    state: &AppState,
    c: Ctx,
    scope: &OrgScope,
    incident: Option<i64>,
    form: Form,
) -> AppResult<NewPage> {
    let incident = match incident {
        Some(id) => state.store.incident(id).await?,
        None => None,
    };
    let (communes, douars) = match &incident {
        Some(i) => (
            state.store.incident_communes(i.id).await?,
            state.store.incident_douars(i.id).await?,
        ),
        None => (Vec::new(), Vec::new()),
    };
    Ok(NewPage {
        org_id: scope.org_id().0,
        incidents: state.store.incidents(None, OFFERED).await?,
        incident,
        communes,
        douars,
        warehouses: state.store.warehouses(scope).await?,
        lots: state.store.lot_lines(scope, None, OFFERED).await?,
        lines: LINES.to_vec(),
        form,
        c,
    })
}

#[derive(serde::Deserialize, Default)]
pub struct NewQuery {
    incident: Option<i64>,
}

/// `GET /associations/{org_id}/convoys/new` (`?incident=` chooses the incident first, so that
/// its communes and douars can be offered without JavaScript).
pub async fn new_form(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    ApiQuery(query): ApiQuery<NewQuery>,
) -> AppResult<Response> {
    let mut form = Form::default();
    if let Some(i) = query.incident {
        form.values.insert("incident_id".into(), i.to_string());
    }
    Ok(render(
        &new_page(&state, c, &scope, query.incident, form).await?,
    ))
}

#[derive(Template)]
#[template(path = "convoy_check.html")]
struct CheckPage {
    c: Ctx,
    org_id: i64,
    warning: CoverageWarning,
    /// The form's values, sent again with the confirmation.
    values: Vec<(String, String)>,
}

impl CheckPage {
    /// The incident of the convoy, to plan it elsewhere.
    fn incident(&self) -> &str {
        self.values
            .iter()
            .find(|(k, _)| k == "incident_id")
            .map_or("", |(_, v)| v.as_str())
    }
}

/// The manifest's lot lines, each error next to its line.
fn manifest(form: &mut Form) -> Vec<(i64, i64)> {
    let mut lots = Vec::new();
    for (lot_field, quantity_field) in LINES {
        let (lot, quantity) = (form.get(lot_field), form.get(quantity_field));
        if lot.is_empty() && quantity.is_empty() {
            continue;
        }
        let (lot, quantity) = (lot.parse::<i64>().ok(), quantity.parse::<i64>().ok());
        if lot.is_none() {
            form.errors.push(FieldError::new(lot_field, "required"));
        }
        if quantity.is_none() {
            form.errors
                .push(FieldError::new(quantity_field, "quantity_not_positive"));
        }
        if let (Some(lot), Some(quantity)) = (lot, quantity) {
            lots.push((lot, quantity));
        }
    }
    lots
}

/// `POST /associations/{org_id}/convoys`: plans the convoy. A destination covered while its
/// neighbours wait first gets the confirmation step (nothing saved until it is confirmed).
pub async fn plan(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    PageForm(raw): PageForm<HashMap<String, String>>,
) -> AppResult<Response> {
    let mut form = Form::of(raw);
    let incident = form.number("incident_id");
    let warehouse = form.number("warehouse_id");
    let douar = form.optional("douar_id");
    let lots = manifest(&mut form);
    let confirmed = form.is("confirm", "yes");
    let mut status = StatusCode::UNPROCESSABLE_ENTITY;
    if let (Some(incident_id), Some(warehouse_id), true) =
        (incident, warehouse, form.errors.is_empty())
    {
        let input = ConvoyInput {
            incident_id,
            warehouse_id,
            commune: form.get("commune"),
            douar_id: douar,
            vehicle: form.get("vehicle"),
            driver: form.get("driver"),
            route: form.get("route"),
            departs_on: form.get("departs_on"),
            items: Vec::new(),
            lots,
        };
        let planned =
            twiza_app::logistics::plan_convoy(&state.store, &scope, &input, confirmed, user.id)
                .await;
        match planned {
            Ok(ConvoyPlan::Planned { .. }) => {
                return Ok(see_other(&format!(
                    "/associations/{}/convoys?done=planned",
                    scope.org_id().0
                )))
            }
            Ok(ConvoyPlan::Warned(warning)) => {
                let mut values: Vec<(String, String)> = form
                    .values
                    .iter()
                    .filter(|(k, _)| k.as_str() != "confirm")
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect();
                values.sort();
                let org_id = scope.org_id().0;
                return Ok(render(&CheckPage {
                    c,
                    org_id,
                    warning,
                    values,
                }));
            }
            Err(e) => {
                let field = match &e {
                    twiza_app::Error::Refused(twiza_domain::Refusal::CommuneNotInIncident) => {
                        "commune"
                    }
                    twiza_app::Error::Refused(twiza_domain::Refusal::UnknownDouar) => "douar_id",
                    twiza_app::Error::Refused(twiza_domain::Refusal::UnknownWarehouse) => {
                        "warehouse_id"
                    }
                    _ => "quantity_1",
                };
                status = form.refused(e, field)?;
            }
        }
    }
    let page = new_page(&state, c, &scope, incident, form).await?;
    Ok(render_status(status, &page))
}
