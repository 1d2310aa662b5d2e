//! `pain.002` customer payment status reports (versions `001.10` and `001.03`): a streaming
//! parser into [`StatusReport`], and a writer of the same model used to simulate the bank's
//! answer in the demo and tests.

use std::io::{BufRead, Write};

use crate::text::{check_id, check_text, looks_like_datetime, MAX35};
use crate::xml::{Node, PathReader, XmlOut};
use crate::Error;

/// The pain.002 versions read and written here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pain002Version {
    /// `pain.002.001.03` (2009), still what many banks send.
    V03,
    /// `pain.002.001.10` (2019), the pair of `pain.001.001.09`.
    V10,
}

impl Pain002Version {
    /// The XML namespace of this version.
    pub fn namespace(self) -> &'static str {
        match self {
            Pain002Version::V03 => "urn:iso:std:iso:20022:tech:xsd:pain.002.001.03",
            Pain002Version::V10 => "urn:iso:std:iso:20022:tech:xsd:pain.002.001.10",
        }
    }

    fn from_namespace(ns: &str) -> Option<Self> {
        [Pain002Version::V10, Pain002Version::V03]
            .into_iter()
            .find(|v| v.namespace() == ns)
    }
}

/// What a transaction's status means for Twiza's reconciliation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PaymentStatus {
    /// `ACSC`, `ACCC`: settled, the household's account is credited (or about to be).
    Paid,
    /// `RJCT`: refused; `reason` is `StsRsnInf/Rsn/Cd` (or `Prtry`), e.g. `AC01`, `AC04`.
    Rejected { reason: Option<String> },
    /// `PDNG`, `RCVD`: not decided yet.
    Pending,
    /// `ACTC`, `ACCP`, `ACSP`, `ACWC`, `ACWP`, `ACFC`, `ACIS`: accepted, not settled yet.
    Accepted,
    /// Any other code (kept in `raw_code`): neither paid nor rejected; a person should look.
    Unknown,
}

impl PaymentStatus {
    /// Maps a transaction status code of the ISO external code list.
    pub fn from_code(code: &str, reason: Option<String>) -> PaymentStatus {
        match code {
            "ACSC" | "ACCC" => PaymentStatus::Paid,
            "RJCT" => PaymentStatus::Rejected { reason },
            "PDNG" | "RCVD" => PaymentStatus::Pending,
            "ACTC" | "ACCP" | "ACSP" | "ACWC" | "ACWP" | "ACFC" | "ACIS" => PaymentStatus::Accepted,
            _ => PaymentStatus::Unknown,
        }
    }
}

/// The status of one transaction of the original pain.001.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TransactionStatus {
    /// `OrgnlPmtInfAndSts/OrgnlPmtInfId` of the payment information holding it.
    pub original_payment_info_id: String,
    /// `OrgnlEndToEndId` (the pain.001 line's `EndToEndId`).
    pub end_to_end_id: Option<String>,
    /// `OrgnlInstrId` (the pain.001 line's `InstrId`).
    pub instruction_id: Option<String>,
    /// The meaning of `raw_code`.
    pub status: PaymentStatus,
    /// `TxSts`; when the bank left it out, the payment information's or group's status that
    /// applies to the transaction.
    pub raw_code: String,
    /// `StsRsnInf/AddtlInf` texts, in order.
    pub additional_info: Vec<String>,
}

impl TransactionStatus {
    /// A settled (`ACSC`) transaction, for simulated answers.
    pub fn paid(payment_info_id: &str, end_to_end_id: &str) -> Self {
        Self::with_code(payment_info_id, end_to_end_id, "ACSC", None)
    }

    /// A rejected (`RJCT`) transaction with a reason code such as `AC01`, for simulated answers.
    pub fn rejected(payment_info_id: &str, end_to_end_id: &str, reason: &str) -> Self {
        Self::with_code(
            payment_info_id,
            end_to_end_id,
            "RJCT",
            Some(reason.to_owned()),
        )
    }

    /// A transaction with any status code.
    pub fn with_code(
        payment_info_id: &str,
        end_to_end_id: &str,
        code: &str,
        reason: Option<String>,
    ) -> Self {
        TransactionStatus {
            original_payment_info_id: payment_info_id.to_owned(),
            end_to_end_id: Some(end_to_end_id.to_owned()),
            instruction_id: None,
            status: PaymentStatus::from_code(code, reason),
            raw_code: code.to_owned(),
            additional_info: Vec::new(),
        }
    }
}

/// The status of one payment information block (`OrgnlPmtInfAndSts`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaymentInfoStatus {
    /// `OrgnlPmtInfId`: the pain.001's `PmtInfId`.
    pub original_payment_info_id: String,
    /// `PmtInfSts`, e.g. `ACCP`, `PART`, `RJCT`.
    pub status: Option<String>,
    /// The first `StsRsnInf/Rsn/Cd` (or `Prtry`).
    pub reason: Option<String>,
}

/// A customer payment status report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusReport {
    /// Which schema the report follows.
    pub version: Pain002Version,
    /// `GrpHdr/MsgId` of the report itself.
    pub message_id: String,
    /// `GrpHdr/CreDtTm`, as written (`YYYY-MM-DDThh:mm:ss` with optional fraction and zone).
    pub created_at: String,
    /// `OrgnlGrpInfAndSts/OrgnlMsgId`: the pain.001's `MsgId`.
    pub original_message_id: String,
    /// `OrgnlGrpInfAndSts/OrgnlMsgNmId`, e.g. `pain.001.001.09`.
    pub original_message_name: String,
    /// `OrgnlGrpInfAndSts/GrpSts`, e.g. `ACCP`, `PART`, `RJCT`; `None` when only lines have one.
    pub group_status: Option<String>,
    /// The group's first `StsRsnInf/Rsn/Cd` (or `Prtry`).
    pub group_reason: Option<String>,
    /// One per `OrgnlPmtInfAndSts`, in order.
    pub payment_infos: Vec<PaymentInfoStatus>,
    /// One per `TxInfAndSts`, in order. A report that only carries a group status (e.g. the
    /// whole file rejected) has none: the group status then applies to every line.
    pub transactions: Vec<TransactionStatus>,
}

/// Parses a status report held in memory.
pub fn parse_str(xml: &str) -> Result<StatusReport, Error> {
    parse(xml.as_bytes())
}

/// Parses a status report from a buffered reader, in one pass and without building a tree.
/// Malformed XML, another message, a version other than 001.03 and 001.10, or a missing
/// mandatory element give an error; nothing panics.
pub fn parse<R: BufRead>(input: R) -> Result<StatusReport, Error> {
    let mut reader = PathReader::new(input);
    let mut builder = Builder::default();
    let mut version = None;
    while let Some(node) = reader.next_node()? {
        match node {
            Node::Open { path, namespace } => {
                if version.is_none() {
                    version = Some(root_version(&path, namespace.as_deref())?);
                    continue;
                }
                let Some(rel) = path.strip_prefix("Document/") else {
                    continue;
                };
                if rel == "CstmrPmtStsRpt" {
                    builder.seen_body = true;
                } else if !builder.seen_body {
                    return Err(Error::UnsupportedMessage {
                        found: format!("Document/{rel} (expected CstmrPmtStsRpt)"),
                    });
                }
                builder.open(rel);
            }
            Node::Close { path, text } => {
                if let Some(rel) = path.strip_prefix("Document/CstmrPmtStsRpt/") {
                    builder.close(rel, text)?;
                }
            }
        }
    }
    reader.expect_end()?;
    let version = version.ok_or_else(|| Error::MalformedXml {
        position: 0,
        message: "empty document".to_owned(),
    })?;
    builder.finish(version)
}

fn root_version(path: &str, namespace: Option<&str>) -> Result<Pain002Version, Error> {
    if path != "Document" {
        return Err(Error::UnsupportedMessage {
            found: format!("root element <{path}>"),
        });
    }
    let ns = namespace.unwrap_or("");
    Pain002Version::from_namespace(ns).ok_or_else(|| Error::UnsupportedMessage {
        found: if ns.is_empty() {
            "a Document without namespace".to_owned()
        } else {
            format!("namespace {ns}")
        },
    })
}

/// Collects fields as elements close. Paths are relative to `Document/CstmrPmtStsRpt/`.
#[derive(Default)]
struct Builder {
    seen_body: bool,
    message_id: Option<String>,
    created_at: Option<String>,
    original_message_id: Option<String>,
    original_message_name: Option<String>,
    group_status: Option<String>,
    group_reason: Option<String>,
    payment_infos: Vec<PaymentInfoStatus>,
    /// Per transaction: its status code as written (maybe absent) and its reason.
    transactions: Vec<(TransactionStatus, Option<String>, Option<String>)>,
    /// Index into `transactions` of the first transaction of the current payment information.
    first_tx_of_block: usize,
}

const GROUP: &str = "OrgnlGrpInfAndSts/";
const BLOCK: &str = "OrgnlPmtInfAndSts/";
const TX: &str = "OrgnlPmtInfAndSts/TxInfAndSts/";

impl Builder {
    fn open(&mut self, rel: &str) {
        match rel {
            "CstmrPmtStsRpt/OrgnlPmtInfAndSts" => {
                self.payment_infos.push(PaymentInfoStatus {
                    original_payment_info_id: String::new(),
                    status: None,
                    reason: None,
                });
                self.first_tx_of_block = self.transactions.len();
            }
            "CstmrPmtStsRpt/OrgnlPmtInfAndSts/TxInfAndSts" => {
                self.transactions.push((
                    TransactionStatus {
                        original_payment_info_id: String::new(),
                        end_to_end_id: None,
                        instruction_id: None,
                        status: PaymentStatus::Unknown,
                        raw_code: String::new(),
                        additional_info: Vec::new(),
                    },
                    None,
                    None,
                ));
            }
            _ => {}
        }
    }

    fn close(&mut self, rel: &str, text: String) -> Result<(), Error> {
        if let Some(field) = rel.strip_prefix(TX) {
            let Some((tx, code, reason)) = self.transactions.last_mut() else {
                return Ok(());
            };
            match field {
                "OrgnlEndToEndId" => tx.end_to_end_id = Some(text),
                "OrgnlInstrId" => tx.instruction_id = Some(text),
                "TxSts" => *code = Some(code_value("TxSts", text)?),
                "StsRsnInf/Rsn/Cd" | "StsRsnInf/Rsn/Prtry" => {
                    reason.get_or_insert(text);
                }
                "StsRsnInf/AddtlInf" => tx.additional_info.push(text),
                _ => {}
            }
        } else if let Some(field) = rel.strip_prefix(BLOCK) {
            let Some(block) = self.payment_infos.last_mut() else {
                return Ok(());
            };
            match field {
                "OrgnlPmtInfId" => block.original_payment_info_id = text,
                "PmtInfSts" => block.status = Some(code_value("PmtInfSts", text)?),
                "StsRsnInf/Rsn/Cd" | "StsRsnInf/Rsn/Prtry" => {
                    block.reason.get_or_insert(text);
                }
                _ => {}
            }
        } else if rel == "OrgnlPmtInfAndSts" {
            self.close_block()?;
        } else if let Some(field) = rel.strip_prefix(GROUP) {
            match field {
                "OrgnlMsgId" => self.original_message_id = Some(text),
                "OrgnlMsgNmId" => self.original_message_name = Some(text),
                "GrpSts" => self.group_status = Some(code_value("GrpSts", text)?),
                "StsRsnInf/Rsn/Cd" | "StsRsnInf/Rsn/Prtry" => {
                    self.group_reason.get_or_insert(text);
                }
                _ => {}
            }
        } else {
            match rel {
                "GrpHdr/MsgId" => self.message_id = Some(text),
                "GrpHdr/CreDtTm" => self.created_at = Some(text),
                _ => {}
            }
        }
        Ok(())
    }

    /// At the end of a payment information block: its id goes to its transactions, and
    /// transactions without `TxSts` take the block's status (the group's is applied in
    /// `finish`, once it is known — `GrpSts` comes before the blocks, but be lenient).
    fn close_block(&mut self) -> Result<(), Error> {
        let Some(block) = self.payment_infos.last() else {
            return Ok(());
        };
        if block.original_payment_info_id.is_empty() {
            return Err(Error::MissingElement {
                path: "OrgnlPmtInfAndSts/OrgnlPmtInfId".to_owned(),
            });
        }
        for (tx, code, _) in self.transactions.iter_mut().skip(self.first_tx_of_block) {
            tx.original_payment_info_id = block.original_payment_info_id.clone();
            if code.is_none() {
                *code = block.status.clone();
            }
        }
        Ok(())
    }

    fn finish(self, version: Pain002Version) -> Result<StatusReport, Error> {
        if !self.seen_body {
            return Err(Error::MissingElement {
                path: "Document/CstmrPmtStsRpt".to_owned(),
            });
        }
        let missing = |path: &str| Error::MissingElement {
            path: path.to_owned(),
        };
        let message_id = self.message_id.ok_or_else(|| missing("GrpHdr/MsgId"))?;
        let created_at = self.created_at.ok_or_else(|| missing("GrpHdr/CreDtTm"))?;
        let original_message_id = self
            .original_message_id
            .ok_or_else(|| missing("OrgnlGrpInfAndSts/OrgnlMsgId"))?;
        let original_message_name = self
            .original_message_name
            .ok_or_else(|| missing("OrgnlGrpInfAndSts/OrgnlMsgNmId"))?;
        let mut transactions = Vec::with_capacity(self.transactions.len());
        for (mut tx, code, reason) in self.transactions {
            if tx.end_to_end_id.is_none() && tx.instruction_id.is_none() {
                return Err(missing("TxInfAndSts/OrgnlEndToEndId"));
            }
            let code = code
                .or_else(|| self.group_status.clone())
                .ok_or_else(|| missing("TxInfAndSts/TxSts"))?;
            tx.status = PaymentStatus::from_code(&code, reason);
            tx.raw_code = code;
            transactions.push(tx);
        }
        Ok(StatusReport {
            version,
            message_id,
            created_at,
            original_message_id,
            original_message_name,
            group_status: self.group_status,
            group_reason: self.group_reason,
            payment_infos: self.payment_infos,
            transactions,
        })
    }
}

/// A status or reason code: 1 to 4 upper-case letters or digits.
fn code_value(field: &str, text: String) -> Result<String, Error> {
    if !text.is_empty()
        && text.len() <= 4
        && text
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
    {
        Ok(text)
    } else {
        Err(Error::InvalidValue {
            field: field.to_owned(),
            value: text,
        })
    }
}

/// Group and payment-information status codes allowed by pain.002.001.03's enumeration.
const V03_GROUP_CODES: [&str; 9] = [
    "ACTC", "RCVD", "PART", "RJCT", "PDNG", "ACCP", "ACSP", "ACSC", "ACWC",
];
/// Transaction status codes allowed by pain.002.001.03's enumeration.
const V03_TX_CODES: [&str; 7] = ["ACTC", "RJCT", "PDNG", "ACCP", "ACSP", "ACSC", "ACWC"];

/// Renders a report as a UTF-8 XML string (see [`write`]).
pub fn to_xml(report: &StatusReport) -> Result<String, Error> {
    let mut out = Vec::new();
    write(report, &mut out)?;
    String::from_utf8(out).map_err(|e| Error::Io(std::io::Error::other(e)))
}

/// Writes a report in `report.version`'s schema after validating it. Each transaction is
/// written under the payment information whose id it names (all of them must be listed in
/// `payment_infos`); `TxSts` is `raw_code`, and a rejection's reason goes to
/// `StsRsnInf/Rsn/Cd` (or `Prtry` when it is not a 1–4 character code).
pub fn write<W: Write>(report: &StatusReport, w: W) -> Result<(), Error> {
    validate_report(report)?;
    let mut out = XmlOut::new(w)?;
    out.open_ns("Document", report.version.namespace())?;
    out.open("CstmrPmtStsRpt")?;
    out.open("GrpHdr")?;
    out.leaf("MsgId", &report.message_id)?;
    out.leaf("CreDtTm", &report.created_at)?;
    out.close("GrpHdr")?;
    out.open("OrgnlGrpInfAndSts")?;
    out.leaf("OrgnlMsgId", &report.original_message_id)?;
    out.leaf("OrgnlMsgNmId", &report.original_message_name)?;
    if let Some(status) = &report.group_status {
        out.leaf("GrpSts", status)?;
    }
    write_reason(&mut out, report.group_reason.as_deref(), &[])?;
    out.close("OrgnlGrpInfAndSts")?;
    for block in &report.payment_infos {
        out.open("OrgnlPmtInfAndSts")?;
        out.leaf("OrgnlPmtInfId", &block.original_payment_info_id)?;
        if let Some(status) = &block.status {
            out.leaf("PmtInfSts", status)?;
        }
        write_reason(&mut out, block.reason.as_deref(), &[])?;
        for tx in report
            .transactions
            .iter()
            .filter(|tx| tx.original_payment_info_id == block.original_payment_info_id)
        {
            out.open("TxInfAndSts")?;
            if let Some(id) = &tx.instruction_id {
                out.leaf("OrgnlInstrId", id)?;
            }
            if let Some(id) = &tx.end_to_end_id {
                out.leaf("OrgnlEndToEndId", id)?;
            }
            out.leaf("TxSts", &tx.raw_code)?;
            let reason = match &tx.status {
                PaymentStatus::Rejected { reason } => reason.as_deref(),
                _ => None,
            };
            write_reason(&mut out, reason, &tx.additional_info)?;
            out.close("TxInfAndSts")?;
        }
        out.close("OrgnlPmtInfAndSts")?;
    }
    out.close("CstmrPmtStsRpt")?;
    out.close("Document")?;
    out.finish()?;
    Ok(())
}

fn write_reason<W: Write>(
    out: &mut XmlOut<W>,
    reason: Option<&str>,
    additional_info: &[String],
) -> Result<(), Error> {
    if reason.is_none() && additional_info.is_empty() {
        return Ok(());
    }
    out.open("StsRsnInf")?;
    if let Some(reason) = reason {
        out.open("Rsn")?;
        if is_code(reason) {
            out.leaf("Cd", reason)?;
        } else {
            out.leaf("Prtry", reason)?;
        }
        out.close("Rsn")?;
    }
    for info in additional_info {
        out.leaf("AddtlInf", info)?;
    }
    out.close("StsRsnInf")?;
    Ok(())
}

fn is_code(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 4
        && s.bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

fn validate_report(r: &StatusReport) -> Result<(), Error> {
    check_id("message_id", &r.message_id, MAX35)?;
    if !looks_like_datetime(&r.created_at) {
        return Err(Error::InvalidDate {
            field: "created_at".to_owned(),
        });
    }
    check_text("original_message_id", &r.original_message_id, MAX35)?;
    check_text("original_message_name", &r.original_message_name, MAX35)?;
    let group_codes: &[&str] = match r.version {
        Pain002Version::V03 => &V03_GROUP_CODES,
        Pain002Version::V10 => &[],
    };
    let check_code = |field: &str, code: &str, allowed: &[&str]| {
        if is_code(code) && (allowed.is_empty() || allowed.contains(&code)) {
            Ok(())
        } else {
            Err(Error::InvalidValue {
                field: field.to_owned(),
                value: code.to_owned(),
            })
        }
    };
    if let Some(code) = &r.group_status {
        check_code("group_status", code, group_codes)?;
    }
    check_reason("group_reason", r.group_reason.as_deref())?;
    for (i, block) in r.payment_infos.iter().enumerate() {
        check_text(
            &format!("payment_infos[{i}].original_payment_info_id"),
            &block.original_payment_info_id,
            MAX35,
        )?;
        if let Some(code) = &block.status {
            check_code(&format!("payment_infos[{i}].status"), code, group_codes)?;
        }
        check_reason(
            &format!("payment_infos[{i}].reason"),
            block.reason.as_deref(),
        )?;
    }
    let tx_codes: &[&str] = match r.version {
        Pain002Version::V03 => &V03_TX_CODES,
        Pain002Version::V10 => &[],
    };
    for (i, tx) in r.transactions.iter().enumerate() {
        let f = |name: &str| format!("transactions[{i}].{name}");
        if !r
            .payment_infos
            .iter()
            .any(|b| b.original_payment_info_id == tx.original_payment_info_id)
        {
            return Err(Error::InvalidValue {
                field: f("original_payment_info_id"),
                value: tx.original_payment_info_id.clone(),
            });
        }
        if tx.end_to_end_id.is_none() && tx.instruction_id.is_none() {
            return Err(Error::TextEmpty {
                field: f("end_to_end_id"),
            });
        }
        if let Some(id) = &tx.end_to_end_id {
            check_text(&f("end_to_end_id"), id, MAX35)?;
        }
        if let Some(id) = &tx.instruction_id {
            check_text(&f("instruction_id"), id, MAX35)?;
        }
        check_code(&f("raw_code"), &tx.raw_code, tx_codes)?;
        if let PaymentStatus::Rejected { reason } = &tx.status {
            check_reason(&f("reason"), reason.as_deref())?;
        }
        for info in &tx.additional_info {
            check_text(&f("additional_info"), info, 105)?;
        }
    }
    Ok(())
}

fn check_reason(field: &str, reason: Option<&str>) -> Result<(), Error> {
    match reason {
        Some(r) => check_text(field, r, MAX35),
        None => Ok(()),
    }
}
