//! Webhook deliveries (API.md §11, §11.1; live 097, 113, 115, 119, 122), after Stalwart's
//! `crates/common/src/telemetry/webhooks/mod.rs`.
//!
//! One task per running hook collects its events. When `throttle` has passed since its last
//! POST it sends everything pending in one POST (so the first event goes at once and later ones
//! are batched per `throttle`); one POST is in flight at a time. A non-2xx answer or a
//! connection error puts the batch back: it is sent again `throttle` after the failed attempt,
//! with new event ids but the same `createdAt` and `data`, until `discardAfter` has passed since
//! an event was created. The store's mutex is never held across an await.

use super::Shared;
use super::store::{Event, HookSettings, TelemetryMessage};
use base64::Engine;
use hmac::{Hmac, Mac};
use serde_json::{Value, json};
use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use tokio::sync::mpsc::{UnboundedReceiver, UnboundedSender, unbounded_channel};
use tokio::task::{AbortHandle, JoinSet};
use tokio::time::Instant;

/// Starts the deliveries of a simulator; aborting the returned task stops every delivery.
pub(super) fn start(shared: &Shared) -> tokio::task::JoinHandle<()> {
    let (sink, messages) = unbounded_channel();
    shared.lock().expect("lock").telemetry.sink = Some(sink);
    tokio::spawn(dispatch(shared.clone(), messages))
}

async fn dispatch(shared: Shared, mut messages: UnboundedReceiver<TelemetryMessage>) {
    // Stalwart's `EVENT_ID_COUNTER`: one per process, advanced by every serialised event.
    let counter = Arc::new(AtomicU64::new(0));
    let mut hooks: HashMap<u64, (UnboundedSender<Event>, AbortHandle)> = HashMap::new();
    // Dropped with this task, which aborts every hook task.
    let mut tasks = JoinSet::new();
    while let Some(message) = messages.recv().await {
        while tasks.try_join_next().is_some() {}
        match message {
            TelemetryMessage::Start { instance, settings } => {
                let (events, inbox) = unbounded_channel();
                let task = run_hook(settings, inbox, shared.clone(), counter.clone());
                hooks.insert(instance, (events, tasks.spawn(task)));
            }
            // Dropping the sender lets the hook finish what is pending, as a removed Stalwart
            // subscriber keeps retrying; a restart loses it.
            TelemetryMessage::Stop { instance, at_once } => {
                if let Some((_, task)) = hooks.remove(&instance)
                    && at_once
                {
                    task.abort();
                }
            }
            TelemetryMessage::Event { event, instances } => {
                for instance in instances {
                    if let Some((events, _)) = hooks.get(&instance) {
                        let _ = events.send(event.clone());
                    }
                }
            }
        }
    }
}

type Attempt = Pin<Box<dyn Future<Output = Result<(), Vec<Event>>> + Send>>;

async fn run_hook(
    settings: HookSettings,
    mut inbox: UnboundedReceiver<Event>,
    shared: Shared,
    counter: Arc<AtomicU64>,
) {
    let client = reqwest::Client::builder()
        .timeout(settings.timeout)
        .danger_accept_invalid_certs(settings.allow_invalid_certs)
        .build()
        .expect("HTTP client");
    let settings = Arc::new(settings);
    let mut pending: Vec<Event> = Vec::new();
    let mut next_delivery = Instant::now();
    let mut in_flight: Option<Attempt> = None;
    let mut open = true;
    loop {
        // Stalwart compares whole seconds here.
        let now = time::OffsetDateTime::now_utc().unix_timestamp();
        let discard_after = settings.discard_after.as_secs() as i64;
        pending.retain(|e| now.saturating_sub(e.created_at) < discard_after);
        if in_flight.is_none() && !pending.is_empty() && next_delivery <= Instant::now() {
            next_delivery = Instant::now() + settings.throttle;
            let batch = std::mem::take(&mut pending);
            let (client, settings) = (client.clone(), settings.clone());
            let (shared, counter) = (shared.clone(), counter.clone());
            in_flight = Some(Box::pin(post(client, settings, batch, shared, counter)));
        }
        if !open && pending.is_empty() && in_flight.is_none() {
            return;
        }
        let waiting = in_flight.is_none() && !pending.is_empty();
        tokio::select! {
            event = inbox.recv(), if open => match event {
                Some(event) => pending.push(event),
                None => open = false,
            },
            _ = tokio::time::sleep_until(next_delivery), if waiting => {}
            result = async { in_flight.as_mut().expect("in flight").await }, if in_flight.is_some() => {
                in_flight = None;
                if let Err(batch) = result {
                    pending.extend(batch);
                }
            }
        }
    }
}

/// One delivery attempt; the batch comes back when it has to be sent again.
async fn post(
    client: reqwest::Client,
    settings: Arc<HookSettings>,
    batch: Vec<Event>,
    shared: Shared,
    counter: Arc<AtomicU64>,
) -> Result<(), Vec<Event>> {
    let body = serialize(&batch, &counter);
    let mut request = client.post(&settings.url);
    for (name, value) in &settings.headers {
        request = request.header(name, value);
    }
    let signature = (!settings.key.is_empty()).then(|| sign(&settings.key, &body));
    if let Some(signature) = &signature {
        request = request.header("X-Signature", signature);
    }
    let outcome = request.body(body.clone()).send().await;
    let (status, error) = match &outcome {
        Ok(response) => (Some(response.status().as_u16()), None),
        Err(e) => (None, Some(e.to_string())),
    };
    let attempt = json!({"hookId": settings.hook_id, "url": settings.url,
        "at": super::store::now_rfc3339(), "status": status, "error": error,
        "signature": signature, "body": body});
    shared
        .lock()
        .expect("lock")
        .telemetry
        .deliveries
        .push(attempt);
    match outcome {
        Ok(response) if response.status().is_success() => Ok(()),
        _ => Err(batch),
    }
}

/// `{"events":[…]}` as Stalwart writes it (live 113): compact, keys in this order, `id` =
/// creation second ‖ counter ‖ event type id, new at every attempt (live 122).
fn serialize(batch: &[Event], counter: &AtomicU64) -> String {
    let first = counter.fetch_add(batch.len() as u64, Ordering::Relaxed);
    let events: Vec<Value> = batch
        .iter()
        .zip(first..)
        .map(|(e, n)| {
            let created_at = time::OffsetDateTime::from_unix_timestamp(e.created_at)
                .expect("a valid time")
                .format(&time::format_description::well_known::Rfc3339)
                .expect("formats");
            json!({"id": format!("{}{n}{}", e.created_at, e.type_id), "createdAt": created_at,
                   "type": e.kind, "data": e.data})
        })
        .collect();
    json!({ "events": events }).to_string()
}

/// `X-Signature`: standard base64 (padded) of HMAC-SHA256(key, raw body) (live 097).
fn sign(key: &str, body: &str) -> String {
    let mut mac = Hmac::<sha2::Sha256>::new_from_slice(key.as_bytes()).expect("any key length");
    mac.update(body.as_bytes());
    base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes())
}
