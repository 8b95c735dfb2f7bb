//! `POST /hooks/stalwart/<server>`: where each mail server's hook delivers. No session and no
//! cookie: the body's HMAC signature, with the key Postern gave that server, is the proof.

use super::service::{self, IngestError};
use crate::ssr::state::AppState;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};

/// A delivery is a batch of small events (about 300 bytes each): 256 KB holds several
/// hundred; anything larger is refused before it is read further.
pub const HOOK_BODY_LIMIT: usize = 256 * 1024;

pub async fn receive(
    State(state): State<AppState>,
    Path(server): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let Ok(body) = axum::body::to_bytes(body, HOOK_BODY_LIMIT).await else {
        return StatusCode::PAYLOAD_TOO_LARGE.into_response();
    };
    let signature = headers.get("x-signature").map(|v| v.as_bytes());
    match service::ingest(&state, &server, signature, &body).await {
        Ok(stored) => {
            crate::ssr::metrics::activity_stored(stored);
            StatusCode::NO_CONTENT.into_response()
        }
        // The same answer for an unknown server as for a wrong signature: nothing is said
        // about which servers exist.
        Err(IngestError::UnknownServer | IngestError::BadSignature) => {
            StatusCode::UNAUTHORIZED.into_response()
        }
        Err(IngestError::Malformed(_)) => StatusCode::BAD_REQUEST.into_response(),
        // Stalwart re-sends what was not taken: a database that is down loses nothing.
        Err(e) => {
            tracing::error!(server, error = %e, "a webhook delivery could not be stored");
            StatusCode::SERVICE_UNAVAILABLE.into_response()
        }
    }
}
