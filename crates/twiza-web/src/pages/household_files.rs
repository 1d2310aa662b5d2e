//! Importing a household file on pages: upload a CSV or Excel file (checked by its content),
//! read the dry run's report (valid and invalid households, each invalid row with its field and
//! the reason), then import all or only the valid households. The file is sent once: it waits,
//! sealed, under a token until it is imported, and a second confirmation finds nothing.

use super::{render, render_status, see_other, PageForm};
use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::extract::CurrentUser;
use crate::AppState;
use askama::Template;
use axum::extract::{Multipart, RawPathParams, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Extension;
use serde::Deserialize;
use twiza_domain::{FieldError, OrgScope};
use twiza_store::{ImportOutcome, Mode};

/// Invalid rows listed on the report page; the rest are counted.
const LISTED_ROWS: usize = 200;

#[derive(Template)]
#[template(path = "household_file.html")]
struct UploadPage {
    c: Ctx,
    org_id: i64,
    errors: Vec<FieldError>,
}

/// `GET /associations/{org_id}/household-files`: the upload form.
pub async fn form(c: Ctx, Extension(scope): Extension<OrgScope>) -> AppResult<Response> {
    Ok(render(&UploadPage {
        c,
        org_id: scope.org_id().0,
        errors: Vec::new(),
    }))
}

/// `POST /associations/{org_id}/household-files`: keeps the file, checks it, and shows its
/// report (by redirect); a file that is not CSV or Excel is refused next to the field.
pub async fn upload(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    mut multipart: Multipart,
) -> AppResult<Response> {
    let mut file: Option<Vec<u8>> = None;
    loop {
        match multipart.next_field().await {
            Ok(Some(field)) if field.name() == Some("file") => match field.bytes().await {
                Ok(bytes) => file = Some(bytes.to_vec()),
                Err(_) => {
                    file = None;
                    break;
                }
            },
            Ok(Some(_)) => {}
            Ok(None) => break,
            Err(_) => {
                file = None;
                break;
            }
        }
    }
    let org_id = scope.org_id().0;
    let refused = |c: Ctx, code: &'static str| {
        render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &UploadPage {
                c,
                org_id,
                errors: vec![FieldError::new("file", code)],
            },
        )
    };
    let Some(bytes) = file.filter(|b| !b.is_empty()) else {
        return Ok(refused(c, "file_not_household_file"));
    };
    let result = twiza_app::registry::upload_for_import(
        &state.store,
        &state.config.personal_data,
        &scope,
        user.id,
        bytes,
    )
    .await
    .map_err(AppError::from);
    match result {
        Ok((token, _)) => Ok(see_other(&format!(
            "/associations/{org_id}/household-files/{token}"
        ))),
        Err(e) if e.status == StatusCode::UNPROCESSABLE_ENTITY => Ok(refused(c, e.code)),
        Err(e) => Err(e),
    }
}

/// An invalid row of the report.
struct RowLine {
    row: String,
    field: String,
    message: String,
}

#[derive(Template)]
#[template(path = "household_file_report.html")]
struct ReportPage {
    c: Ctx,
    org_id: i64,
    token: String,
    report: ImportOutcome,
    /// Households valid, persons in them, households invalid, errors: as written.
    counts: [String; 4],
    rows: Vec<RowLine>,
    /// "and 12 more errors", when not all are listed.
    more: Option<String>,
    /// The choice to import the valid households only, with their count.
    valid_only: String,
    errors: Vec<FieldError>,
}

fn token_of(params: &RawPathParams) -> AppResult<String> {
    params
        .iter()
        .find(|(n, _)| *n == "token")
        .map(|(_, v)| v.to_owned())
        .filter(|t| t.len() == 64 && t.bytes().all(|b| b.is_ascii_hexdigit()))
        .ok_or_else(AppError::not_found)
}

fn report_page(
    c: Ctx,
    org_id: i64,
    token: String,
    report: ImportOutcome,
    errors: Vec<FieldError>,
) -> ReportPage {
    let rows: Vec<RowLine> = report
        .errors
        .iter()
        .take(LISTED_ROWS)
        .map(|e| RowLine {
            row: c.int(e.row as i64),
            field: e.field.clone(),
            message: c.t(&AppError::message_key(e.code)),
        })
        .collect();
    let counts = [
        report.households_valid,
        report.persons_valid,
        report.households_invalid,
        report.error_count,
    ]
    .map(|n| c.int(n as i64));
    let more = (report.error_count as usize > rows.len()).then(|| {
        c.tn(
            "registry-import-more-errors",
            "count",
            (report.error_count as usize - rows.len()) as i64,
        )
    });
    let valid_only = c.tn(
        "registry-import-valid-only",
        "count",
        report.households_valid as i64,
    );
    ReportPage {
        c,
        org_id,
        token,
        report,
        counts,
        rows,
        more,
        valid_only,
        errors,
    }
}

/// `GET /associations/{org_id}/household-files/{token}`: the dry run's report.
pub async fn report(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    params: RawPathParams,
) -> AppResult<Response> {
    let token = token_of(&params)?;
    let report = twiza_app::registry::dry_run_upload(
        &state.store,
        &state.config.personal_data,
        &scope,
        user.id,
        &token,
    )
    .await?;
    Ok(render(&report_page(
        c,
        scope.org_id().0,
        token,
        report,
        Vec::new(),
    )))
}

#[derive(Deserialize)]
pub struct ImportForm {
    #[serde(default)]
    mode: String,
    #[allow(dead_code)]
    csrf: String,
}

/// `POST /associations/{org_id}/household-files/{token}`: imports the kept file, all of it
/// (`all_or_nothing`: only a file without errors) or only its valid households.
pub async fn import(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    params: RawPathParams,
    PageForm(form): PageForm<ImportForm>,
) -> AppResult<Response> {
    let token = token_of(&params)?;
    let org_id = scope.org_id().0;
    let keys = &state.config.personal_data;
    let mode = match form.mode.as_str() {
        "all_or_nothing" => Mode::AllOrNothing,
        "valid_only" => Mode::ValidOnly,
        _ => {
            let report =
                twiza_app::registry::dry_run_upload(&state.store, keys, &scope, user.id, &token)
                    .await?;
            let errors = vec![FieldError::new("mode", "validation")];
            return Ok(render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &report_page(c, org_id, token, report, errors),
            ));
        }
    };
    // A file with errors is not imported whole: refused before the file is taken.
    if mode == Mode::AllOrNothing {
        let report =
            twiza_app::registry::dry_run_upload(&state.store, keys, &scope, user.id, &token)
                .await?;
        if report.error_count > 0 {
            let errors = vec![FieldError::new("mode", "import_has_errors")];
            return Ok(render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &report_page(c, org_id, token, report, errors),
            ));
        }
    }
    let outcome =
        twiza_app::registry::import_upload(&state.store, keys, &scope, user.id, &token, mode)
            .await?;
    Ok(see_other(&format!(
        "/associations/{org_id}/households?done=imported&imported={}",
        outcome.imported_households
    )))
}
