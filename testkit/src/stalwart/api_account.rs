//! `GET /api/account` (API.md §1): the caller's effective permissions, the edition and the
//! locale. The permission lists are read from the live transcripts 003 and 059, in Stalwart's
//! order; only the System Administrator role's list is composed from the two.

use super::{Connection, RECOVERY_ADMIN_ID, Shared, caller, connection, unauthorized, with_fault};
use axum::extract::State;
use axum::http::{Extensions, HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};
use std::sync::LazyLock;

/// The body of one live `/api/account` answer.
fn live_body(transcript: &str) -> Value {
    let transcript: Value = serde_json::from_str(transcript).expect("transcript JSON");
    transcript["response"]["body"].clone()
}

/// What the recovery admin holds: every permission (live 003).
static RECOVERY_ADMIN: LazyLock<Value> = LazyLock::new(|| {
    live_body(include_str!(
        "../../tests/live/003-get--api-account-as-recovery-admin.json"
    ))
});

/// What the default User role grants (live 059, alice).
static USER: LazyLock<Value> = LazyLock::new(|| {
    live_body(include_str!(
        "../../tests/live/059-get--api-account-as-alice--normal-user----effective-permissions-list.json"
    ))
});

fn permissions(body: &Value) -> &[Value] {
    body["permissions"]
        .as_array()
        .map(Vec::as_slice)
        .expect("permissions")
}

/// The System Administrator role: the recovery admin's permissions plus the user-level ones
/// the recovery admin lacks (it has no credentials of its own, so no `sysAppPassword*`;
/// API.md §6 puts those in both the User and the System Administrator role).
static ADMIN_PERMISSIONS: LazyLock<Vec<Value>> = LazyLock::new(|| {
    let mut all = permissions(&RECOVERY_ADMIN).to_vec();
    for permission in permissions(&USER) {
        if !all.contains(permission) {
            all.push(permission.clone());
        }
    }
    all
});

/// Authenticated like `/jmap` (Basic or Bearer API key) and subject to the same injected
/// faults (a GET has no method calls: only faults aimed at any request apply). Not recorded
/// in `Store::requests`, which holds `/jmap` bodies only.
pub(super) async fn api_account(
    State(shared): State<Shared>,
    extensions: Extensions,
    headers: HeaderMap,
) -> Response {
    let connection = connection(&extensions);
    with_fault(&shared, b"", || answer(&shared, &headers, connection)).await
}

fn answer(shared: &Shared, headers: &HeaderMap, connection: Connection) -> Response {
    let mut store = shared.lock().expect("lock");
    let Some(caller) = caller(&mut store, headers, connection) else {
        return unauthorized();
    };
    let body = if caller.account == RECOVERY_ADMIN_ID {
        RECOVERY_ADMIN.clone()
    } else {
        let account = store.accounts.get(&caller.account);
        let granted = if caller.admin {
            ADMIN_PERMISSIONS.as_slice()
        } else {
            permissions(&USER)
        };
        // An account of an external directory (OIDC) has no password of its own to read or
        // change (live 087).
        let external = account.is_some_and(|a| a.external);
        let permissions: Vec<&Value> = granted
            .iter()
            .filter(|p| {
                !(external
                    && p.as_str()
                        .is_some_and(|p| p.starts_with("sysAccountPassword")))
            })
            .collect();
        // An account's own locale (`en_US` unless changed, as in live 059).
        let locale = account.map_or_else(|| USER["locale"].clone(), |a| json!(a.locale));
        json!({"permissions": permissions, "edition": USER["edition"], "locale": locale})
    };
    let mut response = (StatusCode::OK, body.to_string()).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json; charset=utf-8"),
    );
    response
}
