//! The field agent's pages: their section on the association's home (deliveries to confirm
//! and open needs by priority in their communes) and the field assessment of a need, written
//! once per form through the same use case as the API.

use super::incidents::{field_of, form_count};
use super::{render_status, see_other, PageForm};
use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::extract::{path_param, CurrentUser};
use crate::AppState;
use askama::Template;
use axum::extract::{RawPathParams, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Extension;
use std::collections::HashMap;
use twiza_app::field::AgentHome;
use twiza_domain::crisis::{NeedCategory, Urgency};
use twiza_domain::{FieldError, OrgRole, OrgScope, Refusal, RefusalClass, UserId};
use twiza_store::{Douar, FieldIncident, FieldNeed, Incident};

impl Ctx {
    /// A need on the agent's home: place, what is needed and how urgent.
    pub fn field_need_label(&self, n: &FieldNeed) -> String {
        let category = NeedCategory::parse(&n.category)
            .map(|k| self.category_name(&k))
            .unwrap_or_default();
        let urgency = Urgency::parse(&n.urgency)
            .map(|u| self.urgency_name(&u))
            .unwrap_or_default();
        let households = n
            .households
            .map(|h| format!(" · {}", self.households_count(h)))
            .unwrap_or_default();
        format!(
            "{urgency} · {category} · {}{households}",
            self.place_of(&n.commune_code, &n.douar_ar, &n.douar_fr)
        )
    }

    /// An incident's title in the reader's language.
    pub fn field_incident_title<'a>(&self, i: &'a FieldIncident) -> &'a str {
        if self.locale == twiza_i18n::Locale::Ar {
            &i.title_ar
        } else {
            &i.title_fr
        }
    }

    /// Communes by name, separated by commas.
    pub fn commune_names(&self, codes: &[String]) -> String {
        let comma = if self.locale == twiza_i18n::Locale::Ar {
            "، "
        } else {
            ", "
        };
        codes
            .iter()
            .map(|c| self.commune_name(c))
            .collect::<Vec<_>>()
            .join(comma)
    }
}

/// The field agent's section of the association's home, for a member whose role is field
/// agent; `None` for everyone else.
pub async fn agent_section(
    state: &AppState,
    scope: &OrgScope,
    user: Option<UserId>,
) -> AppResult<Option<AgentHome>> {
    if !crate::authz::role_in(scope, &[OrgRole::FieldAgent]) {
        return Ok(None);
    }
    let Some(user) = user else {
        return Ok(None);
    };
    Ok(Some(
        twiza_app::field::agent_home(&state.store, scope, user).await?,
    ))
}

/// The assessment form's values and errors.
pub struct AssessmentForm {
    values: HashMap<String, String>,
    pub errors: Vec<FieldError>,
    /// The form's idempotency key: the same form sent twice is written once.
    pub key: String,
}

impl AssessmentForm {
    pub fn get(&self, name: &str) -> &str {
        self.values.get(name).map_or("", String::as_str)
    }

    pub fn is(&self, name: &str, value: &str) -> bool {
        self.get(name) == value
    }
}

#[derive(Template)]
#[template(path = "field_assessment.html")]
struct AssessmentPage {
    c: Ctx,
    org_id: i64,
    incident: Incident,
    communes: Vec<String>,
    douars: Vec<Douar>,
    categories: &'static [NeedCategory],
    urgencies: &'static [Urgency],
    form: AssessmentForm,
}

/// The key a form carries (made when the form is shown): 32 hexadecimal digits.
fn form_key(raw: &str) -> Option<&str> {
    (raw.len() == 32 && raw.bytes().all(|b| b.is_ascii_hexdigit())).then_some(raw)
}

async fn assessment_page(
    state: &AppState,
    c: Ctx,
    scope: &OrgScope,
    user: UserId,
    incident: i64,
    form: AssessmentForm,
    status: StatusCode,
) -> AppResult<Response> {
    let incident = state
        .store
        .incident(incident)
        .await?
        .ok_or_else(AppError::not_found)?;
    let mine = twiza_app::field::assessment_communes(&state.store, scope, user).await?;
    let within = |code: &str| mine.as_ref().is_none_or(|m| m.iter().any(|c| c == code));
    let communes: Vec<String> = state
        .store
        .incident_communes(incident.id)
        .await?
        .into_iter()
        .filter(|c| within(c))
        .collect();
    let douars = state
        .store
        .incident_douars(incident.id)
        .await?
        .into_iter()
        .filter(|d| within(&d.commune_code))
        .collect();
    Ok(render_status(
        status,
        &AssessmentPage {
            c,
            org_id: scope.org_id().0,
            incident,
            communes,
            douars,
            categories: NeedCategory::ALL,
            urgencies: Urgency::ALL,
            form,
        },
    ))
}

/// `GET /associations/{org_id}/incidents/{incident_id}/assessments/new`: the assessment form,
/// offering the incident's communes the agent works in.
pub async fn assessment_form(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    params: RawPathParams,
) -> AppResult<Response> {
    let incident = path_param(&params, "incident_id")?;
    let form = AssessmentForm {
        values: HashMap::new(),
        errors: Vec::new(),
        key: hex::encode(rand::random::<[u8; 16]>()),
    };
    assessment_page(&state, c, &scope, user.id, incident, form, StatusCode::OK).await
}

/// `POST /associations/{org_id}/incidents/{incident_id}/assessments`: records the assessment
/// (once per form key) and goes back to the home with its confirmation; errors come back on
/// the form, next to their field.
pub async fn assess(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    params: RawPathParams,
    PageForm(pairs): PageForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let incident = path_param(&params, "incident_id")?;
    let values: HashMap<String, String> = pairs.into_iter().collect();
    let get = |name: &str| {
        values
            .get(name)
            .map_or("", String::as_str)
            .trim()
            .to_owned()
    };
    let key = form_key(&get("idempotency_key"))
        .map(str::to_owned)
        .unwrap_or_else(|| hex::encode(rand::random::<[u8; 16]>()));
    let mut errors = Vec::new();
    let mut status = StatusCode::UNPROCESSABLE_ENTITY;
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
        let retry = twiza_app::crisis::Retry {
            key: &key,
            hash_key: &state.config.identity_key,
        };
        let written = twiza_app::field::assess(
            &state.store,
            &state.need_intake,
            &state.config.personal_data,
            &scope,
            user.id,
            incident,
            &body,
            Some(retry),
        )
        .await;
        match written {
            Ok(_) => {
                return Ok(see_other(&format!(
                    "/associations/{}/manage?done=assessed",
                    scope.org_id().0
                )))
            }
            Err(twiza_app::Error::Invalid(fields)) => errors.extend(
                fields
                    .into_iter()
                    .map(|f| FieldError::new(field_of(f.field), f.code)),
            ),
            Err(twiza_app::Error::Refused(refusal))
                if refusal.class() == RefusalClass::Invalid
                    || refusal == Refusal::OutsideAgentCommunes =>
            {
                if refusal == Refusal::OutsideAgentCommunes {
                    status = StatusCode::FORBIDDEN;
                }
                errors.push(FieldError::new(
                    field_of(refusal.field().unwrap_or("")),
                    refusal.code(),
                ));
            }
            Err(e) => return Err(e.into()),
        }
    }
    let form = AssessmentForm {
        values,
        errors,
        key,
    };
    assessment_page(&state, c, &scope, user.id, incident, form, status).await
}
