//! Sign-in start (home-realm discovery by mail domain → redirect to the organisation's IdP)
//! with 10, 1,000 and 10,000 organisations in the directory, and the portal's RSS with each.
//!
//! Each scene: a fresh SQLite database holding the organisations, added the way an operator
//! or partner adds them (`directory::manage::create_organisation`: one transaction each, the
//! IdP client secret sealed), a release portal started on it, then the same load: new
//! visitors (no cookie) typing an address in one of ten organisations spread across the
//! directory, paced at a steady rate so latency is not queueing. The ten organisations'
//! OpenID discovery is fetched once during the warm-up, as in production (cached per
//! organisation); what changes between scenes is only the size of the directory.
//! Goals (issue 24): p50 and p99 at 10,000 within 1.2× of those at 10; RSS at 10,000 ≤ 1.5×
//! RSS at 10; the Partners page and a search ≤ 5 ms at 10,000.
//! Also, with each size: the Partners page of the operator (Acme), who sees every
//! organisation: the first page of 50, and a search.

use app::ssr::config::{LoginHint, MailboxPasswords};
use app::ssr::db::Db;
use app::ssr::db::organisations::{
    IdentityProviderRecord, MailSettingsRecord, OrganisationRecord, Policies, Status,
};
use app::ssr::directory::manage::{self, COMMAND_LINE, NewOrganisation};
use app::ssr::secrets::Keyring;
use bench::{API_KEY, load, ms, wait_ready};
use secrecy::SecretString;
use std::time::{Duration, Instant};

const PORTAL: &str = "127.0.0.1:3400";
const SIMULATOR: &str = "127.0.0.1:18480";
/// A bench key (32 bytes, base64).
const SECRETS_KEY: &str = "YmVuY2gtZGlyZWN0b3J5LXNjYWxlLWtleS0zMi1ieXQ=";
const SIZES: [usize; 3] = [10, 1_000, 10_000];
const HOT: usize = 10;
const WORKERS: usize = 8;
/// 8 workers, one request each per 20 ms: 400 sign-in starts a second.
const PACE: Duration = Duration::from_millis(20);
const MEASURE: Duration = Duration::from_secs(15);

fn organisation(i: usize, issuer: &str) -> NewOrganisation {
    let slug = format!("org{i:05}");
    NewOrganisation {
        organisation: OrganisationRecord {
            slug: slug.clone(),
            display_name: format!("Organisation {i}"),
            status: Status::Active,
            status_reason: None,
            managed_by: None,
            partner: false,
            operator: false,
            mail_server: Some("main".into()),
            mail: MailSettingsRecord {
                imap_host: format!("mail.{slug}.test"),
                imap_port: 993,
                smtp_host: format!("mail.{slug}.test"),
                smtp_port: 465,
            },
            policies: Policies {
                fresh_auth_max_age_secs: 600,
                mailbox_passwords: MailboxPasswords::None,
                provision_mailboxes: false,
                require_verified_email: true,
                session_lifetime_secs: 43_200,
                session_idle_secs: 1_800,
                admin_recheck_secs: 900,
                default_locale: None,
            },
            from_config: false,
        },
        identity_provider: IdentityProviderRecord {
            organisation: slug.clone(),
            // One IdP host with a realm per organisation, as an MSP's Keycloak serves them.
            issuer: issuer.to_owned(),
            client_id: "postern-a".into(),
            client_secret: None,
            scopes: vec!["openid".into(), "email".into(), "profile".into()],
            email_claim: "email".into(),
            groups_claim: "groups".into(),
            admin_group: Some("mail-admins".into()),
            login_hint: LoginHint::Email,
            revision: 0,
        },
        client_secret: SecretString::from("secret-a".to_owned()),
        domains: vec![(format!("{slug}.test"), true)],
    }
}

fn rss_kb(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

struct Figures {
    orgs: usize,
    populate: Duration,
    ready: Duration,
    p50: Duration,
    p99: Duration,
    rate: f64,
    errors: usize,
    rss_idle: u64,
    rss_after: u64,
    partners_p50: Duration,
    search_p50: Duration,
}

async fn scene(root: &std::path::Path, issuer: &str, orgs: usize) -> anyhow::Result<Figures> {
    let target = root.join("target/bench");
    let db_file = target.join(format!("directory-{orgs}.db"));
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db_file.display()));
    }
    let mut config = bench::config(PORTAL, &db_file, SIMULATOR, API_KEY, issuer).replace(
        "display_name = \"Acme Corp\"",
        "display_name = \"Acme Corp\"\noperator = true",
    );
    config.push_str(
        "[limits]\nsign_in_per_address = { max = 100000000, per_secs = 60 }\n\
         sign_in_per_network = { max = 100000000, per_secs = 60 }\n\
         sign_in_per_email = { max = 100000000, per_secs = 60 }\n",
    );
    let config_file = target.join(format!("directory-{orgs}.toml"));
    std::fs::write(&config_file, config)?;

    // The first start writes postern.toml's server and organisation into the directory.
    {
        let _portal =
            bench::portal_with(root, &config_file, &[("POSTERN_SECRETS_KEY", SECRETS_KEY)])?;
        wait_ready(&format!("http://{PORTAL}/healthz/ready")).await?;
    }
    let started = Instant::now();
    let db = Db::connect(&format!("sqlite://{}?mode=rwc", db_file.display())).await?;
    let keyring = Keyring::from_text(SECRETS_KEY)?;
    // acme (from postern.toml) is one of them.
    for i in 1..orgs {
        manage::create_organisation(&db, &keyring, &COMMAND_LINE, organisation(i, issuer)).await?;
    }
    db.pool.close().await;
    let populate = started.elapsed();

    let started = Instant::now();
    let portal = bench::portal_with(root, &config_file, &[("POSTERN_SECRETS_KEY", SECRETS_KEY)])?;
    wait_ready(&format!("http://{PORTAL}/healthz/ready")).await?;
    let ready = started.elapsed();
    let pid = portal.0.id();

    // The same ten organisations in every scene, spread over the directory.
    let hot: Vec<String> = (0..HOT)
        .map(|k| match k * orgs / HOT {
            0 => "acme.test".to_owned(),
            i => format!("org{i:05}.test"),
        })
        .collect();
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .pool_max_idle_per_host(WORKERS)
        .build()?;
    let counter = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let request = {
        let (client, hot, counter, issuer) = (
            client.clone(),
            hot.clone(),
            counter.clone(),
            issuer.to_owned(),
        );
        move || {
            let (client, hot, counter, issuer) =
                (client.clone(), hot.clone(), counter.clone(), issuer.clone());
            async move {
                let n = counter.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let email = format!("person{}@{}", n % 1000, hot[n % hot.len()]);
                let Ok(response) = client
                    .post(format!("http://{PORTAL}/auth/login"))
                    .header("origin", format!("http://{PORTAL}"))
                    .form(&[("email", email)])
                    .send()
                    .await
                else {
                    return false;
                };
                response.status() == reqwest::StatusCode::SEE_OTHER
                    && response
                        .headers()
                        .get("location")
                        .and_then(|l| l.to_str().ok())
                        .is_some_and(|l| l.starts_with(&issuer))
            }
        }
    };
    // Warm-up: each hot organisation's discovery, then a few seconds of the load.
    for _ in 0..HOT {
        if !request().await {
            anyhow::bail!("a sign-in start did not redirect to the IdP ({orgs} organisations)");
        }
    }
    tokio::time::sleep(Duration::from_secs(1)).await;
    let rss_idle = rss_kb(pid);
    load(WORKERS, Duration::from_secs(3), Some(PACE), request.clone()).await;
    let stats = load(WORKERS, MEASURE, Some(PACE), request).await;
    tokio::time::sleep(Duration::from_secs(1)).await;
    let rss_after = rss_kb(pid);
    let (partners_p50, search_p50) = partners_page(orgs).await?;
    drop(portal);
    Ok(Figures {
        orgs,
        populate,
        ready,
        p50: stats.percentile(0.50),
        p99: stats.percentile(0.99),
        rate: stats.rate(),
        errors: stats.errors,
        rss_idle,
        rss_after,
        partners_p50,
        search_p50,
    })
}

/// The operator's Partners page (first page of 50) and a search, one request at a time:
/// p50 of 30 each, after 5 to warm up.
async fn partners_page(orgs: usize) -> anyhow::Result<(Duration, Duration)> {
    let operator = bench::sign_in(PORTAL, "ada@acme.test").await?;
    let needle = format!("org{:05}", orgs / 2);
    let mut p50 = Vec::new();
    for path in ["/partners".to_owned(), format!("/partners?q={needle}")] {
        let mut times = Vec::new();
        for i in 0..35 {
            let started = Instant::now();
            let response = operator
                .get(format!("http://{PORTAL}{path}"))
                .send()
                .await?;
            let ok = response.status().is_success();
            let body = response.text().await?;
            if !ok || !body.contains("organisations") {
                anyhow::bail!("{path} did not list organisations ({orgs})");
            }
            if i >= 5 {
                times.push(started.elapsed());
            }
        }
        times.sort();
        p50.push(times[times.len() / 2]);
    }
    Ok((p50[0], p50[1]))
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let root = std::env::current_dir()?;
    let target = root.join("target/bench");
    std::fs::create_dir_all(&target)?;
    let seed = target.join("directory-seed.json");
    std::fs::write(
        &seed,
        serde_json::json!({
            "domains": ["acme.test"],
            "users": [],
            "api_keys": [{"address": "postern@acme.test", "secret": API_KEY}]
        })
        .to_string(),
    )?;
    let _simulator = bench::simulator(&root, SIMULATOR, &seed)?;
    wait_ready(&format!("http://{SIMULATOR}/healthz/live")).await?;
    let issuer = testkit::oidc::Issuer::start("", "postern-a", "secret-a").await;
    issuer.add_user(testkit::oidc::User::new(
        "ada@acme.test",
        "Ada Admin",
        &["mail-admins"],
    ));

    println!(
        "== sign-in start (POST /auth/login → 303 to the IdP) by directory size; \
         {WORKERS} workers paced at {} req/s for {} s",
        WORKERS as u64 * 1000 / PACE.as_millis() as u64,
        MEASURE.as_secs()
    );
    let mut all = Vec::new();
    for orgs in SIZES {
        let f = scene(&root, &issuer.issuer, orgs).await?;
        println!(
            "  {:>6} organisations: p50 {}, p99 {}, {:.0} req/s, {} errors; RSS idle {} KB, after load {} KB \
             (added in {:.1} s, portal ready in {:.2} s)",
            f.orgs,
            ms(f.p50),
            ms(f.p99),
            f.rate,
            f.errors,
            f.rss_idle,
            f.rss_after,
            f.populate.as_secs_f64(),
            f.ready.as_secs_f64()
        );
        println!(
            "          Partners page of the operator (50 of {}): p50 {}; a search: p50 {}",
            f.orgs,
            ms(f.partners_p50),
            ms(f.search_p50)
        );
        all.push(f);
    }
    let (small, large) = (&all[0], &all[all.len() - 1]);
    let p50_ratio = large.p50.as_secs_f64() / small.p50.as_secs_f64();
    let p99_ratio = large.p99.as_secs_f64() / small.p99.as_secs_f64();
    let rss_ratio = large.rss_after as f64 / small.rss_after as f64;
    println!(
        "  p50 at {} / p50 at {}: {p50_ratio:.2}× (goal ≤ 1.2×)",
        large.orgs, small.orgs
    );
    println!(
        "  p99 at {} / p99 at {}: {p99_ratio:.2}× (goal ≤ 1.2×)",
        large.orgs, small.orgs
    );
    println!(
        "  RSS at {} / RSS at {} (after load): {rss_ratio:.2}× (goal ≤ 1.5×; issue 11 said 2×)",
        large.orgs, small.orgs
    );
    println!(
        "  Partners page at {}: p50 {}, a search p50 {} (goal ≤ 5 ms each)",
        large.orgs,
        ms(large.partners_p50),
        ms(large.search_p50)
    );
    Ok(())
}
