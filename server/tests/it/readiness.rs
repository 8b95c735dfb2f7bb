//! The readiness answer tells the four ways a Stalwart server can be wrong apart: not there,
//! a refused key, a key without the permissions the portal needs, not Stalwart at all.

use crate::common::{TestApp, seed};
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

#[tokio::test]
async fn a_working_server_is_ready() {
    let app = TestApp::spawn().await;

    let (status, body) = ready(&app).await;

    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(
        body.contains("database: ok") && body.contains("stalwart shared: ok"),
        "{body}"
    );
}

#[tokio::test]
async fn an_unreachable_server_is_named_as_unreachable() {
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = closed.local_addr().unwrap().port();
    drop(closed);
    let app = TestApp::spawn_with(seed(), |c| {
        server_url(c, &format!("http://127.0.0.1:{port}"))
    })
    .await;

    let (status, body) = ready(&app).await;

    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(body.contains("stalwart shared: unreachable"), "{body}");
}

#[tokio::test]
async fn a_wrong_key_is_named_as_a_refused_key_not_an_expired_server() {
    let app = TestApp::spawn_with(seed(), |c| {
        *c = c.replace("api_key = \"API_", "api_key = \"API_wrong");
    })
    .await;

    let (status, body) = ready(&app).await;

    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(
        body.contains("the API key was refused (HTTP 401)"),
        "{body}"
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
    })
    .await;

    let (status, body) = ready(&app).await;

    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(
        body.contains("lacks a permission the portal needs"),
        "{body}"
    );
}

#[tokio::test]
async fn something_that_is_not_stalwart_is_named_as_such() {
    let not_stalwart = testkit::oidc::Issuer::start("", "x", "y").await;
    let app = TestApp::spawn_with(seed(), |c| server_url(c, &not_stalwart.issuer)).await;

    let (status, body) = ready(&app).await;

    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(
        body.contains("does not answer like a Stalwart server"),
        "{body}"
    );
}
