//! Activity from the mail server (issue 21): what storing the hook's deliveries costs, and
//! what "last used" adds to the "My app passwords" page.
//!
//!   ingest: signed batches of 100 events (the shape of live 113), 8 at a time, as fast as
//!           the portal takes them, for 10 s: events stored per second (budget >= 20,000 on
//!           2 cores; the load generator and the portal share them).
//!   page:   GET /app-passwords for a person with 5 app passwords, one client, p50 — before
//!           any event (the hook has delivered nothing: the page reads one row more than it
//!           did before this feature) and with 100,000 events stored (budget: p50 within
//!           1.2× of the first).

use bench::{API_KEY, AppPasswordsScene, Stats, load, ms};
use secrecy::ExposeSecret;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

const PORTAL: &str = AppPasswordsScene::PORTAL;
const SIM: &str = AppPasswordsScene::SIMULATOR;
const BATCH: u64 = 100;
const STORED: u64 = 100_000;
const BUDGET_EVENTS: f64 = 20_000.0;
const BUDGET_RATIO: f64 = 1.2;

async fn page_p50(browser: &reqwest::Client) -> Stats {
    let browser = browser.clone();
    load(1, Duration::from_secs(8), None, move || {
        let browser = browser.clone();
        async move {
            browser
                .get(format!("http://{PORTAL}/app-passwords"))
                .send()
                .await
                .is_ok_and(|r| r.status().is_success())
        }
    })
    .await
}

fn sign(key: &[u8], body: &str) -> String {
    use base64::Engine;
    use hmac::{Hmac, Mac};
    let mut mac = Hmac::<sha2::Sha256>::new_from_slice(key).expect("any key");
    mac.update(body.as_bytes());
    base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes())
}

/// Batch `n`: 100 sign-ins with the person's passwords (ids "b".."f" = 1..5), each its own
/// span, spread over the last 80 days.
fn batch(n: u64, now: i64) -> String {
    let events: Vec<serde_json::Value> = (0..BATCH)
        .map(|i| {
            let k = n * BATCH + i;
            let at = now - (k % (80 * 86_400)) as i64;
            let created = time::OffsetDateTime::from_unix_timestamp(at)
                .unwrap()
                .format(&time::format_description::well_known::Rfc3339)
                .unwrap();
            serde_json::json!({"id": (1_796_000_000_000 + k).to_string(), "createdAt": created,
                "type": if k.is_multiple_of(10) { "auth.failed" } else { "auth.success" },
                "data": {"accountName": "alice", "accountId": 1, "id": 1 + k % 5, "spanId": 343_000_000_000_000_000 + k,
                         "details": "Authenticated with app password", "listenerId": "imaps",
                         "localPort": 11993, "remoteIp": format!("198.51.100.{}", k % 250),
                         "remotePort": 40000 + k % 20000}})
        })
        .collect();
    serde_json::json!({ "events": events }).to_string()
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let root = std::env::current_dir()?;
    let scene = AppPasswordsScene::start(&root).await?;
    // Two more, to make five.
    let body = serde_json::json!({"using": ["urn:ietf:params:jmap:core", "urn:stalwart:jmap"], "methodCalls": [
        ["x:AppPassword/set", {"accountId": "b", "create": {"d": {"description": "K-9 Mail"}, "e": {"description": "iPad"}}}, "c0"]]});
    reqwest::Client::new()
        .post(format!("http://{SIM}/jmap"))
        .bearer_auth(API_KEY)
        .json(&body)
        .send()
        .await?
        .error_for_status()?;

    // The hook the portal registered at start: its key, derived as the portal derives it.
    let db = app::ssr::db::Db::connect(&format!(
        "sqlite://{}?mode=rwc",
        root.join("target/bench/ap.db").display()
    ))
    .await?;
    let deadline = Instant::now() + Duration::from_secs(15);
    let nonce: String = loop {
        let found: Option<String> = sqlx_nonce(&db).await?;
        if let Some(nonce) = found {
            break nonce;
        }
        anyhow::ensure!(Instant::now() < deadline, "the portal registered no hook");
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    let client = app::ssr::stalwart::StalwartClient::new(
        &url::Url::parse(&format!("http://{SIM}"))?,
        API_KEY.to_owned().into(),
        Duration::from_secs(5),
    )?;
    let key: Arc<[u8]> = client
        .hook_signing_key(&nonce)
        .expose_secret()
        .as_bytes()
        .into();

    let before = page_p50(&scene.browser).await;

    println!("== activity: ingest of signed batches of {BATCH} events, 8 at a time, 10 s");
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    let next = Arc::new(AtomicU64::new(0));
    let sender = reqwest::Client::new();
    let stats = {
        let (next, key) = (next.clone(), key.clone());
        load(8, Duration::from_secs(10), None, move || {
            let (next, key, sender) = (next.clone(), key.clone(), sender.clone());
            async move {
                let body = batch(next.fetch_add(1, Ordering::Relaxed), now);
                let signature = sign(&key, &body);
                sender
                    .post(format!("http://{PORTAL}/hooks/stalwart/main"))
                    .header("content-type", "application/json")
                    .header("x-signature", signature)
                    .body(body)
                    .send()
                    .await
                    .is_ok_and(|r| r.status().is_success())
            }
        })
        .await
    };
    let events = stats.rate() * BATCH as f64;
    println!(
        "  {} batches, {} errors: {:.0} events/s, batch p50 {} p99 {}  (budget >= {:.0} events/s: {})",
        stats.requests,
        stats.errors,
        events,
        ms(stats.percentile(0.5)),
        ms(stats.percentile(0.99)),
        BUDGET_EVENTS,
        if events >= BUDGET_EVENTS {
            "met"
        } else {
            "NOT met"
        }
    );
    // Top up (or stop) at 100,000 stored events for the page measurement.
    while next.load(Ordering::Relaxed) * BATCH < STORED {
        let body = batch(next.fetch_add(1, Ordering::Relaxed), now);
        let signature = sign(&key, &body);
        reqwest::Client::new()
            .post(format!("http://{PORTAL}/hooks/stalwart/main"))
            .header("x-signature", signature)
            .body(body)
            .send()
            .await?
            .error_for_status()?;
    }
    let stored = stored_events(&db).await?;

    let after = page_p50(&scene.browser).await;
    let ratio = after.percentile(0.5).as_secs_f64() / before.percentile(0.5).as_secs_f64();
    println!("== \"My app passwords\" (5 passwords), one client, 8 s");
    println!(
        "  no events yet            p50 {}  p99 {}  ({} requests)",
        ms(before.percentile(0.5)),
        ms(before.percentile(0.99)),
        before.requests
    );
    println!(
        "  {stored:>7} events stored  p50 {}  p99 {}  ({} requests)",
        ms(after.percentile(0.5)),
        ms(after.percentile(0.99)),
        after.requests
    );
    println!(
        "  p50 ratio {ratio:.2}×  (budget <= {BUDGET_RATIO}×: {})",
        if ratio <= BUDGET_RATIO {
            "met"
        } else {
            "NOT met"
        }
    );
    let page = scene
        .browser
        .get(format!("http://{PORTAL}/app-passwords"))
        .send()
        .await?
        .text()
        .await?;
    anyhow::ensure!(page.contains("198.51.100."), "the page shows no last use");
    Ok(())
}

async fn sqlx_nonce(db: &app::ssr::db::Db) -> anyhow::Result<Option<String>> {
    Ok(app::ssr::db::webhooks::of_server(db, "main")
        .await?
        .map(|h| h.nonce))
}

async fn stored_events(db: &app::ssr::db::Db) -> anyhow::Result<i64> {
    Ok(app::ssr::db::activity::count(db).await?)
}
