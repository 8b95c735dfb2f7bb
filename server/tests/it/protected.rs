//! Every organisation controls its IdP, so it can vouch for any address in its domains —
//! including the mail server's own administrators and the account that owns Postern's API
//! key. Such an account is never signed into, read for credentials or changed from here.

use crate::common::{ALICE, API_KEY, Browser, TestApp, location, seed, text};
use app::routing::Access;
use reqwest::{Method, StatusCode};
use testkit::oidc::User;
use testkit::stalwart::{Caller, Fault, ids::encode_id};

const KEY_OWNER: &str = "postern@acme.test";
const SERVER_ADMIN: &str = "boss@acme.test";
const REFUSAL: &str = "managed by your mail server's operator";

/// Acme's IdP knows the key owner and a server administrator; Postern's key is a real
/// `x:ApiKey` of the key owner, which a "revoke all" as that account would destroy.
async fn spawn() -> (TestApp, String) {
    let mut store = seed();
    let acme = encode_id(
        store
            .domains
            .values()
            .find(|d| d.name == "acme.test")
            .unwrap()
            .id as u64,
    );
    let boss = store.create_user("boss", &acme, Some("Server admin"), None);
    store.make_admin(&boss);
    let owner = encode_id(store.account_by_address(KEY_OWNER).unwrap().id as u64);
    let args = serde_json::json!({ "accountId": owner,
        "create": { "k": { "description": "Postern portal" } } });
    let (_, created) = store.call(
        Caller::recovery_admin(),
        "x:ApiKey/set",
        args.as_object().unwrap().clone(),
    );
    let key = created["created"]["k"]["secret"]
        .as_str()
        .expect("the simulator shows a new key's secret once")
        .to_owned();
    let app = TestApp::spawn_with(store, |c| *c = c.replace(API_KEY, &key)).await;
    app.issuer_a
        .add_user(User::new(KEY_OWNER, "Key owner", &["staff"]));
    app.issuer_a.add_user(User::new(
        SERVER_ADMIN,
        "Server admin",
        &["staff", "mail-admins"],
    ));
    (app, key)
}

/// Whether the simulator still accepts Postern's key.
async fn key_works(app: &TestApp, key: &str) -> bool {
    let body = serde_json::json!({
        "using": ["urn:ietf:params:jmap:core", "urn:stalwart:jmap"],
        "methodCalls": [["x:Domain/query", {}, "0"]],
    });
    let response = reqwest::Client::new()
        .post(format!("{}/jmap", app.simulator.url))
        .bearer_auth(key)
        .json(&body)
        .send()
        .await
        .unwrap();
    response.status() == StatusCode::OK
}

#[tokio::test]
async fn a_sign_in_as_the_key_owner_or_a_server_admin_is_refused_and_pins_nothing() {
    let (app, key) = spawn().await;

    for address in [KEY_OWNER, SERVER_ADMIN] {
        let browser = app.browser();
        let done = browser.sign_in(address).await;

        assert_eq!(location(&done), "/", "{address}: back to the start page");
        assert!(
            text(&browser.start_page().await).contains(REFUSAL),
            "{address}: the refusal is said in words"
        );
        let account = browser.get("/account").await;
        assert!(
            account.headers().contains_key("location"),
            "{address}: not signed in"
        );
    }

    let db = app.db().await;
    let refusals = app::ssr::db::audit::for_organisation(
        &db,
        "acme",
        &app::ssr::db::audit::Filter::default(),
        100,
        0,
    )
    .await
    .unwrap();
    let refused: Vec<_> = refusals
        .iter()
        .filter(|e| {
            e.action == "user.sign_in_refused" && e.detail_json.contains("protected_account")
        })
        .map(|e| e.actor_email.clone())
        .collect();
    assert_eq!(refused.len(), 2, "both refusals audited: {refused:?}");
    let pins: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM mailbox_pins")
        .fetch_one(&db.pool)
        .await
        .unwrap();
    assert_eq!(pins, 0, "nothing pinned");
    assert!(key_works(&app, &key).await);
}

/// Signs in while the mail server cannot be asked (the sign-in goes through without a
/// mailbox; it is looked up, and refused, when first needed).
async fn signed_in_while_the_mail_server_is_down(app: &TestApp, address: &str) -> Browser {
    let browser = app.browser();
    // The account look-up that decides protection fails.
    app.simulator
        .store()
        .fail_next_call("x:Account/get", Fault::Status(503));
    let done = browser.sign_in(address).await;
    app.simulator.store().method_faults.clear();
    assert_eq!(
        location(&done),
        "/account",
        "{address} signed in without a mailbox: {}",
        text(&browser.start_page().await)
    );
    browser
}

/// Posts every self-service form; each must be refused. A post that ends the session (signing
/// out everywhere) is allowed: it touches nothing at the mail server.
async fn every_self_service_post_is_refused(app: &TestApp, address: &str) -> usize {
    let mut browser = signed_in_while_the_mail_server_is_down(app, address).await;
    let credential = {
        let store = app.simulator.store();
        store.app_passwords_of(address).first().map(|c| c.0.clone())
    };
    let credential = credential.unwrap_or_else(|| "zz".into());
    let mut refused = 0;
    for route in app::routes()
        .iter()
        .filter(|r| r.access == Access::SignedIn && r.method == Method::POST)
    {
        let path = route.fill(|_| credential.clone());
        let target = app::routing::Target {
            domain: "acme.test".into(),
            address: address.into(),
            slug: "acme".into(),
        };
        let response = crate::boundary::send(&browser, route, &path, &target).await;
        if response.status() == StatusCode::SEE_OTHER && location(&response) == "/" {
            // Signed out: sign in again for the next route.
            browser = signed_in_while_the_mail_server_is_down(app, address).await;
            continue;
        }
        assert_eq!(
            response.status(),
            StatusCode::FORBIDDEN,
            "POST {path} as {address}"
        );
        let body = text(&response.text().await.unwrap());
        assert!(body.contains(REFUSAL), "POST {path}: {body}");
        refused += 1;
    }
    let page = text(&browser.get("/app-passwords").await.text().await.unwrap());
    assert!(page.contains(REFUSAL), "the list is not shown: {page}");
    refused
}

#[tokio::test]
async fn direct_posts_to_every_self_service_route_are_refused_and_the_key_still_works() {
    let (app, key) = spawn().await;
    let before = app.stalwart_snapshot();

    for address in [KEY_OWNER, SERVER_ADMIN] {
        let refused = every_self_service_post_is_refused(&app, address).await;
        assert!(refused >= 5, "{address}: {refused} posts refused");
    }

    assert_eq!(
        app.stalwart_snapshot(),
        before,
        "nothing changed at the mail server"
    );
    assert!(key_works(&app, &key).await, "Postern's key was not revoked");
    let db = app.db().await;
    let audited: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_events WHERE action = 'app_password.refused'",
    )
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert!(audited >= 8, "every refused change is audited ({audited})");
}

#[tokio::test]
async fn a_person_who_gains_rights_on_the_server_is_refused_from_then_on() {
    let (app, key) = spawn().await;
    let alice = app.browser();
    assert_eq!(location(&alice.sign_in(ALICE).await), "/account");
    let minted = alice
        .post_form(
            "/app-passwords/new",
            &[
                ("request_id", "aaaaaaaaaaaaaaaaaaaaaaaa"),
                ("name", "Phone"),
                ("expiry", "never"),
                ("networks", ""),
                ("scope", "mail"),
            ],
        )
        .await;
    assert_eq!(minted.status(), StatusCode::OK, "a plain user mints");

    // The operator makes Alice a server administrator.
    {
        let mut store = app.simulator.store();
        let id = encode_id(store.account_by_address(ALICE).unwrap().id as u64);
        store.make_admin(&id);
    }
    let before = app.stalwart_snapshot();

    let revoke = alice.post_form("/app-passwords/revoke-all", &[]).await;

    assert_eq!(revoke.status(), StatusCode::FORBIDDEN);
    assert!(text(&revoke.text().await.unwrap()).contains(REFUSAL));
    assert_eq!(app.stalwart_snapshot(), before, "nothing revoked");
    assert!(key_works(&app, &key).await);
}
