//! What operators watch, in Prometheus's text format (served on `server.metrics_listen`, a
//! listener of its own). Every name starts `postern_`. No label carries an address, a person
//! or a secret: routes are their templates (`/admin/mailboxes/{id}`), mail servers their
//! names, audit actions and tasks their fixed names.

use metrics::{counter, gauge, histogram};
use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusHandle};
use std::sync::OnceLock;
use std::time::Duration;

static HANDLE: OnceLock<Option<PrometheusHandle>> = OnceLock::new();

/// Latency buckets (seconds): a page is a few milliseconds, a slow mail server seconds.
const BUCKETS: &[f64] = &[
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
];

/// Installs the process's recorder (once; later calls return the same handle). `None` when
/// another recorder was installed first.
pub fn install() -> Option<PrometheusHandle> {
    HANDLE
        .get_or_init(|| {
            PrometheusBuilder::new()
                .set_buckets(BUCKETS)
                .ok()?
                .install_recorder()
                .ok()
        })
        .clone()
}

/// One request: its route template (or "unmatched"), method and status.
pub fn request(route: &str, method: &str, status: u16, took: Duration) {
    let labels = [("route", route.to_owned()), ("method", method.to_owned())];
    counter!(
        "postern_http_requests_total",
        &[
            ("route", route.to_owned()),
            ("method", method.to_owned()),
            ("status", status.to_string()),
        ]
    )
    .increment(1);
    histogram!("postern_http_request_duration_seconds", &labels).record(took.as_secs_f64());
}

/// One call to a mail server: the server's name, the first JMAP method (or the endpoint),
/// and "ok" or the kind of failure.
pub fn stalwart_call(server: &str, method: &str, outcome: &'static str, took: Duration) {
    let server = if server.is_empty() { "unnamed" } else { server };
    counter!(
        "postern_stalwart_calls_total",
        &[
            ("server", server.to_owned()),
            ("method", method.to_owned()),
            ("outcome", outcome.to_owned()),
        ]
    )
    .increment(1);
    histogram!(
        "postern_stalwart_call_duration_seconds",
        &[("server", server.to_owned()), ("method", method.to_owned()),]
    )
    .record(took.as_secs_f64());
}

/// Something the audit log records (`sign_in`, `app_password.create`, …): sign-ins, mints
/// and revocations are counted by their action.
pub fn audited(action: &'static str) {
    counter!("postern_audit_events_total", "action" => action).increment(1);
}

/// A request refused by a rate limit, by which limit.
pub fn rate_limited(limit: &'static str) {
    counter!("postern_rate_limited_total", "limit" => limit).increment(1);
}

/// A background run: how long it took, and when it ended (lag = now − that).
pub fn task_ran(task: &'static str, took: Duration) {
    counter!("postern_task_runs_total", "task" => task).increment(1);
    histogram!("postern_task_duration_seconds", "task" => task).record(took.as_secs_f64());
    gauge!("postern_task_last_run_timestamp_seconds", "task" => task)
        .set(crate::ssr::time::now() as f64);
}

/// Events a mail server's hook delivered that were new (a re-sent one counts once).
pub fn activity_stored(events: u64) {
    counter!("postern_activity_events_total").increment(events);
}

/// The database pool now: connections open and idle.
pub fn pool(size: u32, idle: usize) {
    gauge!("postern_db_pool_connections", "state" => "open").set(f64::from(size));
    gauge!("postern_db_pool_connections", "state" => "idle").set(idle as f64);
}
