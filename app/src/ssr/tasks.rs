//! Background work: one runner for every periodic task of the portal. Which tasks run is
//! said in one place, at start (`server::tasks`); each task here is safe to run on several
//! instances at once (what it does is idempotent, or it claims its work in the database).
//!
//! A run is never cut short: at shutdown the runner stops starting new runs, and waits (for a
//! bounded time) for those under way to finish.

use std::future::Future;
use std::time::Duration;
use tokio::sync::watch;
use tokio::task::JoinSet;

pub struct Runner {
    stop: watch::Sender<bool>,
    running: JoinSet<()>,
}

impl Default for Runner {
    fn default() -> Self {
        Self::new()
    }
}

impl Runner {
    pub fn new() -> Self {
        Self {
            stop: watch::channel(false).0,
            running: JoinSet::new(),
        }
    }

    /// Runs `task` every `every`, the first time after `first_after`, until [`Runner::stop`].
    /// A slow run delays the next one instead of overlapping it.
    pub fn every<F, Fut>(
        &mut self,
        name: &'static str,
        first_after: Duration,
        every: Duration,
        mut task: F,
    ) where
        F: FnMut() -> Fut + Send + 'static,
        Fut: Future<Output = ()> + Send + 'static,
    {
        let mut stop = self.stop.subscribe();
        self.running.spawn(async move {
            tokio::select! {
                biased;
                _ = stop.wait_for(|s| *s) => return,
                _ = tokio::time::sleep(first_after) => {}
            }
            let mut ticks = tokio::time::interval(every);
            ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                tokio::select! {
                    biased;
                    _ = stop.wait_for(|s| *s) => return,
                    _ = ticks.tick() => {}
                }
                tracing::debug!(task = name, "background task runs");
                let started = std::time::Instant::now();
                // Not raced against the stop: a run that began ends at its own safe point.
                task().await;
                crate::ssr::metrics::task_ran(name, started.elapsed());
            }
        });
    }

    /// Starts no new runs and waits up to `within` for those under way; `false` when some
    /// were still running then (they are dropped with the process).
    pub async fn stop(mut self, within: Duration) -> bool {
        let _ = self.stop.send(true);
        let all = async { while self.running.join_next().await.is_some() {} };
        tokio::time::timeout(within, all).await.is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::Runner;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::Duration;

    #[tokio::test]
    async fn a_run_under_way_finishes_and_no_new_one_starts() {
        let (started, finished) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
        let mut runner = Runner::new();
        let (s, f) = (started.clone(), finished.clone());
        runner.every(
            "slow",
            Duration::ZERO,
            Duration::from_millis(10),
            move || {
                let (s, f) = (s.clone(), f.clone());
                async move {
                    s.fetch_add(1, Ordering::SeqCst);
                    tokio::time::sleep(Duration::from_millis(200)).await;
                    f.fetch_add(1, Ordering::SeqCst);
                }
            },
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
        assert_eq!(started.load(Ordering::SeqCst), 1);
        assert!(runner.stop(Duration::from_secs(5)).await);
        assert_eq!(
            finished.load(Ordering::SeqCst),
            1,
            "the run was not cut short"
        );
        assert_eq!(started.load(Ordering::SeqCst), 1, "no run after the stop");
    }

    #[tokio::test]
    async fn a_run_longer_than_the_grace_is_reported() {
        let mut runner = Runner::new();
        runner.every("stuck", Duration::ZERO, Duration::from_secs(1), || async {
            tokio::time::sleep(Duration::from_secs(60)).await;
        });
        tokio::time::sleep(Duration::from_millis(20)).await;
        assert!(!runner.stop(Duration::from_millis(100)).await);
    }
}
