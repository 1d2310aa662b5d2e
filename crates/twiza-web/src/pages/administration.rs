//! The platform admin's pages: the administration home, the accounts (search, keyset pages),
//! creating an account, one account with its history, disabling and enabling it, and giving or
//! taking its platform role after a check of what will change. The rules are
//! `twiza_app::administration`'s.

use super::{render, render_status, see_other, CsrfOnly, PageForm};
use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::extract::{path_param, ApiQuery, CurrentUser};
use crate::AppState;
use askama::Template;
use axum::extract::{RawPathParams, State};
use axum::http::StatusCode;
use axum::response::Response;
use twiza_app::administration::{self as admin, Administrator};
use twiza_domain::account::{NewAccount, PlatformGrant};
use twiza_domain::competence::{Competence, CompetenceKind};
use twiza_domain::{FieldError, PlatformRole, UserId};
use twiza_store::{Account, AccountChange, AccountsPage, AccountsQuery, User};

/// Accounts per page of the list.
const PER_PAGE: i64 = 25;
/// Changes shown on an account's page (newest first).
const HISTORY: i64 = 100;

/// Confirmations after a change (`?done=`), with their messages.
const DONE: [(&str, &str); 5] = [
    ("created", "admin-done-created"),
    ("disabled", "admin-done-disabled"),
    ("enabled", "admin-done-enabled"),
    ("role_given", "admin-done-role-given"),
    ("role_taken", "admin-done-role-taken"),
];

/// The confirmation of `done`, among the known ones.
fn done_key(done: Option<&str>) -> Option<&'static str> {
    let done = done?;
    DONE.iter()
        .find(|(code, _)| *code == done)
        .map(|(_, key)| *key)
}

#[derive(Template)]
#[template(path = "admin_home.html")]
struct HomePage {
    c: Ctx,
}

/// `GET /admin`.
pub async fn home(c: Ctx) -> Response {
    render(&HomePage { c })
}

#[derive(serde::Deserialize)]
pub struct ListQuery {
    q: Option<String>,
    after: Option<i64>,
    before: Option<i64>,
    done: Option<String>,
}

#[derive(Template)]
#[template(path = "admin_accounts.html")]
struct ListPage {
    c: Ctx,
    /// The search as typed.
    q: String,
    page: AccountsPage,
    done: Option<&'static str>,
}

impl ListPage {
    /// The address of a neighbouring page (`after` or `before` the cursor), keeping the search.
    fn page_link(&self, direction: &str, cursor: impl std::fmt::Display) -> String {
        let cursor = cursor.to_string();
        let mut pairs = vec![(direction, cursor.as_str())];
        if !self.q.is_empty() {
            pairs.insert(0, ("q", self.q.as_str()));
        }
        format!(
            "/admin/accounts?{}",
            serde_urlencoded::to_string(pairs).unwrap_or_default()
        )
    }
}

/// `GET /admin/accounts?q=&after=&before=`.
pub async fn accounts(
    State(state): State<AppState>,
    c: Ctx,
    CurrentUser(me): CurrentUser,
    ApiQuery(query): ApiQuery<ListQuery>,
) -> AppResult<Response> {
    let q: String = query
        .q
        .unwrap_or_default()
        .trim()
        .chars()
        .take(100)
        .collect();
    let search = AccountsQuery {
        search: Some(q.clone()).filter(|q| !q.is_empty()),
        after: query.after,
        before: query.before,
        per_page: PER_PAGE,
    };
    let page = admin::accounts(&state.store, Administrator::Admin(&me), &search).await?;
    let done = done_key(query.done.as_deref());
    Ok(render(&ListPage { c, q, page, done }))
}

/// The role form's values (creation and change), its errors, and a rule it broke.
#[derive(Default)]
pub struct AccountForm {
    pub display_name: String,
    pub email: String,
    pub role: String,
    pub competence: String,
    pub competence_code: String,
    pub errors: Vec<FieldError>,
    /// The code of a refusal (`own_account`, `last_platform_admin`…).
    pub refusal: Option<&'static str>,
}

/// The choices of the role and competence fields, in the reader's language.
pub struct Choices {
    /// (value, name); the first is "no platform role".
    pub roles: Vec<(&'static str, String)>,
    pub kinds: Vec<(&'static str, String)>,
    pub regions: Vec<(String, String)>,
    /// (region name, [(province code, province name)]).
    pub provinces: Vec<(String, Vec<(String, String)>)>,
}

impl Choices {
    /// Whether `code` is one of the region and province codes offered.
    pub fn knows(&self, code: &str) -> bool {
        self.regions.iter().any(|(c, _)| c == code)
            || self
                .provinces
                .iter()
                .any(|(_, list)| list.iter().any(|(c, _)| c == code))
    }
}

fn choices(c: &Ctx) -> Choices {
    let mut roles = vec![("none", c.t("admin-role-none"))];
    roles.extend(
        PlatformRole::ALL
            .iter()
            .map(|r| (r.as_str(), c.platform_role_name(r))),
    );
    let kinds = CompetenceKind::ALL
        .iter()
        .map(|k| (k.as_str(), c.authority_name(&k.scope())))
        .collect();
    let geo = twiza_geo::geo();
    let regions = geo
        .regions()
        .iter()
        .map(|r| {
            (
                r.code.as_str().to_owned(),
                c.place_name(&r.name_ar, &r.name_fr),
            )
        })
        .collect();
    let provinces = geo
        .regions()
        .iter()
        .map(|r| {
            let list = geo
                .provinces_of(&r.code)
                .into_iter()
                .map(|p| {
                    (
                        p.code.as_str().to_owned(),
                        c.place_name(&p.name_ar, &p.name_fr),
                    )
                })
                .collect();
            (c.place_name(&r.name_ar, &r.name_fr), list)
        })
        .collect();
    Choices {
        roles,
        kinds,
        regions,
        provinces,
    }
}

#[derive(Template)]
#[template(path = "admin_account_new.html")]
struct NewAccountPage {
    c: Ctx,
    f: AccountForm,
    choices: Choices,
}

fn new_account_page(c: Ctx, f: AccountForm) -> NewAccountPage {
    let choices = choices(&c);
    NewAccountPage { c, f, choices }
}

/// `GET /admin/accounts/new`.
pub async fn new_form(c: Ctx) -> Response {
    let f = AccountForm {
        role: "none".into(),
        ..Default::default()
    };
    render(&new_account_page(c, f))
}

#[derive(serde::Deserialize)]
pub struct CreateForm {
    #[serde(default)]
    display_name: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    competence: String,
    #[serde(default)]
    competence_code: String,
    #[allow(dead_code)]
    csrf: String,
}

/// `POST /admin/accounts`: creates the account; a field error or a taken address shows the form
/// again with the message next to its field.
pub async fn create(
    State(state): State<AppState>,
    c: Ctx,
    CurrentUser(me): CurrentUser,
    PageForm(form): PageForm<CreateForm>,
) -> AppResult<Response> {
    let mut f = AccountForm {
        display_name: form.display_name,
        email: form.email,
        role: form.role,
        competence: form.competence,
        competence_code: form.competence_code,
        ..Default::default()
    };
    let parsed = NewAccount::parse(
        &f.display_name,
        &f.email,
        &f.role,
        &f.competence,
        &f.competence_code,
    );
    let result = match parsed {
        Ok(new) => admin::create_account(&state.store, Administrator::Admin(&me), &new).await,
        Err(errors) => Err(errors.into()),
    };
    match result.map_err(AppError::from) {
        Ok(id) => {
            // The holder sets a password through the link sent to the address (when e-mail is
            // on; otherwise through "forgot password" once it is).
            twiza_app::accounts::send_password_link(&state.store, &state.mail, id, c.locale)
                .await?;
            Ok(see_other(&format!("/admin/accounts/{}?done=created", id.0)))
        }
        Err(e) if e.status.is_client_error() && e.status != StatusCode::FORBIDDEN => {
            f.errors = e.fields.clone();
            if f.errors.is_empty() {
                f.errors.push(FieldError::new("email", e.code));
            }
            Ok(render_status(e.status, &new_account_page(c, f)))
        }
        Err(e) => Err(e),
    }
}

#[derive(Template)]
#[template(path = "admin_account.html")]
struct AccountPage {
    c: Ctx,
    account: Account,
    changes: Vec<AccountChange>,
    /// The account is the admin's own (no disabling, no role change).
    own: bool,
    f: AccountForm,
    choices: Choices,
    done: Option<&'static str>,
}

/// The role form as the account holds its role now.
fn current_role_form(account: &Account) -> AccountForm {
    let competence = account.user.competence.as_ref();
    AccountForm {
        role: account
            .user
            .platform_role
            .map_or("none", PlatformRole::as_str)
            .to_owned(),
        competence: competence.map_or("", |c| c.kind().as_str()).to_owned(),
        competence_code: competence
            .and_then(Competence::code)
            .unwrap_or_default()
            .to_owned(),
        ..Default::default()
    }
}

async fn account_page(
    state: &AppState,
    c: Ctx,
    me: &User,
    id: UserId,
    f: Option<AccountForm>,
    done: Option<&'static str>,
) -> AppResult<AccountPage> {
    let (account, changes) =
        admin::account(&state.store, Administrator::Admin(me), id, HISTORY).await?;
    let f = f.unwrap_or_else(|| current_role_form(&account));
    let choices = choices(&c);
    Ok(AccountPage {
        c,
        own: account.user.id == me.id,
        account,
        changes,
        f,
        choices,
        done,
    })
}

#[derive(serde::Deserialize)]
pub struct AccountQuery {
    done: Option<String>,
}

/// `GET /admin/accounts/{user_id}`.
pub async fn show(
    State(state): State<AppState>,
    c: Ctx,
    CurrentUser(me): CurrentUser,
    params: RawPathParams,
    ApiQuery(query): ApiQuery<AccountQuery>,
) -> AppResult<Response> {
    let id = UserId(path_param(&params, "user_id")?);
    let done = done_key(query.done.as_deref());
    Ok(render(&account_page(&state, c, &me, id, None, done).await?))
}

/// After a change: the account's page with its confirmation; a refusal: the page again with
/// its message.
async fn answer(
    state: &AppState,
    c: Ctx,
    me: &User,
    id: UserId,
    result: twiza_app::Result<()>,
    done: &str,
    f: Option<AccountForm>,
) -> AppResult<Response> {
    // Cached token owners carry their role and their state: forget them after any change.
    state.access_cache.forget_tokens();
    let refusal = match result {
        Ok(()) => return Ok(see_other(&format!("/admin/accounts/{}?done={done}", id.0))),
        Err(twiza_app::Error::Refused(refusal)) => refusal,
        Err(e) => return Err(e.into()),
    };
    let status = AppError::from(refusal).status;
    let mut page = account_page(state, c, me, id, f, None).await?;
    page.f.refusal = Some(refusal.code());
    Ok(render_status(status, &page))
}

/// `POST /admin/accounts/{user_id}/disable`.
pub async fn disable(
    State(state): State<AppState>,
    c: Ctx,
    CurrentUser(me): CurrentUser,
    params: RawPathParams,
    PageForm(_): PageForm<CsrfOnly>,
) -> AppResult<Response> {
    let id = UserId(path_param(&params, "user_id")?);
    let result = admin::disable_account(&state.store, Administrator::Admin(&me), id).await;
    answer(&state, c, &me, id, result, "disabled", None).await
}

/// `POST /admin/accounts/{user_id}/enable`.
pub async fn enable(
    State(state): State<AppState>,
    c: Ctx,
    CurrentUser(me): CurrentUser,
    params: RawPathParams,
    PageForm(_): PageForm<CsrfOnly>,
) -> AppResult<Response> {
    let id = UserId(path_param(&params, "user_id")?);
    let result = admin::enable_account(&state.store, Administrator::Admin(&me), id).await;
    answer(&state, c, &me, id, result, "enabled", None).await
}

#[derive(serde::Deserialize)]
pub struct RoleForm {
    #[serde(default)]
    role: String,
    #[serde(default)]
    competence: String,
    #[serde(default)]
    competence_code: String,
    /// `yes` once the change was checked.
    #[serde(default)]
    confirm: String,
    #[allow(dead_code)]
    csrf: String,
}

/// The check before a role is given or taken: the account, its role now and afterwards, and the
/// same fields again with `confirm=yes`.
#[derive(Template)]
#[template(path = "admin_role_check.html")]
struct RoleCheckPage {
    c: Ctx,
    account: Account,
    grant: Option<PlatformGrant>,
    f: AccountForm,
}

/// `POST /admin/accounts/{user_id}/role`: first the check, then, confirmed, the change.
pub async fn change_role(
    State(state): State<AppState>,
    c: Ctx,
    CurrentUser(me): CurrentUser,
    params: RawPathParams,
    PageForm(form): PageForm<RoleForm>,
) -> AppResult<Response> {
    let id = UserId(path_param(&params, "user_id")?);
    let f = AccountForm {
        role: form.role,
        competence: form.competence,
        competence_code: form.competence_code,
        ..Default::default()
    };
    let grant = match PlatformGrant::parse(&f.role, &f.competence, &f.competence_code) {
        Ok(grant) => grant,
        Err(error) => {
            let mut page = account_page(&state, c, &me, id, Some(f), None).await?;
            page.f.errors = vec![error];
            return Ok(render_status(StatusCode::UNPROCESSABLE_ENTITY, &page));
        }
    };
    if form.confirm != "yes" {
        let (account, _) = admin::account(&state.store, Administrator::Admin(&me), id, 0).await?;
        return Ok(render(&RoleCheckPage {
            c,
            account,
            grant,
            f,
        }));
    }
    let done = if grant.is_some() {
        "role_given"
    } else {
        "role_taken"
    };
    let result =
        admin::change_platform_role(&state.store, Administrator::Admin(&me), id, grant.as_ref())
            .await;
    answer(&state, c, &me, id, result, done, Some(f)).await
}

impl Ctx {
    /// The message of a refusal's code.
    pub fn refusal_message(&self, code: &str) -> String {
        self.t(&AppError::message_key(code))
    }

    /// A competence in words: "The governor of the province or prefecture — Al Haouz".
    pub fn competence_words(&self, competence: &Competence) -> String {
        let authority = self.authority_name(&competence.kind().scope());
        match competence {
            Competence::Province(p) => format!("{authority} — {}", self.province_name(p.as_str())),
            Competence::Region(r) => format!("{authority} — {}", self.region_name(r.as_str())),
            Competence::National | Competence::Abroad => authority,
        }
    }

    /// A platform role (or none) in words, with an authority's competence.
    fn role_words(&self, role: Option<PlatformRole>, competence: Option<&Competence>) -> String {
        match (role, competence) {
            (None, _) => self.t("admin-role-none"),
            (Some(PlatformRole::Authority), Some(c)) => format!(
                "{} ({})",
                self.platform_role_name(&PlatformRole::Authority),
                self.competence_words(c)
            ),
            (Some(role), _) => self.platform_role_name(&role),
        }
    }

    /// The role a change will give, in words.
    pub fn grant_words(&self, grant: &Option<PlatformGrant>) -> String {
        let grant = grant.as_ref();
        self.role_words(
            grant.map(PlatformGrant::role),
            grant.and_then(PlatformGrant::competence),
        )
    }

    /// An account's platform role in words.
    pub fn account_role_words(&self, user: &User) -> String {
        self.role_words(user.platform_role, user.competence.as_ref())
    }

    /// One recorded change in words: "Account created", "Role given: Authority (…)".
    pub fn account_change_words(&self, change: &AccountChange) -> String {
        let key = format!("admin-action-{}", change.action.as_str().replace('_', "-"));
        match change.role {
            Some(role) => {
                let role = self.role_words(Some(role), change.competence.as_ref());
                self.t1(&key, "role", &role)
            }
            None => self.t(&key),
        }
    }

    /// Who made a change: an admin's name, or the command line.
    pub fn changed_by_words(&self, change: &AccountChange) -> String {
        change
            .changed_by_name
            .clone()
            .unwrap_or_else(|| self.t("admin-by-command-line"))
    }

    /// The date and time of a change, in the reader's language (UTC).
    pub fn when(&self, at: &time::OffsetDateTime) -> String {
        format!(
            "{} {:02}:{:02}",
            self.date(&at.date()),
            at.hour(),
            at.minute()
        )
    }
}
