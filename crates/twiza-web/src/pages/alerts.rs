//! The alert pages of authorities (`/authority/alerts…`) and associations
//! (`/associations/{org_id}/alerts…`): the form (communes, kind, texts), the preview (recipients
//! per commune and language, each language's text with its SMS parts, the total parts and the
//! cost) with its confirm button carrying the form's key, the broadcast's page (its messages
//! waiting, sent or failed in the outbox), and the past broadcasts. The rules are
//! `twiza_app::alerts`'; these pages only translate.

use super::declaration::{provinces_of, DeclarationForm};
use super::{render, render_status, see_other, DoneQuery};
use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::extract::{path_param, CurrentUser, PathId};
use crate::AppState;
use askama::Template;
use axum::extract::{Query, RawPathParams, RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Extension;
use twiza_app::alerts::{self, AlertSender, Preview};
use twiza_domain::alert::{AlertInput, NewAlert, KINDS};
use twiza_domain::sms_segments::SmsEncoding;
use twiza_domain::{FieldError, OrgScope, PlatformRole, Refusal};
use twiza_geo::{Commune, Province};
use twiza_i18n::PhoneLanguage;
use twiza_store::{AlertBroadcast, BroadcastStates, User};

/// Broadcasts on a page of the list.
pub const BROADCASTS: i64 = 30;

/// Confirmations of a broadcast's page.
const DONE: [(&str, &str); 1] = [("sent", "alerts-done-sent")];

/// Whose alerts a page is about: an authority's, or an association's.
#[derive(Clone, Copy)]
enum Owner<'a> {
    Authority(&'a User),
    Association { scope: &'a OrgScope, user: &'a User },
}

impl Owner<'_> {
    fn base(&self) -> String {
        match self {
            Owner::Authority(_) => "/authority/alerts".to_owned(),
            Owner::Association { scope, .. } => {
                format!("/associations/{}/alerts", scope.org_id().0)
            }
        }
    }

    fn sender(&self) -> AlertSender<'_> {
        match *self {
            Owner::Authority(user) => AlertSender::Authority(user),
            Owner::Association { scope, user } => AlertSender::Association {
                scope,
                user: user.id,
            },
        }
    }

    /// Where the back link of the list goes.
    fn home(&self) -> String {
        match self {
            Owner::Authority(_) => "/authority/incidents".to_owned(),
            Owner::Association { scope, .. } => {
                format!("/associations/{}/manage", scope.org_id().0)
            }
        }
    }
}

impl Ctx {
    /// A phone language's name in the page's language.
    pub fn phone_language_name(&self, language: &PhoneLanguage) -> String {
        self.t(&format!(
            "alerts-language-{}",
            language.tag().to_lowercase()
        ))
    }

    /// A broadcast's kind in words.
    pub fn alert_kind_name(&self, kind: &str) -> String {
        self.t(&format!("alerts-kind-{}", kind.replace('_', "-")))
    }

    /// A count shown on the alert pages.
    pub fn alert_number(&self, n: &i64) -> String {
        self.int(*n)
    }

    /// A size (units, parts) shown on the alert pages.
    pub fn alert_size(&self, n: &usize) -> String {
        self.int(i64::try_from(*n).unwrap_or(i64::MAX))
    }

    /// An amount in centimes shown on the alert pages.
    pub fn alert_money(&self, centimes: &i64) -> String {
        self.money(*centimes)
    }

    /// An SMS encoding in words.
    pub fn sms_encoding_name(&self, encoding: &SmsEncoding) -> String {
        self.t(match encoding {
            SmsEncoding::Gsm7 => "alerts-encoding-gsm7",
            SmsEncoding::Ucs2 => "alerts-encoding-ucs2",
        })
    }
}

/// The alert form's values (repeated `province` and `commune`).
fn input(form: &DeclarationForm) -> AlertInput<'_> {
    AlertInput {
        communes: form.all("commune"),
        kind: form.get("kind"),
        text_arabic: form.get("text_arabic"),
        text_latin: form.get("text_latin"),
        fake_appeal: form.get("fake_appeal"),
    }
}

#[derive(Template)]
#[template(path = "alert_new.html")]
struct NewPage {
    c: Ctx,
    base: String,
    form: DeclarationForm,
    kinds: [&'static str; 2],
    /// An authority's provinces to choose first (more than one).
    provinces: Vec<&'static Province>,
    /// The communes offered, by province for an authority.
    communes: Vec<(Option<&'static Province>, Vec<&'static Commune>)>,
    form_key: String,
}

/// The form, with the communes its sender may alert.
async fn new_page(
    state: &AppState,
    c: Ctx,
    owner: Owner<'_>,
    form: DeclarationForm,
) -> AppResult<NewPage> {
    let geo = twiza_geo::geo();
    let (provinces, communes) = match owner {
        Owner::Authority(user) => {
            let provinces = provinces_of(user);
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
                .map(|p| (Some(p), geo.communes_of(&p.code)))
                .collect();
            (provinces, communes)
        }
        Owner::Association { scope, .. } => {
            let served: Vec<&'static Commune> = state
                .store
                .pledged_communes(scope)
                .await?
                .iter()
                .filter_map(|code| twiza_geo::CommuneCode::parse(code).ok())
                .filter_map(|code| geo.commune(&code))
                .collect();
            let communes = if served.is_empty() {
                Vec::new()
            } else {
                vec![(None, served)]
            };
            (Vec::new(), communes)
        }
    };
    let form_key = match alerts::form_key(form.get("form_key")) {
        Some(key) => key.to_owned(),
        None => hex::encode(rand::random::<[u8; 16]>()),
    };
    Ok(NewPage {
        c,
        base: owner.base(),
        form,
        kinds: KINDS,
        provinces,
        communes,
        form_key,
    })
}

/// The form again with its errors (nothing written).
async fn form_again(
    state: &AppState,
    c: Ctx,
    owner: Owner<'_>,
    mut form: DeclarationForm,
    errors: Vec<FieldError>,
    status: StatusCode,
) -> AppResult<Response> {
    form.errors = errors;
    let page = new_page(state, c, owner, form).await?;
    Ok(render_status(status, &page))
}

/// A refusal shown next to the communes, with its status.
fn refused(e: twiza_app::Error) -> Result<(Vec<FieldError>, StatusCode), AppError> {
    match e {
        twiza_app::Error::Invalid(errors) => Ok((errors, StatusCode::UNPROCESSABLE_ENTITY)),
        twiza_app::Error::Refused(Refusal::OutsideCompetence) => Ok((
            vec![FieldError::new("communes", "outside_territory")],
            StatusCode::FORBIDDEN,
        )),
        twiza_app::Error::Refused(Refusal::AlertCommunesNotServed) => Ok((
            vec![FieldError::new("communes", "alert_communes_not_served")],
            StatusCode::FORBIDDEN,
        )),
        twiza_app::Error::Refused(Refusal::AlertAppealAuthorized) => Ok((
            vec![FieldError::new("fake_appeal", "alert_appeal_authorized")],
            StatusCode::CONFLICT,
        )),
        twiza_app::Error::Refused(Refusal::OrganizationNotVerified) => Ok((
            vec![FieldError::new("communes", "organization_not_verified")],
            StatusCode::CONFLICT,
        )),
        other => Err(other.into()),
    }
}

#[derive(Template)]
#[template(path = "alert_preview.html")]
struct PreviewPage {
    c: Ctx,
    base: String,
    form: DeclarationForm,
    alert: NewAlert,
    preview: Preview,
    form_key: String,
}

async fn preview(state: &AppState, c: Ctx, owner: Owner<'_>, body: &str) -> AppResult<Response> {
    let form = DeclarationForm::parse(Some(body));
    let alert = match NewAlert::parse(&input(&form)) {
        Ok(alert) => alert,
        Err(errors) => {
            return form_again(
                state,
                c,
                owner,
                form,
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    };
    let shown = alerts::preview(
        &state.store,
        &state.phone_messages,
        owner.sender(),
        &alert,
        state.config.sms_price_per_part,
    )
    .await;
    match shown {
        Ok(preview) => {
            let form_key = match alerts::form_key(form.get("form_key")) {
                Some(key) => key.to_owned(),
                None => hex::encode(rand::random::<[u8; 16]>()),
            };
            Ok(render(&PreviewPage {
                c,
                base: owner.base(),
                form,
                alert,
                preview,
                form_key,
            }))
        }
        Err(e) => {
            let (errors, status) = refused(e)?;
            form_again(state, c, owner, form, errors, status).await
        }
    }
}

async fn send(state: &AppState, c: Ctx, owner: Owner<'_>, body: &str) -> AppResult<Response> {
    let form = DeclarationForm::parse(Some(body));
    let alert = match NewAlert::parse(&input(&form)) {
        Ok(alert) => alert,
        Err(errors) => {
            return form_again(
                state,
                c,
                owner,
                form,
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    };
    let Some(key) = alerts::form_key(form.get("form_key")).map(str::to_owned) else {
        return Err(AppError::bad_request("bad_request"));
    };
    let sent = alerts::send(
        &state.store,
        &state.config.personal_data,
        &state.phone_messages,
        owner.sender(),
        &alert,
        &key,
        state.config.sms_price_per_part,
    )
    .await;
    match sent {
        Ok((id, _)) => Ok(see_other(&format!("{}/{id}?done=sent", owner.base()))),
        Err(e) => {
            let (errors, status) = refused(e)?;
            form_again(state, c, owner, form, errors, status).await
        }
    }
}

#[derive(Template)]
#[template(path = "alert.html")]
struct BroadcastPage {
    c: Ctx,
    base: String,
    broadcast: AlertBroadcast,
    communes: Vec<(String, i64)>,
    states: BroadcastStates,
    /// Each phone language's text (a warning is composed per language).
    texts: Vec<(PhoneLanguage, String)>,
    done: Option<&'static str>,
}

async fn broadcast_page(
    state: &AppState,
    c: Ctx,
    owner: Owner<'_>,
    broadcast: AlertBroadcast,
    done: Option<&'static str>,
) -> AppResult<Response> {
    let content = match broadcast.kind.as_str() {
        "message" => twiza_domain::alert::AlertContent::Message {
            arabic: broadcast.text_arabic.clone(),
            latin: broadcast.text_latin.clone(),
        },
        _ => twiza_domain::alert::AlertContent::FakeAppealWarning {
            appeal: broadcast.fake_appeal.clone(),
        },
    };
    let texts = PhoneLanguage::ALL
        .into_iter()
        .map(|l| (l, alerts::text_for(&state.phone_messages, &content, l)))
        .collect();
    Ok(render(&BroadcastPage {
        c,
        base: owner.base(),
        communes: state.store.alert_broadcast_communes(broadcast.id).await?,
        states: state.store.alert_broadcast_states(broadcast.id).await?,
        broadcast,
        texts,
        done,
    }))
}

#[derive(Template)]
#[template(path = "alerts.html")]
struct ListPage {
    c: Ctx,
    base: String,
    home: String,
    broadcasts: Vec<AlertBroadcast>,
    more: Option<String>,
}

#[derive(serde::Deserialize)]
pub struct ListQuery {
    before: Option<i64>,
}

fn list_page(c: Ctx, owner: Owner<'_>, broadcasts: Vec<AlertBroadcast>) -> ListPage {
    let base = owner.base();
    let more = (broadcasts.len() as i64 == BROADCASTS)
        .then(|| broadcasts.last())
        .flatten()
        .map(|b| format!("{base}?before={}", b.id));
    ListPage {
        c,
        home: owner.home(),
        base,
        broadcasts,
        more,
    }
}

/// An authority sees the broadcasts it sent; a platform admin every authority's.
fn sender_filter(user: &User) -> Option<twiza_domain::UserId> {
    (user.platform_role != Some(PlatformRole::PlatformAdmin)).then_some(user.id)
}

/// `GET /authority/alerts`: the authority's past broadcasts.
pub async fn authority_list(
    State(state): State<AppState>,
    c: Ctx,
    CurrentUser(user): CurrentUser,
    Query(q): Query<ListQuery>,
) -> AppResult<Response> {
    let broadcasts = state
        .store
        .authority_alert_broadcasts(sender_filter(&user), q.before, BROADCASTS)
        .await?;
    Ok(render(&list_page(c, Owner::Authority(&user), broadcasts)))
}

/// `GET /authority/alerts/new`: the provinces to choose (`?province=`), then the form.
pub async fn authority_new_form(
    State(state): State<AppState>,
    c: Ctx,
    CurrentUser(user): CurrentUser,
    RawQuery(query): RawQuery,
) -> AppResult<Response> {
    let form = DeclarationForm::parse(query.as_deref());
    Ok(render(
        &new_page(&state, c, Owner::Authority(&user), form).await?,
    ))
}

/// `POST /authority/alerts/preview`: what the broadcast would do, with the confirm button.
pub async fn authority_preview(
    State(state): State<AppState>,
    c: Ctx,
    CurrentUser(user): CurrentUser,
    body: String,
) -> AppResult<Response> {
    preview(&state, c, Owner::Authority(&user), &body).await
}

/// `POST /authority/alerts`: sends the broadcast (once per form key).
pub async fn authority_send(
    State(state): State<AppState>,
    c: Ctx,
    CurrentUser(user): CurrentUser,
    body: String,
) -> AppResult<Response> {
    send(&state, c, Owner::Authority(&user), &body).await
}

/// `GET /authority/alerts/{broadcast_id}`: a broadcast and its messages' states.
pub async fn authority_show(
    State(state): State<AppState>,
    c: Ctx,
    CurrentUser(user): CurrentUser,
    PathId(id): PathId,
    Query(done): Query<DoneQuery>,
) -> AppResult<Response> {
    let broadcast = state
        .store
        .authority_alert_broadcast(id)
        .await?
        .filter(|b| sender_filter(&user).is_none_or(|u| u.0 == b.sent_by))
        .ok_or_else(AppError::not_found)?;
    broadcast_page(
        &state,
        c,
        Owner::Authority(&user),
        broadcast,
        done.key(&DONE),
    )
    .await
}

/// `GET /associations/{org_id}/alerts`: the association's past broadcasts.
pub async fn org_list(
    State(state): State<AppState>,
    c: Ctx,
    CurrentUser(user): CurrentUser,
    Extension(scope): Extension<OrgScope>,
    Query(q): Query<ListQuery>,
) -> AppResult<Response> {
    let broadcasts = state
        .store
        .alert_broadcasts_of(&scope, q.before, BROADCASTS)
        .await?;
    let owner = Owner::Association {
        scope: &scope,
        user: &user,
    };
    Ok(render(&list_page(c, owner, broadcasts)))
}

/// `GET /associations/{org_id}/alerts/new`: the form, with the communes the association serves.
pub async fn org_new_form(
    State(state): State<AppState>,
    c: Ctx,
    CurrentUser(user): CurrentUser,
    Extension(scope): Extension<OrgScope>,
    RawQuery(query): RawQuery,
) -> AppResult<Response> {
    let form = DeclarationForm::parse(query.as_deref());
    let owner = Owner::Association {
        scope: &scope,
        user: &user,
    };
    Ok(render(&new_page(&state, c, owner, form).await?))
}

/// `POST /associations/{org_id}/alerts/preview`.
pub async fn org_preview(
    State(state): State<AppState>,
    c: Ctx,
    CurrentUser(user): CurrentUser,
    Extension(scope): Extension<OrgScope>,
    body: String,
) -> AppResult<Response> {
    let owner = Owner::Association {
        scope: &scope,
        user: &user,
    };
    preview(&state, c, owner, &body).await
}

/// `POST /associations/{org_id}/alerts`: sends the broadcast (once per form key).
pub async fn org_send(
    State(state): State<AppState>,
    c: Ctx,
    CurrentUser(user): CurrentUser,
    Extension(scope): Extension<OrgScope>,
    body: String,
) -> AppResult<Response> {
    let owner = Owner::Association {
        scope: &scope,
        user: &user,
    };
    send(&state, c, owner, &body).await
}

/// `GET /associations/{org_id}/alerts/{broadcast_id}`.
pub async fn org_show(
    State(state): State<AppState>,
    c: Ctx,
    CurrentUser(user): CurrentUser,
    Extension(scope): Extension<OrgScope>,
    params: RawPathParams,
    Query(done): Query<DoneQuery>,
) -> AppResult<Response> {
    let id = path_param(&params, "broadcast_id")?;
    let broadcast = state
        .store
        .alert_broadcast_of(&scope, id)
        .await?
        .ok_or_else(AppError::not_found)?;
    let owner = Owner::Association {
        scope: &scope,
        user: &user,
    };
    broadcast_page(&state, c, owner, broadcast, done.key(&DONE)).await
}
