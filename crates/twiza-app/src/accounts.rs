//! Accounts: password hashes (argon2id), random secrets, API tokens and one-time password
//! links — what signing up, signing in, issuing a token and resetting a password do, whichever
//! face asks.

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

/// How long a password link works.
pub const PASSWORD_LINK_SECS: i64 = 3600;
/// Password links one address may ask for, for every account together, per window.
const LINKS_PER_CLIENT: i64 = 10;
/// Password links sent to one account per window, whoever asks (more are silently not sent).
const LINKS_PER_ACCOUNT: i64 = 3;
/// The window of both limits.
const LINK_WINDOW_SECS: i64 = 15 * 60;

/// Sends `user_id` a one-time link to set a new password (valid [`PASSWORD_LINK_SECS`], its hash
/// stored), in the account's language, else `locale`. Returns false, sending nothing, when
/// e-mail is off. For the forgotten-password page and the platform admin's account pages.
pub async fn send_password_link(
    store: &twiza_store::Store,
    mail: &crate::mail::Mail,
    user_id: UserId,
    locale: twiza_i18n::Locale,
) -> crate::Result<bool> {
    if !mail.is_on() {
        return Ok(false);
    }
    let user = store.user(user_id).await?.ok_or(crate::Error::NotFound)?;
    let locale =
        crate::mail::recipient_locale(store.user_locale(user_id).await?.as_deref(), locale);
    let token = new_secret();
    let token_hash = sha256_hex(&token);
    let link = mail.link(&format!("/password/reset/{token}"));
    let message = mail.compose(
        locale,
        "password_link",
        format!("password_link:{token_hash}"),
        &user.email,
        &[("link", twiza_i18n::Arg::Str(&link))],
    );
    let hash = twiza_store::LinkHash {
        token_hash: &token_hash,
        expires_at: twiza_store::now() + PASSWORD_LINK_SECS,
    };
    store.create_password_link(user_id, hash, &message).await?;
    Ok(true)
}

/// Someone who forgot their password asks for a link at `email` from address `client`. The
/// answer is the same whether an account has this address or not; a link goes out only if
/// one does, at most [`LINKS_PER_ACCOUNT`] per window. An address asking too often is refused
/// (`rate_limited`) for every e-mail alike.
pub async fn request_password_link(
    store: &twiza_store::Store,
    mail: &crate::mail::Mail,
    email: &twiza_domain::account::Email,
    client: &str,
    locale: twiza_i18n::Locale,
) -> crate::Result<()> {
    let now = twiza_store::now();
    let since = now - LINK_WINDOW_SECS;
    let client_key = sha256_hex(&format!("password-link-client:{client}"));
    let by_client = store.sign_in_failures_since(&client_key, since).await?;
    if by_client.count >= LINKS_PER_CLIENT {
        let wait = (by_client.oldest + LINK_WINDOW_SECS - now).max(1);
        return Err(crate::Error::RateLimited {
            retry_after: wait.unsigned_abs(),
        });
    }
    store.record_sign_in_failure(&client_key).await?;
    let account_key = sha256_hex(&format!("password-link-email:{}", email.as_str()));
    if store
        .sign_in_failures_since(&account_key, since)
        .await?
        .count
        >= LINKS_PER_ACCOUNT
    {
        return Ok(());
    }
    store.record_sign_in_failure(&account_key).await?;
    if let Some(user) = store.user_by_email(email.as_str()).await? {
        send_password_link(store, mail, user.id, locale).await?;
    }
    Ok(())
}

/// Whether a password link's secret is open (unused, unexpired).
pub async fn password_link_is_open(store: &twiza_store::Store, token: &str) -> crate::Result<bool> {
    Ok(store
        .password_link_user(&sha256_hex(token), twiza_store::now())
        .await?
        .is_some())
}

/// Sets a new password through a password link, which it uses up with every other open link
/// of the account, and ends all the account's sessions. The password follows the sign-up rules
/// (`password` names the field); an unknown, used or expired link is not found.
pub async fn reset_password(
    store: &twiza_store::Store,
    token: &str,
    password: &str,
) -> crate::Result<UserId> {
    let password = twiza_domain::account::NewPassword::parse(password)?;
    let token_hash = sha256_hex(token);
    // Checked before the costly hash; the store checks again when it writes.
    if store
        .password_link_user(&token_hash, twiza_store::now())
        .await?
        .is_none()
    {
        return Err(crate::Error::NotFound);
    }
    let hash = hash_password(password.expose().to_owned())
        .await
        .map_err(|_| crate::Error::Internal("password hashing failed"))?;
    Ok(store
        .reset_password_with_link(&token_hash, &hash, twiza_store::now())
        .await?)
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
