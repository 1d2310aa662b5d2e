//! Payment batches: the bank file of a batch as ISO 20022 `pain.001.001.09` (reading payees'
//! names and accounts for it goes to each household's access log), and the bank's `pain.002`
//! status report applied to the batch's lines.

use crate::error::{Error, Result};
use twiza_domain::{OrgScope, UserId};
use twiza_iso20022::pain001::{ChargeBearer, CreditTransferBatch, CreditTransferLine};
use twiza_iso20022::pain002::PaymentStatus;
use twiza_iso20022::{Account, AccountScheme};
use twiza_store::{LineStatus, PayeeKind, PersonalDataKeys, Reader, Reconciliation, Store};

/// Lines read from the store at a time while the file is written.
const PAGE: i64 = 2000;

/// A bank file, ready to send.
pub struct PaymentFile {
    /// The batch's message id, which names the file.
    pub message_id: String,
    pub xml: String,
}

fn file_refused(e: twiza_iso20022::Error) -> Error {
    Error::FileRefused {
        code: "payment_file_invalid",
        detail: Some(e.code()),
    }
}

/// Writes the batch as a `pain.001.001.09` credit-transfer file for the association's bank;
/// each payee read is written to its household's access log under `reader`.
pub async fn pain001(
    store: &Store,
    keys: &PersonalDataKeys,
    scope: &OrgScope,
    reader: UserId,
    batch_id: i64,
) -> Result<PaymentFile> {
    let header = store.payment_batch(scope, batch_id).await?;
    let organization = store
        .organization(scope.org_id())
        .await?
        .ok_or(Error::NotFound)?;
    let mut lines = Vec::with_capacity(usize::try_from(header.lines).unwrap_or(0));
    let mut after = 0;
    loop {
        let reader = Reader {
            account: reader,
            purpose: "payment",
        };
        let page = store
            .payment_file_lines(scope, keys, batch_id, reader, after, PAGE)
            .await?;
        let Some(last) = page.last() else { break };
        after = last.line_id;
        for l in page {
            let account = match l.payee_kind {
                PayeeKind::Rib => Account::moroccan_rib(&l.payee_account).map_err(file_refused)?,
                PayeeKind::Wallet => Account::Other {
                    id: l.payee_account,
                    scheme: AccountScheme::Proprietary("MOBILE_WALLET".to_owned()),
                },
            };
            lines.push(CreditTransferLine {
                instruction_id: l.end_to_end_id.clone(),
                end_to_end_id: l.end_to_end_id,
                amount_centimes: l.centimes,
                currency: "MAD".to_owned(),
                creditor_name: l.creditor_name,
                creditor_account: account,
                creditor_agent_bic: None,
                remittance_info: Some(format!("{} {}", header.programme, header.period)),
            });
        }
    }
    let execution = twiza_domain::campaign::parse_date("execution_date", &header.execution_date)
        .map_err(|_| Error::Internal("a payment batch with an unreadable execution date"))?;
    let batch = CreditTransferBatch {
        message_id: header.message_id.clone(),
        created_at: time::OffsetDateTime::from_unix_timestamp(header.created_at)
            .map_err(|_| Error::Internal("a payment batch with an unreadable creation time"))?,
        initiating_party_name: organization.name_fr.clone(),
        payment_info_id: header.message_id.clone(),
        requested_execution_date: execution,
        debtor_name: header.debtor_name.clone(),
        debtor_account: header.debtor_iban.clone(),
        debtor_agent_bic: None,
        batch_booking: false,
        charge_bearer: Some(ChargeBearer::Debtor),
        lines,
    };
    let xml = twiza_iso20022::pain001::to_xml(&batch).map_err(file_refused)?;
    Ok(PaymentFile {
        message_id: header.message_id,
        xml,
    })
}

fn line_status(status: PaymentStatus) -> Option<LineStatus> {
    match status {
        PaymentStatus::Paid => Some(LineStatus::Paid),
        PaymentStatus::Rejected { reason } => Some(LineStatus::Rejected {
            reason: reason.unwrap_or_else(|| "NARR".to_owned()),
        }),
        PaymentStatus::Pending | PaymentStatus::Accepted => Some(LineStatus::Pending),
        PaymentStatus::Unknown => None,
    }
}

/// Applies the bank's `pain.002` status report (the file's bytes) to the batch: paid lines are
/// logged, rejected ones keep the bank's reason; a report with only a group status applies it
/// to every line still waiting; sending the same report again changes nothing. A file that is
/// not a status report, or one about another batch, is refused with nothing written.
pub async fn apply_status_report(
    store: &Store,
    scope: &OrgScope,
    batch_id: i64,
    file: &[u8],
) -> Result<Reconciliation> {
    let batch = store.payment_batch(scope, batch_id).await?;
    let report = twiza_iso20022::pain002::parse(file).map_err(|e| Error::FileRefused {
        code: "status_report_invalid",
        detail: Some(e.code()),
    })?;
    if report.original_message_id != batch.message_id {
        return Err(Error::FileRefused {
            code: "status_report_other_batch",
            detail: None,
        });
    }
    let statuses: Vec<(String, LineStatus)> = if report.transactions.is_empty() {
        // A report with a group status only (the whole file rejected, say) speaks for every
        // line still waiting for the bank.
        let group = report
            .group_status
            .as_deref()
            .map(|code| PaymentStatus::from_code(code, report.group_reason.clone()))
            .and_then(line_status)
            .ok_or(Error::FileRefused {
                code: "status_report_without_lines",
                detail: None,
            })?;
        store
            .open_payment_lines(scope, batch_id)
            .await?
            .into_iter()
            .map(|e| (e, group.clone()))
            .collect()
    } else {
        report
            .transactions
            .into_iter()
            .filter_map(|t| {
                let status = line_status(t.status)?;
                Some((t.end_to_end_id.or(t.instruction_id)?, status))
            })
            .collect()
    };
    Ok(store.reconcile_payments(scope, batch_id, &statuses).await?)
}
