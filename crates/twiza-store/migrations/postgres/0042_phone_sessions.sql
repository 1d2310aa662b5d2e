-- A phone conversation's steps are checked and its answers kept: every inbound text message
-- keeps the reply it got (a message the gateway sends again gets the same reply, and one whose
-- handling was cut short is handled again), and every USSD session keeps the answers it has
-- reached so far (`text`, the gateway's `*`-joined answers), so that a request that jumps to a
-- step the session never showed is refused, with the reply of its last screen once it ended.
-- Replies hold no personal data (references, names of communes and associations).
ALTER TABLE phone_inbound ADD COLUMN reply TEXT;
DROP TABLE ussd_final_writes;
CREATE TABLE ussd_sessions (
    -- The gateway's session id.
    session_id TEXT PRIMARY KEY,
    -- Blind index (kind `phone`) of the phone the session belongs to.
    phone_index TEXT NOT NULL,
    -- The answers reached so far, as the gateway joins them.
    text TEXT NOT NULL,
    -- The last screen, once the session ended with a write (a need's reference…).
    reply TEXT,
    updated_at BIGINT NOT NULL
);
CREATE INDEX ussd_sessions_updated ON ussd_sessions(updated_at);
