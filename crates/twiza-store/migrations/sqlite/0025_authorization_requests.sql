-- The file an association sends with its Law 18-18 authorization request (the request letter
-- and its annexes), one per campaign, replaced until the authority decides; and the key a
-- campaign form carries, so that the same form sent twice opens one campaign.
CREATE TABLE authorization_request_documents (
    campaign_id BIGINT PRIMARY KEY REFERENCES campaigns(id),
    media_type TEXT NOT NULL,
    content BLOB NOT NULL,
    sha256 TEXT NOT NULL,
    uploaded_by BIGINT NOT NULL REFERENCES users(id),
    uploaded_at BIGINT NOT NULL
);

ALTER TABLE campaigns ADD COLUMN creation_key TEXT;
CREATE UNIQUE INDEX campaigns_creation_key ON campaigns (organization_id, creation_key);
