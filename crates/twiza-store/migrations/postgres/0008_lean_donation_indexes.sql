-- Fewer index entries per donation: reads by campaign use the (campaign_id, idempotency_key)
-- unique index as a prefix, and only gifts through a provider have a provider reference, so
-- its unique index holds those alone.

DROP INDEX donations_campaign;
DROP INDEX donations_provider_reference;
CREATE UNIQUE INDEX donations_provider_reference ON donations(provider_reference)
    WHERE provider_reference IS NOT NULL;
