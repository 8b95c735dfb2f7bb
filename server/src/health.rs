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

/// `server healthcheck`: whether the portal listening on `listen` answers `/healthz/live`
/// (a container's HEALTHCHECK; the image has no curl). Asks on loopback when it listens on
/// every address.
pub fn probe(listen: std::net::SocketAddr) -> Result<(), String> {
    use std::io::{Read, Write};
    use std::time::Duration;
    let mut addr = listen;
    if addr.ip().is_unspecified() {
        addr.set_ip(match addr {
            std::net::SocketAddr::V4(_) => std::net::Ipv4Addr::LOCALHOST.into(),
            std::net::SocketAddr::V6(_) => std::net::Ipv6Addr::LOCALHOST.into(),
        });
    }
    let timeout = Duration::from_secs(3);
    let mut stream =
        std::net::TcpStream::connect_timeout(&addr, timeout).map_err(|e| format!("{addr}: {e}"))?;
    stream.set_read_timeout(Some(timeout)).ok();
    stream
        .write_all(b"GET /healthz/live HTTP/1.0\r\nHost: localhost\r\n\r\n")
        .map_err(|e| format!("{addr}: {e}"))?;
    let mut head = [0u8; 12];
    stream
        .read_exact(&mut head)
        .map_err(|e| format!("{addr}: {e}"))?;
    match &head[9..12] {
        b"200" => Ok(()),
        status => Err(format!(
            "{addr} answered {}",
            String::from_utf8_lossy(status)
        )),
    }
}
