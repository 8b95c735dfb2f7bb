//! Test equipment as processes, for the demo and the browser tests.
//!
//! `postern-testkit stalwart --listen 127.0.0.1:18080 --seed seed.json`
//!
//! Runs the Stalwart simulator. The seed file lists domains, users, groups and the portal's
//! API key:
//!
//! ```json
//! {"domains": ["acme.test"],
//!  "users": [{"address": "alice@acme.test", "name": "Alice", "quota": 1073741824,
//!             "aliases": ["a.anders@acme.test"], "password": null}],
//!  "groups": [{"address": "sales@acme.test", "name": "Sales"}],
//!  "api_keys": [{"address": "postern@acme.test", "secret": "API_…"}]}
//! ```
//!
//! `postern-testkit dns --listen 127.0.0.1:5310 --control 127.0.0.1:5311 --zone gamma.test
//! [--zone other.test …]`
//!
//! Runs an authoritative DNS server (UDP and TCP on `--listen`) for each `--zone`, holding
//! only its SOA and NS at start; names outside the zones are REFUSED. The HTTP server on
//! `--control` changes the records while it runs (testkit::dns::control):
//!
//! - `POST /records` `{"name": "_postern-challenge.gamma.test", "type": "TXT",
//!   "value": "token=abc expiry=2026-12-07T10:00:00Z"}` → 204 (values over 255 bytes are
//!   split into 255-byte strings);
//! - `DELETE /records?name=_postern-challenge.gamma.test` → 204, every record of the name gone;
//! - `GET /healthz` → 200 (for Playwright's `webServer`).
//!
//! `postern-testkit dns … --forward delta.test=127.0.0.1:5355` asks that server the questions
//! about that zone (a resolver that sees another authoritative server).
//!
//! `postern-testkit knot --port 5355 --secret <base64> --control 127.0.0.1:5356
//! --zone delta.test [--record "delta.test=@ IN MX 20 backup-mx.other-provider.net." …]`
//!
//! Runs Debian's Knot DNS (testkit::knot) on loopback for each `--zone`, taking RFC 2136
//! updates signed with the TSIG key `postern-update.` (hmac-sha256, `--secret`); `--record`
//! puts a zone-file line into a zone at start. The HTTP server on `--control`:
//!
//! - `GET /records?zone=delta.test` → JSON `[{"name", "kind", "data"}]` (a zone transfer,
//!   without the SOA, NS and the name server's address);
//! - `POST /records` `{"name": "_postern-challenge.delta.test", "type": "TXT", "value": "…"}`
//!   → 204 (a signed update; `"type": "MX"` with `"value": "20 mx.example.net."` too);
//! - `DELETE /records?name=…` → 204, every record of the name gone;
//! - `GET /healthz` → 200.
//!
//! `postern-testkit smtp --listen 127.0.0.1:2525 --http 127.0.0.1:2526`
//!
//! Runs an SMTP sink (testkit::smtp) on `--listen` that accepts every message, any AUTH
//! credentials included, and an HTTP API on `--http`:
//!
//! - `GET /messages` → JSON array of `{"from", "to": […], "data", "auth_user"}`;
//! - `DELETE /messages` → 204, all messages forgotten;
//! - `POST /refuse` `{"times": 2}` → 204, the next two transactions get `451` at `DATA`;
//! - `GET /healthz` → 200.

use anyhow::{Context, bail};
use serde::Deserialize;
use std::net::SocketAddr;
use testkit::dns::{DnsServer, control};
use testkit::smtp::Sink;
use testkit::stalwart::{Simulator, Store};

#[derive(Deserialize, Default)]
struct Seed {
    #[serde(default)]
    domains: Vec<String>,
    #[serde(default)]
    users: Vec<SeedUser>,
    #[serde(default)]
    groups: Vec<SeedGroup>,
    #[serde(default)]
    api_keys: Vec<SeedKey>,
    #[serde(default)]
    bulk_users: Option<Bulk>,
    /// Stalwart's default hostname (where MX and SRV records point).
    #[serde(default)]
    hostname: Option<String>,
}

#[derive(Deserialize)]
struct SeedUser {
    address: String,
    name: Option<String>,
    password: Option<String>,
    quota: Option<u64>,
    #[serde(default)]
    aliases: Vec<String>,
}

#[derive(Deserialize)]
struct SeedGroup {
    address: String,
    name: Option<String>,
}

#[derive(Deserialize)]
struct SeedKey {
    address: String,
    secret: String,
}

/// Many generated users in one domain, for performance measurements.
#[derive(Deserialize)]
struct Bulk {
    domain: String,
    count: usize,
}

fn split(address: &str) -> anyhow::Result<(&str, &str)> {
    address
        .split_once('@')
        .with_context(|| format!("{address:?} is not an address"))
}

fn build(seed: Seed) -> anyhow::Result<Store> {
    let mut store = Store::default();
    if let Some(hostname) = &seed.hostname {
        store.hostname = hostname.clone();
    }
    for domain in &seed.domains {
        store.create_domain(domain);
    }
    let domain_id = |store: &Store, name: &str| {
        store
            .domain_id(name)
            .with_context(|| format!("domain {name} is not in \"domains\""))
    };
    for user in &seed.users {
        let (local, domain) = split(&user.address)?;
        let d = domain_id(&store, domain)?;
        let id = store.create_user(local, &d, user.name.as_deref(), user.password.as_deref());
        let n = testkit::stalwart::ids::decode_id(&id).expect("own id") as u32;
        let mut aliases = Vec::new();
        for alias in &user.aliases {
            let (alocal, adomain) = split(alias)?;
            aliases.push(testkit::stalwart::store_alias(
                alocal,
                &domain_id(&store, adomain)?,
            ));
        }
        let account = store.accounts.get_mut(&n).expect("created");
        account.aliases = aliases;
        if let Some(q) = user.quota {
            account.quotas.insert("maxDiskQuota".into(), q.into());
        }
    }
    for group in &seed.groups {
        let (local, domain) = split(&group.address)?;
        let d = domain_id(&store, domain)?;
        store.create_group(local, &d, group.name.as_deref());
    }
    if let Some(bulk) = &seed.bulk_users {
        let d = domain_id(&store, &bulk.domain)?;
        for i in 0..bulk.count {
            store.create_user(
                &format!("user{i:05}"),
                &d,
                Some(&format!("Generated User {i}")),
                None,
            );
        }
    }
    for key in &seed.api_keys {
        let (local, domain) = split(&key.address)?;
        let d = domain_id(&store, domain)?;
        let id = store.create_user(local, &d, Some("Postern service account"), None);
        store.make_admin(&id);
        store.add_api_key(&id, &key.secret);
    }
    Ok(store)
}

const USAGE: &str = "usage: postern-testkit stalwart [--listen ADDR] [--seed FILE]\n       \
    postern-testkit dns --listen ADDR --control ADDR --zone ORIGIN [--zone ORIGIN …] [--forward ZONE=ADDR …]\n       \
    postern-testkit knot --port PORT --secret BASE64 --control ADDR --zone ORIGIN [--record ZONE=LINE …]\n       \
    postern-testkit smtp [--listen ADDR] [--http ADDR]";

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt().with_target(false).init();
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("stalwart") => stalwart(&args[1..]).await,
        Some("dns") => dns(&args[1..]).await,
        Some("smtp") => smtp(&args[1..]).await,
        Some("knot") => knot(&args[1..]).await,
        _ => bail!(USAGE),
    }
}

async fn stalwart(args: &[String]) -> anyhow::Result<()> {
    let mut listen = "127.0.0.1:18080".to_owned();
    let mut seed = Seed::default();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--listen" => listen = it.next().context("--listen needs an address")?.clone(),
            "--seed" => {
                let path = it.next().context("--seed needs a file")?;
                let text =
                    std::fs::read_to_string(path).with_context(|| format!("reading {path}"))?;
                seed = serde_json::from_str(&text).with_context(|| format!("parsing {path}"))?;
            }
            other => bail!("unknown argument {other}\n{USAGE}"),
        }
    }
    let store = build(seed)?;
    let listener = tokio::net::TcpListener::bind(&listen)
        .await
        .with_context(|| format!("binding {listen}"))?;
    let simulator = Simulator::serve(listener, store);
    tracing::info!(url = %simulator.url, "Stalwart simulator ready");
    tokio::signal::ctrl_c().await?;
    Ok(())
}

async fn dns(args: &[String]) -> anyhow::Result<()> {
    let (mut listen, mut control_addr, mut zones) = (None, None, Vec::new());
    let mut forward = Vec::new();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = |what: &str| it.next().with_context(|| format!("{arg} needs {what}"));
        match arg.as_str() {
            "--listen" => listen = Some(value("an address")?.parse::<SocketAddr>()?),
            "--control" => control_addr = Some(value("an address")?.clone()),
            "--zone" => zones.push(value("an origin")?.clone()),
            "--forward" => {
                let given = value("zone=address")?;
                let (zone, to) = given
                    .split_once('=')
                    .with_context(|| format!("--forward {given}: zone=address"))?;
                forward.push((zone.to_owned(), to.parse::<SocketAddr>()?));
            }
            other => bail!("unknown argument {other}\n{USAGE}"),
        }
    }
    let (Some(listen), Some(control_addr)) = (listen, control_addr) else {
        bail!("--listen and --control are required\n{USAGE}");
    };
    if zones.is_empty() {
        bail!("at least one --zone is required\n{USAGE}");
    }
    let server = DnsServer::start_forwarding(listen, &zones, &forward)
        .await
        .with_context(|| format!("serving DNS on {listen}"))?;
    let listener = tokio::net::TcpListener::bind(&control_addr)
        .await
        .with_context(|| format!("binding {control_addr}"))?;
    tracing::info!(dns = %server.addr, control = %control_addr, ?zones, "DNS server ready");
    let app = control::router(server.zones());
    tokio::select! {
        served = axum::serve(listener, app) => served?,
        stopped = tokio::signal::ctrl_c() => stopped?,
    }
    Ok(())
}

async fn knot(args: &[String]) -> anyhow::Result<()> {
    use axum::extract::{Query, State};
    use axum::http::StatusCode;
    use axum::routing::get;
    use std::sync::Arc;
    use testkit::knot::Knot;
    let (mut port, mut secret, mut control_addr) = (None, None, None);
    let (mut zones, mut records) = (Vec::<String>::new(), Vec::<(String, String)>::new());
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = |what: &str| it.next().with_context(|| format!("{arg} needs {what}"));
        match arg.as_str() {
            "--port" => port = Some(value("a port")?.parse::<u16>()?),
            "--secret" => secret = Some(value("a base64 secret")?.clone()),
            "--control" => control_addr = Some(value("an address")?.clone()),
            "--zone" => zones.push(value("an origin")?.clone()),
            "--record" => {
                let given = value("zone=record")?;
                let (zone, line) = given
                    .split_once('=')
                    .with_context(|| format!("--record {given}: zone=zone-file line"))?;
                records.push((zone.to_owned(), line.to_owned()));
            }
            other => bail!("unknown argument {other}\n{USAGE}"),
        }
    }
    let (Some(port), Some(secret), Some(control_addr)) = (port, secret, control_addr) else {
        bail!("--port, --secret and --control are required\n{USAGE}");
    };
    let contents: Vec<(String, String)> = zones
        .iter()
        .map(|z| {
            let lines: Vec<&str> = records
                .iter()
                .filter(|(zone, _)| zone == z)
                .map(|(_, line)| line.as_str())
                .collect();
            (z.clone(), lines.join("\n"))
        })
        .collect();
    let knot = tokio::task::spawn_blocking(move || {
        let zones: Vec<(&str, &str)> = contents
            .iter()
            .map(|(z, r)| (z.as_str(), r.as_str()))
            .collect();
        Knot::start_on(port, &secret, &zones)
    })
    .await?;
    let knot = Arc::new(knot);

    #[derive(Deserialize)]
    struct ZoneQuery {
        zone: String,
    }
    #[derive(Deserialize)]
    struct NewRecord {
        name: String,
        #[serde(rename = "type")]
        kind: String,
        value: String,
    }
    async fn list(
        State(knot): State<Arc<Knot>>,
        Query(q): Query<ZoneQuery>,
    ) -> axum::Json<Vec<testkit::knot::Rr>> {
        let records = tokio::task::spawn_blocking(move || knot.records(&q.zone))
            .await
            .unwrap_or_default();
        axum::Json(records)
    }
    async fn add(
        State(knot): State<Arc<Knot>>,
        axum::Json(r): axum::Json<NewRecord>,
    ) -> Result<StatusCode, (StatusCode, String)> {
        if !["TXT", "MX"].contains(&r.kind.to_ascii_uppercase().as_str()) {
            return Err((StatusCode::BAD_REQUEST, "only TXT and MX records".into()));
        }
        tokio::task::spawn_blocking(move || knot.add(&r.name, &r.kind, &r.value))
            .await
            .map_err(|e| (StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?
            .map_err(|e| (StatusCode::BAD_REQUEST, e))?;
        Ok(StatusCode::NO_CONTENT)
    }
    #[derive(Deserialize)]
    struct Named {
        name: String,
    }
    async fn remove(
        State(knot): State<Arc<Knot>>,
        Query(n): Query<Named>,
    ) -> Result<StatusCode, (StatusCode, String)> {
        tokio::task::spawn_blocking(move || knot.remove(&n.name))
            .await
            .map_err(|e| (StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?
            .map_err(|e| (StatusCode::BAD_REQUEST, e))?;
        Ok(StatusCode::NO_CONTENT)
    }
    let app = axum::Router::new()
        .route("/records", get(list).post(add).delete(remove))
        .route("/healthz", get(|| async { StatusCode::OK }))
        .with_state(knot.clone());
    let listener = tokio::net::TcpListener::bind(&control_addr)
        .await
        .with_context(|| format!("binding {control_addr}"))?;
    tracing::info!(dns = %knot.addr, control = %control_addr, ?zones, "Knot ready");
    tokio::select! {
        served = axum::serve(listener, app) => served?,
        stopped = tokio::signal::ctrl_c() => stopped?,
    }
    Ok(())
}

async fn smtp(args: &[String]) -> anyhow::Result<()> {
    let (mut listen, mut http) = ("127.0.0.1:2525".to_owned(), "127.0.0.1:2526".to_owned());
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = || it.next().with_context(|| format!("{arg} needs an address"));
        match arg.as_str() {
            "--listen" => listen = value()?.clone(),
            "--http" => http = value()?.clone(),
            other => bail!("unknown argument {other}\n{USAGE}"),
        }
    }
    let listener = tokio::net::TcpListener::bind(&listen)
        .await
        .with_context(|| format!("binding {listen}"))?;
    let sink = Sink::serve(listener);
    let api = tokio::net::TcpListener::bind(&http)
        .await
        .with_context(|| format!("binding {http}"))?;
    tracing::info!(smtp = %format!("{}:{}", sink.host, sink.port), http = %http, "SMTP sink ready");
    tokio::select! {
        served = axum::serve(api, sink.router()) => served?,
        stopped = tokio::signal::ctrl_c() => stopped?,
    }
    Ok(())
}
