//! The mission pages: the public search of open missions (skill, language, commune, from a
//! date; keyset pages), a mission's public page (kind labelled, shifts with places left and the
//! waiting list, an apply button per shift for a signed-in volunteer, else a sign-in or sign-up
//! link back to it), applying; on the association's side, a mission's page with the
//! applications per shift (accept, decline) and its ranked candidates with their reasons in
//! words.

use super::{render, render_status, see_other, CsrfOnly, PageForm};
use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::extract::{path_param, ApiQuery, CurrentUser};
use crate::AppState;
use askama::Template;
use axum::extract::{RawPathParams, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Extension;
use serde::Deserialize;
use twiza_app::missions;
use twiza_domain::volunteer::{Fit, MissionKind, Skill, VolunteerLanguage, MOROCCO};
use twiza_domain::{FieldError, OrgScope};
use twiza_geo::{Commune, CommuneCode, Province, ProvinceCode};
use twiza_store::{ApplicationRow, MissionSummary, MissionView};

impl Ctx {
    /// Skills in words.
    pub fn skill_list(&self, skills: &[Skill]) -> String {
        skills
            .iter()
            .map(|s| self.skill_name(s))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Languages in words.
    pub fn language_list(&self, languages: &[VolunteerLanguage]) -> String {
        languages
            .iter()
            .map(|l| self.volunteer_language_name(l))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// A mission's kind in words (informal volunteering labelled as such).
    pub fn mission_kind_word(&self, kind: &MissionKind) -> String {
        self.t(&format!("missions-kind-{}", kind.as_str()))
    }

    /// An application's status in words.
    pub fn application_word(&self, status: &str) -> String {
        self.t(&format!("missions-application-{status}"))
    }

    /// A shift's start and end in Morocco time: `YYYY-MM-DD HH:MM–HH:MM`.
    pub fn shift_time(&self, starts_at: &i64, ends_at: &i64) -> String {
        let at = |unix: i64| {
            time::OffsetDateTime::from_unix_timestamp(unix)
                .map(|t| t.to_offset(MOROCCO))
                .ok()
        };
        match (at(*starts_at), at(*ends_at)) {
            (Some(s), Some(e)) => format!(
                "\u{2066}{} {:02}:{:02}–{:02}:{:02}\u{2069}",
                self.date(&s.date()),
                s.hour(),
                s.minute(),
                e.hour(),
                e.minute()
            ),
            _ => String::new(),
        }
    }
}

/// The catalogs the search form offers.
pub struct Catalogs {
    skills: &'static [Skill],
    languages: &'static [VolunteerLanguage],
}

fn catalogs() -> Catalogs {
    Catalogs {
        skills: Skill::ALL,
        languages: VolunteerLanguage::ALL,
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct SearchQuery {
    skill: String,
    language: String,
    province: String,
    commune: String,
    from: String,
    after: String,
}

#[derive(Template)]
#[template(path = "missions.html")]
struct SearchPage {
    c: Ctx,
    q: SearchQuery,
    catalogs: Catalogs,
    provinces: &'static [Province],
    /// The communes of the province searched (to narrow the search to one).
    communes: Vec<&'static Commune>,
    missions: Vec<MissionSummary>,
    more: Option<String>,
    errors: Vec<FieldError>,
}

/// `GET /missions`: open missions, soonest first.
pub async fn search(
    State(state): State<AppState>,
    c: Ctx,
    ApiQuery(q): ApiQuery<SearchQuery>,
) -> AppResult<Response> {
    let input = missions::SearchInput {
        skill: &q.skill,
        language: &q.language,
        commune: &q.commune,
        province: &q.province,
        from: &q.from,
        after: &q.after,
    };
    let (status, missions, errors) = match missions::search(&state.store, &input).await {
        Ok(page) => (StatusCode::OK, page, Vec::new()),
        Err(twiza_app::Error::InvalidQuery { field }) => (
            StatusCode::BAD_REQUEST,
            Vec::new(),
            vec![FieldError::new(field, "validation")],
        ),
        Err(e) => return Err(e.into()),
    };
    let more = missions::next_after(&missions).map(|after| {
        let query = serde_urlencoded::to_string([
            ("skill", q.skill.as_str()),
            ("language", q.language.as_str()),
            ("province", q.province.as_str()),
            ("commune", q.commune.as_str()),
            ("from", q.from.as_str()),
            ("after", after.as_str()),
        ])
        .unwrap_or_default();
        format!("/missions?{query}")
    });
    Ok(render_status(
        status,
        &SearchPage {
            c,
            communes: ProvinceCode::parse(&q.province)
                .map(|p| twiza_geo::geo().communes_of(&p))
                .unwrap_or_default(),
            q,
            catalogs: catalogs(),
            provinces: twiza_geo::geo().provinces(),
            missions,
            more,
            errors,
        },
    ))
}

#[derive(Template)]
#[template(path = "mission.html")]
struct MissionPage {
    c: Ctx,
    m: MissionView,
    /// Whether the reader has a volunteer profile.
    volunteer: bool,
    applied: Option<String>,
    errors: Vec<FieldError>,
}

#[derive(Deserialize, Default)]
pub struct AppliedQuery {
    applied: Option<String>,
}

async fn mission_page(
    state: &AppState,
    c: Ctx,
    id: i64,
    errors: Vec<FieldError>,
) -> AppResult<MissionPage> {
    let m = missions::show(&state.store, id).await?;
    let volunteer = match c.user() {
        Some(u) => state.store.volunteer_id_of(u.id).await?.is_some(),
        None => false,
    };
    Ok(MissionPage {
        c,
        m,
        volunteer,
        applied: None,
        errors,
    })
}

/// `GET /missions/{mission_id}`: a mission's public page.
pub async fn show(
    State(state): State<AppState>,
    c: Ctx,
    params: RawPathParams,
    ApiQuery(q): ApiQuery<AppliedQuery>,
) -> AppResult<Response> {
    let id = path_param(&params, "mission_id")?;
    let mut page = mission_page(&state, c, id, Vec::new()).await?;
    page.applied = q
        .applied
        .filter(|s| s == "applied" || s == "waiting")
        .map(|s| format!("missions-applied-{s}"));
    Ok(render(&page))
}

/// `POST /missions/{mission_id}/shifts/{shift_id}/apply`: the signed-in volunteer applies.
pub async fn apply(
    State(state): State<AppState>,
    c: Ctx,
    CurrentUser(user): CurrentUser,
    params: RawPathParams,
    PageForm(_): PageForm<CsrfOnly>,
) -> AppResult<Response> {
    let id = path_param(&params, "mission_id")?;
    let shift = path_param(&params, "shift_id")?;
    match missions::apply(&state.store, user.id, id, shift).await {
        Ok(a) => Ok(see_other(&format!("/missions/{id}?applied={}", a.status))),
        Err(twiza_app::Error::Refused(r)) => {
            let errors = vec![FieldError::new("apply", r.code())];
            let page = mission_page(&state, c, id, errors).await?;
            Ok(render_status(StatusCode::CONFLICT, &page))
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "mission_manage.html")]
struct ManagePage {
    c: Ctx,
    org_id: i64,
    m: MissionView,
    applications: Vec<ApplicationRow>,
    errors: Vec<FieldError>,
}

fn org_id(scope: &OrgScope) -> i64 {
    scope.org_id().0
}

async fn manage_page(
    state: &AppState,
    c: Ctx,
    scope: &OrgScope,
    id: i64,
    errors: Vec<FieldError>,
) -> AppResult<ManagePage> {
    let m = missions::show_own(&state.store, scope, id).await?;
    let applications = state.store.mission_applications(scope, id).await?;
    Ok(ManagePage {
        c,
        org_id: org_id(scope),
        m,
        applications,
        errors,
    })
}

/// `GET /associations/{org_id}/missions/{mission_id}`: the mission's shifts and applications.
pub async fn manage(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    params: RawPathParams,
) -> AppResult<Response> {
    let id = path_param(&params, "mission_id")?;
    Ok(render(
        &manage_page(&state, c, &scope, id, Vec::new()).await?,
    ))
}

/// The mission of an application of the association.
async fn mission_of(state: &AppState, scope: &OrgScope, application_id: i64) -> AppResult<i64> {
    state
        .store
        .application_mission(scope, application_id)
        .await?
        .ok_or_else(AppError::not_found)
}

/// After accepting or declining: the mission's page, or it again with the refusal.
async fn after_decision(
    state: &AppState,
    c: Ctx,
    scope: &OrgScope,
    mission: i64,
    result: twiza_app::Result<()>,
) -> AppResult<Response> {
    match result {
        Ok(()) => Ok(see_other(&format!(
            "/associations/{}/missions/{mission}",
            org_id(scope)
        ))),
        Err(twiza_app::Error::Refused(r)) => {
            let errors = vec![FieldError::new("decision", r.code())];
            let page = manage_page(state, c, scope, mission, errors).await?;
            Ok(render_status(StatusCode::CONFLICT, &page))
        }
        Err(e) => Err(e.into()),
    }
}

/// `POST /associations/{org_id}/applications/{application_id}/accept`.
pub async fn accept(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    params: RawPathParams,
    PageForm(_): PageForm<CsrfOnly>,
) -> AppResult<Response> {
    let id = path_param(&params, "application_id")?;
    let mission = mission_of(&state, &scope, id).await?;
    let result = missions::accept(&state.store, &scope, id, user.id).await;
    after_decision(&state, c, &scope, mission, result).await
}

/// `POST /associations/{org_id}/applications/{application_id}/decline`.
pub async fn decline(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    params: RawPathParams,
    PageForm(_): PageForm<CsrfOnly>,
) -> AppResult<Response> {
    let id = path_param(&params, "application_id")?;
    let mission = mission_of(&state, &scope, id).await?;
    let result = missions::decline(&state.store, &scope, id, user.id).await;
    after_decision(&state, c, &scope, mission, result).await
}

/// A ranked candidate as the page shows it.
pub struct CandidateLine {
    rank: i64,
    reference: String,
    points: i64,
    hours_given: i64,
    /// The reasons in words: skills matched, missing, languages matched (empty when none).
    matched: String,
    missing: String,
    languages: String,
    fit: Fit,
}

impl CandidateLine {
    fn new(c: &Ctx, rank: usize, reference: String, fit: Fit) -> CandidateLine {
        let words = |key: &str, list: String| {
            if list.is_empty() {
                String::new()
            } else {
                c.t1(key, "list", &list)
            }
        };
        CandidateLine {
            rank: rank as i64,
            reference,
            points: i64::from(fit.points),
            hours_given: fit.hours_given,
            matched: words("missions-skills-matched", c.skill_list(&fit.skills_matched)),
            missing: words("missions-skills-missing", c.skill_list(&fit.skills_missing)),
            languages: words(
                "missions-languages-matched",
                c.language_list(&fit.languages_matched),
            ),
            fit,
        }
    }
}

#[derive(Template)]
#[template(path = "mission_candidates.html")]
struct CandidatesPage {
    c: Ctx,
    org_id: i64,
    m: MissionView,
    considered: i64,
    candidates: Vec<CandidateLine>,
}

/// `GET /associations/{org_id}/missions/{mission_id}/candidates`: the best 50, with reasons.
pub async fn candidates(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    params: RawPathParams,
) -> AppResult<Response> {
    let id = path_param(&params, "mission_id")?;
    let m = missions::show_own(&state.store, &scope, id).await?;
    let mut ranked = missions::candidates(&state.store, &scope, id, missions::CANDIDATES).await?;
    let candidates = ranked
        .fits
        .into_iter()
        .enumerate()
        .map(|(i, fit)| {
            let reference = ranked
                .references
                .remove(&fit.volunteer_id)
                .unwrap_or_default();
            CandidateLine::new(&c, i + 1, reference, fit)
        })
        .collect();
    Ok(render(&CandidatesPage {
        c,
        org_id: org_id(&scope),
        m,
        considered: ranked.considered as i64,
        candidates,
    }))
}

#[derive(Template)]
#[template(path = "mission_list.html")]
struct OrgListPage {
    c: Ctx,
    org_id: i64,
    missions: Vec<MissionSummary>,
}

/// `GET /associations/{org_id}/missions`: the association's missions, newest first.
pub async fn org_list(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
) -> AppResult<Response> {
    let missions = state.store.org_missions(&scope).await?;
    Ok(render(&OrgListPage {
        c,
        org_id: org_id(&scope),
        missions,
    }))
}

/// The new-mission form as typed (repeated fields: skills, languages).
#[derive(Default)]
pub struct MissionForm {
    title: String,
    purpose: String,
    kind: String,
    skills: Vec<String>,
    languages: Vec<String>,
    province: String,
    commune: String,
    starts_on: String,
    ends_on: String,
    requirements: String,
    day: String,
    starts: String,
    ends: String,
    places: String,
    creation_key: String,
}

impl MissionForm {
    fn from_pairs(pairs: Vec<(String, String)>) -> MissionForm {
        let mut f = MissionForm::default();
        for (k, v) in pairs {
            match k.as_str() {
                "title" => f.title = v,
                "purpose" => f.purpose = v,
                "kind" => f.kind = v,
                "skills" => f.skills.push(v),
                "languages" => f.languages.push(v),
                "province" => f.province = v,
                "commune" => f.commune = v,
                "starts_on" => f.starts_on = v,
                "ends_on" => f.ends_on = v,
                "requirements" => f.requirements = v,
                "day" => f.day = v,
                "starts" => f.starts = v,
                "ends" => f.ends = v,
                "places" => f.places = v,
                "creation_key" => f.creation_key = v,
                _ => {}
            }
        }
        f
    }

    /// Whether a catalog code is chosen (the form keeps what was typed).
    pub fn has_skill(&self, skill: &Skill) -> bool {
        self.skills.iter().any(|s| s == skill.as_str())
    }

    pub fn has_language(&self, language: &VolunteerLanguage) -> bool {
        self.languages.iter().any(|s| s == language.as_str())
    }

    pub fn is_province(&self, p: &Province) -> bool {
        self.province == p.code.as_str()
    }

    pub fn is_commune(&self, m: &Commune) -> bool {
        self.commune == m.code.as_str()
    }

    /// The province whose communes the form offers: the one chosen, else the chosen commune's,
    /// else the association's seat.
    fn place(&mut self, seat_province: &str) -> Vec<&'static Commune> {
        let geo = twiza_geo::geo();
        if self.province.is_empty() {
            self.province = CommuneCode::parse(&self.commune)
                .ok()
                .and_then(|code| geo.commune(&code))
                .map_or(seat_province, |c| c.province_code.as_str())
                .to_owned();
        }
        ProvinceCode::parse(&self.province)
            .map(|p| geo.communes_of(&p))
            .unwrap_or_default()
    }
}

#[derive(Template)]
#[template(path = "mission_new.html")]
struct NewPage {
    c: Ctx,
    org_id: i64,
    catalogs: Catalogs,
    kinds: Vec<&'static str>,
    provinces: &'static [Province],
    /// The communes of the form's province.
    communes: Vec<&'static Commune>,
    form: MissionForm,
    errors: Vec<FieldError>,
}

impl NewPage {
    /// The form with the communes of its province (the association's seat by default).
    async fn new(
        state: &AppState,
        c: Ctx,
        scope: &OrgScope,
        mut form: MissionForm,
        errors: Vec<FieldError>,
    ) -> AppResult<NewPage> {
        let seat = state
            .store
            .organization(scope.org_id())
            .await?
            .map(|o| o.seat.province_code)
            .unwrap_or_default();
        let communes = form.place(&seat);
        Ok(NewPage {
            c,
            org_id: org_id(scope),
            catalogs: catalogs(),
            kinds: kinds(),
            provinces: twiza_geo::geo().provinces(),
            communes,
            form,
            errors,
        })
    }
}

/// A fresh key for a creating form: the same form sent twice creates once.
fn creation_key() -> String {
    use rand::RngCore;
    let mut bytes = [0u8; 16];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    hex::encode(bytes)
}

fn kinds() -> Vec<&'static str> {
    MissionKind::ALL.iter().map(|k| k.as_str()).collect()
}

/// `GET /associations/{org_id}/missions/new`.
pub async fn new_form(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
) -> AppResult<Response> {
    let form = MissionForm {
        kind: MissionKind::Contractual.as_str().to_owned(),
        places: "1".to_owned(),
        creation_key: creation_key(),
        ..Default::default()
    };
    Ok(render(
        &NewPage::new(&state, c, &scope, form, Vec::new()).await?,
    ))
}

/// `POST /associations/{org_id}/missions/new`: publishes the mission with its first shift.
/// The "show its communes" button only shows the chosen province's communes (nothing written).
pub async fn create(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    PageForm(pairs): PageForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let show_communes = pairs.iter().any(|(k, v)| k == "show" && v == "communes");
    let form = MissionForm::from_pairs(pairs);
    if show_communes {
        return Ok(render(
            &NewPage::new(&state, c, &scope, form, Vec::new()).await?,
        ));
    }
    let input = twiza_domain::volunteer::MissionInput {
        title: &form.title,
        purpose: &form.purpose,
        kind: &form.kind,
        skills: form.skills.iter().map(String::as_str).collect(),
        languages: form.languages.iter().map(String::as_str).collect(),
        commune: &form.commune,
        starts_on: &form.starts_on,
        ends_on: &form.ends_on,
        requirements: &form.requirements,
    };
    let shift = twiza_domain::volunteer::ShiftInput {
        day: &form.day,
        starts: &form.starts,
        ends: &form.ends,
        places: &form.places,
    };
    let key = Some(form.creation_key.as_str()).filter(|k| !k.is_empty());
    match missions::publish(&state.store, &scope, &input, &shift, key, user.id).await {
        Ok(id) => Ok(see_other(&format!(
            "/associations/{}/missions/{id}",
            org_id(&scope)
        ))),
        Err(twiza_app::Error::Invalid(errors)) => Ok(render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &NewPage::new(&state, c, &scope, form, errors).await?,
        )),
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ShiftForm {
    day: String,
    starts: String,
    ends: String,
    places: String,
    #[allow(dead_code)]
    csrf: String,
}

/// `POST /associations/{org_id}/missions/{mission_id}/shifts`: adds a shift.
pub async fn add_shift(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    params: RawPathParams,
    PageForm(form): PageForm<ShiftForm>,
) -> AppResult<Response> {
    let id = path_param(&params, "mission_id")?;
    let shift = twiza_domain::volunteer::ShiftInput {
        day: &form.day,
        starts: &form.starts,
        ends: &form.ends,
        places: &form.places,
    };
    match missions::add_shift(&state.store, &scope, id, &shift).await {
        Ok(_) => Ok(see_other(&format!(
            "/associations/{}/missions/{id}",
            org_id(&scope)
        ))),
        Err(twiza_app::Error::Invalid(errors)) => {
            let page = manage_page(&state, c, &scope, id, errors).await?;
            Ok(render_status(StatusCode::UNPROCESSABLE_ENTITY, &page))
        }
        Err(twiza_app::Error::Refused(r)) => {
            let page = manage_page(
                &state,
                c,
                &scope,
                id,
                vec![FieldError::new("day", r.code())],
            )
            .await?;
            Ok(render_status(StatusCode::CONFLICT, &page))
        }
        Err(e) => Err(e.into()),
    }
}

/// `POST /associations/{org_id}/missions/{mission_id}/invitations`: invites the chosen
/// candidates (repeated `volunteers`) to a shift (`shift_id`) by SMS and e-mail.
pub async fn invite(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    params: RawPathParams,
    PageForm(pairs): PageForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let id = path_param(&params, "mission_id")?;
    let mut shift = None;
    let mut volunteers = Vec::new();
    for (k, v) in &pairs {
        match k.as_str() {
            "shift_id" => shift = v.parse::<i64>().ok(),
            "volunteers" => volunteers.extend(v.parse::<i64>().ok()),
            _ => {}
        }
    }
    let Some(shift) = shift else {
        let page = manage_page(
            &state,
            c,
            &scope,
            id,
            vec![FieldError::new("shift_id", "required")],
        )
        .await?;
        return Ok(render_status(StatusCode::UNPROCESSABLE_ENTITY, &page));
    };
    let how = missions::Inviting {
        keys: &state.config.personal_data,
        messages: &state.messages,
        mail: Some(&state.mail),
        texting: state.sms.is_some(),
        fallback: c.locale,
    };
    match missions::invite(
        &state.store,
        &how,
        &scope,
        (id, shift),
        &volunteers,
        user.id,
    )
    .await
    {
        Ok(_) => Ok(see_other(&format!(
            "/associations/{}/missions/{id}",
            org_id(&scope)
        ))),
        Err(twiza_app::Error::Invalid(errors)) => {
            let page = manage_page(&state, c, &scope, id, errors).await?;
            Ok(render_status(StatusCode::UNPROCESSABLE_ENTITY, &page))
        }
        Err(twiza_app::Error::Refused(r)) => {
            let errors = vec![FieldError::new("volunteers", r.code())];
            let page = manage_page(&state, c, &scope, id, errors).await?;
            Ok(render_status(StatusCode::CONFLICT, &page))
        }
        Err(e) => Err(e.into()),
    }
}

/// A mission that fits the volunteer, with its reasons in words.
pub struct FittingLine {
    m: MissionSummary,
    points: i64,
    distance_km: i64,
    available: bool,
    matched: String,
    missing: String,
}

#[derive(Template)]
#[template(path = "mission_fitting.html")]
struct FittingPage {
    c: Ctx,
    volunteer: bool,
    missions: Vec<FittingLine>,
    applications: Vec<twiza_store::MyApplication>,
}

/// `GET /volunteer/missions`: the open missions that fit the signed-in volunteer, best first,
/// and their own applications (with a withdraw button).
pub async fn fitting(
    State(state): State<AppState>,
    c: Ctx,
    CurrentUser(user): CurrentUser,
) -> AppResult<Response> {
    let fits = match missions::missions_for_me(&state.store, user.id, missions::FITTING).await {
        Ok(f) => Some(f),
        Err(twiza_app::Error::Refused(twiza_domain::Refusal::NotAVolunteer)) => None,
        Err(e) => return Err(e.into()),
    };
    let volunteer = fits.is_some();
    let missions = fits
        .unwrap_or_default()
        .into_iter()
        .map(|(m, f)| {
            let words = |key: &str, list: String| {
                if list.is_empty() {
                    String::new()
                } else {
                    c.t1(key, "list", &list)
                }
            };
            FittingLine {
                points: i64::from(f.points),
                distance_km: i64::from(f.distance_km),
                available: f.available,
                matched: words("missions-skills-matched", c.skill_list(&f.skills_matched)),
                missing: words("missions-skills-missing", c.skill_list(&f.skills_missing)),
                m,
            }
        })
        .collect();
    let applications = state.store.my_applications(user.id).await?;
    Ok(render(&FittingPage {
        c,
        volunteer,
        missions,
        applications,
    }))
}

/// `POST /volunteer/applications/{application_id}/withdraw`.
pub async fn withdraw(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    params: RawPathParams,
    PageForm(_): PageForm<CsrfOnly>,
) -> AppResult<Response> {
    let id = path_param(&params, "application_id")?;
    missions::withdraw(&state.store, user.id, id).await?;
    Ok(see_other("/volunteer/missions"))
}
