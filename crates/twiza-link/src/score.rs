//! The Fellegi–Sunter score: each field's agreement level adds `log2(m / u)`, where `m` is the
//! chance of that level among true duplicates and `u` among pairs of different people; a missing
//! field (on either side) adds nothing.
//!
//! The `m` and `u` values below are fixed estimates, written by hand from what each level means
//! (for example, two different people share a birth date about once in 5,000 pairs, a national
//! id about once in 10,000, so `u` is 0.0002 and 0.0001), not fitted to any test's truth. They
//! are the same for every data set; [`Weights::set`] changes them.
//!
//! | field | level | m | u | weight |
//! |---|---|---|---|---|
#![doc = include_str!("weights_table.md")]
//!
//! **Frequent and rare values.** Agreeing on "Mohamed" says less than agreeing on "Ouakrim".
//! For names (all agreeing levels, by skeleton), birth dates, addresses, localities and postcodes
//! (exact agreement), the weight is shifted by `log2(u_exact / f)`, where `f` is the value's
//! share of the records being deduplicated (the larger of the two records'), smoothed towards
//! `u_exact` as if 1,000 more records had the average frequency: `f = (count + 1000·u_exact) /
//! (n + 1000)`. The shift is capped at +2 bits (a rare value) and −8 bits. It is computed from
//! the input alone, never from any truth.
//!
//! Given and family names that are exchanged (given ≈ other's family and family ≈ other's given,
//! each at `similar` or better) score both fields at `swapped`.

use crate::compare::{Field, Level};

/// The `m` and `u` probabilities of each field's levels, and the weights they give.
#[derive(Clone, Debug)]
pub struct Weights {
    m_u: Vec<Option<(f64, f64)>>,
    weights: Vec<f64>,
}

/// `(field, level, m, u)`: the defaults documented above.
pub const DEFAULT_M_U: &[(Field, Level, f64, f64)] = &[
    (Field::GivenName, Level::Exact, 0.80, 0.010),
    (Field::GivenName, Level::SpellingVariant, 0.06, 0.0015),
    (Field::GivenName, Level::Transliteration, 0.05, 0.0015),
    (Field::GivenName, Level::Phonetic, 0.03, 0.002),
    (Field::GivenName, Level::Swapped, 0.02, 0.0005),
    (Field::GivenName, Level::TokenSubset, 0.01, 0.001),
    (Field::GivenName, Level::Similar, 0.04, 0.004),
    (Field::GivenName, Level::Partial, 0.02, 0.02),
    (Field::GivenName, Level::Different, 0.02, 0.96),
    (Field::FamilyName, Level::Exact, 0.80, 0.004),
    (Field::FamilyName, Level::SpellingVariant, 0.06, 0.0008),
    (Field::FamilyName, Level::Transliteration, 0.05, 0.0008),
    (Field::FamilyName, Level::Phonetic, 0.03, 0.001),
    (Field::FamilyName, Level::Swapped, 0.02, 0.0005),
    (Field::FamilyName, Level::TokenSubset, 0.01, 0.0005),
    (Field::FamilyName, Level::Similar, 0.04, 0.002),
    (Field::FamilyName, Level::Partial, 0.02, 0.01),
    (Field::FamilyName, Level::Different, 0.02, 0.98),
    (Field::BirthDate, Level::Exact, 0.85, 0.0002),
    (Field::BirthDate, Level::OneDigit, 0.05, 0.0005),
    (Field::BirthDate, Level::DayMonthSwapped, 0.02, 0.00005),
    (Field::BirthDate, Level::YearOffByOne, 0.02, 0.0003),
    (Field::BirthDate, Level::SameYearMonth, 0.01, 0.002),
    (Field::BirthDate, Level::Different, 0.02, 0.997),
    (Field::Sex, Level::Exact, 0.97, 0.5),
    (Field::Sex, Level::Different, 0.03, 0.5),
    (Field::NationalId, Level::Exact, 0.90, 0.0001),
    (Field::NationalId, Level::OneEdit, 0.05, 0.0005),
    (Field::NationalId, Level::Different, 0.05, 0.9994),
    (Field::Phone, Level::Exact, 0.75, 0.001),
    (Field::Phone, Level::OneEdit, 0.05, 0.001),
    (Field::Phone, Level::Different, 0.20, 0.998),
    (Field::Address, Level::Exact, 0.70, 0.005),
    (Field::Address, Level::Similar, 0.15, 0.01),
    (Field::Address, Level::Partial, 0.08, 0.1),
    (Field::Address, Level::Different, 0.07, 0.885),
    (Field::Locality, Level::Exact, 0.85, 0.05),
    (Field::Locality, Level::Similar, 0.08, 0.02),
    (Field::Locality, Level::Partial, 0.03, 0.05),
    (Field::Locality, Level::Different, 0.04, 0.91),
    (Field::Postcode, Level::Exact, 0.85, 0.01),
    (Field::Postcode, Level::OneEdit, 0.08, 0.05),
    (Field::Postcode, Level::Different, 0.07, 0.94),
];

impl Default for Weights {
    fn default() -> Weights {
        let mut w = Weights {
            m_u: vec![None; Field::ALL.len() * Level::COUNT],
            weights: vec![0.0; Field::ALL.len() * Level::COUNT],
        };
        for &(field, level, m, u) in DEFAULT_M_U {
            w.set(field, level, m, u);
        }
        w
    }
}

impl Weights {
    /// Sets the `m` and `u` probabilities of a field's level (both in (0, 1]).
    pub fn set(&mut self, field: Field, level: Level, m: f64, u: f64) {
        let i = field.index() * Level::COUNT + level.index();
        self.m_u[i] = Some((m, u));
        self.weights[i] = if m > 0.0 && u > 0.0 {
            (m / u).log2()
        } else {
            0.0
        };
    }

    /// The `m` and `u` of a field's level, if it has them.
    pub fn m_u(&self, field: Field, level: Level) -> Option<(f64, f64)> {
        self.m_u[field.index() * Level::COUNT + level.index()]
    }

    /// The weight `log2(m / u)` of a field's level (0 for a level without `m` and `u`).
    pub fn weight(&self, field: Field, level: Level) -> f64 {
        self.weights[field.index() * Level::COUNT + level.index()]
    }
}

/// The fields whose weights follow their values' frequencies, in the order of a row's shifts.
pub(crate) const TF_FIELDS: [Field; 6] = [
    Field::GivenName,
    Field::FamilyName,
    Field::BirthDate,
    Field::Address,
    Field::Locality,
    Field::Postcode,
];

/// Pseudo-records of average frequency added to every count (see the module documentation).
const TF_PRIOR: f64 = 1000.0;

/// The frequency shifts of every value of the [`TF_FIELDS`], computed once per distinct value
/// so that scoring a pair only looks up and takes the smaller of two numbers.
pub(crate) struct Shifts {
    tables: [Vec<f32>; 6],
}

impl Shifts {
    pub(crate) fn new(list: &crate::List, weights: &Weights) -> Shifts {
        let n = list.len() as f64;
        let per_value = |field: Field, counts: &[u32]| -> Vec<f32> {
            let u = weights.m_u(field, Level::Exact).map_or(0.0, |(_, u)| u);
            counts
                .iter()
                .map(|&c| {
                    if u > 0.0 {
                        shift(f64::from(c.max(1)), n, u) as f32
                    } else {
                        0.0
                    }
                })
                .collect()
        };
        let c = &list.counts;
        Shifts {
            tables: [
                per_value(TF_FIELDS[0], &c.given),
                per_value(TF_FIELDS[1], &c.family),
                per_value(TF_FIELDS[2], &c.date),
                per_value(TF_FIELDS[3], &c.address),
                per_value(TF_FIELDS[4], &c.locality),
                per_value(TF_FIELDS[5], &c.postcode),
            ],
        }
    }

    /// A row's shift for the `t`-th of the [`TF_FIELDS`] (0 where the field is missing).
    pub(crate) fn value(&self, t: usize, r: &crate::list::Row) -> f32 {
        let v = match t {
            0 => r.given,
            1 => r.family,
            2 => r.date,
            3 => r.address,
            4 => r.locality,
            _ => r.postcode,
        };
        if v == crate::list::NONE {
            0.0
        } else {
            self.tables[t][v as usize]
        }
    }

    /// A row's shifts, in [`TF_FIELDS`] order (0 where the field is missing).
    pub(crate) fn of(&self, r: &crate::list::Row) -> [f32; 6] {
        std::array::from_fn(|t| self.value(t, r))
    }
}

/// `log2(u / f)` for a value seen `count` times among `n`, `f` smoothed towards `u`, clamped.
fn shift(count: f64, n: f64, u: f64) -> f64 {
    let f = (count + TF_PRIOR * u) / (n + TF_PRIOR);
    (u / f).log2().clamp(-8.0, 2.0)
}

/// Where each field sits in [`TF_FIELDS`], by [`Field`] order.
pub(crate) const TF_INDEX: [Option<usize>; 9] = [
    Some(0),
    Some(1),
    Some(2),
    None,
    None,
    None,
    Some(3),
    Some(4),
    Some(5),
];

/// The levels by index.
pub(crate) const LEVELS: [Level; Level::COUNT] = [
    Level::Exact,
    Level::SpellingVariant,
    Level::Transliteration,
    Level::Phonetic,
    Level::Swapped,
    Level::TokenSubset,
    Level::Similar,
    Level::Partial,
    Level::OneEdit,
    Level::OneDigit,
    Level::DayMonthSwapped,
    Level::YearOffByOne,
    Level::SameYearMonth,
    Level::Different,
];

/// Whether a field's level follows its value's frequency.
pub(crate) fn is_shifted(field: Field, level: Level) -> bool {
    match field {
        Field::GivenName | Field::FamilyName => matches!(
            level,
            Level::Exact | Level::SpellingVariant | Level::Transliteration | Level::Phonetic
        ),
        Field::BirthDate | Field::Address | Field::Locality | Field::Postcode => {
            level == Level::Exact
        }
        _ => false,
    }
}

impl Weights {
    /// Each field's best possible weights, by [`Field`] order: `(shifted, unshifted)`, the best
    /// weight among the levels that follow value frequencies (before the shift) and among the
    /// others. What a field not yet compared could still add to a pair is the larger of
    /// `shifted + shift` and `unshifted`.
    pub(crate) fn best(&self) -> [(f64, f64); 9] {
        let mut best = [(f64::NEG_INFINITY, 0.0f64); 9];
        for (i, &field) in Field::ALL.iter().enumerate() {
            for (l, &level) in LEVELS.iter().enumerate() {
                if self.m_u[i * Level::COUNT + l].is_none() {
                    continue;
                }
                let w = self.weights[i * Level::COUNT + l];
                if is_shifted(field, level) {
                    best[i].0 = best[i].0.max(w);
                } else {
                    best[i].1 = best[i].1.max(w);
                }
            }
        }
        best
    }

    /// The weight of a field's level for a value seen `count` times among `n` records: the
    /// level's weight shifted by the value's rarity (see the module documentation).
    pub fn weight_for(&self, field: Field, level: Level, count: u64, n: usize) -> f64 {
        let base = self.weight(field, level);
        match self.m_u(field, Level::Exact) {
            Some((_, u)) if is_shifted(field, level) && count > 0 => {
                base + shift(count as f64, n as f64, u)
            }
            _ => base,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frequent_values_weigh_less() {
        let w = Weights::default();
        let base = w.weight(Field::GivenName, Level::Exact);
        // one man in nine is Mohamed
        let common = w.weight_for(Field::GivenName, Level::Exact, 110_000, 1_000_000);
        let rare = w.weight_for(Field::GivenName, Level::Exact, 3, 1_000_000);
        assert!(common < base - 3.0, "{common}");
        assert!((rare - (base + 2.0)).abs() < 1e-9, "{rare}");
        // a tiny list says little about frequencies: close to the base weight
        let tiny = w.weight_for(Field::GivenName, Level::Exact, 2, 3);
        assert!((tiny - base).abs() < 0.5, "{tiny}");
    }

    /// The table in the module documentation is the defaults', to two decimals.
    #[test]
    fn documented_table_matches_the_defaults() {
        let w = Weights::default();
        let mut table = String::new();
        for &(field, level, m, u) in DEFAULT_M_U {
            table.push_str(&format!(
                "| {} | {} | {} | {} | {:.2} |\n",
                field.name(),
                level.label(),
                m,
                u,
                w.weight(field, level)
            ));
        }
        let doc = include_str!("weights_table.md");
        if doc != table {
            panic!("weights_table.md is stale; expected:\n{table}");
        }
    }

    #[test]
    fn levels_table_is_in_index_order() {
        for (i, l) in LEVELS.iter().enumerate() {
            assert_eq!(l.index(), i);
        }
    }

    #[test]
    fn weights_are_log_ratios() {
        let w = Weights::default();
        assert!((w.weight(Field::Sex, Level::Exact) - (0.97f64 / 0.5).log2()).abs() < 1e-9);
        assert!(w.weight(Field::NationalId, Level::Different) < 0.0);
        assert_eq!(w.weight(Field::Sex, Level::Transliteration), 0.0);
    }
}
