//! The report owed after a collection (Law 18-18), as JSON and as CSV: money raised by method,
//! donations, goods received, spending by category, transfers out and the balance. Public for
//! published and closed campaigns; a draft's report exists only for its association.
//!
//! Distributions of goods are not recorded yet (they come with logistics): the report says so
//! instead of showing a figure.

use super::PathId;
use crate::auth::Actor;
use crate::error::{AppResult, ErrorBody};
use crate::AppState;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use serde::Serialize;
use twiza_app::campaigns::visible_campaign;
use twiza_domain::ledger::format_centimes;
use twiza_domain::money::CURRENCY;
use twiza_store::{CampaignReport, StockBalance, Store};
use utoipa::ToSchema;

/// The note that replaces the figure of goods distributed.
pub const IN_KIND_DISTRIBUTION_NOT_RECORDED: &str = "in_kind_distribution_not_recorded";

#[derive(Serialize, ToSchema)]
pub struct MethodLine {
    /// `card`, `mobile_wallet`, `bank_transfer` or `cash`.
    pub method: String,
    pub amount: String,
    pub donations: i64,
}

#[derive(Serialize, ToSchema)]
pub struct CategoryLine {
    /// `programme` or `running_costs`.
    pub category: String,
    pub amount: String,
    pub expenses: i64,
}

#[derive(Serialize, ToSchema)]
pub struct GoodsLine {
    pub item: String,
    pub unit: String,
    pub quantity: i64,
}

/// The report of a campaign. Amounts are decimal strings in `currency`.
#[derive(Serialize, ToSchema)]
pub struct ReportView {
    pub campaign_id: i64,
    pub code: String,
    /// `draft`, `published` or `closed`.
    pub state: String,
    pub currency: String,
    /// Money raised (confirmed donations).
    pub raised: String,
    pub raised_by_method: Vec<MethodLine>,
    /// Confirmed donations, money and in kind.
    pub donations: i64,
    pub money_donations: i64,
    pub in_kind_donations: i64,
    /// Goods received per item and unit (the first 1,000; the CSV has them all).
    pub in_kind_received: Vec<GoodsLine>,
    pub in_kind_received_truncated: bool,
    /// Not recorded yet: always null, with the note `in_kind_distribution_not_recorded`.
    pub in_kind_distributed: Option<Vec<GoodsLine>>,
    /// Approved expenses.
    pub spent: String,
    pub spent_by_category: Vec<CategoryLine>,
    /// Confirmed transfers to other associations.
    pub transferred_out: String,
    pub transfers_out: i64,
    /// Raised − spent − transferred out.
    pub balance: String,
    /// Codes of what the report cannot show yet.
    pub notes: Vec<String>,
}

fn goods(lines: Vec<StockBalance>) -> Vec<GoodsLine> {
    lines
        .into_iter()
        .map(|l| GoodsLine {
            item: l.item,
            unit: l.unit,
            quantity: l.quantity,
        })
        .collect()
}

impl ReportView {
    fn new(campaign: &twiza_store::Campaign, r: CampaignReport) -> ReportView {
        ReportView {
            campaign_id: campaign.id,
            code: campaign.code.clone(),
            state: campaign.state.as_str().to_owned(),
            currency: CURRENCY.to_owned(),
            raised: format_centimes(r.raised_centimes),
            raised_by_method: r
                .raised_by_method
                .iter()
                .map(|(m, c, n)| MethodLine {
                    method: m.as_str().to_owned(),
                    amount: format_centimes(*c),
                    donations: *n,
                })
                .collect(),
            donations: r.donations,
            money_donations: r.money_donations,
            in_kind_donations: r.in_kind_donations,
            in_kind_received_truncated: r.in_kind_more,
            in_kind_received: goods(r.in_kind),
            in_kind_distributed: None,
            spent: format_centimes(r.spent_centimes),
            spent_by_category: r
                .spent_by_category
                .iter()
                .map(|(c, a, n)| CategoryLine {
                    category: c.as_str().to_owned(),
                    amount: format_centimes(*a),
                    expenses: *n,
                })
                .collect(),
            transferred_out: format_centimes(r.transfers_out_centimes),
            transfers_out: r.transfers_out,
            balance: format_centimes(r.balance_centimes),
            notes: vec![IN_KIND_DISTRIBUTION_NOT_RECORDED.to_owned()],
        }
    }
}

/// The campaign's report: public once published; a draft's only for its association.
#[utoipa::path(get, path = "/api/v1/campaigns/{campaign_id}/report", tag = "campaigns",
    params(("campaign_id" = i64, Path)),
    responses((status = 200, body = ReportView), (status = 404, body = ErrorBody)))]
pub async fn show(
    State(state): State<AppState>,
    Extension(actor): Extension<Actor>,
    PathId(id): PathId,
) -> AppResult<Json<ReportView>> {
    let campaign = visible_campaign(&state.store, actor.user(), id).await?;
    let report = state.store.campaign_report(id).await?;
    Ok(Json(ReportView::new(&campaign, report)))
}

/// One CSV field, RFC 4180: quoted when it holds a comma, a quote or a line break (quotes
/// doubled). Free text that a spreadsheet would run as a formula is prefixed with `'`.
pub fn csv_field(out: &mut String, value: &str, free_text: bool) {
    let guarded;
    let value = if free_text && value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        guarded = format!("'{value}");
        guarded.as_str()
    } else {
        value
    };
    if value.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&value.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(value);
    }
}

fn csv_row(out: &mut String, fields: [&str; 4], free_text: bool) {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        csv_field(out, f, free_text && (i == 1 || i == 2));
    }
    out.push_str("\r\n");
}

/// The summary rows of the CSV (everything but the goods lines).
pub fn csv_summary(code: &str, r: &CampaignReport) -> String {
    let mut out = String::new();
    csv_row(&mut out, ["section", "key", "unit", "value"], false);
    csv_row(&mut out, ["campaign", "code", "", code], false);
    for (m, c, n) in &r.raised_by_method {
        csv_row(
            &mut out,
            ["raised", m.as_str(), CURRENCY, &format_centimes(*c)],
            false,
        );
        csv_row(
            &mut out,
            ["donations_by_method", m.as_str(), "", &n.to_string()],
            false,
        );
    }
    csv_row(
        &mut out,
        [
            "raised",
            "total",
            CURRENCY,
            &format_centimes(r.raised_centimes),
        ],
        false,
    );
    for (key, n) in [
        ("total", r.donations),
        ("money", r.money_donations),
        ("in_kind", r.in_kind_donations),
    ] {
        csv_row(&mut out, ["donations", key, "", &n.to_string()], false);
    }
    for (c, a, n) in &r.spent_by_category {
        csv_row(
            &mut out,
            ["spent", c.as_str(), CURRENCY, &format_centimes(*a)],
            false,
        );
        csv_row(
            &mut out,
            ["expenses_by_category", c.as_str(), "", &n.to_string()],
            false,
        );
    }
    csv_row(
        &mut out,
        [
            "spent",
            "total",
            CURRENCY,
            &format_centimes(r.spent_centimes),
        ],
        false,
    );
    csv_row(
        &mut out,
        [
            "transferred_out",
            "total",
            CURRENCY,
            &format_centimes(r.transfers_out_centimes),
        ],
        false,
    );
    csv_row(
        &mut out,
        ["transfers_out", "count", "", &r.transfers_out.to_string()],
        false,
    );
    csv_row(
        &mut out,
        [
            "balance",
            "total",
            CURRENCY,
            &format_centimes(r.balance_centimes),
        ],
        false,
    );
    csv_row(
        &mut out,
        [
            "in_kind_distributed",
            IN_KIND_DISTRIBUTION_NOT_RECORDED,
            "",
            "",
        ],
        false,
    );
    out
}

/// Goods lines read per page while streaming the CSV.
const CSV_PAGE: i64 = 500;

/// Where the CSV stream stands.
enum CsvState {
    Summary(String),
    Goods {
        store: Store,
        campaign: i64,
        after: Option<(String, String)>,
    },
    Done,
}

/// The report as CSV (`section,key,unit,value`), streamed: the summary, then every goods line
/// (`in_kind_received,<item>,<unit>,<quantity>`) read in pages, so memory stays bounded.
#[utoipa::path(get, path = "/api/v1/campaigns/{campaign_id}/report.csv", tag = "campaigns",
    params(("campaign_id" = i64, Path)),
    responses((status = 200, description = "text/csv, RFC 4180", content_type = "text/csv"), (status = 404, body = ErrorBody)))]
pub async fn csv(
    State(state): State<AppState>,
    Extension(actor): Extension<Actor>,
    PathId(id): PathId,
) -> AppResult<Response> {
    let campaign = visible_campaign(&state.store, actor.user(), id).await?;
    let report = state.store.campaign_report(id).await?;
    let summary = csv_summary(&campaign.code, &report);
    let store = state.store.clone();
    let stream = futures_util::stream::unfold(CsvState::Summary(summary), move |s| {
        let store = store.clone();
        async move {
            match s {
                CsvState::Summary(text) => Some((
                    Ok::<_, twiza_store::StoreError>(text),
                    CsvState::Goods {
                        store,
                        campaign: id,
                        after: None,
                    },
                )),
                CsvState::Goods {
                    store,
                    campaign,
                    after,
                } => {
                    let page = store
                        .campaign_in_kind_page(
                            campaign,
                            after.as_ref().map(|(i, u)| (i.as_str(), u.as_str())),
                            CSV_PAGE,
                        )
                        .await;
                    match page {
                        Err(e) => Some((Err(e), CsvState::Done)),
                        Ok(lines) if lines.is_empty() => None,
                        Ok(lines) => {
                            let mut out = String::new();
                            for l in &lines {
                                csv_row(
                                    &mut out,
                                    [
                                        "in_kind_received",
                                        &l.item,
                                        &l.unit,
                                        &l.quantity.to_string(),
                                    ],
                                    true,
                                );
                            }
                            let next = if (lines.len() as i64) < CSV_PAGE {
                                CsvState::Done
                            } else {
                                let last = &lines[lines.len() - 1];
                                CsvState::Goods {
                                    store,
                                    campaign,
                                    after: Some((last.item.clone(), last.unit.clone())),
                                }
                            };
                            Some((Ok(out), next))
                        }
                    }
                }
                CsvState::Done => None,
            }
        }
    });
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"report-{}.csv\"", campaign.code),
            ),
        ],
        super::streamed_body(stream),
    )
        .into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_follow_rfc_4180() {
        let mut out = String::new();
        csv_row(&mut out, ["a", "b,c", "say \"hi\"", "x\ny"], false);
        assert_eq!(out, "a,\"b,c\",\"say \"\"hi\"\"\",\"x\ny\"\r\n");
        let mut out = String::new();
        csv_row(&mut out, ["in_kind_received", "=cmd()", "-kg", "-1"], true);
        assert_eq!(out, "in_kind_received,'=cmd(),'-kg,-1\r\n");
    }
}
