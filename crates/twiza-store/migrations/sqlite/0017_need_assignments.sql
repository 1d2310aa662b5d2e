-- Who may read a reporter's contact: the associations a need is assigned to (by the first pledge
-- on it, or by the incident's coordinating authority; a few per need), and every release of the
-- contact to one of them, which the reporter sees on the need's follow-up page. An assignment
-- that ends (its pledge cancelled) keeps its row with `ended_at`.

CREATE TABLE need_assignments (
    id INTEGER PRIMARY KEY,
    need_id BIGINT NOT NULL REFERENCES needs(id),
    organization_id BIGINT NOT NULL REFERENCES organizations(id),
    how TEXT NOT NULL,
    pledge_id BIGINT REFERENCES pledges(id),
    assigned_by BIGINT NOT NULL REFERENCES users(id),
    assigned_at BIGINT NOT NULL,
    ended_at BIGINT,
    UNIQUE (need_id, organization_id)
);
CREATE INDEX need_assignments_pledge ON need_assignments(pledge_id) WHERE pledge_id IS NOT NULL;

CREATE TABLE need_contact_releases (
    id INTEGER PRIMARY KEY,
    need_id BIGINT NOT NULL REFERENCES needs(id),
    organization_id BIGINT NOT NULL REFERENCES organizations(id),
    user_id BIGINT NOT NULL REFERENCES users(id),
    released_at BIGINT NOT NULL
);
CREATE INDEX need_contact_releases_need ON need_contact_releases(need_id, id);

-- Needs pledged before this version: the first live pledge on each is its assignment (the
-- association that could read the contact under the earlier rule and came first).
INSERT INTO need_assignments (need_id, organization_id, how, pledge_id, assigned_by, assigned_at)
SELECT p.need_id, p.organization_id, 'pledge', p.id, p.created_by, p.created_at
FROM pledges p
WHERE p.need_id IS NOT NULL AND p.status <> 'cancelled'
  AND p.id = (SELECT MIN(q.id) FROM pledges q WHERE q.need_id = p.need_id AND q.status <> 'cancelled');
