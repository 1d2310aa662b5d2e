//! The association's IATI activity file: the treasury's page that shows what the file will
//! hold and publishes or withdraws it, and the public address that serves the published file
//! (`GET /open-data/iati/{org_id}.xml`, 404 when none is published).

use super::{render, render_status, see_other, DoneQuery, PageForm};
use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::extract::{ApiQuery, CurrentUser};
use crate::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::Extension;
use serde::Deserialize;
use time::OffsetDateTime;
use twiza_app::iati::{self, ActivitySummary, Overview};
use twiza_domain::organization::Organization;
use twiza_domain::{OrgId, OrgScope};
use twiza_iati::mapping::ActivityKey;
use twiza_iati::ActivityStatus;

const DONE: [(&str, &str); 2] = [
    ("published", "iati-done-published"),
    ("unpublished", "iati-done-unpublished"),
];

#[derive(Template)]
#[template(path = "iati.html")]
struct IatiPage {
    c: Ctx,
    org: Organization,
    overview: Overview,
    done: Option<String>,
    error: Option<String>,
}

impl IatiPage {
    fn file_address(&self) -> String {
        file_path(self.org.id)
    }

    fn title_of(&self, a: &ActivitySummary) -> String {
        self.c.place_name(&a.title_ar, &a.title_fr)
    }

    fn kind_of(&self, a: &ActivitySummary) -> String {
        match a.key {
            ActivityKey::Campaign(_) => self.c.t("iati-kind-campaign"),
            ActivityKey::Programme(_) => self.c.t("iati-kind-programme"),
        }
    }

    fn status_of(&self, a: &ActivitySummary) -> String {
        let code = match a.status {
            ActivityStatus::Pipeline => "1",
            ActivityStatus::Implementation => "2",
            ActivityStatus::Finalisation => "3",
            ActivityStatus::Closed => "4",
        };
        self.c.t(&format!("iati-status-{code}"))
    }
}

/// The public address of an association's file.
pub fn file_path(org: OrgId) -> String {
    format!("/open-data/iati/{}.xml", org.0)
}

async fn page(
    state: &AppState,
    c: Ctx,
    scope: &OrgScope,
    done: Option<String>,
    error: Option<String>,
) -> AppResult<IatiPage> {
    let org = state
        .store
        .organization(scope.org_id())
        .await?
        .ok_or_else(AppError::not_found)?;
    let today = OffsetDateTime::now_utc().date();
    let overview = iati::overview(&state.store, scope, today).await?;
    Ok(IatiPage {
        c,
        org,
        overview,
        done,
        error,
    })
}

/// `GET /associations/{org_id}/open-data/iati`.
pub async fn show(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    ApiQuery(query): ApiQuery<DoneQuery>,
) -> AppResult<Response> {
    let done = query.key(&DONE).map(|key| c.t(key));
    Ok(render(&page(&state, c, &scope, done, None).await?))
}

/// What the form asks.
#[derive(Deserialize, Clone, Copy)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Publish,
    Unpublish,
}

#[derive(Deserialize)]
pub struct PublishForm {
    #[allow(dead_code)]
    csrf: String,
    action: Action,
}

/// `POST /associations/{org_id}/open-data/iati`: publishes or withdraws the file.
pub async fn publish(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    PageForm(form): PageForm<PublishForm>,
) -> AppResult<Response> {
    let org = scope.org_id().0;
    let result = match form.action {
        Action::Publish => iati::publish(&state.store, &scope, user.id)
            .await
            .map(|_| "published"),
        Action::Unpublish => iati::unpublish(&state.store, &scope, user.id)
            .await
            .map(|_| "unpublished"),
    };
    match result {
        Ok(done) => Ok(see_other(&format!(
            "/associations/{org}/open-data/iati?done={done}"
        ))),
        Err(twiza_app::Error::Refused(refusal)) => {
            let status = AppError::from(refusal).status;
            let error = Some(c.code_message(refusal.code()));
            let page = page(&state, c, &scope, None, error).await?;
            Ok(render_status(status, &page))
        }
        Err(e) => Err(e.into()),
    }
}

/// `GET /open-data/iati/{org_file}` (`<org id>.xml`): the published file, written from the live figures.
pub async fn file(State(state): State<AppState>, Path(file): Path<String>) -> AppResult<Response> {
    let org = file
        .strip_suffix(".xml")
        .and_then(|id| id.parse::<i64>().ok())
        .filter(|id| *id > 0)
        .ok_or_else(AppError::not_found)?;
    let written = iati::write_published(
        &state.store,
        &state.messages,
        OrgId(org),
        OffsetDateTime::now_utc(),
        Vec::new(),
    )
    .await?;
    let bytes = written.ok_or_else(AppError::not_found)?;
    let mut response = bytes.into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/xml; charset=utf-8"),
    );
    Ok(response)
}
