//! Record linkage: finds the records of a list that describe the same person (Moroccan names in
//! Arabic or Latin script, birth dates, national ids, phones, places), with a Fellegi–Sunter
//! score and the reasons behind it. No I/O: the caller reads and writes the records.
//!
//! The pipeline: records are compiled into a [`List`] (each distinct name, date and place
//! normalized once, see [`normalize`] and [`list`]); [`block`] gives each record its candidate
//! partners; each pair is compared field by field ([`compare`]) and scored ([`score`]); pairs at
//! or above the threshold are returned. Blocking and scoring use every core (rayon). [`synth`] generates Moroccan people with
//! known duplicates to measure all this.

pub mod block;
mod cache;
pub mod compare;
mod hash;
pub mod list;
pub mod normalize;
pub mod score;
pub mod synth;

pub use block::BlockingConfig;
pub use compare::{Field, Level, Reason};
pub use list::{List, ListBuilder};
pub use score::Weights;

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

/// Finds the pairs of `records` that are the same person, sorted by `(a, b)`.
pub fn dedupe(records: &[Record], config: &Config) -> Vec<Pair> {
    dedupe_list(&List::from_records(records), config).0
}

/// What a deduplication run did, for reports and benchmarks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stats {
    /// Candidate pairs proposed by blocking (each once).
    pub candidates: usize,
}

/// Finds the pairs of a compiled list that are the same person, sorted by `(a, b)` (positions
/// in the input), and tells how many candidate pairs were scored.
pub fn dedupe_list(list: &List, config: &Config) -> (Vec<Pair>, Stats) {
    let blocks = block::Blocks::new(list, &config.blocking);
    let scorer = Scorer::new(list, config);
    let work = cache::PerThread::new(|| (cache::Memo::new(), block::Partners::new(list.len())));
    let (mut pairs, candidates) = (0..list.len() as u32)
        .into_par_iter()
        .with_min_len(1024)
        .fold(
            || (Vec::new(), 0usize),
            |(mut found, mut count), a| {
                work.with(|(memo, partners)| {
                    blocks.partners(a, partners);
                    count += partners.rows.len();
                    // Load the partners' rows first: the loads run in parallel, scoring finds
                    // them in cache.
                    let mut touch = 0u32;
                    for &b in &partners.rows {
                        touch ^= list.rows[b as usize].given;
                    }
                    std::hint::black_box(touch);
                    let sa = scorer.shifts.of(&list.rows[a as usize]);
                    for &b in &partners.rows {
                        if let Some((score, levels)) = scorer.score(a, b, &sa, memo) {
                            let (x, y) = (list.input[a as usize], list.input[b as usize]);
                            found.push(Pair {
                                a: x.min(y) as usize,
                                b: x.max(y) as usize,
                                score,
                                reasons: reasons(&levels),
                            });
                        }
                    }
                });
                (found, count)
            },
        )
        .reduce(
            || (Vec::new(), 0),
            |(mut x, n), (y, m)| {
                x.extend(y);
                (x, n + m)
            },
        );
    pairs.par_sort_unstable_by_key(|p| (p.a, p.b));
    (pairs, Stats { candidates })
}

/// The candidate pairs blocking proposes, each once, `(a, b)` with `a < b` (positions in the
/// input), sorted: for benchmarks that give another engine the same pairs to score.
pub fn candidate_pairs(list: &List, config: &Config) -> Vec<(usize, usize)> {
    let blocks = block::Blocks::new(list, &config.blocking);
    let work = cache::PerThread::new(|| block::Partners::new(list.len()));
    let mut pairs: Vec<(usize, usize)> = (0..list.len() as u32)
        .into_par_iter()
        .with_min_len(1024)
        .fold(Vec::new, |mut found, a| {
            work.with(|partners| {
                blocks.partners(a, partners);
                for &b in &partners.rows {
                    let (x, y) = (list.input[a as usize], list.input[b as usize]);
                    found.push((x.min(y) as usize, x.max(y) as usize));
                }
            });
            found
        })
        .reduce(Vec::new, |mut x, y| {
            x.extend(y);
            x
        });
    pairs.par_sort_unstable();
    pairs
}

/// Each field's agreement level for two records, `None` where either side lacks the field.
pub fn compare_records(a: &Record, b: &Record) -> [Option<Level>; 9] {
    let list = List::from_records(&[a.clone(), b.clone()]);
    let (x, y) = if list.input[0] == 0 { (0, 1) } else { (1, 0) };
    let scorer = Scorer::new(&list, &Config::default());
    let mut levels = [None; 9];
    let mut memo = cache::Memo::new();
    scorer.compare_identifiers(x, y, &mut levels);
    scorer.compare_places(x, y, &mut levels, &mut memo);
    scorer.compare_names(x, y, &mut levels, &mut memo);
    levels
}

/// Compares and scores pairs of rows of one list.
struct Scorer<'a> {
    list: &'a List,
    /// The frequency shifts of values (see [`score`]).
    shifts: score::Shifts,
    table: WeightTable,
    best: [(f64, f64); 9],
    threshold: f64,
}

impl Scorer<'_> {
    fn new<'a>(list: &'a List, config: &Config) -> Scorer<'a> {
        Scorer {
            list,
            shifts: score::Shifts::new(list, &config.weights),
            table: weight_table(&config.weights),
            best: config.weights.best(),
            threshold: config.threshold_for(list.len()),
        }
    }

    /// Birth date, sex, national id, phone, postcode: cheap comparisons.
    fn compare_identifiers(&self, a: u32, b: u32, levels: &mut [Option<Level>; 9]) {
        let list = self.list;
        let (ra, rb) = (&list.rows[a as usize], &list.rows[b as usize]);
        levels[2] = match (ra.date, rb.date) {
            (x, y) if x == list::NONE || y == list::NONE => None,
            (x, y) if x == y => Some(Level::Exact),
            (x, y) => {
                let (x, y) = (x as usize, y as usize);
                Some(compare::dates_with_digits(
                    list.dates[x],
                    list.dates[y],
                    list.date_digits[x],
                    list.date_digits[y],
                ))
            }
        };
        levels[3] = (ra.sex != 0 && rb.sex != 0).then(|| compare::sexes(ra.sex, rb.sex));
        let ident = |x: &list::Ident, y: &list::Ident| {
            if !x.is_some() || !y.is_some() {
                None
            } else if x == y {
                Some(Level::Exact)
            } else if let Some(one) = x.one_edit(*y) {
                Some(if one {
                    Level::OneEdit
                } else {
                    Level::Different
                })
            } else {
                let long = &list.long_idents;
                x.with_bytes(long, |p| {
                    y.with_bytes(long, |q| Some(compare::identifiers_bytes(p?, q?)))
                })
            }
        };
        levels[4] = ident(&ra.national_id, &rb.national_id);
        levels[5] = ident(&ra.phone, &rb.phone);
        levels[8] = texts(ra.postcode, rb.postcode, &list.postcode, |x, y| {
            compare::identifiers(x, y)
        });
    }

    /// The two rows, the one that comes first in the input first: the comparators of free
    /// text (token overlap counts repeated tokens on its left side) and of names written in
    /// two unvoweled scripts are not symmetric, so each pair is compared the way round the
    /// input gives, whatever order blocking meets its rows in.
    fn in_input_order(&self, a: u32, b: u32) -> (&list::Row, &list::Row) {
        let list = self.list;
        let (ra, rb) = (&list.rows[a as usize], &list.rows[b as usize]);
        if list.input[a as usize] <= list.input[b as usize] {
            (ra, rb)
        } else {
            (rb, ra)
        }
    }

    /// Address and locality.
    fn compare_places(
        &self,
        a: u32,
        b: u32,
        levels: &mut [Option<Level>; 9],
        memo: &mut cache::Memo,
    ) {
        let list = self.list;
        let (ra, rb) = self.in_input_order(a, b);
        let mut place = |kind, x: u32, y: u32, values: &[Box<str>]| {
            texts(x, y, values, |p, q| {
                memo.get(kind, x, y, || compare::texts(p, q))
            })
        };
        levels[6] = place(cache::Kind::Address, ra.address, rb.address, &list.address);
        levels[7] = place(
            cache::Kind::Locality,
            ra.locality,
            rb.locality,
            &list.locality,
        );
    }

    /// Given and family names, with exchanged names detected.
    fn compare_names(
        &self,
        a: u32,
        b: u32,
        levels: &mut [Option<Level>; 9],
        memo: &mut cache::Memo,
    ) {
        let list = self.list;
        let (ra, rb) = self.in_input_order(a, b);
        let mut name = |x: u32, y: u32| match (list.name(x), list.name(y)) {
            (Some(_), Some(_)) if x == y => Some(Level::Exact),
            (Some(p), Some(q)) => Some(memo.get(cache::Kind::Names, x, y, || compare::names(p, q))),
            _ => None,
        };
        let mut given = name(ra.given, rb.given);
        let mut family = name(ra.family, rb.family);
        let weak = |l: Option<Level>| {
            matches!(
                l,
                Some(Level::Different | Level::Partial | Level::TokenSubset)
            )
        };
        if weak(given) && weak(family) {
            let agree = |l: Option<Level>| {
                matches!(
                    l,
                    Some(
                        Level::Exact
                            | Level::SpellingVariant
                            | Level::Transliteration
                            | Level::Phonetic
                            | Level::Similar
                    )
                )
            };
            if agree(name(ra.given, rb.family)) && agree(name(ra.family, rb.given)) {
                given = Some(Level::Swapped);
                family = Some(Level::Swapped);
            }
        }
        levels[0] = given;
        levels[1] = family;
    }

    /// Scores a pair in three steps, stopping as soon as the best the remaining fields could
    /// add cannot reach the threshold (nine candidate pairs in ten stop after the cheap fields):
    /// `None` below the threshold. The first step adds the cheap fields' weights itself, in
    /// field order as [`score_levels`] does, looking up only the shifts it needs.
    fn score(
        &self,
        a: u32,
        b: u32,
        sa: &[f32; 6],
        memo: &mut cache::Memo,
    ) -> Option<(f64, [Option<Level>; 9])> {
        let list = self.list;
        let rb = &list.rows[b as usize];
        let mut levels = [None; 9];
        self.compare_identifiers(a, b, &mut levels);
        let shift_b = |t: usize| self.shifts.value(t, rb);
        let mut score = 0.0;
        for f in [2, 3, 4, 5, 8] {
            if let Some(level) = levels[f] {
                let (weight, tf) = self.table[f * Level::COUNT + level.index()];
                score += weight;
                if let Some(x) = sa.get(usize::from(tf)) {
                    score += f64::from(x.min(shift_b(usize::from(tf))));
                }
            }
        }
        if score + self.remaining(a, b, sa, &[0, 1, 6, 7], shift_b) < self.threshold {
            return None;
        }
        let sb = &self.shifts.of(rb);
        self.compare_places(a, b, &mut levels, memo);
        let score = score_levels(&levels, &self.table, sa, sb);
        if score + self.remaining(a, b, sa, &[0, 1], |t| sb[t]) < self.threshold {
            return None;
        }
        self.compare_names(a, b, &mut levels, memo);
        let score = score_levels(&levels, &self.table, sa, sb);
        (score >= self.threshold).then_some((score, levels))
    }

    /// The most the `fields` not yet compared could add to a pair: each field's best level and
    /// the smaller of the two values' shifts, nothing for a field one side lacks.
    fn remaining(
        &self,
        a: u32,
        b: u32,
        sa: &[f32; 6],
        fields: &[usize],
        shift_b: impl Fn(usize) -> f32,
    ) -> f64 {
        let (ra, rb) = (&self.list.rows[a as usize], &self.list.rows[b as usize]);
        let mut total = 0.0;
        for &f in fields {
            // the field's values and its place in a row's shifts
            let (x, y, t) = match f {
                0 => (ra.given, rb.given, 0),
                1 => (ra.family, rb.family, 1),
                6 => (ra.address, rb.address, 3),
                _ => (ra.locality, rb.locality, 4),
            };
            if x == list::NONE || y == list::NONE {
                continue;
            }
            let (shifted, unshifted) = self.best[f];
            let shift = f64::from(sa[t].min(shift_b(t)));
            total += (shifted + shift).max(unshifted);
        }
        total
    }
}

/// The level of two interned texts: equal numbers are the same text.
fn texts(
    x: u32,
    y: u32,
    values: &[Box<str>],
    compare: impl FnOnce(&str, &str) -> Level,
) -> Option<Level> {
    if x == list::NONE || y == list::NONE {
        None
    } else if x == y {
        Some(Level::Exact)
    } else {
        Some(compare(&values[x as usize], &values[y as usize]))
    }
}

/// Each field's level's weight and, when the level follows value frequencies, the place of
/// the field in a row's shifts (else `u8::MAX`): indexed by `field * Level::COUNT + level`.
type WeightTable = [(f64, u8); 9 * Level::COUNT];

fn weight_table(weights: &Weights) -> WeightTable {
    let mut table = [(0.0, u8::MAX); 9 * Level::COUNT];
    for (f, (&field, tf)) in Field::ALL.iter().zip(score::TF_INDEX).enumerate() {
        for level in score::LEVELS {
            let tf = match tf {
                Some(i) if score::is_shifted(field, level) => i as u8,
                _ => u8::MAX,
            };
            table[f * Level::COUNT + level.index()] = (weights.weight(field, level), tf);
        }
    }
    table
}

/// The sum of the levels' weights, each shifted by the more frequent of the two values (the
/// smaller shift) where its level follows frequencies.
fn score_levels(
    levels: &[Option<Level>; 9],
    table: &WeightTable,
    shift_a: &[f32; 6],
    shift_b: &[f32; 6],
) -> f64 {
    let mut total = 0.0;
    for (f, level) in levels.iter().enumerate() {
        let Some(level) = *level else { continue };
        let (weight, tf) = table[f * Level::COUNT + level.index()];
        total += weight;
        if let Some((a, b)) = shift_a
            .get(usize::from(tf))
            .zip(shift_b.get(usize::from(tf)))
        {
            total += f64::from(a.min(*b));
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Free text is compared the way round the input gives, whichever row blocking meets
    /// first: token overlap is not symmetric ("5 rue 5" counts its repeated "5").
    #[test]
    fn places_are_compared_in_input_order() {
        let (first, second) = ("5 rue 5", "5 bloc hay");
        let key = |t: &str| normalize::text_key(t).unwrap_or_default();
        let expected = compare::texts(&key(first), &key(second));
        assert_ne!(expected, compare::texts(&key(second), &key(first)));
        let record = |family: &str, address: &str| Record {
            family_name: Some(family.into()),
            address: Some(address.into()),
            ..Record::default()
        };
        // "Zerouali" sorts after "Alami": blocking order puts the second record first
        let list = List::from_records(&[record("Zerouali", first), record("Alami", second)]);
        assert_eq!(list.input, vec![1, 0]);
        let scorer = Scorer::new(&list, &Config::default());
        let mut memo = cache::Memo::new();
        for (a, b) in [(0, 1), (1, 0), (0, 1)] {
            let mut levels = [None; 9];
            scorer.compare_places(a, b, &mut levels, &mut memo);
            assert_eq!(levels[6], Some(expected), "rows {a}, {b}");
        }
    }
}
