//! `/healthz/live` (the process answers) and `/healthz/ready` (the database answers, and the
//! mail servers postern.toml declares answered their last background probe as ready;
//! `app::ssr::health`). The answer is anonymous: it names no server and no error (the
//! operator reads those in the log and on the Partners page) and costs no probe.

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

async fn ready(State(state): State<AppState>) -> (StatusCode, &'static str) {
    if state
        .health
        .portal_ready(&state.db, &state.organisations())
        .await
    {
        (StatusCode::OK, "ready\n")
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "not ready\n")
    }
}
