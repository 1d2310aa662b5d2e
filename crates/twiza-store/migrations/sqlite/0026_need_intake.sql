-- Need intake at flood rate: running coverage totals and idempotent reports.
--
-- `coverage_totals` keeps, per incident, commune and douar (`douar_key`: the douar's id, 0 for a
-- need or pledge without one), what the coverage is computed from: the needs still open or
-- covered (`need_rows`, of which `open_needs` not covered yet, `needed` their households —
-- estimated from people when only people were counted) and the pledges not cancelled
-- (`pledge_rows`, `pledged` households promised, `delivered` households delivered). Triggers
-- keep it in the transaction of every change to a need or a pledge, whoever writes it, so it
-- always equals the grouped scans it replaces (`Store::recomputed_coverage`).
CREATE TABLE coverage_totals (
    incident_id INTEGER NOT NULL REFERENCES incidents(id),
    commune_code TEXT NOT NULL,
    douar_key INTEGER NOT NULL,
    need_rows INTEGER NOT NULL,
    open_needs INTEGER NOT NULL,
    needed INTEGER NOT NULL,
    pledge_rows INTEGER NOT NULL,
    pledged INTEGER NOT NULL,
    delivered INTEGER NOT NULL,
    PRIMARY KEY (incident_id, commune_code, douar_key)
);

-- Backfill from the needs and pledges already written.
INSERT INTO coverage_totals (incident_id, commune_code, douar_key, need_rows, open_needs, needed,
    pledge_rows, pledged, delivered)
SELECT incident_id, commune_code, COALESCE(douar_id, 0), COUNT(*),
    SUM(CASE WHEN status = 'covered' THEN 0 ELSE 1 END),
    SUM(CASE WHEN households > 0 THEN households ELSE (COALESCE(people, 0) * 10 + 45) / 46 END),
    0, 0, 0
FROM needs WHERE status IN ('reported', 'verified', 'assigned', 'in_progress', 'covered')
GROUP BY incident_id, commune_code, COALESCE(douar_id, 0);

INSERT INTO coverage_totals (incident_id, commune_code, douar_key, need_rows, open_needs, needed,
    pledge_rows, pledged, delivered)
SELECT incident_id, commune_code, COALESCE(douar_id, 0), 0, 0, 0, COUNT(*),
    SUM(CASE WHEN status = 'delivered' THEN 0 ELSE households END),
    SUM(CASE WHEN status = 'delivered' THEN households ELSE 0 END)
FROM pledges WHERE status <> 'cancelled'
GROUP BY incident_id, commune_code, COALESCE(douar_id, 0)
ON CONFLICT (incident_id, commune_code, douar_key) DO UPDATE SET
    pledge_rows = pledge_rows + excluded.pledge_rows,
    pledged = pledged + excluded.pledged,
    delivered = delivered + excluded.delivered;

-- A need counts while open or covered; it adds itself where it is, and takes itself back from
-- where it was.
CREATE TRIGGER coverage_need_added AFTER INSERT ON needs
WHEN NEW.status IN ('reported', 'verified', 'assigned', 'in_progress', 'covered')
BEGIN
    INSERT INTO coverage_totals (incident_id, commune_code, douar_key, need_rows, open_needs,
        needed, pledge_rows, pledged, delivered)
    VALUES (NEW.incident_id, NEW.commune_code, COALESCE(NEW.douar_id, 0), 1,
        CASE WHEN NEW.status = 'covered' THEN 0 ELSE 1 END,
        CASE WHEN NEW.households > 0 THEN NEW.households ELSE (COALESCE(NEW.people, 0) * 10 + 45) / 46 END,
        0, 0, 0)
    ON CONFLICT (incident_id, commune_code, douar_key) DO UPDATE SET
        need_rows = need_rows + excluded.need_rows,
        open_needs = open_needs + excluded.open_needs,
        needed = needed + excluded.needed;
END;

CREATE TRIGGER coverage_need_left AFTER UPDATE OF incident_id, commune_code, douar_id, status, households, people ON needs
WHEN OLD.status IN ('reported', 'verified', 'assigned', 'in_progress', 'covered')
BEGIN
    UPDATE coverage_totals SET
        need_rows = need_rows - 1,
        open_needs = open_needs - CASE WHEN OLD.status = 'covered' THEN 0 ELSE 1 END,
        needed = needed - CASE WHEN OLD.households > 0 THEN OLD.households ELSE (COALESCE(OLD.people, 0) * 10 + 45) / 46 END
    WHERE incident_id = OLD.incident_id AND commune_code = OLD.commune_code
        AND douar_key = COALESCE(OLD.douar_id, 0);
END;

CREATE TRIGGER coverage_need_entered AFTER UPDATE OF incident_id, commune_code, douar_id, status, households, people ON needs
WHEN NEW.status IN ('reported', 'verified', 'assigned', 'in_progress', 'covered')
BEGIN
    INSERT INTO coverage_totals (incident_id, commune_code, douar_key, need_rows, open_needs,
        needed, pledge_rows, pledged, delivered)
    VALUES (NEW.incident_id, NEW.commune_code, COALESCE(NEW.douar_id, 0), 1,
        CASE WHEN NEW.status = 'covered' THEN 0 ELSE 1 END,
        CASE WHEN NEW.households > 0 THEN NEW.households ELSE (COALESCE(NEW.people, 0) * 10 + 45) / 46 END,
        0, 0, 0)
    ON CONFLICT (incident_id, commune_code, douar_key) DO UPDATE SET
        need_rows = need_rows + excluded.need_rows,
        open_needs = open_needs + excluded.open_needs,
        needed = needed + excluded.needed;
END;

CREATE TRIGGER coverage_need_removed AFTER DELETE ON needs
WHEN OLD.status IN ('reported', 'verified', 'assigned', 'in_progress', 'covered')
BEGIN
    UPDATE coverage_totals SET
        need_rows = need_rows - 1,
        open_needs = open_needs - CASE WHEN OLD.status = 'covered' THEN 0 ELSE 1 END,
        needed = needed - CASE WHEN OLD.households > 0 THEN OLD.households ELSE (COALESCE(OLD.people, 0) * 10 + 45) / 46 END
    WHERE incident_id = OLD.incident_id AND commune_code = OLD.commune_code
        AND douar_key = COALESCE(OLD.douar_id, 0);
END;

-- A pledge counts unless cancelled: promised until delivered, then delivered.
CREATE TRIGGER coverage_pledge_added AFTER INSERT ON pledges
WHEN NEW.status <> 'cancelled'
BEGIN
    INSERT INTO coverage_totals (incident_id, commune_code, douar_key, need_rows, open_needs,
        needed, pledge_rows, pledged, delivered)
    VALUES (NEW.incident_id, NEW.commune_code, COALESCE(NEW.douar_id, 0), 0, 0, 0, 1,
        CASE WHEN NEW.status = 'delivered' THEN 0 ELSE NEW.households END,
        CASE WHEN NEW.status = 'delivered' THEN NEW.households ELSE 0 END)
    ON CONFLICT (incident_id, commune_code, douar_key) DO UPDATE SET
        pledge_rows = pledge_rows + excluded.pledge_rows,
        pledged = pledged + excluded.pledged,
        delivered = delivered + excluded.delivered;
END;

CREATE TRIGGER coverage_pledge_left AFTER UPDATE OF incident_id, commune_code, douar_id, status, households ON pledges
WHEN OLD.status <> 'cancelled'
BEGIN
    UPDATE coverage_totals SET
        pledge_rows = pledge_rows - 1,
        pledged = pledged - CASE WHEN OLD.status = 'delivered' THEN 0 ELSE OLD.households END,
        delivered = delivered - CASE WHEN OLD.status = 'delivered' THEN OLD.households ELSE 0 END
    WHERE incident_id = OLD.incident_id AND commune_code = OLD.commune_code
        AND douar_key = COALESCE(OLD.douar_id, 0);
END;

CREATE TRIGGER coverage_pledge_entered AFTER UPDATE OF incident_id, commune_code, douar_id, status, households ON pledges
WHEN NEW.status <> 'cancelled'
BEGIN
    INSERT INTO coverage_totals (incident_id, commune_code, douar_key, need_rows, open_needs,
        needed, pledge_rows, pledged, delivered)
    VALUES (NEW.incident_id, NEW.commune_code, COALESCE(NEW.douar_id, 0), 0, 0, 0, 1,
        CASE WHEN NEW.status = 'delivered' THEN 0 ELSE NEW.households END,
        CASE WHEN NEW.status = 'delivered' THEN NEW.households ELSE 0 END)
    ON CONFLICT (incident_id, commune_code, douar_key) DO UPDATE SET
        pledge_rows = pledge_rows + excluded.pledge_rows,
        pledged = pledged + excluded.pledged,
        delivered = delivered + excluded.delivered;
END;

CREATE TRIGGER coverage_pledge_removed AFTER DELETE ON pledges
WHEN OLD.status <> 'cancelled'
BEGIN
    UPDATE coverage_totals SET
        pledge_rows = pledge_rows - 1,
        pledged = pledged - CASE WHEN OLD.status = 'delivered' THEN 0 ELSE OLD.households END,
        delivered = delivered - CASE WHEN OLD.status = 'delivered' THEN OLD.households ELSE 0 END
    WHERE incident_id = OLD.incident_id AND commune_code = OLD.commune_code
        AND douar_key = COALESCE(OLD.douar_id, 0);
END;

-- A report may carry the client's Idempotency-Key: a retry with the same key (and the same
-- request, by its keyed hash) answers the need written first.
ALTER TABLE needs ADD COLUMN idempotency_key TEXT;
ALTER TABLE needs ADD COLUMN request_hash TEXT;
CREATE UNIQUE INDEX needs_idempotency ON needs(incident_id, idempotency_key)
    WHERE idempotency_key IS NOT NULL;
