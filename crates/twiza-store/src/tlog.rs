//! The transparency log's storage: leaves, stored Merkle subtree hashes (C2SP tlog-tiles
//! addressing), the log size and signed checkpoints. Appends happen inside the transaction of
//! the change they record ([`lock_size`] then [`append_at`]); reads compute roots and proofs
//! from O(log n) stored hashes.

use crate::Col;
use crate::{Backend, Result, Store, StoreError};
use sqlx::AnyConnection;
use std::collections::HashMap;
use twiza_tlog::{Hash, HashReader, StoredHash};

/// A stored hash's address: (level, index) in C2SP tlog-tiles addressing.
type HashAddress = (u8, u64);

/// A reader that first records which hashes a computation needs, then serves them from memory.
/// Merkle computations touch addresses that depend only on the sizes and indexes involved, so
/// one dry run lists them and one query fetches them.
#[derive(Default)]
pub(crate) struct Prefetched {
    known: HashMap<HashAddress, Hash>,
    missing: Vec<HashAddress>,
}

impl HashReader for Prefetched {
    type Error = StoreError;
    fn read_hash(&mut self, level: u8, index: u64) -> Result<Hash> {
        match self.known.get(&(level, index)) {
            Some(h) => Ok(*h),
            None => {
                self.missing.push((level, index));
                Ok([0; 32])
            }
        }
    }
}

/// Runs `compute` against stored hashes read through `conn`.
pub(crate) async fn with_hashes<T>(
    conn: &mut AnyConnection,
    mut compute: impl FnMut(&mut Prefetched) -> Result<T>,
) -> Result<T> {
    let mut reader = Prefetched::default();
    compute(&mut reader)?;
    let missing = std::mem::take(&mut reader.missing);
    // Level 0 is not stored: a leaf's hash comes from the leaf.
    let (leaves, missing): (Vec<HashAddress>, Vec<HashAddress>) =
        missing.into_iter().partition(|(level, _)| *level == 0);
    for chunk in leaves.chunks(400) {
        let sql = format!(
            "SELECT idx, leaf FROM log_entries WHERE idx IN {}",
            crate::values_placeholders(1, chunk.len())
        );
        let mut query = sqlx::query_as::<_, (i64, Vec<u8>)>(&sql);
        for (_, index) in chunk {
            query = query.bind(*index as i64);
        }
        for (index, leaf) in query.fetch_all(&mut *conn).await? {
            reader
                .known
                .insert((0, index as u64), twiza_tlog::leaf_hash(&leaf));
        }
    }
    for chunk in missing.chunks(400) {
        let mut sql = String::from("SELECT level, idx, hash FROM log_hashes WHERE ");
        for (i, _) in chunk.iter().enumerate() {
            if i > 0 {
                sql.push_str(" OR ");
            }
            sql.push_str(&format!(
                "(level = ${} AND idx = ${})",
                2 * i + 1,
                2 * i + 2
            ));
        }
        let mut query = sqlx::query_as::<_, (i64, i64, Vec<u8>)>(&sql);
        for (level, index) in chunk {
            query = query.bind(i64::from(*level)).bind(*index as i64);
        }
        for (level, index, hash) in query.fetch_all(&mut *conn).await? {
            let hash: Hash = hash
                .try_into()
                .map_err(|_| StoreError::Corrupt("log hash"))?;
            reader.known.insert((level as u8, index as u64), hash);
        }
    }
    let result = compute(&mut reader)?;
    if reader.missing.is_empty() {
        Ok(result)
    } else {
        Err(StoreError::Corrupt("log hashes missing"))
    }
}

/// Writes stored hashes, a JSON-batched statement per 2,000.
async fn insert_hashes(conn: &mut AnyConnection, hashes: &[StoredHash]) -> Result<()> {
    let sql = crate::json_insert(
        crate::backend_of(conn),
        "log_hashes",
        &[("level", Col::Int), ("idx", Col::Int), ("hash", Col::Blob)],
    );
    for chunk in hashes.chunks(2000) {
        let rows: Vec<(u8, u64, String)> = chunk
            .iter()
            .map(|h| (h.level, h.index, hex::encode(h.hash)))
            .collect();
        let rows = serde_json::to_string(&rows).map_err(|_| StoreError::Corrupt("hash rows"))?;
        sqlx::query(&sql).bind(rows).execute(&mut *conn).await?;
    }
    Ok(())
}

/// Locks the log for an append in the caller's transaction and returns its size: the size row
/// is read [`Backend::for_update`], so appenders on several nodes take turns.
pub(crate) async fn lock_size(conn: &mut AnyConnection, backend: Backend) -> Result<u64> {
    let sql = format!(
        "SELECT size FROM log_state WHERE id = 1{}",
        backend.for_update()
    );
    let (size,): (i64,) = sqlx::query_as(&sql).fetch_one(&mut *conn).await?;
    Ok(size as u64)
}

/// Appends `leaves` to a log of `size` leaves (read with [`lock_size`] in the same transaction):
/// the leaves, the subtree hashes they complete and the new size.
pub(crate) async fn append_at(
    conn: &mut AnyConnection,
    size: u64,
    leaves: &[NewLeaf],
) -> Result<()> {
    if leaves.is_empty() {
        return Ok(());
    }
    let hashes: Vec<Hash> = leaves
        .iter()
        .map(|l| twiza_tlog::leaf_hash(&l.bytes))
        .collect();
    let stored = with_hashes(conn, |r| twiza_tlog::append(size, &hashes, r)).await?;
    insert_leaves(conn, size, leaves).await?;
    // Leaf hashes (level 0) are not stored: they are the hashes of the leaves beside them.
    let inner: Vec<StoredHash> = stored.into_iter().filter(|h| h.level > 0).collect();
    insert_hashes(conn, &inner).await?;
    sqlx::query("UPDATE log_state SET size = $1 WHERE id = 1")
        .bind((size + leaves.len() as u64) as i64)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Appends one leaf in the caller's transaction; returns its index.
pub(crate) async fn append_one(
    conn: &mut AnyConnection,
    backend: Backend,
    leaf: NewLeaf,
) -> Result<u64> {
    let size = lock_size(conn, backend).await?;
    append_at(conn, size, std::slice::from_ref(&leaf)).await?;
    Ok(size)
}

/// A leaf to append.
pub(crate) struct NewLeaf {
    pub kind: &'static str,
    pub ref_id: i64,
    pub bytes: Vec<u8>,
    pub at: i64,
}

/// Writes leaves at `first_index..`, a JSON-batched statement per 2,000.
async fn insert_leaves(
    conn: &mut AnyConnection,
    first_index: u64,
    leaves: &[NewLeaf],
) -> Result<()> {
    let sql = crate::json_insert(
        crate::backend_of(conn),
        "log_entries",
        &[
            ("idx", Col::Int),
            ("kind", Col::Text),
            ("ref_id", Col::Int),
            ("leaf", Col::TextBlob),
            ("at", Col::Int),
        ],
    );
    let mut index = first_index;
    for chunk in leaves.chunks(2000) {
        let rows = chunk
            .iter()
            .map(|leaf| {
                index += 1;
                // Leaves are canonical JSON, UTF-8 by construction.
                let text = std::str::from_utf8(&leaf.bytes)
                    .map_err(|_| StoreError::Corrupt("leaf is not UTF-8"))?;
                Ok((index - 1, leaf.kind, leaf.ref_id, text, leaf.at))
            })
            .collect::<Result<Vec<(u64, &str, i64, &str, i64)>>>()?;
        let rows = serde_json::to_string(&rows).map_err(|_| StoreError::Corrupt("leaf rows"))?;
        sqlx::query(&sql).bind(rows).execute(&mut *conn).await?;
    }
    Ok(())
}

/// A logged leaf.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogEntry {
    pub index: u64,
    pub kind: String,
    pub ref_id: i64,
    pub leaf: Vec<u8>,
}

impl Store {
    /// The number of leaves in the log.
    pub async fn log_size(&self) -> Result<u64> {
        let (size,): (i64,) = sqlx::query_as("SELECT size FROM log_state WHERE id = 1")
            .fetch_one(self.reader())
            .await?;
        Ok(size as u64)
    }

    /// The root hash of the log at `size` (at most the current size).
    pub async fn log_root(&self, size: u64) -> Result<Hash> {
        let mut conn = self.reader().acquire().await?;
        with_hashes(&mut conn, |r| twiza_tlog::tree_root(size, r)).await
    }

    /// Inclusion proof of leaf `index` in the tree of `size` leaves (`None` if out of range).
    pub async fn log_inclusion_proof(&self, index: u64, size: u64) -> Result<Option<Vec<Hash>>> {
        if size > self.log_size().await? {
            return Ok(None);
        }
        let mut conn = self.reader().acquire().await?;
        with_hashes(&mut conn, |r| twiza_tlog::inclusion_proof(index, size, r)).await
    }

    /// Consistency proof between two sizes (`None` if out of range).
    pub async fn log_consistency_proof(&self, old: u64, new: u64) -> Result<Option<Vec<Hash>>> {
        if new > self.log_size().await? {
            return Ok(None);
        }
        let mut conn = self.reader().acquire().await?;
        with_hashes(&mut conn, |r| twiza_tlog::consistency_proof(old, new, r)).await
    }

    /// One leaf and its hash.
    pub async fn log_entry(&self, index: u64) -> Result<Option<LogEntry>> {
        let row: Option<(i64, String, i64, Vec<u8>)> =
            sqlx::query_as("SELECT idx, kind, ref_id, leaf FROM log_entries WHERE idx = $1")
                .bind(index as i64)
                .fetch_optional(self.reader())
                .await?;
        Ok(row.map(|(idx, kind, ref_id, leaf)| LogEntry {
            index: idx as u64,
            kind,
            ref_id,
            leaf,
        }))
    }

    /// The leaf index of a logged event.
    pub async fn log_index_of(&self, kind: &str, ref_id: i64) -> Result<Option<u64>> {
        let row: Option<(i64,)> =
            sqlx::query_as("SELECT idx FROM log_entries WHERE kind = $1 AND ref_id = $2")
                .bind(kind)
                .bind(ref_id)
                .fetch_optional(self.reader())
                .await?;
        Ok(row.map(|(i,)| i as u64))
    }

    /// Appends synthetic leaves of kind `bench_event` (benchmarks only: an audit of a real log
    /// reports them as unknown events). Returns the new size.
    pub async fn append_synthetic_leaves(&self, leaves: &[Vec<u8>]) -> Result<u64> {
        let at = crate::now();
        let mut tx = self.writer().begin().await?;
        let size = lock_size(&mut tx, self.backend()).await?;
        let leaves: Vec<NewLeaf> = leaves
            .iter()
            .enumerate()
            .map(|(i, bytes)| NewLeaf {
                kind: "bench_event",
                ref_id: (size + i as u64) as i64,
                bytes: bytes.clone(),
                at,
            })
            .collect();
        append_at(&mut tx, size, &leaves).await?;
        tx.commit().await?;
        Ok(size + leaves.len() as u64)
    }

    /// `count` stored hashes of `level` from index `start` (a C2SP tlog-tiles hash tile), or
    /// `None` when they are not all stored yet.
    pub async fn log_hash_range(
        &self,
        level: u8,
        start: u64,
        count: u64,
    ) -> Result<Option<Vec<Hash>>> {
        if level == 0 {
            return Ok(self
                .log_leaf_range(start, count)
                .await?
                .map(|leaves| leaves.iter().map(|l| twiza_tlog::leaf_hash(l)).collect()));
        }
        let rows: Vec<(Vec<u8>,)> = sqlx::query_as(
            "SELECT hash FROM log_hashes WHERE level = $1 AND idx >= $2 AND idx < $3 ORDER BY idx",
        )
        .bind(i64::from(level))
        .bind(start as i64)
        .bind((start + count) as i64)
        .fetch_all(self.reader())
        .await?;
        if rows.len() as u64 != count {
            return Ok(None);
        }
        rows.into_iter()
            .map(|(h,)| h.try_into().map_err(|_| StoreError::Corrupt("log hash")))
            .collect::<Result<Vec<Hash>>>()
            .map(Some)
    }

    /// `count` leaves from index `start` (a C2SP tlog-tiles entry bundle), or `None` when they
    /// are not all stored yet.
    pub async fn log_leaf_range(&self, start: u64, count: u64) -> Result<Option<Vec<Vec<u8>>>> {
        let rows: Vec<(Vec<u8>,)> = sqlx::query_as(
            "SELECT leaf FROM log_entries WHERE idx >= $1 AND idx < $2 ORDER BY idx",
        )
        .bind(start as i64)
        .bind((start + count) as i64)
        .fetch_all(self.reader())
        .await?;
        if rows.len() as u64 != count {
            return Ok(None);
        }
        Ok(Some(rows.into_iter().map(|(l,)| l).collect()))
    }
}
