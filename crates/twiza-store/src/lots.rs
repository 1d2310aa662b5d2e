//! Lots: goods received together from one source (an in-kind donation, an approved expense's
//! purchase, anything else), their balance in each warehouse, moves between warehouses, counts
//! with the difference recorded, and the trail from a lot — and the donation it came from — to
//! the deliveries that consumed it and the douars they reached.
//!
//! Every change of stock locks the warehouse it takes from ([`Backend::for_update`]; SQLite has
//! one writer) and checks the lot's balance there in the same transaction, so no two requests
//! can take the same goods and no balance goes below zero.

use crate::{now, Backend, Result, Store, StoreError};
use sqlx::AnyConnection;
use twiza_domain::donation::PledgedItem;
use twiza_domain::logistics::NewReceipt;
use twiza_domain::{OrgScope, Refusal, UserId};

/// What a lot is linked to: the in-kind donation it is, or the approved expense that bought it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LotLink {
    pub donation_id: Option<i64>,
    pub expense_id: Option<i64>,
}

/// A lot's balance in one warehouse.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct LotLine {
    pub lot_id: i64,
    pub item: String,
    pub item_ar: String,
    pub item_fr: String,
    pub unit: String,
    pub source: String,
    pub warehouse_id: i64,
    pub warehouse: String,
    pub quantity: i64,
}

/// A lot as its page shows it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Lot {
    pub id: i64,
    pub item: String,
    pub item_ar: String,
    pub item_fr: String,
    pub unit: String,
    pub source: String,
    pub donation_id: Option<i64>,
    pub expense_id: Option<i64>,
    pub campaign_id: Option<i64>,
    pub campaign_code: Option<String>,
    pub reference: Option<String>,
    /// Quantity received.
    pub quantity: i64,
    pub warehouse: String,
    pub created_at: i64,
}

/// A delivery that consumed a lot, and where it went.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct LotDelivery {
    pub delivery_id: i64,
    /// Taken from this lot.
    pub quantity: i64,
    pub status: String,
    pub commune_code: String,
    pub douar_ar: Option<String>,
    pub douar_fr: Option<String>,
    pub created_at: i64,
    pub delivered_at: Option<i64>,
}

/// A count of a lot in a warehouse.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct LotCount {
    pub warehouse: String,
    pub expected: i64,
    pub counted: i64,
    pub counted_at: i64,
}

/// A lot received from an in-kind donation, with what left it in deliveries.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct DonationLot {
    pub donation_id: i64,
    pub lot_id: i64,
    pub quantity: i64,
    pub delivered: i64,
}

/// A warehouse of the association.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Warehouse {
    pub id: i64,
    pub name: String,
    pub commune_code: String,
}

/// A confirmed in-kind donation of the association that stock can receive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InKindDonation {
    pub id: i64,
    pub campaign_code: String,
    pub items: Vec<PledgedItem>,
    pub created_at: i64,
}

/// An approved expense of the association whose purchase stock can receive.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ApprovedExpense {
    pub id: i64,
    pub campaign_code: String,
    pub description_ar: String,
    pub description_fr: String,
    pub amount_centimes: i64,
}

/// An open need assigned to the association, which a delivery can serve.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct NeedToServe {
    pub id: i64,
    pub incident_id: i64,
    pub reference: String,
    pub commune_code: String,
    pub douar_ar: Option<String>,
    pub douar_fr: Option<String>,
    pub category: String,
    pub households: Option<i64>,
}

/// Locks a warehouse of the association (PostgreSQL: `FOR UPDATE`); refuses another's.
/// The id of a catalog item by its code; an unknown code is refused.
pub(crate) async fn item_id(conn: &mut AnyConnection, code: &str) -> Result<i64> {
    let row: Option<(i64,)> = sqlx::query_as("SELECT id FROM items WHERE code = $1")
        .bind(code)
        .fetch_optional(&mut *conn)
        .await?;
    row.map(|(id,)| id)
        .ok_or(StoreError::Refused(Refusal::UnknownItem))
}

pub(crate) async fn lock_warehouse(
    conn: &mut AnyConnection,
    backend: Backend,
    scope: &OrgScope,
    id: i64,
) -> Result<()> {
    let sql = format!(
        "SELECT id FROM warehouses WHERE id = $1 AND organization_id = $2{}",
        backend.for_update()
    );
    let row: Option<(i64,)> = sqlx::query_as(&sql)
        .bind(id)
        .bind(scope.org_id().0)
        .fetch_optional(&mut *conn)
        .await?;
    row.map(|_| ())
        .ok_or(StoreError::Refused(Refusal::UnknownWarehouse))
}

/// The lot of the association, with its item's id and code.
pub(crate) async fn own_lot(
    conn: &mut AnyConnection,
    scope: &OrgScope,
    lot: i64,
) -> Result<(i64, String)> {
    let row: Option<(i64, String)> = sqlx::query_as(
        "SELECT l.item_id, i.code FROM stock_lots l JOIN items i ON i.id = l.item_id \
         WHERE l.id = $1 AND l.organization_id = $2",
    )
    .bind(lot)
    .bind(scope.org_id().0)
    .fetch_optional(&mut *conn)
    .await?;
    row.ok_or(StoreError::Refused(Refusal::UnknownLot))
}

/// What a lot holds in a warehouse.
pub(crate) async fn lot_balance(conn: &mut AnyConnection, lot: i64, warehouse: i64) -> Result<i64> {
    let (quantity,): (i64,) = sqlx::query_as(
        "SELECT CAST(COALESCE(SUM(quantity), 0) AS BIGINT) FROM stock_movements \
         WHERE lot_id = $1 AND warehouse_id = $2",
    )
    .bind(lot)
    .bind(warehouse)
    .fetch_one(&mut *conn)
    .await?;
    Ok(quantity)
}

/// One signed movement of a lot.
pub(crate) struct Movement<'a> {
    pub scope: &'a OrgScope,
    pub warehouse: i64,
    pub item: i64,
    pub lot: i64,
    pub quantity: i64,
    pub source: &'a str,
    pub delivery: Option<i64>,
    pub by: UserId,
    pub at: i64,
}

pub(crate) async fn write_movement(conn: &mut AnyConnection, m: &Movement<'_>) -> Result<()> {
    sqlx::query(
        "INSERT INTO stock_movements (organization_id, warehouse_id, item_id, quantity, source, \
         delivery_id, lot_id, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(m.scope.org_id().0)
    .bind(m.warehouse)
    .bind(m.item)
    .bind(m.quantity)
    .bind(m.source)
    .bind(m.delivery)
    .bind(m.lot)
    .bind(m.by.0)
    .bind(m.at)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Checks what a lot is linked to, and returns the campaign it belongs to.
async fn check_link(
    conn: &mut AnyConnection,
    scope: &OrgScope,
    item: &str,
    receipt: &NewReceipt,
    link: LotLink,
) -> Result<Option<i64>> {
    if let Some(donation) = link.donation_id {
        let row: Option<(i64, String, String, Option<String>)> = sqlx::query_as(
            "SELECT campaign_id, kind, status, items FROM donations WHERE id = $1 AND organization_id = $2",
        )
        .bind(donation)
        .bind(scope.org_id().0)
        .fetch_optional(&mut *conn)
        .await?;
        let Some((campaign, kind, status, items)) = row else {
            return Err(StoreError::Refused(Refusal::LotDonationInvalid));
        };
        let items: Vec<PledgedItem> = items
            .and_then(|i| serde_json::from_str(&i).ok())
            .unwrap_or_default();
        let given: i64 = items
            .iter()
            .filter(|i| i.item == item)
            .map(|i| i.quantity)
            .sum();
        if kind != "in_kind" || status != "confirmed" || given == 0 {
            return Err(StoreError::Refused(Refusal::LotDonationInvalid));
        }
        let (received,): (i64,) = sqlx::query_as(
            "SELECT CAST(COALESCE(SUM(l.quantity), 0) AS BIGINT) FROM stock_lots l \
             JOIN items i ON i.id = l.item_id WHERE l.donation_id = $1 AND i.code = $2",
        )
        .bind(donation)
        .bind(item)
        .fetch_one(&mut *conn)
        .await?;
        if received + receipt.quantity > given {
            return Err(StoreError::Refused(Refusal::LotBeyondDonation));
        }
        return Ok(Some(campaign));
    }
    if let Some(expense) = link.expense_id {
        let row: Option<(i64,)> = sqlx::query_as(
            "SELECT campaign_id FROM expenses WHERE id = $1 AND organization_id = $2 AND status = 'approved'",
        )
        .bind(expense)
        .bind(scope.org_id().0)
        .fetch_optional(&mut *conn)
        .await?;
        return row
            .map(|(campaign,)| Some(campaign))
            .ok_or(StoreError::Refused(Refusal::LotExpenseInvalid));
    }
    Ok(None)
}

impl Store {
    /// Receives goods into one of the association's warehouses as a new lot, linked to the
    /// in-kind donation it is or the approved expense that bought it (never beyond what the
    /// donation gave of that item). Returns the lot's id.
    pub async fn receive_lot(
        &self,
        scope: &OrgScope,
        warehouse: i64,
        item: &str,
        receipt: &NewReceipt,
        link: LotLink,
        by: UserId,
    ) -> Result<i64> {
        let at = now();
        let mut tx = self.writer().begin().await?;
        lock_warehouse(&mut tx, self.backend(), scope, warehouse).await?;
        let item_id = item_id(&mut tx, item).await?;
        let campaign = check_link(&mut tx, scope, item, receipt, link).await?;
        let (lot,): (i64,) = sqlx::query_as(
            "INSERT INTO stock_lots (organization_id, item_id, source, donation_id, expense_id, \
             campaign_id, reference, quantity, warehouse_id, created_by, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
        )
        .bind(scope.org_id().0)
        .bind(item_id)
        .bind(receipt.source.as_str())
        .bind(link.donation_id)
        .bind(link.expense_id)
        .bind(campaign)
        .bind(receipt.reference.as_deref())
        .bind(receipt.quantity)
        .bind(warehouse)
        .bind(by.0)
        .bind(at)
        .fetch_one(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO stock_movements (organization_id, warehouse_id, item_id, quantity, source, \
             reference, lot_id, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(scope.org_id().0)
        .bind(warehouse)
        .bind(item_id)
        .bind(receipt.quantity)
        .bind(receipt.source.as_str())
        .bind(receipt.reference.as_deref())
        .bind(lot)
        .bind(by.0)
        .bind(at)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(lot)
    }

    /// Moves part of a lot from one warehouse of the association to another; refused, with
    /// nothing written, beyond what the lot holds in the first.
    pub async fn move_lot(
        &self,
        scope: &OrgScope,
        lot: i64,
        (from, to): (i64, i64),
        quantity: i64,
        by: UserId,
    ) -> Result<()> {
        if from == to {
            return Err(StoreError::Refused(Refusal::SameWarehouse));
        }
        let at = now();
        let mut tx = self.writer().begin().await?;
        // Both locked, in the order of their ids (no two moves wait on each other).
        for w in [from.min(to), from.max(to)] {
            lock_warehouse(&mut tx, self.backend(), scope, w).await?;
        }
        let (item, _) = own_lot(&mut tx, scope, lot).await?;
        if lot_balance(&mut tx, lot, from).await? < quantity {
            return Err(StoreError::Refused(Refusal::InsufficientStock));
        }
        for (warehouse, signed, source) in
            [(from, -quantity, "move_out"), (to, quantity, "move_in")]
        {
            let m = Movement {
                scope,
                warehouse,
                item,
                lot,
                quantity: signed,
                source,
                delivery: None,
                by,
                at,
            };
            write_movement(&mut tx, &m).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Records a count of a lot in a warehouse: what the stock said, what was found, and the
    /// difference as a movement. Returns (expected, counted).
    pub async fn count_lot(
        &self,
        scope: &OrgScope,
        lot: i64,
        warehouse: i64,
        counted: i64,
        by: UserId,
    ) -> Result<(i64, i64)> {
        let at = now();
        let mut tx = self.writer().begin().await?;
        lock_warehouse(&mut tx, self.backend(), scope, warehouse).await?;
        let (item, _) = own_lot(&mut tx, scope, lot).await?;
        let expected = lot_balance(&mut tx, lot, warehouse).await?;
        sqlx::query(
            "INSERT INTO stock_counts (organization_id, warehouse_id, lot_id, expected, counted, \
             counted_by, counted_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(scope.org_id().0)
        .bind(warehouse)
        .bind(lot)
        .bind(expected)
        .bind(counted)
        .bind(by.0)
        .bind(at)
        .execute(&mut *tx)
        .await?;
        if counted != expected {
            let m = Movement {
                scope,
                warehouse,
                item,
                lot,
                quantity: counted - expected,
                source: "count",
                delivery: None,
                by,
                at,
            };
            write_movement(&mut tx, &m).await?;
        }
        tx.commit().await?;
        Ok((expected, counted))
    }

    /// The association's warehouses, by name.
    pub async fn warehouses(&self, scope: &OrgScope) -> Result<Vec<Warehouse>> {
        Ok(sqlx::query_as(
            "SELECT id, name, commune_code FROM warehouses WHERE organization_id = $1 ORDER BY name, id",
        )
        .bind(scope.org_id().0)
        .fetch_all(self.reader())
        .await?)
    }

    /// Lots that hold something, one line per lot and warehouse, after the key (lot, warehouse)
    /// given; at most `limit`.
    pub async fn lot_lines(
        &self,
        scope: &OrgScope,
        after: Option<(i64, i64)>,
        limit: i64,
    ) -> Result<Vec<LotLine>> {
        let (lot, warehouse) = after.unwrap_or((0, 0));
        Ok(sqlx::query_as(
            "SELECT l.id AS lot_id, i.code AS item, i.name_ar AS item_ar, i.name_fr AS item_fr, \
             i.unit AS unit, l.source AS source, w.id AS warehouse_id, w.name AS warehouse, \
             CAST(SUM(m.quantity) AS BIGINT) AS quantity \
             FROM stock_movements m JOIN stock_lots l ON l.id = m.lot_id \
             JOIN items i ON i.id = l.item_id JOIN warehouses w ON w.id = m.warehouse_id \
             WHERE l.organization_id = $1 AND (l.id > $2 OR (l.id = $2 AND w.id > $3)) \
             GROUP BY l.id, i.code, i.name_ar, i.name_fr, i.unit, l.source, w.id, w.name \
             HAVING SUM(m.quantity) > 0 ORDER BY l.id, w.id LIMIT $4",
        )
        .bind(scope.org_id().0)
        .bind(lot)
        .bind(warehouse)
        .bind(limit)
        .fetch_all(self.reader())
        .await?)
    }

    /// One lot of the association.
    pub async fn lot(&self, scope: &OrgScope, id: i64) -> Result<Lot> {
        let row: Option<Lot> = sqlx::query_as(
            "SELECT l.id AS id, i.code AS item, i.name_ar AS item_ar, i.name_fr AS item_fr, \
             i.unit AS unit, l.source AS source, l.donation_id AS donation_id, \
             l.expense_id AS expense_id, l.campaign_id AS campaign_id, c.code AS campaign_code, \
             l.reference AS reference, l.quantity AS quantity, w.name AS warehouse, \
             l.created_at AS created_at FROM stock_lots l JOIN items i ON i.id = l.item_id \
             JOIN warehouses w ON w.id = l.warehouse_id LEFT JOIN campaigns c ON c.id = l.campaign_id \
             WHERE l.id = $1 AND l.organization_id = $2",
        )
        .bind(id)
        .bind(scope.org_id().0)
        .fetch_optional(self.reader())
        .await?;
        row.ok_or(StoreError::NotFound)
    }

    /// Where a lot is now: its balance in each warehouse that holds some.
    pub async fn lot_places(&self, scope: &OrgScope, id: i64) -> Result<Vec<LotLine>> {
        Ok(sqlx::query_as(
            "SELECT l.id AS lot_id, i.code AS item, i.name_ar AS item_ar, i.name_fr AS item_fr, \
             i.unit AS unit, l.source AS source, w.id AS warehouse_id, w.name AS warehouse, \
             CAST(SUM(m.quantity) AS BIGINT) AS quantity \
             FROM stock_movements m JOIN stock_lots l ON l.id = m.lot_id \
             JOIN items i ON i.id = l.item_id JOIN warehouses w ON w.id = m.warehouse_id \
             WHERE l.id = $1 AND l.organization_id = $2 \
             GROUP BY l.id, i.code, i.name_ar, i.name_fr, i.unit, l.source, w.id, w.name \
             HAVING SUM(m.quantity) > 0 ORDER BY w.id",
        )
        .bind(id)
        .bind(scope.org_id().0)
        .fetch_all(self.reader())
        .await?)
    }

    /// The deliveries that consumed a lot, newest first (at most `limit`), with the place each
    /// went to: the trail from the lot to the douars.
    pub async fn lot_deliveries(
        &self,
        scope: &OrgScope,
        id: i64,
        limit: i64,
    ) -> Result<Vec<LotDelivery>> {
        Ok(sqlx::query_as(
            "SELECT d.id AS delivery_id, dl.quantity AS quantity, d.status AS status, \
             n.commune_code AS commune_code, dr.name_ar AS douar_ar, dr.name_fr AS douar_fr, \
             d.created_at AS created_at, d.delivered_at AS delivered_at \
             FROM delivery_lots dl JOIN deliveries d ON d.id = dl.delivery_id \
             JOIN needs n ON n.id = d.need_id LEFT JOIN douars dr ON dr.id = n.douar_id \
             WHERE dl.lot_id = $1 AND d.organization_id = $2 ORDER BY d.id DESC LIMIT $3",
        )
        .bind(id)
        .bind(scope.org_id().0)
        .bind(limit)
        .fetch_all(self.reader())
        .await?)
    }

    /// The counts of a lot, newest first (at most `limit`).
    pub async fn lot_counts(&self, scope: &OrgScope, id: i64, limit: i64) -> Result<Vec<LotCount>> {
        Ok(sqlx::query_as(
            "SELECT w.name AS warehouse, k.expected AS expected, k.counted AS counted, \
             k.counted_at AS counted_at FROM stock_counts k JOIN warehouses w ON w.id = k.warehouse_id \
             WHERE k.lot_id = $1 AND k.organization_id = $2 ORDER BY k.id DESC LIMIT $3",
        )
        .bind(id)
        .bind(scope.org_id().0)
        .bind(limit)
        .fetch_all(self.reader())
        .await?)
    }

    /// The lots received from these donations of the association, with what deliveries took
    /// from each.
    pub async fn donation_lots(
        &self,
        scope: &OrgScope,
        donations: &[i64],
    ) -> Result<Vec<DonationLot>> {
        if donations.is_empty() {
            return Ok(Vec::new());
        }
        let list = donations
            .iter()
            .map(i64::to_string)
            .collect::<Vec<_>>()
            .join(",");
        let sql = format!(
            "SELECT l.donation_id AS donation_id, l.id AS lot_id, l.quantity AS quantity, \
             CAST(COALESCE((SELECT SUM(dl.quantity) FROM delivery_lots dl \
             JOIN deliveries d ON d.id = dl.delivery_id \
             WHERE dl.lot_id = l.id AND d.status = 'delivered'), 0) AS BIGINT) AS delivered \
             FROM stock_lots l WHERE l.organization_id = $1 AND l.donation_id IN ({list}) ORDER BY l.id"
        );
        let rows: Vec<(Option<i64>, i64, i64, i64)> = sqlx::query_as(&sql)
            .bind(scope.org_id().0)
            .fetch_all(self.reader())
            .await?;
        Ok(rows
            .into_iter()
            .filter_map(|(donation, lot_id, quantity, delivered)| {
                Some(DonationLot {
                    donation_id: donation?,
                    lot_id,
                    quantity,
                    delivered,
                })
            })
            .collect())
    }

    /// The association's confirmed in-kind donations, newest first (at most `limit`).
    pub async fn in_kind_donations(
        &self,
        scope: &OrgScope,
        limit: i64,
    ) -> Result<Vec<InKindDonation>> {
        let rows: Vec<(i64, String, Option<String>, i64)> = sqlx::query_as(
            "SELECT d.id, c.code, d.items, d.created_at FROM donations d \
             JOIN campaigns c ON c.id = d.campaign_id WHERE d.organization_id = $1 \
             AND d.kind = 'in_kind' AND d.status = 'confirmed' ORDER BY d.id DESC LIMIT $2",
        )
        .bind(scope.org_id().0)
        .bind(limit)
        .fetch_all(self.reader())
        .await?;
        Ok(rows
            .into_iter()
            .map(|(id, campaign_code, items, created_at)| InKindDonation {
                id,
                campaign_code,
                items: items
                    .and_then(|i| serde_json::from_str(&i).ok())
                    .unwrap_or_default(),
                created_at,
            })
            .collect())
    }

    /// The association's approved expenses, newest first (at most `limit`).
    pub async fn approved_expenses(
        &self,
        scope: &OrgScope,
        limit: i64,
    ) -> Result<Vec<ApprovedExpense>> {
        Ok(sqlx::query_as(
            "SELECT e.id AS id, c.code AS campaign_code, e.description_ar AS description_ar, \
             e.description_fr AS description_fr, e.amount_centimes AS amount_centimes \
             FROM expenses e JOIN campaigns c ON c.id = e.campaign_id \
             WHERE e.organization_id = $1 AND e.status = 'approved' ORDER BY e.id DESC LIMIT $2",
        )
        .bind(scope.org_id().0)
        .bind(limit)
        .fetch_all(self.reader())
        .await?)
    }

    /// Open needs assigned to the association, most recent first (at most `limit`).
    pub async fn needs_to_serve(&self, scope: &OrgScope, limit: i64) -> Result<Vec<NeedToServe>> {
        Ok(sqlx::query_as(
            "SELECT n.id AS id, n.incident_id AS incident_id, n.reference AS reference, \
             n.commune_code AS commune_code, dr.name_ar AS douar_ar, dr.name_fr AS douar_fr, \
             n.category AS category, n.households AS households FROM need_assignments a \
             JOIN needs n ON n.id = a.need_id LEFT JOIN douars dr ON dr.id = n.douar_id \
             WHERE a.organization_id = $1 AND a.ended_at IS NULL \
             AND n.status IN ('reported', 'verified', 'assigned', 'in_progress') \
             ORDER BY n.id DESC LIMIT $2",
        )
        .bind(scope.org_id().0)
        .bind(limit)
        .fetch_all(self.reader())
        .await?)
    }
}
