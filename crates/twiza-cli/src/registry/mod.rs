//! `twiza registry`: import a household file (CSV or XLSX) into an association's registry (a dry run that
//! lists every invalid row, all or nothing by default, or only the valid households), generate
//! a test file, rotate the personal-data key and re-seal with it.

pub mod synth;
pub mod xlsx;

use crate::config::Config;
use anyhow::{bail, Context};
use clap::Subcommand;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;
use twiza_domain::registry_file::{HouseholdFile, RowError};
use twiza_domain::{OrgId, OrgRole, OrgScope, UserId};
use twiza_i18n::{Locale, Messages};
pub use twiza_store::{ImportOutcome, Mode};
use twiza_store::{PersonalDataKeys, Store};

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
    /// Writes the association's active households as a household file (CSV, the import's
    /// columns), page by page; every household written goes to its access log.
    Export {
        /// The association's id.
        #[arg(long)]
        organization: i64,
        /// The e-mail of the member who exports (owner, admin or coordinator).
        #[arg(long = "as")]
        account: String,
        #[arg(long)]
        output: PathBuf,
        /// Also writes national identifiers and phone numbers, opened.
        #[arg(long)]
        identifiers: bool,
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
    /// Re-seals everything sealed (identifiers, payee accounts, donor identities, need
    /// contacts) with the newest personal-data key.
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
                crate::registry::synth::write(std::io::BufWriter::new(file), households, seed)?;
            println!("{h} households, {p} people written to {}", output.display());
            Ok(())
        }
        RegistryCommand::RotateKey => {
            let n = crate::keys::rotate_personal_data_key(&config.data_dir)?;
            println!("personal-data key {n} created; run `twiza registry reseal` to re-seal stored values");
            Ok(())
        }
        RegistryCommand::Reseal => {
            let store = crate::open_existing(&config).await?;
            store.migrate().await?;
            let keys = crate::keys::personal_data_keys(&config.data_dir)?;
            let done = twiza_app::sealing::reseal(&store, &keys).await?;
            println!(
                "re-sealed with key {}: {} people, {} payee accounts, {} donor identities, {} need contacts, {} alert phones, {} grievance phones, {} volunteer values",
                keys.current_id(),
                done.persons,
                done.values.payee_accounts,
                done.values.donor_identities,
                done.values.need_contacts,
                done.values.alert_phones,
                done.values.grievance_phones,
                done.values.volunteer_values
            );
            Ok(())
        }
        RegistryCommand::Export {
            organization,
            account,
            output,
            identifiers,
        } => {
            let store = crate::open_existing(&config).await?;
            store.migrate().await?;
            let keys = crate::keys::personal_data_keys(&config.data_dir)?;
            let (user, scope) = registry_member(&store, organization, &account).await?;
            let file = std::fs::File::create(&output)
                .with_context(|| format!("creating {}", output.display()))?;
            let started = Instant::now();
            let (households, people) = export_file(
                &store,
                &scope,
                &keys,
                std::io::BufWriter::with_capacity(1 << 20, file),
                user,
                identifiers,
            )
            .await?;
            println!(
                "{households} households, {people} people written to {} in {:.1} s",
                output.display(),
                started.elapsed().as_secs_f64()
            );
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
            let store = crate::open_existing(&config).await?;
            store.migrate().await?;
            let keys = crate::keys::personal_data_keys(&config.data_dir)?;
            let (user, scope) = registry_member(&store, organization, &account).await?;
            let mode = match (dry_run, valid_only) {
                (true, _) => Mode::DryRun,
                (false, true) => Mode::ValidOnly,
                (false, false) => Mode::AllOrNothing,
            };
            let outcome = import_file(&store, &scope, &keys, &file, user, mode).await?;
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

/// The account `email` and its scope in the association, if it is an owner, admin or
/// coordinator there (who may import and export the registry).
async fn registry_member(
    store: &Store,
    organization: i64,
    email: &str,
) -> anyhow::Result<(UserId, OrgScope)> {
    let Some((user, _)) = store.user_with_password(email).await? else {
        bail!("no account {email}");
    };
    let org = OrgId(organization);
    let role = store.membership(org, user.id).await?;
    let Some(role) =
        role.filter(|r| matches!(r, OrgRole::Owner | OrgRole::Admin | OrgRole::Coordinator))
    else {
        bail!("{email} is not an owner, admin or coordinator of association {organization}");
    };
    Ok((user.id, OrgScope::for_member(org, role)))
}

/// Households read from the store at a time while exporting.
const EXPORT_PAGE: i64 = 1000;

/// Writes the association's active households as a household file: one row per person, the
/// household's columns on every row of it (the import reads them from the first), in pages of
/// [`EXPORT_PAGE`] so memory stays flat. Answers (households, people).
pub async fn export_file<W: Write>(
    store: &Store,
    scope: &OrgScope,
    keys: &PersonalDataKeys,
    out: W,
    by: UserId,
    identifiers: bool,
) -> anyhow::Result<(u64, u64)> {
    let mut csv = csv::Writer::from_writer(out);
    csv.write_record(twiza_domain::registry_file::COLUMNS)?;
    let reader = twiza_store::Reader {
        account: by,
        purpose: "file_export",
    };
    let read = twiza_store::ReadScope {
        identifiers,
        sensitive: true,
    };
    let (mut households, mut people, mut after) = (0u64, 0u64, 0i64);
    loop {
        let page = store
            .export_households(scope, keys, after, EXPORT_PAGE, reader, read)
            .await?;
        let Some(last) = page.last() else { break };
        after = last.household.id;
        for h in &page {
            households += 1;
            for m in &h.household.members {
                people += 1;
                let row: Vec<String> = twiza_domain::registry_file::COLUMNS
                    .iter()
                    .map(|column| export_cell(h, m, column))
                    .collect();
                csv.write_record(&row)?;
            }
        }
    }
    csv.flush()?;
    Ok((households, people))
}

/// The value of one column for one member of an exported household.
fn export_cell(
    h: &twiza_store::ExportedHousehold,
    m: &twiza_store::PersonView,
    column: &str,
) -> String {
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    let living = |name: &str| match h.living.as_ref().and_then(|l| l.get(name)) {
        Some(serde_json::Value::Bool(b)) => if *b { "1" } else { "0" }.to_owned(),
        Some(serde_json::Value::Number(n)) => n.to_string(),
        _ => String::new(),
    };
    let hh = &h.household;
    match column {
        "household" => hh.reference.clone(),
        "commune" => hh.commune_code.clone(),
        "douar" => text(&hh.douar),
        "address" => text(&hh.address),
        "housing_damage" => hh.housing_damage.clone(),
        "rooms" | "piped_water" | "electricity" | "flush_toilet" | "owns_home" | "refrigerator"
        | "television" | "car" | "livestock_heads" => living(column),
        "socio_economic_index" => h
            .index
            .as_ref()
            .map(|(micro, _, _)| format!("{}.{:06}", micro / 1_000_000, micro % 1_000_000))
            .unwrap_or_default(),
        "index_source" => h.index.as_ref().map(|i| i.1.clone()).unwrap_or_default(),
        "index_date" => h.index.as_ref().map(|i| i.2.clone()).unwrap_or_default(),
        "consent_purpose" => h.consent.as_ref().map(|c| c.0.clone()).unwrap_or_default(),
        "legal_basis" => h.consent.as_ref().map(|c| c.1.clone()).unwrap_or_default(),
        "consent_channel" => h.consent.as_ref().map(|c| c.2.clone()).unwrap_or_default(),
        "given_name_ar" => text(&m.given_name_ar),
        "family_name_ar" => text(&m.family_name_ar),
        "given_name_lat" => text(&m.given_name_lat),
        "family_name_lat" => text(&m.family_name_lat),
        "sex" => m.sex.clone(),
        "birth_date" => m.birth_date.clone(),
        "relation" => m.relation.clone(),
        "disability" => text(&m.disability),
        "schooling" => m.schooling.clone(),
        "phone" => text(&m.phone),
        "cin" => text(&m.cin),
        "idcs" => text(&m.idcs),
        _ => String::new(),
    }
}

/// Imports a household file (CSV, or the first sheet of an `.xlsx` workbook) with
/// [`Store::import_households`].
pub async fn import_file(
    store: &Store,
    scope: &OrgScope,
    keys: &PersonalDataKeys,
    path: &Path,
    by: UserId,
    mode: Mode,
) -> anyhow::Result<ImportOutcome> {
    let today = time::OffsetDateTime::now_utc().date();
    let input: Box<dyn std::io::Read + Send> = if crate::registry::xlsx::is_xlsx(path) {
        Box::new(crate::registry::xlsx::first_sheet_as_csv(path)?)
    } else {
        Box::new(std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?)
    };
    match HouseholdFile::open(std::io::BufReader::with_capacity(1 << 20, input), today) {
        Ok(file) => Ok(store.import_households(scope, keys, file, by, mode).await?),
        Err(e) => Ok(twiza_store::refused_file(e)),
    }
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
        Some(m) => m.t(locale, &twiza_i18n::error_key(code)),
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
            .map(|m| m.t(locale, &twiza_i18n::error_key(e.code)))
            .unwrap_or_default();
        w.write_record([e.row.to_string(), e.field.clone(), e.code.to_owned(), text])?;
    }
    w.flush()?;
    std::io::stdout().flush()?;
    Ok(())
}

/// For tests: a migrated SQLite store in `dir`, its personal-data keys, a user and `orgs`
/// verified associations that user owns.
#[cfg(test)]
pub(crate) async fn registry_for_tests(
    dir: &Path,
    orgs: usize,
) -> (Store, twiza_store::PersonalDataKeys, UserId, Vec<OrgId>) {
    #![allow(clippy::unwrap_used)]
    let store = Store::connect(
        &format!("sqlite://{}", dir.join("t.db").display()),
        &twiza_store::StoreOptions::default(),
    )
    .await
    .unwrap();
    store.migrate().await.unwrap();
    let keys = crate::keys::personal_data_keys(dir).unwrap();
    let user = crate::demo::create_user(&store, "c@x.ma", "password-123456", None, None)
        .await
        .unwrap();
    let orgs = store
        .create_organizations_batch(
            &crate::bench::generated_organizations(orgs).unwrap(),
            user,
            twiza_domain::organization::OrgStatus::Verified,
        )
        .await
        .unwrap();
    (store, keys, user, orgs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn an_export_imports_again_and_every_household_written_is_logged() {
        let dir = tempfile::tempdir().unwrap();
        let (store, keys, user, orgs) = registry_for_tests(dir.path(), 2).await;
        let (a, b) = (
            OrgScope::for_member(orgs[0], OrgRole::Owner),
            OrgScope::for_member(orgs[1], OrgRole::Owner),
        );
        // 1,200 generated households: more than one page of the export.
        let generated = dir.path().join("generated.csv");
        let (households, people) = crate::registry::synth::write(
            std::io::BufWriter::new(std::fs::File::create(&generated).unwrap()),
            1200,
            7,
        )
        .unwrap();
        let imported = import_file(&store, &a, &keys, &generated, user, Mode::AllOrNothing)
            .await
            .unwrap();
        assert_eq!(imported.imported_persons, people);

        let exported = dir.path().join("exported.csv");
        let written = export_file(
            &store,
            &a,
            &keys,
            std::fs::File::create(&exported).unwrap(),
            user,
            true,
        )
        .await
        .unwrap();
        assert_eq!(written, (households, people));
        let again = import_file(&store, &b, &keys, &exported, user, Mode::DryRun)
            .await
            .unwrap();
        assert_eq!(again.error_count, 0, "{:?}", again.errors.first());
        assert_eq!(
            (again.households_valid, again.persons_valid),
            (households, people)
        );
        let first = store
            .export_households(
                &a,
                &keys,
                0,
                1,
                twiza_store::Reader {
                    account: user,
                    purpose: "check",
                },
                twiza_store::ReadScope {
                    identifiers: false,
                    sensitive: false,
                },
            )
            .await
            .unwrap();
        let id = first[0].household.id;
        let reads = store.household_reads(&a, id).await.unwrap();
        assert_eq!(reads.len(), 2, "the file export and the check");
        assert!(reads.iter().all(|r| r.what == "file_export"));

        // Without identifiers the CIN and phone columns stay empty.
        let mut bare = Vec::new();
        export_file(&store, &a, &keys, &mut bare, user, false)
            .await
            .unwrap();
        let mut rows = csv::Reader::from_reader(bare.as_slice());
        let cin = rows
            .headers()
            .unwrap()
            .iter()
            .position(|h| h == "cin")
            .unwrap();
        assert!(rows.records().all(|r| r.unwrap()[cin].is_empty()));
    }
}
