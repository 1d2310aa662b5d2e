//! The transfers page of an association: transfers sent and received (keyset pages), those
//! waiting for this association to confirm them, and sending one to another verified
//! association — chosen by name — out of one of its campaigns, after a check of what will
//! happen.

use super::ledger::{keyset, PageLinks, PAGE_ROWS};
use super::{render, render_status, see_other, CsrfOnly, DoneQuery, PageForm};
use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::extract::{ApiQuery, CurrentUser, PathId};
use crate::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::Extension;
use rand::RngCore;
use std::collections::HashMap;
use twiza_app::ledger::{
    parse_transfer_amount, plan_transfer, transfer_request_hash, transfers_to_confirm, TransferPlan,
};
use twiza_app::organizations::DirectoryQuery;
use twiza_domain::donation::parse_idempotency_key;
use twiza_domain::organization::Organization;
use twiza_domain::{FieldError, OrgId, OrgScope};
use twiza_store::{Campaign, NewTransfer, Transfer};

/// Associations offered in the receiver's list (the search narrows them).
const RECIPIENTS: u32 = 25;

/// Confirmations after a change (`?done=`), with their messages.
const DONE: [(&str, &str); 2] = [
    ("sent", "transfers-done-sent"),
    ("confirmed", "transfers-done-confirmed"),
];

/// The transfer form's values and errors, and the Idempotency-Key it carries.
pub struct TransferForm {
    values: HashMap<String, String>,
    pub errors: Vec<FieldError>,
}

impl TransferForm {
    fn fresh() -> TransferForm {
        let mut key = [0u8; 16];
        rand::rngs::OsRng.fill_bytes(&mut key);
        TransferForm {
            values: HashMap::from([("key".to_owned(), format!("transfer-{}", hex::encode(key)))]),
            errors: Vec::new(),
        }
    }

    pub fn get(&self, name: &str) -> &str {
        self.values.get(name).map_or("", String::as_str)
    }

    pub fn is(&self, name: &str, value: &str) -> bool {
        self.get(name) == value
    }
}

#[derive(Template)]
#[template(path = "transfers.html")]
struct TransfersPage {
    c: Ctx,
    org: Organization,
    /// Pending transfers to this association.
    to_confirm: Vec<Transfer>,
    transfers: Vec<Transfer>,
    links: PageLinks,
    /// Names of the other associations of the transfers shown.
    names: HashMap<i64, Organization>,
    /// The receiver search and its results.
    q: String,
    recipients: Vec<Organization>,
    campaigns: Vec<Campaign>,
    form: TransferForm,
    done: Option<String>,
    /// Why a confirmation was refused.
    error: Option<String>,
}

impl TransfersPage {
    /// The other association of a transfer, in the reader's language.
    fn other_name(&self, t: &Transfer) -> &str {
        let other = if t.from == self.org.id { t.to } else { t.from };
        self.names
            .get(&other.0)
            .map_or("", |org| self.c.org_name(org))
    }

    fn sent(&self, t: &Transfer) -> bool {
        t.from == self.org.id
    }

    fn campaign_name(&self, id: &i64) -> &str {
        self.campaigns
            .iter()
            .find(|c| c.id == *id)
            .map_or("", |c| self.c.campaign_title(c))
    }
}

#[derive(serde::Deserialize, Default)]
pub struct ListQuery {
    q: Option<String>,
    before: Option<i64>,
    after: Option<i64>,
}

async fn organization(state: &AppState, id: OrgId) -> AppResult<Organization> {
    state
        .store
        .organization(id)
        .await?
        .ok_or_else(AppError::not_found)
}

struct PageParts {
    query: ListQuery,
    form: TransferForm,
    done: Option<String>,
    error: Option<String>,
}

async fn transfers_page(
    state: &AppState,
    c: Ctx,
    scope: &OrgScope,
    parts: PageParts,
) -> AppResult<TransfersPage> {
    let PageParts {
        query,
        form,
        done,
        error,
    } = parts;
    let org = organization(state, scope.org_id()).await?;
    let page = keyset(query.before, query.after);
    let mut transfers = state
        .store
        .transfers_page(scope, page, PAGE_ROWS + 1)
        .await?;
    let base = format!("/associations/{}/transfers", org.id.0);
    let links = PageLinks::of(&mut transfers, page, |t| t.id, &base);
    let to_confirm = transfers_to_confirm(&state.store, scope).await?;
    let mut names = HashMap::new();
    for t in transfers.iter().chain(&to_confirm) {
        for id in [t.from, t.to] {
            if id != org.id && !names.contains_key(&id.0) {
                if let Some(other) = state.store.organization(id).await? {
                    names.insert(id.0, other);
                }
            }
        }
    }
    let q = query.q.unwrap_or_default();
    let search = DirectoryQuery {
        q: Some(q.clone()),
        region: None,
        province: None,
        domain: None,
        page: None,
        per_page: Some(RECIPIENTS + 1),
    };
    let recipients = state
        .store
        .directory(&search.to_filter()?)
        .await?
        .organizations
        .into_iter()
        .filter(|o| o.id != org.id)
        .take(RECIPIENTS as usize)
        .collect();
    let campaigns = state.store.campaigns_of(scope).await?;
    Ok(TransfersPage {
        c,
        org,
        to_confirm,
        transfers,
        links,
        names,
        q,
        recipients,
        campaigns,
        form,
        done,
        error,
    })
}

/// `GET /associations/{org_id}/transfers`.
pub async fn list(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    ApiQuery(query): ApiQuery<ListQuery>,
    ApiQuery(done): ApiQuery<DoneQuery>,
) -> AppResult<Response> {
    let done = done.key(&DONE).map(|key| c.t(key));
    let parts = PageParts {
        query,
        form: TransferForm::fresh(),
        done,
        error: None,
    };
    Ok(render(&transfers_page(&state, c, &scope, parts).await?))
}

#[derive(serde::Deserialize)]
pub struct SendForm {
    #[serde(default)]
    to_organization_id: String,
    #[serde(default)]
    campaign_id: String,
    #[serde(default)]
    amount: String,
    #[serde(default)]
    key: String,
    /// Present once the treasurer has seen what will happen.
    confirm: Option<String>,
    #[allow(dead_code)]
    csrf: String,
}

#[derive(Template)]
#[template(path = "transfer_check.html")]
struct CheckPage {
    c: Ctx,
    org: Organization,
    plan: TransferPlan,
    key: String,
}

/// The form again with its errors (nothing written).
async fn form_again(
    state: &AppState,
    c: Ctx,
    scope: &OrgScope,
    form: &SendForm,
    errors: Vec<FieldError>,
    status: StatusCode,
) -> AppResult<Response> {
    let mut again = TransferForm::fresh();
    for (k, v) in [
        ("to_organization_id", &form.to_organization_id),
        ("campaign_id", &form.campaign_id),
        ("amount", &form.amount),
    ] {
        again.values.insert(k.to_owned(), v.trim().to_owned());
    }
    if parse_idempotency_key(form.key.trim()).is_ok() {
        again
            .values
            .insert("key".to_owned(), form.key.trim().to_owned());
    }
    again.errors = errors;
    let parts = PageParts {
        query: ListQuery::default(),
        form: again,
        done: None,
        error: None,
    };
    let page = transfers_page(state, c, scope, parts).await?;
    Ok(render_status(status, &page))
}

/// `POST /associations/{org_id}/transfers`: first a check of what will happen, then,
/// confirmed, the transfer is sent (pending until the receiver confirms it).
pub async fn send(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    PageForm(form): PageForm<SendForm>,
) -> AppResult<Response> {
    let to = form
        .to_organization_id
        .trim()
        .parse::<i64>()
        .ok()
        .map(OrgId);
    let campaign_id = form.campaign_id.trim().parse::<i64>().ok();
    let amount = parse_transfer_amount(form.amount.trim(), "MAD");
    let plan = match plan_transfer(&state.store, &scope, to, campaign_id, amount).await {
        Ok(plan) => plan,
        Err(twiza_app::Error::Invalid(errors)) => {
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            return form_again(&state, c, &scope, &form, errors, status).await;
        }
        Err(e) => return Err(e.into()),
    };
    let Ok(key) = parse_idempotency_key(form.key.trim()) else {
        let errors = vec![FieldError::new("amount", "invalid_idempotency_key")];
        let status = StatusCode::UNPROCESSABLE_ENTITY;
        return form_again(&state, c, &scope, &form, errors, status).await;
    };
    if form.confirm.as_deref() != Some("yes") {
        let org = organization(&state, scope.org_id()).await?;
        return Ok(render(&CheckPage { c, org, plan, key }));
    }
    let new = NewTransfer {
        request_hash: transfer_request_hash(plan.to.id, plan.campaign.id, plan.amount),
        idempotency_key: key,
        to: plan.to.id,
        campaign_id: plan.campaign.id,
        amount: plan.amount,
    };
    match twiza_app::ledger::send_transfer(
        &state.store,
        &scope,
        &new,
        user.id,
        (&state.mail, c.locale),
    )
    .await
    {
        Ok(_) => Ok(see_other(&format!(
            "/associations/{}/transfers?done=sent",
            scope.org_id().0
        ))),
        Err(twiza_app::Error::Refused(refusal)) => {
            let status = AppError::from(refusal).status;
            let field = refusal.field().unwrap_or("amount");
            let errors = vec![FieldError::new(field, refusal.code())];
            form_again(&state, c, &scope, &form, errors, status).await
        }
        Err(e) => Err(e.into()),
    }
}

/// `POST /transfers/{transfer_id}/confirm` (the receiving association): the money received is
/// booked in both ledgers and logged; a refusal is shown on the page, nothing written.
pub async fn confirm(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    PathId(id): PathId,
    PageForm(_): PageForm<CsrfOnly>,
) -> AppResult<Response> {
    match twiza_app::ledger::confirm_transfer(&state.store, &scope, id, user.id).await {
        Ok(_) => Ok(see_other(&format!(
            "/associations/{}/transfers?done=confirmed",
            scope.org_id().0
        ))),
        Err(twiza_app::Error::Refused(refusal)) => {
            let status = AppError::from(refusal).status;
            let parts = PageParts {
                query: ListQuery::default(),
                form: TransferForm::fresh(),
                done: None,
                error: Some(c.code_message(refusal.code())),
            };
            let page = transfers_page(&state, c, &scope, parts).await?;
            Ok(render_status(status, &page))
        }
        Err(e) => Err(e.into()),
    }
}
