-- Donations by the public through a payment provider: the provider reference is unique, a
-- payment can fail, the donor's identity is kept encrypted (never in the log), and each
-- provider callback is remembered so a replayed one changes nothing.

CREATE UNIQUE INDEX donations_provider_reference ON donations(provider_reference);
ALTER TABLE donations ADD COLUMN failed_at BIGINT;

-- XChaCha20-Poly1305 ciphertext of the donor's identity (version, nonce, sealed JSON); the key
-- lives in the data directory, never in the database.
CREATE TABLE donor_identities (
    donation_id BIGINT PRIMARY KEY REFERENCES donations(id),
    organization_id BIGINT NOT NULL REFERENCES organizations(id),
    ciphertext BLOB NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX donor_identities_org ON donor_identities(organization_id, donation_id);

CREATE TABLE payment_callbacks (
    event_id TEXT PRIMARY KEY,
    donation_id BIGINT NOT NULL REFERENCES donations(id),
    outcome TEXT NOT NULL,
    received_at BIGINT NOT NULL
);
