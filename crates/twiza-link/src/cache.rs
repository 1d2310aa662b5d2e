//! Remembered comparisons of interned values: a list of a million people holds a few thousand
//! douars and some tens of thousands of names, so the same two values meet in many candidate
//! pairs. Each worker thread keeps its own small direct-mapped tables (no locking between
//! threads); a collision only costs a recomputation.

use crate::compare::Level;
use std::sync::Mutex;

/// 2^BITS entries per table.
const BITS: u32 = 14;

/// One table: the level last computed for a pair of value numbers.
struct LevelCache {
    keys: Vec<u64>,
    levels: Vec<Level>,
}

impl LevelCache {
    fn new() -> LevelCache {
        LevelCache {
            keys: vec![u64::MAX; 1 << BITS],
            levels: vec![Level::Different; 1 << BITS],
        }
    }

    /// The level of values `x` and `y`, in this order (comparisons need not be symmetric),
    /// computed by `compare` when not remembered.
    fn get(&mut self, x: u32, y: u32, compare: impl FnOnce() -> Level) -> Level {
        let key = (u64::from(x) << 32) | u64::from(y);
        let slot = (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - BITS)) as usize;
        if self.keys[slot] == key {
            return self.levels[slot];
        }
        let level = compare();
        self.keys[slot] = key;
        self.levels[slot] = level;
        level
    }
}

/// A worker's tables, one per kind of value.
pub(crate) struct Memo {
    names: LevelCache,
    address: LevelCache,
    locality: LevelCache,
}

/// Which table.
#[derive(Clone, Copy)]
pub(crate) enum Kind {
    Names,
    Address,
    Locality,
}

impl Memo {
    pub(crate) fn new() -> Memo {
        Memo {
            names: LevelCache::new(),
            address: LevelCache::new(),
            locality: LevelCache::new(),
        }
    }

    pub(crate) fn get(
        &mut self,
        kind: Kind,
        x: u32,
        y: u32,
        compare: impl FnOnce() -> Level,
    ) -> Level {
        match kind {
            Kind::Names => self.names.get(x, y, compare),
            Kind::Address => self.address.get(x, y, compare),
            Kind::Locality => self.locality.get(x, y, compare),
        }
    }
}

/// One `T` per worker thread of the current rayon pool (plus one for callers outside it).
pub(crate) struct PerThread<T>(Vec<Mutex<T>>);

impl<T> PerThread<T> {
    pub(crate) fn new(make: impl Fn() -> T) -> PerThread<T> {
        PerThread(
            (0..=rayon::current_num_threads())
                .map(|_| Mutex::new(make()))
                .collect(),
        )
    }

    /// Runs `f` with the calling thread's `T` (each thread has its own: the lock is never
    /// contended).
    pub(crate) fn with<R>(&self, f: impl FnOnce(&mut T) -> R) -> R {
        let last = self.0.len() - 1;
        let i = rayon::current_thread_index().unwrap_or(last).min(last);
        let mut t = self.0[i].lock().unwrap_or_else(|e| e.into_inner());
        f(&mut t)
    }
}
