-- E-mail: the outbox of messages to send (written in the same transaction as what causes them),
-- the one-time links of invitations and password resets (only their SHA-256 is stored), and the
-- language an account last used, in which its messages are written.
CREATE TABLE mail_outbox (
    id INTEGER PRIMARY KEY,
    -- What the message is about (`invitation`, `password_link`, `authorization_decided`…).
    kind TEXT NOT NULL,
    -- Makes queueing idempotent: a second message with the same key is not queued.
    dedupe_key TEXT NOT NULL UNIQUE,
    -- Recipient, subject and body are erased once the message is sent or given up.
    recipient TEXT NOT NULL,
    subject TEXT NOT NULL,
    body_text TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    next_attempt_at BIGINT NOT NULL,
    attempts BIGINT NOT NULL DEFAULT 0,
    -- A sender working on the message holds it until then.
    claimed_until BIGINT,
    sent_at BIGINT,
    failed_at BIGINT,
    last_error TEXT
);
CREATE INDEX mail_outbox_due ON mail_outbox(next_attempt_at, id);

ALTER TABLE invitations ADD COLUMN token_hash TEXT;
ALTER TABLE invitations ADD COLUMN token_expires_at BIGINT;
CREATE UNIQUE INDEX invitations_token ON invitations(token_hash);

CREATE TABLE password_links (
    token_hash TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT
);
CREATE INDEX password_links_user ON password_links(user_id);

ALTER TABLE users ADD COLUMN locale TEXT;
