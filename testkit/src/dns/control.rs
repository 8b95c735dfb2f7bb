//! The HTTP control endpoint of a running [`DnsServer`](super::DnsServer), so that browser
//! tests can publish and withdraw records the way a domain owner would at their DNS host:
//!
//! - `POST /records` `{"name": "_postern-challenge.gamma.test", "type": "TXT", "value": "…"}`
//!   adds a TXT record (values over 255 bytes become several character-strings) → 204;
//! - `DELETE /records?name=…` removes every record of that name → 204;
//! - `GET /healthz` → 200 once the server answers.
//!
//! A name outside the served zones, or a type other than TXT, is refused with 400.

use super::Zones;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;

#[derive(Deserialize)]
struct NewRecord {
    name: String,
    #[serde(rename = "type")]
    kind: String,
    value: String,
}

#[derive(Deserialize)]
struct Named {
    name: String,
}

type Answer = Result<StatusCode, (StatusCode, String)>;

pub fn router(zones: Zones) -> Router {
    Router::new()
        .route("/records", post(publish).delete(remove))
        .route("/healthz", get(|| async { StatusCode::OK }))
        .with_state(zones)
}

async fn publish(State(zones): State<Zones>, Json(record): Json<NewRecord>) -> Answer {
    if !record.kind.eq_ignore_ascii_case("TXT") {
        return Err((
            StatusCode::BAD_REQUEST,
            format!("only TXT records can be published, not {}", record.kind),
        ));
    }
    zones
        .publish_txt(&record.name, &record.value)
        .await
        .map_err(|e| (StatusCode::BAD_REQUEST, e))?;
    tracing::info!(name = %record.name, value = %record.value, "TXT record published");
    Ok(StatusCode::NO_CONTENT)
}

async fn remove(State(zones): State<Zones>, Query(named): Query<Named>) -> Answer {
    zones
        .remove(&named.name)
        .await
        .map_err(|e| (StatusCode::BAD_REQUEST, e))?;
    tracing::info!(name = %named.name, "records removed");
    Ok(StatusCode::NO_CONTENT)
}
