//! The platform admin's verification queue: each association waiting, with the documents it gave
//! (statutes, declaration receipt, board list) to download, and the decision forms.

use super::{render, see_other, PageForm};
use crate::auth::Actor;
use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::extract::PathId;
use crate::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use axum::Extension;
use twiza_app::organizations::parse_decision;
use twiza_domain::organization::Organization;
use twiza_domain::OrgId;
use twiza_store::OrgDocument;

#[derive(Template)]
#[template(path = "admin_queue.html")]
struct QueuePage {
    c: Ctx,
    pending: Vec<Organization>,
    documents: Vec<OrgDocument>,
}

impl QueuePage {
    /// The documents of one association, newest first.
    fn documents_of(&self, org: &OrgId) -> Vec<&OrgDocument> {
        self.documents.iter().filter(|d| d.org_id == *org).collect()
    }
}

pub async fn queue(State(state): State<AppState>, c: Ctx) -> AppResult<Response> {
    let pending = state.store.pending_organizations(100).await?;
    let documents = state.store.pending_organizations_documents().await?;
    Ok(render(&QueuePage {
        c,
        pending,
        documents,
    }))
}

#[derive(serde::Deserialize)]
pub struct DecisionForm {
    decision: String,
    #[serde(default)]
    reason: Option<String>,
    #[allow(dead_code)]
    csrf: String,
}

pub async fn decide(
    State(state): State<AppState>,
    Extension(actor): Extension<Actor>,
    PathId(id): PathId,
    PageForm(form): PageForm<DecisionForm>,
) -> AppResult<Response> {
    let user = actor.user().ok_or_else(AppError::unauthenticated)?;
    let decision = parse_decision(Some(&form.decision), form.reason.as_deref())?;
    state
        .store
        .decide_verification(OrgId(id), &decision, user.id)
        .await?;
    Ok(see_other("/admin/verification"))
}
