//! The association's stock pages: its warehouses (and opening one), the lots each holds (keyset
//! pages), receiving goods as a lot linked to the in-kind donation or the approved expense they
//! come from, and a lot's own page — where it is, moving it, counting it, and the trail of the
//! deliveries that took from it to the douars they reached.

use super::{render, render_status, see_other, DoneQuery, PageForm};
use crate::authz::role_in;
use crate::authz::{FIELD, LOGISTICS};
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
use twiza_app::logistics::ReceiptInput;
use twiza_domain::logistics::StockSource;
use twiza_domain::{FieldError, OrgScope};
use twiza_store::{
    ApprovedExpense, InKindDonation, Item, Lot, LotCount, LotDelivery, LotLine, Warehouse,
};

/// Lines of lots on one page of the stock.
const PAGE_LINES: i64 = 50;
/// Deliveries shown on a lot's page (newest first), and counts.
const TRAIL_LINES: i64 = 100;
const COUNT_LINES: i64 = 10;
/// Donations and expenses offered when receiving goods (newest first).
const SOURCES_OFFERED: i64 = 50;

/// Confirmations of the stock pages (`?done=`), with their messages.
const DONE: [(&str, &str); 4] = [
    ("warehouse", "stock-done-warehouse"),
    ("received", "stock-done-received"),
    ("moved", "stock-done-moved"),
    ("counted", "stock-done-counted"),
];

/// A form's values as sent (trimmed) and its errors.
#[derive(Default)]
pub struct Form {
    pub values: HashMap<String, String>,
    pub errors: Vec<FieldError>,
}

impl Form {
    pub fn of(raw: HashMap<String, String>) -> Form {
        Form {
            values: raw
                .into_iter()
                .filter(|(k, _)| k != "csrf")
                .map(|(k, v)| (k, v.trim().to_owned()))
                .collect(),
            errors: Vec::new(),
        }
    }

    pub fn get(&self, name: &str) -> &str {
        self.values.get(name).map_or("", String::as_str)
    }

    pub fn is(&self, name: &str, value: &str) -> bool {
        self.get(name) == value
    }

    /// A whole number field: `None` (and an error next to it) when missing or not a number.
    pub fn number(&mut self, name: &'static str) -> Option<i64> {
        let value = self.get(name);
        if value.is_empty() {
            self.errors.push(FieldError::new(name, "required"));
            return None;
        }
        let n = value.parse::<i64>().ok();
        if n.is_none() {
            self.errors.push(FieldError::new(name, "validation"));
        }
        n
    }

    /// An optional id: empty is `None`, anything else must be a number.
    pub fn optional(&mut self, name: &'static str) -> Option<i64> {
        if self.get(name).is_empty() {
            None
        } else {
            self.number(name)
        }
    }

    /// Takes the errors of a use case's refusal or invalid input onto the form; other
    /// failures are returned.
    pub fn refused(&mut self, e: twiza_app::Error, field: &'static str) -> AppResult<StatusCode> {
        match e {
            twiza_app::Error::Invalid(fields) => {
                self.errors.extend(fields);
                Ok(StatusCode::UNPROCESSABLE_ENTITY)
            }
            twiza_app::Error::Refused(refusal) => {
                let status = AppError::from(refusal).status;
                let field = refusal.field().unwrap_or(field);
                self.errors.push(FieldError::new(field, refusal.code()));
                Ok(status)
            }
            e => Err(e.into()),
        }
    }
}

impl Ctx {
    /// An item's name in the reader's language.
    pub fn item_name(&self, name_ar: &str, name_fr: &str) -> String {
        self.place_name(name_ar, name_fr)
    }

    /// Where a lot came from, in words.
    pub fn lot_source(&self, source: &str) -> String {
        self.t(match source {
            "in_kind_donation" => "stock-source-in-kind-donation",
            "purchase" => "stock-source-purchase",
            "opening" => "stock-source-opening",
            _ => "stock-source-other",
        })
    }

    /// A delivery's status, in words.
    pub fn delivery_status(&self, status: &str) -> String {
        self.t(match status {
            "delivered" => "delivery-status-delivered",
            "locked" => "delivery-status-locked",
            _ => "delivery-status-awaiting",
        })
    }

    /// A count's difference with the stock, signed (`+2`, `-1`, `0`).
    pub fn signed(&self, n: impl std::borrow::Borrow<i64>) -> String {
        let n = *n.borrow();
        if n > 0 {
            format!("+{}", self.int(n))
        } else {
            self.int(n)
        }
    }

    /// A Unix time as a date in the reader's language.
    pub fn unix_day(&self, at: &i64) -> String {
        time::OffsetDateTime::from_unix_timestamp(*at)
            .map(|t| self.date(&t.date()))
            .unwrap_or_default()
    }

    /// A douar (if named) and its commune.
    pub fn place_of(
        &self,
        commune: &str,
        douar_ar: &Option<String>,
        douar_fr: &Option<String>,
    ) -> String {
        match (douar_ar, douar_fr) {
            (Some(ar), Some(fr)) => format!(
                "{} · {}",
                self.place_name(ar, fr),
                self.commune_name(commune)
            ),
            _ => self.commune_name(commune),
        }
    }
}

#[derive(serde::Deserialize, Default)]
pub struct StockQuery {
    after_lot: Option<i64>,
    after_warehouse: Option<i64>,
}

#[derive(Template)]
#[template(path = "stock.html")]
struct StockPage {
    c: Ctx,
    org_id: i64,
    warehouses: Vec<Warehouse>,
    lines: Vec<LotLine>,
    /// The next page of lots, if any.
    next: Option<String>,
    /// This is not the first page.
    paged: bool,
    logistics: bool,
    field_work: bool,
    form: Form,
    done: Option<String>,
}

async fn stock_page(
    state: &AppState,
    c: Ctx,
    scope: &OrgScope,
    query: &StockQuery,
    form: Form,
    done: Option<String>,
) -> AppResult<StockPage> {
    let org_id = scope.org_id().0;
    let after = query.after_lot.zip(query.after_warehouse.or(Some(0)));
    let mut lines = state.store.lot_lines(scope, after, PAGE_LINES + 1).await?;
    let next = (lines.len() as i64 > PAGE_LINES)
        .then(|| {
            lines.truncate(PAGE_LINES as usize);
            lines.last().map(|l| {
                format!(
                    "/associations/{org_id}/stock?after_lot={}&after_warehouse={}",
                    l.lot_id, l.warehouse_id
                )
            })
        })
        .flatten();
    Ok(StockPage {
        org_id,
        warehouses: state.store.warehouses(scope).await?,
        lines,
        next,
        paged: after.is_some(),
        logistics: role_in(scope, LOGISTICS),
        field_work: role_in(scope, FIELD),
        form,
        done,
        c,
    })
}

/// `GET /associations/{org_id}/stock`: warehouses and the lots they hold.
pub async fn show(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    ApiQuery(query): ApiQuery<StockQuery>,
    ApiQuery(done): ApiQuery<DoneQuery>,
) -> AppResult<Response> {
    let done = done.key(&DONE).map(|key| c.t(key));
    let page = stock_page(&state, c, &scope, &query, Form::default(), done).await?;
    Ok(render(&page))
}

/// `POST /associations/{org_id}/warehouses`: opens a warehouse.
pub async fn create_warehouse(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    PageForm(raw): PageForm<HashMap<String, String>>,
) -> AppResult<Response> {
    let mut form = Form::of(raw);
    let created = twiza_app::logistics::create_warehouse(
        &state.store,
        &scope,
        form.get("name"),
        form.get("commune"),
    )
    .await;
    match created {
        Ok(_) => Ok(see_other(&format!(
            "/associations/{}/stock?done=warehouse",
            scope.org_id().0
        ))),
        Err(e) => {
            let status = form.refused(e, "name")?;
            let page = stock_page(&state, c, &scope, &StockQuery::default(), form, None).await?;
            Ok(render_status(status, &page))
        }
    }
}

#[derive(Template)]
#[template(path = "stock_receive.html")]
struct ReceivePage {
    c: Ctx,
    org_id: i64,
    warehouses: Vec<Warehouse>,
    items: Vec<Item>,
    donations: Vec<InKindDonation>,
    expenses: Vec<ApprovedExpense>,
    sources: Vec<(&'static str, String)>,
    form: Form,
}

impl ReceivePage {
    /// A donation as the choice shows it: its number, campaign and goods.
    fn donation_label(&self, d: &InKindDonation) -> String {
        let goods = d
            .items
            .iter()
            .map(|i| {
                let name = self.items.iter().find(|it| it.code == i.item).map_or_else(
                    || i.item.clone(),
                    |it| self.c.item_name(&it.name_ar, &it.name_fr),
                );
                format!("{} × {name}", self.c.int(i.quantity))
            })
            .collect::<Vec<_>>()
            .join(", ");
        format!("#{} · {} · {goods}", d.id, d.campaign_code)
    }

    fn expense_label(&self, e: &ApprovedExpense) -> String {
        format!(
            "#{} · {} · {} · {}",
            e.id,
            e.campaign_code,
            self.c.place_name(&e.description_ar, &e.description_fr),
            self.c.money(e.amount_centimes)
        )
    }
}

async fn receive_page(
    state: &AppState,
    c: Ctx,
    scope: &OrgScope,
    form: Form,
) -> AppResult<ReceivePage> {
    let sources = StockSource::ALL
        .iter()
        .map(|s| (s.as_str(), c.lot_source(s.as_str())))
        .collect();
    Ok(ReceivePage {
        org_id: scope.org_id().0,
        warehouses: state.store.warehouses(scope).await?,
        items: state.store.items().await?,
        donations: state
            .store
            .in_kind_donations(scope, SOURCES_OFFERED)
            .await?,
        expenses: state
            .store
            .approved_expenses(scope, SOURCES_OFFERED)
            .await?,
        sources,
        form,
        c,
    })
}

#[derive(serde::Deserialize, Default)]
pub struct ReceiveQuery {
    donation: Option<i64>,
}

/// `GET /associations/{org_id}/stock/receive`: the form (`?donation=` preselects a donation).
pub async fn receive_form(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    ApiQuery(query): ApiQuery<ReceiveQuery>,
) -> AppResult<Response> {
    let mut form = Form::default();
    if let Some(d) = query.donation {
        form.values.insert("donation_id".into(), d.to_string());
        form.values
            .insert("source".into(), "in_kind_donation".into());
    }
    Ok(render(&receive_page(&state, c, &scope, form).await?))
}

/// `POST /associations/{org_id}/stock/receive`: receives the goods as a lot and shows it.
pub async fn receive(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    PageForm(raw): PageForm<HashMap<String, String>>,
) -> AppResult<Response> {
    let mut form = Form::of(raw);
    let warehouse = form.number("warehouse_id");
    let quantity = form.number("quantity");
    let source = form.get("source").to_owned();
    let donation = if source == "in_kind_donation" {
        form.optional("donation_id")
    } else {
        None
    };
    let expense = if source == "purchase" {
        form.optional("expense_id")
    } else {
        None
    };
    if form.get("item").is_empty() {
        form.errors.push(FieldError::new("item", "required"));
    }
    let status = match (warehouse, quantity, form.errors.is_empty()) {
        (Some(warehouse_id), Some(quantity), true) => {
            let input = ReceiptInput {
                warehouse_id,
                item: form.get("item"),
                quantity,
                source: &source,
                reference: form.get("reference"),
                donation_id: donation,
                expense_id: expense,
            };
            match twiza_app::logistics::receive(&state.store, &scope, &input, user.id).await {
                Ok(lot) => {
                    return Ok(see_other(&format!(
                        "/associations/{}/lots/{lot}?done=received",
                        scope.org_id().0
                    )))
                }
                Err(e) => form.refused(e, "quantity")?,
            }
        }
        _ => StatusCode::UNPROCESSABLE_ENTITY,
    };
    let page = receive_page(&state, c, &scope, form).await?;
    Ok(render_status(status, &page))
}

#[derive(Template)]
#[template(path = "lot.html")]
struct LotPage {
    c: Ctx,
    org_id: i64,
    lot: Lot,
    places: Vec<LotLine>,
    deliveries: Vec<LotDelivery>,
    counts: Vec<LotCount>,
    warehouses: Vec<Warehouse>,
    logistics: bool,
    field_work: bool,
    treasury: bool,
    /// Delivered from this lot, in all.
    delivered: i64,
    form: Form,
    done: Option<String>,
}

async fn lot_page(
    state: &AppState,
    c: Ctx,
    scope: &OrgScope,
    id: i64,
    form: Form,
    done: Option<String>,
) -> AppResult<LotPage> {
    let lot = state.store.lot(scope, id).await?;
    let deliveries = state.store.lot_deliveries(scope, id, TRAIL_LINES).await?;
    let delivered: i64 = deliveries
        .iter()
        .filter(|d| d.status == "delivered")
        .map(|d| d.quantity)
        .sum();
    Ok(LotPage {
        org_id: scope.org_id().0,
        places: state.store.lot_places(scope, id).await?,
        counts: state.store.lot_counts(scope, id, COUNT_LINES).await?,
        warehouses: state.store.warehouses(scope).await?,
        logistics: role_in(scope, LOGISTICS),
        field_work: role_in(scope, FIELD),
        treasury: role_in(scope, crate::authz::TREASURY),
        lot,
        deliveries,
        delivered,
        form,
        done,
        c,
    })
}

/// `GET /associations/{org_id}/lots/{lot_id}`: the lot, where it is, and where it went.
pub async fn lot(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    params: RawPathParams,
    ApiQuery(done): ApiQuery<DoneQuery>,
) -> AppResult<Response> {
    let id = path_param(&params, "lot_id")?;
    let done = done.key(&DONE).map(|key| c.t(key));
    Ok(render(
        &lot_page(&state, c, &scope, id, Form::default(), done).await?,
    ))
}

/// `POST /associations/{org_id}/lots/{lot_id}/move`: moves part of the lot to another
/// warehouse; beyond what it holds, the page says so next to the quantity.
pub async fn move_lot(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    params: RawPathParams,
    PageForm(raw): PageForm<HashMap<String, String>>,
) -> AppResult<Response> {
    let id = path_param(&params, "lot_id")?;
    let mut form = Form::of(raw);
    let from = form.number("from_warehouse_id");
    let to = form.number("to_warehouse_id");
    let quantity = form.number("quantity");
    let status = match (from, to, quantity) {
        (Some(from), Some(to), Some(quantity)) => {
            let moved = twiza_app::logistics::move_lot(
                &state.store,
                &scope,
                id,
                (from, to),
                quantity,
                user.id,
            )
            .await;
            match moved {
                Ok(()) => {
                    return Ok(see_other(&format!(
                        "/associations/{}/lots/{id}?done=moved",
                        scope.org_id().0
                    )))
                }
                Err(e) => form.refused(e, "quantity")?,
            }
        }
        _ => StatusCode::UNPROCESSABLE_ENTITY,
    };
    let page = lot_page(&state, c, &scope, id, form, None).await?;
    Ok(render_status(status, &page))
}

/// `POST /associations/{org_id}/lots/{lot_id}/count`: records what a count found; the
/// difference with the stock is kept with the count.
pub async fn count_lot(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    params: RawPathParams,
    PageForm(raw): PageForm<HashMap<String, String>>,
) -> AppResult<Response> {
    let id = path_param(&params, "lot_id")?;
    let mut form = Form::of(raw);
    let warehouse = form.number("count_warehouse_id");
    let counted = form.number("counted");
    let status = match (warehouse, counted) {
        (Some(warehouse), Some(counted)) => {
            let result = twiza_app::logistics::count_lot(
                &state.store,
                &scope,
                id,
                warehouse,
                counted,
                user.id,
            )
            .await;
            match result {
                Ok(_) => {
                    return Ok(see_other(&format!(
                        "/associations/{}/lots/{id}?done=counted",
                        scope.org_id().0
                    )))
                }
                Err(e) => form.refused(e, "counted")?,
            }
        }
        _ => StatusCode::UNPROCESSABLE_ENTITY,
    };
    let page = lot_page(&state, c, &scope, id, form, None).await?;
    Ok(render_status(status, &page))
}
