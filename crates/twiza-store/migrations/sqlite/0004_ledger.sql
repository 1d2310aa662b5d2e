-- The association ledger (double entry): journal entries and their lines, expenses with their
-- evidence and two-person approval, transfers between associations.
-- Money in integer centimes; goods (in kind) as quantities per item and unit on stock accounts.

CREATE TABLE ledger_entries (
    id INTEGER PRIMARY KEY,
    organization_id BIGINT NOT NULL REFERENCES organizations(id),
    campaign_id BIGINT REFERENCES campaigns(id),
    -- donation | expense | transfer_out | transfer_in
    source TEXT NOT NULL,
    source_id BIGINT NOT NULL,
    at BIGINT NOT NULL,
    UNIQUE (source, source_id)
);
CREATE INDEX ledger_entries_org ON ledger_entries(organization_id, id);

CREATE TABLE ledger_lines (
    id INTEGER PRIMARY KEY,
    entry_id BIGINT NOT NULL REFERENCES ledger_entries(id),
    organization_id BIGINT NOT NULL REFERENCES organizations(id),
    campaign_id BIGINT REFERENCES campaigns(id),
    account TEXT NOT NULL,
    debit_centimes BIGINT NOT NULL DEFAULT 0,
    credit_centimes BIGINT NOT NULL DEFAULT 0,
    item TEXT,
    unit TEXT,
    debit_quantity BIGINT NOT NULL DEFAULT 0,
    credit_quantity BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX ledger_lines_org ON ledger_lines(organization_id, account, campaign_id);
CREATE INDEX ledger_lines_campaign ON ledger_lines(campaign_id, account);
CREATE INDEX ledger_lines_entry ON ledger_lines(entry_id);

CREATE TABLE expenses (
    id INTEGER PRIMARY KEY,
    organization_id BIGINT NOT NULL REFERENCES organizations(id),
    campaign_id BIGINT NOT NULL REFERENCES campaigns(id),
    amount_centimes BIGINT NOT NULL,
    category TEXT NOT NULL,
    paid_from TEXT NOT NULL,
    description_ar TEXT NOT NULL,
    description_fr TEXT NOT NULL,
    evidence_type TEXT NOT NULL,
    evidence_sha256 TEXT NOT NULL,
    status TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    submitted_by BIGINT NOT NULL REFERENCES users(id),
    submitted_at BIGINT NOT NULL,
    decided_by BIGINT REFERENCES users(id),
    decided_at BIGINT,
    rejection_reason TEXT,
    UNIQUE (campaign_id, idempotency_key)
);
CREATE INDEX expenses_campaign ON expenses(campaign_id, id);
CREATE INDEX expenses_org ON expenses(organization_id, id);

CREATE TABLE expense_evidence (
    expense_id BIGINT PRIMARY KEY REFERENCES expenses(id),
    media_type TEXT NOT NULL,
    content BLOB NOT NULL
);

CREATE TABLE transfers (
    id INTEGER PRIMARY KEY,
    from_organization_id BIGINT NOT NULL REFERENCES organizations(id),
    to_organization_id BIGINT NOT NULL REFERENCES organizations(id),
    campaign_id BIGINT NOT NULL REFERENCES campaigns(id),
    amount_centimes BIGINT NOT NULL,
    status TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    created_by BIGINT NOT NULL REFERENCES users(id),
    created_at BIGINT NOT NULL,
    confirmed_by BIGINT REFERENCES users(id),
    confirmed_at BIGINT,
    UNIQUE (from_organization_id, idempotency_key)
);
CREATE INDEX transfers_from ON transfers(from_organization_id, id);
CREATE INDEX transfers_to ON transfers(to_organization_id, id);
CREATE INDEX transfers_campaign ON transfers(campaign_id, id);

-- Money donations confirmed before the ledger existed are booked now (goods received in kind
-- before it are in the donations table only).
INSERT INTO ledger_entries (organization_id, campaign_id, source, source_id, at)
SELECT organization_id, campaign_id, 'donation', id, COALESCE(confirmed_at, created_at)
FROM donations WHERE status = 'confirmed' AND kind = 'money';
INSERT INTO ledger_lines (entry_id, organization_id, campaign_id, account, debit_centimes, credit_centimes)
SELECT e.id, d.organization_id, d.campaign_id,
       CASE d.method WHEN 'cash' THEN 'cash' WHEN 'mobile_wallet' THEN 'mobile_wallet' ELSE 'bank' END,
       d.amount_centimes, 0
FROM donations d JOIN ledger_entries e ON e.source = 'donation' AND e.source_id = d.id;
INSERT INTO ledger_lines (entry_id, organization_id, campaign_id, account, debit_centimes, credit_centimes)
SELECT e.id, d.organization_id, d.campaign_id, 'donation_income', 0, d.amount_centimes
FROM donations d JOIN ledger_entries e ON e.source = 'donation' AND e.source_id = d.id;
