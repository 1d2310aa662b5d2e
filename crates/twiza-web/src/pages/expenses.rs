//! The expenses pages of a campaign: its expenses with their status, the form that submits one
//! with its evidence file (checked by its content), the expenses waiting for approval, the
//! check before approving one (never offered to its author, and refused to a forged request
//! by the author), the rejection with its reason, and the evidence downloaded.

use super::ledger::{keyset, PageLinks, PAGE_ROWS};
use super::{render, render_status, see_other, CsrfOnly, DoneQuery, PageForm};
use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::extract::{ApiQuery, CurrentUser, PathId};
use crate::AppState;
use askama::Template;
use axum::extract::{Multipart, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Extension;
use rand::RngCore;
use std::collections::HashMap;
use twiza_app::ledger::{
    declared_upload_type, expense_request_hash, expense_to_approve, parse_expense, ExpenseInput,
};
use twiza_domain::donation::parse_idempotency_key;
use twiza_domain::ledger::{ExpenseCategory, ExpenseStatus, PaidFrom, MAX_EVIDENCE_BYTES};
use twiza_domain::{FieldError, OrgScope, UserId};
use twiza_store::{Campaign, Expense};

/// The largest expense form accepted: the evidence file and the fields around it. A larger
/// one is answered with the message next to the file field.
pub const EXPENSE_FORM_LIMIT: usize = MAX_EVIDENCE_BYTES + 256 * 1024;

/// The text fields of the expense form, in page order.
const FIELDS: [&str; 6] = [
    "amount",
    "category",
    "paid_from",
    "description_ar",
    "description_fr",
    "key",
];

/// Confirmations after a change (`?done=`), with their messages.
const DONE: [(&str, &str); 3] = [
    ("submitted", "expenses-done-submitted"),
    ("approved", "expenses-done-approved"),
    ("rejected", "expenses-done-rejected"),
];

/// The expense form's values and errors, and the Idempotency-Key it carries.
pub struct ExpenseForm {
    values: HashMap<String, String>,
    pub errors: Vec<FieldError>,
}

impl ExpenseForm {
    fn fresh() -> ExpenseForm {
        let mut key = [0u8; 16];
        rand::rngs::OsRng.fill_bytes(&mut key);
        ExpenseForm {
            values: HashMap::from([
                ("key".to_owned(), format!("expense-{}", hex::encode(key))),
                ("currency".to_owned(), "MAD".to_owned()),
            ]),
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
#[template(path = "expenses.html")]
struct ExpensesPage {
    c: Ctx,
    campaign: Campaign,
    me: UserId,
    /// Submitted, waiting for a decision (oldest first).
    waiting: Vec<Expense>,
    expenses: Vec<Expense>,
    links: PageLinks,
    names: HashMap<i64, String>,
    form: ExpenseForm,
    categories: Vec<(&'static str, String)>,
    paid_from: Vec<(&'static str, String)>,
    /// The largest evidence file, in megabytes.
    max_mb: i64,
    done: Option<String>,
}

impl ExpensesPage {
    fn name_of(&self, user: &UserId) -> &str {
        self.names.get(&user.0).map_or("", String::as_str)
    }
}

/// The campaign of the page, if it is the scoped association's.
async fn campaign_of(state: &AppState, scope: &OrgScope, id: i64) -> AppResult<Campaign> {
    state
        .store
        .campaign(id)
        .await?
        .filter(|c| c.org_id == scope.org_id())
        .ok_or_else(AppError::not_found)
}

/// Display names of the association's members, by user id.
async fn member_names(state: &AppState, scope: &OrgScope) -> AppResult<HashMap<i64, String>> {
    Ok(state
        .store
        .members(scope)
        .await?
        .into_iter()
        .map(|m| (m.user_id.0, m.display_name))
        .collect())
}

#[derive(serde::Deserialize, Default)]
pub struct ListQuery {
    before: Option<i64>,
    after: Option<i64>,
}

struct PageParts {
    campaign: Campaign,
    me: UserId,
    page: (Option<i64>, Option<i64>),
    form: ExpenseForm,
    done: Option<String>,
}

async fn expenses_page(
    state: &AppState,
    c: Ctx,
    scope: &OrgScope,
    parts: PageParts,
) -> AppResult<ExpensesPage> {
    let PageParts {
        campaign,
        me,
        page,
        form,
        done,
    } = parts;
    let page = keyset(page.0, page.1);
    let waiting = state
        .store
        .expenses_waiting(scope, Some(campaign.id), None, PAGE_ROWS)
        .await?;
    let mut expenses = state
        .store
        .campaign_expenses_page(scope, campaign.id, page, PAGE_ROWS + 1)
        .await?;
    let base = format!("/campaigns/{}/expenses", campaign.id);
    let links = PageLinks::of(&mut expenses, page, |e| e.id, &base);
    let categories = ExpenseCategory::ALL
        .iter()
        .map(|k| (k.as_str(), c.expense_category_name(k)))
        .collect();
    let paid_from = PaidFrom::ALL
        .iter()
        .map(|p| (p.as_str(), c.paid_from_name(p)))
        .collect();
    Ok(ExpensesPage {
        names: member_names(state, scope).await?,
        c,
        campaign,
        me,
        waiting,
        expenses,
        links,
        form,
        categories,
        paid_from,
        max_mb: (MAX_EVIDENCE_BYTES / (1024 * 1024)) as i64,
        done,
    })
}

/// `GET /campaigns/{campaign_id}/expenses`.
pub async fn list(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    PathId(id): PathId,
    ApiQuery(query): ApiQuery<ListQuery>,
    ApiQuery(done): ApiQuery<DoneQuery>,
) -> AppResult<Response> {
    let done = done.key(&DONE).map(|key| c.t(key));
    let parts = PageParts {
        campaign: campaign_of(&state, &scope, id).await?,
        me: user.id,
        page: (query.before, query.after),
        form: ExpenseForm::fresh(),
        done,
    };
    Ok(render(&expenses_page(&state, c, &scope, parts).await?))
}

/// The expense form as sent: its text fields and the evidence file with its name and type.
#[derive(Default)]
struct SentForm {
    values: HashMap<String, String>,
    file: Option<(String, String, Vec<u8>)>,
    /// The body could not be read to its end (too large or malformed).
    unreadable: bool,
}

async fn read_form(multipart: &mut Multipart) -> SentForm {
    let mut sent = SentForm::default();
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(_) => {
                sent.unreadable = true;
                break;
            }
        };
        let name = field.name().unwrap_or_default().to_owned();
        if name == "evidence" {
            let file_name = field.file_name().unwrap_or_default().to_owned();
            let content_type = field.content_type().unwrap_or_default().to_owned();
            match field.bytes().await {
                Ok(bytes) if !bytes.is_empty() => {
                    sent.file = Some((file_name, content_type, bytes.to_vec()));
                }
                Ok(_) => {}
                Err(_) => {
                    sent.unreadable = true;
                    break;
                }
            }
        } else if FIELDS.contains(&name.as_str()) {
            match field.text().await {
                Ok(text) => {
                    sent.values.insert(name, text.trim().to_owned());
                }
                Err(_) => {
                    sent.unreadable = true;
                    break;
                }
            }
        }
    }
    sent
}

/// `POST /campaigns/{campaign_id}/expenses` (multipart, the CSRF token in the address):
/// submits the expense, or the page again with every error next to its field (nothing
/// written).
pub async fn submit(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    PathId(id): PathId,
    mut multipart: Multipart,
) -> AppResult<Response> {
    let campaign = campaign_of(&state, &scope, id).await?;
    let sent = read_form(&mut multipart).await;
    let get = |f: &str| sent.values.get(f).map_or("", String::as_str);
    let evidence = match (&sent.file, sent.unreadable) {
        (Some((name, kind, bytes)), false) => {
            Some((declared_upload_type(name, kind), bytes.clone()))
        }
        _ => None,
    };
    let parsed = parse_expense(ExpenseInput {
        amount: get("amount"),
        currency: "MAD",
        category: get("category"),
        paid_from: get("paid_from"),
        description_ar: get("description_ar"),
        description_fr: get("description_fr"),
        evidence,
    });
    let key = parse_idempotency_key(get("key")).ok();
    let errors = match (parsed, key) {
        (Ok(expense), Some(key)) => {
            let hash = expense_request_hash(&expense);
            let submitted = twiza_app::ledger::submit_expense(
                &state.store,
                &scope,
                id,
                expense,
                (key, hash),
                user.id,
                (&state.mail, c.locale),
            )
            .await;
            match submitted {
                Ok(_) => {
                    return Ok(see_other(&format!(
                        "/campaigns/{id}/expenses?done=submitted"
                    )))
                }
                Err(twiza_app::Error::Refused(refusal)) => {
                    vec![FieldError::new("amount", refusal.code())]
                }
                Err(e) => return Err(e.into()),
            }
        }
        (Ok(_), None) => vec![FieldError::new("amount", "invalid_idempotency_key")],
        (Err(errors), _) => errors,
    };
    let mut form = ExpenseForm::fresh();
    for (k, v) in sent.values {
        if k != "key" || parse_idempotency_key(&v).is_ok() {
            form.values.insert(k, v);
        }
    }
    form.errors = errors;
    let parts = PageParts {
        campaign,
        me: user.id,
        page: (None, None),
        form,
        done: None,
    };
    let page = expenses_page(&state, c, &scope, parts).await?;
    Ok(render_status(StatusCode::UNPROCESSABLE_ENTITY, &page))
}

#[derive(Template)]
#[template(path = "expense_decide.html")]
struct DecidePage {
    c: Ctx,
    campaign: Campaign,
    expense: Expense,
    author: String,
    /// `approve` (the check before approving) or `reject` (the reason asked).
    decision: &'static str,
    /// Why this decision cannot be taken (a refusal's message); no form then.
    refusal: Option<String>,
    reason: String,
    errors: Vec<FieldError>,
}

struct Decision<'a> {
    kind: &'static str,
    refusal: Option<&'a str>,
    reason: String,
    errors: Vec<FieldError>,
}

async fn decide_page(
    state: &AppState,
    c: Ctx,
    scope: &OrgScope,
    expense: Expense,
    decision: Decision<'_>,
) -> AppResult<DecidePage> {
    let campaign = campaign_of(state, scope, expense.campaign_id).await?;
    let names = member_names(state, scope).await?;
    let author = names
        .get(&expense.submitted_by.0)
        .cloned()
        .unwrap_or_default();
    Ok(DecidePage {
        refusal: decision.refusal.map(|code| c.code_message(code)),
        c,
        campaign,
        expense,
        author,
        decision: decision.kind,
        reason: decision.reason,
        errors: decision.errors,
    })
}

async fn expense_of(state: &AppState, scope: &OrgScope, id: i64) -> AppResult<Expense> {
    state
        .store
        .expense(scope, id)
        .await?
        .ok_or_else(AppError::not_found)
}

/// The status of a refusal's answer and the page saying why.
async fn refused(
    state: &AppState,
    c: Ctx,
    scope: &OrgScope,
    id: i64,
    kind: &'static str,
    refusal: twiza_domain::Refusal,
) -> AppResult<Response> {
    let status = AppError::from(refusal).status;
    let expense = expense_of(state, scope, id).await?;
    let decision = Decision {
        kind,
        refusal: Some(refusal.code()),
        reason: String::new(),
        errors: Vec::new(),
    };
    let page = decide_page(state, c, scope, expense, decision).await?;
    Ok(render_status(status, &page))
}

/// `GET /expenses/{expense_id}/approve`: what approving will do (amount, campaign, paid from),
/// with the button that does it; for the expense's author, why they cannot.
pub async fn approve_check(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    PathId(id): PathId,
) -> AppResult<Response> {
    match expense_to_approve(&state.store, &scope, id, user.id).await {
        Ok(expense) => {
            let decision = Decision {
                kind: "approve",
                refusal: None,
                reason: String::new(),
                errors: Vec::new(),
            };
            Ok(render(
                &decide_page(&state, c, &scope, expense, decision).await?,
            ))
        }
        Err(twiza_app::Error::Refused(refusal)) => {
            refused(&state, c, &scope, id, "approve", refusal).await
        }
        Err(e) => Err(e.into()),
    }
}

/// `POST /expenses/{expense_id}/approve`: approved, booked and logged; or the refusal on the
/// page, nothing written.
pub async fn approve(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    PathId(id): PathId,
    PageForm(_): PageForm<CsrfOnly>,
) -> AppResult<Response> {
    match twiza_app::ledger::approve_expense(&state.store, &scope, id, user.id).await {
        Ok(expense) => Ok(see_other(&format!(
            "/campaigns/{}/expenses?done=approved",
            expense.campaign_id
        ))),
        Err(twiza_app::Error::Refused(refusal)) => {
            refused(&state, c, &scope, id, "approve", refusal).await
        }
        Err(e) => Err(e.into()),
    }
}

/// `GET /expenses/{expense_id}/reject`: the reason asked.
pub async fn reject_form(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    PathId(id): PathId,
) -> AppResult<Response> {
    let expense = expense_of(&state, &scope, id).await?;
    let refusal = (expense.status != ExpenseStatus::Submitted).then_some("expense_decided");
    let decision = Decision {
        kind: "reject",
        refusal,
        reason: String::new(),
        errors: Vec::new(),
    };
    Ok(render(
        &decide_page(&state, c, &scope, expense, decision).await?,
    ))
}

#[derive(serde::Deserialize)]
pub struct RejectForm {
    #[serde(default)]
    reason: String,
    #[allow(dead_code)]
    csrf: String,
}

/// `POST /expenses/{expense_id}/reject`: rejected with its reason; or the form again with the
/// error next to the reason (nothing written).
pub async fn reject(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    PathId(id): PathId,
    PageForm(form): PageForm<RejectForm>,
) -> AppResult<Response> {
    match twiza_app::ledger::reject_expense(&state.store, &scope, id, user.id, &form.reason).await {
        Ok(expense) => Ok(see_other(&format!(
            "/campaigns/{}/expenses?done=rejected",
            expense.campaign_id
        ))),
        Err(twiza_app::Error::Invalid(errors)) => {
            let expense = expense_of(&state, &scope, id).await?;
            let decision = Decision {
                kind: "reject",
                refusal: None,
                reason: form.reason,
                errors,
            };
            let page = decide_page(&state, c, &scope, expense, decision).await?;
            Ok(render_status(StatusCode::UNPROCESSABLE_ENTITY, &page))
        }
        Err(twiza_app::Error::Refused(refusal)) => {
            refused(&state, c, &scope, id, "reject", refusal).await
        }
        Err(e) => Err(e.into()),
    }
}

/// `GET /expenses/{expense_id}/evidence`: the evidence file, as a download.
pub async fn evidence(
    State(state): State<AppState>,
    Extension(scope): Extension<OrgScope>,
    PathId(id): PathId,
) -> AppResult<Response> {
    let (media_type, bytes) = state
        .store
        .expense_evidence(&scope, id)
        .await?
        .ok_or_else(AppError::not_found)?;
    Ok(crate::download::file_response(
        media_type,
        bytes,
        &format!("expense-{id}"),
        "private, no-store",
    ))
}
