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
    assert!(
        list.contains("Not reported yet"),
        "before any delivery: {list}"
    );

    let body = batch(&[sign_in_event(1, account, credential, 77, &now_rfc3339())]);
    assert_eq!(
        deliver(&app, &body, Some(&sign(&key, &body))).await,
        StatusCode::NO_CONTENT
    );

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
    assert_eq!(
        deliver(&app, &body, Some(&wrong_key)).await,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        deliver(&app, &body, Some(&other_body)).await,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        deliver(&app, &body, Some("not base64")).await,
        StatusCode::UNAUTHORIZED
    );
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
    let first = batch(&[sign_in_event(
        1796001093537,
        account,
        credential,
        343348017711026688,
        &at,
    )]);
    // Live 122: Stalwart re-sends an event after a failed delivery with a new id.
    let retried = batch(&[sign_in_event(
        1796001093637,
        account,
        credential,
        343348017711026688,
        &at,
    )]);

    for body in [&first, &first, &retried] {
        assert_eq!(
            deliver(&app, body, Some(&sign(&key, body))).await,
            StatusCode::NO_CONTENT
        );
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
    assert_eq!(
        deliver(&app, &body, Some(&sign(&key, &body))).await,
        StatusCode::NO_CONTENT
    );

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
    assert_eq!(
        deliver(&app, &body, Some(&sign(&key, &body))).await,
        StatusCode::NO_CONTENT
    );
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
    assert_eq!(
        deliver(&app, body, Some(&sign(&key, body))).await,
        StatusCode::BAD_REQUEST
    );
}

#[tokio::test]
async fn another_organisations_administrator_does_not_see_the_sign_ins() {
    let app = TestApp::spawn().await;
    let (_alice, account, credential) = alice_with_a_password(&app).await;
    let key = signing_key(&app).await;
    let body = batch(&[sign_in_event(1, account, credential, 77, &now_rfc3339())]);
    assert_eq!(
        deliver(&app, &body, Some(&sign(&key, &body))).await,
        StatusCode::NO_CONTENT
    );
    let alice_id = testkit::stalwart::ids::encode_id(account);

    let ada = signed_in(&app, common::ADA).await;
    let page = text(
        &ada.get(&format!("/admin/mailboxes/{alice_id}"))
            .await
            .text()
            .await
            .unwrap(),
    );
    assert!(page.contains("Signed in"), "{page}");
    assert!(page.contains("198.51.100.7"));
    assert!(
        page.contains("Phone"),
        "the sign-in names the app password: {page}"
    );

    let bert = signed_in(&app, BERT).await;
    let page = bert.get(&format!("/admin/mailboxes/{alice_id}")).await;
    let status = page.status();
    let page = text(&page.text().await.unwrap());
    assert!(!page.contains("198.51.100.7"), "{status}: {page}");
}

/// The test configuration with notification e-mails sent to `sink`.
fn with_sender(sink: &testkit::smtp::Sink) -> impl FnOnce(&mut String) + '_ {
    move |config: &mut String| {
        *config = config.replace(
            "timeout_ms = 2000\n",
            &format!(
                "timeout_ms = 2000\n[stalwart.shared.notify]\nsmtp_host = \"{}\"\nsmtp_port = {}\n\
                 security = \"none\"\nfrom = \"postern@acme.test\"\npassword = \"pw\"\n",
                sink.host, sink.port
            ),
        );
    }
}

#[tokio::test]
async fn a_new_app_password_is_told_by_e_mail_in_the_persons_language_without_the_secret() {
    let sink = testkit::smtp::Sink::start();
    let app = TestApp::spawn_with(common::seed(), with_sender(&sink)).await;
    let alice = common::signed_in(&app, ALICE).await;
    let chosen = alice
        .post_form(
            "/account/language",
            &[("language", "de"), ("back", "/account")],
        )
        .await;
    assert!(chosen.status().is_redirection());

    let secret = mint_app_password(&alice, "Telefon").await;

    let mail = sink.wait_for(1, Duration::from_secs(10)).await;
    assert_eq!(mail.len(), 1, "one e-mail");
    assert_eq!(mail[0].to, [ALICE]);
    assert_eq!(mail[0].from, "postern@acme.test");
    assert_eq!(mail[0].auth_user.as_deref(), Some("postern@acme.test"));
    // Lines are wrapped: read the words.
    let data = mail[0]
        .data
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        data.contains("ein neues App-Passwort „Telefon“ erstellt"),
        "{data}"
    );
    assert!(data.contains("Content-Transfer-Encoding: 8bit"), "{data}");
    assert!(data.contains("/app-passwords"));
    assert!(!data.contains(&secret), "the secret is never sent");
}

#[tokio::test]
async fn a_mail_server_that_refuses_for_now_gets_the_e_mail_later_and_the_password_is_made_at_once()
{
    let sink = testkit::smtp::Sink::start();
    sink.refuse_next(1);
    let app = TestApp::spawn_with(common::seed(), with_sender(&sink)).await;
    let alice = common::signed_in(&app, ALICE).await;

    // The password is made and shown although the first sending attempt fails.
    let secret = mint_app_password(&alice, "Phone").await;
    assert!(secret.starts_with("app_"));
    let attempt: (i64, Option<String>) = {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let row: (i64, Option<String>) =
                sqlx::query_as("SELECT attempts, last_error FROM notifications")
                    .fetch_one(&app.db().await.pool)
                    .await
                    .unwrap();
            if row.0 > 0 || Instant::now() > deadline {
                break row;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    };
    assert_eq!(attempt.0, 1);
    assert!(attempt.1.unwrap_or_default().contains("451"));
    assert!(sink.messages().is_empty());

    // Its retry is due a minute later (made due now here); the next sending round, started
    // by the next password, sends both.
    sqlx::query("UPDATE notifications SET next_at = 0")
        .execute(&app.db().await.pool)
        .await
        .unwrap();
    let second = mint_app_password(&alice, "Tablet").await;
    let mail = sink.wait_for(2, Duration::from_secs(10)).await;
    assert_eq!(mail.len(), 2);
    assert!(mail.iter().any(|m| m.data.contains("“Phone”")));
    assert!(mail.iter().any(|m| m.data.contains("“Tablet”")));
    assert!(
        mail.iter()
            .all(|m| !m.data.contains(&secret) && !m.data.contains(&second))
    );
}

/// Waits until the portal's hook on the simulator is applied; returns the simulator's view
/// of it (`x:WebHook/get`, as the recovery admin sees it: the key masked).
async fn applied_hook(app: &TestApp) -> Value {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let state: Option<String> =
            sqlx::query_scalar("SELECT state FROM webhooks WHERE server = 'shared'")
                .fetch_optional(&app.db().await.pool)
                .await
                .unwrap();
        if state.as_deref() == Some("applied") {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the hook was not applied: {state:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let answer: Value = reqwest::Client::new()
        .post(format!("{}/jmap", app.simulator.url))
        .bearer_auth(API_KEY)
        .json(
            &json!({"using": ["urn:ietf:params:jmap:core", "urn:stalwart:jmap"],
                      "methodCalls": [["x:WebHook/get", {"ids": null}, "g"]]}),
        )
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let list = answer["methodResponses"][0][1]["list"]
        .as_array()
        .unwrap()
        .clone();
    assert_eq!(list.len(), 1, "one hook: {list:?}");
    list[0].clone()
}

#[tokio::test]
async fn the_portal_registers_its_hook_and_a_mail_app_sign_in_reaches_the_list() {
    let app = TestApp::spawn().await;
    let hook = applied_hook(&app).await;
    assert_eq!(hook["url"], format!("{}/hooks/stalwart/shared", app.url));
    assert_eq!(hook["eventsPolicy"], "include", "never everything");
    assert_eq!(hook["events"]["auth.success"], true);
    assert_eq!(hook["events"]["auth.failed"], true);
    assert_eq!(hook["signatureKey"]["@type"], "Value");

    let (alice, _, _) = alice_with_a_password(&app).await;
    let secret = {
        let secret = mint_app_password(&alice, "Tablet").await;
        assert!(common::stalwart_accepts(&app, ALICE, &secret).await);
        secret
    };
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let list = text(&alice.get("/app-passwords").await.text().await.unwrap());
        if list.contains("from 127.0.0.1") {
            assert!(list.contains("Web (JMAP, calendars, contacts)"), "{list}");
            break;
        }
        assert!(Instant::now() < deadline, "no last use shown: {list}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert!(!text(&alice.get("/app-passwords").await.text().await.unwrap()).contains(&secret));
}

#[tokio::test]
async fn a_reload_blocked_by_another_setting_is_shown_and_register_again_applies_the_hook() {
    // Acme runs the portal: its administrators are the operator, who may use every server.
    let app = TestApp::spawn_with(common::seed(), |c| {
        *c = c.replace(
            "display_name = \"Acme Corp\"",
            "display_name = \"Acme Corp\"\n            operator = true\n            partner = true",
        );
    })
    .await;
    let hook = applied_hook(&app).await;
    // Live 110: another settings object fails to build, so ReloadSettings applies nothing.
    let sim = reqwest::Client::new();
    sim.post(format!("{}/_sim/reload-failure", app.simulator.url))
        .json(&json!({"object": "SpamPyzor", "id": "singleton",
                      "description": "Invalid address: failed to lookup address information: Name or service not known"}))
        .send()
        .await
        .unwrap();
    let ada = signed_in(&app, common::ADA).await;
    let again = ada
        .post_form("/partners/servers/shared/activity-hook", &[])
        .await;
    assert!(again.status().is_redirection(), "{}", again.status());
    let page = text(&ada.get("/partners").await.text().await.unwrap());
    assert!(
        page.contains("Waiting for Stalwart to apply its settings"),
        "{page}"
    );
    assert!(
        page.contains("SpamPyzor singleton: Invalid address"),
        "the operator reads why: {page}"
    );

    sim.delete(format!("{}/_sim/reload-failure", app.simulator.url))
        .send()
        .await
        .unwrap();
    ada.post_form("/partners/servers/shared/activity-hook", &[])
        .await;
    let replaced = applied_hook(&app).await;
    assert_ne!(replaced["id"], hook["id"], "a new key needs a new hook");
    let page = text(&ada.get("/partners").await.text().await.unwrap());
    assert!(
        page.contains("waiting for the first signed delivery"),
        "{page}"
    );
}

#[tokio::test]
async fn a_burst_of_failed_sign_ins_is_an_alert_for_the_organisations_administrators_only() {
    let app = TestApp::spawn().await;
    let (alice, account, credential) = alice_with_a_password(&app).await;
    let key = signing_key(&app).await;
    let at = now_rfc3339();
    let failures: Vec<Value> = (0..6)
        .map(|i| {
            let mut e = sign_in_event(i, account, credential, 1000 + i, &at);
            e["type"] = json!("auth.failed");
            e["data"]["reason"] = json!("Invalid credential secret");
            e
        })
        .collect();
    let body = batch(&failures);
    assert_eq!(
        deliver(&app, &body, Some(&sign(&key, &body))).await,
        StatusCode::NO_CONTENT
    );

    let ada = signed_in(&app, common::ADA).await;
    let audit = text(&ada.get("/admin/audit").await.text().await.unwrap());
    assert!(audit.contains("Sign-in alerts"), "{audit}");
    assert!(
        audit.contains("alice@acme.test: 6 failed sign-ins in 24 hours"),
        "{audit}"
    );
    let alice_list = text(&alice.get("/app-passwords").await.text().await.unwrap());
    assert!(
        alice_list.contains("6 failed sign-ins in 30 days"),
        "{alice_list}"
    );

    let bert = signed_in(&app, BERT).await;
    let other = text(&bert.get("/admin/audit").await.text().await.unwrap());
    assert!(!other.contains("alice@acme.test"), "{other}");
}

/// Makes (`create`) or removes (`destroy`) app passwords of Alice's account at the mail
/// server directly, as its own interface or another tool would.
async fn at_the_mail_server(app: &TestApp, account: &str, call: Value) -> Value {
    let answer: Value = reqwest::Client::new()
        .post(format!("{}/jmap", app.simulator.url))
        .bearer_auth(API_KEY)
        .json(
            &json!({"using": ["urn:ietf:params:jmap:core", "urn:stalwart:jmap"],
                      "methodCalls": [["x:AppPassword/set", call, "s"]]}),
        )
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let _ = account;
    answer["methodResponses"][0][1].clone()
}

async fn audited(app: &TestApp, action: &str) -> Vec<(String, String)> {
    sqlx::query_as(
        "SELECT COALESCE(target, ''), detail_json FROM audit_events WHERE action = $1 ORDER BY id",
    )
    .bind(action)
    .fetch_all(&app.db().await.pool)
    .await
    .unwrap()
}

#[tokio::test]
async fn passwords_made_or_removed_outside_postern_are_audited_and_its_own_are_not() {
    let app = TestApp::spawn().await;
    let (alice, account, _) = alice_with_a_password(&app).await;
    let account = testkit::stalwart::ids::encode_id(account);
    // The first look notes what is there.
    alice.get("/app-passwords").await;
    let own = mint_app_password(&alice, "Made here").await;
    assert!(own.starts_with("app_"));
    alice.get("/app-passwords").await;
    assert!(
        audited(&app, "app_password.found_at_server")
            .await
            .is_empty()
    );

    let made = at_the_mail_server(
        &app,
        &account,
        json!({"accountId": account, "create": {"x": {"description": "Made elsewhere"}}}),
    )
    .await;
    let elsewhere = made["created"]["x"]["id"].as_str().unwrap().to_owned();
    alice.get("/app-passwords").await;
    let found = audited(&app, "app_password.found_at_server").await;
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, elsewhere);
    assert!(found[0].1.contains("Made elsewhere"));

    at_the_mail_server(
        &app,
        &account,
        json!({"accountId": account, "destroy": [elsewhere]}),
    )
    .await;
    alice.get("/app-passwords").await;
    assert_eq!(
        audited(&app, "app_password.removed_at_server").await.len(),
        1
    );

    // Revoking through Postern is Postern's own change: nothing more is audited.
    let revoke_all = alice.post_form("/app-passwords/revoke-all", &[]).await;
    assert!(revoke_all.status().is_redirection());
    alice.get("/app-passwords").await;
    assert_eq!(
        audited(&app, "app_password.removed_at_server").await.len(),
        1
    );
    assert_eq!(audited(&app, "app_password.found_at_server").await.len(), 1);
}

#[tokio::test]
async fn each_passwords_summary_keeps_its_latest_use_counts_a_failure_once_and_forgets_addresses() {
    use app::ssr::db::activity::{self as store, NewEvent};
    let app = TestApp::spawn().await;
    let db = app.db().await;
    let day = 86_400;
    let t0 = 1_800_000_000 - 1_800_000_000 % day;
    let event = |n: u32, kind: &'static str, at: i64, ip: &str| NewEvent {
        dedupe: format!("{at:011x}{n:032x}"),
        organisation: "acme".into(),
        account_id: "b".into(),
        credential_id: Some("c".into()),
        kind,
        at,
        listener: Some("imaps".into()),
        remote_ip: Some(ip.into()),
        reason: None,
    };
    let first = [
        event(1, "auth.success", t0 + 100, "192.0.2.1"),
        event(2, "auth.failed", t0 + 50, "192.0.2.50"),
        event(3, "auth.failed", t0 + 60, "192.0.2.60"),
    ];
    assert_eq!(store::insert(&db, "shared", &first).await.unwrap(), 3);
    // A late delivery of an older sign-in, with a failure sent twice (a retry): the older
    // sign-in does not hide the newer, and the failure counts once.
    let late = [
        event(4, "auth.success", t0 + 10, "192.0.2.10"),
        event(3, "auth.failed", t0 + 60, "192.0.2.60"),
        event(5, "auth.failed", t0 + day + 5, "192.0.2.70"),
    ];
    assert_eq!(store::insert(&db, "shared", &late).await.unwrap(), 2);

    let read = |created: i64, since: i64| {
        let db = db.clone();
        async move {
            store::per_credential(&db, "acme", "b", &[("c".to_owned(), created)], since)
                .await
                .unwrap()
                .remove("c")
                .unwrap_or_default()
        }
    };
    let seen = read(t0, t0).await;
    let success = seen.last_success.unwrap();
    assert_eq!(
        (success.at, success.remote_ip.as_deref()),
        (t0 + 100, Some("192.0.2.1"))
    );
    let failure = seen.last_failure.unwrap();
    assert_eq!(
        (failure.at, failure.remote_ip.as_deref()),
        (t0 + day + 5, Some("192.0.2.70"))
    );
    assert_eq!(seen.failures, 3);
    // Counted from the window's first day.
    assert_eq!(read(t0, t0 + day).await.failures, 1);
    // Another organisation's account with the same ids sees nothing.
    let other = store::per_credential(&db, "globex", "b", &[("c".to_owned(), t0)], t0)
        .await
        .unwrap();
    assert!(other.is_empty());
    // A password made after all of it (the id reused) has no use yet.
    let reused = read(t0 + 2 * day, t0).await;
    assert_eq!(reused, Default::default());

    // After the retention period: the events and the daily counts are gone; the last use
    // keeps its time but not its address.
    assert_eq!(store::purge_before(&db, t0 + 3 * day).await.unwrap(), 5);
    let kept = read(t0, t0).await;
    let success = kept.last_success.unwrap();
    assert_eq!((success.at, success.remote_ip), (t0 + 100, None));
    assert_eq!(kept.failures, 0);
}
