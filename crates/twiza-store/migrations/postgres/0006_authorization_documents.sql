-- The document of a Law 18-18 authorization (the decision, scanned or as issued), kept apart so
-- that campaign reads never load it; its SHA-256 is on the campaign and in the logged grant.

ALTER TABLE campaigns ADD COLUMN auth_document_sha256 TEXT;

CREATE TABLE authorization_documents (
    campaign_id BIGINT PRIMARY KEY REFERENCES campaigns(id),
    media_type TEXT NOT NULL,
    content BYTEA NOT NULL,
    uploaded_by BIGINT NOT NULL REFERENCES users(id),
    uploaded_at BIGINT NOT NULL
);
