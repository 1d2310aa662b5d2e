//! `twiza bench volunteers`: matching at scale — N volunteers (100,000 by default) spread over
//! Morocco's communes by their 2024 population, with varied skills, languages and
//! availability, loaded through the store's bulk loader; missions in Al Haouz communes and one
//! in Casablanca; then the ranked candidates of each mission computed again and again through
//! the application's use case (latency p50/p99/max, candidates considered) and through the HTTP
//! API; then volunteers signing up through the API (`POST /api/v1/volunteer`, one account
//! each, concurrent clients): sign-ups per second.

use crate::bench::{backend_name, drop_schema, fresh_store, generated_organizations, start_server};
use crate::config::Config;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use std::time::Instant;
use time::Duration;
use twiza_domain::organization::OrgStatus;
use twiza_domain::volunteer::{
    iso_day, morocco_day, MissionInput, NewVolunteer, ShiftInput, Skill, VolunteerLanguage,
    ALL_WEEKDAYS,
};
use twiza_domain::{OrgRole, OrgScope};
use twiza_store::SeedVolunteer;

/// Al Haouz province (HCP code).
const AL_HAOUZ: &str = "07.041";
/// Casablanca's commune.
const CASABLANCA: &str = "06.141.01.0";
/// Volunteers per loader call (one transaction each).
const BATCH: usize = 10_000;

/// The communes with their 2024 population as cumulative weights, for drawing homes.
struct Communes {
    codes: Vec<(String, String)>,
    cumulative: Vec<u64>,
}

impl Communes {
    fn new() -> Communes {
        let mut codes = Vec::new();
        let mut cumulative = Vec::new();
        let mut total = 0;
        for c in twiza_geo::geo().communes() {
            total += c.population_2024.unwrap_or(0).max(1);
            codes.push((
                c.code.as_str().to_owned(),
                c.province_code.as_str().to_owned(),
            ));
            cumulative.push(total);
        }
        Communes { codes, cumulative }
    }

    /// A commune drawn by population, and up to two more of its province.
    fn draw(&self, rng: &mut StdRng) -> Vec<String> {
        let total = self.cumulative.last().copied().unwrap_or(1);
        let at = rng.gen_range(0..total);
        let i = self.cumulative.partition_point(|&c| c <= at);
        let (home, province) = &self.codes[i.min(self.codes.len() - 1)];
        let mut communes = vec![home.clone()];
        for _ in 0..rng.gen_range(0..=2) {
            let j = rng.gen_range(0..self.codes.len());
            let (code, p) = &self.codes[j];
            if p == province && !communes.contains(code) {
                communes.push(code.clone());
            }
        }
        communes
    }
}

/// One to `most` bits among the first `of`, drawn (a bit drawn twice counts once).
fn bits(rng: &mut StdRng, of: usize, most: usize) -> i64 {
    let count = rng.gen_range(1..=most);
    (0..count).fold(0, |m, _| m | 1 << rng.gen_range(0..of))
}

fn volunteer(i: usize, rng: &mut StdRng, communes: &Communes) -> SeedVolunteer {
    let today = morocco_day(twiza_store::now()).unwrap_or(time::Date::MIN);
    // Arabic or Darija for nearly everyone, and one or two more.
    let languages = (if rng.gen_bool(0.9) {
        VolunteerLanguage::Darija.bit()
    } else {
        VolunteerLanguage::Arabic.bit()
    }) | bits(rng, VolunteerLanguage::ALL.len(), 2);
    let available_from = rng
        .gen_bool(0.2)
        .then(|| today + Duration::days(rng.gen_range(0..60)));
    SeedVolunteer {
        user_id: None,
        email: format!("volunteer-{i}@bench.twiza.ma"),
        profile: NewVolunteer {
            name: format!("Volunteer {i}"),
            birth_date: today - Duration::days(rng.gen_range(18 * 366..70 * 365)),
            cin: format!("BV{i:06}"),
            phone: format!("+2126{:08}", i),
            skills: bits(rng, Skill::ALL.len(), 3),
            languages,
            weekdays: match bits(rng, 7, 7) {
                0 => ALL_WEEKDAYS,
                m => m,
            },
            available_from,
            available_until: available_from.map(|f| f + Duration::days(rng.gen_range(7..120))),
            communes: communes.draw(rng),
            emergency_name: format!("Contact {i}"),
            emergency_phone: format!("+2127{:08}", i),
        },
        minutes_given: if rng.gen_bool(0.3) {
            rng.gen_range(60..20_000)
        } else {
            0
        },
    }
}

/// Percentile of sorted milliseconds.
fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = ((p / 100.0) * (sorted.len() - 1) as f64).round() as usize;
    sorted[rank.min(sorted.len() - 1)]
}

fn summary(label: &str, mut ms: Vec<f64>) {
    ms.sort_by(f64::total_cmp);
    println!(
        "{label}: p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms over {} rankings (target p99 < 50 ms)",
        percentile(&ms, 50.0),
        percentile(&ms, 99.0),
        ms.last().copied().unwrap_or(0.0),
        ms.len()
    );
}

/// The JSON of a sign-up through `POST /api/v1/volunteer` (its CIN and phone its own).
fn signup_body(i: usize, commune: &str) -> String {
    serde_json::json!({
        "name": format!("Signed Up {i}"),
        "birth_date": "1990-05-17",
        "cin": format!("SU{i:06}"),
        "phone": format!("+2126{:08}", 90_000_000 + i),
        "skills": ["first_aid", "logistics"],
        "languages": ["ary", "shi"],
        "weekdays": [1, 3, 6],
        "communes": [commune],
        "emergency_contact": {"name": format!("Contact {i}"), "phone": format!("+2127{:08}", 90_000_000 + i)},
    })
    .to_string()
}

/// Sign-ups per second through `POST /api/v1/volunteer`: `signups` accounts (each with its
/// API token, created beforehand) sign up once each, `concurrency` at a time. Answers the
/// sign-ups per second, p50 and p99 milliseconds, and the failures.
async fn signups(
    store: &twiza_store::Store,
    addr: std::net::SocketAddr,
    communes: &Communes,
    signups: usize,
    concurrency: usize,
) -> anyhow::Result<(f64, f64, f64, usize)> {
    let mut rng = StdRng::seed_from_u64(6);
    let mut requests = Vec::with_capacity(signups);
    for i in 0..signups {
        let user = store
            .create_user(
                &format!("signup-{i}@bench.twiza.ma"),
                twiza_store::UNUSABLE_PASSWORD_HASH,
                &format!("Signed Up {i}"),
                None,
            )
            .await?;
        let (token, _) = twiza_app::accounts::issue_api_token(store, user, "bench").await?;
        let home = communes.draw(&mut rng).swap_remove(0);
        requests.push((token, signup_body(i, &home)));
    }
    let url = reqwest::Url::parse(&format!("http://{addr}/api/v1/volunteer"))?;
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(concurrency)
        .build()?;
    let requests = std::sync::Arc::new(requests);
    let next = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let started = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..concurrency.max(1) {
        let (client, url, requests, next) =
            (client.clone(), url.clone(), requests.clone(), next.clone());
        tasks.push(tokio::spawn(async move {
            let (mut ms, mut failed) = (Vec::new(), 0usize);
            loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some((token, body)) = requests.get(i) else {
                    break;
                };
                let t = Instant::now();
                let answer = client
                    .post(url.clone())
                    .bearer_auth(token)
                    .header("content-type", "application/json")
                    .body(body.clone())
                    .send()
                    .await;
                match answer {
                    Ok(r) if r.status() == reqwest::StatusCode::CREATED => {
                        let _ = r.bytes().await;
                        ms.push(t.elapsed().as_secs_f64() * 1000.0);
                    }
                    _ => failed += 1,
                }
            }
            (ms, failed)
        }));
    }
    let (mut all, mut failed) = (Vec::new(), 0);
    for task in tasks {
        let (ms, f) = task.await?;
        all.extend(ms);
        failed += f;
    }
    let rate = all.len() as f64 / started.elapsed().as_secs_f64();
    all.sort_by(f64::total_cmp);
    Ok((rate, percentile(&all, 50.0), percentile(&all, 99.0), failed))
}

pub async fn run(
    config: Config,
    volunteers: usize,
    rounds: usize,
    (signup_count, concurrency): (usize, usize),
) -> anyhow::Result<()> {
    let (store, _dir, schema) = fresh_store(&config).await?;
    let backend = backend_name(&store);
    let work = tempfile::tempdir()?;
    let keys = crate::keys::personal_data_keys(work.path())?;
    let owner = crate::demo::create_user(
        &store,
        "bench-coordinator@bench.twiza.ma",
        "bench-password-123",
        None,
        None,
    )
    .await?;
    let org = store
        .create_organizations_batch(&generated_organizations(1)?, owner, OrgStatus::Verified)
        .await?[0];
    let scope = OrgScope::for_member(org, OrgRole::Owner);

    // The volunteers.
    let communes = Communes::new();
    let mut rng = StdRng::seed_from_u64(19);
    let started = Instant::now();
    let mut loaded = 0;
    while loaded < volunteers {
        let n = BATCH.min(volunteers - loaded);
        let rows: Vec<SeedVolunteer> = (loaded..loaded + n)
            .map(|i| volunteer(i, &mut rng, &communes))
            .collect();
        store.seed_volunteers(&keys, &rows).await?;
        loaded += n;
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "volunteers loaded {backend}: {volunteers} in {secs:.1} s ({:.0}/s, bulk loader)",
        volunteers as f64 / secs
    );

    // The missions: every fifth commune of Al Haouz (at most eight), and Casablanca.
    let mut places: Vec<String> = twiza_geo::geo()
        .communes()
        .iter()
        .filter(|c| c.province_code.as_str() == AL_HAOUZ)
        .map(|c| c.code.as_str().to_owned())
        .step_by(5)
        .take(8)
        .collect();
    places.push(CASABLANCA.to_owned());
    let today = morocco_day(twiza_store::now()).unwrap_or(time::Date::MIN);
    let (starts, ends) = (
        iso_day(today + Duration::days(1)),
        iso_day(today + Duration::days(30)),
    );
    let mut missions = Vec::new();
    for (i, commune) in places.iter().enumerate() {
        let skill_codes = [
            Skill::ALL[i % Skill::ALL.len()].as_str(),
            Skill::ALL[(i * 3 + 1) % Skill::ALL.len()].as_str(),
        ];
        let id = twiza_app::missions::publish(
            &store,
            &scope,
            &MissionInput {
                title: "Mission de mesure",
                purpose: "Mesurer le classement des candidats",
                kind: "informal",
                skills: skill_codes.to_vec(),
                languages: vec!["shi", "ary"],
                commune,
                starts_on: &starts,
                ends_on: &ends,
                requirements: "",
            },
            &ShiftInput {
                day: &starts,
                starts: "08:00",
                ends: "14:00",
                places: "20",
            },
            Some(&format!("bench-{i}")),
            owner,
        )
        .await
        .map_err(|e| anyhow::anyhow!("mission: {e}"))?;
        missions.push((id, commune.clone()));
    }

    // Ranking through the use case.
    let mut all = Vec::new();
    for (id, commune) in &missions {
        let mut ms = Vec::with_capacity(rounds);
        let mut considered = 0;
        for _ in 0..rounds {
            let started = Instant::now();
            let ranked = twiza_app::missions::candidates(
                &store,
                &scope,
                *id,
                twiza_app::missions::CANDIDATES,
            )
            .await
            .map_err(|e| anyhow::anyhow!("candidates: {e}"))?;
            ms.push(started.elapsed().as_secs_f64() * 1000.0);
            considered = ranked.considered;
        }
        ms.sort_by(f64::total_cmp);
        println!(
            "mission in {commune}: {considered} candidates considered, p50 {:.1} ms, max {:.1} ms",
            percentile(&ms, 50.0),
            ms.last().copied().unwrap_or(0.0)
        );
        all.extend(ms);
    }
    summary(&format!("candidates ranked {backend} (use case)"), all);

    // Once through the HTTP API.
    let server = start_server(&store).await?;
    let (token, _) = twiza_app::accounts::issue_api_token(&store, owner, "bench").await?;
    let client = reqwest::Client::new();
    let mut http = Vec::new();
    for (id, _) in &missions {
        let url = format!(
            "http://{}/api/v1/organizations/{}/missions/{id}/candidates",
            server.addr, org.0
        );
        let started = Instant::now();
        let answer = client.get(&url).bearer_auth(&token).send().await?;
        anyhow::ensure!(
            answer.status().is_success(),
            "candidates API answered {}",
            answer.status()
        );
        answer.bytes().await?;
        http.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    summary(&format!("candidates ranked {backend} (HTTP API)"), http);
    let (rate, p50, p99, failed) =
        signups(&store, server.addr, &communes, signup_count, concurrency).await?;
    println!(
        "volunteer sign-ups {backend} (HTTP API, POST /api/v1/volunteer): {rate:.0}/s, \
         p50 {p50:.1} ms, p99 {p99:.1} ms ({signup_count} accounts, {failed} failed, \
         {concurrency} clients)"
    );
    drop(server);
    drop_schema(&store, schema).await
}
