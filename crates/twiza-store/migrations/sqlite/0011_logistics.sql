-- Logistics: the item catalog, associations' warehouses, stock movements (a signed quantity per
-- line: receipts in, deliveries out) and deliveries to needs with their proof.

CREATE TABLE items (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name_ar TEXT NOT NULL,
    name_fr TEXT NOT NULL,
    unit TEXT NOT NULL
);
INSERT INTO items (code, name_ar, name_fr, unit) VALUES
    ('family_kit', 'طقم عائلي', 'Kit familial', 'kit'),
    ('blanket', 'غطاء', 'Couverture', 'piece'),
    ('tent', 'خيمة', 'Tente familiale', 'piece'),
    ('food_basket', 'قفة غذائية', 'Panier alimentaire', 'kit'),
    ('water', 'ماء', 'Eau', 'litre'),
    ('hygiene_kit', 'طقم نظافة', 'Kit d''hygiène', 'kit'),
    ('medicine_kit', 'طقم أدوية', 'Kit de médicaments', 'kit');

CREATE TABLE warehouses (
    id INTEGER PRIMARY KEY,
    organization_id BIGINT NOT NULL REFERENCES organizations(id),
    name TEXT NOT NULL,
    commune_code TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    UNIQUE (organization_id, name)
);

CREATE TABLE deliveries (
    id INTEGER PRIMARY KEY,
    organization_id BIGINT NOT NULL REFERENCES organizations(id),
    incident_id BIGINT NOT NULL REFERENCES incidents(id),
    need_id BIGINT NOT NULL REFERENCES needs(id),
    warehouse_id BIGINT NOT NULL REFERENCES warehouses(id),
    item_id BIGINT NOT NULL REFERENCES items(id),
    quantity BIGINT NOT NULL,
    households BIGINT NOT NULL,
    -- The association's campaign whose funds or in-kind gifts the goods came from, if named.
    campaign_id BIGINT REFERENCES campaigns(id),
    status TEXT NOT NULL,
    -- `otp`: a code sent to the recipient's phone (salt and hash kept); `agent`: the field
    -- agent's statement and photo (in delivery_evidence), for a recipient without a phone.
    proof_method TEXT NOT NULL,
    otp_salt BLOB,
    otp_hash BLOB,
    evidence_sha256 TEXT,
    attempts BIGINT NOT NULL DEFAULT 0,
    created_by BIGINT NOT NULL REFERENCES users(id),
    created_at BIGINT NOT NULL,
    delivered_at BIGINT
);
CREATE INDEX deliveries_org ON deliveries(organization_id, id);

CREATE TABLE delivery_evidence (
    delivery_id BIGINT PRIMARY KEY REFERENCES deliveries(id),
    media_type TEXT NOT NULL,
    photo BLOB NOT NULL,
    statement TEXT NOT NULL,
    recorded_by BIGINT NOT NULL REFERENCES users(id),
    recorded_at BIGINT NOT NULL
);

CREATE TABLE stock_movements (
    id INTEGER PRIMARY KEY,
    organization_id BIGINT NOT NULL REFERENCES organizations(id),
    warehouse_id BIGINT NOT NULL REFERENCES warehouses(id),
    item_id BIGINT NOT NULL REFERENCES items(id),
    quantity BIGINT NOT NULL,
    source TEXT NOT NULL,
    reference TEXT,
    delivery_id BIGINT REFERENCES deliveries(id),
    created_by BIGINT NOT NULL REFERENCES users(id),
    created_at BIGINT NOT NULL
);
CREATE INDEX stock_movements_place ON stock_movements(warehouse_id, item_id);
