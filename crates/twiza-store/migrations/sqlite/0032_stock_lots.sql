-- Lots: goods received together from one source (an in-kind donation of a campaign, an approved
-- expense's purchase, anything else), followed through moves between warehouses, counts and the
-- deliveries that consumed them — so a donor's gift can be followed to the douar it reached.
-- Stock stays the sum of signed movements; each movement now names its lot.

CREATE TABLE stock_lots (
    id INTEGER PRIMARY KEY,
    organization_id BIGINT NOT NULL REFERENCES organizations(id),
    item_id BIGINT NOT NULL REFERENCES items(id),
    -- in_kind_donation | purchase | other | opening (stock held before lots existed)
    source TEXT NOT NULL,
    donation_id BIGINT REFERENCES donations(id),
    expense_id BIGINT REFERENCES expenses(id),
    campaign_id BIGINT REFERENCES campaigns(id),
    reference TEXT,
    quantity BIGINT NOT NULL,
    warehouse_id BIGINT NOT NULL REFERENCES warehouses(id),
    created_by BIGINT NOT NULL REFERENCES users(id),
    created_at BIGINT NOT NULL
);
CREATE INDEX stock_lots_org ON stock_lots(organization_id, id);
CREATE INDEX stock_lots_donation ON stock_lots(donation_id) WHERE donation_id IS NOT NULL;

ALTER TABLE stock_movements ADD COLUMN lot_id BIGINT REFERENCES stock_lots(id);
CREATE INDEX stock_movements_lot ON stock_movements(lot_id, warehouse_id);

-- A count: what the stock said and what was found; the difference is a movement (`count`).
CREATE TABLE stock_counts (
    id INTEGER PRIMARY KEY,
    organization_id BIGINT NOT NULL REFERENCES organizations(id),
    warehouse_id BIGINT NOT NULL REFERENCES warehouses(id),
    lot_id BIGINT NOT NULL REFERENCES stock_lots(id),
    expected BIGINT NOT NULL,
    counted BIGINT NOT NULL,
    counted_by BIGINT NOT NULL REFERENCES users(id),
    counted_at BIGINT NOT NULL
);
CREATE INDEX stock_counts_lot ON stock_counts(lot_id, id);

-- The lots a delivery consumed, and the lots a convoy carries.
CREATE TABLE delivery_lots (
    delivery_id BIGINT NOT NULL REFERENCES deliveries(id),
    lot_id BIGINT NOT NULL REFERENCES stock_lots(id),
    quantity BIGINT NOT NULL,
    PRIMARY KEY (delivery_id, lot_id)
);
CREATE INDEX delivery_lots_lot ON delivery_lots(lot_id);

CREATE TABLE convoy_lots (
    convoy_id BIGINT NOT NULL REFERENCES convoys(id),
    lot_id BIGINT NOT NULL REFERENCES stock_lots(id),
    quantity BIGINT NOT NULL,
    PRIMARY KEY (convoy_id, lot_id)
);

-- Stock held before lots: one opening lot per warehouse and item, holding all its movements.
INSERT INTO stock_lots (organization_id, item_id, source, quantity, warehouse_id, created_by, created_at)
SELECT organization_id, item_id, 'opening',
       CAST(SUM(CASE WHEN quantity > 0 THEN quantity ELSE 0 END) AS BIGINT),
       warehouse_id, MIN(created_by), MIN(created_at)
FROM stock_movements GROUP BY organization_id, warehouse_id, item_id;
UPDATE stock_movements SET lot_id = (
    SELECT l.id FROM stock_lots l WHERE l.source = 'opening'
    AND l.warehouse_id = stock_movements.warehouse_id AND l.item_id = stock_movements.item_id);
INSERT INTO delivery_lots (delivery_id, lot_id, quantity)
SELECT m.delivery_id, m.lot_id, -m.quantity FROM stock_movements m WHERE m.delivery_id IS NOT NULL;
