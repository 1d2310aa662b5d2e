-- The registry's pages: search by name in any script, rectifications with their reason, reads
-- of donors' identities in an access log, and household files kept between a dry run and its
-- import.

-- Each member's names folded to the skeletons of `twiza-link` (Arabic, Latin and Tifinagh
-- spellings of a name share one), space-separated with a space at each end, for search.
ALTER TABLE persons ADD COLUMN name_keys TEXT;
CREATE INDEX persons_org_household ON persons(organization_id, household_id);

-- A member's record corrected (Law 09-08 right of rectification): which fields changed and
-- why; never the old or new values.
CREATE TABLE rectifications (
    id INTEGER PRIMARY KEY,
    organization_id BIGINT NOT NULL REFERENCES organizations(id),
    household_id BIGINT NOT NULL REFERENCES households(id),
    person_id BIGINT NOT NULL REFERENCES persons(id),
    -- The corrected fields' names, comma-separated.
    fields TEXT NOT NULL,
    reason TEXT NOT NULL,
    rectified_by BIGINT NOT NULL REFERENCES users(id),
    rectified_at BIGINT NOT NULL
);
CREATE INDEX rectifications_household ON rectifications(household_id, id);

-- Every opening of a donor's sealed identity: who, when, which donation.
CREATE TABLE donor_identity_reads (
    id INTEGER PRIMARY KEY,
    organization_id BIGINT NOT NULL REFERENCES organizations(id),
    donation_id BIGINT NOT NULL REFERENCES donations(id),
    account_id BIGINT NOT NULL REFERENCES users(id),
    at BIGINT NOT NULL
);
CREATE INDEX donor_identity_reads_donation ON donor_identity_reads(donation_id, id);

-- A household file uploaded for a dry run, kept sealed until it is imported or abandoned, so
-- the import does not need the file again. The token is a 256-bit secret's SHA-256.
CREATE TABLE household_uploads (
    id INTEGER PRIMARY KEY,
    organization_id BIGINT NOT NULL REFERENCES organizations(id),
    token_hash TEXT NOT NULL UNIQUE,
    uploaded_by BIGINT NOT NULL REFERENCES users(id),
    seal_key_id BIGINT NOT NULL,
    -- The file as CSV (a workbook converted), sealed.
    content_sealed BLOB NOT NULL,
    uploaded_at BIGINT NOT NULL
);
