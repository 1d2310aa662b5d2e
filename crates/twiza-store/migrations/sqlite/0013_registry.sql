-- The beneficiary registry (Law 09-08): households and their members, consent, every read of
-- personal data, socio-economic indexes, programmes with versioned rules, cycles and
-- entitlements. National identifiers and phone numbers are sealed (XChaCha20-Poly1305, keys in
-- the data directory) with keyed blind indexes (HMAC-SHA-256) for exact lookup; no column
-- holds them in clear.

CREATE TABLE households (
    id INTEGER PRIMARY KEY,
    organization_id BIGINT NOT NULL REFERENCES organizations(id),
    -- The household's reference, quoted by it in appeals (`HH-…`, random).
    reference TEXT NOT NULL UNIQUE,
    commune_code TEXT NOT NULL,
    area TEXT NOT NULL,
    douar TEXT,
    address TEXT,
    housing_damage TEXT NOT NULL,
    incident_id BIGINT REFERENCES incidents(id),
    -- Living conditions asked by the proxy-means test, as JSON.
    living TEXT,
    -- `active`, or `anonymized` once its retention ended.
    status TEXT NOT NULL,
    created_by BIGINT NOT NULL REFERENCES users(id),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX households_org ON households(organization_id, id);

CREATE TABLE persons (
    id INTEGER PRIMARY KEY,
    household_id BIGINT NOT NULL REFERENCES households(id),
    organization_id BIGINT NOT NULL,
    -- `<household reference>-<n>`: what sealed fields are bound to.
    reference TEXT NOT NULL,
    given_name_ar TEXT,
    family_name_ar TEXT,
    given_name_lat TEXT,
    family_name_lat TEXT,
    sex TEXT NOT NULL,
    birth_date TEXT NOT NULL,
    relation TEXT NOT NULL,
    disability TEXT NOT NULL,
    schooling TEXT NOT NULL,
    -- The personal-data key that sealed this row's fields (for key rotation).
    seal_key_id BIGINT NOT NULL,
    phone_sealed BLOB,
    phone_index TEXT,
    cin_sealed BLOB,
    cin_index TEXT,
    idcs_sealed BLOB,
    idcs_index TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX persons_household ON persons(household_id);
CREATE INDEX persons_cin ON persons(cin_index) WHERE cin_index IS NOT NULL;
CREATE INDEX persons_phone ON persons(phone_index) WHERE phone_index IS NOT NULL;
CREATE INDEX persons_idcs ON persons(idcs_index) WHERE idcs_index IS NOT NULL;
CREATE INDEX persons_seal_key ON persons(seal_key_id);

-- Consent, or another legal basis, per household and purpose; withdrawn, never deleted.
CREATE TABLE consents (
    id INTEGER PRIMARY KEY,
    household_id BIGINT NOT NULL REFERENCES households(id),
    purpose TEXT NOT NULL,
    legal_basis TEXT NOT NULL,
    channel TEXT NOT NULL,
    recorded_by BIGINT NOT NULL REFERENCES users(id),
    recorded_at BIGINT NOT NULL,
    withdrawn_at BIGINT,
    withdrawn_by BIGINT REFERENCES users(id)
);
CREATE INDEX consents_household ON consents(household_id, purpose);

-- Every read of personal data by a person: the association and the household can see it.
CREATE TABLE personal_data_reads (
    id INTEGER PRIMARY KEY,
    organization_id BIGINT NOT NULL,
    household_id BIGINT NOT NULL REFERENCES households(id),
    account_id BIGINT NOT NULL REFERENCES users(id),
    -- What was read (`household`, `identifiers`, `export`, …) and why.
    what TEXT NOT NULL,
    purpose TEXT NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX personal_data_reads_household ON personal_data_reads(household_id, id);
CREATE INDEX personal_data_reads_org ON personal_data_reads(organization_id, id);

-- Socio-economic index values: imported (RSU) or computed by a model version; the value in
-- millionths.
CREATE TABLE socio_economic_indexes (
    household_id BIGINT NOT NULL REFERENCES households(id),
    effective_on TEXT NOT NULL,
    source TEXT NOT NULL,
    value_micro BIGINT NOT NULL,
    recorded_at BIGINT NOT NULL,
    PRIMARY KEY (household_id, effective_on, source)
);

CREATE TABLE programmes (
    id INTEGER PRIMARY KEY,
    organization_id BIGINT NOT NULL REFERENCES organizations(id),
    code TEXT NOT NULL,
    name_ar TEXT NOT NULL,
    name_fr TEXT NOT NULL,
    -- Personal data of its households is anonymized this many days after it ends.
    retention_days BIGINT NOT NULL,
    ends_on TEXT,
    created_by BIGINT NOT NULL REFERENCES users(id),
    created_at BIGINT NOT NULL,
    UNIQUE (organization_id, code)
);

CREATE TABLE programme_rules (
    programme_id BIGINT NOT NULL REFERENCES programmes(id),
    version BIGINT NOT NULL,
    rules TEXT NOT NULL,
    created_by BIGINT NOT NULL REFERENCES users(id),
    created_at BIGINT NOT NULL,
    PRIMARY KEY (programme_id, version)
);

CREATE TABLE enrollments (
    programme_id BIGINT NOT NULL REFERENCES programmes(id),
    household_id BIGINT NOT NULL REFERENCES households(id),
    status TEXT NOT NULL,
    enrolled_by BIGINT NOT NULL REFERENCES users(id),
    enrolled_at BIGINT NOT NULL,
    exited_at BIGINT,
    PRIMARY KEY (programme_id, household_id)
);

-- A payment period of a programme: computed with one rule version, approved by a second person.
CREATE TABLE cycles (
    id INTEGER PRIMARY KEY,
    programme_id BIGINT NOT NULL REFERENCES programmes(id),
    period TEXT NOT NULL,
    reference_date TEXT NOT NULL,
    rules_version BIGINT NOT NULL,
    status TEXT NOT NULL,
    households BIGINT NOT NULL DEFAULT 0,
    eligible BIGINT NOT NULL DEFAULT 0,
    total_centimes BIGINT NOT NULL DEFAULT 0,
    computed_by BIGINT REFERENCES users(id),
    computed_at BIGINT,
    approved_by BIGINT REFERENCES users(id),
    approved_at BIGINT,
    UNIQUE (programme_id, period)
);

CREATE TABLE entitlements (
    cycle_id BIGINT NOT NULL REFERENCES cycles(id),
    household_id BIGINT NOT NULL REFERENCES households(id),
    eligible BIGINT NOT NULL,
    centimes BIGINT NOT NULL,
    -- The decision explained: the breakdown when eligible, the unmet conditions otherwise.
    explanation TEXT NOT NULL,
    PRIMARY KEY (cycle_id, household_id)
);
