//! Transparency-log primitives, pure and without I/O: RFC 6962/9162 Merkle tree hashing, roots
//! and proofs computed from stored complete-subtree hashes, batch appends, and the verifiers.

pub mod merkle;
pub mod note;

pub use merkle::{
    append, consistency_proof, empty_root, inclusion_proof, leaf_hash, node_hash, tree_root,
    verify_consistency, verify_inclusion, Hash, HashReader, ProofError, StoredHash,
};
pub use note::{Checkpoint, NoteError, NoteSigner, NoteVerifier};
