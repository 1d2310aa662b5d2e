//! Contract pages: the coordinator's form that generates a Law 06-18 contract from an accepted
//! application, the contract as each party reads it (Arabic and French one after the other,
//! printable, with lines for signatures by hand) and accepts it; and the national register
//! (the page, its CSV streamed a page at a time and its Excel workbook in constant memory) for
//! the host and, read-only, for authorities.

use super::{render, render_status, see_other, CsrfOnly, PageForm};
use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::extract::{path_param, ApiQuery, CurrentUser};
use crate::AppState;
use askama::Template;
use axum::body::Bytes;
use axum::extract::{RawPathParams, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Extension;
use serde::Deserialize;
use twiza_app::volunteer_contracts as contracts;
use twiza_app::volunteer_register::RegisterWorkbook;
use twiza_domain::volunteer_contract::{
    register_csv_header, register_csv_rows, ContractInput, RegisterRow,
};
use twiza_domain::{FieldError, OrgScope, UserId};
use twiza_store::Reader;

/// A page of personal data: never kept by the browser.
fn private(mut response: Response) -> Response {
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("no-store"),
    );
    response
}

/// The clauses as typed.
#[derive(Deserialize)]
pub struct ContractForm {
    #[serde(default)]
    weekly_hours: String,
    #[serde(default)]
    training: String,
    #[serde(default)]
    insurance: String,
    #[serde(default)]
    expenses: String,
    #[serde(default)]
    notice_days: String,
    #[allow(dead_code)]
    #[serde(default)]
    csrf: String,
}

impl Default for ContractForm {
    fn default() -> Self {
        ContractForm {
            weekly_hours: "10".into(),
            training: String::new(),
            insurance: String::new(),
            expenses: String::new(),
            notice_days: "7".into(),
            csrf: String::new(),
        }
    }
}

#[derive(Template)]
#[template(path = "contract_new.html")]
struct NewContractPage {
    c: Ctx,
    org_id: i64,
    application_id: i64,
    volunteer_name: String,
    mission_title: String,
    form: ContractForm,
    errors: Vec<FieldError>,
}

async fn new_page(
    state: &AppState,
    c: Ctx,
    scope: &OrgScope,
    application_id: i64,
    form: ContractForm,
    errors: Vec<FieldError>,
) -> AppResult<NewContractPage> {
    let source = state.store.contract_source(scope, application_id).await?;
    Ok(NewContractPage {
        c,
        org_id: scope.org_id().0,
        application_id,
        volunteer_name: source.volunteer_name,
        mission_title: source.mission_title,
        form,
        errors,
    })
}

/// `GET /associations/{org_id}/applications/{application_id}/contract`: the clauses' form.
pub async fn new_form(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    params: RawPathParams,
) -> AppResult<Response> {
    let id = path_param(&params, "application_id")?;
    let page = new_page(&state, c, &scope, id, ContractForm::default(), Vec::new()).await?;
    Ok(private(render(&page)))
}

/// `POST /associations/{org_id}/applications/{application_id}/contract`: generates the
/// contract, or the form again with each refusal next to its field (a rule names `contract`).
pub async fn create(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    params: RawPathParams,
    PageForm(form): PageForm<ContractForm>,
) -> AppResult<Response> {
    let id = path_param(&params, "application_id")?;
    let input = ContractInput {
        weekly_hours: &form.weekly_hours,
        training: &form.training,
        insurance: &form.insurance,
        expenses: &form.expenses,
        notice_days: &form.notice_days,
    };
    let result = contracts::generate(
        &state.store,
        &state.config.personal_data,
        &state.messages,
        &scope,
        user.id,
        id,
        &input,
    )
    .await;
    let (status, errors) = match result {
        Ok((contract, _)) => {
            return Ok(see_other(&format!(
                "/associations/{}/contracts/{contract}?done=created",
                scope.org_id().0
            )))
        }
        Err(twiza_app::Error::Invalid(errors)) => (StatusCode::UNPROCESSABLE_ENTITY, errors),
        Err(twiza_app::Error::Refused(r)) => (
            AppError::from(r).status,
            vec![FieldError::new("contract", r.code())],
        ),
        Err(e) => return Err(AppError::from(e)),
    };
    let page = new_page(&state, c, &scope, id, form, errors).await?;
    Ok(private(render_status(status, &page)))
}

#[derive(Template)]
#[template(path = "contract.html")]
struct ContractPage {
    c: Ctx,
    /// Where the accept form posts.
    accept_action: String,
    /// Whether the reader's party may still accept.
    may_accept: bool,
    back: String,
    shown: contracts::ShownContract,
    /// The signature lines in each language of the contract.
    sign_ar: (String, String),
    sign_fr: (String, String),
    done: Option<&'static str>,
    errors: Vec<FieldError>,
}

const CONTRACT_DONE: [(&str, &str); 2] = [
    ("created", "contract-done-created"),
    ("accepted", "contract-done-accepted"),
];

fn contract_page(
    c: Ctx,
    shown: contracts::ShownContract,
    host: bool,
    back: String,
) -> ContractPage {
    use twiza_domain::volunteer_contract::ContractStatus::*;
    let status = shown.contract.status;
    let may_accept = match host {
        true => matches!(status, Proposed | VolunteerAccepted),
        false => matches!(status, Proposed | HostAccepted),
    };
    let accept_action = if host {
        format!(
            "/associations/{}/contracts/{}/accept",
            shown.contract.organization_id, shown.contract.id
        )
    } else {
        format!("/volunteer/contracts/{}/accept", shown.contract.id)
    };
    let sign = |locale| {
        (
            c.messages.t(locale, "contract-sign-host"),
            c.messages.t(locale, "contract-sign-volunteer"),
        )
    };
    ContractPage {
        sign_ar: sign(twiza_i18n::Locale::Ar),
        sign_fr: sign(twiza_i18n::Locale::Fr),
        c,
        accept_action,
        may_accept,
        back,
        shown,
        done: None,
        errors: Vec::new(),
    }
}

fn reader(user: UserId, purpose: &'static str) -> Reader<'static> {
    Reader {
        account: user,
        purpose,
    }
}

/// `GET /associations/{org_id}/contracts/{contract_id}`: the host's contract (a recorded read
/// of the volunteer's identity).
pub async fn host_show(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    params: RawPathParams,
    ApiQuery(done): ApiQuery<super::DoneQuery>,
) -> AppResult<Response> {
    let id = path_param(&params, "contract_id")?;
    let shown = contracts::for_host(
        &state.store,
        &state.config.personal_data,
        &scope,
        reader(user.id, "contract"),
        id,
    )
    .await?;
    let back = format!("/associations/{}/volunteering/register", scope.org_id().0);
    let mut page = contract_page(c, shown, true, back);
    page.done = done.key(&CONTRACT_DONE);
    Ok(private(render(&page)))
}

/// `POST /associations/{org_id}/contracts/{contract_id}/accept`: the host accepts.
pub async fn host_accept(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    params: RawPathParams,
    PageForm(_): PageForm<CsrfOnly>,
) -> AppResult<Response> {
    let id = path_param(&params, "contract_id")?;
    match contracts::accept_as_host(&state.store, &scope, user.id, id).await {
        Ok(_) => Ok(see_other(&format!(
            "/associations/{}/contracts/{id}?done=accepted",
            scope.org_id().0
        ))),
        Err(twiza_app::Error::Refused(r)) => {
            let shown = contracts::for_host(
                &state.store,
                &state.config.personal_data,
                &scope,
                reader(user.id, "contract"),
                id,
            )
            .await?;
            let back = format!("/associations/{}/volunteering/register", scope.org_id().0);
            let mut page = contract_page(c, shown, true, back);
            page.errors = vec![FieldError::new("accept", r.code())];
            Ok(private(render_status(AppError::from(r).status, &page)))
        }
        Err(e) => Err(AppError::from(e)),
    }
}

/// `GET /volunteer/contracts/{contract_id}`: the volunteer's own contract.
pub async fn volunteer_show(
    State(state): State<AppState>,
    c: Ctx,
    CurrentUser(user): CurrentUser,
    params: RawPathParams,
    ApiQuery(done): ApiQuery<super::DoneQuery>,
) -> AppResult<Response> {
    let id = path_param(&params, "contract_id")?;
    let shown =
        contracts::for_volunteer(&state.store, &state.config.personal_data, user.id, id).await?;
    let mut page = contract_page(c, shown, false, "/volunteer/shifts".into());
    page.done = done.key(&CONTRACT_DONE);
    Ok(private(render(&page)))
}

/// `POST /volunteer/contracts/{contract_id}/accept`: the volunteer accepts.
pub async fn volunteer_accept(
    State(state): State<AppState>,
    c: Ctx,
    CurrentUser(user): CurrentUser,
    params: RawPathParams,
    PageForm(_): PageForm<CsrfOnly>,
) -> AppResult<Response> {
    let id = path_param(&params, "contract_id")?;
    match contracts::accept_as_volunteer(&state.store, user.id, id).await {
        Ok(_) => Ok(see_other(&format!(
            "/volunteer/contracts/{id}?done=accepted"
        ))),
        Err(twiza_app::Error::Refused(r)) => {
            let shown =
                contracts::for_volunteer(&state.store, &state.config.personal_data, user.id, id)
                    .await?;
            let mut page = contract_page(c, shown, false, "/volunteer/shifts".into());
            page.errors = vec![FieldError::new("accept", r.code())];
            Ok(private(render_status(AppError::from(r).status, &page)))
        }
        Err(e) => Err(AppError::from(e)),
    }
}

#[derive(Template)]
#[template(path = "register.html")]
struct RegisterPage {
    c: Ctx,
    /// `/associations/{id}/volunteering/register` or `/authority/volunteering/register`.
    base: String,
    rows: Vec<RegisterRow>,
    more: Option<String>,
}

#[derive(Deserialize)]
pub struct AfterQuery {
    after: Option<i64>,
}

async fn register_html(
    state: &AppState,
    c: Ctx,
    organization: Option<i64>,
    user: UserId,
    after: i64,
    base: String,
) -> AppResult<Response> {
    let (rows, last) = contracts::register_page(
        &state.store,
        &state.config.personal_data,
        organization,
        reader(user, "register"),
        after,
    )
    .await?;
    let more = (rows.len() as i64 == contracts::REGISTER_PAGE)
        .then_some(last)
        .flatten()
        .map(|l| format!("{base}?after={l}"));
    Ok(private(render(&RegisterPage {
        c,
        base,
        rows,
        more,
    })))
}

/// The register as CSV, streamed a page of contracts at a time.
fn register_csv(state: &AppState, organization: Option<i64>, user: UserId) -> Response {
    let state = state.clone();
    let stream = futures_util::stream::unfold(Some(0_i64), move |after| {
        let state = state.clone();
        async move {
            let after = after?;
            let page = contracts::register_page(
                &state.store,
                &state.config.personal_data,
                organization,
                reader(user, "register"),
                after,
            )
            .await;
            match page {
                Ok((rows, last)) => {
                    let mut bytes = if after == 0 {
                        register_csv_header()
                    } else {
                        Vec::new()
                    };
                    bytes.extend(register_csv_rows(&rows));
                    let next = (rows.len() as i64 == contracts::REGISTER_PAGE)
                        .then_some(last)
                        .flatten();
                    if bytes.is_empty() {
                        return None;
                    }
                    Some((Ok::<_, std::io::Error>(Bytes::from(bytes)), next))
                }
                Err(e) => {
                    tracing::error!(error = %e, "register export failed");
                    Some((Err(std::io::Error::other("register export")), None))
                }
            }
        }
    });
    private(
        (
            [
                (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
                (
                    header::CONTENT_DISPOSITION,
                    "attachment; filename=\"volunteer-register.csv\"",
                ),
            ],
            crate::api::streamed_body(stream),
        )
            .into_response(),
    )
}

/// The register as an Excel workbook: written a page at a time in constant memory into a
/// temporary file, then streamed from it.
async fn register_xlsx(
    state: &AppState,
    organization: Option<i64>,
    user: UserId,
) -> AppResult<Response> {
    let mut workbook = RegisterWorkbook::new()?;
    let mut after = 0;
    loop {
        let (rows, last) = contracts::register_page(
            &state.store,
            &state.config.personal_data,
            organization,
            reader(user, "register"),
            after,
        )
        .await?;
        workbook.append(&rows)?;
        match last {
            Some(l) if rows.len() as i64 == contracts::REGISTER_PAGE => after = l,
            _ => break,
        }
    }
    let file = tokio::task::spawn_blocking(move || workbook.finish())
        .await
        .map_err(|_| AppError::from(twiza_app::Error::Internal("register workbook")))??;
    let stream = futures_util::stream::unfold(Some(file), |file| async move {
        let mut file = file?;
        let chunk = tokio::task::spawn_blocking(move || {
            use std::io::Read;
            let mut buf = vec![0_u8; 64 * 1024];
            let n = file.read(&mut buf)?;
            buf.truncate(n);
            Ok::<_, std::io::Error>((buf, file))
        })
        .await
        .map_err(std::io::Error::other)
        .and_then(|r| r);
        match chunk {
            Ok((buf, _)) if buf.is_empty() => None,
            Ok((buf, file)) => Some((Ok(Bytes::from(buf)), Some(file))),
            Err(e) => Some((Err(e), None)),
        }
    });
    Ok(private(
        (
            [
                (
                    header::CONTENT_TYPE,
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                ),
                (
                    header::CONTENT_DISPOSITION,
                    "attachment; filename=\"volunteer-register.xlsx\"",
                ),
            ],
            crate::api::streamed_body(stream),
        )
            .into_response(),
    ))
}

/// `GET /associations/{org_id}/volunteering/register`.
pub async fn org_register(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    ApiQuery(q): ApiQuery<AfterQuery>,
) -> AppResult<Response> {
    let org = scope.org_id().0;
    let base = format!("/associations/{org}/volunteering/register");
    register_html(&state, c, Some(org), user.id, q.after.unwrap_or(0), base).await
}

/// `GET /associations/{org_id}/volunteering/register.csv`.
pub async fn org_register_csv(
    State(state): State<AppState>,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
) -> Response {
    register_csv(&state, Some(scope.org_id().0), user.id)
}

/// `GET /associations/{org_id}/volunteering/register.xlsx`.
pub async fn org_register_xlsx(
    State(state): State<AppState>,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
) -> AppResult<Response> {
    register_xlsx(&state, Some(scope.org_id().0), user.id).await
}

/// `GET /authority/volunteering/register`: every host's contracts, read-only.
pub async fn authority_register(
    State(state): State<AppState>,
    c: Ctx,
    CurrentUser(user): CurrentUser,
    ApiQuery(q): ApiQuery<AfterQuery>,
) -> AppResult<Response> {
    let base = "/authority/volunteering/register".to_owned();
    register_html(&state, c, None, user.id, q.after.unwrap_or(0), base).await
}

/// `GET /authority/volunteering/register.csv`.
pub async fn authority_register_csv(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
) -> Response {
    register_csv(&state, None, user.id)
}

/// `GET /authority/volunteering/register.xlsx`.
pub async fn authority_register_xlsx(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
) -> AppResult<Response> {
    register_xlsx(&state, None, user.id).await
}
