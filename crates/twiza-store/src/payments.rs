//! Reads around donations by the public: a gift's state by its provider reference, what a
//! campaign has raised, and the sealed identity of a donor (for the association's treasury only).
//! Writes go through the [`crate::Sequencer`].

use crate::{to_datetime, Result, Store, StoreError};
use time::OffsetDateTime;
use twiza_domain::donation::{DonationStatus, PaymentMethod};
use twiza_domain::money::Amount;
use twiza_domain::{OrgScope, UserId};
use twiza_tlog::Hash;

/// A gift paid through a provider, as the donor may follow it (no donor data).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GiftState {
    pub id: i64,
    pub campaign_id: i64,
    pub status: DonationStatus,
    pub amount: Amount,
    pub method: PaymentMethod,
    pub created_at: OffsetDateTime,
    pub confirmed_at: Option<OffsetDateTime>,
    pub leaf_index: Option<u64>,
    pub leaf_hash: Option<Hash>,
}

/// Money a campaign has received (confirmed donations only).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Raised {
    pub centimes: i64,
    /// Confirmed donations, money and in kind.
    pub donations: i64,
}

/// A donor identity as stored: sealed, with what its seal is bound to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SealedIdentity {
    pub donation_id: i64,
    pub campaign_id: i64,
    pub idempotency_key: String,
    pub ciphertext: Vec<u8>,
}

/// A donation with its log leaf once confirmed, as read by its provider reference.
#[derive(sqlx::FromRow)]
struct GiftRecord {
    id: i64,
    campaign_id: i64,
    status: String,
    amount_centimes: Option<i64>,
    method: Option<String>,
    created_at: i64,
    confirmed_at: Option<i64>,
    leaf_idx: Option<i64>,
    leaf: Option<Vec<u8>>,
}

impl Store {
    /// The gift with this provider reference.
    pub async fn gift_by_reference(&self, reference: &str) -> Result<Option<GiftState>> {
        let row: Option<GiftRecord> =
            sqlx::query_as(
                "SELECT d.id AS id, d.campaign_id AS campaign_id, d.status AS status, \
                 d.amount_centimes AS amount_centimes, d.method AS method, d.created_at AS created_at, \
                 d.confirmed_at AS confirmed_at, e.idx AS leaf_idx, e.leaf AS leaf FROM donations d \
                 LEFT JOIN log_entries e ON e.kind = 'donation_confirmed' AND e.ref_id = d.id \
                 WHERE d.provider_reference = $1",
            )
            .bind(reference)
            .fetch_optional(self.reader())
            .await?;
        let Some(GiftRecord {
            id,
            campaign_id,
            status,
            amount_centimes: amount,
            method,
            created_at: created,
            confirmed_at: confirmed,
            leaf_idx: idx,
            leaf,
        }) = row
        else {
            return Ok(None);
        };
        let corrupt = StoreError::Corrupt;
        Ok(Some(GiftState {
            id,
            campaign_id,
            status: DonationStatus::parse(&status).ok_or(corrupt("donation status"))?,
            amount: amount
                .and_then(Amount::from_centimes)
                .ok_or(corrupt("donation amount"))?,
            method: method
                .as_deref()
                .and_then(PaymentMethod::parse)
                .ok_or(corrupt("donation method"))?,
            created_at: to_datetime(created)?,
            confirmed_at: confirmed.map(to_datetime).transpose()?,
            leaf_index: idx.map(|i| i as u64),
            leaf_hash: leaf.map(|l| twiza_tlog::leaf_hash(&l)),
        }))
    }

    /// What a campaign has raised so far.
    pub async fn campaign_raised(&self, campaign_id: i64) -> Result<Raised> {
        let (centimes, donations): (i64, i64) = sqlx::query_as(
            "SELECT CAST(COALESCE(SUM(amount_centimes), 0) AS BIGINT), CAST(COUNT(*) AS BIGINT) \
             FROM donations WHERE campaign_id = $1 AND status = 'confirmed'",
        )
        .bind(campaign_id)
        .fetch_one(self.reader())
        .await?;
        Ok(Raised {
            centimes,
            donations,
        })
    }

    /// The sealed identity of the donor of one of the scoped association's donations, if one
    /// was given.
    pub async fn sealed_donor_identity(
        &self,
        scope: &OrgScope,
        campaign_id: i64,
        donation_id: i64,
    ) -> Result<Option<SealedIdentity>> {
        let row: Option<(i64, i64, String, Vec<u8>)> = sqlx::query_as(
            "SELECT d.id, d.campaign_id, d.idempotency_key, i.ciphertext \
             FROM donations d JOIN donor_identities i ON i.donation_id = d.id \
             WHERE d.id = $1 AND d.campaign_id = $2 AND d.organization_id = $3 AND i.organization_id = $3",
        )
        .bind(donation_id)
        .bind(campaign_id)
        .bind(scope.org_id().0)
        .fetch_optional(self.reader())
        .await?;
        Ok(row.map(
            |(donation_id, campaign_id, idempotency_key, ciphertext)| SealedIdentity {
                donation_id,
                campaign_id,
                idempotency_key,
                ciphertext,
            },
        ))
    }

    /// The sealed identity of a donation's donor, for `reader` to open: the read is written to
    /// the donor access log (`donor_identity_reads`) in the same transaction, so there is no
    /// read without its record. `None` (and nothing written) when no identity was given.
    pub async fn read_sealed_donor_identity(
        &self,
        scope: &OrgScope,
        campaign_id: i64,
        donation_id: i64,
        reader: UserId,
    ) -> Result<Option<SealedIdentity>> {
        let mut tx = self.writer().begin().await?;
        let row: Option<(i64, i64, String, Vec<u8>)> = sqlx::query_as(
            "SELECT d.id, d.campaign_id, d.idempotency_key, i.ciphertext \
             FROM donations d JOIN donor_identities i ON i.donation_id = d.id \
             WHERE d.id = $1 AND d.campaign_id = $2 AND d.organization_id = $3 AND i.organization_id = $3",
        )
        .bind(donation_id)
        .bind(campaign_id)
        .bind(scope.org_id().0)
        .fetch_optional(&mut *tx)
        .await?;
        let Some((donation_id, campaign_id, idempotency_key, ciphertext)) = row else {
            return Ok(None);
        };
        sqlx::query(
            "INSERT INTO donor_identity_reads (organization_id, donation_id, account_id, at) \
             VALUES ($1, $2, $3, $4)",
        )
        .bind(scope.org_id().0)
        .bind(donation_id)
        .bind(reader.0)
        .bind(crate::now())
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(Some(SealedIdentity {
            donation_id,
            campaign_id,
            idempotency_key,
            ciphertext,
        }))
    }

    /// Who opened a donation's donor identity and when (account id, Unix seconds), newest first.
    pub async fn donor_identity_reads(
        &self,
        scope: &OrgScope,
        donation_id: i64,
    ) -> Result<Vec<(i64, i64)>> {
        Ok(sqlx::query_as(
            "SELECT account_id, at FROM donor_identity_reads \
             WHERE donation_id = $1 AND organization_id = $2 ORDER BY id DESC LIMIT 1000",
        )
        .bind(donation_id)
        .bind(scope.org_id().0)
        .fetch_all(self.reader())
        .await?)
    }
}
