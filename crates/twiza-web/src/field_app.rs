//! The offline field app under `/field/`: its localized shell pages (what waits, an
//! assessment, a household with its members, a delivery confirmed by the family's code, what
//! the phone holds), its manifest, service worker and script, the reference data a device keeps
//! (`GET /field/api/{org_id}/bundle`) and the sync of the records made offline
//! (`POST /field/api/{org_id}/sync`) through `twiza_app::field_sync`. A thin face: the rules
//! are the use cases'.

use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::extract::CurrentUser;
use crate::pages::registry::{choices, Choices};
use crate::pages::render;
use crate::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use twiza_app::field_sync::{self, DeviceRecord, SyncServices, MAX_BATCH};
use twiza_domain::crisis::{NeedCategory, Urgency};
use twiza_domain::OrgScope;
use twiza_i18n::Arg;

/// The screens of the app, each a page the service worker keeps.
pub const SCREENS: [&str; 5] = ["", "assessment", "household", "delivery", "device"];

/// Member rows the household screen shows (the app adds more, up to `MEMBER_LEGENDS`; blank
/// ones are left out).
const MEMBER_ROWS: i64 = 1;
const MEMBER_LEGENDS: i64 = 12;

#[derive(Template)]
#[template(path = "field_app.html", whitespace = "minimize")]
struct Shell {
    c: Ctx,
    screen: &'static str,
    /// The association the app works for; `None`: the account is no field member anywhere.
    org_id: Option<i64>,
    choices: Choices,
    categories: &'static [NeedCategory],
    urgencies: &'static [Urgency],
    rows: Vec<i64>,
    legends: Vec<i64>,
}

async fn shell(
    state: &AppState,
    c: Ctx,
    user: &twiza_store::User,
    screen: &'static str,
) -> AppResult<Response> {
    let org_id = state
        .store
        .memberships_of(user.id)
        .await?
        .into_iter()
        .find(|m| crate::authz::FIELD.contains(&m.role))
        .map(|m| m.org_id.0);
    let page = Shell {
        choices: choices(&c),
        c,
        screen,
        org_id,
        categories: NeedCategory::ALL,
        urgencies: Urgency::ALL,
        rows: (1..=MEMBER_ROWS).collect(),
        legends: (1..=MEMBER_LEGENDS).collect(),
    };
    let mut response = render(&page);
    // The service worker keeps its own copy; the browser's cache must not serve an old one.
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("no-cache"),
    );
    Ok(response)
}

/// `GET /field/`: what waits on the phone, what went through, and the sync.
pub async fn home(
    State(state): State<AppState>,
    c: Ctx,
    CurrentUser(user): CurrentUser,
) -> AppResult<Response> {
    shell(&state, c, &user, "").await
}

/// `GET /field/assessment`: a need assessed offline.
pub async fn assessment(
    State(state): State<AppState>,
    c: Ctx,
    CurrentUser(user): CurrentUser,
) -> AppResult<Response> {
    shell(&state, c, &user, "assessment").await
}

/// `GET /field/household`: a household with its members registered offline.
pub async fn household(
    State(state): State<AppState>,
    c: Ctx,
    CurrentUser(user): CurrentUser,
) -> AppResult<Response> {
    shell(&state, c, &user, "household").await
}

/// `GET /field/delivery`: a delivery confirmed by the family's code, checked at the sync.
pub async fn delivery(
    State(state): State<AppState>,
    c: Ctx,
    CurrentUser(user): CurrentUser,
) -> AppResult<Response> {
    shell(&state, c, &user, "delivery").await
}

/// `GET /field/device`: what this phone holds.
pub async fn device(
    State(state): State<AppState>,
    c: Ctx,
    CurrentUser(user): CurrentUser,
) -> AppResult<Response> {
    shell(&state, c, &user, "device").await
}

fn asset(content_type: &'static str, body: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        body,
    )
        .into_response()
}

/// The script as sent: its full-line comments and indentation left out (the service worker
/// serves it uncompressed, and pages are weighed with it).
static SCRIPT: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    APP_JS
        .lines()
        .map(str::trim)
        .filter(|line| !line.starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
});

/// `GET /field/app.js`: the app's one module (IndexedDB, forms, sync).
pub async fn script() -> Response {
    asset("text/javascript; charset=utf-8", SCRIPT.as_str())
}

const APP_JS: &str = include_str!("../static/field/app.js");
const SW_JS: &str = include_str!("../static/field/sw.js");
const SHELL_TEMPLATE: &str = include_str!("../templates/field_app.html");

/// The shell's version: the first 16 hex digits of the SHA-256 of the script, the shell's
/// template and the worker itself, so each release that changes one installs a new worker.
pub fn shell_version() -> String {
    use sha2::{Digest, Sha256};
    let mut hash = Sha256::new();
    for part in [APP_JS, SHELL_TEMPLATE, SW_JS] {
        hash.update((part.len() as u64).to_le_bytes());
        hash.update(part.as_bytes());
    }
    hex::encode(&hash.finalize()[..8])
}

/// The worker's text with its cache named after the shell's version, computed once.
static SERVICE_WORKER: std::sync::LazyLock<String> =
    std::sync::LazyLock::new(|| SW_JS.replace("__SHELL_VERSION__", &shell_version()));

/// `GET /field/sw.js`: the service worker (scope `/field/`): keeps the shell, serves it when
/// offline, and lets `/field/api/` go to the network. Its cache is named after the shell's
/// version: a new release installs a new worker, which precaches the whole shell together and
/// deletes the old caches.
pub async fn service_worker() -> Response {
    asset("text/javascript; charset=utf-8", SERVICE_WORKER.as_str())
}

/// `GET /field/icon.svg`: the app's icon.
pub async fn icon() -> Response {
    asset("image/svg+xml", include_str!("../static/field/icon.svg"))
}

/// `GET /field/manifest.webmanifest`: the installable app, named in the reader's language.
pub async fn manifest(c: Ctx) -> Response {
    let body = serde_json::json!({
        "name": c.t("field-app-title"),
        "short_name": c.t("app-name"),
        "start_url": "/field/",
        "scope": "/field/",
        "display": "standalone",
        "lang": c.lang(),
        "dir": c.dir(),
        "background_color": "#ffffff",
        "theme_color": "#0b5394",
        "icons": [
            {"src": "/field/icon.svg", "sizes": "any", "type": "image/svg+xml", "purpose": "any"}
        ],
    });
    (
        [
            (header::CONTENT_TYPE, "application/manifest+json"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        body.to_string(),
    )
        .into_response()
}

#[derive(Serialize)]
pub struct Named {
    pub code: String,
    pub name: String,
}

#[derive(Serialize)]
pub struct BundleDouar {
    pub id: i64,
    pub commune: String,
    pub name: String,
}

#[derive(Serialize)]
pub struct BundleIncident {
    pub id: i64,
    pub title: String,
    pub communes: Vec<Named>,
    pub douars: Vec<BundleDouar>,
}

#[derive(Serialize)]
pub struct BundleNeed {
    pub reference: String,
    pub incident: i64,
    pub label: String,
}

#[derive(Serialize)]
pub struct BundleDelivery {
    pub id: i64,
    pub need_reference: String,
    pub label: String,
}

/// What a device keeps: only what the agent's role and communes allow, and nothing that
/// identifies a person or would let the device check a family's code.
#[derive(Serialize)]
pub struct Bundle {
    pub org: i64,
    /// The signed-in account: the app stamps it on every record and keeps another account's
    /// records from being sent or shown under this one.
    pub user: i64,
    /// The account's name, shown next to records that belong to it when another one is signed in.
    pub account: String,
    /// The session's CSRF token, which the sync echoes.
    pub csrf: String,
    pub lang: &'static str,
    /// Days without a sync after which the app clears the phone.
    pub wipe_after_days: u32,
    /// The agent's communes (HCP codes); empty: none given, every incident's communes.
    pub communes: Vec<String>,
    pub incidents: Vec<BundleIncident>,
    pub items: Vec<Named>,
    pub categories: Vec<Named>,
    pub urgencies: Vec<Named>,
    pub needs: Vec<BundleNeed>,
    pub deliveries: Vec<BundleDelivery>,
}

/// `GET /field/api/{org_id}/bundle`: the reference data of the agent's work.
pub async fn bundle(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
) -> AppResult<Response> {
    let store = &state.store;
    let home = twiza_app::field::agent_home(store, &scope, user.id).await?;
    let mine = twiza_app::field::assessment_communes(store, &scope, user.id).await?;
    let within = |code: &str| mine.as_ref().is_none_or(|m| m.iter().any(|c| c == code));
    let mut incidents = Vec::new();
    for i in store.incidents_in(mine.as_deref(), 20).await? {
        let communes = store
            .incident_communes(i.id)
            .await?
            .into_iter()
            .filter(|code| within(code))
            .map(|code| Named {
                name: c.commune_name(&code),
                code,
            })
            .collect();
        let douars = store
            .incident_douars(i.id)
            .await?
            .into_iter()
            .filter(|d| within(&d.commune_code))
            .map(|d| BundleDouar {
                id: d.id,
                name: c.douar_name(&d).to_owned(),
                commune: d.commune_code,
            })
            .collect();
        incidents.push(BundleIncident {
            id: i.id,
            title: c.field_incident_title(&i).to_owned(),
            communes,
            douars,
        });
    }
    let items = store
        .items()
        .await?
        .into_iter()
        .map(|i| Named {
            name: c.item_name(&i.name_ar, &i.name_fr),
            code: i.code,
        })
        .collect();
    let body = Bundle {
        org: scope.org_id().0,
        user: user.id.0,
        account: user.display_name.clone(),
        csrf: c.csrf.clone(),
        lang: c.lang(),
        wipe_after_days: state.config.field_app_wipe_days,
        communes: home.communes.clone(),
        categories: NeedCategory::ALL
            .iter()
            .map(|k| Named {
                code: k.as_str().to_owned(),
                name: c.category_name(k),
            })
            .collect(),
        urgencies: Urgency::ALL
            .iter()
            .map(|u| Named {
                code: u.as_str().to_owned(),
                name: c.urgency_name(u),
            })
            .collect(),
        needs: home
            .needs
            .iter()
            .map(|n| BundleNeed {
                reference: n.reference.clone(),
                incident: n.incident_id,
                label: c.field_need_label(n),
            })
            .collect(),
        deliveries: home
            .deliveries
            .iter()
            .filter(|d| d.proof_method == "otp")
            .map(|d| BundleDelivery {
                id: d.id,
                need_reference: d.need_reference.clone(),
                label: format!(
                    "{} · {} {} · {}",
                    c.place_of(&d.commune_code, &d.douar_ar, &d.douar_fr),
                    d.quantity,
                    c.item_name(&d.item_ar, &d.item_fr),
                    c.households_count(d.households)
                ),
            })
            .collect(),
        incidents,
        items,
    };
    Ok(([(header::CACHE_CONTROL, "no-store")], Json(body)).into_response())
}

/// A batch of records made offline.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SyncBatch {
    pub records: Vec<SyncItem>,
}

/// One record: the id its device made, its kind and its fields.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SyncItem {
    pub id: String,
    pub kind: String,
    pub data: Value,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AssessmentData {
    incident: i64,
    commune: String,
    #[serde(default)]
    douar_id: Option<i64>,
    category: String,
    urgency: String,
    #[serde(default)]
    households: Option<i64>,
    #[serde(default)]
    people: Option<i64>,
    #[serde(default)]
    description: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DeliveryData {
    delivery: i64,
    code: String,
}

/// The answer for one record.
#[derive(Serialize, Debug)]
pub struct SyncAnswer {
    pub id: String,
    /// `accepted` or `refused`.
    pub status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

#[derive(Serialize)]
pub struct SyncAnswers {
    pub results: Vec<SyncAnswer>,
}

fn device_record(item: &SyncItem) -> Result<DeviceRecord, AppError> {
    let invalid = || {
        AppError::new(StatusCode::UNPROCESSABLE_ENTITY, "invalid_json")
            .with_field("data".to_owned())
    };
    match item.kind.as_str() {
        "assessment" => {
            let a: AssessmentData =
                serde_json::from_value(item.data.clone()).map_err(|_| invalid())?;
            Ok(DeviceRecord::Assessment {
                incident: a.incident,
                need: twiza_app::crisis::NeedCreate {
                    commune: a.commune,
                    douar_id: a.douar_id,
                    category: a.category,
                    urgency: a.urgency,
                    households: a.households,
                    people: a.people,
                    latitude: None,
                    longitude: None,
                    description: a.description.filter(|d| !d.trim().is_empty()),
                    contact_name: None,
                    contact_phone: None,
                },
            })
        }
        "household" => {
            let today = time::OffsetDateTime::now_utc().date();
            let record = crate::api::registry::record_from_json(&item.data, today)?;
            Ok(DeviceRecord::Household(Box::new(record)))
        }
        "delivery" => {
            let d: DeliveryData =
                serde_json::from_value(item.data.clone()).map_err(|_| invalid())?;
            Ok(DeviceRecord::Delivery {
                delivery: d.delivery,
                code: d.code,
            })
        }
        _ => Err(
            AppError::new(StatusCode::UNPROCESSABLE_ENTITY, "validation")
                .with_field("kind".to_owned()),
        ),
    }
}

fn refused(c: &Ctx, id: String, e: AppError) -> SyncAnswer {
    let first = e.fields.first();
    let code = first.map_or(e.code, |f| f.code);
    let field = first.map(|f| f.field.to_owned()).or(e.field.clone());
    let max = first.and_then(|f| f.max).or(e.max).unwrap_or_default();
    let message = c.messages.t_args(
        c.locale,
        &AppError::message_key(code),
        &[
            ("field", Arg::Str(field.as_deref().unwrap_or(""))),
            ("max", Arg::Int(i64::try_from(max).unwrap_or(i64::MAX))),
        ],
    );
    SyncAnswer {
        id,
        status: "refused",
        reference: None,
        code: Some(code),
        field,
        message: Some(message),
    }
}

/// `POST /field/api/{org_id}/sync?csrf=…`: syncs a batch of records made offline, answering
/// each: accepted with its reference, or refused with its code and the message in the agent's
/// language. The same batch again answers the same and writes nothing.
pub async fn sync(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    body: axum::body::Bytes,
) -> AppResult<Json<SyncAnswers>> {
    let batch: SyncBatch =
        serde_json::from_slice(&body).map_err(|_| AppError::bad_request("invalid_json"))?;
    if batch.records.len() > MAX_BATCH {
        return Err(AppError {
            max: Some(MAX_BATCH),
            ..AppError::new(StatusCode::UNPROCESSABLE_ENTITY, "too_many")
        });
    }
    let services = SyncServices {
        store: &state.store,
        intake: &state.need_intake,
        keys: &state.config.personal_data,
        hash_key: &state.config.identity_key,
        notices: state.notices(),
    };
    let mut results = Vec::with_capacity(batch.records.len());
    for item in batch.records {
        let canonical = item.data.to_string();
        let hash = field_sync::request_hash(&state.config.identity_key, &item.kind, &canonical);
        let written = match device_record(&item) {
            Ok(record) => {
                field_sync::sync_record(&services, &scope, user.id, &item.id, &hash, record)
                    .await
                    .map_err(AppError::from)
            }
            Err(e) => Err(e),
        };
        results.push(match written {
            Ok(reference) => SyncAnswer {
                id: item.id,
                status: "accepted",
                reference: Some(reference),
                code: None,
                field: None,
                message: None,
            },
            Err(e) if e.status.is_server_error() => return Err(e),
            Err(e) => refused(&c, item.id, e),
        });
    }
    Ok(Json(SyncAnswers { results }))
}
