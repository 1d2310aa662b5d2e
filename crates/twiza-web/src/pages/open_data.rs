//! The open data catalogue's page, `/open-data`: every public dataset as a small table of its
//! title, description, licence, update frequency, period, format and download link, twenty
//! datasets a page, in the reader's language.

use super::render;
use crate::api::open_data::{dataset_texts, download_url};
use crate::ctx::Ctx;
use crate::error::AppResult;
use crate::extract::ApiQuery;
use crate::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use serde::Deserialize;

/// Datasets shown per page.
const PER_PAGE: usize = 20;

/// One dataset as the page shows it.
struct DatasetRow {
    title: String,
    notes: String,
    methodology: String,
    source: String,
    frequency_key: String,
    start: String,
    end: String,
    /// The format's name as the catalogue writes it, with `HXL` for tagged CSV (a code, the
    /// same in every language).
    format: String,
    url: String,
}

#[derive(Template)]
#[template(path = "open_data.html")]
struct OpenDataPage {
    c: Ctx,
    datasets: Vec<DatasetRow>,
    total: i64,
    page: u32,
    pages: u32,
    previous: Option<String>,
    next: Option<String>,
}

#[derive(Deserialize)]
pub struct CatalogueQuery {
    page: Option<u32>,
}

pub async fn show(
    State(state): State<AppState>,
    c: Ctx,
    ApiQuery(query): ApiQuery<CatalogueQuery>,
) -> AppResult<Response> {
    let today = time::OffsetDateTime::now_utc().date();
    let all = twiza_app::open_data::catalogue(&state.store, today).await?;
    let total = all.len();
    let pages = total.max(1).div_ceil(PER_PAGE) as u32;
    let page = query.page.unwrap_or(1).clamp(1, pages);
    let datasets = all
        .iter()
        .skip((page as usize - 1) * PER_PAGE)
        .take(PER_PAGE)
        .map(|d| {
            let texts = dataset_texts(&state.messages, c.locale, d);
            DatasetRow {
                title: texts.title,
                notes: texts.notes,
                methodology: texts.methodology,
                source: texts.source,
                frequency_key: format!("open-data-frequency-{}", d.frequency.as_str()),
                start: c.date(&d.period.0),
                end: c.date(&d.period.1),
                format: if d.kind.hxl() {
                    format!("{}, HXL", d.kind.format())
                } else {
                    d.kind.format().to_owned()
                },
                url: download_url(&state, d),
            }
        })
        .collect();
    let link = |page: u32| format!("/open-data?page={page}");
    Ok(render(&OpenDataPage {
        datasets,
        total: total as i64,
        page,
        pages,
        previous: (page > 1).then(|| link(page - 1)),
        next: (page < pages).then(|| link(page + 1)),
        c,
    }))
}
