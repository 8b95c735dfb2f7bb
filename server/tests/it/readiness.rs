//! Readiness is anonymous and cheap: the database and the servers postern.toml declares, from
//! the background checks, with no name or error in the answer. The operator reads which of
//! the four ways a server can be wrong it is (not there, a refused key, a key without the
//! permissions the portal needs, not Stalwart at all) on the Partners page; a partner reads
//! only the kind, for its own servers; a partner's broken server leaves the portal ready.

use crate::common::{ADA, BERT, Browser, TestApp, location, seed, text};
use reqwest::StatusCode;

async fn ready(app: &TestApp) -> (StatusCode, String) {
    let response = reqwest::get(format!("{}/healthz/ready", app.url))
        .await
        .unwrap();
    (response.status(), response.text().await.unwrap())
}

fn server_url(config: &mut String, url: &str) {
    let section = config.find("[stalwart.shared]").unwrap();
    let start = section + config[section..].find("url = \"").unwrap() + 7;
    let end = start + config[start..].find('"').unwrap();
    config.replace_range(start..end, url);
}

/// Acme is the operator; servers are checked every second.
fn operated(config: &mut String) {
    *config = config
        .replace(
            "display_name = \"Acme Corp\"",
            "display_name = \"Acme Corp\"\n            operator = true\n            partner = true",
        )
        .replacen("[server]", "[server]\n            health_check_secs = 1", 1);
}

/// The Partners page as the operator sees it.
async fn operator_page(app: &TestApp) -> String {
    let ada = app.browser();
    assert_eq!(location(&ada.sign_in(ADA).await), "/account");
    page(&ada, "/partners").await
}

async fn page(b: &Browser, path: &str) -> String {
    text(&b.get(path).await.text().await.unwrap())
}

/// The readiness answer names nothing, whatever is wrong.
fn anonymous(body: &str) {
    assert!(
        body == "ready\n" || body == "not ready\n",
        "the answer names nothing: {body}"
    );
}

#[tokio::test]
async fn a_working_server_is_ready() {
    let app = TestApp::spawn_with(seed(), operated).await;

    let (status, body) = ready(&app).await;

    assert_eq!(status, StatusCode::OK, "{body}");
    anonymous(&body);
    assert!(operator_page(&app).await.contains("Answering"));
}

#[tokio::test]
async fn an_unreachable_server_is_named_as_unreachable() {
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = closed.local_addr().unwrap().port();
    drop(closed);
    let app = TestApp::spawn_with(seed(), |c| {
        server_url(c, &format!("http://127.0.0.1:{port}"));
        operated(c);
    })
    .await;

    let (status, body) = ready(&app).await;

    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    anonymous(&body);
    let page = operator_page(&app).await;
    assert!(page.contains("unreachable ("), "{page}");
}

#[tokio::test]
async fn a_wrong_key_is_named_as_a_refused_key_not_an_expired_server() {
    let app = TestApp::spawn_with(seed(), |c| {
        *c = c.replace("api_key = \"API_", "api_key = \"API_wrong");
        operated(c);
    })
    .await;

    let (status, body) = ready(&app).await;

    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    anonymous(&body);
    let page = operator_page(&app).await;
    assert!(
        page.contains("the API key was refused (HTTP 401)"),
        "{page}"
    );
}

#[tokio::test]
async fn a_key_without_permissions_is_named_as_such() {
    let mut store = seed();
    let acme = store.domain_id("acme.test").unwrap();
    let plain = store.create_user("robot", &acme, None, None);
    store.add_api_key(&plain, "API_plain-user-key");
    let app = TestApp::spawn_with(store, |c| {
        let start = c.find("api_key = \"").unwrap() + 11;
        let end = start + c[start..].find('"').unwrap();
        c.replace_range(start..end, "API_plain-user-key");
        operated(c);
    })
    .await;

    let (status, body) = ready(&app).await;

    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    anonymous(&body);
    let page = operator_page(&app).await;
    assert!(
        page.contains("lacks a permission the portal needs"),
        "{page}"
    );
}

#[tokio::test]
async fn something_that_is_not_stalwart_is_named_as_such() {
    let not_stalwart = testkit::oidc::Issuer::start("", "x", "y").await;
    let app = TestApp::spawn_with(seed(), |c| {
        server_url(c, &not_stalwart.issuer);
        operated(c);
    })
    .await;

    let (status, body) = ready(&app).await;

    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    anonymous(&body);
    let page = operator_page(&app).await;
    assert!(
        page.contains("does not answer like a Stalwart server"),
        "{page}"
    );
}

#[tokio::test]
async fn a_partners_broken_server_leaves_the_portal_ready_and_the_partner_reads_only_its_kind() {
    const KEY: &str = "cG9zdGVybi1lMmUtc2VjcmV0cy1rZXktMzItYnl0ZXM=";
    let key_file = std::env::temp_dir().join(format!("postern-ready-key-{}", std::process::id()));
    std::fs::write(&key_file, KEY).unwrap();
    let app = TestApp::spawn_with(seed(), |c| {
        operated(c);
        *c = c
            .replace(
                "display_name = \"Beta Ltd\"",
                "display_name = \"Beta Ltd\"\n            partner = true",
            )
            .replacen(
                "[server]",
                &format!(
                    "[server]\n            secrets_key_file = \"{}\"",
                    key_file.display()
                ),
                1,
            );
    })
    .await;
    // Beta added a server that has since stopped answering.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = closed.local_addr().unwrap().port();
    drop(closed);
    let url: url::Url = format!("http://127.0.0.1:{port}").parse().unwrap();
    let key = secrecy::SecretString::from("API_beta".to_owned());
    let new = app::ssr::directory::manage::NewMailServer {
        name: "beta-mail",
        url: &url,
        api_key: &key,
        timeout_ms: 500,
        managed_by: Some("beta"),
    };
    let keyring = app::ssr::secrets::Keyring::from_text(KEY).unwrap();
    app::ssr::directory::manage::add_mail_server(&app.db().await, &keyring, &new)
        .await
        .unwrap();

    let bert = app.browser();
    assert_eq!(location(&bert.sign_in(BERT).await), "/account");
    let mut seen = String::new();
    for _ in 0..50 {
        seen = page(&bert, "/partners").await;
        if seen.contains("Not answering") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }

    assert!(
        seen.contains("beta-mail") && seen.contains("Not answering"),
        "{seen}"
    );
    assert!(
        !seen.contains("unreachable ("),
        "a partner reads the kind only: {seen}"
    );
    assert!(
        !seen.contains("shared"),
        "a partner sees its own servers only: {seen}"
    );
    let (status, body) = ready(&app).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let operator = operator_page(&app).await;
    assert!(
        operator.contains("beta-mail") && operator.contains("unreachable ("),
        "{operator}"
    );
}
