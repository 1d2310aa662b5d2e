-- The ranking of a mission's candidates reads, for each commune near the mission, the
-- volunteers who can go there with the facts their points need. Each of a volunteer's communes
-- carries a copy of those facts (the store writes them with the communes, and again whenever the
-- profile or the hours given change), so the ranking reads one index range per near commune and
-- never a volunteer's row.
ALTER TABLE volunteer_communes ADD COLUMN skills BIGINT NOT NULL DEFAULT 0;
ALTER TABLE volunteer_communes ADD COLUMN languages BIGINT NOT NULL DEFAULT 0;
ALTER TABLE volunteer_communes ADD COLUMN weekdays BIGINT NOT NULL DEFAULT 0;
ALTER TABLE volunteer_communes ADD COLUMN available_from TEXT;
ALTER TABLE volunteer_communes ADD COLUMN available_until TEXT;
ALTER TABLE volunteer_communes ADD COLUMN minutes_given BIGINT NOT NULL DEFAULT 0;
UPDATE volunteer_communes SET (skills, languages, weekdays, available_from, available_until,
    minutes_given) = (SELECT v.skills, v.languages, v.weekdays, v.available_from,
    v.available_until, v.minutes_given FROM volunteers v WHERE v.id = volunteer_communes.volunteer_id);
DROP INDEX volunteer_communes_commune;
CREATE INDEX volunteer_communes_ranking ON volunteer_communes(commune_code, volunteer_id, skills,
    languages, weekdays, available_from, available_until, minutes_given);
DROP INDEX volunteers_ranking;
