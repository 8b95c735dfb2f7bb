//! The `/_sim/*` control endpoints (listed in the module documentation of `super`).

use super::{Fault, ReloadFailure, Shared};
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use serde_json::{Value, json};

/// `POST /_sim/fault` with `{"status":503}`, `{"delay_before_ms":…}` or `{"delay_after_ms":…}`,
/// optionally `"times": n`. Affects the next `/jmap` and `/api/account` requests.
pub(super) async fn inject_fault(State(shared): State<Shared>, body: Bytes) -> StatusCode {
    let Ok(spec) = serde_json::from_slice::<Value>(&body) else {
        return StatusCode::BAD_REQUEST;
    };
    let fault = if let Some(s) = spec.get("status").and_then(Value::as_u64) {
        Fault::Status(s as u16)
    } else if let Some(ms) = spec.get("delay_before_ms").and_then(Value::as_u64) {
        Fault::DelayBefore(std::time::Duration::from_millis(ms))
    } else if let Some(ms) = spec.get("delay_after_ms").and_then(Value::as_u64) {
        Fault::DelayAfter(std::time::Duration::from_millis(ms))
    } else {
        return StatusCode::BAD_REQUEST;
    };
    let times = spec.get("times").and_then(Value::as_u64).unwrap_or(1);
    let mut store = shared.lock().expect("lock");
    for _ in 0..times {
        store.faults.push_back(fault.clone());
    }
    StatusCode::NO_CONTENT
}

pub(super) async fn app_passwords(
    State(shared): State<Shared>,
    axum::extract::Path(address): axum::extract::Path<String>,
) -> axum::Json<Value> {
    let store = shared.lock().expect("lock");
    let list: Vec<Value> = store
        .app_passwords_of(&address)
        .into_iter()
        .map(|(id, description)| json!({"id": id, "description": description}))
        .collect();
    axum::Json(json!(list))
}

pub(super) async fn requests(State(shared): State<Shared>) -> axum::Json<Value> {
    axum::Json(Value::Array(shared.lock().expect("lock").requests.clone()))
}

/// `POST /_sim/reload-failure` `{"object":…,"id":…,"description":…}`.
pub(super) async fn set_reload_failure(State(shared): State<Shared>, body: Bytes) -> StatusCode {
    let Ok(failure) = serde_json::from_slice::<ReloadFailure>(&body) else {
        return StatusCode::BAD_REQUEST;
    };
    shared
        .lock()
        .expect("lock")
        .set_reload_failure(Some(failure));
    StatusCode::NO_CONTENT
}

pub(super) async fn clear_reload_failure(State(shared): State<Shared>) -> StatusCode {
    shared.lock().expect("lock").set_reload_failure(None);
    StatusCode::NO_CONTENT
}

pub(super) async fn restart(State(shared): State<Shared>) -> StatusCode {
    shared.lock().expect("lock").restart();
    StatusCode::NO_CONTENT
}

pub(super) async fn deliveries(State(shared): State<Shared>) -> axum::Json<Value> {
    axum::Json(Value::Array(
        shared.lock().expect("lock").webhook_deliveries(),
    ))
}

/// `POST /_sim/rotate-dkim/{domain}`: the domain's keys rotate, as Stalwart's automatic
/// rotation does (`rotateAfter`): a new pair, `pending` while the domain publishes
/// automatically. → `{"selectors": […]}`; 404 for a domain the simulator does not have.
pub(super) async fn rotate_dkim(
    State(shared): State<Shared>,
    axum::extract::Path(domain): axum::extract::Path<String>,
) -> Result<axum::Json<Value>, StatusCode> {
    let mut store = shared.lock().expect("lock");
    if store.domain_id(&domain).is_none() {
        return Err(StatusCode::NOT_FOUND);
    }
    let selectors = store.rotate_dkim_keys(&domain);
    Ok(axum::Json(json!({ "selectors": selectors })))
}
