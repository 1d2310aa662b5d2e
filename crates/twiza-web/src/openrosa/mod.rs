//! The OpenRosa face for ODK Collect and KoboCollect: the form list, the forms as XForms with
//! their manifests and CSV media, and submissions (`HEAD`/`POST /openrosa/submission`), the
//! same under `/associations/{org_id}/openrosa/…` for an account in several associations.
//!
//! A channel for machine clients: no CSRF, no cookie; the agent's Twiza account by HTTP Basic
//! (e-mail and password checked as at sign-in, with its throttle) — Collect sends Basic only
//! over HTTPS, so Twiza sits behind TLS. Every answer is XML with `X-OpenRosa-Version: 1.0`;
//! an error is an `OpenRosaResponse` whose message's `nature` is the stable code, its text in
//! the caller's language. Submissions go through `twiza_app::openrosa`, the pages' use cases.

pub mod submission;
pub mod xform;

use crate::auth::{authenticate, client_address};
use crate::error::AppError;
use crate::AppState;
use axum::body::Body;
use axum::extract::{FromRequest, Multipart, RawPathParams, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use twiza_app::openrosa::{Receipt, MAX_INSTANCE_ID};
use twiza_domain::{OrgId, OrgRole, OrgScope};
use twiza_i18n::{Arg, Locale};
use twiza_store::User;
use xform::{DELIVERY, HOUSEHOLD, NEED_ASSESSMENT};

/// The largest submission request accepted (`X-OpenRosa-Accept-Content-Length`): Collect
/// splits a larger one.
pub const ACCEPT_CONTENT_LENGTH: usize = 10_000_000;
/// The body limit of the submission route: the accepted length and the multipart framing.
pub const SUBMISSION_BODY_LIMIT: usize = ACCEPT_CONTENT_LENGTH + 64 * 1024;
/// The roles that fill Twiza's forms (as on the pages: assessments and households).
const FIELD_ROLES: &[OrgRole] = crate::authz::FIELD;
/// Incidents offered in the assessment form.
const INCIDENTS_OFFERED: i64 = 50;
/// Deliveries offered in the delivery form (the oldest waiting first).
const DELIVERIES_OFFERED: i64 = 200;

/// Whether `path` is one of the OpenRosa routes (bare, or under an association).
pub fn is_openrosa_path(path: &str) -> bool {
    if path.starts_with("/openrosa/") {
        return true;
    }
    path.strip_prefix("/associations/")
        .and_then(|rest| rest.split_once('/'))
        .is_some_and(|(id, rest)| {
            id.bytes().all(|b| b.is_ascii_digit()) && rest.starts_with("openrosa/")
        })
}

/// The caller's language: the `twiza_lang` cookie, else `Accept-Language`.
fn locale_of(headers: &HeaderMap) -> Locale {
    let accept = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok());
    twiza_i18n::negotiate(
        crate::auth::cookie(headers, crate::auth::LANG_COOKIE),
        accept,
    )
}

fn openrosa(status: StatusCode, content_type: &'static str, body: impl Into<Body>) -> Response {
    let mut r = (status, body.into()).into_response();
    let h = r.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    h.insert("x-openrosa-version", HeaderValue::from_static("1.0"));
    r
}

fn xml(status: StatusCode, body: String) -> Response {
    openrosa(status, "text/xml; charset=utf-8", body)
}

/// An error as an OpenRosa response, its text in `locale`.
pub fn error_response(state: &AppState, locale: Locale, error: &AppError) -> Response {
    error_with(state, locale, error, &[])
}

fn error_with(
    state: &AppState,
    locale: Locale,
    error: &AppError,
    args: &[(&str, Arg<'_>)],
) -> Response {
    let key = AppError::message_key(error.code);
    let message = if state.messages.has(locale, &key) {
        state.messages.t_args(locale, &key, args)
    } else {
        state.messages.t(locale, "error-bad-request")
    };
    let mut r = xml(error.status, xform::response(error.code, &message));
    if error.status == StatusCode::UNAUTHORIZED {
        r.headers_mut().insert(
            header::WWW_AUTHENTICATE,
            HeaderValue::from_static("Basic realm=\"Twiza\", charset=\"UTF-8\""),
        );
    }
    if let Some(seconds) = error.retry_after {
        if let Ok(v) = HeaderValue::from_str(&seconds.to_string()) {
            r.headers_mut().insert(header::RETRY_AFTER, v);
        }
    }
    r
}

/// Who calls, in which association, and where its OpenRosa routes are.
struct Caller {
    user: User,
    scope: OrgScope,
    /// `…/openrosa` (absolute), the prefix of the URLs handed to Collect.
    base: String,
}

/// The e-mail and password of an `Authorization: Basic` header.
fn basic(headers: &HeaderMap) -> Option<(String, String)> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, encoded) = value.trim().split_once(' ')?;
    if !scheme.eq_ignore_ascii_case("basic") {
        return None;
    }
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(encoded.trim())
        .ok()?;
    let text = String::from_utf8(decoded).ok()?;
    let (email, password) = text.split_once(':')?;
    Some((email.to_owned(), password.to_owned()))
}

/// This server's address as Collect reached it: the configured public address, else the
/// request's `Host` (over http: behind TLS, set `public_url`).
fn origin(state: &AppState, headers: &HeaderMap) -> String {
    if let Some(url) = &state.config.public_url {
        return url.trim_end_matches('/').to_owned();
    }
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .filter(|h| {
            h.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b".-:[]".contains(&b))
        })
        .unwrap_or("localhost");
    format!("http://{host}")
}

fn org_param(params: &RawPathParams) -> Option<Result<i64, AppError>> {
    params
        .iter()
        .find(|(n, _)| *n == "org_id")
        .map(|(_, v)| v.parse::<i64>().map_err(|_| AppError::not_found()))
}

/// Authenticates the caller by HTTP Basic and finds the association the request is for.
async fn caller(
    state: &AppState,
    headers: &HeaderMap,
    extensions: &axum::http::Extensions,
    params: &RawPathParams,
) -> Result<Caller, Response> {
    let locale = locale_of(headers);
    let fail = |e: AppError| error_response(state, locale, &e);
    let (email, password) = basic(headers).ok_or_else(|| fail(AppError::unauthenticated()))?;
    let user = authenticate(state, &email, &password, &client_address(extensions))
        .await
        .map_err(fail)?;
    let origin = origin(state, headers);
    let (org, role) = match org_param(params) {
        Some(id) => {
            let org = OrgId(id.map_err(fail)?);
            let role = state
                .store
                .membership(org, user.id)
                .await
                .map_err(|e| fail(e.into()))?
                .ok_or_else(|| fail(AppError::not_found()))?;
            (org, role)
        }
        None => {
            let memberships = state
                .store
                .memberships_of(user.id)
                .await
                .map_err(|e| fail(e.into()))?;
            match memberships.as_slice() {
                [] => return Err(fail(AppError::forbidden())),
                [one] => (one.org_id, one.role),
                several => {
                    let urls: Vec<String> = several
                        .iter()
                        .map(|m| format!("{origin}/associations/{}/openrosa", m.org_id.0))
                        .collect();
                    let error = AppError::new(StatusCode::CONFLICT, "openrosa_choose_association");
                    return Err(error_with(
                        state,
                        locale,
                        &error,
                        &[("urls", Arg::Str(&urls.join(" ")))],
                    ));
                }
            }
        }
    };
    let base = match org_param(params) {
        Some(_) => format!("{origin}/associations/{}/openrosa", org.0),
        None => format!("{origin}/openrosa"),
    };
    Ok(Caller {
        user,
        scope: OrgScope::for_member(org, role),
        base,
    })
}

fn may_fill(scope: &OrgScope) -> bool {
    crate::authz::role_in(scope, FIELD_ROLES)
}

fn path_value<'a>(params: &'a RawPathParams, name: &str) -> &'a str {
    params
        .iter()
        .find(|(n, _)| *n == name)
        .map_or("", |(_, v)| v)
}

/// `GET /openrosa/formList`: the forms the caller fills, with their hashes and manifests.
pub async fn form_list(
    State(state): State<AppState>,
    params: RawPathParams,
    request: Request,
) -> Response {
    let (parts, _) = request.into_parts();
    let c = match caller(&state, &parts.headers, &parts.extensions, &params).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let locale = locale_of(&parts.headers);
    let mut forms = Vec::new();
    if may_fill(&c.scope) {
        for id in xform::FORMS {
            let Some(form) = xform::xform(&state.messages, id) else {
                continue;
            };
            forms.push((
                id,
                state.messages.t(locale, xform::title_key(id)),
                xform::version_of(&form).to_owned(),
                xform::md5_hash(form.as_bytes()),
            ));
        }
    }
    let urls: Vec<(String, String)> = forms
        .iter()
        .map(|(id, ..)| {
            (
                format!("{}/forms/{id}", c.base),
                format!("{}/forms/{id}/manifest", c.base),
            )
        })
        .collect();
    let listed: Vec<xform::Listed<'_>> = forms
        .iter()
        .zip(&urls)
        .map(
            |((id, name, version, hash), (download, manifest))| xform::Listed {
                form_id: id,
                name,
                version,
                hash,
                download_url: download,
                manifest_url: manifest,
            },
        )
        .collect();
    xml(StatusCode::OK, xform::form_list(&listed))
}

/// The caller's form, or the answer to give instead.
async fn known_form(
    state: &AppState,
    params: &RawPathParams,
    request: Request,
) -> Result<(Caller, &'static str, String, HeaderMap), Response> {
    let (parts, _) = request.into_parts();
    let c = caller(state, &parts.headers, &parts.extensions, params).await?;
    let locale = locale_of(&parts.headers);
    let wanted = path_value(params, "form_id");
    let id = xform::FORMS.into_iter().find(|f| *f == wanted);
    match id.and_then(|id| xform::xform(&state.messages, id).map(|x| (id, x))) {
        Some((id, form)) if may_fill(&c.scope) => Ok((c, id, form, parts.headers)),
        Some(_) => Err(error_response(state, locale, &AppError::forbidden())),
        None => Err(error_response(
            state,
            locale,
            &AppError::new(StatusCode::NOT_FOUND, "unknown_form"),
        )),
    }
}

/// `GET /openrosa/forms/{form_id}`: the XForm.
pub async fn form(
    State(state): State<AppState>,
    params: RawPathParams,
    request: Request,
) -> Response {
    match known_form(&state, &params, request).await {
        Ok((_, _, form, _)) => xml(StatusCode::OK, form),
        Err(r) => r,
    }
}

/// `GET /openrosa/forms/{form_id}/manifest`: the form's CSV media with their hashes.
pub async fn manifest(
    State(state): State<AppState>,
    params: RawPathParams,
    request: Request,
) -> Response {
    let (c, id, _, headers) = match known_form(&state, &params, request).await {
        Ok(found) => found,
        Err(r) => return r,
    };
    let mut files = Vec::new();
    for name in xform::media_of(id) {
        match media_bytes(&state, &c.scope, c.user.id, id, name).await {
            Ok(bytes) => files.push((
                *name,
                xform::md5_hash(bytes.as_bytes()),
                format!("{}/forms/{id}/media/{name}", c.base),
            )),
            Err(e) => return error_response(&state, locale_of(&headers), &e),
        }
    }
    xml(StatusCode::OK, xform::manifest(&files))
}

/// `GET /openrosa/forms/{form_id}/media/{file}`: one CSV choice list.
pub async fn media(
    State(state): State<AppState>,
    params: RawPathParams,
    request: Request,
) -> Response {
    let (c, id, _, headers) = match known_form(&state, &params, request).await {
        Ok(found) => found,
        Err(r) => return r,
    };
    let wanted = path_value(&params, "file");
    let Some(name) = xform::media_of(id).iter().find(|f| **f == wanted) else {
        return error_response(&state, locale_of(&headers), &AppError::not_found());
    };
    match media_bytes(&state, &c.scope, c.user.id, id, name).await {
        Ok(bytes) => openrosa(StatusCode::OK, "text/csv; charset=utf-8", bytes),
        Err(e) => error_response(&state, locale_of(&headers), &e),
    }
}

/// A label in Latin and Arabic script, for choices whose names exist in French and Arabic.
fn both(fr: &str, ar: &str) -> String {
    format!("{fr} · {ar}")
}

/// The CSV file `name` for this agent: the incidents in the agent's communes (every incident
/// when no commune was given), their communes within the agent's, the douars there, and the
/// association's deliveries there waiting for the agent's proof. The household form's communes
/// are listed once each; the assessment's, once per incident (its choices filter on it).
async fn media_bytes(
    state: &AppState,
    scope: &OrgScope,
    agent: twiza_domain::UserId,
    form_id: &str,
    name: &str,
) -> Result<String, AppError> {
    let store = &state.store;
    let mine = twiza_app::field::assessment_communes(store, scope, agent).await?;
    let within = |code: &str| mine.as_ref().is_none_or(|m| m.iter().any(|c| c == code));
    let incidents = store
        .incidents_in(mine.as_deref(), INCIDENTS_OFFERED)
        .await?;
    let geo = twiza_geo::geo();
    let commune_label = |code: &str| {
        twiza_geo::CommuneCode::parse(code)
            .ok()
            .and_then(|c| geo.commune(&c))
            .map_or_else(|| code.to_owned(), |c| both(&c.name_fr, &c.name_ar))
    };
    let mut rows = Vec::new();
    let columns: &[&str] = match name {
        "incidents.csv" => {
            for i in &incidents {
                rows.push(xform::Choice {
                    name: i.id.to_string(),
                    label: both(&i.title_fr, &i.title_ar),
                    filters: Vec::new(),
                });
            }
            &[]
        }
        "communes.csv" => {
            let per_incident = form_id == NEED_ASSESSMENT;
            let mut seen = std::collections::BTreeSet::new();
            for i in &incidents {
                for code in store.incident_communes(i.id).await? {
                    if within(&code) && (per_incident || seen.insert(code.clone())) {
                        rows.push(xform::Choice {
                            label: commune_label(&code),
                            filters: vec![("incident", i.id.to_string())],
                            name: code,
                        });
                    }
                }
            }
            if per_incident {
                &["incident"]
            } else {
                &[]
            }
        }
        "douars.csv" => {
            for i in &incidents {
                for d in store.incident_douars(i.id).await? {
                    if within(&d.commune_code) {
                        rows.push(xform::Choice {
                            name: d.id.to_string(),
                            label: both(&d.name_fr, &d.name_ar),
                            filters: vec![
                                ("commune", d.commune_code.clone()),
                                ("incident", i.id.to_string()),
                            ],
                        });
                    }
                }
            }
            &["commune", "incident"]
        }
        "deliveries.csv" => {
            let waiting = match &mine {
                Some(communes) => {
                    store
                        .deliveries_waiting_in(scope, communes, DELIVERIES_OFFERED)
                        .await?
                }
                None => store.deliveries_of(scope, None, DELIVERIES_OFFERED).await?,
            };
            for d in waiting
                .iter()
                .filter(|d| d.status == "awaiting_proof" && d.proof_method == "agent")
            {
                rows.push(xform::Choice {
                    name: d.id.to_string(),
                    label: format!(
                        "{} × {} · {}",
                        both(&d.item_fr, &d.item_ar),
                        d.quantity,
                        commune_label(&d.commune_code)
                    ),
                    filters: Vec::new(),
                });
            }
            &[]
        }
        _ => return Err(AppError::not_found()),
    };
    Ok(xform::choices_csv(&rows, columns))
}

/// `HEAD /openrosa/submission`: 204 with the accepted length, once authenticated.
pub async fn submission_head(
    State(state): State<AppState>,
    params: RawPathParams,
    request: Request,
) -> Response {
    let (parts, _) = request.into_parts();
    if let Err(r) = caller(&state, &parts.headers, &parts.extensions, &params).await {
        return r;
    }
    let mut r = openrosa(
        StatusCode::NO_CONTENT,
        "text/xml; charset=utf-8",
        Body::empty(),
    );
    r.headers_mut().insert(
        "x-openrosa-accept-content-length",
        HeaderValue::from(ACCEPT_CONTENT_LENGTH),
    );
    r
}

/// The parts of a submission request.
struct Parts {
    xml: Vec<u8>,
    /// Attachments (photos): part name, file name and bytes.
    attachments: Vec<(String, String, Vec<u8>)>,
}

async fn read_parts(state: &AppState, request: Request) -> Result<Parts, AppError> {
    let malformed = || AppError::bad_request("malformed_submission");
    let mut multipart = Multipart::from_request(request, state)
        .await
        .map_err(|_| malformed())?;
    let mut xml = None;
    let mut attachments = Vec::new();
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => break,
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                return Err(AppError::new(
                    StatusCode::PAYLOAD_TOO_LARGE,
                    "payload_too_large",
                ))
            }
            Err(_) => return Err(malformed()),
        };
        let name = field.name().unwrap_or_default().to_owned();
        let file_name = field.file_name().unwrap_or_default().to_owned();
        let bytes = match field.bytes().await {
            Ok(b) => b,
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                return Err(AppError::new(
                    StatusCode::PAYLOAD_TOO_LARGE,
                    "payload_too_large",
                ))
            }
            Err(_) => return Err(malformed()),
        };
        if name == "xml_submission_file" {
            xml = Some(bytes.to_vec());
        } else {
            attachments.push((name, file_name, bytes.to_vec()));
        }
    }
    Ok(Parts {
        xml: xml.ok_or_else(malformed)?,
        attachments,
    })
}

/// `POST /openrosa/submission`: a filled form (`xml_submission_file`) and its attachments,
/// written through the page's use case once per `meta/instanceID`; 201 with an OpenRosa
/// message, or the refusal's code and message, nothing written. Refused
/// `openrosa_version_required` without the `X-OpenRosa-Version` header.
pub async fn submit(
    State(state): State<AppState>,
    params: RawPathParams,
    request: Request,
) -> Response {
    let locale = locale_of(request.headers());
    // Collect always sends `X-OpenRosa-Version`; a cross-site form cannot (this channel has no
    // CSRF token, and a browser may resend Basic credentials it once answered): without it,
    // nothing is read, not even the credentials.
    if !request.headers().contains_key("x-openrosa-version") {
        let error = AppError::bad_request("openrosa_version_required");
        return error_response(&state, locale, &error);
    }
    let c = match caller(&state, request.headers(), request.extensions(), &params).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    match receive(&state, &c, request).await {
        Ok(received) => {
            let key = if received.replayed {
                "openrosa-received-again"
            } else {
                "openrosa-received"
            };
            xml(
                StatusCode::CREATED,
                xform::response("submit_success", &state.messages.t(locale, key)),
            )
        }
        Err(e) => error_response(&state, locale, &e),
    }
}

fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    hex::encode(sha2::Sha256::digest(bytes))
}

async fn receive(
    state: &AppState,
    c: &Caller,
    request: Request,
) -> Result<twiza_app::openrosa::Received, AppError> {
    let parts = read_parts(state, request).await?;
    let malformed = || AppError::bad_request("malformed_submission");
    let instance = submission::read(&parts.xml).ok_or_else(malformed)?;
    let instance_id = instance.instance_id();
    if instance_id.is_empty() || instance_id.len() > MAX_INSTANCE_ID {
        return Err(malformed());
    }
    if !may_fill(&c.scope) {
        return Err(AppError::forbidden());
    }
    let content_hash = sha256_hex(&parts.xml);
    let receipt = Receipt {
        form_id: &instance.form_id,
        instance_id,
        content_hash: &content_hash,
        by: c.user.id,
    };
    let root = &instance.root;
    match instance.form_id.as_str() {
        NEED_ASSESSMENT => {
            crate::authz::require_verified(state, &c.scope).await?;
            let incident = count(root.get("incident"), "incident")?.ok_or_else(|| {
                AppError::from(twiza_domain::FieldError::new("incident", "required"))
            })?;
            let optional = |v: &str| Some(v.to_owned()).filter(|v| !v.is_empty());
            let body = twiza_app::crisis::NeedCreate {
                commune: root.get("commune").to_owned(),
                douar_id: count(root.get("douar"), "douar")?,
                category: root.get("category").to_owned(),
                urgency: root.get("urgency").to_owned(),
                households: count(root.get("households"), "households")?,
                people: count(root.get("people"), "people")?,
                latitude: None,
                longitude: None,
                description: optional(root.get("note")),
                contact_name: None,
                contact_phone: None,
            };
            Ok(twiza_app::openrosa::assess(
                &state.store,
                &state.need_intake,
                &state.config.personal_data,
                &state.config.identity_key,
                &c.scope,
                incident,
                &body,
                &receipt,
            )
            .await?)
        }
        HOUSEHOLD => {
            let record = household(root)?;
            Ok(twiza_app::openrosa::register_household(
                &state.store,
                &state.config.personal_data,
                &c.scope,
                &record,
                &receipt,
            )
            .await?)
        }
        DELIVERY => {
            let delivery = count(root.get("delivery"), "delivery")?.ok_or_else(|| {
                AppError::from(twiza_domain::FieldError::new("delivery", "required"))
            })?;
            // The photo element names its attachment (by part name, or by file name).
            let wanted = root.get("photo");
            let photo = parts
                .attachments
                .iter()
                .find(|(name, file, _)| !wanted.is_empty() && (name == wanted || file == wanted))
                .map(|(_, _, bytes)| bytes.as_slice())
                .ok_or_else(|| {
                    AppError::from(twiza_domain::FieldError::new("photo", "invalid_photo"))
                })?;
            Ok(twiza_app::openrosa::confirm_delivery(
                &state.store,
                &c.scope,
                delivery,
                (root.get("statement"), photo),
                &receipt,
                state.notices(),
            )
            .await?)
        }
        _ => Err(AppError::new(StatusCode::NOT_FOUND, "unknown_form")),
    }
}

/// A whole number of a submission (`None` when empty), else `validation` on `field`.
fn count(raw: &str, field: &'static str) -> Result<Option<i64>, AppError> {
    if raw.is_empty() {
        return Ok(None);
    }
    raw.parse::<i64>()
        .map(Some)
        .map_err(|_| twiza_domain::FieldError::new(field, "validation").into())
}

/// A household of a submission, checked as the registry page checks it.
fn household(root: &submission::Element) -> Result<twiza_store::HouseholdRecord, AppError> {
    use twiza_app::registry::{parse_household, HouseholdFields};
    use twiza_domain::registry::{HouseholdInput, PersonInput};
    let members: Vec<PersonInput<'_>> = root
        .all("members")
        .map(|m| PersonInput {
            given_name_ar: m.get("given_name_ar"),
            family_name_ar: m.get("family_name_ar"),
            given_name_lat: m.get("given_name_lat"),
            family_name_lat: m.get("family_name_lat"),
            sex: m.get("sex"),
            birth_date: m.get("birth_date"),
            relation: m.get("relation"),
            disability: m.get("disability"),
            schooling: m.get("schooling"),
            phone: "",
            cin: "",
            idcs: "",
        })
        .collect();
    let fields = HouseholdFields {
        household: HouseholdInput {
            commune: root.get("commune"),
            douar: root.get("douar"),
            address: "",
            housing_damage: root.get("housing_damage"),
        },
        consent_purpose: root.get("consent_purpose"),
        consent_legal_basis: root.get("consent_legal_basis"),
        consent_channel: root.get("consent_channel"),
        members,
        index: None,
    };
    let today = time::OffsetDateTime::now_utc().date();
    parse_household(&fields, today).map_err(|e| AppError::from(twiza_app::Error::from(e)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn openrosa_paths_are_recognized() {
        assert!(is_openrosa_path("/openrosa/formList"));
        assert!(is_openrosa_path("/associations/12/openrosa/submission"));
        assert!(!is_openrosa_path("/associations/12/manage"));
        assert!(!is_openrosa_path("/associations/x/openrosa/formList"));
        assert!(!is_openrosa_path("/openrosa"));
    }

    #[test]
    fn basic_credentials_are_read() {
        let mut h = HeaderMap::new();
        h.insert(
            header::AUTHORIZATION,
            HeaderValue::from_static("Basic YWdlbnRAeC5tYTpzZWNyZXQ6Og=="),
        );
        assert_eq!(
            basic(&h),
            Some(("agent@x.ma".to_owned(), "secret::".to_owned()))
        );
        h.insert(header::AUTHORIZATION, HeaderValue::from_static("Bearer x"));
        assert_eq!(basic(&h), None);
    }
}
