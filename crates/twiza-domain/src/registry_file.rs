//! Household files (CSV, UTF-8): one row per person, the rows of a household together, read as
//! a stream of validated households or of per-row errors (row, field, code). The same rules as
//! the forms apply to every field; across the file, a household's rows must be contiguous and a
//! national identity number may appear once.
//!
//! Columns (header names, any order): `household` (the file's own key for the household),
//! `commune` (HCP code), `douar`, `address`, `housing_damage`, the living conditions (`rooms`,
//! `piped_water`, `electricity`, `flush_toilet`, `owns_home`, `refrigerator`, `television`,
//! `car`, `livestock_heads`), an imported index (`socio_economic_index`, `index_source`,
//! `index_date`), consent (`consent_purpose`, `legal_basis`, `consent_channel`), and per person
//! `given_name_ar`, `family_name_ar`, `given_name_lat`, `family_name_lat`, `sex`,
//! `birth_date`, `relation`, `disability`, `schooling`, `phone`, `cin`, `idcs`. Household
//! columns are read from a household's first row.

use crate::pmt::parse_index;
use crate::registry::{
    check_members, parse_birth_date, HouseholdInput, LivingConditions, NewConsent, NewHousehold,
    NewPerson, PersonInput,
};
use crate::text::FieldError;
use std::collections::{HashMap, HashSet};
use std::hash::BuildHasher;
use std::io::Read;
use time::Date;

/// Every column a household file may have.
pub const COLUMNS: &[&str] = &[
    "household",
    "commune",
    "douar",
    "address",
    "housing_damage",
    "rooms",
    "piped_water",
    "electricity",
    "flush_toilet",
    "owns_home",
    "refrigerator",
    "television",
    "car",
    "livestock_heads",
    "socio_economic_index",
    "index_source",
    "index_date",
    "consent_purpose",
    "legal_basis",
    "consent_channel",
    "given_name_ar",
    "family_name_ar",
    "given_name_lat",
    "family_name_lat",
    "sex",
    "birth_date",
    "relation",
    "disability",
    "schooling",
    "phone",
    "cin",
    "idcs",
];

/// Columns without which a file is refused before any row is read.
const REQUIRED: &[&str] = &[
    "household",
    "commune",
    "sex",
    "birth_date",
    "relation",
    "consent_purpose",
    "legal_basis",
    "consent_channel",
];

/// An error at a row (1 is the header) and field of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    pub row: u64,
    pub field: String,
    pub code: &'static str,
}

impl RowError {
    fn new(row: u64, field: &str, code: &'static str) -> RowError {
        RowError {
            row,
            field: field.to_owned(),
            code,
        }
    }
}

/// An imported index value.
#[derive(Debug, Clone, PartialEq)]
pub struct FileIndex {
    pub value: f64,
    pub source: String,
    pub effective_on: Date,
}

/// A valid household of the file.
#[derive(Debug, Clone, PartialEq)]
pub struct FileHousehold {
    /// The file's key for it.
    pub key: String,
    /// The row of its first member.
    pub row: u64,
    pub household: NewHousehold,
    pub living: LivingConditions,
    pub index: Option<FileIndex>,
    pub consent: NewConsent,
    pub members: Vec<NewPerson>,
}

/// A file that cannot be read at all (nothing of it is used).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FileError {
    /// Saved as UTF-16 (a byte-order mark says so): it must be saved as UTF-8.
    #[error("file_not_utf8")]
    Utf16,
    #[error("{0:?}")]
    Header(Vec<RowError>),
    #[error("file_unreadable")]
    Unreadable,
}

impl FileError {
    pub fn code(&self) -> &'static str {
        match self {
            FileError::Utf16 => "file_not_utf8",
            FileError::Header(_) => "file_columns",
            FileError::Unreadable => "file_unreadable",
        }
    }
}

/// A streaming reader of a household file.
pub struct HouseholdFile<R: Read> {
    records: csv::ByteRecordsIntoIter<R>,
    columns: HashMap<String, usize>,
    today: Date,
    row: u64,
    /// The next household's first row, read ahead.
    pending: Option<(u64, csv::ByteRecord)>,
    /// Keys of the households already read (hashed: millions fit in little memory).
    keys_seen: HashSet<u64>,
    /// National identity numbers seen (hashed).
    cins_seen: HashSet<u64>,
    hasher: std::collections::hash_map::RandomState,
    done: bool,
}

fn cell(record: &csv::ByteRecord, at: Option<usize>) -> Result<&str, ()> {
    match at.and_then(|i| record.get(i)) {
        None => Ok(""),
        Some(bytes) => std::str::from_utf8(bytes).map_err(|_| ()),
    }
}

fn parse_flag(field: &'static str, raw: &str) -> Result<Option<bool>, FieldError> {
    match raw.trim().to_ascii_lowercase().as_str() {
        "" => Ok(None),
        "1" | "yes" | "true" | "oui" | "نعم" => Ok(Some(true)),
        "0" | "no" | "false" | "non" | "لا" => Ok(Some(false)),
        _ => Err(FieldError::new(field, "validation")),
    }
}

fn parse_count(field: &'static str, raw: &str) -> Result<Option<i64>, FieldError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    match raw.parse::<i64>() {
        Ok(n) if (0..=1000).contains(&n) => Ok(Some(n)),
        _ => Err(FieldError::new(field, "validation")),
    }
}

/// The input of an opened file: the sniffed first bytes put back in front of the rest.
pub type Sniffed<R> = std::io::Chain<std::io::Cursor<Vec<u8>>, R>;

impl<R: Read> HouseholdFile<R> {
    /// Reads the header; refuses UTF-16 files, unknown and missing columns.
    pub fn open(mut input: R, today: Date) -> Result<HouseholdFile<Sniffed<R>>, FileError> {
        // Sniff the byte-order mark, then put the bytes back (without a UTF-8 one).
        let mut head = [0u8; 3];
        let mut got = 0;
        while got < 3 {
            match input.read(&mut head[got..]) {
                Ok(0) => break,
                Ok(n) => got += n,
                Err(_) => return Err(FileError::Unreadable),
            }
        }
        let head = &head[..got];
        if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
            return Err(FileError::Utf16);
        }
        let prefix = if head.starts_with(&[0xEF, 0xBB, 0xBF]) {
            Vec::new()
        } else {
            head.to_vec()
        };
        let chained = std::io::Cursor::new(prefix).chain(input);
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .flexible(true)
            .from_reader(chained);
        let header = reader
            .byte_headers()
            .map_err(|_| FileError::Unreadable)?
            .clone();
        let mut columns = HashMap::new();
        let mut errors = Vec::new();
        for (i, name) in header.iter().enumerate() {
            let Ok(name) = std::str::from_utf8(name) else {
                errors.push(RowError::new(
                    1,
                    &format!("column {}", i + 1),
                    "file_not_utf8",
                ));
                continue;
            };
            let name = name.trim().to_ascii_lowercase();
            if !COLUMNS.contains(&name.as_str()) {
                errors.push(RowError::new(1, &name, "unknown_column"));
            } else if columns.insert(name.clone(), i).is_some() {
                errors.push(RowError::new(1, &name, "column_repeated"));
            }
        }
        for required in REQUIRED {
            if !columns.contains_key(*required) {
                errors.push(RowError::new(1, required, "column_missing"));
            }
        }
        for pair in [
            ["given_name_ar", "given_name_lat"],
            ["family_name_ar", "family_name_lat"],
        ] {
            if !pair.iter().any(|c| columns.contains_key(*c)) {
                errors.push(RowError::new(1, pair[1], "column_missing"));
            }
        }
        if !errors.is_empty() {
            return Err(FileError::Header(errors));
        }
        Ok(HouseholdFile {
            records: reader.into_byte_records(),
            columns,
            today,
            row: 1,
            pending: None,
            keys_seen: HashSet::new(),
            cins_seen: HashSet::new(),
            hasher: std::collections::hash_map::RandomState::new(),
            done: false,
        })
    }
}

impl<R: Read> HouseholdFile<R> {
    fn at(&self, name: &str) -> Option<usize> {
        self.columns.get(name).copied()
    }

    fn hash(&self, value: &str) -> u64 {
        self.hasher.hash_one(value)
    }

    fn next_record(&mut self) -> Option<Result<(u64, csv::ByteRecord), RowError>> {
        if let Some(p) = self.pending.take() {
            return Some(Ok(p));
        }
        if self.done {
            return None;
        }
        loop {
            match self.records.next() {
                None => {
                    self.done = true;
                    return None;
                }
                Some(Ok(record)) => {
                    self.row += 1;
                    // A row of empty cells (a spreadsheet's empty row) is skipped but counted,
                    // so the report's rows are the sheet's.
                    if !record.iter().all(|f| f.iter().all(u8::is_ascii_whitespace)) {
                        return Some(Ok((self.row, record)));
                    }
                }
                Some(Err(_)) => {
                    self.row += 1;
                    self.done = true;
                    return Some(Err(RowError::new(self.row, "", "file_unreadable")));
                }
            }
        }
    }

    /// The key of a record, or an error.
    fn key_of(&self, row: u64, record: &csv::ByteRecord) -> Result<String, RowError> {
        let key = cell(record, self.at("household"))
            .map_err(|_| RowError::new(row, "household", "file_not_utf8"))?
            .trim();
        if key.is_empty() || key.len() > 100 {
            return Err(RowError::new(row, "household", "required"));
        }
        Ok(key.to_owned())
    }

    /// Validates one household from its rows.
    fn household(
        &mut self,
        key: String,
        rows: Vec<(u64, csv::ByteRecord)>,
    ) -> Result<FileHousehold, Vec<RowError>> {
        let mut errors = Vec::new();
        let (first_row, first) = (rows[0].0, &rows[0].1);
        let text = |record: &csv::ByteRecord,
                    row: u64,
                    name: &str,
                    errors: &mut Vec<RowError>|
         -> String {
            match cell(record, self.columns.get(name).copied()) {
                Ok(s) => s.to_owned(),
                Err(()) => {
                    errors.push(RowError::new(row, name, "file_not_utf8"));
                    String::new()
                }
            }
        };
        let h = |name: &str, errors: &mut Vec<RowError>| text(first, first_row, name, errors);
        let (commune, douar, address, damage) = (
            h("commune", &mut errors),
            h("douar", &mut errors),
            h("address", &mut errors),
            h("housing_damage", &mut errors),
        );
        let household = NewHousehold::parse(&HouseholdInput {
            commune: &commune,
            douar: &douar,
            address: &address,
            housing_damage: &damage,
        })
        .map_err(|es| {
            errors.extend(
                es.into_iter()
                    .map(|e| RowError::new(first_row, e.field, e.code)),
            );
        })
        .ok();
        // A living-condition cell: parsed, its error recorded against the household's first row.
        fn cell_value<T>(
            parse: fn(&'static str, &str) -> Result<Option<T>, FieldError>,
            name: &'static str,
            raw: &str,
            row: u64,
            errors: &mut Vec<RowError>,
        ) -> Option<T> {
            parse(name, raw)
                .map_err(|e| errors.push(RowError::new(row, e.field, e.code)))
                .ok()
                .flatten()
        }
        let count = |name: &'static str, errors: &mut Vec<RowError>| {
            let raw = h(name, errors);
            cell_value(parse_count, name, &raw, first_row, errors)
        };
        let rooms = count("rooms", &mut errors);
        let flag = |name: &'static str, errors: &mut Vec<RowError>| {
            let raw = h(name, errors);
            cell_value(parse_flag, name, &raw, first_row, errors)
        };
        let living = LivingConditions {
            rooms,
            piped_water: flag("piped_water", &mut errors),
            electricity: flag("electricity", &mut errors),
            flush_toilet: flag("flush_toilet", &mut errors),
            owns_home: flag("owns_home", &mut errors),
            refrigerator: flag("refrigerator", &mut errors),
            television: flag("television", &mut errors),
            car: flag("car", &mut errors),
            livestock_heads: count("livestock_heads", &mut errors),
        };
        let index_raw = h("socio_economic_index", &mut errors);
        let index = if index_raw.trim().is_empty() {
            None
        } else {
            let value = parse_index("socio_economic_index", &index_raw);
            let source = h("index_source", &mut errors);
            let source = source.trim();
            let date = parse_birth_date("index_date", &h("index_date", &mut errors), self.today);
            match (value, date) {
                (Ok(value), Ok(effective_on)) if !source.is_empty() && source.len() <= 40 => {
                    Some(FileIndex {
                        value,
                        source: source.to_owned(),
                        effective_on,
                    })
                }
                (v, d) => {
                    if let Err(e) = v {
                        errors.push(RowError::new(first_row, e.field, e.code));
                    }
                    if let Err(e) = d {
                        errors.push(RowError::new(first_row, e.field, e.code));
                    }
                    if source.is_empty() || source.len() > 40 {
                        errors.push(RowError::new(first_row, "index_source", "required"));
                    }
                    None
                }
            }
        };
        let consent = NewConsent::parse(
            &h("consent_purpose", &mut errors),
            &h("legal_basis", &mut errors),
            &h("consent_channel", &mut errors),
        )
        .map_err(|e| errors.push(RowError::new(first_row, e.field, e.code)))
        .ok();

        let mut members = Vec::with_capacity(rows.len());
        let mut member_rows = Vec::with_capacity(rows.len());
        for (row, record) in &rows {
            let t = |name: &str, errors: &mut Vec<RowError>| text(record, *row, name, errors);
            let values: Vec<String> = [
                "given_name_ar",
                "family_name_ar",
                "given_name_lat",
                "family_name_lat",
                "sex",
                "birth_date",
                "relation",
                "disability",
                "schooling",
                "phone",
                "cin",
                "idcs",
            ]
            .iter()
            .map(|n| t(n, &mut errors))
            .collect();
            let input = PersonInput {
                given_name_ar: &values[0],
                family_name_ar: &values[1],
                given_name_lat: &values[2],
                family_name_lat: &values[3],
                sex: &values[4],
                birth_date: &values[5],
                relation: &values[6],
                disability: &values[7],
                schooling: &values[8],
                phone: &values[9],
                cin: &values[10],
                idcs: &values[11],
            };
            match NewPerson::parse(&input, self.today) {
                Ok(p) => {
                    if let Some(cin) = &p.cin {
                        let h = self.hash(cin);
                        if !self.cins_seen.insert(h) {
                            errors.push(RowError::new(*row, "cin", "cin_repeated"));
                        }
                    }
                    members.push(p);
                    member_rows.push(*row);
                }
                Err(es) => {
                    errors.extend(es.into_iter().map(|e| RowError::new(*row, e.field, e.code)))
                }
            }
        }
        if errors.is_empty() {
            if let Err(e) = check_members(&members) {
                errors.push(RowError::new(first_row, e.field, e.code));
            }
        }
        match (errors.is_empty(), household, consent) {
            (true, Some(household), Some(consent)) => Ok(FileHousehold {
                key,
                row: first_row,
                household,
                living,
                index,
                consent,
                members,
            }),
            _ => Err(errors),
        }
    }
}

impl<R: Read> Iterator for HouseholdFile<R> {
    type Item = Result<FileHousehold, Vec<RowError>>;

    fn next(&mut self) -> Option<Self::Item> {
        let (row, first) = match self.next_record()? {
            Ok(r) => r,
            Err(e) => return Some(Err(vec![e])),
        };
        let key = match self.key_of(row, &first) {
            Ok(k) => k,
            Err(e) => return Some(Err(vec![e])),
        };
        let mut rows = vec![(row, first)];
        let mut trailing_error = None;
        loop {
            match self.next_record() {
                None => break,
                Some(Err(e)) => {
                    trailing_error = Some(e);
                    break;
                }
                Some(Ok((r, record))) => match self.key_of(r, &record) {
                    Ok(k) if k == key => {
                        if rows.len() >= crate::registry::MAX_MEMBERS {
                            return Some(Err(vec![RowError::new(
                                r,
                                "household",
                                "household_size_invalid",
                            )]));
                        }
                        rows.push((r, record));
                    }
                    _ => {
                        self.pending = Some((r, record));
                        break;
                    }
                },
            }
        }
        let key_hash = self.hash(&key);
        if !self.keys_seen.insert(key_hash) {
            return Some(Err(vec![RowError::new(
                row,
                "household",
                "household_not_contiguous",
            )]));
        }
        let result = self.household(key, rows);
        match (result, trailing_error) {
            (Ok(h), None) => Some(Ok(h)),
            (Ok(_), Some(e)) => Some(Err(vec![e])),
            (Err(mut es), e) => {
                es.extend(e);
                Some(Err(es))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const HEADER: &str = "household,commune,douar,housing_damage,consent_purpose,legal_basis,consent_channel,given_name_ar,given_name_lat,family_name_lat,sex,birth_date,relation,schooling,cin,phone\n";

    fn read(text: &[u8]) -> Result<Vec<Result<FileHousehold, Vec<RowError>>>, FileError> {
        Ok(HouseholdFile::open(text, date!(2026 - 11 - 29))?.collect())
    }

    fn codes(errors: &[RowError]) -> Vec<(u64, &str, &str)> {
        errors
            .iter()
            .map(|e| (e.row, e.field.as_str(), e.code))
            .collect()
    }

    #[test]
    fn empty_rows_are_skipped_and_counted() {
        let mut file = HEADER.as_bytes().to_vec();
        file.extend_from_slice(
            "H1,07.041.07.05,,none,registration,consent,paper,,Lahcen,Amrani,m,1970-01-01,head,,,\n\
             ,,,,,,,,,,,,,,,\n\
             ,, ,,,,,,,,,,,,,\n\
             H2,07.041.07.03,,none,registration,consent,paper,,Itto,Amrani,x,1971-01-01,head,,,\n"
                .as_bytes(),
        );
        let read = read(&file).unwrap();
        assert!(read[0].is_ok());
        assert_eq!(
            codes(read[1].as_ref().unwrap_err()),
            [(5, "sex", "unknown_choice")]
        );
    }

    #[test]
    fn reads_households_with_a_bom() {
        let mut file = b"\xEF\xBB\xBF".to_vec();
        file.extend_from_slice(HEADER.as_bytes());
        file.extend_from_slice(
            "H1,07.041.07.05,Tikht,total,registration,consent,in_person,إبراهيم,,Ait Ouaziz,m,1980-03-01,head,,EE123456,0661234567\n\
             H1,,,,,,,,Fatima,Ait Ouaziz,f,1984-06-12,spouse,,,\n\
             H1,,,,,,,,Youssef,Ait Ouaziz,m,2014-09-01,child,primary,,\n\
             H2,07.041.07.03,,none,registration,consent,paper,,Lahcen,Amrani,m,1970-01-01,head,,,\n"
                .as_bytes(),
        );
        let households: Vec<FileHousehold> = read(&file)
            .unwrap()
            .into_iter()
            .map(Result::unwrap)
            .collect();
        assert_eq!(households.len(), 2);
        assert_eq!(households[0].members.len(), 3);
        assert_eq!(households[0].row, 2);
        assert_eq!(households[0].members[0].cin.as_deref(), Some("EE123456"));
        assert_eq!(households[1].row, 5);
    }

    #[test]
    fn refuses_utf16_unknown_and_missing_columns() {
        assert_eq!(read(b"\xFF\xFEh\x00o\x00").unwrap_err(), FileError::Utf16);
        let Err(FileError::Header(errors)) = read(b"household,commune,colour\n") else {
            panic!("header accepted");
        };
        let c = codes(&errors);
        assert!(c.contains(&(1, "colour", "unknown_column")));
        assert!(c.contains(&(1, "sex", "column_missing")));
        assert!(c.contains(&(1, "given_name_lat", "column_missing")));
    }

    #[test]
    fn row_errors_name_row_field_and_reason() {
        let mut file = HEADER.as_bytes().to_vec();
        file.extend_from_slice(
            "H1,07.041.07.05,,none,registration,consent,paper,,Brahim,Ait,m,2023-02-29,head,,EE1,\n\
             H2,07.041.07.05,,none,registration,consent,paper,Brahim,,Ait,m,1980-01-01,head,,EE1,\n\
             H3,07.041.07.05,,none,registration,consent,paper,,Aicha,Ait,f,1980-01-01,head,,EE1,\n\
             H4,07.041.07.05,,none,registration,consent,paper,,EMILE,Ait,m,1980-01-01,head,,,\n\
             H1,07.041.07.05,,none,registration,consent,paper,,Brahim,Ait,m,1980-01-01,head,,,\n\
             H5,99.999.99.99,,none,registration,consent,paper,,Ali,Ait,m,1980-01-01,child,,,\n\
             H6,07.041.07.05,,none,registration,consent,paper,,Omar,Ait,m,1980-01-01,head,,ee 1,\n"
                .as_bytes(),
        );
        // A Latin-1 byte (as in "émile" saved in Windows-1252) is not UTF-8.
        let at = file.windows(5).position(|w| w == b"EMILE").unwrap();
        file.splice(at..at + 5, b"\xE9mile".iter().copied());
        let results = read(&file).unwrap();
        assert_eq!(results.len(), 7);
        assert!(results[2].is_ok(), "{:?}", results[2]);
        let errors: Vec<Vec<RowError>> = results.into_iter().filter_map(Result::err).collect();
        assert_eq!(codes(&errors[0]), [(2, "birth_date", "invalid_date")]);
        assert_eq!(
            codes(&errors[1]),
            [(3, "given_name_ar", "name_script_mismatch")]
        );
        assert!(codes(&errors[2]).contains(&(5, "given_name_lat", "file_not_utf8")));
        assert_eq!(
            codes(&errors[3]),
            [(6, "household", "household_not_contiguous")]
        );
        assert_eq!(codes(&errors[4]), [(7, "commune", "unknown_commune")]);
        // The same CIN (written differently) as row 4.
        assert_eq!(codes(&errors[5]), [(8, "cin", "cin_repeated")]);
    }
}
