-- Donations and the transparency log: leaves (RFC 8785 JSON), the stored hashes of complete
-- Merkle subtrees (C2SP tlog-tiles addressing: level, index), the log size, signed checkpoints.

CREATE TABLE donations (
    id INTEGER PRIMARY KEY,
    campaign_id BIGINT NOT NULL REFERENCES campaigns(id),
    organization_id BIGINT NOT NULL REFERENCES organizations(id),
    kind TEXT NOT NULL,
    amount_centimes BIGINT,
    method TEXT,
    items TEXT,
    status TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    donor_commitment TEXT NOT NULL,
    provider_reference TEXT,
    created_at BIGINT NOT NULL,
    confirmed_at BIGINT,
    UNIQUE (campaign_id, idempotency_key)
);
CREATE INDEX donations_campaign ON donations(campaign_id, id);
CREATE INDEX donations_org ON donations(organization_id, id);

CREATE TABLE log_entries (
    idx BIGINT PRIMARY KEY,
    kind TEXT NOT NULL,
    ref_id BIGINT NOT NULL,
    leaf BLOB NOT NULL,
    at BIGINT NOT NULL,
    UNIQUE (kind, ref_id)
);

CREATE TABLE log_hashes (
    level BIGINT NOT NULL,
    idx BIGINT NOT NULL,
    hash BLOB NOT NULL,
    PRIMARY KEY (level, idx)
);

CREATE TABLE log_state (
    id BIGINT PRIMARY KEY,
    size BIGINT NOT NULL
);
INSERT INTO log_state (id, size) VALUES (1, 0);

CREATE TABLE log_checkpoints (
    size BIGINT PRIMARY KEY,
    root_hash BLOB NOT NULL,
    note TEXT NOT NULL,
    at BIGINT NOT NULL
);
