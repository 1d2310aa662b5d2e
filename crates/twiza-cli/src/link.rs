//! `twiza link dedupe` and `twiza link generate`: deduplication of a CSV list of people with
//! twiza-link, and the generator of Moroccan people with known duplicates.
//!
//! `dedupe` streams the CSV in (a UTF-8 byte-order mark is stripped), keeps only each row's id
//! and normalized keys, and writes `id_a,id_b,score` (plus `reasons` with `--reasons`): one row
//! per pair scoring at least the threshold, `id_a` being the record that comes first in the
//! input file, rows ordered by `id_a`'s then `id_b`'s position in the file.

use anyhow::{bail, Context};
use clap::{Args, Subcommand};
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;
use twiza_link::synth::People;
use twiza_link::{Config, Field, List, ListBuilder};

#[derive(Subcommand)]
pub enum LinkCommand {
    /// Finds the records of a CSV file that are the same person.
    Dedupe(DedupeArgs),
    /// Writes generated Moroccan people with known duplicates (a `cluster` column) to a CSV file.
    Generate(GenerateArgs),
}

#[derive(Args)]
pub struct DedupeArgs {
    /// The CSV file (UTF-8, header row, comma-separated).
    #[arg(long)]
    input: PathBuf,
    /// The column holding each record's identifier.
    #[arg(long)]
    id_column: String,
    /// FIELD=COLUMN, repeated: given_name, family_name, birth_date, sex, national_id, phone,
    /// address, locality, postcode.
    #[arg(long = "map", value_name = "FIELD=COLUMN", required = true)]
    maps: Vec<String>,
    /// Pairs scoring at least this (bits of evidence) are written [default: max(12, log2(n) +
    /// 1.5) for n records, see docs/deduplication.md].
    #[arg(long)]
    threshold: Option<f64>,
    /// Where to write the pairs.
    #[arg(long)]
    output: PathBuf,
    /// Also writes a `reasons` column (`given_name:transliteration;birth_date:exact;…`).
    #[arg(long)]
    reasons: bool,
    /// Only writes blocking's candidate pairs to this file, as `a,b` (0-based row positions in
    /// the input), and scores nothing: for benchmarks that give another engine the same pairs.
    #[arg(long, value_name = "FILE")]
    candidates: Option<PathBuf>,
}

#[derive(Args)]
pub struct GenerateArgs {
    /// How many records to write.
    #[arg(long)]
    people: u64,
    /// The random seed: the same seed writes the same people.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// The share of records that are duplicates of another (0 to 0.9).
    #[arg(long, default_value_t = 0.1)]
    duplicates: f64,
    /// Where to write the CSV.
    #[arg(long)]
    output: PathBuf,
}

pub fn run(command: LinkCommand) -> anyhow::Result<()> {
    match command {
        LinkCommand::Dedupe(args) => dedupe(&args),
        LinkCommand::Generate(args) => generate(&args),
    }
}

/// Parses `--map FIELD=COLUMN` arguments.
fn parse_maps(maps: &[String]) -> anyhow::Result<Vec<(Field, String)>> {
    let mut out: Vec<(Field, String)> = Vec::new();
    for m in maps {
        let Some((field, column)) = m.split_once('=') else {
            bail!("--map {m:?}: expected FIELD=COLUMN");
        };
        let Some(f) = Field::parse(field.trim()) else {
            let known: Vec<&str> = Field::ALL.iter().map(|f| f.name()).collect();
            bail!(
                "--map {m:?}: unknown field {field:?} (known fields: {})",
                known.join(", ")
            );
        };
        if out.iter().any(|(g, _)| *g == f) {
            bail!("--map: field {field:?} is mapped twice");
        }
        out.push((f, column.to_owned()));
    }
    Ok(out)
}

/// Opens a CSV file, skipping a UTF-8 byte-order mark.
fn open_csv(path: &Path) -> anyhow::Result<csv::Reader<Box<dyn Read + Send>>> {
    let file = File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
    let mut reader = BufReader::with_capacity(1 << 20, file);
    let head = reader
        .fill_buf()
        .with_context(|| format!("cannot read {}", path.display()))?;
    if head.is_empty() {
        bail!("{} is empty: expected a header row", path.display());
    }
    if head.starts_with(b"\xEF\xBB\xBF") {
        reader.consume(3);
    }
    let boxed: Box<dyn Read + Send> = Box::new(reader);
    Ok(csv::ReaderBuilder::new().from_reader(boxed))
}

fn dedupe(args: &DedupeArgs) -> anyhow::Result<()> {
    let started = Instant::now();
    let maps = parse_maps(&args.maps)?;
    let mut reader = open_csv(&args.input)?;
    let headers = reader
        .headers()
        .with_context(|| format!("{}: cannot read the header row", args.input.display()))?
        .clone();
    if headers.iter().all(str::is_empty) {
        bail!("{}: the header row is empty", args.input.display());
    }
    let column = |name: &str| -> anyhow::Result<usize> {
        headers
            .iter()
            .position(|h| h.trim() == name)
            .with_context(|| {
                format!(
                    "{}: no column {name:?} (columns: {})",
                    args.input.display(),
                    headers.iter().collect::<Vec<_>>().join(", ")
                )
            })
    };
    let id_column = column(&args.id_column)?;
    let columns: Vec<(Field, usize)> = maps
        .iter()
        .map(|(f, c)| Ok((*f, column(c)?)))
        .collect::<anyhow::Result<_>>()?;

    // A second thread parses the CSV into batches of rows while this one compiles them: only
    // ids and table numbers are kept.
    let (ids, list) = read_list(reader, id_column, &columns, &args.input)?;
    let read = started.elapsed();

    let config = Config {
        threshold: args.threshold,
        ..Config::default()
    };
    if let Some(path) = &args.candidates {
        return write_candidates(path, &list, &config);
    }
    let (pairs, stats) = twiza_link::dedupe_list(&list, &config);
    let linked = started.elapsed();

    let file = File::create(&args.output)
        .with_context(|| format!("cannot create {}", args.output.display()))?;
    let mut out = csv::Writer::from_writer(BufWriter::new(file));
    let write_err = || format!("cannot write {}", args.output.display());
    if args.reasons {
        out.write_record(["id_a", "id_b", "score", "reasons"])
            .with_context(write_err)?;
    } else {
        out.write_record(["id_a", "id_b", "score"])
            .with_context(write_err)?;
    }
    for p in &pairs {
        let score = format!("{:.3}", p.score);
        if args.reasons {
            let reasons: Vec<String> = p.reasons.iter().map(ToString::to_string).collect();
            out.write_record([ids.get(p.a), ids.get(p.b), &score, &reasons.join(";")])
        } else {
            out.write_record([ids.get(p.a), ids.get(p.b), &score])
        }
        .with_context(write_err)?;
    }
    out.flush().with_context(write_err)?;
    eprintln!(
        "{} records read in {:.2} s; {} candidate pairs scored, {} at or above {:.1}, in {:.2} s; \
         written to {}",
        ids.len(),
        read.as_secs_f64(),
        stats.candidates,
        pairs.len(),
        config.threshold_for(ids.len()),
        (linked - read).as_secs_f64(),
        args.output.display()
    );
    Ok(())
}

/// The id column's values, one after the other in one string.
#[derive(Default)]
struct Ids {
    text: String,
    ends: Vec<usize>,
}

impl Ids {
    fn push(&mut self, id: &str) {
        self.text.push_str(id);
        self.ends.push(self.text.len());
    }

    fn len(&self) -> usize {
        self.ends.len()
    }

    /// Room for an estimated number of ids (an estimate: if it cannot be had, ids grow as
    /// they come).
    fn reserve(&mut self, rows: usize, row_bytes: usize) {
        let _ = self.ends.try_reserve(rows);
        let _ = self
            .text
            .try_reserve(rows.saturating_mul(row_bytes.min(16)));
    }

    fn get(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.text[start..self.ends[i]]
    }
}

/// Rows handed from the parsing thread to the compiling one.
const BATCH: usize = 4096;

/// Reads every row: a thread parses batches of rows (their buffers come back to be reused),
/// this one keeps the ids and compiles the mapped fields into a [`List`].
fn read_list(
    mut reader: csv::Reader<Box<dyn Read + Send>>,
    id_column: usize,
    columns: &[(Field, usize)],
    input: &Path,
) -> anyhow::Result<(Ids, List)> {
    use std::sync::mpsc::sync_channel;
    let (full_tx, full_rx) = sync_channel::<anyhow::Result<Vec<csv::StringRecord>>>(4);
    let (empty_tx, empty_rx) = sync_channel::<Vec<csv::StringRecord>>(8);
    for _ in 0..6 {
        let _ = empty_tx.send(vec![csv::StringRecord::new(); BATCH]);
    }
    let input_name = input.display().to_string();
    let parser = std::thread::spawn(move || {
        let mut read = 0usize;
        while let Ok(mut batch) = empty_rx.recv() {
            let mut filled = 0;
            while filled < batch.len() {
                match reader.read_record(&mut batch[filled]) {
                    Ok(true) => filled += 1,
                    Ok(false) => break,
                    Err(e) => {
                        let _ = full_tx.send(Err(anyhow::Error::new(e).context(format!(
                            "{input_name}: cannot read record {} (is the file UTF-8 CSV?)",
                            read + filled + 1
                        ))));
                        return;
                    }
                }
            }
            read += filled;
            let last = filled < batch.len();
            batch.truncate(filled);
            if full_tx.send(Ok(batch)).is_err() || last {
                return;
            }
        }
    });
    let mut ids = Ids::default();
    let mut builder = ListBuilder::new();
    let file_len = std::fs::metadata(input).map_or(0, |m| m.len());
    let mut failure = None;
    for batch in full_rx {
        let mut batch = match batch {
            Ok(batch) => batch,
            Err(e) => {
                failure = Some(e);
                break;
            }
        };
        let done = batch.len() < BATCH;
        if builder.is_empty() && !done {
            // Room for the whole file at the first batch's bytes per row: growing the rows
            // one doubling at a time would copy them and fault their pages in again.
            let bytes: usize = batch.iter().map(|r| r.as_slice().len() + r.len()).sum();
            let rows = file_len as usize / bytes.max(1) * batch.len();
            builder.reserve(rows + rows / 8);
            ids.reserve(rows + rows / 8, bytes / batch.len());
        }
        for row in &batch {
            ids.push(row.get(id_column).unwrap_or_default());
            let mut values: [Option<&str>; 9] = [None; 9];
            for &(field, i) in columns {
                values[field as usize] = row.get(i);
            }
            if let Err(full) = builder.push(&values) {
                failure = Some(
                    anyhow::Error::new(full)
                        .context(format!("{}: too many records", input.display())),
                );
                break;
            }
        }
        if done || failure.is_some() {
            break;
        }
        batch.resize(BATCH, csv::StringRecord::new());
        // The parser may have finished already, leaving its last batches in the channel.
        let _ = empty_tx.send(batch);
    }
    drop(empty_tx);
    if parser.join().is_err() {
        bail!("{}: the CSV reader stopped", input.display());
    }
    if let Some(e) = failure {
        return Err(e);
    }
    Ok((ids, builder.finish()))
}

fn write_candidates(path: &Path, list: &List, config: &Config) -> anyhow::Result<()> {
    let pairs = twiza_link::candidate_pairs(list, config);
    let file = File::create(path).with_context(|| format!("cannot create {}", path.display()))?;
    let mut out = BufWriter::with_capacity(1 << 20, file);
    let write_err = || format!("cannot write {}", path.display());
    writeln!(out, "a,b").with_context(write_err)?;
    for (a, b) in &pairs {
        writeln!(out, "{a},{b}").with_context(write_err)?;
    }
    out.flush().with_context(write_err)?;
    eprintln!(
        "{} candidate pairs written to {}",
        pairs.len(),
        path.display()
    );
    Ok(())
}

fn generate(args: &GenerateArgs) -> anyhow::Result<()> {
    if !(0.0..=0.9).contains(&args.duplicates) {
        bail!("--duplicates must be between 0 and 0.9");
    }
    let file = File::create(&args.output)
        .with_context(|| format!("cannot create {}", args.output.display()))?;
    let mut out = csv::Writer::from_writer(BufWriter::with_capacity(1 << 20, file));
    let write_err = || format!("cannot write {}", args.output.display());
    out.write_record([
        "id",
        "cluster",
        "given_name",
        "family_name",
        "birth_date",
        "sex",
        "national_id",
        "phone",
        "commune",
        "douar",
        "script",
    ])
    .with_context(write_err)?;
    let opt = |v: &Option<String>| v.clone().unwrap_or_default();
    for p in People::new(args.seed, args.people, args.duplicates) {
        let script = match p.script {
            twiza_link::normalize::Script::Arabic => "arabic",
            _ => "latin",
        };
        out.write_record([
            &format!("P{:08}", p.id),
            &format!("P{:08}", p.cluster),
            &opt(&p.given_name),
            &opt(&p.family_name),
            &opt(&p.birth_date),
            &opt(&p.sex),
            &opt(&p.national_id),
            &opt(&p.phone),
            &opt(&p.commune),
            &opt(&p.douar),
            script,
        ])
        .with_context(write_err)?;
    }
    let mut inner = out
        .into_inner()
        .map_err(|e| anyhow::anyhow!("{}", e.error()))?;
    inner.flush().with_context(write_err)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    fn args(dir: &Path, input: &str, maps: &[&str]) -> DedupeArgs {
        DedupeArgs {
            input: dir.join(input),
            id_column: "ID".into(),
            maps: maps.iter().map(|s| (*s).to_owned()).collect(),
            threshold: None,
            output: dir.join("pairs.csv"),
            reasons: false,
            candidates: None,
        }
    }

    #[test]
    fn dedupes_a_csv_with_a_bom_and_arabic_names() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("people.csv"),
            "\u{feff}ID,Prenom,Nom,Naissance,Tel\n\
             a1,Mohamed,El Idrissi,1980-03-07,0661234567\n\
             b2,Khadija,Bennani,1975-01-02,\n\
             c3,محمد,الإدريسي,07/03/1980,+212661234567\n",
        )
        .unwrap();
        let a = args(
            dir.path(),
            "people.csv",
            &[
                "given_name=Prenom",
                "family_name=Nom",
                "birth_date=Naissance",
                "phone=Tel",
            ],
        );
        dedupe(&a).unwrap();
        let out = std::fs::read_to_string(dir.path().join("pairs.csv")).unwrap();
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0], "id_a,id_b,score");
        assert_eq!(lines.len(), 2, "{out}");
        assert!(lines[1].starts_with("a1,c3,"), "{out}");
    }

    #[test]
    fn bad_input_is_refused_clearly() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("people.csv"), "ID,Prenom\nx,Ali\n").unwrap();
        std::fs::write(dir.path().join("empty.csv"), "").unwrap();
        std::fs::write(dir.path().join("latin1.csv"), b"ID,Prenom\nx,A\xefcha\n").unwrap();
        let err = |a: DedupeArgs| format!("{:#}", dedupe(&a).unwrap_err());
        let e = err(args(dir.path(), "people.csv", &["given_name=Missing"]));
        assert!(e.contains("no column \"Missing\""), "{e}");
        let e = err(args(dir.path(), "people.csv", &["first_name=Prenom"]));
        assert!(e.contains("unknown field \"first_name\""), "{e}");
        let e = err(args(dir.path(), "empty.csv", &["given_name=Prenom"]));
        assert!(e.contains("is empty"), "{e}");
        let e = err(args(dir.path(), "latin1.csv", &["given_name=Prenom"]));
        assert!(e.contains("UTF-8"), "{e}");
        let e = err(args(dir.path(), "nowhere.csv", &["given_name=Prenom"]));
        assert!(e.contains("cannot open"), "{e}");
    }

    #[test]
    fn generates_then_dedupes() {
        let dir = tempfile::tempdir().unwrap();
        generate(&GenerateArgs {
            people: 500,
            seed: 3,
            duplicates: 0.2,
            output: dir.path().join("gen.csv"),
        })
        .unwrap();
        let mut a = args(
            dir.path(),
            "gen.csv",
            &[
                "given_name=given_name",
                "family_name=family_name",
                "birth_date=birth_date",
                "national_id=national_id",
                "phone=phone",
                "locality=commune",
                "address=douar",
                "sex=sex",
            ],
        );
        a.id_column = "id".into();
        a.reasons = true;
        dedupe(&a).unwrap();
        let out = std::fs::read_to_string(dir.path().join("pairs.csv")).unwrap();
        assert!(out.starts_with("id_a,id_b,score,reasons\n"));
        assert!(out.lines().count() > 50, "{out}");
        // the candidate pairs, as row positions, include every pair found
        a.candidates = Some(dir.path().join("candidates.csv"));
        dedupe(&a).unwrap();
        let candidates = std::fs::read_to_string(dir.path().join("candidates.csv")).unwrap();
        assert!(candidates.starts_with("a,b\n"));
        assert!(candidates.lines().count() > out.lines().count());
    }
}
