-- A delivery may name the registered household it reached: the chain from a donation to the
-- family that received the goods, readable by that household in its data-subject export. The
-- transparency log's leaf never names the household.
ALTER TABLE deliveries ADD COLUMN household_id BIGINT REFERENCES households(id);
CREATE INDEX deliveries_household ON deliveries(household_id) WHERE household_id IS NOT NULL;
