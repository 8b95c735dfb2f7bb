//! A delivery as Stalwart sends it (API.md §11, live 097, 113–122): checking its signature,
//! and reading the events Postern keeps.

use crate::ssr::stalwart::HOOK_EVENTS;
use hmac::{Hmac, Mac};
use serde::Deserialize;
use serde_json::Value;
use sha2::{Digest, Sha256};

/// Whether `signature` (the `X-Signature` header: base64 of HMAC-SHA256 over the raw body)
/// was made with `key`. The comparison takes the same time whatever the bytes.
pub fn signature_ok(key: &[u8], body: &[u8], signature: Option<&[u8]>) -> bool {
    use base64::Engine;
    let Some(decoded) = signature.and_then(|s| {
        base64::engine::general_purpose::STANDARD
            .decode(s.trim_ascii())
            .ok()
    }) else {
        return false;
    };
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes any key length");
    mac.update(body);
    mac.verify_slice(&decoded).is_ok()
}

/// One event Postern keeps, read from a delivery.
#[derive(Debug, Clone, PartialEq)]
pub struct Incoming {
    /// Identifies the event across re-sends: Stalwart gives a re-sent event a new `id`, so
    /// it is made of the type, the time and the span (or, without a span, all of `data`).
    pub dedupe: String,
    pub kind: &'static str,
    pub at: i64,
    /// The account's JMAP id.
    pub account_id: String,
    /// The app password's JMAP id, when the event names one.
    pub credential_id: Option<String>,
    pub listener: Option<String>,
    pub remote_ip: Option<String>,
    pub reason: Option<String>,
}

#[derive(Deserialize)]
struct Delivery {
    events: Vec<RawEvent>,
}

#[derive(Deserialize)]
struct RawEvent {
    #[serde(rename = "createdAt")]
    created_at: String,
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    data: serde_json::Map<String, Value>,
}

/// The events of a delivery that name an account and are of a type Postern asked for; the
/// others (a type added later, a ban that names only an address) are skipped.
pub fn read(body: &[u8]) -> Result<Vec<Incoming>, serde_json::Error> {
    let delivery: Delivery = serde_json::from_slice(body)?;
    Ok(delivery.events.into_iter().filter_map(incoming).collect())
}

fn incoming(raw: RawEvent) -> Option<Incoming> {
    let kind = *HOOK_EVENTS.iter().find(|k| **k == raw.kind)?;
    let at = crate::ssr::time::parse_rfc3339(&raw.created_at)?.unix_timestamp();
    let account = raw.data.get("accountId")?.as_u64()?;
    let text = |name: &str| {
        raw.data
            .get(name)
            .and_then(Value::as_str)
            .map(str::to_owned)
    };
    let identity = match raw.data.get("spanId") {
        Some(span) => span.to_string(),
        None => canonical(&Value::Object(raw.data.clone())),
    };
    let digest = Sha256::digest(format!("{kind}\n{}\n{identity}", raw.created_at));
    Some(Incoming {
        dedupe: dedupe(at, &digest),
        kind,
        at,
        account_id: jmap_id(account),
        credential_id: raw.data.get("id").and_then(Value::as_u64).map(jmap_id),
        listener: text("listenerId"),
        remote_ip: text("remoteIp"),
        reason: text("reason"),
    })
}

/// The event's time (11 hex digits, so keys sort by time and a delivery's events land on
/// neighbouring pages of the unique index) and 128 bits of the digest.
fn dedupe(at: i64, digest: &[u8]) -> String {
    format!(
        "{:011x}{}",
        at.max(0),
        data_encoding::HEXLOWER.encode(&digest[..16])
    )
}

/// `value` with every object's keys sorted: the same data in any key order reads the same.
fn canonical(value: &Value) -> String {
    match value {
        Value::Object(map) => {
            let mut keys: Vec<_> = map.keys().collect();
            keys.sort();
            let fields: Vec<String> = keys
                .into_iter()
                .map(|k| format!("{}:{}", Value::String(k.clone()), canonical(&map[k])))
                .collect();
            format!("{{{}}}", fields.join(","))
        }
        Value::Array(items) => {
            format!(
                "[{}]",
                items.iter().map(canonical).collect::<Vec<_>>().join(",")
            )
        }
        other => other.to_string(),
    }
}

/// A numeric id as JMAP shows it, the way Stalwart's `Id::as_string` writes it: base 32 with
/// the alphabet `a…z792013`, most significant digit first (0 → "a", 1 → "b").
pub fn jmap_id(mut n: u64) -> String {
    const ALPHABET: &[u8; 32] = b"abcdefghijklmnopqrstuvwxyz792013";
    let mut digits = Vec::with_capacity(13);
    loop {
        digits.push(ALPHABET[(n & 31) as usize]);
        n >>= 5;
        if n == 0 {
            break;
        }
    }
    digits.reverse();
    String::from_utf8(digits).expect("the alphabet is ASCII")
}

#[cfg(test)]
mod tests {
    use super::*;

    // Live 113: an IMAP sign-in with app password "b" of account "b".
    const LIVE_113: &str = r#"{"events":[{"id":"1796001029137","createdAt":"2026-11-30T01:10:29Z","type":"auth.success","data":{"accountName":"carol","accountId":1,"id":1,"spanId":343347884002903552,"details":"Authenticated with app password","listenerId":"imaps","localPort":11993,"remoteIp":"127.0.0.1","remotePort":46688}}]}"#;

    #[test]
    fn numeric_ids_read_as_stalwart_writes_them() {
        assert_eq!(jmap_id(0), "a");
        assert_eq!(jmap_id(1), "b");
        assert_eq!(jmap_id(31), "3");
        assert_eq!(jmap_id(32), "ba");
        assert_eq!(jmap_id(u32::MAX as u64), "d333333");
    }

    #[test]
    fn the_live_signature_verifies_and_a_changed_body_does_not() {
        // Live 097: the key and the header Stalwart sent with that body.
        let body = r#"{"events":[{"id":"1795341938037","createdAt":"2026-11-22T10:05:38Z","type":"auth.success","data":{"accountName":"alice@example.org","accountId":1,"spanId":341965669482415616,"listenerId":"imaps","localPort":11993,"remoteIp":"127.0.0.1","remotePort":34192}}]}"#;
        let header = b"mtEfQ5UaVx9APHmLpAL1OWFn9hrTtbrTMqNyJyPgPH4=";
        assert!(signature_ok(b"whsecret-123", body.as_bytes(), Some(header)));
        assert!(!signature_ok(
            b"whsecret-124",
            body.as_bytes(),
            Some(header)
        ));
        let altered = body.replace("127.0.0.1", "127.0.0.2");
        assert!(!signature_ok(
            b"whsecret-123",
            altered.as_bytes(),
            Some(header)
        ));
        assert!(!signature_ok(b"whsecret-123", body.as_bytes(), None));
        assert!(!signature_ok(
            b"whsecret-123",
            body.as_bytes(),
            Some(b"not base64!")
        ));
    }

    #[test]
    fn an_app_password_sign_in_names_the_account_and_the_password() {
        let events = read(LIVE_113.as_bytes()).unwrap();
        assert_eq!(events.len(), 1);
        let e = &events[0];
        assert_eq!(e.kind, "auth.success");
        assert_eq!(e.account_id, "b");
        assert_eq!(e.credential_id.as_deref(), Some("b"));
        assert_eq!(e.listener.as_deref(), Some("imaps"));
        assert_eq!(e.remote_ip.as_deref(), Some("127.0.0.1"));
        assert_eq!(e.at, 1_796_001_029);
    }

    #[test]
    fn a_re_sent_event_with_a_new_id_is_the_same_event() {
        // Live 122: the same event delivered three times, each with another id.
        let again = LIVE_113.replace("1796001029137", "1796001029237");
        let other_span = LIVE_113.replace("343347884002903552", "343347884002903553");
        let first = read(LIVE_113.as_bytes()).unwrap().remove(0);
        assert_eq!(first.dedupe, read(again.as_bytes()).unwrap()[0].dedupe);
        assert_ne!(first.dedupe, read(other_span.as_bytes()).unwrap()[0].dedupe);
    }

    #[test]
    fn without_a_span_the_data_identifies_the_event_in_any_key_order() {
        let a = r#"{"events":[{"id":"1","createdAt":"2026-11-30T01:10:29Z","type":"auth.failed","data":{"accountId":2,"remoteIp":"192.0.2.1","reason":"x"}}]}"#;
        let b = r#"{"events":[{"id":"2","createdAt":"2026-11-30T01:10:29Z","type":"auth.failed","data":{"reason":"x","remoteIp":"192.0.2.1","accountId":2}}]}"#;
        let c = a.replace("192.0.2.1", "192.0.2.2");
        let dedupe = |s: &str| read(s.as_bytes()).unwrap().remove(0).dedupe;
        assert_eq!(dedupe(a), dedupe(b));
        assert_ne!(dedupe(a), dedupe(&c));
    }

    #[test]
    fn unknown_types_and_events_without_an_account_are_skipped() {
        let body = r#"{"events":[
            {"id":"1","createdAt":"2026-11-30T01:10:29Z","type":"delivery.completed","data":{"accountId":1}},
            {"id":"2","createdAt":"2026-11-30T01:10:29Z","type":"security.ip-blocked","data":{"remoteIp":"192.0.2.1"}},
            {"id":"3","createdAt":"2026-11-30T01:10:29Z","type":"auth.failed","data":{"accountId":3,"spanId":7}}]}"#;
        let events = read(body.as_bytes()).unwrap();
        assert_eq!(events.len(), 1);
        assert_eq!(events[0].account_id, "d");
        assert!(read(b"{\"events\":5}").is_err());
    }
}
