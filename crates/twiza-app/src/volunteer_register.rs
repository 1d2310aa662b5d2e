//! The national register of contractual volunteering as an Excel workbook: one sheet in
//! rust_xlsxwriter's constant-memory mode (each row goes to a temporary file as it is written),
//! saved into an anonymous temporary file the face then streams, so memory stays bounded
//! whatever the number of contracts. The columns are the CSV's
//! ([`twiza_domain::volunteer_contract::REGISTER_COLUMNS`]).

use crate::error::{Error, Result};
use rust_xlsxwriter::{Format, Workbook};
use std::io::{Seek, SeekFrom};
use twiza_domain::volunteer_contract::{spreadsheet_safe, RegisterRow, REGISTER_COLUMNS};

/// A register workbook being written, a page of rows at a time.
pub struct RegisterWorkbook {
    workbook: Workbook,
    /// The next row to write (the header is row 0).
    row: u32,
}

fn failed(_: rust_xlsxwriter::XlsxError) -> Error {
    Error::Internal("register workbook")
}

impl RegisterWorkbook {
    /// A workbook with the header row written.
    pub fn new() -> Result<RegisterWorkbook> {
        let mut workbook = Workbook::new();
        let bold = Format::new().set_bold();
        let sheet = workbook
            .add_worksheet_with_constant_memory()
            .map_err(failed)?;
        sheet.set_name("register").map_err(failed)?;
        for (col, name) in REGISTER_COLUMNS.iter().enumerate() {
            sheet
                .write_string_with_format(0, col as u16, *name, &bold)
                .map_err(failed)?;
        }
        Ok(RegisterWorkbook { workbook, row: 1 })
    }

    /// Appends rows after those already written.
    pub fn append(&mut self, rows: &[RegisterRow]) -> Result<()> {
        let sheet = self.workbook.worksheet_from_index(0).map_err(failed)?;
        for r in rows {
            for (col, cell) in r.cells().iter().enumerate() {
                if col == 12 {
                    sheet
                        .write_number(self.row, col as u16, r.weekly_hours as f64)
                        .map_err(failed)?;
                } else {
                    sheet
                        .write_string(self.row, col as u16, spreadsheet_safe(cell).into_owned())
                        .map_err(failed)?;
                }
            }
            self.row += 1;
        }
        Ok(())
    }

    /// The finished workbook, in an anonymous temporary file read from its start.
    pub fn finish(mut self) -> Result<std::fs::File> {
        let mut file = tempfile::tempfile().map_err(|_| Error::Internal("register workbook"))?;
        self.workbook.save_to_writer(&mut file).map_err(failed)?;
        file.seek(SeekFrom::Start(0))
            .map_err(|_| Error::Internal("register workbook"))?;
        Ok(file)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;
    use time::macros::date;
    use twiza_domain::volunteer_contract::ContractStatus;

    #[test]
    fn the_workbook_is_a_zip_holding_the_rows() {
        let row = RegisterRow {
            number: "CV-2026-000001".into(),
            host: "Association Atlas".into(),
            host_accreditation: "AB-1".into(),
            volunteer_name: "Salma".into(),
            volunteer_birth_date: Some(date!(1990 - 03 - 02)),
            volunteer_cin: "EE123456".into(),
            mission: "M".into(),
            purpose: "P".into(),
            commune_code: "x".into(),
            starts_on: date!(2026 - 12 - 10),
            ends_on: date!(2026 - 12 - 20),
            weekly_hours: 12,
            status: ContractStatus::Signed,
            host_accepted_on: None,
            volunteer_accepted_on: None,
            minutes_worked: 60,
        };
        let mut w = RegisterWorkbook::new().unwrap();
        w.append(&[row.clone(), row]).unwrap();
        let mut bytes = Vec::new();
        w.finish().unwrap().read_to_end(&mut bytes).unwrap();
        assert!(bytes.starts_with(b"PK"));
    }
}
