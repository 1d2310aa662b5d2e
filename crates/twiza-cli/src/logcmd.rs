//! `twiza keygen`, `twiza log audit` and `twiza log verify`: the log's signing key, the audit
//! of the database against the log, and the check a donor or a monitor runs against a server.

use crate::config::Config;
use anyhow::{bail, Context};
use clap::Subcommand;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;
use std::time::Instant;
use twiza_tlog::{Checkpoint, Hash, NoteSigner, NoteVerifier};

#[derive(Subcommand)]
pub enum LogCommand {
    /// Recomputes the log from the database: every row that must be logged is logged and
    /// unchanged, every stored hash and checkpoint is right. Exits non-zero naming what is not.
    Audit,
    /// Checks a server's log: the signed checkpoint, its consistency with the last one this
    /// machine saw (remembered in the state file), and, with --receipt, the donation's receipt.
    Verify {
        /// Base URL of the Twiza server, e.g. http://127.0.0.1:8080.
        #[arg(long)]
        server: String,
        /// A receipt (JSON from /api/v1/donations/{id}/receipt).
        #[arg(long)]
        receipt: Option<PathBuf>,
        /// Where the last verified checkpoint is remembered [default: <data-dir>/log-verify-state.json].
        #[arg(long)]
        state: Option<PathBuf>,
        /// The log's verifier key; by default the one remembered, or the server's on first use.
        #[arg(long)]
        key: Option<String>,
    },
}

/// The checkpoint signer from the data directory's key (created on first use).
pub fn signer(config: &Config) -> anyhow::Result<NoteSigner> {
    let seed = crate::keys::load_or_create(&config.data_dir, "log")?;
    NoteSigner::from_seed(&config.log_origin(), &seed)
        .map_err(|_| anyhow::anyhow!("invalid log origin (no spaces or '+')"))
}

/// `twiza keygen`: makes the log's signing key if there is none and prints its verifier key.
pub fn keygen(config: &Config) -> anyhow::Result<()> {
    let existed = config.data_dir.join("keys").join("log.key").exists();
    let signer = signer(config)?;
    if existed {
        println!(
            "the log key already exists in {}",
            config.data_dir.display()
        );
    } else {
        println!("log key created in {}", config.data_dir.display());
    }
    println!("verifier key: {}", signer.verifier());
    Ok(())
}

pub async fn run(command: LogCommand, config: Config) -> anyhow::Result<()> {
    match command {
        LogCommand::Audit => audit(&config).await,
        LogCommand::Verify {
            server,
            receipt,
            state,
            key,
        } => {
            let state = state.unwrap_or_else(|| config.data_dir.join("log-verify-state.json"));
            verify(&server, receipt.as_deref(), &state, key.as_deref()).await
        }
    }
}

async fn audit(config: &Config) -> anyhow::Result<()> {
    let store = crate::open_existing(config).await?;
    let verifier =
        NoteVerifier::parse(&signer(config)?.verifier()).map_err(|_| anyhow::anyhow!("log key"))?;
    let started = Instant::now();
    let report = store.audit_log(Some(&verifier), |_| {}).await?;
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "audited {} leaves, {} rows, {} checkpoints in {:.2} s ({:.0} leaves/s)",
        report.leaves,
        report.rows_checked,
        report.checkpoints,
        seconds,
        report.leaves as f64 / seconds.max(1e-9)
    );
    if report.ok() {
        println!("log audit: OK");
        return Ok(());
    }
    for finding in &report.findings {
        println!("FAIL {finding}");
    }
    if report.more_findings > 0 {
        println!("… and {} more findings", report.more_findings);
    }
    bail!(
        "log audit failed: {} findings",
        report.findings.len() as u64 + report.more_findings
    )
}

/// What `log verify` remembers between runs.
#[derive(Serialize, Deserialize)]
struct VerifyState {
    key: String,
    tree_size: u64,
    root_hash: String,
}

#[derive(Deserialize)]
struct HashesView {
    hashes: Vec<String>,
}

fn decode_hashes(hex_hashes: &[String]) -> anyhow::Result<Vec<Hash>> {
    twiza_app::receipts::decode_hashes(hex_hashes).context("a proof hash is not 32 bytes of hex")
}

/// Verifies a signed checkpoint note with `verifier` and parses it.
fn open_checkpoint(verifier: &NoteVerifier, note: &str) -> anyhow::Result<Checkpoint> {
    let body = verifier
        .verify(note)
        .map_err(|_| anyhow::anyhow!("the checkpoint is not signed by the log key"))?;
    let checkpoint =
        Checkpoint::parse(body).map_err(|_| anyhow::anyhow!("malformed checkpoint"))?;
    if checkpoint.origin != verifier.name() {
        bail!("the checkpoint names another log");
    }
    Ok(checkpoint)
}

async fn get_text(client: &reqwest::Client, url: String) -> anyhow::Result<String> {
    let response = client
        .get(&url)
        .send()
        .await
        .with_context(|| format!("GET {url}"))?;
    if !response.status().is_success() {
        bail!("GET {url}: {}", response.status());
    }
    Ok(response.text().await?)
}

async fn consistency(
    client: &reqwest::Client,
    server: &str,
    old: &Checkpoint,
    new: &Checkpoint,
) -> anyhow::Result<()> {
    if new.size < old.size {
        bail!(
            "the server's checkpoint ({}) is older than one it signed before ({}): rollback",
            new.size,
            old.size
        );
    }
    let proof = if old.size == 0 || old.size == new.size {
        Vec::new()
    } else {
        let text = get_text(
            client,
            format!(
                "{server}/api/v1/log/proof/consistency?from={}&to={}",
                old.size, new.size
            ),
        )
        .await?;
        let view: HashesView = serde_json::from_str(&text).context("consistency proof")?;
        decode_hashes(&view.hashes)?
    };
    if old.size == 0 {
        return Ok(());
    }
    twiza_tlog::verify_consistency(old.size, new.size, &old.root, &new.root, &proof).map_err(|_| {
        anyhow::anyhow!(
            "the log of size {} is not an extension of the one of size {}: it was rewritten",
            new.size,
            old.size
        )
    })
}

async fn verify(
    server: &str,
    receipt: Option<&std::path::Path>,
    state_path: &std::path::Path,
    key: Option<&str>,
) -> anyhow::Result<()> {
    let server = server.trim_end_matches('/');
    let client = reqwest::Client::builder()
        .timeout(std::time::Duration::from_secs(30))
        .build()?;
    let remembered: Option<VerifyState> = match std::fs::read(state_path) {
        Ok(bytes) => Some(
            serde_json::from_slice(&bytes)
                .with_context(|| format!("reading {}", state_path.display()))?,
        ),
        Err(_) => None,
    };
    let server_key = get_text(&client, format!("{server}/log/key"))
        .await?
        .trim()
        .to_owned();
    let key = match (key, &remembered) {
        (Some(k), _) => k.trim().to_owned(),
        (None, Some(s)) => s.key.clone(),
        (None, None) => {
            println!("first use: trusting the server's key {server_key}");
            server_key.clone()
        }
    };
    if key != server_key {
        bail!("the server's key changed: expected {key}, got {server_key}");
    }
    let verifier = NoteVerifier::parse(&key).map_err(|_| anyhow::anyhow!("malformed log key"))?;
    let latest = open_checkpoint(
        &verifier,
        &get_text(&client, format!("{server}/log/checkpoint")).await?,
    )?;
    println!("checkpoint: signature OK, tree size {}", latest.size);

    if let Some(s) = &remembered {
        let root: Hash = hex::decode(&s.root_hash)
            .ok()
            .and_then(|b| Hash::try_from(b).ok())
            .context("state file root")?;
        let old = Checkpoint {
            origin: verifier.name().to_owned(),
            size: s.tree_size,
            root,
        };
        consistency(&client, server, &old, &latest).await?;
        println!(
            "consistency with the checkpoint seen before (size {}): OK",
            s.tree_size
        );
    }

    if let Some(path) = receipt {
        let text =
            std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        let r: twiza_app::receipts::Receipt =
            serde_json::from_str(&text).context("the receipt is not a Twiza receipt")?;
        let checks = r.check(&verifier);
        let Some(checkpoint) = checks.checkpoint.clone() else {
            bail!("the receipt's checkpoint is not signed by the log key");
        };
        if !checks.leaf_matches_hash {
            bail!("the receipt's leaf hash does not match its leaf");
        }
        if !checks.included {
            bail!("the donation is NOT in the signed log");
        }
        if !checks.donor_opens {
            bail!("the receipt secret does not open the leaf's donor commitment");
        }
        println!(
            "receipt: donation {} is leaf {} of the signed log (tree size {}), and the receipt secret opens its donor commitment",
            r.donation_id, r.leaf_index, checkpoint.size
        );
        consistency(&client, server, &checkpoint, &latest).await?;
        println!("the receipt's checkpoint is consistent with the server's latest: OK");
    }

    let state = VerifyState {
        key,
        tree_size: latest.size,
        root_hash: hex::encode(latest.root),
    };
    if let Some(dir) = state_path.parent() {
        std::fs::create_dir_all(dir).ok();
    }
    std::fs::write(state_path, serde_json::to_vec_pretty(&state)?)
        .with_context(|| format!("writing {}", state_path.display()))?;
    println!("log verify: OK");
    Ok(())
}
