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
