//! Personal data sealed at rest with XChaCha20-Poly1305 (RustCrypto `chacha20poly1305`): a
//! random 192-bit nonce per record (safe to draw at random, unlike 96-bit nonces), the key in
//! the data directory (never in the database), and associated data binding each record to its
//! row, so a sealed value cannot be moved to another row. Donor identities and the contacts of
//! reported needs are sealed this way.
//!
//! Sealed layout: `version (1) || nonce (24) || ciphertext || tag (16)`.

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use rand::RngCore;
use serde::de::DeserializeOwned;
use serde::Serialize;

const VERSION: u8 = 1;
const NONCE_LEN: usize = 24;

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("sealed value cannot be opened")]
pub struct SealError;

/// Seals `value` (as JSON) bound to `binding`.
pub fn seal_json<T: Serialize>(
    key: &[u8; 32],
    binding: &[u8],
    value: &T,
) -> Result<Vec<u8>, SealError> {
    let plaintext = serde_json::to_vec(value).map_err(|_| SealError)?;
    let mut nonce = [0u8; NONCE_LEN];
    rand::rngs::OsRng.fill_bytes(&mut nonce);
    let cipher = XChaCha20Poly1305::new(key.into());
    let sealed = cipher
        .encrypt(
            XNonce::from_slice(&nonce),
            Payload {
                msg: &plaintext,
                aad: binding,
            },
        )
        .map_err(|_| SealError)?;
    let mut out = Vec::with_capacity(1 + NONCE_LEN + sealed.len());
    out.push(VERSION);
    out.extend_from_slice(&nonce);
    out.extend_from_slice(&sealed);
    Ok(out)
}

/// Opens a sealed value; fails if the key, the binding or a single byte is wrong.
pub fn open_json<T: DeserializeOwned>(
    key: &[u8; 32],
    binding: &[u8],
    sealed: &[u8],
) -> Result<T, SealError> {
    let (version, rest) = sealed.split_first().ok_or(SealError)?;
    if *version != VERSION || rest.len() < NONCE_LEN + 16 {
        return Err(SealError);
    }
    let (nonce, ciphertext) = rest.split_at(NONCE_LEN);
    let cipher = XChaCha20Poly1305::new(key.into());
    let plaintext = cipher
        .decrypt(
            XNonce::from_slice(nonce),
            Payload {
                msg: ciphertext,
                aad: binding,
            },
        )
        .map_err(|_| SealError)?;
    serde_json::from_slice(&plaintext).map_err(|_| SealError)
}

/// What a need's sealed contact is bound to: its public reference.
pub fn need_contact_binding(reference: &str) -> Vec<u8> {
    let mut aad = b"twiza-need-contact-v1\n".to_vec();
    aad.extend_from_slice(reference.as_bytes());
    aad
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sealed_value_opens_only_with_its_key_and_binding() {
        let key = [7u8; 32];
        let sealed = seal_json(&key, b"row-1", &"0612345678").unwrap();
        assert!(!sealed.windows(10).any(|w| w == b"0612345678"));
        assert_eq!(
            open_json::<String>(&key, b"row-1", &sealed).unwrap(),
            "0612345678"
        );
        assert!(open_json::<String>(&key, b"row-2", &sealed).is_err());
        assert!(open_json::<String>(&[8u8; 32], b"row-1", &sealed).is_err());
        let mut flipped = sealed.clone();
        let last = flipped.len() - 1;
        flipped[last] ^= 1;
        assert!(open_json::<String>(&key, b"row-1", &flipped).is_err());
    }
}
