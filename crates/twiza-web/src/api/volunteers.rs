//! `/api/v1/volunteer`: the signed-in account signs up as a volunteer (the same checks and
//! refusals as the sign-up page) and reads its own profile — never anyone else's: there is no
//! id in the path.

use super::{ApiJson, CurrentUser};
use crate::error::{AppError, AppResult, ErrorBody};
use crate::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use serde::{Deserialize, Serialize};
use twiza_app::volunteers as app;
use twiza_domain::volunteer::{Skill, VolunteerInput, VolunteerLanguage};
use utoipa::ToSchema;

/// An emergency contact.
#[derive(Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EmergencyContact {
    pub name: String,
    /// A Moroccan phone number.
    pub phone: String,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct VolunteerCreate {
    pub name: String,
    /// `YYYY-MM-DD`; the volunteer is 18 or over.
    pub birth_date: String,
    /// The national identity card's number (kept sealed).
    pub cin: String,
    /// A Moroccan phone number (kept sealed).
    pub phone: String,
    /// Skill codes (`first_aid`, `nursing`, `driving_4x4`, …).
    #[serde(default)]
    pub skills: Vec<String>,
    /// Language codes (`ar`, `ary`, `shi`, `tzm`, `rif`, `fr`, `en`, `es`); at least one.
    pub languages: Vec<String>,
    /// Weekdays available, `1` Monday … `7` Sunday; at least one.
    pub weekdays: Vec<u8>,
    #[serde(default)]
    pub available_from: Option<String>,
    #[serde(default)]
    pub available_until: Option<String>,
    /// HCP commune codes; 1 to 20.
    pub communes: Vec<String>,
    pub emergency_contact: EmergencyContact,
}

#[derive(Serialize, ToSchema)]
pub struct VolunteerCreated {
    pub id: i64,
    /// `V-<id>`.
    pub reference: String,
}

/// The account's own profile.
#[derive(Serialize, ToSchema)]
pub struct VolunteerView {
    pub reference: String,
    pub name: String,
    pub birth_date: String,
    pub cin: String,
    pub phone: String,
    pub skills: Vec<String>,
    pub languages: Vec<String>,
    pub weekdays: Vec<u8>,
    pub available_from: Option<String>,
    pub available_until: Option<String>,
    pub communes: Vec<String>,
    pub emergency_contact: EmergencyContact,
    /// Minutes given on shifts worked.
    pub minutes_given: i64,
}

/// Signs the account up as a volunteer: every invalid field is named (`volunteer_under_18`,
/// `date_in_future` on the birth date); one profile per account and per person.
#[utoipa::path(post, path = "/api/v1/volunteer", tag = "volunteering",
    request_body = VolunteerCreate,
    responses((status = 201, body = VolunteerCreated), (status = 422, body = ErrorBody),
              (status = 409, body = ErrorBody, description = "`volunteer_exists`: the account, or this identity number, already has a profile")),
    security(("bearer" = [])))]
pub async fn sign_up(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    ApiJson(body): ApiJson<VolunteerCreate>,
) -> AppResult<(StatusCode, Json<VolunteerCreated>)> {
    let weekdays: Vec<String> = body.weekdays.iter().map(u8::to_string).collect();
    let input = VolunteerInput {
        name: &body.name,
        birth_date: &body.birth_date,
        cin: &body.cin,
        phone: &body.phone,
        skills: body.skills.iter().map(String::as_str).collect(),
        languages: body.languages.iter().map(String::as_str).collect(),
        weekdays: weekdays.iter().map(String::as_str).collect(),
        available_from: body.available_from.as_deref().unwrap_or_default(),
        available_until: body.available_until.as_deref().unwrap_or_default(),
        communes: body.communes.iter().map(String::as_str).collect(),
        emergency_name: &body.emergency_contact.name,
        emergency_phone: &body.emergency_contact.phone,
    };
    let keys = &state.config.personal_data;
    let id = app::sign_up(&state.store, keys, user.id, &input).await?;
    Ok((
        StatusCode::CREATED,
        Json(VolunteerCreated {
            id,
            reference: format!("V-{id}"),
        }),
    ))
}

/// The account's own volunteer profile; `not_found` before it signs up.
#[utoipa::path(get, path = "/api/v1/volunteer", tag = "volunteering",
    responses((status = 200, body = VolunteerView), (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn mine(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
) -> AppResult<Json<VolunteerView>> {
    let keys = &state.config.personal_data;
    let p = app::my_profile(&state.store, keys, user.id)
        .await?
        .ok_or_else(AppError::not_found)?;
    Ok(Json(VolunteerView {
        skills: Skill::of_mask(p.skills)
            .iter()
            .map(|s| s.as_str().to_owned())
            .collect(),
        languages: VolunteerLanguage::of_mask(p.languages)
            .iter()
            .map(|l| l.as_str().to_owned())
            .collect(),
        weekdays: (1..=7u8)
            .filter(|d| p.weekdays & (1 << (d - 1)) != 0)
            .collect(),
        reference: p.reference,
        name: p.name,
        birth_date: p.birth_date,
        cin: p.cin,
        phone: p.phone,
        available_from: p.available_from,
        available_until: p.available_until,
        communes: p.communes,
        emergency_contact: EmergencyContact {
            name: p.emergency_name,
            phone: p.emergency_phone,
        },
        minutes_given: p.minutes_given,
    }))
}
