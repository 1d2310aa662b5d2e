//! Authentication: password hashing (argon2id), web sessions in a cookie, API bearer tokens,
//! CSRF tokens, and the middleware that identifies the caller of every request.
//!
//! Pages authenticate with the session cookie only, the API with `Authorization: Bearer` only,
//! so a third-party page can never ride a browser's cookie into the API. Secrets (session and
//! API tokens) are random 256-bit values; only their SHA-256 hashes are stored.

use crate::error::AppError;
use crate::AppState;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap};
use axum::middleware::Next;
use axum::response::Response;
use twiza_app::accounts::verify_password;
use twiza_app::accounts::{new_secret, sha256_hex};
use twiza_store::User;

pub const SESSION_COOKIE: &str = "twiza_session";
pub const CSRF_COOKIE: &str = "twiza_csrf";
pub const LANG_COOKIE: &str = "twiza_lang";

/// Who is calling.
#[derive(Debug, Clone)]
pub enum Actor {
    Anonymous,
    /// Signed in with a web session (which carries its CSRF token).
    Session {
        user: User,
        csrf_token: String,
    },
    /// Authenticated with an API token.
    Token {
        user: User,
    },
}

impl Actor {
    pub fn user(&self) -> Option<&User> {
        match self {
            Actor::Anonymous => None,
            Actor::Session { user, .. } | Actor::Token { user } => Some(user),
        }
    }
}

/// The value of one cookie.
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// A `Set-Cookie` value: HttpOnly, SameSite=Lax, path /, Secure when configured.
pub fn set_cookie(state: &AppState, name: &str, value: &str, max_age_secs: i64) -> String {
    let secure = if state.config.secure_cookies {
        "; Secure"
    } else {
        ""
    };
    format!("{name}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age_secs}{secure}")
}

/// Identifies the caller and stores an [`Actor`] in the request. A bad bearer token is a 401
/// at once; a stale session cookie just means anonymous.
pub async fn identify(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let is_api = request.uri().path().starts_with("/api/");
    let actor = if is_api {
        match bearer(request.headers()) {
            None => Ok(Actor::Anonymous),
            Some(token) => {
                let hash = sha256_hex(token);
                match state.access_cache.token_user(&hash) {
                    Some(user) => Ok(Actor::Token { user }),
                    None => match state.store.user_for_api_token(&hash).await {
                        Ok(Some(user)) => {
                            state.access_cache.remember_token(hash, user.clone());
                            Ok(Actor::Token { user })
                        }
                        Ok(None) => Err(AppError::unauthenticated()),
                        Err(e) => Err(AppError::from(e)),
                    },
                }
            }
        }
    } else {
        match cookie(request.headers(), SESSION_COOKIE) {
            None => Ok(Actor::Anonymous),
            Some(token) => match state.store.session(&sha256_hex(token)).await {
                Ok(Some(session)) => Ok(Actor::Session {
                    user: session.user,
                    csrf_token: session.csrf_token,
                }),
                Ok(None) => Ok(Actor::Anonymous),
                Err(e) => Err(AppError::from(e)),
            },
        }
    };
    match actor {
        Ok(actor) => {
            request.extensions_mut().insert(actor);
            next.run(request).await
        }
        Err(e) => axum::response::IntoResponse::into_response(e),
    }
}

fn bearer(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(header::AUTHORIZATION)?
        .to_str()
        .ok()?
        .strip_prefix("Bearer ")
        .map(str::trim)
}

/// Signs a user in: creates a session and returns its `Set-Cookie` value.
pub async fn start_session(state: &AppState, user: &User) -> Result<String, AppError> {
    let token = new_secret();
    let ttl = state.config.session_ttl.as_secs() as i64;
    state
        .store
        .create_session(
            &sha256_hex(&token),
            user.id,
            &new_secret(),
            twiza_store::now() + ttl,
        )
        .await?;
    Ok(set_cookie(state, SESSION_COOKIE, &token, ttl))
}

/// The sign-in failure counters of an attempt: the account from this client address, the client
/// address alone, and the account alone.
pub struct ThrottleKeys {
    pub account_client: String,
    pub client: String,
    pub account: String,
}

impl ThrottleKeys {
    pub fn of(email: &str, client: &str) -> ThrottleKeys {
        ThrottleKeys {
            account_client: sha256_hex(&format!("email-client:{email}\n{client}")),
            client: sha256_hex(&format!("client:{client}")),
            account: sha256_hex(&format!("email:{email}")),
        }
    }
}

/// Failures on the account alone (from every address together) beyond which each further attempt
/// waits, as a multiple of the per-address allowance: far higher, so that someone who knows an
/// e-mail address cannot lock its owner out.
const ACCOUNT_ALONE_FACTOR: i64 = 10;
/// Failures from one client address (every account together), as a multiple of the allowance.
const CLIENT_FACTOR: i64 = 5;
/// The longest wait the growing delay on an account reaches, in seconds.
const LONGEST_ACCOUNT_DELAY: i64 = 15 * 60;

/// Refuses a sign-in (429 with `Retry-After`) when this account failed too often from this client
/// address, or this address too often on any account, within the window; beyond a far higher
/// count of failures on the account from everywhere, each further attempt waits a delay that
/// doubles with every failure (1 s, 2 s, 4 s … up to a quarter of an hour). Otherwise answers
/// whether failures on this account are counted in the window (a success then clears them).
pub async fn check_throttle(state: &AppState, email: &str, client: &str) -> Result<bool, AppError> {
    let keys = ThrottleKeys::of(email, client);
    let now = twiza_store::now();
    let window = state.config.sign_in_window.as_secs() as i64;
    let since = now - window;
    let allowed = state.config.sign_in_failures_allowed;
    let store = &state.store;
    let mut wait = 0;
    let mut on_account = false;
    for (key, limit) in [
        (&keys.account_client, allowed),
        (&keys.client, allowed * CLIENT_FACTOR),
    ] {
        let failures = store.sign_in_failures_since(key, since).await?;
        on_account |= key == &keys.account_client && failures.count > 0;
        if failures.count >= limit {
            // Until the oldest failure counted leaves the window.
            wait = wait.max(failures.oldest + window - now);
        }
    }
    let account = store.sign_in_failures_since(&keys.account, since).await?;
    let beyond = account.count - allowed * ACCOUNT_ALONE_FACTOR;
    if beyond >= 0 {
        let delay = 1_i64
            .checked_shl(beyond.min(20) as u32)
            .unwrap_or(i64::MAX)
            .min(LONGEST_ACCOUNT_DELAY);
        wait = wait.max(account.newest + delay - now);
    }
    if wait > 0 {
        return Err(AppError::rate_limited(wait.unsigned_abs()));
    }
    Ok(on_account || account.count > 0)
}

/// Checks an e-mail and password; counts failures; the same error whatever was wrong. The
/// password is checked against a hash whether the account exists or not (a hash nobody knows
/// stands in), so the time taken does not tell which e-mail addresses have accounts.
pub async fn authenticate(
    state: &AppState,
    email: &str,
    password: &str,
    client: &str,
) -> Result<User, AppError> {
    let email = email.trim().to_lowercase();
    let failed_before = check_throttle(state, &email, client).await?;
    let (user, hash) = match state.store.user_with_password(&email).await? {
        Some((user, hash)) => (Some(user), Some(hash)),
        None => (None, None),
    };
    let verified = verify_password(password.to_owned(), hash).await;
    state
        .password_checks
        .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let keys = ThrottleKeys::of(&email, client);
    match user {
        // Two writes spared on each request of a machine client (OpenRosa) that never failed.
        Some(user) if verified && !failed_before => Ok(user),
        Some(user) if verified => {
            state
                .store
                .clear_sign_in_failures(&keys.account_client)
                .await?;
            state.store.clear_sign_in_failures(&keys.account).await?;
            Ok(user)
        }
        _ => {
            for key in [&keys.account_client, &keys.client, &keys.account] {
                state.store.record_sign_in_failure(key).await?;
            }
            Err(AppError::new(
                axum::http::StatusCode::UNAUTHORIZED,
                "invalid_credentials",
            ))
        }
    }
}

/// The client's address as seen by this server (for throttling only; never logged).
pub fn client_address(request_extensions: &axum::http::Extensions) -> String {
    request_extensions
        .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
        .map(|c| c.0.ip().to_string())
        .unwrap_or_else(|| "local".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookies_are_parsed() {
        let mut h = HeaderMap::new();
        h.insert(
            header::COOKIE,
            "a=1; twiza_session=abc; b=2".parse().unwrap(),
        );
        assert_eq!(cookie(&h, SESSION_COOKIE), Some("abc"));
        assert_eq!(cookie(&h, "c"), None);
    }
}
