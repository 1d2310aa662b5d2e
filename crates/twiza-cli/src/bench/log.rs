//! `twiza bench log`: proofs in a large log and the audit's speed. It appends N leaves through
//! the log's own append path (leaf rows, every subtree hash, the size), publishes a signed
//! checkpoint, then loads the server with inclusion proofs (random leaf, latest size) and
//! consistency proofs (random older size) and times `log audit`'s recomputation of the tree.

use crate::bench::{backend_name, drop_schema, fresh_store, run_load, start_server};
use rand::Rng;
use std::time::{Duration, Instant};

/// Leaves appended per transaction while seeding.
const SEED_BATCH: u64 = 50_000;

/// A synthetic leaf the size of a money donation's.
fn synthetic_leaf(i: u64) -> Vec<u8> {
    format!(
        r#"{{"amount":"{}.{:02}","at":1795000000,"campaign":"TWZ-BNCH","currency":"MAD","donor":"{:064x}","id":{i},"method":"card","type":"bench_event","v":1}}"#,
        10 + i % 990,
        i % 100,
        i.wrapping_mul(0x9E37_79B9_7F4A_7C15)
    )
    .into_bytes()
}

pub async fn run(
    config: crate::config::Config,
    leaves: u64,
    duration: Duration,
    concurrency: usize,
) -> anyhow::Result<()> {
    let (store, _dir, schema) = fresh_store(&config).await?;
    let backend = backend_name(&store);
    let started = Instant::now();
    let mut size = 0;
    while size < leaves {
        let batch: Vec<Vec<u8>> = (size..(size + SEED_BATCH).min(leaves))
            .map(synthetic_leaf)
            .collect();
        size = store.append_synthetic_leaves(&batch).await?;
        if size % 1_000_000 < SEED_BATCH {
            eprintln!(
                "seeded {size} leaves ({:.0} s)",
                started.elapsed().as_secs_f64()
            );
        }
    }
    let seed_seconds = started.elapsed().as_secs_f64();

    let started = Instant::now();
    let mut report = twiza_store::AuditReport::default();
    store.audit_tree(None, &mut report, &mut |_| {}).await?;
    let audit_seconds = started.elapsed().as_secs_f64();
    anyhow::ensure!(report.ok(), "the audit found {:?}", report.findings);

    let server = start_server(&store).await?;
    let addr = server.addr;
    let inclusion = run_load(
        duration,
        concurrency,
        reqwest::StatusCode::OK,
        move |client, _, _| {
            let index = rand::thread_rng().gen_range(0..size);
            client.get(format!(
                "http://{addr}/api/v1/log/proof/inclusion?index={index}&tree_size={size}"
            ))
        },
    )
    .await?;
    let consistency = run_load(
        duration,
        concurrency,
        reqwest::StatusCode::OK,
        move |client, _, _| {
            let from = rand::thread_rng().gen_range(1..size);
            client.get(format!(
                "http://{addr}/api/v1/log/proof/consistency?from={from}&to={size}"
            ))
        },
    )
    .await?;
    println!(
        "log {backend}: {size} leaves seeded in {seed_seconds:.0} s; inclusion proof p50 {:.2} ms, p99 {:.2} ms, {:.0} req/s; consistency proof p50 {:.2} ms, p99 {:.2} ms, {:.0} req/s ({concurrency} clients, {} + {} errors); audit {:.0} leaves/s ({size} leaves in {audit_seconds:.1} s)",
        inclusion.p50_ms,
        inclusion.p99_ms,
        inclusion.rps,
        consistency.p50_ms,
        consistency.p99_ms,
        consistency.rps,
        inclusion.errors,
        consistency.errors,
        size as f64 / audit_seconds,
    );
    drop(server);
    drop_schema(&store, schema).await
}
