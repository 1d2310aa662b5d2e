//! The treasury's donation pages of a campaign: the list (filters and keyset pages in the query
//! string, each donation linked to its printable receipt), recording a settled donation — money
//! or goods from the item catalogue, once however often the form is sent — and opening the
//! identity a donor of a large gift gave (each read written to the server's log).

use super::{render, render_status, see_other, PageForm};
use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::extract::{path_param, ApiQuery, PathId};
use crate::AppState;
use askama::Template;
use axum::extract::{RawPathParams, State};
use axum::http::{header, StatusCode};
use axum::response::Response;
use axum::Extension;
use serde::Deserialize;
use std::collections::HashMap;
use twiza_app::donations::{
    campaign_donations, parse_donation, reads_donors, record_donation, DonationInput, ItemInput,
};
use twiza_domain::donation::{parse_idempotency_key, Gift, PaymentMethod};
use twiza_domain::donor::IdDocument;
use twiza_domain::money::{Amount, CURRENCY};
use twiza_domain::{FieldError, OrgScope};
use twiza_store::{Campaign, DonationChannel, DonationFilter, GiftKind, Item};

/// Donations on a page of the list.
const PAGE: i64 = 25;

/// The in-kind lines of the form.
const ITEM_FIELDS: [&str; 3] = ["item_1", "item_2", "item_3"];
const QUANTITY_FIELDS: [&str; 3] = ["quantity_1", "quantity_2", "quantity_3"];

/// The methods the treasury records by hand.
const RECORDED_METHODS: [PaymentMethod; 3] = [
    PaymentMethod::Cash,
    PaymentMethod::BankTransfer,
    PaymentMethod::Card,
];

async fn own_campaign(state: &AppState, scope: &OrgScope, id: i64) -> AppResult<Campaign> {
    state
        .store
        .campaign(id)
        .await?
        .filter(|c| c.org_id == scope.org_id())
        .ok_or_else(AppError::not_found)
}

/// The list's query string: filters, the page, and the confirmation of a recorded donation.
#[derive(Deserialize, Default)]
pub struct ListQuery {
    kind: Option<String>,
    method: Option<String>,
    from: Option<String>,
    to: Option<String>,
    minimum: Option<String>,
    after: Option<i64>,
    before: Option<i64>,
    done: Option<String>,
    recorded: Option<i64>,
}

fn filled(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

fn midnight(date: time::Date) -> i64 {
    date.midnight().assume_utc().unix_timestamp()
}

impl ListQuery {
    /// The storage filter, and an error for each filter that is not understood (left out).
    fn filter(&self) -> (DonationFilter, Vec<FieldError>) {
        let mut errors = Vec::new();
        let mut filter = DonationFilter {
            after: self.after,
            before: self.before,
            limit: PAGE,
            ..DonationFilter::default()
        };
        if let Some(kind) = filled(&self.kind) {
            filter.kind = GiftKind::parse(kind);
            if filter.kind.is_none() {
                errors.push(FieldError::new("kind", "validation"));
            }
        }
        if let Some(method) = filled(&self.method) {
            filter.channel = match method {
                "online" => Some(DonationChannel::Online),
                m => PaymentMethod::parse(m).map(DonationChannel::Recorded),
            };
            if filter.channel.is_none() {
                errors.push(FieldError::new("method", "invalid_method"));
            }
        }
        if let Some(from) = filled(&self.from) {
            match twiza_domain::campaign::parse_date("from", from) {
                Ok(d) => filter.from = Some(midnight(d)),
                Err(e) => errors.push(e),
            }
        }
        if let Some(to) = filled(&self.to) {
            match twiza_domain::campaign::parse_date("to", to) {
                Ok(d) => filter.to = Some(midnight(d.saturating_add(time::Duration::DAY))),
                Err(e) => errors.push(e),
            }
        }
        if let Some(minimum) = filled(&self.minimum) {
            match Amount::parse("minimum", minimum) {
                Ok(a) => filter.min_centimes = Some(a.centimes()),
                Err(e) => errors.push(e),
            }
        }
        (filter, errors)
    }

    /// The query string of another page of the same filters.
    fn page_href(&self, campaign: i64, (name, id): (&str, i64)) -> String {
        let mut pairs: Vec<(&str, String)> = [
            ("kind", &self.kind),
            ("method", &self.method),
            ("from", &self.from),
            ("to", &self.to),
            ("minimum", &self.minimum),
        ]
        .into_iter()
        .filter_map(|(k, v)| filled(v).map(|v| (k, v.to_owned())))
        .collect();
        pairs.push((name, id.to_string()));
        format!(
            "/campaigns/{campaign}/donations?{}",
            serde_urlencoded::to_string(&pairs).unwrap_or_default()
        )
    }

    pub fn get(&self, name: &str) -> &str {
        let v = match name {
            "kind" => &self.kind,
            "method" => &self.method,
            "from" => &self.from,
            "to" => &self.to,
            "minimum" => &self.minimum,
            _ => return "",
        };
        v.as_deref().unwrap_or_default()
    }
}

/// A donation as the list shows it.
pub struct DonationLine {
    pub id: i64,
    pub date: String,
    /// The amount, or the goods.
    pub what: String,
    /// The payment method, "online gift", or "in kind".
    pub how: String,
    pub status: String,
    pub confirmed: bool,
    /// The viewer may open the donor's identity.
    pub donor: bool,
    /// A confirmed gift in kind, which stock can receive.
    pub in_kind: bool,
    /// The lots received from it (lot, received, delivered): its trail to the douars.
    pub lots: Vec<(i64, i64, i64)>,
}

#[derive(Template)]
#[template(path = "donations.html")]
struct ListPage {
    c: Ctx,
    campaign: Campaign,
    query: ListQuery,
    errors: Vec<FieldError>,
    donations: Vec<DonationLine>,
    newer: Option<String>,
    older: Option<String>,
    /// The donation just recorded.
    recorded: Option<i64>,
    methods: Vec<(&'static str, String)>,
    /// The viewer may receive goods into stock.
    logistics: bool,
}

fn goods(c: &Ctx, items: &[twiza_domain::donation::PledgedItem], catalogue: &[Item]) -> String {
    items
        .iter()
        .map(|i| {
            let name = catalogue.iter().find(|c| c.code == i.item).map_or_else(
                || i.item.clone(),
                |it| c.place_name(&it.name_ar, &it.name_fr),
            );
            format!("{} × {name}", c.int(i.quantity))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn line(c: &Ctx, d: twiza_store::ListedDonation, catalogue: &[Item], donors: bool) -> DonationLine {
    let date = time::OffsetDateTime::from_unix_timestamp(d.created_at)
        .map(|t| c.date(&t.date()))
        .unwrap_or_default();
    let (what, how) = match &d.gift {
        Gift::Money { amount, method } => {
            let how = if d.online {
                c.t("donations-online")
            } else {
                c.method_name(method)
            };
            (c.mad(amount), how)
        }
        Gift::InKind { items } => (goods(c, items, catalogue), c.t("donations-in-kind")),
    };
    DonationLine {
        id: d.id,
        date,
        what,
        how,
        status: c.donation_status_name(&d.status),
        confirmed: d.status == twiza_domain::donation::DonationStatus::Confirmed,
        donor: donors && d.has_donor,
        in_kind: matches!(d.gift, Gift::InKind { .. })
            && d.status == twiza_domain::donation::DonationStatus::Confirmed,
        lots: Vec::new(),
    }
}

/// The filter's choices of how the money came.
fn channel_choices(c: &Ctx) -> Vec<(&'static str, String)> {
    RECORDED_METHODS
        .iter()
        .map(|m| (m.as_str(), c.method_name(m)))
        .chain([("online", c.t("donations-online"))])
        .collect()
}

/// `GET /campaigns/{campaign_id}/donations`.
pub async fn list(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    PathId(campaign_id): PathId,
    ApiQuery(query): ApiQuery<ListQuery>,
) -> AppResult<Response> {
    let campaign = own_campaign(&state, &scope, campaign_id).await?;
    let (filter, errors) = query.filter();
    let page = campaign_donations(&state.store, &scope, campaign_id, &filter).await?;
    let catalogue = state.store.items().await?;
    let donors = reads_donors(&scope);
    let newer = page
        .newer
        .then(|| page.donations.first())
        .flatten()
        .map(|d| query.page_href(campaign_id, ("before", d.id)));
    let older = page
        .older
        .then(|| page.donations.last())
        .flatten()
        .map(|d| query.page_href(campaign_id, ("after", d.id)));
    let mut donations: Vec<DonationLine> = page
        .donations
        .into_iter()
        .map(|d| line(&c, d, &catalogue, donors))
        .collect();
    let in_kind: Vec<i64> = donations
        .iter()
        .filter(|d| d.in_kind)
        .map(|d| d.id)
        .collect();
    for lot in state.store.donation_lots(&scope, &in_kind).await? {
        if let Some(d) = donations.iter_mut().find(|d| d.id == lot.donation_id) {
            d.lots.push((lot.lot_id, lot.quantity, lot.delivered));
        }
    }
    let recorded = query
        .recorded
        .filter(|_| query.done.as_deref() == Some("recorded"));
    let methods = channel_choices(&c);
    Ok(render(&ListPage {
        c,
        campaign,
        query,
        errors,
        donations,
        newer,
        older,
        recorded,
        methods,
        logistics: crate::authz::role_in(&scope, crate::authz::LOGISTICS),
    }))
}

/// The donation form's values and errors.
pub struct DonationForm {
    values: HashMap<String, String>,
    pub errors: Vec<FieldError>,
    /// A refusal of the whole form (the campaign does not collect, the form was sent before
    /// with other values).
    pub refusal: Option<String>,
}

impl DonationForm {
    pub fn get(&self, name: &str) -> &str {
        self.values.get(name).map_or("", String::as_str)
    }

    pub fn is(&self, name: &str, value: &str) -> bool {
        self.get(name) == value
    }
}

#[derive(Template)]
#[template(path = "donation_new.html")]
struct NewPage {
    c: Ctx,
    campaign: Campaign,
    form: DonationForm,
    methods: Vec<(&'static str, String)>,
    catalogue: Vec<(String, String)>,
    lines: Vec<(&'static str, &'static str)>,
}

async fn new_page(
    state: &AppState,
    c: Ctx,
    campaign: Campaign,
    form: DonationForm,
) -> AppResult<NewPage> {
    let methods = RECORDED_METHODS
        .iter()
        .map(|m| (m.as_str(), c.method_name(m)))
        .collect();
    let catalogue = state
        .store
        .items()
        .await?
        .into_iter()
        .map(|i| (i.code, c.place_name(&i.name_ar, &i.name_fr)))
        .collect();
    Ok(NewPage {
        c,
        campaign,
        form,
        methods,
        catalogue,
        lines: ITEM_FIELDS.into_iter().zip(QUANTITY_FIELDS).collect(),
    })
}

fn fresh_form() -> DonationForm {
    DonationForm {
        values: HashMap::from([
            ("kind".to_owned(), "money".to_owned()),
            (
                "idempotency_key".to_owned(),
                twiza_app::accounts::new_secret(),
            ),
        ]),
        errors: Vec::new(),
        refusal: None,
    }
}

/// `GET /campaigns/{campaign_id}/donations/new`: the form, with a fresh idempotency key.
pub async fn new_form(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    PathId(campaign_id): PathId,
) -> AppResult<Response> {
    let campaign = own_campaign(&state, &scope, campaign_id).await?;
    Ok(render(&new_page(&state, c, campaign, fresh_form()).await?))
}

/// The gift the form describes, or every error next to its field.
fn gift_of(form: &DonationForm, catalogue: &[Item]) -> Result<Gift, Vec<FieldError>> {
    let filled = |name: &str| Some(form.get(name)).filter(|v| !v.is_empty());
    match form.get("kind") {
        "money" => {
            let mut errors = Vec::new();
            if filled("amount").is_none() {
                errors.push(FieldError::new("amount", "required"));
            }
            if filled("method").is_none() {
                errors.push(FieldError::new("method", "required"));
            }
            if !errors.is_empty() {
                return Err(errors);
            }
            let input = DonationInput {
                kind: "money",
                amount: filled("amount"),
                currency: Some(CURRENCY),
                method: filled("method"),
                items: None,
            };
            parse_donation(&input).map_err(invalid_fields)
        }
        "in_kind" => {
            let mut errors = Vec::new();
            let mut lines = Vec::new();
            for (item_field, quantity_field) in ITEM_FIELDS.into_iter().zip(QUANTITY_FIELDS) {
                let (item, quantity) = (filled(item_field), filled(quantity_field));
                if item.is_none() && quantity.is_none() {
                    continue;
                }
                let known = item.and_then(|code| catalogue.iter().find(|i| i.code == code));
                if known.is_none() {
                    let code = if item.is_some() {
                        "unknown_item"
                    } else {
                        "required"
                    };
                    errors.push(FieldError::new(item_field, code));
                }
                let count = quantity
                    .and_then(|q| q.parse::<i64>().ok())
                    .filter(|q| (1..=1_000_000).contains(q));
                if count.is_none() {
                    errors.push(FieldError::new(quantity_field, "invalid_quantity"));
                }
                if let (Some(item), Some(count)) = (known, count) {
                    lines.push((item, count));
                }
            }
            if lines.is_empty() && errors.is_empty() {
                errors.push(FieldError::new(ITEM_FIELDS[0], "required"));
            }
            if !errors.is_empty() {
                return Err(errors);
            }
            let input = DonationInput {
                kind: "in_kind",
                amount: None,
                currency: None,
                method: None,
                items: Some(
                    lines
                        .iter()
                        .map(|(item, quantity)| ItemInput {
                            item: &item.code,
                            quantity: *quantity,
                            unit: &item.unit,
                        })
                        .collect(),
                ),
            };
            parse_donation(&input).map_err(invalid_fields)
        }
        _ => Err(vec![FieldError::new("kind", "required")]),
    }
}

fn invalid_fields(e: twiza_app::Error) -> Vec<FieldError> {
    match e {
        twiza_app::Error::Invalid(fields) => fields,
        _ => vec![FieldError::new("kind", "validation")],
    }
}

/// What the same form sent twice has in common: the gift itself, so that a double submit is a
/// replay and the same key with other values a conflict.
fn page_request_hash(gift: &Gift) -> String {
    let canonical = match gift {
        Gift::Money { amount, method } => {
            serde_json::json!({"kind": "money", "amount": amount.to_string(), "method": method.as_str()})
        }
        Gift::InKind { items } => serde_json::json!({"kind": "in_kind", "items": items}),
    };
    twiza_domain::donation::request_hash(format!("page-donation-v1\n{canonical}").as_bytes())
}

/// `POST /campaigns/{campaign_id}/donations`: records the donation and goes to the list with
/// its confirmation and receipt; a second sending of the same form records nothing more.
pub async fn record(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    PathId(campaign_id): PathId,
    PageForm(raw): PageForm<HashMap<String, String>>,
) -> AppResult<Response> {
    let campaign = own_campaign(&state, &scope, campaign_id).await?;
    let names = ["kind", "amount", "method", "idempotency_key"];
    let values: HashMap<String, String> = names
        .iter()
        .chain(&ITEM_FIELDS)
        .chain(&QUANTITY_FIELDS)
        .filter_map(|f| raw.get(*f).map(|v| ((*f).to_owned(), v.trim().to_owned())))
        .collect();
    let mut form = DonationForm {
        values,
        errors: Vec::new(),
        refusal: None,
    };
    let key = parse_idempotency_key(form.get("idempotency_key"))
        .map_err(|_| AppError::bad_request("invalid_idempotency_key"))?;
    let catalogue = state.store.items().await?;
    let gift = match gift_of(&form, &catalogue) {
        Ok(gift) => gift,
        Err(errors) => {
            form.errors = errors;
            let page = new_page(&state, c, campaign, form).await?;
            return Ok(render_status(StatusCode::UNPROCESSABLE_ENTITY, &page));
        }
    };
    let hash = page_request_hash(&gift);
    let refusal = match record_donation(&state.sequencer, campaign_id, key, hash, gift).await {
        Ok(ack) => {
            return Ok(see_other(&format!(
                "/campaigns/{campaign_id}/donations?done=recorded&recorded={}",
                ack.id
            )))
        }
        Err(twiza_app::Error::Donation(twiza_store::DonationRefused::IdempotencyConflict)) => {
            (StatusCode::CONFLICT, c.t("donations-conflict"))
        }
        Err(twiza_app::Error::Donation(twiza_store::DonationRefused::NotCollecting(code))) => {
            (StatusCode::CONFLICT, c.code_message(code))
        }
        Err(e) => return Err(e.into()),
    };
    // Refused as a whole: the form again, with a fresh key for a deliberate new try.
    form.refusal = Some(refusal.1);
    form.values.insert(
        "idempotency_key".to_owned(),
        twiza_app::accounts::new_secret(),
    );
    let page = new_page(&state, c, campaign, form).await?;
    Ok(render_status(refusal.0, &page))
}

#[derive(Template)]
#[template(path = "donation_donor.html")]
struct DonorPage {
    c: Ctx,
    campaign: Campaign,
    donation_id: i64,
    full_name: String,
    document: String,
    document_number: String,
    country: String,
}

/// `GET /campaigns/{campaign_id}/donations/{donation_id}/donor`: the identity a donor gave,
/// for the association's treasury only; the read is written to the server's log, and the page
/// is never stored by the browser.
pub async fn donor(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    params: RawPathParams,
) -> AppResult<Response> {
    let campaign_id = path_param(&params, "campaign_id")?;
    let donation_id = path_param(&params, "donation_id")?;
    let campaign = own_campaign(&state, &scope, campaign_id).await?;
    let identity = twiza_app::donations::read_donor_identity(
        &state.store,
        &state.config.personal_data,
        &scope,
        c.user().map(|u| u.id),
        campaign_id,
        donation_id,
    )
    .await?;
    let (document, document_number) = match identity.document {
        IdDocument::Cin(n) => (c.t("donations-document-cin"), n),
        IdDocument::Passport(n) => (c.t("donations-document-passport"), n),
    };
    let page = DonorPage {
        c,
        campaign,
        donation_id,
        full_name: identity.full_name,
        document,
        document_number,
        country: identity.country,
    };
    let mut response = render(&page);
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("no-store"),
    );
    Ok(response)
}
