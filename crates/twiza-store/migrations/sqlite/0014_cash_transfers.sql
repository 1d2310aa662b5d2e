-- Cash transfers: the account a household is paid on (sealed like identifiers), payment batches
-- made from approved cycles (sent to the bank as ISO 20022 pain.001), their lines and what the
-- bank's status reports (pain.002) said of each.

ALTER TABLE households ADD COLUMN payee_kind TEXT;
ALTER TABLE households ADD COLUMN payee_account_sealed BLOB;

CREATE TABLE payment_batches (
    id INTEGER PRIMARY KEY,
    organization_id BIGINT NOT NULL REFERENCES organizations(id),
    cycle_id BIGINT NOT NULL UNIQUE REFERENCES cycles(id),
    message_id TEXT NOT NULL UNIQUE,
    debtor_name TEXT NOT NULL,
    debtor_iban TEXT NOT NULL,
    execution_date TEXT NOT NULL,
    -- `ready` (file can be sent), `reconciled` (every line paid or rejected).
    status TEXT NOT NULL,
    lines BIGINT NOT NULL,
    total_centimes BIGINT NOT NULL,
    -- Eligible households left out for want of a payee account.
    skipped BIGINT NOT NULL,
    created_by BIGINT NOT NULL REFERENCES users(id),
    created_at BIGINT NOT NULL,
    reconciled_at BIGINT
);
CREATE INDEX payment_batches_org ON payment_batches(organization_id, id);

CREATE TABLE payment_lines (
    id INTEGER PRIMARY KEY,
    batch_id BIGINT NOT NULL REFERENCES payment_batches(id),
    household_id BIGINT NOT NULL REFERENCES households(id),
    end_to_end_id TEXT NOT NULL UNIQUE,
    centimes BIGINT NOT NULL,
    -- `sent`, `pending`, `paid` or `rejected`.
    status TEXT NOT NULL,
    reason TEXT,
    paid_at BIGINT,
    updated_at BIGINT NOT NULL
);
CREATE INDEX payment_lines_batch ON payment_lines(batch_id, id);
