//! Runs the simulator's `DnsManagement` tasks as Stalwart's task manager does (live 130–146):
//! taken at once, each RRset of the task's record kinds written through the domain's
//! `x:DnsServer` with TSIG-signed RFC 2136 updates; the task vanishes when every RRset was
//! written, else it fails for good with one reason per RRset, joined by "; ".

use super::Shared;
use super::dns_update::Updater;
use super::store::JobWork;
use hickory_proto::rr::{Name, RData, RecordSet, RecordType};
use hickory_proto::serialize::txt::Parser;
use serde_json::Value;
use std::time::Duration;

pub(super) fn start(shared: &Shared) -> tokio::task::JoinHandle<()> {
    let queued = shared.lock().expect("simulator lock").dns_queued();
    let shared = shared.clone();
    tokio::spawn(async move {
        loop {
            queued.notified().await;
            let jobs = shared.lock().expect("simulator lock").take_dns_jobs();
            for job in jobs {
                let outcome = match job.work {
                    Ok(work) => publish(work).await,
                    Err(reason) => Err(reason),
                };
                shared
                    .lock()
                    .expect("simulator lock")
                    .finish_dns_job(job.task, outcome);
            }
        }
    })
}

/// TXT records at these names are Stalwart's alone: replaced, not merged (live 141).
const OWNED_TXT: [&str; 6] = [
    "_dmarc.",
    "_smtp._tls.",
    "_mta-sts.",
    "_ua-auto-config.",
    "_validation-persist.",
    "._domainkey.",
];

async fn publish(work: JobWork) -> Result<(), String> {
    let updater = updater(&work).map_err(|e| format!("Failed to build DNS updater: {e}"))?;
    let ttl = (work
        .server
        .get("ttl")
        .and_then(Value::as_u64)
        .unwrap_or(300_000)
        / 1000) as u32;
    let origin = Name::from_ascii(format!("{}.", work.origin.trim_end_matches('.')))
        .map_err(|e| format!("Failed to build DNS updater: {e}"))?;
    let zone = format!("$TTL {ttl}\n{}", work.zone);
    let (_, rrsets) = Parser::new(zone, None, Some(Name::root()))
        .parse()
        .map_err(|e| format!("Failed to build DNS records: {e}"))?;
    let mut failures = Vec::new();
    for (_, rrset) in rrsets {
        let label = format!("{}/{}", rrset.name(), rrset.record_type());
        if let Err(e) = write(&updater, &origin, rrset, ttl).await {
            failures.push(format!(
                "Failed to set DNS RRSet for {label}: Failed to set DNS RRSet: Client error: {e}"
            ));
        }
    }
    if failures.is_empty() {
        Ok(())
    } else {
        Err(failures.join("; "))
    }
}

fn updater(work: &JobWork) -> Result<Updater, String> {
    use base64::Engine;
    let server = &work.server;
    let text = |name: &str| server.get(name).and_then(Value::as_str).unwrap_or_default();
    let number = |name: &str| server.get(name).and_then(Value::as_u64).unwrap_or_default();
    let host: std::net::IpAddr = text("host").parse().map_err(|e| format!("{e}"))?;
    let key = base64::engine::general_purpose::STANDARD
        .decode(
            server
                .get("key")
                .and_then(|k| k.get("secret"))
                .and_then(Value::as_str)
                .unwrap_or_default(),
        )
        .map_err(|e| format!("{e}"))?;
    Updater::new(
        std::net::SocketAddr::new(host, number("port") as u16),
        text("protocol") == "tcp",
        Duration::from_millis(number("timeout")),
        text("keyName"),
        text("tsigAlgorithm"),
        key,
    )
}

/// Writes one RRset; a TXT RRset at a name Stalwart does not own keeps the records there of
/// another `v=` family (or with none), after its own.
async fn write(
    updater: &Updater,
    origin: &Name,
    mut rrset: RecordSet,
    ttl: u32,
) -> Result<(), String> {
    if !origin.zone_of(rrset.name()) {
        return Err(format!(
            "server responded with NOTZONE ({} is outside {origin})",
            rrset.name()
        ));
    }
    let name = rrset.name().to_ascii().to_lowercase();
    if rrset.record_type() == RecordType::TXT && !OWNED_TXT.iter().any(|n| name.contains(n)) {
        let ours: Vec<String> = rrset
            .records_without_rrsigs()
            .filter_map(|r| match &r.data {
                RData::TXT(txt) => Some(joined(txt)),
                _ => None,
            })
            .collect();
        let families: Vec<Option<String>> = ours.iter().map(|t| family(t)).collect();
        let existing = updater.txt_at(rrset.name()).await?;
        let mut merged = RecordSet::with_ttl(rrset.name().clone(), RecordType::TXT, ttl);
        for value in ours.iter().chain(
            existing
                .iter()
                .filter(|t| family(t).is_none_or(|f| !families.contains(&Some(f)))),
        ) {
            merged.add_rdata(RData::TXT(hickory_proto::rr::rdata::TXT::new(split(value))));
        }
        rrset = merged;
    }
    updater.replace(origin, rrset).await
}

fn joined(txt: &hickory_proto::rr::rdata::TXT) -> String {
    txt.txt_data
        .iter()
        .map(|s| String::from_utf8_lossy(s).into_owned())
        .collect()
}

/// A TXT value in strings of at most 255 bytes.
fn split(value: &str) -> Vec<String> {
    value
        .as_bytes()
        .chunks(255)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect()
}

/// `v=spf1 …` → `spf1` (compared without case); none without a `v=` prefix.
fn family(value: &str) -> Option<String> {
    let rest = value
        .trim_start()
        .get(..2)?
        .eq_ignore_ascii_case("v=")
        .then(|| &value.trim_start()[2..])?;
    Some(
        rest.split([';', ' '])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase(),
    )
}
