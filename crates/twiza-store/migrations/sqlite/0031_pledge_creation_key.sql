-- The key a pledge form carries, so that the same form sent twice (a double click, the back
-- button) pledges once.
ALTER TABLE pledges ADD COLUMN creation_key TEXT;
CREATE UNIQUE INDEX pledges_creation_key ON pledges (organization_id, creation_key);
