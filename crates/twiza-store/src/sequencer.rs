//! The sequencer: the one writer of donations and of the transparency log, with group commit.
//!
//! Handlers submit work and wait; the sequencer task takes everything waiting (up to a batch
//! limit), runs it in ONE transaction — donation rows, their log leaves, the new Merkle hashes,
//! the new log size — commits once, then answers every submitter. A donation is acknowledged
//! only after that commit, so nothing acknowledged is lost; one fsync serves the whole batch.
//! On PostgreSQL the log size row is locked (`FOR UPDATE`) so several `twiza serve` nodes append
//! one after the other.

use crate::logged::donation_leaf;
use crate::tlog::{append_at, lock_size, NewLeaf};
use crate::{now, Result, Store, StoreError};
use sqlx::AnyConnection;
use std::collections::HashMap;
use tokio::sync::{mpsc, oneshot};
use twiza_domain::campaign::{collecting, parse_date, AuthorizationStatus, CampaignState};
use twiza_domain::donation::{donor_commitment, DonationStatus, Gift};
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

struct Job {
    donation: NewDonation,
    reply: oneshot::Sender<std::result::Result<DonationAck, DonationRefused>>,
}

/// Handle to the sequencer task. Cheap to clone.
#[derive(Clone)]
pub struct Sequencer {
    jobs: mpsc::Sender<Job>,
}

impl Sequencer {
    /// Starts the sequencer task. `receipt_key` derives each donation's receipt secret, which
    /// opens the donor commitment published in its leaf.
    pub fn start(store: Store, receipt_key: [u8; 32]) -> Sequencer {
        let (jobs, rx) = mpsc::channel(MAX_BATCH * 4);
        tokio::spawn(run(store, receipt_key, rx));
        Sequencer { jobs }
    }

    /// Records a donation; returns once it is durable (or refused, with nothing written).
    pub async fn submit(
        &self,
        donation: NewDonation,
    ) -> std::result::Result<DonationAck, DonationRefused> {
        let (reply, answer) = oneshot::channel();
        self.jobs
            .send(Job { donation, reply })
            .await
            .map_err(|_| DonationRefused::Unavailable)?;
        answer.await.map_err(|_| DonationRefused::Unavailable)?
    }
}

async fn run(store: Store, receipt_key: [u8; 32], mut rx: mpsc::Receiver<Job>) {
    let mut batch = Vec::with_capacity(MAX_BATCH);
    while rx.recv_many(&mut batch, MAX_BATCH).await > 0 {
        let jobs = std::mem::take(&mut batch);
        let (donations, replies): (Vec<_>, Vec<_>) =
            jobs.into_iter().map(|j| (j.donation, j.reply)).unzip();
        match commit_batch(&store, &receipt_key, &donations).await {
            Ok(results) => {
                for (reply, result) in replies.into_iter().zip(results) {
                    let _ = reply.send(result);
                }
            }
            Err(e) => {
                tracing::error!(error = %e, batch = donations.len(), "donation batch failed; nothing was written");
                for reply in replies {
                    let _ = reply.send(Err(DonationRefused::Store(StoreError::Corrupt(
                        "batch failed",
                    ))));
                }
            }
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

async fn campaign_facts(conn: &mut AnyConnection, id: i64) -> Result<Option<CampaignFacts>> {
    let row: Option<(i64, String, String, String, String, String, Option<String>, Option<String>)> = sqlx::query_as(
        "SELECT organization_id, code, state, auth_status, starts_on, ends_on, auth_valid_from, auth_valid_to \
         FROM campaigns WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    let Some((org_id, code, state, auth, starts, ends, from, to)) = row else {
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

/// What the batch decided for one submission before writing.
enum Plan {
    /// Refused or answered without a write.
    Done(Outcome),
    /// The first submission of its (campaign, key) in this batch: to insert.
    Insert,
    /// A repeat of the submission at this position in the batch.
    Repeat(usize),
}

/// One transaction for the whole batch: every decision is made first (refusals, repeats inside
/// the batch), then the new donations are written with multi-row INSERTs, then their leaves.
/// Per-donation refusals never abort the others.
async fn commit_batch(
    store: &Store,
    receipt_key: &[u8; 32],
    donations: &[NewDonation],
) -> Result<Vec<Outcome>> {
    let mut tx = store.writer().begin().await?;
    let size = lock_size(&mut tx, store.backend()).await?;
    let at = now();
    let mut campaigns: HashMap<i64, Option<CampaignFacts>> = HashMap::new();
    let mut plans: Vec<Plan> = Vec::with_capacity(donations.len());
    let mut first_of: HashMap<(i64, &str), usize> = HashMap::new();
    for (i, d) in donations.iter().enumerate() {
        if let std::collections::hash_map::Entry::Vacant(slot) = campaigns.entry(d.campaign_id) {
            slot.insert(campaign_facts(&mut tx, d.campaign_id).await?);
        }
        let plan = match campaigns.get(&d.campaign_id) {
            Some(Some(campaign)) => {
                match first_of.get(&(d.campaign_id, d.idempotency_key.as_str())) {
                    Some(&first) => Plan::Repeat(first),
                    // A replay of a donation made while the campaign was collecting stays answerable.
                    None if campaign.refusal.is_some() => {
                        Plan::Done(existing_donation(&mut tx, d).await?.unwrap_or(Err(
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
    for chunk in crate::fixed_chunks(&to_insert) {
        let mut sql = String::from(
            "INSERT INTO donations (campaign_id, organization_id, kind, amount_centimes, method, items, status, \
             idempotency_key, request_hash, donor_commitment, created_at, confirmed_at) VALUES ",
        );
        for (n, _) in chunk.iter().enumerate() {
            if n > 0 {
                sql.push(',');
            }
            let b = n * 12;
            sql.push('(');
            for p in 1..=12 {
                if p > 1 {
                    sql.push(',');
                }
                sql.push_str(&format!("${}", b + p));
            }
            sql.push(')');
        }
        sql.push_str(
            " ON CONFLICT (campaign_id, idempotency_key) DO NOTHING RETURNING id, campaign_id, idempotency_key",
        );
        let mut query = sqlx::query_as::<_, (i64, i64, String)>(&sql);
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
            query = query
                .bind(d.campaign_id)
                .bind(org_id)
                .bind(kind)
                .bind(amount)
                .bind(method)
                .bind(items)
                .bind(d.status.as_str())
                .bind(d.idempotency_key.clone())
                .bind(d.request_hash.clone())
                .bind(commitment.clone())
                .bind(at)
                .bind((d.status == DonationStatus::Confirmed).then_some(at));
            commitments.insert(i, commitment);
        }
        for (id, campaign_id, key) in query.fetch_all(&mut *tx).await? {
            ids.insert((campaign_id, key), id);
        }
    }

    // Leaves of the inserted, confirmed donations, in batch order; then every answer.
    let mut leaves: Vec<NewLeaf> = Vec::new();
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
                Err(_) => existing_donation(&mut tx, d)
                    .await?
                    .ok_or(StoreError::Corrupt("idempotency"))?,
            },
            Plan::Insert => match ids.get(&(d.campaign_id, d.idempotency_key.clone())) {
                None => existing_donation(&mut tx, d)
                    .await?
                    .ok_or(StoreError::Corrupt("idempotency"))?,
                Some(&id) => {
                    let (leaf_index, leaf_hash) = if d.status == DonationStatus::Confirmed {
                        let code = match campaigns.get(&d.campaign_id) {
                            Some(Some(c)) => c.code.as_str(),
                            _ => return Err(StoreError::Corrupt("campaign")),
                        };
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

    append_at(&mut tx, size, &leaves).await?;
    tx.commit().await?;
    Ok(outcomes)
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
    let logged: Option<(i64, Vec<u8>)> = sqlx::query_as(
        "SELECT idx, leaf FROM log_entries WHERE kind = 'donation_confirmed' AND ref_id = $1",
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(Ok(DonationAck {
        id,
        status,
        replayed: true,
        leaf_index: logged.as_ref().map(|(i, _)| *i as u64),
        leaf_hash: logged.map(|(_, leaf)| twiza_tlog::leaf_hash(&leaf)),
    }))
}
