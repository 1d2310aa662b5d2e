//! The social programme pages: the association's programmes, one created from a worked example
//! (the PMT-based cash transfer), its rules checked (read back in words) and saved as a new
//! version, the consenting households enrolled, a cycle computed, and the cycle's page — its
//! entitlements (keyset pages, each household's decision in words), its approval by a second
//! person (`two_person_rule` next to the field otherwise) and, for the treasury, its payment
//! batch, which leads to the batch's page and its bank file.

use super::{render, render_status, see_other, DoneQuery, PageForm};
use crate::authz::{role_in, COORDINATION, CYCLE_APPROVAL, TREASURY};
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
use twiza_app::programmes::{self, Explanation, Unmet};
use twiza_domain::programme::{ConditionSpec, Op, Per, RulesSpec, DIRECT_SOCIAL_AID_EXAMPLE};
use twiza_domain::{FieldError, OrgScope};
use twiza_store::{CycleSummary, ProgrammeView};

/// Households on a page of a cycle.
pub const ENTITLEMENTS: i64 = 50;

/// The fields of the rules a refusal may name: all shown next to the rules' text.
const RULES_PARTS: [&str; 6] = [
    "rules",
    "eligibility",
    "components",
    "minimum",
    "maximum",
    "per_household",
];

/// A refusal of the rules names the part of the rules it is in; the page has one field for them.
fn on_rules_field(errors: Vec<FieldError>) -> Vec<FieldError> {
    errors
        .into_iter()
        .map(|e| {
            if RULES_PARTS.contains(&e.field) {
                FieldError {
                    field: "rules",
                    ..e
                }
            } else {
                e
            }
        })
        .collect()
}

fn org_id(scope: &OrgScope) -> i64 {
    scope.org_id().0
}

#[derive(Template)]
#[template(path = "programmes.html")]
struct ListPage {
    c: Ctx,
    org_id: i64,
    programmes: Vec<ProgrammeView>,
    coordination: bool,
}

/// `GET /associations/{org_id}/programmes`.
pub async fn list(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
) -> AppResult<Response> {
    let programmes = state.store.programmes(&scope).await?;
    Ok(render(&ListPage {
        c,
        org_id: org_id(&scope),
        programmes,
        coordination: role_in(&scope, COORDINATION),
    }))
}

/// What the creation form holds (as typed).
#[derive(Deserialize, Default)]
pub struct ProgrammeForm {
    #[serde(default)]
    code: String,
    #[serde(default)]
    name_ar: String,
    #[serde(default)]
    name_fr: String,
    #[serde(default)]
    retention_days: String,
    #[serde(default)]
    ends_on: String,
    #[serde(default)]
    rules: String,
    #[allow(dead_code)]
    #[serde(default)]
    csrf: String,
}

#[derive(Template)]
#[template(path = "programme_new.html")]
struct NewPage {
    c: Ctx,
    org_id: i64,
    form: ProgrammeForm,
    errors: Vec<FieldError>,
}

/// `GET /associations/{org_id}/programmes/new`: the form, filled with the worked example.
pub async fn new_form(c: Ctx, Extension(scope): Extension<OrgScope>) -> AppResult<Response> {
    let form = ProgrammeForm {
        code: "ASD".to_owned(),
        retention_days: "365".to_owned(),
        rules: DIRECT_SOCIAL_AID_EXAMPLE.to_owned(),
        ..ProgrammeForm::default()
    };
    Ok(render(&NewPage {
        c,
        org_id: org_id(&scope),
        form,
        errors: Vec::new(),
    }))
}

/// `POST /associations/{org_id}/programmes`: creates the programme with its first rules, or
/// shows the form again with each refusal next to its field (nothing written).
pub async fn create(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    PageForm(form): PageForm<ProgrammeForm>,
) -> AppResult<Response> {
    let input = programmes::ProgrammeInput {
        code: &form.code,
        name_ar: &form.name_ar,
        name_fr: &form.name_fr,
        retention_days: form.retention_days.trim().parse().unwrap_or(-1),
        ends_on: Some(form.ends_on.as_str()),
        rules: &form.rules,
    };
    let errors = match programmes::create(&state.store, &scope, user.id, &input).await {
        Ok(saved) => {
            return Ok(see_other(&format!(
                "/associations/{}/programmes/{}?done=created",
                org_id(&scope),
                saved.programme_id
            )))
        }
        Err(twiza_app::Error::Invalid(errors)) => on_rules_field(errors),
        Err(twiza_app::Error::Refused(r)) => vec![FieldError::new("code", r.code())],
        Err(e) => return Err(e.into()),
    };
    let status = if errors.iter().any(|e| e.code == "programme_code_taken") {
        StatusCode::CONFLICT
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok(render_status(
        status,
        &NewPage {
            c,
            org_id: org_id(&scope),
            form,
            errors,
        },
    ))
}

/// The rules of a version, read back in words.
pub struct RulesInWords {
    eligibility: Vec<String>,
    components: Vec<String>,
    bounds: Vec<String>,
}

impl Ctx {
    fn rule_field_name(&self, field: &str) -> String {
        const KNOWN: [&str; 16] = [
            "socio_economic_index",
            "area",
            "housing_damage",
            "size",
            "children",
            "affected_by_incident",
            "region",
            "province",
            "commune",
            "age",
            "sex",
            "relation",
            "in_school",
            "schooling",
            "disabled",
            "child_rank",
        ];
        if KNOWN.contains(&field) {
            self.t(&format!("programme-field-{}", field.replace('_', "-")))
        } else {
            field.to_owned()
        }
    }

    fn condition_words(&self, c: &ConditionSpec) -> String {
        let op = match c.op {
            Op::Eq => "eq",
            Op::Ne => "ne",
            Op::Lt => "lt",
            Op::Le => "le",
            Op::Gt => "gt",
            Op::Ge => "ge",
            Op::In => "in",
        };
        let value = match &c.value {
            serde_json::Value::Bool(true) => self.t("programme-value-yes"),
            serde_json::Value::Bool(false) => self.t("programme-value-no"),
            serde_json::Value::String(s) => s.clone(),
            serde_json::Value::Array(items) => items
                .iter()
                .map(|i| {
                    i.as_str()
                        .map(str::to_owned)
                        .unwrap_or_else(|| i.to_string())
                })
                .collect::<Vec<_>>()
                .join(", "),
            other => other.to_string(),
        };
        format!(
            "{} {} {value}",
            self.rule_field_name(&c.field),
            self.t(&format!("programme-op-{op}"))
        )
    }

    /// A line of an entitlement's breakdown or a component's name: the example's names and the
    /// computed lines in words, other names as the rules wrote them.
    fn line_label(&self, label: &str) -> String {
        const KNOWN: [&str; 8] = [
            "per_household",
            "minimum_top_up",
            "maximum_cap",
            "child_rank_1_3_under_6",
            "child_rank_1_3_in_school",
            "child_rank_4_6_under_6",
            "child_rank_4_6_in_school",
            "child_disability_supplement",
        ];
        if KNOWN.contains(&label) {
            self.t(&format!("programme-line-{}", label.replace('_', "-")))
        } else {
            label.to_owned()
        }
    }

    fn amount_words(&self, raw: &str) -> String {
        match twiza_domain::money::Amount::parse("amount", raw) {
            Ok(a) => self.mad(&a),
            Err(_) => raw.to_owned(),
        }
    }

    /// Checked rules, in words (`None` when the text is not rules).
    fn rules_in_words(&self, text: &str) -> Option<RulesInWords> {
        let spec: RulesSpec = serde_json::from_str(text).ok()?;
        let mut eligibility: Vec<String> = spec
            .eligibility
            .iter()
            .map(|c| self.condition_words(c))
            .collect();
        if eligibility.is_empty() {
            eligibility.push(self.t("programme-eligibility-all"));
        }
        let e = &spec.entitlement;
        let mut components = Vec::new();
        if !matches!(e.per_household.as_str(), "0" | "0.0" | "0.00") {
            components.push(format!(
                "{} · {}",
                self.line_label("per_household"),
                self.amount_words(&e.per_household)
            ));
        }
        for comp in &e.components {
            let whom = match comp.per {
                Per::Member => self.t("programme-per-member"),
                Per::Household => self.t("programme-per-household"),
            };
            let when: Vec<String> = comp.when.iter().map(|c| self.condition_words(c)).collect();
            components.push(format!(
                "{} · {} {whom}{}{}",
                self.line_label(&comp.label),
                self.amount_words(&comp.amount),
                if when.is_empty() { "" } else { " · " },
                when.join(" · ")
            ));
        }
        let mut bounds = Vec::new();
        if let Some(m) = &e.minimum {
            bounds.push(self.t1("programme-minimum", "amount", &self.amount_words(m)));
        }
        if let Some(m) = &e.maximum {
            bounds.push(self.t1("programme-maximum", "amount", &self.amount_words(m)));
        }
        Some(RulesInWords {
            eligibility,
            components,
            bounds,
        })
    }

    /// A cycle's status in words (`computed`, `approved`).
    pub fn cycle_status_name(&self, status: &str) -> String {
        match status {
            "computed" | "approved" => self.t(&format!("cycle-status-{status}")),
            other => other.to_owned(),
        }
    }

    /// The programme's name in the reader's language.
    pub fn programme_name<'a>(&self, p: &'a ProgrammeView) -> &'a str {
        match self.locale {
            twiza_i18n::Locale::Ar => &p.name_ar,
            _ => &p.name_fr,
        }
    }
}

/// The programme page's forms as typed.
#[derive(Default)]
pub struct ProgrammeForms {
    rules: String,
    period: String,
    reference_date: String,
}

#[derive(Template)]
#[template(path = "programme.html")]
struct ProgrammePage {
    c: Ctx,
    org_id: i64,
    programme: ProgrammeView,
    forms: ProgrammeForms,
    /// The rules being checked (or the saved ones), in words.
    words: Option<RulesInWords>,
    checked: bool,
    done: Option<String>,
    errors: Vec<FieldError>,
    coordination: bool,
}

async fn programme_of(state: &AppState, scope: &OrgScope, id: i64) -> AppResult<ProgrammeView> {
    state
        .store
        .programmes(scope)
        .await?
        .into_iter()
        .find(|p| p.id == id)
        .ok_or_else(AppError::not_found)
}

async fn programme_page(
    state: &AppState,
    c: Ctx,
    scope: &OrgScope,
    id: i64,
    forms: Option<ProgrammeForms>,
    errors: Vec<FieldError>,
) -> AppResult<ProgrammePage> {
    let programme = programme_of(state, scope, id).await?;
    let saved = state.store.programme_rules(scope, id).await?;
    let forms = forms.unwrap_or_else(|| ProgrammeForms {
        rules: saved
            .as_ref()
            .and_then(|(_, text)| serde_json::from_str::<serde_json::Value>(text).ok())
            .and_then(|v| serde_json::to_string_pretty(&v).ok())
            .unwrap_or_default(),
        ..ProgrammeForms::default()
    });
    let words = if errors.iter().any(|e| e.field == "rules") {
        None
    } else {
        c.rules_in_words(&forms.rules)
    };
    Ok(ProgrammePage {
        org_id: org_id(scope),
        programme,
        forms,
        words,
        checked: false,
        done: None,
        errors,
        coordination: role_in(scope, COORDINATION),
        c,
    })
}

/// Confirmations of the programme page (`?done=`).
const PROGRAMME_DONE: [(&str, &str); 2] = [
    ("created", "programme-done-created"),
    ("saved", "programme-done-saved"),
];

#[derive(Deserialize)]
pub struct ProgrammeQuery {
    done: Option<String>,
    enrolled: Option<i64>,
}

/// `GET /associations/{org_id}/programmes/{programme_id}`.
pub async fn show(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    params: RawPathParams,
    ApiQuery(q): ApiQuery<ProgrammeQuery>,
) -> AppResult<Response> {
    let id = path_param(&params, "programme_id")?;
    let done = match (q.done.as_deref(), q.enrolled) {
        (Some("enrolled"), Some(n)) => Some(c.tn("programme-done-enrolled", "count", n)),
        (Some(code), _) => DoneQuery {
            done: Some(code.to_owned()),
        }
        .key(&PROGRAMME_DONE)
        .map(|k| c.t(k)),
        _ => None,
    };
    let mut page = programme_page(&state, c, &scope, id, None, Vec::new()).await?;
    page.done = done;
    Ok(render(&page))
}

#[derive(Deserialize)]
pub struct RulesForm {
    #[serde(default)]
    rules: String,
    /// `check` (read back, nothing saved) or `save`.
    #[serde(default)]
    action: String,
    #[allow(dead_code)]
    #[serde(default)]
    csrf: String,
}

/// `POST /associations/{org_id}/programmes/{programme_id}/rules`: checks the rules and reads
/// them back in words (`action=check`), or saves them as a new version; rules that do not
/// parse are refused next to the field, nothing saved.
pub async fn rules(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    params: RawPathParams,
    PageForm(form): PageForm<RulesForm>,
) -> AppResult<Response> {
    let id = path_param(&params, "programme_id")?;
    let checked = programmes::check_rules(&form.rules);
    let errors = match checked {
        Err(e) => on_rules_field(vec![e]),
        Ok(_) if form.action == "check" => Vec::new(),
        Ok(_) => {
            match programmes::add_rules(&state.store, &scope, user.id, id, &form.rules).await {
                Ok(_) => {
                    return Ok(see_other(&format!(
                        "/associations/{}/programmes/{id}?done=saved",
                        org_id(&scope)
                    )))
                }
                Err(twiza_app::Error::Invalid(errors)) => on_rules_field(errors),
                Err(e) => return Err(e.into()),
            }
        }
    };
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let forms = ProgrammeForms {
        rules: form.rules,
        ..ProgrammeForms::default()
    };
    let mut page = programme_page(&state, c, &scope, id, Some(forms), errors).await?;
    page.checked = status == StatusCode::OK;
    Ok(render_status(status, &page))
}

/// `POST /associations/{org_id}/programmes/{programme_id}/enrollments`: enrolls the households
/// that consented and are not enrolled yet (a second time enrolls nobody twice).
pub async fn enroll(
    State(state): State<AppState>,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    params: RawPathParams,
    PageForm(_): PageForm<super::CsrfOnly>,
) -> AppResult<Response> {
    let id = path_param(&params, "programme_id")?;
    let n = programmes::enroll(&state.store, &scope, user.id, id).await?;
    Ok(see_other(&format!(
        "/associations/{}/programmes/{id}?done=enrolled&enrolled={n}",
        org_id(&scope)
    )))
}

#[derive(Deserialize)]
pub struct CycleForm {
    #[serde(default)]
    period: String,
    #[serde(default)]
    reference_date: String,
    #[allow(dead_code)]
    #[serde(default)]
    csrf: String,
}

/// `POST /associations/{org_id}/programmes/{programme_id}/cycles`: computes the cycle of a
/// period (again, until it is approved), then its page.
pub async fn compute(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    params: RawPathParams,
    PageForm(form): PageForm<CycleForm>,
) -> AppResult<Response> {
    let id = path_param(&params, "programme_id")?;
    let result = programmes::compute_cycle(
        &state.store,
        &scope,
        user.id,
        id,
        &form.period,
        &form.reference_date,
    )
    .await;
    let (status, errors) = match result {
        Ok(cycle) => {
            return Ok(see_other(&format!(
                "/associations/{}/cycles/{}?done=computed",
                org_id(&scope),
                cycle.id
            )))
        }
        Err(twiza_app::Error::Invalid(errors)) => (StatusCode::UNPROCESSABLE_ENTITY, errors),
        Err(twiza_app::Error::Refused(r)) => (
            StatusCode::CONFLICT,
            vec![FieldError::new("period", r.code())],
        ),
        Err(e) => return Err(e.into()),
    };
    let forms = ProgrammeForms {
        period: form.period,
        reference_date: form.reference_date,
        ..ProgrammeForms::default()
    };
    let mut page = programme_page(&state, c, &scope, id, Some(forms), errors).await?;
    // The rules' text is the saved one: the form above shows it again.
    if let Some((_, text)) = state.store.programme_rules(&scope, id).await? {
        page.forms.rules = text;
        page.words = page.c.rules_in_words(&page.forms.rules);
    }
    Ok(render_status(status, &page))
}

/// One household's decision as the cycle page says it.
pub struct EntitlementLine {
    household_id: i64,
    reference: String,
    eligible: bool,
    amount: String,
    /// Why, in words: the unmet conditions, or the lines making the amount.
    why: Vec<String>,
}

fn entitlement_line(c: &Ctx, e: twiza_store::EntitlementRow) -> EntitlementLine {
    let why = match programmes::explanation(&e.explanation) {
        Explanation::Lines(lines) => lines
            .into_iter()
            .map(|(label, count, centimes)| {
                let label = c.line_label(&label);
                if count > 1 {
                    format!("{label} × {} · {}", c.int(count), c.money(centimes))
                } else {
                    format!("{label} · {}", c.money(centimes))
                }
            })
            .collect(),
        Explanation::Unmet(unmet) => unmet
            .into_iter()
            .map(|u| match u {
                Unmet::Condition {
                    position,
                    field,
                    missing,
                } => {
                    let key = if missing {
                        "cycle-condition-unknown"
                    } else {
                        "cycle-condition-unmet"
                    };
                    c.messages.t_args(
                        c.locale,
                        key,
                        &[
                            (
                                "n",
                                twiza_i18n::Arg::Int(i64::try_from(position).unwrap_or(0) + 1),
                            ),
                            ("field", twiza_i18n::Arg::Str(&c.rule_field_name(&field))),
                        ],
                    )
                }
                Unmet::DuplicateHousehold => c.t("cycle-duplicate-household"),
            })
            .collect(),
    };
    EntitlementLine {
        household_id: e.household_id,
        reference: e.reference,
        eligible: e.eligible,
        amount: c.money(e.centimes),
        why,
    }
}

/// The payment batch form as typed.
#[derive(Deserialize, Default)]
pub struct BatchForm {
    #[serde(default)]
    debtor_name: String,
    #[serde(default)]
    debtor_account: String,
    #[serde(default)]
    execution_date: String,
    #[allow(dead_code)]
    #[serde(default)]
    csrf: String,
}

#[derive(Template)]
#[template(path = "cycle.html")]
struct CyclePage {
    c: Ctx,
    org_id: i64,
    programme: ProgrammeView,
    cycle: CycleSummary,
    lines: Vec<EntitlementLine>,
    /// The period isolated left to right, so that `2026-12` reads so in Arabic.
    period: String,
    more: Option<String>,
    done: Option<String>,
    errors: Vec<FieldError>,
    batch: BatchForm,
    approver: bool,
    treasury: bool,
}

async fn cycle_page(
    state: &AppState,
    c: Ctx,
    scope: &OrgScope,
    id: i64,
    after: i64,
    errors: Vec<FieldError>,
    batch: BatchForm,
) -> AppResult<CyclePage> {
    let cycle = state.store.cycle(scope, id).await?;
    let programme = programme_of(state, scope, cycle.programme_id).await?;
    let rows = state
        .store
        .cycle_entitlements(scope, id, after, ENTITLEMENTS)
        .await?;
    let more = (rows.len() as i64 == ENTITLEMENTS)
        .then(|| rows.last())
        .flatten()
        .map(|r| {
            format!(
                "/associations/{}/cycles/{id}?after={}",
                org_id(scope),
                r.household_id
            )
        });
    let lines = rows.into_iter().map(|r| entitlement_line(&c, r)).collect();
    Ok(CyclePage {
        org_id: org_id(scope),
        programme,
        period: format!("\u{2066}{}\u{2069}", cycle.period),
        cycle,
        lines,
        more,
        done: None,
        errors,
        batch,
        approver: role_in(scope, CYCLE_APPROVAL),
        treasury: role_in(scope, TREASURY),
        c,
    })
}

const CYCLE_DONE: [(&str, &str); 2] = [
    ("computed", "cycle-done-computed"),
    ("approved", "cycle-done-approved"),
];

#[derive(Deserialize)]
pub struct CycleQuery {
    after: Option<i64>,
    done: Option<String>,
}

/// `GET /associations/{org_id}/cycles/{cycle_id}`: the cycle, its households a page at a time.
pub async fn cycle(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    params: RawPathParams,
    ApiQuery(q): ApiQuery<CycleQuery>,
) -> AppResult<Response> {
    let id = path_param(&params, "cycle_id")?;
    let done = DoneQuery { done: q.done }.key(&CYCLE_DONE).map(|k| c.t(k));
    let mut page = cycle_page(
        &state,
        c,
        &scope,
        id,
        q.after.unwrap_or(0),
        Vec::new(),
        BatchForm::default(),
    )
    .await?;
    page.done = done;
    Ok(render(&page))
}

#[derive(Deserialize)]
pub struct ApproveForm {
    #[serde(default)]
    confirm: String,
    #[allow(dead_code)]
    #[serde(default)]
    csrf: String,
}

/// `POST /associations/{org_id}/cycles/{cycle_id}/approve`: the second person's approval; the
/// person who computed the cycle is refused next to the field (`two_person_rule`, 409).
pub async fn approve(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    params: RawPathParams,
    PageForm(form): PageForm<ApproveForm>,
) -> AppResult<Response> {
    let id = path_param(&params, "cycle_id")?;
    let (status, errors) = if form.confirm != "yes" {
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            vec![FieldError::new("confirm", "required")],
        )
    } else {
        match programmes::approve_cycle(&state.store, &scope, user.id, id).await {
            Ok(_) => {
                return Ok(see_other(&format!(
                    "/associations/{}/cycles/{id}?done=approved",
                    org_id(&scope)
                )))
            }
            Err(twiza_app::Error::Refused(r)) => (
                StatusCode::CONFLICT,
                vec![FieldError::new("confirm", r.code())],
            ),
            Err(e) => return Err(e.into()),
        }
    };
    let page = cycle_page(&state, c, &scope, id, 0, errors, BatchForm::default()).await?;
    Ok(render_status(status, &page))
}

/// `POST /associations/{org_id}/cycles/{cycle_id}/payment-batch`: the treasury makes the
/// batch of an approved cycle, then its page (with the bank file).
pub async fn create_batch(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    params: RawPathParams,
    PageForm(form): PageForm<BatchForm>,
) -> AppResult<Response> {
    let id = path_param(&params, "cycle_id")?;
    let input = programmes::BatchInput {
        debtor_name: &form.debtor_name,
        debtor_account: &form.debtor_account,
        execution_date: &form.execution_date,
    };
    let (status, errors) =
        match programmes::create_batch(&state.store, &scope, user.id, id, &input).await {
            Ok(batch) => {
                return Ok(see_other(&format!(
                    "/associations/{}/payment-batches/{}",
                    org_id(&scope),
                    batch.id
                )))
            }
            Err(twiza_app::Error::Invalid(errors)) => (StatusCode::UNPROCESSABLE_ENTITY, errors),
            Err(twiza_app::Error::Refused(r)) => (
                StatusCode::CONFLICT,
                vec![FieldError::new("execution_date", r.code())],
            ),
            Err(e) => return Err(e.into()),
        };
    let page = cycle_page(&state, c, &scope, id, 0, errors, form).await?;
    Ok(render_status(status, &page))
}
