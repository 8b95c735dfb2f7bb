//! The metrics listener (`server.metrics_listen`): Prometheus's `/metrics`, on an address of
//! its own so that the public one never shows it. What is measured is `app::ssr::metrics`.

use crate::StartupError;
use app::ssr::state::AppState;
use app::ssr::tasks::Runner;
use axum::extract::MatchedPath;
use axum::routing::get;
use axum::{Router, extract::Request};
use std::net::SocketAddr;
use std::time::Duration;
use tokio::net::TcpListener;

/// Installs the recorder and binds the listener; histograms are folded every few seconds.
pub async fn serve_on(
    addr: SocketAddr,
    state: &AppState,
    tasks: &mut Runner,
) -> Result<(TcpListener, Router), StartupError> {
    let handle = app::ssr::metrics::install().ok_or_else(|| StartupError::Listen {
        addr,
        source: std::io::Error::other("another metrics recorder is installed"),
    })?;
    let listener = TcpListener::bind(addr)
        .await
        .map_err(|source| StartupError::Listen { addr, source })?;
    let upkeep = handle.clone();
    let every = Duration::from_secs(5);
    tasks.every("metrics upkeep", every, every, move || {
        let upkeep = upkeep.clone();
        async move { upkeep.run_upkeep() }
    });
    let state = state.clone();
    let router = Router::new().route(
        "/metrics",
        get(move || {
            let (state, handle) = (state.clone(), handle.clone());
            async move {
                let pool = &state.db.pool;
                app::ssr::metrics::pool(pool.size(), pool.num_idle());
                (
                    [("content-type", "text/plain; version=0.0.4; charset=utf-8")],
                    handle.render(),
                )
            }
        }),
    );
    Ok((listener, router))
}

/// The route a request matched, as its template (`/admin/mailboxes/{id}`): never the path
/// itself, which can name a person or carry a token.
pub fn route_of(request: &Request) -> String {
    match request.extensions().get::<MatchedPath>() {
        Some(matched) => matched.as_str().to_owned(),
        None if request.uri().path().starts_with("/pkg/") => "/pkg/*".to_owned(),
        None => "unmatched".to_owned(),
    }
}
