//! What the "My app passwords" page costs on top of the Stalwart call it wraps.
//!
//! Side by side, 64 concurrent clients each:
//!   bare:   POST /jmap  x:AppPassword/query + get (by back-reference) for the user's account,
//!           with the portal's API key — exactly the call the portal makes;
//!   portal: GET /app-passwords as a signed-in user (session, mailbox lookup, that call,
//!           the user's activity from the database, server-side rendering).
//! The Stalwart simulator and the portal are the release binaries, each its own process;
//! the in-process OpenID provider only serves the one sign-in.
//!
//! Two load shapes: paced (each client one request every 64 ms, ~1,000 req/s offered, so
//! latency is service time) and saturated (as fast as possible, so latency includes queueing
//! on the machine's 2 cores).

use anyhow::bail;
use bench::{Stats, load, ms, wait_ready};
use std::time::Duration;
use testkit::oidc::{Issuer, User};

const API_KEY: &str = "API_AAAABAAAAAE36wtxGna-JL_wnbLTc5nR2teWbQ";
const SIM: &str = "127.0.0.1:18380";
const PORTAL: &str = "127.0.0.1:3300";
const CONCURRENCY: usize = 64;

fn report(label: &str, bare: &Stats, portal: &Stats) {
    println!("== {label}");
    for (name, s) in [
        ("bare x:AppPassword/query+get", bare),
        ("portal GET /app-passwords", portal),
    ] {
        println!(
            "  {name:30} {:>7} requests {:>8.0} req/s  p50 {:>9}  p99 {:>9}  errors {}",
            s.requests,
            s.rate(),
            ms(s.percentile(0.50)),
            ms(s.percentile(0.99)),
            s.errors
        );
    }
    let added = |p: f64| portal.percentile(p).saturating_sub(bare.percentile(p));
    println!(
        "  added by the portal: p50 {}  p99 {}  (budget p50 <= 2 ms, p99 <= 10 ms)",
        ms(added(0.50)),
        ms(added(0.99))
    );
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let root = std::env::current_dir()?;
    let target = root.join("target/bench");
    std::fs::create_dir_all(&target)?;
    let seed = target.join("ap-seed.json");
    std::fs::write(
        &seed,
        serde_json::json!({
            "domains": ["acme.test"],
            "users": [{"address": "alice@acme.test", "name": "Alice Anders", "quota": 1073741824}],
            "api_keys": [{"address": "postern@acme.test", "secret": API_KEY}]
        })
        .to_string(),
    )?;
    let _sim = bench::simulator(&root, SIM, &seed)?;
    wait_ready(&format!("http://{SIM}/healthz/live")).await?;

    // Alice has three app passwords, created the way the portal creates them.
    let http = reqwest::Client::new();
    let jmap = |body: serde_json::Value| {
        http.post(format!("http://{SIM}/jmap"))
            .bearer_auth(API_KEY)
            .json(&body)
            .send()
    };
    let body = serde_json::json!({"using": ["urn:ietf:params:jmap:core", "urn:stalwart:jmap"], "methodCalls": [
        ["x:AppPassword/set", {"accountId": "b", "create": {
            "a": {"description": "iPhone Mail"}, "b": {"description": "Thunderbird"}, "c": {"description": "Outlook"}}}, "c0"]]});
    jmap(body).await?.error_for_status()?;

    let issuer = Issuer::start("", "postern-a", "secret-a").await;
    issuer.add_user(User::new("alice@acme.test", "Alice Anders", &[]));
    let config = target.join("ap.toml");
    std::fs::write(
        &config,
        bench::config(PORTAL, &target.join("ap.db"), SIM, API_KEY, &issuer.issuer),
    )?;
    let _ = std::fs::remove_file(target.join("ap.db"));
    let _portal = bench::portal(&root, &config)?;
    wait_ready(&format!("http://{PORTAL}/healthz/ready")).await?;

    // Sign in once; the cookie jar carries the session for every portal request.
    let browser = bench::sign_in(PORTAL, "alice@acme.test").await?;
    let page = browser
        .get(format!("http://{PORTAL}/app-passwords"))
        .send()
        .await?
        .text()
        .await?;
    if !page.contains("Thunderbird") {
        bail!("the app passwords page does not list the seeded passwords");
    }

    let bare_body = serde_json::json!({"using": ["urn:ietf:params:jmap:core", "urn:stalwart:jmap"], "methodCalls": [
        ["x:AppPassword/query", {"accountId": "b"}, "c0"],
        ["x:AppPassword/get", {"accountId": "b", "#ids": {"resultOf": "c0", "name": "x:AppPassword/query", "path": "/ids"}}, "c1"]]})
    .to_string();
    let bare_client = reqwest::Client::builder()
        .pool_max_idle_per_host(CONCURRENCY)
        .build()?;
    let bare = move || {
        let (client, body) = (bare_client.clone(), bare_body.clone());
        async move {
            client
                .post(format!("http://{SIM}/jmap"))
                .bearer_auth(API_KEY)
                .header("content-type", "application/json")
                .body(body)
                .send()
                .await
                .is_ok_and(|r| r.status().is_success())
        }
    };
    let portal = move || {
        let client = browser.clone();
        async move {
            match client
                .get(format!("http://{PORTAL}/app-passwords"))
                .send()
                .await
            {
                Ok(r) if r.status().is_success() => r.bytes().await.is_ok(),
                _ => false,
            }
        }
    };

    let warm = Duration::from_secs(2);
    let run = Duration::from_secs(10);
    let pace = Some(Duration::from_millis(64));
    load(CONCURRENCY, warm, None, bare.clone()).await;
    load(CONCURRENCY, warm, None, portal.clone()).await;
    let one_bare = load(1, Duration::from_secs(3), None, bare.clone()).await;
    let one_portal = load(1, Duration::from_secs(3), None, portal.clone()).await;
    let half = Some(Duration::from_millis(128));
    let half_bare = load(CONCURRENCY, run, half, bare.clone()).await;
    let half_portal = load(CONCURRENCY, run, half, portal.clone()).await;
    let paced_bare = load(CONCURRENCY, run, pace, bare.clone()).await;
    let paced_portal = load(CONCURRENCY, run, pace, portal.clone()).await;
    let full_bare = load(CONCURRENCY, run, None, bare).await;
    let full_portal = load(CONCURRENCY, run, None, portal).await;
    report(
        "sequential: one client (service time)",
        &one_bare,
        &one_portal,
    );
    report(
        "paced: 64 clients, one request every 128 ms each (~500 req/s offered)",
        &half_bare,
        &half_portal,
    );
    report(
        "paced: 64 clients, one request every 64 ms each (~1,000 req/s offered)",
        &paced_bare,
        &paced_portal,
    );
    report(
        "saturated: 64 clients as fast as possible",
        &full_bare,
        &full_portal,
    );
    Ok(())
}
