//! Accounts: password hashes (argon2id), random secrets and API tokens — what signing up,
//! signing in and issuing a token do, whichever face asks.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use base64::Engine;
use rand::RngCore;
use sha2::{Digest, Sha256};
use twiza_domain::ids::TokenId;
use twiza_domain::UserId;

/// A password could not be hashed (the hashing thread failed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the password could not be hashed")]
pub struct HashError;

/// A fresh random secret of 256 bits, URL-safe.
pub fn new_secret() -> String {
    let mut bytes = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// The SHA-256 of a secret, in hex: how session and API tokens are stored.
pub fn sha256_hex(value: &str) -> String {
    hex::encode(Sha256::digest(value.as_bytes()))
}

/// Hashes a password with argon2id (OWASP parameters: 19 MiB, 2 passes), off the async threads.
pub async fn hash_password(password: String) -> Result<String, HashError> {
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut argon2::password_hash::rand_core::OsRng);
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|h| h.to_string())
    })
    .await
    .map_err(|_| HashError)?
    .map_err(|_| HashError)
}

/// A hash of a password nobody knows, of the same cost as a real one, verified when the account
/// does not exist so that timing does not reveal which e-mail addresses have accounts.
const STAND_IN_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$2Yc8mCIhQ/bz8UYRP3BZMsnNQJpHX2nRhWXw0h+x3Mo";

/// Whether `password` matches `hash`; without a usable hash (no such account, or an account
/// whose holder has not set a password yet) the stand-in is checked all the same and the answer
/// is `false`, so the time taken tells neither apart.
pub async fn verify_password(password: String, hash: Option<String>) -> bool {
    tokio::task::spawn_blocking(move || {
        let usable = hash.filter(|h| PasswordHash::new(h).is_ok());
        let known = usable.is_some();
        let hash = usable.unwrap_or_else(|| STAND_IN_HASH.to_owned());
        let ok = PasswordHash::new(&hash)
            .map(|parsed| {
                Argon2::default()
                    .verify_password(password.as_bytes(), &parsed)
                    .is_ok()
            })
            .unwrap_or(false);
        known && ok
    })
    .await
    .unwrap_or(false)
}

/// Issues an API token for `user`: returns the secret (shown once, stored only as its hash)
/// and its id.
pub async fn issue_api_token(
    store: &twiza_store::Store,
    user: UserId,
    label: &str,
) -> Result<(String, TokenId), twiza_store::StoreError> {
    let token = format!("twz_{}", new_secret());
    let prefix: String = token.chars().take(10).collect();
    let id = store
        .create_api_token(user, &sha256_hex(&token), label, &prefix)
        .await?;
    Ok((token, id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn passwords_hash_and_verify() {
        let hash = hash_password("correct horse battery".into()).await.unwrap();
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_password("correct horse battery".into(), Some(hash.clone())).await);
        assert!(!verify_password("wrong".into(), Some(hash)).await);
        assert!(!verify_password("anything".into(), None).await);
        assert!(!verify_password("!unset".into(), Some("!unset".into())).await);
    }

    #[test]
    fn the_stand_in_hash_costs_what_a_real_one_costs() {
        let stand_in = PasswordHash::new(STAND_IN_HASH).expect("a valid argon2 hash");
        let params = argon2::Params::try_from(&stand_in).expect("params");
        assert_eq!(stand_in.algorithm, argon2::Algorithm::Argon2id.ident());
        let real = argon2::Params::default();
        assert_eq!(
            (params.m_cost(), params.t_cost(), params.p_cost()),
            (real.m_cost(), real.t_cost(), real.p_cost())
        );
    }
}
