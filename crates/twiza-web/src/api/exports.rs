//! Streamed exports of an incident: the who-does-what-where as HXL-tagged CSV and the needs as
//! GeoJSON. Rows are read in keyset pages and written as they come, so memory stays constant
//! whatever the number of rows.

use super::reports::csv_field;
use super::PathId;
use crate::error::AppResult;
use crate::AppState;
use axum::body::Body;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use std::future::Future;
use twiza_store::{ActivityRow, LocatedNeed, StoreError};

/// Rows read per query.
const PAGE: i64 = 2_000;

/// The two header rows of the 3W export: names, then HXL hashtags.
pub const THREE_W_HEADER: [(&str, &str); 17] = [
    ("Organisation", "#org"),
    ("Sector", "#sector"),
    ("Need category", "#sector+category"),
    ("Region", "#adm1+name"),
    ("Region code", "#adm1+code"),
    ("Province", "#adm2+name"),
    ("Province code", "#adm2+code"),
    ("Commune", "#adm3+name"),
    ("Commune code", "#adm3+code"),
    ("Douar", "#loc+name"),
    ("Activity", "#activity"),
    ("Status", "#status"),
    ("Start date", "#date+start"),
    ("Households reached", "#reached+hh"),
    ("Households targeted", "#targeted+hh"),
    ("Pledge", "#activity+id"),
    ("Source", "#meta+source"),
];

/// A body that streams `first`, then the text of each page `next(after)` returns, until a page
/// comes back empty; `next` returns the page's text and the cursor after it.
pub(crate) fn paged_body<F, Fut>(first: String, next: F, last: &'static str) -> Body
where
    F: Fn(i64) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<Option<(String, i64)>, StoreError>> + Send + 'static,
{
    enum Step {
        First(String),
        Page(i64),
        Last,
        Done,
    }
    let stream = futures_util::stream::unfold(
        (Step::First(first), std::sync::Arc::new(next)),
        move |(step, next)| async move {
            match step {
                Step::First(text) => Some((Ok::<_, StoreError>(text), (Step::Page(0), next))),
                Step::Page(after) => match next(after).await {
                    Ok(Some((text, cursor))) => Some((Ok(text), (Step::Page(cursor), next))),
                    Ok(None) => Some((Ok(last.to_owned()), (Step::Done, next))),
                    // The client sees a truncated body; the failure is logged without data.
                    Err(e) => {
                        tracing::error!(error = %e, "export failed");
                        Some((Err(e), (Step::Last, next)))
                    }
                },
                Step::Last | Step::Done => None,
            }
        },
    );
    super::streamed_body(stream)
}

/// What the 3W's activity column (`#activity`) holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActivityText {
    /// The pledge's own description (the incident's export of the API).
    Described,
    /// The need category only: the open data leaves out free text that may name a person.
    CategoryOnly,
}

/// The 3W row of one activity.
pub fn three_w_row(out: &mut String, a: &ActivityRow, text: ActivityText) {
    let geo = twiza_geo::geo();
    let commune = twiza_geo::CommuneCode::parse(&a.commune_code)
        .ok()
        .and_then(|c| geo.commune(&c));
    let province = commune.and_then(|c| geo.province(&c.province_code));
    let region = commune.and_then(|c| geo.region(&c.region_code));
    let reached = if a.status == twiza_domain::crisis::PledgeStatus::Delivered {
        a.households
    } else {
        0
    };
    let date = time::OffsetDateTime::from_unix_timestamp(a.started_at)
        .map(|t| t.date().to_string())
        .unwrap_or_default();
    let fields: [(&str, bool); 17] = [
        (&a.organization, true),
        (a.category.sector(), false),
        (a.category.as_str(), false),
        (region.map_or("", |r| r.name_fr.as_str()), false),
        (region.map_or("", |r| r.code.as_str()), false),
        (province.map_or("", |p| p.name_fr.as_str()), false),
        (province.map_or("", |p| p.code.as_str()), false),
        (commune.map_or("", |c| c.name_fr.as_str()), false),
        (&a.commune_code, false),
        (a.douar_latin.as_deref().unwrap_or(""), true),
        match text {
            ActivityText::Described => (a.description.as_str(), true),
            ActivityText::CategoryOnly => (a.category.as_str(), false),
        },
        (a.status.as_str(), false),
        (&date, false),
        (&reached.to_string(), false),
        (&a.households.to_string(), false),
        (&a.pledge_id.to_string(), false),
        ("pledge", false),
    ];
    for (i, (value, free_text)) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        csv_field(out, value, *free_text);
    }
    out.push_str("\r\n");
}

/// The two header rows of the 3W CSV.
pub fn three_w_header() -> String {
    let mut out = String::new();
    for row in [0, 1] {
        for (i, pair) in THREE_W_HEADER.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push_str(if row == 0 { pair.0 } else { pair.1 });
        }
        out.push_str("\r\n");
    }
    out
}

/// Who does what where, derived from the pledges, as HXL-tagged CSV (streamed).
#[utoipa::path(get, path = "/api/v1/incidents/{incident_id}/exports/3w.csv", tag = "crisis",
    params(("incident_id" = i64, Path)),
    responses((status = 200, content_type = "text/csv", description = "HXL-tagged CSV: a header row, then a hashtag row")))]
pub async fn three_w(
    State(state): State<AppState>,
    PathId(incident): PathId,
) -> AppResult<Response> {
    super::crisis::require_incident(&state, incident).await?;
    let body = three_w_body(state.store.clone(), incident, ActivityText::Described);
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"3w.csv\"",
            ),
        ],
        body,
    )
        .into_response())
}

/// The 3W of an incident as a streamed body: the two header rows, then a page of activities
/// at a time.
pub(crate) fn three_w_body(store: twiza_store::Store, incident: i64, text: ActivityText) -> Body {
    paged_body(
        three_w_header(),
        move |after| {
            let store = store.clone();
            async move {
                let page = store.activities_page(incident, after, PAGE).await?;
                let Some(last) = page.last().map(|a| a.pledge_id) else {
                    return Ok(None);
                };
                let mut out = String::with_capacity(page.len() * 160);
                for a in &page {
                    three_w_row(&mut out, a, text);
                }
                Ok(Some((out, last)))
            }
        },
        "",
    )
}

/// One GeoJSON feature of a need (RFC 7946; `geometry` is null when the need has no point).
pub fn need_feature(out: &mut String, n: &LocatedNeed) {
    use twiza_domain::crisis::{households_estimate, people_estimate};
    let need = &n.need;
    let geometry = match n.point {
        Some(p) => serde_json::json!({"type": "Point", "coordinates": [p.lon(), p.lat()]}),
        None => serde_json::Value::Null,
    };
    let feature = serde_json::json!({
        "type": "Feature",
        "id": need.id,
        "geometry": geometry,
        "properties": {
            "reference": need.reference,
            "commune": need.commune_code,
            "douar_id": need.douar_id,
            "douar": n.douar_latin,
            "category": need.category.as_str(),
            "sector": need.category.sector(),
            "urgency": need.urgency.as_str(),
            "households": households_estimate(need.households, need.people),
            "people": people_estimate(need.households, need.people),
            "status": need.status.as_str(),
            "source": need.source.as_str(),
            "reported_at": crate::pages::rfc3339(need.reported_at),
        }
    });
    out.push_str(&feature.to_string());
}

/// An incident's needs as a GeoJSON FeatureCollection (streamed; no contact, ever).
#[utoipa::path(get, path = "/api/v1/incidents/{incident_id}/exports/needs.geojson", tag = "crisis",
    params(("incident_id" = i64, Path)),
    responses((status = 200, content_type = "application/geo+json", description = "RFC 7946 FeatureCollection")))]
pub async fn needs_geojson(
    State(state): State<AppState>,
    PathId(incident): PathId,
) -> AppResult<Response> {
    super::crisis::require_incident(&state, incident).await?;
    let store = state.store.clone();
    let body = paged_body(
        "{\"type\":\"FeatureCollection\",\"features\":[".to_owned(),
        move |after| {
            let store = store.clone();
            async move {
                let page = store.located_needs_page(incident, after, PAGE).await?;
                let Some(last) = page.last().map(|n| n.need.id) else {
                    return Ok(None);
                };
                let mut out = String::with_capacity(page.len() * 400);
                for n in &page {
                    // Every feature but the very first is preceded by a comma.
                    if after > 0 || !out.is_empty() {
                        out.push(',');
                    }
                    need_feature(&mut out, n);
                }
                Ok(Some((out, last)))
            }
        },
        "]}",
    );
    Ok(([(header::CONTENT_TYPE, "application/geo+json")], body).into_response())
}
