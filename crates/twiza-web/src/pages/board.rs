//! The incident board of crisis coordination: the triage queue by explained priority, the map,
//! coverage with gaps and oversupply per commune and douar, and the who-does-what-where — for an
//! association's coordinators (who pledge, and read the contact of a need assigned to them) and
//! for authorities (who verify, merge likely duplicates and assign, on `pages::triage`).

use super::incidents::CoverageLine;
use super::map::{IncidentMap, Shade};
use super::{render, render_status, see_other, PageForm};
use crate::authz::COORDINATION;
use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::extract::{CurrentUser, PathId};
use crate::AppState;
use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Extension;
use std::collections::HashMap;
use twiza_app::crisis::{triage_queue, Triaged};
use twiza_domain::crisis::{households_estimate, NeedContact, NewPledge, PledgeInput, Priority};
use twiza_domain::tenancy::ScopeGrant;
use twiza_domain::{FieldError, OrgScope, PlatformRole, RefusalClass};
use twiza_store::{ActivitySummary, Coverage, Douar, Incident, Need};

/// Needs per page of the triage queue.
const QUEUE_PAGE: usize = 25;
/// Lines of the who-does-what-where shown on the board (the CSV export has them all).
const THREE_W_LINES: i64 = 60;

/// Confirmations of the association's board.
const DONE: [(&str, &str); 2] = [
    ("pledged", "board-done-pledged"),
    ("pledged_covered", "board-done-pledged-covered"),
];

/// Who looks at a board, and so which actions it offers.
pub enum Viewer {
    /// An association's coordinators (or a read-only platform role reading it: no action).
    Association { org_id: i64, may_pledge: bool },
    /// An authority or a platform admin: triage.
    Authority,
}

/// One need of the queue, with what this viewer may do about it.
pub struct QueueLine {
    pub need: Need,
    pub priority: Priority,
    pub households: i64,
    /// The association holds the need and may read the reporter's contact.
    pub contact: bool,
}

/// A douar's line of the coverage table.
pub struct DouarLine {
    pub name: String,
    pub coverage: Coverage,
    pub shade: &'static str,
}

#[derive(Template)]
#[template(path = "board.html")]
struct BoardPage {
    c: Ctx,
    incident: Incident,
    /// The association whose board this is (none: an authority's).
    org: Option<i64>,
    /// The association's coordinators may pledge here (it is verified).
    may_pledge: bool,
    /// The board's own address (the queue's filter and pages come back to it).
    base: String,
    done: Option<&'static str>,
    map: IncidentMap,
    totals: Coverage,
    communes: Vec<CoverageLine>,
    douars: Vec<DouarLine>,
    queue: Vec<QueueLine>,
    /// The commune the queue is filtered on.
    commune: String,
    /// The next page's cursor (`priority-id`).
    next: Option<String>,
    activities: Vec<ActivitySummary>,
}

#[derive(serde::Deserialize, Default)]
pub struct BoardQuery {
    /// `priority-id` of the last need of the previous page.
    after: Option<String>,
    commune: Option<String>,
    done: Option<String>,
}

impl BoardQuery {
    fn cursor(&self) -> Option<(u8, i64)> {
        let (total, id) = self.after.as_deref()?.split_once('-')?;
        Some((total.parse().ok()?, id.parse().ok()?))
    }

    fn commune(&self) -> Option<&str> {
        self.commune
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty())
    }
}

/// Reads everything a board shows.
async fn board(
    state: &AppState,
    c: Ctx,
    id: i64,
    viewer: Viewer,
    base: String,
    q: &BoardQuery,
) -> AppResult<BoardPage> {
    let incident = state
        .store
        .incident(id)
        .await?
        .ok_or_else(AppError::not_found)?;
    let coverage = state.store.coverage(id).await?;
    let douars = state.store.incident_douars(id).await?;
    let incident_communes = state.store.incident_communes(id).await?;
    let map = IncidentMap::build(&c, &incident_communes, &coverage, &douars);
    let mut totals = Coverage::default();
    let mut communes = Vec::new();
    let names: HashMap<i64, &Douar> = douars.iter().map(|d| (d.id, d)).collect();
    let mut douar_lines = Vec::new();
    for cv in &coverage {
        let shade = Shade::of(cv).class();
        match cv.douar_id {
            None => {
                totals.open_needs += cv.open_needs;
                totals.needed += cv.needed;
                totals.pledged += cv.pledged;
                totals.delivered += cv.delivered;
                communes.push(CoverageLine {
                    coverage: cv.clone(),
                    shade,
                });
            }
            Some(d) => douar_lines.push(DouarLine {
                name: names
                    .get(&d)
                    .map_or_else(String::new, |d| c.douar_name(d).to_owned()),
                coverage: cv.clone(),
                shade,
            }),
        }
    }
    let by_gap = |a: &Coverage, b: &Coverage| {
        b.gap()
            .cmp(&a.gap())
            .then(b.oversupply().cmp(&a.oversupply()))
    };
    communes.sort_by(|a, b| by_gap(&a.coverage, &b.coverage));
    douar_lines.sort_by(|a, b| by_gap(&a.coverage, &b.coverage));
    let commune = q.commune().unwrap_or_default().to_owned();
    let mut triaged =
        triage_queue(&state.store, id, q.commune(), q.cursor(), QUEUE_PAGE + 1).await?;
    let next = if triaged.len() > QUEUE_PAGE {
        triaged.truncate(QUEUE_PAGE);
        triaged.last().map(|t| {
            let (total, id) = t.cursor();
            format!("{total}-{id}")
        })
    } else {
        None
    };
    let queue = queue_lines(state, &viewer, triaged).await?;
    let activities = state.store.activity_summary(id, THREE_W_LINES).await?;
    let (org, may_pledge) = match viewer {
        Viewer::Association { org_id, may_pledge } => (Some(org_id), may_pledge),
        Viewer::Authority => (None, false),
    };
    let done = q.done.as_deref().and_then(|d| {
        DONE.iter()
            .find(|(code, _)| *code == d)
            .map(|(_, key)| *key)
    });
    Ok(BoardPage {
        c,
        incident,
        org,
        may_pledge,
        base,
        done,
        map,
        totals,
        communes,
        douars: douar_lines,
        queue,
        commune,
        next,
        activities,
    })
}

/// The queue's lines; for an association, whether it holds each need with a contact.
async fn queue_lines(
    state: &AppState,
    viewer: &Viewer,
    triaged: Vec<Triaged>,
) -> AppResult<Vec<QueueLine>> {
    let mut lines = Vec::with_capacity(triaged.len());
    for Triaged { need, priority } in triaged {
        let contact = match viewer {
            Viewer::Association {
                org_id,
                may_pledge: true,
            } if need.has_contact => state
                .store
                .need_assignments(need.id)
                .await?
                .iter()
                .any(|a| a.organization_id == *org_id),
            _ => false,
        };
        lines.push(QueueLine {
            households: households_estimate(need.households, need.people),
            need,
            priority,
            contact,
        });
    }
    Ok(lines)
}

/// Whether the scope acts for the association (a coordinator or a platform admin), rather than
/// reading it (auditors and authorities see the board, never act or read a contact).
fn acts(scope: &OrgScope) -> bool {
    match scope.grant() {
        ScopeGrant::Member(role) => COORDINATION.contains(&role),
        ScopeGrant::Platform(role) => role == PlatformRole::PlatformAdmin,
    }
}

#[derive(Template)]
#[template(path = "board_incidents.html")]
struct IncidentsPage {
    c: Ctx,
    /// The association whose list this is (none: an authority's).
    org: Option<i64>,
    /// Each incident's board is at `{prefix}{id}{suffix}`.
    prefix: String,
    suffix: &'static str,
    incidents: Vec<Incident>,
    /// The cursor of the next page (incidents newest first).
    next: Option<i64>,
}

#[derive(serde::Deserialize)]
pub struct IncidentsQuery {
    before: Option<i64>,
}

/// Incidents per page of a list.
const INCIDENTS_PAGE: i64 = 25;

async fn incidents_page(
    state: &AppState,
    c: Ctx,
    org: Option<i64>,
    q: &IncidentsQuery,
) -> AppResult<Response> {
    let mut incidents = state.store.incidents(q.before, INCIDENTS_PAGE + 1).await?;
    let next = if incidents.len() > INCIDENTS_PAGE as usize {
        incidents.truncate(INCIDENTS_PAGE as usize);
        incidents.last().map(|i| i.id)
    } else {
        None
    };
    let (prefix, suffix) = match org {
        Some(org) => (format!("/associations/{org}/incidents/"), ""),
        None => ("/authority/incidents/".to_owned(), "/needs"),
    };
    Ok(render(&IncidentsPage {
        c,
        org,
        prefix,
        suffix,
        incidents,
        next,
    }))
}

/// `GET /associations/{org_id}/incidents`: the incidents, newest first, each to its board.
pub async fn incidents(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    Query(q): Query<IncidentsQuery>,
) -> AppResult<Response> {
    incidents_page(&state, c, Some(scope.org_id().0), &q).await
}

/// `GET /authority/incidents`: the incidents, newest first, each to its triage board.
pub async fn authority_incidents(
    State(state): State<AppState>,
    c: Ctx,
    Query(q): Query<IncidentsQuery>,
) -> AppResult<Response> {
    incidents_page(&state, c, None, &q).await
}

/// `GET /associations/{org_id}/incidents/{incident_id}`: the association's board.
pub async fn association_board(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    PathId(id): PathId,
    Query(q): Query<BoardQuery>,
) -> AppResult<Response> {
    let org_id = scope.org_id().0;
    let verified = state
        .store
        .organization(scope.org_id())
        .await?
        .is_some_and(|o| o.status == twiza_domain::organization::OrgStatus::Verified);
    let viewer = Viewer::Association {
        org_id,
        may_pledge: verified && acts(&scope),
    };
    let base = format!("/associations/{org_id}/incidents/{id}");
    Ok(render(&board(&state, c, id, viewer, base, &q).await?))
}

/// `GET /authority/incidents/{incident_id}/needs`: an authority's board, each need to triage.
pub async fn authority_board(
    State(state): State<AppState>,
    c: Ctx,
    PathId(id): PathId,
    Query(q): Query<BoardQuery>,
) -> AppResult<Response> {
    let base = format!("/authority/incidents/{id}/needs");
    Ok(render(
        &board(&state, c, id, Viewer::Authority, base, &q).await?,
    ))
}

/// What the pledge form holds.
#[derive(Default, serde::Deserialize)]
pub struct PledgeForm {
    #[serde(default)]
    pub households: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub due_on: String,
    #[serde(default)]
    pub creation_key: String,
    #[serde(skip)]
    pub errors: Vec<FieldError>,
    /// A rule the pledge broke (a message key).
    #[serde(skip)]
    pub refusal: Option<String>,
}

#[derive(Template)]
#[template(path = "board_pledge.html")]
struct PledgePage {
    c: Ctx,
    org_id: i64,
    incident: Incident,
    need: Need,
    douar: Option<Douar>,
    priority: Priority,
    households: i64,
    form: PledgeForm,
}

/// The need a pledge page is about: an open need of a known incident (held reports are not
/// public: 404).
async fn pledge_page(
    state: &AppState,
    c: Ctx,
    scope: &OrgScope,
    need_id: i64,
    form: PledgeForm,
) -> AppResult<PledgePage> {
    let need = state
        .store
        .need(need_id)
        .await?
        .filter(|n| n.status != twiza_domain::crisis::NeedStatus::Held)
        .ok_or_else(AppError::not_found)?;
    let incident = state
        .store
        .incident(need.incident_id)
        .await?
        .ok_or_else(AppError::not_found)?;
    let douar = match need.douar_id {
        Some(d) => state
            .store
            .incident_douars(need.incident_id)
            .await?
            .into_iter()
            .find(|x| x.id == d),
        None => None,
    };
    let priority = twiza_app::crisis::need_priority(&state.store, &need).await?;
    Ok(PledgePage {
        c,
        org_id: scope.org_id().0,
        households: households_estimate(need.households, need.people),
        incident,
        douar,
        need,
        priority,
        form,
    })
}

/// `GET /associations/{org_id}/needs/{need_id}/pledge`: the form to pledge to cover a need, the
/// need's households offered, with a key so that a form sent twice pledges once.
pub async fn pledge_form(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    PathId(need): PathId,
) -> AppResult<Response> {
    if !acts(&scope) {
        return Err(AppError::forbidden());
    }
    let key: [u8; 16] = rand::random();
    let mut page = pledge_page(&state, c, &scope, need, PledgeForm::default()).await?;
    page.form.households = page.households.to_string();
    page.form.creation_key = hex::encode(key);
    Ok(render(&page))
}

/// The key a pledge form carries: 32 hexadecimal digits, or none.
fn creation_key(raw: &str) -> Option<&str> {
    (raw.len() == 32 && raw.bytes().all(|b| b.is_ascii_hexdigit())).then_some(raw)
}

/// `POST /associations/{org_id}/needs/{need_id}/pledge`: pledges, then back to the board; or the
/// form again with each error next to its field (nothing written).
pub async fn pledge(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    PathId(need_id): PathId,
    PageForm(mut form): PageForm<PledgeForm>,
) -> AppResult<Response> {
    let need = state
        .store
        .need(need_id)
        .await?
        .filter(|n| n.status != twiza_domain::crisis::NeedStatus::Held)
        .ok_or_else(AppError::not_found)?;
    let mut errors = Vec::new();
    let households = match form.households.trim() {
        "" => None,
        raw => match raw.parse::<i64>() {
            Ok(n) => Some(n),
            Err(_) => {
                errors.push(FieldError::new("households", "validation"));
                None
            }
        },
    };
    if errors.is_empty() {
        let parsed = NewPledge::parse(
            &PledgeInput {
                need_id: Some(need.id),
                commune: &need.commune_code,
                douar_id: need.douar_id,
                category: need.category.as_str(),
                households,
                description: form.description.trim(),
                due_on: form.due_on.trim(),
            },
            time::OffsetDateTime::now_utc().date(),
        );
        match parsed {
            Ok(pledge) => {
                let made = twiza_app::crisis::pledge(
                    &state.store,
                    &scope,
                    user.id,
                    need.incident_id,
                    &pledge,
                    creation_key(&form.creation_key),
                )
                .await;
                match made {
                    Ok((_, warning)) => {
                        let done = if warning.is_some() {
                            "pledged_covered"
                        } else {
                            "pledged"
                        };
                        return Ok(see_other(&format!(
                            "/associations/{}/incidents/{}?done={done}#queue",
                            scope.org_id().0,
                            need.incident_id
                        )));
                    }
                    Err(twiza_app::Error::Invalid(fields)) => errors.extend(fields),
                    Err(twiza_app::Error::Refused(refusal))
                        if refusal.class() != RefusalClass::Forbidden =>
                    {
                        form.refusal = Some(format!("error-{}", refusal.code()));
                    }
                    Err(e) => return Err(e.into()),
                }
            }
            Err(error) => errors.push(error),
        }
    }
    form.errors = errors;
    let page = pledge_page(&state, c, &scope, need_id, form).await?;
    Ok(render_status(StatusCode::UNPROCESSABLE_ENTITY, &page))
}

#[derive(Template)]
#[template(path = "board_contact.html")]
struct ContactPage {
    c: Ctx,
    org_id: i64,
    need: Need,
    contact: NeedContact,
}

/// `GET /associations/{org_id}/needs/{need_id}/contact`: the reporter's contact, for an
/// association the need is assigned to; the read is written to the need's access log (the
/// reporter sees the association and the date on the need's page). 404 otherwise.
pub async fn contact(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    PathId(need_id): PathId,
) -> AppResult<Response> {
    if !acts(&scope) {
        return Err(AppError::forbidden());
    }
    let need = state
        .store
        .need(need_id)
        .await?
        .ok_or_else(AppError::not_found)?;
    let contact = twiza_app::crisis::read_need_contact(
        &state.store,
        &state.config.personal_data,
        &scope,
        user.id,
        need_id,
    )
    .await?
    .ok_or_else(AppError::not_found)?;
    Ok(render(&ContactPage {
        c,
        org_id: scope.org_id().0,
        need,
        contact,
    }))
}

impl Ctx {
    /// A need's priority in words: its total and each part.
    pub fn priority_explained(&self, p: &Priority) -> String {
        self.messages.t_args(
            self.locale,
            "board-priority-explained",
            &[
                ("urgency", twiza_i18n::Arg::Int(i64::from(p.urgency))),
                (
                    "vulnerability",
                    twiza_i18n::Arg::Int(i64::from(p.vulnerability)),
                ),
                ("waiting", twiza_i18n::Arg::Int(i64::from(p.waiting))),
                ("gap", twiza_i18n::Arg::Int(i64::from(p.coverage_gap))),
            ],
        )
    }

    /// A place in words: the commune, and the douar when there is one.
    pub fn need_place(&self, need: &Need, douar: &Option<Douar>) -> String {
        match douar {
            Some(d) => format!(
                "{} · {}",
                self.commune_name(&need.commune_code),
                self.douar_name(d)
            ),
            None => self.commune_name(&need.commune_code),
        }
    }
}
