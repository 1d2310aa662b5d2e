-- Need intake at flood rate: running coverage totals and idempotent reports.
--
-- `coverage_totals` keeps, per incident, commune and douar (`douar_key`: the douar's id, 0 for a
-- need or pledge without one), what the coverage is computed from: the needs still open or
-- covered (`need_rows`, of which `open_needs` not covered yet, `needed` their households —
-- estimated from people when only people were counted) and the pledges not cancelled
-- (`pledge_rows`, `pledged` households promised, `delivered` households delivered). Triggers
-- keep it in the transaction of every change to a need or a pledge, whoever writes it, so it
-- always equals the grouped scans it replaces (`Store::recomputed_coverage`).
--
-- The triggers run once per statement over its transition tables: a batch of needs adds one
-- row per place, and the places are locked in key order, so two nodes writing batches at once
-- wait for each other instead of deadlocking.
CREATE TABLE coverage_totals (
    incident_id BIGINT NOT NULL REFERENCES incidents(id),
    commune_code TEXT NOT NULL,
    douar_key BIGINT NOT NULL,
    need_rows BIGINT NOT NULL,
    open_needs BIGINT NOT NULL,
    needed BIGINT NOT NULL,
    pledge_rows BIGINT NOT NULL,
    pledged BIGINT NOT NULL,
    delivered BIGINT NOT NULL,
    PRIMARY KEY (incident_id, commune_code, douar_key)
);

-- What one need adds to its place (nothing unless open or covered).
CREATE FUNCTION coverage_need_rows(status TEXT) RETURNS BIGINT LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN status IN ('reported', 'verified', 'assigned', 'in_progress', 'covered')
        THEN 1 ELSE 0 END::BIGINT
$$;
CREATE FUNCTION coverage_open_needs(status TEXT) RETURNS BIGINT LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN status IN ('reported', 'verified', 'assigned', 'in_progress')
        THEN 1 ELSE 0 END::BIGINT
$$;
CREATE FUNCTION coverage_needed(status TEXT, households BIGINT, people BIGINT) RETURNS BIGINT
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN coverage_need_rows(status) = 0 THEN 0
        WHEN households > 0 THEN households
        ELSE (COALESCE(people, 0) * 10 + 45) / 46 END::BIGINT
$$;
-- What one pledge adds to its place (nothing if cancelled).
CREATE FUNCTION coverage_pledge_rows(status TEXT) RETURNS BIGINT LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN status <> 'cancelled' THEN 1 ELSE 0 END::BIGINT
$$;
CREATE FUNCTION coverage_pledged(status TEXT, households BIGINT) RETURNS BIGINT
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN status IN ('cancelled', 'delivered') THEN 0 ELSE households END::BIGINT
$$;
CREATE FUNCTION coverage_delivered(status TEXT, households BIGINT) RETURNS BIGINT
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN status = 'delivered' THEN households ELSE 0 END::BIGINT
$$;

-- Backfill from the needs and pledges already written.
INSERT INTO coverage_totals (incident_id, commune_code, douar_key, need_rows, open_needs, needed,
    pledge_rows, pledged, delivered)
SELECT incident_id, commune_code, douar_key, SUM(need_rows), SUM(open_needs), SUM(needed),
    SUM(pledge_rows), SUM(pledged), SUM(delivered)
FROM (
    SELECT incident_id, commune_code, COALESCE(douar_id, 0) AS douar_key,
        coverage_need_rows(status) AS need_rows, coverage_open_needs(status) AS open_needs,
        coverage_needed(status, households, people) AS needed,
        0::BIGINT AS pledge_rows, 0::BIGINT AS pledged, 0::BIGINT AS delivered
    FROM needs WHERE coverage_need_rows(status) = 1
    UNION ALL
    SELECT incident_id, commune_code, COALESCE(douar_id, 0), 0, 0, 0,
        coverage_pledge_rows(status), coverage_pledged(status, households),
        coverage_delivered(status, households)
    FROM pledges WHERE coverage_pledge_rows(status) = 1
) AS counted
GROUP BY incident_id, commune_code, douar_key;

-- The change of one statement on needs: what its new rows add, less what its old rows took.
CREATE FUNCTION coverage_needs_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO coverage_totals AS t (incident_id, commune_code, douar_key, need_rows,
            open_needs, needed, pledge_rows, pledged, delivered)
        SELECT incident_id, commune_code, COALESCE(douar_id, 0),
            SUM(coverage_need_rows(status)), SUM(coverage_open_needs(status)), SUM(coverage_needed(status, households, people)), 0, 0, 0
        FROM new_rows WHERE coverage_need_rows(status) = 1
        GROUP BY incident_id, commune_code, COALESCE(douar_id, 0)
        ORDER BY 1, 2, 3
        ON CONFLICT (incident_id, commune_code, douar_key) DO UPDATE SET
            need_rows = t.need_rows + excluded.need_rows,
            open_needs = t.open_needs + excluded.open_needs,
            needed = t.needed + excluded.needed;
    ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO coverage_totals AS t (incident_id, commune_code, douar_key, need_rows,
            open_needs, needed, pledge_rows, pledged, delivered)
        SELECT incident_id, commune_code, douar_key,
            SUM(need_rows), SUM(open_needs), SUM(needed), 0, 0, 0
        FROM (
            SELECT incident_id, commune_code, COALESCE(douar_id, 0) AS douar_key,
                coverage_need_rows(status) AS need_rows, coverage_open_needs(status) AS open_needs, coverage_needed(status, households, people) AS needed
            FROM new_rows
            UNION ALL
            SELECT incident_id, commune_code, COALESCE(douar_id, 0), -coverage_need_rows(status), -coverage_open_needs(status), -coverage_needed(status, households, people)
            FROM old_rows
        ) AS changes
        GROUP BY incident_id, commune_code, douar_key
        HAVING SUM(need_rows) <> 0 OR SUM(open_needs) <> 0 OR SUM(needed) <> 0
        ORDER BY 1, 2, 3
        ON CONFLICT (incident_id, commune_code, douar_key) DO UPDATE SET
            need_rows = t.need_rows + excluded.need_rows,
            open_needs = t.open_needs + excluded.open_needs,
            needed = t.needed + excluded.needed;
    ELSE
        INSERT INTO coverage_totals AS t (incident_id, commune_code, douar_key, need_rows,
            open_needs, needed, pledge_rows, pledged, delivered)
        SELECT incident_id, commune_code, COALESCE(douar_id, 0),
            -SUM(coverage_need_rows(status)), -SUM(coverage_open_needs(status)), -SUM(coverage_needed(status, households, people)), 0, 0, 0
        FROM old_rows WHERE coverage_need_rows(status) = 1
        GROUP BY incident_id, commune_code, COALESCE(douar_id, 0)
        ORDER BY 1, 2, 3
        ON CONFLICT (incident_id, commune_code, douar_key) DO UPDATE SET
            need_rows = t.need_rows + excluded.need_rows,
            open_needs = t.open_needs + excluded.open_needs,
            needed = t.needed + excluded.needed;
    END IF;
    RETURN NULL;
END
$$;

-- The same for pledges.
CREATE FUNCTION coverage_pledges_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO coverage_totals AS t (incident_id, commune_code, douar_key, need_rows,
            open_needs, needed, pledge_rows, pledged, delivered)
        SELECT incident_id, commune_code, COALESCE(douar_id, 0),
            0, 0, 0, SUM(coverage_pledge_rows(status)), SUM(coverage_pledged(status, households)), SUM(coverage_delivered(status, households))
        FROM new_rows WHERE coverage_pledge_rows(status) = 1
        GROUP BY incident_id, commune_code, COALESCE(douar_id, 0)
        ORDER BY 1, 2, 3
        ON CONFLICT (incident_id, commune_code, douar_key) DO UPDATE SET
            pledge_rows = t.pledge_rows + excluded.pledge_rows,
            pledged = t.pledged + excluded.pledged,
            delivered = t.delivered + excluded.delivered;
    ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO coverage_totals AS t (incident_id, commune_code, douar_key, need_rows,
            open_needs, needed, pledge_rows, pledged, delivered)
        SELECT incident_id, commune_code, douar_key,
            0, 0, 0, SUM(pledge_rows), SUM(pledged), SUM(delivered)
        FROM (
            SELECT incident_id, commune_code, COALESCE(douar_id, 0) AS douar_key,
                coverage_pledge_rows(status) AS pledge_rows, coverage_pledged(status, households) AS pledged, coverage_delivered(status, households) AS delivered
            FROM new_rows
            UNION ALL
            SELECT incident_id, commune_code, COALESCE(douar_id, 0), -coverage_pledge_rows(status), -coverage_pledged(status, households), -coverage_delivered(status, households)
            FROM old_rows
        ) AS changes
        GROUP BY incident_id, commune_code, douar_key
        HAVING SUM(pledge_rows) <> 0 OR SUM(pledged) <> 0 OR SUM(delivered) <> 0
        ORDER BY 1, 2, 3
        ON CONFLICT (incident_id, commune_code, douar_key) DO UPDATE SET
            pledge_rows = t.pledge_rows + excluded.pledge_rows,
            pledged = t.pledged + excluded.pledged,
            delivered = t.delivered + excluded.delivered;
    ELSE
        INSERT INTO coverage_totals AS t (incident_id, commune_code, douar_key, need_rows,
            open_needs, needed, pledge_rows, pledged, delivered)
        SELECT incident_id, commune_code, COALESCE(douar_id, 0),
            0, 0, 0, -SUM(coverage_pledge_rows(status)), -SUM(coverage_pledged(status, households)), -SUM(coverage_delivered(status, households))
        FROM old_rows WHERE coverage_pledge_rows(status) = 1
        GROUP BY incident_id, commune_code, COALESCE(douar_id, 0)
        ORDER BY 1, 2, 3
        ON CONFLICT (incident_id, commune_code, douar_key) DO UPDATE SET
            pledge_rows = t.pledge_rows + excluded.pledge_rows,
            pledged = t.pledged + excluded.pledged,
            delivered = t.delivered + excluded.delivered;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER coverage_needs_added AFTER INSERT ON needs
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION coverage_needs_changed();
CREATE TRIGGER coverage_needs_updated AFTER UPDATE ON needs
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION coverage_needs_changed();
CREATE TRIGGER coverage_needs_removed AFTER DELETE ON needs
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION coverage_needs_changed();
CREATE TRIGGER coverage_pledges_added AFTER INSERT ON pledges
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION coverage_pledges_changed();
CREATE TRIGGER coverage_pledges_updated AFTER UPDATE ON pledges
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION coverage_pledges_changed();
CREATE TRIGGER coverage_pledges_removed AFTER DELETE ON pledges
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION coverage_pledges_changed();

-- A report may carry the client's Idempotency-Key: a retry with the same key (and the same
-- request, by its keyed hash) answers the need written first.
ALTER TABLE needs ADD COLUMN idempotency_key TEXT;
ALTER TABLE needs ADD COLUMN request_hash TEXT;
CREATE UNIQUE INDEX needs_idempotency ON needs(incident_id, idempotency_key)
    WHERE idempotency_key IS NOT NULL;
