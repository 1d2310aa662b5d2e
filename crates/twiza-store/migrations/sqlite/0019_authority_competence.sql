-- An authority account's competence under Law 18-18: `province` (a governor; HCP province code),
-- `region` (a wali; HCP region code), `national` (the Secretary-General of the Government) or
-- `abroad` (Foreign Affairs), with who set it (NULL: the command line) and when. NULL for other
-- accounts; an authority without one decides nothing until a platform admin sets it.
ALTER TABLE users ADD COLUMN competence_kind TEXT;
ALTER TABLE users ADD COLUMN competence_code TEXT;
ALTER TABLE users ADD COLUMN competence_set_by BIGINT REFERENCES users(id);
ALTER TABLE users ADD COLUMN competence_set_at BIGINT;

-- The queue of authorization requests, per scope (an authority decides one scope).
CREATE INDEX campaigns_requested ON campaigns(scope, id) WHERE auth_status = 'requested';
