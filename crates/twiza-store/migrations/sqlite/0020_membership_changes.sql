-- Every change of a member's role and every removal, with who made it and when: an association's
-- own record of who held which role (`to_role` is NULL for a removal).
CREATE TABLE membership_changes (
    id INTEGER PRIMARY KEY,
    organization_id BIGINT NOT NULL REFERENCES organizations(id),
    user_id BIGINT NOT NULL REFERENCES users(id),
    from_role TEXT NOT NULL,
    to_role TEXT,
    changed_by BIGINT NOT NULL REFERENCES users(id),
    changed_at BIGINT NOT NULL
);
CREATE INDEX membership_changes_org ON membership_changes(organization_id, id);
