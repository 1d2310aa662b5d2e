//! An authority's incident pages: declaring an incident in the communes of its territory (the
//! provinces chosen first, then their communes), and an incident's douars added one by one.

use super::{render, render_status, see_other, DoneQuery, PageForm};
use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::extract::{CurrentUser, PathId};
use crate::AppState;
use askama::Template;
use axum::extract::{Query, RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use twiza_app::crisis::{add_douar, declare_incident_once};
use twiza_domain::competence::Competence;
use twiza_domain::crisis::{DouarInput, IncidentInput, IncidentKind, NewDouar, NewIncident};
use twiza_domain::roles::PlatformRole;
use twiza_domain::{FieldError, Refusal};
use twiza_geo::{Commune, Province};
use twiza_store::{Douar, Incident, User};

/// Confirmations of the incident page.
const DONE: [(&str, &str); 2] = [
    ("declared", "declaration-done-declared"),
    ("douar", "declaration-done-douar"),
];

/// The provinces an account may declare an incident in: those of its competence (a platform
/// admin, or an authority whose competence is not set yet, any).
pub(crate) fn provinces_of(user: &User) -> Vec<&'static Province> {
    let geo = twiza_geo::geo();
    let competence = match (user.platform_role, &user.competence) {
        (Some(PlatformRole::Authority), Some(competence)) => Some(competence),
        _ => None,
    };
    geo.provinces()
        .iter()
        .filter(|p| {
            competence.is_none_or(|c| c.covers_place(p.code.as_str(), p.region_code.as_str()))
        })
        .collect()
}

/// Values of one of the declaration form's fields; repeated fields (`province`, `commune`) keep
/// every value.
#[derive(Default)]
pub struct DeclarationForm {
    pairs: Vec<(String, String)>,
    pub errors: Vec<FieldError>,
}

impl DeclarationForm {
    pub(crate) fn parse(raw: Option<&str>) -> DeclarationForm {
        let pairs = raw
            .and_then(|q| serde_urlencoded::from_str::<Vec<(String, String)>>(q).ok())
            .unwrap_or_default();
        DeclarationForm {
            pairs,
            errors: Vec::new(),
        }
    }

    pub fn get(&self, name: &str) -> &str {
        self.pairs
            .iter()
            .find(|(k, _)| k == name)
            .map_or("", |(_, v)| v.trim())
    }

    pub(crate) fn all(&self, name: &str) -> Vec<&str> {
        self.pairs
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    pub fn has(&self, name: &str, value: &str) -> bool {
        self.pairs.iter().any(|(k, v)| k == name && v == value)
    }
}

#[derive(Template)]
#[template(path = "declaration_new.html")]
struct NewIncidentPage {
    c: Ctx,
    form: DeclarationForm,
    kinds: &'static [IncidentKind],
    provinces: Vec<&'static Province>,
    /// The communes of the chosen provinces, province by province.
    communes: Vec<(&'static Province, Vec<&'static Commune>)>,
    /// The form's key: the same form sent twice declares one incident.
    creation_key: String,
}

fn new_page(c: Ctx, user: &User, form: DeclarationForm) -> NewIncidentPage {
    let provinces = provinces_of(user);
    let geo = twiza_geo::geo();
    let mut chosen: Vec<&'static Province> = provinces
        .iter()
        .copied()
        .filter(|p| form.has("province", p.code.as_str()))
        .collect();
    if chosen.is_empty() && provinces.len() == 1 {
        chosen = provinces.clone();
    }
    let communes = chosen
        .into_iter()
        .map(|p| (p, geo.communes_of(&p.code)))
        .collect();
    let creation_key = match creation_key(form.get("creation_key")) {
        Some(key) => key.to_owned(),
        None => hex::encode(rand::random::<[u8; 16]>()),
    };
    NewIncidentPage {
        c,
        form,
        kinds: IncidentKind::ALL,
        provinces,
        communes,
        creation_key,
    }
}

/// `GET /authority/incidents/new`: the provinces to choose (`?province=` repeated), then the
/// incident's form with the communes of those provinces.
pub async fn new_form(
    c: Ctx,
    CurrentUser(user): CurrentUser,
    RawQuery(query): RawQuery,
) -> AppResult<Response> {
    let form = DeclarationForm::parse(query.as_deref());
    Ok(render(&new_page(c, &user, form)))
}

/// `POST /authority/incidents`: declares the incident, or shows the form again with each error
/// next to its field (nothing written).
pub async fn declare(
    State(state): State<AppState>,
    c: Ctx,
    CurrentUser(user): CurrentUser,
    body: String,
) -> AppResult<Response> {
    let mut form = DeclarationForm::parse(Some(&body));
    let input = IncidentInput {
        kind: form.get("kind"),
        title_ar: form.get("title_ar"),
        title_fr: form.get("title_fr"),
        started_on: form.get("started_on"),
        communes: form.all("commune"),
    };
    let errors = match NewIncident::parse(&input) {
        Ok(incident) => match declare_incident_once(
            &state.store,
            &user,
            &incident,
            creation_key(form.get("creation_key")),
        )
        .await
        {
            Ok(id) => {
                return Ok(see_other(&format!(
                    "/authority/incidents/{id}?done=declared"
                )))
            }
            Err(twiza_app::Error::Refused(Refusal::OutsideCompetence)) => {
                vec![FieldError::new("communes", "outside_territory")]
            }
            Err(e) => return Err(e.into()),
        },
        Err(error) => vec![error],
    };
    form.errors = errors;
    Ok(render_status(
        StatusCode::UNPROCESSABLE_ENTITY,
        &new_page(c, &user, form),
    ))
}

/// The key a declaration form carries (made when the form is shown): 32 hexadecimal digits,
/// or none when a form comes without one.
fn creation_key(raw: &str) -> Option<&str> {
    (raw.len() == 32 && raw.bytes().all(|b| b.is_ascii_hexdigit())).then_some(raw)
}

/// The douar form's values.
#[derive(Default, serde::Deserialize)]
pub struct DouarForm {
    #[serde(default)]
    pub commune: String,
    #[serde(default)]
    pub name_ar: String,
    #[serde(default)]
    pub name_fr: String,
    #[serde(default)]
    pub name_latin: String,
    #[serde(default)]
    pub latitude: String,
    #[serde(default)]
    pub longitude: String,
    #[serde(default)]
    pub population: String,
    #[serde(skip)]
    pub errors: Vec<FieldError>,
}

#[derive(Template)]
#[template(path = "declaration_incident.html")]
struct IncidentPage {
    c: Ctx,
    incident: Incident,
    communes: Vec<String>,
    douars: Vec<Douar>,
    form: DouarForm,
    done: Option<&'static str>,
}

async fn incident_page(
    state: &AppState,
    c: Ctx,
    id: i64,
    form: DouarForm,
    done: Option<&'static str>,
) -> AppResult<IncidentPage> {
    let incident = state
        .store
        .incident(id)
        .await?
        .ok_or_else(AppError::not_found)?;
    Ok(IncidentPage {
        c,
        communes: state.store.incident_communes(id).await?,
        douars: state.store.incident_douars(id).await?,
        incident,
        form,
        done,
    })
}

/// `GET /authority/incidents/{incident_id}`: the declared incident, its douars and the form to
/// add one.
pub async fn show(
    State(state): State<AppState>,
    c: Ctx,
    PathId(id): PathId,
    Query(done): Query<DoneQuery>,
) -> AppResult<Response> {
    let page = incident_page(&state, c, id, DouarForm::default(), done.key(&DONE)).await?;
    Ok(render(&page))
}

/// A number field of the douar form: empty is none; anything else must parse.
fn optional_number<T: std::str::FromStr>(
    raw: &str,
    field: &'static str,
    errors: &mut Vec<FieldError>,
) -> Option<T> {
    let raw = raw.trim();
    if raw.is_empty() {
        return None;
    }
    let parsed = raw.replace(',', ".").parse().ok();
    if parsed.is_none() {
        errors.push(FieldError::new(field, "validation"));
    }
    parsed
}

/// `POST /authority/incidents/{incident_id}/douars`: adds the douar, or the page again with the
/// error next to its field.
pub async fn create_douar(
    State(state): State<AppState>,
    c: Ctx,
    CurrentUser(user): CurrentUser,
    PathId(id): PathId,
    PageForm(mut form): PageForm<DouarForm>,
) -> AppResult<Response> {
    let mut errors = Vec::new();
    let latitude = optional_number(&form.latitude, "latitude", &mut errors);
    let longitude = optional_number(&form.longitude, "longitude", &mut errors);
    let population = optional_number(&form.population, "population", &mut errors);
    if errors.is_empty() {
        let parsed = NewDouar::parse(&DouarInput {
            commune: form.commune.trim(),
            name_ar: form.name_ar.trim(),
            name_fr: form.name_fr.trim(),
            name_latin: form.name_latin.trim(),
            latitude,
            longitude,
            population,
        });
        match parsed {
            Ok(douar) => match add_douar(&state.store, &user, id, &douar).await {
                Ok(_) => return Ok(see_other(&format!("/authority/incidents/{id}?done=douar"))),
                Err(twiza_app::Error::Refused(refusal)) => {
                    let field = match refusal {
                        Refusal::DouarExists => "name_fr",
                        _ => "commune",
                    };
                    errors.push(FieldError::new(field, refusal.code()));
                }
                Err(e) => return Err(e.into()),
            },
            Err(error) => errors.push(error),
        }
    }
    form.errors = errors;
    let page = incident_page(&state, c, id, form, None).await?;
    Ok(render_status(StatusCode::UNPROCESSABLE_ENTITY, &page))
}

impl Ctx {
    /// A province's name in the page's language.
    pub fn province_label(&self, p: &Province) -> String {
        self.place_name(&p.name_ar, &p.name_fr)
    }

    /// A commune's name in the page's language.
    pub fn commune_label(&self, commune: &Commune) -> String {
        self.place_name(&commune.name_ar, &commune.name_fr)
    }

    /// Whether the account's competence limits where it declares (to show it on the form).
    pub fn declares_within(&self) -> Option<&Competence> {
        self.user().and_then(|u| u.competence.as_ref())
    }
}
