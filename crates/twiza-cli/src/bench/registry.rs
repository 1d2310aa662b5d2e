//! `twiza bench registry`: the registry at national scale — a generated file of N households
//! (5 million households and about 19 million people at full scale) imported through the
//! import path (every row checked, identifiers sealed and indexed, an index per household, one
//! transaction), then a cycle of the direct-social-aid example computed for every household;
//! rows per second, seconds and the process's peak memory per stage.

use crate::bench::crisis::{peak_rss_mib, reset_peak_rss};
use crate::bench::{backend_name, drop_schema, fresh_store, generated_organizations};
use crate::config::Config;
use crate::registry::{import_file, Mode};
use std::time::Instant;
use twiza_domain::organization::OrgStatus;
use twiza_domain::programme::DIRECT_SOCIAL_AID_EXAMPLE;
use twiza_domain::{OrgRole, OrgScope};
use twiza_store::NewProgramme;

fn mib(peak: Option<f64>) -> String {
    peak.map(|p| format!("{p:.0} MiB"))
        .unwrap_or_else(|| "n/a".to_owned())
}

pub async fn run(config: Config, households: u64) -> anyhow::Result<()> {
    let (store, dir, schema) = fresh_store(&config).await?;
    let backend = backend_name(&store);
    let work = tempfile::tempdir()?;
    let keys = crate::keys::personal_data_keys(work.path())?;
    let coordinator = crate::demo::create_user(
        &store,
        "bench-coordinator@bench.twiza.ma",
        "bench-password-123",
        None,
        None,
    )
    .await?;
    let approver = crate::demo::create_user(
        &store,
        "bench-approver@bench.twiza.ma",
        "bench-password-123",
        None,
        None,
    )
    .await?;
    let org = store
        .create_organizations_batch(
            &generated_organizations(1)?,
            coordinator,
            OrgStatus::Verified,
        )
        .await?[0];
    let scope = OrgScope::for_member(org, OrgRole::Owner);

    // The file.
    reset_peak_rss();
    let path = work.path().join("households.csv");
    let started = Instant::now();
    let file = std::fs::File::create(&path)?;
    let (h, people) = crate::registry::synth::write(
        std::io::BufWriter::with_capacity(1 << 20, file),
        households,
        1,
    )?;
    let seconds = started.elapsed().as_secs_f64();
    let bytes = std::fs::metadata(&path)?.len();
    println!(
        "generate: {h} households, {people} people, {:.0} MiB in {seconds:.1} s ({:.0} rows/s, peak {})",
        bytes as f64 / (1 << 20) as f64,
        people as f64 / seconds,
        mib(peak_rss_mib())
    );

    // The import.
    reset_peak_rss();
    let outcome = import_file(
        &store,
        &scope,
        &keys,
        &path,
        coordinator,
        Mode::AllOrNothing,
    )
    .await?;
    anyhow::ensure!(
        outcome.error_count == 0 && outcome.imported_persons == people,
        "import refused rows: {:?}",
        outcome.errors.iter().take(5).collect::<Vec<_>>()
    );
    println!(
        "import {backend}: {} households, {} people in {:.1} s ({:.0} rows/s, {:.0} households/s, peak {})",
        outcome.imported_households,
        outcome.imported_persons,
        outcome.seconds,
        outcome.imported_persons as f64 / outcome.seconds,
        outcome.imported_households as f64 / outcome.seconds,
        mib(peak_rss_mib())
    );
    std::fs::remove_file(&path)?;

    // One cycle for everyone.
    let programme = store
        .create_programme(
            &scope,
            &NewProgramme {
                code: "ASD".into(),
                name_ar: "الدعم الاجتماعي المباشر".into(),
                name_fr: "Aide sociale directe".into(),
                retention_days: 365,
                ends_on: None,
            },
            coordinator,
        )
        .await?;
    store
        .add_programme_rules(&scope, programme, DIRECT_SOCIAL_AID_EXAMPLE, coordinator)
        .await?;
    reset_peak_rss();
    let started = Instant::now();
    let enrolled = store
        .enroll_consenting_households(&scope, programme, coordinator)
        .await?;
    let enroll_seconds = started.elapsed().as_secs_f64();
    let started = Instant::now();
    let today = time::OffsetDateTime::now_utc().date();
    let cycle = store
        .compute_cycle(&scope, programme, "bench", today, coordinator)
        .await?;
    let seconds = started.elapsed().as_secs_f64();
    anyhow::ensure!(
        cycle.households == outcome.imported_households as i64,
        "cycle missed households"
    );
    println!(
        "cycle {backend}: {enrolled} households enrolled in {enroll_seconds:.1} s; eligibility and entitlements for {} households ({} people) in {seconds:.1} s ({:.0} households/s, peak {}); {} eligible, {:.2} MAD per month in all",
        cycle.households,
        people,
        cycle.households as f64 / seconds,
        mib(peak_rss_mib()),
        cycle.eligible,
        cycle.total_centimes as f64 / 100.0
    );
    store.approve_cycle(&scope, cycle.id, approver).await?;
    if let Some(dir) = &dir {
        let size: u64 = std::fs::read_dir(dir.path())?
            .filter_map(|e| e.ok()?.metadata().ok())
            .map(|m| m.len())
            .sum();
        println!("database: {:.0} MiB", size as f64 / (1 << 20) as f64);
    }
    drop_schema(&store, schema).await
}
