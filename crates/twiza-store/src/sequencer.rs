//! The sequencer: the one writer of donations and of the transparency log, with group commit
//! ([`crate::group_commit`]).
//!
//! Handlers submit work and wait; the sequencer task takes everything waiting (up to a batch
//! limit), runs it in ONE transaction — donation rows, their log leaves, the new Merkle hashes,
//! the new log size — commits once, then answers every submitter. A donation is acknowledged
//! only after that commit, so nothing acknowledged is lost; one fsync serves the whole batch.
//! The log size row is read [`Backend::for_update`](crate::Backend::for_update) (locked on
//! PostgreSQL) so several `twiza serve` nodes append one after the other.
//!
//! Two kinds of work go through it: new donations ([`NewDonation`]: recorded as settled, or
//! pending a payment provider) and settlements of pending ones ([`Settlement`], from the
//! provider's verified callback): a paid one becomes confirmed and gets its leaf in the same
//! transaction; a failed one is marked failed and logs nothing.

use crate::group_commit::{Batch, GroupCommit};
use crate::ledger::DonationPosting;
use crate::logged::donation_leaf;
use crate::tlog::{append_at, lock_size, NewLeaf};
use crate::{now, Col, Result, Store, StoreError};
use sqlx::AnyConnection;
use std::collections::HashMap;
use twiza_domain::campaign::{collecting, parse_date, AuthorizationStatus, CampaignState};
use twiza_domain::donation::{donor_commitment, DonationStatus, Gift, PaymentMethod};
use twiza_domain::money::Amount;
use twiza_tlog::Hash;

/// Largest number of submissions committed together.
const MAX_BATCH: usize = 1000;

/// A donation to record.
#[derive(Debug, Clone)]
pub struct NewDonation {
    pub campaign_id: i64,
    pub idempotency_key: String,
    /// Hash of the request body, to tell a replay from a conflicting reuse of the key.
    pub request_hash: String,
    pub gift: Gift,
    /// `Confirmed` for payments recorded as settled; `Pending` when a provider will confirm.
    pub status: DonationStatus,
    /// The reference shared with the payment provider (unique), for gifts paid online.
    pub provider_reference: Option<String>,
    /// The donor's identity, sealed by the caller: the store never holds it in clear.
    pub sealed_identity: Option<Vec<u8>>,
}

/// What the payment provider says happened to a pending donation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaymentOutcome {
    Paid,
    Failed,
}

impl PaymentOutcome {
    pub fn as_str(self) -> &'static str {
        match self {
            PaymentOutcome::Paid => "paid",
            PaymentOutcome::Failed => "failed",
        }
    }
}

/// A verified provider callback to apply.
#[derive(Debug, Clone)]
pub struct Settlement {
    /// The donation's provider reference.
    pub reference: String,
    /// The provider's id of this notification: the same event applied twice changes nothing.
    pub event_id: String,
    pub outcome: PaymentOutcome,
    /// The amount the provider settled; it must be the donation's.
    pub amount: Amount,
}

/// Where a settled donation stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SettlementAck {
    pub donation_id: i64,
    pub status: DonationStatus,
    /// Nothing changed: the event was seen before, or the donation already had this outcome.
    pub replayed: bool,
    pub leaf_index: Option<u64>,
    pub leaf_hash: Option<Hash>,
}

/// Why a settlement was refused (nothing was written).
#[derive(Debug, thiserror::Error)]
pub enum SettlementRefused {
    #[error("no donation has this provider reference")]
    UnknownReference,
    #[error("the settled amount is not the donation's")]
    AmountMismatch,
    /// The donation already has the other outcome (a confirmed one cannot fail, nor a failed
    /// one be paid).
    #[error("donation is {0:?}")]
    NotPending(DonationStatus),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("the sequencer stopped")]
    Unavailable,
}

/// The sequencer's answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DonationAck {
    pub id: i64,
    pub status: DonationStatus,
    /// The same key and body were seen before: this is the earlier donation.
    pub replayed: bool,
    pub leaf_index: Option<u64>,
    pub leaf_hash: Option<Hash>,
}

/// Why a donation was refused (nothing was written).
#[derive(Debug, thiserror::Error)]
pub enum DonationRefused {
    #[error("unknown campaign")]
    UnknownCampaign,
    /// The campaign does not collect now; the code says why (`campaign_closed`, …).
    #[error("campaign not collecting: {0}")]
    NotCollecting(&'static str),
    #[error("idempotency key reused with another request")]
    IdempotencyConflict,
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("the sequencer stopped")]
    Unavailable,
}

/// The work of one batch, in submission order.
enum Work {
    Donation(NewDonation),
    Settlement(Settlement),
}

enum Answer {
    Donation(Outcome),
    Settlement(SettlementOutcome),
}

/// The sequencer's batches: donations and settlements, with their leaves, in one transaction.
struct Donations {
    receipt_key: [u8; 32],
}

impl Batch for Donations {
    type Job = Work;
    type Answer = Answer;
    const NAME: &'static str = "donations";

    async fn commit(&self, store: &Store, jobs: &[Work]) -> Result<Vec<Answer>> {
        commit_batch(store, &self.receipt_key, jobs).await
    }

    fn failed(job: &Work) -> Answer {
        let failed = || StoreError::Corrupt("batch failed");
        match job {
            Work::Donation(_) => Answer::Donation(Err(DonationRefused::Store(failed()))),
            Work::Settlement(_) => Answer::Settlement(Err(SettlementRefused::Store(failed()))),
        }
    }
}

/// Handle to the sequencer task. Cheap to clone.
#[derive(Clone)]
pub struct Sequencer {
    batches: GroupCommit<Donations>,
}

impl Sequencer {
    /// Starts the sequencer task. `receipt_key` derives each donation's receipt secret, which
    /// opens the donor commitment published in its leaf.
    pub fn start(store: Store, receipt_key: [u8; 32]) -> Sequencer {
        Sequencer {
            batches: GroupCommit::start(store, Donations { receipt_key }, MAX_BATCH),
        }
    }

    /// Records a donation; returns once it is durable (or refused, with nothing written).
    pub async fn submit(
        &self,
        donation: NewDonation,
    ) -> std::result::Result<DonationAck, DonationRefused> {
        match self.batches.submit(Work::Donation(donation)).await {
            Some(Answer::Donation(outcome)) => outcome,
            Some(Answer::Settlement(_)) => Err(StoreError::Corrupt("sequencer answer").into()),
            None => Err(DonationRefused::Unavailable),
        }
    }

    /// Applies a provider's verified callback to a pending donation; returns once durable.
    pub async fn settle(&self, settlement: Settlement) -> SettlementOutcome {
        match self.batches.submit(Work::Settlement(settlement)).await {
            Some(Answer::Settlement(outcome)) => outcome,
            Some(Answer::Donation(_)) => Err(StoreError::Corrupt("sequencer answer").into()),
            None => Err(SettlementRefused::Unavailable),
        }
    }
}

/// The receipt secret of a donation, derived from the server's receipt key, the campaign and the
/// request's idempotency key (so it is known before the row exists, and can be printed again on
/// the receipt). Without the receipt key it cannot be guessed.
pub fn receipt_secret(receipt_key: &[u8; 32], campaign_id: i64, idempotency_key: &str) -> [u8; 32] {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    h.update(b"twiza-receipt-secret-v1\n");
    h.update(receipt_key);
    h.update(campaign_id.to_be_bytes());
    h.update(idempotency_key.as_bytes());
    h.finalize().into()
}

/// What the batch knows of a campaign.
struct CampaignFacts {
    org_id: i64,
    code: String,
    refusal: Option<&'static str>,
}

/// A `campaigns` row as the batch reads it (dates as stored text).
#[derive(sqlx::FromRow)]
struct CampaignRow {
    organization_id: i64,
    code: String,
    state: String,
    auth_status: String,
    starts_on: String,
    ends_on: String,
    auth_valid_from: Option<String>,
    auth_valid_to: Option<String>,
}

async fn campaign_facts(conn: &mut AnyConnection, id: i64) -> Result<Option<CampaignFacts>> {
    let row: Option<CampaignRow> = sqlx::query_as(
        "SELECT organization_id, code, state, auth_status, starts_on, ends_on, auth_valid_from, auth_valid_to \
         FROM campaigns WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    let Some(CampaignRow {
        organization_id: org_id,
        code,
        state,
        auth_status: auth,
        starts_on: starts,
        ends_on: ends,
        auth_valid_from: from,
        auth_valid_to: to,
    }) = row
    else {
        return Ok(None);
    };
    let corrupt = || StoreError::Corrupt("campaign");
    let date = |d: &str| parse_date("date", d).map_err(|_| corrupt());
    let valid = match (from, to) {
        (Some(f), Some(t)) => Some((date(&f)?, date(&t)?)),
        _ => None,
    };
    let refusal = collecting(
        CampaignState::parse(&state).ok_or_else(corrupt)?,
        AuthorizationStatus::parse(&auth).ok_or_else(corrupt)?,
        (date(&starts)?, date(&ends)?),
        valid,
        time::OffsetDateTime::now_utc().date(),
    )
    .err()
    .map(|n| n.code());
    Ok(Some(CampaignFacts {
        org_id,
        code,
        refusal,
    }))
}

type Outcome = std::result::Result<DonationAck, DonationRefused>;
type SettlementOutcome = std::result::Result<SettlementAck, SettlementRefused>;

/// What the batch decided for one submission before writing.
enum Plan {
    /// Refused or answered without a write.
    Done(Outcome),
    /// The first submission of its (campaign, key) in this batch: to insert.
    Insert,
    /// A repeat of the submission at this position in the batch.
    Repeat(usize),
}

/// One transaction for the whole batch: the new donations first, then the settlements (which
/// may settle a donation of the same batch), then every leaf; answers in submission order.
async fn commit_batch(store: &Store, receipt_key: &[u8; 32], work: &[Work]) -> Result<Vec<Answer>> {
    let mut tx = store.writer().begin().await?;
    let size = lock_size(&mut tx, store.backend()).await?;
    let at = now();
    let donations: Vec<&NewDonation> = work
        .iter()
        .filter_map(|w| match w {
            Work::Donation(d) => Some(d),
            Work::Settlement(_) => None,
        })
        .collect();
    let mut leaves: Vec<NewLeaf> = Vec::new();
    let mut postings = Vec::new();
    let mut donation_outcomes = write_donations(
        &mut tx,
        receipt_key,
        (at, size),
        &donations,
        &mut leaves,
        &mut postings,
    )
    .await?
    .into_iter();
    // Donations confirmed by this batch's settlements: their leaves reach `log_entries` only at
    // its end.
    let mut confirmed_here: HashMap<i64, (u64, Hash)> = HashMap::new();
    let mut answers = Vec::with_capacity(work.len());
    for w in work {
        answers.push(match w {
            Work::Donation(_) => Answer::Donation(
                donation_outcomes
                    .next()
                    .ok_or(StoreError::Corrupt("batch answers"))?,
            ),
            Work::Settlement(s) => Answer::Settlement(
                settle_one(&mut tx, s, at, size, &mut leaves, &mut confirmed_here).await?,
            ),
        });
    }
    // Book what this batch confirmed, in its transaction (a few multi-row statements). The new
    // donations' postings are known; those confirmed by a settlement are read back.
    let settled: Vec<i64> = leaves
        .iter()
        .filter(|l| l.kind == "donation_confirmed")
        .map(|l| l.ref_id)
        .filter(|id| confirmed_here.contains_key(id))
        .collect();
    postings.extend(crate::ledger::donation_postings(&mut tx, &settled, at).await?);
    crate::ledger::post_donations(&mut tx, &postings).await?;
    append_at(&mut tx, size, &leaves).await?;
    tx.commit().await?;
    Ok(answers)
}

/// Every decision is made first (refusals, repeats inside the batch), then the new donations
/// are written with multi-row INSERTs, then their leaves are queued. Per-donation refusals never
/// abort the others.
async fn write_donations(
    tx: &mut AnyConnection,
    receipt_key: &[u8; 32],
    (at, size): (i64, u64),
    donations: &[&NewDonation],
    leaves: &mut Vec<NewLeaf>,
    postings: &mut Vec<DonationPosting>,
) -> Result<Vec<Outcome>> {
    let mut campaigns: HashMap<i64, Option<CampaignFacts>> = HashMap::new();
    let mut plans: Vec<Plan> = Vec::with_capacity(donations.len());
    let mut first_of: HashMap<(i64, &str), usize> = HashMap::new();
    for (i, d) in donations.iter().enumerate() {
        if let std::collections::hash_map::Entry::Vacant(slot) = campaigns.entry(d.campaign_id) {
            slot.insert(campaign_facts(tx, d.campaign_id).await?);
        }
        let plan = match campaigns.get(&d.campaign_id) {
            Some(Some(campaign)) => {
                match first_of.get(&(d.campaign_id, d.idempotency_key.as_str())) {
                    Some(&first) => Plan::Repeat(first),
                    // A replay of a donation made while the campaign was collecting stays answerable.
                    None if campaign.refusal.is_some() => {
                        Plan::Done(existing_donation(tx, d).await?.unwrap_or(Err(
                            DonationRefused::NotCollecting(
                                campaign.refusal.unwrap_or("campaign_closed"),
                            ),
                        )))
                    }
                    None => {
                        first_of.insert((d.campaign_id, d.idempotency_key.as_str()), i);
                        Plan::Insert
                    }
                }
            }
            _ => Plan::Done(Err(DonationRefused::UnknownCampaign)),
        };
        plans.push(plan);
    }

    // The new donations, in chunks; a key that existed before the batch inserts nothing.
    let to_insert: Vec<usize> = (0..donations.len())
        .filter(|i| matches!(plans[*i], Plan::Insert))
        .collect();
    let mut commitments: HashMap<usize, String> = HashMap::new();
    let mut ids: HashMap<(i64, String), i64> = HashMap::new();
    let sql = format!(
        "{} ON CONFLICT DO NOTHING RETURNING id, campaign_id, idempotency_key",
        crate::json_insert(
            crate::backend_of(tx),
            "donations",
            &[
                ("campaign_id", Col::Int),
                ("organization_id", Col::Int),
                ("kind", Col::Text),
                ("amount_centimes", Col::Int),
                ("method", Col::Text),
                ("items", Col::Text),
                ("status", Col::Text),
                ("idempotency_key", Col::Text),
                ("request_hash", Col::Text),
                ("donor_commitment", Col::Text),
                ("created_at", Col::Int),
                ("confirmed_at", Col::Int),
                ("provider_reference", Col::Text),
            ],
        )
    );
    // No conflict target: the provider reference is unique too, and is derived from the key.
    for chunk in to_insert.chunks(MAX_BATCH) {
        let mut rows = Vec::with_capacity(chunk.len());
        for &i in chunk {
            let d = &donations[i];
            let org_id = match campaigns.get(&d.campaign_id) {
                Some(Some(c)) => c.org_id,
                _ => return Err(StoreError::Corrupt("campaign")),
            };
            let (kind, amount, method, items) = match &d.gift {
                Gift::Money { amount, method } => (
                    "money",
                    Some(amount.centimes()),
                    Some(method.as_str()),
                    None,
                ),
                Gift::InKind { items } => {
                    ("in_kind", None, None, serde_json::to_string(items).ok())
                }
            };
            let commitment = donor_commitment(&receipt_secret(
                receipt_key,
                d.campaign_id,
                &d.idempotency_key,
            ));
            // A tuple serializes as a JSON array, without building a `Value` per row.
            rows.push((
                d.campaign_id,
                org_id,
                kind,
                amount,
                method,
                items,
                d.status.as_str(),
                d.idempotency_key.as_str(),
                d.request_hash.as_str(),
                commitment.clone(),
                at,
                (d.status == DonationStatus::Confirmed).then_some(at),
                d.provider_reference.as_deref(),
            ));
            commitments.insert(i, commitment);
        }
        let rows =
            serde_json::to_string(&rows).map_err(|_| StoreError::Corrupt("donation rows"))?;
        let inserted: Vec<(i64, i64, String)> =
            sqlx::query_as(&sql).bind(rows).fetch_all(&mut *tx).await?;
        for (id, campaign_id, key) in inserted {
            ids.insert((campaign_id, key), id);
        }
    }
    // Sealed donor identities of the inserted donations (gifts by the public only).
    for &i in &to_insert {
        let d = donations[i];
        let (Some(sealed), Some(&id)) = (
            &d.sealed_identity,
            ids.get(&(d.campaign_id, d.idempotency_key.clone())),
        ) else {
            continue;
        };
        let org_id = match campaigns.get(&d.campaign_id) {
            Some(Some(c)) => c.org_id,
            _ => return Err(StoreError::Corrupt("campaign")),
        };
        sqlx::query(
            "INSERT INTO donor_identities (donation_id, organization_id, ciphertext, created_at) \
             VALUES ($1, $2, $3, $4)",
        )
        .bind(id)
        .bind(org_id)
        .bind(sealed.as_slice())
        .bind(at)
        .execute(&mut *tx)
        .await?;
    }

    // Leaves of the inserted, confirmed donations, in batch order; then every answer.
    let mut outcomes: Vec<Outcome> = Vec::with_capacity(donations.len());
    for (i, (d, plan)) in donations.iter().zip(plans).enumerate() {
        let outcome = match plan {
            Plan::Done(outcome) => outcome,
            Plan::Repeat(first) => match &outcomes[first] {
                Ok(ack) if donations[first].request_hash == d.request_hash => Ok(DonationAck {
                    replayed: true,
                    ..ack.clone()
                }),
                Ok(_) => Err(DonationRefused::IdempotencyConflict),
                // The first one was answered from an earlier row: so is this one.
                Err(_) => existing_donation(tx, d)
                    .await?
                    .ok_or(StoreError::Corrupt("idempotency"))?,
            },
            Plan::Insert => match ids.get(&(d.campaign_id, d.idempotency_key.clone())) {
                None => existing_donation(tx, d)
                    .await?
                    .ok_or(StoreError::Corrupt("idempotency"))?,
                Some(&id) => {
                    let (leaf_index, leaf_hash) = if d.status == DonationStatus::Confirmed {
                        let (code, organization_id) = match campaigns.get(&d.campaign_id) {
                            Some(Some(c)) => (c.code.as_str(), c.org_id),
                            _ => return Err(StoreError::Corrupt("campaign")),
                        };
                        postings.push(DonationPosting {
                            donation_id: id,
                            organization_id,
                            campaign_id: d.campaign_id,
                            gift: d.gift.clone(),
                            at,
                        });
                        let commitment = commitments
                            .get(&i)
                            .ok_or(StoreError::Corrupt("commitment"))?;
                        let bytes = donation_leaf(id, at, code, &d.gift, commitment);
                        let hash = twiza_tlog::leaf_hash(&bytes);
                        let index = size + leaves.len() as u64;
                        leaves.push(NewLeaf {
                            kind: "donation_confirmed",
                            ref_id: id,
                            bytes,
                            at,
                        });
                        (Some(index), Some(hash))
                    } else {
                        (None, None)
                    };
                    Ok(DonationAck {
                        id,
                        status: d.status,
                        replayed: false,
                        leaf_index,
                        leaf_hash,
                    })
                }
            },
        };
        outcomes.push(outcome);
    }
    Ok(outcomes)
}

/// Applies one provider callback: a paid pending donation is confirmed and its leaf queued, a
/// failed one marked failed; a repeated event or outcome changes nothing.
async fn settle_one(
    tx: &mut AnyConnection,
    s: &Settlement,
    at: i64,
    size: u64,
    leaves: &mut Vec<NewLeaf>,
    confirmed_here: &mut HashMap<i64, (u64, Hash)>,
) -> Result<SettlementOutcome> {
    let row: Option<PendingDonationRow> = sqlx::query_as(
        "SELECT d.id AS id, d.status AS status, d.amount_centimes AS amount_centimes, \
         d.method AS method, d.donor_commitment AS donor_commitment, c.code AS campaign_code \
         FROM donations d JOIN campaigns c ON c.id = d.campaign_id WHERE d.provider_reference = $1",
    )
    .bind(&s.reference)
    .fetch_optional(&mut *tx)
    .await?;
    let Some(PendingDonationRow {
        id,
        status,
        amount_centimes: amount,
        method,
        donor_commitment: commitment,
        campaign_code: code,
    }) = row
    else {
        return Ok(Err(SettlementRefused::UnknownReference));
    };
    let status = DonationStatus::parse(&status).ok_or(StoreError::Corrupt("donation status"))?;
    if amount != Some(s.amount.centimes()) {
        return Ok(Err(SettlementRefused::AmountMismatch));
    }
    let here = confirmed_here.get(&id).copied();
    let seen: Option<(String,)> =
        sqlx::query_as("SELECT event_id FROM payment_callbacks WHERE event_id = $1")
            .bind(&s.event_id)
            .fetch_optional(&mut *tx)
            .await?;
    if seen.is_some() {
        return unchanged(tx, id, status, here).await;
    }
    let target = match s.outcome {
        PaymentOutcome::Paid => DonationStatus::Confirmed,
        PaymentOutcome::Failed => DonationStatus::Failed,
    };
    match status {
        DonationStatus::Pending => {}
        same if same == target => return unchanged(tx, id, status, here).await,
        other => return Ok(Err(SettlementRefused::NotPending(other))),
    }
    sqlx::query(
        "INSERT INTO payment_callbacks (event_id, donation_id, outcome, received_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(&s.event_id)
    .bind(id)
    .bind(s.outcome.as_str())
    .bind(at)
    .execute(&mut *tx)
    .await?;
    let column = match target {
        DonationStatus::Confirmed => "confirmed_at",
        _ => "failed_at",
    };
    let sql = format!(
        "UPDATE donations SET status = $1, {column} = $2 WHERE id = $3 AND status = 'pending'"
    );
    let done = sqlx::query(&sql)
        .bind(target.as_str())
        .bind(at)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() != 1 {
        return Err(StoreError::Corrupt("donation status"));
    }
    let (leaf_index, leaf_hash) = if target == DonationStatus::Confirmed {
        let gift = Gift::Money {
            amount: s.amount,
            method: method
                .as_deref()
                .and_then(PaymentMethod::parse)
                .ok_or(StoreError::Corrupt("donation method"))?,
        };
        let bytes = donation_leaf(id, at, &code, &gift, &commitment);
        let hash = twiza_tlog::leaf_hash(&bytes);
        let index = size + leaves.len() as u64;
        leaves.push(NewLeaf {
            kind: "donation_confirmed",
            ref_id: id,
            bytes,
            at,
        });
        confirmed_here.insert(id, (index, hash));
        (Some(index), Some(hash))
    } else {
        (None, None)
    };
    Ok(Ok(SettlementAck {
        donation_id: id,
        status: target,
        replayed: false,
        leaf_index,
        leaf_hash,
    }))
}

/// The answer to a settlement that changes nothing.
async fn unchanged(
    tx: &mut AnyConnection,
    id: i64,
    status: DonationStatus,
    confirmed_here: Option<(u64, Hash)>,
) -> Result<SettlementOutcome> {
    let (leaf_index, leaf_hash) = match confirmed_here {
        Some((i, h)) => (Some(i), Some(h)),
        None => logged_leaf(tx, id).await?,
    };
    Ok(Ok(SettlementAck {
        donation_id: id,
        status,
        replayed: true,
        leaf_index,
        leaf_hash,
    }))
}

/// The log index and leaf hash of a confirmed donation, if logged.
async fn logged_leaf(conn: &mut AnyConnection, id: i64) -> Result<(Option<u64>, Option<Hash>)> {
    let logged: Option<(i64, Vec<u8>)> = sqlx::query_as(
        "SELECT idx, leaf FROM log_entries WHERE kind = 'donation_confirmed' AND ref_id = $1",
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    Ok((
        logged.as_ref().map(|(i, _)| *i as u64),
        logged.map(|(_, leaf)| twiza_tlog::leaf_hash(&leaf)),
    ))
}

/// The earlier donation with the same campaign and key: a replay if the body is the same, a
/// conflict otherwise. `None` if there is none.
async fn existing_donation(conn: &mut AnyConnection, d: &NewDonation) -> Result<Option<Outcome>> {
    let existing: Option<(i64, String, String)> = sqlx::query_as(
        "SELECT id, request_hash, status FROM donations WHERE campaign_id = $1 AND idempotency_key = $2",
    )
    .bind(d.campaign_id)
    .bind(&d.idempotency_key)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(match existing {
        None => None,
        Some((id, hash, status)) if hash == d.request_hash => {
            Some(replay(conn, id, &status).await?)
        }
        Some(_) => Some(Err(DonationRefused::IdempotencyConflict)),
    })
}

/// The answer to a replayed request: the earlier donation as it stands.
async fn replay(conn: &mut AnyConnection, id: i64, status: &str) -> Result<Outcome> {
    let status = DonationStatus::parse(status).ok_or(StoreError::Corrupt("donation status"))?;
    let (leaf_index, leaf_hash) = logged_leaf(conn, id).await?;
    Ok(Ok(DonationAck {
        id,
        status,
        replayed: true,
        leaf_index,
        leaf_hash,
    }))
}

/// A donation with its campaign's code, as read to settle it by its provider reference.
#[derive(sqlx::FromRow)]
struct PendingDonationRow {
    id: i64,
    status: String,
    amount_centimes: Option<i64>,
    method: Option<String>,
    donor_commitment: String,
    campaign_code: String,
}
