//! `postern-testkit stalwart --listen 127.0.0.1:18080 --seed seed.json`
//!
//! Runs the Stalwart simulator as a process, for the demo and the browser tests.
//! The seed file lists domains, users, groups and the portal's API key:
//!
//! ```json
//! {"domains": ["acme.test"],
//!  "users": [{"address": "alice@acme.test", "name": "Alice", "quota": 1073741824,
//!             "aliases": ["a.anders@acme.test"], "password": null}],
//!  "groups": [{"address": "sales@acme.test", "name": "Sales"}],
//!  "api_keys": [{"address": "postern@acme.test", "secret": "API_…"}]}
//! ```

use anyhow::{Context, bail};
use serde::Deserialize;
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

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt().with_target(false).init();
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) != Some("stalwart") {
        bail!("usage: postern-testkit stalwart [--listen ADDR] [--seed FILE]");
    }
    let mut listen = "127.0.0.1:18080".to_owned();
    let mut seed = Seed::default();
    let mut it = args.iter().skip(1);
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--listen" => listen = it.next().context("--listen needs an address")?.clone(),
            "--seed" => {
                let path = it.next().context("--seed needs a file")?;
                let text =
                    std::fs::read_to_string(path).with_context(|| format!("reading {path}"))?;
                seed = serde_json::from_str(&text).with_context(|| format!("parsing {path}"))?;
            }
            other => bail!("unknown argument {other}"),
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
