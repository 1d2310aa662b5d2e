-- Conversations on a feature phone: inbound text messages (deduplicated on the gateway's
-- message id, counted per phone for the rate limit), the language a phone last used, the short
-- SMS conversations in progress, the final writes of USSD sessions, and subscriptions to a
-- commune's alerts. A phone number is never stored in clear: `phone_index` is its blind index
-- (kind `phone`), and a subscription keeps the number sealed to send the alerts.
CREATE TABLE phone_inbound (
    id INTEGER PRIMARY KEY,
    -- `twilio`, `kannel`, or the name of the gateway that received the message.
    gateway TEXT NOT NULL,
    message_id TEXT NOT NULL,
    phone_index TEXT NOT NULL,
    received_at BIGINT NOT NULL,
    -- `answered`, `limited` (over the rate, told to wait) or `silenced` (over the rate again).
    outcome TEXT NOT NULL,
    UNIQUE (gateway, message_id)
);
CREATE INDEX phone_inbound_phone ON phone_inbound(phone_index, received_at);
CREATE TABLE phone_languages (
    phone_index TEXT PRIMARY KEY,
    -- A phone language tag: `ar`, `ary`, `ary-Latn`, `zgh-Latn`, `fr` or `en`.
    language TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE TABLE phone_conversations (
    phone_index TEXT PRIMARY KEY,
    -- What the conversation is doing, as JSON without personal data (commune code, category).
    state TEXT NOT NULL,
    language TEXT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE TABLE ussd_final_writes (
    -- The gateway's session id: one final write per session.
    session_id TEXT PRIMARY KEY,
    -- The last screen answered (a need's reference, a grievance's number): no personal data.
    -- Empty while the write is under way.
    reply TEXT NOT NULL,
    done_at BIGINT NOT NULL
);
CREATE TABLE alert_subscriptions (
    id INTEGER PRIMARY KEY,
    phone_index TEXT NOT NULL,
    -- The phone number, sealed and bound to its blind index.
    phone_sealed BLOB NOT NULL,
    commune_code TEXT NOT NULL,
    language TEXT NOT NULL,
    -- `sms` or `ussd`.
    channel TEXT NOT NULL,
    subscribed_at BIGINT NOT NULL,
    UNIQUE (phone_index, commune_code)
);
CREATE INDEX alert_subscriptions_commune ON alert_subscriptions(commune_code, id);
