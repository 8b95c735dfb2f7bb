//! Background work: one runner for every periodic task of the portal. Which tasks run is
//! said in one place, at start (`server::tasks`); each task here is safe to run on several
//! instances at once (what it does is idempotent, or it claims its work in the database).

use std::future::Future;
use std::time::Duration;

/// Runs `task` every `every`, the first time after `first_after`, until the process ends. A
/// slow run delays the next one instead of overlapping it.
pub fn every<F, Fut>(name: &'static str, first_after: Duration, every: Duration, mut task: F)
where
    F: FnMut() -> Fut + Send + 'static,
    Fut: Future<Output = ()> + Send + 'static,
{
    tokio::spawn(async move {
        tokio::time::sleep(first_after).await;
        let mut ticks = tokio::time::interval(every);
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            ticks.tick().await;
            tracing::debug!(task = name, "background task runs");
            task().await;
        }
    });
}
