//! The first page of the admin's mailbox list for an organisation with 10,000 mailboxes.
//!
//! Prints the server time of `GET /admin/mailboxes` (measured on loopback by one client, so
//! it is the portal's time plus the Stalwart calls it makes) and how many JMAP requests one
//! page costs, counted at the simulator. Budget: <= 50 ms, at most 2 JMAP requests.

use bench::{API_KEY, jmap_requests, load, ms, wait_ready};
use std::time::Duration;
use testkit::oidc::{Issuer, User};

const SIM: &str = "127.0.0.1:18480";
const PORTAL: &str = "127.0.0.1:3400";
const MAILBOXES: usize = 10_000;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let root = std::env::current_dir()?;
    let target = root.join("target/bench");
    std::fs::create_dir_all(&target)?;
    let seed = target.join("mailboxes-seed.json");
    std::fs::write(
        &seed,
        serde_json::json!({
            "domains": ["acme.test"],
            "users": [{"address": "ada@acme.test", "name": "Ada Admin"}],
            "bulk_users": {"domain": "acme.test", "count": MAILBOXES},
            "api_keys": [{"address": "postern@acme.test", "secret": API_KEY}]
        })
        .to_string(),
    )?;
    let _sim = bench::simulator(&root, SIM, &seed)?;
    wait_ready(&format!("http://{SIM}/healthz/live")).await?;
    let issuer = Issuer::start("", "postern-a", "secret-a").await;
    issuer.add_user(User::new("ada@acme.test", "Ada Admin", &["mail-admins"]));
    let config = target.join("mailboxes.toml");
    let _ = std::fs::remove_file(target.join("mailboxes.db"));
    std::fs::write(
        &config,
        bench::config(
            PORTAL,
            &target.join("mailboxes.db"),
            SIM,
            API_KEY,
            &issuer.issuer,
        ),
    )?;
    let _portal = bench::portal(&root, &config)?;
    wait_ready(&format!("http://{PORTAL}/healthz/ready")).await?;
    let admin = bench::sign_in(PORTAL, "ada@acme.test").await?;
    let url = format!("http://{PORTAL}/admin/mailboxes");

    let before = jmap_requests(SIM).await?;
    let first = admin.get(&url).send().await?.text().await?;
    let cold = jmap_requests(SIM).await? - before;
    // English groups thousands: "10,002 mailboxes".
    let total = MAILBOXES + 2;
    let grouped = format!("{},{:03}", total / 1000, total % 1000);
    if !first.contains(&format!("{grouped} mailboxes")) {
        anyhow::bail!("the page does not show the expected total");
    }
    let before = jmap_requests(SIM).await?;
    admin.get(&url).send().await?.error_for_status()?;
    let warm = jmap_requests(SIM).await? - before;

    let page = move || {
        let (client, url) = (admin.clone(), url.clone());
        async move {
            client
                .get(&url)
                .send()
                .await
                .is_ok_and(|r| r.status().is_success())
        }
    };
    load(1, Duration::from_secs(2), None, page.clone()).await;
    let stats = load(1, Duration::from_secs(10), None, page).await;
    println!(
        "== first page of /admin/mailboxes, organisation with {} mailboxes (one client, sequential)",
        MAILBOXES + 2
    );
    println!(
        "  {} requests  p50 {}  p90 {}  p99 {}  errors {}   (budget <= 50 ms)",
        stats.requests,
        ms(stats.percentile(0.50)),
        ms(stats.percentile(0.90)),
        ms(stats.percentile(0.99)),
        stats.errors
    );
    println!(
        "  JMAP requests per page: {warm} (first page after start, with domain lookup: {cold})   (budget <= 2)"
    );
    Ok(())
}
