//! Publishing a domain's DNS records through the mail server (live 125–151): an `x:DnsServer`
//! (RFC 2136 with TSIG), the domain's `dnsManagement`, and the `x:Task` of type
//! `DnsManagement` that writes the records.
//!
//! What the transcripts taught, and this module is shaped by:
//! - Saving a server checks its shape only and contacts nothing (live 127, 142): a wrong key
//!   shows only when a task runs.
//! - Only a domain's *transition* to `Automatic` queues a task (live 130, 144); publishing
//!   again is an explicit task (live 137).
//! - A task that succeeded is gone (live 138); a failed one stays `Failed` with its reason,
//!   never retried (live 145). A wrong TSIG secret reads as hickory's "truncated HMACs"
//!   protocol error, never as BADSIG (live 145, 146): [`FailureCause`] says what it means.
//! - Tasks cannot be filtered by domain (live 130): all are read and picked here.
//! - A server a domain still uses cannot be destroyed (`objectIsLinked`, live 147).

use super::client::StalwartClient;
use super::error::StalwartError;
use super::jmap::{Batch, GetResponse, QueryResponse, SetResponse};
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;
use serde_json::{Value, json};

/// An RFC 2136 server with its TSIG key, as `x:DnsServer` of type `Tsig` holds it.
pub struct TsigServer<'a> {
    pub description: &'a str,
    pub host: std::net::IpAddr,
    pub port: u16,
    /// The key's name as the DNS server knows it (e.g. `postern-update.`).
    pub key_name: &'a str,
    /// `hmac-sha256`, `hmac-sha384` or `hmac-sha512` (what the mail server can sign with).
    pub algorithm: &'a str,
    /// Base64, as DNS servers print TSIG secrets.
    pub secret: &'a SecretString,
    pub tcp: bool,
}

/// The algorithms the mail server signs with (its DNS library supports no others).
pub const TSIG_ALGORITHMS: [&str; 3] = ["hmac-sha256", "hmac-sha384", "hmac-sha512"];

/// A `DnsManagement` task still on the server: running (or about to), or failed for good.
#[derive(Debug, Clone, PartialEq)]
pub struct DnsTask {
    pub id: String,
    pub domain_id: String,
    pub failed: Option<TaskFailure>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TaskFailure {
    pub at: String,
    /// The server's words: one "Failed to set DNS RRSet for <name>/<type>: …" per record
    /// set, joined by "; ".
    pub reason: String,
    pub cause: FailureCause,
}

/// What a failed task's reason means, for the person who has to fix it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailureCause {
    /// The DNS server refused the key: wrong name, secret or algorithm. Stalwart's text
    /// says "truncated HMACs" (hickory reading a BADSIG answer with an empty MAC).
    WrongKey,
    /// The DNS server answered without signing: it does not serve that zone, or does not
    /// know the key's name.
    NotServed,
    /// The DNS server refused the update (its access rules).
    Refused,
    /// Nothing answered in time.
    TimedOut,
    /// Nothing listens there.
    Unreachable,
    /// The domain is not (or no longer) set to publish automatically, or is gone.
    NotAutomatic,
    Other,
}

/// Reads a failed task's reason (live 145, and the other texts of Stalwart's DNS updater).
pub fn failure_cause(reason: &str) -> FailureCause {
    let lower = reason.to_ascii_lowercase();
    if lower.contains("truncated hmac") || lower.contains("badsig") || lower.contains("badkey") {
        FailureCause::WrongKey
    } else if lower.contains("missing tsig") || lower.contains("not auth") {
        FailureCause::NotServed
    } else if lower.contains("connection refused") || lower.contains("unreachable") {
        FailureCause::Unreachable
    } else if lower.contains("refused") {
        FailureCause::Refused
    } else if lower.contains("timed out") || lower.contains("timeout") {
        FailureCause::TimedOut
    } else if lower.contains("automatic dns management") || lower.contains("domain not found") {
        FailureCause::NotAutomatic
    } else {
        FailureCause::Other
    }
}

#[derive(Deserialize)]
struct Created {
    id: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawTask {
    id: String,
    #[serde(rename = "@type")]
    kind: String,
    #[serde(default)]
    domain_id: Option<String>,
    status: RawStatus,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawStatus {
    #[serde(rename = "@type")]
    kind: String,
    #[serde(default)]
    failed_at: Option<String>,
    #[serde(default)]
    failure_reason: Option<String>,
}

impl StalwartClient {
    /// Saves an RFC 2136 server; returns its id. The server is not contacted (live 127):
    /// what it says about the key shows when a task runs.
    pub async fn create_tsig_server(
        &self,
        server: &TsigServer<'_>,
    ) -> Result<String, StalwartError> {
        let mut batch = Batch::new();
        let set = batch.call(
            "x:DnsServer/set",
            json!({ "create": { "s": {
                "@type": "Tsig",
                "description": server.description,
                "host": server.host.to_string(),
                "port": server.port,
                "protocol": if server.tcp { "tcp" } else { "udp" },
                "keyName": server.key_name,
                "tsigAlgorithm": server.algorithm,
                "key": { "@type": "Value", "secret": server.secret.expose_secret() },
            } } }),
        );
        let created: SetResponse<Created> = self.transport.send(&batch).await?.take(set)?;
        Ok(created.created("s")?.id)
    }

    /// Removes a server; one already gone counts as removed. A server a domain still uses
    /// is refused (`objectIsLinked`, live 147): switch or remove the domain first.
    pub async fn destroy_dns_server(&self, id: &str) -> Result<(), StalwartError> {
        let mut batch = Batch::new();
        let set = batch.call("x:DnsServer/set", json!({ "destroy": [id] }));
        let destroyed: SetResponse = self.transport.send(&batch).await?.take(set)?;
        match destroyed.destroyed(id) {
            Err(StalwartError::Set(e)) if e.kind == super::SetErrorKind::NotFound => Ok(()),
            other => other,
        }
    }

    /// Sets the domain to publish its records through `server_id` (into the zone `origin`,
    /// when the domain is a name inside another zone). Turning automatic queues the task
    /// that writes them; a domain automatic already queues nothing (live 136, 148).
    pub async fn publish_automatically(
        &self,
        domain_id: &str,
        server_id: &str,
        origin: Option<&str>,
    ) -> Result<(), StalwartError> {
        self.set_dns_management(
            domain_id,
            json!({ "@type": "Automatic", "dnsServerId": server_id, "origin": origin }),
        )
        .await
    }

    /// Back to publishing by hand: the zone keeps every record (live 143).
    pub async fn publish_manually(&self, domain_id: &str) -> Result<(), StalwartError> {
        self.set_dns_management(domain_id, json!({ "@type": "Manual" }))
            .await
    }

    async fn set_dns_management(&self, domain_id: &str, value: Value) -> Result<(), StalwartError> {
        let mut batch = Batch::new();
        let set = batch.call(
            "x:Domain/set",
            json!({ "update": { domain_id: { "dnsManagement": value } } }),
        );
        let updated: SetResponse = self.transport.send(&batch).await?.take(set)?;
        updated.updated(domain_id)
    }

    /// Writes the domain's records again (all kinds it publishes, or `records`): an explicit
    /// task (live 137); returns its id.
    pub async fn publish_again(
        &self,
        domain_id: &str,
        records: &[&str],
    ) -> Result<String, StalwartError> {
        let records: serde_json::Map<String, Value> = records
            .iter()
            .map(|r| ((*r).to_owned(), Value::Bool(true)))
            .collect();
        let mut batch = Batch::new();
        let set = batch.call(
            "x:Task/set",
            json!({ "create": { "t": {
                "@type": "DnsManagement", "domainId": domain_id, "updateRecords": records,
            } } }),
        );
        let created: SetResponse<Created> = self.transport.send(&batch).await?.take(set)?;
        Ok(created.created("t")?.id)
    }

    /// The domain's tasks of `kind` still on the server (tasks cannot be filtered by domain,
    /// live 130: all of the kind are read).
    async fn tasks_of(&self, kind: &str, domain_id: &str) -> Result<Vec<RawTask>, StalwartError> {
        let mut batch = Batch::new();
        let query = batch.call("x:Task/query", json!({ "filter": { "@type": kind } }));
        let get = batch.call("x:Task/get", json!({ "#ids": query.result_of("/ids") }));
        let mut responses = self.transport.send(&batch).await?;
        let _: QueryResponse = responses.take(query)?;
        let found: GetResponse<RawTask> = responses.take(get)?;
        Ok(found
            .list
            .into_iter()
            .filter(|t| t.kind == kind && t.domain_id.as_deref() == Some(domain_id))
            .collect())
    }

    /// Why the domain's new DKIM keys do not sign yet, in the server's words: its
    /// `DkimManagement` task retries because its own resolver does not see their records
    /// ("DKIM record … did not propagate, will retry.", live 133). `None`: nothing waits.
    pub async fn dkim_waiting(&self, domain_id: &str) -> Result<Option<String>, StalwartError> {
        Ok(self
            .tasks_of("DkimManagement", domain_id)
            .await?
            .into_iter()
            .filter(|t| t.status.kind == "Retry")
            .find_map(|t| t.status.failure_reason))
    }

    /// The domain's `DnsManagement` tasks still on the server. None: every task it had
    /// succeeded (or none was queued).
    pub async fn dns_tasks(&self, domain_id: &str) -> Result<Vec<DnsTask>, StalwartError> {
        Ok(self
            .tasks_of("DnsManagement", domain_id)
            .await?
            .into_iter()
            .map(|t| DnsTask {
                failed: (t.status.kind == "Failed").then(|| {
                    let reason = t.status.failure_reason.unwrap_or_default();
                    TaskFailure {
                        at: t.status.failed_at.unwrap_or_default(),
                        cause: failure_cause(&reason),
                        reason,
                    }
                }),
                id: t.id,
                domain_id: domain_id.to_owned(),
            })
            .collect())
    }

    /// Removes tasks (a failed task stays until removed, live 149); gone already is fine.
    pub async fn destroy_tasks(&self, ids: &[String]) -> Result<(), StalwartError> {
        if ids.is_empty() {
            return Ok(());
        }
        let mut batch = Batch::new();
        let set = batch.call("x:Task/set", json!({ "destroy": ids }));
        let destroyed: SetResponse = self.transport.send(&batch).await?.take(set)?;
        for id in ids {
            match destroyed.destroyed(id) {
                Err(StalwartError::Set(e)) if e.kind == super::SetErrorKind::NotFound => {}
                other => other?,
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_misleading_wrong_key_text_and_the_others_are_read_for_what_they_mean() {
        // Live 145, one segment.
        let wrong_key = "Failed to set DNS RRSet for autoconfig.dnspub-holdout.org./CNAME: Failed to set DNS RRSet: Client error: protocol error: Please file an issue with https://github.com/hickory-dns/hickory-dns to support truncated HMACs with TSIG";
        assert_eq!(failure_cause(wrong_key), FailureCause::WrongKey);
        let not_served = "Failed to set DNS RRSet for x.test./MX: Failed to set DNS RRSet: Client error: protocol error: proto error: missing tsig from response that must be authenticated";
        assert_eq!(failure_cause(not_served), FailureCause::NotServed);
        assert_eq!(
            failure_cause(
                "Failed to set DNS RRSet for x./MX: Failed to set DNS RRSet: Client error: request timed out"
            ),
            FailureCause::TimedOut
        );
        assert_eq!(
            failure_cause("Domain is not set to automatic DNS management"),
            FailureCause::NotAutomatic
        );
        assert_eq!(
            failure_cause("No DNS records to update"),
            FailureCause::Other
        );
    }
}
