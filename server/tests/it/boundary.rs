//! The tenant boundary, for every route the areas declare: the list the router is built from
//! is the list walked here, so a new route is checked without anyone adding it.

use crate::common::{ADA, ALICE, BERT, Browser, TestApp, location, seed};
use app::ssr::http::Access;
use reqwest::{Method, StatusCode};

/// Every field any form takes, filled in, so that a request reaches its handler.
const ANY_FORM: &[(&str, &str)] = &[
    ("local_part", "intruder"),
    ("domain", "beta.test"),
    ("display_name", "Intruder"),
    ("quota_gb", "1"),
    ("aliases", ""),
    ("alias", "bert@beta.test"),
    ("password", "violet-harbour-tangent-47"),
    ("confirm", BERT),
    ("address", "intruder@beta.test"),
    ("member", BERT),
    ("request_id", "abcdefghijklmnopqrstuvwx"),
    ("name", "Intruder"),
    ("expiry", "never"),
    ("networks", ""),
    ("scope", "mail"),
];

async fn send(browser: &Browser, method: &Method, path: &str) -> reqwest::Response {
    let request = browser.client.request(method.clone(), browser.url(path));
    let request = if *method == Method::POST {
        request.form(ANY_FORM)
    } else {
        request
    };
    request.send().await.unwrap()
}

#[tokio::test]
async fn every_route_turns_away_strangers_non_admins_and_other_organisations() {
    // Acme is a partner (of no organisation yet); Beta is not.
    let app = TestApp::spawn_with(seed(), |c| {
        *c = c.replace(
            "display_name = \"Acme Corp\"",
            "display_name = \"Acme Corp\"\n            partner = true",
        );
    })
    .await;
    let bert_credential = {
        let mut store = app.simulator.store();
        let bert = store.account_by_address(BERT).unwrap().id;
        let admin = testkit::stalwart::Caller::recovery_admin();
        let args = serde_json::json!({"accountId": testkit::stalwart::ids::encode_id(bert as u64),
            "create": {"k": {"description": "Bert phone"}}});
        store.call(
            admin,
            "x:AppPassword/set",
            args.as_object().unwrap().clone(),
        );
        store.app_passwords_of(BERT)[0].0.clone()
    };
    let bert = {
        let store = app.simulator.store();
        testkit::stalwart::ids::encode_id(store.account_by_address(BERT).unwrap().id as u64)
    };
    let anonymous = app.browser();
    let user = app.browser();
    assert_eq!(location(&user.sign_in(ALICE).await), "/account");
    let admin = app.browser();
    assert_eq!(location(&admin.sign_in(ADA).await), "/account");
    let other_admin = app.browser();
    assert_eq!(location(&other_admin.sign_in(BERT).await), "/account");
    let before = app.stalwart_snapshot();

    let routes = app::routes();
    assert!(routes.len() >= 15, "the registry lists every route");
    let mut checked_foreign = 0;
    for route in routes.iter().filter(|r| r.access != Access::Public) {
        // Another organisation's objects: Beta's mailbox, credential and domain.
        let foreign = route
            .path
            .replace(
                "/app-passwords/{id}",
                &format!("/app-passwords/{bert_credential}"),
            )
            .replace("{id}", &bert)
            .replace("{credential}", &bert_credential)
            .replace("{name}", "beta.test")
            .replace("{slug}", "beta")
            .replace("{domain}", "beta.test");
        let method = &route.method;

        let response = send(&anonymous, method, &foreign).await;
        assert_eq!(
            response.status(),
            StatusCode::SEE_OTHER,
            "{method} {foreign} signed out"
        );
        assert_eq!(
            location(&response),
            "/",
            "{method} {foreign}: to the sign-in page"
        );

        if matches!(route.access, Access::Admin | Access::Partner) {
            let response = send(&user, method, &foreign).await;
            assert_eq!(
                response.status(),
                StatusCode::FORBIDDEN,
                "{method} {foreign} as a user"
            );
        }
        if route.access == Access::Partner {
            // An admin, but of an organisation that is not a partner.
            let response = send(&other_admin, method, &foreign).await;
            assert_eq!(
                response.status(),
                StatusCode::FORBIDDEN,
                "{method} {foreign} as the admin of a non-partner"
            );
        }

        if route.path.contains('{') {
            // A partner reaching for an organisation it does not manage: not found.
            let who = if matches!(route.access, Access::Admin | Access::Partner) {
                &admin
            } else {
                &user
            };
            let response = send(who, method, &foreign).await;
            assert_eq!(
                response.status(),
                StatusCode::NOT_FOUND,
                "{method} {foreign} across tenants"
            );
            checked_foreign += 1;
        }
    }
    assert!(checked_foreign >= 10, "{checked_foreign} routes with ids");
    assert_eq!(
        app.stalwart_snapshot(),
        before,
        "nothing changed at Stalwart"
    );
}

/// The boundary against what organisations and partners control themselves: an IdP that
/// vouches for the mail server's own accounts, and URLs that point inside the portal's
/// network. Each URL form is refused in words, and nothing is added.
#[tokio::test]
async fn protected_accounts_cannot_sign_in_and_partners_cannot_point_the_portal_inside() {
    let s = crate::partners::scene().await;
    let app = &s.app;

    // Acme's IdP vouches for the account that owns Postern's API key.
    app.issuer_a.add_user(testkit::oidc::User::new(
        "postern@acme.test",
        "Key owner",
        &[],
    ));
    let owner = app.browser();
    assert_eq!(location(&owner.sign_in("postern@acme.test").await), "/");
    assert!(
        crate::common::text(&owner.start_page().await)
            .contains("managed by your mail server's operator")
    );

    let ada = crate::partners::signed_in(app, ADA).await;
    crate::partners::create_gamma(&ada).await;
    let gamma = crate::partners::GAMMA;
    let inside = [
        "https://169.254.169.254/",
        "https://10.0.0.1/",
        "https://192.168.1.1:8443/",
        "https://[::ffff:a9fe:a9fe]/",
        "https://[64:ff9b::a9fe:a9fe]/",
        "https://2852039166/",
        "https://[fe80::1]/",
        "https://100.64.0.1/",
    ];
    for url in inside {
        ada.post_form(
            &format!("{gamma}/mail-server/new"),
            &[
                ("name", "inside"),
                ("url", url),
                ("api_key", crate::common::API_KEY),
            ],
        )
        .await;
        let html = crate::partners::page(&ada, gamma).await;
        assert!(
            html.contains("private or local network"),
            "mail server at {url}: {}",
            crate::partners::main_of(&html)
        );
        ada.post_form(
            &format!("{gamma}/idp/discover"),
            &[("issuer", url), ("client_id", "x")],
        )
        .await;
        let html = crate::partners::page(&ada, gamma).await;
        assert!(
            html.contains("private or local network"),
            "issuer at {url}: {}",
            crate::partners::main_of(&html)
        );
    }
    let mut tx = app.db().await.pool.begin().await.unwrap();
    let servers = app::ssr::db::directory::mail_servers_in(&mut tx)
        .await
        .unwrap();
    assert!(servers.iter().all(|s| s.name == "shared"), "nothing added");
}
