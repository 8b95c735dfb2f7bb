//! Every background task of the portal, started once at start: the list is here, the runner
//! in `app::ssr::tasks`.

use app::ssr::config::Settings;
use app::ssr::state::AppState;
use app::ssr::tasks::Runner;
use std::time::Duration;

fn tidy_every() -> Duration {
    Duration::from_secs(600)
}

pub fn start(state: &AppState, settings: &Settings) -> Runner {
    let mut runner = Runner::new();
    // Each mail server's state, for the readiness answer and the operator's list: the first
    // round at once, so a problem is in the log before anyone meets it.
    let s = state.clone();
    runner.every(
        "mail server health",
        Duration::ZERO,
        Duration::from_secs(settings.server.health_check_secs),
        move || {
            let s = s.clone();
            async move { s.health.check(&s.organisations()).await }
        },
    );
    // Pending domain proofs are looked up again.
    let s = state.clone();
    let proofs = Duration::from_secs(settings.dns.proof_recheck_secs);
    runner.every("domain proofs", proofs, proofs, move || {
        let s = s.clone();
        async move { app::partners::service::watch::recheck_pending(&s).await }
    });
    // Proven domains' MX must keep pointing at their mail server.
    let s = state.clone();
    let mx = Duration::from_secs(settings.dns.mx_recheck_secs);
    runner.every("domain MX", mx, mx, move || {
        let s = s.clone();
        async move { app::partners::service::watch::recheck_mx(&s).await }
    });
    // Claims whose token expired a month ago are gone for good.
    let s = state.clone();
    let day = Duration::from_secs(86_400);
    runner.every("expired claims", day, day, move || {
        let s = s.clone();
        async move { app::partners::service::watch::purge_claims(&s).await }
    });
    // People their IdP said are gone, whose credentials the mail server did not let go of
    // yet (it was down): tried again each minute until done.
    let s = state.clone();
    let minute = Duration::from_secs(60);
    runner.every("departures", minute, minute, move || {
        let s = s.clone();
        async move { app::ssr::departures::retry_pending(&s).await }
    });
    // Each organisation's directory sync, when it is due (its own interval, jittered).
    let s = state.clone();
    let half_minute = Duration::from_secs(30);
    runner.every("directory sync", half_minute, half_minute, move || {
        let s = s.clone();
        async move { app::ssr::departures::reconciler::run_due(&s).await }
    });
    // Postern's activity hook on each mail server: registered soon after start, then
    // checked (URL, applied) now and then; a new server gets one at the next round.
    let s = state.clone();
    let every = Duration::from_secs(settings.activity.register_every_secs);
    runner.every("activity hooks", Duration::from_secs(1), every, move || {
        let s = s.clone();
        async move { app::activity::service::register_all(&s).await }
    });
    // Notification e-mails that could not be sent at once are tried again.
    let s = state.clone();
    runner.every("notifications", half_minute, half_minute, move || {
        let s = s.clone();
        async move { app::notifications::service::send_due(&s).await }
    });
    // Activity past its retention period is deleted.
    let s = state.clone();
    let retention = Duration::from_secs(settings.activity.retention_days * 86_400);
    runner.every(
        "activity retention",
        tidy_every(),
        tidy_every(),
        move || {
            let s = s.clone();
            async move { app::activity::service::purge(&s, retention).await }
        },
    );
    // Back-channel logout tokens past their expiry need no replay check any more.
    let s = state.clone();
    runner.every("logout tokens", tidy_every(), tidy_every(), move || {
        let s = s.clone();
        async move {
            if let Err(e) = app::ssr::db::logout_tokens::forget_expired(&s.db).await {
                tracing::warn!(error = %e, "cannot forget expired logout tokens");
            }
        }
    });
    // Rate-limit counters of windows long gone are forgotten now and then.
    let s = state.clone();
    let tidy = Duration::from_secs(600);
    runner.every("rate-limit counters", tidy, tidy, move || {
        let s = s.clone();
        async move { s.limiter.tidy().await }
    });
    runner
}
