//! Tests of the Merkle tree: the RFC 6962 test vectors, and proofs from stored hashes checked
//! against a naive recursive implementation of the RFC's definitions.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashMap;
use std::convert::Infallible;
use twiza_tlog::*;

/// Stored hashes in memory.
#[derive(Default)]
struct Memory(HashMap<(u8, u64), Hash>);

impl HashReader for Memory {
    type Error = Infallible;
    fn read_hash(&mut self, level: u8, index: u64) -> Result<Hash, Infallible> {
        Ok(*self
            .0
            .get(&(level, index))
            .unwrap_or_else(|| panic!("missing ({level}, {index})")))
    }
}

impl Memory {
    fn append(&mut self, size: u64, leaves: &[Hash]) {
        for s in append(size, leaves, self).unwrap() {
            assert!(
                self.0.insert((s.level, s.index), s.hash).is_none(),
                "stored twice"
            );
        }
    }
}

fn hex(h: &Hash) -> String {
    h.iter().map(|b| format!("{b:02x}")).collect()
}

/// The leaves of the RFC 6962 test data used across Certificate Transparency implementations.
fn vector_leaves() -> Vec<Vec<u8>> {
    [
        "",
        "00",
        "10",
        "2021",
        "3031",
        "40414243",
        "5051525354555657",
        "606162636465666768696a6b6c6d6e6f",
    ]
    .iter()
    .map(|h| {
        (0..h.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&h[i..i + 2], 16).unwrap())
            .collect()
    })
    .collect()
}

#[test]
fn rfc6962_roots() {
    let expected = [
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ];
    let mut m = Memory::default();
    for (i, leaf) in vector_leaves().iter().enumerate() {
        m.append(i as u64, &[leaf_hash(leaf)]);
        assert_eq!(
            hex(&tree_root(i as u64 + 1, &mut m).unwrap()),
            expected[i],
            "size {}",
            i + 1
        );
    }
    assert_eq!(
        hex(&empty_root()),
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    );
}

/// MTH by the RFC's recursive definition.
fn naive_root(leaves: &[Hash]) -> Hash {
    match leaves.len() {
        0 => empty_root(),
        1 => leaves[0],
        n => {
            let k = 1 << (63 - ((n as u64) - 1).leading_zeros());
            node_hash(&naive_root(&leaves[..k]), &naive_root(&leaves[k..]))
        }
    }
}

fn naive_path(m: usize, leaves: &[Hash]) -> Vec<Hash> {
    let n = leaves.len();
    if n <= 1 {
        return vec![];
    }
    let k = 1 << (63 - ((n as u64) - 1).leading_zeros());
    if m < k {
        let mut p = naive_path(m, &leaves[..k]);
        p.push(naive_root(&leaves[k..]));
        p
    } else {
        let mut p = naive_path(m - k, &leaves[k..]);
        p.push(naive_root(&leaves[..k]));
        p
    }
}

fn naive_subproof(m: usize, leaves: &[Hash], whole: bool) -> Vec<Hash> {
    let n = leaves.len();
    if m == n {
        return if whole {
            vec![]
        } else {
            vec![naive_root(leaves)]
        };
    }
    let k = 1 << (63 - ((n as u64) - 1).leading_zeros());
    if m <= k {
        let mut p = naive_subproof(m, &leaves[..k], whole);
        p.push(naive_root(&leaves[k..]));
        p
    } else {
        let mut p = naive_subproof(m - k, &leaves[k..], false);
        p.push(naive_root(&leaves[..k]));
        p
    }
}

/// A small deterministic generator (no extra crates).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, bound: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % bound.max(1)
    }
}

#[test]
fn proofs_from_stored_hashes_match_the_rfc_and_verify() {
    let leaves: Vec<Hash> = (0..300u32).map(|i| leaf_hash(&i.to_be_bytes())).collect();
    let mut m = Memory::default();
    let mut rng = Lcg(42);
    let mut size = 0usize;
    // Append in random batches.
    while size < leaves.len() {
        let batch = (rng.next(17) as usize + 1).min(leaves.len() - size);
        m.append(size as u64, &leaves[size..size + batch]);
        size += batch;
    }
    for n in 1..=leaves.len() {
        let root = tree_root(n as u64, &mut m).unwrap();
        assert_eq!(root, naive_root(&leaves[..n]), "root {n}");
        for i in [0, n / 3, n / 2, n - 1] {
            let proof = inclusion_proof(i as u64, n as u64, &mut m)
                .unwrap()
                .unwrap();
            assert_eq!(proof, naive_path(i, &leaves[..n]), "path {i} in {n}");
            verify_inclusion(&leaves[i], i as u64, n as u64, &proof, &root).unwrap();
            if !proof.is_empty() {
                let mut bad = proof.clone();
                bad[0][0] ^= 1;
                assert!(verify_inclusion(&leaves[i], i as u64, n as u64, &bad, &root).is_err());
                assert!(
                    verify_inclusion(&leaves[i], i as u64, n as u64, &proof[1..], &root).is_err()
                );
            }
            if n > 1 {
                let other = (i + 1) % n;
                assert!(
                    verify_inclusion(&leaves[i], other as u64, n as u64, &proof, &root).is_err()
                );
            }
        }
        for old in [1, n / 2, n.saturating_sub(1), n] {
            if old == 0 {
                continue;
            }
            let old_root = tree_root(old as u64, &mut m).unwrap();
            let proof = consistency_proof(old as u64, n as u64, &mut m)
                .unwrap()
                .unwrap();
            let expected = if old == n {
                vec![]
            } else {
                naive_subproof(old, &leaves[..n], true)
            };
            assert_eq!(proof, expected, "consistency {old} → {n}");
            verify_consistency(old as u64, n as u64, &old_root, &root, &proof).unwrap();
            if !proof.is_empty() {
                let mut bad = proof.clone();
                let last = bad.len() - 1;
                bad[last][5] ^= 0x80;
                assert!(verify_consistency(old as u64, n as u64, &old_root, &root, &bad).is_err());
                let wrong_old = leaf_hash(b"forged");
                assert!(
                    verify_consistency(old as u64, n as u64, &wrong_old, &root, &proof).is_err()
                );
            }
        }
    }
    assert_eq!(inclusion_proof(5, 5, &mut m).unwrap(), None);
    assert_eq!(consistency_proof(6, 5, &mut m).unwrap(), None);
    assert_eq!(
        verify_inclusion(&leaves[0], 3, 3, &[], &leaves[0]),
        Err(ProofError::OutOfRange)
    );
}

#[test]
fn batch_appends_store_the_same_hashes_as_single_appends() {
    let leaves: Vec<Hash> = (0..1000u32).map(|i| leaf_hash(&i.to_le_bytes())).collect();
    let mut one = Memory::default();
    for (i, l) in leaves.iter().enumerate() {
        one.append(i as u64, std::slice::from_ref(l));
    }
    let mut batched = Memory::default();
    let mut rng = Lcg(7);
    let mut size = 0;
    while size < leaves.len() {
        let batch = (rng.next(300) as usize + 1).min(leaves.len() - size);
        batched.append(size as u64, &leaves[size..size + batch]);
        size += batch;
    }
    assert_eq!(one.0, batched.0);
    // Exactly the complete subtrees: 2n − popcount(n) hashes.
    assert_eq!(one.0.len(), 2 * 1000 - 1000u32.count_ones() as usize);
}

fn unhex(s: &str) -> Hash {
    let bytes: Vec<u8> = (0..64)
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect();
    bytes.try_into().unwrap()
}

/// The eight RFC 6962 test leaves, stored.
fn vector_tree() -> (Memory, Vec<Hash>) {
    let hashes: Vec<Hash> = vector_leaves().iter().map(|l| leaf_hash(l)).collect();
    let mut memory = Memory::default();
    memory.append(0, &hashes);
    (memory, hashes)
}

/// The inclusion proofs published with transparency-dev/merkle's RFC 6962 test data: ours are
/// the same hashes, and they verify.
#[test]
fn transparency_dev_inclusion_vectors() {
    let vectors: &[(u64, u64, &[&str])] = &[
        (0, 1, &[]),
        (
            0,
            8,
            &[
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
            ],
        ),
        (
            5,
            8,
            &[
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            ],
        ),
        (
            2,
            3,
            &["fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"],
        ),
        (
            1,
            5,
            &[
                "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            ],
        ),
    ];
    let (mut memory, leaves) = vector_tree();
    for (index, size, expected) in vectors {
        let expected: Vec<Hash> = expected.iter().map(|h| unhex(h)).collect();
        let proof = inclusion_proof(*index, *size, &mut memory)
            .unwrap()
            .unwrap();
        assert_eq!(proof, expected, "inclusion of {index} in {size}");
        let root = tree_root(*size, &mut memory).unwrap();
        verify_inclusion(&leaves[*index as usize], *index, *size, &proof, &root).unwrap();
        if let Some(first) = proof.first() {
            let mut bad = proof.clone();
            bad[0][0] ^= 1;
            assert!(
                verify_inclusion(&leaves[*index as usize], *index, *size, &bad, &root).is_err()
            );
            assert_ne!(first, &[0; 32]);
        }
    }
}

/// The consistency proofs of the same test data.
#[test]
fn transparency_dev_consistency_vectors() {
    let vectors: &[(u64, u64, &[&str])] = &[
        (1, 1, &[]),
        (
            1,
            8,
            &[
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
            ],
        ),
        (
            6,
            8,
            &[
                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            ],
        ),
        (
            2,
            5,
            &[
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            ],
        ),
        (
            6,
            7,
            &[
                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            ],
        ),
    ];
    let (mut memory, _) = vector_tree();
    for (old, new, expected) in vectors {
        let expected: Vec<Hash> = expected.iter().map(|h| unhex(h)).collect();
        let proof = consistency_proof(*old, *new, &mut memory).unwrap().unwrap();
        assert_eq!(proof, expected, "consistency of {old} and {new}");
        let old_root = tree_root(*old, &mut memory).unwrap();
        let new_root = tree_root(*new, &mut memory).unwrap();
        verify_consistency(*old, *new, &old_root, &new_root, &proof).unwrap();
        if !proof.is_empty() {
            let mut bad = proof.clone();
            let last = bad.len() - 1;
            bad[last][31] ^= 0x80;
            assert!(verify_consistency(*old, *new, &old_root, &new_root, &bad).is_err());
        }
    }
}
