//! Keys for personal data at rest: sealing (XChaCha20-Poly1305, a random 192-bit nonce per
//! value, the value bound to its row and field) with numbered keys so they can be rotated, and
//! keyed blind indexes (HMAC-SHA-256 of the normalized value) for exact lookup without the
//! value. The keys live outside the database (the data directory) and are handed to the store
//! by the caller; they never print.
//!
//! Everything sealed uses this one scheme: registry identifiers, payee accounts, donor
//! identities and the contacts of reported needs. Each kind of value has its binding below.
//!
//! Sealed layout: `2 (version) || key id (4, big-endian) || nonce (24) || ciphertext || tag (16)`.
//! Version 1 (`1 || nonce (24) || ciphertext || tag`, one key and no id) sealed donor identities
//! and need contacts before the scheme was shared; [`PersonalDataKeys::open`] still reads it
//! with the legacy key when one is given ([`PersonalDataKeys::with_legacy`]), so that
//! `Store::reseal_sealed_values` can re-seal such values.

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use hmac::{Hmac, Mac};
use rand::RngCore;
use sha2::Sha256;
use std::collections::BTreeMap;
use std::fmt;

const VERSION: u8 = 2;
const NONCE_LEN: usize = 24;
const HEADER_LEN: usize = 1 + 4 + NONCE_LEN;

/// The personal-data keys: sealing keys by id (the highest seals new values) and the blind
/// index key.
#[derive(Clone)]
pub struct PersonalDataKeys {
    sealing: BTreeMap<u32, [u8; 32]>,
    index: [u8; 32],
    /// The single key of the legacy layout, to open values not yet re-sealed.
    legacy: Option<[u8; 32]>,
}

impl fmt::Debug for PersonalDataKeys {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PersonalDataKeys")
            .field("sealing_key_ids", &self.sealing.keys().collect::<Vec<_>>())
            .finish_non_exhaustive()
    }
}

/// A sealed value could not be opened (wrong key, row, field, or a changed byte).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("a sealed personal-data value cannot be opened")]
pub struct OpenError;

impl PersonalDataKeys {
    /// `sealing` must hold at least one key.
    pub fn new(sealing: BTreeMap<u32, [u8; 32]>, index: [u8; 32]) -> Option<PersonalDataKeys> {
        (!sealing.is_empty()).then_some(PersonalDataKeys {
            sealing,
            index,
            legacy: None,
        })
    }

    /// Also opens values in the legacy single-key layout, sealed with `key`.
    pub fn with_legacy(mut self, key: [u8; 32]) -> PersonalDataKeys {
        self.legacy = Some(key);
        self
    }

    /// The id of the key that seals new values.
    pub fn current_id(&self) -> u32 {
        self.sealing.keys().next_back().copied().unwrap_or(0)
    }

    /// Seals `value` bound to `binding` (which names the row and the field) with the current key.
    pub fn seal(&self, binding: &[u8], value: &str) -> Vec<u8> {
        self.seal_bytes(binding, value.as_bytes())
    }

    /// Seals bytes (a file) bound to `binding` with the current key.
    pub fn seal_bytes(&self, binding: &[u8], value: &[u8]) -> Vec<u8> {
        let id = self.current_id();
        let Some(key) = self.sealing.get(&id) else {
            return Vec::new();
        };
        let mut nonce = [0u8; NONCE_LEN];
        rand::rngs::OsRng.fill_bytes(&mut nonce);
        let cipher = XChaCha20Poly1305::new(key.into());
        // Encryption with a valid key and nonce length cannot fail; an empty result would not
        // open, so it is never taken for a value.
        let sealed = cipher
            .encrypt(
                XNonce::from_slice(&nonce),
                Payload {
                    msg: value,
                    aad: binding,
                },
            )
            .unwrap_or_default();
        let mut out = Vec::with_capacity(HEADER_LEN + sealed.len());
        out.push(VERSION);
        out.extend_from_slice(&id.to_be_bytes());
        out.extend_from_slice(&nonce);
        out.extend_from_slice(&sealed);
        out
    }

    /// The key id a sealed value was sealed with.
    pub fn key_id_of(sealed: &[u8]) -> Option<u32> {
        (sealed.len() >= HEADER_LEN && sealed[0] == VERSION)
            .then(|| u32::from_be_bytes([sealed[1], sealed[2], sealed[3], sealed[4]]))
    }

    /// Opens a sealed value with whichever key sealed it (the legacy key for the legacy
    /// layout).
    pub fn open(&self, binding: &[u8], sealed: &[u8]) -> Result<String, OpenError> {
        if is_legacy(sealed) {
            let key = self.legacy.as_ref().ok_or(OpenError)?;
            return open_legacy(key, binding, sealed);
        }
        String::from_utf8(self.open_bytes(binding, sealed)?).map_err(|_| OpenError)
    }

    /// Opens bytes sealed by [`PersonalDataKeys::seal_bytes`].
    pub fn open_bytes(&self, binding: &[u8], sealed: &[u8]) -> Result<Vec<u8>, OpenError> {
        let id = Self::key_id_of(sealed).ok_or(OpenError)?;
        let key = self.sealing.get(&id).ok_or(OpenError)?;
        let nonce = &sealed[5..HEADER_LEN];
        let cipher = XChaCha20Poly1305::new(key.into());
        let plain = cipher
            .decrypt(
                XNonce::from_slice(nonce),
                Payload {
                    msg: &sealed[HEADER_LEN..],
                    aad: binding,
                },
            )
            .map_err(|_| OpenError)?;
        Ok(plain)
    }

    /// The blind index of a normalized value of `kind` (`cin`, `phone`, `idcs`): 128 bits of
    /// HMAC-SHA-256, hex. Equal values give equal indexes across associations; without the key
    /// the index says nothing of the value.
    pub fn blind_index(&self, kind: &str, value: &str) -> String {
        // HMAC accepts keys of any length.
        let Ok(mut mac) = <Hmac<Sha256> as Mac>::new_from_slice(&self.index) else {
            return String::new();
        };
        mac.update(b"twiza-blind-index-v1\n");
        mac.update(kind.as_bytes());
        mac.update(b"\n");
        mac.update(value.as_bytes());
        hex::encode(&mac.finalize().into_bytes()[..16])
    }
}

/// What a person's sealed field is bound to: its row's reference and the field.
pub fn person_binding(reference: &str, field: &str) -> Vec<u8> {
    let mut b = Vec::with_capacity(32 + reference.len());
    b.extend_from_slice(b"twiza-person-v1\n");
    b.extend_from_slice(field.as_bytes());
    b.push(b'\n');
    b.extend_from_slice(reference.as_bytes());
    b
}

/// What a payee's sealed account is bound to: its household's reference.
pub fn payee_binding(household_reference: &str) -> Vec<u8> {
    person_binding(household_reference, "payee_account")
}

/// What a donor's sealed identity is bound to: its donation's campaign and `Idempotency-Key`.
pub fn donor_identity_binding(campaign_id: i64, idempotency_key: &str) -> Vec<u8> {
    let mut b = b"twiza-donor-identity-v1\n".to_vec();
    b.extend_from_slice(&campaign_id.to_be_bytes());
    b.extend_from_slice(idempotency_key.as_bytes());
    b
}

/// What a need's sealed contact is bound to: its public reference.
pub fn need_contact_binding(reference: &str) -> Vec<u8> {
    let mut b = b"twiza-need-contact-v1\n".to_vec();
    b.extend_from_slice(reference.as_bytes());
    b
}

/// What the complainant's sealed phone on a grievance filed from a phone is bound to: the
/// filing's key (`ussd:<session>`, `sms:<gateway>:<message id>`), known before the insert that
/// gives the grievance its id, and unique among grievances.
pub fn grievance_phone_binding(filing_key: &str) -> Vec<u8> {
    let mut b = b"twiza-grievance-phone-v1\n".to_vec();
    b.extend_from_slice(filing_key.as_bytes());
    b
}

/// What a volunteer's sealed field (`cin`, `phone`, `emergency`) is bound to: the profile's
/// `V-<id>` reference and the field.
pub fn volunteer_binding(reference: &str, field: &str) -> Vec<u8> {
    let mut b = b"twiza-volunteer-v1\n".to_vec();
    b.extend_from_slice(field.as_bytes());
    b.push(b'\n');
    b.extend_from_slice(reference.as_bytes());
    b
}

pub(crate) const LEGACY_VERSION: u8 = 1;

/// Whether a value is sealed in the legacy version 1 layout.
pub(crate) fn is_legacy(sealed: &[u8]) -> bool {
    sealed.first() == Some(&LEGACY_VERSION)
}

/// Opens a value sealed in the legacy version 1 layout with its single key.
fn open_legacy(key: &[u8; 32], binding: &[u8], sealed: &[u8]) -> Result<String, OpenError> {
    let rest = sealed
        .strip_prefix(&[LEGACY_VERSION])
        .filter(|r| r.len() >= NONCE_LEN + 16)
        .ok_or(OpenError)?;
    let (nonce, ciphertext) = rest.split_at(NONCE_LEN);
    let plain = XChaCha20Poly1305::new(key.into())
        .decrypt(
            XNonce::from_slice(nonce),
            Payload {
                msg: ciphertext,
                aad: binding,
            },
        )
        .map_err(|_| OpenError)?;
    String::from_utf8(plain).map_err(|_| OpenError)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(ids: &[u32]) -> PersonalDataKeys {
        let sealing = ids.iter().map(|&i| (i, [i as u8; 32])).collect();
        PersonalDataKeys::new(sealing, [9; 32]).unwrap()
    }

    #[test]
    fn seal_open_and_rotate() {
        let old = keys(&[1]);
        let sealed = old.seal(b"row-a", "BE819283");
        assert_eq!(PersonalDataKeys::key_id_of(&sealed), Some(1));
        assert!(!sealed.windows(8).any(|w| w == b"BE819283"));
        assert_eq!(old.open(b"row-a", &sealed).unwrap(), "BE819283");
        assert_eq!(old.open(b"row-b", &sealed), Err(OpenError));
        let mut changed = sealed.clone();
        *changed.last_mut().unwrap() ^= 1;
        assert_eq!(old.open(b"row-a", &changed), Err(OpenError));
        // After rotation new values use key 2 and old ones still open.
        let rotated = keys(&[1, 2]);
        assert_eq!(rotated.current_id(), 2);
        assert_eq!(rotated.open(b"row-a", &sealed).unwrap(), "BE819283");
        let resealed = rotated.seal(b"row-a", "BE819283");
        assert_eq!(PersonalDataKeys::key_id_of(&resealed), Some(2));
        assert_eq!(old.open(b"row-a", &resealed), Err(OpenError));
        assert!(format!("{rotated:?}").contains("[1, 2]"));
    }

    #[test]
    fn blind_indexes_are_keyed_and_separate_kinds() {
        let k = keys(&[1]);
        assert_eq!(k.blind_index("cin", "BE1"), k.blind_index("cin", "BE1"));
        assert_ne!(k.blind_index("cin", "BE1"), k.blind_index("idcs", "BE1"));
        let other = PersonalDataKeys::new([(1, [1; 32])].into(), [8; 32]).unwrap();
        assert_ne!(k.blind_index("cin", "BE1"), other.blind_index("cin", "BE1"));
        assert_eq!(k.blind_index("cin", "BE1").len(), 32);
    }
}
