//! `twiza bench crisis`: needs intake per second through the HTTP API (field assessments from N
//! clients, each with its idempotency key, group-committed by the need intake), then — over an
//! incident with `--needs` needs and `--pledges` pledges generated here and bulk-loaded through
//! the store — the time to read coverage and gaps (from the running totals; checked against a
//! full recomputation, timed too), and the streamed 3W (HXL) and
//! GeoJSON exports through the server: rows per second and the process's peak memory while
//! streaming (Linux `VmHWM`, reset before each export).

use crate::bench::{backend_name, drop_schema, fresh_store, run_load, start_server};
use crate::config::Config;
use std::time::{Duration, Instant};
use twiza_domain::crisis::{
    IncidentInput, NeedInput, NeedSource, NeedStatus, NewIncident, NewNeed, NewPledge, PledgeInput,
    PledgeStatus,
};
use twiza_domain::organization::OrgStatus;
use twiza_store::{Backend, LoadedNeed, LoadedPledge};

/// The communes of the generated incident: every commune of Al Haouz, Chichaoua and Taroudannt.
fn communes() -> Vec<String> {
    twiza_geo::geo()
        .communes()
        .iter()
        .filter(|c| ["07.041", "07.161", "09.541"].contains(&c.province_code.as_str()))
        .map(|c| c.code.as_str().to_owned())
        .collect()
}

/// Needs and pledges per bulk load.
const CHUNK: usize = 10_000;

const CATEGORIES: [&str; 4] = ["shelter", "food", "water", "health"];

/// The `i`th generated need: categories, urgencies and places in turn, one in five covered,
/// reported over the last day.
fn generated_need(i: u64, communes: &[String], now: i64) -> anyhow::Result<LoadedNeed> {
    let need = NewNeed::parse(&NeedInput {
        commune: &communes[(i % communes.len() as u64) as usize],
        category: CATEGORIES[(i % 4) as usize],
        urgency: ["critical", "high", "medium"][(i % 3) as usize],
        households: Some(1 + (i % 9) as i64),
        ..NeedInput::default()
    })
    .map_err(|e| anyhow::anyhow!("generated need: {e}"))?;
    Ok(LoadedNeed {
        need,
        reference: format!("B-{i}"),
        source: NeedSource::Public,
        status: if i.is_multiple_of(5) {
            NeedStatus::Covered
        } else {
            NeedStatus::Reported
        },
        reported_at: now - (i % 86_400) as i64,
    })
}

/// The `i`th generated pledge: places spread differently from the needs, statuses in turn.
fn generated_pledge(i: u64, communes: &[String]) -> anyhow::Result<LoadedPledge> {
    let pledge = NewPledge::parse(
        &PledgeInput {
            commune: &communes[((i * 7) % communes.len() as u64) as usize],
            category: CATEGORIES[(i % 4) as usize],
            households: Some(5 + (i % 20) as i64),
            description: &format!("Pledge {i}"),
            due_on: "2099-01-01",
            ..PledgeInput::default()
        },
        time::macros::date!(2026 - 01 - 01),
    )
    .map_err(|e| anyhow::anyhow!("generated pledge: {e}"))?;
    Ok(LoadedPledge {
        pledge,
        status: [
            PledgeStatus::Delivered,
            PledgeStatus::InProgress,
            PledgeStatus::Pledged,
        ][(i % 3) as usize],
    })
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied().unwrap_or(0.0)
}

/// Peak resident memory of this process since the last reset, in MiB (Linux only).
pub(crate) fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

/// Resets the peak to the current resident size (Linux: `5` to `/proc/self/clear_refs`).
pub(crate) fn reset_peak_rss() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// Streams `url` to the end; returns (bytes, lines, seconds, peak MiB).
async fn stream(url: &str) -> anyhow::Result<(u64, u64, f64, Option<f64>)> {
    reset_peak_rss();
    let started = Instant::now();
    let mut response = reqwest::get(url).await?.error_for_status()?;
    let (mut bytes, mut lines) = (0u64, 0u64);
    while let Some(chunk) = response.chunk().await? {
        bytes += chunk.len() as u64;
        lines += chunk.iter().filter(|b| **b == b'\n').count() as u64;
    }
    Ok((
        bytes,
        lines,
        started.elapsed().as_secs_f64(),
        peak_rss_mib(),
    ))
}

pub async fn run(
    config: Config,
    needs: u64,
    pledges: u64,
    duration: Duration,
    concurrency: usize,
) -> anyhow::Result<()> {
    let (store, _dir, schema) = fresh_store(&config).await?;
    let backend = backend_name(&store);
    let owner = crate::demo::create_user(
        &store,
        "bench-agent@bench.twiza.ma",
        "bench-password-123",
        None,
        None,
    )
    .await?;
    let authority = crate::demo::create_user(
        &store,
        "bench-authority@bench.twiza.ma",
        "bench-password-123",
        None,
        Some(twiza_domain::PlatformRole::Authority),
    )
    .await?;
    let orgs = crate::bench::generated_organizations(1)?;
    let org = store
        .create_organizations_batch(&orgs, owner, OrgStatus::Verified)
        .await?[0];
    let communes = communes();
    let incident = NewIncident::parse(&IncidentInput {
        kind: "earthquake",
        title_ar: "زلزال",
        title_fr: "Séisme (mesure)",
        started_on: "2023-09-08",
        communes: communes.iter().map(String::as_str).collect(),
    })
    .map_err(|e| anyhow::anyhow!("incident: {e}"))?;
    let incident = store.declare_incident(&incident, authority).await?;

    // Intake: field agents posting assessments.
    let server = start_server(&store).await?;
    let addr = server.addr;
    let (token, _) = twiza_app::accounts::issue_api_token(&store, owner, "bench").await?;
    let url = reqwest::Url::parse(&format!(
        "http://{addr}/api/v1/organizations/{}/incidents/{incident}/assessments",
        org.0
    ))?;
    let targets = communes.clone();
    let intake = run_load(duration, concurrency, reqwest::StatusCode::CREATED, move |client, worker, n| {
        let commune = &targets[(worker + n as usize) % targets.len()];
        let body = format!(
            r#"{{"commune":"{commune}","category":"shelter","urgency":"high","households":{}}}"#,
            1 + n % 9
        );
        client
            .post(url.clone())
            .bearer_auth(&token)
            .header("content-type", "application/json")
            .header("idempotency-key", format!("bench-{worker:04}-{n:08}"))
            .body(body)
    })
    .await?;
    println!(
        "needs intake {backend}: {:.0} needs/s, p50 {:.1} ms, p99 {:.1} ms ({} recorded, {} errors, {concurrency} clients; target >= 5,000 needs/s)",
        intake.rps, intake.p50_ms, intake.p99_ms, intake.requests, intake.errors
    );

    // Scale: needs and pledges generated here and bulk-loaded by the store, in chunks.
    let started = Instant::now();
    let now = twiza_store::now();
    for first in (0..needs).step_by(CHUNK) {
        let chunk: Vec<LoadedNeed> = (first..needs.min(first + CHUNK as u64))
            .map(|i| generated_need(i, &communes, now))
            .collect::<anyhow::Result<_>>()?;
        store.load_needs(incident, &chunk).await?;
    }
    for first in (0..pledges).step_by(CHUNK) {
        let chunk: Vec<LoadedPledge> = (first..pledges.min(first + CHUNK as u64))
            .map(|i| generated_pledge(i, &communes))
            .collect::<anyhow::Result<_>>()?;
        store.load_pledges(incident, org, owner, &chunk).await?;
    }
    if store.backend() == Backend::Postgres {
        store.execute_raw("ANALYZE").await?;
    }
    println!(
        "generated {needs} needs and {pledges} pledges on {backend} in {:.1} s",
        started.elapsed().as_secs_f64()
    );

    // Coverage from the running totals: the store's read, then the API's answer, five times
    // each (medians); then the full recomputation they must equal.
    let mut reads = Vec::new();
    let mut coverage = Vec::new();
    for _ in 0..5 {
        let started = Instant::now();
        coverage = store.coverage(incident).await?;
        reads.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    let coverage_url = reqwest::Url::parse(&format!(
        "http://{addr}/api/v1/incidents/{incident}/coverage"
    ))?;
    let mut answers = Vec::new();
    for _ in 0..5 {
        let started = Instant::now();
        reqwest::get(coverage_url.clone())
            .await?
            .error_for_status()?
            .bytes()
            .await?;
        answers.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    let gaps = coverage
        .iter()
        .filter(|c| c.douar_id.is_none() && c.gap() > 0)
        .count();
    println!(
        "coverage {backend}: read {:.2} ms, API answer {:.2} ms (medians of 5) for {} needs and {} pledges ({} places, {gaps} communes with a gap; target < 50 ms)",
        median(&mut reads),
        median(&mut answers),
        needs + intake.requests as u64,
        pledges,
        coverage.len()
    );
    let started = Instant::now();
    let recomputed = store.recomputed_coverage(incident).await?;
    println!(
        "coverage recomputed {backend}: {:.2} s, {}",
        started.elapsed().as_secs_f64(),
        if recomputed == coverage {
            "equal to the running totals"
        } else {
            "DIFFERENT from the running totals"
        }
    );
    anyhow::ensure!(
        recomputed == coverage,
        "the running totals differ from the recomputation"
    );

    for (name, path) in [
        ("3w.csv", "exports/3w.csv"),
        ("needs.geojson", "exports/needs.geojson"),
    ] {
        let (bytes, lines, seconds, peak) =
            stream(&format!("http://{addr}/api/v1/incidents/{incident}/{path}")).await?;
        // The CSV has one line per row after its two header lines; the GeoJSON one feature per
        // need, on one line.
        let rows = if name.ends_with(".csv") {
            lines.saturating_sub(2)
        } else {
            needs + intake.requests as u64
        };
        println!(
            "export {name} {backend}: {rows} rows, {:.0} rows/s, {:.1} MiB in {seconds:.1} s, peak memory {}",
            rows as f64 / seconds,
            bytes as f64 / (1024.0 * 1024.0),
            peak.map_or("unknown".to_owned(), |p| format!("{p:.0} MiB")),
        );
    }
    drop(server);
    drop_schema(&store, schema).await
}
