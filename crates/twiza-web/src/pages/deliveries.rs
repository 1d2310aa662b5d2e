//! The association's delivery pages: the list (keyset pages), preparing a delivery from a lot
//! for an open need the association covers (and, if named, a registered household) with the
//! family's code sent by SMS, and a delivery's page where the field agent confirms it by that
//! code — five wrong codes lock it — or, for a family without a phone, by a statement and a
//! photo.

use super::stock::Form;
use super::{render, render_status, see_other, DoneQuery, PageForm};
use crate::authz::role_in;
use crate::authz::FIELD;
use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::extract::{path_param, ApiQuery, CurrentUser};
use crate::AppState;
use askama::Template;
use axum::extract::{Multipart, RawPathParams, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Extension;
use std::collections::HashMap;
use twiza_app::logistics::DeliveryInput;
use twiza_domain::logistics::MAX_PROOF_ATTEMPTS;
use twiza_domain::{FieldError, OrgScope, Refusal};
use twiza_store::{DeliveryLine, LotLine, NeedToServe, ProofOutcome};

/// Deliveries on one page of the list; needs and lots offered on the form.
const PAGE_ROWS: i64 = 50;
const OFFERED: i64 = 200;

/// Largest body of the agent's proof: a 2 MB photo and its statement.
pub const AGENT_PROOF_LIMIT: usize = twiza_domain::ledger::MAX_EVIDENCE_BYTES + 64 * 1024;

const DONE: [(&str, &str); 2] = [
    ("prepared", "delivery-done-prepared"),
    ("delivered", "delivery-done-delivered"),
];

impl Ctx {
    /// A need as the delivery form offers it.
    pub fn need_label(&self, n: &NeedToServe) -> String {
        let households = n
            .households
            .map(|h| format!(" · {}", self.tn("delivery-households-count", "n", h)))
            .unwrap_or_default();
        format!(
            "{} · {} · {}{households}",
            n.reference,
            self.place_of(&n.commune_code, &n.douar_ar, &n.douar_fr),
            twiza_domain::crisis::NeedCategory::parse(&n.category)
                .map(|k| self.category_name(&k))
                .unwrap_or_default()
        )
    }

    /// Wrong codes the family may still give, in words.
    pub fn tries_left(&self, n: impl std::borrow::Borrow<i64>) -> String {
        self.tn("delivery-attempts-left", "n", *n.borrow())
    }

    /// A number of households, in words.
    pub fn households_count(&self, n: impl std::borrow::Borrow<i64>) -> String {
        self.tn("delivery-households-count", "n", *n.borrow())
    }

    /// A lot in a warehouse as the delivery form offers it.
    pub fn lot_label(&self, l: &LotLine) -> String {
        format!(
            "{} · {} · {} · {}",
            self.t1("stock-lot-number", "n", &l.lot_id.to_string()),
            self.item_name(&l.item_ar, &l.item_fr),
            l.warehouse,
            self.int(l.quantity)
        )
    }
}

#[derive(serde::Deserialize, Default)]
pub struct ListQuery {
    before: Option<i64>,
}

#[derive(Template)]
#[template(path = "deliveries.html")]
struct ListPage {
    c: Ctx,
    org_id: i64,
    deliveries: Vec<DeliveryLine>,
    older: Option<String>,
    paged: bool,
    done: Option<String>,
}

/// `GET /associations/{org_id}/deliveries`: the association's deliveries, newest first.
pub async fn list(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    ApiQuery(query): ApiQuery<ListQuery>,
    ApiQuery(done): ApiQuery<DoneQuery>,
) -> AppResult<Response> {
    let org_id = scope.org_id().0;
    let mut deliveries = state
        .store
        .deliveries_of(&scope, query.before, PAGE_ROWS + 1)
        .await?;
    let older = (deliveries.len() as i64 > PAGE_ROWS)
        .then(|| {
            deliveries.truncate(PAGE_ROWS as usize);
            deliveries
                .last()
                .map(|d| format!("/associations/{org_id}/deliveries?before={}", d.id))
        })
        .flatten();
    let done = done.key(&DONE).map(|key| c.t(key));
    Ok(render(&ListPage {
        c,
        org_id,
        deliveries,
        older,
        paged: query.before.is_some(),
        done,
    }))
}

#[derive(Template)]
#[template(path = "delivery_new.html")]
struct NewPage {
    c: Ctx,
    org_id: i64,
    lots: Vec<LotLine>,
    needs: Vec<NeedToServe>,
    form: Form,
}

impl NewPage {
    /// The form's value for a lot in a warehouse (`LOT-WAREHOUSE`).
    fn lot_value(&self, l: &LotLine) -> String {
        format!("{}-{}", l.lot_id, l.warehouse_id)
    }

    fn lot_chosen(&self, l: &LotLine) -> bool {
        self.form.get("lot") == self.lot_value(l)
    }
}

async fn new_page(state: &AppState, c: Ctx, scope: &OrgScope, form: Form) -> AppResult<NewPage> {
    Ok(NewPage {
        org_id: scope.org_id().0,
        lots: state.store.lot_lines(scope, None, OFFERED).await?,
        needs: state.store.needs_to_serve(scope, OFFERED).await?,
        form,
        c,
    })
}

#[derive(serde::Deserialize, Default)]
pub struct NewQuery {
    lot: Option<i64>,
}

/// `GET /associations/{org_id}/deliveries/new` (`?lot=` preselects a lot).
pub async fn new_form(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    ApiQuery(query): ApiQuery<NewQuery>,
) -> AppResult<Response> {
    let mut form = Form::default();
    form.values.insert("proof".into(), "otp".into());
    let mut page = new_page(&state, c, &scope, form).await?;
    if let Some(lot) = query.lot {
        if let Some(l) = page.lots.iter().find(|l| l.lot_id == lot) {
            let value = format!("{}-{}", l.lot_id, l.warehouse_id);
            page.form.values.insert("lot".into(), value);
        }
    }
    Ok(render(&page))
}

/// The lot and warehouse of the form's `lot` choice (`LOT-WAREHOUSE`).
fn lot_choice(form: &mut Form) -> Option<(i64, i64)> {
    let parsed = form
        .get("lot")
        .split_once('-')
        .and_then(|(l, w)| Some((l.parse().ok()?, w.parse().ok()?)));
    if parsed.is_none() {
        form.errors.push(FieldError::new("lot", "required"));
    }
    parsed
}

/// `POST /associations/{org_id}/deliveries`: takes the goods out of the lot and sends the
/// family's code, then shows the delivery; bad input, a quantity beyond the lot's balance or
/// no phone to send to: the form again, nothing written.
pub async fn prepare(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    PageForm(raw): PageForm<HashMap<String, String>>,
) -> AppResult<Response> {
    let mut form = Form::of(raw);
    let lot = lot_choice(&mut form);
    let need = form.number("need_id");
    let quantity = form.number("quantity");
    let households = form.number("households");
    let household = household_of(&state, &scope, &mut form).await?;
    let by_agent = form.is("proof", "agent");
    let mut status = StatusCode::UNPROCESSABLE_ENTITY;
    if let (Some((lot, warehouse)), Some(need), Some(quantity), Some(households), true) =
        (lot, need, quantity, households, form.errors.is_empty())
    {
        let item = state.store.lot(&scope, lot).await.map(|l| l.item);
        let incident = state.store.need(need).await?.map(|n| n.incident_id);
        match (item, incident) {
            (Err(_), _) => form.errors.push(FieldError::new("lot", "unknown_lot")),
            (_, None) => form.errors.push(FieldError::new("need_id", "unknown_need")),
            (Ok(item), Some(incident_id)) => {
                let phone = form.get("recipient_phone").to_owned();
                let input = DeliveryInput {
                    incident_id,
                    need_id: need,
                    warehouse_id: warehouse,
                    item: &item,
                    lot_id: Some(lot),
                    quantity,
                    households,
                    campaign_id: None,
                    household_id: household,
                    recipient_phone: Some(phone.as_str()),
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
                .await;
                match prepared {
                    Ok(p) => {
                        return Ok(see_other(&format!(
                            "/associations/{}/deliveries/{}?done=prepared",
                            scope.org_id().0,
                            p.id
                        )))
                    }
                    Err(e) => status = refused(&mut form, e)?,
                }
            }
        }
    }
    let page = new_page(&state, c, &scope, form).await?;
    Ok(render_status(status, &page))
}

/// The registered household the form names by its reference (`HH-…`, as on its card), if any;
/// an unknown reference is an error next to the field.
async fn household_of(
    state: &AppState,
    scope: &OrgScope,
    form: &mut Form,
) -> AppResult<Option<i64>> {
    let reference = form.get("household").trim().to_uppercase();
    if reference.is_empty() {
        return Ok(None);
    }
    let found = if reference.len() <= 40 {
        state
            .store
            .household_by_reference(scope, &reference)
            .await?
    } else {
        None
    };
    if found.is_none() {
        form.errors
            .push(FieldError::new("household", "unknown_household"));
    }
    Ok(found)
}

/// A refusal of the delivery form, next to its field.
fn refused(form: &mut Form, e: twiza_app::Error) -> AppResult<StatusCode> {
    let field = match &e {
        twiza_app::Error::Refused(Refusal::UnknownNeed | Refusal::DeliveryNeedNotOpen) => "need_id",
        twiza_app::Error::Refused(Refusal::UnknownHousehold) => "household",
        twiza_app::Error::Refused(Refusal::UnknownLot | Refusal::UnknownWarehouse) => "lot",
        _ => "quantity",
    };
    form.refused(e, field)
}

#[derive(Template)]
#[template(path = "delivery.html")]
struct DeliveryPage {
    c: Ctx,
    org_id: i64,
    d: DeliveryLine,
    lots: Vec<(i64, i64)>,
    /// Wrong codes the family may still give.
    attempts_left: i64,
    field_work: bool,
    form: Form,
    done: Option<String>,
}

async fn delivery_page(
    state: &AppState,
    c: Ctx,
    scope: &OrgScope,
    id: i64,
    form: Form,
    done: Option<String>,
) -> AppResult<DeliveryPage> {
    let (d, lots) = state.store.delivery(scope, id).await?;
    Ok(DeliveryPage {
        org_id: scope.org_id().0,
        attempts_left: (MAX_PROOF_ATTEMPTS - d.attempts).max(0),
        field_work: role_in(scope, FIELD),
        d,
        lots,
        form,
        done,
        c,
    })
}

/// `GET /associations/{org_id}/deliveries/{delivery_id}`.
pub async fn show(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    params: RawPathParams,
    ApiQuery(done): ApiQuery<DoneQuery>,
) -> AppResult<Response> {
    let id = path_param(&params, "delivery_id")?;
    let done = done.key(&DONE).map(|key| c.t(key));
    Ok(render(
        &delivery_page(&state, c, &scope, id, Form::default(), done).await?,
    ))
}

/// `POST /associations/{org_id}/deliveries/{delivery_id}/confirm`: the family's code. A wrong
/// code says how many tries remain; the fifth locks the delivery, and the page says so.
pub async fn confirm(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    params: RawPathParams,
    PageForm(raw): PageForm<HashMap<String, String>>,
) -> AppResult<Response> {
    let id = path_param(&params, "delivery_id")?;
    let mut form = Form::of(raw);
    let checked = twiza_app::logistics::confirm_by_code(
        &state.store,
        &scope,
        id,
        form.get("code"),
        state.notices(),
    )
    .await;
    let status = match checked {
        Ok(ProofOutcome::Delivered { .. }) => {
            return Ok(see_other(&format!(
                "/associations/{}/deliveries/{id}?done=delivered",
                scope.org_id().0
            )))
        }
        Ok(ProofOutcome::Wrong { attempts_left }) => {
            form.errors.push(FieldError {
                field: "code",
                code: "proof_code_wrong",
                max: usize::try_from(attempts_left).ok(),
            });
            StatusCode::UNPROCESSABLE_ENTITY
        }
        Ok(ProofOutcome::Locked) => {
            form.errors.push(FieldError::new("code", "proof_locked"));
            StatusCode::CONFLICT
        }
        Err(e) => form.refused(e, "code")?,
    };
    form.values.remove("code");
    let page = delivery_page(&state, c, &scope, id, form, None).await?;
    Ok(render_status(status, &page))
}

/// The agent's proof as sent: the statement and the photo's bytes.
async fn read_proof(multipart: &mut Multipart) -> Option<(String, Vec<u8>)> {
    let mut statement = String::new();
    let mut photo = Vec::new();
    while let Some(field) = multipart.next_field().await.ok()? {
        match field.name().unwrap_or_default() {
            "statement" => statement = field.text().await.ok()?,
            "photo" => photo = field.bytes().await.ok()?.to_vec(),
            _ => {}
        }
    }
    Some((statement, photo))
}

/// `POST /associations/{org_id}/deliveries/{delivery_id}/confirm-by-agent` (multipart, the
/// CSRF token in the address): the agent's statement and a photo (PNG, JPEG or WebP, checked
/// by its content).
pub async fn confirm_by_agent(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    params: RawPathParams,
    mut multipart: Multipart,
) -> AppResult<Response> {
    let id = path_param(&params, "delivery_id")?;
    let Some((statement, photo)) = read_proof(&mut multipart).await else {
        return Err(AppError::bad_request("bad_request"));
    };
    let mut form = Form::default();
    form.values
        .insert("statement".into(), statement.trim().to_owned());
    let proven = twiza_app::logistics::confirm_by_agent(
        &state.store,
        &scope,
        id,
        (&statement, None, &photo),
        user.id,
        state.notices(),
        None,
    )
    .await;
    let status = match proven {
        Ok(_) => {
            return Ok(see_other(&format!(
                "/associations/{}/deliveries/{id}?done=delivered",
                scope.org_id().0
            )))
        }
        Err(e) => form.refused(e, "photo")?,
    };
    let page = delivery_page(&state, c, &scope, id, form, None).await?;
    Ok(render_status(status, &page))
}
