//! Volunteering on the ground: the coordinator's shift page (the check-in code shown large,
//! the roster with check-in, check-out and no-show buttons, check-outs closed at the end
//! flagged for review, a certificate issued from there); the volunteer's own shifts with the
//! code form to check in and out, their contracts and certificates; the public certificate
//! check; and each mission's message board for its coordinators and its accepted volunteers.

use super::{render, render_status, see_other, PageForm};
use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::extract::{path_param, ApiQuery, CurrentUser};
use crate::AppState;
use askama::Template;
use axum::extract::{RawPathParams, State};
use axum::http::{header, StatusCode};
use axum::response::Response;
use axum::Extension;
use serde::Deserialize;
use twiza_app::volunteer_ground as ground;
use twiza_domain::{FieldError, OrgScope};
use twiza_store::{BoardMessage, ContractLine, GroundShift, MyShift, RosterLine};

fn private(mut response: Response) -> Response {
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("no-store"),
    );
    response
}

/// The status and field errors of a refused use case; other failures are the error page's.
fn refused(e: twiza_app::Error, field: &'static str) -> AppResult<(StatusCode, Vec<FieldError>)> {
    match e {
        twiza_app::Error::Invalid(errors) => Ok((StatusCode::UNPROCESSABLE_ENTITY, errors)),
        twiza_app::Error::Refused(r) => Ok((
            AppError::from(r).status,
            vec![FieldError::new(field, r.code())],
        )),
        e => Err(AppError::from(e)),
    }
}

impl Ctx {
    /// A Unix time as the reader's date and Morocco's time of day.
    pub fn ground_time(&self, unix: &i64) -> String {
        let t = time::OffsetDateTime::from_unix_timestamp(*unix)
            .unwrap_or(time::OffsetDateTime::UNIX_EPOCH)
            .to_offset(twiza_domain::volunteer::MOROCCO);
        format!("{} {:02}:{:02}", self.date(&t.date()), t.hour(), t.minute())
    }

    /// A contract's status in words.
    pub fn contract_status(&self, code: &str) -> String {
        self.t(&format!("contract-status-{}", code.replace('_', "-")))
    }

    /// An attendance's status in words.
    pub fn attendance_status(&self, code: &str) -> String {
        self.t(&format!("vshift-status-{}", code.replace('_', "-")))
    }

    /// Minutes as hours and minutes (`3:05`).
    pub fn hours(&self, minutes: &i64) -> String {
        twiza_domain::volunteer_contract::hours_text(*minutes)
    }
}

#[derive(Template)]
#[template(path = "shift_ground.html")]
struct ShiftPage {
    c: Ctx,
    org_id: i64,
    shift: GroundShift,
    roster: Vec<RosterLine>,
    done: Option<&'static str>,
    errors: Vec<FieldError>,
    /// The roster line a refusal is about.
    error_volunteer: Option<i64>,
    /// The certificate forms' key (a repeated post issues one certificate).
    form_key: String,
}

impl ShiftPage {
    /// Whether the refusal shown is about this volunteer's line.
    fn error_on(&self, volunteer: &i64) -> bool {
        self.error_volunteer == Some(*volunteer)
    }
}

const SHIFT_DONE: [(&str, &str); 4] = [
    ("recorded", "vshift-done-recorded"),
    ("code", "vshift-done-code"),
    ("certificate", "vshift-done-certificate"),
    ("reviewed", "vshift-done-recorded"),
];

async fn shift_page(
    state: &AppState,
    c: Ctx,
    scope: &OrgScope,
    shift_id: i64,
) -> AppResult<ShiftPage> {
    let shift = state.store.ground_shift(scope, shift_id).await?;
    let roster = state.store.shift_roster(scope, shift_id).await?;
    Ok(ShiftPage {
        c,
        org_id: scope.org_id().0,
        shift,
        roster,
        done: None,
        errors: Vec::new(),
        error_volunteer: None,
        form_key: twiza_app::accounts::new_secret(),
    })
}

/// `GET /associations/{org_id}/shifts/{shift_id}`: the coordinator's shift page.
pub async fn shift(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    params: RawPathParams,
    ApiQuery(done): ApiQuery<super::DoneQuery>,
) -> AppResult<Response> {
    let id = path_param(&params, "shift_id")?;
    let mut page = shift_page(&state, c, &scope, id).await?;
    page.done = done.key(&SHIFT_DONE);
    Ok(private(render(&page)))
}

#[derive(Deserialize)]
pub struct AttendanceForm {
    #[serde(default)]
    volunteer_id: i64,
    #[serde(default)]
    action: String,
    #[allow(dead_code)]
    #[serde(default)]
    csrf: String,
}

/// `POST /associations/{org_id}/shifts/{shift_id}`: the coordinator checks a volunteer in or
/// out, records a no-show, or marks a check-out closed at the end as reviewed.
pub async fn record(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    params: RawPathParams,
    PageForm(form): PageForm<AttendanceForm>,
) -> AppResult<Response> {
    let id = path_param(&params, "shift_id")?;
    let result = match ground::GroundAction::parse(&form.action) {
        Some(action) => {
            ground::record(&state.store, &scope, user.id, id, form.volunteer_id, action).await
        }
        None => Err(twiza_app::Error::Invalid(vec![FieldError::new(
            "action",
            "validation",
        )])),
    };
    let (status, errors) = match result {
        Ok(()) => {
            return Ok(see_other(&format!(
                "/associations/{}/shifts/{id}?done=recorded",
                scope.org_id().0
            )))
        }
        Err(e) => refused(e, "attendance")?,
    };
    let mut page = shift_page(&state, c, &scope, id).await?;
    page.errors = errors;
    page.error_volunteer = Some(form.volunteer_id);
    Ok(private(render_status(status, &page)))
}

/// `POST /associations/{org_id}/shifts/{shift_id}/code`: a new check-in code.
pub async fn rotate_code(
    State(state): State<AppState>,
    Extension(scope): Extension<OrgScope>,
    params: RawPathParams,
    PageForm(_): PageForm<super::CsrfOnly>,
) -> AppResult<Response> {
    let id = path_param(&params, "shift_id")?;
    ground::rotate_code(&state.store, &scope, id).await?;
    Ok(see_other(&format!(
        "/associations/{}/shifts/{id}?done=code",
        scope.org_id().0
    )))
}

#[derive(Deserialize)]
pub struct CertificateForm {
    #[serde(default)]
    idempotency_key: String,
    /// The shift page to come back to.
    #[serde(default)]
    shift_id: Option<i64>,
    #[allow(dead_code)]
    #[serde(default)]
    csrf: String,
}

/// `POST /associations/{org_id}/volunteers/{volunteer_id}/certificate`: issues a certificate
/// (once per form key) and shows it; refused without hours (`no_hours_to_certify`).
pub async fn issue_certificate(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    params: RawPathParams,
    PageForm(form): PageForm<CertificateForm>,
) -> AppResult<Response> {
    let volunteer = path_param(&params, "volunteer_id")?;
    let result = ground::issue_certificate(
        &state.store,
        &scope,
        user.id,
        volunteer,
        &form.idempotency_key,
    )
    .await;
    match result {
        Ok(issued) => Ok(see_other(&format!("/certificates/{}", issued.code))),
        Err(e) => {
            let (status, errors) = refused(e, "certificate")?;
            match form.shift_id {
                Some(shift) => {
                    let mut page = shift_page(&state, c, &scope, shift).await?;
                    page.errors = errors;
                    page.error_volunteer = Some(volunteer);
                    Ok(private(render_status(status, &page)))
                }
                None => {
                    let message = c.error_for(&errors, "certificate").unwrap_or_default();
                    Ok(super::error_page(&c, status, &message))
                }
            }
        }
    }
}

#[derive(Template)]
#[template(path = "shift_mine.html")]
struct MyShiftsPage {
    c: Ctx,
    shifts: Vec<MyShift>,
    contracts: Vec<ContractLine>,
    certificates: Vec<(i64, String, String, i64)>,
    done: Option<&'static str>,
    errors: Vec<FieldError>,
    error_shift: Option<i64>,
    now: i64,
}

impl MyShiftsPage {
    /// Whether the refusal shown is about this shift's form.
    fn error_on(&self, shift: &i64) -> bool {
        self.error_shift == Some(*shift)
    }
}

const MINE_DONE: [(&str, &str); 2] = [
    ("checked_in", "vshift-done-checked-in"),
    ("checked_out", "vshift-done-checked-out"),
];

async fn mine_page(
    state: &AppState,
    c: Ctx,
    user: twiza_domain::UserId,
) -> AppResult<MyShiftsPage> {
    Ok(MyShiftsPage {
        shifts: state.store.my_shifts(user, 100).await?,
        contracts: state.store.volunteer_contracts(user, 50).await?,
        certificates: state.store.my_certificates(user).await?,
        c,
        done: None,
        errors: Vec::new(),
        error_shift: None,
        now: twiza_store::now(),
    })
}

/// `GET /volunteer/shifts`: the signed-in volunteer's shifts (with the code form), contracts
/// and certificates.
pub async fn mine(
    State(state): State<AppState>,
    c: Ctx,
    CurrentUser(user): CurrentUser,
    ApiQuery(done): ApiQuery<super::DoneQuery>,
) -> AppResult<Response> {
    let mut page = mine_page(&state, c, user.id).await?;
    page.done = done.key(&MINE_DONE);
    Ok(private(render(&page)))
}

#[derive(Deserialize)]
pub struct CodeForm {
    #[serde(default)]
    code: String,
    #[allow(dead_code)]
    #[serde(default)]
    csrf: String,
}

async fn after_code(
    state: &AppState,
    c: Ctx,
    user: twiza_domain::UserId,
    shift: i64,
    result: twiza_app::Result<()>,
    done: &str,
) -> AppResult<Response> {
    let (status, errors) = match result {
        Ok(()) => return Ok(see_other(&format!("/volunteer/shifts?done={done}"))),
        Err(e) => refused(e, "code")?,
    };
    let mut page = mine_page(state, c, user).await?;
    page.errors = errors;
    page.error_shift = Some(shift);
    Ok(private(render_status(status, &page)))
}

/// `POST /volunteer/shifts/{shift_id}/check-in`: with the code the coordinator shows.
pub async fn check_in(
    State(state): State<AppState>,
    c: Ctx,
    CurrentUser(user): CurrentUser,
    params: RawPathParams,
    PageForm(form): PageForm<CodeForm>,
) -> AppResult<Response> {
    let shift = path_param(&params, "shift_id")?;
    let result = ground::check_in_by_code(&state.store, user.id, shift, &form.code).await;
    after_code(&state, c, user.id, shift, result, "checked_in").await
}

/// `POST /volunteer/shifts/{shift_id}/check-out`: with the code the coordinator shows.
pub async fn check_out(
    State(state): State<AppState>,
    c: Ctx,
    CurrentUser(user): CurrentUser,
    params: RawPathParams,
    PageForm(form): PageForm<CodeForm>,
) -> AppResult<Response> {
    let shift = path_param(&params, "shift_id")?;
    let result = ground::check_out_by_code(&state.store, user.id, shift, &form.code)
        .await
        .map(|_| ());
    after_code(&state, c, user.id, shift, result, "checked_out").await
}

#[derive(Template)]
#[template(path = "certificate_check.html")]
struct CheckPage {
    c: Ctx,
    code: String,
    errors: Vec<FieldError>,
}

#[derive(Deserialize)]
pub struct CodeQuery {
    code: Option<String>,
}

/// `GET /certificates`: the public form (`?code=` goes to the certificate's page).
pub async fn check_form(
    State(state): State<AppState>,
    c: Ctx,
    ApiQuery(q): ApiQuery<CodeQuery>,
) -> AppResult<Response> {
    let Some(code) = q.code.filter(|c| !c.trim().is_empty()) else {
        return Ok(render(&CheckPage {
            c,
            code: String::new(),
            errors: Vec::new(),
        }));
    };
    match ground::check_certificate(&state.store, &code).await {
        Ok(found) => Ok(see_other(&format!("/certificates/{}", found.view.code))),
        Err(e) => {
            let (_, errors) = refused(e, "code")?;
            Ok(render_status(
                StatusCode::NOT_FOUND,
                &CheckPage { c, code, errors },
            ))
        }
    }
}

#[derive(Template)]
#[template(path = "certificate.html")]
struct CertificatePage {
    c: Ctx,
    cert: ground::CheckedCertificate,
}

/// `GET /certificates/{code}`: the public, printable certificate; an unknown code is
/// `unknown_certificate` (404).
pub async fn certificate(
    State(state): State<AppState>,
    c: Ctx,
    axum::extract::Path(code): axum::extract::Path<String>,
) -> AppResult<Response> {
    match ground::check_certificate(&state.store, &code).await {
        Ok(cert) => Ok(render(&CertificatePage { c, cert })),
        Err(e) => {
            let (_, errors) = refused(e, "code")?;
            Ok(render_status(
                StatusCode::NOT_FOUND,
                &CheckPage { c, code, errors },
            ))
        }
    }
}

#[derive(Template)]
#[template(path = "board_mission.html")]
struct BoardPage {
    c: Ctx,
    /// Where the form posts (and the page is).
    action: String,
    host: bool,
    messages: Vec<BoardMessage>,
    body: String,
    form_key: String,
    done: Option<&'static str>,
    errors: Vec<FieldError>,
}

const BOARD_DONE: [(&str, &str); 1] = [("posted", "vboard-done-posted")];

#[derive(Deserialize)]
pub struct BoardForm {
    #[serde(default)]
    body: String,
    #[serde(default)]
    idempotency_key: String,
    #[serde(default)]
    reply_to: Option<i64>,
    #[allow(dead_code)]
    #[serde(default)]
    csrf: String,
}

fn board_page(c: Ctx, action: String, host: bool, messages: Vec<BoardMessage>) -> BoardPage {
    BoardPage {
        c,
        action,
        host,
        messages,
        body: String::new(),
        form_key: twiza_app::accounts::new_secret(),
        done: None,
        errors: Vec::new(),
    }
}

/// `GET /associations/{org_id}/missions/{mission_id}/board`: every announcement and reply.
pub async fn host_board(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    params: RawPathParams,
    ApiQuery(done): ApiQuery<super::DoneQuery>,
) -> AppResult<Response> {
    let mission = path_param(&params, "mission_id")?;
    let messages = state.store.board_for_host(&scope, mission).await?;
    let action = format!(
        "/associations/{}/missions/{mission}/board",
        scope.org_id().0
    );
    let mut page = board_page(c, action, true, messages);
    page.done = done.key(&BOARD_DONE);
    Ok(private(render(&page)))
}

/// `POST /associations/{org_id}/missions/{mission_id}/board`: an announcement.
pub async fn host_post(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    params: RawPathParams,
    PageForm(form): PageForm<BoardForm>,
) -> AppResult<Response> {
    let mission = path_param(&params, "mission_id")?;
    let action = format!(
        "/associations/{}/missions/{mission}/board",
        scope.org_id().0
    );
    let result = ground::announce(
        &state.store,
        &state.config.personal_data,
        &state.messages,
        &state.mail,
        state.sms.is_some(),
        &scope,
        user.id,
        mission,
        &form.body,
        &form.idempotency_key,
    )
    .await;
    let (status, errors) = match result {
        Ok(_) => return Ok(see_other(&format!("{action}?done=posted"))),
        Err(e) => refused(e, "body")?,
    };
    let messages = state.store.board_for_host(&scope, mission).await?;
    let mut page = board_page(c, action, true, messages);
    page.body = form.body;
    page.form_key = form.idempotency_key;
    page.errors = errors;
    Ok(private(render_status(status, &page)))
}

/// `GET /volunteer/missions/{mission_id}/board`: the announcements and the volunteer's own
/// replies.
pub async fn volunteer_board(
    State(state): State<AppState>,
    c: Ctx,
    CurrentUser(user): CurrentUser,
    params: RawPathParams,
    ApiQuery(done): ApiQuery<super::DoneQuery>,
) -> AppResult<Response> {
    let mission = path_param(&params, "mission_id")?;
    let messages = state
        .store
        .board_for_volunteer(user.id, mission)
        .await
        .map_err(|e| match e {
            twiza_store::StoreError::Refused(_) => AppError::not_found(),
            e => AppError::from(twiza_app::Error::from(e)),
        })?;
    let action = format!("/volunteer/missions/{mission}/board");
    let mut page = board_page(c, action, false, messages);
    page.done = done.key(&BOARD_DONE);
    Ok(private(render(&page)))
}

/// `POST /volunteer/missions/{mission_id}/board`: a reply the coordinators alone read.
pub async fn volunteer_post(
    State(state): State<AppState>,
    c: Ctx,
    CurrentUser(user): CurrentUser,
    params: RawPathParams,
    PageForm(form): PageForm<BoardForm>,
) -> AppResult<Response> {
    let mission = path_param(&params, "mission_id")?;
    let action = format!("/volunteer/missions/{mission}/board");
    let result = ground::reply(
        &state.store,
        user.id,
        mission,
        form.reply_to,
        &form.body,
        &form.idempotency_key,
    )
    .await;
    let (status, errors) = match result {
        Ok(_) => return Ok(see_other(&format!("{action}?done=posted"))),
        Err(twiza_app::Error::Refused(twiza_domain::Refusal::ShiftNotAccepted)) => {
            return Err(AppError::not_found())
        }
        Err(e) => refused(e, "body")?,
    };
    let messages = state
        .store
        .board_for_volunteer(user.id, mission)
        .await
        .map_err(|e| AppError::from(twiza_app::Error::from(e)))?;
    let mut page = board_page(c, action, false, messages);
    page.body = form.body;
    page.form_key = form.idempotency_key;
    page.errors = errors;
    Ok(private(render_status(status, &page)))
}
