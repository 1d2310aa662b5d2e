//! Test helpers: a sample batch, valid Moroccan accounts, and an independent flattening of XML
//! into (path, attributes, text) rows with quick-xml.

use quick_xml::events::Event;
use time::macros::{date, datetime};
use twiza_iso20022::pain001::{ChargeBearer, CreditTransferBatch, CreditTransferLine};
use twiza_iso20022::{moroccan_iban_from_rib, moroccan_rib_key, Account};

/// A valid RIB for bank/city/account number `n`.
pub fn rib(bank: u32, city: u32, n: u64) -> String {
    let body = format!("{bank:03}{city:03}{n:016}");
    let key = moroccan_rib_key(&body).unwrap_or_default();
    format!("{body}{key:02}")
}

/// A valid Moroccan IBAN built from a RIB (check digits computed, not copied).
pub fn iban(n: u64) -> String {
    moroccan_iban_from_rib(&rib(7, 780, n)).unwrap_or_default()
}

pub fn line(i: u64, name: &str, amount_centimes: i64) -> CreditTransferLine {
    CreditTransferLine {
        end_to_end_id: format!("E2E-{i:05}"),
        instruction_id: format!("INSTR-{i:05}"),
        amount_centimes,
        currency: "MAD".to_owned(),
        creditor_name: name.to_owned(),
        creditor_account: Account::Iban(iban(100 + i)),
        creditor_agent_bic: None,
        remittance_info: None,
    }
}

pub fn batch(lines: Vec<CreditTransferLine>) -> CreditTransferBatch {
    CreditTransferBatch {
        message_id: "MSG-2025-0001".to_owned(),
        created_at: datetime!(2025-03-01 09:30:00 UTC),
        initiating_party_name: "Association Tiwizi".to_owned(),
        payment_info_id: "PMT-2025-0001".to_owned(),
        requested_execution_date: date!(2025 - 03 - 03),
        debtor_name: "جمعية تويزة".to_owned(),
        debtor_account: iban(1),
        debtor_agent_bic: Some("BCMAMAMC".to_owned()),
        batch_booking: true,
        charge_bearer: Some(ChargeBearer::Debtor),
        lines,
    }
}

/// An element's attributes: (name, value) in document order.
pub type Attrs = Vec<(String, String)>;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub path: String,
    pub attrs: Attrs,
    pub text: String,
}

/// Every element as a row, in document order of their closing tags, with unescaped text.
pub fn flatten(xml: &str) -> Vec<Row> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut stack: Vec<(String, Attrs, String)> = Vec::new();
    let mut rows = Vec::new();
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => {
                let attrs = e
                    .attributes()
                    .filter_map(Result::ok)
                    .map(|a| (a.key.as_ref().to_owned(), a.value.into_owned()))
                    .collect();
                stack.push((e.local_name().as_ref().to_owned(), attrs, String::new()));
            }
            Ok(Event::Text(t)) => {
                if let Some(top) = stack.last_mut() {
                    top.2.push_str(&t.xml10_content());
                }
            }
            Ok(Event::GeneralRef(r)) => {
                let c = match r.xml10_content().as_ref() {
                    "amp" => '&',
                    "lt" => '<',
                    "gt" => '>',
                    "quot" => '"',
                    "apos" => '\'',
                    other => panic!("unexpected entity {other}"),
                };
                if let Some(top) = stack.last_mut() {
                    top.2.push(c);
                }
            }
            Ok(Event::End(_)) => {
                let path = stack
                    .iter()
                    .map(|s| s.0.as_str())
                    .collect::<Vec<_>>()
                    .join("/");
                let (_, attrs, text) = stack.pop().expect("balanced");
                rows.push(Row {
                    path,
                    attrs,
                    text: text.trim().to_owned(),
                });
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("generated XML does not parse: {e}"),
        }
    }
    assert!(stack.is_empty(), "unclosed elements");
    rows
}

/// Texts of all elements at `path`.
pub fn texts(rows: &[Row], path: &str) -> Vec<String> {
    rows.iter()
        .filter(|r| r.path == path)
        .map(|r| r.text.clone())
        .collect()
}

/// The one text at `path`.
pub fn text(rows: &[Row], path: &str) -> String {
    let all = texts(rows, path);
    assert_eq!(all.len(), 1, "{path}: {all:?}");
    all.into_iter().next().unwrap_or_default()
}
