//! The smaller holes of the boundary (issue "The boundary holds…", item 6): who may undo a
//! suspension, fresh sign-ins for a partner's weighty changes, strangers at the one-time link,
//! secrets bound to where they are sent, and the file never taking over a portal's server.

use crate::boundary::send;
use crate::common::{ADA, ALICE, API_KEY, BERT, TestApp, location, seed, text};
use crate::partners::{
    GAMMA, GINA, Scene, add_gamma_server, create_gamma, post, save_gamma_idp, signed_in,
};
use app::routing::{Access, Route, Target};
use app::ssr::db::organisations::{self as store, Status};
use reqwest::StatusCode;

const KEY: &str = "cG9zdGVybi1lMmUtc2VjcmV0cy1rZXktMzItYnl0ZXM=";

/// Acme is the operator, Beta a partner.
async fn operated_scene() -> Scene {
    crate::partners::scene_tweaked(|c| {
        *c = c.replacen(
            "partner = true",
            "operator = true\n            partner = true",
            1,
        );
    })
    .await
}

/// Sends a `Fresh`-marked post with an old sign-in: the answer is the IdP, asked to sign
/// the person in again.
async fn sent_to_the_idp_first(
    browser: &crate::common::Browser,
    route: &Route,
    path: &str,
    target: &Target,
    issuer: &str,
) {
    let r = send(browser, route, path, target).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER, "{path}");
    let to = location(&r);
    assert!(
        to.starts_with(issuer) && to.contains("prompt=login"),
        "{path} sends Ada to her IdP first: {to}"
    );
}

async fn status_of(app: &TestApp, slug: &str) -> Status {
    store::organisation(&app.db().await, slug)
        .await
        .unwrap()
        .unwrap()
        .status
}

#[tokio::test]
async fn a_partner_cannot_undo_the_operators_suspension_nor_a_slow_save_undo_any() {
    let s = operated_scene().await;
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
    assert_eq!(location(&r), "/partners/organisations/delta");
    let db = s.app.db().await;
    sqlx::query("UPDATE organisations SET status = 'active' WHERE slug = 'delta'")
        .execute(&db.pool)
        .await
        .unwrap();

    // The operator suspends Delta; its partner may not resume it.
    let ada = signed_in(&s.app, ADA).await;
    let r = post(&ada, "/partners/organisations/delta/suspend", &[]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let r = post(&bert, "/partners/organisations/delta/resume", &[]).await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    assert!(text(&r.text().await.unwrap()).contains("only they can resume it"));
    assert_eq!(status_of(&s.app, "delta").await, Status::Suspended);

    // A save prepared before the suspension writes its settings, not its old status.
    let mut stale = store::organisation(&db, "delta").await.unwrap().unwrap();
    stale.status = Status::Active;
    stale.display_name = "Delta Renamed".into();
    app::ssr::directory::onboard::update_organisation(&db, &stale, None)
        .await
        .unwrap();
    let now = store::organisation(&db, "delta").await.unwrap().unwrap();
    assert_eq!(now.status, Status::Suspended);
    assert_eq!(now.display_name, "Delta Renamed");

    // The operator resumes it; a partner's own suspension is its own to undo.
    let r = post(&ada, "/partners/organisations/delta/resume", &[]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    post(&bert, "/partners/organisations/delta/suspend", &[]).await;
    let r = post(&bert, "/partners/organisations/delta/resume", &[]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(status_of(&s.app, "delta").await, Status::Active);
}

#[tokio::test]
async fn a_partners_weighty_changes_need_a_fresh_sign_in() {
    let s = crate::partners::scene().await;
    let ada = signed_in(&s.app, ADA).await;
    create_gamma(&ada).await;
    add_gamma_server(&s, &ada).await;
    save_gamma_idp(&s, &ada).await;
    // From now on, Ada's sign-in at her IdP is an hour old.
    s.app.issuer_a.set_auth_age_secs(3600);
    let old = signed_in(&s.app, ADA).await;
    let servers_before = {
        let mut tx = s.app.db().await.pool.begin().await.unwrap();
        store::mail_servers_in(&mut tx).await.unwrap().len()
    };

    // Every post the tables mark `Partner + Fresh`, with its sample form (the weighty way).
    let gamma = Target {
        domain: "gamma.test".into(),
        address: GINA.into(),
        slug: "gamma".into(),
    };
    let weighty: Vec<Route> = app::routes()
        .into_iter()
        .filter(|r| r.fresh && r.access == Access::Partner)
        .collect();
    println!("walked {} fresh-marked partner posts", weighty.len());
    assert!(!weighty.is_empty());
    for route in &weighty {
        let path = route.fill(|param| match param {
            "slug" => gamma.slug.clone(),
            other => panic!("{}: no value for :{other}", route.path),
        });
        sent_to_the_idp_first(&old, route, &path, &gamma, &s.app.issuer_a.issuer).await;
    }

    let mut tx = s.app.db().await.pool.begin().await.unwrap();
    assert_eq!(
        store::mail_servers_in(&mut tx).await.unwrap().len(),
        servers_before
    );
    let idp = store::identity_provider_in(&mut tx, "gamma")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(idp.issuer, s.gamma_idp.issuer, "the IdP is not swapped");
    tx.rollback().await.unwrap();
    assert!(
        store::organisation(&s.app.db().await, "gamma")
            .await
            .unwrap()
            .is_some()
    );
}

/// Every post the tables mark `SignedIn + Fresh` or `Admin + Fresh`, sent by an admin whose
/// sign-in at the IdP is an hour old: the IdP first, and nothing changed at the mail server.
#[tokio::test]
async fn a_persons_and_an_admins_weighty_posts_need_a_fresh_sign_in() {
    let app = TestApp::spawn().await;
    let fresh = app.browser();
    assert_eq!(location(&fresh.sign_in(ADA).await), "/account");
    let group = fresh
        .post_form("/admin/groups", &[("address", "team@acme.test")])
        .await;
    assert_eq!(group.status(), StatusCode::SEE_OTHER);
    let (team, alice) = {
        let store = app.simulator.store();
        let id = |a: &str| {
            testkit::stalwart::ids::encode_id(store.account_by_address(a).unwrap().id as u64)
        };
        (id("team@acme.test"), id(ALICE))
    };
    app.issuer_a.set_auth_age_secs(3600);
    let old = app.browser();
    assert_eq!(location(&old.sign_in(ADA).await), "/account");
    let before = app.stalwart_snapshot();
    let acme = Target {
        domain: "acme.test".into(),
        address: ALICE.into(),
        slug: "acme".into(),
    };

    let weighty: Vec<Route> = app::routes()
        .into_iter()
        .filter(|r| r.fresh && matches!(r.access, Access::SignedIn | Access::Admin))
        .collect();
    println!(
        "walked {} fresh-marked posts of people and admins",
        weighty.len()
    );
    assert!(weighty.iter().any(|r| r.access == Access::SignedIn));
    assert!(weighty.iter().any(|r| r.access == Access::Admin));
    for route in &weighty {
        let path = route.fill(|param| match param {
            "id" if route.path.starts_with("/admin/groups/") => team.clone(),
            "id" => alice.clone(),
            other => panic!("{}: no value for :{other}", route.path),
        });
        sent_to_the_idp_first(&old, route, &path, &acme, &app.issuer_a.issuer).await;
    }
    assert_eq!(app.stalwart_snapshot(), before, "nothing changed");
    let scim_tokens: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM scim_tokens")
        .fetch_one(&app.db().await.pool)
        .await
        .unwrap();
    assert_eq!(scim_tokens, 0, "no SCIM token was made");
}

#[tokio::test]
async fn strangers_at_the_one_time_link_store_nothing_and_are_limited() {
    let app = TestApp::spawn_with(seed(), |c| {
        c.push_str("\n[limits]\nsign_in_per_address = { max = 2, per_secs = 60 }\n");
    })
    .await;
    let stranger = app.browser();
    for _ in 0..2 {
        let r = stranger
            .post_form("/test-sign-in/notavalidtoken", &[])
            .await;
        assert_eq!(r.status(), StatusCode::NOT_FOUND);
    }
    let r = stranger
        .post_form("/test-sign-in/notavalidtoken", &[])
        .await;
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(r.headers().contains_key("retry-after"));
    assert!(stranger.session_cookie().is_none(), "no session was stored");
    let rows: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM tower_sessions")
        .fetch_one(&app.db().await.pool)
        .await
        .unwrap_or(0);
    assert_eq!(rows, 0, "no session row");
}

/// Whether anything connects to the listener within a moment.
async fn touched(listener: &tokio::net::TcpListener) -> bool {
    tokio::time::timeout(std::time::Duration::from_millis(600), listener.accept())
        .await
        .is_ok()
}

#[tokio::test]
async fn a_secret_goes_only_where_it_was_sealed_for_and_the_file_names_its_own_urls() {
    let s = crate::partners::scene().await;
    let ada = signed_in(&s.app, ADA).await;
    create_gamma(&ada).await;
    add_gamma_server(&s, &ada).await;
    let db = s.app.db().await;
    let elsewhere = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let evil = format!("http://{}", elsewhere.local_addr().unwrap());

    // Someone with the database points the partner's server, and the file's, elsewhere.
    for name in ["gamma-mail", "shared"] {
        sqlx::query("UPDATE mail_servers SET url = $1, revision = revision + 1 WHERE name = $2")
            .bind(&evil)
            .bind(name)
            .execute(&db.pool)
            .await
            .unwrap();
    }
    sqlx::query("UPDATE directory_version SET version = version + 1")
        .execute(&db.pool)
        .await
        .unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(600)).await;

    // The partner's server test and Alice's page reach nothing there.
    post(&ada, &format!("{GAMMA}/mail-server/test"), &[]).await;
    let alice = signed_in(&s.app, crate::common::ALICE).await;
    let page = text(&alice.get("/app-passwords").await.text().await.unwrap());
    assert!(!touched(&elsewhere).await, "no key was sent elsewhere");
    assert!(
        !page.contains("not responding"),
        "the file's URL is used: {page}"
    );
}

/// The way a scripted setup starts (and the browser tests do): the operator adds a server from
/// the command line to a database the portal has never opened, then starts the portal.
#[tokio::test]
async fn a_server_added_before_the_first_start_opens_at_the_start() {
    let app = TestApp::spawn().await;
    let dir = crate::common::tempdir::Dir::new();
    let fresh = crate::common::database_url(&dir).await;
    let config = app.config.replace(&app.db_url, &fresh);
    let config_file = dir.0.join("postern.toml");
    std::fs::write(&config_file, &config).unwrap();
    let key_file = dir.0.join("spare.key");
    std::fs::write(&key_file, format!("{API_KEY}\n")).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_server"))
        .arg("--config")
        .arg(&config_file)
        .args(["mail-server", "add", "spare", "--url", &app.simulator.url])
        .arg("--api-key-file")
        .arg(&key_file)
        .env("POSTERN_SECRETS_KEY", KEY)
        .output()
        .unwrap();
    let said =
        String::from_utf8_lossy(&out.stderr).into_owned() + &String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{said}");

    let keyring = app::ssr::secrets::Keyring::from_text(KEY).unwrap();
    let started = app.instance_with(&config, keyring).await;
    assert!(started.is_ok(), "the sealed key opens: {:?}", started.err());
}

#[tokio::test]
async fn the_file_never_takes_over_a_server_added_in_the_portal() {
    let app = TestApp::spawn_with(seed(), |c| {
        let key = std::env::temp_dir().join(format!("postern-takeover-{}", std::process::id()));
        std::fs::write(&key, KEY).unwrap();
        *c = c.replacen(
            "[server]",
            &format!(
                "[server]\n            secrets_key_file = \"{}\"",
                key.display()
            ),
            1,
        );
    })
    .await;
    let url: url::Url = app.simulator.url.parse().unwrap();
    let key = secrecy::SecretString::from(API_KEY.to_owned());
    let keyring = app::ssr::secrets::Keyring::from_text(KEY).unwrap();
    let new = app::ssr::directory::manage::NewMailServer {
        name: "spare",
        url: &url,
        api_key: &key,
        timeout_ms: 1000,
        managed_by: None,
    };
    app::ssr::directory::manage::add_mail_server(&app.db().await, &keyring, &new)
        .await
        .unwrap();

    let mut config = app.config.clone();
    config.push_str(&format!(
        "\n[stalwart.spare]\nurl = \"http://127.0.0.1:9\"\napi_key = \"{API_KEY}\"\n"
    ));
    let refused = app.instance_with(&config, keyring).await;

    let why = refused.expect_err("the start is refused").to_string();
    assert!(
        why.contains("stalwart.spare") && why.contains("added in the portal"),
        "{why}"
    );
}

/// A database from before sealing version 2: its secrets are sealed again at the first start,
/// bound to where they are sent, and the database says so.
#[tokio::test]
async fn secrets_sealed_the_version_1_way_are_sealed_again_once_at_start() {
    use app::ssr::db::organisations::{api_key_binding, legacy};
    let app = TestApp::spawn().await;
    let keyring = app::ssr::secrets::Keyring::from_text(KEY).unwrap();
    let key = secrecy::SecretString::from(API_KEY.to_owned());
    let url: url::Url = app.simulator.url.parse().unwrap();
    let db = app.db().await;
    let new = app::ssr::directory::manage::NewMailServer {
        name: "spare",
        url: &url,
        api_key: &key,
        timeout_ms: 1000,
        managed_by: None,
    };
    app::ssr::directory::manage::add_mail_server(&db, &keyring, &new)
        .await
        .unwrap();
    let spare = |servers: Vec<store::MailServerRecord>| {
        servers.into_iter().find(|s| s.name == "spare").unwrap()
    };
    // As a version-1 database held it.
    let mut tx = db.pool.begin().await.unwrap();
    let server = spare(store::mail_servers_in(&mut tx).await.unwrap());
    let old = keyring
        .seal(&key, &legacy::api_key_binding("spare"))
        .unwrap();
    let server = store::MailServerRecord {
        api_key: Some(old),
        ..server
    };
    store::put_mail_server(&mut tx, &server).await.unwrap();
    store::set_sealing_version(&mut tx, 1).await.unwrap();
    tx.commit().await.unwrap();

    let again = app::ssr::secrets::Keyring::from_text(KEY).unwrap();
    app.instance_with(&app.config, again)
        .await
        .expect("the first start seals it again");
    let mut tx = db.pool.begin().await.unwrap();
    let sealed = spare(store::mail_servers_in(&mut tx).await.unwrap())
        .api_key
        .unwrap();
    assert_eq!(store::sealing_version(&mut tx).await.unwrap(), 2);
    let binding = api_key_binding("spare", &server.url);
    assert!(keyring.open(&sealed, &binding).is_ok(), "bound to its URL");

    tx.commit().await.unwrap();
}

#[test]
fn forms_that_carry_secrets_never_print_them() {
    let add = app::partners::service::server::AddForm {
        name: "mail".into(),
        url: "https://mail.example.net".into(),
        api_key: "API_do-not-print".into(),
    };
    let idp = app::partners::model::IdpForm {
        client_secret: "idp-do-not-print".into(),
        ..Default::default()
    };
    let mailbox = app::admin::model::NewMailboxForm {
        password: "mailbox-do-not-print".into(),
        ..Default::default()
    };
    let printed = format!("{add:?} {idp:?} {mailbox:?}");
    assert!(!printed.contains("do-not-print"), "{printed}");
    assert!(printed.contains("[redacted]") && printed.contains("https://mail.example.net"));
}

/// A "mail server" whose domain query matches more than the name asked for (a parent domain,
/// here): the look-up takes only the domain with exactly that name.
#[tokio::test]
async fn a_domain_look_up_takes_only_the_name_asked_for() {
    use axum::routing::{get, post};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let jmap = || async {
        axum::Json(serde_json::json!({ "methodResponses": [
            ["x:Domain/query", { "ids": ["b"], "total": 1 }, "c0"],
            ["x:Domain/get", { "list": [{ "id": "b", "name": "acme.test" }], "notFound": [] }, "c1"],
        ], "sessionState": "0" }))
    };
    let session = || async {
        axum::Json(serde_json::json!({ "capabilities": {},
            "primaryAccounts": { "urn:stalwart:jmap": "a" } }))
    };
    let app = axum::Router::new()
        .route("/jmap", post(jmap))
        .route("/jmap/session", get(session));
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    let client = app::ssr::stalwart::StalwartClient::new(
        &url.parse().unwrap(),
        "API_x".to_owned().into(),
        std::time::Duration::from_secs(2),
    )
    .unwrap();

    assert_eq!(client.domain_id("mail.acme.test").await.unwrap(), None);
    assert_eq!(
        client.domain_id("acme.test").await.unwrap().as_deref(),
        Some("b")
    );
}
