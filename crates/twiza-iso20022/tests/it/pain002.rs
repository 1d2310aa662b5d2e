//! pain.002: round trips through the writer in both versions, a hand-written bank answer with
//! mixed ACSC/RJCT lines, inherited statuses, and hostile input (truncations, garbage).

use twiza_iso20022::pain002::{
    self, Pain002Version, PaymentInfoStatus, PaymentStatus, StatusReport, TransactionStatus,
};
use twiza_iso20022::Error;

fn report(version: Pain002Version) -> StatusReport {
    let mut rejected = TransactionStatus::rejected("PMT-1", "E2E-00002", "AC04");
    rejected.instruction_id = Some("INSTR-00002".to_owned());
    rejected.additional_info = vec!["Compte clôturé — الحساب مغلق & <archivé>".to_owned()];
    StatusReport {
        version,
        message_id: "BANK-STS-1".to_owned(),
        created_at: "2025-03-03T18:00:00+01:00".to_owned(),
        original_message_id: "MSG-2025-0001".to_owned(),
        original_message_name: "pain.001.001.09".to_owned(),
        group_status: Some("PART".to_owned()),
        group_reason: None,
        payment_infos: vec![
            PaymentInfoStatus {
                original_payment_info_id: "PMT-1".to_owned(),
                status: Some("PART".to_owned()),
                reason: None,
            },
            PaymentInfoStatus {
                original_payment_info_id: "PMT-2".to_owned(),
                status: Some("RJCT".to_owned()),
                reason: Some("AM04".to_owned()),
            },
        ],
        transactions: vec![
            TransactionStatus::paid("PMT-1", "E2E-00001"),
            rejected,
            TransactionStatus::with_code("PMT-1", "E2E-00003", "PDNG", None),
            TransactionStatus::with_code("PMT-1", "E2E-00004", "ACSP", None),
            TransactionStatus::rejected("PMT-2", "E2E-00005", "AM04"),
        ],
    }
}

#[test]
fn round_trip_in_both_versions() -> Result<(), Error> {
    for version in [Pain002Version::V10, Pain002Version::V03] {
        let original = report(version);
        let xml = pain002::to_xml(&original)?;
        assert!(xml.contains(version.namespace()));
        let parsed = pain002::parse_str(&xml)?;
        assert_eq!(parsed, original, "{version:?}");
        // And again: writing what was read gives the same bytes.
        assert_eq!(pain002::to_xml(&parsed)?, xml);
    }
    Ok(())
}

#[test]
fn statuses_map_to_reconciliation_outcomes() -> Result<(), Error> {
    let parsed = pain002::parse_str(&pain002::to_xml(&report(Pain002Version::V10))?)?;
    let statuses: Vec<_> = parsed
        .transactions
        .iter()
        .map(|t| t.status.clone())
        .collect();
    assert_eq!(
        statuses,
        [
            PaymentStatus::Paid,
            PaymentStatus::Rejected {
                reason: Some("AC04".to_owned())
            },
            PaymentStatus::Pending,
            PaymentStatus::Accepted,
            PaymentStatus::Rejected {
                reason: Some("AM04".to_owned())
            },
        ]
    );
    assert_eq!(parsed.transactions[4].original_payment_info_id, "PMT-2");
    assert_eq!(
        PaymentStatus::from_code("ZZZZ", None),
        PaymentStatus::Unknown
    );
    Ok(())
}

#[test]
fn version_03_refuses_codes_outside_its_enumeration() {
    let mut r = report(Pain002Version::V03);
    r.transactions[0] = TransactionStatus::with_code("PMT-1", "E2E-00001", "ACCC", None);
    assert_eq!(
        pain002::to_xml(&r).map_err(|e| e.code()),
        Err("invalid_value")
    );
    r.version = Pain002Version::V10;
    assert!(pain002::to_xml(&r).is_ok());
}

/// What a bank might send: prefixed namespace, comments, CDATA, entity and character
/// references, a line without `TxSts` (inherits `PmtInfSts`), reasons as `Prtry`, elements
/// this crate does not read.
const BANK_ANSWER: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<!-- status report from the bank -->
<p:Document xmlns:p="urn:iso:std:iso:20022:tech:xsd:pain.002.001.10" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
 <p:CstmrPmtStsRpt>
  <p:GrpHdr>
   <p:MsgId>STS20250303-0007</p:MsgId>
   <p:CreDtTm>2025-03-03T17:45:12.123</p:CreDtTm>
   <p:InitgPty><p:Nm>Banque &amp; Co</p:Nm></p:InitgPty>
  </p:GrpHdr>
  <p:OrgnlGrpInfAndSts>
   <p:OrgnlMsgId>TWZ-2025-03-0003</p:OrgnlMsgId>
   <p:OrgnlMsgNmId>pain.001.001.09</p:OrgnlMsgNmId>
   <p:OrgnlNbOfTxs>4</p:OrgnlNbOfTxs>
   <p:GrpSts>PART</p:GrpSts>
  </p:OrgnlGrpInfAndSts>
  <p:OrgnlPmtInfAndSts>
   <p:OrgnlPmtInfId>TWZ-2025-03-0003-P1</p:OrgnlPmtInfId>
   <p:PmtInfSts>PART</p:PmtInfSts>
   <p:TxInfAndSts>
    <p:StsId>S1</p:StsId>
    <p:OrgnlInstrId>TWZ-2025-03-0003-0</p:OrgnlInstrId>
    <p:OrgnlEndToEndId>TWZ-HH-200000</p:OrgnlEndToEndId>
    <p:TxSts>ACSC</p:TxSts>
    <p:AccptncDtTm>2025-03-03T10:00:00</p:AccptncDtTm>
   </p:TxInfAndSts>
   <p:TxInfAndSts>
    <p:OrgnlEndToEndId><![CDATA[TWZ-HH-200001]]></p:OrgnlEndToEndId>
    <p:TxSts>RJCT</p:TxSts>
    <p:StsRsnInf>
     <p:Orgtr><p:Nm>CIH</p:Nm></p:Orgtr>
     <p:Rsn><p:Cd>AC01</p:Cd></p:Rsn>
     <p:AddtlInf>RIB &#x627;&#1604; incorrect</p:AddtlInf>
    </p:StsRsnInf>
    <p:StsRsnInf><p:Rsn><p:Cd>AC04</p:Cd></p:Rsn></p:StsRsnInf>
   </p:TxInfAndSts>
   <p:TxInfAndSts>
    <p:OrgnlEndToEndId>TWZ-HH-200002</p:OrgnlEndToEndId>
    <p:TxSts>RJCT</p:TxSts>
    <p:StsRsnInf><p:Rsn><p:Prtry>BENEF-DECEDE</p:Prtry></p:Rsn></p:StsRsnInf>
   </p:TxInfAndSts>
   <p:TxInfAndSts>
    <p:OrgnlInstrId>TWZ-2025-03-0003-3</p:OrgnlInstrId>
   </p:TxInfAndSts>
  </p:OrgnlPmtInfAndSts>
 </p:CstmrPmtStsRpt>
</p:Document>
"#;

#[test]
fn hand_written_bank_answer() -> Result<(), Error> {
    let r = pain002::parse_str(BANK_ANSWER)?;
    assert_eq!(r.version, Pain002Version::V10);
    assert_eq!(r.message_id, "STS20250303-0007");
    assert_eq!(r.created_at, "2025-03-03T17:45:12.123");
    assert_eq!(r.original_message_id, "TWZ-2025-03-0003");
    assert_eq!(r.original_message_name, "pain.001.001.09");
    assert_eq!(r.group_status.as_deref(), Some("PART"));
    assert_eq!(r.payment_infos.len(), 1);
    assert_eq!(
        r.payment_infos[0].original_payment_info_id,
        "TWZ-2025-03-0003-P1"
    );
    assert_eq!(r.payment_infos[0].status.as_deref(), Some("PART"));
    let t = &r.transactions;
    assert_eq!(t.len(), 4);
    assert_eq!(t[0].end_to_end_id.as_deref(), Some("TWZ-HH-200000"));
    assert_eq!(t[0].instruction_id.as_deref(), Some("TWZ-2025-03-0003-0"));
    assert_eq!(t[0].status, PaymentStatus::Paid);
    assert_eq!(t[0].raw_code, "ACSC");
    assert_eq!(t[1].end_to_end_id.as_deref(), Some("TWZ-HH-200001"));
    assert_eq!(
        t[1].status,
        PaymentStatus::Rejected {
            reason: Some("AC01".to_owned())
        },
        "the first reason counts"
    );
    assert_eq!(t[1].additional_info, ["RIB ال incorrect"]);
    assert_eq!(
        t[2].status,
        PaymentStatus::Rejected {
            reason: Some("BENEF-DECEDE".to_owned())
        }
    );
    // No TxSts: the payment information's status applies.
    assert_eq!(t[3].end_to_end_id, None);
    assert_eq!(t[3].instruction_id.as_deref(), Some("TWZ-2025-03-0003-3"));
    assert_eq!(t[3].raw_code, "PART");
    assert_eq!(t[3].status, PaymentStatus::Unknown);
    assert!(t
        .iter()
        .all(|x| x.original_payment_info_id == "TWZ-2025-03-0003-P1"));
    Ok(())
}

#[test]
fn a_whole_file_rejected_without_lines() -> Result<(), Error> {
    let xml = r#"<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.03"><CstmrPmtStsRpt>
<GrpHdr><MsgId>R1</MsgId><CreDtTm>2025-03-03T08:00:00</CreDtTm></GrpHdr>
<OrgnlGrpInfAndSts><OrgnlMsgId>M1</OrgnlMsgId><OrgnlMsgNmId>pain.001.001.09</OrgnlMsgNmId>
<GrpSts>RJCT</GrpSts><StsRsnInf><Rsn><Cd>FF01</Cd></Rsn></StsRsnInf></OrgnlGrpInfAndSts>
</CstmrPmtStsRpt></Document>"#;
    let r = pain002::parse_str(xml)?;
    assert_eq!(r.version, Pain002Version::V03);
    assert_eq!(r.group_status.as_deref(), Some("RJCT"));
    assert_eq!(r.group_reason.as_deref(), Some("FF01"));
    assert!(r.payment_infos.is_empty() && r.transactions.is_empty());
    Ok(())
}

fn err_code(xml: &str) -> &'static str {
    match pain002::parse_str(xml) {
        Ok(_) => "ok",
        Err(e) => e.code(),
    }
}

#[test]
fn bad_input_gives_clear_errors() {
    let good = pain002::to_xml(&report(Pain002Version::V10)).unwrap_or_default();
    assert_eq!(err_code(&good), "ok");
    assert_eq!(err_code(""), "malformed_xml");
    assert_eq!(err_code("   \n"), "malformed_xml");
    assert_eq!(err_code("not xml at all"), "malformed_xml");
    assert_eq!(err_code("<Document"), "malformed_xml");
    assert_eq!(
        err_code("<a></b>"),
        "unsupported_message",
        "the root is judged first"
    );
    assert_eq!(
        err_code(&good.replacen("</GrpHdr>", "</GrpHdx>", 1)),
        "malformed_xml"
    );
    assert_eq!(err_code(&format!("{good}<extra/>")), "malformed_xml");
    assert_eq!(err_code(&good.replace("&amp;", "&bogus;")), "malformed_xml");
    assert_eq!(
        err_code("<!DOCTYPE d [<!ENTITY x \"y\">]><Document/>"),
        "malformed_xml"
    );
    assert_eq!(err_code("<Invoice/>"), "unsupported_message");
    assert_eq!(err_code("<Document/>"), "unsupported_message");
    assert_eq!(
        err_code(&good.replace("pain.002.001.10", "pain.002.001.12")),
        "unsupported_message"
    );
    assert_eq!(
        err_code(&good.replace("CstmrPmtStsRpt", "CstmrCdtTrfInitn")),
        "unsupported_message"
    );
    assert_eq!(
        err_code(r#"<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.10"/>"#),
        "missing_element"
    );
    assert_eq!(
        err_code(&good.replace("<MsgId>BANK-STS-1</MsgId>", "")),
        "missing_element"
    );
    assert_eq!(
        err_code(&good.replacen("<OrgnlEndToEndId>E2E-00001</OrgnlEndToEndId>", "", 1)),
        "missing_element"
    );
    assert_eq!(
        err_code(&good.replacen("ACSC", "accepted", 1)),
        "invalid_value"
    );
    let deep = format!(
        r#"<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.10"><CstmrPmtStsRpt>{}"#,
        "<a>".repeat(100)
    );
    assert_eq!(err_code(&deep), "malformed_xml");
}

#[test]
fn every_truncation_fails_cleanly() {
    let good = pain002::to_xml(&report(Pain002Version::V10)).unwrap_or_default();
    let end = good.trim_end().len();
    for cut in (0..end).filter(|&i| good.is_char_boundary(i)) {
        let code = err_code(&good[..cut]);
        assert!(
            [
                "malformed_xml",
                "missing_element",
                "invalid_value",
                "unsupported_message"
            ]
            .contains(&code),
            "cut at {cut}: {code}"
        );
    }
    assert_eq!(err_code(&good), "ok");
}

#[test]
fn garbage_never_panics() {
    // A small deterministic generator: mutate bytes of a valid report and feed the results.
    let good = pain002::to_xml(&report(Pain002Version::V10)).unwrap_or_default();
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let alphabet = b"<>/&;=\"' ax#!?[]-\n";
    for _ in 0..3000 {
        let mut bytes = good.clone().into_bytes();
        for _ in 0..(next() % 6 + 1) {
            let i = (next() % bytes.len() as u64) as usize;
            match next() % 3 {
                0 => bytes[i] = alphabet[(next() % alphabet.len() as u64) as usize],
                1 => {
                    bytes.remove(i);
                }
                _ => bytes.insert(i, alphabet[(next() % alphabet.len() as u64) as usize]),
            }
        }
        // Through the byte reader, so invalid UTF-8 is exercised as well.
        let _ = pain002::parse(bytes.as_slice());
    }
    let mut invalid_utf8 = good.clone().into_bytes();
    let at = good.find("BANK-STS-1").unwrap();
    invalid_utf8[at] = 0xff;
    assert_eq!(
        pain002::parse(invalid_utf8.as_slice())
            .map_err(|e| e.code())
            .err(),
        Some("malformed_xml")
    );
    for junk in [
        &b"\xff\xfe\x00<"[..],
        b"\x00\x00",
        b"<?xml?>",
        b"<![CDATA[x]]>",
        b"&amp;",
    ] {
        assert!(pain002::parse(junk).is_err());
    }
}
