-- The communes a member works in (a field agent's communes), given by a manager of the
-- association; gone when the member leaves.
CREATE TABLE member_communes (
    organization_id BIGINT NOT NULL REFERENCES organizations(id),
    user_id BIGINT NOT NULL REFERENCES users(id),
    commune_code TEXT NOT NULL,
    PRIMARY KEY (organization_id, user_id, commune_code)
);

-- Every change of a member's communes, in the association's own record: the communes given
-- (HCP codes, comma-separated; empty when all were taken away), who gave them and when.
CREATE TABLE member_commune_changes (
    id INTEGER PRIMARY KEY,
    organization_id BIGINT NOT NULL REFERENCES organizations(id),
    user_id BIGINT NOT NULL REFERENCES users(id),
    communes TEXT NOT NULL,
    changed_by BIGINT NOT NULL REFERENCES users(id),
    changed_at BIGINT NOT NULL
);
CREATE INDEX member_commune_changes_org ON member_commune_changes(organization_id, id);

-- The key a household's registration form carries, so that the same form sent twice (a
-- double tap, the back button) registers one household.
CREATE TABLE household_creation_keys (
    organization_id BIGINT NOT NULL REFERENCES organizations(id),
    creation_key TEXT NOT NULL,
    household_id BIGINT NOT NULL REFERENCES households(id),
    PRIMARY KEY (organization_id, creation_key)
);
