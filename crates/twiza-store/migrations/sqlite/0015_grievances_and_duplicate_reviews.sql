-- Grievances and appeals of households (an exclusion, an amount, a payment…), each step held to
-- a deadline; and the coordinator's review of possible duplicate people found by the matcher
-- inside one association, whose decisions are remembered.

CREATE TABLE grievances (
    id INTEGER PRIMARY KEY,
    organization_id BIGINT NOT NULL REFERENCES organizations(id),
    household_id BIGINT NOT NULL REFERENCES households(id),
    programme_id BIGINT REFERENCES programmes(id),
    subject TEXT NOT NULL,
    channel TEXT NOT NULL,
    filed_by TEXT NOT NULL,
    -- The household's words: personal data, read only by coordinators, each read logged.
    statement TEXT NOT NULL,
    -- `received`, `acknowledged`, `decided`, `appealed` or `closed`.
    status TEXT NOT NULL,
    received_at BIGINT NOT NULL,
    recorded_by BIGINT NOT NULL REFERENCES users(id),
    acknowledge_by BIGINT NOT NULL,
    decide_by BIGINT NOT NULL,
    acknowledged_at BIGINT,
    acknowledged_by BIGINT REFERENCES users(id),
    outcome TEXT,
    remedy TEXT,
    explanation TEXT,
    decided_at BIGINT,
    decided_by BIGINT REFERENCES users(id),
    -- End of the window in which the household may appeal.
    appeal_by BIGINT,
    appeal_statement TEXT,
    appealed_at BIGINT,
    appeal_recorded_by BIGINT REFERENCES users(id),
    appeal_decide_by BIGINT,
    appeal_outcome TEXT,
    appeal_remedy TEXT,
    appeal_explanation TEXT,
    appeal_decided_at BIGINT,
    appeal_decided_by BIGINT REFERENCES users(id)
);
CREATE INDEX grievances_org ON grievances(organization_id, status, id);
CREATE INDEX grievances_household ON grievances(household_id, id);

CREATE TABLE duplicate_pairs (
    id INTEGER PRIMARY KEY,
    organization_id BIGINT NOT NULL REFERENCES organizations(id),
    -- `person_a < person_b`.
    person_a BIGINT NOT NULL REFERENCES persons(id),
    person_b BIGINT NOT NULL REFERENCES persons(id),
    -- Fellegi–Sunter score in thousandths of a bit, and the agreeing fields' reason codes.
    score_milli BIGINT NOT NULL,
    reasons TEXT NOT NULL,
    found_at BIGINT NOT NULL,
    -- NULL while to review, then `same_person` or `different_people`.
    decision TEXT,
    decided_by BIGINT REFERENCES users(id),
    decided_at BIGINT,
    UNIQUE (organization_id, person_a, person_b)
);
CREATE INDEX duplicate_pairs_review ON duplicate_pairs(organization_id, decision, id);

-- A person found to be the same as another, earlier registered one: not counted again.
ALTER TABLE persons ADD COLUMN same_as BIGINT REFERENCES persons(id);
