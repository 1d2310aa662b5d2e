//! The platform's operations page: the jobs that run by themselves in the database — for now
//! retention, which anonymizes households a configured time after their programmes end — with
//! each run (when, for which day, how many households, how it ended), and a run asked by hand.

use super::{render, see_other, PageForm};
use crate::ctx::Ctx;
use crate::error::AppResult;
use crate::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use twiza_store::{JobRun, RETENTION_JOB};

/// Runs listed.
const SHOWN: i64 = 50;

/// A run as the page shows it.
struct RunLine {
    run_key: String,
    status: String,
    started: String,
    finished: String,
    households: String,
}

#[derive(Template)]
#[template(path = "operations.html")]
struct OperationsPage {
    c: Ctx,
    runs: Vec<RunLine>,
    /// How the job runs (with the hours between two checks).
    hint: String,
    done: bool,
}

fn moment(unix: i64) -> String {
    super::rfc3339(unix).replace('T', " ").replace('Z', "")
}

fn line(c: &Ctx, r: JobRun) -> RunLine {
    RunLine {
        run_key: r.run_key,
        status: c.t(&format!("operations-status-{}", r.status)),
        started: moment(r.started_at),
        finished: r.finished_at.map(moment).unwrap_or_default(),
        households: c.int(r.households),
    }
}

#[derive(serde::Deserialize, Default)]
pub struct OperationsQuery {
    done: Option<String>,
}

/// `GET /admin/operations`: the jobs and their runs.
pub async fn show(
    State(state): State<AppState>,
    c: Ctx,
    crate::extract::ApiQuery(q): crate::extract::ApiQuery<OperationsQuery>,
) -> AppResult<Response> {
    let runs = state
        .store
        .job_runs(RETENTION_JOB, SHOWN)
        .await?
        .into_iter()
        .map(|r| line(&c, r))
        .collect();
    Ok(render(&OperationsPage {
        runs,
        hint: c.tn(
            "operations-retention-hint",
            "hours",
            (twiza_store::RETENTION_CHECK.as_secs() / 3600) as i64,
        ),
        done: q.done.as_deref() == Some("ran"),
        c,
    }))
}

/// `POST /admin/operations/retention`: runs retention now (safe: anonymized households are
/// left alone, and the run is recorded like the daily ones).
pub async fn run_retention(
    State(state): State<AppState>,
    PageForm(_): PageForm<super::CsrfOnly>,
) -> AppResult<Response> {
    let now = time::OffsetDateTime::now_utc();
    let key = format!("manual-{}", now.unix_timestamp());
    state.store.run_retention(now.date(), &key).await?;
    Ok(see_other("/admin/operations?done=ran"))
}
