//! `twiza bench http`: requests per second and latency percentiles of the public directory page
//! and of an authenticated API read, with N verified associations, on SQLite or PostgreSQL.
//!
//! The server runs in this process on a loopback port; the load comes from `concurrency` client
//! tasks over keep-alive connections for a fixed duration. Figures go to stdout.

pub mod channels;
pub mod crisis;
pub mod log;
pub mod registry;
pub mod volunteers;

use crate::config::Config;
use anyhow::Context;
use clap::Subcommand;
use rand::Rng;
use secrecy::ExposeSecret;
use std::time::{Duration, Instant};
use twiza_domain::organization::{NewOrganization, OrgStatus, OrganizationInput};
use twiza_domain::PlatformRole;
use twiza_store::{Store, StoreOptions};

#[derive(Subcommand)]
pub enum BenchCommand {
    /// Load-tests the directory page and an authenticated API read.
    Http {
        /// Verified associations to seed.
        #[arg(long, default_value_t = 10_000)]
        organizations: usize,
        /// Seconds of load per target.
        #[arg(long, default_value_t = 10)]
        seconds: u64,
        /// Concurrent clients.
        #[arg(long, default_value_t = 32)]
        concurrency: usize,
    },
    /// Inclusion and consistency proofs through the HTTP API in a log of N leaves, and the
    /// audit's recomputation speed.
    Log {
        /// Leaves in the log.
        #[arg(long, default_value_t = 10_000_000)]
        leaves: u64,
        /// Seconds of load per target.
        #[arg(long, default_value_t = 10)]
        seconds: u64,
        /// Concurrent clients.
        #[arg(long, default_value_t = 32)]
        concurrency: usize,
    },
    /// Durable donations per second through the HTTP API, against `GET /healthz` on the same
    /// server (group commit makes the ratio, not the disk, the limit).
    Ingest {
        /// Seconds of load per target.
        #[arg(long, default_value_t = 10)]
        seconds: u64,
        /// Concurrent clients.
        #[arg(long, default_value_t = 64)]
        concurrency: usize,
        /// Rounds of (donations, healthz) on the same server; the summary gives the medians
        /// (donations/s, latencies, healthz/s, per-round ratio), since one round on a shared
        /// virtual machine varies by ±20 % or more.
        #[arg(long, default_value_t = 1)]
        repeat: usize,
    },
    /// The registry at scale: a generated file of N households imported (checked, sealed,
    /// indexed, one transaction), then one programme cycle computed for every household.
    Registry {
        /// Households generated (5,000,000 for the national-scale figure).
        #[arg(long, default_value_t = 100_000)]
        households: u64,
    },
    /// Feature phones: inbound SMS handled per second through the signed Twilio-compatible
    /// webhook, USSD step latency with concurrent sessions, and outbound messages per second
    /// through the outbox to a Kannel-compatible `sendsms` on this machine.
    Channels {
        /// Seconds of load per measure.
        #[arg(long, default_value_t = 10)]
        seconds: u64,
        /// Concurrent clients (phones sending, USSD sessions open at once).
        #[arg(long, default_value_t = 64)]
        concurrency: usize,
        /// Messages queued in the outbox, then sent.
        #[arg(long, default_value_t = 20_000)]
        messages: u64,
    },
    /// Matching at scale: N volunteers spread over the communes by population, missions in Al
    /// Haouz and Casablanca, their ranked candidates computed repeatedly (p50/p99/max).
    Volunteers {
        /// Volunteers loaded.
        #[arg(long, default_value_t = 100_000)]
        volunteers: usize,
        /// Rankings per mission.
        #[arg(long, default_value_t = 20)]
        rounds: usize,
        /// Sign-ups through the API afterwards (one account each, created beforehand).
        #[arg(long, default_value_t = 2_000)]
        signups: usize,
        /// Clients signing up at once.
        #[arg(long, default_value_t = 32)]
        concurrency: usize,
    },
    /// Needs intake per second through the API, then coverage and gaps and the streamed 3W and
    /// GeoJSON exports over an incident of N needs and M pledges.
    Crisis {
        /// Needs generated for the coverage and export measures.
        #[arg(long, default_value_t = 1_000_000)]
        needs: u64,
        /// Pledges generated.
        #[arg(long, default_value_t = 100_000)]
        pledges: u64,
        /// Seconds of intake load.
        #[arg(long, default_value_t = 10)]
        seconds: u64,
        /// Concurrent clients of the intake load.
        #[arg(long, default_value_t = 64)]
        concurrency: usize,
    },
}

pub async fn run(command: BenchCommand, config: Config) -> anyhow::Result<()> {
    match command {
        BenchCommand::Log {
            leaves,
            seconds,
            concurrency,
        } => {
            crate::bench::log::run(config, leaves, Duration::from_secs(seconds), concurrency).await
        }
        BenchCommand::Ingest {
            seconds,
            concurrency,
            repeat,
        } => {
            ingest(
                config,
                Duration::from_secs(seconds),
                concurrency,
                repeat.max(1),
            )
            .await
        }
        BenchCommand::Channels {
            seconds,
            concurrency,
            messages,
        } => {
            crate::bench::channels::run(config, Duration::from_secs(seconds), concurrency, messages)
                .await
        }
        BenchCommand::Registry { households } => {
            crate::bench::registry::run(config, households).await
        }
        BenchCommand::Volunteers {
            volunteers,
            rounds,
            signups,
            concurrency,
        } => {
            crate::bench::volunteers::run(config, volunteers, rounds.max(1), (signups, concurrency))
                .await
        }
        BenchCommand::Crisis {
            needs,
            pledges,
            seconds,
            concurrency,
        } => {
            crate::bench::crisis::run(
                config,
                needs,
                pledges,
                Duration::from_secs(seconds),
                concurrency,
            )
            .await
        }
        BenchCommand::Http {
            organizations,
            seconds,
            concurrency,
        } => {
            http(
                config,
                organizations,
                Duration::from_secs(seconds),
                concurrency,
            )
            .await
        }
    }
}

/// A fresh database for the benchmark: a temporary SQLite file, or a new schema on the
/// configured PostgreSQL server (dropped afterwards).
pub(crate) async fn fresh_store(
    config: &Config,
) -> anyhow::Result<(Store, Option<tempfile::TempDir>, Option<String>)> {
    let options = StoreOptions {
        max_connections: 32,
        ..Default::default()
    };
    if config.has_database_url() {
        let base = config.database_url()?.expose_secret().to_owned();
        anyhow::ensure!(
            base.starts_with("postgres"),
            "bench takes a postgres:// URL, or none for SQLite"
        );
        let schema = format!("bench_{:08x}", rand::thread_rng().gen::<u32>());
        let admin = Store::connect(
            &base,
            &StoreOptions {
                max_connections: 1,
                ..Default::default()
            },
        )
        .await?;
        admin
            .execute_raw(&format!("CREATE SCHEMA {schema}"))
            .await?;
        admin.close().await;
        let sep = if base.contains('?') { '&' } else { '?' };
        let store = Store::connect(
            &format!("{base}{sep}options[search_path]={schema}"),
            &options,
        )
        .await?;
        store.migrate().await?;
        Ok((store, None, Some(schema)))
    } else {
        let dir = tempfile::tempdir()?;
        let url = format!("sqlite://{}/bench.db", dir.path().display());
        let store = Store::connect(&url, &options).await?;
        store.migrate().await?;
        Ok((store, Some(dir), None))
    }
}

/// The engine's name as the benchmarks print it.
pub(crate) fn backend_name(store: &Store) -> &'static str {
    match store.backend() {
        twiza_store::Backend::Sqlite => "sqlite",
        twiza_store::Backend::Postgres => "postgresql",
    }
}

/// Drops the PostgreSQL schema [`fresh_store`] made (SQLite's temporary file goes by itself).
pub(crate) async fn drop_schema(store: &Store, schema: Option<String>) -> anyhow::Result<()> {
    if let Some(schema) = schema {
        store
            .execute_raw(&format!("DROP SCHEMA {schema} CASCADE"))
            .await?;
    }
    Ok(())
}

/// N plausible associations spread over every commune of the reference data.
pub(crate) fn generated_organizations(n: usize) -> anyhow::Result<Vec<(NewOrganization, String)>> {
    let geo = twiza_geo::geo();
    // Prefectures made only of city arrondissements hold no commune of their own.
    let provinces: Vec<_> = geo
        .provinces()
        .iter()
        .filter(|p| !geo.communes_of(&p.code).is_empty())
        .collect();
    let domains = [
        "relief",
        "health",
        "education",
        "water",
        "women",
        "children",
        "food",
        "rural",
    ];
    let today = time::OffsetDateTime::now_utc().date();
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let province = provinces[i % provinces.len()];
        let communes = geo.communes_of(&province.code);
        let commune = communes
            .get(i % communes.len().max(1))
            .context("province without communes")?;
        let seat = twiza_domain::organization::Seat {
            region_code: province.region_code.as_str().to_owned(),
            province_code: province.code.as_str().to_owned(),
            commune_code: commune.code.as_str().to_owned(),
        };
        let picked = vec![
            domains[i % domains.len()].to_owned(),
            domains[(i / 7) % domains.len()].to_owned(),
        ];
        let name_ar = format!("جمعية التضامن رقم {i}");
        let name_fr = format!("Association Solidarité {} n°{i}", commune.name_fr);
        let number = format!("{i}/2020");
        let input = OrganizationInput {
            name_ar: &name_ar,
            name_fr: &name_fr,
            declaration_number: &number,
            declaration_date: "2020-01-15",
            domains: &picked,
            description: "Association de quartier.",
            ..Default::default()
        };
        let org = NewOrganization::parse(&input, Ok(seat), today)
            .map_err(|e| anyhow::anyhow!("{e:?}"))?;
        let search = twiza_domain::organization::search_text(&org);
        out.push((org, search));
    }
    Ok(out)
}

pub(crate) struct Report {
    pub requests: usize,
    pub errors: usize,
    pub rps: f64,
    pub p50_ms: f64,
    pub p99_ms: f64,
}

/// Sends requests from `concurrency` keep-alive clients for `duration`; `request` builds the
/// `n`-th request of a worker. Only answers with the `expected` status count as done.
pub(crate) async fn run_load<F>(
    duration: Duration,
    concurrency: usize,
    expected: reqwest::StatusCode,
    request: F,
) -> anyhow::Result<Report>
where
    F: Fn(&reqwest::Client, usize, u64) -> reqwest::RequestBuilder + Send + Sync + 'static,
{
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(concurrency)
        .build()?;
    let request = std::sync::Arc::new(request);
    // URLs are parsed once by the callers (`reqwest::Url`): the load generator shares the
    // machine's cores with the server, so it does as little per request as it can.
    let started = Instant::now();
    let mut tasks = Vec::new();
    for worker in 0..concurrency {
        let (client, request) = (client.clone(), request.clone());
        tasks.push(tokio::spawn(async move {
            let mut latencies = Vec::new();
            let mut errors = 0usize;
            let mut n = 0u64;
            while started.elapsed() < duration {
                n += 1;
                let t = Instant::now();
                match request(&client, worker, n).send().await {
                    Ok(r) if r.status() == expected => {
                        let _ = r.bytes().await;
                        latencies.push(t.elapsed());
                    }
                    _ => errors += 1,
                }
            }
            (latencies, errors)
        }));
    }
    let mut all = Vec::new();
    let mut errors = 0;
    for task in tasks {
        let (l, e) = task.await?;
        all.extend(l);
        errors += e;
    }
    let elapsed = started.elapsed().as_secs_f64();
    all.sort();
    let pct = |p: f64| {
        all.get(((all.len() as f64 * p) as usize).min(all.len().saturating_sub(1)))
            .map_or(0.0, |d| d.as_secs_f64() * 1000.0)
    };
    Ok(Report {
        requests: all.len(),
        errors,
        rps: all.len() as f64 / elapsed,
        p50_ms: pct(0.50),
        p99_ms: pct(0.99),
    })
}

/// GETs the `urls` in turn, with a bearer token if given.
async fn load(
    urls: Vec<String>,
    token: Option<String>,
    duration: Duration,
    concurrency: usize,
) -> anyhow::Result<Report> {
    let urls = urls
        .iter()
        .map(|u| reqwest::Url::parse(u))
        .collect::<Result<Vec<_>, _>>()?;
    run_load(
        duration,
        concurrency,
        reqwest::StatusCode::OK,
        move |client, worker, n| {
            let url = &urls[(worker + n as usize * concurrency) % urls.len()];
            let request = client.get(url.clone());
            match &token {
                Some(token) => request.bearer_auth(token),
                None => request,
            }
        },
    )
    .await
}

async fn http(
    config: Config,
    n: usize,
    duration: Duration,
    concurrency: usize,
) -> anyhow::Result<()> {
    let (store, _dir, schema) = fresh_store(&config).await?;
    let backend = format!("{:?}", store.backend());
    let seed_started = Instant::now();
    let owner = crate::demo::create_user(
        &store,
        "bench-owner@bench.twiza.ma",
        "bench-password-123",
        None,
        None,
    )
    .await?;
    let reader = crate::demo::create_user(
        &store,
        "bench-auditor@bench.twiza.ma",
        "bench-password-123",
        None,
        Some(PlatformRole::Auditor),
    )
    .await?;
    let orgs = generated_organizations(n)?;
    let mut ids = Vec::with_capacity(n);
    for chunk in orgs.chunks(1000) {
        ids.extend(
            store
                .create_organizations_batch(chunk, owner, OrgStatus::Verified)
                .await?,
        );
    }
    if store.backend() == twiza_store::Backend::Postgres {
        // As autovacuum would soon do on a live server: planner statistics for the new rows.
        store.execute_raw("ANALYZE").await?;
    }
    println!(
        "seeded {n} verified associations on {backend} in {:.1}s",
        seed_started.elapsed().as_secs_f64()
    );

    let server = start_server(&store).await?;
    let addr = server.addr;

    let (token, _) = twiza_app::accounts::issue_api_token(&store, reader, "bench").await?;

    let pages: Vec<String> = (1..=50)
        .map(|p| format!("http://{addr}/directory?page={p}"))
        .collect();
    let api: Vec<String> = ids
        .iter()
        .step_by((n / 500).max(1))
        .map(|id| format!("http://{addr}/api/v1/organizations/{}/members", id.0))
        .collect();
    println!(
        "target,backend,organizations,concurrency,requests,errors,requests_per_s,p50_ms,p99_ms"
    );
    for (name, urls, auth) in [
        ("directory_page", pages, None),
        ("api_members_read", api, Some(token)),
    ] {
        let r = load(urls, auth, duration, concurrency).await?;
        println!(
            "{name},{backend},{n},{concurrency},{},{},{:.0},{:.2},{:.2}",
            r.requests, r.errors, r.rps, r.p50_ms, r.p99_ms
        );
    }
    drop(server);
    drop_schema(&store, schema).await
}

/// A server on a loopback port for a benchmark, with its keys in a temporary directory; both go
/// when it is dropped.
pub(crate) struct BenchServer {
    pub addr: std::net::SocketAddr,
    task: tokio::task::JoinHandle<anyhow::Result<()>>,
    _data_dir: tempfile::TempDir,
}

impl Drop for BenchServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

pub(crate) async fn start_server(store: &Store) -> anyhow::Result<BenchServer> {
    start_server_with(store, |_| {}).await
}

/// [`start_server`] with its configuration changed first (channels turned on…).
pub(crate) async fn start_server_with(
    store: &Store,
    change: impl FnOnce(&mut Config),
) -> anyhow::Result<BenchServer> {
    let data_dir = tempfile::tempdir()?;
    let mut config = Config::load(&crate::config::GlobalArgs {
        database_url: None,
        listen: Some(([127, 0, 0, 1], 0).into()),
        data_dir: Some(data_dir.path().to_owned()),
        config: None,
    })?;
    change(&mut config);
    let (ready_tx, ready_rx) = tokio::sync::oneshot::channel();
    let server_store = store.clone();
    let task = tokio::spawn(async move {
        crate::serve::run_server(server_store, &config, Some(ready_tx), None).await
    });
    let addr = ready_rx.await.context("server did not start")?;
    Ok(BenchServer {
        addr,
        task,
        _data_dir: data_dir,
    })
}

/// A verified association's national campaign `TWZ-BNCH`, authorized and published; its
/// treasurer (the association's owner) and the campaign's id.
pub(crate) async fn authorized_campaign(
    store: &Store,
) -> anyhow::Result<(twiza_domain::UserId, i64)> {
    use twiza_domain::campaign::{CampaignInput, CampaignState, NewCampaign};
    let treasurer = crate::demo::create_user(
        store,
        "bench-treasurer@bench.twiza.ma",
        "bench-password-123",
        None,
        None,
    )
    .await?;
    let orgs = generated_organizations(1)?;
    let org = store
        .create_organizations_batch(&orgs, treasurer, OrgStatus::Verified)
        .await?[0];
    let scope = twiza_domain::OrgScope::for_member(org, twiza_domain::OrgRole::Owner);
    let input = CampaignInput {
        title_ar: "حملة قياس الأداء",
        title_fr: "Campagne de mesure",
        purpose_ar: "قياس",
        purpose_fr: "Mesure",
        goal: "100000000",
        starts_on: "2023-01-01",
        ends_on: "2099-12-31",
        scope: "national",
        bank_account: "011780000012345678901296",
        emergency: false,
    };
    let campaign = NewCampaign::parse(&input).map_err(|e| anyhow::anyhow!("{e:?}"))?;
    let campaign = store
        .create_campaign(&scope, &campaign, "TWZ-BNCH", treasurer)
        .await?;
    let grant = twiza_store::AuthorizationDecision::Grant {
        reference: "BENCH".into(),
        valid_from: time::macros::date!(2023 - 01 - 01),
        valid_to: time::macros::date!(2099 - 12 - 31),
    };
    // The national campaign's authority: the Secretary-General of the Government.
    let sgg = crate::demo::create_user(
        store,
        "bench-sgg@bench.twiza.ma",
        "bench-password-123",
        None,
        Some(twiza_domain::PlatformRole::Authority),
    )
    .await?;
    store
        .set_authority_competence(sgg, &twiza_domain::competence::Competence::National, None)
        .await?;
    store.decide_authorization(campaign, &grant, sgg).await?;
    store
        .set_campaign_state(
            &scope,
            campaign,
            CampaignState::Draft,
            CampaignState::Published,
        )
        .await?;
    Ok((treasurer, campaign))
}

async fn ingest(
    config: Config,
    duration: Duration,
    concurrency: usize,
    repeat: usize,
) -> anyhow::Result<()> {
    let (store, _dir, schema) = fresh_store(&config).await?;
    let backend = backend_name(&store);
    let (treasurer, campaign) = authorized_campaign(&store).await?;

    let server = start_server(&store).await?;
    let addr = server.addr;
    let (token, _) = twiza_app::accounts::issue_api_token(&store, treasurer, "bench").await?;

    let url = reqwest::Url::parse(&format!(
        "http://{addr}/api/v1/campaigns/{campaign}/donations"
    ))?;
    let mut rounds = Vec::with_capacity(repeat);
    for round in 0..repeat {
        let r = ingest_round(&store, addr, &url, &token, round, duration, concurrency).await?;
        if repeat > 1 {
            println!(
                "round {}/{repeat}: {:.0} donations/s, p50 {:.1} ms, p99 {:.1} ms, healthz {:.0} req/s, ratio {:.2}",
                round + 1,
                r.donations.rps,
                r.donations.p50_ms,
                r.donations.p99_ms,
                r.healthz_rps,
                r.donations.rps / r.healthz_rps,
            );
        }
        rounds.push(r);
    }
    // Medians taken separately: donations/s, its latencies, healthz/s and the per-round ratio.
    let median = |mut v: Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let acknowledged: usize = rounds.iter().map(|r| r.donations.requests).sum();
    let errors: usize = rounds.iter().map(|r| r.donations.errors).sum();
    println!(
        "ingest {backend}: {:.0} donations/s, p50 {:.1} ms, p99 {:.1} ms, healthz {:.0} req/s, ratio {:.2} ({acknowledged} acknowledged and logged, {errors} errors, {concurrency} clients{})",
        median(rounds.iter().map(|r| r.donations.rps).collect()),
        median(rounds.iter().map(|r| r.donations.p50_ms).collect()),
        median(rounds.iter().map(|r| r.donations.p99_ms).collect()),
        median(rounds.iter().map(|r| r.healthz_rps).collect()),
        median(rounds.iter().map(|r| r.donations.rps / r.healthz_rps).collect()),
        if repeat > 1 { format!(", medians of {repeat} rounds") } else { String::new() },
    );
    drop(server);
    // The whole audit of the log just written: every donation row against its leaf, every hash.
    let started = Instant::now();
    let report = store.audit_log(None, |_| {}).await?;
    let seconds = started.elapsed().as_secs_f64();
    anyhow::ensure!(report.ok(), "the audit found {:?}", report.findings);
    println!(
        "audit {backend}: {:.0} leaves/s ({} leaves and {} rows in {seconds:.1} s)",
        report.leaves as f64 / seconds,
        report.leaves,
        report.rows_checked
    );
    drop_schema(&store, schema).await
}

/// One round of the ingest benchmark.
struct IngestRound {
    donations: Report,
    healthz_rps: f64,
}

/// Donations for `duration`, checked against the log, then `GET /healthz` for as long.
async fn ingest_round(
    store: &Store,
    addr: std::net::SocketAddr,
    url: &reqwest::Url,
    token: &str,
    round: usize,
    duration: Duration,
    concurrency: usize,
) -> anyhow::Result<IngestRound> {
    let before = store.log_size().await?;
    let (url, token) = (url.clone(), token.to_owned());
    let donations = run_load(duration, concurrency, reqwest::StatusCode::CREATED, move |client, worker, n| {
        let body = format!(
            r#"{{"kind":"money","amount":"{}.{:02}","currency":"MAD","method":"bank_transfer"}}"#,
            10 + n % 990,
            n % 100
        );
        client
            .post(url.clone())
            .bearer_auth(&token)
            .header("content-type", "application/json")
            .header("idempotency-key", format!("bench-{round:03}-{worker:04}-{n:012}"))
            .body(body)
    })
    .await?;
    let logged = store.log_size().await? - before;
    anyhow::ensure!(
        logged == donations.requests as u64,
        "acknowledged {} donations but the log holds {logged}",
        donations.requests
    );
    let health = load(
        vec![format!("http://{addr}/healthz")],
        None,
        duration,
        concurrency,
    )
    .await?;
    Ok(IngestRound {
        donations,
        healthz_rps: health.rps,
    })
}
