-- Reports held for review (`needs.status = 'held'`: sent from a client address beyond its
-- anonymous rate) are listed per incident for coordinators; public lists leave them out.
CREATE INDEX needs_held ON needs(incident_id, id) WHERE status = 'held';
