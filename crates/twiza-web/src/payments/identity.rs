//! Donor identities, sealed (see `crate::sealing`) with the donation's campaign and
//! `Idempotency-Key` as associated data, so a sealed identity cannot be moved to another
//! donation's row.

pub use twiza_app::sealing::SealError;
use twiza_app::sealing::{open_json, seal_json};
use twiza_domain::donor::DonorIdentity;

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
    seal_json(
        key,
        &associated_data(campaign_id, idempotency_key),
        identity,
    )
}

/// Opens a sealed identity; fails if the key, the binding or a single byte is wrong.
pub fn open(
    key: &[u8; 32],
    campaign_id: i64,
    idempotency_key: &str,
    sealed: &[u8],
) -> Result<DonorIdentity, SealError> {
    open_json(key, &associated_data(campaign_id, idempotency_key), sealed)
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
