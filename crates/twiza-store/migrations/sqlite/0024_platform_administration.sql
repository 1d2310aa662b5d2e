-- Platform administration: an account can be disabled (it cannot sign in, and its sessions and API
-- tokens stop working), and every change a platform admin (or the command line) makes to an
-- account is recorded: created, disabled, enabled, a platform role given or taken (an authority's
-- with its competence). `changed_by` is NULL for the command line.
ALTER TABLE users ADD COLUMN disabled_at BIGINT;

CREATE TABLE account_changes (
    id INTEGER PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users(id),
    action TEXT NOT NULL,
    platform_role TEXT,
    competence_kind TEXT,
    competence_code TEXT,
    changed_by BIGINT REFERENCES users(id),
    changed_at BIGINT NOT NULL
);
CREATE INDEX account_changes_user ON account_changes(user_id, id);

-- The documents an association gives for its verification (its statutes, the receipt of its
-- declaration, the list of its board), checked by content (PDF, JPEG or PNG). Only its members
-- and platform admins read them.
CREATE TABLE organization_documents (
    id INTEGER PRIMARY KEY,
    organization_id BIGINT NOT NULL REFERENCES organizations(id),
    kind TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size_bytes BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    content BLOB NOT NULL,
    uploaded_by BIGINT NOT NULL REFERENCES users(id),
    uploaded_at BIGINT NOT NULL
);
CREATE INDEX organization_documents_org ON organization_documents(organization_id, id);
