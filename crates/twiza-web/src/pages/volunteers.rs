//! The volunteering pages of a volunteer and of a host: the volunteer's home (their profile, or
//! an invitation to sign up), signing up and changing the profile (communes chosen province by
//! province, without JavaScript), the export of their data, the deletion (saying what is
//! erased and what is kept), the criminal-record upload; the association's volunteering home
//! (its accreditation in words), the accreditation form, and a volunteer who applied to it.

use super::declaration::DeclarationForm;
use super::{render, render_status, see_other, CsrfOnly, DoneQuery, PageForm};
use crate::authz::{role_in, MANAGERS};
use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::extract::{path_param, ApiQuery, CurrentUser};
use crate::AppState;
use askama::Template;
use axum::extract::{Multipart, RawPathParams, RawQuery, State};
use axum::http::{header, StatusCode};
use axum::response::Response;
use axum::Extension;
use twiza_app::volunteers::{self as app, AccreditationState};
use twiza_domain::volunteer::{
    AccreditationInput, Skill, VolunteerInput, VolunteerLanguage, MAX_DOCUMENT_BYTES,
};
use twiza_domain::{FieldError, OrgScope, Refusal};
use twiza_geo::{Commune, Province};
use twiza_store::{
    Erasure, StoredAccreditation, User, VolunteerDocument, VolunteerProfile, CRIMINAL_RECORD,
};

/// The largest upload body: the document and the form around it.
pub const DOCUMENT_BODY_LIMIT: usize = MAX_DOCUMENT_BYTES + 64 * 1024;

/// A page of personal data: never kept by the browser.
fn private(mut response: Response) -> Response {
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("no-store"),
    );
    response
}

impl Ctx {
    /// A skill's name.
    pub fn skill_name(&self, skill: &Skill) -> String {
        self.t(&format!(
            "volunteer-skill-{}",
            skill.as_str().replace('_', "-")
        ))
    }

    /// A language's name (as volunteers and missions list them).
    pub fn volunteer_language_name(&self, language: &VolunteerLanguage) -> String {
        self.t(&format!("volunteer-language-{}", language.as_str()))
    }

    /// The skills of a bit set, named, comma-separated.
    pub fn skills_of(&self, mask: &i64) -> String {
        Skill::of_mask(*mask)
            .iter()
            .map(|s| self.skill_name(s))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The languages of a bit set, named, comma-separated.
    pub fn languages_of(&self, mask: &i64) -> String {
        VolunteerLanguage::of_mask(*mask)
            .iter()
            .map(|l| self.volunteer_language_name(l))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Communes by code, named, comma-separated.
    pub fn communes_of(&self, codes: &[String]) -> String {
        codes
            .iter()
            .map(|code| self.commune_name(code))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// A weekday's name, `1` Monday … `7` Sunday.
    pub fn weekday_name(&self, day: &u8) -> String {
        self.t(&format!("volunteer-weekday-{day}"))
    }

    /// An ISO date (`YYYY-MM-DD`) as the reader's date; as written if it is not one.
    pub fn iso_day(&self, raw: &str) -> String {
        twiza_domain::volunteer::parse_iso_date("date", raw)
            .map(|d| self.date(&d))
            .unwrap_or_else(|_| raw.to_owned())
    }
}

/// Where to sign in (or up) and come back.
fn sign_in_to(next: &str) -> Response {
    see_other(&format!("/sign-in?next={next}"))
}

// ---------------------------------------------------------------------------------------------
// The volunteer's home.

#[derive(Template)]
#[template(path = "volunteer_home.html")]
struct HomePage {
    c: Ctx,
    profile: Option<VolunteerProfile>,
    record: Option<VolunteerDocument>,
    /// Who read the profile: the association's name and the day, newest first.
    reads: Vec<(String, String)>,
    errors: Vec<FieldError>,
    done: Option<&'static str>,
    max_mb: usize,
}

/// Confirmations of the volunteer's home.
const HOME_DONE: [(&str, &str); 4] = [
    ("signed_up", "volunteer-done-signed-up"),
    ("updated", "volunteer-done-updated"),
    ("document_added", "volunteer-done-document"),
    ("deleted", "volunteer-done-deleted"),
];

async fn home_page(
    state: &AppState,
    c: Ctx,
    user: &User,
    errors: Vec<FieldError>,
) -> AppResult<HomePage> {
    let keys = &state.config.personal_data;
    let profile = app::my_profile(&state.store, keys, user.id).await?;
    let record = app::my_documents(&state.store, user.id)
        .await?
        .into_iter()
        .find(|d| d.kind == CRIMINAL_RECORD);
    let mut reads = Vec::new();
    for read in state.store.own_volunteer_reads(user.id).await?.iter().rev() {
        let org = state
            .store
            .organization(twiza_domain::OrgId(read.organization_id))
            .await?;
        let name = org.map(|o| c.org_name(&o).to_owned()).unwrap_or_default();
        reads.push((name, c.day_of(&read.at)));
    }
    Ok(HomePage {
        c,
        profile,
        record,
        reads,
        errors,
        done: None,
        max_mb: MAX_DOCUMENT_BYTES / (1024 * 1024),
    })
}

/// `GET /volunteer`: the volunteer's home, or an invitation to sign up; a visitor is sent to
/// sign in first.
pub async fn home(
    State(state): State<AppState>,
    c: Ctx,
    ApiQuery(done): ApiQuery<DoneQuery>,
) -> AppResult<Response> {
    let Some(user) = c.user().cloned() else {
        return Ok(sign_in_to("/volunteer"));
    };
    let mut page = home_page(&state, c, &user, Vec::new()).await?;
    page.done = done.key(&HOME_DONE);
    Ok(private(render(&page)))
}

/// `POST /volunteer/documents` (multipart `document`, the CSRF token in the address): the
/// criminal-record certificate, checked by its content.
pub async fn upload_document(
    State(state): State<AppState>,
    c: Ctx,
    CurrentUser(user): CurrentUser,
    mut multipart: Multipart,
) -> AppResult<Response> {
    let mut file: Option<Vec<u8>> = None;
    loop {
        match multipart.next_field().await {
            Ok(Some(field)) if field.name() == Some("document") => {
                file = field.bytes().await.ok().map(|b| b.to_vec());
            }
            Ok(Some(_)) => {}
            Ok(None) => break,
            // A body beyond the limit, or not multipart: the file is refused as invalid.
            Err(_) => {
                file = None;
                break;
            }
        }
    }
    let result = app::upload_record(&state.store, user.id, &file.unwrap_or_default()).await;
    let errors = match result {
        Ok(_) => return Ok(see_other("/volunteer?done=document_added")),
        Err(twiza_app::Error::Invalid(errors)) => errors,
        Err(twiza_app::Error::Refused(r)) => vec![FieldError::new("document", r.code())],
        Err(e) => return Err(e.into()),
    };
    let page = home_page(&state, c, &user, errors).await?;
    Ok(private(render_status(
        StatusCode::UNPROCESSABLE_ENTITY,
        &page,
    )))
}

// ---------------------------------------------------------------------------------------------
// Signing up and changing the profile.

/// The catalogs the form offers.
pub struct Catalogs {
    skills: &'static [Skill],
    languages: &'static [VolunteerLanguage],
    weekdays: [u8; 7],
}

fn catalogs() -> Catalogs {
    Catalogs {
        skills: Skill::ALL,
        languages: VolunteerLanguage::ALL,
        weekdays: [1, 2, 3, 4, 5, 6, 7],
    }
}

#[derive(Template)]
#[template(path = "volunteer_form.html")]
struct FormPage {
    c: Ctx,
    /// Signing up, or changing the profile.
    new: bool,
    action: &'static str,
    form: DeclarationForm,
    catalogs: Catalogs,
    provinces: &'static [Province],
    /// The communes of the chosen provinces, province by province.
    communes: Vec<(&'static Province, Vec<&'static Commune>)>,
}

impl FormPage {
    fn skill_checked(&self, s: &Skill) -> bool {
        self.form.has("skill", s.as_str())
    }
    fn language_checked(&self, l: &VolunteerLanguage) -> bool {
        self.form.has("language", l.as_str())
    }
    fn weekday_checked(&self, d: &u8) -> bool {
        self.form.has("weekday", &d.to_string())
    }
}

/// The provinces chosen on the form: those asked for, and those of the communes ticked.
fn chosen_communes(form: &DeclarationForm) -> Vec<(&'static Province, Vec<&'static Commune>)> {
    let geo = twiza_geo::geo();
    geo.provinces()
        .iter()
        .filter(|p| {
            let code = p.code.as_str();
            form.has("province", code)
                || form
                    .all("commune")
                    .iter()
                    .any(|c| c.starts_with(code) && c.as_bytes().get(code.len()) == Some(&b'.'))
        })
        .map(|p| (p, geo.communes_of(&p.code)))
        .collect()
}

fn form_page(c: Ctx, new: bool, form: DeclarationForm) -> FormPage {
    let communes = chosen_communes(&form);
    FormPage {
        c,
        new,
        action: if new {
            "/volunteer/sign-up"
        } else {
            "/volunteer/profile"
        },
        form,
        catalogs: catalogs(),
        provinces: twiza_geo::geo().provinces(),
        communes,
    }
}

fn input_of(form: &DeclarationForm) -> VolunteerInput<'_> {
    VolunteerInput {
        name: form.get("name"),
        birth_date: form.get("birth_date"),
        cin: form.get("cin"),
        phone: form.get("phone"),
        skills: form.all("skill"),
        languages: form.all("language"),
        weekdays: form.all("weekday"),
        available_from: form.get("available_from"),
        available_until: form.get("available_until"),
        communes: form.all("commune"),
        emergency_name: form.get("emergency_name"),
        emergency_phone: form.get("emergency_phone"),
    }
}

/// The form filled with a profile.
fn form_of(p: &VolunteerProfile) -> DeclarationForm {
    let mut pairs: Vec<(String, String)> = vec![
        ("name".into(), p.name.clone()),
        ("birth_date".into(), p.birth_date.clone()),
        ("cin".into(), p.cin.clone()),
        ("phone".into(), p.phone.clone()),
        (
            "available_from".into(),
            p.available_from.clone().unwrap_or_default(),
        ),
        (
            "available_until".into(),
            p.available_until.clone().unwrap_or_default(),
        ),
        ("emergency_name".into(), p.emergency_name.clone()),
        ("emergency_phone".into(), p.emergency_phone.clone()),
    ];
    pairs.extend(
        Skill::of_mask(p.skills)
            .iter()
            .map(|s| ("skill".into(), s.as_str().into())),
    );
    pairs.extend(
        VolunteerLanguage::of_mask(p.languages)
            .iter()
            .map(|l| ("language".into(), l.as_str().into())),
    );
    pairs.extend(
        (1..=7)
            .filter(|d| p.weekdays & (1 << (d - 1)) != 0)
            .map(|d| ("weekday".into(), d.to_string())),
    );
    pairs.extend(p.communes.iter().map(|c| ("commune".into(), c.clone())));
    let query = serde_urlencoded::to_string(&pairs).unwrap_or_default();
    DeclarationForm::parse(Some(&query))
}

/// `GET /volunteer/sign-up`: the form (`?province=` repeated shows those provinces' communes);
/// a visitor is sent to sign in first, a volunteer to their home.
pub async fn sign_up_form(
    State(state): State<AppState>,
    c: Ctx,
    RawQuery(query): RawQuery,
) -> AppResult<Response> {
    let Some(user) = c.user().map(|u| u.id) else {
        return Ok(sign_in_to("/volunteer/sign-up"));
    };
    if state.store.volunteer_id_of(user).await?.is_some() {
        return Ok(see_other("/volunteer"));
    }
    let form = DeclarationForm::parse(query.as_deref());
    Ok(private(render(&form_page(c, true, form))))
}

/// The form again: after "show the communes" (200, nothing checked) or with its errors.
fn form_again(c: Ctx, new: bool, form: DeclarationForm) -> Response {
    let status = if form.errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    private(render_status(status, &form_page(c, new, form)))
}

/// A refusal of the form next to its field.
fn refusal_field(r: Refusal) -> FieldError {
    match r {
        Refusal::VolunteerExists => FieldError::new("cin", r.code()),
        _ => FieldError::new("name", r.code()),
    }
}

/// `POST /volunteer/sign-up`: signs the account up, or shows the form again with each error
/// next to its field (nothing written). The "show the communes" button only shows them.
pub async fn sign_up(
    State(state): State<AppState>,
    c: Ctx,
    CurrentUser(user): CurrentUser,
    body: String,
) -> AppResult<Response> {
    let mut form = DeclarationForm::parse(Some(&body));
    if !form.get("show").is_empty() {
        return Ok(form_again(c, true, form));
    }
    let keys = &state.config.personal_data;
    let result = app::sign_up(&state.store, keys, user.id, &input_of(&form)).await;
    form.errors = match result {
        Ok(_) => return Ok(see_other("/volunteer?done=signed_up")),
        Err(twiza_app::Error::Invalid(errors)) => errors,
        // A repeated sign-up of this account (a double click): it is done.
        Err(twiza_app::Error::Refused(Refusal::VolunteerExists))
            if state.store.volunteer_id_of(user.id).await?.is_some() =>
        {
            return Ok(see_other("/volunteer"))
        }
        Err(twiza_app::Error::Refused(r)) => vec![refusal_field(r)],
        Err(e) => return Err(e.into()),
    };
    Ok(form_again(c, true, form))
}

/// `GET /volunteer/profile`: the profile's form, filled.
pub async fn profile_form(
    State(state): State<AppState>,
    c: Ctx,
    CurrentUser(user): CurrentUser,
    RawQuery(query): RawQuery,
) -> AppResult<Response> {
    let keys = &state.config.personal_data;
    let Some(profile) = app::my_profile(&state.store, keys, user.id).await? else {
        return Ok(see_other("/volunteer/sign-up"));
    };
    let mut form = form_of(&profile);
    // Provinces asked for to choose more communes.
    let asked = DeclarationForm::parse(query.as_deref());
    if !asked.all("province").is_empty() {
        let mut pairs: Vec<(String, String)> = Vec::new();
        for name in [
            "name",
            "birth_date",
            "cin",
            "phone",
            "available_from",
            "available_until",
            "emergency_name",
            "emergency_phone",
        ] {
            pairs.push((name.into(), form.get(name).into()));
        }
        for name in ["skill", "language", "weekday", "commune"] {
            pairs.extend(form.all(name).iter().map(|v| (name.into(), (*v).into())));
        }
        pairs.extend(
            asked
                .all("province")
                .iter()
                .map(|v| ("province".into(), (*v).into())),
        );
        form = DeclarationForm::parse(Some(
            &serde_urlencoded::to_string(&pairs).unwrap_or_default(),
        ));
    }
    Ok(private(render(&form_page(c, false, form))))
}

/// `POST /volunteer/profile`: changes the profile, or shows the form again with its errors.
pub async fn update_profile(
    State(state): State<AppState>,
    c: Ctx,
    CurrentUser(user): CurrentUser,
    body: String,
) -> AppResult<Response> {
    let mut form = DeclarationForm::parse(Some(&body));
    if !form.get("show").is_empty() {
        return Ok(form_again(c, false, form));
    }
    let keys = &state.config.personal_data;
    let result = app::update_profile(&state.store, keys, user.id, &input_of(&form)).await;
    form.errors = match result {
        Ok(()) => return Ok(see_other("/volunteer?done=updated")),
        Err(twiza_app::Error::Invalid(errors)) => errors,
        Err(twiza_app::Error::Refused(Refusal::NotAVolunteer)) => {
            return Ok(see_other("/volunteer/sign-up"))
        }
        Err(twiza_app::Error::Refused(r)) => vec![refusal_field(r)],
        Err(e) => return Err(e.into()),
    };
    Ok(form_again(c, false, form))
}

// ---------------------------------------------------------------------------------------------
// Export and deletion.

/// `GET /volunteer/export`: everything Twiza holds on the volunteer, as a JSON file.
pub async fn export(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
) -> AppResult<Response> {
    let keys = &state.config.personal_data;
    let data = app::export_my_data(&state.store, keys, user.id).await?;
    let bytes = serde_json::to_vec_pretty(&data).map_err(|_| AppError::internal())?;
    Ok(crate::download::file_response(
        "application/json".to_owned(),
        bytes,
        "twiza-volunteer",
        crate::download::PRIVATE,
    ))
}

#[derive(Template)]
#[template(path = "volunteer_delete.html")]
struct DeletePage {
    c: Ctx,
    kept: Erasure,
    errors: Vec<FieldError>,
}

impl DeletePage {
    fn contracts_kept(&self) -> i64 {
        self.kept.contracts_kept
    }
    fn certificates_kept(&self) -> i64 {
        self.kept.certificates_kept
    }
}

/// `GET /volunteer/delete`: what deleting erases and what it keeps, and the confirmation.
pub async fn delete_form(
    State(state): State<AppState>,
    c: Ctx,
    CurrentUser(user): CurrentUser,
) -> AppResult<Response> {
    let kept = match app::deletion_preview(&state.store, user.id).await {
        Ok(kept) => kept,
        Err(twiza_app::Error::Refused(Refusal::NotAVolunteer)) => {
            return Ok(see_other("/volunteer"))
        }
        Err(e) => return Err(e.into()),
    };
    Ok(private(render(&DeletePage {
        c,
        kept,
        errors: Vec::new(),
    })))
}

#[derive(serde::Deserialize)]
pub struct DeleteForm {
    #[serde(default)]
    confirm: String,
    #[allow(dead_code)]
    #[serde(default)]
    csrf: String,
}

/// `POST /volunteer/delete` (`confirm=yes`): erases the profile.
pub async fn delete(
    State(state): State<AppState>,
    c: Ctx,
    CurrentUser(user): CurrentUser,
    PageForm(form): PageForm<DeleteForm>,
) -> AppResult<Response> {
    if form.confirm != "yes" {
        let kept = app::deletion_preview(&state.store, user.id).await?;
        let errors = vec![FieldError::new("confirm", "required")];
        return Ok(private(render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &DeletePage { c, kept, errors },
        )));
    }
    match app::delete_my_profile(&state.store, user.id).await {
        // Deleted already (a repeated confirmation): done too.
        Ok(_) | Err(twiza_app::Error::Refused(Refusal::NotAVolunteer)) => {
            Ok(see_other("/volunteer?done=deleted"))
        }
        Err(e) => Err(e.into()),
    }
}

// ---------------------------------------------------------------------------------------------
// The host's side.

fn org_id(scope: &OrgScope) -> i64 {
    scope.org_id().0
}

#[derive(Template)]
#[template(path = "host_volunteering.html")]
struct VolunteeringPage {
    c: Ctx,
    org_id: i64,
    state: AccreditationState,
    accreditations: Vec<StoredAccreditation>,
    manager: bool,
    done: Option<&'static str>,
    today: time::Date,
}

impl VolunteeringPage {
    fn in_force(&self) -> Option<&StoredAccreditation> {
        match &self.state {
            AccreditationState::InForce(a) => Some(a),
            _ => None,
        }
    }
    /// The latest accreditation, ended.
    fn expired(&self) -> Option<&StoredAccreditation> {
        match &self.state {
            AccreditationState::NotInForce(a) if a.accreditation.valid_until < self.today => {
                Some(a)
            }
            _ => None,
        }
    }
    /// The latest accreditation, not started yet.
    fn not_yet(&self) -> Option<&StoredAccreditation> {
        match &self.state {
            AccreditationState::NotInForce(a) if a.accreditation.valid_from > self.today => Some(a),
            _ => None,
        }
    }
}

/// `GET /associations/{org_id}/volunteering`: the association's volunteering home.
pub async fn volunteering(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    ApiQuery(done): ApiQuery<DoneQuery>,
) -> AppResult<Response> {
    let today = app::today();
    let (accreditation, accreditations) =
        app::accreditation_state(&state.store, &scope, today).await?;
    Ok(render(&VolunteeringPage {
        c,
        org_id: org_id(&scope),
        state: accreditation,
        accreditations,
        manager: role_in(&scope, MANAGERS),
        done: done.key(&[("accredited", "host-accreditation-done")]),
        today,
    }))
}

#[derive(Template)]
#[template(path = "host_accreditation.html")]
struct AccreditationPage {
    c: Ctx,
    org_id: i64,
    form: DeclarationForm,
    creation_key: String,
    max_mb: usize,
}

fn accreditation_page(c: Ctx, scope: &OrgScope, form: DeclarationForm) -> AccreditationPage {
    let key = form.get("creation_key");
    let creation_key = if key.len() == 32 && key.bytes().all(|b| b.is_ascii_hexdigit()) {
        key.to_owned()
    } else {
        hex::encode(rand::random::<[u8; 16]>())
    };
    AccreditationPage {
        c,
        org_id: org_id(scope),
        form,
        creation_key,
        max_mb: MAX_DOCUMENT_BYTES / (1024 * 1024),
    }
}

/// `GET /associations/{org_id}/volunteering/accreditation`: the accreditation's form.
pub async fn accreditation_form(
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
) -> AppResult<Response> {
    Ok(render(&accreditation_page(
        c,
        &scope,
        DeclarationForm::default(),
    )))
}

/// `POST /associations/{org_id}/volunteering/accreditation` (multipart, the CSRF token in the
/// address; the document optional): records it, or the form again with each error next to its
/// field.
pub async fn record_accreditation(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    mut multipart: Multipart,
) -> AppResult<Response> {
    let mut pairs: Vec<(String, String)> = Vec::new();
    let mut document: Option<Vec<u8>> = None;
    let mut unreadable = false;
    loop {
        match multipart.next_field().await {
            Ok(Some(field)) => match field.name().map(str::to_owned) {
                Some(name) if name == "document" => match field.bytes().await {
                    Ok(bytes) if !bytes.is_empty() => document = Some(bytes.to_vec()),
                    Ok(_) => {}
                    Err(_) => unreadable = true,
                },
                Some(name) => pairs.push((name, field.text().await.unwrap_or_default())),
                None => {}
            },
            Ok(None) => break,
            Err(_) => {
                unreadable = true;
                break;
            }
        }
    }
    if unreadable {
        // A file beyond the limit: refused as an invalid document.
        document = Some(Vec::new());
    }
    let mut form = DeclarationForm::parse(Some(
        &serde_urlencoded::to_string(&pairs).unwrap_or_default(),
    ));
    let input = AccreditationInput {
        reference: form.get("reference"),
        issued_on: form.get("issued_on"),
        issuing_authority: form.get("issuing_authority"),
        valid_from: form.get("valid_from"),
        valid_until: form.get("valid_until"),
    };
    let key = form.get("creation_key");
    let key = (key.len() == 32).then_some(key);
    let result = app::record_accreditation(
        &state.store,
        &scope,
        user.id,
        &input,
        document.as_deref(),
        key,
    )
    .await;
    form.errors = match result {
        Ok(_) => {
            return Ok(see_other(&format!(
                "/associations/{}/volunteering?done=accredited",
                org_id(&scope)
            )))
        }
        Err(twiza_app::Error::Invalid(errors)) => errors,
        Err(e) => return Err(e.into()),
    };
    Ok(render_status(
        StatusCode::UNPROCESSABLE_ENTITY,
        &accreditation_page(c, &scope, form),
    ))
}

#[derive(Template)]
#[template(path = "host_volunteer.html")]
struct HostVolunteerPage {
    c: Ctx,
    org_id: i64,
    v: VolunteerProfile,
    record: Option<VolunteerDocument>,
    errors: Vec<FieldError>,
    done: Option<&'static str>,
}

async fn host_volunteer_page(
    state: &AppState,
    c: Ctx,
    scope: &OrgScope,
    reader: &User,
    volunteer: i64,
) -> AppResult<HostVolunteerPage> {
    let keys = &state.config.personal_data;
    let (v, documents) = app::host_view(&state.store, keys, scope, reader.id, volunteer).await?;
    Ok(HostVolunteerPage {
        c,
        org_id: org_id(scope),
        v,
        record: documents.into_iter().find(|d| d.kind == CRIMINAL_RECORD),
        errors: Vec::new(),
        done: None,
    })
}

/// `GET /associations/{org_id}/volunteers/{volunteer_id}`: a volunteer who applied to one of the
/// association's missions (a logged read); anyone else is not found.
pub async fn host_volunteer(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    params: RawPathParams,
    ApiQuery(done): ApiQuery<DoneQuery>,
) -> AppResult<Response> {
    let id = path_param(&params, "volunteer_id")?;
    let mut page = host_volunteer_page(&state, c, &scope, &user, id).await?;
    page.done = done.key(&[("record_checked", "host-volunteer-record-checked")]);
    Ok(private(render(&page)))
}

/// `GET /associations/{org_id}/volunteers/{volunteer_id}/documents/{document_id}`: the file (a
/// logged read), downloaded, never shown inline.
pub async fn host_document(
    State(state): State<AppState>,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    params: RawPathParams,
) -> AppResult<Response> {
    let volunteer = path_param(&params, "volunteer_id")?;
    let document = path_param(&params, "document_id")?;
    let (doc, content) =
        app::host_document(&state.store, &scope, user.id, volunteer, document).await?;
    Ok(crate::download::file_response(
        doc.media_type,
        content,
        &format!("criminal-record-{}", doc.id),
        crate::download::PRIVATE,
    ))
}

/// `POST /associations/{org_id}/volunteers/{volunteer_id}/record-check`: the criminal-record
/// certificate checked (who, when).
pub async fn record_check(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    params: RawPathParams,
    PageForm(_): PageForm<CsrfOnly>,
) -> AppResult<Response> {
    let id = path_param(&params, "volunteer_id")?;
    let errors = match app::check_record(&state.store, &scope, user.id, id).await {
        Ok(()) => {
            return Ok(see_other(&format!(
                "/associations/{}/volunteers/{id}?done=record_checked",
                org_id(&scope)
            )))
        }
        Err(twiza_app::Error::Invalid(errors)) => errors,
        Err(e) => return Err(e.into()),
    };
    let mut page = host_volunteer_page(&state, c, &scope, &user, id).await?;
    page.errors = errors;
    Ok(private(render_status(
        StatusCode::UNPROCESSABLE_ENTITY,
        &page,
    )))
}
