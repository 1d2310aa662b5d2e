//! The grievance pages: the association's open grievances, the nearest deadline first (keyset
//! pages), a grievance read whole (a logged read of the household's words) with its steps —
//! acknowledge, decide, record the appeal, decide the appeal — and the form filing one from the
//! household's page. Every refusal is shown next to its field, nothing written.

use super::{render_status, see_other, CsrfOnly, PageForm};
use crate::authz::{role_in, COORDINATION, FIELD};
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
use twiza_app::grievances;
use twiza_domain::grievance::{FiledBy, GrievanceChannel, GrievanceSubject, Outcome, Remedy};
use twiza_domain::{FieldError, OrgScope};
use twiza_store::GrievanceView;

/// Grievances on a page of the list.
pub const GRIEVANCES: i64 = 50;

fn org_id(scope: &OrgScope) -> i64 {
    scope.org_id().0
}

/// A page of personal data: never kept by the browser.
fn private(mut response: Response) -> Response {
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("no-store"),
    );
    response
}

impl Ctx {
    /// A Unix time as the reader's date.
    pub fn day_of(&self, unix: &i64) -> String {
        time::OffsetDateTime::from_unix_timestamp(*unix)
            .map(|t| self.date(&t.date()))
            .unwrap_or_default()
    }

    /// A code of a grievance (subject, channel, filed by, status, outcome, remedy) in words.
    pub fn grievance_word(&self, kind: &str, code: &str) -> String {
        self.t(&format!("grievance-{kind}-{}", code.replace('_', "-")))
    }
}

/// The codes the forms offer, in their order.
pub struct Choices {
    subjects: Vec<&'static str>,
    channels: Vec<&'static str>,
    filed_by: Vec<&'static str>,
    outcomes: Vec<&'static str>,
    remedies: Vec<&'static str>,
}

fn choices() -> Choices {
    Choices {
        subjects: GrievanceSubject::ALL.iter().map(|s| s.as_str()).collect(),
        // USSD sessions file their own grievances; staff never record one "by USSD".
        channels: GrievanceChannel::ALL
            .iter()
            .filter(|c| c.staff_may_record())
            .map(|s| s.as_str())
            .collect(),
        filed_by: FiledBy::ALL.iter().map(|s| s.as_str()).collect(),
        outcomes: Outcome::ALL.iter().map(|s| s.as_str()).collect(),
        remedies: Remedy::ALL.iter().map(|s| s.as_str()).collect(),
    }
}

#[derive(Template)]
#[template(path = "grievances.html")]
struct ListPage {
    c: Ctx,
    org_id: i64,
    grievances: Vec<GrievanceView>,
    more: Option<String>,
}

#[derive(Deserialize)]
pub struct ListQuery {
    after_due: Option<i64>,
    after: Option<i64>,
}

/// `GET /associations/{org_id}/grievances`: the open grievances, the nearest deadline first.
pub async fn list(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    ApiQuery(q): ApiQuery<ListQuery>,
) -> AppResult<Response> {
    let after = q.after_due.zip(q.after);
    let grievances = grievances::open_page(&state.store, &scope, after, GRIEVANCES).await?;
    let more = (grievances.len() as i64 == GRIEVANCES)
        .then(|| grievances.last())
        .flatten()
        .map(|g| {
            format!(
                "/associations/{}/grievances?after_due={}&after={}",
                org_id(&scope),
                g.due_at.unwrap_or(i64::MAX),
                g.id
            )
        });
    Ok(private(super::render(&ListPage {
        c,
        org_id: org_id(&scope),
        grievances,
        more,
    })))
}

/// The step forms of a grievance's page as typed.
#[derive(Deserialize, Default)]
pub struct DecisionForm {
    #[serde(default)]
    outcome: String,
    #[serde(default)]
    remedy: String,
    #[serde(default)]
    explanation: String,
    #[allow(dead_code)]
    #[serde(default)]
    csrf: String,
}

#[derive(Deserialize, Default)]
pub struct AppealForm {
    #[serde(default)]
    statement: String,
    #[allow(dead_code)]
    #[serde(default)]
    csrf: String,
}

/// The household's latest entitlement in the programme contested.
pub struct EntitlementLine {
    period: String,
    eligible: bool,
    amount: String,
}

#[derive(Template)]
#[template(path = "grievance.html")]
struct GrievancePage {
    c: Ctx,
    org_id: i64,
    g: GrievanceView,
    entitlement: Option<EntitlementLine>,
    choices: Choices,
    decision: DecisionForm,
    appeal: AppealForm,
    done: Option<&'static str>,
    errors: Vec<FieldError>,
    coordination: bool,
    field: bool,
}

/// The grievance a page shows, and who reads it.
struct Target<'a> {
    state: &'a AppState,
    scope: &'a OrgScope,
    user: twiza_domain::UserId,
    id: i64,
}

async fn grievance_page(
    t: &Target<'_>,
    c: Ctx,
    errors: Vec<FieldError>,
    (decision, appeal): (DecisionForm, AppealForm),
) -> AppResult<GrievancePage> {
    let scope = t.scope;
    let (g, entitlement) = grievances::show(&t.state.store, scope, t.user, t.id).await?;
    let entitlement = entitlement.map(|(period, eligible, centimes, _)| EntitlementLine {
        period: format!("\u{2066}{period}\u{2069}"),
        eligible,
        amount: c.money(centimes),
    });
    Ok(GrievancePage {
        org_id: org_id(scope),
        g,
        entitlement,
        choices: choices(),
        decision,
        appeal,
        done: None,
        errors,
        coordination: role_in(scope, COORDINATION),
        field: role_in(scope, FIELD),
        c,
    })
}

/// Confirmations of a grievance's page (`?done=`).
const GRIEVANCE_DONE: [(&str, &str); 4] = [
    ("acknowledged", "grievance-done-acknowledged"),
    ("decided", "grievance-done-decided"),
    ("appealed", "grievance-done-appealed"),
    ("appeal_decided", "grievance-done-appeal-decided"),
];

/// `GET /associations/{org_id}/grievances/{grievance_id}`.
pub async fn show(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    params: RawPathParams,
    ApiQuery(done): ApiQuery<super::DoneQuery>,
) -> AppResult<Response> {
    let id = path_param(&params, "grievance_id")?;
    let target = Target {
        state: &state,
        scope: &scope,
        user: user.id,
        id,
    };
    let forms = (DecisionForm::default(), AppealForm::default());
    let mut page = grievance_page(&target, c, Vec::new(), forms).await?;
    page.done = done.key(&GRIEVANCE_DONE);
    Ok(private(super::render(&page)))
}

/// After a step: the grievance's page with its confirmation, or the page again with each
/// refusal next to its field (a step refused names the field `step`).
async fn after_step(
    t: Target<'_>,
    c: Ctx,
    result: twiza_app::Result<()>,
    (done, refused_on): (&str, &'static str),
    forms: (DecisionForm, AppealForm),
) -> AppResult<Response> {
    let (scope, id) = (t.scope, t.id);
    let (status, errors) = match result {
        Ok(()) => {
            return Ok(see_other(&format!(
                "/associations/{}/grievances/{id}?done={done}",
                org_id(scope)
            )))
        }
        Err(twiza_app::Error::Invalid(errors)) => (StatusCode::UNPROCESSABLE_ENTITY, errors),
        Err(twiza_app::Error::Refused(r)) => (
            StatusCode::CONFLICT,
            vec![FieldError::new(refused_on, r.code())],
        ),
        Err(e) => return Err(AppError::from(e)),
    };
    let page = grievance_page(&t, c, errors, forms).await?;
    Ok(private(render_status(status, &page)))
}

/// `POST /associations/{org_id}/grievances/{grievance_id}/acknowledge`.
pub async fn acknowledge(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    params: RawPathParams,
    PageForm(_): PageForm<CsrfOnly>,
) -> AppResult<Response> {
    let id = path_param(&params, "grievance_id")?;
    let result = grievances::acknowledge(&state.store, &scope, user.id, id, state.notices()).await;
    let forms = (DecisionForm::default(), AppealForm::default());
    after_step(
        Target {
            state: &state,
            scope: &scope,
            user: user.id,
            id,
        },
        c,
        result,
        ("acknowledged", "acknowledge"),
        forms,
    )
    .await
}

/// `POST /associations/{org_id}/grievances/{grievance_id}/decision`.
pub async fn decide(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    params: RawPathParams,
    PageForm(form): PageForm<DecisionForm>,
) -> AppResult<Response> {
    let id = path_param(&params, "grievance_id")?;
    let deadlines = &state.config.grievance_deadlines;
    let decision = (
        form.outcome.as_str(),
        form.remedy.as_str(),
        form.explanation.as_str(),
    );
    let result = grievances::decide(&state.store, &scope, user.id, deadlines, id, decision).await;
    let forms = (form, AppealForm::default());
    after_step(
        Target {
            state: &state,
            scope: &scope,
            user: user.id,
            id,
        },
        c,
        result,
        ("decided", "outcome"),
        forms,
    )
    .await
}

/// `POST /associations/{org_id}/grievances/{grievance_id}/appeal`: the household's appeal.
pub async fn appeal(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    params: RawPathParams,
    PageForm(form): PageForm<AppealForm>,
) -> AppResult<Response> {
    let id = path_param(&params, "grievance_id")?;
    let deadlines = &state.config.grievance_deadlines;
    let result = grievances::appeal(
        &state.store,
        &scope,
        user.id,
        deadlines,
        id,
        &form.statement,
    )
    .await;
    let forms = (DecisionForm::default(), form);
    after_step(
        Target {
            state: &state,
            scope: &scope,
            user: user.id,
            id,
        },
        c,
        result,
        ("appealed", "statement"),
        forms,
    )
    .await
}

/// `POST /associations/{org_id}/grievances/{grievance_id}/appeal/decision`: never by the
/// first decision's author (`appeal_same_decider` next to the field).
pub async fn decide_appeal(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    params: RawPathParams,
    PageForm(form): PageForm<DecisionForm>,
) -> AppResult<Response> {
    let id = path_param(&params, "grievance_id")?;
    let decision = (
        form.outcome.as_str(),
        form.remedy.as_str(),
        form.explanation.as_str(),
    );
    let result = grievances::decide_appeal(&state.store, &scope, user.id, id, decision).await;
    let forms = (form, AppealForm::default());
    after_step(
        Target {
            state: &state,
            scope: &scope,
            user: user.id,
            id,
        },
        c,
        result,
        ("appeal_decided", "outcome"),
        forms,
    )
    .await
}

/// The filing form as typed.
#[derive(Deserialize, Default)]
pub struct FileForm {
    #[serde(default)]
    subject: String,
    #[serde(default)]
    channel: String,
    #[serde(default)]
    filed_by: String,
    #[serde(default)]
    statement: String,
    #[serde(default)]
    received_on: String,
    #[allow(dead_code)]
    #[serde(default)]
    csrf: String,
}

#[derive(Template)]
#[template(path = "grievance_new.html")]
struct NewPage {
    c: Ctx,
    org_id: i64,
    household_id: i64,
    choices: Choices,
    form: FileForm,
    errors: Vec<FieldError>,
}

/// `GET /associations/{org_id}/households/{household_id}/grievances/new`.
pub async fn new_form(
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    params: RawPathParams,
) -> AppResult<Response> {
    let household_id = path_param(&params, "household_id")?;
    let form = FileForm {
        channel: "in_person".to_owned(),
        filed_by: "member".to_owned(),
        ..FileForm::default()
    };
    Ok(private(super::render(&NewPage {
        c,
        org_id: org_id(&scope),
        household_id,
        choices: choices(),
        form,
        errors: Vec::new(),
    })))
}

/// `POST /associations/{org_id}/households/{household_id}/grievances`: records the grievance,
/// then the household's page; or the form again with each refusal next to its field.
pub async fn file(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    params: RawPathParams,
    PageForm(form): PageForm<FileForm>,
) -> AppResult<Response> {
    let household_id = path_param(&params, "household_id")?;
    let input = grievances::GrievanceInput {
        household_id,
        programme_id: None,
        subject: &form.subject,
        channel: &form.channel,
        filed_by: &form.filed_by,
        statement: &form.statement,
        received_on: Some(form.received_on.as_str()),
    };
    let deadlines = &state.config.grievance_deadlines;
    let (status, errors) =
        match grievances::file(&state.store, &scope, user.id, deadlines, &input).await {
            Ok(_) => {
                return Ok(see_other(&format!(
                    "/associations/{}/households/{household_id}?done=grievance_filed",
                    org_id(&scope)
                )))
            }
            Err(twiza_app::Error::Invalid(errors)) => (StatusCode::UNPROCESSABLE_ENTITY, errors),
            Err(twiza_app::Error::Refused(r)) => (
                StatusCode::CONFLICT,
                vec![FieldError::new("subject", r.code())],
            ),
            Err(e) => return Err(AppError::from(e)),
        };
    Ok(private(render_status(
        status,
        &NewPage {
            c,
            org_id: org_id(&scope),
            household_id,
            choices: choices(),
            form,
            errors,
        },
    )))
}
