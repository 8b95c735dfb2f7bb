//! Sign-in through each organisation's IdP, and every way the answer from an IdP must be refused.

use crate::common;

use common::{ALICE, BERT, NOMAIL, TestApp, location, text};
use reqwest::StatusCode;
use testkit::oidc::Tweak;

#[tokio::test]
async fn an_organisation_a_user_signs_in_and_sees_their_mailbox() {
    let app = TestApp::spawn().await;
    let browser = app.browser();

    let done = browser.sign_in(ALICE).await;

    assert_eq!(done.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&done), "/account");
    let page = text(&browser.get("/account").await.text().await.unwrap());
    assert!(page.contains("Alice Anders"), "{page}");
    assert!(page.contains("Acme Corp"));
    assert!(page.contains("alice@acme.test"));
    assert!(page.contains("a.anders@acme.test"), "alias shown: {page}");
    assert!(page.contains("0 bytes of 1 GB"), "quota shown: {page}");
    assert!(page.contains(">User<"), "role: {page}");
}

#[tokio::test]
async fn an_organisation_b_user_signs_in_through_an_issuer_with_a_trailing_slash() {
    let app = TestApp::spawn().await;
    assert!(app.issuer_b.issuer.ends_with("/application/o/beta/"));
    let browser = app.browser();

    let done = browser.sign_in(BERT).await;

    assert_eq!(location(&done), "/account");
    let page = text(&browser.get("/account").await.text().await.unwrap());
    assert!(page.contains("Beta Ltd"), "{page}");
    assert!(page.contains("bert@beta.test"));
    assert!(
        page.contains("Administrator of your organisation"),
        "beta-admins group: {page}"
    );
}

#[tokio::test]
async fn a_trailing_slash_missing_from_the_configuration_is_tolerated() {
    // Same IdP, configured without its trailing slash: discovery still matches, and the
    // IdP's own spelling is what tokens are checked against.
    let app = TestApp::spawn_with(common::seed(), |config| {
        *config = config.replace("/application/o/beta/\"", "/application/o/beta\"");
    })
    .await;
    let browser = app.browser();

    let done = browser.sign_in(BERT).await;

    assert_eq!(location(&done), "/account");
}

#[tokio::test]
async fn an_unknown_domain_gets_a_clear_message_and_keeps_the_address() {
    let app = TestApp::spawn().await;
    let browser = app.browser();

    let response = browser.start_sign_in("someone@unknown.example").await;

    assert_eq!(location(&response), "/");
    let page = text(&browser.start_page().await);
    assert!(
        page.contains("We do not know an organisation for “unknown.example”"),
        "{page}"
    );
    assert!(
        page.contains("value=\"someone@unknown.example\""),
        "address kept: {page}"
    );
    // The message is shown once.
    assert!(!text(&browser.start_page().await).contains("We do not know"));
}

#[tokio::test]
async fn an_address_without_a_domain_is_refused_with_an_example() {
    let app = TestApp::spawn().await;
    let browser = app.browser();

    browser.start_sign_in("alice").await;

    assert!(
        text(&browser.start_page().await).contains("Please enter your full work e-mail address")
    );
}

#[tokio::test]
async fn an_idp_that_is_down_gets_a_clear_message() {
    let app = TestApp::spawn_with(common::seed(), |config| {
        // Port 9 (discard) on loopback: nothing listens there.
        let start = config.find("[organisations.acme.oidc]").unwrap();
        let issuer_line = config[start..].find("issuer = ").unwrap() + start;
        let end = config[issuer_line..].find('\n').unwrap() + issuer_line;
        config.replace_range(issuer_line..end, "issuer = \"http://127.0.0.1:9\"");
    })
    .await;
    let browser = app.browser();

    let response = browser.start_sign_in(ALICE).await;

    assert_eq!(location(&response), "/");
    let page = text(&browser.start_page().await);
    assert!(
        page.contains("We could not reach the sign-in service of Acme Corp"),
        "{page}"
    );
}

#[tokio::test]
async fn the_authorization_request_uses_pkce_state_nonce_and_the_login_hint() {
    let app = TestApp::spawn().await;
    let browser = app.browser();

    browser.sign_in(ALICE).await;

    let request = app.issuer_a.authorize_requests().pop().unwrap();
    assert_eq!(request["code_challenge_method"], "S256");
    assert!(request["code_challenge"].len() >= 43);
    assert!(request["state"].len() >= 16);
    assert!(request["nonce"].len() >= 16);
    assert_eq!(request["login_hint"], ALICE);
    assert!(request["scope"].contains("openid"));
}

#[tokio::test]
async fn a_user_without_a_mailbox_is_told_to_ask_their_administrator() {
    let app = TestApp::spawn().await;
    let browser = app.browser();
    browser.sign_in(NOMAIL).await;

    let page = text(&browser.get("/account").await.text().await.unwrap());

    assert!(page.contains("You do not have a mailbox yet"), "{page}");
    assert!(page.contains("ask your administrator"));
}

#[tokio::test]
async fn stalwart_being_down_is_explained_on_the_account_page() {
    let app = TestApp::spawn().await;
    let browser = app.browser();
    browser.sign_in(ALICE).await;
    app.simulator
        .store()
        .faults
        .push_back(testkit::stalwart::Fault::Status(503));
    app.simulator
        .store()
        .faults
        .push_back(testkit::stalwart::Fault::Status(503));

    let response = browser.get("/account").await;

    assert_eq!(response.status(), StatusCode::OK);
    let page = text(&response.text().await.unwrap());
    assert!(page.contains("the mail server is not responding"), "{page}");
    assert!(page.contains("Try again"));
}

/// Runs a sign-in whose token the IdP spoils with `tweak`; the user must not be signed in.
async fn assert_rejected(tweak: Tweak) {
    let app = TestApp::spawn().await;
    app.issuer_a.set_tweak(tweak);
    let browser = app.browser();

    let done = browser.sign_in(ALICE).await;

    assert_eq!(
        location(&done),
        "/",
        "a rejected sign-in goes back to the start"
    );
    assert!(text(&browser.start_page().await).contains("We could not verify the answer"));
    let account = browser.get("/account").await.text().await.unwrap();
    assert!(
        !account.contains("alice@acme.test"),
        "must not be signed in"
    );
}

#[tokio::test]
async fn an_id_token_from_the_wrong_issuer_is_rejected() {
    assert_rejected(Tweak::WrongIssuer).await;
}

#[tokio::test]
async fn an_id_token_for_another_audience_is_rejected() {
    assert_rejected(Tweak::WrongAudience).await;
}

#[tokio::test]
async fn an_id_token_with_another_nonce_is_rejected() {
    assert_rejected(Tweak::WrongNonce).await;
}

#[tokio::test]
async fn an_id_token_with_a_bad_signature_is_rejected() {
    assert_rejected(Tweak::BadSignature).await;
}

#[tokio::test]
async fn an_expired_id_token_is_rejected() {
    assert_rejected(Tweak::Expired).await;
}

#[tokio::test]
async fn an_unsigned_alg_none_id_token_is_rejected() {
    assert_rejected(Tweak::AlgNone).await;
}

#[tokio::test]
async fn a_token_from_organisation_b_issuer_presented_to_organisation_a_is_rejected() {
    let app = TestApp::spawn().await;
    // Organisation A's token endpoint hands out a token that organisation B's issuer minted and signed.
    app.issuer_a
        .set_tweak(Tweak::FromIssuer(app.issuer_b.clone()));
    let browser = app.browser();

    let done = browser.sign_in(ALICE).await;

    assert_eq!(location(&done), "/");
    assert!(
        !browser
            .get("/account")
            .await
            .text()
            .await
            .unwrap()
            .contains("alice@acme.test")
    );
}

#[tokio::test]
async fn a_code_from_organisation_b_presented_with_organisation_a_state_is_rejected() {
    let app = TestApp::spawn().await;
    let browser = app.browser();
    // Start at organisation A, but complete the flow with a code and issuer from organisation B.
    let start_a = browser.start_sign_in(ALICE).await;
    let callback_a = browser.authorize(&start_a).await;
    let other = app.browser();
    let start_b = other.start_sign_in(BERT).await;
    let callback_b = other.authorize(&start_b).await;
    let state_a = url::Url::parse(&callback_a)
        .unwrap()
        .query_pairs()
        .find(|(k, _)| k == "state")
        .unwrap()
        .1
        .into_owned();
    let mut forged = url::Url::parse(&callback_b).unwrap();
    let pairs: Vec<(String, String)> = forged
        .query_pairs()
        .map(|(k, v)| {
            let value = if k == "state" {
                state_a.clone()
            } else {
                v.into_owned()
            };
            (k.into_owned(), value)
        })
        .collect();
    forged.query_pairs_mut().clear().extend_pairs(pairs);

    let done = browser.client.get(forged.as_str()).send().await.unwrap();

    assert_eq!(location(&done), "/");
    assert!(
        !browser
            .get("/account")
            .await
            .text()
            .await
            .unwrap()
            .contains("bert@beta.test")
    );
}

#[tokio::test]
async fn a_state_that_does_not_match_is_rejected() {
    let app = TestApp::spawn().await;
    let browser = app.browser();
    let start = browser.start_sign_in(ALICE).await;
    let callback = browser.authorize(&start).await;
    let mut url = url::Url::parse(&callback).unwrap();
    let pairs: Vec<(String, String)> = url
        .query_pairs()
        .map(|(k, v)| {
            let value = if k == "state" {
                "forged-state".to_owned()
            } else {
                v.into_owned()
            };
            (k.into_owned(), value)
        })
        .collect();
    url.query_pairs_mut().clear().extend_pairs(pairs);

    let done = browser.client.get(url.as_str()).send().await.unwrap();

    assert_eq!(location(&done), "/");
    assert!(text(&browser.start_page().await).contains("We could not verify the answer"));
}

#[tokio::test]
async fn a_state_cannot_be_used_twice() {
    let app = TestApp::spawn().await;
    let browser = app.browser();
    let start = browser.start_sign_in(ALICE).await;
    let callback = browser.authorize(&start).await;
    let first = browser.client.get(&callback).send().await.unwrap();
    assert_eq!(location(&first), "/account");
    // Sign out, then replay the same callback URL (same state, same code).
    browser.post_form("/auth/logout", &[]).await;

    let replay = browser.client.get(&callback).send().await.unwrap();

    assert_eq!(location(&replay), "/");
    assert!(text(&browser.start_page().await).contains("already used"));
    assert!(
        !browser
            .get("/account")
            .await
            .text()
            .await
            .unwrap()
            .contains("alice@acme.test")
    );
}

#[tokio::test]
async fn an_idp_address_outside_the_organisation_domains_is_refused() {
    let app = TestApp::spawn().await;
    app.issuer_a.add_user(testkit::oidc::User::new(
        "mallory@beta.test",
        "Mallory",
        &[],
    ));
    let browser = app.browser();

    // Typed an Acme address, but the Acme IdP vouches for a beta.test address.
    let start = browser.start_sign_in("mallory@acme.test").await;
    let authorize = location(&start).replace("mallory%40acme.test", "mallory%40beta.test");
    let idp = browser.client.get(&authorize).send().await.unwrap();
    let done = browser.client.get(location(&idp)).send().await.unwrap();

    assert_eq!(location(&done), "/");
    assert!(text(&browser.start_page().await).contains("which is not an address of Acme Corp"));
}

#[tokio::test]
async fn the_user_row_is_upserted_with_groups_and_role() {
    let app = TestApp::spawn().await;
    let browser = app.browser();
    browser.sign_in(common::ADA).await;
    browser.post_form("/auth/logout", &[]).await;
    browser.sign_in(common::ADA).await;

    let db = app.db().await;
    let users: Vec<(i64, String, String, i64)> =
        sqlx::query_as("SELECT id, organisation, email, is_admin FROM users")
            .fetch_all(&db.pool)
            .await
            .unwrap();

    assert_eq!(users.len(), 1, "second sign-in updates the same row");
    assert_eq!(users[0].1, "acme");
    assert_eq!(users[0].2, common::ADA);
    assert_eq!(users[0].3, 1, "mail-admins group makes an admin");
}
