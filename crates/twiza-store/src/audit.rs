//! `twiza log audit`: recomputes the transparency log from the database and checks that every
//! row that must be logged is logged with exactly the leaf it should have, that every stored
//! Merkle hash is right, and that every stored checkpoint is signed and names the right root.
//!
//! Leaves are streamed in index order in pages, so memory stays bounded whatever the log's size:
//! the tree is rebuilt through its right edge (one pending hash per level).

use crate::logged::KINDS;
use crate::{Result, Store};
use sqlx::Row;
use std::collections::HashMap;
use twiza_tlog::{Checkpoint, Hash, HashReader, NoteVerifier, StoredHash};

/// Leaves read per query.
const PAGE: i64 = 20_000;
/// Findings kept in full (the count goes on).
const MAX_FINDINGS: usize = 1000;

/// What the audit found.
#[derive(Debug, Default)]
pub struct AuditReport {
    pub leaves: u64,
    pub rows_checked: u64,
    pub checkpoints: u64,
    /// Each names the row, leaf, hash or checkpoint at fault.
    pub findings: Vec<String>,
    /// Findings beyond the ones kept.
    pub more_findings: u64,
}

impl AuditReport {
    pub fn ok(&self) -> bool {
        self.findings.is_empty()
    }

    fn finding(&mut self, text: String) {
        if self.findings.len() < MAX_FINDINGS {
            self.findings.push(text);
        } else {
            self.more_findings += 1;
        }
    }
}

/// The right edge of a tree being rebuilt: per level, the last complete subtree whose right
/// sibling is not complete yet. It is all that appending and the root need.
#[derive(Default)]
struct RightEdge {
    pending: HashMap<u8, (u64, Hash)>,
}

impl HashReader for RightEdge {
    type Error = std::convert::Infallible;
    fn read_hash(&mut self, level: u8, index: u64) -> std::result::Result<Hash, Self::Error> {
        // `append` asks only for the left sibling of a right child, which is pending here.
        Ok(match self.pending.get(&level) {
            Some((i, h)) if *i == index => *h,
            _ => [0; 32],
        })
    }
}

impl RightEdge {
    fn absorb(&mut self, produced: &[StoredHash]) {
        for h in produced {
            if h.index % 2 == 0 {
                self.pending.insert(h.level, (h.index, h.hash));
            } else {
                self.pending.remove(&h.level);
            }
        }
    }

    /// The root of the tree of `size` leaves, when `size` is the number absorbed.
    fn root(&self, size: u64) -> Hash {
        let mut root: Option<Hash> = None;
        for level in 0..64u8 {
            if size >> level & 1 == 1 {
                let h = match self.pending.get(&level) {
                    Some((i, h)) if *i == (size >> level) - 1 => *h,
                    _ => [0; 32],
                };
                root = Some(match root {
                    None => h,
                    Some(r) => twiza_tlog::node_hash(&h, &r),
                });
            }
        }
        root.unwrap_or_else(twiza_tlog::empty_root)
    }
}

impl Store {
    /// Audits the whole log (see the module documentation). `verifier` checks the checkpoints'
    /// signatures; `progress` is called with the number of leaves checked so far.
    pub async fn audit_log(
        &self,
        verifier: Option<&NoteVerifier>,
        mut progress: impl FnMut(u64),
    ) -> Result<AuditReport> {
        let mut report = AuditReport::default();
        self.audit_tree(verifier, &mut report, &mut progress)
            .await?;
        self.audit_rows(&mut report).await?;
        Ok(report)
    }

    /// The tree half of the audit: leaves are contiguous, every stored hash is recomputed from
    /// them, every checkpoint names the right root and is signed.
    pub async fn audit_tree(
        &self,
        verifier: Option<&NoteVerifier>,
        report: &mut AuditReport,
        progress: &mut impl FnMut(u64),
    ) -> Result<()> {
        // The log may grow while it is audited: the audit covers the tree of this size.
        let size = self.log_size().await?;
        let checkpoints: Vec<(i64, Vec<u8>, String)> = sqlx::query_as(
            "SELECT size, root_hash, note FROM log_checkpoints WHERE size <= $1 ORDER BY size",
        )
        .bind(size as i64)
        .fetch_all(self.reader())
        .await?;
        let mut checkpoints = checkpoints.into_iter().peekable();
        let mut edge = RightEdge::default();
        let mut next: u64 = 0;
        while let Some((0, root, note)) = checkpoints.peek() {
            check_checkpoint(0, &twiza_tlog::empty_root(), root, note, verifier, report);
            report.checkpoints += 1;
            checkpoints.next();
        }
        loop {
            // Cut pages at checkpoint sizes so each checkpoint's root is the edge's root.
            let cut = checkpoints
                .peek()
                .map(|(s, _, _)| *s as u64)
                .filter(|s| *s > next && *s < next + PAGE as u64);
            let limit = cut.map_or(PAGE, |s| (s - next) as i64);
            let rows: Vec<(i64, Vec<u8>)> = sqlx::query_as(
                "SELECT idx, leaf FROM log_entries WHERE idx >= $1 AND idx < $2 ORDER BY idx LIMIT $3",
            )
            .bind(next as i64)
            .bind(size as i64)
            .bind(limit)
            .fetch_all(self.reader())
            .await?;
            let mut leaf_hashes = Vec::with_capacity(rows.len());
            for (idx, leaf) in &rows {
                let expected = next + leaf_hashes.len() as u64;
                if *idx as u64 != expected {
                    report.finding(format!(
                        "log_entries: leaf {expected} is missing (next stored leaf is {idx})"
                    ));
                    return Ok(());
                }
                leaf_hashes.push(twiza_tlog::leaf_hash(leaf));
            }
            let Ok(produced) = twiza_tlog::append(next, &leaf_hashes, &mut edge);
            self.compare_hashes(&produced, report).await?;
            edge.absorb(&produced);
            next += leaf_hashes.len() as u64;
            report.leaves = next;
            progress(next);
            while let Some((csize, root, note)) = checkpoints.peek() {
                if *csize as u64 != next {
                    break;
                }
                check_checkpoint(next, &edge.root(next), root, note, verifier, report);
                report.checkpoints += 1;
                checkpoints.next();
            }
            if rows.len() < limit as usize || next == size {
                break;
            }
        }
        if next != size {
            report.finding(format!(
                "log_entries: the log size is {size} but only leaves 0..{next} are stored"
            ));
        }
        for (csize, _, _) in checkpoints {
            report.finding(format!(
                "log_checkpoints: checkpoint of size {csize} is beyond the {next} stored leaves"
            ));
        }
        Ok(())
    }

    /// Compares recomputed subtree hashes with the stored ones, one range query per level.
    async fn compare_hashes(
        &self,
        produced: &[StoredHash],
        report: &mut AuditReport,
    ) -> Result<()> {
        let mut by_level: HashMap<u8, Vec<&StoredHash>> = HashMap::new();
        // Leaf hashes are not stored (they are computed from the leaves): levels above only.
        for h in produced.iter().filter(|h| h.level > 0) {
            by_level.entry(h.level).or_default().push(h);
        }
        for (level, hashes) in by_level {
            let (lo, hi) = hashes.iter().fold((u64::MAX, 0), |(lo, hi), h| {
                (lo.min(h.index), hi.max(h.index))
            });
            let rows: Vec<(i64, Vec<u8>)> = sqlx::query_as(
                "SELECT idx, hash FROM log_hashes WHERE level = $1 AND idx >= $2 AND idx <= $3",
            )
            .bind(i64::from(level))
            .bind(lo as i64)
            .bind(hi as i64)
            .fetch_all(self.reader())
            .await?;
            let stored: HashMap<u64, Vec<u8>> =
                rows.into_iter().map(|(i, h)| (i as u64, h)).collect();
            for h in hashes {
                match stored.get(&h.index) {
                    Some(s) if s.as_slice() == h.hash => {}
                    Some(_) => report.finding(format!(
                        "log_hashes: hash at level {level} index {} differs from the leaves",
                        h.index
                    )),
                    None => report.finding(format!(
                        "log_hashes: hash at level {level} index {} is missing",
                        h.index
                    )),
                }
            }
        }
        Ok(())
    }

    /// The rows half of the audit: every row that must be logged has its leaf, byte for byte;
    /// every leaf has its row.
    pub async fn audit_rows(&self, report: &mut AuditReport) -> Result<()> {
        for kind in KINDS {
            let mut after = 0i64;
            loop {
                let rows = sqlx::query(kind.expected)
                    .bind(after)
                    .bind(PAGE)
                    .fetch_all(self.reader())
                    .await?;
                for row in &rows {
                    let id: i64 = row.try_get("id")?;
                    after = id;
                    report.rows_checked += 1;
                    let logged: Option<Vec<u8>> = row.try_get("leaf")?;
                    let index: Option<i64> = row.try_get("leaf_idx")?;
                    let expected = match (kind.rebuild)(row) {
                        Ok(bytes) => bytes,
                        Err(_) => {
                            report.finding(format!(
                                "{} row {id}: unreadable values ({} must be logged)",
                                kind.table, kind.kind
                            ));
                            continue;
                        }
                    };
                    match (logged, index) {
                        (Some(leaf), Some(i)) if leaf != expected => report.finding(format!(
                            "{} row {id}: differs from its {} leaf {i}",
                            kind.table, kind.kind
                        )),
                        (Some(_), Some(_)) => {}
                        _ => report.finding(format!(
                            "{} row {id}: {} is not in the log",
                            kind.table, kind.kind
                        )),
                    }
                }
                if rows.len() < PAGE as usize {
                    break;
                }
            }
            let orphans: Vec<(i64, i64)> = sqlx::query_as(kind.orphans)
                .fetch_all(self.reader())
                .await?;
            for (idx, ref_id) in orphans {
                report.finding(format!(
                    "{} row {ref_id}: missing or changed, but logged as {} in leaf {idx}",
                    kind.table, kind.kind
                ));
            }
        }
        let known: Vec<String> = KINDS.iter().map(|k| format!("'{}'", k.kind)).collect();
        let sql = format!(
            "SELECT idx, kind FROM log_entries WHERE kind NOT IN ({}) ORDER BY idx LIMIT 100",
            known.join(",")
        );
        let unknown: Vec<(i64, String)> = sqlx::query_as(&sql).fetch_all(self.reader()).await?;
        for (idx, kind) in unknown {
            report.finding(format!(
                "log_entries: leaf {idx} has an unknown kind {kind:?}"
            ));
        }
        Ok(())
    }
}

/// A stored checkpoint must name the recomputed root, in its column and in its signed note.
fn check_checkpoint(
    size: u64,
    root: &Hash,
    stored_root: &[u8],
    note: &str,
    verifier: Option<&NoteVerifier>,
    report: &mut AuditReport,
) {
    if stored_root != root {
        report.finding(format!(
            "log_checkpoints: checkpoint of size {size} names another root than the leaves make"
        ));
    }
    let body = match verifier {
        Some(v) => match v.verify(note) {
            Ok(body) => body,
            Err(_) => {
                report.finding(format!(
                    "log_checkpoints: checkpoint of size {size} is not signed by the log key"
                ));
                return;
            }
        },
        None => note.rfind("\n\n").map_or(note, |i| &note[..i + 1]),
    };
    match Checkpoint::parse(body) {
        Ok(c) if c.size == size && &c.root == root => {}
        _ => report.finding(format!(
            "log_checkpoints: the signed note of size {size} does not match the leaves"
        )),
    }
}
