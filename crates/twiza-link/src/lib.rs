//! Record linkage: finds the records of a list that describe the same person (Moroccan names in
//! Arabic or Latin script, birth dates, national ids, phones, places), with a Fellegi–Sunter
//! score and the reasons behind it. No I/O: the caller reads and writes the records.
//!
//! The pipeline: each [`Record`] is [`Prepared`] once (names normalized to keys, dates and ids
//! parsed, see [`normalize`]); [`block`] proposes candidate pairs; each pair is compared field by
//! field ([`compare`]) and scored ([`score`]); pairs at or above the threshold are returned.
//! Preparation and scoring use every core (rayon). [`synth`] generates Moroccan people with
//! known duplicates to measure all this.

pub mod block;
pub mod compare;
mod hash;
pub mod normalize;
pub mod score;
pub mod synth;

pub use block::BlockingConfig;
pub use compare::{Field, Level, Reason};
pub use score::Weights;

use compare::Date;
use normalize::NameKey;
use rayon::prelude::*;

/// One person as read from a list: every field optional, all as text (the engine parses).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Record {
    pub given_name: Option<String>,
    pub family_name: Option<String>,
    pub birth_date: Option<String>,
    pub sex: Option<String>,
    pub national_id: Option<String>,
    pub phone: Option<String>,
    pub address: Option<String>,
    pub locality: Option<String>,
    pub postcode: Option<String>,
}

impl Record {
    /// Sets a field by its [`Field`].
    pub fn set(&mut self, field: Field, value: Option<String>) {
        let slot = match field {
            Field::GivenName => &mut self.given_name,
            Field::FamilyName => &mut self.family_name,
            Field::BirthDate => &mut self.birth_date,
            Field::Sex => &mut self.sex,
            Field::NationalId => &mut self.national_id,
            Field::Phone => &mut self.phone,
            Field::Address => &mut self.address,
            Field::Locality => &mut self.locality,
            Field::Postcode => &mut self.postcode,
        };
        *slot = value;
    }
}

/// What deduplication needs to know; the default is the documented weights, blocking and
/// threshold.
#[derive(Clone, Debug, Default)]
pub struct Config {
    /// Pairs whose score (sum of the fields' weights, in bits) is at least this are returned;
    /// `None` takes [`auto_threshold`] of the number of records.
    pub threshold: Option<f64>,
    pub weights: Weights,
    pub blocking: BlockingConfig,
}

/// The lowest threshold, in bits: about the evidence of an exact family name plus an exact
/// birth date, less a disagreeing given name.
pub const MIN_THRESHOLD: f64 = 12.0;

/// The default threshold for a list of `n` records: `max(12, log2(n) + 1.5)` bits.
///
/// The weights measure how much likelier a pair's agreements are among true duplicates than
/// among two different people; to decide, they must outweigh the prior odds that two records
/// picked from the list are the same person. With `d` duplicate pairs per record those odds are
/// `2d / n`, so the evidence needed grows by one bit each time the list doubles: the same
/// "Hicham Benomar, Fès" is good evidence among 5,000 records and weak among a million, where
/// several different people bear it. `d ≈ 0.18` gives the `+ 1.5`; a fixed formula of the input
/// size, never fitted to a truth.
pub fn auto_threshold(n: usize) -> f64 {
    ((n.max(1) as f64).log2() + 1.5).max(MIN_THRESHOLD)
}

impl Config {
    /// The threshold applied to a list of `n` records.
    pub fn threshold_for(&self, n: usize) -> f64 {
        self.threshold.unwrap_or_else(|| auto_threshold(n))
    }
}

/// Two records found to be the same person: indexes into the input (`a < b`), the score and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Pair {
    pub a: usize,
    pub b: usize,
    pub score: f64,
    pub reasons: Vec<Reason>,
}

/// A record with its normalized keys and parsed values, computed once.
#[derive(Clone, Debug)]
pub struct Prepared {
    pub given: Option<NameKey>,
    pub family: Option<NameKey>,
    pub date: Option<Date>,
    pub sex: Option<u8>,
    pub national_id: Option<Box<str>>,
    pub phone: Option<Box<str>>,
    pub address: Option<Box<str>>,
    pub locality: Option<Box<str>>,
    pub postcode: Option<Box<str>>,
}

impl Prepared {
    pub fn new(r: &Record) -> Prepared {
        fn text(v: &Option<String>) -> Option<&str> {
            v.as_deref().map(str::trim).filter(|s| !s.is_empty())
        }
        Prepared {
            given: text(&r.given_name).and_then(NameKey::new),
            family: text(&r.family_name).and_then(NameKey::new),
            date: text(&r.birth_date).and_then(Date::parse),
            sex: text(&r.sex).and_then(normalize::sex),
            national_id: text(&r.national_id).and_then(normalize::national_id),
            phone: text(&r.phone).and_then(normalize::phone),
            address: text(&r.address).and_then(normalize::text_key),
            locality: text(&r.locality).and_then(normalize::text_key),
            postcode: text(&r.postcode).and_then(normalize::postcode),
        }
    }

    /// Hashes of the values whose frequency shifts weights (see [`score`]): name skeletons,
    /// date, address, locality, postcode.
    fn frequency_keys(&self) -> [Option<u64>; 6] {
        let h = |tag: u8, bytes: &[u8]| {
            let mut f = hash::Fnv::new();
            f.write(&[tag]);
            f.write(bytes);
            f.finish()
        };
        [
            self.given
                .as_ref()
                .map(|k| h(0, k.bare_skeleton().as_bytes())),
            self.family
                .as_ref()
                .map(|k| h(1, k.bare_skeleton().as_bytes())),
            self.date.map(|d| h(2, &d.digits())),
            self.address.as_ref().map(|a| h(3, a.as_bytes())),
            self.locality.as_ref().map(|a| h(4, a.as_bytes())),
            self.postcode.as_ref().map(|a| h(5, a.as_bytes())),
        ]
    }

    fn sort_key(&self) -> (&str, &str, u32) {
        (
            self.family.as_ref().map_or("", NameKey::bare_key),
            self.given.as_ref().map_or("", NameKey::bare_key),
            self.date.map_or(0, |d| {
                u32::from(d.year) * 10_000 + u32::from(d.month) * 100 + u32::from(d.day)
            }),
        )
    }
}

/// Finds the pairs of `records` that are the same person, sorted by `(a, b)`.
pub fn dedupe(records: &[Record], config: &Config) -> Vec<Pair> {
    dedupe_prepared(&prepare(records), config)
}

/// Prepares records on every core.
pub fn prepare(records: &[Record]) -> Vec<Prepared> {
    records.par_iter().map(Prepared::new).collect()
}

/// [`dedupe`] on records already prepared (lets a caller stream its input and keep only keys).
pub fn dedupe_prepared(records: &[Prepared], config: &Config) -> Vec<Pair> {
    dedupe_with_stats(records, config).0
}

/// The candidate pairs blocking proposes, each once, `(a, b)` with `a < b` (for benchmarks that
/// give another engine the same pairs to score).
pub fn candidate_pairs(records: &[Prepared], config: &Config) -> Vec<(usize, usize)> {
    block::candidate_pairs(records, &config.blocking)
        .into_iter()
        .map(|p| ((p >> 32) as usize, (p & 0xffff_ffff) as usize))
        .collect()
}

/// What a deduplication run did, for reports and benchmarks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stats {
    /// Candidate pairs proposed by blocking (each once).
    pub candidates: usize,
}

/// [`dedupe_prepared`], also telling how many candidate pairs were scored.
pub fn dedupe_with_stats(records: &[Prepared], config: &Config) -> (Vec<Pair>, Stats) {
    let candidates = block::candidate_pairs(records, &config.blocking);
    let stats = Stats {
        candidates: candidates.len(),
    };
    let shifts = score::frequency_shifts(records, &config.weights);
    let threshold = config.threshold_for(records.len());
    let best = config.weights.best();
    let pairs = candidates
        .par_iter()
        .filter_map(|&p| {
            let (a, b) = ((p >> 32) as usize, (p & 0xffff_ffff) as usize);
            let (score, levels) =
                score_pair(a, b, records, &shifts, &config.weights, &best, threshold)?;
            Some(Pair {
                a,
                b,
                score,
                reasons: reasons(&levels),
            })
        })
        .collect();
    (pairs, stats)
}

/// Each field's agreement level, `None` where either side lacks the field.
pub fn compare_records(a: &Prepared, b: &Prepared) -> [Option<Level>; 9] {
    let mut levels = [None; 9];
    compare_identifiers(a, b, &mut levels);
    compare_places(a, b, &mut levels);
    compare_names(a, b, &mut levels);
    levels
}

fn both<'a, T: ?Sized>(x: &'a Option<Box<T>>, y: &'a Option<Box<T>>) -> Option<(&'a T, &'a T)> {
    Some((x.as_deref()?, y.as_deref()?))
}

/// Birth date, sex, national id, phone, postcode: cheap comparisons.
fn compare_identifiers(a: &Prepared, b: &Prepared, levels: &mut [Option<Level>; 9]) {
    levels[2] = a.date.zip(b.date).map(|(x, y)| compare::dates(x, y));
    levels[3] = a.sex.zip(b.sex).map(|(x, y)| compare::sexes(x, y));
    levels[4] = both(&a.national_id, &b.national_id).map(|(x, y)| compare::identifiers(x, y));
    levels[5] = both(&a.phone, &b.phone).map(|(x, y)| compare::identifiers(x, y));
    levels[8] = both(&a.postcode, &b.postcode).map(|(x, y)| compare::identifiers(x, y));
}

/// Address and locality.
fn compare_places(a: &Prepared, b: &Prepared, levels: &mut [Option<Level>; 9]) {
    levels[6] = both(&a.address, &b.address).map(|(x, y)| compare::texts(x, y));
    levels[7] = both(&a.locality, &b.locality).map(|(x, y)| compare::texts(x, y));
}

/// Given and family names, with exchanged names detected.
fn compare_names(a: &Prepared, b: &Prepared, levels: &mut [Option<Level>; 9]) {
    let mut given = a
        .given
        .as_ref()
        .zip(b.given.as_ref())
        .map(|(x, y)| compare::names(x, y));
    let mut family = a
        .family
        .as_ref()
        .zip(b.family.as_ref())
        .map(|(x, y)| compare::names(x, y));
    let weak = |l: Option<Level>| {
        matches!(
            l,
            Some(Level::Different | Level::Partial | Level::TokenSubset)
        )
    };
    if weak(given) && weak(family) {
        if let (Some(ag), Some(af), Some(bg), Some(bf)) = (&a.given, &a.family, &b.given, &b.family)
        {
            if compare::names_agree(ag, bf) && compare::names_agree(af, bg) {
                given = Some(Level::Swapped);
                family = Some(Level::Swapped);
            }
        }
    }
    levels[0] = given;
    levels[1] = family;
}

/// Scores a pair in three steps, stopping as soon as the best the remaining fields could add
/// cannot reach the threshold (most candidate pairs of a large block stop after the cheap
/// fields): `None` below the threshold.
fn score_pair(
    a: usize,
    b: usize,
    records: &[Prepared],
    shifts: &[[f32; 6]],
    weights: &Weights,
    best: &[(f64, f64); 9],
    threshold: f64,
) -> Option<(f64, [Option<Level>; 9])> {
    let (ra, rb) = (&records[a], &records[b]);
    let mut levels = [None; 9];
    let present = [
        ra.given.is_some() && rb.given.is_some(),
        ra.family.is_some() && rb.family.is_some(),
        false,
        false,
        false,
        false,
        ra.address.is_some() && rb.address.is_some(),
        ra.locality.is_some() && rb.locality.is_some(),
        false,
    ];
    // The most each field not yet compared could add: nothing when a side lacks it.
    let remaining = |fields: &[usize]| -> f64 {
        fields
            .iter()
            .filter(|&&i| present[i])
            .map(|&i| {
                let (shifted, unshifted) = best[i];
                let shift =
                    score::TF_INDEX[i].map_or(0.0, |t| f64::from(shifts[a][t].min(shifts[b][t])));
                (shifted + shift).max(unshifted)
            })
            .sum()
    };
    compare_identifiers(ra, rb, &mut levels);
    let score = score_levels(&levels, weights, &shifts[a], &shifts[b]);
    if score + remaining(&[0, 1, 6, 7]) < threshold {
        return None;
    }
    compare_places(ra, rb, &mut levels);
    let score = score_levels(&levels, weights, &shifts[a], &shifts[b]);
    if score + remaining(&[0, 1]) < threshold {
        return None;
    }
    compare_names(ra, rb, &mut levels);
    let score = score_levels(&levels, weights, &shifts[a], &shifts[b]);
    (score >= threshold).then_some((score, levels))
}

fn score_levels(
    levels: &[Option<Level>; 9],
    weights: &Weights,
    shift_a: &[f32; 6],
    shift_b: &[f32; 6],
) -> f64 {
    let mut total = 0.0;
    for ((&field, level), tf) in Field::ALL.iter().zip(levels).zip(score::TF_INDEX) {
        let Some(level) = *level else { continue };
        total += weights.weight(field, level);
        if let Some(i) = tf {
            if score::is_shifted(field, level) {
                // the more frequent of the two values: the smaller shift
                total += f64::from(shift_a[i].min(shift_b[i]));
            }
        }
    }
    total
}

fn reasons(levels: &[Option<Level>; 9]) -> Vec<Reason> {
    Field::ALL
        .iter()
        .zip(levels)
        .filter_map(|(&field, l)| l.map(|level| Reason { field, level }))
        .collect()
}
