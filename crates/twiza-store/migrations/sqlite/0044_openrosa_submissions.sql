-- Submissions from ODK Collect and KoboCollect (OpenRosa), one per association and instance id
-- (the form's `meta/instanceID`): the same XML again answers the record it wrote; another XML
-- under the same id is refused. `content_hash` is the SHA-256 of the submitted XML's bytes;
-- `record` names what it wrote (`need:<id>`, `household:<id>`). The record itself carries the
-- instance id as its own idempotency key, written in its transaction.
CREATE TABLE openrosa_submissions (
    organization_id BIGINT NOT NULL REFERENCES organizations(id),
    instance_id TEXT NOT NULL,
    form_id TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    record TEXT NOT NULL,
    submitted_by BIGINT NOT NULL REFERENCES users(id),
    received_at BIGINT NOT NULL,
    PRIMARY KEY (organization_id, instance_id)
);

-- A household registered from a device (OpenRosa, the field app) keeps, with its creation key
-- and in its transaction, the hash of the content that made it: another content sent under the
-- same key is refused even when the channel's receipt above was not written (a cut between
-- the two). The page's own keys keep none.
ALTER TABLE household_creation_keys ADD COLUMN content_hash TEXT;
