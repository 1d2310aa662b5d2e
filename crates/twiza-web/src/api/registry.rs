//! `/api/v1/organizations/{org_id}/households…`: the beneficiary registry — registering a
//! household with its members and consent, reading it (every read goes to its access log;
//! identifiers only when asked, sensitive fields only for coordinators), the access log, the
//! data-subject export, and possible duplicates in other associations (their names only).

use super::grievances::GrievanceView;
use super::{path_param, ApiJson, CurrentUser};
use crate::error::{AppError, AppResult, ErrorBody};
use crate::AppState;
use axum::extract::{Query, RawPathParams, State};
use axum::http::StatusCode;
use axum::{Extension, Json};
use serde::{Deserialize, Serialize};
use twiza_app::registry::{self, parse_household, HouseholdFields, IndexInput};
use twiza_domain::registry::{HouseholdInput, PersonInput};
use twiza_domain::{FieldError, OrgScope};
use twiza_store::{HouseholdRecord, ReadRecord, ReadScope, Reader};
use utoipa::ToSchema;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ConsentCreate {
    /// `registration`, `programme_enrollment`, `payments` or `duplicate_check`.
    pub purpose: String,
    /// `consent`, `legal_obligation`, `vital_interest` or `public_interest`.
    pub legal_basis: String,
    /// `paper`, `in_person`, `phone`, `sms`, `ussd` or `web`.
    pub channel: String,
}

#[derive(Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields, default)]
pub struct MemberCreate {
    pub given_name_ar: String,
    pub family_name_ar: String,
    pub given_name_lat: String,
    pub family_name_lat: String,
    /// `f` or `m`.
    pub sex: String,
    /// `YYYY-MM-DD`.
    pub birth_date: String,
    /// `head`, `spouse`, `child`, `parent`, `sibling`, `grandchild`, `other_relative`, `not_related`.
    pub relation: String,
    pub disability: String,
    pub schooling: String,
    pub phone: String,
    pub cin: String,
    pub idcs: String,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct IndexCreate {
    /// The index, e.g. `"9.412300"`.
    pub value: String,
    /// Where it comes from, e.g. `rsu`.
    pub source: String,
    pub effective_on: String,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct HouseholdCreate {
    /// HCP code of the commune.
    pub commune: String,
    #[serde(default)]
    pub douar: String,
    #[serde(default)]
    pub address: String,
    /// `none`, `partial` or `total`.
    #[serde(default)]
    pub housing_damage: String,
    pub consent: ConsentCreate,
    pub members: Vec<MemberCreate>,
    /// An index from the unified social registry; without one, the proxy-means test's.
    #[serde(default)]
    pub socio_economic_index: Option<IndexCreate>,
}

#[derive(Serialize, ToSchema)]
pub struct HouseholdCreated {
    pub id: i64,
    /// The household's reference, for its appeals.
    pub reference: String,
}

fn member_input(m: &MemberCreate) -> PersonInput<'_> {
    PersonInput {
        given_name_ar: &m.given_name_ar,
        family_name_ar: &m.family_name_ar,
        given_name_lat: &m.given_name_lat,
        family_name_lat: &m.family_name_lat,
        sex: &m.sex,
        birth_date: &m.birth_date,
        relation: &m.relation,
        disability: &m.disability,
        schooling: &m.schooling,
        phone: &m.phone,
        cin: &m.cin,
        idcs: &m.idcs,
    }
}

fn record(body: &HouseholdCreate, today: time::Date) -> Result<HouseholdRecord, AppError> {
    let fields = HouseholdFields {
        household: HouseholdInput {
            commune: &body.commune,
            douar: &body.douar,
            address: &body.address,
            housing_damage: &body.housing_damage,
        },
        consent_purpose: &body.consent.purpose,
        consent_legal_basis: &body.consent.legal_basis,
        consent_channel: &body.consent.channel,
        members: body.members.iter().map(member_input).collect(),
        index: body.socio_economic_index.as_ref().map(|ix| IndexInput {
            value: &ix.value,
            source: &ix.source,
            effective_on: &ix.effective_on,
        }),
    };
    parse_household(&fields, today).map_err(|e| twiza_app::Error::from(e).into())
}

/// A household record from the API's JSON (for tools and tests that register without HTTP).
pub fn record_from_json(
    body: &serde_json::Value,
    today: time::Date,
) -> Result<HouseholdRecord, AppError> {
    let body: HouseholdCreate =
        serde_json::from_value(body.clone()).map_err(|_| AppError::bad_request("invalid_json"))?;
    record(&body, today)
}

/// Registers a household with its members and its consent (or legal basis).
#[utoipa::path(post, path = "/api/v1/organizations/{org_id}/households", tag = "registry",
    params(("org_id" = i64, Path)), request_body = HouseholdCreate,
    responses((status = 201, body = HouseholdCreated), (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn register(
    State(state): State<AppState>,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    ApiJson(body): ApiJson<HouseholdCreate>,
) -> AppResult<(StatusCode, Json<HouseholdCreated>)> {
    let record = record(&body, time::OffsetDateTime::now_utc().date())?;
    let (id, reference) = registry::register(
        &state.store,
        &state.config.personal_data,
        &scope,
        user.id,
        &record,
    )
    .await?;
    Ok((
        StatusCode::CREATED,
        Json(HouseholdCreated { id, reference }),
    ))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReadQuery {
    /// Open national identifiers and phone numbers.
    #[serde(default)]
    pub identifiers: bool,
    /// Why the household is read (written to its access log): letters and `_`, e.g. `case_review`.
    #[serde(default)]
    pub purpose: Option<String>,
}

/// Reads a household; the read is written to its access log.
#[utoipa::path(get, path = "/api/v1/organizations/{org_id}/households/{household_id}", tag = "registry",
    params(("org_id" = i64, Path), ("household_id" = i64, Path), ("identifiers" = Option<bool>, Query), ("purpose" = Option<String>, Query)),
    responses((status = 200, body = HouseholdView, description = "The household and its members"), (status = 404, body = ErrorBody),
              (status = 422, body = ErrorBody, description = "`validation` (field `purpose`): the purpose of the read is missing or too long")),
    security(("bearer" = [])))]
pub async fn read(
    State(state): State<AppState>,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    params: RawPathParams,
    Query(query): Query<ReadQuery>,
) -> AppResult<Json<HouseholdView>> {
    let household = path_param(&params, "household_id")?;
    let purpose = registry::read_purpose(query.purpose.as_deref())?;
    let view = state
        .store
        .household(
            &scope,
            &state.config.personal_data,
            household,
            Reader {
                account: user.id,
                purpose: &purpose,
            },
            ReadScope {
                identifiers: query.identifiers,
                sensitive: registry::may_read_sensitive(&scope),
            },
        )
        .await?;
    Ok(Json(view.into()))
}

/// A member as read back. Identifiers are present only when asked for (and logged).
#[derive(Serialize, ToSchema)]
pub struct PersonView {
    pub id: i64,
    pub reference: String,
    pub given_name_ar: Option<String>,
    pub family_name_ar: Option<String>,
    pub given_name_lat: Option<String>,
    pub family_name_lat: Option<String>,
    pub sex: String,
    pub birth_date: String,
    pub relation: String,
    /// `null` unless the reader may see sensitive fields.
    pub disability: Option<String>,
    pub schooling: String,
    pub phone: Option<String>,
    pub cin: Option<String>,
    pub idcs: Option<String>,
}

impl From<twiza_store::PersonView> for PersonView {
    fn from(p: twiza_store::PersonView) -> Self {
        PersonView {
            id: p.id,
            reference: p.reference,
            given_name_ar: p.given_name_ar,
            family_name_ar: p.family_name_ar,
            given_name_lat: p.given_name_lat,
            family_name_lat: p.family_name_lat,
            sex: p.sex,
            birth_date: p.birth_date,
            relation: p.relation,
            disability: p.disability,
            schooling: p.schooling,
            phone: p.phone,
            cin: p.cin,
            idcs: p.idcs,
        }
    }
}

/// A household and its members.
#[derive(Serialize, ToSchema)]
pub struct HouseholdView {
    pub id: i64,
    pub reference: String,
    pub commune_code: String,
    /// `urban` or `rural`.
    pub area: String,
    pub douar: Option<String>,
    pub address: Option<String>,
    pub housing_damage: String,
    pub status: String,
    pub members: Vec<PersonView>,
}

impl From<twiza_store::HouseholdView> for HouseholdView {
    fn from(h: twiza_store::HouseholdView) -> Self {
        HouseholdView {
            id: h.id,
            reference: h.reference,
            commune_code: h.commune_code,
            area: h.area,
            douar: h.douar,
            address: h.address,
            housing_damage: h.housing_damage,
            status: h.status,
            members: h.members.into_iter().map(PersonView::from).collect(),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct ReadView {
    pub account_id: i64,
    pub what: String,
    pub purpose: String,
    pub at: i64,
}

impl From<ReadRecord> for ReadView {
    fn from(r: ReadRecord) -> Self {
        ReadView {
            account_id: r.account_id,
            what: r.what,
            purpose: r.purpose,
            at: r.at,
        }
    }
}

/// Who read the household's personal data, when and why (newest first).
#[utoipa::path(get, path = "/api/v1/organizations/{org_id}/households/{household_id}/reads", tag = "registry",
    params(("org_id" = i64, Path), ("household_id" = i64, Path)),
    responses((status = 200, body = Vec<ReadView>), (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn reads(
    State(state): State<AppState>,
    Extension(scope): Extension<OrgScope>,
    params: RawPathParams,
) -> AppResult<Json<Vec<ReadView>>> {
    let household = path_param(&params, "household_id")?;
    let reads = state.store.household_reads(&scope, household).await?;
    Ok(Json(reads.into_iter().map(ReadView::from).collect()))
}

/// Everything held about the household, for the household (Law 09-08 right of access); the
/// export is itself a logged read.
#[utoipa::path(get, path = "/api/v1/organizations/{org_id}/households/{household_id}/export", tag = "registry",
    params(("org_id" = i64, Path), ("household_id" = i64, Path)),
    responses((status = 200, body = SubjectExportView, description = "The household's data"), (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn export(
    State(state): State<AppState>,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    params: RawPathParams,
) -> AppResult<Json<SubjectExportView>> {
    let household = path_param(&params, "household_id")?;
    let export = state
        .store
        .subject_export(
            &scope,
            &state.config.personal_data,
            household,
            Reader {
                account: user.id,
                purpose: "subject_access",
            },
        )
        .await?;
    Ok(Json(export.into()))
}

/// Everything held about a household (the data-subject export).
#[derive(Serialize, ToSchema)]
pub struct SubjectExportView {
    /// The record with identifiers and sensitive fields.
    pub household: HouseholdView,
    /// Its grievances, read whole.
    pub grievances: Vec<GrievanceView>,
    pub deliveries: Vec<SubjectDeliveryView>,
    pub consents: Vec<SubjectConsentView>,
    /// Oldest first.
    pub socio_economic_indexes: Vec<SubjectIndexView>,
    pub entitlements: Vec<SubjectEntitlementView>,
    /// The access log, oldest first (this export included).
    pub reads: Vec<ReadView>,
}

/// A delivery to the household.
#[derive(Serialize, ToSchema)]
pub struct SubjectDeliveryView {
    pub id: i64,
    /// The item's code.
    pub item: String,
    pub quantity: i64,
    pub status: String,
    /// Unix seconds.
    pub delivered_at: Option<i64>,
}

/// A consent (or legal basis) recorded for the household.
#[derive(Serialize, ToSchema)]
pub struct SubjectConsentView {
    pub purpose: String,
    pub legal_basis: String,
    pub channel: String,
    /// Unix seconds.
    pub recorded_at: i64,
    pub withdrawn_at: Option<i64>,
}

/// A socio-economic index value of the household.
#[derive(Serialize, ToSchema)]
pub struct SubjectIndexView {
    /// `YYYY-MM-DD`.
    pub effective_on: String,
    pub source: String,
    pub value: f64,
}

/// The household's entitlement in a cycle, explained.
#[derive(Serialize, ToSchema)]
pub struct SubjectEntitlementView {
    /// The programme's code.
    pub programme: String,
    pub period: String,
    pub eligible: bool,
    /// Decimal string in MAD.
    pub amount: String,
    /// The unmet conditions (`unmet`), or the lines that make the amount (`lines`).
    #[schema(value_type = Object)]
    pub explanation: serde_json::Value,
}

impl From<twiza_store::SubjectExport> for SubjectExportView {
    fn from(e: twiza_store::SubjectExport) -> Self {
        SubjectExportView {
            household: e.household.into(),
            grievances: e.grievances.into_iter().map(GrievanceView::from).collect(),
            deliveries: e
                .deliveries
                .into_iter()
                .map(|d| SubjectDeliveryView {
                    id: d.id,
                    item: d.item,
                    quantity: d.quantity,
                    status: d.status,
                    delivered_at: d.delivered_at,
                })
                .collect(),
            consents: e
                .consents
                .into_iter()
                .map(|c| SubjectConsentView {
                    purpose: c.purpose,
                    legal_basis: c.legal_basis,
                    channel: c.channel,
                    recorded_at: c.recorded_at,
                    withdrawn_at: c.withdrawn_at,
                })
                .collect(),
            socio_economic_indexes: e
                .indexes
                .into_iter()
                .map(|i| SubjectIndexView {
                    effective_on: i.effective_on,
                    source: i.source,
                    value: i.value_micro as f64 / 1e6,
                })
                .collect(),
            entitlements: e
                .entitlements
                .into_iter()
                .map(|t| SubjectEntitlementView {
                    programme: t.programme,
                    period: t.period,
                    eligible: t.eligible,
                    amount: twiza_domain::ledger::format_centimes(t.centimes),
                    explanation: t.explanation,
                })
                .collect(),
            reads: e.reads.into_iter().map(ReadView::from).collect(),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct DuplicatesView {
    /// Associations that registered a member with the same identifier or phone: contact them.
    pub possible_duplicate_in: Vec<String>,
}

/// Other associations holding a member of this household (by identifier or phone): their names
/// only, nothing of their records.
#[utoipa::path(get, path = "/api/v1/organizations/{org_id}/households/{household_id}/duplicates", tag = "registry",
    params(("org_id" = i64, Path), ("household_id" = i64, Path)),
    responses((status = 200, body = DuplicatesView), (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn duplicates(
    State(state): State<AppState>,
    Extension(scope): Extension<OrgScope>,
    params: RawPathParams,
) -> AppResult<Json<DuplicatesView>> {
    let household = path_param(&params, "household_id")?;
    Ok(Json(DuplicatesView {
        possible_duplicate_in: state
            .store
            .possible_duplicates_elsewhere(&scope, household)
            .await?,
    }))
}

/// Largest household file accepted by upload (about 100,000 people); larger files go through
/// `twiza registry import`, which streams from disk.
pub const IMPORT_BODY_LIMIT: usize = registry::UPLOAD_LIMIT;
/// Invalid rows listed in an upload's answer; the rest are counted.
const MAX_REPORTED_ROWS: usize = 1000;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ImportQuery {
    /// `dry_run` (the default: check and report, import nothing), `all_or_nothing` or
    /// `valid_only`.
    pub mode: Option<String>,
}

/// One invalid row of an uploaded file.
#[derive(Serialize, ToSchema)]
pub struct RowReport {
    pub row: u64,
    pub field: String,
    pub code: String,
    /// In the caller's language.
    pub message: String,
}

/// What an upload did.
#[derive(Serialize, ToSchema)]
pub struct ImportReport {
    pub mode: String,
    pub households_valid: u64,
    pub persons_valid: u64,
    pub households_invalid: u64,
    pub imported_households: u64,
    pub imported_persons: u64,
    pub error_count: u64,
    /// The first 1,000 invalid rows.
    pub errors: Vec<RowReport>,
}

/// Imports a household file sent as the request body: CSV (UTF-8) or an Excel workbook
/// (`.xlsx`, its first sheet). Every row is checked and every invalid one reported with its
/// field and a message in the caller's language; `?mode=dry_run` (the default) imports
/// nothing, `all_or_nothing` imports only a file without errors, `valid_only` the valid
/// households.
#[utoipa::path(post, path = "/api/v1/organizations/{org_id}/households/import", tag = "registry",
    params(("org_id" = i64, Path), ("mode" = Option<String>, Query)),
    request_body(content = Vec<u8>, content_type = "text/csv"),
    responses((status = 200, body = ImportReport), (status = 413, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn import(
    State(state): State<AppState>,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    headers: axum::http::HeaderMap,
    Query(query): Query<ImportQuery>,
    body: axum::body::Bytes,
) -> AppResult<Json<ImportReport>> {
    use twiza_store::Mode;
    let mode_name = query.mode.unwrap_or_else(|| "dry_run".into());
    let mode = match mode_name.as_str() {
        "dry_run" => Mode::DryRun,
        "all_or_nothing" => Mode::AllOrNothing,
        "valid_only" => Mode::ValidOnly,
        _ => return Err(FieldError::new("mode", "validation").into()),
    };
    let outcome = match registry::file_as_csv(body.to_vec()).await {
        Ok(csv) => {
            registry::import_file(
                &state.store,
                &state.config.personal_data,
                &scope,
                user.id,
                csv,
                mode,
            )
            .await?
        }
        // A file that is neither CSV nor a workbook is answered as before: unreadable.
        Err(twiza_app::Error::Invalid(_)) => {
            return Err(FieldError::new("file", "file_unreadable").into())
        }
        Err(e) => return Err(e.into()),
    };
    let locale = crate::ctx::locale_of(&headers);
    let errors = outcome
        .errors
        .iter()
        .take(MAX_REPORTED_ROWS)
        .map(|e| RowReport {
            row: e.row,
            field: e.field.clone(),
            code: e.code.to_owned(),
            message: state.messages.t(locale, &AppError::message_key(e.code)),
        })
        .collect();
    Ok(Json(ImportReport {
        mode: mode_name,
        households_valid: outcome.households_valid,
        persons_valid: outcome.persons_valid,
        households_invalid: outcome.households_invalid,
        imported_households: outcome.imported_households,
        imported_persons: outcome.imported_persons,
        error_count: outcome.error_count,
        errors,
    }))
}

/// A member's record corrected, with the reason for the correction.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RectificationCreate {
    /// The member's whole record as it should be (the same fields as at registration).
    pub member: MemberCreate,
    /// Why the record is corrected (kept with the correction; at most 500 characters).
    pub reason: String,
}

/// What a rectification changed.
#[derive(Serialize, ToSchema)]
pub struct RectificationView {
    /// The names of the fields that changed (empty: the record already said this, nothing was
    /// written).
    pub changed: Vec<String>,
}

/// Corrects a member's record (Law 09-08 right of rectification): the record passes the checks
/// of registration again, identifiers are sealed again, and which fields changed and why is
/// recorded (never the values).
#[utoipa::path(post, path = "/api/v1/organizations/{org_id}/households/{household_id}/members/{person_id}/rectification", tag = "registry",
    params(("org_id" = i64, Path), ("household_id" = i64, Path), ("person_id" = i64, Path)),
    request_body = RectificationCreate,
    responses((status = 200, body = RectificationView), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn rectify(
    State(state): State<AppState>,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    params: RawPathParams,
    ApiJson(body): ApiJson<RectificationCreate>,
) -> AppResult<Json<RectificationView>> {
    let household = path_param(&params, "household_id")?;
    let person = path_param(&params, "person_id")?;
    let changed = registry::rectify(
        &state.store,
        &state.config.personal_data,
        &scope,
        user.id,
        household,
        person,
        &member_input(&body.member),
        &body.reason,
        time::OffsetDateTime::now_utc().date(),
    )
    .await?;
    Ok(Json(RectificationView {
        changed: changed.into_iter().map(str::to_owned).collect(),
    }))
}

/// A consent to withdraw.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ConsentWithdrawal {
    /// `registration`, `programme_enrollment`, `payments` or `duplicate_check`.
    pub purpose: String,
}

/// Withdraws the household's consent for a purpose; the consent stays on record with the date
/// of its withdrawal. 422 `consent_not_standing` when there is no standing consent for it.
#[utoipa::path(post, path = "/api/v1/organizations/{org_id}/households/{household_id}/consents/withdrawal", tag = "registry",
    params(("org_id" = i64, Path), ("household_id" = i64, Path)),
    request_body = ConsentWithdrawal,
    responses((status = 204, description = "Withdrawn"), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn withdraw_consent(
    State(state): State<AppState>,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    params: RawPathParams,
    ApiJson(body): ApiJson<ConsentWithdrawal>,
) -> AppResult<StatusCode> {
    let household = path_param(&params, "household_id")?;
    registry::withdraw_consent(&state.store, &scope, user.id, household, &body.purpose).await?;
    Ok(StatusCode::NO_CONTENT)
}
