//! "Done a moment ago": what this instance did (or learned) recently, so a page can skip a
//! database statement that would tell it nothing new. Only ever a shortcut: after `ttl`, or
//! on another instance, the statement runs again, so nothing here must be shared.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Entries beyond this are pruned of expired ones (a busy instance's active people).
const PRUNE_ABOVE: usize = 10_000;

#[derive(Debug)]
pub struct Recently {
    ttl: Duration,
    /// Key → what it was (a digest) and when.
    at: Mutex<HashMap<String, (u64, Instant)>>,
}

impl Recently {
    pub fn new(ttl: Duration) -> Self {
        Self {
            ttl,
            at: Mutex::default(),
        }
    }

    /// Whether `key` was last marked as `what` less than `ttl` ago.
    pub fn fresh(&self, key: &str, what: u64) -> bool {
        let at = self.at.lock().expect("lock");
        at.get(key)
            .is_some_and(|(was, t)| *was == what && t.elapsed() < self.ttl)
    }

    /// Notes that `key` is `what` now (replacing what it was).
    pub fn mark(&self, key: &str, what: u64) {
        let mut at = self.at.lock().expect("lock");
        if at.len() > PRUNE_ABOVE {
            let ttl = self.ttl;
            at.retain(|_, (_, t)| t.elapsed() < ttl);
        }
        at.insert(key.to_owned(), (what, Instant::now()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mark_is_fresh_for_its_last_value_until_its_time_is_up() {
        let recently = Recently::new(Duration::from_millis(50));
        assert!(!recently.fresh("a", 1));
        recently.mark("a", 1);
        assert!(recently.fresh("a", 1));
        assert!(!recently.fresh("a", 2), "another value");
        assert!(!recently.fresh("b", 1));
        recently.mark("a", 2);
        assert!(!recently.fresh("a", 1), "only the last value counts");
        std::thread::sleep(Duration::from_millis(60));
        assert!(!recently.fresh("a", 2));
    }
}

/// What this instance remembers: servers whose activity hook delivers (that never goes back),
/// app-password lists already compared with the database (the same list, nothing to audit),
/// and deliveries noted in the last minute.
#[derive(Debug)]
pub struct Recents {
    pub delivering: Recently,
    pub reconciled: Recently,
    /// Servers whose delivery this instance noted (the time of the latest one is kept to
    /// the minute, not written at every batch).
    pub delivery_noted: Recently,
}

impl Default for Recents {
    fn default() -> Self {
        Self {
            delivering: Recently::new(Duration::from_secs(3600)),
            reconciled: Recently::new(Duration::from_secs(600)),
            delivery_noted: Recently::new(Duration::from_secs(60)),
        }
    }
}
