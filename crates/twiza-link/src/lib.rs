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

/// What deduplication needs to know.
#[derive(Clone, Debug)]
pub struct Config {
    /// Pairs whose score (sum of the fields' weights, in bits) is at least this are returned.
    pub threshold: f64,
    pub weights: Weights,
    pub blocking: BlockingConfig,
}

/// The default threshold, in bits: about the evidence of an exact family name plus an exact
/// birth date, less a disagreeing given name. Chosen once, the same for every data set.
pub const DEFAULT_THRESHOLD: f64 = 12.0;

impl Default for Config {
    fn default() -> Config {
        Config {
            threshold: DEFAULT_THRESHOLD,
            weights: Weights::default(),
            blocking: BlockingConfig::default(),
        }
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

    fn sort_key(&self) -> (&str, &str, [u8; 8]) {
        (
            self.family.as_ref().map_or("", NameKey::bare_key),
            self.given.as_ref().map_or("", NameKey::bare_key),
            self.date.map_or([0; 8], Date::digits),
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
    let candidates = block::candidate_pairs(records, &config.blocking);
    let tf = score::frequencies(records);
    let n = records.len();
    candidates
        .par_iter()
        .filter_map(|&p| {
            let (a, b) = ((p >> 32) as usize, (p & 0xffff_ffff) as usize);
            let levels = compare_records(&records[a], &records[b]);
            let score = score_levels(&levels, &config.weights, &tf[a], &tf[b], n);
            (score >= config.threshold).then(|| Pair {
                a,
                b,
                score,
                reasons: reasons(&levels),
            })
        })
        .collect()
}

/// The number of candidate pairs blocking proposes (for reports and benchmarks).
pub fn candidate_count(records: &[Prepared], config: &Config) -> usize {
    block::candidate_pairs(records, &config.blocking).len()
}

/// Each field's agreement level, `None` where either side lacks the field.
pub fn compare_records(a: &Prepared, b: &Prepared) -> [Option<Level>; 9] {
    fn both<'a, T: ?Sized>(x: &'a Option<Box<T>>, y: &'a Option<Box<T>>) -> Option<(&'a T, &'a T)> {
        Some((x.as_deref()?, y.as_deref()?))
    }
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
    [
        given,
        family,
        a.date.zip(b.date).map(|(x, y)| compare::dates(x, y)),
        a.sex.zip(b.sex).map(|(x, y)| compare::sexes(x, y)),
        both(&a.national_id, &b.national_id).map(|(x, y)| compare::identifiers(x, y)),
        both(&a.phone, &b.phone).map(|(x, y)| compare::identifiers(x, y)),
        both(&a.address, &b.address).map(|(x, y)| compare::texts(x, y)),
        both(&a.locality, &b.locality).map(|(x, y)| compare::texts(x, y)),
        both(&a.postcode, &b.postcode).map(|(x, y)| compare::identifiers(x, y)),
    ]
}

fn score_levels(
    levels: &[Option<Level>; 9],
    weights: &Weights,
    tf_a: &[f32; 6],
    tf_b: &[f32; 6],
    n: usize,
) -> f64 {
    let mut total = 0.0;
    for (&field, level) in Field::ALL.iter().zip(levels) {
        let Some(level) = *level else { continue };
        total += match score::TF_FIELDS.iter().position(|&f| f == field) {
            Some(i) => {
                let share = f64::from(tf_a[i].max(tf_b[i]));
                weights.weight_for(field, level, share, n)
            }
            None => weights.weight(field, level),
        };
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
