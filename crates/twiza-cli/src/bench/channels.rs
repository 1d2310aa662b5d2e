//! `twiza bench channels`: feature phones at load. Inbound SMS handled per second through the
//! signed Twilio-compatible webhook (each message from its own number, an appeal's code to
//! check, answered in TwiML); USSD step latency (p50/p99) with `concurrency` sessions open at
//! once, each walking the language, the menu and a code's check; and outbound messages per
//! second through the outbox: `messages` queued, then sent by the sender through the Kannel
//! `sendsms` interface to a local HTTP endpoint that accepts them as Kannel does.

use crate::bench::{authorized_campaign, backend_name, drop_schema, fresh_store, run_load};
use crate::config::Config;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use twiza_store::PersonalDataKeys;

/// The Twilio-compatible account's token and the public address the webhook is signed for.
const TOKEN: &str = "bench-twilio-auth-token";
const PUBLIC_BASE: &str = "https://twiza.bench.ma";
const SERVICE_CODE: &str = "*1212#";

/// A Moroccan mobile number of its own for the `n`th message of `worker` (so that no phone
/// reaches the per-phone rate).
fn phone(worker: usize, n: u64) -> String {
    format!("+2126{:02}{:06}", worker % 100, n % 1_000_000)
}

pub async fn run(
    config: Config,
    duration: Duration,
    concurrency: usize,
    messages: u64,
) -> anyhow::Result<()> {
    let (store, _dir, schema) = fresh_store(&config).await?;
    let backend = backend_name(&store);
    authorized_campaign(&store).await?;

    // Outbound first (the server below sends its own outbox): the outbox filled, then sent
    // through Kannel's sendsms interface.
    let keys = PersonalDataKeys::new(
        std::collections::BTreeMap::from([(1, rand::random::<[u8; 32]>())]),
        rand::random::<[u8; 32]>(),
    )
    .ok_or_else(|| anyhow::anyhow!("keys"))?;
    let started = Instant::now();
    let queued = Arc::new(AtomicU64::new(0));
    let mut tasks = Vec::new();
    for task in 0..8u64 {
        let (store, keys, queued) = (store.clone(), keys.clone(), queued.clone());
        tasks.push(tokio::spawn(async move {
            let mut i = task;
            while i < messages {
                let sms = twiza_app::sms::seal(
                    &keys,
                    "bench",
                    format!("bench:{i}"),
                    &phone((i / 1_000_000) as usize, i),
                    "Twiza: votre besoin N-BENCH est couvert. Suivi: envoyez N-BENCH.",
                );
                store.queue_sms(&sms).await?;
                queued.fetch_add(1, Ordering::Relaxed);
                i += 8;
            }
            anyhow::Ok(())
        }));
    }
    for task in tasks {
        task.await??;
    }
    let queue_seconds = started.elapsed().as_secs_f64();
    let sink = kannel_sink().await?;
    let sender = twiza_app::sms::Sender::new(
        twiza_app::sms::Gateway::Kannel(twiza_app::sms::Kannel {
            sendsms_url: format!("http://{}/cgi-bin/sendsms", sink.addr),
            username: "bench".into(),
            password: "bench".into(),
            from: None,
            dlr_url: None,
        }),
        keys,
        10_000.0,
    );
    let started = Instant::now();
    let mut sent = 0usize;
    loop {
        let n = sender.send_due(&store).await?;
        if n == 0 {
            break;
        }
        sent += n;
    }
    let send_seconds = started.elapsed().as_secs_f64();
    let accepted = sink.accepted.load(Ordering::Relaxed);
    anyhow::ensure!(
        sent as u64 == messages && accepted == messages,
        "{sent} sent and {accepted} accepted of {messages}"
    );
    println!(
        "outbox {backend}: {:.0} messages/s sent through Kannel's sendsms ({messages} messages in {send_seconds:.1} s; queued at {:.0}/s)",
        sent as f64 / send_seconds,
        queued.load(Ordering::Relaxed) as f64 / queue_seconds
    );

    let server = crate::bench::start_server_with(&store, |c| {
        c.sms = Some(crate::sms_config::Sms::demo(PUBLIC_BASE, TOKEN.to_owned()));
        c.ussd = Some(twiza_web::channels::UssdSetting {
            service_code: SERVICE_CODE.to_owned(),
            allowed_addresses: vec![[127, 0, 0, 1].into()],
            secret: None,
        });
    })
    .await?;
    let addr = server.addr;

    // Inbound SMS: a signed webhook per message, each a code's check.
    let url = reqwest::Url::parse(&format!("http://{addr}/channels/sms/twilio"))?;
    let signed_url = format!("{PUBLIC_BASE}/channels/sms/twilio");
    let inbound = run_load(
        duration,
        concurrency,
        reqwest::StatusCode::OK,
        move |client, worker, n| {
            let params = vec![
                ("Body".to_owned(), "TWZ-BNCH".to_owned()),
                ("From".to_owned(), phone(worker, n)),
                ("MessageSid".to_owned(), format!("SMbench{worker:03}{n:09}")),
            ];
            let signature = twiza_web::channels::twilio::signature(TOKEN, &signed_url, &params);
            let body = serde_urlencoded::to_string(&params).unwrap_or_default();
            client
                .post(url.clone())
                .header("content-type", "application/x-www-form-urlencoded")
                .header("x-twilio-signature", signature)
                .body(body)
        },
    )
    .await?;
    println!(
        "inbound sms {backend}: {:.0} messages/s, p50 {:.1} ms, p99 {:.1} ms ({} answered, {} errors, {concurrency} phones at once)",
        inbound.rps, inbound.p50_ms, inbound.p99_ms, inbound.requests, inbound.errors
    );

    // USSD: sessions of four steps (language, menu, the code, its check), each from its own
    // phone, `concurrency` open at once.
    let ussd = ussd_sessions(addr, duration, concurrency).await?;
    println!(
        "ussd steps {backend}: {:.0} steps/s, p50 {:.1} ms, p99 {:.1} ms ({} steps in {} sessions, {} errors, {concurrency} sessions at once)",
        ussd.steps as f64 / ussd.seconds,
        ussd.p50_ms,
        ussd.p99_ms,
        ussd.steps,
        ussd.sessions,
        ussd.errors
    );

    drop_schema(&store, schema).await?;
    Ok(())
}

struct UssdFigures {
    steps: usize,
    sessions: usize,
    errors: usize,
    seconds: f64,
    p50_ms: f64,
    p99_ms: f64,
}

/// Walks USSD sessions from `concurrency` clients for `duration`: every step's latency.
async fn ussd_sessions(
    addr: std::net::SocketAddr,
    duration: Duration,
    concurrency: usize,
) -> anyhow::Result<UssdFigures> {
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(concurrency)
        .build()?;
    let url = reqwest::Url::parse(&format!("http://{addr}/channels/ussd/africastalking"))?;
    let started = Instant::now();
    let mut tasks = Vec::new();
    for worker in 0..concurrency {
        let (client, url) = (client.clone(), url.clone());
        tasks.push(tokio::spawn(async move {
            let (mut latencies, mut errors, mut sessions) = (Vec::new(), 0usize, 0usize);
            let mut n = 0u64;
            while started.elapsed() < duration {
                n += 1;
                sessions += 1;
                let session = format!("bench-{worker:03}-{n:08}");
                // A phone of its own per session: a session's four steps stay under the
                // per-phone limit.
                let phone = phone(worker + 100, n);
                for (text, ends) in [
                    ("", false),
                    ("4", false),
                    ("4*1", false),
                    ("4*1*TWZ-BNCH", true),
                ] {
                    let form = [
                        ("sessionId", session.as_str()),
                        ("serviceCode", SERVICE_CODE),
                        ("phoneNumber", phone.as_str()),
                        ("networkCode", "60401"),
                        ("text", text),
                    ];
                    let t = Instant::now();
                    let answer = match client.post(url.clone()).form(&form).send().await {
                        Ok(r) if r.status().is_success() => r.text().await.ok(),
                        _ => None,
                    };
                    // The last screen must be the check's answer (the campaign's authorization
                    // reference `BENCH`), not an error or a refusal.
                    let right = |a: &str| match ends {
                        true => {
                            a.starts_with("END ") && a.contains("TWZ-BNCH") && a.contains("BENCH")
                        }
                        false => a.starts_with("CON "),
                    };
                    match answer {
                        Some(a) if right(&a) => latencies.push(t.elapsed()),
                        _ => {
                            errors += 1;
                            break;
                        }
                    }
                }
            }
            (latencies, errors, sessions)
        }));
    }
    let (mut all, mut errors, mut sessions) = (Vec::new(), 0, 0);
    for task in tasks {
        let (l, e, s) = task.await?;
        all.extend(l);
        errors += e;
        sessions += s;
    }
    let seconds = started.elapsed().as_secs_f64();
    all.sort();
    let pct = |p: f64| {
        all.get(((all.len() as f64 * p) as usize).min(all.len().saturating_sub(1)))
            .map_or(0.0, |d| d.as_secs_f64() * 1000.0)
    };
    Ok(UssdFigures {
        steps: all.len(),
        sessions,
        errors,
        seconds,
        p50_ms: pct(0.50),
        p99_ms: pct(0.99),
    })
}

/// A local endpoint that accepts `sendsms` requests as Kannel's smsbox does (202, "0: Accepted
/// for delivery") and counts them.
struct KannelSink {
    addr: std::net::SocketAddr,
    accepted: Arc<AtomicU64>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for KannelSink {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn kannel_sink() -> anyhow::Result<KannelSink> {
    let accepted = Arc::new(AtomicU64::new(0));
    let counter = accepted.clone();
    let app = axum::Router::new().route(
        "/cgi-bin/sendsms",
        axum::routing::get(move || {
            let counter = counter.clone();
            async move {
                counter.fetch_add(1, Ordering::Relaxed);
                (axum::http::StatusCode::ACCEPTED, "0: Accepted for delivery")
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0)).await?;
    let addr = listener.local_addr()?;
    let task = tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    Ok(KannelSink {
        addr,
        accepted,
        task,
    })
}
