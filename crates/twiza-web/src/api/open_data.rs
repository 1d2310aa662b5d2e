//! The open data's machine faces: the catalogue as JSON with HDX's metadata fields, and the
//! datasets' downloads under `/open-data/…`, each streamed a page at a time (HXL-tagged CSV,
//! GeoJSON) so memory stays constant whatever the number of rows. What a dataset holds and
//! which incident or campaign it may read is `twiza_app::open_data`'s; here are only its files.

use super::exports::{paged_body, three_w_body, ActivityText};
use super::reports::csv_field;
use super::PathId;
use crate::error::AppResult;
use crate::AppState;
use axum::body::Body;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;
use twiza_app::open_data::{self as open, Dataset, Subject};
use twiza_domain::crisis::{households_estimate, people_estimate};
use twiza_domain::ledger::format_centimes;
use twiza_i18n::{Arg, Locale, Messages};
use twiza_store::{DeliveryDay, DonationDay, ExpenseDay, OpenNeed, DAY_PAGE};

/// Needs read per query.
const PAGE: i64 = 2_000;

/// A dataset's words in one language: what the catalogue's page and JSON show.
pub struct DatasetTexts {
    pub title: String,
    pub notes: String,
    pub methodology: String,
    pub source: String,
}

/// The words of a dataset in `locale`, from the message files.
pub fn dataset_texts(messages: &Messages, locale: Locale, d: &Dataset) -> DatasetTexts {
    let kind = d.kind.as_str();
    let (subject, source) = match &d.subject {
        Subject::Incident(i) => (
            if locale == Locale::Ar {
                i.title_ar.clone()
            } else {
                i.title_fr.clone()
            },
            messages.t(locale, "open-data-source-incident"),
        ),
        Subject::Campaign(c) => {
            let (title, organization) = if locale == Locale::Ar {
                (&c.title_ar, &c.organization_ar)
            } else {
                (&c.title_fr, &c.organization_fr)
            };
            (
                format!("{title} ({})", c.code),
                messages.t_args(
                    locale,
                    "open-data-source-campaign",
                    &[("organization", Arg::Str(organization))],
                ),
            )
        }
    };
    DatasetTexts {
        title: messages.t_args(
            locale,
            &format!("open-data-dataset-title-{kind}"),
            &[("subject", Arg::Str(&subject))],
        ),
        notes: messages.t(locale, &format!("open-data-dataset-notes-{kind}")),
        methodology: messages.t(locale, &format!("open-data-dataset-method-{kind}")),
        source,
    }
}

/// An HDX tag or group: `{"name": …}`.
#[derive(Serialize)]
pub struct Named {
    pub name: String,
}

/// A file of a dataset (HDX's resource).
#[derive(Serialize)]
pub struct ResourceView {
    pub name: String,
    /// `CSV` (HXL-tagged) or `GeoJSON`.
    pub format: String,
    /// The download's address: absolute when the site's public address is configured.
    pub url: String,
    pub hxl: bool,
}

/// One dataset with HDX's metadata fields, named as HDX names them.
#[derive(Serialize)]
pub struct DatasetView {
    pub name: String,
    pub title: String,
    pub notes: String,
    pub dataset_source: String,
    pub owner_org: String,
    pub maintainer: String,
    /// `[YYYY-MM-DDT00:00:00 TO YYYY-MM-DDT23:59:59]`.
    pub dataset_date: String,
    /// HDX's day count: `"1"` every day, `"-1"` never.
    pub data_update_frequency: String,
    pub license_id: String,
    pub methodology: String,
    pub methodology_other: String,
    pub tags: Vec<Named>,
    pub groups: Vec<Named>,
    pub resources: Vec<ResourceView>,
}

/// The catalogue: every dataset, in English (HDX's language).
#[derive(Serialize)]
pub struct CatalogueView {
    pub license_id: String,
    pub datasets: Vec<DatasetView>,
}

/// A download's address: the site's public address before the path when it is configured.
pub fn download_url(state: &AppState, d: &Dataset) -> String {
    match &state.config.public_url {
        Some(base) => format!("{}{}", base.trim_end_matches('/'), d.path()),
        None => d.path(),
    }
}

/// The view of one dataset.
pub fn dataset_view(state: &AppState, d: &Dataset) -> DatasetView {
    let texts = dataset_texts(&state.messages, Locale::En, d);
    let name = d.name();
    DatasetView {
        resources: vec![ResourceView {
            name: d.kind.file().to_owned(),
            format: d.kind.format().to_owned(),
            url: download_url(state, d),
            hxl: d.kind.hxl(),
        }],
        name,
        title: texts.title,
        notes: texts.notes,
        dataset_source: texts.source,
        owner_org: open::PUBLISHER.to_owned(),
        maintainer: open::PUBLISHER.to_owned(),
        dataset_date: d.dataset_date(),
        data_update_frequency: d.frequency.hdx().to_owned(),
        license_id: open::LICENSE_ID.to_owned(),
        methodology: open::METHODOLOGY.to_owned(),
        methodology_other: texts.methodology,
        tags: d
            .kind
            .tags()
            .iter()
            .map(|t| Named {
                name: (*t).to_owned(),
            })
            .collect(),
        groups: vec![Named {
            name: open::COUNTRY_GROUP.to_owned(),
        }],
    }
}

/// `GET /open-data/catalogue.json`: every public dataset with its HDX metadata.
pub async fn catalogue(State(state): State<AppState>) -> AppResult<Json<CatalogueView>> {
    let today = time::OffsetDateTime::now_utc().date();
    let datasets = open::catalogue(&state.store, today).await?;
    Ok(Json(CatalogueView {
        license_id: open::LICENSE_ID.to_owned(),
        datasets: datasets.iter().map(|d| dataset_view(&state, d)).collect(),
    }))
}

/// A streamed CSV download named after its dataset.
fn csv_download(name: &str, body: Body) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}.csv\""),
            ),
        ],
        body,
    )
        .into_response()
}

/// A header row, then its HXL hashtag row.
fn hxl_header(columns: &[(&str, &str)]) -> String {
    let mut out = String::new();
    for row in [0, 1] {
        for (i, pair) in columns.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push_str(if row == 0 { pair.0 } else { pair.1 });
        }
        out.push_str("\r\n");
    }
    out
}

/// One CSV row of values that are codes, numbers, dates or public names (quoted as needed;
/// names are guarded against spreadsheet formulas).
fn csv_line(out: &mut String, fields: &[&str]) {
    for (i, value) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        csv_field(out, value, true);
    }
    out.push_str("\r\n");
}

/// A UTC day number as `YYYY-MM-DD`.
fn day_text(day: i64) -> String {
    time::OffsetDateTime::from_unix_timestamp(day * 86_400)
        .map(|t| t.date().to_string())
        .unwrap_or_default()
}

/// A unix time as its UTC date, `YYYY-MM-DD`.
fn date_text(at: i64) -> String {
    day_text(at.div_euclid(86_400))
}

/// The region, province and commune of a commune code, codes and French names:
/// `[region code, region, province code, province, commune code, commune]`.
fn place_columns(commune_code: &str) -> [String; 6] {
    let geo = twiza_geo::geo();
    let commune = twiza_geo::CommuneCode::parse(commune_code)
        .ok()
        .and_then(|c| geo.commune(&c));
    let province = commune.and_then(|c| geo.province(&c.province_code));
    let region = commune.and_then(|c| geo.region(&c.region_code));
    [
        region.map_or(String::new(), |r| r.code.as_str().to_owned()),
        region.map_or(String::new(), |r| r.name_fr.clone()),
        province.map_or(String::new(), |p| p.code.as_str().to_owned()),
        province.map_or(String::new(), |p| p.name_fr.clone()),
        commune_code.to_owned(),
        commune.map_or(String::new(), |c| c.name_fr.clone()),
    ]
}

/// The place columns' header: names, then hashtags.
const PLACE_HEADER: [(&str, &str); 6] = [
    ("Region code", "#adm1+code"),
    ("Region", "#adm1+name"),
    ("Province code", "#adm2+code"),
    ("Province", "#adm2+name"),
    ("Commune code", "#adm3+code"),
    ("Commune", "#adm3+name"),
];

/// The columns of the coverage dataset.
pub const COVERAGE_HEADER: [(&str, &str); 14] = [
    PLACE_HEADER[0],
    PLACE_HEADER[1],
    PLACE_HEADER[2],
    PLACE_HEADER[3],
    PLACE_HEADER[4],
    PLACE_HEADER[5],
    ("Douar", "#loc+name"),
    ("Douar code", "#loc+code"),
    ("Households (census 2024)", "#population+hh"),
    ("Open needs", "#indicator+needs+num"),
    ("Households in need", "#inneed+hh"),
    ("Households pledged", "#targeted+hh"),
    ("Households reached", "#reached+hh"),
    ("Households without a pledge", "#inneed+hh+unmet"),
];

/// `GET /open-data/incidents/{incident_id}/coverage.csv`: needs against pledges per commune
/// (douar empty: the commune's total) and per douar, from the running totals (one row per
/// place, whatever the number of needs: bounded by the geography), written a row at a time.
pub async fn coverage(
    State(state): State<AppState>,
    PathId(incident): PathId,
) -> AppResult<Response> {
    let incident = open::open_incident(&state.store, incident).await?;
    let places = state.store.coverage(incident.id).await?;
    let douars: std::collections::HashMap<i64, String> = state
        .store
        .incident_douars(incident.id)
        .await?
        .into_iter()
        .map(|d| (d.id, d.name_latin))
        .collect();
    let rows = places.into_iter().map(move |c| {
        let mut out = String::with_capacity(200);
        let place = place_columns(&c.commune_code);
        let census = match c.douar_id {
            Some(_) => String::new(),
            None => twiza_geo::CommuneCode::parse(&c.commune_code)
                .ok()
                .and_then(|code| twiza_geo::geo().commune(&code))
                .and_then(|commune| commune.households_2024)
                .map_or(String::new(), |h| h.to_string()),
        };
        let douar = c
            .douar_id
            .and_then(|id| douars.get(&id).cloned())
            .unwrap_or_default();
        let douar_code = c.douar_id.map_or(String::new(), |id| id.to_string());
        let numbers = [
            c.open_needs.to_string(),
            c.needed.to_string(),
            c.pledged.to_string(),
            c.delivered.to_string(),
            c.gap().to_string(),
        ];
        let mut fields: Vec<&str> = place.iter().map(String::as_str).collect();
        fields.extend([douar.as_str(), douar_code.as_str(), census.as_str()]);
        fields.extend(numbers.iter().map(String::as_str));
        csv_line(&mut out, &fields);
        out
    });
    let stream = futures_util::stream::iter(
        std::iter::once(hxl_header(&COVERAGE_HEADER))
            .chain(rows)
            .map(Ok::<_, std::convert::Infallible>),
    );
    let name = format!("twiza-incident-{}-coverage", incident.id);
    Ok(csv_download(&name, super::streamed_body(stream)))
}

/// `GET /open-data/incidents/{incident_id}/3w.csv`: who does what where, the incident export's
/// columns with the activity given by its category (no free text).
pub async fn three_w(
    State(state): State<AppState>,
    PathId(incident): PathId,
) -> AppResult<Response> {
    let incident = open::open_incident(&state.store, incident).await?;
    let body = three_w_body(state.store.clone(), incident.id, ActivityText::CategoryOnly);
    let name = format!("twiza-incident-{}-3w", incident.id);
    Ok(csv_download(&name, body))
}

/// A point `[longitude, latitude]` rounded to 4 decimals (about 10 m): a douar's, else the
/// centre of the commune's bounding box; with what it is (`douar` or `commune`).
fn need_place(n: &OpenNeed) -> Option<((f64, f64), &'static str)> {
    let round = |v: f64| (v * 10_000.0).round() / 10_000.0;
    if let Some(p) = n.douar_point {
        return Some(((round(p.lon()), round(p.lat())), "douar"));
    }
    let code = twiza_geo::CommuneCode::parse(&n.commune_code).ok()?;
    let b = twiza_geo::shapes::commune_shape(&code)?.bounds;
    Some((
        (
            round((b.west + b.east) / 2.0),
            round((b.south + b.north) / 2.0),
        ),
        "commune",
    ))
}

/// One GeoJSON feature of a need for the open data: its douar's or commune's point, never its
/// own; no reference, contact, reporter, source or description.
pub fn open_need_feature(out: &mut String, n: &OpenNeed) {
    let place = need_place(n);
    let geometry = match place {
        Some(((lon, lat), _)) => serde_json::json!({"type": "Point", "coordinates": [lon, lat]}),
        None => serde_json::Value::Null,
    };
    let feature = serde_json::json!({
        "type": "Feature",
        "id": n.id,
        "geometry": geometry,
        "properties": {
            "commune": n.commune_code,
            "douar_id": n.douar_id,
            "douar": n.douar_latin,
            "located_at": place.map(|(_, what)| what),
            "category": n.category.as_str(),
            "sector": n.category.sector(),
            "urgency": n.urgency.as_str(),
            "status": n.status.as_str(),
            "households": households_estimate(n.households, n.people),
            "people": people_estimate(n.households, n.people),
            "reported_on": date_text(n.reported_at),
            "updated_on": date_text(n.updated_at),
        }
    });
    out.push_str(&feature.to_string());
}

/// `GET /open-data/incidents/{incident_id}/needs.geojson`: the needs as an RFC 7946
/// FeatureCollection, a page of needs at a time.
pub async fn needs(State(state): State<AppState>, PathId(incident): PathId) -> AppResult<Response> {
    let incident = open::open_incident(&state.store, incident).await?;
    let store = state.store.clone();
    let id = incident.id;
    let body = paged_body(
        "{\"type\":\"FeatureCollection\",\"features\":[".to_owned(),
        move |after| {
            let store = store.clone();
            async move {
                let page = store.open_needs_page(id, after, PAGE).await?;
                let Some(last) = page.last().map(|n| n.id) else {
                    return Ok(None);
                };
                let mut out = String::with_capacity(page.len() * 320);
                for n in &page {
                    // Every feature but the very first is preceded by a comma.
                    if after > 0 || !out.is_empty() {
                        out.push(',');
                    }
                    open_need_feature(&mut out, n);
                }
                Ok(Some((out, last)))
            }
        },
        "]}",
    );
    Ok((
        [
            (header::CONTENT_TYPE, "application/geo+json".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"twiza-incident-{id}-needs.geojson\""),
            ),
        ],
        body,
    )
        .into_response())
}

/// The columns of the deliveries dataset.
pub const DELIVERIES_HEADER: [(&str, &str); 10] = [
    ("Date", "#date"),
    PLACE_HEADER[0],
    PLACE_HEADER[1],
    PLACE_HEADER[2],
    PLACE_HEADER[3],
    PLACE_HEADER[4],
    PLACE_HEADER[5],
    ("Organisation", "#org"),
    ("Deliveries", "#indicator+deliveries+num"),
    ("Households reached", "#reached+hh"),
];

fn delivery_row(out: &mut String, r: &DeliveryDay) {
    let place = place_columns(&r.commune_code);
    let (date, deliveries, households) = (
        day_text(r.day),
        r.deliveries.to_string(),
        r.households.to_string(),
    );
    let mut fields: Vec<&str> = vec![date.as_str()];
    fields.extend(place.iter().map(String::as_str));
    fields.extend([
        r.organization.as_str(),
        deliveries.as_str(),
        households.as_str(),
    ]);
    csv_line(out, &fields);
}

/// `GET /open-data/incidents/{incident_id}/deliveries.csv`: confirmed deliveries per day,
/// commune and association (never per household), a page of days at a time.
pub async fn deliveries(
    State(state): State<AppState>,
    PathId(incident): PathId,
) -> AppResult<Response> {
    let incident = open::open_incident(&state.store, incident).await?;
    let store = state.store.clone();
    let id = incident.id;
    let body = paged_body(
        hxl_header(&DELIVERIES_HEADER),
        move |after| {
            let store = store.clone();
            async move {
                let page = store.delivery_days(id, after, DAY_PAGE).await?;
                let Some(last) = page.last().map(|r| r.day) else {
                    return Ok(None);
                };
                let mut out = String::with_capacity(page.len() * 120);
                for r in &page {
                    delivery_row(&mut out, r);
                }
                Ok(Some((out, last)))
            }
        },
        "",
    );
    Ok(csv_download(
        &format!("twiza-incident-{id}-deliveries"),
        body,
    ))
}

/// The columns of the donations dataset.
pub const DONATIONS_HEADER: [(&str, &str); 7] = [
    ("Date", "#date"),
    ("Campaign", "#activity+code"),
    ("Organisation", "#org"),
    ("Kind", "#modality"),
    ("Payment method", "#modality+method"),
    ("Donations", "#indicator+donations+num"),
    ("Amount (MAD)", "#value+received+mad"),
];

fn donation_row(out: &mut String, code: &str, organization: &str, r: &DonationDay) {
    let (date, donations, amount) = (
        day_text(r.day),
        r.donations.to_string(),
        format_centimes(r.amount_centimes),
    );
    csv_line(
        out,
        &[
            date.as_str(),
            code,
            organization,
            r.kind.as_str(),
            r.method.as_str(),
            donations.as_str(),
            amount.as_str(),
        ],
    );
}

/// `GET /open-data/campaigns/{campaign_id}/donations.csv`: a published or closed campaign's
/// confirmed donations per day, kind and method — no donor, no single gift.
pub async fn donations(
    State(state): State<AppState>,
    PathId(campaign): PathId,
) -> AppResult<Response> {
    let campaign = open::open_campaign(&state.store, campaign).await?;
    let store = state.store.clone();
    let (id, code, organization) = (
        campaign.id,
        campaign.code.clone(),
        campaign.organization_fr.clone(),
    );
    let body = paged_body(
        hxl_header(&DONATIONS_HEADER),
        move |after| {
            let store = store.clone();
            let (code, organization) = (code.clone(), organization.clone());
            async move {
                let page = store.donation_days(id, after, DAY_PAGE).await?;
                let Some(last) = page.last().map(|r| r.day) else {
                    return Ok(None);
                };
                let mut out = String::with_capacity(page.len() * 100);
                for r in &page {
                    donation_row(&mut out, &code, &organization, r);
                }
                Ok(Some((out, last)))
            }
        },
        "",
    );
    Ok(csv_download(
        &format!("twiza-campaign-{id}-donations"),
        body,
    ))
}

/// The columns of the expenses dataset.
pub const EXPENSES_HEADER: [(&str, &str); 6] = [
    ("Date", "#date"),
    ("Campaign", "#activity+code"),
    ("Organisation", "#org"),
    ("Category", "#meta+category"),
    ("Expenses", "#indicator+expenses+num"),
    ("Amount (MAD)", "#value+spent+mad"),
];

fn expense_row(out: &mut String, code: &str, organization: &str, r: &ExpenseDay) {
    let (date, expenses, amount) = (
        day_text(r.day),
        r.expenses.to_string(),
        format_centimes(r.amount_centimes),
    );
    csv_line(
        out,
        &[
            date.as_str(),
            code,
            organization,
            r.category.as_str(),
            expenses.as_str(),
            amount.as_str(),
        ],
    );
}

/// `GET /open-data/campaigns/{campaign_id}/expenses.csv`: a published or closed campaign's
/// approved expenses per day of approval and category — no description, no evidence.
pub async fn expenses(
    State(state): State<AppState>,
    PathId(campaign): PathId,
) -> AppResult<Response> {
    let campaign = open::open_campaign(&state.store, campaign).await?;
    let store = state.store.clone();
    let (id, code, organization) = (
        campaign.id,
        campaign.code.clone(),
        campaign.organization_fr.clone(),
    );
    let body = paged_body(
        hxl_header(&EXPENSES_HEADER),
        move |after| {
            let store = store.clone();
            let (code, organization) = (code.clone(), organization.clone());
            async move {
                let page = store.expense_days(id, after, DAY_PAGE).await?;
                let Some(last) = page.last().map(|r| r.day) else {
                    return Ok(None);
                };
                let mut out = String::with_capacity(page.len() * 80);
                for r in &page {
                    expense_row(&mut out, &code, &organization, r);
                }
                Ok(Some((out, last)))
            }
        },
        "",
    );
    Ok(csv_download(&format!("twiza-campaign-{id}-expenses"), body))
}
