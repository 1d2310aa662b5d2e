-- Records a field agent's device made offline, kept by the id the device gave them (a UUID),
-- so a batch sent again answers as the first time and writes nothing twice. `request_hash` is
-- a keyed hash of the record (a changed record under a seen id is refused); `outcome` is the
-- first answer: `accepted:<reference>` or `refused:<code>` (a delivery code counted wrong, or
-- the fifth that locked it). A code's outcome is written in the confirming transaction.
CREATE TABLE field_sync_records (
    organization_id BIGINT NOT NULL REFERENCES organizations(id),
    device_record_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    outcome TEXT NOT NULL,
    synced_by BIGINT NOT NULL REFERENCES users(id),
    synced_at BIGINT NOT NULL,
    PRIMARY KEY (organization_id, device_record_id)
);
