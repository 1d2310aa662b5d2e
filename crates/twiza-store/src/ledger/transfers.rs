//! Transfers between associations: requesting one out of a campaign, reading them, and the
//! receiver's confirmation, booked in both ledgers and logged.

use super::balances::campaign_available;
use super::entries::{insert_entries, EntryHead};
use super::Keyset;
use crate::logged::{transfer_confirmed_leaf, ConfirmedTransfer};
use crate::tlog::{append_at, lock_size, NewLeaf};
use crate::{now, to_datetime, Result, Store, StoreError};
use sqlx::any::AnyRow;
use sqlx::Row;
use time::OffsetDateTime;
use twiza_domain::ledger::{transfer_entries, TransferStatus};
use twiza_domain::money::Amount;
use twiza_domain::organization::OrgStatus;
use twiza_domain::Refusal;
use twiza_domain::{OrgId, OrgScope, UserId};

/// A transfer to request.
#[derive(Debug, Clone)]
pub struct NewTransfer {
    pub idempotency_key: String,
    pub request_hash: String,
    pub to: OrgId,
    /// The sender's campaign the money comes from.
    pub campaign_id: i64,
    pub amount: Amount,
}

/// A transfer between two associations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transfer {
    pub id: i64,
    pub from: OrgId,
    pub to: OrgId,
    pub campaign_id: i64,
    pub amount: Amount,
    pub status: TransferStatus,
    pub created_by: UserId,
    pub created_at: OffsetDateTime,
    pub confirmed_by: Option<UserId>,
    pub confirmed_at: Option<OffsetDateTime>,
    pub leaf_index: Option<u64>,
}

const TRANSFER_COLUMNS: &str = "t.id, t.from_organization_id, t.to_organization_id, t.campaign_id, \
    t.amount_centimes, t.status, t.created_by, t.created_at, t.confirmed_by, t.confirmed_at, e.idx AS leaf_idx";

const TRANSFER_FROM: &str = "FROM transfers t \
    LEFT JOIN log_entries e ON e.kind = 'transfer_confirmed' AND e.ref_id = t.id";

fn transfer_from_row(row: &AnyRow) -> Result<Transfer> {
    let corrupt = StoreError::Corrupt;
    Ok(Transfer {
        id: row.try_get("id")?,
        from: OrgId(row.try_get("from_organization_id")?),
        to: OrgId(row.try_get("to_organization_id")?),
        campaign_id: row.try_get("campaign_id")?,
        amount: Amount::from_centimes(row.try_get("amount_centimes")?)
            .ok_or(corrupt("transfer amount"))?,
        status: TransferStatus::parse(&row.try_get::<String, _>("status")?)
            .ok_or(corrupt("transfer status"))?,
        created_by: UserId(row.try_get("created_by")?),
        created_at: to_datetime(row.try_get("created_at")?)?,
        confirmed_by: row.try_get::<Option<i64>, _>("confirmed_by")?.map(UserId),
        confirmed_at: row
            .try_get::<Option<i64>, _>("confirmed_at")?
            .map(to_datetime)
            .transpose()?,
        leaf_index: row.try_get::<Option<i64>, _>("leaf_idx")?.map(|i| i as u64),
    })
}

impl Store {
    /// Requests a transfer from the scoped association to another verified one, out of one of
    /// its campaigns (status `pending`). Refusals: `NotFound` (campaign not the sender's),
    /// `Refused(Refusal::InvalidRecipient)` (unknown, unverified or the sender itself),
    /// `Refused(Refusal::InsufficientFunds)`, `Refused(Refusal::IdempotencyConflict)`.
    pub async fn create_transfer(
        &self,
        scope: &OrgScope,
        transfer: &NewTransfer,
        by: UserId,
    ) -> Result<(Transfer, bool)> {
        let from = scope.org_id().0;
        let mut tx = self.writer().begin().await?;
        let earlier: Option<(i64, String)> = sqlx::query_as(
            "SELECT id, request_hash FROM transfers WHERE from_organization_id = $1 AND idempotency_key = $2",
        )
        .bind(from)
        .bind(&transfer.idempotency_key)
        .fetch_optional(&mut *tx)
        .await?;
        if let Some((id, hash)) = earlier {
            drop(tx);
            if hash != transfer.request_hash {
                return Err(StoreError::Refused(Refusal::IdempotencyConflict));
            }
            let t = self
                .transfer(scope, id)
                .await?
                .ok_or(StoreError::NotFound)?;
            return Ok((t, true));
        }
        let owner: Option<(i64,)> =
            sqlx::query_as("SELECT organization_id FROM campaigns WHERE id = $1")
                .bind(transfer.campaign_id)
                .fetch_optional(&mut *tx)
                .await?;
        if owner.map(|(o,)| o) != Some(from) {
            return Err(StoreError::NotFound);
        }
        let recipient: Option<(String,)> =
            sqlx::query_as("SELECT status FROM organizations WHERE id = $1")
                .bind(transfer.to.0)
                .fetch_optional(&mut *tx)
                .await?;
        let verified = recipient.is_some_and(|(s,)| s == OrgStatus::Verified.as_str());
        if !verified || transfer.to.0 == from {
            return Err(StoreError::Refused(Refusal::InvalidRecipient));
        }
        if campaign_available(&mut tx, transfer.campaign_id, from).await?
            < transfer.amount.centimes()
        {
            return Err(StoreError::Refused(Refusal::InsufficientFunds));
        }
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO transfers (from_organization_id, to_organization_id, campaign_id, amount_centimes, \
             status, idempotency_key, request_hash, created_by, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
        )
        .bind(from)
        .bind(transfer.to.0)
        .bind(transfer.campaign_id)
        .bind(transfer.amount.centimes())
        .bind(TransferStatus::Pending.as_str())
        .bind(&transfer.idempotency_key)
        .bind(&transfer.request_hash)
        .bind(by.0)
        .bind(now())
        .fetch_one(&mut *tx)
        .await
        .map_err(crate::refuse_on_unique(Refusal::IdempotencyConflict))?;
        tx.commit().await?;
        let t = self
            .transfer(scope, id)
            .await?
            .ok_or(StoreError::NotFound)?;
        Ok((t, false))
    }

    /// One transfer the scoped association sends or receives.
    pub async fn transfer(&self, scope: &OrgScope, id: i64) -> Result<Option<Transfer>> {
        let sql = format!(
            "SELECT {TRANSFER_COLUMNS} {TRANSFER_FROM} WHERE t.id = $1 \
             AND (t.from_organization_id = $2 OR t.to_organization_id = $2)"
        );
        let row = sqlx::query(&sql)
            .bind(id)
            .bind(scope.org_id().0)
            .fetch_optional(self.reader())
            .await?;
        row.as_ref().map(transfer_from_row).transpose()
    }

    /// The receiving association of a transfer (for the authorization layer: it confirms).
    pub async fn transfer_receiver(&self, id: i64) -> Result<Option<OrgId>> {
        let row: Option<(i64,)> =
            sqlx::query_as("SELECT to_organization_id FROM transfers WHERE id = $1")
                .bind(id)
                .fetch_optional(self.reader())
                .await?;
        Ok(row.map(|(o,)| OrgId(o)))
    }

    /// Transfers the scoped association sends or receives, newest first, 100 per page before
    /// transfer id `before`.
    pub async fn transfers_of(
        &self,
        scope: &OrgScope,
        before: Option<i64>,
    ) -> Result<Vec<Transfer>> {
        let sql = format!(
            "SELECT {TRANSFER_COLUMNS} {TRANSFER_FROM} \
             WHERE (t.from_organization_id = $1 OR t.to_organization_id = $1) AND t.id < $2 \
             ORDER BY t.id DESC LIMIT 100"
        );
        let rows = sqlx::query(&sql)
            .bind(scope.org_id().0)
            .bind(before.unwrap_or(i64::MAX))
            .fetch_all(self.reader())
            .await?;
        rows.iter().map(transfer_from_row).collect()
    }

    /// Transfers the scoped association sends or receives, newest first, `limit` from where
    /// `page` starts.
    pub async fn transfers_page(
        &self,
        scope: &OrgScope,
        page: Keyset,
        limit: i64,
    ) -> Result<Vec<Transfer>> {
        let (keyset, order, bound) = page.sql("t.id", 2);
        let sql = format!(
            "SELECT {TRANSFER_COLUMNS} {TRANSFER_FROM} \
             WHERE (t.from_organization_id = $1 OR t.to_organization_id = $1) AND {keyset} \
             ORDER BY t.id {order} LIMIT $3"
        );
        let rows = sqlx::query(&sql)
            .bind(scope.org_id().0)
            .bind(bound)
            .bind(limit)
            .fetch_all(self.reader())
            .await?;
        let transfers = rows
            .iter()
            .map(transfer_from_row)
            .collect::<Result<Vec<_>>>()?;
        Ok(page.newest_first(transfers))
    }

    /// Pending transfers to the scoped association, waiting for it to confirm them, oldest
    /// first, at most `limit`.
    pub async fn transfers_pending_to(
        &self,
        scope: &OrgScope,
        limit: i64,
    ) -> Result<Vec<Transfer>> {
        let sql = format!(
            "SELECT {TRANSFER_COLUMNS} {TRANSFER_FROM} \
             WHERE t.to_organization_id = $1 AND t.status = 'pending' ORDER BY t.id LIMIT $2"
        );
        let rows = sqlx::query(&sql)
            .bind(scope.org_id().0)
            .bind(limit)
            .fetch_all(self.reader())
            .await?;
        rows.iter().map(transfer_from_row).collect()
    }

    /// Confirms a pending transfer to the scoped (receiving) association: posted in both
    /// ledgers and logged as `transfer_confirmed`, in one transaction. Refusals write nothing:
    /// `Refused(Refusal::TransferDecided)`, `Refused(Refusal::InsufficientFunds)`.
    pub async fn confirm_transfer(
        &self,
        scope: &OrgScope,
        id: i64,
        by: UserId,
    ) -> Result<Transfer> {
        let mut tx = self.writer().begin().await?;
        let size = lock_size(&mut tx, self.backend()).await?;
        let row: Option<(i64, i64, i64, String, String)> = sqlx::query_as(
            "SELECT t.from_organization_id, t.campaign_id, t.amount_centimes, t.status, c.code \
             FROM transfers t JOIN campaigns c ON c.id = t.campaign_id \
             WHERE t.id = $1 AND t.to_organization_id = $2",
        )
        .bind(id)
        .bind(scope.org_id().0)
        .fetch_optional(&mut *tx)
        .await?;
        let Some((from, campaign_id, centimes, status, code)) = row else {
            return Err(StoreError::NotFound);
        };
        if status != TransferStatus::Pending.as_str() {
            return Err(StoreError::Refused(Refusal::TransferDecided));
        }
        let amount =
            Amount::from_centimes(centimes).ok_or(StoreError::Corrupt("transfer amount"))?;
        if campaign_available(&mut tx, campaign_id, from).await? < centimes {
            return Err(StoreError::Refused(Refusal::InsufficientFunds));
        }
        let at = now();
        let done = sqlx::query(
            "UPDATE transfers SET status = 'confirmed', confirmed_by = $1, confirmed_at = $2 \
             WHERE id = $3 AND status = 'pending'",
        )
        .bind(by.0)
        .bind(at)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() != 1 {
            return Err(StoreError::Refused(Refusal::TransferDecided));
        }
        let (out, inn) =
            transfer_entries(amount).map_err(|_| StoreError::Corrupt("transfer entry"))?;
        let entries = [
            (
                EntryHead {
                    organization_id: from,
                    campaign_id: Some(campaign_id),
                    source: "transfer_out",
                    source_id: id,
                    at,
                },
                out,
            ),
            (
                EntryHead {
                    organization_id: scope.org_id().0,
                    campaign_id: None,
                    source: "transfer_in",
                    source_id: id,
                    at,
                },
                inn,
            ),
        ];
        insert_entries(&mut tx, &entries).await?;
        let bytes = transfer_confirmed_leaf(&ConfirmedTransfer {
            id,
            at,
            from_organization: from,
            to_organization: scope.org_id().0,
            campaign: &code,
            amount,
        });
        let leaf = NewLeaf {
            kind: "transfer_confirmed",
            ref_id: id,
            bytes,
            at,
        };
        append_at(&mut tx, size, std::slice::from_ref(&leaf)).await?;
        tx.commit().await?;
        self.transfer(scope, id).await?.ok_or(StoreError::NotFound)
    }
}
