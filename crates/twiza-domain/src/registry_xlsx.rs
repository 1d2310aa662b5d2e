//! Household files as Excel workbooks (`.xlsx`): the first sheet, read cell by cell with
//! calamine's streaming reader (never a whole-sheet copy in memory), written out as the CSV that
//! [`crate::registry_file::HouseholdFile`] reads, so both formats go through the same checks.
//! Spreadsheet habits are undone on the way: numbers print without `.0`, date cells become
//! `YYYY-MM-DD`, and a phone number the spreadsheet stored as a number gets back its leading
//! zero. The header is the sheet's first row; empty rows below it are kept as rows of empty
//! cells (skipped and counted by the reader), so reported rows are the sheet's.

use calamine::{DataRef, Reader, Xlsx};
use std::io::{Read, Seek, Write};

/// Why a workbook could not be converted.
#[derive(Debug)]
pub struct WorkbookError(pub String);

impl std::fmt::Display for WorkbookError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for WorkbookError {}

/// A workbook opened, its first sheet named.
pub struct FirstSheet<RS: Read + Seek> {
    workbook: Xlsx<RS>,
    sheet: String,
}

impl<RS: Read + Seek> FirstSheet<RS> {
    /// Opens the workbook read from `input`: refused if it is not an `.xlsx` or has no sheet.
    pub fn open(input: RS) -> Result<FirstSheet<RS>, WorkbookError> {
        let workbook: Xlsx<RS> = Xlsx::new(input)
            .map_err(|e| WorkbookError(format!("not a readable .xlsx workbook: {e}")))?;
        let Some(sheet) = workbook.sheet_names().first().cloned() else {
            return Err(WorkbookError("the workbook has no sheet".into()));
        };
        Ok(FirstSheet { workbook, sheet })
    }

    /// Writes the sheet as CSV into `out`, refusing to write more than `max_bytes` (a small
    /// compressed workbook can describe an enormous sheet).
    pub fn write_csv<W: Write>(mut self, out: W, max_bytes: u64) -> Result<(), WorkbookError> {
        let out = Limited {
            inner: out,
            left: max_bytes,
        };
        write_csv(&mut self.workbook, &self.sheet, out).map_err(|e| WorkbookError(e.to_string()))
    }
}

/// Writes the first sheet of the workbook read from `input` as CSV into `out`, at most
/// `max_bytes` of it.
pub fn first_sheet_to_csv<RS: Read + Seek, W: Write>(
    input: RS,
    out: W,
    max_bytes: u64,
) -> Result<(), WorkbookError> {
    FirstSheet::open(input)?.write_csv(out, max_bytes)
}

/// Cells beyond this column are refused when they hold something (a household file has
/// fewer columns; empty styled cells far to the right are ignored).
pub const MAX_COLUMNS: usize = 64;

/// A writer that fails once `left` bytes are used.
struct Limited<W> {
    inner: W,
    left: u64,
}

impl<W: Write> Write for Limited<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = buf.len() as u64;
        if n > self.left {
            return Err(std::io::Error::other("the sheet is larger than allowed"));
        }
        self.left -= n;
        self.inner.write_all(buf)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

fn write_csv<RS: Read + std::io::Seek, W: Write>(
    workbook: &mut Xlsx<RS>,
    sheet: &str,
    out: W,
) -> Result<(), Box<dyn std::error::Error>> {
    let mut csv = csv::Writer::from_writer(out);
    let mut cells = workbook.worksheet_cells_reader(sheet)?;
    // The first row stored is the header; its names tell which column holds phones.
    let mut header: Option<Vec<String>> = None;
    let mut row: Vec<String> = Vec::new();
    let mut current: Option<u32> = None;
    while let Some(cell) = cells.next_cell()? {
        let (r, c) = cell.get_position();
        if current != Some(r) {
            if current.is_some() {
                write_row(&mut csv, &mut header, &mut row)?;
            }
            // Empty rows after the header stay as rows of empty cells, which the importer
            // skips and counts: row numbers in its report are the sheet's.
            if let (Some(previous), Some(h)) = (current, header.as_ref()) {
                let empty = vec![""; h.len().max(1)];
                for _ in previous + 1..r {
                    csv.write_record(&empty)?;
                }
            }
        }
        current = Some(r);
        let c = c as usize;
        if c >= MAX_COLUMNS {
            if matches!(cell.get_value(), DataRef::Empty) {
                continue;
            }
            return Err(format!("a value beyond column {MAX_COLUMNS}").into());
        }
        if row.len() <= c {
            row.resize(c + 1, String::new());
        }
        let column = header
            .as_ref()
            .and_then(|h| h.get(c))
            .map_or("", String::as_str);
        row[c] = text(cell.get_value(), column);
    }
    if current.is_some() {
        write_row(&mut csv, &mut header, &mut row)?;
    }
    csv.flush()?;
    Ok(())
}

fn write_row<W: Write>(
    csv: &mut csv::Writer<W>,
    header: &mut Option<Vec<String>>,
    row: &mut Vec<String>,
) -> Result<(), Box<dyn std::error::Error>> {
    match header {
        None => *header = Some(row.iter().map(|h| h.trim().to_ascii_lowercase()).collect()),
        // As wide as the header: a row's trailing empty cells are not stored in the sheet.
        Some(h) => row.resize(h.len().max(row.len()), String::new()),
    }
    csv.write_record(row.iter())?;
    row.clear();
    Ok(())
}

/// A cell as the CSV importer expects it.
fn text(value: &DataRef<'_>, column: &str) -> String {
    match value {
        DataRef::Empty => String::new(),
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.clone(),
        DataRef::SharedString(s) => (*s).to_owned(),
        DataRef::Bool(b) => if *b { "1" } else { "0" }.to_owned(),
        DataRef::Int(i) => number(*i as f64, column),
        DataRef::Float(f) => number(*f, column),
        DataRef::DateTime(d) => {
            let (y, m, day, ..) = d.to_ymd_hms_milli();
            format!("{y:04}-{m:02}-{day:02}")
        }
        // `#N/A`, `#REF!`…: kept as written, so that the field's check names it.
        DataRef::Error(e) => e.to_string(),
    }
}

/// A number without a trailing `.0`; in the phone column, a 9-digit mobile or fixed number the
/// spreadsheet stripped of its leading zero gets it back.
fn number(f: f64, column: &str) -> String {
    let text = if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        f.to_string()
    };
    if column == "phone" && text.len() == 9 && text.starts_with(['5', '6', '7']) {
        return format!("0{text}");
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_print_as_written_and_phones_keep_their_zero() {
        assert_eq!(number(661234567.0, "phone"), "0661234567");
        assert_eq!(number(661234567.0, "idcs"), "661234567");
        assert_eq!(number(3.0, "rooms"), "3");
        assert_eq!(number(9.1234, "socio_economic_index"), "9.1234");
        assert_eq!(text(&DataRef::Bool(true), "electricity"), "1");
        assert_eq!(text(&DataRef::SharedString("Tikht"), "douar"), "Tikht");
    }

    #[test]
    fn a_writer_past_its_limit_fails() {
        let mut out = Limited {
            inner: Vec::new(),
            left: 5,
        };
        assert!(out.write_all(b"abc").is_ok());
        assert!(out.write_all(b"def").is_err());
        assert_eq!(out.inner, b"abc");
    }

    #[test]
    fn what_is_not_a_workbook_is_refused() {
        let err = first_sheet_to_csv(
            std::io::Cursor::new(b"household,commune\n"),
            Vec::new(),
            1 << 20,
        );
        assert!(err.is_err());
    }
}
