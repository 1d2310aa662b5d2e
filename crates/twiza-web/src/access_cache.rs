//! A short memory of the authorization reads that every API call repeats: who a bearer token
//! belongs to, a user's role in an association (or in the association of a campaign), and that
//! an association is verified. Donations and field assessments arrive by the thousand with the
//! same few tokens; answering these from memory for at most [`ACCESS_CACHE_TTL`] takes two or
//! three database reads off each request. Verification is final (a verified association never
//! goes back), so remembering it is always right.
//!
//! Only positive answers are kept. A token revoked through this node is forgotten at once; on
//! other nodes of the same database it stops working within the TTL. A member's role changed or
//! withdrawn (members' pages and API) calls [`AccessCache::forget_memberships`]: at once on this
//! node, within the TTL on the others.

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
    /// Keyed by (association, user).
    org_roles: Mutex<HashMap<(OrgId, UserId), (OrgRole, Instant)>>,
    /// Associations seen verified.
    verified_orgs: Mutex<HashMap<OrgId, Instant>>,
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

    /// A member's role in an association, if known and fresh.
    pub fn org_role(&self, org: OrgId, user: UserId) -> Option<OrgRole> {
        let map = self.org_roles.lock().ok()?;
        map.get(&(org, user))
            .filter(|(_, at)| fresh(*at))
            .map(|(role, _)| *role)
    }

    pub fn remember_org_role(&self, org: OrgId, user: UserId, role: OrgRole) {
        if let Ok(mut map) = self.org_roles.lock() {
            if map.len() >= MAX_ENTRIES {
                map.clear();
            }
            map.insert((org, user), (role, Instant::now()));
        }
    }

    /// Whether the association was seen verified within the TTL.
    pub fn org_verified(&self, org: OrgId) -> bool {
        self.verified_orgs
            .lock()
            .is_ok_and(|map| map.get(&org).is_some_and(|at| fresh(*at)))
    }

    pub fn remember_org_verified(&self, org: OrgId) {
        if let Ok(mut map) = self.verified_orgs.lock() {
            if map.len() >= MAX_ENTRIES {
                map.clear();
            }
            map.insert(org, Instant::now());
        }
    }

    /// Forgets every membership (after a role is changed or withdrawn).
    pub fn forget_memberships(&self) {
        if let Ok(mut map) = self.campaign_roles.lock() {
            map.clear();
        }
        if let Ok(mut map) = self.org_roles.lock() {
            map.clear();
        }
    }
}
