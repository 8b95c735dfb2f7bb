//! SCIM: an organisation's IdP deactivates or deletes a person, and their mail credentials and
//! sessions go; the request shapes are Entra ID's (Microsoft's SCIM validator) and
//! Authentik's. Tokens are per organisation.

use crate::common;

use common::{
    ALICE, BERT, TestApp, audit_count, location, mint_app_password, signed_in, stalwart_accepts,
    still_signed_in, text,
};
use reqwest::StatusCode;
use serde_json::{Value, json};
use testkit::stalwart::Fault;

const PATCH: &str = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

/// Makes the organisation's SCIM token as `server organisation scim-token` does.
async fn token(app: &TestApp, organisation: &str) -> String {
    let (token, hash) = app::scim::service::new_token();
    app::ssr::db::scim::set_token(&app.db().await, organisation, &hash)
        .await
        .unwrap();
    token
}

struct Idp {
    base: String,
    token: String,
}

impl Idp {
    async fn send(
        &self,
        method: reqwest::Method,
        path: &str,
        body: Option<Value>,
    ) -> (StatusCode, Value) {
        let mut request = reqwest::Client::new()
            .request(method, format!("{}{path}", self.base))
            .bearer_auth(&self.token);
        if let Some(body) = body {
            request = request
                .header("content-type", "application/scim+json")
                .body(body.to_string());
        }
        let response = request.send().await.unwrap();
        let status = response.status();
        let text = response.text().await.unwrap();
        (status, serde_json::from_str(&text).unwrap_or(Value::Null))
    }
}

async fn idp(app: &TestApp, organisation: &str) -> Idp {
    Idp {
        base: format!("{}/scim/v2/{organisation}", app.url),
        token: token(app, organisation).await,
    }
}

/// Entra ID's "Create User" (Microsoft's SCIM validator), for `address`.
fn entra_user(address: &str) -> Value {
    json!({
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User",
                    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
        "externalId": "alice",
        "userName": address,
        "active": true,
        "emails": [{ "primary": true, "type": "work", "value": address }],
        "meta": { "resourceType": "User" },
        "name": { "formatted": "Alice Anders", "familyName": "Anders", "givenName": "Alice" },
        "roles": []
    })
}

/// Entra ID's disable: `Replace active "False"` (a string, as Entra sends it).
fn entra_disable() -> Value {
    json!({ "schemas": [PATCH],
            "Operations": [{ "op": "Replace", "path": "active", "value": "False" }] })
}

#[tokio::test]
async fn an_entra_disable_revokes_the_persons_app_passwords_and_ends_their_sessions_until_enabled()
{
    let app = TestApp::spawn().await;
    let alice = signed_in(&app, ALICE).await;
    let secret = mint_app_password(&alice, "iPhone Mail").await;
    assert!(stalwart_accepts(&app, ALICE, &secret).await);
    let entra = idp(&app, "acme").await;

    // Entra first looks the user up, then creates it.
    let (status, found) = entra
        .send(
            reqwest::Method::GET,
            "/Users?filter=userName+eq+%22alice%40acme.test%22",
            None,
        )
        .await;
    assert_eq!(
        (status, found["totalResults"].clone()),
        (StatusCode::OK, json!(0))
    );
    let (status, created) = entra
        .send(reqwest::Method::POST, "/Users", Some(entra_user(ALICE)))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let id = created["id"].as_str().unwrap().to_owned();
    assert_eq!(created["active"], true);
    assert!(
        stalwart_accepts(&app, ALICE, &secret).await,
        "creating changes nothing"
    );

    let (status, patched) = entra
        .send(
            reqwest::Method::PATCH,
            &format!("/Users/{id}"),
            Some(entra_disable()),
        )
        .await;

    assert_eq!(status, StatusCode::OK, "{patched}");
    assert_eq!(patched["active"], false);
    assert!(
        !stalwart_accepts(&app, ALICE, &secret).await,
        "the password no longer works"
    );
    assert!(!still_signed_in(&alice).await, "the session is gone");
    assert_eq!(audit_count(&app, "person.departed").await, 1);
    assert_eq!(audit_count(&app, "person.credentials_revoke").await, 1);
    let (_, read) = entra
        .send(reqwest::Method::GET, &format!("/Users/{id}"), None)
        .await;
    assert_eq!(read["active"], false);
    assert_eq!(
        read["name"]["givenName"], "Alice",
        "what the IdP sent is kept"
    );

    // Signing in again is refused, with the reason.
    let again = app.browser();
    let response = again.sign_in(ALICE).await;
    assert_eq!(location(&response), "/");
    let page = text(&again.get("/").await.text().await.unwrap());
    assert!(
        page.contains("directory says your account is disabled"),
        "{page}"
    );

    // The admin's audit log says why.
    let ada = signed_in(&app, common::ADA).await;
    let log = text(&ada.get("/admin/audit").await.text().await.unwrap());
    assert!(
        log.contains("person.departed") || log.contains("identity provider (SCIM)"),
        "{log}"
    );

    // Enabled again: they sign in and mint again.
    let (status, _) = entra
        .send(
            reqwest::Method::PATCH,
            &format!("/Users/{id}"),
            Some(json!({ "schemas": [PATCH],
                         "Operations": [{ "op": "Replace", "path": "active", "value": "True" }] })),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(audit_count(&app, "person.returned").await, 1);
    let back = signed_in(&app, ALICE).await;
    let new_secret = mint_app_password(&back, "Laptop").await;
    assert!(stalwart_accepts(&app, ALICE, &new_secret).await);
}

#[tokio::test]
async fn an_authentik_delete_revokes_the_persons_app_passwords() {
    let app = TestApp::spawn().await;
    let alice = signed_in(&app, ALICE).await;
    let secret = mint_app_password(&alice, "Thunderbird").await;
    let authentik = idp(&app, "acme").await;
    // Authentik's SCIM provider: userName is the username, the address is in emails.
    let (status, created) = authentik
        .send(
            reqwest::Method::POST,
            "/Users",
            Some(json!({
                "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
                "userName": "alice",
                "name": { "formatted": "Alice Anders", "givenName": "Alice", "familyName": "Anders" },
                "displayName": "Alice Anders",
                "active": true,
                "emails": [{ "value": ALICE, "type": "other", "primary": true }],
                "externalId": "2f1c4e6a8b0d"
            })),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED);
    let id = created["id"].as_str().unwrap();

    let (status, _) = authentik
        .send(reqwest::Method::DELETE, &format!("/Users/{id}"), None)
        .await;

    assert_eq!(status, StatusCode::NO_CONTENT);
    assert!(!stalwart_accepts(&app, ALICE, &secret).await);
    assert!(!still_signed_in(&alice).await);
    let (status, gone) = authentik
        .send(reqwest::Method::GET, &format!("/Users/{id}"), None)
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(
        gone["schemas"][0],
        "urn:ietf:params:scim:api:messages:2.0:Error"
    );
    assert_eq!(audit_count(&app, "person.departed").await, 1);
}

#[tokio::test]
async fn every_machine_endpoint_refuses_no_token_a_wrong_one_and_another_organisations() {
    let app = TestApp::spawn().await;
    let acme = idp(&app, "acme").await;
    let beta = idp(&app, "beta").await;
    let mut walked = 0;
    for route in app::routes()
        .iter()
        .filter(|r| r.kind == app::routing::Kind::Api && r.path.starts_with("/scim/"))
    {
        let path = route.fill(|p| match p {
            "org" => "beta".to_owned(),
            _ => "some-id".to_owned(),
        });
        for token in [None, Some("scim_wrong"), Some(acme.token.as_str())] {
            let mut request = reqwest::Client::new().get(format!("{}{path}", app.url));
            if let Some(t) = token {
                request = request.bearer_auth(t);
            }
            let response = request.send().await.unwrap();
            assert_eq!(
                response.status(),
                StatusCode::UNAUTHORIZED,
                "{path} with {token:?}"
            );
        }
        walked += 1;
    }
    assert!(walked >= 5, "walked {walked}");
    // Beta's own token works on Beta's endpoint.
    let (status, config) = beta
        .send(reqwest::Method::GET, "/ServiceProviderConfig", None)
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(config["patch"]["supported"], true);
    // A cross-site browser cannot reach it, and no session cookie is made for it.
    let response = reqwest::Client::new()
        .post(format!("{}/scim/v2/beta/Users", app.url))
        .header("origin", "https://evil.example")
        .json(&entra_user(BERT))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert!(response.headers().get("set-cookie").is_none());
}

#[tokio::test]
async fn an_organisations_idp_cannot_depart_another_organisations_person() {
    let app = TestApp::spawn().await;
    let bert = signed_in(&app, BERT).await;
    let secret = mint_app_password(&bert, "Phone").await;
    let acme = idp(&app, "acme").await;
    let mut body = entra_user(BERT);
    body["active"] = json!(false);

    let (status, _) = acme.send(reqwest::Method::POST, "/Users", Some(body)).await;

    assert_eq!(
        status,
        StatusCode::CREATED,
        "stored as Acme's, matched to no one"
    );
    assert!(stalwart_accepts(&app, BERT, &secret).await);
    assert!(still_signed_in(&bert).await);
    assert_eq!(audit_count(&app, "person.departed").await, 0);
}

#[tokio::test]
async fn a_mail_server_down_leaves_the_departure_pending_and_the_next_signal_finishes_it() {
    let app = TestApp::spawn().await;
    let alice = signed_in(&app, ALICE).await;
    let secret = mint_app_password(&alice, "iPhone Mail").await;
    let entra = idp(&app, "acme").await;
    let (_, created) = entra
        .send(reqwest::Method::POST, "/Users", Some(entra_user(ALICE)))
        .await;
    let id = created["id"].as_str().unwrap().to_owned();
    app.simulator
        .store()
        .fail_next_call("x:AppPassword/query", Fault::Status(503));

    let (status, _) = entra
        .send(
            reqwest::Method::PATCH,
            &format!("/Users/{id}"),
            Some(entra_disable()),
        )
        .await;

    assert_eq!(status, StatusCode::OK, "the IdP's word is recorded");
    assert!(!still_signed_in(&alice).await, "sessions end at once");
    assert!(
        stalwart_accepts(&app, ALICE, &secret).await,
        "not revoked yet"
    );
    let pending: (Option<i64>, Option<String>) =
        sqlx::query_as("SELECT revoked_at, last_error FROM departures WHERE organisation = 'acme'")
            .fetch_one(&app.db().await.pool)
            .await
            .unwrap();
    assert!(pending.0.is_none() && pending.1.is_some(), "{pending:?}");

    // Entra sends its state again on its next cycle.
    let (status, _) = entra
        .send(
            reqwest::Method::PATCH,
            &format!("/Users/{id}"),
            Some(entra_disable()),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(!stalwart_accepts(&app, ALICE, &secret).await);
    assert_eq!(
        audit_count(&app, "person.departed").await,
        1,
        "departed once"
    );
    assert_eq!(audit_count(&app, "person.credentials_revoke").await, 1);
}

#[tokio::test]
async fn two_instances_told_at_once_act_on_a_disable_exactly_once() {
    let app = TestApp::spawn().await;
    let alice = signed_in(&app, ALICE).await;
    mint_app_password(&alice, "iPhone Mail").await;
    mint_app_password(&alice, "Laptop").await;
    let other = app.another_instance().await;
    let first = idp(&app, "acme").await;
    let (_, created) = first
        .send(reqwest::Method::POST, "/Users", Some(entra_user(ALICE)))
        .await;
    let id = created["id"].as_str().unwrap().to_owned();
    let second = Idp {
        base: format!("{other}/scim/v2/acme"),
        token: first.token.clone(),
    };
    let path = format!("/Users/{id}");

    let (a, b) = tokio::join!(
        first.send(reqwest::Method::PATCH, &path, Some(entra_disable())),
        second.send(reqwest::Method::PATCH, &path, Some(entra_disable())),
    );

    assert_eq!((a.0, b.0), (StatusCode::OK, StatusCode::OK));
    assert!(app.simulator.store().app_passwords_of(ALICE).is_empty());
    assert_eq!(audit_count(&app, "person.departed").await, 1);
    assert_eq!(audit_count(&app, "person.credentials_revoke").await, 1);
}

#[tokio::test]
async fn a_bad_body_or_filter_gets_a_scim_error_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let entra = idp(&app, "acme").await;
    let (status, error) = entra
        .send(
            reqwest::Method::POST,
            "/Users",
            Some(json!({ "active": false })),
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(error["scimType"], "invalidValue");
    let (status, error) = entra
        .send(
            reqwest::Method::GET,
            "/Users?filter=displayName+co+%22x%22",
            None,
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(error["scimType"], "invalidFilter");
    let (status, _) = entra
        .send(reqwest::Method::POST, "/Users", Some(entra_user(ALICE)))
        .await;
    assert_eq!(status, StatusCode::CREATED);
    let (status, error) = entra
        .send(reqwest::Method::POST, "/Users", Some(entra_user(ALICE)))
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(error["scimType"], "uniqueness");
    let (_, list) = entra.send(reqwest::Method::GET, "/Users", None).await;
    assert_eq!(list["totalResults"], 1);
}
