//! RFC 6962 / RFC 9162 Merkle trees over stored complete-subtree hashes.
//!
//! Storage addresses a hash as (level L, index N): the root of the complete subtree of 2^L
//! leaves that starts at leaf N·2^L — the addressing of C2SP tlog-tiles. A log stores only those
//! hashes, each written once when its subtree becomes complete; roots and proofs for any tree
//! size are computed from O(log n) of them.

use sha2::{Digest, Sha256};
use std::collections::HashMap;

pub type Hash = [u8; 32];

/// A stored hash and its address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StoredHash {
    pub level: u8,
    pub index: u64,
    pub hash: Hash,
}

/// Reads stored hashes by address. A missing address is an error of the implementation.
pub trait HashReader {
    type Error;
    fn read_hash(&mut self, level: u8, index: u64) -> Result<Hash, Self::Error>;
}

/// Why a proof or request was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProofError {
    #[error("index or size out of range")]
    OutOfRange,
    #[error("the proof does not verify")]
    Mismatch,
    #[error("the proof has the wrong length")]
    WrongLength,
}

/// `SHA-256(0x00 || data)`.
pub fn leaf_hash(data: &[u8]) -> Hash {
    let mut h = Sha256::new();
    h.update([0u8]);
    h.update(data);
    h.finalize().into()
}

/// `SHA-256(0x01 || left || right)`.
pub fn node_hash(left: &Hash, right: &Hash) -> Hash {
    let mut h = Sha256::new();
    h.update([1u8]);
    h.update(left);
    h.update(right);
    h.finalize().into()
}

/// The root of the empty tree: SHA-256 of the empty string.
pub fn empty_root() -> Hash {
    Sha256::digest([]).into()
}

/// The hashes to store when `leaves` (leaf hashes) are appended to a tree of `size` leaves:
/// every level-0 hash, and every subtree the batch completes. `reader` is asked only for hashes
/// of the existing tree (at most one per level).
pub fn append<R: HashReader>(
    size: u64,
    leaves: &[Hash],
    reader: &mut R,
) -> Result<Vec<StoredHash>, R::Error> {
    let mut new: HashMap<(u8, u64), Hash> = HashMap::with_capacity(leaves.len() * 2);
    let mut out = Vec::with_capacity(leaves.len() * 2);
    for (k, leaf) in leaves.iter().enumerate() {
        let mut index = size + k as u64;
        let mut level = 0u8;
        let mut hash = *leaf;
        new.insert((0, index), hash);
        out.push(StoredHash { level, index, hash });
        // A right child completes its parent.
        while index % 2 == 1 {
            let left = match new.get(&(level, index - 1)) {
                Some(h) => *h,
                None => reader.read_hash(level, index - 1)?,
            };
            hash = node_hash(&left, &hash);
            level += 1;
            index /= 2;
            new.insert((level, index), hash);
            out.push(StoredHash { level, index, hash });
        }
    }
    Ok(out)
}

/// Largest power of two strictly less than `n` (n ≥ 2).
fn split(n: u64) -> u64 {
    1 << (63 - (n - 1).leading_zeros())
}

/// MTH of leaves `[start, start + len)`, where the range is a node of RFC 6962's decomposition
/// (its left parts are complete, aligned subtrees that are stored).
fn subtree<R: HashReader>(start: u64, len: u64, reader: &mut R) -> Result<Hash, R::Error> {
    if len.is_power_of_two() && start.is_multiple_of(len) {
        return reader.read_hash(len.trailing_zeros() as u8, start / len);
    }
    let k = split(len);
    let left = subtree(start, k, reader)?;
    let right = subtree(start + k, len - k, reader)?;
    Ok(node_hash(&left, &right))
}

/// The root hash of the tree of the first `size` leaves.
pub fn tree_root<R: HashReader>(size: u64, reader: &mut R) -> Result<Hash, R::Error> {
    if size == 0 {
        return Ok(empty_root());
    }
    subtree(0, size, reader)
}

/// RFC 9162 §2.1.3.1 inclusion proof of leaf `index` in the tree of `size` leaves. `None` when
/// the index is outside the tree.
pub fn inclusion_proof<R: HashReader>(
    index: u64,
    size: u64,
    reader: &mut R,
) -> Result<Option<Vec<Hash>>, R::Error> {
    if index >= size {
        return Ok(None);
    }
    let mut proof = Vec::new();
    path(index, 0, size, reader, &mut proof)?;
    Ok(Some(proof))
}

/// PATH(m, D[start:start+n]), appended bottom-up.
fn path<R: HashReader>(
    m: u64,
    start: u64,
    n: u64,
    reader: &mut R,
    proof: &mut Vec<Hash>,
) -> Result<(), R::Error> {
    if n <= 1 {
        return Ok(());
    }
    let k = split(n);
    if m < k {
        path(m, start, k, reader, proof)?;
        proof.push(subtree(start + k, n - k, reader)?);
    } else {
        path(m - k, start + k, n - k, reader, proof)?;
        proof.push(subtree(start, k, reader)?);
    }
    Ok(())
}

/// RFC 9162 §2.1.4.1 consistency proof between the trees of `old` and `new` leaves. `None` when
/// `old > new`. The proof between a size and itself, and from the empty tree, is empty.
pub fn consistency_proof<R: HashReader>(
    old: u64,
    new: u64,
    reader: &mut R,
) -> Result<Option<Vec<Hash>>, R::Error> {
    if old > new {
        return Ok(None);
    }
    let mut proof = Vec::new();
    if old > 0 && old < new {
        subproof(old, 0, new, true, reader, &mut proof)?;
    }
    Ok(Some(proof))
}

/// SUBPROOF(m, D[start:start+n], b).
fn subproof<R: HashReader>(
    m: u64,
    start: u64,
    n: u64,
    whole: bool,
    reader: &mut R,
    proof: &mut Vec<Hash>,
) -> Result<(), R::Error> {
    if m == n {
        if !whole {
            proof.push(subtree(start, n, reader)?);
        }
        return Ok(());
    }
    let k = split(n);
    if m <= k {
        subproof(m, start, k, whole, reader, proof)?;
        proof.push(subtree(start + k, n - k, reader)?);
    } else {
        subproof(m - k, start + k, n - k, false, reader, proof)?;
        proof.push(subtree(start, k, reader)?);
    }
    Ok(())
}

/// RFC 9162 §2.1.3.2: checks that `leaf` is at `index` in the tree of `size` leaves with `root`.
pub fn verify_inclusion(
    leaf: &Hash,
    index: u64,
    size: u64,
    proof: &[Hash],
    root: &Hash,
) -> Result<(), ProofError> {
    if index >= size {
        return Err(ProofError::OutOfRange);
    }
    let (mut f, mut s) = (index, size - 1);
    let mut r = *leaf;
    for p in proof {
        if s == 0 {
            return Err(ProofError::WrongLength);
        }
        if f & 1 == 1 || f == s {
            r = node_hash(p, &r);
            while f & 1 == 0 && f != 0 {
                f >>= 1;
                s >>= 1;
            }
        } else {
            r = node_hash(&r, p);
        }
        f >>= 1;
        s >>= 1;
    }
    if s != 0 {
        return Err(ProofError::WrongLength);
    }
    if &r == root {
        Ok(())
    } else {
        Err(ProofError::Mismatch)
    }
}

/// RFC 9162 §2.1.4.2: checks that the tree of `old` leaves with `old_root` is a prefix of the
/// tree of `new` leaves with `new_root`.
pub fn verify_consistency(
    old: u64,
    new: u64,
    old_root: &Hash,
    new_root: &Hash,
    proof: &[Hash],
) -> Result<(), ProofError> {
    if old > new {
        return Err(ProofError::OutOfRange);
    }
    if old == new || old == 0 {
        if !proof.is_empty() {
            return Err(ProofError::WrongLength);
        }
        return if old == 0 || old_root == new_root {
            Ok(())
        } else {
            Err(ProofError::Mismatch)
        };
    }
    let mut path: Vec<Hash> = Vec::with_capacity(proof.len() + 1);
    if old.is_power_of_two() {
        path.push(*old_root);
    }
    path.extend_from_slice(proof);
    let Some((first, rest)) = path.split_first() else {
        return Err(ProofError::WrongLength);
    };
    let (mut f, mut s) = (old - 1, new - 1);
    while f & 1 == 1 {
        f >>= 1;
        s >>= 1;
    }
    let (mut fr, mut sr) = (*first, *first);
    for c in rest {
        if s == 0 {
            return Err(ProofError::WrongLength);
        }
        if f & 1 == 1 || f == s {
            fr = node_hash(c, &fr);
            sr = node_hash(c, &sr);
            while f & 1 == 0 && f != 0 {
                f >>= 1;
                s >>= 1;
            }
        } else {
            sr = node_hash(&sr, c);
        }
        f >>= 1;
        s >>= 1;
    }
    if s != 0 {
        return Err(ProofError::WrongLength);
    }
    if &fr == old_root && &sr == new_root {
        Ok(())
    } else {
        Err(ProofError::Mismatch)
    }
}
