//! `x:Task` of type `DnsManagement` (live 130–149): queued by a domain turning `Automatic` or
//! created by a client, taken at once by the simulator's publisher, gone on success, `Failed`
//! for good otherwise (one reason per RRset). A running task still reads `Pending` (live 131).
//!
//! `DkimManagement` is modelled only as far as a client sees it waiting (live 133): while a
//! domain that publishes automatically has `pending` keys, a `Retry` task says each key's
//! record "did not propagate" (Stalwart's resolver does not see it yet); it goes when the keys
//! sign, which in the simulator is once a `DnsManagement` task has written their records.

use super::json::*;
use super::types::*;
use crate::stalwart::ids::{decode_id, encode_id};
use serde_json::{Map, Value, json};

/// The kinds of records a domain can publish (`publishRecords`, `updateRecords`).
pub(super) const RECORD_KINDS: [&str; 12] = [
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

#[derive(Debug, Clone)]
pub(crate) struct Task {
    pub id: u64,
    /// `DnsManagement` or `DkimManagement`.
    pub kind: &'static str,
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
    /// Tried and to be tried again (`DkimManagement` only, live 133).
    Retry {
        attempt: u64,
        reason: String,
    },
}

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

impl Store {
    pub(super) fn queue_task(
        &mut self,
        domain_id: u32,
        records: Map<String, Value>,
        renew: bool,
    ) -> u64 {
        let id = self.telemetry.snowflake();
        let at = now_rfc3339();
        self.dns.tasks.insert(
            id,
            Task {
                id,
                kind: "DnsManagement",
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

    /// The domain's keys that wait for Stalwart's resolver have a `DkimManagement` task in
    /// `Retry` naming each (live 133); none wait: no such task.
    pub(super) fn note_dkim_waiting(&mut self, domain_id: u32) {
        self.dns
            .tasks
            .retain(|_, t| !(t.kind == "DkimManagement" && t.domain_id == domain_id));
        let Some(domain) = self.domains.get(&domain_id).map(|d| d.name.clone()) else {
            return;
        };
        let mut waiting: Vec<&str> = self
            .dkim
            .values()
            .filter(|k| k.domain_id == domain_id && k.stage == "pending")
            .map(|k| k.selector.as_str())
            .collect();
        if waiting.is_empty() {
            return;
        }
        waiting.sort_unstable();
        let reason = waiting
            .iter()
            .map(|s| format!("DKIM record {s}._domainkey.{domain}. did not propagate, will retry."))
            .collect::<Vec<_>>()
            .join("; ");
        let id = self.telemetry.snowflake();
        let at = now_rfc3339();
        self.dns.tasks.insert(
            id,
            Task {
                id,
                kind: "DkimManagement",
                domain_id,
                update_records: Map::new(),
                on_success_renew_certificate: false,
                created_at: at.clone(),
                due: at,
                state: TaskState::Retry { attempt: 1, reason },
            },
        );
    }

    fn task_json(t: &Task) -> Map<String, Value> {
        let mut o = Map::new();
        if t.kind == "DnsManagement" {
            o.insert(
                "updateRecords".into(),
                Value::Object(t.update_records.clone()),
            );
            o.insert(
                "onSuccessRenewCertificate".into(),
                json!(t.on_success_renew_certificate),
            );
        }
        o.insert("domainId".into(), json!(encode_id(t.domain_id as u64)));
        let status = match &t.state {
            TaskState::Pending | TaskState::Running => {
                json!({"createdAt": t.created_at, "due": t.due, "@type": "Pending"})
            }
            TaskState::Failed { failed_at, reason } => {
                json!({"createdAt": failed_at, "failedAt": failed_at, "failedAttemptNumber": 0,
                       "failureReason": reason, "@type": "Failed"})
            }
            TaskState::Retry { attempt, reason } => {
                json!({"createdAt": t.created_at, "due": t.due, "attemptNumber": attempt,
                       "failureReason": reason, "@type": "Retry"})
            }
        };
        o.insert("status".into(), status);
        o.insert("@type".into(), json!(t.kind));
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
            .filter(|t| of_type.is_none_or(|k| k == t.kind))
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
                        invalid_patch("The simulator models DnsManagement tasks only", "@type"),
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
                        invalid_patch(
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
            .filter(|t| t.kind == "DnsManagement" && t.state == TaskState::Pending)
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
                // Stalwart's resolver is taken to see the zone it wrote to: a pending key whose
                // record this task wrote starts signing.
                if let Some(done) = self.dns.tasks.remove(&task)
                    && done.update_records.contains_key("dkim")
                {
                    for key in self.dkim.values_mut() {
                        if key.domain_id == done.domain_id {
                            key.stage = "active".into();
                        }
                    }
                    self.note_dkim_waiting(done.domain_id);
                }
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
        self.dns.tasks.values().any(|t| {
            t.kind == "DnsManagement" && matches!(t.state, TaskState::Pending | TaskState::Running)
        })
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
