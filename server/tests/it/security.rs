//! Session cookie attributes, session id rotation, server-side sign-out, response headers and
//! cross-site request refusal.

use crate::common;

use common::{ALICE, TestApp, location};
use reqwest::StatusCode;
use reqwest::header::SET_COOKIE;

fn session_set_cookie(response: &reqwest::Response) -> Option<String> {
    response
        .headers()
        .get_all(SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("postern_session="))
        .map(str::to_owned)
}

#[tokio::test]
async fn the_session_cookie_is_http_only_and_same_site_lax() {
    let app = TestApp::spawn().await;
    let browser = app.browser();

    let start = browser.start_sign_in(ALICE).await;

    let cookie = session_set_cookie(&start).expect("a session starts with the sign-in");
    assert!(cookie.contains("HttpOnly"), "{cookie}");
    assert!(cookie.contains("SameSite=Lax"), "{cookie}");
    assert!(cookie.contains("Path=/"), "{cookie}");
    // Plain-http loopback development: not Secure (the browser would drop it).
    assert!(!cookie.contains("Secure"), "{cookie}");
}

#[tokio::test]
async fn behind_https_the_cookie_is_secure_host_prefixed_and_hsts_is_sent() {
    let app = TestApp::spawn_with(common::seed(), |config| {
        *config = config.replace(
            "public_url = \"http://127.0.0.1:0\"",
            "public_url = \"https://portal.acme.test\"",
        );
    })
    .await;
    let browser = app.browser();
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert("origin", "https://portal.acme.test".parse().unwrap());

    let start = browser
        .client
        .post(browser.url("/auth/login"))
        .headers(headers)
        .form(&[("email", ALICE)])
        .send()
        .await
        .unwrap();

    let cookie = start
        .headers()
        .get_all(SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("__Host-postern_session="))
        .expect("secure session cookie")
        .to_owned();
    assert!(
        cookie.contains("Secure") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    assert!(
        start.headers()["strict-transport-security"]
            .to_str()
            .unwrap()
            .contains("max-age=")
    );
}

#[tokio::test]
async fn the_session_id_changes_at_sign_in() {
    let app = TestApp::spawn().await;
    let browser = app.browser();
    let start = browser.start_sign_in(ALICE).await;
    let before = browser.session_cookie().expect("pre-login session");
    let callback = browser.authorize(&start).await;

    let done = browser.client.get(&callback).send().await.unwrap();

    assert_eq!(location(&done), "/account");
    let after = browser.session_cookie().expect("session after login");
    assert_ne!(before, after, "session id must be rotated at sign-in");
    // The pre-login id is worthless now.
    let fixation = app.browser();
    fixation.jar.add_cookie_str(
        &format!("postern_session={before}"),
        &app.url.parse().unwrap(),
    );
    assert!(
        !fixation
            .get("/account")
            .await
            .text()
            .await
            .unwrap()
            .contains("alice@acme.test")
    );
}

#[tokio::test]
async fn sign_out_invalidates_the_session_on_the_server() {
    let app = TestApp::spawn().await;
    let browser = app.browser();
    browser.sign_in(ALICE).await;
    let id = browser.session_cookie().unwrap();

    let out = browser.post_form("/auth/logout", &[]).await;

    // The IdP offers end_session: the browser is sent there with a hint and a way back.
    let to = location(&out);
    assert!(to.starts_with(&app.issuer_a.issuer), "{to}");
    assert!(
        to.contains("id_token_hint=") && to.contains("post_logout_redirect_uri="),
        "{to}"
    );
    // Replaying the old cookie from another client gets nowhere.
    let thief = app.browser();
    thief
        .jar
        .add_cookie_str(&format!("postern_session={id}"), &app.url.parse().unwrap());
    let page = thief.get("/account").await;
    assert_eq!(
        location(&page),
        "/",
        "signed out sessions are redirected to the start"
    );
}

#[tokio::test]
async fn pages_carry_the_security_headers() {
    let app = TestApp::spawn().await;
    let browser = app.browser();

    let response = browser.get("/").await;

    assert_eq!(response.status(), StatusCode::OK);
    let h = response.headers();
    let csp = h["content-security-policy"].to_str().unwrap();
    assert!(
        csp.contains("script-src 'self' 'wasm-unsafe-eval'"),
        "{csp}"
    );
    assert!(
        !csp.contains("unsafe-eval'") || csp.contains("wasm-unsafe-eval"),
        "{csp}"
    );
    assert!(!csp.contains("'unsafe-eval'"), "{csp}");
    assert!(!csp.contains("unsafe-inline"), "{csp}");
    assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    assert!(
        csp.contains(&app.issuer_a.issuer),
        "IdP allowed as a form target: {csp}"
    );
    assert_eq!(h["x-content-type-options"], "nosniff");
    assert!(h.contains_key("referrer-policy"));
    // Plain http: no HSTS (it would be ignored, and it must not pin a dev host).
    assert!(!h.contains_key("strict-transport-security"));
    // The inline bootstrap script carries the response's nonce.
    let nonce = csp
        .split("'nonce-")
        .nth(1)
        .unwrap()
        .split('\'')
        .next()
        .unwrap()
        .to_owned();
    let html = response.text().await.unwrap();
    assert!(html.contains(&format!("nonce=\"{nonce}\"")), "{html}");
}

#[tokio::test]
async fn a_cross_site_form_post_is_refused() {
    let app = TestApp::spawn().await;
    let browser = app.browser();
    browser.sign_in(ALICE).await;

    let forged = browser
        .client
        .post(browser.url("/auth/logout"))
        .header("origin", "https://evil.example")
        .send()
        .await
        .unwrap();
    let fetch_metadata = browser
        .client
        .post(browser.url("/auth/logout"))
        .header("sec-fetch-site", "cross-site")
        .send()
        .await
        .unwrap();

    assert_eq!(forged.status(), StatusCode::FORBIDDEN);
    assert_eq!(fetch_metadata.status(), StatusCode::FORBIDDEN);
    assert!(
        browser
            .get("/account")
            .await
            .text()
            .await
            .unwrap()
            .contains("alice@acme.test"),
        "still signed in"
    );
}

#[tokio::test]
async fn tokens_never_reach_the_browser() {
    let app = TestApp::spawn().await;
    let browser = app.browser();
    let done = browser.sign_in(ALICE).await;

    let cookies: Vec<String> = done
        .headers()
        .get_all(SET_COOKIE)
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .collect();
    let page = browser.get("/account").await.text().await.unwrap();

    // An ID token is a JWT ("eyJ…"); neither cookies nor the page may carry one.
    assert!(cookies.iter().all(|c| !c.contains("eyJ")), "{cookies:?}");
    assert!(!page.contains("eyJ"), "{page}");
}

async fn sign_in_ips(app: &TestApp) -> Vec<String> {
    let db = app.db().await;
    sqlx::query_scalar("SELECT ip FROM audit_events WHERE action = 'user.sign_in' ORDER BY id")
        .fetch_all(&db.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn the_audit_log_believes_x_forwarded_for_only_from_a_trusted_proxy() {
    // The client forged "1.1.1.1"; the proxy on loopback appended the address it saw.
    let forwarded = [("x-forwarded-for", "1.1.1.1, 203.0.113.7")];

    let direct = TestApp::spawn().await;
    let browser = direct.browser_with_headers(&forwarded);
    assert_eq!(location(&browser.sign_in(ALICE).await), "/account");
    assert_eq!(
        sign_in_ips(&direct).await,
        ["127.0.0.1"],
        "no proxy is trusted"
    );

    let proxied = TestApp::spawn_with(common::seed(), |config| {
        *config = config.replace(
            "[server]\n",
            "[server]\ntrusted_proxies = [\"127.0.0.0/8\", \"::1/128\"]\n",
        );
    })
    .await;
    let browser = proxied.browser_with_headers(&forwarded);
    assert_eq!(location(&browser.sign_in(ALICE).await), "/account");
    assert_eq!(sign_in_ips(&proxied).await, ["203.0.113.7"]);
}
