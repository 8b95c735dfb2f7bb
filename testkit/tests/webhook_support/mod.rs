//! A webhook receiver on loopback and a simulator world for `webhooks.rs`.

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use base64::Engine;
use hmac::{Hmac, Mac};
use serde_json::{Value, json};
use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use testkit::stalwart::{Simulator, Store};

pub const ADMIN: &str = "admin:Adm1n-Recovery-Pass";
pub const CAROL: &str = "carol@example.org";
pub const CAROL_PASSWORD: &str = "Carol-Pass-1";
pub const KEY: &str = "whsecret-postern";

/// What the receiver got: headers and the raw body.
pub type Received = Vec<(HeaderMap, String)>;

/// A webhook endpoint on loopback that records every POST and answers with the queued
/// statuses, then 200.
pub struct Receiver {
    pub url: String,
    received: Arc<Mutex<Received>>,
    pub answers: Arc<Mutex<VecDeque<u16>>>,
}

type ReceiverState = (Arc<Mutex<Received>>, Arc<Mutex<VecDeque<u16>>>);

async fn record(
    State((received, answers)): State<ReceiverState>,
    headers: HeaderMap,
    body: Bytes,
) -> StatusCode {
    received
        .lock()
        .unwrap()
        .push((headers, String::from_utf8(body.to_vec()).unwrap()));
    let status = answers.lock().unwrap().pop_front().unwrap_or(200);
    StatusCode::from_u16(status).unwrap()
}

pub async fn receiver() -> Receiver {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!(
        "http://{}/hooks/stalwart/main",
        listener.local_addr().unwrap()
    );
    let state: ReceiverState = Default::default();
    let app = axum::Router::new()
        .route("/hooks/stalwart/main", axum::routing::post(record))
        .with_state(state.clone());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    Receiver {
        url,
        received: state.0,
        answers: state.1,
    }
}

impl Receiver {
    pub fn posts(&self) -> Received {
        self.received.lock().unwrap().clone()
    }

    /// Every event received so far, in order, each as delivered (key order kept).
    pub fn events(&self) -> Vec<Value> {
        let posts = self.posts();
        let bodies = posts
            .iter()
            .map(|(_, body)| serde_json::from_str::<Value>(body).unwrap());
        bodies
            .flat_map(|b| b["events"].as_array().unwrap().clone())
            .collect()
    }

    /// Waits (with a deadline) until `n` events have arrived.
    pub async fn wait_for_events(&self, n: usize) -> Vec<Value> {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
        loop {
            let events = self.events();
            if events.len() >= n {
                return events;
            }
            assert!(
                tokio::time::Instant::now() < deadline,
                "{n} events expected, got {events:?}"
            );
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    }
}

pub fn basic(login_and_secret: &str) -> String {
    format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(login_and_secret)
    )
}

/// example.org with carol (account 1, a password and one app password).
pub async fn world() -> (Simulator, String) {
    let mut store = Store::default();
    let org = store.create_domain("example.org");
    store.create_user("carol", &org, None, Some(CAROL_PASSWORD));
    let simulator = Simulator::start_with(store).await;
    let secret = app_password(&simulator).await;
    (simulator, secret)
}

pub async fn jmap(simulator: &Simulator, calls: Value) -> Vec<Value> {
    let response = reqwest::Client::new()
        .post(format!("{}/jmap", simulator.url))
        .header("Authorization", basic(ADMIN))
        .json(&json!({"using": ["urn:ietf:params:jmap:core", "urn:stalwart:jmap"], "methodCalls": calls}))
        .send()
        .await
        .unwrap();
    let body: Value = response.json().await.unwrap();
    body["methodResponses"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r[1].clone())
        .collect()
}

async fn app_password(simulator: &Simulator) -> String {
    let create = json!({"accountId": "b", "create": {"a": {"description": "probe"}}});
    let answer = jmap(simulator, json!([["x:AppPassword/set", create, "c0"]])).await;
    answer[0]["created"]["a"]["secret"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// Creates a hook for `auth.*` events (the product's request, with `throttle`), returns its id.
pub async fn register(simulator: &Simulator, url: &str, throttle: u64) -> String {
    let hook = json!({"url": url, "eventsPolicy": "include",
        "events": {"auth.success": true, "auth.failed": true, "auth.credential-expired": true,
                   "auth.too-many-attempts": true, "security.authentication-ban": true,
                   "security.ip-blocked": true},
        "signatureKey": {"@type": "Value", "secret": KEY}, "httpAuth": {"@type": "Unauthenticated"},
        "throttle": throttle});
    let answer = jmap(
        simulator,
        json!([["x:WebHook/set", {"create": {"h": hook}}, "c0"]]),
    )
    .await;
    answer[0]["created"]["h"]["id"]
        .as_str()
        .expect("created")
        .to_owned()
}

pub async fn reload(simulator: &Simulator) -> Value {
    let action = json!({"create": {"r": {"@type": "ReloadSettings"}}});
    jmap(simulator, json!([["x:Action/set", action, "c0"]]))
        .await
        .remove(0)
}

/// `GET /jmap/session` with HTTP Basic; the status.
pub async fn login(simulator: &Simulator, login_and_secret: &str) -> u16 {
    let response = reqwest::Client::new()
        .get(format!("{}/jmap/session", simulator.url))
        .header("Authorization", basic(login_and_secret))
        .send()
        .await
        .unwrap();
    response.status().as_u16()
}

/// Proving that nothing (more) arrives takes waiting: a few throttle periods.
pub async fn settle(throttle_ms: u64) {
    tokio::time::sleep(Duration::from_millis(4 * throttle_ms)).await;
}

pub fn keys(v: &Value) -> Vec<&str> {
    v.as_object().unwrap().keys().map(String::as_str).collect()
}

pub fn signature(body: &str) -> String {
    signature_with(KEY, body)
}

pub fn signature_with(key: &str, body: &str) -> String {
    let mut mac = Hmac::<sha2::Sha256>::new_from_slice(key.as_bytes()).unwrap();
    mac.update(body.as_bytes());
    base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes())
}

pub fn port(simulator: &Simulator) -> u64 {
    simulator.url.rsplit(':').next().unwrap().parse().unwrap()
}
