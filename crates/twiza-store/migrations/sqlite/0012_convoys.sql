-- Convoys: an association's vehicle on its way to a place of an incident, with its manifest.
-- Public in outline (who goes where, when, in what state) so that associations spread out.

CREATE TABLE convoys (
    id INTEGER PRIMARY KEY,
    organization_id BIGINT NOT NULL REFERENCES organizations(id),
    incident_id BIGINT NOT NULL REFERENCES incidents(id),
    warehouse_id BIGINT NOT NULL REFERENCES warehouses(id),
    commune_code TEXT NOT NULL,
    douar_id BIGINT REFERENCES douars(id),
    vehicle TEXT NOT NULL,
    driver TEXT NOT NULL,
    route TEXT NOT NULL,
    departs_on TEXT NOT NULL,
    status TEXT NOT NULL,
    created_by BIGINT NOT NULL REFERENCES users(id),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX convoys_incident ON convoys(incident_id, id);

CREATE TABLE convoy_lines (
    convoy_id BIGINT NOT NULL REFERENCES convoys(id),
    item_id BIGINT NOT NULL REFERENCES items(id),
    quantity BIGINT NOT NULL,
    PRIMARY KEY (convoy_id, item_id)
);
