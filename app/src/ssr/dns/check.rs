//! Asks real DNS whether each record is published, and compares what it finds. The results
//! are facts ([`RecordCheck`]); the domains area puts them into words.

use super::zone::{ZoneRecord, normalize};
use hickory_resolver::TokioResolver;
use hickory_resolver::config::{ConnectionConfig, NameServerConfig, ResolverConfig, ResolverOpts};
use hickory_resolver::net::runtime::TokioRuntimeProvider;
use hickory_resolver::net::{DnsError, NetError, NoRecords};
use hickory_resolver::proto::op::ResponseCode;
use hickory_resolver::proto::rr::{RData, RecordType};
use std::collections::{HashMap, HashSet};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Check results are reused this long.
const CACHE_TTL: Duration = Duration::from_secs(60);

/// The last result per domain, with when it was taken.
type Results = HashMap<String, (Instant, Arc<DomainCheck>)>;

#[derive(Clone)]
pub struct DnsChecker {
    resolver: TokioResolver,
    timeout: Duration,
    cache: Arc<Mutex<Results>>,
    running: Arc<Mutex<HashSet<String>>>,
}

#[derive(Debug, Clone)]
pub struct DomainCheck {
    pub checked_at: time::OffsetDateTime,
    /// One per record of the zone, in order.
    pub statuses: Vec<RecordCheck>,
    /// The zone the statuses belong to (a changed zone invalidates them).
    pub zone: Vec<ZoneRecord>,
}

/// What one lookup found: the values, or why there are none.
enum Found {
    Values(Vec<String>),
    None,
    Unknown(Unknown),
}

/// Whether a record is published as the mail server wants it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Published {
    Match,
    Conflict,
    Missing,
    Unknown,
}

/// Why a lookup gave no answer.
#[derive(Debug, Clone, PartialEq)]
pub enum Unknown {
    /// Records of this type are not looked up.
    NotChecked(String),
    TimedOut(Duration),
    ServFail,
    /// Another DNS response code.
    Answered(String),
    NoServer,
    Failed(String),
}

/// Something to fix even when the record is there, or what a conflict is about.
#[derive(Debug, Clone, PartialEq)]
pub enum Note {
    /// MX records that point at other hosts besides the mail server.
    AlsoSentTo(Vec<String>),
    MxElsewhere,
    DifferentSpf,
    TwoSpf,
    DkimMismatch,
    DmarcMonitorOnly,
    DifferentDmarc,
}

/// The outcome for one record of the zone.
#[derive(Debug, Clone, PartialEq)]
pub struct RecordCheck {
    pub status: Published,
    /// What DNS returned.
    pub found: Vec<String>,
    pub unknown: Option<Unknown>,
    pub note: Option<Note>,
}

impl RecordCheck {
    fn new(status: Published, found: Vec<String>, note: Option<Note>) -> Self {
        Self {
            status,
            found,
            unknown: None,
            note,
        }
    }
}

impl DnsChecker {
    /// A resolver for the given "ip:port" servers, or the system's when the list is empty.
    pub fn new(nameservers: &[String], timeout: Duration) -> Result<Self, String> {
        let mut opts = ResolverOpts::default();
        opts.timeout = timeout;
        // `attempts` counts retries: 0 means one try, so a dead server costs one timeout.
        opts.attempts = 0;
        opts.cache_size = 0;
        opts.ndots = 0;
        let resolver = if nameservers.is_empty() {
            let mut builder =
                TokioResolver::builder_tokio().map_err(|e| format!("system resolver: {e}"))?;
            *builder.options_mut() = opts;
            builder.build().map_err(|e| e.to_string())?
        } else {
            let servers = nameservers
                .iter()
                .map(|ns| {
                    let addr: SocketAddr =
                        ns.parse().map_err(|_| format!("{ns} is not ip:port"))?;
                    let mut udp = ConnectionConfig::udp();
                    udp.port = addr.port();
                    let mut tcp = ConnectionConfig::tcp();
                    tcp.port = addr.port();
                    Ok(NameServerConfig::new(addr.ip(), true, vec![udp, tcp]))
                })
                .collect::<Result<Vec<_>, String>>()?;
            TokioResolver::builder_with_config(
                ResolverConfig::from_name_servers(servers),
                TokioRuntimeProvider::default(),
            )
            .with_options(opts)
            .build()
            .map_err(|e| e.to_string())?
        };
        Ok(Self {
            resolver,
            timeout,
            cache: Arc::default(),
            running: Arc::default(),
        })
    }

    /// The last result for this domain and zone, if recent.
    pub fn cached(&self, domain: &str, zone: &[ZoneRecord]) -> Option<Arc<DomainCheck>> {
        let cache = self.cache.lock().expect("lock");
        let (at, check) = cache.get(domain)?;
        (at.elapsed() < CACHE_TTL && check.zone == zone).then(|| check.clone())
    }

    pub fn is_running(&self, domain: &str) -> bool {
        self.running.lock().expect("lock").contains(domain)
    }

    /// Starts a check in the background unless one is running; the page never waits for DNS.
    pub fn spawn_check(&self, domain: &str, zone: Vec<ZoneRecord>, mail_host: String) {
        if !self.running.lock().expect("lock").insert(domain.to_owned()) {
            return;
        }
        let this = self.clone();
        let domain = domain.to_owned();
        tokio::spawn(async move {
            this.check(&domain, zone, &mail_host).await;
        });
    }

    /// Looks every record up (concurrently, one query per name and type) and caches the result.
    pub async fn check(
        &self,
        domain: &str,
        zone: Vec<ZoneRecord>,
        mail_host: &str,
    ) -> Arc<DomainCheck> {
        self.running.lock().expect("lock").insert(domain.to_owned());
        let mut keys: Vec<(String, String)> = zone
            .iter()
            .map(|r| (r.name.clone(), r.kind.clone()))
            .collect();
        keys.sort();
        keys.dedup();
        let lookups = keys.iter().map(|(name, kind)| async move {
            ((name.clone(), kind.clone()), self.lookup(name, kind).await)
        });
        let found: HashMap<(String, String), Found> = futures::future::join_all(lookups)
            .await
            .into_iter()
            .collect();
        let statuses = zone
            .iter()
            .map(|record| {
                evaluate(
                    record,
                    &found[&(record.name.clone(), record.kind.clone())],
                    mail_host,
                )
            })
            .collect();
        let check = Arc::new(DomainCheck {
            checked_at: time::OffsetDateTime::now_utc(),
            statuses,
            zone,
        });
        self.cache
            .lock()
            .expect("lock")
            .insert(domain.to_owned(), (Instant::now(), check.clone()));
        self.running.lock().expect("lock").remove(domain);
        check
    }

    /// The hosts the MX records of `domain` name (lowercase, no trailing dot); empty when it
    /// has none. `Err` when DNS gave no answer.
    pub async fn mx_hosts(&self, domain: &str) -> Result<Vec<String>, Unknown> {
        match self.lookup(domain, "MX").await {
            Found::Values(values) => Ok(values
                .iter()
                .filter_map(|v| v.split_once(' ').map(|(_, host)| host.to_owned()))
                .collect()),
            Found::None => Ok(Vec::new()),
            Found::Unknown(why) => Err(why),
        }
    }

    /// The TXT records at `name`, each as the strings DNS returned for it (a long value comes
    /// split into several); empty when there are none. `Err` when DNS gave no answer.
    pub async fn txt_records(&self, name: &str) -> Result<Vec<Vec<String>>, Unknown> {
        let fqdn = format!("{name}.");
        let result = tokio::time::timeout(
            self.timeout + Duration::from_millis(500),
            self.resolver.lookup(fqdn.as_str(), RecordType::TXT),
        )
        .await;
        let lookup = match result {
            Err(_) => return Err(Unknown::TimedOut(self.timeout)),
            Ok(Err(e)) => {
                return match self.failure(&e) {
                    Found::Unknown(why) => Err(why),
                    _ => Ok(Vec::new()),
                };
            }
            Ok(Ok(lookup)) => lookup,
        };
        Ok(lookup
            .answers()
            .iter()
            .filter_map(|r| match &r.data {
                RData::TXT(txt) => Some(
                    txt.txt_data
                        .iter()
                        .map(|s| String::from_utf8_lossy(s).into_owned())
                        .collect(),
                ),
                _ => None,
            })
            .collect())
    }

    /// The records of `kind` (MX, TXT, CNAME, SRV) at `name` as DNS shows them (MX
    /// "10 host", SRV "0 1 993 host", TXT strings joined); empty when there are none. `Err`
    /// when DNS gave no answer.
    pub async fn values(&self, name: &str, kind: &str) -> Result<Vec<String>, Unknown> {
        match self.lookup(name, kind).await {
            Found::Values(values) => Ok(values),
            Found::None => Ok(Vec::new()),
            Found::Unknown(why) => Err(why),
        }
    }

    async fn lookup(&self, name: &str, kind: &str) -> Found {
        let record_type = match kind {
            "MX" => RecordType::MX,
            "TXT" => RecordType::TXT,
            "CNAME" => RecordType::CNAME,
            "SRV" => RecordType::SRV,
            _ => return Found::Unknown(Unknown::NotChecked(kind.to_owned())),
        };
        let fqdn = format!("{name}.");
        // A hard bound on top of the resolver's own timeout.
        let result = tokio::time::timeout(
            self.timeout + Duration::from_millis(500),
            self.resolver.lookup(fqdn.as_str(), record_type),
        )
        .await;
        let lookup = match result {
            Err(_) => return Found::Unknown(Unknown::TimedOut(self.timeout)),
            Ok(Err(e)) => return self.failure(&e),
            Ok(Ok(lookup)) => lookup,
        };
        let values: Vec<String> = lookup
            .answers()
            .iter()
            .filter(|r| r.record_type() == record_type)
            .filter_map(|r| match &r.data {
                RData::MX(mx) => Some(format!(
                    "{} {}",
                    mx.preference,
                    normalize(&mx.exchange.to_string())
                )),
                RData::TXT(txt) => Some(
                    txt.txt_data
                        .iter()
                        .map(|s| String::from_utf8_lossy(s))
                        .collect(),
                ),
                RData::CNAME(c) => Some(normalize(&c.0.to_string())),
                RData::SRV(s) => Some(format!(
                    "{} {} {} {}",
                    s.priority,
                    s.weight,
                    s.port,
                    normalize(&s.target.to_string())
                )),
                _ => None,
            })
            .collect();
        if values.is_empty() {
            Found::None
        } else {
            Found::Values(values)
        }
    }

    fn failure(&self, e: &NetError) -> Found {
        match e {
            NetError::Dns(DnsError::NoRecordsFound(NoRecords { .. })) => Found::None,
            NetError::Dns(DnsError::ResponseCode(ResponseCode::ServFail)) => {
                Found::Unknown(Unknown::ServFail)
            }
            NetError::Dns(DnsError::ResponseCode(code)) => {
                Found::Unknown(Unknown::Answered(code.to_string()))
            }
            NetError::Timeout => Found::Unknown(Unknown::TimedOut(self.timeout)),
            NetError::NoConnections | NetError::Io(_) => Found::Unknown(Unknown::NoServer),
            other => Found::Unknown(Unknown::Failed(other.to_string())),
        }
    }
}

fn squash(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_ascii_lowercase()
}

fn tag<'a>(value: &'a str, key: &str) -> Option<&'a str> {
    value
        .split(';')
        .map(str::trim)
        .find_map(|part| part.strip_prefix(key).and_then(|v| v.strip_prefix('=')))
}

/// Compares what DNS returned with what the record should be.
fn evaluate(record: &ZoneRecord, found: &Found, mail_host: &str) -> RecordCheck {
    let values = match found {
        Found::Unknown(reason) => {
            return RecordCheck {
                status: Published::Unknown,
                found: vec![],
                unknown: Some(reason.clone()),
                note: None,
            };
        }
        Found::None => return RecordCheck::new(Published::Missing, vec![], None),
        Found::Values(v) => v,
    };
    let expected = match record.kind.as_str() {
        "MX" => format!("{} {}", record.priority.unwrap_or(0), record.value),
        "SRV" => format!("{} {}", record.priority.unwrap_or(0), record.value),
        _ => record.value.clone(),
    };
    let lower = record.value.to_ascii_lowercase();
    match record.kind.as_str() {
        "MX" => {
            // It must point at this organisation's mail server; the preference may differ.
            let hosts: Vec<&str> = values
                .iter()
                .filter_map(|v| v.split_once(' ').map(|(_, h)| h))
                .collect();
            if hosts
                .iter()
                .any(|h| *h == record.value || *h == normalize(mail_host))
            {
                let others: Vec<&str> = hosts.into_iter().filter(|h| *h != record.value).collect();
                let note = (!others.is_empty())
                    .then(|| Note::AlsoSentTo(others.into_iter().map(str::to_owned).collect()));
                RecordCheck::new(Published::Match, values.clone(), note)
            } else {
                RecordCheck::new(Published::Conflict, values.clone(), Some(Note::MxElsewhere))
            }
        }
        "TXT" if lower.starts_with("v=spf1") => {
            let spf: Vec<String> = values
                .iter()
                .filter(|v| v.to_ascii_lowercase().starts_with("v=spf1"))
                .cloned()
                .collect();
            match spf.len() {
                0 => RecordCheck::new(Published::Missing, values.clone(), None),
                1 if squash(&spf[0]) == squash(&expected) => {
                    RecordCheck::new(Published::Match, spf, None)
                }
                1 => RecordCheck::new(Published::Conflict, spf, Some(Note::DifferentSpf)),
                _ => RecordCheck::new(Published::Conflict, spf, Some(Note::TwoSpf)),
            }
        }
        "TXT" if lower.starts_with("v=dkim1") => {
            let dkim: Vec<String> = values
                .iter()
                .filter(|v| v.to_ascii_lowercase().starts_with("v=dkim1"))
                .cloned()
                .collect();
            let want = tag(&record.value, "p");
            if dkim.is_empty() {
                RecordCheck::new(Published::Missing, values.clone(), None)
            } else if dkim.iter().any(|d| {
                tag(d, "p").map(|p| p.replace(' ', "")) == want.map(|p| p.replace(' ', ""))
            }) {
                RecordCheck::new(Published::Match, dkim, None)
            } else {
                RecordCheck::new(Published::Conflict, dkim, Some(Note::DkimMismatch))
            }
        }
        "TXT" if lower.starts_with("v=dmarc1") => {
            let dmarc: Vec<String> = values
                .iter()
                .filter(|v| v.to_ascii_lowercase().starts_with("v=dmarc1"))
                .cloned()
                .collect();
            let weak = dmarc
                .iter()
                .any(|d| tag(d, "p").is_some_and(|p| p.eq_ignore_ascii_case("none")))
                .then_some(Note::DmarcMonitorOnly);
            if dmarc.is_empty() {
                RecordCheck::new(Published::Missing, values.clone(), None)
            } else if dmarc.iter().any(|d| squash(d) == squash(&expected)) {
                RecordCheck::new(Published::Match, dmarc, weak)
            } else {
                RecordCheck::new(
                    Published::Conflict,
                    dmarc,
                    weak.or(Some(Note::DifferentDmarc)),
                )
            }
        }
        _ => {
            if values.iter().any(|v| squash(v) == squash(&expected)) {
                RecordCheck::new(Published::Match, values.clone(), None)
            } else {
                RecordCheck::new(Published::Conflict, values.clone(), None)
            }
        }
    }
}
