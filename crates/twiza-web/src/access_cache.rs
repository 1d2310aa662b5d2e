//! A short memory of the authorization reads that every API call repeats: who a bearer token
//! belongs to, and a user's role in the association of a campaign. Donations arrive by the
//! thousand on the same campaign with the same few tokens; answering these from memory for at
//! most [`ACCESS_CACHE_TTL`] takes two database reads off each request.
//!
//! Only positive answers are kept. A token revoked through this node is forgotten at once; on
//! other nodes of the same database it stops working within the TTL. Memberships are only ever
//! added today; when roles can be withdrawn, the withdrawing handler must call
//! [`AccessCache::forget_memberships`].

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};
use twiza_domain::{OrgId, OrgRole, UserId};
use twiza_store::User;

/// How long an answer is reused.
pub const ACCESS_CACHE_TTL: Duration = Duration::from_secs(2);
/// Entries kept at most per map; beyond, the map starts over (memory stays bounded).
const MAX_ENTRIES: usize = 50_000;

#[derive(Default)]
pub struct AccessCache {
    tokens: Mutex<HashMap<String, (User, Instant)>>,
    /// Keyed by (campaign id, user).
    campaign_roles: Mutex<HashMap<(i64, UserId), CachedRole>>,
}

/// A user's role in a campaign's association, and when it was read.
struct CachedRole {
    org: OrgId,
    role: OrgRole,
    at: Instant,
}

fn fresh(at: Instant) -> bool {
    at.elapsed() < ACCESS_CACHE_TTL
}

impl AccessCache {
    /// The user of a token (by its SHA-256), if known and fresh.
    pub fn token_user(&self, token_hash: &str) -> Option<User> {
        let map = self.tokens.lock().ok()?;
        map.get(token_hash)
            .filter(|(_, at)| fresh(*at))
            .map(|(u, _)| u.clone())
    }

    pub fn remember_token(&self, token_hash: String, user: User) {
        if let Ok(mut map) = self.tokens.lock() {
            if map.len() >= MAX_ENTRIES {
                map.clear();
            }
            map.insert(token_hash, (user, Instant::now()));
        }
    }

    /// Forgets every token (after a revocation).
    pub fn forget_tokens(&self) {
        if let Ok(mut map) = self.tokens.lock() {
            map.clear();
        }
    }

    /// A member's role in the association of a campaign, if known and fresh.
    pub fn campaign_role(&self, campaign_id: i64, user: UserId) -> Option<(OrgId, OrgRole)> {
        let map = self.campaign_roles.lock().ok()?;
        map.get(&(campaign_id, user))
            .filter(|c| fresh(c.at))
            .map(|c| (c.org, c.role))
    }

    pub fn remember_campaign_role(
        &self,
        campaign_id: i64,
        user: UserId,
        org: OrgId,
        role: OrgRole,
    ) {
        if let Ok(mut map) = self.campaign_roles.lock() {
            if map.len() >= MAX_ENTRIES {
                map.clear();
            }
            map.insert(
                (campaign_id, user),
                CachedRole {
                    org,
                    role,
                    at: Instant::now(),
                },
            );
        }
    }

    /// Forgets every membership (after a role is withdrawn).
    pub fn forget_memberships(&self) {
        if let Ok(mut map) = self.campaign_roles.lock() {
            map.clear();
        }
    }
}
