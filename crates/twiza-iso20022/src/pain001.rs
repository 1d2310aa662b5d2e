//! `pain.001.001.09` customer credit-transfer initiation: the typed batch, its validation and a
//! deterministic streaming writer (one `GrpHdr`, one `PmtInf`, one `CdtTrfTxInf` per line).

use std::collections::HashSet;
use std::io::Write;

use time::{Date, OffsetDateTime};

use crate::account::{check_bic, check_iban, Account, AccountScheme};
use crate::text::{
    check_currency, check_id, check_text, format_centimes, format_date, format_datetime, MAX140,
    MAX35, MAX_CENTIMES,
};
use crate::xml::XmlOut;
use crate::Error;

/// The XML namespace of the messages this module writes.
pub const NAMESPACE: &str = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09";
/// The message name identification (`OrgnlMsgNmId` in the bank's pain.002 answer).
pub const MESSAGE_NAME: &str = "pain.001.001.09";
/// Written as the debtor agent's `Othr/Id` when its BIC is not known, as the standard allows.
pub const NOT_PROVIDED: &str = "NOTPROVIDED";

/// Who bears the transfer charges (`ChrgBr`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChargeBearer {
    /// `DEBT`: the association pays all charges, the household receives the full amount.
    Debtor,
    /// `CRED`: the creditor pays.
    Creditor,
    /// `SHAR`: each side pays its own bank.
    Shared,
    /// `SLEV`: as the service level says (SEPA); only for schemes that define one.
    FollowingServiceLevel,
}

impl ChargeBearer {
    /// The code written in the file.
    pub fn code(self) -> &'static str {
        match self {
            ChargeBearer::Debtor => "DEBT",
            ChargeBearer::Creditor => "CRED",
            ChargeBearer::Shared => "SHAR",
            ChargeBearer::FollowingServiceLevel => "SLEV",
        }
    }
}

/// A whole credit-transfer initiation: one debtor account paying many households.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreditTransferBatch {
    /// `GrpHdr/MsgId`: unique per file sent to the bank (the bank refuses duplicates).
    pub message_id: String,
    /// `GrpHdr/CreDtTm`.
    pub created_at: OffsetDateTime,
    /// `GrpHdr/InitgPty/Nm`: the association (or Twiza acting for it).
    pub initiating_party_name: String,
    /// `PmtInf/PmtInfId`.
    pub payment_info_id: String,
    /// `PmtInf/ReqdExctnDt/Dt`.
    pub requested_execution_date: Date,
    /// `PmtInf/Dbtr/Nm`: the association holding the account.
    pub debtor_name: String,
    /// `PmtInf/DbtrAcct/Id/IBAN`.
    pub debtor_account: String,
    /// `PmtInf/DbtrAgt/FinInstnId/BICFI`; `Othr/Id` = `NOTPROVIDED` when `None`.
    pub debtor_agent_bic: Option<String>,
    /// `PmtInf/BtchBookg`: `true` asks for one debit of the total, `false` one per line.
    pub batch_booking: bool,
    /// `PmtInf/ChrgBr`, omitted when `None` (the bank's default applies).
    pub charge_bearer: Option<ChargeBearer>,
    /// One `CdtTrfTxInf` each, in this order.
    pub lines: Vec<CreditTransferLine>,
}

/// One transfer to one household.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreditTransferLine {
    /// `PmtId/EndToEndId`: travels to the beneficiary's bank and comes back in pain.002;
    /// unique within the batch.
    pub end_to_end_id: String,
    /// `PmtId/InstrId`: the reference between Twiza and the association's bank.
    pub instruction_id: String,
    /// `Amt/InstdAmt`, in centimes (written with two decimals).
    pub amount_centimes: i64,
    /// `Amt/InstdAmt/@Ccy`, e.g. `MAD`; one currency per batch.
    pub currency: String,
    /// `Cdtr/Nm`, any script (Arabic, Tifinagh, Latin).
    pub creditor_name: String,
    /// `CdtrAcct/Id`.
    pub creditor_account: Account,
    /// `CdtrAgt/FinInstnId/BICFI`, omitted when `None`.
    pub creditor_agent_bic: Option<String>,
    /// `RmtInf/Ustrd`, omitted when `None`.
    pub remittance_info: Option<String>,
}

/// The header of a batch, borrowed: what [`Pain001Writer`] needs before the first line.
#[derive(Debug, Clone, Copy)]
pub struct BatchHeader<'a> {
    pub message_id: &'a str,
    pub created_at: OffsetDateTime,
    pub initiating_party_name: &'a str,
    pub payment_info_id: &'a str,
    pub requested_execution_date: Date,
    pub debtor_name: &'a str,
    pub debtor_account: &'a str,
    pub debtor_agent_bic: Option<&'a str>,
    pub batch_booking: bool,
    pub charge_bearer: Option<ChargeBearer>,
}

/// Number of transactions and control sum, as written in `NbOfTxs` and `CtrlSum`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Totals {
    pub number_of_transactions: u64,
    pub control_sum_centimes: i64,
}

impl CreditTransferBatch {
    /// The header fields, borrowed.
    pub fn header(&self) -> BatchHeader<'_> {
        BatchHeader {
            message_id: &self.message_id,
            created_at: self.created_at,
            initiating_party_name: &self.initiating_party_name,
            payment_info_id: &self.payment_info_id,
            requested_execution_date: self.requested_execution_date,
            debtor_name: &self.debtor_name,
            debtor_account: &self.debtor_account,
            debtor_agent_bic: self.debtor_agent_bic.as_deref(),
            batch_booking: self.batch_booking,
            charge_bearer: self.charge_bearer,
        }
    }

    /// Checks the whole batch without writing anything and returns its totals.
    pub fn validate(&self) -> Result<Totals, Error> {
        validate_header(&self.header())?;
        if self.lines.is_empty() {
            return Err(Error::EmptyBatch);
        }
        let mut tally = Tally::default();
        for (i, line) in self.lines.iter().enumerate() {
            tally.add(i, line)?;
        }
        Ok(tally.totals())
    }
}

/// Validates and renders the batch as a UTF-8 XML string.
pub fn to_xml(batch: &CreditTransferBatch) -> Result<String, Error> {
    let mut out = Vec::new();
    write(batch, &mut out)?;
    String::from_utf8(out).map_err(|e| Error::Io(std::io::Error::other(e)))
}

/// Validates the batch, then writes it to `w` (nothing is written when validation fails).
pub fn write<W: Write>(batch: &CreditTransferBatch, w: W) -> Result<Totals, Error> {
    let totals = batch.validate()?;
    let mut writer = Pain001Writer::start(w, &batch.header(), totals)?;
    for line in &batch.lines {
        writer.line(line)?;
    }
    writer.finish()?;
    Ok(totals)
}

/// Writes a pain.001 whose lines come one at a time (e.g. straight from a database cursor),
/// so that a batch of a million households never sits in memory.
///
/// The header's `NbOfTxs` and `CtrlSum` come first in the file, so the totals are declared up
/// front (`SELECT count(*), sum(amount)`); [`Pain001Writer::finish`] fails with
/// `control_mismatch` if the lines did not add up to them. Each line is validated before it is
/// written; after any error the output is incomplete and must be discarded.
pub struct Pain001Writer<W: Write> {
    out: XmlOut<W>,
    declared: Totals,
    tally: Tally,
}

impl<W: Write> Pain001Writer<W> {
    /// Validates the header and declared totals and writes everything up to the first line.
    pub fn start(w: W, header: &BatchHeader<'_>, declared: Totals) -> Result<Self, Error> {
        validate_header(header)?;
        if declared.number_of_transactions == 0 {
            return Err(Error::EmptyBatch);
        }
        check_sum("CtrlSum", declared.control_sum_centimes)?;
        let created = format_datetime("created_at", header.created_at)?;
        let execution = format_date("requested_execution_date", header.requested_execution_date)?;
        let count = declared.number_of_transactions.to_string();
        let sum = format_centimes(declared.control_sum_centimes);

        let mut out = XmlOut::new(w)?;
        out.open_ns("Document", NAMESPACE)?;
        out.open("CstmrCdtTrfInitn")?;

        out.open("GrpHdr")?;
        out.leaf("MsgId", header.message_id)?;
        out.leaf("CreDtTm", &created)?;
        out.leaf("NbOfTxs", &count)?;
        out.leaf("CtrlSum", &sum)?;
        out.open("InitgPty")?;
        out.leaf("Nm", header.initiating_party_name)?;
        out.close("InitgPty")?;
        out.close("GrpHdr")?;

        out.open("PmtInf")?;
        out.leaf("PmtInfId", header.payment_info_id)?;
        out.leaf("PmtMtd", "TRF")?;
        out.leaf(
            "BtchBookg",
            if header.batch_booking {
                "true"
            } else {
                "false"
            },
        )?;
        out.leaf("NbOfTxs", &count)?;
        out.leaf("CtrlSum", &sum)?;
        out.open("ReqdExctnDt")?;
        out.leaf("Dt", &execution)?;
        out.close("ReqdExctnDt")?;
        out.open("Dbtr")?;
        out.leaf("Nm", header.debtor_name)?;
        out.close("Dbtr")?;
        out.open("DbtrAcct")?;
        out.open("Id")?;
        out.leaf("IBAN", header.debtor_account)?;
        out.close("Id")?;
        out.close("DbtrAcct")?;
        out.open("DbtrAgt")?;
        out.open("FinInstnId")?;
        match header.debtor_agent_bic {
            Some(bic) => out.leaf("BICFI", bic)?,
            None => {
                out.open("Othr")?;
                out.leaf("Id", NOT_PROVIDED)?;
                out.close("Othr")?;
            }
        }
        out.close("FinInstnId")?;
        out.close("DbtrAgt")?;
        if let Some(bearer) = header.charge_bearer {
            out.leaf("ChrgBr", bearer.code())?;
        }
        Ok(Pain001Writer {
            out,
            declared,
            tally: Tally::default(),
        })
    }

    /// Validates and writes one `CdtTrfTxInf`.
    pub fn line(&mut self, line: &CreditTransferLine) -> Result<(), Error> {
        let index = usize::try_from(self.tally.count).unwrap_or(usize::MAX);
        self.tally.add(index, line)?;
        if self.tally.count > self.declared.number_of_transactions {
            return Err(self.mismatch());
        }
        let out = &mut self.out;
        out.open("CdtTrfTxInf")?;
        out.open("PmtId")?;
        out.leaf("InstrId", &line.instruction_id)?;
        out.leaf("EndToEndId", &line.end_to_end_id)?;
        out.close("PmtId")?;
        out.open("Amt")?;
        out.leaf_attr(
            "InstdAmt",
            ("Ccy", &line.currency),
            &format_centimes(line.amount_centimes),
        )?;
        out.close("Amt")?;
        if let Some(bic) = &line.creditor_agent_bic {
            out.open("CdtrAgt")?;
            out.open("FinInstnId")?;
            out.leaf("BICFI", bic)?;
            out.close("FinInstnId")?;
            out.close("CdtrAgt")?;
        }
        out.open("Cdtr")?;
        out.leaf("Nm", &line.creditor_name)?;
        out.close("Cdtr")?;
        out.open("CdtrAcct")?;
        out.open("Id")?;
        match &line.creditor_account {
            Account::Iban(iban) => out.leaf("IBAN", iban)?,
            Account::Other { id, scheme } => {
                out.open("Othr")?;
                out.leaf("Id", id)?;
                out.open("SchmeNm")?;
                match scheme {
                    AccountScheme::Code(code) => out.leaf("Cd", code)?,
                    AccountScheme::Proprietary(name) => out.leaf("Prtry", name)?,
                }
                out.close("SchmeNm")?;
                out.close("Othr")?;
            }
        }
        out.close("Id")?;
        out.close("CdtrAcct")?;
        if let Some(info) = &line.remittance_info {
            out.open("RmtInf")?;
            out.leaf("Ustrd", info)?;
            out.close("RmtInf")?;
        }
        out.close("CdtTrfTxInf")?;
        Ok(())
    }

    fn mismatch(&self) -> Error {
        Error::ControlMismatch {
            declared_count: self.declared.number_of_transactions,
            declared_sum: self.declared.control_sum_centimes,
            actual_count: self.tally.count,
            actual_sum: self.tally.sum,
        }
    }

    /// Closes the document after checking the lines against the declared totals.
    pub fn finish(mut self) -> Result<W, Error> {
        if self.tally.totals() != self.declared {
            return Err(self.mismatch());
        }
        self.out.close("PmtInf")?;
        self.out.close("CstmrCdtTrfInitn")?;
        self.out.close("Document")?;
        self.out.finish()
    }
}

fn validate_header(h: &BatchHeader<'_>) -> Result<(), Error> {
    check_id("message_id", h.message_id, MAX35)?;
    check_text("initiating_party_name", h.initiating_party_name, MAX140)?;
    check_id("payment_info_id", h.payment_info_id, MAX35)?;
    check_text("debtor_name", h.debtor_name, MAX140)?;
    check_iban("debtor_account", h.debtor_account)?;
    if let Some(bic) = h.debtor_agent_bic {
        check_bic("debtor_agent_bic", bic)?;
    }
    format_datetime("created_at", h.created_at)?;
    format_date("requested_execution_date", h.requested_execution_date)?;
    Ok(())
}

fn check_sum(field: &str, centimes: i64) -> Result<(), Error> {
    if centimes <= 0 {
        return Err(Error::AmountNotPositive {
            field: field.to_owned(),
            centimes,
        });
    }
    if centimes > MAX_CENTIMES {
        return Err(Error::AmountTooLarge {
            field: field.to_owned(),
        });
    }
    Ok(())
}

/// Running checks over the lines: totals, one currency, unique end-to-end ids.
#[derive(Default)]
struct Tally {
    count: u64,
    sum: i64,
    currency: Option<String>,
    end_to_end_ids: HashSet<String>,
}

impl Tally {
    fn add(&mut self, index: usize, line: &CreditTransferLine) -> Result<(), Error> {
        self.check(line)
            .map_err(|e| e.in_field(&format!("lines[{index}].")))
    }

    fn check(&mut self, line: &CreditTransferLine) -> Result<(), Error> {
        check_id("end_to_end_id", &line.end_to_end_id, MAX35)?;
        check_id("instruction_id", &line.instruction_id, MAX35)?;
        check_sum("amount_centimes", line.amount_centimes)?;
        check_currency("currency", &line.currency)?;
        match &self.currency {
            None => self.currency = Some(line.currency.clone()),
            Some(c) if *c != line.currency => {
                return Err(Error::InvalidCurrency {
                    field: "currency".to_owned(),
                    value: format!("{} (the batch is in {c})", line.currency),
                })
            }
            Some(_) => {}
        }
        check_text("creditor_name", &line.creditor_name, MAX140)?;
        line.creditor_account.validate("creditor_account")?;
        if let Some(bic) = &line.creditor_agent_bic {
            check_bic("creditor_agent_bic", bic)?;
        }
        if let Some(info) = &line.remittance_info {
            check_text("remittance_info", info, MAX140)?;
        }
        if self.end_to_end_ids.contains(&line.end_to_end_id) {
            return Err(Error::DuplicateEndToEndId(line.end_to_end_id.clone()));
        }
        let sum = self
            .sum
            .checked_add(line.amount_centimes)
            .filter(|s| *s <= MAX_CENTIMES)
            .ok_or_else(|| Error::AmountTooLarge {
                field: "CtrlSum".to_owned(),
            })?;
        self.end_to_end_ids.insert(line.end_to_end_id.clone());
        self.sum = sum;
        self.count += 1;
        Ok(())
    }

    fn totals(&self) -> Totals {
        Totals {
            number_of_transactions: self.count,
            control_sum_centimes: self.sum,
        }
    }
}
