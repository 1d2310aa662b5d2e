-- The ranking of a mission's candidates reads, for each volunteer near it, only the facts its
-- points need: this covering index holds them, so the query reads a few compact index pages
-- instead of each volunteer's whole row (sealed values and all).
CREATE INDEX volunteers_ranking ON volunteers(id, skills, languages, weekdays, available_from,
    available_until, minutes_given, user_id, erased_at);
