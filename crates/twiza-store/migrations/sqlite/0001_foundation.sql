-- Accounts, sessions, API tokens, associations, memberships and invitations.
-- Timestamps are Unix seconds (BIGINT) on both backends; dates are ISO text.

CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    display_name TEXT NOT NULL,
    platform_role TEXT,
    created_at BIGINT NOT NULL
);

CREATE TABLE web_sessions (
    token_hash TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX web_sessions_user ON web_sessions(user_id);

CREATE TABLE api_tokens (
    id INTEGER PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    label TEXT NOT NULL,
    prefix TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    last_used_at BIGINT,
    revoked_at BIGINT
);
CREATE INDEX api_tokens_user ON api_tokens(user_id);

CREATE TABLE sign_in_failures (
    key_hash TEXT NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX sign_in_failures_key ON sign_in_failures(key_hash, at);

CREATE TABLE organizations (
    id INTEGER PRIMARY KEY,
    name_ar TEXT NOT NULL,
    name_fr TEXT NOT NULL,
    name_zgh TEXT,
    declaration_number TEXT NOT NULL,
    declaration_date TEXT NOT NULL,
    region_code TEXT NOT NULL,
    province_code TEXT NOT NULL,
    commune_code TEXT NOT NULL,
    domains TEXT NOT NULL,
    email TEXT,
    phone TEXT,
    website TEXT,
    address TEXT,
    description TEXT,
    status TEXT NOT NULL,
    rejection_reason TEXT,
    search_text TEXT NOT NULL,
    logo_type TEXT,
    logo BLOB,
    created_by BIGINT NOT NULL REFERENCES users(id),
    created_at BIGINT NOT NULL,
    verified_at BIGINT,
    verified_by BIGINT REFERENCES users(id)
);
CREATE UNIQUE INDEX organizations_declaration ON organizations(declaration_number, province_code);
CREATE INDEX organizations_status_name ON organizations(status, name_fr, id);
CREATE INDEX organizations_status_region ON organizations(status, region_code, name_fr, id);
CREATE INDEX organizations_status_province ON organizations(status, province_code, name_fr, id);

CREATE TABLE memberships (
    organization_id BIGINT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (organization_id, user_id)
);
CREATE INDEX memberships_user ON memberships(user_id);

CREATE TABLE invitations (
    id INTEGER PRIMARY KEY,
    organization_id BIGINT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    email TEXT NOT NULL,
    role TEXT NOT NULL,
    invited_by BIGINT NOT NULL REFERENCES users(id),
    created_at BIGINT NOT NULL,
    accepted_at BIGINT,
    UNIQUE (organization_id, email)
);
CREATE INDEX invitations_email ON invitations(email);
