//! DNS publishing (live 125–151): `x:DnsServer` (RFC 2136 with TSIG; the provider APIs are
//! not modelled), a domain's `dnsManagement`, and `x:Task` of type `DnsManagement`.
//!
//! - Saving a server checks its shape only (live 127) and contacts nothing: a wrong but
//!   well-formed secret is accepted (live 142).
//! - Only a domain's *transition* to `Automatic` queues a task (live 130, 144); so does an
//!   explicit `x:Task/set create` (live 137).
//! - A task runs within moments (the simulator's publisher, `super::super::publisher`);
//!   on success it vanishes (live 138), on failure it stays `Failed` with its reason and is
//!   never retried (live 145). A running task still reads `Pending` (live 131).
//! - A server a domain uses cannot be destroyed (live 147).

use super::json::*;
use super::tasks::RECORD_KINDS;
use super::types::*;
use crate::stalwart::ids::{decode_id, encode_id};
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;

/// The DNS side of the store.
#[derive(Debug, Default)]
pub struct Dns {
    /// Id → the server as stored (get order; the secret in clear, masked on get).
    pub(super) servers: BTreeMap<u64, Map<String, Value>>,
    pub(crate) tasks: BTreeMap<u64, super::tasks::Task>,
    /// Domain id → its `dnsManagement` (absent: the default, Manual).
    pub(super) management: BTreeMap<u32, Value>,
    /// Wakes the publisher when a task is queued.
    pub(crate) queued: std::sync::Arc<tokio::sync::Notify>,
}

const ALGORITHMS: [&str; 10] = [
    "hmac-md5",
    "gss",
    "hmac-sha1",
    "hmac-sha224",
    "hmac-sha256",
    "hmac-sha256-128",
    "hmac-sha384",
    "hmac-sha384-192",
    "hmac-sha512",
    "hmac-sha512-256",
];

impl Store {
    /// The domain's `dnsManagement`, as `x:Domain/get` shows it.
    pub(super) fn dns_management(&self, domain_id: u32) -> Value {
        self.dns
            .management
            .get(&domain_id)
            .cloned()
            .unwrap_or_else(|| json!({"@type": "Manual"}))
    }

    /// The ids of the DNS servers saved at the simulator (for a test to see what is left).
    pub fn dns_server_ids(&self) -> Vec<String> {
        self.dns.servers.keys().map(|id| encode_id(*id)).collect()
    }

    // ----- x:DnsServer -----

    fn dns_server_json(id: u64, stored: &Map<String, Value>) -> Map<String, Value> {
        let mut o = stored.clone();
        if o.contains_key("key") {
            o.insert("key".into(), json!({"secret": "****", "@type": "Value"}));
        }
        o.insert("id".into(), json!(encode_id(id)));
        o
    }

    pub(super) fn dns_server_get(
        &self,
        caller: Caller,
        args: &Map<String, Value>,
    ) -> Result<Value, (String, Value)> {
        let ids = Self::ids_arg(args)?;
        let properties = Self::properties_arg(args);
        let (mut list, mut not_found) = (Vec::new(), Vec::new());
        let wanted: Vec<String> = match ids {
            Some(ids) => ids,
            None => self.dns.servers.keys().map(|id| encode_id(*id)).collect(),
        };
        for id in wanted {
            match decode_id(&id).and_then(|n| self.dns.servers.get(&n).map(|s| (n, s))) {
                Some((n, stored)) => list.push(Value::Object(select(
                    Self::dns_server_json(n, stored),
                    properties.as_deref(),
                ))),
                None => not_found.push(json!(id)),
            }
        }
        Ok(
            json!({"accountId": encode_id(caller.account as u64), "list": list,
                  "notFound": not_found}),
        )
    }

    pub(super) fn dns_server_set(&mut self, caller: Caller, args: &Map<String, Value>) -> Value {
        let mut response = Map::new();
        response.insert("accountId".into(), json!(encode_id(caller.account as u64)));
        let (mut created, mut not_created) = (Map::new(), Map::new());
        if let Some(create) = args.get("create").and_then(Value::as_object) {
            for (client_id, object) in create {
                match build_server(object) {
                    Ok(stored) => {
                        let id = self.telemetry.snowflake();
                        self.dns.servers.insert(id, stored);
                        created.insert(client_id.clone(), json!({"id": encode_id(id)}));
                    }
                    Err(e) => {
                        not_created.insert(client_id.clone(), e);
                    }
                }
            }
        }
        let (mut destroyed, mut not_destroyed) = (Vec::new(), Map::new());
        if let Some(destroy) = args.get("destroy").and_then(Value::as_array) {
            for id in destroy.iter().filter_map(Value::as_str) {
                let Some(n) = decode_id(id).filter(|n| self.dns.servers.contains_key(n)) else {
                    not_destroyed.insert(id.into(), Value::Object(set_error("notFound")));
                    continue;
                };
                let linked: Vec<Value> = self
                    .dns
                    .management
                    .iter()
                    .filter(|(_, m)| m.get("dnsServerId").and_then(Value::as_str) == Some(id))
                    .map(|(d, _)| json!({"object": "Domain", "id": encode_id(*d as u64)}))
                    .collect();
                if linked.is_empty() {
                    self.dns.servers.remove(&n);
                    destroyed.push(json!(id));
                } else {
                    not_destroyed.insert(
                        id.into(),
                        json!({"type": "objectIsLinked",
                               "objectId": {"object": "DnsServer", "id": id},
                               "linkedObjects": linked}),
                    );
                }
            }
        }
        put_nonempty(&mut response, "created", created);
        put_nonempty(&mut response, "notCreated", not_created);
        if !destroyed.is_empty() {
            response.insert("destroyed".into(), Value::Array(destroyed));
        }
        put_nonempty(&mut response, "notDestroyed", not_destroyed);
        Value::Object(response)
    }

    // ----- a domain's dnsManagement -----

    /// Sets a domain's `dnsManagement` (the whole object, or `dnsManagement/<pointer>`
    /// entries of `patch`), queueing a task when it turns `Automatic`; `creating`: the
    /// domain is new (its DKIM keys are published by their own task, so `dkim` is left out).
    pub(super) fn set_dns_management(
        &mut self,
        domain_id: u32,
        patch: &Map<String, Value>,
        creating: bool,
    ) -> Result<(), Value> {
        let before = self.dns_management(domain_id);
        let mut now = before.clone();
        for (key, value) in patch {
            if key == "dnsManagement" {
                now = normalised_management(value)?;
            } else if let Some(pointer) = key.strip_prefix("dnsManagement/") {
                if now["@type"] != "Automatic" {
                    return Err(invalid_patch(
                        "Property dnsManagement is not set to Automatic",
                        "dnsManagement",
                    ));
                }
                match pointer.split_once('/') {
                    Some(("publishRecords", kind)) if RECORD_KINDS.contains(&kind) => {
                        let records = now["publishRecords"].as_object_mut().expect("a map");
                        if value.as_bool() == Some(true) {
                            records.insert(kind.into(), json!(true));
                        } else {
                            records.remove(kind);
                        }
                    }
                    None if pointer == "dnsServerId" || pointer == "origin" => {
                        now[pointer] = value.clone();
                    }
                    _ => return Err(invalid_patch("Invalid property", "dnsManagement")),
                }
            }
        }
        if now["@type"] == "Automatic" {
            let server = now["dnsServerId"].as_str().unwrap_or_default();
            if !decode_id(server).is_some_and(|n| self.dns.servers.contains_key(&n)) {
                return Err(json!({"type": "invalidForeignKey",
                                  "objectId": {"object": "DnsServer", "id": server}}));
            }
            if now["origin"].as_str() == Some("") {
                return Err(json!({"type": "validationFailed",
                    "validationErrors": [{"type": "Required", "property": "origin"}]}));
            }
        }
        let turned_automatic = now["@type"] == "Automatic" && before["@type"] != "Automatic";
        if now["@type"] == "Automatic" {
            self.dns.management.insert(domain_id, now.clone());
        } else {
            self.dns.management.remove(&domain_id);
        }
        if turned_automatic {
            let records: Map<String, Value> = now["publishRecords"]
                .as_object()
                .cloned()
                .unwrap_or_default()
                .into_iter()
                .filter(|(kind, _)| !(creating && kind == "dkim"))
                .collect();
            self.queue_task(domain_id, records, false);
        }
        Ok(())
    }
}

/// `dnsManagement` as stored: `Manual`, or `Automatic` with its defaults filled in (a
/// replaced object loses what it does not name: live 143–144).
fn normalised_management(value: &Value) -> Result<Value, Value> {
    match value.get("@type").and_then(Value::as_str) {
        Some("Manual") => Ok(json!({"@type": "Manual"})),
        Some("Automatic") => {
            let Some(server) = value.get("dnsServerId").and_then(Value::as_str) else {
                return Err(json!({"type": "validationFailed",
                    "validationErrors": [{"type": "Required", "property": "dnsServerId"}]}));
            };
            let records: Map<String, Value> = match value.get("publishRecords") {
                Some(Value::Object(given)) => given
                    .iter()
                    .filter(|(_, v)| v.as_bool() == Some(true))
                    .map(|(k, _)| (k.clone(), json!(true)))
                    .collect(),
                // By default every kind but `tlsa` (live 134).
                _ => RECORD_KINDS
                    .iter()
                    .filter(|k| **k != "tlsa")
                    .map(|k| ((*k).to_owned(), json!(true)))
                    .collect(),
            };
            Ok(
                json!({"dnsServerId": server, "origin": value.get("origin").cloned().unwrap_or(Value::Null),
                      "publishRecords": records, "@type": "Automatic"}),
            )
        }
        other => Err(invalid_patch(
            &format!(
                "Invalid value {} for enum type Manual.",
                other.map_or("Null".to_owned(), |o| format!("Str(\"{o}\")"))
            ),
            "dnsManagement",
        )),
    }
}

/// A new `x:DnsServer` from its create object, checked as Stalwart checks it on save (live
/// 127): the patch layer (`invalidPatch`), then the struct (`validationFailed`), then the
/// updater it would build (`invalidProperties`, without `properties`).
fn build_server(object: &Value) -> Result<Map<String, Value>, Value> {
    let kind = object.get("@type").and_then(Value::as_str).unwrap_or("");
    if kind != "Tsig" {
        return Err(invalid_patch(
            "The simulator models DNS servers of type Tsig only",
            "@type",
        ));
    }
    let text = |name: &str| object.get(name).and_then(Value::as_str);
    let number =
        |name: &str, default: u64| object.get(name).and_then(Value::as_u64).unwrap_or(default);
    if let Some(host) = text("host")
        && host.parse::<std::net::IpAddr>().is_err()
    {
        return Err(invalid_patch("Failed to parse IpAddr from string", "host"));
    }
    let algorithm = object
        .get("tsigAlgorithm")
        .cloned()
        .unwrap_or(json!("hmac-sha512"));
    if !algorithm.as_str().is_some_and(|a| ALGORITHMS.contains(&a)) {
        return Err(invalid_patch(
            &format!(
                "Invalid value {} for enum type HmacSha512.",
                debug_value(&algorithm)
            ),
            "tsigAlgorithm",
        ));
    }
    let protocol = object.get("protocol").cloned().unwrap_or(json!("udp"));
    if !matches!(protocol.as_str(), Some("udp" | "tcp")) {
        return Err(invalid_patch(
            &format!(
                "Invalid value {} for enum type Udp.",
                debug_value(&protocol)
            ),
            "protocol",
        ));
    }
    let secret = object.pointer("/key/secret").and_then(Value::as_str);
    let missing: Vec<Value> = [
        ("host", text("host").is_none()),
        ("keyName", text("keyName").is_none_or(str::is_empty)),
        ("key", secret.is_none()),
        ("description", text("description").is_none_or(str::is_empty)),
    ]
    .into_iter()
    .filter(|(_, missing)| *missing)
    .map(|(p, _)| json!({"type": "Required", "property": p}))
    .collect();
    if !missing.is_empty() {
        return Err(json!({"type": "validationFailed", "validationErrors": missing}));
    }
    use base64::Engine;
    if let Err(e) = base64::engine::general_purpose::STANDARD.decode(secret.unwrap_or_default()) {
        return Err(json!({"type": "invalidProperties",
            "description": format!("Failed to build DNS server: Failed to base64 decode TSIG key: {e}")}));
    }
    let mut o = Map::new();
    o.insert("host".into(), json!(text("host")));
    o.insert("port".into(), json!(number("port", 53)));
    o.insert("keyName".into(), json!(text("keyName")));
    o.insert("key".into(), json!({"secret": secret, "@type": "Value"}));
    o.insert("protocol".into(), protocol);
    o.insert("tsigAlgorithm".into(), algorithm);
    o.insert("description".into(), json!(text("description")));
    o.insert("memberTenantId".into(), Value::Null);
    o.insert("timeout".into(), json!(number("timeout", 30_000)));
    o.insert("ttl".into(), json!(number("ttl", 300_000)));
    o.insert(
        "pollingInterval".into(),
        json!(number("pollingInterval", 15_000)),
    );
    o.insert(
        "propagationTimeout".into(),
        json!(number("propagationTimeout", 60_000)),
    );
    o.insert(
        "propagationDelay".into(),
        object
            .get("propagationDelay")
            .cloned()
            .unwrap_or(Value::Null),
    );
    o.insert("@type".into(), json!("Tsig"));
    Ok(o)
}

/// A JSON value as Stalwart's error texts print it (`Str("…")`, `Number(…)`, …).
fn debug_value(value: &Value) -> String {
    match value {
        Value::String(s) => format!("Str({s:?})"),
        Value::Number(n) => format!("Number({n})"),
        Value::Bool(b) => format!("Bool({b})"),
        Value::Null => "Null".into(),
        other => format!("{other}"),
    }
}
