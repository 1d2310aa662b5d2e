//! The public directory of verified associations: search, filters, pages.

use super::render;
use crate::ctx::Ctx;
use crate::error::AppResult;
use crate::extract::ApiQuery;
use crate::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use twiza_app::organizations::DirectoryQuery;
use twiza_domain::organization::{ActionDomain, Organization};

#[derive(Template)]
#[template(path = "directory.html")]
struct DirectoryPage {
    c: Ctx,
    q: String,
    region: String,
    domain: String,
    regions: Vec<(String, String)>,
    domains: Vec<(String, String)>,
    organizations: Vec<Organization>,
    total: i64,
    page: u32,
    pages: u32,
    previous: Option<String>,
    next: Option<String>,
}

pub async fn show(
    State(state): State<AppState>,
    c: Ctx,
    ApiQuery(query): ApiQuery<DirectoryQuery>,
) -> AppResult<Response> {
    let filter = query.to_filter()?;
    let result = state.store.directory(&filter).await?;
    let pages = (result.total.max(1) as u64).div_ceil(u64::from(filter.per_page)) as u32;
    let link = |page: u32| {
        let params = [
            ("q", query.q.clone().unwrap_or_default()),
            ("region", query.region.clone().unwrap_or_default()),
            ("domain", query.domain.clone().unwrap_or_default()),
            ("page", page.to_string()),
        ];
        format!(
            "/directory?{}",
            serde_urlencoded::to_string(params).unwrap_or_default()
        )
    };
    let regions = twiza_geo::geo()
        .regions()
        .iter()
        .map(|r| {
            (
                r.code.as_str().to_owned(),
                c.place_name(&r.name_ar, &r.name_fr),
            )
        })
        .collect();
    let domains = ActionDomain::ALL
        .iter()
        .map(|d| (d.as_str().to_owned(), c.domain_name(d)))
        .collect();
    let page = DirectoryPage {
        q: query.q.clone().unwrap_or_default(),
        region: query.region.clone().unwrap_or_default(),
        domain: query.domain.clone().unwrap_or_default(),
        regions,
        domains,
        organizations: result.organizations,
        total: result.total,
        page: filter.page,
        pages,
        previous: (filter.page > 1).then(|| link(filter.page - 1)),
        next: (filter.page < pages).then(|| link(filter.page + 1)),
        c,
    };
    Ok(render(&page))
}
