//! A stand-in for the IdP APIs directory sync asks (Keycloak's admin API, Authentik's, Zitadel's
//! user API v2, Microsoft Graph), answering with the recorded shapes in `testkit/directory/`,
//! the person's id and state filled in. Tests mark people disabled or deleted, or make the API
//! fail (down, 429, refusing the credentials) and read what was asked.

use axum::Router;
use axum::extract::{Form, Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};

/// The bearer every answer wants: an API token, or what the token endpoint hands out.
pub const API_TOKEN: &str = "directory-api-token";
pub const CLIENT_ID: &str = "postern-sync";
pub const CLIENT_SECRET: &str = "sync-secret";
const ISSUED_TOKEN: &str = "eyJhbGciOiJub25lIn0.issued.token";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Person {
    Active,
    Disabled,
    /// Zitadel only: locked after failed logins.
    Locked,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApiFault {
    /// 503 to everything.
    Down,
    /// 429 with this Retry-After (seconds).
    RateLimited(u64),
    /// 401: the credentials are not (any more) accepted.
    Refused,
}

#[derive(Default)]
struct Inner {
    people: BTreeMap<String, Person>,
    fault: Option<ApiFault>,
    requests: Vec<String>,
}

/// A running stand-in. Cheap to clone.
#[derive(Clone)]
pub struct DirectoryApi {
    pub url: String,
    inner: Arc<Mutex<Inner>>,
}

fn fixture(name: &str) -> &'static str {
    match name {
        "keycloak-user" => include_str!("../directory/keycloak-user.json"),
        "keycloak-not-found" => include_str!("../directory/keycloak-not-found.json"),
        "token" => include_str!("../directory/token.json"),
        "authentik-user" => include_str!("../directory/authentik-user.json"),
        "authentik-users" => include_str!("../directory/authentik-users.json"),
        "zitadel-user" => include_str!("../directory/zitadel-user.json"),
        "zitadel-not-found" => include_str!("../directory/zitadel-not-found.json"),
        "graph-user" => include_str!("../directory/graph-user.json"),
        "graph-not-found" => include_str!("../directory/graph-not-found.json"),
        other => panic!("no fixture {other}"),
    }
}

fn fill(name: &str, values: &[(&str, String)]) -> String {
    let mut text = fixture(name).trim().to_owned();
    for (key, value) in values {
        text = text.replace(&format!("{{{{{key}}}}}"), value);
    }
    text
}

fn json(status: StatusCode, body: String) -> Response {
    (status, [(header::CONTENT_TYPE, "application/json")], body).into_response()
}

impl DirectoryApi {
    pub async fn start() -> Self {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let url = format!("http://{}", listener.local_addr().expect("addr"));
        let inner = Arc::new(Mutex::new(Inner::default()));
        let app = Router::new()
            .route("/realms/{realm}/protocol/openid-connect/token", post(token))
            .route("/{tenant}/oauth2/v2.0/token", post(token))
            .route("/admin/realms/{realm}/users/{id}", get(keycloak_user))
            .route("/api/v3/core/users/", get(authentik_users))
            .route("/v2/users/{id}", get(zitadel_user))
            .route("/v1.0/users/{id}", get(graph_user))
            .layer(axum::middleware::from_fn_with_state(inner.clone(), faults))
            .with_state(inner.clone());
        tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        Self { url, inner }
    }

    /// Sets a person's state; a person never set, or [`DirectoryApi::delete`]d, is not found.
    pub fn set(&self, id: &str, person: Person) {
        self.inner
            .lock()
            .expect("lock")
            .people
            .insert(id.into(), person);
    }

    pub fn delete(&self, id: &str) {
        self.inner.lock().expect("lock").people.remove(id);
    }

    pub fn fail(&self, fault: Option<ApiFault>) {
        self.inner.lock().expect("lock").fault = fault;
    }

    /// Every request so far: "METHOD path?query".
    pub fn requests(&self) -> Vec<String> {
        self.inner.lock().expect("lock").requests.clone()
    }
}

async fn faults(
    State(inner): State<Arc<Mutex<Inner>>>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let (fault, authorized) = {
        let mut inner = inner.lock().expect("lock");
        let uri = request.uri();
        inner.requests.push(format!("{} {uri}", request.method()));
        let bearer = request
            .headers()
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "));
        let is_token_request = uri.path().ends_with("/token");
        let authorized = is_token_request || matches!(bearer, Some(API_TOKEN) | Some(ISSUED_TOKEN));
        (inner.fault, authorized)
    };
    match fault {
        Some(ApiFault::Down) => return StatusCode::SERVICE_UNAVAILABLE.into_response(),
        Some(ApiFault::RateLimited(secs)) => {
            return (
                StatusCode::TOO_MANY_REQUESTS,
                [(header::RETRY_AFTER, secs.to_string())],
            )
                .into_response();
        }
        Some(ApiFault::Refused) => return StatusCode::UNAUTHORIZED.into_response(),
        None => {}
    }
    if !authorized {
        return StatusCode::UNAUTHORIZED.into_response();
    }
    next.run(request).await
}

async fn token(Form(form): Form<HashMap<String, String>>) -> Response {
    let ok = form.get("grant_type").map(String::as_str) == Some("client_credentials")
        && form.get("client_id").map(String::as_str) == Some(CLIENT_ID)
        && form.get("client_secret").map(String::as_str) == Some(CLIENT_SECRET);
    if !ok {
        return json(
            StatusCode::UNAUTHORIZED,
            r#"{"error":"unauthorized_client","error_description":"Invalid client or Invalid client credentials"}"#.into(),
        );
    }
    json(
        StatusCode::OK,
        fill("token", &[("token", ISSUED_TOKEN.into())]),
    )
}

fn person(inner: &Arc<Mutex<Inner>>, id: &str) -> Option<Person> {
    inner.lock().expect("lock").people.get(id).copied()
}

async fn keycloak_user(
    State(inner): State<Arc<Mutex<Inner>>>,
    Path((_realm, id)): Path<(String, String)>,
) -> Response {
    match person(&inner, &id) {
        None => json(StatusCode::NOT_FOUND, fill("keycloak-not-found", &[])),
        Some(p) => json(
            StatusCode::OK,
            fill(
                "keycloak-user",
                &[("id", id), ("enabled", (p == Person::Active).to_string())],
            ),
        ),
    }
}

async fn zitadel_user(State(inner): State<Arc<Mutex<Inner>>>, Path(id): Path<String>) -> Response {
    let state = match person(&inner, &id) {
        None => return json(StatusCode::NOT_FOUND, fill("zitadel-not-found", &[])),
        Some(Person::Active) => "USER_STATE_ACTIVE",
        Some(Person::Disabled) => "USER_STATE_INACTIVE",
        Some(Person::Locked) => "USER_STATE_LOCKED",
    };
    json(
        StatusCode::OK,
        fill("zitadel-user", &[("id", id), ("state", state.into())]),
    )
}

async fn graph_user(
    State(inner): State<Arc<Mutex<Inner>>>,
    Path(id): Path<String>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    if q.get("$select").map(String::as_str) != Some("id,accountEnabled") {
        return json(
            StatusCode::BAD_REQUEST,
            r#"{"error":{"code":"BadRequest"}}"#.into(),
        );
    }
    match person(&inner, &id) {
        None => json(
            StatusCode::NOT_FOUND,
            fill("graph-not-found", &[("id", id)]),
        ),
        Some(p) => json(
            StatusCode::OK,
            fill(
                "graph-user",
                &[("id", id), ("enabled", (p == Person::Active).to_string())],
            ),
        ),
    }
}

async fn authentik_users(
    State(inner): State<Arc<Mutex<Inner>>>,
    Query(q): Query<HashMap<String, String>>,
    _headers: HeaderMap,
) -> Response {
    let page: usize = q
        .get("page")
        .and_then(|p| p.parse().ok())
        .unwrap_or(1)
        .max(1);
    let size: usize = q
        .get("page_size")
        .and_then(|p| p.parse().ok())
        .unwrap_or(20)
        .clamp(1, 100);
    let people: Vec<(String, Person)> = inner
        .lock()
        .expect("lock")
        .people
        .iter()
        .map(|(k, v)| (k.clone(), *v))
        .collect();
    let count = people.len();
    let pages = count.div_ceil(size).max(1);
    let chunk: Vec<String> = people
        .iter()
        .enumerate()
        .skip((page - 1) * size)
        .take(size)
        .map(|(n, (id, p))| {
            fill(
                "authentik-user",
                &[
                    ("id", id.clone()),
                    ("enabled", (*p == Person::Active).to_string()),
                    ("n", format!("{n:012}")),
                ],
            )
        })
        .collect();
    let start = if chunk.is_empty() {
        0
    } else {
        (page - 1) * size + 1
    };
    json(
        StatusCode::OK,
        fill(
            "authentik-users",
            &[
                (
                    "next",
                    if page < pages {
                        (page + 1).to_string()
                    } else {
                        "0".into()
                    },
                ),
                (
                    "previous",
                    if page > 1 {
                        (page - 1).to_string()
                    } else {
                        "0".into()
                    },
                ),
                ("count", count.to_string()),
                ("page", page.to_string()),
                ("pages", pages.to_string()),
                ("start", start.to_string()),
                ("end", (start + chunk.len()).saturating_sub(1).to_string()),
                ("results", chunk.join(",")),
            ],
        ),
    )
}
