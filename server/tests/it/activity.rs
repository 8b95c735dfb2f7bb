//! Activity from the mail server: Postern registers its own `x:WebHook` on each server and
//! keeps the signed sign-in events it delivers (API.md §11, live 096–098, 110–123).

use crate::common;

use common::{ALICE, API_KEY, BERT, TestApp, mint_app_password, signed_in, text};
use reqwest::StatusCode;
use serde_json::{Value, json};
use std::time::{Duration, Instant};
use testkit::stalwart::ids::decode_id;

/// The hook Postern registered for the simulator ("shared" in the test configuration),
/// once the background registration ran: its nonce, from which the key is derived.
async fn hook_nonce(app: &TestApp) -> String {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let found: Option<String> =
            sqlx::query_scalar("SELECT nonce FROM webhooks WHERE server = 'shared'")
                .fetch_optional(&app.db().await.pool)
                .await
                .unwrap();
        if let Some(nonce) = found {
            return nonce;
        }
        assert!(Instant::now() < deadline, "no hook was registered");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The signing key the simulator was given, derived as the portal derives it.
async fn signing_key(app: &TestApp) -> String {
    use secrecy::ExposeSecret;
    let nonce = hook_nonce(app).await;
    let client = app::ssr::stalwart::StalwartClient::new(
        &url::Url::parse(&app.simulator.url).unwrap(),
        API_KEY.to_owned().into(),
        Duration::from_secs(2),
    )
    .unwrap();
    client.hook_signing_key(&nonce).expose_secret().to_owned()
}

fn sign(key: &str, body: &str) -> String {
    use base64::Engine;
    use hmac::{Hmac, Mac};
    let mut mac = Hmac::<sha2::Sha256>::new_from_slice(key.as_bytes()).unwrap();
    mac.update(body.as_bytes());
    base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes())
}

/// An app-password sign-in event shaped like live 113.
fn sign_in_event(id: u64, account: u64, credential: u64, span: u64, at: &str) -> Value {
    json!({"id": id.to_string(), "createdAt": at, "type": "auth.success",
           "data": {"accountName": "alice", "accountId": account, "id": credential, "spanId": span,
                    "details": "Authenticated with app password", "listenerId": "imaps",
                    "localPort": 11993, "remoteIp": "198.51.100.7", "remotePort": 46688}})
}

fn batch(events: &[Value]) -> String {
    json!({ "events": events }).to_string()
}

async fn deliver(app: &TestApp, body: &str, signature: Option<&str>) -> StatusCode {
    let mut request = reqwest::Client::new()
        .post(format!("{}/hooks/stalwart/shared", app.url))
        .header("content-type", "application/json")
        .body(body.to_owned());
    if let Some(signature) = signature {
        request = request.header("x-signature", signature);
    }
    request.send().await.unwrap().status()
}

async fn stored(app: &TestApp) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM activity")
        .fetch_one(&app.db().await.pool)
        .await
        .unwrap()
}

/// Alice signed in (her mailbox pinned to her) with one app password; returns her account's
/// and the password's numeric ids, as the mail server's events name them.
async fn alice_with_a_password(app: &TestApp) -> (common::Browser, u64, u64) {
    let alice = signed_in(app, ALICE).await;
    mint_app_password(&alice, "Phone").await;
    let listed: Value = reqwest::get(format!("{}/_sim/app-passwords/{ALICE}", app.simulator.url))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let credential = decode_id(listed[0]["id"].as_str().unwrap()).unwrap();
    let account: String =
        sqlx::query_scalar("SELECT account_id FROM mailbox_pins WHERE address = $1")
            .bind(ALICE)
            .fetch_one(&app.db().await.pool)
            .await
            .unwrap();
    (alice, decode_id(&account).unwrap(), credential)
}

fn now_rfc3339() -> String {
    time::OffsetDateTime::now_utc()
        .replace_nanosecond(0)
        .unwrap()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap()
}

#[tokio::test]
async fn a_signed_sign_in_shows_as_last_used_on_the_persons_list() {
    let app = TestApp::spawn().await;
    let (alice, account, credential) = alice_with_a_password(&app).await;
    let key = signing_key(&app).await;
    let list = text(&alice.get("/app-passwords").await.text().await.unwrap());
    assert!(list.contains("Not reported yet"), "before any delivery: {list}");

    let body = batch(&[sign_in_event(1, account, credential, 77, &now_rfc3339())]);
    assert_eq!(deliver(&app, &body, Some(&sign(&key, &body))).await, StatusCode::NO_CONTENT);

    let list = text(&alice.get("/app-passwords").await.text().await.unwrap());
    assert!(list.contains("IMAP · from 198.51.100.7"), "{list}");
    assert!(!list.contains("Never used"));
}

#[tokio::test]
async fn a_delivery_with_a_bad_or_missing_signature_is_refused_and_nothing_is_stored() {
    let app = TestApp::spawn().await;
    let (_alice, account, credential) = alice_with_a_password(&app).await;
    let key = signing_key(&app).await;
    let body = batch(&[sign_in_event(1, account, credential, 77, &now_rfc3339())]);

    let wrong_key = sign(&format!("{key}x"), &body);
    let other_body = sign(&key, &body.replace("198.51.100.7", "198.51.100.8"));
    assert_eq!(deliver(&app, &body, Some(&wrong_key)).await, StatusCode::UNAUTHORIZED);
    assert_eq!(deliver(&app, &body, Some(&other_body)).await, StatusCode::UNAUTHORIZED);
    assert_eq!(deliver(&app, &body, Some("not base64")).await, StatusCode::UNAUTHORIZED);
    assert_eq!(deliver(&app, &body, None).await, StatusCode::UNAUTHORIZED);
    // A server Postern does not know gets the same answer.
    let unknown = reqwest::Client::new()
        .post(format!("{}/hooks/stalwart/elsewhere", app.url))
        .header("x-signature", sign(&key, &body))
        .body(body.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(unknown.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(stored(&app).await, 0);
}

#[tokio::test]
async fn a_replayed_batch_and_a_retry_with_new_ids_are_stored_once() {
    let app = TestApp::spawn().await;
    let (_alice, account, credential) = alice_with_a_password(&app).await;
    let key = signing_key(&app).await;
    let at = now_rfc3339();
    let first = batch(&[sign_in_event(1796001093537, account, credential, 343348017711026688, &at)]);
    // Live 122: Stalwart re-sends an event after a failed delivery with a new id.
    let retried = batch(&[sign_in_event(1796001093637, account, credential, 343348017711026688, &at)]);

    for body in [&first, &first, &retried] {
        assert_eq!(deliver(&app, body, Some(&sign(&key, body))).await, StatusCode::NO_CONTENT);
    }
    assert_eq!(stored(&app).await, 1);
}

#[tokio::test]
async fn an_event_older_than_the_password_is_another_passwords_and_is_not_shown() {
    let app = TestApp::spawn().await;
    let (alice, account, credential) = alice_with_a_password(&app).await;
    let key = signing_key(&app).await;
    // Stalwart reuses a removed credential's id: this sign-in, an hour before the password
    // was made, was the removed one's.
    let an_hour_ago = (time::OffsetDateTime::now_utc() - time::Duration::hours(1))
        .replace_nanosecond(0)
        .unwrap()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap();
    let body = batch(&[sign_in_event(1, account, credential, 5, &an_hour_ago)]);
    assert_eq!(deliver(&app, &body, Some(&sign(&key, &body))).await, StatusCode::NO_CONTENT);

    let list = text(&alice.get("/app-passwords").await.text().await.unwrap());
    assert!(list.contains("Never used"), "{list}");
    assert!(!list.contains("198.51.100.7"));
}

#[tokio::test]
async fn events_of_accounts_outside_every_organisation_and_of_unknown_types_are_dropped() {
    let app = TestApp::spawn().await;
    let (_alice, account, credential) = alice_with_a_password(&app).await;
    let key = signing_key(&app).await;
    let at = now_rfc3339();
    // The portal's own account (and any account nobody signed in with) belongs to no one.
    let stranger = sign_in_event(2, account + 1000, 1, 9, &at);
    let mut unknown_type = sign_in_event(3, account, credential, 10, &at);
    unknown_type["type"] = json!("delivery.completed");
    let ban = json!({"id": "4", "createdAt": at, "type": "security.ip-blocked",
                     "data": {"remoteIp": "203.0.113.9"}});
    let body = batch(&[stranger, unknown_type, ban]);
    assert_eq!(deliver(&app, &body, Some(&sign(&key, &body))).await, StatusCode::NO_CONTENT);
    assert_eq!(stored(&app).await, 0);
}

#[tokio::test]
async fn a_body_of_a_megabyte_is_refused_before_it_is_read() {
    let app = TestApp::spawn().await;
    let key = signing_key(&app).await;
    let padding = "x".repeat(1024 * 1024);
    let body = format!(r#"{{"events":[],"padding":"{padding}"}}"#);
    assert_eq!(
        deliver(&app, &body, Some(&sign(&key, &body))).await,
        StatusCode::PAYLOAD_TOO_LARGE
    );
    // Not JSON of a delivery, but signed: refused as such.
    let body = r#"{"events":"none"}"#;
    assert_eq!(deliver(&app, body, Some(&sign(&key, body))).await, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn another_organisations_administrator_does_not_see_the_sign_ins() {
    let app = TestApp::spawn().await;
    let (_alice, account, credential) = alice_with_a_password(&app).await;
    let key = signing_key(&app).await;
    let body = batch(&[sign_in_event(1, account, credential, 77, &now_rfc3339())]);
    assert_eq!(deliver(&app, &body, Some(&sign(&key, &body))).await, StatusCode::NO_CONTENT);
    let alice_id = testkit::stalwart::ids::encode_id(account);

    let ada = signed_in(&app, common::ADA).await;
    let page = text(&ada.get(&format!("/admin/mailboxes/{alice_id}")).await.text().await.unwrap());
    assert!(page.contains("Signed in"), "{page}");
    assert!(page.contains("198.51.100.7"));
    assert!(page.contains("Phone"), "the sign-in names the app password: {page}");

    let bert = signed_in(&app, BERT).await;
    let page = bert.get(&format!("/admin/mailboxes/{alice_id}")).await;
    let status = page.status();
    let page = text(&page.text().await.unwrap());
    assert!(!page.contains("198.51.100.7"), "{status}: {page}");
}
