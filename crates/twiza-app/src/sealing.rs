//! Typed values sealed at rest (donor identities, need contacts) through the one personal-data
//! scheme of `twiza_store::PersonalDataKeys` (XChaCha20-Poly1305, numbered keys, each value
//! bound to its row), and the re-sealing of everything sealed after a key rotation.

use serde::de::DeserializeOwned;
use serde::Serialize;
use twiza_domain::donor::DonorIdentity;
use twiza_store::{PersonalDataKeys, Resealed, Store};

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("sealed value cannot be opened")]
pub struct SealError;

/// Seals `value` (as JSON) bound to `binding` with the current key.
pub fn seal_json<T: Serialize>(
    keys: &PersonalDataKeys,
    binding: &[u8],
    value: &T,
) -> Result<Vec<u8>, SealError> {
    let plain = serde_json::to_string(value).map_err(|_| SealError)?;
    Ok(keys.seal(binding, &plain))
}

/// Opens a sealed value; fails if the key, the binding or a single byte is wrong.
pub fn open_json<T: DeserializeOwned>(
    keys: &PersonalDataKeys,
    binding: &[u8],
    sealed: &[u8],
) -> Result<T, SealError> {
    let plain = keys.open(binding, sealed).map_err(|_| SealError)?;
    serde_json::from_str(&plain).map_err(|_| SealError)
}

/// Seals a donor's identity for the donation (`campaign_id`, `idempotency_key`).
pub fn seal_donor_identity(
    keys: &PersonalDataKeys,
    campaign_id: i64,
    idempotency_key: &str,
    identity: &DonorIdentity,
) -> Result<Vec<u8>, SealError> {
    let binding = twiza_store::donor_identity_binding(campaign_id, idempotency_key);
    seal_json(keys, &binding, identity)
}

/// Opens a donation's sealed donor identity.
pub fn open_donor_identity(
    keys: &PersonalDataKeys,
    campaign_id: i64,
    idempotency_key: &str,
    sealed: &[u8],
) -> Result<DonorIdentity, SealError> {
    let binding = twiza_store::donor_identity_binding(campaign_id, idempotency_key);
    open_json(keys, &binding, sealed)
}

/// What one re-sealing changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ResealReport {
    /// Persons of the registry whose identifiers were re-sealed.
    pub persons: u64,
    pub values: Resealed,
}

/// Re-seals with the current key everything an older key (or the legacy layout) sealed: the
/// registry's identifiers, payee accounts, donor identities, need contacts, alert and
/// grievance phones, and volunteers' CIN, phone and emergency contact. What
/// `twiza registry reseal` runs after `twiza registry rotate-key`.
pub async fn reseal(
    store: &Store,
    keys: &PersonalDataKeys,
) -> Result<ResealReport, twiza_store::StoreError> {
    const BATCH: i64 = 1000;
    let persons = store.reseal_personal_data(keys, BATCH).await?;
    let values = store.reseal_sealed_values(keys, BATCH).await?;
    Ok(ResealReport { persons, values })
}

/// Re-seals the donor identities and need contacts still in the legacy single-key layout with
/// the current personal-data key; a value that does not open is left and counted. `twiza
/// serve` runs it in the background at start-up (reads open legacy values meanwhile); it
/// finds nothing once they have all moved.
pub async fn reseal_legacy(
    store: &Store,
    keys: &PersonalDataKeys,
) -> Result<Resealed, twiza_store::StoreError> {
    store.reseal_legacy_values(keys, 1000).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use twiza_domain::donor::IdDocument;

    fn keys(ids: &[u32]) -> PersonalDataKeys {
        let sealing = ids.iter().map(|&i| (i, [i as u8; 32])).collect();
        PersonalDataKeys::new(sealing, [9; 32]).unwrap()
    }

    fn someone() -> DonorIdentity {
        DonorIdentity {
            full_name: "Youssef Amrani".into(),
            document: IdDocument::Cin("BE123456".into()),
            country: "MA".into(),
        }
    }

    #[test]
    fn a_sealed_value_opens_only_with_its_key_and_binding() {
        let k = keys(&[1]);
        let sealed = seal_json(&k, b"row-1", &"0612345678").unwrap();
        assert!(!sealed.windows(10).any(|w| w == b"0612345678"));
        assert_eq!(
            open_json::<String>(&k, b"row-1", &sealed).unwrap(),
            "0612345678"
        );
        assert!(open_json::<String>(&k, b"row-2", &sealed).is_err());
        let other = PersonalDataKeys::new([(1, [8; 32])].into(), [9; 32]).unwrap();
        assert!(open_json::<String>(&other, b"row-1", &sealed).is_err());
        let mut flipped = sealed.clone();
        let last = flipped.len() - 1;
        flipped[last] ^= 1;
        assert!(open_json::<String>(&k, b"row-1", &flipped).is_err());
    }

    #[test]
    fn a_donor_identity_is_bound_to_its_donation_and_survives_rotation() {
        let k = keys(&[1]);
        let a = seal_donor_identity(&k, 1, "key-0001", &someone()).unwrap();
        let b = seal_donor_identity(&k, 1, "key-0001", &someone()).unwrap();
        assert_ne!(a, b, "a fresh nonce per seal");
        assert_eq!(
            open_donor_identity(&k, 1, "key-0001", &a).unwrap(),
            someone()
        );
        assert_eq!(open_donor_identity(&k, 2, "key-0001", &a), Err(SealError));
        assert_eq!(open_donor_identity(&k, 1, "key-0002", &a), Err(SealError));
        assert_eq!(open_donor_identity(&k, 1, "key-0001", &[]), Err(SealError));
        let rotated = keys(&[1, 2]);
        assert_eq!(
            open_donor_identity(&rotated, 1, "key-0001", &a).unwrap(),
            someone()
        );
        let c = seal_donor_identity(&rotated, 1, "key-0001", &someone()).unwrap();
        assert_eq!(PersonalDataKeys::key_id_of(&c), Some(2));
    }
}
