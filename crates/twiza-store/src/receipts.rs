//! What a donation receipt needs: the donation as recorded, and the association it belongs to
//! (for the authorization layer).

use crate::{Result, Store, StoreError};
use twiza_domain::donation::{DonationStatus, Gift, PaymentMethod};
use twiza_domain::money::Amount;
use twiza_domain::OrgId;

/// A donation as its receipt shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DonationRecord {
    pub id: i64,
    pub campaign_id: i64,
    pub campaign_code: String,
    pub org_id: OrgId,
    pub gift: Gift,
    pub status: DonationStatus,
    pub idempotency_key: String,
    pub donor_commitment: String,
    pub created_at: i64,
    pub confirmed_at: Option<i64>,
}

/// A `donations` row with its campaign's code, as read for a receipt.
#[derive(sqlx::FromRow)]
struct DonationRow {
    id: i64,
    campaign_id: i64,
    campaign_code: String,
    organization_id: i64,
    kind: String,
    amount_centimes: Option<i64>,
    method: Option<String>,
    items: Option<String>,
    status: String,
    idempotency_key: String,
    donor_commitment: String,
    created_at: i64,
    confirmed_at: Option<i64>,
}

impl Store {
    /// The association a donation belongs to.
    pub async fn donation_org(&self, id: i64) -> Result<Option<OrgId>> {
        let row: Option<(i64,)> =
            sqlx::query_as("SELECT organization_id FROM donations WHERE id = $1")
                .bind(id)
                .fetch_optional(self.reader())
                .await?;
        Ok(row.map(|(o,)| OrgId(o)))
    }

    /// One donation of the scoped association.
    pub async fn donation_record(
        &self,
        scope: &twiza_domain::OrgScope,
        id: i64,
    ) -> Result<Option<DonationRecord>> {
        let row: Option<DonationRow> = sqlx::query_as(
            "SELECT d.id AS id, d.campaign_id AS campaign_id, c.code AS campaign_code, \
             d.organization_id AS organization_id, d.kind AS kind, d.amount_centimes AS amount_centimes, \
             d.method AS method, d.items AS items, d.status AS status, \
             d.idempotency_key AS idempotency_key, d.donor_commitment AS donor_commitment, \
             d.created_at AS created_at, d.confirmed_at AS confirmed_at \
             FROM donations d JOIN campaigns c ON c.id = d.campaign_id \
             WHERE d.id = $1 AND d.organization_id = $2",
        )
        .bind(id)
        .bind(scope.org_id().0)
        .fetch_optional(self.reader())
        .await?;
        let Some(DonationRow {
            id,
            campaign_id,
            campaign_code: code,
            organization_id: org,
            kind,
            amount_centimes: amount,
            method,
            items,
            status,
            idempotency_key: key,
            donor_commitment: commitment,
            created_at: created,
            confirmed_at: confirmed,
        }) = row
        else {
            return Ok(None);
        };
        let corrupt = || StoreError::Corrupt("donation");
        let gift = match kind.as_str() {
            "money" => Gift::Money {
                amount: amount.and_then(Amount::from_centimes).ok_or_else(corrupt)?,
                method: method
                    .as_deref()
                    .and_then(PaymentMethod::parse)
                    .ok_or_else(corrupt)?,
            },
            _ => Gift::InKind {
                items: items
                    .and_then(|i| serde_json::from_str(&i).ok())
                    .ok_or_else(corrupt)?,
            },
        };
        Ok(Some(DonationRecord {
            id,
            campaign_id,
            campaign_code: code,
            org_id: OrgId(org),
            gift,
            status: DonationStatus::parse(&status).ok_or_else(corrupt)?,
            idempotency_key: key,
            donor_commitment: commitment,
            created_at: created,
            confirmed_at: confirmed,
        }))
    }
}
