-- Leaf hashes (level 0) are computed from the leaves when a proof or a tile needs them, so they
-- are no longer stored: one row less per logged event.
DELETE FROM log_hashes WHERE level = 0;
