//! `twiza registry`: import a household file (CSV or XLSX) into an association's registry (a dry run that
//! lists every invalid row, all or nothing by default, or only the valid households), generate
//! a test file, rotate the personal-data key and re-seal with it.

use crate::config::Config;
use anyhow::{bail, Context};
use clap::Subcommand;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;
use twiza_domain::pmt::PmtModel;
use twiza_domain::registry_file::{FileHousehold, HouseholdFile, RowError};
use twiza_domain::{OrgId, OrgRole, OrgScope, UserId};
use twiza_i18n::{Locale, Messages};
use twiza_store::{HouseholdRecord, IndexValue, PersonalDataKeys, Store};

#[derive(Subcommand)]
pub enum RegistryCommand {
    /// Imports a household file (CSV in UTF-8, or an Excel `.xlsx` workbook's first sheet; one
    /// row per person; see docs/registry.md).
    Import {
        /// The association's id.
        #[arg(long)]
        organization: i64,
        /// The e-mail of the member who imports (owner, admin or coordinator).
        #[arg(long = "as")]
        account: String,
        #[arg(long)]
        file: PathBuf,
        /// Checks the file and reports every invalid row; imports nothing.
        #[arg(long)]
        dry_run: bool,
        /// Imports the valid households and skips the invalid ones (by default a file with an
        /// invalid row imports nothing).
        #[arg(long)]
        valid_only: bool,
        /// Writes the invalid rows (row, field, code, message) as CSV to this file.
        #[arg(long)]
        report: Option<PathBuf>,
        /// Language of the messages in the report: ar, fr, zgh or en.
        #[arg(long, default_value = "fr")]
        lang: String,
    },
    /// Writes a generated household file (for tests and benchmarks).
    Generate {
        #[arg(long)]
        households: u64,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        #[arg(long)]
        output: PathBuf,
    },
    /// Creates a new personal-data sealing key (new values are sealed with it); run `reseal`
    /// next to re-seal the stored ones.
    RotateKey,
    /// Re-seals every stored identifier with the newest personal-data key.
    Reseal,
}

pub async fn run(command: RegistryCommand, config: Config) -> anyhow::Result<()> {
    match command {
        RegistryCommand::Generate {
            households,
            seed,
            output,
        } => {
            let file = std::fs::File::create(&output)
                .with_context(|| format!("creating {}", output.display()))?;
            let (h, p) =
                crate::registry_synth::write(std::io::BufWriter::new(file), households, seed)?;
            println!("{h} households, {p} people written to {}", output.display());
            Ok(())
        }
        RegistryCommand::RotateKey => {
            let n = crate::keys::rotate_personal_data_key(&config.data_dir)?;
            println!("personal-data key {n} created; run `twiza registry reseal` to re-seal stored values");
            Ok(())
        }
        RegistryCommand::Reseal => {
            let store = crate::connect(&config).await?;
            store.migrate().await?;
            let keys = crate::keys::personal_data_keys(&config.data_dir)?;
            let n = store.reseal_personal_data(&keys, 1000).await?;
            println!("{n} people re-sealed with key {}", keys.current_id());
            Ok(())
        }
        RegistryCommand::Import {
            organization,
            account,
            file,
            dry_run,
            valid_only,
            report,
            lang,
        } => {
            let locale = Locale::from_tag(&lang).context("--lang: ar, fr, zgh or en")?;
            let store = crate::connect(&config).await?;
            store.migrate().await?;
            let keys = crate::keys::personal_data_keys(&config.data_dir)?;
            let Some((user, _)) = store.user_with_password(&account).await? else {
                bail!("no account {account}");
            };
            let org = OrgId(organization);
            let role = store.membership(org, user.id).await?;
            let Some(role) = role
                .filter(|r| matches!(r, OrgRole::Owner | OrgRole::Admin | OrgRole::Coordinator))
            else {
                bail!(
                    "{account} is not an owner, admin or coordinator of association {organization}"
                );
            };
            let mode = match (dry_run, valid_only) {
                (true, _) => Mode::DryRun,
                (false, true) => Mode::ValidOnly,
                (false, false) => Mode::AllOrNothing,
            };
            let scope = OrgScope::for_member(org, role);
            let outcome = import_file(&store, &scope, &keys, &file, user.id, mode).await?;
            print_outcome(&outcome, mode);
            let messages = Messages::load().ok();
            if let Some(path) = report {
                write_report(&path, &outcome.errors, messages.as_ref(), locale)?;
                println!("invalid rows written to {}", path.display());
            } else {
                for e in outcome.errors.iter().take(20) {
                    println!(
                        "row {}: {}: {}",
                        e.row,
                        e.field,
                        message(messages.as_ref(), locale, e.code)
                    );
                }
                if outcome.error_count > 20 {
                    println!("… {} more (use --report FILE)", outcome.error_count - 20);
                }
            }
            if outcome.error_count > 0 && mode != Mode::ValidOnly {
                bail!("{} invalid rows: nothing imported", outcome.error_count);
            }
            Ok(())
        }
    }
}

/// How an import treats invalid rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    DryRun,
    AllOrNothing,
    ValidOnly,
}

/// What an import did.
#[derive(Debug, Default)]
pub struct ImportOutcome {
    pub rows: u64,
    pub households_valid: u64,
    pub persons_valid: u64,
    pub households_invalid: u64,
    pub imported_households: u64,
    pub imported_persons: u64,
    /// The first [`MAX_LISTED_ERRORS`] errors.
    pub errors: Vec<RowError>,
    pub error_count: u64,
    pub seconds: f64,
}

/// Errors kept for the report; the rest are counted.
const MAX_LISTED_ERRORS: usize = 100_000;
/// Households handed to the store at a time.
const BATCH: usize = 2000;

fn record(h: FileHousehold, model: &PmtModel, today: time::Date) -> HouseholdRecord {
    let index = match h.index {
        Some(ix) => Some(IndexValue {
            value: ix.value,
            source: ix.source,
            effective_on: ix.effective_on,
        }),
        None => IndexValue::from_model(model, h.household.area, &h.members, &h.living, today),
    };
    HouseholdRecord {
        household: h.household,
        members: h.members,
        living: h.living,
        incident_id: None,
        consent: h.consent,
        index,
    }
}

/// Reads the file once: every row is checked; valid households go into one transaction that
/// commits only if the mode allows (all or nothing: no invalid row at all). Households without
/// an imported index get one from the default proxy-means-test model.
pub async fn import_file(
    store: &Store,
    scope: &OrgScope,
    keys: &PersonalDataKeys,
    path: &Path,
    by: UserId,
    mode: Mode,
) -> anyhow::Result<ImportOutcome> {
    let started = Instant::now();
    let today = time::OffsetDateTime::now_utc().date();
    let model = PmtModel::default_model();
    let input: Box<dyn std::io::Read + Send> = if crate::registry_xlsx::is_xlsx(path) {
        Box::new(crate::registry_xlsx::first_sheet_as_csv(path)?)
    } else {
        Box::new(std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?)
    };
    let mut outcome = ImportOutcome::default();
    let file = match HouseholdFile::open(std::io::BufReader::with_capacity(1 << 20, input), today) {
        Ok(f) => f,
        Err(twiza_domain::registry_file::FileError::Header(errors)) => {
            outcome.error_count = errors.len() as u64;
            outcome.errors = errors;
            return Ok(outcome);
        }
        Err(e) => {
            outcome.error_count = 1;
            outcome.errors = vec![RowError {
                row: 1,
                field: String::new(),
                code: e.code(),
            }];
            return Ok(outcome);
        }
    };
    let mut registration = match mode {
        Mode::DryRun => None,
        _ => Some(store.begin_registration(scope, keys, by).await?),
    };
    // Reading and checking the file runs on its own thread, two batches ahead of the writes.
    let (batches, mut incoming) = tokio::sync::mpsc::channel::<Vec<HouseholdRecord>>(2);
    let reader = tokio::task::spawn_blocking(move || {
        let mut outcome = ImportOutcome::default();
        let mut batch = Vec::with_capacity(BATCH);
        for result in file {
            match result {
                Ok(h) => {
                    outcome.households_valid += 1;
                    outcome.persons_valid += h.members.len() as u64;
                    outcome.rows += h.members.len() as u64;
                    let writing = match mode {
                        Mode::DryRun => false,
                        Mode::AllOrNothing => outcome.error_count == 0,
                        Mode::ValidOnly => true,
                    };
                    if writing {
                        batch.push(record(h, &model, today));
                        if batch.len() == BATCH {
                            // A closed channel means the writer failed: it reports why.
                            if batches.blocking_send(std::mem::take(&mut batch)).is_err() {
                                break;
                            }
                        }
                    }
                }
                Err(errors) => {
                    outcome.households_invalid += 1;
                    outcome.error_count += errors.len() as u64;
                    let room = MAX_LISTED_ERRORS.saturating_sub(outcome.errors.len());
                    outcome.errors.extend(errors.into_iter().take(room));
                    if mode == Mode::AllOrNothing {
                        batch.clear();
                    }
                }
            }
        }
        if !batch.is_empty() {
            let _ = batches.blocking_send(batch);
        }
        outcome
    });
    while let Some(batch) = incoming.recv().await {
        if let Some(r) = registration.as_mut() {
            r.add(&batch).await?;
        }
    }
    let mut outcome = reader.await.context("reading the file")?;
    if let Some(r) = registration {
        let commit = match mode {
            Mode::AllOrNothing => outcome.error_count == 0,
            Mode::ValidOnly => true,
            Mode::DryRun => false,
        };
        if commit {
            let (h, p) = r.counts();
            r.commit().await?;
            outcome.imported_households = h;
            outcome.imported_persons = p;
        }
        // Otherwise dropping the registration rolls its transaction back.
    }
    outcome.seconds = started.elapsed().as_secs_f64();
    Ok(outcome)
}

fn print_outcome(o: &ImportOutcome, mode: Mode) {
    println!(
        "{} valid households ({} people), {} invalid households ({} errors); {} households and {} people imported{} in {:.1} s",
        o.households_valid,
        o.persons_valid,
        o.households_invalid,
        o.error_count,
        o.imported_households,
        o.imported_persons,
        if mode == Mode::DryRun { " (dry run)" } else { "" },
        o.seconds
    );
}

fn message(messages: Option<&Messages>, locale: Locale, code: &str) -> String {
    match messages {
        Some(m) => m.t(locale, &format!("error-{}", code.replace('_', "-"))),
        None => code.to_owned(),
    }
}

/// The invalid rows as CSV: row, field, code, message.
fn write_report(
    path: &Path,
    errors: &[RowError],
    messages: Option<&Messages>,
    locale: Locale,
) -> anyhow::Result<()> {
    let file =
        std::fs::File::create(path).with_context(|| format!("creating {}", path.display()))?;
    let mut w = csv::Writer::from_writer(std::io::BufWriter::new(file));
    w.write_record(["row", "field", "code", "message"])?;
    for e in errors {
        let text = messages
            .map(|m| m.t(locale, &format!("error-{}", e.code.replace('_', "-"))))
            .unwrap_or_default();
        w.write_record([e.row.to_string(), e.field.clone(), e.code.to_owned(), text])?;
    }
    w.flush()?;
    std::io::stdout().flush()?;
    Ok(())
}
