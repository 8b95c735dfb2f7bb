//! App passwords: created once, shown once, usable at Stalwart at once, revocable at once;
//! every failure leaves no half-done state behind.

use crate::common;

use common::{ALICE, BERT, Browser, TestApp, form_request_id, location, text};
use reqwest::StatusCode;
use std::time::Duration;
use testkit::stalwart::Fault;

async fn create(browser: &Browser, request_id: &str, fields: &[(&str, &str)]) -> reqwest::Response {
    let mut form = vec![("request_id", request_id)];
    form.extend_from_slice(fields);
    browser.post_form("/app-passwords/new", &form).await
}

fn secret_in(html: &str) -> Option<String> {
    let start = html.find("data-copy=\"app_")? + 11;
    Some(html[start..].split('"').next()?.to_owned())
}

/// Whether Stalwart (the simulator) accepts the secret as HTTP Basic on /jmap (live 106).
async fn stalwart_accepts(app: &TestApp, address: &str, secret: &str) -> bool {
    let response = reqwest::Client::new()
        .post(format!("{}/jmap", app.simulator.url))
        .basic_auth(address, Some(secret))
        .header("content-type", "application/json")
        .body(r#"{"using":["urn:ietf:params:jmap:core","urn:stalwart:jmap"],"methodCalls":[["x:AppPassword/query",{},"q"]]}"#)
        .send()
        .await
        .unwrap();
    response.status() == StatusCode::OK
}

async fn signed_in(app: &TestApp, who: &str) -> Browser {
    let browser = app.browser();
    assert_eq!(location(&browser.sign_in(who).await), "/account");
    browser
}

#[tokio::test]
async fn a_user_creates_an_app_password_sees_it_once_uses_it_and_revokes_it() {
    let app = TestApp::spawn().await;
    let browser = signed_in(&app, ALICE).await;
    let request_id = form_request_id(&browser, "/app-passwords/new").await;

    let response = create(
        &browser,
        &request_id,
        &[
            ("name", "iPhone Mail"),
            ("expiry", "90"),
            ("networks", ""),
            ("scope", "mail"),
        ],
    )
    .await;

    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["cache-control"], "no-store");
    let page = text(&response.text().await.unwrap());
    let secret = secret_in(&page).expect("the secret is shown");
    assert_eq!(secret.len(), 40);
    assert!(page.contains("you will not see this password again"));
    assert!(page.contains("mail.acme.test") && page.contains("993") && page.contains("SSL/TLS"));
    assert!(
        stalwart_accepts(&app, ALICE, &secret).await,
        "the new password works at once"
    );

    // The list shows it, without the secret.
    let list = text(&browser.get("/app-passwords").await.text().await.unwrap());
    assert!(list.contains("iPhone Mail"));
    assert!(!list.contains(&secret));
    let id = app.simulator.store().app_passwords_of(ALICE)[0].0.clone();

    let revoked = browser
        .post_form(&format!("/app-passwords/{id}/revoke"), &[])
        .await;

    assert_eq!(location(&revoked), "/app-passwords");
    assert!(
        text(&browser.get("/app-passwords").await.text().await.unwrap())
            .contains("Revoked “iPhone Mail”")
    );
    assert!(
        !stalwart_accepts(&app, ALICE, &secret).await,
        "revocation is effective at once"
    );
}

#[tokio::test]
async fn the_secret_is_not_shown_again_and_a_resubmitted_form_creates_nothing() {
    let app = TestApp::spawn().await;
    let browser = signed_in(&app, ALICE).await;
    let request_id = form_request_id(&browser, "/app-passwords/new").await;
    let first = create(&browser, &request_id, &[("name", "Laptop")])
        .await
        .text()
        .await
        .unwrap();
    let secret = secret_in(&first).unwrap();

    let again = create(&browser, &request_id, &[("name", "Laptop")]).await;

    assert_eq!(again.status(), StatusCode::CONFLICT);
    let page = text(&again.text().await.unwrap());
    assert!(page.contains("This form was already used"), "{page}");
    assert!(!page.contains(&secret));
    assert_eq!(
        app.simulator.store().app_passwords_of(ALICE).len(),
        1,
        "no duplicate"
    );
    let own_pages = (app::routes().into_iter())
        .filter(|r| r.kind == app::routing::Kind::Page)
        .filter(|r| r.access == app::routing::Access::SignedIn && r.params().next().is_none());
    for path in own_pages.map(|r| r.path) {
        assert!(
            !browser
                .get(path)
                .await
                .text()
                .await
                .unwrap()
                .contains(&secret),
            "{path}"
        );
    }
}

#[tokio::test]
async fn mail_only_scope_expiry_and_networks_reach_stalwart() {
    let app = TestApp::spawn().await;
    let browser = signed_in(&app, ALICE).await;
    let request_id = form_request_id(&browser, "/app-passwords/new").await;

    let response = create(
        &browser,
        &request_id,
        &[
            ("name", "Thunderbird"),
            ("expiry", "30"),
            ("networks", "192.0.2.0/24\n2001:db8::/32"),
            ("scope", "mail"),
        ],
    )
    .await;

    assert_eq!(response.status(), StatusCode::OK);
    let request = app
        .simulator
        .store()
        .requests
        .iter()
        .find(|r| r["methodCalls"][0][0] == "x:AppPassword/set")
        .cloned()
        .expect("a create call reached Stalwart");
    let created = &request["methodCalls"][0][1]["create"]["new"];
    assert_eq!(created["description"], "Thunderbird");
    assert_eq!(created["permissions"]["@type"], "Replace");
    assert_eq!(
        created["permissions"]["permissions"]["imapAuthenticate"],
        true
    );
    assert!(
        created["permissions"]["permissions"]
            .get("jmapEmailGet")
            .is_none()
    );
    assert_eq!(
        created["allowedIps"],
        serde_json::json!({"192.0.2.0/24": true, "2001:db8::/32": true})
    );
    assert!(created["expiresAt"].as_str().unwrap().ends_with('Z'));
    let list = text(&browser.get("/app-passwords").await.text().await.unwrap());
    assert!(
        list.contains("Mail only (IMAP, SMTP)") && list.contains("192.0.2.0/24, 2001:db8::/32"),
        "{list}"
    );
}

#[tokio::test]
async fn an_invalid_cidr_or_a_long_name_is_refused_on_the_field_with_values_kept() {
    let app = TestApp::spawn().await;
    let browser = signed_in(&app, ALICE).await;
    let request_id = form_request_id(&browser, "/app-passwords/new").await;

    let bad_cidr = create(
        &browser,
        &request_id,
        &[("name", "Phone"), ("networks", "10.0.0.0/33")],
    )
    .await;
    assert_eq!(bad_cidr.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = text(&bad_cidr.text().await.unwrap());
    assert!(
        page.contains("“10.0.0.0/33” is not an IP address or network"),
        "{page}"
    );
    assert!(page.contains("value=\"Phone\""), "name kept");
    assert!(page.contains(">10.0.0.0/33</textarea>"), "networks kept");

    let long = create(&browser, &request_id, &[("name", &"x".repeat(65))]).await;
    assert_eq!(long.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(text(&long.text().await.unwrap()).contains("Use at most 64 characters"));
    assert!(app.simulator.store().app_passwords_of(ALICE).is_empty());

    // The same form, corrected, still works: a refused attempt did not use up its id.
    let ok = create(
        &browser,
        &request_id,
        &[("name", "Phone"), ("networks", "10.0.0.0/8")],
    )
    .await;
    assert_eq!(ok.status(), StatusCode::OK);
}

#[tokio::test]
async fn an_idp_that_sends_auth_time_only_when_asked_still_gives_a_fresh_sign_in() {
    let app = TestApp::spawn().await;
    // Like node oidc-provider: no auth_time in the ID token unless the request asks for it.
    app.issuer_a
        .set_tweak(testkit::oidc::Tweak::AuthTimeOnlyIfAsked);
    let browser = signed_in(&app, ALICE).await;
    let asked = app.issuer_a.authorize_requests();
    assert!(
        asked.last().is_some_and(|q| q.contains_key("max_age")),
        "the sign-in asks for auth_time: {asked:?}"
    );
    let request_id = form_request_id(&browser, "/app-passwords/new").await;

    let minted = create(&browser, &request_id, &[("name", "Phone")]).await;

    assert_eq!(
        minted.status(),
        StatusCode::OK,
        "minted at once, no second trip to the IdP: {:?}",
        minted.headers().get("location")
    );
    assert_eq!(app.issuer_a.authorize_requests().len(), asked.len());
    assert_eq!(app.simulator.store().app_passwords_of(ALICE).len(), 1);
}

#[tokio::test]
async fn an_old_sign_in_is_sent_through_the_idp_again_and_the_form_comes_back() {
    let app = TestApp::spawn().await;
    // Alice authenticated at her IdP an hour ago; the organisation allows 10 minutes.
    app.issuer_a.set_auth_age_secs(3600);
    let browser = signed_in(&app, ALICE).await;
    let request_id = form_request_id(&browser, "/app-passwords/new").await;

    let response = create(
        &browser,
        &request_id,
        &[
            ("name", "Old phone"),
            ("networks", "192.0.2.0/24"),
            ("scope", "mail"),
        ],
    )
    .await;

    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let to_idp = location(&response);
    assert!(to_idp.starts_with(&app.issuer_a.issuer), "{to_idp}");
    assert!(
        to_idp.contains("max_age=600") && to_idp.contains("prompt=login"),
        "{to_idp}"
    );
    assert!(
        app.simulator.store().app_passwords_of(ALICE).is_empty(),
        "nothing created yet"
    );

    // At the IdP she signs in again (fresh auth_time) and comes back.
    app.issuer_a.set_auth_age_secs(0);
    let idp = browser.client.get(&to_idp).send().await.unwrap();
    let back = browser.client.get(location(&idp)).send().await.unwrap();
    assert_eq!(location(&back), "/app-passwords/new");

    let form = text(
        &browser
            .get("/app-passwords/new")
            .await
            .text()
            .await
            .unwrap(),
    );
    assert!(
        form.contains("Thank you for confirming your sign-in"),
        "{form}"
    );
    assert!(
        form.contains("value=\"Old phone\"") && form.contains(">192.0.2.0/24</textarea>"),
        "values kept: {form}"
    );
    assert!(
        form.contains(&format!("value=\"{request_id}\"")),
        "same attempt"
    );

    let created = create(
        &browser,
        &request_id,
        &[
            ("name", "Old phone"),
            ("networks", "192.0.2.0/24"),
            ("scope", "mail"),
        ],
    )
    .await;
    assert_eq!(created.status(), StatusCode::OK);
    assert!(secret_in(&created.text().await.unwrap()).is_some());
}

#[tokio::test]
async fn a_re_authentication_that_is_not_fresh_creates_nothing() {
    let app = TestApp::spawn().await;
    app.issuer_a.set_auth_age_secs(3600);
    let browser = signed_in(&app, ALICE).await;
    let request_id = form_request_id(&browser, "/app-passwords/new").await;
    let response = create(&browser, &request_id, &[("name", "Phone")]).await;

    // The IdP ignores max_age and vouches for the old sign-in again.
    let idp = browser
        .client
        .get(location(&response))
        .send()
        .await
        .unwrap();
    let back = browser.client.get(location(&idp)).send().await.unwrap();

    assert_eq!(location(&back), "/app-passwords");
    assert!(
        text(&browser.get("/app-passwords").await.text().await.unwrap())
            .contains("did not confirm a fresh sign-in")
    );
    assert!(app.simulator.store().app_passwords_of(ALICE).is_empty());
}

#[tokio::test]
async fn the_stalwart_limit_says_how_many_there_are_and_what_to_do() {
    let app = TestApp::spawn().await;
    let browser = signed_in(&app, ALICE).await;
    for i in 0..5 {
        let id = form_request_id(&browser, "/app-passwords/new").await;
        assert_eq!(
            create(&browser, &id, &[("name", &format!("Device {i}"))])
                .await
                .status(),
            StatusCode::OK
        );
    }
    let id = form_request_id(&browser, "/app-passwords/new").await;

    let sixth = create(&browser, &id, &[("name", "One too many")]).await;

    assert_eq!(sixth.status(), StatusCode::CONFLICT);
    assert!(
        text(&sixth.text().await.unwrap())
            .contains("You already have 5 app passwords; revoke one to create another.")
    );
}

async fn assert_create_fails_cleanly(fault: Fault, status: StatusCode, message: &str) {
    let app = TestApp::spawn().await;
    let browser = signed_in(&app, ALICE).await;
    let request_id = form_request_id(&browser, "/app-passwords/new").await;
    // The mailbox lookup succeeds; the create call meets the fault.
    app.simulator
        .store()
        .fail_next_call("x:AppPassword/set", fault);

    let response = create(&browser, &request_id, &[("name", "Phone")]).await;

    assert_eq!(response.status(), status);
    let page = text(&response.text().await.unwrap());
    assert!(page.contains(message), "{page}");
    assert!(secret_in(&page).is_none());
    assert!(
        page.contains("value=\"Phone\""),
        "the form keeps its values"
    );
    let db = app.db().await;
    let audited: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_events WHERE action = 'app_password.create'",
    )
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert_eq!(audited, 0, "nothing claims success");
}

#[tokio::test]
async fn stalwart_failing_with_5xx_on_create_is_explained_and_nothing_is_recorded() {
    assert_create_fails_cleanly(
        Fault::Status(503),
        StatusCode::SERVICE_UNAVAILABLE,
        "the mail server is not responding",
    )
    .await;
}

#[tokio::test]
async fn stalwart_refusing_the_api_key_on_create_is_explained() {
    assert_create_fails_cleanly(
        Fault::Status(401),
        StatusCode::SERVICE_UNAVAILABLE,
        "refused the portal's credentials",
    )
    .await;
}

#[tokio::test]
async fn stalwart_rate_limiting_on_create_is_explained() {
    assert_create_fails_cleanly(
        Fault::Status(429),
        StatusCode::SERVICE_UNAVAILABLE,
        "the mail server is busy",
    )
    .await;
}

#[tokio::test]
async fn a_retry_after_a_5xx_with_the_same_form_succeeds_once() {
    let app = TestApp::spawn().await;
    let browser = signed_in(&app, ALICE).await;
    let request_id = form_request_id(&browser, "/app-passwords/new").await;
    app.simulator
        .store()
        .fail_next_call("x:AppPassword/set", Fault::Status(503));
    assert_eq!(
        create(&browser, &request_id, &[("name", "Phone")])
            .await
            .status(),
        StatusCode::SERVICE_UNAVAILABLE
    );

    let retry = create(&browser, &request_id, &[("name", "Phone")]).await;

    assert_eq!(retry.status(), StatusCode::OK);
    assert_eq!(app.simulator.store().app_passwords_of(ALICE).len(), 1);
}

#[tokio::test]
async fn a_timeout_on_create_never_leads_to_a_silent_duplicate() {
    let app = TestApp::spawn().await;
    let browser = signed_in(&app, ALICE).await;
    let request_id = form_request_id(&browser, "/app-passwords/new").await;
    // Stalwart creates it, but answers after the portal stopped waiting (2 s in tests).
    app.simulator.store().fail_next_call(
        "x:AppPassword/set",
        Fault::DelayAfter(Duration::from_secs(3)),
    );

    let slow = create(&browser, &request_id, &[("name", "Phone")]).await;

    assert_eq!(slow.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert!(
        text(&slow.text().await.unwrap())
            .contains("we cannot tell whether the app password was created")
    );
    tokio::time::sleep(Duration::from_millis(1200)).await;
    assert_eq!(
        app.simulator.store().app_passwords_of(ALICE).len(),
        1,
        "it was created at Stalwart"
    );

    let retry = create(&browser, &request_id, &[("name", "Phone")]).await;

    assert_eq!(retry.status(), StatusCode::CONFLICT);
    assert!(text(&retry.text().await.unwrap()).contains("did not confirm the result"));
    assert_eq!(
        app.simulator.store().app_passwords_of(ALICE).len(),
        1,
        "no second password"
    );
}

#[tokio::test]
async fn revoking_uses_only_the_callers_own_account() {
    let app = TestApp::spawn().await;
    let bert = signed_in(&app, BERT).await;
    let id = form_request_id(&bert, "/app-passwords/new").await;
    assert_eq!(
        create(&bert, &id, &[("name", "Bert's phone")])
            .await
            .status(),
        StatusCode::OK
    );
    let bert_credential = app.simulator.store().app_passwords_of(BERT)[0].0.clone();
    let alice = signed_in(&app, ALICE).await;

    // Alice (organisation acme) revokes "b", which is Bert's credential id (organisation beta).
    alice
        .post_form(&format!("/app-passwords/{bert_credential}/revoke"), &[])
        .await;
    alice.post_form("/app-passwords/revoke-all", &[]).await;

    assert_eq!(
        app.simulator.store().app_passwords_of(BERT).len(),
        1,
        "Bert's password is untouched"
    );
    let page = text(&alice.get("/app-passwords").await.text().await.unwrap());
    assert!(!page.contains("Bert's phone"));
}

#[tokio::test]
async fn revoke_all_revokes_every_one_and_is_audited() {
    let app = TestApp::spawn().await;
    let browser = signed_in(&app, ALICE).await;
    let mut secrets = Vec::new();
    for name in ["One", "Two", "Three"] {
        let id = form_request_id(&browser, "/app-passwords/new").await;
        secrets.push(
            secret_in(
                &create(&browser, &id, &[("name", name)])
                    .await
                    .text()
                    .await
                    .unwrap(),
            )
            .unwrap(),
        );
    }

    let response = browser.post_form("/app-passwords/revoke-all", &[]).await;

    assert_eq!(location(&response), "/app-passwords");
    assert!(app.simulator.store().app_passwords_of(ALICE).is_empty());
    for secret in &secrets {
        assert!(!stalwart_accepts(&app, ALICE, secret).await);
    }
    let page = text(&browser.get("/app-passwords").await.text().await.unwrap());
    assert!(
        page.contains("Revoked all 3 app passwords") && page.contains("Revoked all app passwords"),
        "{page}"
    );
}

#[tokio::test]
async fn creation_and_revocation_are_audited_without_the_secret() {
    let app = TestApp::spawn().await;
    let browser = signed_in(&app, ALICE).await;
    let id = form_request_id(&browser, "/app-passwords/new").await;
    let secret = secret_in(
        &create(&browser, &id, &[("name", "Audited")])
            .await
            .text()
            .await
            .unwrap(),
    )
    .unwrap();
    let credential = app.simulator.store().app_passwords_of(ALICE)[0].0.clone();
    browser
        .post_form(&format!("/app-passwords/{credential}/revoke"), &[])
        .await;

    let db = app.db().await;
    type Row = (
        String,
        String,
        Option<String>,
        Option<String>,
        String,
        Option<String>,
        Option<String>,
    );
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT organisation, action, account_id, target, detail_json, ip, user_agent FROM audit_events
         WHERE action LIKE 'app_password.%' ORDER BY id",
    )
    .fetch_all(&db.pool)
    .await
    .unwrap();

    assert_eq!(rows.len(), 2);
    assert_eq!(
        (rows[0].1.as_str(), rows[1].1.as_str()),
        ("app_password.create", "app_password.revoke")
    );
    for (organisation, _, account, target, detail, ip, _) in &rows {
        assert_eq!(organisation, "acme");
        assert_eq!(account.as_deref(), Some("b"), "alice's Stalwart account");
        assert_eq!(target.as_deref(), Some(credential.as_str()));
        assert!(detail.contains("Audited"));
        assert!(!detail.contains(&secret));
        assert_eq!(ip.as_deref(), Some("127.0.0.1"));
    }
    let activity = text(&browser.get("/app-passwords").await.text().await.unwrap());
    assert!(
        activity.contains("Created an app password")
            && activity.contains("Revoked an app password")
    );
}

#[tokio::test]
async fn the_apple_profile_is_a_plist_with_a_working_password_and_stable_identifiers() {
    let app = TestApp::spawn().await;
    let browser = signed_in(&app, ALICE).await;
    let id = form_request_id(&browser, "/app-passwords/apple").await;

    let first = browser
        .post_form(
            "/app-passwords/apple",
            &[("request_id", &id), ("name", "Alice's iPhone")],
        )
        .await;

    assert_eq!(first.status(), StatusCode::OK);
    assert_eq!(
        first.headers()["content-type"],
        "application/x-apple-aspen-config"
    );
    assert!(
        first.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .contains("attachment; filename=\"acme-corp-mail.mobileconfig\"")
    );
    assert_eq!(first.headers()["cache-control"], "no-store");
    let profile: plist::Dictionary =
        plist::from_bytes(&first.bytes().await.unwrap()).expect("a property list");
    let mail = profile["PayloadContent"].as_array().unwrap()[0]
        .as_dictionary()
        .unwrap();
    assert_eq!(
        mail["PayloadType"].as_string(),
        Some("com.apple.mail.managed")
    );
    assert_eq!(mail["EmailAddress"].as_string(), Some(ALICE));
    assert_eq!(
        mail["IncomingMailServerHostName"].as_string(),
        Some("mail.acme.test")
    );
    assert_eq!(
        mail["OutgoingMailServerHostName"].as_string(),
        Some("mail.acme.test")
    );
    assert_eq!(
        mail["IncomingMailServerPortNumber"].as_unsigned_integer(),
        Some(993)
    );
    let secret = mail["IncomingPassword"].as_string().unwrap();
    assert!(
        stalwart_accepts(&app, ALICE, secret).await,
        "the profile's password works"
    );
    assert_eq!(
        app.simulator.store().app_passwords_of(ALICE)[0].1,
        "Alice's iPhone"
    );

    let id2 = form_request_id(&browser, "/app-passwords/apple").await;
    let second = browser
        .post_form(
            "/app-passwords/apple",
            &[("request_id", &id2), ("name", "Alice's iPhone")],
        )
        .await;
    let again: plist::Dictionary = plist::from_bytes(&second.bytes().await.unwrap()).unwrap();
    let mail_again = again["PayloadContent"].as_array().unwrap()[0]
        .as_dictionary()
        .unwrap();
    assert_eq!(profile["PayloadIdentifier"], again["PayloadIdentifier"]);
    assert_eq!(profile["PayloadUUID"], again["PayloadUUID"]);
    assert_eq!(mail["PayloadUUID"], mail_again["PayloadUUID"]);
    assert_ne!(
        mail["IncomingPassword"], mail_again["IncomingPassword"],
        "a fresh password each time"
    );
}

#[tokio::test]
async fn app_password_pages_need_a_signed_in_user() {
    let app = TestApp::spawn().await;
    let anonymous = app.browser();

    let target = app::routing::Target {
        domain: "acme.test".into(),
        address: ALICE.into(),
        slug: "acme".into(),
    };
    let area = app::routes();
    let area: Vec<_> = (area.iter())
        .filter(|r| r.path.starts_with("/app-passwords"))
        .collect();
    assert!(area.len() >= 10, "{} routes", area.len());
    for route in area {
        let path = route.fill(|_| "b".into());
        let response = crate::boundary::send(&anonymous, route, &path, &target).await;
        assert_eq!(location(&response), "/", "{path}");
    }
    let post = crate::boundary::send(
        &anonymous,
        (app::routes().iter())
            .find(|r| r.path == "/app-passwords/new" && r.sample.is_some())
            .unwrap(),
        "/app-passwords/new",
        &target,
    )
    .await;
    assert_eq!(location(&post), "/");
    assert!(app.simulator.store().app_passwords_of(ALICE).is_empty());
}

#[tokio::test]
async fn a_mailbox_deleted_and_made_again_elsewhere_is_found_again_not_a_server_error() {
    let app = TestApp::spawn().await;
    // Alice uses instance A: her mailbox's id is cached there (and in her session).
    let alice = signed_in(&app, ALICE).await;
    let listed = alice.get("/app-passwords").await;
    assert_eq!(listed.status(), StatusCode::OK);
    let old_id = {
        let store = app.simulator.store();
        testkit::stalwart::ids::encode_id(store.account_by_address(ALICE).unwrap().id as u64)
    };

    // Through instance B, an admin deletes her mailbox; then it is made again at Stalwart.
    let b = app.another_instance().await;
    let ada = app.browser();
    let ada_b = app.same_browser_at(&ada, &b);
    assert_eq!(location(&ada_b.sign_in(common::ADA).await), "/account");
    let deleted = ada_b
        .post_form(
            &format!("/admin/mailboxes/{old_id}/delete"),
            &[("confirm", ALICE)],
        )
        .await;
    assert_eq!(deleted.status(), StatusCode::SEE_OTHER, "deleted through B");
    {
        let mut store = app.simulator.store();
        assert!(store.account_by_address(ALICE).is_none());
        let acme = store.domain_id("acme.test").unwrap();
        store.create_user("alice", &acme, Some("Alice Anders"), None);
    }

    // On A, Alice's next app password lands in the new mailbox.
    let request_id = form_request_id(&alice, "/app-passwords/new").await;
    let minted = create(&alice, &request_id, &[("name", "New phone")]).await;

    assert_eq!(minted.status(), StatusCode::OK);
    assert_eq!(app.simulator.store().app_passwords_of(ALICE).len(), 1);
    let list = text(&alice.get("/app-passwords").await.text().await.unwrap());
    assert!(list.contains("New phone"), "{list}");
}
