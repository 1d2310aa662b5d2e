//! Signed checkpoints of the transparency log (C2SP tlog-checkpoint in a signed note): the
//! publisher that signs the log's new size and root at most [`CHECKPOINT_INTERVAL`] after a
//! leaf is committed, and their history.

use crate::{now, Result, Store};
use std::sync::Arc;
use std::time::Duration;
use twiza_tlog::{Checkpoint, NoteSigner};

/// How often the publisher looks for new leaves: the longest a committed leaf waits for a
/// signed checkpoint, plus the time to sign one (well under a millisecond).
pub const CHECKPOINT_INTERVAL: Duration = Duration::from_millis(500);

/// A stored checkpoint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredCheckpoint {
    pub size: u64,
    pub root: [u8; 32],
    /// The signed note, as served at `/log/checkpoint`.
    pub note: String,
    /// Unix seconds.
    pub at: i64,
}

type Row = (i64, Vec<u8>, String, i64);

fn from_row((size, root, note, at): Row) -> Option<StoredCheckpoint> {
    Some(StoredCheckpoint {
        size: size as u64,
        root: root.try_into().ok()?,
        note,
        at,
    })
}

impl Store {
    /// Signs and stores a checkpoint of the current log when it grew since the latest one (or
    /// when there is none); returns the latest checkpoint. Several nodes may publish the same
    /// size: the first one stored wins and the others read it back.
    pub async fn publish_checkpoint(&self, signer: &NoteSigner) -> Result<StoredCheckpoint> {
        let size = self.log_size().await?;
        if let Some(latest) = self.latest_checkpoint().await? {
            if latest.size >= size {
                return Ok(latest);
            }
        }
        let root = self.log_root(size).await?;
        let body = Checkpoint {
            origin: signer.name().to_owned(),
            size,
            root,
        }
        .body();
        let note = signer
            .sign(&body)
            .map_err(|_| crate::StoreError::Corrupt("log origin"))?;
        sqlx::query(
            "INSERT INTO log_checkpoints (size, root_hash, note, at) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (size) DO NOTHING",
        )
        .bind(size as i64)
        .bind(root.to_vec())
        .bind(&note)
        .bind(now())
        .execute(self.writer())
        .await?;
        self.checkpoint_at(size)
            .await?
            .ok_or(crate::StoreError::Corrupt("checkpoint"))
    }

    /// The latest signed checkpoint.
    pub async fn latest_checkpoint(&self) -> Result<Option<StoredCheckpoint>> {
        let row: Option<Row> = sqlx::query_as(
            "SELECT size, root_hash, note, at FROM log_checkpoints ORDER BY size DESC LIMIT 1",
        )
        .fetch_optional(self.reader())
        .await?;
        Ok(row.and_then(from_row))
    }

    /// The checkpoint of exactly `size` leaves, if one was published.
    pub async fn checkpoint_at(&self, size: u64) -> Result<Option<StoredCheckpoint>> {
        let row: Option<Row> =
            sqlx::query_as("SELECT size, root_hash, note, at FROM log_checkpoints WHERE size = $1")
                .bind(size as i64)
                .fetch_optional(self.reader())
                .await?;
        Ok(row.and_then(from_row))
    }

    /// Published checkpoints, newest first, of sizes below `before` (all when `None`).
    pub async fn checkpoints(
        &self,
        before: Option<u64>,
        limit: u32,
    ) -> Result<Vec<StoredCheckpoint>> {
        let rows: Vec<Row> = sqlx::query_as(
            "SELECT size, root_hash, note, at FROM log_checkpoints WHERE size < $1 \
             ORDER BY size DESC LIMIT $2",
        )
        .bind(before.map_or(i64::MAX, |b| b as i64))
        .bind(i64::from(limit))
        .fetch_all(self.reader())
        .await?;
        Ok(rows.into_iter().filter_map(from_row).collect())
    }
}

/// Starts the publisher: every [`CHECKPOINT_INTERVAL`], a new checkpoint if the log grew. Runs
/// on every node; the stored checkpoint of a size is the same whoever signed it first.
pub fn spawn_checkpointer(store: Store, signer: Arc<NoteSigner>) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(CHECKPOINT_INTERVAL);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            if let Err(e) = store.publish_checkpoint(&signer).await {
                tracing::warn!(error = %e, "checkpoint not published");
            }
        }
    });
}
