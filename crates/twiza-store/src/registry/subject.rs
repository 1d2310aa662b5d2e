//! The data-subject export (Law 09-08 right of access): everything held about a household, for
//! the household itself.

use super::households::{
    log_read, own_household, read_household, HouseholdView, ReadRecord, ReadScope, Reader,
};
use crate::privacy::PersonalDataKeys;
use crate::{Result, Store};
use twiza_domain::OrgScope;

/// Everything held about a household, for the household itself (Law 09-08 right of access).
#[derive(Debug, Clone)]
pub struct SubjectExport {
    /// The record, with identifiers and sensitive fields.
    pub household: HouseholdView,
    /// Its grievances, read whole.
    pub grievances: Vec<crate::GrievanceView>,
    pub deliveries: Vec<SubjectDelivery>,
    pub consents: Vec<SubjectConsent>,
    /// Its socio-economic index values, oldest first.
    pub indexes: Vec<SubjectIndex>,
    pub entitlements: Vec<SubjectEntitlement>,
    /// Its access log, oldest first.
    pub reads: Vec<ReadRecord>,
}

/// A delivery to the household.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubjectDelivery {
    pub id: i64,
    /// The item's code.
    pub item: String,
    pub quantity: i64,
    pub status: String,
    pub delivered_at: Option<i64>,
}

/// A consent (or legal basis) recorded for the household.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubjectConsent {
    pub purpose: String,
    pub legal_basis: String,
    pub channel: String,
    pub recorded_at: i64,
    pub withdrawn_at: Option<i64>,
}

/// A socio-economic index value of the household.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubjectIndex {
    /// `YYYY-MM-DD`.
    pub effective_on: String,
    pub source: String,
    /// The index in millionths.
    pub value_micro: i64,
}

/// The household's entitlement in a cycle.
#[derive(Debug, Clone, PartialEq)]
pub struct SubjectEntitlement {
    /// The programme's code.
    pub programme: String,
    pub period: String,
    pub eligible: bool,
    pub centimes: i64,
    /// The explanation as stored (JSON; `null` if unreadable).
    pub explanation: serde_json::Value,
}

impl Store {
    /// Everything held about a household, for the household itself (Law 09-08 right of
    /// access): the record with identifiers, consents, index values, entitlements and the
    /// access log. The export is itself a logged read.
    pub async fn subject_export(
        &self,
        scope: &OrgScope,
        keys: &PersonalDataKeys,
        household: i64,
        reader: Reader<'_>,
    ) -> Result<SubjectExport> {
        let whole = ReadScope {
            identifiers: true,
            sensitive: true,
        };
        self.household_file(scope, keys, household, reader, "export", whole)
            .await
    }

    /// A household's file as its page shows it: the record (`read` says how much of it), its
    /// consents, index values, entitlements, grievances, deliveries and access log — one read,
    /// written to the access log as `what` in the same transaction.
    pub async fn household_file(
        &self,
        scope: &OrgScope,
        keys: &PersonalDataKeys,
        household: i64,
        reader: Reader<'_>,
        what: &str,
        read: ReadScope,
    ) -> Result<SubjectExport> {
        let mut tx = self.writer().begin().await?;
        own_household(&mut tx, scope, household).await?;
        log_read(&mut tx, scope, household, reader, what).await?;
        let view = read_household(&mut tx, keys, household, read).await?;
        let consents: Vec<(String, String, String, i64, Option<i64>)> = sqlx::query_as(
            "SELECT purpose, legal_basis, channel, recorded_at, withdrawn_at FROM consents \
             WHERE household_id = $1 ORDER BY id",
        )
        .bind(household)
        .fetch_all(&mut *tx)
        .await?;
        let indexes: Vec<(String, String, i64)> = sqlx::query_as(
            "SELECT effective_on, source, value_micro FROM socio_economic_indexes \
             WHERE household_id = $1 ORDER BY effective_on",
        )
        .bind(household)
        .fetch_all(&mut *tx)
        .await?;
        let entitlements: Vec<(String, String, i64, i64, String)> = sqlx::query_as(
            "SELECT p.code, c.period, e.eligible, e.centimes, e.explanation FROM entitlements e \
             JOIN cycles c ON c.id = e.cycle_id JOIN programmes p ON p.id = c.programme_id \
             WHERE e.household_id = $1 ORDER BY c.id",
        )
        .bind(household)
        .fetch_all(&mut *tx)
        .await?;
        let reads: Vec<(i64, String, String, i64)> = sqlx::query_as(
            "SELECT account_id, what, purpose, at FROM personal_data_reads WHERE household_id = $1 ORDER BY id",
        )
        .bind(household)
        .fetch_all(&mut *tx)
        .await?;
        let grievances = crate::grievances::household_grievances(&mut tx, household).await?;
        let deliveries: Vec<(i64, String, i64, String, Option<i64>)> = sqlx::query_as(
            "SELECT d.id, i.code, d.quantity, d.status, d.delivered_at FROM deliveries d \
             JOIN items i ON i.id = d.item_id WHERE d.household_id = $1 ORDER BY d.id",
        )
        .bind(household)
        .fetch_all(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(SubjectExport {
            household: view,
            grievances,
            deliveries: deliveries
                .into_iter()
                .map(
                    |(id, item, quantity, status, delivered_at)| SubjectDelivery {
                        id,
                        item,
                        quantity,
                        status,
                        delivered_at,
                    },
                )
                .collect(),
            consents: consents
                .into_iter()
                .map(
                    |(purpose, legal_basis, channel, recorded_at, withdrawn_at)| SubjectConsent {
                        purpose,
                        legal_basis,
                        channel,
                        recorded_at,
                        withdrawn_at,
                    },
                )
                .collect(),
            indexes: indexes
                .into_iter()
                .map(|(effective_on, source, value_micro)| SubjectIndex {
                    effective_on,
                    source,
                    value_micro,
                })
                .collect(),
            entitlements: entitlements
                .into_iter()
                .map(
                    |(programme, period, eligible, centimes, explanation)| SubjectEntitlement {
                        programme,
                        period,
                        eligible: eligible != 0,
                        centimes,
                        explanation: serde_json::from_str(&explanation).unwrap_or_default(),
                    },
                )
                .collect(),
            reads: reads
                .into_iter()
                .map(|(account_id, what, purpose, at)| ReadRecord {
                    account_id,
                    what,
                    purpose,
                    at,
                })
                .collect(),
        })
    }
}
