//! Which webhooks deliver (API.md §11.1): `x:Action ReloadSettings` (live 096, 110), a
//! simulated restart, and the events handed to the delivery tasks (`../delivery.rs`).
//!
//! Modelled on Stalwart's telemetry reload (`Telemetry::update`,
//! `crates/common/src/telemetry/mod.rs`): a reload starts hooks that are new, stops hooks that
//! are gone or disabled (their pending retries still run out) and, for a hook that keeps
//! running, changes only its events. Its URL, signature key, headers, throttle, timeout and
//! discardAfter stay as they were when it started, until a restart.

use super::json::*;
use super::types::*;
use crate::stalwart::ids::encode_id;
use serde_json::{Map, Value, json};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::time::{Duration, Instant};
use tokio::sync::mpsc::UnboundedSender;

/// Stalwart's snowflake epoch (2021-09-22T03:06:40Z). Registry ids and span ids are
/// (ms since it) << 21 | node << 12 | sequence: live 096's "jpxh17lmafqa" decodes to
/// 2026-11-22T10:05:37.334Z, the minute of its Date header.
const SNOWFLAKE_EPOCH_MS: u64 = 1_632_280_000_000;

/// `POST /_sim/reload-failure`: what makes every `ReloadSettings` fail, as an unrelated
/// settings object did on the live server (live 110, 123).
#[derive(Debug, Clone, serde::Deserialize)]
pub struct ReloadFailure {
    pub object: String,
    pub id: String,
    pub description: String,
}

/// What a delivery task needs, fixed when its hook starts.
#[derive(Debug, Clone)]
pub(crate) struct HookSettings {
    pub hook_id: String,
    pub url: String,
    /// The HMAC key; empty means no `X-Signature`.
    pub key: String,
    pub headers: Vec<(String, String)>,
    pub throttle: Duration,
    pub timeout: Duration,
    pub discard_after: Duration,
    pub allow_invalid_certs: bool,
}

/// One telemetry event, serialised at each delivery attempt (its `id` changes then).
#[derive(Debug, Clone)]
pub(crate) struct Event {
    pub kind: &'static str,
    /// `EventType::to_id()`, the last digits of the delivered `id` (live 113: …37).
    pub type_id: u16,
    /// Unix seconds; `createdAt` and the first digits of the delivered `id`.
    pub created_at: i64,
    pub data: Map<String, Value>,
}

#[derive(Debug)]
pub(crate) enum TelemetryMessage {
    Start {
        instance: u64,
        settings: HookSettings,
    },
    /// `at_once`: a restart drops pending events; a reload lets them run out.
    Stop {
        instance: u64,
        at_once: bool,
    },
    Event {
        event: Event,
        instances: Vec<u64>,
    },
}

#[derive(Debug)]
struct Running {
    instance: u64,
    include: bool,
    events: BTreeSet<String>,
}

impl Running {
    fn wants(&self, kind: &str) -> bool {
        self.events.contains(kind) == self.include
    }
}

/// A successful HTTP Basic login Stalwart remembers: the same header within the token expiry
/// (one hour) is not authenticated again, so it logs no event (live 116–119).
#[derive(Debug)]
pub(super) struct CachedLogin {
    pub expires: Instant,
    pub account: u32,
    /// Stalwart drops the entry when the account changed (`AccessToken::revision`).
    pub revision: [u8; 32],
}

#[derive(Debug, Default)]
pub(crate) struct Telemetry {
    /// The stored `x:WebHook` objects (canonical property order).
    pub hooks: BTreeMap<u64, Map<String, Value>>,
    running: BTreeMap<u64, Running>,
    next_instance: u64,
    sequence: u64,
    pub reload_failure: Option<ReloadFailure>,
    /// Where events and hook changes go; `None` when no simulator server runs the deliveries.
    pub sink: Option<UnboundedSender<TelemetryMessage>>,
    pub(super) logins: HashMap<String, CachedLogin>,
    /// Every delivery attempt, for `GET /_sim/webhook-deliveries`.
    pub deliveries: Vec<Value>,
}

impl Telemetry {
    pub(super) fn snowflake(&mut self) -> u64 {
        let now_ms = time::OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000;
        let elapsed = (now_ms as u64).saturating_sub(SNOWFLAKE_EPOCH_MS);
        self.sequence = self.sequence.wrapping_add(1);
        (elapsed << 21) | (self.sequence & 4095)
    }

    fn send(&self, message: TelemetryMessage) {
        if let Some(sink) = &self.sink {
            // A closed sink means the simulator is shutting down: nothing to deliver to.
            let _ = sink.send(message);
        }
    }

    /// Hands an event to every running hook that wants it.
    pub(super) fn emit(&self, kind: &'static str, type_id: u16, data: Map<String, Value>) {
        let instances: Vec<u64> = self
            .running
            .values()
            .filter(|r| r.wants(kind))
            .map(|r| r.instance)
            .collect();
        if instances.is_empty() {
            return;
        }
        let created_at = time::OffsetDateTime::now_utc().unix_timestamp();
        let event = Event {
            kind,
            type_id,
            created_at,
            data,
        };
        self.send(TelemetryMessage::Event { event, instances });
    }

    /// The hooks a (re)load puts to work: enabled, with at least one event.
    fn runnable(&self) -> Vec<(u64, bool, BTreeSet<String>)> {
        self.hooks
            .iter()
            .filter(|(_, h)| h["enable"] == json!(true))
            .map(|(id, h)| {
                let include = h["eventsPolicy"] == json!("include");
                let events: Option<BTreeSet<String>> =
                    h["events"].as_object().map(|e| e.keys().cloned().collect());
                (*id, include, events.unwrap_or_default())
            })
            .filter(|(_, include, events)| !(*include && events.is_empty()))
            .collect()
    }

    /// `ReloadSettings`: Stalwart parses the telemetry settings before the rest, so a hook
    /// that enables no event fails the reload first; any failure applies nothing.
    fn reload(&mut self) -> Result<(), Value> {
        let no_events = self.hooks.iter().find(|(_, h)| {
            h["enable"] == json!(true)
                && h["eventsPolicy"] == json!("include")
                && h["events"].as_object().is_none_or(Map::is_empty)
        });
        if let Some((id, _)) = no_events {
            return Err(json!({"type": "validationFailed",
                "description": "No events enabled for webhook",
                "objectId": {"object": "WebHook", "id": encode_id(*id)}}));
        }
        if let Some(f) = &self.reload_failure {
            return Err(
                json!({"type": "validationFailed", "description": f.description,
                "objectId": {"object": f.object, "id": f.id}}),
            );
        }
        self.apply();
        Ok(())
    }

    fn apply(&mut self) {
        let runnable = self.runnable();
        let gone: Vec<u64> = self
            .running
            .keys()
            .filter(|id| !runnable.iter().any(|(r, _, _)| r == *id))
            .copied()
            .collect();
        for id in gone {
            let running = self.running.remove(&id).expect("listed");
            self.send(TelemetryMessage::Stop {
                instance: running.instance,
                at_once: false,
            });
        }
        for (id, include, events) in runnable {
            if let Some(running) = self.running.get_mut(&id) {
                running.include = include;
                running.events = events;
                continue;
            }
            self.next_instance += 1;
            let instance = self.next_instance;
            let settings = settings(id, &self.hooks[&id]);
            self.send(TelemetryMessage::Start { instance, settings });
            self.running.insert(
                id,
                Running {
                    instance,
                    include,
                    events,
                },
            );
        }
    }

    /// A server restart: pending deliveries and cached logins are lost, every hook starts
    /// afresh from its stored settings, and a failing settings object does not stop the boot
    /// (live 110–113: the hook a failed reload left idle delivered after the restart).
    pub(crate) fn restart(&mut self) {
        for running in std::mem::take(&mut self.running).into_values() {
            self.send(TelemetryMessage::Stop {
                instance: running.instance,
                at_once: true,
            });
        }
        self.logins.clear();
        self.apply();
    }
}

/// A secret as a `SecretKey` names it; a file's trailing newline is not part of it.
fn resolve_secret(key: &Value) -> String {
    let text = |field: &str| key.get(field).and_then(Value::as_str).unwrap_or_default();
    match key.get("@type").and_then(Value::as_str) {
        Some("Value") => text("secret").to_owned(),
        Some("EnvironmentVariable") => std::env::var(text("variableName")).unwrap_or_default(),
        Some("File") => std::fs::read_to_string(text("filePath"))
            .map(|s| s.trim_end().to_owned())
            .unwrap_or_default(),
        _ => String::new(),
    }
}

fn settings(id: u64, hook: &Map<String, Value>) -> HookSettings {
    use base64::Engine;
    let ms = |key: &str| Duration::from_millis(hook[key].as_u64().unwrap_or_default());
    // `HttpAuth::build_headers`: the content type, the custom headers, then the credentials.
    let mut headers = vec![("Content-Type".to_owned(), "application/json".to_owned())];
    for (name, value) in hook["httpHeaders"].as_object().into_iter().flatten() {
        headers.push((name.clone(), value.as_str().unwrap_or_default().to_owned()));
    }
    let auth = &hook["httpAuth"];
    match auth["@type"].as_str() {
        Some("Basic") => {
            let user = auth["username"].as_str().unwrap_or_default();
            let pair = format!("{user}:{}", resolve_secret(&auth["secret"]));
            let encoded = base64::engine::general_purpose::STANDARD.encode(pair);
            headers.push(("Authorization".into(), format!("Basic {encoded}")));
        }
        Some("Bearer") => {
            let token = resolve_secret(&auth["bearerToken"]);
            headers.push(("Authorization".into(), format!("Bearer {token}")));
        }
        _ => {}
    }
    HookSettings {
        hook_id: encode_id(id),
        url: hook["url"].as_str().unwrap_or_default().to_owned(),
        key: resolve_secret(&hook["signatureKey"]),
        headers,
        throttle: ms("throttle"),
        timeout: ms("timeout"),
        discard_after: ms("discardAfter"),
        allow_invalid_certs: hook["allowInvalidCerts"] == json!(true),
    }
}

impl Store {
    /// `x:Action/set` (live 072, 093, 096, 110): only `ReloadSettings` is modelled; its id is
    /// the creation time in seconds ("bvqfptr" = 2026-11-22T10:05:37Z, live 096).
    pub(super) fn action_set(&mut self, caller: Caller, args: &Map<String, Value>) -> Value {
        let mut response = Map::new();
        response.insert("accountId".into(), json!(encode_id(caller.account as u64)));
        let (mut created, mut not_created) = (Map::new(), Map::new());
        for (client_id, action) in args
            .get("create")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
        {
            let result = match action.get("@type").and_then(Value::as_str) {
                Some("ReloadSettings") => self.telemetry.reload(),
                _ => Err(set_error_described(
                    "invalidPatch",
                    "The simulator models the ReloadSettings action only",
                    &["@type"],
                )),
            };
            match result {
                Ok(()) => {
                    let now = time::OffsetDateTime::now_utc().unix_timestamp() as u64;
                    created.insert(client_id.clone(), json!({"id": encode_id(now)}));
                }
                Err(e) => {
                    not_created.insert(client_id.clone(), e);
                }
            }
        }
        let refuse = |description: &str, ids: Vec<String>| -> Map<String, Value> {
            let error = json!({"type": "forbidden", "description": description});
            ids.into_iter().map(|id| (id, error.clone())).collect()
        };
        let updates = args.get("update").map(keys_of).unwrap_or_default();
        let destroys: Vec<String> = args
            .get("destroy")
            .and_then(Value::as_array)
            .map(|d| {
                d.iter()
                    .filter_map(|v| v.as_str().map(Into::into))
                    .collect()
            })
            .unwrap_or_default();
        put_nonempty(&mut response, "created", created);
        put_nonempty(&mut response, "notCreated", not_created);
        let not_updated = refuse("Actions cannot be updated", updates);
        put_nonempty(&mut response, "notUpdated", not_updated);
        let not_destroyed = refuse("Actions cannot be destroyed", destroys);
        put_nonempty(&mut response, "notDestroyed", not_destroyed);
        Value::Object(response)
    }

    /// Makes every later `ReloadSettings` fail like live 110 (`None`: succeed again).
    pub fn set_reload_failure(&mut self, failure: Option<ReloadFailure>) {
        self.telemetry.reload_failure = failure;
    }

    /// Simulates a server restart (see `Telemetry::restart`).
    pub fn restart(&mut self) {
        self.telemetry.restart();
    }

    /// Every webhook delivery attempt so far (`GET /_sim/webhook-deliveries`).
    pub fn webhook_deliveries(&self) -> Vec<Value> {
        self.telemetry.deliveries.clone()
    }
}
