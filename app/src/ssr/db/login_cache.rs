//! Each instance's memory of the logins it has read (see `logins`): the instance that ends a
//! login forgets it at once, and [`Cache::follow`] forgets the logins that ended on any
//! instance, four times a second.

use crate::ssr::time::now;
use sqlx::AnyPool;
use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicI64, Ordering};

/// A row of `logins`.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct Login {
    pub id: String,
    pub organisation: String,
    pub user_id: i64,
    pub created_at: i64,
    pub last_seen_at: i64,
    pub ended_at: Option<i64>,
}

/// How far back each look for ended logins reaches before the previous look: instances'
/// clocks may differ a little, and `ended_at` counts whole seconds.
const OVERLAP_SECS: i64 = 10;
/// More logins than this in memory and the cache starts again (a bound, not a working size:
/// an instance serves far fewer people at once).
const MOST_CACHED: usize = 100_000;

/// The logins this instance has read, by id.
#[derive(Debug, Default)]
pub struct Cache {
    logins: Mutex<HashMap<String, Login>>,
    /// When ended logins were last asked for (epoch seconds; 0: never).
    followed_to: AtomicI64,
}

impl Cache {
    pub(super) fn get(&self, id: &str) -> Option<Login> {
        self.logins.lock().expect("lock").get(id).cloned()
    }

    pub(super) fn put(&self, login: Login) {
        let mut logins = self.logins.lock().expect("lock");
        if logins.len() >= MOST_CACHED {
            logins.clear();
        }
        logins.insert(login.id.clone(), login);
    }

    pub(super) fn forget(&self, id: &str) {
        self.logins.lock().expect("lock").remove(id);
    }

    pub(super) fn forget_where(&self, matches: impl Fn(&Login) -> bool) {
        self.logins.lock().expect("lock").retain(|_, l| !matches(l));
    }

    pub(super) fn seen(&self, id: &str, at: i64) {
        if let Some(login) = self.logins.lock().expect("lock").get_mut(id) {
            login.last_seen_at = at;
        }
    }

    /// Forgets the logins that ended since the last look (on any instance). Called by the
    /// directory's watch, four times a second.
    pub async fn follow(&self, pool: &AnyPool) -> Result<(), sqlx::Error> {
        let at = now();
        let since = self.followed_to.load(Ordering::Relaxed) - OVERLAP_SECS;
        let ended: Vec<String> = sqlx::query_scalar("SELECT id FROM logins WHERE ended_at >= $1")
            .bind(since)
            .fetch_all(pool)
            .await?;
        if !ended.is_empty() {
            let mut logins = self.logins.lock().expect("lock");
            for id in &ended {
                logins.remove(id);
            }
        }
        self.followed_to.store(at, Ordering::Relaxed);
        Ok(())
    }
}
