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
use super::types::*;
use crate::stalwart::ids::{decode_id, encode_id};
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;

/// The DNS side of the store.
#[derive(Debug, Default)]
pub struct Dns {
    /// Id → the server as stored (get order; the secret in clear, masked on get).
    pub(super) servers: BTreeMap<u64, Map<String, Value>>,
    pub(crate) tasks: BTreeMap<u64, Task>,
    /// Domain id → its `dnsManagement` (absent: the default, Manual).
    pub(super) management: BTreeMap<u32, Value>,
    /// Wakes the publisher when a task is queued.
    pub(crate) queued: std::sync::Arc<tokio::sync::Notify>,
}

#[derive(Debug, Clone)]
pub(crate) struct Task {
    pub id: u64,
    pub domain_id: u32,
    pub update_records: Map<String, Value>,
    pub on_success_renew_certificate: bool,
    pub created_at: String,
    pub due: String,
    pub state: TaskState,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum TaskState {
    Pending,
    /// Taken by the publisher (reads as `Pending`, live 131).
    Running,
    Failed {
        failed_at: String,
        reason: String,
    },
}

/// What `publishRecords` holds by default: every kind but `tlsa` (live 134).
pub const DEFAULT_RECORDS: [&str; 11] = [
    "dkim",
    "spf",
    "mx",
    "dmarc",
    "srv",
    "mtaSts",
    "tlsRpt",
    "caa",
    "autoConfig",
    "autoConfigLegacy",
    "autoDiscover",
];
const RECORD_KINDS: [&str; 12] = [
    "dkim",
    "tlsa",
    "spf",
    "mx",
    "dmarc",
    "srv",
    "mtaSts",
    "tlsRpt",
    "caa",
    "autoConfig",
    "autoConfigLegacy",
    "autoDiscover",
];
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

/// What the publisher needs to run one task, taken from the store under its lock.
#[derive(Debug, Clone)]
pub(crate) struct Job {
    pub task: u64,
    pub work: Result<JobWork, String>,
}

#[derive(Debug, Clone)]
pub(crate) struct JobWork {
    /// The server as stored (host, port, protocol, keyName, tsigAlgorithm, key, ttl, timeout).
    pub server: Map<String, Value>,
    /// The zone to write to: `origin`, or the domain's name.
    pub origin: String,
    /// The records, as zone-file lines, of the kinds the task updates.
    pub zone: String,
}

fn invalid(description: &str, property: &str) -> Value {
    set_error_described("invalidPatch", description, &[property])
}

impl Store {
    /// The domain's `dnsManagement`, as `x:Domain/get` shows it.
    pub(super) fn dns_management(&self, domain_id: u32) -> Value {
        self.dns
            .management
            .get(&domain_id)
            .cloned()
            .unwrap_or_else(|| json!({"@type": "Manual"}))
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
                    return Err(invalid(
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
                    _ => return Err(invalid("Invalid property", "dnsManagement")),
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

    // ----- x:Task -----

    fn queue_task(&mut self, domain_id: u32, records: Map<String, Value>, renew: bool) -> u64 {
        let id = self.telemetry.snowflake();
        let at = now_rfc3339();
        self.dns.tasks.insert(
            id,
            Task {
                id,
                domain_id,
                update_records: records,
                on_success_renew_certificate: renew,
                created_at: at.clone(),
                due: at,
                state: TaskState::Pending,
            },
        );
        self.dns.queued.notify_one();
        id
    }

    fn task_json(t: &Task) -> Map<String, Value> {
        let mut o = Map::new();
        o.insert(
            "updateRecords".into(),
            Value::Object(t.update_records.clone()),
        );
        o.insert(
            "onSuccessRenewCertificate".into(),
            json!(t.on_success_renew_certificate),
        );
        o.insert("domainId".into(), json!(encode_id(t.domain_id as u64)));
        let status = match &t.state {
            TaskState::Pending | TaskState::Running => {
                json!({"createdAt": t.created_at, "due": t.due, "@type": "Pending"})
            }
            TaskState::Failed { failed_at, reason } => {
                json!({"createdAt": failed_at, "failedAt": failed_at, "failedAttemptNumber": 0,
                       "failureReason": reason, "@type": "Failed"})
            }
        };
        o.insert("status".into(), status);
        o.insert("@type".into(), json!("DnsManagement"));
        // A failed task is due never: no `due` (live 145).
        if !matches!(t.state, TaskState::Failed { .. }) {
            o.insert("due".into(), json!(t.due));
        }
        o.insert("id".into(), json!(encode_id(t.id)));
        o
    }

    pub(super) fn task_get(
        &self,
        caller: Caller,
        args: &Map<String, Value>,
    ) -> Result<Value, (String, Value)> {
        let ids = Self::ids_arg(args)?;
        let properties = Self::properties_arg(args);
        let wanted: Vec<String> = match ids {
            Some(ids) => ids,
            None => self.dns.tasks.keys().map(|id| encode_id(*id)).collect(),
        };
        let (mut list, mut not_found) = (Vec::new(), Vec::new());
        for id in wanted {
            match decode_id(&id).and_then(|n| self.dns.tasks.get(&n)) {
                Some(t) => list.push(Value::Object(select(
                    Self::task_json(t),
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

    pub(super) fn task_query(
        &self,
        caller: Caller,
        args: &Map<String, Value>,
    ) -> Result<Value, (String, Value)> {
        let mut only_failed = false;
        let mut of_type = None;
        if let Some(filter) = args.get("filter").and_then(Value::as_object) {
            for (key, value) in filter {
                match key.as_str() {
                    "@type" => of_type = value.as_str(),
                    "status" => only_failed = value.as_str() == Some("Failed"),
                    "due" => {}
                    "domainId" => {
                        return Err(method_error(
                            "unsupportedFilter",
                            "Filter on property domainId is not supported or invalid",
                        ));
                    }
                    other => return Err(method_error("unsupportedFilter", other)),
                }
            }
        }
        let mut tasks: Vec<&Task> = self
            .dns
            .tasks
            .values()
            .filter(|_| of_type.is_none_or(|k| k == "DnsManagement"))
            .filter(|t| !only_failed || matches!(t.state, TaskState::Failed { .. }))
            .collect();
        // By due, then id, newest first; a failed task is due never (last).
        tasks.sort_by(|a, b| {
            let due = |t: &Task| match t.state {
                TaskState::Failed { .. } => String::from("~"),
                _ => t.due.clone(),
            };
            (due(b), b.id).cmp(&(due(a), a.id))
        });
        let ids: Vec<Value> = tasks.iter().map(|t| json!(encode_id(t.id))).collect();
        Ok(
            json!({"accountId": encode_id(caller.account as u64), "queryState": "n",
                  "canCalculateChanges": true, "position": 0, "ids": ids}),
        )
    }

    pub(super) fn task_set(&mut self, caller: Caller, args: &Map<String, Value>) -> Value {
        let mut response = Map::new();
        response.insert("accountId".into(), json!(encode_id(caller.account as u64)));
        let (mut created, mut not_created) = (Map::new(), Map::new());
        if let Some(create) = args.get("create").and_then(Value::as_object) {
            for (client_id, object) in create {
                let kind = object.get("@type").and_then(Value::as_str).unwrap_or("");
                if kind != "DnsManagement" {
                    not_created.insert(
                        client_id.clone(),
                        invalid("The simulator models DnsManagement tasks only", "@type"),
                    );
                    continue;
                }
                let domain = object.get("domainId").and_then(Value::as_str).unwrap_or("");
                let Some(domain_id) = decode_id(domain)
                    .map(|n| n as u32)
                    .filter(|n| self.domains.contains_key(n))
                else {
                    not_created.insert(
                        client_id.clone(),
                        json!({"type": "invalidForeignKey",
                               "objectId": {"object": "Domain", "id": domain}}),
                    );
                    continue;
                };
                let records: Map<String, Value> = object
                    .get("updateRecords")
                    .and_then(Value::as_object)
                    .cloned()
                    .unwrap_or_default();
                if let Some(kind) = records.keys().find(|k| !RECORD_KINDS.contains(&k.as_str())) {
                    not_created.insert(
                        client_id.clone(),
                        invalid(
                            &format!("Invalid value Str(\"{kind}\") for enum type Dkim."),
                            "updateRecords",
                        ),
                    );
                    continue;
                }
                let renew = object
                    .get("onSuccessRenewCertificate")
                    .and_then(Value::as_bool)
                    .unwrap_or(false);
                let id = self.queue_task(domain_id, records, renew);
                created.insert(client_id.clone(), json!({"id": encode_id(id)}));
            }
        }
        let (mut destroyed, mut not_destroyed) = (Vec::new(), Map::new());
        if let Some(destroy) = args.get("destroy").and_then(Value::as_array) {
            for id in destroy.iter().filter_map(Value::as_str) {
                match decode_id(id).and_then(|n| self.dns.tasks.remove(&n)) {
                    Some(_) => destroyed.push(json!(id)),
                    None => {
                        not_destroyed.insert(id.into(), Value::Object(set_error("notFound")));
                    }
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

    // ----- the publisher's side -----

    /// Takes the pending tasks (they read `Pending` while they run) with what each needs.
    pub(crate) fn take_dns_jobs(&mut self) -> Vec<Job> {
        let pending: Vec<u64> = self
            .dns
            .tasks
            .values()
            .filter(|t| t.state == TaskState::Pending)
            .map(|t| t.id)
            .collect();
        pending
            .into_iter()
            .map(|id| {
                let task = self.dns.tasks.get_mut(&id).expect("listed");
                task.state = TaskState::Running;
                let task = task.clone();
                Job {
                    task: id,
                    work: self.job_work(&task),
                }
            })
            .collect()
    }

    fn job_work(&self, task: &Task) -> Result<JobWork, String> {
        let domain = self
            .domains
            .get(&task.domain_id)
            .ok_or("Domain not found")?;
        let management = self.dns_management(task.domain_id);
        if management["@type"] != "Automatic" {
            return Err("Domain is not set to automatic DNS management".into());
        }
        if task.update_records.is_empty() {
            return Err("No DNS records to update".into());
        }
        let server = management["dnsServerId"]
            .as_str()
            .and_then(decode_id)
            .and_then(|n| self.dns.servers.get(&n))
            .ok_or("DNS server not found")?
            .clone();
        let origin = management["origin"]
            .as_str()
            .unwrap_or(&domain.name)
            .to_owned();
        let zone = logical_lines(&self.zone_file(task.domain_id))
            .iter()
            .filter(|line| {
                record_kind(line, &domain.name, &self.hostname)
                    .is_some_and(|kind| task.update_records.contains_key(kind))
            })
            .map(|line| format!("{line}\n"))
            .collect();
        Ok(JobWork {
            server,
            origin,
            zone,
        })
    }

    /// The task ran: it vanishes on success, or stays `Failed` with `reason`.
    pub(crate) fn finish_dns_job(&mut self, task: u64, outcome: Result<(), String>) {
        match outcome {
            Ok(()) => {
                self.dns.tasks.remove(&task);
            }
            Err(reason) => {
                if let Some(t) = self.dns.tasks.get_mut(&task) {
                    t.state = TaskState::Failed {
                        failed_at: now_rfc3339(),
                        reason,
                    };
                }
            }
        }
    }

    /// Whether a `DnsManagement` task is waiting or running (a test waits for the publisher
    /// as the live captures waited seconds between requests).
    pub fn dns_publishing(&self) -> bool {
        self.dns
            .tasks
            .values()
            .any(|t| matches!(t.state, TaskState::Pending | TaskState::Running))
    }

    /// Wakes the publisher when a task is queued.
    pub(crate) fn dns_queued(&self) -> std::sync::Arc<tokio::sync::Notify> {
        self.dns.queued.clone()
    }
}

/// The zone file's records one per line (a long TXT spans lines in parentheses there).
fn logical_lines(zone: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut open: Option<String> = None;
    for line in zone.lines() {
        match open.take() {
            Some(mut record) => {
                record.push(' ');
                record.push_str(line.trim());
                if line.contains(')') {
                    // One line, the strings side by side (no base64 or key text holds a
                    // parenthesis).
                    lines.push(record.replace(['(', ')'], " "));
                } else {
                    open = Some(record);
                }
            }
            None if line.contains('(') && !line.contains(')') => open = Some(line.to_owned()),
            None => lines.push(line.to_owned()),
        }
    }
    lines
}

/// Which `publishRecords` kind a line of the domain's zone file belongs to.
fn record_kind(line: &str, domain: &str, host: &str) -> Option<&'static str> {
    let mut fields = line.split_whitespace();
    let name = fields.next()?.trim_end_matches('.');
    let kind = fields.nth(1)?;
    let value = line.split_once(&format!(" {kind} "))?.1;
    Some(match (kind, name) {
        ("TXT", n) if n.ends_with("._domainkey") || n.contains("._domainkey.") => "dkim",
        ("TXT", n) if (n == domain || n == host) && value.contains("v=spf1") => "spf",
        ("MX", _) => "mx",
        ("TXT", n) if n.starts_with("_dmarc.") => "dmarc",
        ("SRV", _) => "srv",
        (_, n) if n.starts_with("mta-sts.") || n.starts_with("_mta-sts.") => "mtaSts",
        ("TXT", n) if n.starts_with("_smtp._tls.") => "tlsRpt",
        (_, n) if n.starts_with("ua-auto-config.") || n.starts_with("_ua-auto-config.") => {
            "autoConfig"
        }
        ("CNAME", n) if n.starts_with("autoconfig.") => "autoConfigLegacy",
        ("CNAME", n) if n.starts_with("autodiscover.") => "autoDiscover",
        _ => return None,
    })
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
                _ => DEFAULT_RECORDS
                    .iter()
                    .map(|k| ((*k).to_owned(), json!(true)))
                    .collect(),
            };
            Ok(
                json!({"dnsServerId": server, "origin": value.get("origin").cloned().unwrap_or(Value::Null),
                      "publishRecords": records, "@type": "Automatic"}),
            )
        }
        other => Err(invalid(
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
        return Err(invalid(
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
        return Err(invalid("Failed to parse IpAddr from string", "host"));
    }
    let algorithm = object
        .get("tsigAlgorithm")
        .cloned()
        .unwrap_or(json!("hmac-sha512"));
    if !algorithm.as_str().is_some_and(|a| ALGORITHMS.contains(&a)) {
        return Err(invalid(
            &format!(
                "Invalid value {} for enum type HmacSha512.",
                debug_value(&algorithm)
            ),
            "tsigAlgorithm",
        ));
    }
    let protocol = object.get("protocol").cloned().unwrap_or(json!("udp"));
    if !matches!(protocol.as_str(), Some("udp" | "tcp")) {
        return Err(invalid(
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
