//! Per-client limits on anonymous writes (needs reported without an account): GCRA limiters per
//! client address (`governor`), in this node's memory. Forgotten entries are pruned when a
//! table grows, so memory stays bounded under a flood of addresses.
//!
//! Moroccan mobile networks put many subscribers behind one address (carrier-grade NAT), so a
//! village reporting at once looks like one client. A report is therefore never refused at the
//! anonymous rate: beyond it, it is *held* for a coordinator's review ([`Admission::Held`]) —
//! kept, with its reference, but out of public lists and counts until accepted. A second
//! bound, [`HELD_FACTOR`] times the rate, caps the held reports of one address, so that a
//! single address cannot fill the database without limit; beyond it the report is refused
//! (429 with `Retry-After`).

use crate::error::{AppError, AppResult};
use crate::AppState;
use governor::clock::{Clock, DefaultClock};
use governor::{Quota, RateLimiter};
use std::num::NonZeroU32;
use std::time::Duration;
use twiza_store::Reporter;

type Keyed = governor::DefaultKeyedRateLimiter<String>;

/// Entries kept before stale ones are pruned.
const PRUNE_ABOVE: usize = 100_000;

/// Held reports one address may send per minute, as a multiple of the anonymous rate.
pub const HELD_FACTOR: u32 = 10;

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
        self.check(client).is_ok()
    }

    /// Counts this request if `client` may go on now; otherwise how long until it may.
    pub fn check(&self, client: &str) -> Result<(), Duration> {
        let Some(limiter) = &self.limiter else {
            return Ok(());
        };
        if limiter.len() > PRUNE_ABOVE {
            limiter.retain_recent();
        }
        limiter
            .check_key(&client.to_owned())
            .map_err(|not_until| not_until.wait_time_from(DefaultClock::default().now()))
    }
}

/// What becomes of an anonymous need report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Admission {
    /// Within the anonymous rate: recorded as reported.
    Open,
    /// Beyond the rate, within the held bound: recorded as held for review.
    Held,
    /// Beyond the held bound: refused; the client may try again after this many seconds.
    Refused { retry_after: u64 },
}

/// The two bounds on anonymous need reports per client address: the anonymous rate, then
/// [`HELD_FACTOR`] times as many held reports.
pub struct NeedReportLimiter {
    open: ClientLimiter,
    held: ClientLimiter,
}

impl NeedReportLimiter {
    /// `per_minute` reports per client address and minute are recorded at once; beyond them,
    /// up to `HELD_FACTOR × per_minute` more are held; 0 means no limit at all.
    pub fn per_minute(per_minute: u32) -> NeedReportLimiter {
        NeedReportLimiter {
            open: ClientLimiter::per_minute(per_minute),
            held: ClientLimiter::per_minute(per_minute.saturating_mul(HELD_FACTOR)),
        }
    }

    /// Decides (and counts) one report of `client`.
    pub fn admit(&self, client: &str) -> Admission {
        if self.open.allow(client) {
            return Admission::Open;
        }
        match self.held.check(client) {
            Ok(()) => Admission::Held,
            Err(wait) => Admission::Refused {
                retry_after: wait.as_secs() + u64::from(wait.subsec_nanos() > 0),
            },
        }
    }
}

/// The reporter of an anonymous need from `client`, counted against its address's bounds:
/// within the rate a public report, beyond it a held one, beyond the held
/// bound 429 `rate_limited` with the seconds to wait.
pub fn anonymous_reporter(state: &AppState, client: &str) -> AppResult<Reporter> {
    match state.need_reports.admit(client) {
        Admission::Open => Ok(Reporter::Public),
        Admission::Held => Ok(Reporter::PublicHeld),
        Admission::Refused { retry_after } => Err(AppError::rate_limited(retry_after)),
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

    #[test]
    fn beyond_the_rate_reports_are_held_then_refused() {
        let limiter = NeedReportLimiter::per_minute(2);
        let client = "192.0.2.1";
        assert!((0..2).all(|_| limiter.admit(client) == Admission::Open));
        assert!((0..20).all(|_| limiter.admit(client) == Admission::Held));
        match limiter.admit(client) {
            Admission::Refused { retry_after } => assert!((1..=60).contains(&retry_after)),
            other => panic!("expected a refusal, got {other:?}"),
        }
        assert_eq!(limiter.admit("192.0.2.2"), Admission::Open);
        let open = NeedReportLimiter::per_minute(0);
        assert!((0..1000).all(|_| open.admit(client) == Admission::Open));
    }
}
