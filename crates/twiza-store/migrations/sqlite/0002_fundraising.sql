-- Fundraising under Law 18-18: campaigns with their authorization, donations, and the
-- transparency log (leaves, stored Merkle subtree hashes, signed checkpoints).

CREATE TABLE campaigns (
    id INTEGER PRIMARY KEY,
    organization_id BIGINT NOT NULL REFERENCES organizations(id),
    code TEXT NOT NULL UNIQUE,
    title_ar TEXT NOT NULL,
    title_fr TEXT NOT NULL,
    purpose_ar TEXT NOT NULL,
    purpose_fr TEXT NOT NULL,
    goal_centimes BIGINT NOT NULL,
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    scope TEXT NOT NULL,
    bank_account TEXT NOT NULL,
    emergency BIGINT NOT NULL DEFAULT 0,
    state TEXT NOT NULL,
    auth_status TEXT NOT NULL,
    auth_reference TEXT,
    auth_valid_from TEXT,
    auth_valid_to TEXT,
    auth_refusal_reason TEXT,
    auth_decided_by BIGINT REFERENCES users(id),
    auth_decided_at BIGINT,
    created_by BIGINT NOT NULL REFERENCES users(id),
    created_at BIGINT NOT NULL,
    published_at BIGINT,
    closed_at BIGINT
);
CREATE INDEX campaigns_org ON campaigns(organization_id, id);
CREATE INDEX campaigns_state ON campaigns(state, auth_status, id);

CREATE TABLE donations (
    id INTEGER PRIMARY KEY,
    campaign_id BIGINT NOT NULL REFERENCES campaigns(id),
    organization_id BIGINT NOT NULL REFERENCES organizations(id),
    kind TEXT NOT NULL,
    amount_centimes BIGINT,
    currency TEXT,
    method TEXT NOT NULL,
    items TEXT,
    status TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    donor_commitment TEXT NOT NULL,
    donor_identity BLOB,
    provider_reference TEXT,
    created_at BIGINT NOT NULL,
    confirmed_at BIGINT,
    leaf_index BIGINT,
    UNIQUE (campaign_id, idempotency_key)
);
CREATE INDEX donations_campaign ON donations(campaign_id, id);
CREATE INDEX donations_org ON donations(organization_id, id);

CREATE TABLE log_entries (
    idx BIGINT PRIMARY KEY,
    kind TEXT NOT NULL,
    ref_id BIGINT NOT NULL,
    leaf BLOB NOT NULL,
    leaf_hash BLOB NOT NULL,
    at BIGINT NOT NULL,
    UNIQUE (kind, ref_id)
);

CREATE TABLE log_hashes (
    level BIGINT NOT NULL,
    idx BIGINT NOT NULL,
    hash BLOB NOT NULL,
    PRIMARY KEY (level, idx)
);

CREATE TABLE log_checkpoints (
    size BIGINT PRIMARY KEY,
    root_hash BLOB NOT NULL,
    note TEXT NOT NULL,
    at BIGINT NOT NULL
);
