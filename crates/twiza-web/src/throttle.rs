//! Per-client limits on anonymous writes (needs reported without an account): a GCRA limiter
//! per client address (`governor`), in this node's memory. Forgotten entries are pruned when
//! the table grows, so memory stays bounded under a flood of addresses.

use governor::{Quota, RateLimiter};
use std::num::NonZeroU32;

type Keyed = governor::DefaultKeyedRateLimiter<String>;

/// Entries kept before stale ones are pruned.
const PRUNE_ABOVE: usize = 100_000;

pub struct ClientLimiter {
    limiter: Option<Keyed>,
}

impl ClientLimiter {
    /// `per_minute` requests per client address and minute, in a burst or spread; 0 means no
    /// limit.
    pub fn per_minute(per_minute: u32) -> ClientLimiter {
        ClientLimiter {
            limiter: NonZeroU32::new(per_minute)
                .map(|n| RateLimiter::hashmap(Quota::per_minute(n))),
        }
    }

    /// Whether `client` may go on now (and counts this request if so).
    pub fn allow(&self, client: &str) -> bool {
        let Some(limiter) = &self.limiter else {
            return true;
        };
        if limiter.len() > PRUNE_ABOVE {
            limiter.retain_recent();
        }
        limiter.check_key(&client.to_owned()).is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_client_has_its_own_allowance() {
        let limiter = ClientLimiter::per_minute(3);
        assert!((0..3).all(|_| limiter.allow("192.0.2.1")));
        assert!(!limiter.allow("192.0.2.1"));
        assert!(limiter.allow("192.0.2.2"));
        let open = ClientLimiter::per_minute(0);
        assert!((0..1000).all(|_| open.allow("192.0.2.1")));
    }
}
