-- Text messages: the outbox of messages to phones (written in the same transaction as what
-- causes them, sent by one sender at a time through the configured gateway, retried with a
-- growing delay) and every delivery report a gateway sent back about them.
CREATE TABLE sms_outbox (
    id INTEGER PRIMARY KEY,
    -- What the message is (`delivery_code`…): the only thing logs show.
    kind TEXT NOT NULL,
    -- Makes queueing idempotent: a second message with the same key is not queued.
    idempotency_key TEXT NOT NULL UNIQUE,
    -- The phone number and the text, sealed (personal-data keys, bound to the key and field);
    -- both are erased (empty) once the message is sent or given up.
    recipient_sealed BLOB NOT NULL,
    -- Blind index (kind `phone`) of the number, kept for lookups by number.
    recipient_index TEXT NOT NULL,
    text_sealed BLOB NOT NULL,
    -- waiting, sent or failed (given up).
    state TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    next_attempt_at BIGINT NOT NULL,
    attempts BIGINT NOT NULL DEFAULT 0,
    -- A sender working on the message holds it until then.
    claimed_until BIGINT,
    -- The gateway that accepted the message and its id for it (Twilio's SID).
    gateway TEXT,
    provider_id TEXT,
    sent_at BIGINT,
    failed_at BIGINT,
    -- A code (`gateway_unavailable`…), never the gateway's words.
    last_error TEXT
);
CREATE INDEX sms_outbox_due ON sms_outbox(state, next_attempt_at, id);
CREATE INDEX sms_outbox_recipient ON sms_outbox(recipient_index);
CREATE INDEX sms_outbox_provider ON sms_outbox(gateway, provider_id);

CREATE TABLE sms_delivery_reports (
    id INTEGER PRIMARY KEY,
    outbox_id BIGINT NOT NULL REFERENCES sms_outbox(id),
    -- delivered, failed, queued, accepted or unknown.
    status TEXT NOT NULL,
    -- The gateway's own status (Kannel's dlr value, Twilio's MessageStatus).
    raw_status TEXT NOT NULL,
    reported_at BIGINT NOT NULL
);
CREATE INDEX sms_delivery_reports_outbox ON sms_delivery_reports(outbox_id, id);
