//! An authority's pages: the queue of authorization requests in its competence, one request
//! with its grant form (reference, validity) and refusal form (reason), a check of the decision
//! before it is made (it cannot be undone), post/redirect/get.

use super::{render, render_status, see_other, PageForm};
use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::extract::PathId;
use crate::AppState;
use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use twiza_app::campaigns::{authorization_queue, parse_grant};
use twiza_domain::{FieldError, Refusal};
use twiza_store::{AuthorizationDecision, AuthorizationRequest, User};

/// Requests per page of the queue.
const PAGE: i64 = 25;

#[derive(Template)]
#[template(path = "authority_queue.html")]
struct QueuePage {
    c: Ctx,
    requests: Vec<AuthorizationRequest>,
    /// The cursor of the next page, if there is one.
    next: Option<i64>,
    /// The confirmation of the decision just made (a message key).
    done: Option<&'static str>,
}

#[derive(serde::Deserialize)]
pub struct QueueQuery {
    after: Option<i64>,
    done: Option<String>,
}

/// The requests waiting in the caller's competence, oldest first.
pub async fn queue(
    State(state): State<AppState>,
    c: Ctx,
    Query(q): Query<QueueQuery>,
) -> AppResult<Response> {
    let user = signed_in(&c)?;
    let mut requests =
        authorization_queue(&state.store, &user, q.after.unwrap_or(0), PAGE + 1).await?;
    let next = if requests.len() > PAGE as usize {
        requests.truncate(PAGE as usize);
        requests.last().map(|r| r.campaign.id)
    } else {
        None
    };
    let done = match q.done.as_deref() {
        Some("granted") => Some("authz-granted"),
        Some("refused") => Some("authz-refused"),
        _ => None,
    };
    Ok(render(&QueuePage {
        c,
        requests,
        next,
        done,
    }))
}

/// What the forms of a request page hold: what was typed, the fields' errors, and a refusal.
#[derive(Default)]
pub struct DecisionForms {
    pub reference: String,
    pub valid_from: String,
    pub valid_to: String,
    pub reason: String,
    pub errors: Vec<FieldError>,
    /// The code of a rule the decision broke (`authorization_decided`…).
    pub refusal: Option<&'static str>,
}

#[derive(Template)]
#[template(path = "authority_request.html")]
struct RequestPage {
    c: Ctx,
    r: AuthorizationRequest,
    f: DecisionForms,
    /// The file the association sent with its request: (media type, SHA-256 in hex, size).
    document: Option<(String, String, i64)>,
}

async fn request_page(
    state: &AppState,
    c: Ctx,
    r: AuthorizationRequest,
    f: DecisionForms,
) -> AppResult<RequestPage> {
    let document = state.store.request_document_info(r.campaign.id).await?;
    Ok(RequestPage { c, r, f, document })
}

fn signed_in(c: &Ctx) -> AppResult<User> {
    c.user().cloned().ok_or_else(AppError::unauthenticated)
}

/// The request of campaign `id` if it waits in `user`'s queue; otherwise not found, as if
/// there were none.
async fn waiting(state: &AppState, user: &User, id: i64) -> AppResult<AuthorizationRequest> {
    let page = authorization_queue(&state.store, user, id.saturating_sub(1), 1).await?;
    page.into_iter()
        .find(|r| r.campaign.id == id)
        .ok_or_else(AppError::not_found)
}

/// One request, with its grant and refusal forms.
pub async fn show(
    State(state): State<AppState>,
    c: Ctx,
    PathId(id): PathId,
) -> AppResult<Response> {
    let user = signed_in(&c)?;
    let r = waiting(&state, &user, id).await?;
    let page = request_page(&state, c, r, DecisionForms::default()).await?;
    Ok(render(&page))
}

#[derive(serde::Deserialize)]
pub struct GrantForm {
    #[serde(default)]
    reference: String,
    #[serde(default)]
    valid_from: String,
    #[serde(default)]
    valid_to: String,
    /// `yes` once the decision was checked on the confirmation page.
    #[serde(default)]
    confirm: String,
    #[allow(dead_code)]
    csrf: String,
}

#[derive(serde::Deserialize)]
pub struct RefuseForm {
    #[serde(default)]
    reason: String,
    #[serde(default)]
    confirm: String,
    #[allow(dead_code)]
    csrf: String,
}

/// The check before a decision that cannot be undone: what will happen, and the same fields
/// again with `confirm=yes`.
#[derive(Template)]
#[template(path = "authority_confirm.html")]
struct ConfirmPage {
    c: Ctx,
    r: AuthorizationRequest,
    decision: AuthorizationDecision,
    /// The fields as typed, sent again with the confirmation.
    f: DecisionForms,
}

impl ConfirmPage {
    fn is_grant(&self) -> bool {
        matches!(self.decision, AuthorizationDecision::Grant { .. })
    }
}

/// Grants the authorization; a field error or a refusal shows the page again with the message.
pub async fn grant(
    State(state): State<AppState>,
    c: Ctx,
    PathId(id): PathId,
    PageForm(form): PageForm<GrantForm>,
) -> AppResult<Response> {
    let f = DecisionForms {
        reference: form.reference,
        valid_from: form.valid_from,
        valid_to: form.valid_to,
        ..Default::default()
    };
    let decision = parse_grant(&f.reference, &f.valid_from, &f.valid_to);
    decide(state, c, id, decision, f, form.confirm == "yes", "granted").await
}

/// Refuses the authorization, with its reason.
pub async fn refuse(
    State(state): State<AppState>,
    c: Ctx,
    PathId(id): PathId,
    PageForm(form): PageForm<RefuseForm>,
) -> AppResult<Response> {
    let decision = twiza_domain::text::parse_text("reason", &form.reason, 1000)
        .map(|reason| AuthorizationDecision::Refuse { reason })
        .map_err(|e| vec![e]);
    let f = DecisionForms {
        reason: form.reason,
        ..Default::default()
    };
    decide(state, c, id, decision, f, form.confirm == "yes", "refused").await
}

/// The request of campaign `id` if `user` may decide it now; otherwise the answer the decision
/// would get: 403 `outside_competence` (checked first, as the store does), 409
/// `authorization_decided`, or not found.
async fn decidable(state: &AppState, user: &User, id: i64) -> AppResult<AuthorizationRequest> {
    if let Ok(r) = waiting(state, user, id).await {
        return Ok(r);
    }
    let campaign = state
        .store
        .campaign(id)
        .await?
        .ok_or_else(AppError::not_found)?;
    let org = state
        .store
        .organization(campaign.org_id)
        .await?
        .ok_or_else(AppError::not_found)?;
    twiza_domain::competence::may_decide(
        user.platform_role,
        user.competence.as_ref(),
        campaign.scope,
        &org.seat.province_code,
        &org.seat.region_code,
    )?;
    Err(Refusal::AuthorizationDecided.into())
}

async fn decide(
    state: AppState,
    c: Ctx,
    id: i64,
    decision: Result<AuthorizationDecision, Vec<FieldError>>,
    mut f: DecisionForms,
    confirmed: bool,
    done: &str,
) -> AppResult<Response> {
    let user = signed_in(&c)?;
    let r = decidable(&state, &user, id).await?;
    let decision = match decision {
        Ok(decision) => decision,
        Err(errors) => {
            f.errors = errors;
            let page = request_page(&state, c, r, f).await?;
            return Ok(render_status(StatusCode::UNPROCESSABLE_ENTITY, &page));
        }
    };
    if !confirmed {
        return Ok(render(&ConfirmPage { c, r, decision, f }));
    }
    match twiza_app::campaigns::decide_authorization(
        &state.store,
        &state.mail,
        id,
        &decision,
        None,
        user.id,
        c.locale,
    )
    .await
    {
        Ok(()) => Ok(see_other(&format!("/authority/authorizations?done={done}"))),
        // Decided by someone else meanwhile, or the competence changed: the page says so.
        Err(twiza_app::Error::Refused(refusal)) => {
            f.refusal = Some(refusal.code());
            let status = match refusal {
                Refusal::OutsideCompetence => StatusCode::FORBIDDEN,
                _ => StatusCode::CONFLICT,
            };
            let page = request_page(&state, c, r, f).await?;
            Ok(render_status(status, &page))
        }
        Err(e) => Err(e.into()),
    }
}

/// `GET /authority/authorizations/{campaign_id}/request-document`: the file the association
/// sent with a request waiting in the caller's competence.
pub async fn request_document(
    State(state): State<AppState>,
    c: Ctx,
    PathId(id): PathId,
) -> AppResult<Response> {
    let user = signed_in(&c)?;
    let r = waiting(&state, &user, id).await?;
    let (media_type, bytes) = state
        .store
        .request_document(id)
        .await?
        .ok_or_else(AppError::not_found)?;
    let name = format!("request-{}", r.campaign.code);
    Ok(crate::download::file_response(
        media_type,
        bytes,
        &name,
        crate::download::PRIVATE,
    ))
}
