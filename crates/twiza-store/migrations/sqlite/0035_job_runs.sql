-- Jobs that run by themselves in the database (retention, for a start): one row per job and
-- day, claimed by the node that runs it (the unique key lets one node only), with what it did.
CREATE TABLE job_runs (
    id INTEGER PRIMARY KEY,
    -- `retention`: anonymize households whose programmes ended longer ago than their retention.
    job TEXT NOT NULL,
    -- The day the run is for (`YYYY-MM-DD`), or `manual-<unix seconds>` for one asked by hand.
    run_key TEXT NOT NULL,
    -- `running`, `done` or `failed`.
    status TEXT NOT NULL,
    started_at BIGINT NOT NULL,
    finished_at BIGINT,
    -- Households the run anonymized.
    households BIGINT NOT NULL,
    UNIQUE (job, run_key)
);
CREATE INDEX job_runs_recent ON job_runs(job, id);
