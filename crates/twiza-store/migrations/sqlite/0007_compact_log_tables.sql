-- The log's tables in SQLite's compact shapes: leaves keyed by their rowid (the index), subtree
-- hashes clustered on (level, index) without a rowid. Each append then writes one b-tree entry
-- less per leaf and per hash; the data are unchanged.

CREATE TABLE log_entries_compact (
    idx INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    ref_id BIGINT NOT NULL,
    leaf BLOB NOT NULL,
    at BIGINT NOT NULL,
    UNIQUE (kind, ref_id)
);
INSERT INTO log_entries_compact (idx, kind, ref_id, leaf, at)
    SELECT idx, kind, ref_id, leaf, at FROM log_entries;
DROP TABLE log_entries;
ALTER TABLE log_entries_compact RENAME TO log_entries;

CREATE TABLE log_hashes_compact (
    level BIGINT NOT NULL,
    idx BIGINT NOT NULL,
    hash BLOB NOT NULL,
    PRIMARY KEY (level, idx)
) WITHOUT ROWID;
INSERT INTO log_hashes_compact (level, idx, hash) SELECT level, idx, hash FROM log_hashes;
DROP TABLE log_hashes;
ALTER TABLE log_hashes_compact RENAME TO log_hashes;
