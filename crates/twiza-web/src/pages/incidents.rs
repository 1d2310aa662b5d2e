//! Public crisis pages: the incidents, an incident's map, coverage and who-does-what-where, the
//! light form to report a need without an account, and the page a reporter follows a need on.

use super::{render, render_status, see_other, PageForm};
use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::extract::PathId;
use crate::pages::map::{IncidentMap, Shade};
use crate::AppState;
use askama::Template;
use axum::extract::{RawPathParams, State};
use axum::http::StatusCode;
use axum::response::Response;
use std::collections::HashMap;
use twiza_domain::crisis::{IncidentKind, NeedCategory, NeedStatus, Urgency};
use twiza_domain::FieldError;
use twiza_i18n::Locale;
use twiza_store::{ActivitySummary, Coverage, Douar, Incident, Need, StoreError};

impl Ctx {
    pub fn incident_title<'a>(&self, i: &'a Incident) -> &'a str {
        match self.locale {
            Locale::Ar => &i.title_ar,
            _ => &i.title_fr,
        }
    }

    pub fn category_name(&self, c: &NeedCategory) -> String {
        self.t(&format!("need-category-{}", c.as_str().replace('_', "-")))
    }

    pub fn urgency_name(&self, u: &Urgency) -> String {
        self.t(&format!("need-urgency-{}", u.as_str()))
    }

    pub fn need_status_name(&self, s: &NeedStatus) -> String {
        self.t(&format!("need-status-{}", s.as_str().replace('_', "-")))
    }

    pub fn incident_kind_name(&self, k: &IncidentKind) -> String {
        self.t(&format!("incident-kind-{}", k.as_str().replace('_', "-")))
    }

    /// The legend's name of a map shade (`gap`, `partial`, …).
    pub fn shade_name(&self, class: &str) -> String {
        self.t(&format!("coverage-shade-{class}"))
    }

    pub fn douar_name<'a>(&self, d: &'a Douar) -> &'a str {
        match self.locale {
            Locale::Ar => &d.name_ar,
            _ => &d.name_fr,
        }
    }
}

#[derive(Template)]
#[template(path = "incidents.html")]
struct IncidentsPage {
    c: Ctx,
    incidents: Vec<Incident>,
}

/// `GET /incidents`: the incidents, newest first.
pub async fn list(State(state): State<AppState>, c: Ctx) -> AppResult<Response> {
    let incidents = state.store.incidents(None, 100).await?;
    Ok(render(&IncidentsPage { c, incidents }))
}

/// One line of the coverage table.
pub struct CoverageLine {
    pub coverage: Coverage,
    pub shade: &'static str,
}

#[derive(Template)]
#[template(path = "incident.html")]
struct IncidentPage {
    c: Ctx,
    incident: Incident,
    map: IncidentMap,
    communes: Vec<CoverageLine>,
    activities: Vec<ActivitySummary>,
    totals: Coverage,
}

/// `GET /incidents/{incident_id}`: the map, the gaps per commune (largest first) and who does
/// what where.
pub async fn show(
    State(state): State<AppState>,
    c: Ctx,
    PathId(id): PathId,
) -> AppResult<Response> {
    let incident = state
        .store
        .incident(id)
        .await?
        .ok_or_else(AppError::not_found)?;
    let coverage = state.store.coverage(id).await?;
    let douars = state.store.incident_douars(id).await?;
    let incident_communes = state.store.incident_communes(id).await?;
    let map = IncidentMap::build(&c, &incident_communes, &coverage, &douars);
    let mut communes: Vec<CoverageLine> = coverage
        .iter()
        .filter(|cv| cv.douar_id.is_none())
        .map(|cv| CoverageLine {
            coverage: cv.clone(),
            shade: Shade::of(cv).class(),
        })
        .collect();
    communes.sort_by(|a, b| {
        b.coverage
            .gap()
            .cmp(&a.coverage.gap())
            .then(b.coverage.oversupply().cmp(&a.coverage.oversupply()))
    });
    let mut totals = Coverage::default();
    for line in &communes {
        totals.open_needs += line.coverage.open_needs;
        totals.needed += line.coverage.needed;
        totals.pledged += line.coverage.pledged;
        totals.delivered += line.coverage.delivered;
    }
    let activities = state.store.activity_summary(id, 60).await?;
    Ok(render(&IncidentPage {
        c,
        incident,
        map,
        communes,
        activities,
        totals,
    }))
}

/// The need form's values and errors.
pub struct NeedForm {
    values: HashMap<String, String>,
    pub errors: Vec<FieldError>,
}

impl NeedForm {
    pub fn get(&self, name: &str) -> &str {
        self.values.get(name).map_or("", String::as_str)
    }

    pub fn is(&self, name: &str, value: &str) -> bool {
        self.get(name) == value
    }
}

#[derive(Template)]
#[template(path = "need_form.html")]
struct NeedFormPage {
    c: Ctx,
    incident: Incident,
    communes: Vec<String>,
    douars: Vec<Douar>,
    categories: &'static [NeedCategory],
    urgencies: &'static [Urgency],
    form: NeedForm,
}

async fn form_page(
    state: &AppState,
    c: Ctx,
    incident: Incident,
    form: NeedForm,
    status: StatusCode,
) -> AppResult<Response> {
    let communes = state.store.incident_communes(incident.id).await?;
    let douars = state.store.incident_douars(incident.id).await?;
    Ok(render_status(
        status,
        &NeedFormPage {
            c,
            incident,
            communes,
            douars,
            categories: NeedCategory::ALL,
            urgencies: Urgency::ALL,
            form,
        },
    ))
}

/// `GET /incidents/{incident_id}/report`: the light form, usable without an account or script.
pub async fn report_form(
    State(state): State<AppState>,
    c: Ctx,
    PathId(id): PathId,
) -> AppResult<Response> {
    let incident = state
        .store
        .incident(id)
        .await?
        .ok_or_else(AppError::not_found)?;
    let form = NeedForm {
        values: HashMap::new(),
        errors: Vec::new(),
    };
    form_page(&state, c, incident, form, StatusCode::OK).await
}

/// A count typed in a form: empty is none; anything but digits (with an optional minus) is a
/// validation error on the field.
pub(crate) fn form_count(field: &'static str, raw: &str) -> Result<Option<i64>, FieldError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    raw.parse::<i64>()
        .map(Some)
        .map_err(|_| FieldError::new(field, "validation"))
}

/// `POST /incidents/{incident_id}/needs`: records the need (same rules and per-address bounds
/// as the API: beyond the rate it is held for review, and its page says so), then shows its
/// page; errors come back on the form, in the reader's language.
pub async fn report(
    State(state): State<AppState>,
    c: Ctx,
    PathId(id): PathId,
    request_client: crate::pages::ClientAddress,
    PageForm(pairs): PageForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let incident = state
        .store
        .incident(id)
        .await?
        .ok_or_else(AppError::not_found)?;
    let values: HashMap<String, String> = pairs.into_iter().collect();
    let get = |name: &str| {
        values
            .get(name)
            .map_or("", String::as_str)
            .trim()
            .to_owned()
    };
    let mut errors = Vec::new();
    let households = form_count("households", &get("households")).unwrap_or_else(|e| {
        errors.push(e);
        None
    });
    let people = form_count("people", &get("people")).unwrap_or_else(|e| {
        errors.push(e);
        None
    });
    let douar_id = form_count("douar_id", &get("douar_id")).unwrap_or(None);
    let optional = |name: &str| Some(get(name)).filter(|v| !v.is_empty());
    if errors.is_empty() {
        let reporter = crate::throttle::anonymous_reporter(&state, &request_client.0)?;
        let body = twiza_app::crisis::NeedCreate {
            commune: get("commune"),
            douar_id,
            category: get("category"),
            urgency: get("urgency"),
            households,
            people,
            latitude: None,
            longitude: None,
            description: optional("description"),
            contact_name: optional("contact_name"),
            contact_phone: optional("contact_phone"),
        };
        let recorded = twiza_app::crisis::record_need(
            &state.need_intake,
            &state.config.personal_data,
            id,
            &body,
            reporter,
            None,
        )
        .await;
        match recorded {
            Ok(need) => return Ok(see_other(&format!("/needs/{}", need.reference))),
            Err(twiza_app::Error::Invalid(fields)) => errors.extend(
                fields
                    .into_iter()
                    .map(|f| FieldError::new(field_of(f.field), f.code)),
            ),
            Err(twiza_app::Error::Refused(refusal))
                if refusal.class() == twiza_domain::RefusalClass::Invalid =>
            {
                errors.push(FieldError::new(
                    field_of(refusal.field().unwrap_or("")),
                    refusal.code(),
                ));
            }
            Err(e) => return Err(e.into()),
        }
    }
    let form = NeedForm { values, errors };
    form_page(&state, c, incident, form, StatusCode::UNPROCESSABLE_ENTITY).await
}

/// The form field an API error names (`commune`, `households`, …); place errors go on the
/// commune.
pub(crate) fn field_of(field: &str) -> &'static str {
    [
        "commune",
        "douar_id",
        "category",
        "urgency",
        "households",
        "people",
        "description",
        "contact_name",
        "contact_phone",
    ]
    .into_iter()
    .find(|f| *f == field)
    .unwrap_or("commune")
}

/// One release of the reporter's contact, as the follow-up page shows it.
pub struct ReleaseLine {
    pub organization: String,
    pub date: String,
    /// `YYYY-MM-DD`, for the `<time>` element.
    pub iso_date: String,
}

/// Releases shown on a need's follow-up page (newest first).
const RELEASES_SHOWN: i64 = 50;

#[derive(Template)]
#[template(path = "need.html")]
struct NeedPage {
    c: Ctx,
    need: Need,
    incident: Incident,
    held: bool,
    releases: Vec<ReleaseLine>,
}

/// `GET /needs/{reference}`: where a reported need stands (no contact, no personal data), whether
/// it waits for review (held), and which associations received the reporter's contact and when
/// (never which member).
pub async fn show_need(
    State(state): State<AppState>,
    c: Ctx,
    params: RawPathParams,
) -> AppResult<Response> {
    let reference = params
        .iter()
        .find(|(n, _)| *n == "reference")
        .map(|(_, v)| v.to_owned())
        .filter(|r| r.starts_with("N-") && r.len() <= 24)
        .ok_or_else(AppError::not_found)?;
    let need = state
        .store
        .need_by_reference(&reference)
        .await?
        .ok_or_else(AppError::not_found)?;
    let incident = state
        .store
        .incident(need.incident_id)
        .await?
        .ok_or(StoreError::Corrupt("need incident"))?;
    let releases = state
        .store
        .need_contact_releases(need.id, RELEASES_SHOWN)
        .await?
        .into_iter()
        .map(|r| {
            let date = time::OffsetDateTime::from_unix_timestamp(r.released_at)
                .map_err(|_| StoreError::Corrupt("release time"))?
                .date();
            let organization = match c.locale {
                Locale::Ar => r.organization_name_ar,
                Locale::Zgh => r.organization_name_zgh.unwrap_or(r.organization_name_fr),
                _ => r.organization_name_fr,
            };
            Ok(ReleaseLine {
                organization,
                date: c.date(&date),
                iso_date: date.to_string(),
            })
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
    let held = need.status == NeedStatus::Held;
    Ok(render(&NeedPage {
        c,
        need,
        incident,
        held,
        releases,
    }))
}
