//! Crash safety: the server is killed with SIGKILL, many times, while donations and need reports
//! stream in and a field agent's device syncs assessments made offline. No acknowledged
//! donation, need or synced record is lost, retries of unanswered requests (and the device's
//! retries of whole batches) record each exactly once, `twiza log audit` passes after every restart, and the incident's running
//! coverage totals equal a full recomputation. On SQLite, and on PostgreSQL when
//! `TWIZA_TEST_POSTGRES_URL` is set (mandatory under CI).

use rand::Rng;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::{free_port, BIN};
/// Kill-and-restart cycles per backend.
const CYCLES: usize = 8;
const CLIENTS: usize = 16;
/// Clients reporting needs beside the donations.
const NEED_CLIENTS: usize = 8;
/// Records in one batch of the field app's sync.
const DEVICE_BATCH: usize = 5;

fn twiza(data_dir: &Path, database_url: &str, port: u16, args: &[&str]) -> Command {
    let mut c = Command::new(BIN);
    c.args(args)
        .arg("--data-dir")
        .arg(data_dir)
        .arg("--database-url")
        .arg(database_url)
        .arg("--listen")
        .arg(format!("127.0.0.1:{port}"))
        // The flood of reports comes from one address: no anonymous rate.
        .arg("--config")
        .arg(data_dir.join("crash.toml"))
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    c
}

async fn wait_healthy(client: &reqwest::Client, base: &str, child: &mut Child) {
    let started = Instant::now();
    loop {
        if let Ok(r) = client.get(format!("{base}/healthz")).send().await {
            if r.status().is_success() {
                return;
            }
        }
        if let Ok(Some(status)) = child.try_wait() {
            panic!("the server exited: {status}");
        }
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "server did not start"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// What a client learned: acknowledged donations by key (id, leaf index, leaf hash), and keys
/// sent without an answer.
#[derive(Default)]
struct Outcomes {
    acked: HashMap<String, (i64, u64, String)>,
    unanswered: Vec<String>,
}

async fn donate(
    client: &reqwest::Client,
    url: &str,
    token: &str,
    key: &str,
) -> Option<(i64, u64, String)> {
    let response = client
        .post(url)
        .bearer_auth(token)
        .header("idempotency-key", key)
        .json(&json!({"kind": "money", "amount": "25.00", "currency": "MAD", "method": "cash"}))
        .send()
        .await
        .ok()?;
    if !matches!(response.status().as_u16(), 200 | 201) {
        return None;
    }
    let v: Value = response.json().await.ok()?;
    Some((
        v["id"].as_i64()?,
        v["leaf_index"].as_u64()?,
        v["leaf_hash"].as_str()?.to_owned(),
    ))
}

/// What need reporters learned: acknowledged needs by key (id, reference), and keys sent
/// without an answer.
#[derive(Default)]
struct Reports {
    acked: HashMap<String, (i64, String)>,
    unanswered: Vec<String>,
}

async fn report(
    client: &reqwest::Client,
    url: &str,
    commune: &str,
    key: &str,
) -> Option<(i64, String)> {
    let households = 1 + key.len() % 7;
    let response = client
        .post(url)
        .header("idempotency-key", key)
        .json(
            &json!({"commune": commune, "category": "shelter", "urgency": "high",
                      "households": households, "contact_phone": "0612345678"}),
        )
        .send()
        .await
        .ok()?;
    if !matches!(response.status().as_u16(), 200 | 201) {
        return None;
    }
    let v: Value = response.json().await.ok()?;
    Some((v["id"].as_i64()?, v["reference"].as_str()?.to_owned()))
}

/// Every need of the incident by id (reference), through the public pages.
async fn incident_needs(client: &reqwest::Client, base: &str, incident: i64) -> Vec<(i64, String)> {
    let mut all = Vec::new();
    let mut after = 0;
    loop {
        let page: Value = client
            .get(format!(
                "{base}/api/v1/incidents/{incident}/needs?limit=500&after={after}"
            ))
            .send()
            .await
            .expect("needs")
            .json()
            .await
            .expect("json");
        let page = page.as_array().expect("list");
        let Some(last) = page.last() else {
            return all;
        };
        after = last["id"].as_i64().expect("id");
        all.extend(page.iter().map(|n| {
            (
                n["id"].as_i64().expect("id"),
                n["reference"].as_str().expect("reference").to_owned(),
            )
        }));
    }
}

/// Retries every unanswered report until it is answered: a retry of a committed one answers it.
async fn retry_reports(
    client: &reqwest::Client,
    url: &str,
    commune: &str,
    reports: &Mutex<Reports>,
) {
    let retries = std::mem::take(&mut reports.lock().expect("lock").unanswered);
    for key in retries {
        let ack = report(client, url, commune, &key)
            .await
            .expect("retry answered");
        let mut r = reports.lock().expect("lock");
        if let Some(earlier) = r.acked.get(&key) {
            assert_eq!(
                earlier, &ack,
                "a retry of an acknowledged key is the same need"
            );
        }
        r.acked.insert(key, ack);
    }
}

/// The incident's running coverage totals equal a recomputation from every need and pledge.
async fn coverage_adds_up(database_url: &str, incident: i64) {
    let store = twiza_store::Store::connect(database_url, &Default::default())
        .await
        .expect("store");
    assert_eq!(
        store.coverage(incident).await.expect("totals"),
        store
            .recomputed_coverage(incident)
            .await
            .expect("recomputed"),
        "the running coverage totals differ from the recomputation"
    );
    store.close().await;
}

/// A field agent's device: its session, the records the server acknowledged (device id →
/// reference) and the records it sent without an answer, which it sends again.
#[derive(Default)]
struct Device {
    cookie: String,
    csrf: String,
    org: i64,
    acked: HashMap<String, String>,
    waiting: Vec<Value>,
    /// Records sent again after a kill left them unanswered.
    retried: usize,
}

/// A UUID v4 as `crypto.randomUUID()` makes it.
fn device_id() -> String {
    let b: [u8; 16] = rand::random();
    let h = hex::encode(b);
    format!(
        "{}-{}-4{}-8{}-{}",
        &h[0..8],
        &h[8..12],
        &h[13..16],
        &h[17..20],
        &h[20..32]
    )
}

/// Signs the field agent in (a session survives restarts) and reads the CSRF token from the
/// app's bundle.
async fn device_session(base: &str, login: &Value) -> Device {
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    let response = client
        .post(format!("{base}/sign-in"))
        .header("cookie", "twiza_csrf=crash-device")
        .form(&[
            ("csrf", "crash-device"),
            ("email", login["email"].as_str().expect("email")),
            ("password", login["password"].as_str().expect("password")),
        ])
        .send()
        .await
        .expect("sign in");
    let cookie = response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("twiza_session="))
        .and_then(|v| v.split(';').next())
        .expect("a session")
        .to_owned();
    let org = login["organization_id"].as_i64().expect("org");
    let bundle: Value = client
        .get(format!("{base}/field/api/{org}/bundle"))
        .header("cookie", &cookie)
        .send()
        .await
        .expect("bundle")
        .json()
        .await
        .expect("json");
    Device {
        cookie,
        csrf: bundle["csrf"].as_str().expect("csrf").to_owned(),
        org,
        ..Device::default()
    }
}

/// Sends records as the app does; the per-record answers, or `None` when no answer came.
async fn device_sync(
    client: &reqwest::Client,
    base: &str,
    device: &Mutex<Device>,
    records: &[Value],
) -> Option<Vec<Value>> {
    let (url, cookie) = {
        let d = device.lock().expect("lock");
        (
            format!("{base}/field/api/{}/sync?csrf={}", d.org, d.csrf),
            d.cookie.clone(),
        )
    };
    let response = client
        .post(url)
        .header("cookie", cookie)
        .json(&json!({ "records": records }))
        .send()
        .await
        .ok()?;
    if response.status() != reqwest::StatusCode::OK {
        return None;
    }
    let v: Value = response.json().await.ok()?;
    Some(v["results"].as_array()?.clone())
}

/// Keeps the answers: every record must be accepted, and one acknowledged before keeps its
/// reference.
fn device_answers(device: &Mutex<Device>, answers: &[Value]) {
    let mut d = device.lock().expect("lock");
    for a in answers {
        assert_eq!(a["status"], "accepted", "a synced record was refused: {a}");
        let id = a["id"].as_str().expect("id").to_owned();
        let reference = a["reference"].as_str().expect("reference").to_owned();
        if let Some(earlier) = d.acked.get(&id) {
            assert_eq!(
                earlier, &reference,
                "a record synced again is the same need"
            );
        }
        d.acked.insert(id, reference);
    }
}

/// The device sends again everything that waits, and one batch it already had answered.
async fn device_retry(client: &reqwest::Client, base: &str, device: &Mutex<Device>) {
    let waiting = {
        let mut d = device.lock().expect("lock");
        d.retried += d.waiting.len();
        std::mem::take(&mut d.waiting)
    };
    for chunk in waiting.chunks(100) {
        let answers = device_sync(client, base, device, chunk)
            .await
            .expect("retry answered");
        device_answers(device, &answers);
    }
    if let Some(chunk) = waiting.chunks(DEVICE_BATCH).next() {
        let answers = device_sync(client, base, device, chunk)
            .await
            .expect("second retry answered");
        device_answers(device, &answers);
    }
}

fn audit(data_dir: &Path, database_url: &str) {
    let output = twiza(data_dir, database_url, 0, &["log", "audit"])
        .stdout(Stdio::piped())
        .output()
        .expect("audit runs");
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "log audit failed:\n{text}");
    assert!(text.contains("log audit: OK"), "{text}");
}

async fn crash_cycles(database_url: &str) {
    let dir = tempfile::tempdir().expect("dir");
    let data = dir.path();
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(20))
        .build()
        .expect("client");

    // Seed with the demo (associations, a collecting campaign, logins), then stop it.
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    std::fs::write(data.join("crash.toml"), "need_reports_per_minute = 0\n").expect("config");
    let mut demo = twiza(data, database_url, port, &["demo"])
        .spawn()
        .expect("demo");
    wait_healthy(&client, &base, &mut demo).await;
    let logins: Vec<Value> =
        serde_json::from_slice(&std::fs::read(data.join("demo-logins.json")).expect("logins"))
            .expect("json");
    let treasurer = logins
        .iter()
        .find(|l| l["role"] == "treasurer")
        .expect("treasurer");
    let token: Value = client
        .post(format!("{base}/api/v1/tokens"))
        .json(&json!({"email": treasurer["email"], "password": treasurer["password"]}))
        .send()
        .await
        .expect("token")
        .json()
        .await
        .expect("json");
    let token = token["token"].as_str().expect("token").to_owned();
    let org = treasurer["organization_id"].as_i64().expect("org");
    let campaigns: Value = client
        .get(format!("{base}/api/v1/organizations/{org}/campaigns"))
        .bearer_auth(&token)
        .send()
        .await
        .expect("campaigns")
        .json()
        .await
        .expect("json");
    let campaign = campaigns
        .as_array()
        .expect("list")
        .iter()
        .find(|c| c["state"] == "published")
        .expect("a collecting campaign")["id"]
        .as_i64()
        .expect("id");
    let incidents: Value = client
        .get(format!("{base}/api/v1/incidents"))
        .send()
        .await
        .expect("incidents")
        .json()
        .await
        .expect("json");
    let incident = &incidents.as_array().expect("list")[0];
    let commune = incident["communes"][0]
        .as_str()
        .expect("commune")
        .to_owned();
    let incident = incident["id"].as_i64().expect("id");
    let demo_needs = incident_needs(&client, &base, incident).await.len();
    let agent = logins
        .iter()
        .find(|l| l["role"] == "field_agent")
        .expect("field agent");
    let device = Arc::new(Mutex::new(device_session(&base, agent).await));
    demo.kill().expect("kill");
    demo.wait().expect("wait");
    let url = format!("{base}/api/v1/campaigns/{campaign}/donations");
    let needs_url = format!("{base}/api/v1/incidents/{incident}/needs");
    let reports = Arc::new(Mutex::new(Reports::default()));

    let outcomes = Arc::new(Mutex::new(Outcomes::default()));
    let mut sequence = 0usize;
    for cycle in 0..CYCLES {
        let mut server = twiza(data, database_url, port, &["serve"])
            .spawn()
            .expect("serve");
        wait_healthy(&client, &base, &mut server).await;

        // Every acknowledged donation so far is still there, with the same leaf.
        let acked: Vec<(String, (i64, u64, String))> = outcomes
            .lock()
            .expect("lock")
            .acked
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        for (_, (_, index, hash)) in acked.iter().step_by(1 + acked.len() / 200) {
            let entry: Value = client
                .get(format!("{base}/api/v1/log/entries/{index}"))
                .send()
                .await
                .expect("entry")
                .json()
                .await
                .expect("json");
            assert_eq!(
                entry["leaf_hash"].as_str(),
                Some(hash.as_str()),
                "cycle {cycle}: leaf {index} lost or changed"
            );
        }
        // Retry what went unanswered: each is recorded once (a replay if it was committed).
        let retries = std::mem::take(&mut outcomes.lock().expect("lock").unanswered);
        for key in retries {
            let ack = donate(&client, &url, &token, &key)
                .await
                .expect("retry answered");
            let mut o = outcomes.lock().expect("lock");
            if let Some(earlier) = o.acked.get(&key) {
                assert_eq!(
                    earlier, &ack,
                    "a retry of an acknowledged key is the same donation"
                );
            }
            o.acked.insert(key, ack);
        }
        retry_reports(&client, &needs_url, &commune, &reports).await;
        device_retry(&client, &base, &device).await;

        // Stream donations and need reports, and kill the server in the middle.
        let mut tasks = Vec::new();
        for c in 0..CLIENTS {
            let (client, url, token, outcomes) =
                (client.clone(), url.clone(), token.clone(), outcomes.clone());
            let first = sequence + c * 100_000;
            tasks.push(tokio::spawn(async move {
                for n in 0.. {
                    let key = format!("crash-{cycle:02}-{first:07}-{n:05}");
                    match donate(&client, &url, &token, &key).await {
                        Some(ack) => {
                            outcomes.lock().expect("lock").acked.insert(key, ack);
                        }
                        None => {
                            outcomes.lock().expect("lock").unanswered.push(key);
                            return;
                        }
                    }
                }
            }));
        }
        for c in 0..NEED_CLIENTS {
            let (client, url, commune, reports) = (
                client.clone(),
                needs_url.clone(),
                commune.clone(),
                reports.clone(),
            );
            tasks.push(tokio::spawn(async move {
                for n in 0.. {
                    let key = format!("crash-need-{cycle:02}-{c:02}-{n:06}");
                    match report(&client, &url, &commune, &key).await {
                        Some(ack) => {
                            reports.lock().expect("lock").acked.insert(key, ack);
                        }
                        None => {
                            reports.lock().expect("lock").unanswered.push(key);
                            return;
                        }
                    }
                }
            }));
        }
        {
            // The field agent's device syncs batches of assessments made offline.
            let (client, base, commune, device) = (
                client.clone(),
                base.clone(),
                commune.clone(),
                device.clone(),
            );
            tasks.push(tokio::spawn(async move {
                for n in 0.. {
                    let records: Vec<Value> = (0..DEVICE_BATCH)
                        .map(|k| {
                            json!({"id": device_id(), "kind": "assessment", "data": {
                                "incident": incident, "commune": commune, "douar_id": null,
                                "category": "water", "urgency": "high",
                                "households": 1 + (n + k) % 9, "people": null,
                                "description": null}})
                        })
                        .collect();
                    match device_sync(&client, &base, &device, &records).await {
                        Some(answers) => device_answers(&device, &answers),
                        None => {
                            device.lock().expect("lock").waiting.extend(records);
                            return;
                        }
                    }
                }
            }));
        }
        sequence += CLIENTS * 100_000;
        let pause = rand::thread_rng().gen_range(300..900);
        tokio::time::sleep(Duration::from_millis(pause)).await;
        server.kill().expect("SIGKILL");
        server.wait().expect("wait");
        for t in tasks {
            t.await.expect("client");
        }
        audit(data, database_url);
        coverage_adds_up(database_url, incident).await;
    }

    // Last restart: retries, then every acknowledged donation and nothing else is in the log.
    let mut server = twiza(data, database_url, port, &["serve"])
        .spawn()
        .expect("serve");
    wait_healthy(&client, &base, &mut server).await;
    let retries = std::mem::take(&mut outcomes.lock().expect("lock").unanswered);
    for key in retries {
        let ack = donate(&client, &url, &token, &key)
            .await
            .expect("retry answered");
        outcomes.lock().expect("lock").acked.insert(key, ack);
    }
    retry_reports(&client, &needs_url, &commune, &reports).await;
    device_retry(&client, &base, &device).await;
    // Every acknowledged need is there once, and nothing else was written.
    let stored = incident_needs(&client, &base, incident).await;
    let head: Value = client
        .get(format!("{base}/api/v1/log/head"))
        .send()
        .await
        .expect("head")
        .json()
        .await
        .expect("json");
    // Taken after the last await: a std guard must not be held across one.
    let donations = {
        let o = outcomes.lock().expect("lock");
        assert!(
            o.acked.len() > 100,
            "the test streamed too little: {}",
            o.acked.len()
        );
        let mut indexes: Vec<u64> = o.acked.values().map(|(_, i, _)| *i).collect();
        indexes.sort_unstable();
        indexes.dedup();
        assert_eq!(indexes.len(), o.acked.len(), "two keys share a leaf");
        // The demo's leaves come first; every later leaf is one of ours.
        let first = *indexes.first().expect("some");
        assert_eq!(
            head["tree_size"].as_u64(),
            Some(first + o.acked.len() as u64),
            "the log holds exactly the acknowledged donations after the demo's leaves"
        );
        o.acked.len()
    };
    let (needs, synced) = {
        let r = reports.lock().expect("lock");
        let d = device.lock().expect("lock");
        let needs = r.acked.len();
        let synced = d.acked.len();
        assert!(needs > 100, "too few reports: {needs}");
        assert!(synced > 20, "too few synced records: {synced}");
        assert!(
            d.retried >= CYCLES * DEVICE_BATCH,
            "every kill leaves a batch to send again: {}",
            d.retried
        );
        assert_eq!(
            stored.len(),
            demo_needs + needs + synced,
            "the incident holds exactly the demo's needs, the acknowledged reports and the \
             synced assessments"
        );
        let stored: HashMap<i64, String> = stored.into_iter().collect();
        for (id, reference) in r.acked.values() {
            assert_eq!(
                stored.get(id),
                Some(reference),
                "acknowledged need {id} lost"
            );
        }
        let references: std::collections::HashSet<&String> = stored.values().collect();
        for reference in d.acked.values() {
            assert!(
                references.contains(reference),
                "synced assessment {reference} lost"
            );
        }
        (needs, synced)
    };
    server.kill().expect("kill");
    server.wait().expect("wait");
    audit(data, database_url);
    coverage_adds_up(database_url, incident).await;
    eprintln!(
        "crash safety: {donations} donations, {needs} needs and {synced} synced assessments acknowledged over {CYCLES} SIGKILLs, none lost"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigkill_loses_no_acknowledged_donation_or_need_on_sqlite() {
    let dir = tempfile::tempdir().expect("dir");
    let url = format!("sqlite://{}/crash.db", dir.path().display());
    crash_cycles(&url).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigkill_loses_no_acknowledged_donation_or_need_on_postgres() {
    let Ok(base) = std::env::var("TWIZA_TEST_POSTGRES_URL") else {
        if std::env::var_os("CI").is_some() {
            panic!("TWIZA_TEST_POSTGRES_URL must be set in CI");
        }
        eprintln!("!!! SKIPPED: crash safety on PostgreSQL (set TWIZA_TEST_POSTGRES_URL) !!!");
        return;
    };
    let schema = format!("t_crash_{:016x}", rand::thread_rng().gen::<u64>());
    let status = Command::new("psql")
        .arg(&base)
        .args(["-qc", &format!("CREATE SCHEMA {schema}")])
        .status();
    let created = status.map(|s| s.success()).unwrap_or(false);
    assert!(created, "psql could not create the test schema");
    let sep = if base.contains('?') { '&' } else { '?' };
    crash_cycles(&format!("{base}{sep}options[search_path]={schema}")).await;
}
