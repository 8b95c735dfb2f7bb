//! Floods and bad input: bounded bodies and fields, rate limits that answer 429 with
//! `Retry-After`, counted per client network, per address, per person and per organisation,
//! and holding across several instances on one database.

use crate::common::{ADA, ALICE, Browser, TestApp, form_request_id, location, seed, text};
use reqwest::StatusCode;

fn limits(config: &mut String, lines: &str) {
    config.push_str(&format!("\n[limits]\n{lines}\n"));
}

async fn start_sign_in(browser: &Browser, email: &str) -> reqwest::Response {
    browser.post_form("/auth/login", &[("email", email)]).await
}

#[tokio::test]
async fn sign_ins_for_one_address_are_limited_with_429_and_retry_after() {
    let app = TestApp::spawn_with(seed(), |c| {
        limits(c, "sign_in_per_email = { max = 3, per_secs = 60 }")
    })
    .await;
    let browser = app.browser();
    for _ in 0..3 {
        assert_eq!(
            start_sign_in(&browser, ALICE).await.status(),
            StatusCode::SEE_OTHER
        );
    }

    let flooded = start_sign_in(&browser, ALICE).await;

    assert_eq!(flooded.status(), StatusCode::TOO_MANY_REQUESTS);
    let wait: u64 = flooded.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=60).contains(&wait), "{wait}");
    let page = text(&flooded.text().await.unwrap());
    assert!(page.contains("Too many attempts"), "{page}");
    assert_eq!(
        start_sign_in(&browser, ADA).await.status(),
        StatusCode::SEE_OTHER,
        "another address is not limited"
    );
    let db = app.db().await;
    let refused: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_events WHERE action = 'user.sign_in_refused' AND detail_json LIKE '%rate_limited%'",
    )
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert_eq!(refused, 1, "the refusal is in the audit log");
}

#[tokio::test]
async fn ipv6_clients_are_counted_per_64_and_per_48() {
    let app = TestApp::spawn_with(seed(), |c| {
        *c = c.replace("listen = \"127.0.0.1:0\"", "listen = \"127.0.0.1:0\"\n            trusted_proxies = [\"127.0.0.1\"]");
        limits(
            c,
            "sign_in_per_address = { max = 2, per_secs = 60 }\nsign_in_per_network = { max = 2, per_secs = 60 }",
        )
    })
    .await;
    let from = |ip: &str| app.browser_with_headers(&[("x-forwarded-for", ip)]);
    // Two addresses of one /64 share a count.
    assert_eq!(
        start_sign_in(&from("2001:db8:1:1::a"), ALICE)
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        start_sign_in(&from("2001:db8:1:1::b"), ADA).await.status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        start_sign_in(&from("2001:db8:1:1:ffff::c"), "nomail@acme.test")
            .await
            .status(),
        StatusCode::TOO_MANY_REQUESTS,
        "third from one /64"
    );
    // Another /64 of the same /48 has its own count, but the /48 is counted too.
    assert_eq!(
        start_sign_in(&from("2001:db8:1:2::a"), "x1@acme.test")
            .await
            .status(),
        StatusCode::TOO_MANY_REQUESTS,
        "the /48 saw its third"
    );
    // IPv4-mapped addresses are IPv4 addresses, and other clients are untouched.
    assert_eq!(
        start_sign_in(&from("::ffff:192.0.2.7"), ALICE)
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        start_sign_in(&from("192.0.2.7"), ADA).await.status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        start_sign_in(&from("::ffff:192.0.2.7"), "x2@acme.test")
            .await
            .status(),
        StatusCode::TOO_MANY_REQUESTS
    );
}

#[tokio::test]
async fn minting_and_admin_writes_are_limited_across_instances() {
    let app = TestApp::spawn_with(seed(), |c| {
        limits(
            c,
            "mints_per_person = { max = 2, per_secs = 3600 }\nadmin_writes_per_admin = { max = 2, per_secs = 60 }",
        )
    })
    .await;
    let other = app.another_instance().await;
    let alice_a = app.browser();
    assert_eq!(location(&alice_a.sign_in(ALICE).await), "/account");
    let alice_b = app.same_browser_at(&alice_a, &other);
    async fn mint(browser: &Browser) -> reqwest::Response {
        let id = form_request_id(browser, "/app-passwords/new").await;
        browser
            .post_form(
                "/app-passwords/new",
                &[("request_id", id.as_str()), ("name", "Phone")],
            )
            .await
    }
    assert_eq!(mint(&alice_a).await.status(), StatusCode::OK);
    assert_eq!(
        mint(&alice_b).await.status(),
        StatusCode::OK,
        "on the other instance"
    );

    let third = mint(&alice_a).await;

    assert_eq!(third.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(third.headers().contains_key("retry-after"));
    assert!(text(&third.text().await.unwrap()).contains("Too many attempts"));
    assert_eq!(app.simulator.store().app_passwords_of(ALICE).len(), 2);

    let ada_a = app.browser();
    assert_eq!(location(&ada_a.sign_in(ADA).await), "/account");
    let ada_b = app.same_browser_at(&ada_a, &other);
    let group = |n: u32| format!("team{n}@acme.test");
    assert_eq!(
        ada_a
            .post_form("/admin/groups", &[("address", &group(1))])
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        ada_b
            .post_form("/admin/groups", &[("address", &group(2))])
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    let refused = ada_a
        .post_form("/admin/groups", &[("address", &group(3))])
        .await;
    assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(
        app.simulator
            .store()
            .account_by_address(&group(3))
            .is_none()
    );
}

#[tokio::test]
async fn oversized_bodies_and_addresses_are_refused_and_never_stored() {
    let app = TestApp::spawn().await;
    let browser = app.browser();
    let huge = format!("{}@acme.test", "a".repeat(20 * 1024));

    let too_big = start_sign_in(&browser, &huge).await;
    assert_eq!(too_big.status(), StatusCode::PAYLOAD_TOO_LARGE);

    let long = format!("{}@acme.test", "a".repeat(300));
    let refused = start_sign_in(&browser, &long).await;
    assert_eq!(refused.status(), StatusCode::SEE_OTHER);
    let page = browser.start_page().await;
    assert!(page.contains("full work e-mail address"), "{page}");
    assert!(
        !page.contains(&"a".repeat(300)),
        "the long address is not kept in the session"
    );
    let db = app.db().await;
    let table = match db.backend {
        app::ssr::db::Backend::Sqlite => "tower_sessions",
        app::ssr::db::Backend::Postgres => "tower_sessions.session",
    };
    let stored: i64 = sqlx::query_scalar(&format!(
        "SELECT COALESCE(MAX(LENGTH(data)), 0) FROM {table}"
    ))
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert!(stored < 2048, "sessions stay small: {stored} bytes");
}

#[tokio::test]
async fn a_flood_of_sign_ins_as_someone_does_not_lock_them_out_elsewhere() {
    let app = TestApp::spawn_with(seed(), |c| {
        *c = c.replace(
            "listen = \"127.0.0.1:0\"",
            "listen = \"127.0.0.1:0\"\n            trusted_proxies = [\"127.0.0.1\"]",
        );
        limits(c, "sign_in_per_email = { max = 3, per_secs = 60 }")
    })
    .await;
    // Someone starts sign-ins as Alice from their own address until refused.
    let attacker = app.browser_with_headers(&[("x-forwarded-for", "198.51.100.7")]);
    for _ in 0..3 {
        start_sign_in(&attacker, ALICE).await;
    }
    assert_eq!(
        start_sign_in(&attacker, ALICE).await.status(),
        StatusCode::TOO_MANY_REQUESTS
    );

    // Alice, from where she is, still signs in.
    let alice = app.browser_with_headers(&[("x-forwarded-for", "203.0.113.20")]);
    assert_eq!(location(&alice.sign_in(ALICE).await), "/account");
}
