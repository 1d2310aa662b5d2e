-- An association's IATI activity file: whether it is published, and the organisation
-- identifier it was first published with (kept ever after, so activity identifiers never
-- change). The file itself is written from the live figures when it is read.
CREATE TABLE iati_publications (
    organization_id BIGINT PRIMARY KEY REFERENCES organizations(id),
    organisation_identifier TEXT NOT NULL,
    published BIGINT NOT NULL,
    first_published_at BIGINT NOT NULL,
    changed_by BIGINT NOT NULL REFERENCES users(id),
    changed_at BIGINT NOT NULL
);
