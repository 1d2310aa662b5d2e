-- Alerts and awareness broadcasts: who sent what to the alert subscribers of which communes.
-- A broadcast keeps no personal data: its texts are what the sender wrote (or the fake appeal's
-- code or name a warning names), and its messages, one per subscribed phone, are in the SMS
-- outbox (kind `alert`, key `alert:{broadcast_id}:{the phone's blind index}`), written in the same
-- transaction as this record.
CREATE TABLE alert_broadcasts (
    id INTEGER PRIMARY KEY,
    -- The account that sent it.
    sent_by BIGINT NOT NULL REFERENCES users(id),
    -- The association it was sent for; none: sent by an authority (or a platform admin).
    organization_id BIGINT REFERENCES organizations(id),
    -- `message` (the sender's own text) or `fake_appeal_warning`.
    kind TEXT NOT NULL,
    -- A message's text in Arabic script and in Latin letters (empty for a warning).
    text_arabic TEXT NOT NULL,
    text_latin TEXT NOT NULL,
    -- The fake appeal's code or name a warning names (empty for a message).
    fake_appeal TEXT NOT NULL,
    -- Messages queued (one per subscribed phone), their parts, the price of a part and the
    -- estimated cost in centimes (0: price unknown).
    recipients BIGINT NOT NULL,
    parts BIGINT NOT NULL,
    price_per_part BIGINT NOT NULL,
    estimated_cost BIGINT NOT NULL,
    -- The form's key: the same form sent twice records one broadcast.
    form_key TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL
);
CREATE INDEX alert_broadcasts_organization ON alert_broadcasts(organization_id, id);
CREATE INDEX alert_broadcasts_sender ON alert_broadcasts(sent_by, id);
CREATE TABLE alert_broadcast_communes (
    broadcast_id BIGINT NOT NULL REFERENCES alert_broadcasts(id),
    commune_code TEXT NOT NULL,
    -- Phones reached through this commune (a phone following several chosen communes is
    -- counted, and sent one message, once: under the first it subscribed to).
    recipients BIGINT NOT NULL,
    PRIMARY KEY (broadcast_id, commune_code)
);
-- A broadcast's messages counted by state.
CREATE INDEX sms_outbox_kind_key ON sms_outbox(kind, idempotency_key);
