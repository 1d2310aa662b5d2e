//! Warehouses, stock and deliveries: receipts into an association's warehouse, stock balances
//! (the sum of signed movements), deliveries that take goods out for a need, and the proof that
//! confirms a delivery — written with its transparency-log leaf in one transaction.

use crate::logged::{delivery_confirmed_leaf, ConfirmedDelivery};
use crate::lots::{
    item_id, lock_warehouse, lot_balance, own_lot, write_movement, LotLink, Movement,
};
use crate::tlog::{append_at, lock_size, NewLeaf};
use crate::{now, Result, Store, StoreError};
use sqlx::AnyConnection;
use twiza_domain::crisis::{households_estimate, NeedStatus};
use twiza_domain::logistics::{code_matches, NewReceipt, MAX_PROOF_ATTEMPTS};
use twiza_domain::Refusal;
use twiza_domain::{OrgScope, UserId};

/// An item of the catalog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub id: i64,
    pub code: String,
    pub name_ar: String,
    pub name_fr: String,
    pub unit: String,
}

/// What a warehouse holds of an item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StockLine {
    pub warehouse_id: i64,
    pub warehouse: String,
    pub item: String,
    pub unit: String,
    pub quantity: i64,
}

/// A delivery to prepare: goods from a warehouse for a need.
#[derive(Debug, Clone)]
pub struct NewDelivery {
    pub incident_id: i64,
    pub need_id: i64,
    pub warehouse_id: i64,
    pub item: String,
    pub quantity: i64,
    pub households: i64,
    /// The association's campaign whose funds or in-kind gifts the goods came from.
    pub campaign_id: Option<i64>,
    /// The registered household of the association that receives the goods, if named.
    pub household_id: Option<i64>,
    /// The lot the goods are taken from; without one, the warehouse's oldest lots of the item.
    pub lot_id: Option<i64>,
}

/// What a proof attempt did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProofOutcome {
    /// The code matched: delivered and logged at this leaf index.
    Delivered { leaf_index: u64 },
    /// A wrong code; this many attempts remain.
    Wrong { attempts_left: i64 },
    /// Too many wrong codes: the delivery's proof is locked.
    Locked,
}

impl ProofOutcome {
    /// How a device's synced record keeps this outcome (`field_sync_records.outcome`).
    pub fn to_outcome(&self) -> String {
        match self {
            ProofOutcome::Delivered { leaf_index } => format!("accepted:{leaf_index}"),
            ProofOutcome::Wrong { attempts_left } => {
                format!("refused:proof_code_wrong:{attempts_left}")
            }
            ProofOutcome::Locked => "refused:proof_locked".to_owned(),
        }
    }

    /// The outcome [`ProofOutcome::to_outcome`] kept.
    pub fn from_outcome(kept: &str) -> Option<ProofOutcome> {
        if let Some(leaf) = kept.strip_prefix("accepted:") {
            return leaf
                .parse()
                .ok()
                .map(|leaf_index| ProofOutcome::Delivered { leaf_index });
        }
        if let Some(left) = kept.strip_prefix("refused:proof_code_wrong:") {
            return left
                .parse()
                .ok()
                .map(|attempts_left| ProofOutcome::Wrong { attempts_left });
        }
        (kept == "refused:proof_locked").then_some(ProofOutcome::Locked)
    }
}

async fn balance(conn: &mut AnyConnection, warehouse: i64, item: i64) -> Result<i64> {
    let (quantity,): (i64,) = sqlx::query_as(
        "SELECT CAST(COALESCE(SUM(quantity), 0) AS BIGINT) FROM stock_movements \
         WHERE warehouse_id = $1 AND item_id = $2",
    )
    .bind(warehouse)
    .bind(item)
    .fetch_one(&mut *conn)
    .await?;
    Ok(quantity)
}

/// The lots a delivery takes its goods from, with how much of each: the lot it names (of the
/// same item, holding enough in the warehouse), or the warehouse's oldest lots of the item.
async fn lots_to_take(
    conn: &mut AnyConnection,
    scope: &OrgScope,
    delivery: &NewDelivery,
    item: i64,
) -> Result<Vec<(i64, i64)>> {
    if let Some(lot) = delivery.lot_id {
        let (lot_item, _) = own_lot(conn, scope, lot).await?;
        if lot_item != item {
            return Err(StoreError::Refused(Refusal::UnknownLot));
        }
        if lot_balance(conn, lot, delivery.warehouse_id).await? < delivery.quantity {
            return Err(StoreError::Refused(Refusal::InsufficientStock));
        }
        return Ok(vec![(lot, delivery.quantity)]);
    }
    let held: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT lot_id, CAST(SUM(quantity) AS BIGINT) FROM stock_movements \
         WHERE warehouse_id = $1 AND item_id = $2 AND lot_id IS NOT NULL \
         GROUP BY lot_id HAVING SUM(quantity) > 0 ORDER BY lot_id",
    )
    .bind(delivery.warehouse_id)
    .bind(item)
    .fetch_all(&mut *conn)
    .await?;
    let mut left = delivery.quantity;
    let mut taken = Vec::new();
    for (lot, quantity) in held {
        if left == 0 {
            break;
        }
        let take = quantity.min(left);
        taken.push((lot, take));
        left -= take;
    }
    if left > 0 {
        return Err(StoreError::Refused(Refusal::InsufficientStock));
    }
    Ok(taken)
}

/// A delivery code as stored: its salt and its hash.
pub type DeliveryCode<'a> = (&'a [u8], &'a [u8]);

impl Store {
    /// The item catalog.
    pub async fn items(&self) -> Result<Vec<Item>> {
        let rows: Vec<(i64, String, String, String, String)> =
            sqlx::query_as("SELECT id, code, name_ar, name_fr, unit FROM items ORDER BY id")
                .fetch_all(self.reader())
                .await?;
        Ok(rows
            .into_iter()
            .map(|(id, code, name_ar, name_fr, unit)| Item {
                id,
                code,
                name_ar,
                name_fr,
                unit,
            })
            .collect())
    }

    /// Opens a warehouse of the association; names are unique per association.
    pub async fn create_warehouse(
        &self,
        scope: &OrgScope,
        name: &str,
        commune: &str,
    ) -> Result<i64> {
        let result: std::result::Result<(i64,), sqlx::Error> = sqlx::query_as(
            "INSERT INTO warehouses (organization_id, name, commune_code, created_at) \
             VALUES ($1, $2, $3, $4) RETURNING id",
        )
        .bind(scope.org_id().0)
        .bind(name)
        .bind(commune)
        .bind(now())
        .fetch_one(self.writer())
        .await;
        result
            .map(|(id,)| id)
            .map_err(crate::refuse_on_unique(Refusal::WarehouseExists))
    }

    /// Receives goods into one of the association's warehouses, as a lot linked to nothing
    /// (see [`Store::receive_lot`]); returns the lot's id.
    pub async fn receive_stock(
        &self,
        scope: &OrgScope,
        warehouse: i64,
        item: &str,
        receipt: &NewReceipt,
        by: UserId,
    ) -> Result<i64> {
        self.receive_lot(scope, warehouse, item, receipt, LotLink::default(), by)
            .await
    }

    /// The association's stock, per warehouse and item (lines with nothing left included).
    pub async fn stock(&self, scope: &OrgScope) -> Result<Vec<StockLine>> {
        let rows: Vec<(i64, String, String, String, i64)> = sqlx::query_as(
            "SELECT w.id, w.name, i.code, i.unit, CAST(SUM(m.quantity) AS BIGINT) FROM stock_movements m \
             JOIN warehouses w ON w.id = m.warehouse_id JOIN items i ON i.id = m.item_id \
             WHERE m.organization_id = $1 GROUP BY w.id, w.name, i.code, i.unit ORDER BY w.id, i.code",
        )
        .bind(scope.org_id().0)
        .fetch_all(self.reader())
        .await?;
        Ok(rows
            .into_iter()
            .map(
                |(warehouse_id, warehouse, item, unit, quantity)| StockLine {
                    warehouse_id,
                    warehouse,
                    item,
                    unit,
                    quantity,
                },
            )
            .collect())
    }

    /// Takes the goods out of the warehouse for an open need of the incident and records the
    /// delivery awaiting its proof (the code's salt and hash). Refused, with nothing written,
    /// when the stock is short.
    ///
    /// `otp` is the code's salt and hash; without it the delivery is proven by the field agent's
    /// statement and photo ([`Store::confirm_delivery_by_agent`]).
    pub async fn create_delivery(
        &self,
        scope: &OrgScope,
        delivery: &NewDelivery,
        otp: Option<(&[u8], &[u8])>,
        by: UserId,
    ) -> Result<i64> {
        self.create_delivery_texting(scope, delivery, otp.map(|o| (o, None)), by)
            .await
    }

    /// Like [`Store::create_delivery`], and queues the text message that carries the code (if
    /// any) in the same transaction: the delivery and its code's message are written together
    /// or not at all.
    pub async fn create_delivery_texting(
        &self,
        scope: &OrgScope,
        delivery: &NewDelivery,
        otp: Option<(DeliveryCode<'_>, Option<&crate::NewSms>)>,
        by: UserId,
    ) -> Result<i64> {
        let sms = otp.and_then(|(_, sms)| sms);
        let otp = otp.map(|(otp, _)| otp);
        let at = now();
        let mut tx = self.writer().begin().await?;
        lock_warehouse(&mut tx, self.backend(), scope, delivery.warehouse_id).await?;
        let item = item_id(&mut tx, &delivery.item).await?;
        let need: Option<(String,)> =
            sqlx::query_as("SELECT status FROM needs WHERE id = $1 AND incident_id = $2")
                .bind(delivery.need_id)
                .bind(delivery.incident_id)
                .fetch_optional(&mut *tx)
                .await?;
        let Some((status,)) = need else {
            return Err(StoreError::Refused(Refusal::UnknownNeed));
        };
        if !NeedStatus::parse(&status).is_some_and(NeedStatus::is_open) {
            return Err(StoreError::Refused(Refusal::DeliveryNeedNotOpen));
        }
        if let Some(campaign) = delivery.campaign_id {
            let own: Option<(i64,)> =
                sqlx::query_as("SELECT id FROM campaigns WHERE id = $1 AND organization_id = $2")
                    .bind(campaign)
                    .bind(scope.org_id().0)
                    .fetch_optional(&mut *tx)
                    .await?;
            if own.is_none() {
                return Err(StoreError::Refused(Refusal::UnknownCampaign));
            }
        }
        if let Some(household) = delivery.household_id {
            let own: Option<(i64,)> = sqlx::query_as(
                "SELECT id FROM households WHERE id = $1 AND organization_id = $2 AND status = 'active'",
            )
            .bind(household)
            .bind(scope.org_id().0)
            .fetch_optional(&mut *tx)
            .await?;
            if own.is_none() {
                return Err(StoreError::Refused(Refusal::UnknownHousehold));
            }
        }
        if balance(&mut tx, delivery.warehouse_id, item).await? < delivery.quantity {
            return Err(StoreError::Refused(Refusal::InsufficientStock));
        }
        let taken = lots_to_take(&mut tx, scope, delivery, item).await?;
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO deliveries (organization_id, incident_id, need_id, warehouse_id, item_id, quantity, \
             households, campaign_id, status, proof_method, otp_salt, otp_hash, attempts, created_by, \
             created_at, household_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'awaiting_proof', $9, $10, \
             $11, 0, $12, $13, $14) RETURNING id",
        )
        .bind(scope.org_id().0)
        .bind(delivery.incident_id)
        .bind(delivery.need_id)
        .bind(delivery.warehouse_id)
        .bind(item)
        .bind(delivery.quantity)
        .bind(delivery.households)
        .bind(delivery.campaign_id)
        .bind(if otp.is_some() { "otp" } else { "agent" })
        .bind(otp.map(|(salt, _)| salt))
        .bind(otp.map(|(_, hash)| hash))
        .bind(by.0)
        .bind(at)
        .bind(delivery.household_id)
        .fetch_one(&mut *tx)
        .await?;
        for (lot, quantity) in taken {
            let m = Movement {
                scope,
                warehouse: delivery.warehouse_id,
                item,
                lot,
                quantity: -quantity,
                source: "delivery",
                delivery: Some(id),
                by,
                at,
            };
            write_movement(&mut tx, &m).await?;
            sqlx::query(
                "INSERT INTO delivery_lots (delivery_id, lot_id, quantity) VALUES ($1, $2, $3)",
            )
            .bind(id)
            .bind(lot)
            .bind(quantity)
            .execute(&mut *tx)
            .await?;
        }
        if let Some(sms) = sms {
            crate::sms_outbox::queue_sms_in(&mut tx, sms).await?;
        }
        tx.commit().await?;
        Ok(id)
    }

    /// Checks a delivery's code. The right one confirms the delivery, covers the need when the
    /// households delivered reach it, and appends the delivery's leaf — in one transaction; a
    /// wrong one counts, and the fifth locks the proof. A used or locked proof is refused, and so
    /// is a code for a delivery proven by its agent.
    pub async fn confirm_delivery(
        &self,
        scope: &OrgScope,
        id: i64,
        code: &str,
    ) -> Result<ProofOutcome> {
        self.confirm_delivery_texting(scope, id, code, None).await
    }

    /// [`Store::confirm_delivery`], queueing `covered` (the need's reporter told it is covered)
    /// in the same transaction when this delivery covers the need.
    pub async fn confirm_delivery_texting(
        &self,
        scope: &OrgScope,
        id: i64,
        code: &str,
        covered: Option<&crate::NewSms>,
    ) -> Result<ProofOutcome> {
        self.confirm_delivery_keyed(scope, id, code, covered, None)
            .await
    }

    /// [`Store::confirm_delivery_texting`] for a record synced from a device: the device's key
    /// and the outcome (delivered, a wrong code counted, locked) are kept in the confirming
    /// transaction, so the same record sent again answers the first outcome and counts no
    /// second wrong try; a changed record under a seen key is refused `idempotency_conflict`.
    pub async fn confirm_delivery_keyed(
        &self,
        scope: &OrgScope,
        id: i64,
        code: &str,
        covered: Option<&crate::NewSms>,
        key: Option<&crate::DeviceKey<'_>>,
    ) -> Result<ProofOutcome> {
        let mut tx = self.writer().begin().await?;
        let size = lock_size(&mut tx, self.backend()).await?;
        if let Some(key) = key {
            if let Some(seen) = crate::field_sync::synced_in(&mut tx, scope, key.id).await? {
                if seen.kind != key.kind || seen.request_hash != key.request_hash {
                    return Err(StoreError::Refused(Refusal::IdempotencyConflict));
                }
                return ProofOutcome::from_outcome(&seen.outcome)
                    .ok_or(StoreError::Corrupt("synced delivery outcome"));
            }
        }
        let d = pending_delivery(&mut tx, scope, id, "otp").await?;
        let (Some(salt), Some(hash)) = (&d.otp_salt, &d.otp_hash) else {
            return Err(StoreError::Corrupt("delivery code"));
        };
        if !code_matches(salt, hash, code) {
            let attempts = d.attempts + 1;
            let locked = attempts >= MAX_PROOF_ATTEMPTS;
            sqlx::query("UPDATE deliveries SET attempts = $1, status = $2 WHERE id = $3")
                .bind(attempts)
                .bind(if locked { "locked" } else { "awaiting_proof" })
                .bind(id)
                .execute(&mut *tx)
                .await?;
            let outcome = if locked {
                ProofOutcome::Locked
            } else {
                ProofOutcome::Wrong {
                    attempts_left: MAX_PROOF_ATTEMPTS - attempts,
                }
            };
            if let Some(key) = key {
                crate::field_sync::keep_in(&mut tx, scope, key, &outcome.to_outcome()).await?;
            }
            tx.commit().await?;
            return Ok(outcome);
        }
        let leaf_index = finish_delivery(&mut tx, size, &d, None, covered).await?;
        let outcome = ProofOutcome::Delivered { leaf_index };
        if let Some(key) = key {
            crate::field_sync::keep_in(&mut tx, scope, key, &outcome.to_outcome()).await?;
        }
        tx.commit().await?;
        Ok(outcome)
    }

    /// Confirms a delivery to a recipient without a phone by the field agent's statement and
    /// photo (kept with the delivery; the photo's SHA-256 goes into the leaf).
    pub async fn confirm_delivery_by_agent(
        &self,
        scope: &OrgScope,
        id: i64,
        proof: (&str, &str, &[u8]),
        by: UserId,
    ) -> Result<u64> {
        self.confirm_delivery_by_agent_texting(scope, id, proof, by, None, None)
            .await
    }

    /// [`Store::confirm_delivery_by_agent`], queueing `covered` (the need's reporter told it
    /// is covered) in the same transaction when this delivery covers the need, and
    /// remembering `received` (the OpenRosa submission that proves it) there too.
    pub async fn confirm_delivery_by_agent_texting(
        &self,
        scope: &OrgScope,
        id: i64,
        (statement, media_type, photo): (&str, &str, &[u8]),
        by: UserId,
        covered: Option<&crate::NewSms>,
        received: Option<&crate::NewSubmission<'_>>,
    ) -> Result<u64> {
        use sha2::{Digest, Sha256};
        let mut tx = self.writer().begin().await?;
        let size = lock_size(&mut tx, self.backend()).await?;
        let d = pending_delivery(&mut tx, scope, id, "agent").await?;
        let sha = hex::encode(Sha256::digest(photo));
        sqlx::query(
            "INSERT INTO delivery_evidence (delivery_id, media_type, photo, statement, recorded_by, recorded_at) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(id)
        .bind(media_type)
        .bind(photo)
        .bind(statement)
        .bind(by.0)
        .bind(now())
        .execute(&mut *tx)
        .await?;
        let leaf_index = finish_delivery(&mut tx, size, &d, Some(&sha), covered).await?;
        if let Some(received) = received {
            crate::openrosa::remember_in(&mut tx, scope, received).await?;
        }
        tx.commit().await?;
        Ok(leaf_index)
    }
}

/// A delivery awaiting its proof, as the confirmation reads it.
struct PendingDelivery {
    id: i64,
    organization: i64,
    incident: i64,
    need: i64,
    quantity: i64,
    households: i64,
    item: String,
    unit: String,
    attempts: i64,
    campaign: Option<String>,
    otp_salt: Option<Vec<u8>>,
    otp_hash: Option<Vec<u8>>,
}

/// Reads the association's delivery awaiting proof by `method`; refuses a used, locked or
/// other-method proof.
async fn pending_delivery(
    conn: &mut AnyConnection,
    scope: &OrgScope,
    id: i64,
    method: &str,
) -> Result<PendingDelivery> {
    type Row = (
        String,
        String,
        Option<Vec<u8>>,
        Option<Vec<u8>>,
        i64,
        i64,
        i64,
        i64,
        String,
        String,
        i64,
        Option<String>,
    );
    let row: Option<Row> = sqlx::query_as(
        "SELECT d.status, d.proof_method, d.otp_salt, d.otp_hash, d.attempts, d.incident_id, d.need_id, \
         d.quantity, i.code, i.unit, d.households, c.code FROM deliveries d JOIN items i ON i.id = d.item_id \
         LEFT JOIN campaigns c ON c.id = d.campaign_id WHERE d.id = $1 AND d.organization_id = $2",
    )
    .bind(id)
    .bind(scope.org_id().0)
    .fetch_optional(&mut *conn)
    .await?;
    let Some((
        status,
        proof,
        otp_salt,
        otp_hash,
        attempts,
        incident,
        need,
        quantity,
        item,
        unit,
        households,
        campaign,
    )) = row
    else {
        return Err(StoreError::NotFound);
    };
    match status.as_str() {
        "delivered" => return Err(StoreError::Refused(Refusal::ProofAlreadyUsed)),
        "locked" => return Err(StoreError::Refused(Refusal::ProofLocked)),
        _ => {}
    }
    if proof != method {
        return Err(StoreError::Refused(Refusal::ProofMethodMismatch));
    }
    Ok(PendingDelivery {
        id,
        organization: scope.org_id().0,
        incident,
        need,
        quantity,
        households,
        item,
        unit,
        attempts,
        campaign,
        otp_salt,
        otp_hash,
    })
}

/// Marks the delivery delivered, moves its need on, and appends its leaf; returns its index.
/// When the need becomes covered, `covered` (its reporter's notice) is queued.
async fn finish_delivery(
    conn: &mut AnyConnection,
    size: u64,
    d: &PendingDelivery,
    evidence: Option<&str>,
    covered: Option<&crate::NewSms>,
) -> Result<u64> {
    let at = now();
    sqlx::query("UPDATE deliveries SET status = 'delivered', delivered_at = $1, evidence_sha256 = $2 WHERE id = $3")
        .bind(at)
        .bind(evidence)
        .bind(d.id)
        .execute(&mut *conn)
        .await?;
    // The need is covered once the households delivered reach it.
    let (need_households, need_people): (Option<i64>, Option<i64>) =
        sqlx::query_as("SELECT households, people FROM needs WHERE id = $1")
            .bind(d.need)
            .fetch_one(&mut *conn)
            .await?;
    let (served,): (i64,) = sqlx::query_as(
        "SELECT CAST(COALESCE(SUM(households), 0) AS BIGINT) FROM deliveries \
         WHERE need_id = $1 AND status = 'delivered'",
    )
    .bind(d.need)
    .fetch_one(&mut *conn)
    .await?;
    let next = if served >= households_estimate(need_households, need_people) {
        "covered"
    } else {
        "in_progress"
    };
    let moved = sqlx::query(
        "UPDATE needs SET status = $1, updated_at = $2 WHERE id = $3 \
         AND status IN ('reported', 'verified', 'assigned', 'in_progress')",
    )
    .bind(next)
    .bind(at)
    .bind(d.need)
    .execute(&mut *conn)
    .await?;
    if let (true, Some(sms)) = (next == "covered" && moved.rows_affected() == 1, covered) {
        crate::sms_outbox::queue_sms_in(&mut *conn, sms).await?;
    }
    let leaf = delivery_confirmed_leaf(&ConfirmedDelivery {
        id: d.id,
        at,
        organization: d.organization,
        incident: d.incident,
        need: d.need,
        item: &d.item,
        unit: &d.unit,
        quantity: d.quantity,
        households: d.households,
        campaign: d.campaign.as_deref(),
        evidence,
    });
    append_at(
        conn,
        size,
        &[NewLeaf {
            kind: "delivery_confirmed",
            ref_id: d.id,
            bytes: leaf,
            at,
        }],
    )
    .await?;
    Ok(size)
}

/// A convoy as the public sees it (no driver).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConvoyOutline {
    pub id: i64,
    pub organization: String,
    pub commune_code: String,
    pub douar_id: Option<i64>,
    pub departs_on: String,
    pub status: String,
    /// Item code and quantity.
    pub manifest: Vec<(String, i64)>,
}

impl Store {
    /// Plans a convoy of the association from one of its warehouses to a place of the incident;
    /// the manifest must be in that warehouse's stock. Returns its id and, when the destination
    /// was already covered while neighbouring communes wait, where help is missing.
    #[allow(clippy::too_many_arguments)]
    pub async fn plan_convoy(
        &self,
        scope: &OrgScope,
        incident: i64,
        warehouse: i64,
        (commune, douar): (&str, Option<i64>),
        convoy: &twiza_domain::logistics::NewConvoy,
        lots: &[(i64, i64)],
        by: UserId,
    ) -> Result<(i64, Option<crate::CoverageWarning>)> {
        let at = now();
        let mut tx = self.writer().begin().await?;
        lock_warehouse(&mut tx, self.backend(), scope, warehouse).await?;
        crate::crisis::check_place_of(&mut tx, incident, commune, douar).await?;
        let mut lines = Vec::with_capacity(convoy.manifest.len());
        for (item, quantity) in &convoy.manifest {
            let item = item_id(&mut tx, item).await?;
            if balance(&mut tx, warehouse, item).await? < *quantity {
                return Err(StoreError::Refused(Refusal::InsufficientStock));
            }
            lines.push((item, *quantity));
        }
        for (lot, quantity) in lots {
            own_lot(&mut tx, scope, *lot).await?;
            if lot_balance(&mut tx, *lot, warehouse).await? < *quantity {
                return Err(StoreError::Refused(Refusal::InsufficientStock));
            }
        }
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO convoys (organization_id, incident_id, warehouse_id, commune_code, douar_id, vehicle, \
             driver, route, departs_on, status, created_by, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'planned', $10, $11, $11) RETURNING id",
        )
        .bind(scope.org_id().0)
        .bind(incident)
        .bind(warehouse)
        .bind(commune)
        .bind(douar)
        .bind(&convoy.vehicle)
        .bind(&convoy.driver)
        .bind(&convoy.route)
        .bind(convoy.departs_on.to_string())
        .bind(by.0)
        .bind(at)
        .fetch_one(&mut *tx)
        .await?;
        for (item, quantity) in lines {
            sqlx::query(
                "INSERT INTO convoy_lines (convoy_id, item_id, quantity) VALUES ($1, $2, $3)",
            )
            .bind(id)
            .bind(item)
            .bind(quantity)
            .execute(&mut *tx)
            .await?;
        }
        for (lot, quantity) in lots {
            sqlx::query(
                "INSERT INTO convoy_lots (convoy_id, lot_id, quantity) VALUES ($1, $2, $3)",
            )
            .bind(id)
            .bind(lot)
            .bind(quantity)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        let warning = self.covered_destination(incident, commune).await?;
        Ok((id, warning))
    }

    /// Moves one of the association's convoys (`planned` → `left` → `arrived`, or cancelled).
    pub async fn set_convoy_status(
        &self,
        scope: &OrgScope,
        id: i64,
        next: twiza_domain::logistics::ConvoyStatus,
    ) -> Result<()> {
        use twiza_domain::logistics::ConvoyStatus;
        let row: Option<(String,)> =
            sqlx::query_as("SELECT status FROM convoys WHERE id = $1 AND organization_id = $2")
                .bind(id)
                .bind(scope.org_id().0)
                .fetch_optional(self.reader())
                .await?;
        let Some((status,)) = row else {
            return Err(StoreError::NotFound);
        };
        let current = ConvoyStatus::parse(&status).ok_or(StoreError::Corrupt("convoy status"))?;
        if !current.can_become(next) {
            return Err(StoreError::Refused(Refusal::InvalidStatusChange));
        }
        let done = sqlx::query(
            "UPDATE convoys SET status = $1, updated_at = $2 WHERE id = $3 AND status = $4",
        )
        .bind(next.as_str())
        .bind(now())
        .bind(id)
        .bind(current.as_str())
        .execute(self.writer())
        .await?;
        if done.rows_affected() == 1 {
            Ok(())
        } else {
            Err(StoreError::Refused(Refusal::InvalidStatusChange))
        }
    }

    /// The convoys of an incident, newest first (at most `limit`), with their manifests.
    pub async fn incident_convoys(&self, incident: i64, limit: i64) -> Result<Vec<ConvoyOutline>> {
        let rows: Vec<(i64, String, String, Option<i64>, String, String)> = sqlx::query_as(
            "SELECT c.id, o.name_fr, c.commune_code, c.douar_id, c.departs_on, c.status FROM convoys c \
             JOIN organizations o ON o.id = c.organization_id WHERE c.incident_id = $1 \
             ORDER BY c.id DESC LIMIT $2",
        )
        .bind(incident)
        .bind(limit)
        .fetch_all(self.reader())
        .await?;
        let mut out = Vec::with_capacity(rows.len());
        for (id, organization, commune_code, douar_id, departs_on, status) in rows {
            let manifest: Vec<(String, i64)> = sqlx::query_as(
                "SELECT i.code, l.quantity FROM convoy_lines l JOIN items i ON i.id = l.item_id \
                 WHERE l.convoy_id = $1 ORDER BY i.code",
            )
            .bind(id)
            .fetch_all(self.reader())
            .await?;
            out.push(ConvoyOutline {
                id,
                organization,
                commune_code,
                douar_id,
                departs_on,
                status,
                manifest,
            });
        }
        Ok(out)
    }
}

/// A delivery of the association as its pages show it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct DeliveryLine {
    pub id: i64,
    pub need_id: i64,
    pub need_reference: String,
    pub commune_code: String,
    pub douar_ar: Option<String>,
    pub douar_fr: Option<String>,
    pub warehouse: String,
    pub item: String,
    pub item_ar: String,
    pub item_fr: String,
    pub quantity: i64,
    pub households: i64,
    /// `awaiting_proof`, `delivered` or `locked`.
    pub status: String,
    /// `otp` or `agent`.
    pub proof_method: String,
    pub attempts: i64,
    pub created_at: i64,
    pub delivered_at: Option<i64>,
}

/// One of the association's convoys.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ConvoyLine {
    pub id: i64,
    pub incident_id: i64,
    pub warehouse: String,
    pub commune_code: String,
    pub douar_ar: Option<String>,
    pub douar_fr: Option<String>,
    pub vehicle: String,
    pub route: String,
    pub departs_on: String,
    pub status: String,
}

pub(crate) const DELIVERY_COLUMNS: &str =
    "SELECT d.id AS id, d.need_id AS need_id, n.reference AS need_reference, \
     n.commune_code AS commune_code, dr.name_ar AS douar_ar, dr.name_fr AS douar_fr, \
     w.name AS warehouse, i.code AS item, i.name_ar AS item_ar, i.name_fr AS item_fr, \
     d.quantity AS quantity, d.households AS households, d.status AS status, \
     d.proof_method AS proof_method, d.attempts AS attempts, d.created_at AS created_at, \
     d.delivered_at AS delivered_at FROM deliveries d JOIN needs n ON n.id = d.need_id \
     LEFT JOIN douars dr ON dr.id = n.douar_id JOIN warehouses w ON w.id = d.warehouse_id \
     JOIN items i ON i.id = d.item_id";

impl Store {
    /// The association's deliveries, newest first, before the id given (at most `limit`).
    pub async fn deliveries_of(
        &self,
        scope: &OrgScope,
        before: Option<i64>,
        limit: i64,
    ) -> Result<Vec<DeliveryLine>> {
        let sql = format!(
            "{DELIVERY_COLUMNS} WHERE d.organization_id = $1 AND d.id < $2 ORDER BY d.id DESC LIMIT $3"
        );
        Ok(sqlx::query_as(&sql)
            .bind(scope.org_id().0)
            .bind(before.unwrap_or(i64::MAX))
            .bind(limit)
            .fetch_all(self.reader())
            .await?)
    }

    /// One delivery of the association, with the lots it consumed (lot id, quantity).
    pub async fn delivery(
        &self,
        scope: &OrgScope,
        id: i64,
    ) -> Result<(DeliveryLine, Vec<(i64, i64)>)> {
        let sql = format!("{DELIVERY_COLUMNS} WHERE d.id = $1 AND d.organization_id = $2");
        let line: Option<DeliveryLine> = sqlx::query_as(&sql)
            .bind(id)
            .bind(scope.org_id().0)
            .fetch_optional(self.reader())
            .await?;
        let line = line.ok_or(StoreError::NotFound)?;
        let lots: Vec<(i64, i64)> = sqlx::query_as(
            "SELECT lot_id, quantity FROM delivery_lots WHERE delivery_id = $1 ORDER BY lot_id",
        )
        .bind(id)
        .fetch_all(self.reader())
        .await?;
        Ok((line, lots))
    }

    /// The association's convoys, newest first, before the id given (at most `limit`).
    pub async fn convoys_of(
        &self,
        scope: &OrgScope,
        before: Option<i64>,
        limit: i64,
    ) -> Result<Vec<ConvoyLine>> {
        Ok(sqlx::query_as(
            "SELECT c.id AS id, c.incident_id AS incident_id, w.name AS warehouse, \
             c.commune_code AS commune_code, dr.name_ar AS douar_ar, dr.name_fr AS douar_fr, \
             c.vehicle AS vehicle, c.route AS route, c.departs_on AS departs_on, c.status AS status \
             FROM convoys c JOIN warehouses w ON w.id = c.warehouse_id \
             LEFT JOIN douars dr ON dr.id = c.douar_id \
             WHERE c.organization_id = $1 AND c.id < $2 ORDER BY c.id DESC LIMIT $3",
        )
        .bind(scope.org_id().0)
        .bind(before.unwrap_or(i64::MAX))
        .bind(limit)
        .fetch_all(self.reader())
        .await?)
    }

    /// The lots a convoy carries (lot id, item code, quantity).
    pub async fn convoy_lots(&self, scope: &OrgScope, id: i64) -> Result<Vec<(i64, String, i64)>> {
        Ok(sqlx::query_as(
            "SELECT cl.lot_id, i.code, cl.quantity FROM convoy_lots cl \
             JOIN convoys c ON c.id = cl.convoy_id JOIN stock_lots l ON l.id = cl.lot_id \
             JOIN items i ON i.id = l.item_id WHERE cl.convoy_id = $1 AND c.organization_id = $2 \
             ORDER BY cl.lot_id",
        )
        .bind(id)
        .bind(scope.org_id().0)
        .fetch_all(self.reader())
        .await?)
    }

    /// The warning a convoy to `commune` would get, before it is planned: the place has no gap
    /// while communes of its province in the incident wait.
    pub async fn convoy_destination_warning(
        &self,
        incident: i64,
        commune: &str,
    ) -> Result<Option<crate::CoverageWarning>> {
        self.covered_destination(incident, commune).await
    }
}
