//! The registry's household pages: the list (search by a member's name in any script, by
//! reference, commune, douar, programme or status; keyset pages), registering a household with
//! its members on one page (more member rows by a plain submit), the household's page (members,
//! consents and their withdrawal, corrections, the access log, deliveries, programme decisions,
//! grievances), correcting a member's record with its reason, and the printable data-subject
//! export. Every page that shows a household's data is a read written to its access log.

use super::{render, render_status, see_other, DoneQuery, PageForm};
use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::extract::{path_param, ApiQuery, CurrentUser};
use crate::AppState;
use askama::Template;
use axum::extract::{RawPathParams, State};
use axum::http::{header, StatusCode};
use axum::response::Response;
use axum::Extension;
use serde::Deserialize;
use std::collections::HashMap;
use twiza_app::registry::{
    keeps_registry, page_read_scope, parse_household, HouseholdFields, RecordErrors,
};
use twiza_domain::registry::{
    ConsentChannel, ConsentPurpose, Disability, HouseholdInput, HousingDamage, LegalBasis,
    PersonInput, Relation, Schooling, Sex, MAX_MEMBERS,
};
use twiza_domain::{FieldError, OrgScope};
use twiza_store::{HouseholdSearch, Reader, SubjectExport};

/// Households on a page of the list.
const PAGE: i64 = 25;
/// Member rows of a new household's form, and how many "more rows" adds.
const MEMBER_ROWS: usize = 3;

/// A member's fields on the forms, in order.
pub const MEMBER_FIELDS: [&str; 12] = [
    "given_name_ar",
    "family_name_ar",
    "given_name_lat",
    "family_name_lat",
    "sex",
    "birth_date",
    "relation",
    "disability",
    "schooling",
    "phone",
    "cin",
    "idcs",
];

fn filled(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// A Unix time as the reader's date.
fn day(c: &Ctx, unix: i64) -> String {
    time::OffsetDateTime::from_unix_timestamp(unix)
        .map(|t| c.date(&t.date()))
        .unwrap_or_default()
}

/// A commune typed as an HCP code or a name: the code of the one commune it names, else what
/// was typed (refused as `unknown_commune` by the household's checks).
fn commune_code(raw: &str) -> String {
    let raw = raw.trim();
    if twiza_geo::CommuneCode::parse(raw).is_ok() || raw.is_empty() {
        return raw.to_owned();
    }
    match twiza_geo::geo().search_communes(raw, 2).as_slice() {
        [one] => one.code.as_str().to_owned(),
        _ => raw.to_owned(),
    }
}

/// The list's query string.
#[derive(Deserialize, Default)]
pub struct ListQuery {
    name: Option<String>,
    reference: Option<String>,
    commune: Option<String>,
    douar: Option<String>,
    programme: Option<String>,
    status: Option<String>,
    after: Option<i64>,
    before: Option<i64>,
    done: Option<String>,
    registered: Option<i64>,
    imported: Option<i64>,
}

impl ListQuery {
    fn search(&self) -> (HouseholdSearch, Vec<FieldError>) {
        let mut errors = Vec::new();
        let mut search = HouseholdSearch {
            name: filled(&self.name).map(str::to_owned),
            reference: filled(&self.reference).map(str::to_uppercase),
            douar: filled(&self.douar).map(str::to_owned),
            after: self.after,
            before: self.before,
            limit: PAGE,
            ..HouseholdSearch::default()
        };
        if let Some(commune) = filled(&self.commune) {
            let code = commune_code(commune);
            if twiza_geo::CommuneCode::parse(&code).is_ok() {
                search.commune = Some(code);
            } else {
                errors.push(FieldError::new("commune", "unknown_commune"));
            }
        }
        if let Some(programme) = filled(&self.programme) {
            match programme.parse::<i64>() {
                Ok(p) => search.programme = Some(p),
                Err(_) => errors.push(FieldError::new("programme", "validation")),
            }
        }
        if let Some(status) = filled(&self.status) {
            if ["active", "anonymized"].contains(&status) {
                search.status = Some(status.to_owned());
            } else {
                errors.push(FieldError::new("status", "validation"));
            }
        }
        (search, errors)
    }

    fn page_href(&self, org: i64, (name, id): (&str, i64)) -> String {
        let mut pairs: Vec<(&str, String)> = [
            ("name", &self.name),
            ("reference", &self.reference),
            ("commune", &self.commune),
            ("douar", &self.douar),
            ("programme", &self.programme),
            ("status", &self.status),
        ]
        .into_iter()
        .filter_map(|(k, v)| filled(v).map(|v| (k, v.to_owned())))
        .collect();
        pairs.push((name, id.to_string()));
        format!(
            "/associations/{org}/households?{}",
            serde_urlencoded::to_string(&pairs).unwrap_or_default()
        )
    }

    pub fn get(&self, name: &str) -> &str {
        let v = match name {
            "name" => &self.name,
            "reference" => &self.reference,
            "commune" => &self.commune,
            "douar" => &self.douar,
            "programme" => &self.programme,
            "status" => &self.status,
            _ => return "",
        };
        v.as_deref().unwrap_or_default()
    }
}

/// A household in the list.
struct ListRow {
    id: i64,
    reference: String,
    name: String,
    place: String,
    members: String,
    status: String,
}

#[derive(Template)]
#[template(path = "households.html")]
struct ListPage {
    c: Ctx,
    org_id: i64,
    q: ListQuery,
    errors: Vec<FieldError>,
    rows: Vec<ListRow>,
    programmes: Vec<(i64, String)>,
    newer: Option<String>,
    older: Option<String>,
    /// The viewer imports files and reviews duplicates.
    keeps: bool,
    registered: Option<i64>,
    /// The confirmation of an import, with its count.
    imported: Option<String>,
}

fn status_name(c: &Ctx, status: &str) -> String {
    c.t(&format!("registry-status-{status}"))
}

/// `GET /associations/{org_id}/households`: find a household.
pub async fn list(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    ApiQuery(q): ApiQuery<ListQuery>,
) -> AppResult<Response> {
    let (search, errors) = q.search();
    let org_id = scope.org_id().0;
    let page = twiza_app::registry::search(&state.store, &scope, user.id, &search).await?;
    let newer = page
        .newer
        .then(|| page.households.first())
        .flatten()
        .map(|h| q.page_href(org_id, ("before", h.id)));
    let older = page
        .older
        .then(|| page.households.last())
        .flatten()
        .map(|h| q.page_href(org_id, ("after", h.id)));
    let rows = page
        .households
        .into_iter()
        .map(|h| ListRow {
            name: match (&h.head_name_ar, &h.head_name_lat) {
                (Some(a), Some(l)) => format!("{a} · {l}"),
                (Some(n), None) | (None, Some(n)) => n.clone(),
                (None, None) => "—".to_owned(),
            },
            place: match &h.douar {
                Some(d) => format!("{} · {d}", c.commune_name(&h.commune_code)),
                None => c.commune_name(&h.commune_code),
            },
            status: status_name(&c, &h.status),
            id: h.id,
            reference: h.reference,
            members: c.int(h.members),
        })
        .collect();
    let programmes = state
        .store
        .programmes(&scope)
        .await?
        .into_iter()
        .map(|p| (p.id, c.place_name(&p.name_ar, &p.name_fr)))
        .collect();
    let registered = q
        .registered
        .filter(|_| q.done.as_deref() == Some("registered"));
    let imported = q
        .imported
        .filter(|_| q.done.as_deref() == Some("imported"))
        .map(|n| c.tn("registry-done-imported", "count", n));
    Ok(render(&ListPage {
        keeps: keeps_registry(&scope),
        c,
        org_id,
        q,
        errors,
        rows,
        programmes,
        newer,
        older,
        registered,
        imported,
    }))
}

/// One member row of the registration form, with what was typed and its errors.
pub struct MemberRow {
    pub n: usize,
    /// "Member 2", in the reader's language.
    pub legend: String,
    values: HashMap<&'static str, String>,
    errors: Vec<FieldError>,
}

impl MemberRow {
    /// The prefix of the row's field names (`m2_`; none on the rectification form).
    pub fn prefix(&self) -> String {
        if self.n == 0 {
            String::new()
        } else {
            format!("m{}_", self.n)
        }
    }
    pub fn get(&self, field: &str) -> &str {
        self.values.get(field).map_or("", String::as_str)
    }
    /// The error of one of the row's fields (the required names on the Arabic name's field).
    pub fn error(&self, c: &Ctx, field: &str) -> Option<String> {
        self.errors
            .iter()
            .find(|e| {
                e.field == field
                    || (field == "given_name_ar" && e.field == "given_name")
                    || (field == "family_name_ar" && e.field == "family_name")
            })
            .map(|e| c.field_message(e))
    }
    /// Whether the row was left blank: nothing typed, and the two choices that have no empty
    /// option (disability, schooling) still at the value the form starts with.
    fn is_empty(&self) -> bool {
        self.values.iter().all(|(field, v)| {
            let v = v.trim();
            v.is_empty()
                || match *field {
                    "disability" => Disability::ALL.first().is_some_and(|d| d.as_str() == v),
                    "schooling" => Schooling::ALL.first().is_some_and(|s| s.as_str() == v),
                    _ => false,
                }
        })
    }
}

#[derive(Template)]
#[template(path = "household_new.html")]
struct NewPage {
    c: Ctx,
    org_id: i64,
    values: HashMap<String, String>,
    members: Vec<MemberRow>,
    errors: Vec<FieldError>,
    /// Error summary: (field id, message).
    summary: Vec<(String, String)>,
    choices: Choices,
}

impl NewPage {
    pub fn get(&self, name: &str) -> &str {
        self.values.get(name).map_or("", String::as_str)
    }
}

/// The choices of the forms' lists, named in the reader's language.
pub struct Choices {
    pub sex: Vec<(&'static str, String)>,
    pub relation: Vec<(&'static str, String)>,
    pub disability: Vec<(&'static str, String)>,
    pub schooling: Vec<(&'static str, String)>,
    pub housing_damage: Vec<(&'static str, String)>,
    pub purpose: Vec<(&'static str, String)>,
    pub legal_basis: Vec<(&'static str, String)>,
    pub channel: Vec<(&'static str, String)>,
}

fn named(
    c: &Ctx,
    prefix: &str,
    codes: impl Iterator<Item = &'static str>,
) -> Vec<(&'static str, String)> {
    codes
        .map(|code| (code, c.t(&format!("{prefix}-{}", code.replace('_', "-")))))
        .collect()
}

pub(crate) fn choices(c: &Ctx) -> Choices {
    Choices {
        sex: named(c, "registry-sex", Sex::ALL.iter().map(|v| v.as_str())),
        relation: named(
            c,
            "registry-relation",
            Relation::ALL.iter().map(|v| v.as_str()),
        ),
        disability: named(
            c,
            "registry-disability",
            Disability::ALL.iter().map(|v| v.as_str()),
        ),
        schooling: named(
            c,
            "registry-schooling",
            Schooling::ALL.iter().map(|v| v.as_str()),
        ),
        housing_damage: named(
            c,
            "registry-damage",
            HousingDamage::ALL.iter().map(|v| v.as_str()),
        ),
        purpose: named(
            c,
            "registry-purpose",
            ConsentPurpose::ALL.iter().map(|v| v.as_str()),
        ),
        legal_basis: named(
            c,
            "registry-basis",
            LegalBasis::ALL.iter().map(|v| v.as_str()),
        ),
        channel: named(
            c,
            "registry-channel",
            ConsentChannel::ALL.iter().map(|v| v.as_str()),
        ),
    }
}

fn member_rows(c: &Ctx, form: &HashMap<String, String>, rows: usize) -> Vec<MemberRow> {
    (1..=rows)
        .map(|n| MemberRow {
            n,
            legend: c.tn("registry-member-n", "n", n as i64),
            values: MEMBER_FIELDS
                .iter()
                .map(|f| {
                    let v = form.get(&format!("m{n}_{f}")).cloned().unwrap_or_default();
                    (*f, v)
                })
                .collect(),
            errors: Vec::new(),
        })
        .collect()
}

fn new_page(
    c: Ctx,
    org_id: i64,
    values: HashMap<String, String>,
    members: Vec<MemberRow>,
    errors: Vec<FieldError>,
) -> NewPage {
    let mut summary: Vec<(String, String)> = errors
        .iter()
        .map(|e| (e.field.to_owned(), c.field_message(e)))
        .collect();
    for m in &members {
        for e in &m.errors {
            let field = match e.field {
                "given_name" => "given_name_ar",
                "family_name" => "family_name_ar",
                f => f,
            };
            summary.push((format!("m{}_{field}", m.n), c.field_message(e)));
        }
    }
    NewPage {
        choices: choices(&c),
        c,
        org_id,
        values,
        members,
        errors,
        summary,
    }
}

/// The key a registration form carries (made when the form is first shown): 32 hexadecimal
/// digits, or none when a form comes without one.
fn creation_key(raw: &str) -> Option<&str> {
    (raw.len() == 32 && raw.bytes().all(|b| b.is_ascii_hexdigit())).then_some(raw)
}

/// `GET /associations/{org_id}/households/new`: register a household with its members.
pub async fn new_form(c: Ctx, Extension(scope): Extension<OrgScope>) -> AppResult<Response> {
    let mut values = HashMap::new();
    values.insert("consent_purpose".to_owned(), "registration".to_owned());
    values.insert("consent_legal_basis".to_owned(), "consent".to_owned());
    values.insert("consent_channel".to_owned(), "in_person".to_owned());
    values.insert(
        "creation_key".to_owned(),
        hex::encode(rand::random::<[u8; 16]>()),
    );
    let members = member_rows(&c, &HashMap::new(), MEMBER_ROWS);
    Ok(render(&new_page(
        c,
        scope.org_id().0,
        values,
        members,
        Vec::new(),
    )))
}

/// `POST /associations/{org_id}/households`: registers the household, or shows the form again
/// with more member rows (`more`) or with each error next to its field (nothing written).
pub async fn register(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    PageForm(form): PageForm<HashMap<String, String>>,
) -> AppResult<Response> {
    let org_id = scope.org_id().0;
    let rows = form
        .get("rows")
        .and_then(|r| r.parse::<usize>().ok())
        .unwrap_or(MEMBER_ROWS)
        .clamp(1, MAX_MEMBERS);
    if form.contains_key("more") {
        let rows = (rows + MEMBER_ROWS).min(MAX_MEMBERS);
        let members = member_rows(&c, &form, rows);
        return Ok(render(&new_page(c, org_id, form, members, Vec::new())));
    }
    let mut members = member_rows(&c, &form, rows);
    let filled_rows: Vec<usize> = (0..members.len())
        .filter(|&i| !members[i].is_empty())
        .collect();
    let field = |name: &str| form.get(name).map_or("", String::as_str);
    let commune = commune_code(field("commune"));
    let inputs: Vec<PersonInput<'_>> = filled_rows
        .iter()
        .map(|&i| {
            let m = &members[i];
            PersonInput {
                given_name_ar: m.get("given_name_ar"),
                family_name_ar: m.get("family_name_ar"),
                given_name_lat: m.get("given_name_lat"),
                family_name_lat: m.get("family_name_lat"),
                sex: m.get("sex"),
                birth_date: m.get("birth_date"),
                relation: m.get("relation"),
                disability: m.get("disability"),
                schooling: m.get("schooling"),
                phone: m.get("phone"),
                cin: m.get("cin"),
                idcs: m.get("idcs"),
            }
        })
        .collect();
    let fields = HouseholdFields {
        household: HouseholdInput {
            commune: &commune,
            douar: field("douar"),
            address: field("address"),
            housing_damage: field("housing_damage"),
        },
        consent_purpose: field("consent_purpose"),
        consent_legal_basis: field("consent_legal_basis"),
        consent_channel: field("consent_channel"),
        members: inputs,
        index: None,
    };
    let today = time::OffsetDateTime::now_utc().date();
    match parse_household(&fields, today) {
        Ok(record) => {
            let (id, _) = twiza_app::registry::register_once(
                &state.store,
                &state.config.personal_data,
                &scope,
                user.id,
                &record,
                creation_key(field("creation_key")),
                None,
            )
            .await?;
            Ok(see_other(&format!(
                "/associations/{org_id}/households?done=registered&registered={id}"
            )))
        }
        Err(RecordErrors {
            household,
            members: member_errors,
        }) => {
            let errors = household
                .into_iter()
                .map(|e| match e.field {
                    // The consent's fields carry their form names.
                    "purpose" => FieldError {
                        field: "consent_purpose",
                        ..e
                    },
                    "legal_basis" => FieldError {
                        field: "consent_legal_basis",
                        ..e
                    },
                    "channel" => FieldError {
                        field: "consent_channel",
                        ..e
                    },
                    _ => e,
                })
                .collect();
            for (i, e) in member_errors {
                if let Some(&row) = filled_rows.get(i) {
                    members[row].errors.push(e);
                }
            }
            let page = new_page(c, org_id, form, members, errors);
            Ok(render_status(StatusCode::UNPROCESSABLE_ENTITY, &page))
        }
    }
}

/// A consent on the household's page.
struct ConsentLine {
    purpose: String,
    purpose_code: String,
    basis: String,
    channel: String,
    recorded: String,
    withdrawn: Option<String>,
}

/// A read of the access log, on the household's page.
struct ReadLine {
    who: String,
    what: String,
    purpose: String,
    when: String,
}

/// A programme decision, explained.
struct DecisionLine {
    programme: String,
    period: String,
    eligible: bool,
    amount: String,
    /// The unmet conditions, or the lines that make the amount.
    explanation: Vec<String>,
}

/// Everything the household's page and its export show.
struct HouseholdSections {
    consents: Vec<ConsentLine>,
    reads: Vec<ReadLine>,
    decisions: Vec<DecisionLine>,
    /// (item, quantity as written, status, date).
    deliveries: Vec<(String, String, String, String)>,
    grievances: Vec<(i64, String, String, String)>,
    indexes: Vec<(String, String, String)>,
}

fn explanation_lines(c: &Ctx, explanation: &serde_json::Value) -> Vec<String> {
    let text = |v: &serde_json::Value| match v {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    if let Some(unmet) = explanation.get("unmet").and_then(|u| u.as_array()) {
        return unmet.iter().map(text).collect();
    }
    explanation
        .get("lines")
        .and_then(|l| l.as_array())
        .map(|lines| {
            lines
                .iter()
                .map(|line| {
                    let label = line.get(0).map(text).unwrap_or_default();
                    let count = line.get(1).and_then(|n| n.as_i64()).unwrap_or(1);
                    let centimes = line.get(2).and_then(|n| n.as_i64()).unwrap_or(0);
                    format!("{label} × {} · {}", c.int(count), c.money(centimes))
                })
                .collect()
        })
        .unwrap_or_default()
}

async fn sections(
    state: &AppState,
    c: &Ctx,
    scope: &OrgScope,
    file: &SubjectExport,
) -> AppResult<HouseholdSections> {
    let names: HashMap<i64, String> = state
        .store
        .members(scope)
        .await?
        .into_iter()
        .map(|m| (m.user_id.0, m.display_name))
        .collect();
    let who = |id: i64| {
        names
            .get(&id)
            .cloned()
            .unwrap_or_else(|| c.t("registry-reader-platform"))
    };
    let catalogue = state.store.items().await?;
    Ok(HouseholdSections {
        consents: file
            .consents
            .iter()
            .map(|k| ConsentLine {
                purpose: c.t(&format!("registry-purpose-{}", k.purpose.replace('_', "-"))),
                purpose_code: k.purpose.clone(),
                basis: c.t(&format!(
                    "registry-basis-{}",
                    k.legal_basis.replace('_', "-")
                )),
                channel: c.t(&format!("registry-channel-{}", k.channel.replace('_', "-"))),
                recorded: day(c, k.recorded_at),
                withdrawn: k.withdrawn_at.map(|at| day(c, at)),
            })
            .collect(),
        reads: file
            .reads
            .iter()
            .rev()
            .map(|r| ReadLine {
                who: who(r.account_id),
                what: read_what(c, &r.what),
                purpose: read_purpose(c, &r.purpose),
                when: day(c, r.at),
            })
            .collect(),
        decisions: file
            .entitlements
            .iter()
            .map(|e| DecisionLine {
                programme: e.programme.clone(),
                period: e.period.clone(),
                eligible: e.eligible,
                amount: c.money(e.centimes),
                explanation: explanation_lines(c, &e.explanation),
            })
            .collect(),
        deliveries: file
            .deliveries
            .iter()
            .map(|d| {
                (
                    catalogue
                        .iter()
                        .find(|i| i.code == d.item)
                        .map_or_else(|| d.item.clone(), |i| c.item_name(&i.name_ar, &i.name_fr)),
                    c.int(d.quantity),
                    c.delivery_status(&d.status),
                    d.delivered_at.map(|at| day(c, at)).unwrap_or_default(),
                )
            })
            .collect(),
        grievances: file
            .grievances
            .iter()
            .map(|g| {
                (
                    g.id,
                    c.t(&format!(
                        "grievance-subject-{}",
                        g.subject.replace('_', "-")
                    )),
                    c.t(&format!("grievance-status-{}", g.status.replace('_', "-"))),
                    day(c, g.received_at),
                )
            })
            .collect(),
        indexes: file
            .indexes
            .iter()
            .map(|i| {
                (
                    i.effective_on.clone(),
                    i.source.clone(),
                    format!("{:.6}", i.value_micro as f64 / 1e6),
                )
            })
            .collect(),
    })
}

/// What a read of the access log took (`household,identifiers`, `export`, …), in words.
fn read_what(c: &Ctx, what: &str) -> String {
    what.split(',')
        .map(|part| {
            c.t(match part.trim() {
                "household" => "registry-read-household",
                "identifiers" => "registry-read-identifiers",
                "sensitive" => "registry-read-sensitive",
                "export" | "file_export" => "registry-read-export",
                "list" => "registry-read-list",
                "lookup" => "registry-read-lookup",
                "duplicate_review" => "registry-read-duplicate-review",
                "grievance" => "registry-read-grievance",
                _ => "registry-read-other",
            })
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// Why a household was read (the reader's stated purpose), in words.
fn read_purpose(c: &Ctx, purpose: &str) -> String {
    c.t(match purpose {
        "case_review" => "registry-why-case-review",
        "subject_access" => "registry-why-subject-access",
        "rectification" => "registry-why-rectification",
        "duplicate_review" => "registry-why-duplicate-review",
        "grievance" => "registry-why-grievance",
        "registry_search" => "registry-why-registry-search",
        "payment" => "registry-why-payment",
        "file_export" => "registry-why-file-export",
        _ => "registry-why-other",
    })
}

/// A member on the household's page.
struct MemberLine {
    id: i64,
    name_ar: String,
    name_lat: String,
    sex: String,
    birth_date: String,
    relation: String,
    disability: Option<String>,
    schooling: String,
    cin: Option<String>,
    phone: Option<String>,
    idcs: Option<String>,
}

fn member_lines(c: &Ctx, file: &SubjectExport) -> Vec<MemberLine> {
    let join = |a: &Option<String>, b: &Option<String>| {
        [a.clone(), b.clone()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ")
    };
    file.household
        .members
        .iter()
        .map(|m| MemberLine {
            id: m.id,
            name_ar: join(&m.given_name_ar, &m.family_name_ar),
            name_lat: join(&m.given_name_lat, &m.family_name_lat),
            sex: c.t(&format!("registry-sex-{}", m.sex)),
            birth_date: m.birth_date.clone(),
            relation: c.t(&format!(
                "registry-relation-{}",
                m.relation.replace('_', "-")
            )),
            disability: m
                .disability
                .as_ref()
                .map(|d| c.t(&format!("registry-disability-{}", d.replace('_', "-")))),
            schooling: c.t(&format!(
                "registry-schooling-{}",
                m.schooling.replace('_', "-")
            )),
            cin: m.cin.clone(),
            phone: m.phone.clone(),
            idcs: m.idcs.clone(),
        })
        .collect()
}

#[derive(Template)]
#[template(path = "household.html")]
struct HouseholdPage {
    c: Ctx,
    org_id: i64,
    id: i64,
    reference: String,
    place: String,
    address: String,
    damage: String,
    status: String,
    members: Vec<MemberLine>,
    s: HouseholdSections,
    /// Corrections: (member id, fields, reason, date).
    corrections: Vec<(i64, String, String, String)>,
    keeps: bool,
    errors: Vec<FieldError>,
    done: Option<&'static str>,
}

/// Confirmations of the household's page (`?done=`).
const HOUSEHOLD_DONE: [(&str, &str); 3] = [
    ("withdrawn", "registry-done-withdrawn"),
    ("rectified", "registry-done-rectified"),
    ("grievance_filed", "registry-done-grievance-filed"),
];

async fn household_page(
    state: &AppState,
    c: Ctx,
    scope: &OrgScope,
    user: twiza_domain::UserId,
    id: i64,
    errors: Vec<FieldError>,
) -> AppResult<HouseholdPage> {
    let file = state
        .store
        .household_file(
            scope,
            &state.config.personal_data,
            id,
            Reader {
                account: user,
                purpose: "case_review",
            },
            "household",
            page_read_scope(scope),
        )
        .await?;
    let keeps = keeps_registry(scope);
    let s = sections(state, &c, scope, &file).await?;
    let corrections = if keeps {
        state
            .store
            .rectifications(scope, id)
            .await?
            .into_iter()
            .map(|r| {
                let fields = r
                    .fields
                    .iter()
                    .map(|f| c.t(&format!("registry-field-{}", f.replace('_', "-"))))
                    .collect::<Vec<_>>()
                    .join(", ");
                (r.person_id, fields, r.reason, day(&c, r.rectified_at))
            })
            .collect()
    } else {
        Vec::new()
    };
    let h = &file.household;
    Ok(HouseholdPage {
        org_id: scope.org_id().0,
        id,
        reference: h.reference.clone(),
        place: match &h.douar {
            Some(d) => format!("{} · {d}", c.commune_name(&h.commune_code)),
            None => c.commune_name(&h.commune_code),
        },
        address: h.address.clone().unwrap_or_default(),
        damage: c.t(&format!("registry-damage-{}", h.housing_damage)),
        status: status_name(&c, &h.status),
        members: member_lines(&c, &file),
        s,
        corrections,
        keeps,
        errors,
        done: None,
        c,
    })
}

/// `GET /associations/{org_id}/households/{household_id}`: the household's page (a read
/// written to its access log).
pub async fn show(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    params: RawPathParams,
    ApiQuery(done): ApiQuery<DoneQuery>,
) -> AppResult<Response> {
    let id = path_param(&params, "household_id")?;
    let mut page = household_page(&state, c, &scope, user.id, id, Vec::new()).await?;
    page.done = done.key(&HOUSEHOLD_DONE);
    Ok(private(render(&page)))
}

/// A page of personal data: never kept by the browser.
fn private(mut response: Response) -> Response {
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("no-store"),
    );
    response
}

#[derive(Deserialize)]
pub struct WithdrawForm {
    #[serde(default)]
    purpose: String,
    #[allow(dead_code)]
    csrf: String,
}

/// `POST /associations/{org_id}/households/{household_id}/consents/withdrawal`.
pub async fn withdraw(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    params: RawPathParams,
    PageForm(form): PageForm<WithdrawForm>,
) -> AppResult<Response> {
    let id = path_param(&params, "household_id")?;
    let result =
        twiza_app::registry::withdraw_consent(&state.store, &scope, user.id, id, &form.purpose)
            .await
            .map_err(AppError::from);
    match result {
        Ok(()) => Ok(see_other(&format!(
            "/associations/{}/households/{id}?done=withdrawn#consents",
            scope.org_id().0
        ))),
        Err(e) if e.status == StatusCode::UNPROCESSABLE_ENTITY => {
            let page = household_page(&state, c, &scope, user.id, id, e.fields.clone()).await?;
            Ok(private(render_status(e.status, &page)))
        }
        Err(e) => Err(e),
    }
}

#[derive(Template)]
#[template(path = "household_rectify.html")]
struct RectifyPage {
    c: Ctx,
    org_id: i64,
    household_id: i64,
    reference: String,
    person_id: i64,
    /// The member's fields (`n` 0: no prefix).
    m: MemberRow,
    reason: String,
    errors: Vec<FieldError>,
    choices: Choices,
}

/// The rectification form's member row from a form or a record.
fn rectify_row(values: &HashMap<String, String>, errors: Vec<FieldError>) -> MemberRow {
    MemberRow {
        n: 0,
        legend: String::new(),
        values: MEMBER_FIELDS
            .iter()
            .map(|f| (*f, values.get(*f).cloned().unwrap_or_default()))
            .collect(),
        errors,
    }
}

/// `GET …/households/{household_id}/members/{person_id}/rectification`: the member's record to
/// correct (a read written to the access log).
pub async fn rectify_form(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    params: RawPathParams,
) -> AppResult<Response> {
    let household_id = path_param(&params, "household_id")?;
    let person_id = path_param(&params, "person_id")?;
    let view = state
        .store
        .household(
            &scope,
            &state.config.personal_data,
            household_id,
            Reader {
                account: user.id,
                purpose: "rectification",
            },
            page_read_scope(&scope),
        )
        .await?;
    let m = view
        .members
        .iter()
        .find(|m| m.id == person_id)
        .ok_or_else(AppError::not_found)?;
    let values: HashMap<String, String> = [
        ("given_name_ar", m.given_name_ar.clone()),
        ("family_name_ar", m.family_name_ar.clone()),
        ("given_name_lat", m.given_name_lat.clone()),
        ("family_name_lat", m.family_name_lat.clone()),
        ("sex", Some(m.sex.clone())),
        ("birth_date", Some(m.birth_date.clone())),
        ("relation", Some(m.relation.clone())),
        ("disability", m.disability.clone()),
        ("schooling", Some(m.schooling.clone())),
        ("phone", m.phone.clone()),
        ("cin", m.cin.clone()),
        ("idcs", m.idcs.clone()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.unwrap_or_default()))
    .collect();
    let page = RectifyPage {
        choices: choices(&c),
        c,
        org_id: scope.org_id().0,
        household_id,
        reference: view.reference,
        person_id,
        m: rectify_row(&values, Vec::new()),
        reason: String::new(),
        errors: Vec::new(),
    };
    Ok(private(render(&page)))
}

/// `POST …/households/{household_id}/members/{person_id}/rectification`: corrects the record
/// and records why, or shows the form again with each error next to its field.
pub async fn rectify(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    params: RawPathParams,
    PageForm(form): PageForm<HashMap<String, String>>,
) -> AppResult<Response> {
    let household_id = path_param(&params, "household_id")?;
    let person_id = path_param(&params, "person_id")?;
    let field = |name: &str| form.get(name).map_or("", String::as_str);
    let input = PersonInput {
        given_name_ar: field("given_name_ar"),
        family_name_ar: field("family_name_ar"),
        given_name_lat: field("given_name_lat"),
        family_name_lat: field("family_name_lat"),
        sex: field("sex"),
        birth_date: field("birth_date"),
        relation: field("relation"),
        disability: field("disability"),
        schooling: field("schooling"),
        phone: field("phone"),
        cin: field("cin"),
        idcs: field("idcs"),
    };
    let result = twiza_app::registry::rectify(
        &state.store,
        &state.config.personal_data,
        &scope,
        user.id,
        household_id,
        person_id,
        &input,
        field("reason"),
        time::OffsetDateTime::now_utc().date(),
    )
    .await
    .map_err(AppError::from);
    match result {
        Ok(_) => Ok(see_other(&format!(
            "/associations/{}/households/{household_id}?done=rectified#members",
            scope.org_id().0
        ))),
        Err(e) if e.status == StatusCode::UNPROCESSABLE_ENTITY => {
            let reference = state
                .store
                .household_reference(&scope, household_id)
                .await?;
            let page = RectifyPage {
                choices: choices(&c),
                c,
                org_id: scope.org_id().0,
                household_id,
                reference,
                person_id,
                m: rectify_row(&form, e.fields.clone()),
                reason: field("reason").to_owned(),
                errors: e.fields.clone(),
            };
            Ok(private(render_status(e.status, &page)))
        }
        Err(e) => Err(e),
    }
}

#[derive(Template)]
#[template(path = "household_export.html")]
struct ExportPage {
    c: Ctx,
    org_id: i64,
    id: i64,
    reference: String,
    place: String,
    address: String,
    members: Vec<MemberLine>,
    s: HouseholdSections,
    printed: String,
}

/// `GET /associations/{org_id}/households/{household_id}/export`: everything held about the
/// household, for the household (Law 09-08 right of access), to print; itself a logged read.
pub async fn export(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    params: RawPathParams,
) -> AppResult<Response> {
    let id = path_param(&params, "household_id")?;
    let file = state
        .store
        .subject_export(
            &scope,
            &state.config.personal_data,
            id,
            Reader {
                account: user.id,
                purpose: "subject_access",
            },
        )
        .await?;
    let s = sections(&state, &c, &scope, &file).await?;
    let h = &file.household;
    let page = ExportPage {
        org_id: scope.org_id().0,
        id,
        reference: h.reference.clone(),
        place: match &h.douar {
            Some(d) => format!("{} · {d}", c.commune_name(&h.commune_code)),
            None => c.commune_name(&h.commune_code),
        },
        address: h.address.clone().unwrap_or_default(),
        members: member_lines(&c, &file),
        s,
        printed: c.date(&time::OffsetDateTime::now_utc().date()),
        c,
    };
    Ok(private(render(&page)))
}
