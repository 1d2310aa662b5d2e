//! Donor identities sealed with XChaCha20-Poly1305 (RustCrypto `chacha20poly1305`): a random
//! 192-bit nonce per record (safe to draw at random, unlike 96-bit nonces), the key in the data
//! directory, and the donation's campaign and `Idempotency-Key` as associated data, so a sealed
//! identity cannot be moved to another donation's row.
//!
//! Sealed layout: `version (1) || nonce (24) || ciphertext || tag (16)`.

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use rand::RngCore;
use twiza_domain::donor::DonorIdentity;

const VERSION: u8 = 1;
const NONCE_LEN: usize = 24;

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("sealed identity cannot be opened")]
pub struct SealError;

/// What a sealed identity is bound to.
fn associated_data(campaign_id: i64, idempotency_key: &str) -> Vec<u8> {
    let mut aad = b"twiza-donor-identity-v1\n".to_vec();
    aad.extend_from_slice(&campaign_id.to_be_bytes());
    aad.extend_from_slice(idempotency_key.as_bytes());
    aad
}

/// Seals a donor's identity for the donation (`campaign_id`, `idempotency_key`).
pub fn seal(
    key: &[u8; 32],
    campaign_id: i64,
    idempotency_key: &str,
    identity: &DonorIdentity,
) -> Result<Vec<u8>, SealError> {
    let plaintext = serde_json::to_vec(identity).map_err(|_| SealError)?;
    let mut nonce = [0u8; NONCE_LEN];
    rand::rngs::OsRng.fill_bytes(&mut nonce);
    let aad = associated_data(campaign_id, idempotency_key);
    let cipher = XChaCha20Poly1305::new(key.into());
    let sealed = cipher
        .encrypt(
            XNonce::from_slice(&nonce),
            Payload {
                msg: &plaintext,
                aad: &aad,
            },
        )
        .map_err(|_| SealError)?;
    let mut out = Vec::with_capacity(1 + NONCE_LEN + sealed.len());
    out.push(VERSION);
    out.extend_from_slice(&nonce);
    out.extend_from_slice(&sealed);
    Ok(out)
}

/// Opens a sealed identity; fails if the key, the binding or a single byte is wrong.
pub fn open(
    key: &[u8; 32],
    campaign_id: i64,
    idempotency_key: &str,
    sealed: &[u8],
) -> Result<DonorIdentity, SealError> {
    let (version, rest) = sealed.split_first().ok_or(SealError)?;
    if *version != VERSION || rest.len() < NONCE_LEN + 16 {
        return Err(SealError);
    }
    let (nonce, ciphertext) = rest.split_at(NONCE_LEN);
    let aad = associated_data(campaign_id, idempotency_key);
    let cipher = XChaCha20Poly1305::new(key.into());
    let plaintext = cipher
        .decrypt(
            XNonce::from_slice(nonce),
            Payload {
                msg: ciphertext,
                aad: &aad,
            },
        )
        .map_err(|_| SealError)?;
    serde_json::from_slice(&plaintext).map_err(|_| SealError)
}

#[cfg(test)]
mod tests {
    use super::*;
    use twiza_domain::donor::IdDocument;

    fn someone() -> DonorIdentity {
        DonorIdentity {
            full_name: "Youssef Amrani".into(),
            document: IdDocument::Cin("BE123456".into()),
            country: "MA".into(),
        }
    }

    #[test]
    fn seals_and_opens_bound_to_its_donation() {
        let key = [9; 32];
        let a = seal(&key, 1, "key-0001", &someone()).unwrap();
        let b = seal(&key, 1, "key-0001", &someone()).unwrap();
        assert_ne!(a, b, "a fresh nonce each time");
        assert!(!a.windows(8).any(|w| w == b"BE123456"), "no plaintext");
        assert_eq!(open(&key, 1, "key-0001", &a).unwrap(), someone());
        assert_eq!(open(&[8; 32], 1, "key-0001", &a), Err(SealError));
        assert_eq!(open(&key, 2, "key-0001", &a), Err(SealError));
        assert_eq!(open(&key, 1, "key-0002", &a), Err(SealError));
        let mut tampered = a.clone();
        let last = tampered.len() - 1;
        tampered[last] ^= 1;
        assert_eq!(open(&key, 1, "key-0001", &tampered), Err(SealError));
        assert_eq!(open(&key, 1, "key-0001", &[]), Err(SealError));
    }
}
