//! A domain claim cannot be squatted: several organisations may claim one name and the first
//! proof wins; claims expire and partners are capped; postern.toml wins over unproven claims;
//! a refusal never says who holds a name; and a proven domain's MX is watched.

use crate::common::{ADA, BERT, TestApp, location, seed, text};
use crate::partners::{
    GAMMA, Scene, add_gamma_server, create_gamma, expect_on, main_of, page, partner_config, post,
    save_gamma_idp, scene, signed_in,
};
use app::ssr::db::audit::{Filter, for_organisation};
use testkit::dns::DnsServer;

const DELTA: &str = "/partners/organisations/delta";

/// Beta's admin creates Delta, which claims gamma.test too.
async fn delta_claims_gamma_test(s: &Scene) -> crate::common::Browser {
    let bert = signed_in(&s.app, BERT).await;
    let r = post(
        &bert,
        "/partners/new",
        &[
            ("display_name", "Delta"),
            ("slug", ""),
            ("contact_email", "it@delta.test"),
        ],
    )
    .await;
    assert_eq!(location(&r), DELTA);
    post(
        &bert,
        &format!("{DELTA}/domains"),
        &[("domain", "gamma.test")],
    )
    .await;
    bert
}

async fn actions_of(app: &TestApp, slug: &str) -> Vec<String> {
    let db = app.db().await;
    for_organisation(&db, slug, &Filter::default(), 100, 0)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect()
}

#[tokio::test]
async fn two_organisations_claim_one_name_and_the_first_proof_wins() {
    let s = scene().await;
    let ada = signed_in(&s.app, ADA).await;
    create_gamma(&ada).await;
    post(
        &ada,
        &format!("{GAMMA}/domains"),
        &[("domain", "gamma.test")],
    )
    .await;

    // Another partner's organisation claims the same name: not refused, nobody named.
    let bert = delta_claims_gamma_test(&s).await;
    let delta = page(&bert, DELTA).await;
    assert!(
        delta.contains("data-testid=\"proof-value\""),
        "{}",
        main_of(&delta)
    );
    assert!(!delta.contains("Gamma"), "nothing says who else claims it");

    // Delta proves it first.
    let value = proof_value_of(&bert, DELTA).await;
    s.dns
        .zones()
        .publish_txt("_postern-challenge.gamma.test", &value)
        .await
        .unwrap();
    post(&bert, &format!("{DELTA}/domains/gamma.test/check"), &[]).await;
    expect_on(&bert, DELTA, "gamma.test is proven").await;

    // Gamma's claim has ended, with a notice in its log; it says nothing of who won.
    let gamma = page(&ada, GAMMA).await;
    assert!(gamma.contains("Claim ended"), "{}", main_of(&gamma));
    assert!(
        !gamma.contains("Delta") && !gamma.contains("beta"),
        "{}",
        main_of(&gamma)
    );
    assert!(
        actions_of(&s.app, "gamma")
            .await
            .contains(&"domain.claim_lost".to_owned())
    );
    let r = post(&ada, &format!("{GAMMA}/domains/gamma.test/check"), &[]).await;
    assert_eq!(r.status(), reqwest::StatusCode::SEE_OTHER);
    expect_on(&ada, GAMMA, "This claim of gamma.test has ended").await;

    // Claiming it again is refused, without naming the holder.
    post(&ada, &format!("{GAMMA}/domains/gamma.test/release"), &[]).await;
    post(
        &ada,
        &format!("{GAMMA}/domains"),
        &[("domain", "gamma.test")],
    )
    .await;
    let refused = text(&page(&ada, GAMMA).await);
    assert!(
        refused.contains("already belongs to an organisation"),
        "{refused}"
    );
    assert!(!refused.contains("Delta"), "{refused}");
}

async fn proof_value_of(b: &crate::common::Browser, path: &str) -> String {
    let html = page(b, path).await;
    let at = html
        .find("data-testid=\"proof-value\"")
        .unwrap_or_else(|| panic!("no proof value in {}", main_of(&html)));
    let start = at + html[at..].find('>').unwrap() + 1;
    html[start..].split('<').next().unwrap().to_owned()
}

#[tokio::test]
async fn claims_expire_and_a_partner_is_capped_on_claims_servers_and_links() {
    let dns = DnsServer::start_on("127.0.0.1:0".parse().unwrap(), &["gamma.test".to_owned()])
        .await
        .unwrap();
    let gamma_idp = testkit::oidc::Issuer::start("/realms/gamma", "postern-g", "secret-g").await;
    let addr = dns.addr;
    let app = TestApp::spawn_with(seed(), |c| {
        *c = c.replace(
            "display_name = \"Acme Corp\"",
            "display_name = \"Acme Corp\"\n            partner = true",
        );
        partner_config(c, addr);
        c.push_str("\n[partners]\npending_claims = 2\nadded_servers = 1\ntest_links_per_day = 1\n");
    })
    .await;
    let s = Scene {
        app,
        dns,
        gamma_idp,
    };
    let ada = signed_in(&s.app, ADA).await;
    create_gamma(&ada).await;
    let claim = |name: &'static str| {
        let ada = &ada;
        async move { post(ada, &format!("{GAMMA}/domains"), &[("domain", name)]).await }
    };
    claim("a.gamma.test").await;
    claim("b.gamma.test").await;
    claim("c.gamma.test").await;
    expect_on(&ada, GAMMA, "the most a partner").await;

    // An expired claim blocks nothing and counts for nothing.
    let db = s.app.db().await;
    sqlx::query("UPDATE domain_claims SET expires_at = 1000 WHERE domain = 'a.gamma.test'")
        .execute(&db.pool)
        .await
        .unwrap();
    claim("c.gamma.test").await;
    expect_on(&ada, GAMMA, "c.gamma.test is added").await;

    // One added server at most.
    add_gamma_server(&s, &ada).await;
    let refused = post(
        &ada,
        &format!("{GAMMA}/mail-server/new"),
        &[
            ("name", "second"),
            ("url", &s.app.simulator.url),
            ("api_key", "API_x"),
        ],
    )
    .await;
    assert_eq!(refused.status(), reqwest::StatusCode::FORBIDDEN);
    assert!(text(&refused.text().await.unwrap()).contains("the most a partner may add"));

    // One one-time link a day.
    save_gamma_idp(&s, &ada).await;
    post(&ada, &format!("{GAMMA}/idp/test-link"), &[]).await;
    expect_on(&ada, GAMMA, "/test-sign-in/").await;
    let refused = post(&ada, &format!("{GAMMA}/idp/test-link"), &[]).await;
    assert_eq!(refused.status(), reqwest::StatusCode::FORBIDDEN);
    assert!(
        text(&refused.text().await.unwrap())
            .contains("made within the last day, the most a partner may have at once")
    );
}

#[tokio::test]
async fn a_domain_in_postern_toml_wins_over_an_unproven_claim_at_start() {
    let s = scene().await;
    let ada = signed_in(&s.app, ADA).await;
    create_gamma(&ada).await;
    post(
        &ada,
        &format!("{GAMMA}/domains"),
        &[("domain", "gamma.test")],
    )
    .await;

    // The operator declares gamma.test for a new organisation and restarts.
    let mut config = s.app.config.clone();
    config.push_str(&format!(
        r#"
[organisations.gammaco]
display_name = "Gamma Co"
domains = ["gamma.test"]
stalwart = "shared"
mail = {{ imap_host = "mail.gamma.test", smtp_host = "mail.gamma.test" }}
[organisations.gammaco.oidc]
issuer = "{}"
client_id = "postern-g"
client_secret = "secret-g"
"#,
        s.gamma_idp.issuer
    ));
    let keyring =
        app::ssr::secrets::Keyring::from_text("cG9zdGVybi1lMmUtc2VjcmV0cy1rZXktMzItYnl0ZXM=")
            .unwrap();
    let other = s
        .app
        .instance_with(&config, keyring)
        .await
        .expect("the start goes through");

    let ada_there = s.app.same_browser_at(&ada, &other);
    expect_on(&ada_there, GAMMA, "Claim ended").await;
    let db = s.app.db().await;
    let owner = app::ssr::db::organisations::domain_owner(&db, "gamma.test")
        .await
        .unwrap();
    assert_eq!(owner.as_deref(), Some("gammaco"));
}

#[tokio::test]
async fn a_proven_domain_whose_mx_leaves_the_mail_server_is_reported_not_removed() {
    let s = scene().await;
    let ada = signed_in(&s.app, ADA).await;
    create_gamma(&ada).await;
    crate::partners::prove_gamma(&s, &ada).await;
    add_gamma_server(&s, &ada).await;
    post(&ada, &format!("{GAMMA}/domains/gamma.test/create"), &[]).await;
    let zones = s.dns.zones();
    zones
        .publish_mx("gamma.test", &["mail.example.org"])
        .await
        .unwrap();
    expect_on(
        &ada,
        GAMMA,
        "The _postern-challenge record may be removed now",
    )
    .await;

    zones
        .publish_mx("gamma.test", &["mx.elsewhere.test"])
        .await
        .unwrap();
    let mut seen = Vec::new();
    for _ in 0..40 {
        seen = actions_of(&s.app, "gamma").await;
        if seen.contains(&"domain.mx_elsewhere".to_owned()) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    assert!(seen.contains(&"domain.mx_elsewhere".to_owned()), "{seen:?}");
    expect_on(&ada, GAMMA, "MX no longer points at this organisation").await;
    let db = s.app.db().await;
    let owner = app::ssr::db::organisations::domain_owner(&db, "gamma.test")
        .await
        .unwrap();
    assert_eq!(owner.as_deref(), Some("gamma"), "nothing is removed");

    zones
        .publish_mx("gamma.test", &["mail.example.org"])
        .await
        .unwrap();
    for _ in 0..40 {
        seen = actions_of(&s.app, "gamma").await;
        if seen.contains(&"domain.mx_back".to_owned()) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    assert!(seen.contains(&"domain.mx_back".to_owned()), "{seen:?}");
}
