//! The organisation boundary, for every route the areas declare: the list the router is built from
//! is the list walked here, so a new route is checked without anyone adding it.

use crate::common::{ADA, ALICE, BERT, Browser, TestApp, location, seed};
use app::routing::Target;
use app::routing::{Access, Kind, Route};
use reqwest::StatusCode;

/// Sends `route` at `path` as a browser would: a post carries the route's own form, filled
/// in for `target`.
pub async fn send(
    browser: &Browser,
    route: &Route,
    path: &str,
    target: &Target,
) -> reqwest::Response {
    match route.sample {
        Some(sample) => browser
            .client
            .post(browser.url(path))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(sample(target)),
        // A page or download is opened the way a browser navigates: asking for HTML, with the
        // browser's cookies and no Origin.
        None => reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .cookie_provider(browser.jar.clone())
            .build()
            .unwrap()
            .get(browser.url(path))
            .header("accept", "text/html,application/xhtml+xml,*/*;q=0.8"),
    }
    .send()
    .await
    .unwrap()
}

/// Beta's things, which nobody at Acme may reach.
pub fn beta() -> Target {
    Target {
        domain: "beta.test".into(),
        address: BERT.into(),
        slug: "beta".into(),
    }
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
    let target = beta();

    let routes = app::routes();
    let mut walked = std::collections::BTreeMap::<&str, usize>::new();
    let mut checked_foreign = 0;
    // Machines' endpoints have no session to sign in with: `scim::every_machine_endpoint_…`.
    let browsers = routes
        .iter()
        .filter(|r| !matches!(r.access, Access::Public | Access::Token));
    for route in browsers {
        // Another organisation's objects: Beta's mailbox, credential, domain and slug.
        let foreign = route.fill(|param| match param {
            "id" if route.path.starts_with("/app-passwords/:id") => bert_credential.clone(),
            "id" => bert.clone(),
            "credential" => bert_credential.clone(),
            "name" | "domain" => target.domain.clone(),
            "slug" => target.slug.clone(),
            other => panic!("{}: no foreign value for :{other}", route.path),
        });
        let method = &route.method;

        let response = send(&anonymous, route, &foreign, &target).await;
        assert!(
            response.status().is_redirection(),
            "{method} {foreign} signed out: {}",
            response.status()
        );
        assert_eq!(
            location(&response),
            "/",
            "{method} {foreign}: to the sign-in page"
        );

        if matches!(route.access, Access::Admin | Access::Partner) {
            let response = send(&user, route, &foreign, &target).await;
            assert_eq!(
                response.status(),
                StatusCode::FORBIDDEN,
                "{method} {foreign} as a user"
            );
        }
        if route.access == Access::Partner {
            // An admin, but of an organisation that is not a partner.
            let response = send(&other_admin, route, &foreign, &target).await;
            assert_eq!(
                response.status(),
                StatusCode::FORBIDDEN,
                "{method} {foreign} as the admin of a non-partner"
            );
        }

        if route.params().next().is_some() {
            // Reaching for another organisation's things: not found.
            let who = if matches!(route.access, Access::Admin | Access::Partner) {
                &admin
            } else {
                &user
            };
            let response = send(who, route, &foreign, &target).await;
            assert_eq!(
                response.status(),
                StatusCode::NOT_FOUND,
                "{method} {foreign} across organisations"
            );
            checked_foreign += 1;
        }
        *walked
            .entry(match route.kind {
                Kind::Page => "pages",
                Kind::Post => "posts",
                Kind::Download => "downloads",
                Kind::Api => unreachable!("machines' endpoints are not walked here"),
            })
            .or_default() += 1;
    }
    println!("walked {walked:?}, {checked_foreign} of them with another organisation's ids");
    assert!(walked["pages"] >= 15 && walked["posts"] >= 30, "{walked:?}");
    assert!(checked_foreign >= 25, "{checked_foreign} routes with ids");
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
    let servers = app::ssr::db::organisations::mail_servers_in(&mut tx)
        .await
        .unwrap();
    assert!(servers.iter().all(|s| s.name == "shared"), "nothing added");
}
