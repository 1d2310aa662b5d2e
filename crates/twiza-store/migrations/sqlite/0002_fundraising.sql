-- Fundraising under Law 18-18: campaigns with their authorization.

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
