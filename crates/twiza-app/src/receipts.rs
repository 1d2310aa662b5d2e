//! A donation's receipt, the donor's own file: its format (version 1) and what it proves by
//! itself — the checkpoint's signature, the leaf against its hash, the inclusion proof and the
//! donor commitment — without trusting the platform. The API serves it, the verify page and
//! `twiza log verify --receipt` check it.

use crate::error::{Error, Result};
use base64::Engine;
use serde::{Deserialize, Serialize};
use twiza_domain::donation::{DonationStatus, Gift};
use twiza_domain::money::CURRENCY;
use twiza_domain::{OrgScope, Refusal};
use twiza_store::Store;
use twiza_tlog::NoteSigner;

/// A receipt (format version 1).
#[derive(Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Receipt {
    pub v: u32,
    pub donation_id: i64,
    pub campaign_id: i64,
    pub campaign_code: String,
    pub organization_id: i64,
    /// `money` or `in_kind`.
    pub kind: String,
    pub amount: Option<String>,
    pub currency: Option<String>,
    pub method: Option<String>,
    pub items: Option<Vec<ReceiptItem>>,
    /// Unix seconds.
    pub confirmed_at: i64,
    /// Hex; opens the leaf's `donor` commitment. Keep it: it proves the donation is yours.
    pub receipt_secret: String,
    pub leaf_index: u64,
    /// The leaf, base64 (RFC 8785 JSON).
    pub leaf: String,
    /// Hex SHA-256(0x00 || leaf).
    pub leaf_hash: String,
    /// The log's note verifier key.
    pub log_key: String,
    /// A signed checkpoint (C2SP signed note) whose tree includes the leaf.
    pub checkpoint: String,
    pub inclusion: ReceiptInclusion,
}

#[derive(Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReceiptItem {
    pub item: String,
    pub quantity: i64,
    pub unit: String,
}

#[derive(Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReceiptInclusion {
    pub tree_size: u64,
    /// Hex hashes, RFC 9162 §2.1.3.
    pub hashes: Vec<String>,
}

/// What a receipt proves by itself, checked against the log's verifier key (no I/O): the
/// checkpoint's signature, the leaf against its hash, the inclusion proof, and the donor
/// commitment opened by the receipt secret. Consistency with the log's latest checkpoint is
/// the caller's part (it needs the server).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReceiptChecks {
    /// The signed checkpoint, when its signature verifies.
    pub checkpoint: Option<twiza_tlog::Checkpoint>,
    pub leaf_matches_hash: bool,
    pub included: bool,
    pub donor_opens: bool,
}

impl ReceiptChecks {
    pub fn all_ok(&self) -> bool {
        self.checkpoint.is_some() && self.leaf_matches_hash && self.included && self.donor_opens
    }
}

/// Hex hashes as 32-byte hashes; `None` if one is not.
pub fn decode_hashes(hex_hashes: &[String]) -> Option<Vec<twiza_tlog::Hash>> {
    hex_hashes
        .iter()
        .map(|h| hex::decode(h).ok().and_then(|b| b.try_into().ok()))
        .collect()
}

impl Receipt {
    /// The receipt's own checks (see [`ReceiptChecks`]).
    pub fn check(&self, verifier: &twiza_tlog::NoteVerifier) -> ReceiptChecks {
        let checkpoint = verifier
            .verify(&self.checkpoint)
            .ok()
            .and_then(|body| twiza_tlog::Checkpoint::parse(body).ok())
            .filter(|c| c.origin == verifier.name());
        let leaf = base64::engine::general_purpose::STANDARD
            .decode(&self.leaf)
            .ok();
        let leaf_hash = leaf.as_deref().map(twiza_tlog::leaf_hash);
        let included = match (
            &checkpoint,
            &leaf_hash,
            decode_hashes(&self.inclusion.hashes),
        ) {
            (Some(cp), Some(hash), Some(proof)) if cp.size == self.inclusion.tree_size => {
                twiza_tlog::verify_inclusion(hash, self.leaf_index, cp.size, &proof, &cp.root)
                    .is_ok()
            }
            _ => false,
        };
        let secret: Option<[u8; 32]> = hex::decode(&self.receipt_secret)
            .ok()
            .and_then(|s| s.try_into().ok());
        let donor_opens = leaf
            .as_deref()
            .and_then(|l| serde_json::from_slice::<serde_json::Value>(l).ok())
            .zip(secret)
            .is_some_and(|(leaf, secret)| {
                leaf["donor"].as_str()
                    == Some(twiza_domain::donation::donor_commitment(&secret).as_str())
                    && leaf["id"].as_i64() == Some(self.donation_id)
            });
        ReceiptChecks {
            checkpoint,
            leaf_matches_hash: leaf_hash.is_some_and(|h| hex::encode(h) == self.leaf_hash),
            included,
            donor_opens,
        }
    }
}

/// Builds the receipt of a confirmed donation of the scoped association.
pub async fn build_receipt(
    store: &Store,
    log_signer: &NoteSigner,
    receipt_key: &[u8; 32],
    scope: &OrgScope,
    id: i64,
) -> Result<Receipt> {
    let d = store
        .donation_record(scope, id)
        .await?
        .ok_or(Error::NotFound)?;
    let (Some(confirmed_at), DonationStatus::Confirmed) = (d.confirmed_at, d.status) else {
        return Err(Refusal::DonationNotConfirmed.into());
    };
    let leaf_index = store
        .log_index_of("donation_confirmed", d.id)
        .await?
        .ok_or(Error::Internal(
            "a confirmed donation without its log proof",
        ))?;
    let entry = store.log_entry(leaf_index).await?.ok_or(Error::Internal(
        "a confirmed donation without its log proof",
    ))?;
    let mut checkpoint = store.latest_checkpoint().await?;
    if checkpoint.as_ref().is_none_or(|c| c.size <= leaf_index) {
        // Younger than the publisher's interval: sign the current tree now.
        checkpoint = Some(store.publish_checkpoint(log_signer).await?);
    }
    let checkpoint = checkpoint.ok_or(Error::Internal(
        "a confirmed donation without its log proof",
    ))?;
    let proof = store
        .log_inclusion_proof(leaf_index, checkpoint.size)
        .await?
        .ok_or(Error::Internal(
            "a confirmed donation without its log proof",
        ))?;
    let secret = twiza_store::receipt_secret(receipt_key, d.campaign_id, &d.idempotency_key);
    let (kind, amount, currency, method, items) = match &d.gift {
        Gift::Money { amount, method } => (
            "money",
            Some(amount.to_string()),
            Some(CURRENCY.to_owned()),
            Some(method.as_str().to_owned()),
            None,
        ),
        Gift::InKind { items } => (
            "in_kind",
            None,
            None,
            None,
            Some(
                items
                    .iter()
                    .map(|i| ReceiptItem {
                        item: i.item.clone(),
                        quantity: i.quantity,
                        unit: i.unit.clone(),
                    })
                    .collect(),
            ),
        ),
    };
    Ok(Receipt {
        v: 1,
        donation_id: d.id,
        campaign_id: d.campaign_id,
        campaign_code: d.campaign_code,
        organization_id: d.org_id.0,
        kind: kind.to_owned(),
        amount,
        currency,
        method,
        items,
        confirmed_at,
        receipt_secret: hex::encode(secret),
        leaf_index,
        leaf_hash: hex::encode(twiza_tlog::leaf_hash(&entry.leaf)),
        leaf: base64::engine::general_purpose::STANDARD.encode(&entry.leaf),
        log_key: log_signer.verifier(),
        checkpoint: checkpoint.note,
        inclusion: ReceiptInclusion {
            tree_size: checkpoint.size,
            hashes: proof.iter().map(hex::encode).collect(),
        },
    })
}
