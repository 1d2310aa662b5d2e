-- The key an incident's declaration form carries, so that the same form sent twice (a double
-- click, the back button) declares one incident.
ALTER TABLE incidents ADD COLUMN creation_key TEXT;
CREATE UNIQUE INDEX incidents_creation_key ON incidents (declared_by, creation_key);
