//! `/healthz/live` (the process answers) and `/healthz/ready` (the database answers, and each
//! Stalwart server is reachable, takes the portal's key and grants what the portal needs).

use app::ssr::stalwart::probe::Probe;
use app::ssr::state::AppState;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::get;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/healthz/live", get(|| async { "ok" }))
        .route("/healthz/ready", get(ready))
}

/// One line per dependency; 503 when any is not ready.
async fn ready(State(state): State<AppState>) -> (StatusCode, String) {
    let mut lines = Vec::new();
    let mut ok = true;
    match sqlx::query("SELECT 1").execute(&state.db.pool).await {
        Ok(_) => lines.push("database: ok".to_owned()),
        Err(e) => {
            tracing::warn!(error = %e, "readiness: database unavailable");
            ok = false;
            lines.push("database: unavailable".to_owned());
        }
    }
    for (name, probe) in probe_servers(&state).await {
        ok &= probe == Probe::Ready;
        lines.push(format!("stalwart {name}: {}", describe(&name, &probe)));
    }
    let status = if ok {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (status, lines.join("\n") + "\n")
}

/// Probes every configured Stalwart server, concurrently.
pub async fn probe_servers(state: &AppState) -> Vec<(String, Probe)> {
    let servers = state.tenants().servers();
    let probes = servers
        .iter()
        .map(|(name, client)| async move { (name.clone(), client.probe().await) });
    futures::future::join_all(probes).await
}

/// What a probe found, in words for an operator (the log and the readiness answer).
pub fn describe(name: &str, probe: &Probe) -> String {
    match probe {
        Probe::Ready => "ok".into(),
        Probe::Unreachable(why) => {
            format!("unreachable ({why}); check stalwart.{name}.url and that the server runs")
        }
        Probe::NotAllowed => format!(
            "its address is in a private or local network that [outbound] allow does not name; check stalwart.{name}.url"
        ),
        Probe::KeyRefused => format!(
            "the API key was refused (HTTP 401): it is wrong, revoked or expired; check stalwart.{name}.api_key"
        ),
        Probe::MissingPermission(what) => format!(
            "the API key works but lacks a permission the portal needs ({what}); give its account the Admin role"
        ),
        Probe::NotStalwart(why) => format!(
            "this does not answer like a Stalwart server ({why}); check stalwart.{name}.url"
        ),
    }
}

/// Logs each server's state once at start: a problem is named before anyone meets it.
pub async fn log_servers(state: &AppState) {
    for (name, probe) in probe_servers(state).await {
        let line = describe(&name, &probe);
        match probe {
            Probe::Ready => tracing::info!(server = %name, "Stalwart server ready"),
            _ => tracing::error!(server = %name, "Stalwart server not ready: {line}"),
        }
    }
}
