//! A list of people compiled for linkage: every distinct name, date and place is normalized once
//! into a table, and each person becomes a compact row of table numbers and inline identifiers,
//! stored in the blocking order (family key, given key, birth date) so that records compared
//! together sit near each other in memory.
//!
//! Lists of people repeat their values: a million Moroccans share a few thousand given names,
//! some tens of thousands of family names and dates, and a few thousand douars. Normalizing each
//! value once, and comparing two equal values by their numbers, is what lets linkage read and
//! score a national list in seconds.

use crate::compare::{Date, Field};
use crate::normalize::{self, NameKey};
use crate::Record;
use rustc_hash::FxHashMap;

/// A table number that stands for "no value".
pub(crate) const NONE: u32 = u32::MAX;

/// The most people a list holds: rows and the places of their blocking keys (up to two a pass)
/// are numbered with 32-bit integers.
pub const MAX_PEOPLE: usize = (u32::MAX / 2) as usize;

/// A list refused a person beyond [`MAX_PEOPLE`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ListFull;

impl std::fmt::Display for ListFull {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "a list holds at most {MAX_PEOPLE} people")
    }
}

impl std::error::Error for ListFull {}

/// A normalized identifier (national id, phone): inline when it fits in 15 bytes, else the
/// number of its entry in the list's table of long identifiers. Equal identifiers are equal
/// values of this type, one integer comparison.
///
/// Layout (little-endian): bytes 0–14 hold the identifier (zero-padded) or, for a long one, its
/// number in bytes 0–3; byte 15 holds the length (0: none, [`Ident::LONG`]: long).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub(crate) struct Ident(u128);

impl Ident {
    const LONG: u8 = u8::MAX;
    const INLINE: usize = 15;

    fn new(value: &str, long: &mut Interned) -> Ident {
        let b = value.as_bytes();
        let mut bytes = [0u8; 16];
        if b.len() <= Ident::INLINE {
            bytes[..b.len()].copy_from_slice(b);
            bytes[15] = b.len() as u8;
        } else {
            bytes[..4].copy_from_slice(&long.intern(value).to_le_bytes());
            bytes[15] = Ident::LONG;
        }
        Ident(u128::from_le_bytes(bytes))
    }

    fn len(self) -> u8 {
        (self.0 >> 120) as u8
    }

    pub(crate) fn is_some(self) -> bool {
        self.len() != 0
    }

    /// For two different inline identifiers, whether one edit turns one into the other (one
    /// substitution, insertion or deletion, or two adjacent characters exchanged: see
    /// [`crate::compare::within_one_edit`]), decided on the integers; `None` for a long one.
    pub(crate) fn one_edit(self, other: Ident) -> Option<bool> {
        let (la, lb) = (self.len(), other.len());
        if la == Ident::LONG || lb == Ident::LONG {
            return None;
        }
        if la == lb {
            return Some(crate::compare::one_substitution_or_swap(self.0, other.0));
        }
        if la.abs_diff(lb) > 1 {
            return Some(false);
        }
        let (short, long) = if la < lb {
            (self, other)
        } else {
            (other, self)
        };
        let (s, l) = (short.0.to_le_bytes(), long.0.to_le_bytes());
        let n = usize::from(short.len());
        let first = (0..n).find(|&i| s[i] != l[i]).unwrap_or(n);
        Some(s[first..n] == l[first + 1..=n])
    }

    /// Calls `f` with the identifier's bytes (`None` when there is none).
    pub(crate) fn with_bytes<R>(&self, long: &Interned, f: impl FnOnce(Option<&[u8]>) -> R) -> R {
        let bytes = self.0.to_le_bytes();
        match self.len() {
            0 => f(None),
            Ident::LONG => {
                let i = u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]);
                f(Some(long.values[i as usize].as_bytes()))
            }
            n => f(Some(&bytes[..usize::from(n)])),
        }
    }

    /// A hash of the identifier's bytes (the same for the same identifier).
    pub(crate) fn hash(self, long: &Interned) -> Option<u64> {
        match self.len() {
            0 => None,
            Ident::LONG => {
                let bytes = self.0.to_le_bytes();
                let i = u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]);
                let mut h = crate::hash::Fnv::new();
                h.write(long.values[i as usize].as_bytes());
                Some(h.finish())
            }
            _ => Some(crate::hash::mix(&[self.0 as u64, (self.0 >> 64) as u64])),
        }
    }
}

/// Distinct strings, numbered in order of first appearance.
#[derive(Default)]
pub(crate) struct Interned {
    numbers: FxHashMap<Box<str>, u32>,
    pub(crate) values: Vec<Box<str>>,
}

impl Interned {
    fn intern(&mut self, value: &str) -> u32 {
        if let Some(&n) = self.numbers.get(value) {
            return n;
        }
        let n = self.values.len() as u32;
        self.numbers.insert(value.into(), n);
        self.values.push(value.into());
        n
    }
}

/// Values of one kind read from a list: each text as written is normalized once; texts that
/// normalize to the same value share its number (or [`NONE`] when nothing is left).
struct Table<V> {
    by_text: FxHashMap<Box<str>, u32>,
    by_value: FxHashMap<V, u32>,
    values: Vec<V>,
    normalize: fn(&str) -> Option<V>,
}

impl<V: Clone + Eq + std::hash::Hash> Table<V> {
    fn new(normalize: fn(&str) -> Option<V>) -> Table<V> {
        Table {
            by_text: FxHashMap::default(),
            by_value: FxHashMap::default(),
            values: Vec::new(),
            normalize,
        }
    }

    fn number(&mut self, text: Option<&str>) -> u32 {
        let Some(text) = text else { return NONE };
        if let Some(&n) = self.by_text.get(text) {
            return n;
        }
        let n = match (self.normalize)(text) {
            None => NONE,
            Some(value) => match self.by_value.get(&value) {
                Some(&n) => n,
                None => {
                    let n = self.values.len() as u32;
                    self.by_value.insert(value.clone(), n);
                    self.values.push(value);
                    n
                }
            },
        };
        self.by_text.insert(text.into(), n);
        n
    }
}

/// One person: table numbers ([`NONE`] when missing) and inline identifiers.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Row {
    pub(crate) national_id: Ident,
    pub(crate) phone: Ident,
    pub(crate) given: u32,
    pub(crate) family: u32,
    pub(crate) date: u32,
    pub(crate) address: u32,
    pub(crate) locality: u32,
    pub(crate) postcode: u32,
    /// `b'M'`, `b'F'`, or 0.
    pub(crate) sex: u8,
}

/// Reads people one at a time into a [`List`].
pub struct ListBuilder {
    /// Given and family names together (a name's key keeps how it was spelled, for "exact").
    names: Table<NameKey>,
    dates: Table<Date>,
    address: Table<Box<str>>,
    locality: Table<Box<str>>,
    postcode: Table<Box<str>>,
    long_idents: Interned,
    /// The buffer identifiers are normalized into, one after the other.
    scratch: String,
    rows: Vec<Row>,
}

impl Default for ListBuilder {
    fn default() -> ListBuilder {
        ListBuilder::new()
    }
}

fn trimmed(value: Option<&str>) -> Option<&str> {
    value.map(str::trim).filter(|s| !s.is_empty())
}

impl ListBuilder {
    pub fn new() -> ListBuilder {
        ListBuilder {
            names: Table::new(NameKey::new),
            dates: Table::new(Date::parse),
            address: Table::new(normalize::text_key),
            locality: Table::new(normalize::text_key),
            postcode: Table::new(normalize::postcode),
            long_idents: Interned::default(),
            scratch: String::new(),
            rows: Vec::new(),
        }
    }

    /// The number of people read so far.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// An identifier normalized into the reused buffer, then kept inline (or in the table of
    /// long ones).
    fn ident(&mut self, text: Option<&str>, normalize: fn(&str, &mut String) -> bool) -> Ident {
        match text {
            Some(t) if normalize(t, &mut self.scratch) => {
                Ident::new(&self.scratch, &mut self.long_idents)
            }
            _ => Ident::default(),
        }
    }

    /// Adds a person from the values of its fields, in [`Field::ALL`] order (`None` or blank
    /// when missing); refused once the list holds [`MAX_PEOPLE`].
    pub fn push(&mut self, values: &[Option<&str>; 9]) -> Result<(), ListFull> {
        if self.rows.len() >= MAX_PEOPLE {
            return Err(ListFull);
        }
        let v = |f: Field| trimmed(values[f.index()]);
        let row = Row {
            national_id: self.ident(v(Field::NationalId), normalize::national_id_into),
            phone: self.ident(v(Field::Phone), normalize::phone_into),
            given: self.names.number(v(Field::GivenName)),
            family: self.names.number(v(Field::FamilyName)),
            date: self.dates.number(v(Field::BirthDate)),
            address: self.address.number(v(Field::Address)),
            locality: self.locality.number(v(Field::Locality)),
            postcode: self.postcode.number(v(Field::Postcode)),
            sex: v(Field::Sex).and_then(normalize::sex).unwrap_or(0),
        };
        self.rows.push(row);
        Ok(())
    }

    /// Adds a [`Record`].
    pub fn push_record(&mut self, r: &Record) -> Result<(), ListFull> {
        self.push(&[
            r.given_name.as_deref(),
            r.family_name.as_deref(),
            r.birth_date.as_deref(),
            r.sex.as_deref(),
            r.national_id.as_deref(),
            r.phone.as_deref(),
            r.address.as_deref(),
            r.locality.as_deref(),
            r.postcode.as_deref(),
        ])
    }

    /// Makes room for `additional` more people, when the caller can estimate their number (an
    /// estimate: when the room cannot be had, rows grow as they come).
    pub fn reserve(&mut self, additional: usize) {
        let _ = self.rows.try_reserve(additional.min(MAX_PEOPLE));
    }

    /// Puts the rows in blocking order and counts how often each value occurs.
    pub fn finish(mut self) -> List {
        let names: Vec<NameInfo> = self.names.values.iter().map(NameInfo::new).collect();
        let sort_key = |r: &Row| {
            let name = |n: u32| {
                if n == NONE {
                    0
                } else {
                    names[n as usize].order
                }
            };
            let date = if r.date == NONE {
                0
            } else {
                let d = self.dates.values[r.date as usize];
                u32::from(d.year) * 10_000 + u32::from(d.month) * 100 + u32::from(d.day)
            };
            (name(r.family), name(r.given), date)
        };
        let mut order: Vec<(u64, u64, u32, u32)> = self
            .rows
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let (f, g, d) = sort_key(r);
                (f, g, d, i as u32)
            })
            .collect();
        rayon::slice::ParallelSliceMut::par_sort_unstable(&mut order[..]);
        let input: Vec<u32> = order.into_iter().map(|o| o.3).collect();
        permute(&mut self.rows, &input);
        let rows = self.rows;

        let mut counts = Counts {
            given: vec![0; names.len()],
            family: vec![0; names.len()],
            date: vec![0; self.dates.values.len()],
            address: vec![0; self.address.values.len()],
            locality: vec![0; self.locality.values.len()],
            postcode: vec![0; self.postcode.values.len()],
        };
        for r in &rows {
            let count = |v: &mut Vec<u32>, n: u32| {
                if n != NONE {
                    v[n as usize] += 1;
                }
            };
            count(&mut counts.given, r.given);
            count(&mut counts.family, r.family);
            count(&mut counts.date, r.date);
            count(&mut counts.address, r.address);
            count(&mut counts.locality, r.locality);
            count(&mut counts.postcode, r.postcode);
        }
        // Names count by their bare skeleton: spelling variants of a name share its frequency.
        let mut skeletons: FxHashMap<&str, u32> = FxHashMap::default();
        let group: Vec<u32> = self
            .names
            .values
            .iter()
            .map(|k| {
                let next = skeletons.len() as u32;
                *skeletons.entry(k.bare_skeleton()).or_insert(next)
            })
            .collect();
        let regroup = |per_name: &[u32]| -> Vec<u32> {
            let mut per_group = vec![0u32; skeletons.len()];
            for (n, &c) in per_name.iter().enumerate() {
                per_group[group[n] as usize] += c;
            }
            group.iter().map(|&g| per_group[g as usize]).collect()
        };
        counts.given = regroup(&counts.given);
        counts.family = regroup(&counts.family);

        List {
            rows,
            input,
            names,
            name_keys: self.names.values,
            date_digits: self.dates.values.iter().map(|d| d.digit_word()).collect(),
            dates: self.dates.values,
            address: self.address.values,
            locality: self.locality.values,
            postcode: self.postcode.values,
            long_idents: self.long_idents,
            counts,
        }
    }
}

/// Reorders `rows` in place so that `rows[i]` becomes the old `rows[from[i]]` (`from` is a
/// permutation), following each cycle once.
fn permute(rows: &mut [Row], from: &[u32]) {
    let mut done = vec![false; rows.len()];
    for start in 0..rows.len() {
        if done[start] {
            continue;
        }
        let first = rows[start];
        let mut i = start;
        loop {
            done[i] = true;
            let next = from[i] as usize;
            if next == start {
                rows[i] = first;
                break;
            }
            rows[i] = rows[next];
            i = next;
        }
    }
}

/// What blocking and ordering need of a name, computed once per distinct name.
pub(crate) struct NameInfo {
    /// The first eight bytes of the bare key, as a big-endian integer (orders like the key).
    pub(crate) order: u64,
    /// Hashes of the bare skeleton's first two and first four letters.
    pub(crate) skeleton2: u64,
    pub(crate) skeleton4: u64,
}

impl NameInfo {
    fn new(k: &NameKey) -> NameInfo {
        let prefix = |s: &str, n: usize| -> u64 {
            let b = s.as_bytes();
            let mut h = crate::hash::Fnv::new();
            h.write(&b[..n.min(b.len())]);
            h.finish()
        };
        let mut order = [0u8; 8];
        let key = k.bare_key().as_bytes();
        let len = key.len().min(8);
        order[..len].copy_from_slice(&key[..len]);
        NameInfo {
            order: u64::from_be_bytes(order),
            skeleton2: prefix(k.bare_skeleton(), 2),
            skeleton4: prefix(k.bare_skeleton(), 4),
        }
    }
}

/// How many rows hold each value (names: each name's bare-skeleton group, as given and as
/// family name).
pub(crate) struct Counts {
    pub(crate) given: Vec<u32>,
    pub(crate) family: Vec<u32>,
    pub(crate) date: Vec<u32>,
    pub(crate) address: Vec<u32>,
    pub(crate) locality: Vec<u32>,
    pub(crate) postcode: Vec<u32>,
}

/// People compiled for linkage (see the module documentation). Build one with [`ListBuilder`].
pub struct List {
    /// In blocking order; `input[i]` is row `i`'s position in the input.
    pub(crate) rows: Vec<Row>,
    pub(crate) input: Vec<u32>,
    pub(crate) names: Vec<NameInfo>,
    pub(crate) name_keys: Vec<NameKey>,
    pub(crate) dates: Vec<Date>,
    /// Each date's [`Date::digit_word`].
    pub(crate) date_digits: Vec<u64>,
    pub(crate) address: Vec<Box<str>>,
    pub(crate) locality: Vec<Box<str>>,
    pub(crate) postcode: Vec<Box<str>>,
    pub(crate) long_idents: Interned,
    pub(crate) counts: Counts,
}

impl List {
    /// Compiles records (the first [`MAX_PEOPLE`] of them).
    pub fn from_records(records: &[Record]) -> List {
        let mut b = ListBuilder::new();
        for r in records {
            if b.push_record(r).is_err() {
                break;
            }
        }
        b.finish()
    }

    /// The number of people.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    pub(crate) fn name(&self, n: u32) -> Option<&NameKey> {
        (n != NONE).then(|| &self.name_keys[n as usize])
    }

    pub(crate) fn date(&self, n: u32) -> Option<Date> {
        (n != NONE).then(|| self.dates[n as usize])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The integer one-edit test is the byte-by-byte one.
    #[test]
    fn one_edit_on_integers_is_the_bytewise_one() {
        let mut long = Interned::default();
        let values = [
            "A012345",
            "A012354",
            "A01234",
            "AA012345",
            "A0123456",
            "B012345",
            "012345",
            "A012345X",
            "XA012345",
            "A1",
            "A",
            "2126619290",
            "212661929",
            "21266192900",
            "ABCDEFGHIJKLMNOPQ",
        ];
        for a in values {
            for b in values {
                let (x, y) = (Ident::new(a, &mut long), Ident::new(b, &mut long));
                if x == y {
                    continue;
                }
                let expected = crate::compare::within_one_edit(a.as_bytes(), b.as_bytes());
                if let Some(got) = x.one_edit(y) {
                    assert_eq!(got, expected, "{a} {b}");
                } else {
                    assert!(a.len() > 15 || b.len() > 15, "{a} {b}");
                }
            }
        }
    }

    #[test]
    fn permutes_in_place() {
        let row = |given: u32| Row {
            national_id: Ident::default(),
            phone: Ident::default(),
            given,
            family: NONE,
            date: NONE,
            address: NONE,
            locality: NONE,
            postcode: NONE,
            sex: 0,
        };
        let mut rows: Vec<Row> = (0..7).map(row).collect();
        let from = [3u32, 0, 6, 1, 2, 5, 4];
        permute(&mut rows, &from);
        let got: Vec<u32> = rows.iter().map(|r| r.given).collect();
        assert_eq!(got, from.to_vec());
    }

    /// The identifiers a list keeps read back as the normalizers write them, short or long.
    #[test]
    fn identifiers_read_as_the_normalizers_write_them() {
        let mut b = ListBuilder::new();
        let cases = [
            "EE 123456",
            "ee123456",
            "A-012.345",
            "ABCDEFGHIJKLMNOPQRST",
            "",
            "   ",
            "é",
            "06 61 92 90 23",
            "+212 661 92 90 23",
            "00212661929023",
            "+212 0661929023",
            "0661929023",
            "661929023",
            "12345",
            "123456",
            "+33 6 12 34 56 78",
            "0033612345678",
            "1234567890123456789",
        ];
        for c in cases {
            let n = b.ident(Some(c), normalize::national_id_into);
            let expected = normalize::national_id(c);
            assert_eq!(n.len() == 0, expected.is_none(), "{c}");
            if let Some(e) = &expected {
                n.with_bytes(&b.long_idents, |x| assert_eq!(x, Some(e.as_bytes()), "{c}"));
            }
            let p = b.ident(Some(c), normalize::phone_into);
            let expected = normalize::phone(c);
            assert_eq!(p.len() == 0, expected.is_none(), "phone {c}");
            if let Some(e) = &expected {
                p.with_bytes(&b.long_idents, |x| {
                    assert_eq!(x, Some(e.as_bytes()), "phone {c}")
                });
            }
        }
    }
}
