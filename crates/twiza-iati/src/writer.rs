//! The streaming writer of an IATI 2.03 activity file: [`ActivitiesWriter::start`] writes the
//! `<iati-activities>` root, [`ActivitiesWriter::activity`] one `<iati-activity>` at a time in
//! the schema's element order, [`ActivitiesWriter::finish`] closes the file. Memory holds one
//! activity, never the file.

use std::io::Write;

use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use time::format_description::well_known::Rfc3339;
use time::{Date, OffsetDateTime};

use crate::codelists::{
    ActivityDateType, ActivityStatus, OrganisationRole, OrganisationType, Sector, TransactionType,
};
use crate::{format_centimes, Error};

/// The IATI version written.
pub const VERSION: &str = "2.03";
/// Every value is in Moroccan dirhams.
pub const CURRENCY: &str = "MAD";
/// WGS 84 latitude and longitude, as IATI asks for `point/@srsName`.
const SRS_NAME: &str = "http://www.opengis.net/def/crs/EPSG/0/4326";

/// A text in Arabic and in French, written as two `<narrative xml:lang>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Narratives {
    pub ar: String,
    pub fr: String,
}

/// An organisation: its identifier, type and name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Organisation {
    pub identifier: String,
    pub kind: OrganisationType,
    pub name: Narratives,
}

/// A dated milestone of an activity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ActivityDate {
    pub kind: ActivityDateType,
    pub date: Date,
}

/// Where an activity takes place: a commune.
#[derive(Debug, Clone, PartialEq)]
pub struct Location {
    /// The publisher's reference of the place (`MA-HCP-<commune code>`).
    pub reference: String,
    pub name: Narratives,
    /// ISO 3166-1 alpha-2 code of the country the place lies in (vocabulary A4).
    pub country: &'static str,
    /// The commune's centre, latitude then longitude, when known.
    pub point: Option<(f64, f64)>,
}

/// Money that moved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transaction {
    /// The publisher's own reference of the transaction, if any.
    pub reference: Option<String>,
    pub kind: TransactionType,
    pub date: Date,
    /// Positive centimes of MAD.
    pub centimes: i64,
}

/// One activity and its transactions.
#[derive(Debug, Clone, PartialEq)]
pub struct Activity {
    pub identifier: String,
    pub humanitarian: bool,
    pub title: Narratives,
    pub description: Narratives,
    /// Its participating organisations with their roles.
    pub participants: Vec<(OrganisationRole, Organisation)>,
    pub status: ActivityStatus,
    pub dates: Vec<ActivityDate>,
    /// ISO 3166-1 alpha-2 code of the recipient country (100 %).
    pub recipient_country: &'static str,
    pub locations: Vec<Location>,
    /// One sector, 100 %.
    pub sector: Sector,
    pub transactions: Vec<Transaction>,
}

/// Writes an IATI activity file to `W`, one activity at a time.
pub struct ActivitiesWriter<W: Write> {
    xml: quick_xml::Writer<W>,
    reporting: Organisation,
    generated: String,
}

impl<W: Write> ActivitiesWriter<W> {
    /// Writes the declaration and opens `<iati-activities version="2.03">`. Every activity
    /// written after has `reporting` as its reporting organisation.
    pub fn start(w: W, generated: OffsetDateTime, reporting: Organisation) -> Result<Self, Error> {
        check_identifier(&reporting.identifier)?;
        let generated = generated
            .replace_nanosecond(0)
            .map_err(|_| Error::InvalidDate)?
            .format(&Rfc3339)
            .map_err(|_| Error::InvalidDate)?;
        let mut xml = quick_xml::Writer::new_with_indent(w, b' ', 2);
        xml.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
        let root = BytesStart::new("iati-activities").with_attributes([
            ("version", VERSION),
            ("generated-datetime", generated.as_str()),
        ]);
        xml.write_event(Event::Start(root))?;
        Ok(ActivitiesWriter {
            xml,
            reporting,
            generated,
        })
    }

    /// Writes one `<iati-activity>`.
    pub fn activity(&mut self, a: &Activity) -> Result<(), Error> {
        check_identifier(&a.identifier)?;
        if a.dates.is_empty() {
            return Err(Error::NoDate);
        }
        if a.transactions.iter().any(|t| t.centimes <= 0) {
            return Err(Error::NonPositiveValue);
        }
        let humanitarian = if a.humanitarian { "1" } else { "0" };
        let start = BytesStart::new("iati-activity").with_attributes([
            ("last-updated-datetime", self.generated.as_str()),
            ("xml:lang", "fr"),
            ("default-currency", CURRENCY),
            ("humanitarian", humanitarian),
        ]);
        self.xml.write_event(Event::Start(start))?;
        self.leaf("iati-identifier", &[], &a.identifier)?;

        let reporting = self.reporting.clone();
        self.open(
            "reporting-org",
            &[
                ("ref", reporting.identifier.as_str()),
                ("type", reporting.kind.code()),
            ],
        )?;
        self.narratives(&reporting.name)?;
        self.close("reporting-org")?;

        self.open("title", &[])?;
        self.narratives(&a.title)?;
        self.close("title")?;

        self.open("description", &[("type", "1")])?;
        self.narratives(&a.description)?;
        self.close("description")?;

        for (role, org) in &a.participants {
            check_identifier(&org.identifier)?;
            self.open(
                "participating-org",
                &[
                    ("ref", org.identifier.as_str()),
                    ("type", org.kind.code()),
                    ("role", role.code()),
                ],
            )?;
            self.narratives(&org.name)?;
            self.close("participating-org")?;
        }

        self.empty("activity-status", &[("code", a.status.code())])?;
        for d in &a.dates {
            let iso = iso_date(d.date)?;
            self.empty(
                "activity-date",
                &[("type", d.kind.code()), ("iso-date", iso.as_str())],
            )?;
        }
        self.empty(
            "recipient-country",
            &[("code", a.recipient_country), ("percentage", "100")],
        )?;
        for l in &a.locations {
            self.location(l)?;
        }
        self.empty(
            "sector",
            &[
                ("vocabulary", "1"),
                ("code", a.sector.code()),
                ("percentage", "100"),
            ],
        )?;
        for t in &a.transactions {
            self.transaction(t)?;
        }
        self.close("iati-activity")
    }

    /// Closes the file and hands the destination back.
    pub fn finish(mut self) -> Result<W, Error> {
        self.close("iati-activities")?;
        let mut w = self.xml.into_inner();
        w.write_all(b"\n")?;
        w.flush()?;
        Ok(w)
    }

    fn location(&mut self, l: &Location) -> Result<(), Error> {
        self.open("location", &[("ref", l.reference.as_str())])?;
        // 1: the activity happens there.
        self.empty("location-reach", &[("code", "1")])?;
        self.open("name", &[])?;
        self.narratives(&l.name)?;
        self.close("name")?;
        self.empty(
            "administrative",
            &[("vocabulary", "A4"), ("level", "0"), ("code", l.country)],
        )?;
        if let Some((lat, lon)) = l.point {
            self.open("point", &[("srsName", SRS_NAME)])?;
            self.leaf("pos", &[], &format!("{lat:.5} {lon:.5}"))?;
            self.close("point")?;
            // 2: approximate (the commune's centre, not the exact place).
            self.empty("exactness", &[("code", "2")])?;
        }
        // 1: administrative region.
        self.empty("location-class", &[("code", "1")])?;
        self.close("location")
    }

    fn transaction(&mut self, t: &Transaction) -> Result<(), Error> {
        match &t.reference {
            Some(r) => self.open("transaction", &[("ref", r.as_str())])?,
            None => self.open("transaction", &[])?,
        }
        let date = iso_date(t.date)?;
        self.empty("transaction-type", &[("code", t.kind.code())])?;
        self.empty("transaction-date", &[("iso-date", date.as_str())])?;
        self.leaf(
            "value",
            &[("currency", CURRENCY), ("value-date", date.as_str())],
            &format_centimes(t.centimes),
        )?;
        self.close("transaction")
    }

    fn narratives(&mut self, n: &Narratives) -> Result<(), Error> {
        self.leaf("narrative", &[("xml:lang", "ar")], &xml_text(&n.ar))?;
        self.leaf("narrative", &[("xml:lang", "fr")], &xml_text(&n.fr))
    }

    fn open(&mut self, name: &str, attrs: &[(&str, &str)]) -> Result<(), Error> {
        let start = BytesStart::new(name).with_attributes(attrs.iter().copied());
        self.xml.write_event(Event::Start(start))?;
        Ok(())
    }

    fn close(&mut self, name: &str) -> Result<(), Error> {
        self.xml.write_event(Event::End(BytesEnd::new(name)))?;
        Ok(())
    }

    fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) -> Result<(), Error> {
        let start = BytesStart::new(name).with_attributes(attrs.iter().copied());
        self.xml.write_event(Event::Empty(start))?;
        Ok(())
    }

    fn leaf(&mut self, name: &str, attrs: &[(&str, &str)], text: &str) -> Result<(), Error> {
        self.xml
            .create_element(name)
            .with_attributes(attrs.iter().copied())
            .write_text_content(BytesText::new(text))?;
        Ok(())
    }
}

/// `YYYY-MM-DD`.
fn iso_date(d: Date) -> Result<String, Error> {
    if !(1..=9999).contains(&d.year()) {
        return Err(Error::InvalidDate);
    }
    Ok(format!(
        "{:04}-{:02}-{:02}",
        d.year(),
        u8::from(d.month()),
        d.day()
    ))
}

/// An identifier: not empty, no whitespace, no `/` (IATI identifiers become URL paths).
fn check_identifier(id: &str) -> Result<(), Error> {
    if id.is_empty()
        || id
            .chars()
            .any(|c| c.is_whitespace() || c == '/' || c.is_control())
    {
        return Err(Error::InvalidIdentifier);
    }
    Ok(())
}

/// The text without the characters XML 1.0 forbids (control characters other than tab and
/// line breaks); a text left empty becomes `-`, as a narrative may not be empty.
fn xml_text(s: &str) -> String {
    let kept: String = s
        .chars()
        .filter(|c| !c.is_control() || matches!(c, '\t' | '\n' | '\r'))
        .filter(|c| !matches!(c, '\u{FFFE}' | '\u{FFFF}'))
        .collect();
    let trimmed = kept.trim();
    if trimmed.is_empty() {
        "-".to_owned()
    } else {
        trimmed.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime};

    fn names(fr: &str) -> Narratives {
        Narratives {
            ar: "جمعية".to_owned(),
            fr: fr.to_owned(),
        }
    }

    fn org() -> Organisation {
        Organisation {
            identifier: "MA-TWIZA-1".to_owned(),
            kind: OrganisationType::NationalNgo,
            name: names("Association & Co <test>"),
        }
    }

    fn activity() -> Activity {
        Activity {
            identifier: "MA-TWIZA-1-C4".to_owned(),
            humanitarian: true,
            title: names("Tentes pour Amizmiz"),
            description: names("Abris d'urgence\u{0}"),
            participants: vec![(OrganisationRole::Implementing, org())],
            status: ActivityStatus::Implementation,
            dates: vec![ActivityDate {
                kind: ActivityDateType::PlannedStart,
                date: date!(2026 - 01 - 02),
            }],
            recipient_country: "MA",
            locations: vec![Location {
                reference: "MA-HCP-07.041.07.03".to_owned(),
                name: names("Amizmiz"),
                country: "MA",
                point: Some((31.21, -8.23)),
            }],
            sector: Sector::MaterialRelief,
            transactions: vec![Transaction {
                reference: None,
                kind: TransactionType::IncomingFunds,
                date: date!(2026 - 01 - 03),
                centimes: 123_405,
            }],
        }
    }

    fn write(a: &Activity) -> Result<String, Error> {
        let mut w =
            ActivitiesWriter::start(Vec::new(), datetime!(2026-01-05 10:00:00.5 UTC), org())?;
        w.activity(a)?;
        let bytes = w.finish()?;
        String::from_utf8(bytes).map_err(|_| Error::InvalidDate)
    }

    #[test]
    fn writes_the_elements_in_the_schema_order_with_escaped_text() -> Result<(), Error> {
        let xml = write(&activity())?;
        assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
        assert!(xml.contains(
            "<iati-activities version=\"2.03\" generated-datetime=\"2026-01-05T10:00:00Z\">"
        ));
        assert!(xml.contains("<iati-identifier>MA-TWIZA-1-C4</iati-identifier>"));
        assert!(xml.contains("Association &amp; Co &lt;test&gt;"));
        assert!(xml.contains("<narrative xml:lang=\"ar\">جمعية</narrative>"));
        assert!(
            xml.contains("Abris d&apos;urgence</narrative>")
                || xml.contains("Abris d'urgence</narrative>")
        );
        assert!(xml.contains("<value currency=\"MAD\" value-date=\"2026-01-03\">1234.05</value>"));
        assert!(xml.contains("<pos>31.21000 -8.23000</pos>"));
        let order = [
            "<iati-identifier>",
            "<reporting-org",
            "<title>",
            "<description",
            "<participating-org",
            "<activity-status",
            "<activity-date",
            "<recipient-country",
            "<location ",
            "<sector",
            "<transaction>",
        ];
        let positions: Vec<usize> = order.iter().filter_map(|e| xml.find(e)).collect();
        assert_eq!(positions.len(), order.len());
        assert!(positions.windows(2).all(|w| w[0] < w[1]));
        Ok(())
    }

    #[test]
    fn refuses_what_the_standard_does_not_allow() {
        let mut a = activity();
        a.transactions[0].centimes = 0;
        assert_eq!(
            write(&a).err().map(|e| e.code()),
            Some("iati_non_positive_value")
        );
        let mut a = activity();
        a.dates.clear();
        assert_eq!(write(&a).err().map(|e| e.code()), Some("iati_no_date"));
        let mut a = activity();
        a.identifier = "MA TWIZA".to_owned();
        assert_eq!(
            write(&a).err().map(|e| e.code()),
            Some("iati_invalid_identifier")
        );
    }
}
