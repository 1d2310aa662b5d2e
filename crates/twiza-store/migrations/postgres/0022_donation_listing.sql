-- The treasury's list of a campaign's donations reads them newest first, a page at a time
-- (keyset on the id, filters on the rows of that campaign): an index on (campaign_id, id)
-- serves it without a sort. Migration 0008 dropped one like it to keep writes lean; the list
-- needs it back.

CREATE INDEX donations_campaign_listing ON donations(campaign_id, id);
