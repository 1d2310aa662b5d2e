//! Excel household files for the CLI: the workbook's first sheet converted to CSV
//! (`twiza_domain::registry_xlsx`) on its own thread into a pipe that the importer reads.

use anyhow::Context;
use std::io::{BufReader, Read};
use std::path::Path;
use std::thread::JoinHandle;
use twiza_domain::registry_xlsx::WorkbookError;

/// Whether `path` names an Excel workbook (`.xlsx`).
pub fn is_xlsx(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"))
}

/// Opens the workbook (refused here if it is not one) and returns the CSV text of its first
/// sheet as a stream, written by its own thread. If the conversion fails half-way, the stream
/// ends with that error (not a shorter file), so an all-or-nothing import imports nothing.
pub fn first_sheet_as_csv(path: &Path) -> anyhow::Result<impl Read + Send + 'static> {
    let file = std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
    let sheet = twiza_domain::registry_xlsx::FirstSheet::open(BufReader::new(file))
        .with_context(|| path.display().to_string())?;
    let (reader, writer) = std::io::pipe().context("pipe")?;
    let converter = std::thread::Builder::new()
        .name("xlsx-reader".into())
        .spawn(move || sheet.write_csv(std::io::BufWriter::new(writer), u64::MAX))
        .context("starting the workbook reader")?;
    Ok(SheetStream {
        pipe: reader,
        converter: Some(converter),
    })
}

/// The reading end of the conversion: at the end of the pipe, the converter's own outcome.
struct SheetStream {
    pipe: std::io::PipeReader,
    converter: Option<JoinHandle<Result<(), WorkbookError>>>,
}

impl Read for SheetStream {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.pipe.read(buf)?;
        if n == 0 && !buf.is_empty() {
            if let Some(converter) = self.converter.take() {
                match converter.join() {
                    Ok(Ok(())) => {}
                    Ok(Err(e)) => return Err(std::io::Error::other(e.to_string())),
                    Err(_) => return Err(std::io::Error::other("the workbook reader stopped")),
                }
            }
        }
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// A cell of the test workbook: text, a number, or a date (an Excel serial number shown
    /// with the built-in date format 14).
    enum Cell {
        S(&'static str),
        N(f64),
        D(f64),
    }

    fn column(i: usize) -> String {
        let mut name = String::new();
        let mut n = i + 1;
        while n > 0 {
            name.insert(0, (b'A' + ((n - 1) % 26) as u8) as char);
            n = (n - 1) / 26;
        }
        name
    }

    /// Writes an .xlsx as a spreadsheet program does: a ZIP of the package's parts, inline
    /// strings, numbers, date cells styled with format 14; row 3 is left empty.
    fn workbook(path: &Path, rows: &[(u32, Vec<Cell>)]) {
        const MAIN: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        const PKG: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
        let mut sheet = format!("<worksheet xmlns=\"{MAIN}\"><sheetData>");
        for (r, cells) in rows {
            sheet.push_str(&format!("<row r=\"{r}\">"));
            for (i, cell) in cells.iter().enumerate() {
                let at = format!("{}{r}", column(i));
                sheet.push_str(&match cell {
                    Cell::S("") => String::new(),
                    Cell::S(t) => format!("<c r=\"{at}\" t=\"inlineStr\"><is><t>{t}</t></is></c>"),
                    Cell::N(v) => format!("<c r=\"{at}\"><v>{v}</v></c>"),
                    Cell::D(v) => format!("<c r=\"{at}\" s=\"1\"><v>{v}</v></c>"),
                });
            }
            sheet.push_str("</row>");
        }
        sheet.push_str("</sheetData></worksheet>");
        let parts = [
            ("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
                 <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
                 <Default Extension=\"xml\" ContentType=\"application/xml\"/>\
                 <Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>\
                 <Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>\
                 <Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/></Types>".to_string()),
            ("_rels/.rels", format!(
                "<Relationships xmlns=\"{PKG}\"><Relationship Id=\"rId1\" Type=\"{REL}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>")),
            ("xl/workbook.xml", format!(
                "<workbook xmlns=\"{MAIN}\" xmlns:r=\"{REL}\"><sheets><sheet name=\"Foyers\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>")),
            ("xl/_rels/workbook.xml.rels", format!(
                "<Relationships xmlns=\"{PKG}\"><Relationship Id=\"rId1\" Type=\"{REL}/worksheet\" Target=\"worksheets/sheet1.xml\"/>\
                 <Relationship Id=\"rId2\" Type=\"{REL}/styles\" Target=\"styles.xml\"/></Relationships>")),
            ("xl/styles.xml", format!(
                "<styleSheet xmlns=\"{MAIN}\"><cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\" applyNumberFormat=\"1\"/></cellXfs></styleSheet>")),
            ("xl/worksheets/sheet1.xml", sheet),
        ];
        let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
        for (name, text) in parts {
            zip.start_file(name, zip::write::SimpleFileOptions::default())
                .unwrap();
            zip.write_all(text.as_bytes()).unwrap();
        }
        zip.finish().unwrap();
    }

    #[tokio::test]
    async fn a_workbook_imports_like_its_csv() {
        use crate::registry::{import_file, Mode};
        use twiza_domain::{OrgRole, OrgScope};
        use Cell::{D, N, S};

        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("foyers.xlsx");
        let header = [
            "household",
            "commune",
            "douar",
            "housing_damage",
            "consent_purpose",
            "legal_basis",
            "consent_channel",
            "given_name_ar",
            "given_name_lat",
            "family_name_lat",
            "sex",
            "birth_date",
            "relation",
            "schooling",
            "cin",
            "phone",
            "rooms",
            "electricity",
        ];
        // 1980-03-01 is serial 29281, 2014-09-01 is 41883 (1900 system).
        let rows = vec![
            (1, header.iter().map(|h| S(h)).collect()),
            (
                2,
                vec![
                    S("H1"),
                    S("07.041.07.05"),
                    S("Tikht"),
                    S("total"),
                    S("registration"),
                    S("consent"),
                    S("in_person"),
                    S("إبراهيم"),
                    S(""),
                    S("Ait Ouaziz"),
                    S("m"),
                    D(29281.0),
                    S("head"),
                    S(""),
                    S("EE123456"),
                    N(661234567.0),
                    N(2.0),
                    S("1"),
                ],
            ),
            (
                4,
                vec![
                    S("H1"),
                    S(""),
                    S(""),
                    S(""),
                    S(""),
                    S(""),
                    S(""),
                    S(""),
                    S("Youssef"),
                    S("Ait Ouaziz"),
                    S("m"),
                    D(41883.0),
                    S("child"),
                    S("primary"),
                ],
            ),
            (
                5,
                vec![
                    S("H2"),
                    S("07.041.07.03"),
                    S(""),
                    S("none"),
                    S("registration"),
                    S("consent"),
                    S("paper"),
                    S(""),
                    S("Lahcen"),
                    S("Amrani"),
                    S("x"),
                    S("1970-01-01"),
                    S("head"),
                ],
            ),
        ];
        workbook(&path, &rows);

        let (store, keys, user, orgs) = crate::registry::registry_for_tests(dir.path(), 1).await;
        let scope = OrgScope::for_member(orgs[0], OrgRole::Owner);

        // H2's sex is wrong: reported at its row of the sheet (after the empty row 3); all or
        // nothing imports nothing.
        let dry = import_file(&store, &scope, &keys, &path, user, Mode::DryRun)
            .await
            .unwrap();
        assert_eq!(
            (
                dry.households_valid,
                dry.persons_valid,
                dry.households_invalid
            ),
            (1, 2, 1)
        );
        assert_eq!(dry.errors.len(), 1);
        assert_eq!(
            (
                dry.errors[0].row,
                dry.errors[0].field.as_str(),
                dry.errors[0].code
            ),
            (5, "sex", "unknown_choice")
        );
        let refused = import_file(&store, &scope, &keys, &path, user, Mode::AllOrNothing)
            .await
            .unwrap();
        assert_eq!(refused.imported_households, 0);
        let valid = import_file(&store, &scope, &keys, &path, user, Mode::ValidOnly)
            .await
            .unwrap();
        assert_eq!((valid.imported_households, valid.imported_persons), (1, 2));

        // The date cells became birth dates, the phone got its zero back.
        let found = store
            .find_by_identifier(
                &scope,
                &keys,
                "phone",
                "+212661234567",
                twiza_store::Reader {
                    account: user,
                    purpose: "test",
                },
            )
            .await
            .unwrap();
        assert_eq!(found.len(), 1);
        let household = store
            .household(
                &scope,
                &keys,
                found[0],
                twiza_store::Reader {
                    account: user,
                    purpose: "test",
                },
                twiza_store::ReadScope {
                    identifiers: true,
                    sensitive: false,
                },
            )
            .await
            .unwrap();
        let births: Vec<&str> = household
            .members
            .iter()
            .map(|m| m.birth_date.as_str())
            .collect();
        assert_eq!(births, ["1980-03-01", "2014-09-01"]);
        assert_eq!(household.members[0].cin.as_deref(), Some("EE123456"));

        // Not a workbook: a clear refusal before anything is read, no panic.
        let fake = dir.path().join("fake.xlsx");
        std::fs::write(&fake, "household,commune\n").unwrap();
        let refused = import_file(&store, &scope, &keys, &fake, user, Mode::DryRun).await;
        let message = format!("{:#}", refused.err().unwrap());
        assert!(
            message.contains("not a readable .xlsx workbook"),
            "{message}"
        );
    }
}
