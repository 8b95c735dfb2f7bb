//! A Stalwart v0.16 simulator: the HTTP surface of `/jmap` with the `x:` objects Postern uses,
//! answering exactly like the transcripts in ../shared/stalwart/live (see `tests/replay.rs`).
//!
//! Test equipment only. Besides the Stalwart API it serves `/_sim/*` control endpoints
//! (inject faults, inspect state) that no real server has and the product never calls:
//!
//! - `POST /_sim/fault` — make the next requests fail or stall (`inject_fault`);
//! - `GET /_sim/app-passwords/{address}` — an account's app passwords (id, description);
//! - `GET /_sim/requests` — every `/jmap` request body received;
//! - `POST /_sim/reload-failure` `{"object":"SpamPyzor","id":"singleton","description":"…"}` —
//!   every later `x:Action ReloadSettings` fails with that object, like live 110, and applies
//!   nothing; `DELETE /_sim/reload-failure` ends it;
//! - `POST /_sim/restart` — what a server restart does to webhooks: every enabled hook starts
//!   afresh from its stored settings (a reload keeps a running hook's URL and key), pending
//!   deliveries and cached HTTP logins are lost;
//! - `POST /_sim/rotate-dkim/{domain}` — the domain's DKIM keys rotate as Stalwart's
//!   automatic rotation makes them (`pending` while the domain publishes automatically);
//! - `GET /_sim/webhook-deliveries` — every webhook delivery attempt, oldest first:
//!   `{"hookId", "url", "at", "status" (the receiver's HTTP status, or null), "error" (null, or
//!   why no answer came), "signature" (the `X-Signature` sent, or null), "body" (raw JSON)}`.
//!
//! HTTP Basic logins log Stalwart's `auth.*` events, delivered to the webhooks a successful
//! `ReloadSettings` started (see `delivery.rs`, `store/auth_events.rs`).

mod api_account;
mod controls;
mod delivery;
mod dns_update;
pub mod ids;
mod publisher;
mod store;

pub use store::{
    Account, Alias, Caller, Connection, Credential, Domain, Fault, Kind, RECOVERY_ADMIN_ID,
    ReloadFailure, Store, verify_password,
};

/// An alias entry for seeding: `local@<domain id>`.
pub fn store_alias(local: &str, domain_id: &str) -> Alias {
    Alias {
        name: local.to_owned(),
        domain_id: ids::decode_id(domain_id).expect("domain id") as u32,
        enabled: true,
        description: None,
    }
}

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::extract::connect_info::{ConnectInfo, Connected};
use axum::http::{Extensions, HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use base64::Engine;
use serde_json::{Map, Value, json};
use std::sync::{Arc, Mutex, MutexGuard};

const KNOWN_CAPABILITIES: &[&str] = &[
    "urn:ietf:params:jmap:core",
    "urn:stalwart:jmap",
    "urn:ietf:params:jmap:mail",
    "urn:ietf:params:jmap:submission",
    "urn:ietf:params:jmap:calendars",
    "urn:ietf:params:jmap:contacts",
    "urn:ietf:params:jmap:sieve",
    "urn:ietf:params:jmap:blob",
    "urn:ietf:params:jmap:quota",
    "urn:ietf:params:jmap:principals",
    "urn:ietf:params:jmap:vacationresponse",
];

pub type Shared = Arc<Mutex<Store>>;

/// A running simulator.
pub struct Simulator {
    pub url: String,
    store: Shared,
    task: tokio::task::JoinHandle<()>,
    deliveries: tokio::task::JoinHandle<()>,
    publisher: tokio::task::JoinHandle<()>,
}

impl Simulator {
    /// Starts on a random loopback port with an empty store (recovery admin only).
    pub async fn start() -> Self {
        Self::start_with(Store::default()).await
    }

    pub async fn start_with(store: Store) -> Self {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind loopback");
        Self::serve(listener, store)
    }

    pub fn serve(listener: tokio::net::TcpListener, store: Store) -> Self {
        let url = format!("http://{}", listener.local_addr().expect("bound"));
        let store = Arc::new(Mutex::new(store));
        let deliveries = delivery::start(&store);
        let publisher = publisher::start(&store);
        // The peer's address and our port go into the telemetry events (`Connection`).
        let app = router(store.clone()).into_make_service_with_connect_info::<Peer>();
        let task = tokio::spawn(async move {
            axum::serve(listener, app).await.expect("simulator server");
        });
        Self {
            url,
            store,
            task,
            deliveries,
            publisher,
        }
    }

    pub fn store(&self) -> MutexGuard<'_, Store> {
        self.store.lock().expect("simulator lock")
    }
}

impl Drop for Simulator {
    fn drop(&mut self) {
        self.task.abort();
        self.deliveries.abort();
        self.publisher.abort();
    }
}

/// The addresses of an accepted connection.
#[derive(Debug, Clone, Copy)]
struct Peer(Connection);

impl Connected<axum::serve::IncomingStream<'_, tokio::net::TcpListener>> for Peer {
    fn connect_info(stream: axum::serve::IncomingStream<'_, tokio::net::TcpListener>) -> Self {
        let local_port = stream.io().local_addr().map_or(0, |a| a.port());
        let remote = *stream.remote_addr();
        Peer(Connection { local_port, remote })
    }
}

/// The connection a request came in on; a router served without connection info has none.
fn connection(extensions: &Extensions) -> Connection {
    extensions
        .get::<ConnectInfo<Peer>>()
        .map_or_else(Connection::unknown, |info| info.0.0)
}

pub fn router(store: Shared) -> Router {
    Router::new()
        .route("/jmap", post(jmap))
        .route("/jmap/", post(jmap))
        .route("/jmap/session", get(session))
        .route("/api/account", get(api_account::api_account))
        .route("/.well-known/jmap", get(session))
        .route("/healthz/live", get(|| async { StatusCode::OK }))
        .route("/_sim/fault", post(controls::inject_fault))
        .route(
            "/_sim/app-passwords/{address}",
            get(controls::app_passwords),
        )
        .route("/_sim/requests", get(controls::requests))
        .route(
            "/_sim/reload-failure",
            post(controls::set_reload_failure).delete(controls::clear_reload_failure),
        )
        .route("/_sim/restart", post(controls::restart))
        .route("/_sim/rotate-dkim/{domain}", post(controls::rotate_dkim))
        .route("/_sim/webhook-deliveries", get(controls::deliveries))
        .with_state(store)
}

fn problem(status: StatusCode, body: Value) -> Response {
    let mut response = (status, body.to_string()).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/problem+json"),
    );
    response
}

fn unauthorized() -> Response {
    let mut response = problem(
        StatusCode::UNAUTHORIZED,
        json!({"type": "about:blank", "status": 401, "title": "Unauthorized",
               "detail": "You have to authenticate first."}),
    );
    let headers = response.headers_mut();
    headers.append(
        header::WWW_AUTHENTICATE,
        HeaderValue::from_static(
            "Bearer realm=\"Stalwart Server\", resource_metadata=\"/.well-known/oauth-protected-resource\"",
        ),
    );
    headers.append(
        header::WWW_AUTHENTICATE,
        HeaderValue::from_static("Basic realm=\"Stalwart Server\""),
    );
    response
}

fn status_problem(status: u16) -> Response {
    let code = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let body = match status {
        429 => json!({"type": "about:blank", "status": 429, "title": "Too Many Requests",
                      "detail": "Your request has been rate limited. Please try again in a few seconds."}),
        401 => return unauthorized(),
        _ => json!({"type": "about:blank", "status": status,
                    "title": code.canonical_reason().unwrap_or("Error"), "detail": "Simulated failure."}),
    };
    problem(code, body)
}

/// Authenticates a request; HTTP Basic logins log `auth.*` events (`store/auth_events.rs`).
fn caller(store: &mut Store, headers: &HeaderMap, connection: Connection) -> Option<Caller> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    if let Some(token) = value.strip_prefix("Bearer ") {
        return store.authenticate_bearer(token.trim());
    }
    let encoded = value.strip_prefix("Basic ")?.trim();
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(encoded)
        .ok()?;
    let text = String::from_utf8(decoded).ok()?;
    let (login, secret) = text.split_once(':')?;
    store.login_basic(encoded, login, secret, connection)
}

async fn jmap(
    State(shared): State<Shared>,
    extensions: Extensions,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let connection = connection(&extensions);
    with_fault(&shared, &body, || {
        handle(&shared, &headers, &body, connection)
    })
    .await
}

/// Runs `handle` under the next injected fault for a request with this body, if any.
async fn with_fault(shared: &Shared, body: &[u8], handle: impl FnOnce() -> Response) -> Response {
    let fault = shared.lock().expect("lock").take_fault_for(body);
    let mut delay_after = None;
    match fault {
        Some(Fault::Status(status)) => return status_problem(status),
        Some(Fault::DelayBefore(d)) => tokio::time::sleep(d).await,
        Some(Fault::DelayAfter(d)) => delay_after = Some(d),
        None => {}
    }
    let response = handle();
    if let Some(d) = delay_after {
        tokio::time::sleep(d).await;
    }
    response
}

fn handle(shared: &Shared, headers: &HeaderMap, body: &[u8], connection: Connection) -> Response {
    let mut store = shared.lock().expect("lock");
    let Some(caller) = caller(&mut store, headers, connection) else {
        return unauthorized();
    };
    let is_json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.split(';')
                .next()
                .is_some_and(|t| t.trim() == "application/json")
        });
    if !is_json {
        return problem(
            StatusCode::BAD_REQUEST,
            json!({"type": "urn:ietf:params:jmap:error:notJSON", "status": 400,
                   "detail": "Failed to parse JSON: The Content-Type header must be application/json."}),
        );
    }
    let not_request = || {
        problem(
            StatusCode::BAD_REQUEST,
            json!({"type": "urn:ietf:params:jmap:error:notRequest", "status": 400,
                   "detail": String::from_utf8_lossy(body)}),
        )
    };
    let Ok(request) = serde_json::from_slice::<Value>(body) else {
        return not_request();
    };
    store.requests.push(request.clone());
    let using_ok = request
        .get("using")
        .and_then(Value::as_array)
        .is_some_and(|u| {
            u.iter()
                .all(|c| c.as_str().is_some_and(|c| KNOWN_CAPABILITIES.contains(&c)))
        });
    let Some(calls) = request
        .get("methodCalls")
        .and_then(Value::as_array)
        .filter(|_| using_ok)
    else {
        return not_request();
    };
    if calls.len() > 16 {
        return problem(
            StatusCode::BAD_REQUEST,
            json!({"type": "urn:ietf:params:jmap:error:limit", "limit": "maxCallsInRequest", "status": 400,
                   "detail": "Too many calls in request."}),
        );
    }
    let mut responses: Vec<Value> = Vec::new();
    let mut created_ids: Map<String, Value> = Map::new();
    for call in calls {
        let Some([name, args, call_id]) = call
            .as_array()
            .and_then(|c| <&[Value; 3]>::try_from(c.as_slice()).ok())
        else {
            return not_request();
        };
        let name = name.as_str().unwrap_or_default();
        let (name, result) = match resolve_references(args, &responses, &created_ids) {
            Ok(args) => store.call(caller, name, args),
            Err(e) => ("error".to_owned(), e),
        };
        // Creation ids (`#client-id`) can be referenced by later calls in the same request.
        if let Some(created) = result.get("created").and_then(Value::as_object) {
            for (client_id, object) in created {
                if let Some(id) = object.get("id") {
                    created_ids.insert(client_id.clone(), id.clone());
                }
            }
        }
        responses.push(json!([name, result, call_id]));
    }
    let session_state = format!("{:08x}", session_state(caller.account));
    let body = json!({"methodResponses": responses, "sessionState": session_state});
    let mut response = (StatusCode::OK, body.to_string()).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json; charset=utf-8"),
    );
    response
}

/// Stable per-account session state string, like Stalwart's.
fn session_state(account: u32) -> u32 {
    account.wrapping_mul(2654435761) ^ 0xbd53_4a19
}

/// Replaces `#name` result references and `#clientId` creation references (API.md §2).
fn resolve_references(
    args: &Value,
    responses: &[Value],
    created: &Map<String, Value>,
) -> Result<Map<String, Value>, Value> {
    let mut out = Map::new();
    for (key, value) in args.as_object().cloned().unwrap_or_default() {
        if let Some(plain) = key.strip_prefix('#') {
            let result_of = value
                .get("resultOf")
                .and_then(Value::as_str)
                .unwrap_or_default();
            let name = value
                .get("name")
                .and_then(Value::as_str)
                .unwrap_or_default();
            let path = value
                .get("path")
                .and_then(Value::as_str)
                .unwrap_or_default();
            let source = responses
                .iter()
                .find(|r| r[2].as_str() == Some(result_of) && r[0].as_str() == Some(name))
                .ok_or_else(|| json!({"type": "invalidResultReference",
                                      "description": format!("Result reference to {result_of} not found")}))?;
            out.insert(plain.to_owned(), pointer(&source[1], path));
        } else {
            out.insert(key, substitute_created(value, created));
        }
    }
    Ok(out)
}

fn substitute_created(value: Value, created: &Map<String, Value>) -> Value {
    match value {
        Value::String(s) if s.starts_with('#') => {
            created.get(&s[1..]).cloned().unwrap_or(Value::String(s))
        }
        Value::Object(m) => Value::Object(
            m.into_iter()
                .map(|(k, v)| (k, substitute_created(v, created)))
                .collect(),
        ),
        Value::Array(a) => Value::Array(
            a.into_iter()
                .map(|v| substitute_created(v, created))
                .collect(),
        ),
        other => other,
    }
}

/// JSON pointer with JMAP's `*` wildcard over arrays.
fn pointer(value: &Value, path: &str) -> Value {
    let mut parts = path.trim_start_matches('/').splitn(2, '/');
    let head = parts.next().unwrap_or_default();
    let rest = parts.next();
    if head.is_empty() {
        return value.clone();
    }
    let next = if head == "*" {
        let items = value.as_array().cloned().unwrap_or_default();
        let mapped: Vec<Value> = items
            .iter()
            .map(|v| rest.map_or(v.clone(), |r| pointer(v, r)))
            .collect();
        return Value::Array(
            mapped
                .into_iter()
                .flat_map(|v| match v {
                    Value::Array(a) => a,
                    other => vec![other],
                })
                .collect(),
        );
    } else {
        value.get(head).cloned().unwrap_or(Value::Null)
    };
    match rest {
        Some(r) => pointer(&next, r),
        None => next,
    }
}

async fn session(
    State(shared): State<Shared>,
    extensions: Extensions,
    headers: HeaderMap,
) -> Response {
    let mut store = shared.lock().expect("lock");
    let who = caller(&mut store, &headers, connection(&extensions));
    // Credentials that are sent but wrong are refused, as on every endpoint (live 004);
    // only a request without any gets the anonymous session (live 001).
    if who.is_none() && headers.contains_key(header::AUTHORIZATION) {
        return unauthorized();
    }
    let (accounts, primary, username) = match who {
        Some(c) => {
            let id = ids::encode_id(c.account as u64);
            let name = store
                .accounts
                .get(&c.account)
                .map(|a| {
                    let domain = store
                        .domains
                        .get(&a.domain_id)
                        .map(|d| d.name.clone())
                        .unwrap_or_default();
                    format!("{}@{domain}", a.name)
                })
                .unwrap_or_else(|| "admin".into());
            (
                json!({ id.clone(): {"name": name, "isPersonal": true, "isReadOnly": false,
                                     "accountCapabilities": {"urn:stalwart:jmap": {}}} }),
                json!({"urn:stalwart:jmap": id}),
                name,
            )
        }
        None => (json!({}), json!({}), String::new()),
    };
    let body = json!({
        "capabilities": {"urn:ietf:params:jmap:core": {"maxSizeUpload": 50000000, "maxConcurrentUpload": 4,
            "maxSizeRequest": 10000000, "maxConcurrentRequests": 4, "maxCallsInRequest": 16,
            "maxObjectsInGet": 500, "maxObjectsInSet": 500,
            "collationAlgorithms": ["i;ascii-numeric", "i;ascii-casemap", "i;unicode-casemap"]}},
        "accounts": accounts, "primaryAccounts": primary, "username": username,
        "apiUrl": "https://mail.example.org/jmap/", "state": "bd534a19"
    });
    let mut response = (StatusCode::OK, body.to_string()).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json; charset=utf-8"),
    );
    response
}
