//! Writes sample payment files into the directory given as argument, for the XSD validation in
//! tests/iso20022: pain.001.001.09 batches (Latin and Arabic names, IBAN and RIB accounts,
//! 1, 3 and 1,000 lines) and pain.002 answers to the large one in versions 001.10 and 001.03.
//!
//! `cargo run -q -p twiza-iso20022 --example write_samples -- DIR`

use std::fs::File;
use std::io::BufWriter;
use std::path::Path;

use time::macros::{date, datetime};
use twiza_iso20022::pain001::{self, ChargeBearer, CreditTransferBatch, CreditTransferLine};
use twiza_iso20022::pain002::{
    self, Pain002Version, PaymentInfoStatus, StatusReport, TransactionStatus,
};
use twiza_iso20022::{moroccan_iban_from_rib, moroccan_rib_key, Account, AccountScheme, Error};

/// A 24-digit RIB: bank, city, a 16-digit account number derived from `n`, and its key.
fn rib(bank: u32, city: u32, n: u64) -> String {
    let body = format!("{bank:03}{city:03}{n:016}");
    let key = moroccan_rib_key(&body).unwrap_or(0);
    format!("{body}{key:02}")
}

fn iban(n: u64) -> Result<String, Error> {
    moroccan_iban_from_rib(&rib(7, 780, n))
}

const ARABIC_NAMES: [&str; 6] = [
    "فاطمة الزهراء بنعلي",
    "محمد أيت باها",
    "خديجة أمزيان & أولادها",
    "عبد الله <الحوزي>",
    "ⵜⴰⵏⵙⵍⵎⵜ ⴰⵎⴰⵣⵉⵖ",
    "Ahmed O'Brien-Lahlou",
];

fn header(message_id: &str, lines: Vec<CreditTransferLine>) -> Result<CreditTransferBatch, Error> {
    Ok(CreditTransferBatch {
        message_id: message_id.to_owned(),
        created_at: datetime!(2025-03-01 09:30:00 +01:00),
        initiating_party_name: "Association Twiza Al Haouz".to_owned(),
        payment_info_id: format!("{message_id}-P1"),
        requested_execution_date: date!(2025 - 03 - 03),
        debtor_name: "جمعية تويزة الحوز".to_owned(),
        debtor_account: iban(1)?,
        debtor_agent_bic: Some("BCMAMAMC".to_owned()),
        batch_booking: true,
        charge_bearer: Some(ChargeBearer::Debtor),
        lines,
    })
}

fn latin_single() -> Result<CreditTransferBatch, Error> {
    header(
        "TWZ-2025-03-0001",
        vec![CreditTransferLine {
            end_to_end_id: "TWZ-HH-000001".to_owned(),
            instruction_id: "TWZ-2025-03-0001-1".to_owned(),
            amount_centimes: 150_000,
            currency: "MAD".to_owned(),
            creditor_name: "Fatima Zahra Benali".to_owned(),
            creditor_account: Account::Iban(iban(1001)?),
            creditor_agent_bic: Some("BCMAMAMC".to_owned()),
            remittance_info: Some("Aide mensuelle mars 2025".to_owned()),
        }],
    )
}

fn mixed_small() -> Result<CreditTransferBatch, Error> {
    let mut batch = header(
        "TWZ-2025-03-0002",
        vec![
            CreditTransferLine {
                end_to_end_id: "TWZ-HH-000101".to_owned(),
                instruction_id: "TWZ-2025-03-0002-1".to_owned(),
                amount_centimes: 5,
                currency: "MAD".to_owned(),
                creditor_name: "Société \"Tamount\" & Fils <SARL>".to_owned(),
                creditor_account: Account::moroccan_rib(&rib(230, 810, 42))?,
                creditor_agent_bic: None,
                remittance_info: Some("دعم شهري — مارس".to_owned()),
            },
            CreditTransferLine {
                end_to_end_id: "TWZ-HH-000102".to_owned(),
                instruction_id: "TWZ-2025-03-0002-2".to_owned(),
                amount_centimes: 99_999_999,
                currency: "MAD".to_owned(),
                creditor_name: "ⵎⵓⵃⵎⵎⴷ ⴰⵢⵜ ⴱⴰⵀⴰ".to_owned(),
                creditor_account: Account::Other {
                    id: "WALLET-0612345678".to_owned(),
                    scheme: AccountScheme::Proprietary("Portefeuille mobile".to_owned()),
                },
                creditor_agent_bic: None,
                remittance_info: None,
            },
            CreditTransferLine {
                end_to_end_id: "TWZ-HH-000103".to_owned(),
                instruction_id: "TWZ-2025-03-0002-3".to_owned(),
                amount_centimes: 120_050,
                currency: "MAD".to_owned(),
                creditor_name: "خديجة أمزيان".to_owned(),
                creditor_account: Account::Iban(iban(1003)?),
                creditor_agent_bic: Some("BMCEMAMCXXX".to_owned()),
                remittance_info: None,
            },
        ],
    )?;
    batch.debtor_agent_bic = None;
    batch.batch_booking = false;
    batch.charge_bearer = None;
    Ok(batch)
}

fn arabic_large() -> Result<CreditTransferBatch, Error> {
    let mut lines = Vec::with_capacity(1000);
    for i in 0..1000u64 {
        let name = ARABIC_NAMES[(i % ARABIC_NAMES.len() as u64) as usize];
        let creditor_account = if i % 3 == 0 {
            Account::moroccan_rib(&rib(350, 450, 10_000 + i))?
        } else {
            Account::Iban(iban(10_000 + i)?)
        };
        lines.push(CreditTransferLine {
            end_to_end_id: format!("TWZ-HH-{:06}", 200_000 + i),
            instruction_id: format!("TWZ-2025-03-0003-{i}"),
            amount_centimes: 50_000 + (i as i64 % 7) * 12_345,
            currency: "MAD".to_owned(),
            creditor_name: format!("{name} {i}"),
            creditor_account,
            creditor_agent_bic: (i % 5 == 0).then(|| "CIHMMAMC".to_owned()),
            remittance_info: (i % 2 == 0).then(|| format!("دعم الأسر المتضررة — الدفعة {i}")),
        });
    }
    header("TWZ-2025-03-0003", lines)
}

/// The bank's answer to `batch`: every seventh line rejected (AC01, incorrect account number),
/// the rest settled.
fn answer(batch: &CreditTransferBatch, version: Pain002Version) -> StatusReport {
    let transactions = batch
        .lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let mut tx = if i % 7 == 3 {
                TransactionStatus::rejected(&batch.payment_info_id, &line.end_to_end_id, "AC01")
            } else {
                TransactionStatus::paid(&batch.payment_info_id, &line.end_to_end_id)
            };
            tx.instruction_id = Some(line.instruction_id.clone());
            tx
        })
        .collect();
    StatusReport {
        version,
        message_id: format!("BANK-STS-{}", batch.message_id),
        created_at: "2025-03-03T18:00:00+01:00".to_owned(),
        original_message_id: batch.message_id.clone(),
        original_message_name: pain001::MESSAGE_NAME.to_owned(),
        group_status: Some("PART".to_owned()),
        group_reason: None,
        payment_infos: vec![PaymentInfoStatus {
            original_payment_info_id: batch.payment_info_id.clone(),
            status: Some("PART".to_owned()),
            reason: None,
        }],
        transactions,
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args().nth(1).ok_or("usage: write_samples DIR")?;
    let dir = Path::new(&dir);
    std::fs::create_dir_all(dir)?;
    let large = arabic_large()?;
    for (name, batch) in [
        ("pain001-latin-iban-1.xml", latin_single()?),
        ("pain001-mixed-accounts-3.xml", mixed_small()?),
        ("pain001-arabic-1000.xml", large.clone()),
    ] {
        let file = BufWriter::new(File::create(dir.join(name))?);
        pain001::write(&batch, file)?;
    }
    for (name, version) in [
        ("pain002-v10-answer-1000.xml", Pain002Version::V10),
        ("pain002-v03-answer-1000.xml", Pain002Version::V03),
    ] {
        let file = BufWriter::new(File::create(dir.join(name))?);
        pain002::write(&answer(&large, version), file)?;
    }
    println!("wrote 5 sample files to {}", dir.display());
    Ok(())
}
