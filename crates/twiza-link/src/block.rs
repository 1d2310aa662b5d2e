//! Blocking: which pairs of records are compared at all, so that deduplication scales to
//! millions of people without comparing every pair.
//!
//! Each record gets up to eight blocking keys in seven passes; two records are candidates when they share a key
//! in any pass, or are neighbours in the sorted-neighbourhood pass:
//!
//! | pass | key |
//! |---|---|
//! | `family_year` | family-name skeleton (4 letters) + birth year |
//! | `given_family_month` | given-name skeleton (4) + family-name skeleton (2) + birth month |
//! | `national_id` | the national id |
//! | `phone` | the phone (E.164) |
//! | `place_names` | postcode (else locality key) + given skeleton (2) + family skeleton (2) |
//! | `name_pair` | the two name skeletons (4 each) in alphabetical order: catches exchanged given and family names and wrong birth dates |
//! | `date_name` | two keys: full birth date + given skeleton (2), full birth date + family skeleton (2) — one pass, so records with exchanged names meet too |
//! | sorted neighbourhood | every record against the next `neighbourhood` records in the order of (family key, given key, birth date) |
//!
//! Skeletons (see [`crate::normalize`]) are shared by spelling variants and by Arabic and Latin
//! spellings of a name, so these keys survive transliteration.
//!
//! **Large blocks.** A block of at most `max_block` records is compared all pairs with all. A
//! larger one (say "Mohamed" + "Alami" + 1980 in a national registry) is not: its records are
//! sorted by the same (family key, given key, birth date) order and each is compared with the
//! next `window − 1` records only, so a block of `k` records costs `k × window` comparisons, not
//! `k²/2`. The total number of candidate pairs is thus at most `n × (passes × max(max_block,
//! window) + neighbourhood)`, linear in `n`.
//!
//! Candidate pairs are packed as `u64` (`a << 32 | b`, `a < b`), sorted and deduplicated once.

use crate::normalize::NameKey;
use crate::Prepared;
use rayon::prelude::*;

/// The sizes that bound blocking.
#[derive(Clone, Debug)]
pub struct BlockingConfig {
    /// Blocks up to this size are compared all pairs with all.
    pub max_block: usize,
    /// In larger blocks, each record is compared with the next `window - 1` in sort order.
    pub window: usize,
    /// The sorted-neighbourhood window over the whole list.
    pub neighbourhood: usize,
}

impl Default for BlockingConfig {
    fn default() -> BlockingConfig {
        BlockingConfig {
            max_block: 40,
            window: 12,
            neighbourhood: 6,
        }
    }
}

#[derive(Clone, Copy, Debug)]
enum Pass {
    FamilyYear,
    GivenFamilyMonth,
    NationalId,
    Phone,
    PlaceNames,
    NamePair,
    DateName,
}

const PASSES: [Pass; 7] = [
    Pass::FamilyYear,
    Pass::GivenFamilyMonth,
    Pass::NationalId,
    Pass::Phone,
    Pass::PlaceNames,
    Pass::NamePair,
    Pass::DateName,
];

fn prefix(s: &str, n: usize) -> &[u8] {
    let b = s.as_bytes();
    &b[..n.min(b.len())]
}

/// A record's keys in a pass (most passes have one).
fn keys(pass: Pass, r: &Prepared) -> [Option<u64>; 2] {
    if let Pass::DateName = pass {
        let date_and = |name: Option<&NameKey>| {
            let mut h = crate::hash::Fnv::new();
            h.write(&[pass as u8]);
            h.write(&r.date?.digits());
            h.write(prefix(name?.bare_skeleton(), 2));
            Some(h.finish())
        };
        return [date_and(r.given.as_ref()), date_and(r.family.as_ref())];
    }
    [key(pass, r), None]
}

fn key(pass: Pass, r: &Prepared) -> Option<u64> {
    let mut h = crate::hash::Fnv::new();
    h.write(&[pass as u8]);
    let given = r.given.as_ref().map(NameKey::bare_skeleton);
    let family = r.family.as_ref().map(NameKey::bare_skeleton);
    match pass {
        Pass::FamilyYear => {
            h.write(prefix(family?, 4));
            h.write(&r.date?.year.to_le_bytes());
        }
        Pass::GivenFamilyMonth => {
            let d = r.date?;
            h.write(prefix(given?, 4));
            h.write(b"|");
            h.write(prefix(family?, 2));
            h.write(&[d.month]);
        }
        Pass::NationalId => h.write(r.national_id.as_deref()?.as_bytes()),
        Pass::Phone => h.write(r.phone.as_deref()?.as_bytes()),
        Pass::PlaceNames => {
            let place = r.postcode.as_deref().or(r.locality.as_deref())?;
            h.write(place.as_bytes());
            h.write(b"|");
            h.write(prefix(given?, 2));
            h.write(b"|");
            h.write(prefix(family?, 2));
        }
        Pass::NamePair => {
            let (g, f) = (prefix(given?, 4), prefix(family?, 4));
            let (x, y) = if g <= f { (g, f) } else { (f, g) };
            h.write(x);
            h.write(b"|");
            h.write(y);
        }
        Pass::DateName => return None,
    }
    Some(h.finish())
}

/// The first eight bytes of a key as a big-endian integer (orders like the key's prefix).
fn be_prefix(s: &str) -> u64 {
    let mut b = [0u8; 8];
    let p = prefix(s, 8);
    b[..p.len()].copy_from_slice(p);
    u64::from_be_bytes(b)
}

fn pack(a: u32, b: u32) -> u64 {
    let (a, b) = if a < b { (a, b) } else { (b, a) };
    (u64::from(a) << 32) | u64::from(b)
}

/// The candidate pairs of `records`, each once, as `(a << 32) | b` with `a < b`, sorted.
pub(crate) fn candidate_pairs(records: &[Prepared], config: &BlockingConfig) -> Vec<u64> {
    // One global order: by family key, given key, birth date (their first bytes as integers).
    let mut keyed_order: Vec<(u64, u64, u32, u32)> = records
        .par_iter()
        .enumerate()
        .map(|(i, r)| {
            let (family, given, date) = r.sort_key();
            (be_prefix(family), be_prefix(given), date, i as u32)
        })
        .collect();
    keyed_order.par_sort_unstable();
    let order: Vec<u32> = keyed_order.into_iter().map(|k| k.3).collect();
    let mut rank = vec![0u32; order.len()];
    for (pos, &i) in order.iter().enumerate() {
        rank[i as usize] = pos as u32;
    }
    let window = config.window.max(2);
    let max_block = config.max_block.max(2);
    let mut per_pass: Vec<Vec<u64>> = PASSES
        .par_iter()
        .map(|&pass| {
            let mut keyed: Vec<(u64, u32, u32)> = Vec::with_capacity(records.len());
            for (i, r) in records.iter().enumerate() {
                let [k1, k2] = keys(pass, r);
                if let Some(k) = k1 {
                    keyed.push((k, rank[i], i as u32));
                }
                if let Some(k) = k2.filter(|&k| Some(k) != k1) {
                    keyed.push((k, rank[i], i as u32));
                }
            }
            keyed.sort_unstable();
            let mut pairs = Vec::new();
            for block in keyed.chunk_by(|x, y| x.0 == y.0) {
                if block.len() <= max_block {
                    for (i, x) in block.iter().enumerate() {
                        for y in &block[i + 1..] {
                            if x.2 != y.2 {
                                pairs.push(pack(x.2, y.2));
                            }
                        }
                    }
                } else {
                    for (i, x) in block.iter().enumerate() {
                        for y in block.iter().skip(i + 1).take(window - 1) {
                            if x.2 != y.2 {
                                pairs.push(pack(x.2, y.2));
                            }
                        }
                    }
                }
            }
            pairs
        })
        .collect();
    let mut neighbours = Vec::with_capacity(order.len() * config.neighbourhood);
    for (pos, &i) in order.iter().enumerate() {
        for &j in order.iter().skip(pos + 1).take(config.neighbourhood) {
            neighbours.push(pack(i, j));
        }
    }
    per_pass.push(neighbours);
    let total = per_pass.iter().map(Vec::len).sum();
    let mut all = Vec::with_capacity(total);
    for p in per_pass {
        all.extend_from_slice(&p);
    }
    all.par_sort_unstable();
    all.dedup();
    all
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Record;

    fn rec(given: &str, family: &str, date: &str) -> Record {
        Record {
            given_name: Some(given.into()),
            family_name: Some(family.into()),
            birth_date: Some(date.into()),
            ..Record::default()
        }
    }

    fn pairs(records: &[Record], config: &BlockingConfig) -> Vec<(u32, u32)> {
        let prepared: Vec<Prepared> = records.iter().map(Prepared::new).collect();
        candidate_pairs(&prepared, config)
            .into_iter()
            .map(|p| ((p >> 32) as u32, p as u32))
            .collect()
    }

    /// With the sorted neighbourhood off, each kind of error still leaves a shared key.
    #[test]
    fn every_single_error_keeps_a_shared_key() {
        let config = BlockingConfig {
            neighbourhood: 0,
            ..BlockingConfig::default()
        };
        let base = rec("Mohamed", "El Idrissi", "1980-03-07");
        let variants = [
            rec("محمد", "الإدريسي", "1980-03-07"),
            rec("Mohammed", "Elidrissi", "1981-03-07"),
            rec("El Idrissi", "Mohamed", "1980-03-07"),
            rec("Mohamed", "El Idrissi", "1980-07-03"),
            rec("Mohamed", "Zdrissi", "1980-03-07"),
            rec("Xohamed", "El Idrissi", "1980-03-07"),
            Record {
                birth_date: None,
                ..base.clone()
            },
            Record {
                family_name: None,
                ..base.clone()
            },
        ];
        for v in variants {
            let found = pairs(&[base.clone(), v.clone()], &config);
            assert_eq!(found, vec![(0, 1)], "{v:?}");
        }
        let stranger = rec("Khadija", "Bennani", "1955-11-30");
        assert!(pairs(&[base, stranger], &config).is_empty());
    }

    #[test]
    fn ids_and_phones_block_alone() {
        let config = BlockingConfig {
            neighbourhood: 0,
            ..BlockingConfig::default()
        };
        let a = Record {
            national_id: Some("EE123456".into()),
            phone: Some("0661234567".into()),
            ..rec("Ahmed", "Amrani", "1970-01-01")
        };
        let b = Record {
            national_id: Some("ee 123456".into()),
            ..rec("Youssef", "Bennani", "1990-05-05")
        };
        let c = Record {
            phone: Some("+212 661 23 45 67".into()),
            ..rec("Hassan", "Tazi", "1960-06-06")
        };
        assert_eq!(pairs(&[a, b, c], &config), vec![(0, 1), (0, 2)]);
    }

    #[test]
    fn large_blocks_are_windowed_not_quadratic() {
        let config = BlockingConfig {
            max_block: 10,
            window: 5,
            neighbourhood: 0,
        };
        let records: Vec<Record> = (0..1000)
            .map(|i| {
                rec(
                    "Mohamed",
                    "Alami",
                    &format!("1980-{:02}-{:02}", i % 12 + 1, i % 28 + 1),
                )
            })
            .collect();
        let found = pairs(&records, &config);
        // every pass's block holds all 1,000 (or is split by date): at most 4 pairs per record
        // per pass
        assert!(found.len() <= 1000 * 4 * PASSES.len(), "{}", found.len());
        assert!(!found.is_empty());
    }
}
