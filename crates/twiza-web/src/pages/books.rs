//! The books page of an association: its trial balance (each account's debits, credits and
//! balance, and whether the books balance), the journal by account and period (filters in the
//! query string, keyset pages), and each campaign's report (printable, and as CSV).

use super::ledger::{keyset, PageLinks, PAGE_ROWS};
use super::render;
use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::extract::ApiQuery;
use crate::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use axum::Extension;
use twiza_app::ledger::{journal, parse_journal_query, trial_balance, JournalQuery};
use twiza_domain::ledger::Account;
use twiza_domain::organization::Organization;
use twiza_domain::{FieldError, OrgScope};
use twiza_store::{AccountBalance, Campaign, JournalLine, TrialBalance};

#[derive(Template)]
#[template(path = "books.html")]
struct BooksPage {
    c: Ctx,
    org: Organization,
    tb: TrialBalance,
    campaigns: Vec<Campaign>,
    accounts: Vec<(&'static str, String)>,
    query: JournalQuery,
    errors: Vec<FieldError>,
    lines: Vec<JournalLine>,
    links: PageLinks,
}

impl BooksPage {
    fn campaign_name(&self, id: &Option<i64>) -> &str {
        id.and_then(|id| self.campaigns.iter().find(|c| c.id == id))
            .map_or("", |c| self.c.campaign_title(c))
    }

    /// An account of the trial balance in words, with its campaign for income accounts.
    fn account_label(&self, a: &AccountBalance) -> String {
        let name = self.c.account_name(&a.account);
        match self.campaign_name(&a.campaign_id) {
            "" => name,
            campaign => format!("{name} — {campaign}"),
        }
    }

    fn selected(&self, account: &str) -> bool {
        self.query.account.as_deref().map(str::trim) == Some(account)
    }

    fn value<'a>(&self, v: &'a Option<String>) -> &'a str {
        v.as_deref().unwrap_or_default()
    }
}

#[derive(serde::Deserialize, Default)]
pub struct PageQuery {
    before: Option<i64>,
    after: Option<i64>,
}

/// `GET /associations/{org_id}/books?account=&from=&to=`.
pub async fn show(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    ApiQuery(query): ApiQuery<JournalQuery>,
    ApiQuery(page): ApiQuery<PageQuery>,
) -> AppResult<Response> {
    let org = state
        .store
        .organization(scope.org_id())
        .await?
        .ok_or_else(AppError::not_found)?;
    let tb = trial_balance(&state.store, &scope).await?;
    let campaigns = state.store.campaigns_of(&scope).await?;
    let accounts = Account::ALL
        .iter()
        .map(|a| (a.as_str(), c.account_name(a)))
        .collect();
    let page = keyset(page.before, page.after);
    let (lines, links, errors) = match parse_journal_query(&query) {
        Ok(filter) => {
            let mut lines = journal(&state.store, &scope, &filter, page, PAGE_ROWS + 1).await?;
            let base = journal_address(&org, &query);
            let links = PageLinks::of(&mut lines, page, |l| l.id, &base);
            (lines, links, Vec::new())
        }
        Err(errors) => (Vec::new(), PageLinks::default(), errors),
    };
    Ok(render(&BooksPage {
        c,
        org,
        tb,
        campaigns,
        accounts,
        query,
        errors,
        lines,
        links,
    }))
}

/// The address of the journal with its filters (for the page links).
fn journal_address(org: &Organization, q: &JournalQuery) -> String {
    let params: Vec<(&str, &str)> = [
        ("account", q.account.as_deref()),
        ("from", q.from.as_deref()),
        ("to", q.to.as_deref()),
    ]
    .into_iter()
    .filter_map(|(k, v)| v.filter(|v| !v.trim().is_empty()).map(|v| (k, v)))
    .collect();
    let base = format!("/associations/{}/books", org.id.0);
    match serde_urlencoded::to_string(params) {
        Ok(query) if !query.is_empty() => format!("{base}?{query}"),
        _ => base,
    }
}
