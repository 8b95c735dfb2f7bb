//! The JMAP wire layer: one POST to `/jmap` carrying a batch of method calls, and the mapping
//! of every HTTP status and method error to [`StalwartError`].

use super::error::{SetError, StalwartError};
use crate::ssr::outbound::{Outbound, ReadError, is_refusal, read_limited};
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value, json};
use std::time::Duration;

/// Capabilities sent with every request (API.md §0: x: methods need none, but an unknown URN
/// would reject the whole request, so we send exactly what the web UI sends for management).
const USING: [&str; 2] = ["urn:ietf:params:jmap:core", "urn:stalwart:jmap"];

/// A batch of method calls sent in one request. Calls are named `c0`, `c1`, … so later calls
/// can reference earlier results.
#[derive(Debug, Default)]
pub struct Batch {
    calls: Vec<Value>,
}

#[derive(Debug, Clone, Copy)]
pub struct CallRef {
    index: usize,
    method: &'static str,
}

impl CallRef {
    pub fn method(&self) -> &'static str {
        self.method
    }

    pub fn call_id(&self) -> String {
        format!("c{}", self.index)
    }

    /// A result reference (`#ids` style) to `path` in this call's response.
    pub fn result_of(&self, path: &str) -> Value {
        json!({ "resultOf": self.call_id(), "name": self.method, "path": path })
    }
}

impl Batch {
    pub fn new() -> Self {
        Self::default()
    }

    /// The first call's method (what the batch is for: the rest look things up for it).
    pub fn first_method(&self) -> Option<&str> {
        self.calls.first()?.get(0)?.as_str()
    }

    pub fn call(&mut self, method: &'static str, args: Value) -> CallRef {
        let call = CallRef {
            index: self.calls.len(),
            method,
        };
        self.calls.push(json!([method, args, call.call_id()]));
        call
    }

    pub fn to_body(&self) -> Value {
        json!({ "using": USING, "methodCalls": self.calls })
    }
}

/// The method responses of one request, looked up by the call that produced them.
#[derive(Debug)]
pub struct Responses {
    by_call: Vec<(String, String, Value)>,
}

impl Responses {
    fn take_raw(&mut self, call: CallRef) -> Result<Value, StalwartError> {
        let id = call.call_id();
        let pos = self
            .by_call
            .iter()
            .position(|(_, call_id, _)| *call_id == id)
            .ok_or_else(|| StalwartError::Protocol(format!("no response for call {id}")))?;
        let (name, _, args) = self.by_call.swap_remove(pos);
        if name == "error" {
            return Err(method_error(args));
        }
        if name != call.method {
            return Err(StalwartError::Protocol(format!(
                "expected {} in response to {id}, got {name}",
                call.method
            )));
        }
        Ok(args)
    }

    /// Takes the response of `call`, turning a method-level error into a [`StalwartError`].
    pub fn take<T: DeserializeOwned>(&mut self, call: CallRef) -> Result<T, StalwartError> {
        let raw = self.take_raw(call)?;
        serde_json::from_value(raw)
            .map_err(|e| StalwartError::Protocol(format!("{}: {e}", call.method)))
    }
}

fn method_error(args: Value) -> StalwartError {
    #[derive(Deserialize)]
    struct MethodError {
        #[serde(rename = "type")]
        kind: String,
        #[serde(default)]
        description: Option<String>,
    }
    match serde_json::from_value::<MethodError>(args) {
        Ok(e) => match e.kind.as_str() {
            "forbidden" => StalwartError::Forbidden(e.description.unwrap_or_default()),
            "serverFail" | "serverUnavailable" | "serverPartialFail" => {
                StalwartError::Server { status: 200 }
            }
            _ => StalwartError::Method {
                kind: e.kind,
                description: e.description.unwrap_or_default(),
            },
        },
        Err(e) => StalwartError::Protocol(format!("malformed method error: {e}")),
    }
}

/// How a client reaches its server.
#[derive(Debug, Clone)]
pub struct Reach {
    /// How long to wait for an answer.
    pub timeout: Duration,
    /// `Some` when a partner typed the URL: connect only where the policy permits.
    pub guard: Option<Outbound>,
    /// The largest JMAP answer read.
    pub max_response: usize,
    /// The largest answer of the session and `/api` endpoints.
    pub max_small_response: usize,
    /// The server's name, for metrics ("" while a partner tests one not saved yet).
    pub server: String,
}

impl Reach {
    /// A server the operator declared, with the default answer sizes.
    pub fn trusted(timeout: Duration) -> Self {
        let defaults = crate::ssr::config::OutboundSettings::default();
        Self {
            timeout,
            guard: None,
            max_response: defaults.stalwart_response_bytes,
            max_small_response: defaults.stalwart_small_response_bytes,
            server: String::new(),
        }
    }
}

/// The HTTP side: base URL, API key and timeouts of one Stalwart server.
#[derive(Clone)]
pub struct Transport {
    http: reqwest::Client,
    endpoint: url::Url,
    api_key: SecretString,
    timeout: Duration,
    max_response: usize,
    max_small_response: usize,
    server: String,
}

impl std::fmt::Debug for Transport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Transport")
            .field("endpoint", &self.endpoint.as_str())
            .field("api_key", &"[redacted]")
            .field("timeout", &self.timeout)
            .finish()
    }
}

impl Transport {
    /// The API key, for deriving per-server keys (never sent anywhere but this server).
    pub fn api_key(&self) -> &SecretString {
        &self.api_key
    }

    pub fn new(
        base_url: &url::Url,
        api_key: SecretString,
        reach: &Reach,
    ) -> Result<Self, StalwartError> {
        let endpoint = base_url
            .join("jmap")
            .map_err(|e| StalwartError::Protocol(format!("bad base URL: {e}")))?;
        let timeout = reach.timeout;
        let builder = match &reach.guard {
            Some(guard) => {
                guard
                    .check_url(base_url)
                    .map_err(|_| StalwartError::NotAllowed)?;
                guard.http()
            }
            // The API key must never follow a redirect to another host.
            None => reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()),
        };
        let http = builder
            .connect_timeout(Duration::from_secs(3).min(timeout))
            .timeout(timeout)
            .pool_idle_timeout(Duration::from_secs(60))
            .tcp_nodelay(true)
            .build()
            .map_err(|e| StalwartError::Protocol(format!("HTTP client: {e}")))?;
        Ok(Self {
            http,
            endpoint,
            api_key,
            timeout,
            max_response: reach.max_response,
            max_small_response: reach.max_small_response,
            server: reach.server.clone(),
        })
    }

    #[tracing::instrument(name = "stalwart.jmap", skip_all, fields(calls = batch.calls.len()))]
    pub async fn send(&self, batch: &Batch) -> Result<Responses, StalwartError> {
        let method = batch.first_method().unwrap_or("none");
        self.measured(method, self.send_batch(batch)).await
    }

    /// Runs one call to the server, counting it for the metrics.
    async fn measured<T>(
        &self,
        method: &str,
        call: impl Future<Output = Result<T, StalwartError>>,
    ) -> Result<T, StalwartError> {
        let started = std::time::Instant::now();
        let result = call.await;
        let outcome = match &result {
            Ok(_) => "ok",
            Err(e) => e.kind(),
        };
        crate::ssr::metrics::stalwart_call(&self.server, method, outcome, started.elapsed());
        result
    }

    async fn send_batch(&self, batch: &Batch) -> Result<Responses, StalwartError> {
        let body = serde_json::to_vec(&batch.to_body())
            .map_err(|e| StalwartError::Protocol(e.to_string()))?;
        let response = self
            .http
            .post(self.endpoint.clone())
            .bearer_auth(self.api_key.expose_secret())
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .body(body)
            .send()
            .await
            .map_err(|e| self.transport_error(e))?;

        let bytes = self.checked_body(response, self.max_response).await?;

        #[derive(Deserialize)]
        struct Envelope {
            #[serde(rename = "methodResponses")]
            method_responses: Vec<(String, Value, String)>,
        }
        let envelope: Envelope = serde_json::from_slice(&bytes)
            .map_err(|e| StalwartError::Protocol(format!("response envelope: {e}")))?;
        Ok(Responses {
            by_call: envelope
                .method_responses
                .into_iter()
                .map(|(name, args, id)| (name, id, args))
                .collect(),
        })
    }

    /// The caller's own account id: `primaryAccounts["urn:stalwart:jmap"]` of the session
    /// object (API.md §3), i.e. the account that owns the API key.
    pub async fn session_account(&self) -> Result<String, StalwartError> {
        self.measured("session", self.fetch_session_account()).await
    }

    async fn fetch_session_account(&self) -> Result<String, StalwartError> {
        let url = self
            .endpoint
            .join("jmap/session")
            .map_err(|e| StalwartError::Protocol(format!("session URL: {e}")))?;
        let response = self
            .http
            .get(url)
            .bearer_auth(self.api_key.expose_secret())
            .send()
            .await
            .map_err(|e| self.transport_error(e))?;
        let bytes = self.checked_body(response, self.max_small_response).await?;
        let session: Value = serde_json::from_slice(&bytes)
            .map_err(|e| StalwartError::Protocol(format!("session object: {e}")))?;
        if session.get("capabilities").is_none() {
            return Err(StalwartError::Protocol("not a JMAP session object".into()));
        }
        // A session without accounts is what an unauthenticated caller sees (live 001): the
        // key was not taken.
        session
            .pointer("/primaryAccounts/urn:stalwart:jmap")
            .and_then(Value::as_str)
            .map(str::to_owned)
            .ok_or(StalwartError::Unauthorized)
    }

    /// A JSON document from one of Stalwart's HTTP endpoints besides JMAP (`api/account`).
    pub async fn get_api(&self, path: &str) -> Result<Value, StalwartError> {
        self.measured(path, self.fetch_api(path)).await
    }

    async fn fetch_api(&self, path: &str) -> Result<Value, StalwartError> {
        let url = self
            .endpoint
            .join(path)
            .map_err(|e| StalwartError::Protocol(format!("{path}: {e}")))?;
        let response = self
            .http
            .get(url)
            .bearer_auth(self.api_key.expose_secret())
            .send()
            .await
            .map_err(|e| self.transport_error(e))?;
        let bytes = self.checked_body(response, self.max_small_response).await?;
        serde_json::from_slice(&bytes).map_err(|e| StalwartError::Protocol(format!("{path}: {e}")))
    }

    /// Reads the answer and maps every HTTP status but 200 to its [`StalwartError`].
    async fn checked_body(
        &self,
        response: reqwest::Response,
        limit: usize,
    ) -> Result<bytes::Bytes, StalwartError> {
        let status = response.status();
        let retry_after = response
            .headers()
            .get(reqwest::header::RETRY_AFTER)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().parse::<u64>().ok())
            .map(Duration::from_secs);
        // The request reached Stalwart: losing the answer now leaves the outcome unknown.
        let bytes = read_limited(response, limit).await.map_err(|e| match e {
            ReadError::Http(e) if e.is_timeout() => StalwartError::Timeout(self.timeout),
            ReadError::Http(e) => {
                StalwartError::Protocol(format!("the answer was cut off: {}", root_cause(&e)))
            }
            ReadError::TooLarge(limit) => {
                StalwartError::Protocol(format!("the answer is larger than {limit} bytes"))
            }
        })?;

        match status.as_u16() {
            200 => {}
            401 => return Err(StalwartError::Unauthorized),
            403 => return Err(StalwartError::Forbidden(problem_detail(&bytes))),
            429 => return Err(StalwartError::RateLimited { retry_after }),
            400 => {
                let problem: Map<String, Value> =
                    serde_json::from_slice(&bytes).unwrap_or_default();
                let text = |k: &str| {
                    problem
                        .get(k)
                        .and_then(Value::as_str)
                        .unwrap_or("")
                        .to_owned()
                };
                return Err(StalwartError::BadRequest {
                    kind: text("type"),
                    detail: text("detail"),
                });
            }
            s if s >= 500 => return Err(StalwartError::Server { status: s }),
            s => {
                return Err(StalwartError::Protocol(format!(
                    "unexpected HTTP status {s}"
                )));
            }
        }

        Ok(bytes)
    }

    /// A timeout leaves the outcome unknown; anything else (refused, DNS, TLS, reset) means
    /// the request did not get through.
    fn transport_error(&self, e: reqwest::Error) -> StalwartError {
        if e.is_timeout() {
            StalwartError::Timeout(self.timeout)
        } else if is_refusal(&e) {
            StalwartError::NotAllowed
        } else {
            StalwartError::Unreachable(root_cause(&e))
        }
    }
}

fn root_cause(e: &(dyn std::error::Error + 'static)) -> String {
    let mut cause = e;
    while let Some(next) = cause.source() {
        cause = next;
    }
    cause.to_string()
}

fn problem_detail(bytes: &[u8]) -> String {
    serde_json::from_slice::<Map<String, Value>>(bytes)
        .ok()
        .and_then(|p| p.get("detail").and_then(Value::as_str).map(str::to_owned))
        .unwrap_or_else(|| "forbidden".into())
}

/// `/set` response: created, updated, destroyed and their failures (API.md §2).
#[derive(Debug, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct SetResponse<C = Value> {
    #[serde(default)]
    pub created: Map<String, Value>,
    #[serde(default)]
    pub not_created: Map<String, Value>,
    #[serde(default)]
    pub updated: Map<String, Value>,
    #[serde(default)]
    pub not_updated: Map<String, Value>,
    #[serde(default)]
    pub destroyed: Vec<String>,
    #[serde(default)]
    pub not_destroyed: Map<String, Value>,
    #[serde(skip)]
    _created: std::marker::PhantomData<C>,
}

impl<C: DeserializeOwned> SetResponse<C> {
    /// The outcome of creating the object we named `client_id`.
    pub fn created(&self, client_id: &str) -> Result<C, StalwartError> {
        if let Some(created) = self.created.get(client_id) {
            return serde_json::from_value(created.clone())
                .map_err(|e| StalwartError::Protocol(format!("created object: {e}")));
        }
        Err(self.failure(&self.not_created, client_id))
    }

    pub fn updated(&self, id: &str) -> Result<(), StalwartError> {
        if self.updated.contains_key(id) {
            return Ok(());
        }
        Err(self.failure(&self.not_updated, id))
    }

    pub fn destroyed(&self, id: &str) -> Result<(), StalwartError> {
        if self.destroyed.iter().any(|d| d == id) {
            return Ok(());
        }
        Err(self.failure(&self.not_destroyed, id))
    }

    fn failure(&self, failures: &Map<String, Value>, id: &str) -> StalwartError {
        match failures.get(id) {
            Some(err) => match serde_json::from_value::<SetError>(err.clone()) {
                Ok(e) => StalwartError::Set(Box::new(e)),
                Err(e) => StalwartError::Protocol(format!("SetError: {e}")),
            },
            None => StalwartError::Protocol(format!("{id} is missing from the /set response")),
        }
    }
}

/// `/query` response (API.md §2).
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct QueryResponse {
    pub ids: Vec<String>,
    #[serde(default)]
    pub position: u64,
    #[serde(default)]
    pub total: Option<u64>,
}

/// `/get` response (API.md §2).
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GetResponse<T> {
    pub list: Vec<T>,
}
