//! pain.001.001.09: structure read back field by field, escaping, validation errors,
//! determinism and the streaming writer's totals check.

use twiza_iso20022::pain001::{
    self, CreditTransferBatch, Pain001Writer, Totals, MESSAGE_NAME, NAMESPACE, NOT_PROVIDED,
};
use twiza_iso20022::{Account, AccountScheme, Error};

use crate::support::{batch, flatten, iban, line, rib, text, texts};

const P: &str = "Document/CstmrCdtTrfInitn";

fn code(result: Result<String, Error>) -> &'static str {
    match result {
        Ok(_) => "ok",
        Err(e) => e.code(),
    }
}

#[test]
fn golden_structure_reads_back() -> Result<(), Error> {
    let mut b = batch(vec![
        line(1, "Fatima Zahra Benali", 150_000),
        line(2, "محمد أيت باها", 75_050),
    ]);
    b.lines[1].creditor_account = Account::moroccan_rib(&rib(230, 810, 42))?;
    b.lines[1].creditor_agent_bic = Some("BMCEMAMCXXX".to_owned());
    b.lines[1].remittance_info = Some("دعم شهري".to_owned());
    let xml = pain001::to_xml(&b)?;
    assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"));
    let rows = flatten(&xml);

    let root = rows.last().expect("root");
    assert_eq!(root.path, "Document");
    assert_eq!(root.attrs, vec![("xmlns".to_owned(), NAMESPACE.to_owned())]);
    assert_eq!(MESSAGE_NAME, "pain.001.001.09");

    let g = |p: &str| text(&rows, &format!("{P}/GrpHdr/{p}"));
    assert_eq!(g("MsgId"), "MSG-2025-0001");
    assert_eq!(g("CreDtTm"), "2025-03-01T09:30:00Z");
    assert_eq!(g("NbOfTxs"), "2");
    assert_eq!(g("CtrlSum"), "2250.50");
    assert_eq!(g("InitgPty/Nm"), "Association Tiwizi");

    let p = |q: &str| text(&rows, &format!("{P}/PmtInf/{q}"));
    assert_eq!(p("PmtInfId"), "PMT-2025-0001");
    assert_eq!(p("PmtMtd"), "TRF");
    assert_eq!(p("BtchBookg"), "true");
    assert_eq!(p("NbOfTxs"), "2");
    assert_eq!(p("CtrlSum"), "2250.50");
    assert_eq!(p("ReqdExctnDt/Dt"), "2025-03-03");
    assert_eq!(p("Dbtr/Nm"), "جمعية تويزة");
    assert_eq!(p("DbtrAcct/Id/IBAN"), iban(1));
    assert_eq!(p("DbtrAgt/FinInstnId/BICFI"), "BCMAMAMC");
    assert_eq!(p("ChrgBr"), "DEBT");

    let t = |q: &str| texts(&rows, &format!("{P}/PmtInf/CdtTrfTxInf/{q}"));
    assert_eq!(t("PmtId/EndToEndId"), ["E2E-00001", "E2E-00002"]);
    assert_eq!(t("PmtId/InstrId"), ["INSTR-00001", "INSTR-00002"]);
    assert_eq!(t("Amt/InstdAmt"), ["1500.00", "750.50"]);
    let currencies: Vec<_> = rows
        .iter()
        .filter(|r| r.path.ends_with("/Amt/InstdAmt"))
        .map(|r| r.attrs.clone())
        .collect();
    assert_eq!(
        currencies,
        vec![vec![("Ccy".to_owned(), "MAD".to_owned())]; 2]
    );
    assert_eq!(t("Cdtr/Nm"), ["Fatima Zahra Benali", "محمد أيت باها"]);
    assert_eq!(t("CdtrAcct/Id/IBAN"), [iban(101)]);
    assert_eq!(t("CdtrAcct/Id/Othr/Id"), [rib(230, 810, 42)]);
    assert_eq!(t("CdtrAcct/Id/Othr/SchmeNm/Cd"), ["BBAN"]);
    assert_eq!(t("CdtrAgt/FinInstnId/BICFI"), ["BMCEMAMCXXX"]);
    assert_eq!(t("RmtInf/Ustrd"), ["دعم شهري"]);

    // Element order inside a transaction follows the schema's sequence.
    let second: Vec<&str> = rows
        .iter()
        .filter(|r| r.path.starts_with(&format!("{P}/PmtInf/CdtTrfTxInf/")))
        .map(|r| r.path.rsplit('/').next().unwrap_or_default())
        .collect();
    let tops = ["PmtId", "Amt", "CdtrAgt", "Cdtr", "CdtrAcct", "RmtInf"];
    let order: Vec<&str> = second
        .iter()
        .copied()
        .filter(|n| tops.contains(n))
        .skip(4)
        .collect();
    assert_eq!(order, tops);
    Ok(())
}

#[test]
fn missing_debtor_bic_is_not_provided_and_options_are_omitted() -> Result<(), Error> {
    let mut b = batch(vec![line(1, "A", 100)]);
    b.debtor_agent_bic = None;
    b.charge_bearer = None;
    b.batch_booking = false;
    b.lines[0].creditor_account = Account::Other {
        id: "WALLET-0612345678".to_owned(),
        scheme: AccountScheme::Proprietary("Portefeuille".to_owned()),
    };
    let rows = flatten(&pain001::to_xml(&b)?);
    assert_eq!(
        text(&rows, &format!("{P}/PmtInf/DbtrAgt/FinInstnId/Othr/Id")),
        NOT_PROVIDED
    );
    assert!(texts(&rows, &format!("{P}/PmtInf/DbtrAgt/FinInstnId/BICFI")).is_empty());
    assert!(texts(&rows, &format!("{P}/PmtInf/ChrgBr")).is_empty());
    assert!(texts(
        &rows,
        &format!("{P}/PmtInf/CdtTrfTxInf/CdtrAgt/FinInstnId/BICFI")
    )
    .is_empty());
    assert!(texts(&rows, &format!("{P}/PmtInf/CdtTrfTxInf/RmtInf/Ustrd")).is_empty());
    assert_eq!(text(&rows, &format!("{P}/PmtInf/BtchBookg")), "false");
    assert_eq!(
        text(
            &rows,
            &format!("{P}/PmtInf/CdtTrfTxInf/CdtrAcct/Id/Othr/SchmeNm/Prtry")
        ),
        "Portefeuille"
    );
    Ok(())
}

#[test]
fn names_are_escaped_and_arabic_stays_utf8() -> Result<(), Error> {
    let tricky = "Société \"Tamount\" & Fils <SARL> l'Atlas";
    let arabic = "خديجة & أولادها <الحوز>";
    let mut b = batch(vec![line(1, tricky, 100), line(2, arabic, 200)]);
    b.initiating_party_name = "A&B <C>".to_owned();
    let xml = pain001::to_xml(&b)?;
    assert!(xml.contains("Société &quot;Tamount&quot; &amp; Fils &lt;SARL&gt; l&apos;Atlas"));
    assert!(
        xml.contains("خديجة &amp; أولادها &lt;الحوز&gt;"),
        "Arabic written as UTF-8"
    );
    assert!(!xml.contains("&#"), "no numeric character references");
    assert!(!xml.contains("<SARL>") && !xml.contains("<C>"));
    let rows = flatten(&xml);
    assert_eq!(
        texts(&rows, &format!("{P}/PmtInf/CdtTrfTxInf/Cdtr/Nm")),
        [tricky, arabic]
    );
    assert_eq!(text(&rows, &format!("{P}/GrpHdr/InitgPty/Nm")), "A&B <C>");
    Ok(())
}

#[test]
fn same_input_same_bytes() -> Result<(), Error> {
    let lines = (0..200).map(|i| line(i, "اسم", 1000 + i as i64)).collect();
    let b = batch(lines);
    let first = pain001::to_xml(&b)?;
    let second = pain001::to_xml(&b.clone())?;
    assert_eq!(first, second);
    let mut via_writer = Vec::new();
    pain001::write(&b, &mut via_writer)?;
    assert_eq!(first.as_bytes(), via_writer.as_slice());
    Ok(())
}

#[test]
fn validation_errors_have_stable_codes() {
    let ok = || batch(vec![line(1, "A", 100)]);
    let with = |f: &dyn Fn(&mut CreditTransferBatch)| {
        let mut b = ok();
        f(&mut b);
        code(pain001::to_xml(&b))
    };
    assert_eq!(with(&|_| {}), "ok");
    assert_eq!(with(&|b| b.lines.clear()), "empty_batch");
    assert_eq!(
        with(&|b| b.lines[0].amount_centimes = 0),
        "amount_not_positive"
    );
    assert_eq!(
        with(&|b| b.lines[0].amount_centimes = -5),
        "amount_not_positive"
    );
    assert_eq!(
        with(&|b| b.lines[0].amount_centimes = 1_000_000_000_000_000_000),
        "amount_too_large"
    );
    assert_eq!(
        with(&|b| b.debtor_account = "MA64007780000000000000000161".to_owned()),
        "invalid_iban"
    );
    assert_eq!(
        with(&|b| b.lines[0].creditor_account = Account::Iban("MA6400778".to_owned())),
        "invalid_iban"
    );
    assert_eq!(with(&|b| b.debtor_name = "ب".repeat(141)), "text_too_long");
    assert_eq!(with(&|b| b.debtor_name = "ب".repeat(140)), "ok");
    assert_eq!(with(&|b| b.message_id = "M".repeat(36)), "text_too_long");
    assert_eq!(
        with(&|b| b.message_id = "MSG 1".to_owned()),
        "invalid_character"
    );
    assert_eq!(
        with(&|b| b.lines[0].end_to_end_id = "رقم".to_owned()),
        "invalid_character"
    );
    assert_eq!(
        with(&|b| b.lines[0].end_to_end_id = "/E2E".to_owned()),
        "invalid_identifier"
    );
    assert_eq!(
        with(&|b| b.lines[0].creditor_name = " ".to_owned()),
        "text_empty"
    );
    assert_eq!(
        with(&|b| b.lines[0].creditor_name = "a\u{0}b".to_owned()),
        "invalid_character"
    );
    assert_eq!(
        with(&|b| b.lines[0].remittance_info = Some("x".repeat(141))),
        "text_too_long"
    );
    assert_eq!(
        with(&|b| b.lines[0].currency = "mad".to_owned()),
        "invalid_currency"
    );
    assert_eq!(
        with(&|b| b.debtor_agent_bic = Some("BCMA".to_owned())),
        "invalid_bic"
    );
    assert_eq!(
        with(&|b| b.lines[0].creditor_agent_bic = Some("bcmamamc".to_owned())),
        "invalid_bic"
    );
    assert_eq!(
        with(&|b| {
            let mut second = line(2, "B", 100);
            second.end_to_end_id = b.lines[0].end_to_end_id.clone();
            b.lines.push(second);
        }),
        "duplicate_end_to_end_id"
    );
    assert_eq!(
        with(&|b| {
            let mut second = line(2, "B", 100);
            second.currency = "EUR".to_owned();
            b.lines.push(second);
        }),
        "invalid_currency"
    );
    assert_eq!(
        with(&|b| {
            b.lines[0].creditor_account = Account::Other {
                id: "1".to_owned(),
                scheme: AccountScheme::Code("TOOLONG".to_owned()),
            }
        }),
        "invalid_account"
    );
}

#[test]
fn errors_name_the_line_and_field() {
    let mut b = batch(vec![line(1, "A", 100), line(2, "B", 100)]);
    b.lines[1].creditor_name = "x".repeat(141);
    let err = pain001::to_xml(&b).expect_err("too long");
    assert_eq!(err.code(), "text_too_long");
    assert_eq!(
        err.to_string(),
        "lines[1].creditor_name: 141 characters, at most 140 allowed"
    );
}

#[test]
fn nothing_is_written_when_validation_fails() {
    let mut b = batch(vec![line(1, "A", 100)]);
    b.lines[0].amount_centimes = 0;
    let mut out = Vec::new();
    assert!(pain001::write(&b, &mut out).is_err());
    assert!(out.is_empty());
}

#[test]
fn streaming_writer_checks_declared_totals() -> Result<(), Error> {
    let b = batch((0..1000).map(|i| line(i, "Latifa", 12_345)).collect());
    let totals = b.validate()?;
    assert_eq!(
        totals,
        Totals {
            number_of_transactions: 1000,
            control_sum_centimes: 12_345_000
        }
    );
    // Streaming line by line gives the same bytes as the whole-batch writer.
    let mut w = Pain001Writer::start(Vec::new(), &b.header(), totals)?;
    for l in &b.lines {
        w.line(l)?;
    }
    let streamed = w.finish()?;
    assert_eq!(streamed, pain001::to_xml(&b)?.into_bytes());

    // Declaring one line too many or a wrong sum fails at the end.
    let mut short = Pain001Writer::start(
        Vec::new(),
        &b.header(),
        Totals {
            number_of_transactions: 1001,
            ..totals
        },
    )?;
    for l in &b.lines {
        short.line(l)?;
    }
    assert_eq!(
        short.finish().map(|_| ()).map_err(|e| e.code()),
        Err("control_mismatch")
    );

    let mut long = Pain001Writer::start(
        Vec::new(),
        &b.header(),
        Totals {
            number_of_transactions: 1,
            control_sum_centimes: 12_345,
        },
    )?;
    long.line(&b.lines[0])?;
    assert_eq!(
        long.line(&b.lines[1]).map_err(|e| e.code()),
        Err("control_mismatch")
    );
    Ok(())
}

#[test]
fn totals_of_a_large_batch() -> Result<(), Error> {
    let b = batch(
        (0..1000)
            .map(|i| line(i, "اسم", 50_000 + i as i64))
            .collect(),
    );
    let rows = flatten(&pain001::to_xml(&b)?);
    let amounts = texts(&rows, &format!("{P}/PmtInf/CdtTrfTxInf/Amt/InstdAmt"));
    assert_eq!(amounts.len(), 1000);
    let sum: i64 = amounts
        .iter()
        .map(|a| twiza_iso20022::parse_centimes(a).unwrap_or(-1))
        .sum();
    assert_eq!(
        twiza_iso20022::format_centimes(sum),
        text(&rows, &format!("{P}/GrpHdr/CtrlSum"))
    );
    assert_eq!(text(&rows, &format!("{P}/GrpHdr/NbOfTxs")), "1000");
    Ok(())
}
