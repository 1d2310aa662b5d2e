-- Crisis coordination: incidents, the communes and douars they hit, needs from every channel and
-- the pledges of associations to cover them. Places are HCP commune codes; points are integer
-- micro-degrees.

CREATE TABLE incidents (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    title_ar TEXT NOT NULL,
    title_fr TEXT NOT NULL,
    started_on TEXT NOT NULL,
    declared_by BIGINT NOT NULL REFERENCES users(id),
    declared_at BIGINT NOT NULL
);

CREATE TABLE incident_communes (
    incident_id BIGINT NOT NULL REFERENCES incidents(id),
    commune_code TEXT NOT NULL,
    PRIMARY KEY (incident_id, commune_code)
);

CREATE TABLE douars (
    id INTEGER PRIMARY KEY,
    commune_code TEXT NOT NULL,
    name_ar TEXT NOT NULL,
    name_fr TEXT NOT NULL,
    name_latin TEXT NOT NULL,
    lat_e6 BIGINT,
    lon_e6 BIGINT,
    population BIGINT,
    UNIQUE (commune_code, name_latin)
);

CREATE TABLE needs (
    id INTEGER PRIMARY KEY,
    incident_id BIGINT NOT NULL REFERENCES incidents(id),
    reference TEXT NOT NULL UNIQUE,
    commune_code TEXT NOT NULL,
    douar_id BIGINT REFERENCES douars(id),
    category TEXT NOT NULL,
    urgency TEXT NOT NULL,
    households BIGINT,
    people BIGINT,
    lat_e6 BIGINT,
    lon_e6 BIGINT,
    description TEXT,
    contact_sealed BLOB,
    source TEXT NOT NULL,
    organization_id BIGINT REFERENCES organizations(id),
    reported_by BIGINT REFERENCES users(id),
    status TEXT NOT NULL,
    possible_duplicate_of BIGINT REFERENCES needs(id),
    merged_into BIGINT REFERENCES needs(id),
    reported_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX needs_incident ON needs(incident_id, id);
CREATE INDEX needs_place ON needs(incident_id, commune_code, category, reported_at);

CREATE TABLE pledges (
    id INTEGER PRIMARY KEY,
    incident_id BIGINT NOT NULL REFERENCES incidents(id),
    organization_id BIGINT NOT NULL REFERENCES organizations(id),
    need_id BIGINT REFERENCES needs(id),
    commune_code TEXT NOT NULL,
    douar_id BIGINT REFERENCES douars(id),
    category TEXT NOT NULL,
    households BIGINT NOT NULL,
    description TEXT NOT NULL,
    due_on TEXT NOT NULL,
    status TEXT NOT NULL,
    created_by BIGINT NOT NULL REFERENCES users(id),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX pledges_incident ON pledges(incident_id, id);
CREATE INDEX pledges_need ON pledges(need_id);
