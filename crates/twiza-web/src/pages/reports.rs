//! The printable report of a campaign (Law 18-18): the same figures as the JSON and CSV report,
//! on one light page. Public for published and closed campaigns; a draft's report exists only
//! for its association.

use super::render;
use crate::auth::Actor;
use crate::ctx::Ctx;
use crate::error::AppResult;
use crate::extract::PathId;
use crate::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use axum::Extension;
use twiza_app::campaigns::visible_campaign;
use twiza_domain::ledger::ExpenseCategory;
use twiza_store::{Campaign, CampaignReport, Item};

#[derive(Template)]
#[template(path = "report.html")]
struct ReportPage {
    c: Ctx,
    campaign: Campaign,
    report: CampaignReport,
    catalogue: Vec<Item>,
}

impl ReportPage {
    /// Goods given in kind, named as the catalogue names them in the reader's language (goods
    /// outside the catalogue as the donor wrote them).
    fn goods_name(&self, item: &str) -> String {
        self.catalogue.iter().find(|i| i.code == item).map_or_else(
            || item.to_owned(),
            |i| self.c.item_name(&i.name_ar, &i.name_fr),
        )
    }
}

impl Ctx {
    pub fn expense_category_name(&self, category: &ExpenseCategory) -> String {
        self.t(&format!(
            "expense-category-{}",
            category.as_str().replace('_', "-")
        ))
    }
}

/// `GET /campaigns/{campaign_id}/report`.
pub async fn show(
    State(state): State<AppState>,
    c: Ctx,
    Extension(actor): Extension<Actor>,
    PathId(id): PathId,
) -> AppResult<Response> {
    let campaign = visible_campaign(&state.store, actor.user(), id).await?;
    let report = state.store.campaign_report(id).await?;
    let catalogue = state.store.items().await?;
    Ok(render(&ReportPage {
        c,
        campaign,
        report,
        catalogue,
    }))
}
