//! An authority's triage of one need: its explained priority, verifying it, merging it into the
//! need it probably repeats (both side by side, with the reasons), and assigning it to a verified
//! association — each a form, post/redirect/get, errors next to their field.

use super::{render, render_status, see_other, DoneQuery, PageForm};
use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::extract::{CurrentUser, PathId};
use crate::AppState;
use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use twiza_app::crisis::{duplicate_reasons, need_priority};
use twiza_domain::crisis::{households_estimate, NeedStatus, Priority};
use twiza_domain::organization::Organization;
use twiza_domain::{FieldError, OrgId, Refusal, RefusalClass};
use twiza_store::{DirectoryFilter, Douar, Incident, Need, NeedAssignment};

/// Confirmations of the triage page.
const DONE: [(&str, &str); 3] = [
    ("verified", "triage-done-verified"),
    ("merged", "triage-done-merged"),
    ("assigned", "triage-done-assigned"),
];

/// Associations offered for an assignment (verified, seated in the need's province).
const ASSIGNABLE: u32 = 100;

/// A need as the triage page shows it.
pub struct NeedCard {
    pub need: Need,
    pub douar: Option<Douar>,
    pub households: i64,
}

/// What the forms of the page hold: what was typed and the errors next to each field.
#[derive(Default, serde::Deserialize)]
pub struct TriageForm {
    #[serde(default)]
    pub into: String,
    #[serde(default)]
    pub organization_id: String,
    #[serde(skip)]
    pub errors: Vec<FieldError>,
    /// A rule the decision broke (a message key), shown at the top.
    #[serde(skip)]
    pub refusal: Option<String>,
}

#[derive(Template)]
#[template(path = "triage_need.html")]
struct TriagePage {
    c: Ctx,
    incident: Incident,
    card: NeedCard,
    priority: Priority,
    /// The need it probably repeats, with the reasons (message codes).
    duplicate: Option<(NeedCard, Vec<&'static str>)>,
    assignments: Vec<(NeedAssignment, String)>,
    organizations: Vec<Organization>,
    form: TriageForm,
    done: Option<&'static str>,
}

impl TriagePage {
    /// Whether the need may still be verified (reported, or held for review).
    fn verifiable(&self) -> bool {
        matches!(
            self.card.need.status,
            NeedStatus::Reported | NeedStatus::Held
        )
    }

    fn open(&self) -> bool {
        self.card.need.status.is_open() || self.card.need.status == NeedStatus::Held
    }
}

async fn card(state: &AppState, need: Need) -> AppResult<NeedCard> {
    let douar = match need.douar_id {
        Some(d) => state
            .store
            .incident_douars(need.incident_id)
            .await?
            .into_iter()
            .find(|x| x.id == d),
        None => None,
    };
    Ok(NeedCard {
        households: households_estimate(need.households, need.people),
        need,
        douar,
    })
}

async fn page(
    state: &AppState,
    c: Ctx,
    id: i64,
    form: TriageForm,
    done: Option<&'static str>,
) -> AppResult<TriagePage> {
    let need = state
        .store
        .need(id)
        .await?
        .ok_or_else(AppError::not_found)?;
    let incident = state
        .store
        .incident(need.incident_id)
        .await?
        .ok_or_else(AppError::not_found)?;
    let priority = need_priority(&state.store, &need).await?;
    let duplicate = match need.possible_duplicate_of {
        Some(other) => match state.store.need(other).await? {
            Some(other) if other.status.is_open() => {
                let reasons = duplicate_reasons(&need, &other);
                Some((card(state, other).await?, reasons))
            }
            _ => None,
        },
        None => None,
    };
    let mut assignments = Vec::new();
    for a in state.store.need_assignments(id).await? {
        let name = state
            .store
            .organization(OrgId(a.organization_id))
            .await?
            .map(|o| c.org_name(&o).to_owned())
            .unwrap_or_default();
        assignments.push((a, name));
    }
    let organizations = state
        .store
        .directory(&DirectoryFilter {
            query: None,
            region_code: None,
            province_code: need.commune_code.get(..6).map(str::to_owned),
            domain: None,
            page: 1,
            per_page: ASSIGNABLE,
        })
        .await?
        .organizations;
    Ok(TriagePage {
        c,
        incident,
        card: card(state, need).await?,
        priority,
        duplicate,
        assignments,
        organizations,
        form,
        done,
    })
}

/// `GET /authority/needs/{need_id}`: one need to triage.
pub async fn show(
    State(state): State<AppState>,
    c: Ctx,
    PathId(id): PathId,
    Query(done): Query<DoneQuery>,
) -> AppResult<Response> {
    let form = TriageForm::default();
    Ok(render(&page(&state, c, id, form, done.key(&DONE)).await?))
}

/// The page again with the errors of a refused decision (nothing written).
async fn refused(
    state: &AppState,
    c: Ctx,
    id: i64,
    form: TriageForm,
    status: StatusCode,
) -> AppResult<Response> {
    Ok(render_status(
        status,
        &page(state, c, id, form, None).await?,
    ))
}

/// Where a refusal of a triage decision goes: next to `field` when it is about what was typed
/// there, else at the top of the page; a refusal of the caller (outside its territory) is an
/// error page.
fn place_refusal(
    e: twiza_app::Error,
    field: &'static str,
    form: &mut TriageForm,
) -> AppResult<StatusCode> {
    match e {
        twiza_app::Error::Refused(refusal) if refusal.class() != RefusalClass::Forbidden => {
            let about_field = matches!(
                refusal,
                Refusal::MergeIntoItself
                    | Refusal::MergeAcrossIncidents
                    | Refusal::UnknownOrganization
                    | Refusal::OrganizationNotVerified
            );
            if about_field && !field.is_empty() {
                form.errors.push(FieldError::new(field, refusal.code()));
                Ok(StatusCode::UNPROCESSABLE_ENTITY)
            } else {
                form.refusal = Some(format!("error-{}", refusal.code()));
                Ok(StatusCode::CONFLICT)
            }
        }
        twiza_app::Error::NotFound if !field.is_empty() => {
            form.errors.push(FieldError::new(field, "not_found"));
            Ok(StatusCode::UNPROCESSABLE_ENTITY)
        }
        other => Err(other.into()),
    }
}

/// `POST /authority/needs/{need_id}/verify`.
pub async fn verify(
    State(state): State<AppState>,
    c: Ctx,
    CurrentUser(user): CurrentUser,
    PathId(id): PathId,
    PageForm(mut form): PageForm<TriageForm>,
) -> AppResult<Response> {
    match twiza_app::crisis::verify_need(&state.store, &user, id, state.notices()).await {
        Ok(()) => Ok(see_other(&format!("/authority/needs/{id}?done=verified"))),
        Err(twiza_app::Error::NotFound) => Err(AppError::not_found()),
        Err(e) => {
            let status = place_refusal(e, "", &mut form)?;
            refused(&state, c, id, form, status).await
        }
    }
}

/// A need number typed in a field: digits only.
fn typed_id(raw: &str, field: &'static str, form: &mut TriageForm) -> Option<i64> {
    let parsed = raw.trim().trim_start_matches('#').parse::<i64>().ok();
    if parsed.is_none() {
        form.errors.push(FieldError::new(field, "validation"));
    }
    parsed
}

/// `POST /authority/needs/{need_id}/merge`: merges this need into the one typed in `into`
/// (kept), then shows the kept need.
pub async fn merge(
    State(state): State<AppState>,
    c: Ctx,
    CurrentUser(user): CurrentUser,
    PathId(id): PathId,
    PageForm(mut form): PageForm<TriageForm>,
) -> AppResult<Response> {
    state
        .store
        .need(id)
        .await?
        .ok_or_else(AppError::not_found)?;
    let status = match typed_id(&form.into.clone(), "into", &mut form) {
        None => StatusCode::UNPROCESSABLE_ENTITY,
        Some(into) => {
            match twiza_app::crisis::merge_need(&state.store, &user, id, into, state.notices())
                .await
            {
                Ok(()) => return Ok(see_other(&format!("/authority/needs/{into}?done=merged"))),
                Err(e) => place_refusal(e, "into", &mut form)?,
            }
        }
    };
    refused(&state, c, id, form, status).await
}

/// `POST /authority/needs/{need_id}/assign`: gives the need to the association chosen.
pub async fn assign(
    State(state): State<AppState>,
    c: Ctx,
    CurrentUser(user): CurrentUser,
    PathId(id): PathId,
    PageForm(mut form): PageForm<TriageForm>,
) -> AppResult<Response> {
    state
        .store
        .need(id)
        .await?
        .ok_or_else(AppError::not_found)?;
    let raw = form.organization_id.clone();
    let status = match typed_id(&raw, "organization_id", &mut form) {
        None => StatusCode::UNPROCESSABLE_ENTITY,
        Some(org) => {
            match twiza_app::crisis::assign_need(&state.store, &user, id, org, state.notices())
                .await
            {
                Ok(_) => return Ok(see_other(&format!("/authority/needs/{id}?done=assigned"))),
                Err(e) => place_refusal(e, "organization_id", &mut form)?,
            }
        }
    };
    refused(&state, c, id, form, status).await
}

impl Ctx {
    /// Why two needs are probably one, in words.
    pub fn duplicate_reason(&self, code: &str) -> String {
        self.t(&format!("triage-reason-{}", code.replace('_', "-")))
    }

    /// A Unix time as the reader's date and the UTC time (`HH:MM`).
    pub fn moment(&self, unix: &i64) -> String {
        match time::OffsetDateTime::from_unix_timestamp(*unix) {
            Ok(t) => format!("{} {:02}:{:02}", self.date(&t.date()), t.hour(), t.minute()),
            Err(_) => String::new(),
        }
    }

    /// How an association came to hold a need, in words.
    pub fn assignment_way(&self, a: &NeedAssignment) -> String {
        self.t(&format!("triage-assigned-by-{}", a.how.as_str()))
    }
}
