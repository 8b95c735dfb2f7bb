//! The right mailbox, always: verified addresses only, a mailbox pinned to the person who
//! first reached it, the login hint each IdP wants; and fresh sign-ins for sensitive changes.

use crate::common::{ADA, ALICE, Browser, TestApp, form_request_id, location, seed, text};
use reqwest::StatusCode;
use testkit::oidc::{Tweak, User};

async fn signed_in(app: &TestApp, who: &str) -> Browser {
    let browser = app.browser();
    assert_eq!(location(&browser.sign_in(who).await), "/account");
    browser
}

fn acme_setting(config: &mut String, line: &str) {
    *config = config.replace(
        "[organisations.acme.oidc]",
        &format!("{line}\n            [organisations.acme.oidc]"),
    );
}

fn unverified(email: &str, name: &str) -> User {
    let mut user = User::new(email, name, &["staff"]);
    user.email_verified = false;
    user
}

#[tokio::test]
async fn an_unverified_address_is_refused_unless_the_organisation_opts_out() {
    let app = TestApp::spawn().await;
    app.issuer_a.add_user(unverified(ALICE, "Alice Anders"));
    let browser = app.browser();

    let refused = browser.sign_in(ALICE).await;

    assert_eq!(location(&refused), "/");
    assert!(
        browser
            .start_page()
            .await
            .contains("does not confirm that your e-mail")
    );

    let lenient = TestApp::spawn_with(seed(), |c| {
        acme_setting(c, "require_verified_email = false")
    })
    .await;
    lenient.issuer_a.add_user(unverified(ALICE, "Alice Anders"));
    assert_eq!(
        location(&lenient.browser().sign_in(ALICE).await),
        "/account"
    );
}

#[tokio::test]
async fn a_changed_address_at_the_idp_cannot_reach_another_persons_mailbox() {
    let app = TestApp::spawn().await;
    // Alice signs in once: her mailbox is pinned to her IdP subject.
    signed_in(&app, ALICE).await;
    // Her IdP account's address is changed to Ada's.
    let mut moved = User::new(ADA, "Alice Anders", &["staff"]);
    moved.subject = User::new(ALICE, "", &[]).subject;
    app.issuer_a.add_user(moved);
    let browser = app.browser();

    let refused = browser.sign_in(ADA).await;

    assert_eq!(location(&refused), "/");
    let page = browser.start_page().await;
    assert!(page.contains("belongs to another person"), "{page}");
    // And a different IdP account now claiming Alice's address is refused too.
    let mut claimant = User::new(ALICE, "Mallory", &["staff"]);
    claimant.subject = "someone-else".into();
    app.issuer_a.add_user(claimant);
    let mallory = app.browser();
    assert_eq!(location(&mallory.sign_in(ALICE).await), "/");
    let db = app.db().await;
    let refusals: Vec<String> = sqlx::query_scalar(
        "SELECT detail_json FROM audit_events WHERE action = 'user.sign_in_refused' ORDER BY id",
    )
    .fetch_all(&db.pool)
    .await
    .unwrap();
    assert!(
        refusals[0].contains("address_moved_to_another_mailbox"),
        "{refusals:?}"
    );
    assert!(
        refusals[1].contains("mailbox_of_another_person"),
        "{refusals:?}"
    );
}

#[tokio::test]
async fn the_login_hint_follows_the_organisations_policy() {
    for (policy, expected) in [
        ("email", Some(ALICE)),
        ("local_part", Some("alice")),
        ("none", None),
    ] {
        let app = TestApp::spawn_with(seed(), |c| {
            *c = c.replace(
                "admin_group = \"mail-admins\"",
                &format!("admin_group = \"mail-admins\"\n            login_hint = \"{policy}\""),
            );
        })
        .await;

        let start = app.browser().start_sign_in(ALICE).await;

        let url = url::Url::parse(&location(&start)).unwrap();
        let hint = url
            .query_pairs()
            .find(|(k, _)| k == "login_hint")
            .map(|(_, v)| v.into_owned());
        assert_eq!(hint.as_deref(), expected, "{policy}");
    }
}

#[tokio::test]
async fn a_sign_in_without_auth_time_is_never_fresh() {
    let app = TestApp::spawn().await;
    app.issuer_a.set_tweak(Tweak::NoAuthTime);
    let browser = signed_in(&app, ALICE).await;
    let id = form_request_id(&browser, "/app-passwords/new").await;

    let response = browser
        .post_form(
            "/app-passwords/new",
            &[("request_id", id.as_str()), ("name", "Phone")],
        )
        .await;

    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert!(
        location(&response).starts_with(&app.issuer_a.issuer),
        "sent to the IdP first"
    );
    assert!(app.simulator.store().app_passwords_of(ALICE).is_empty());
}

/// Follows the IdP round trip of a fresh sign-in; returns the page the portal sends back to.
async fn confirm_sign_in(app: &TestApp, browser: &Browser, to_idp: &reqwest::Response) -> String {
    app.issuer_a.set_auth_age_secs(0);
    let callback = location(&browser.client.get(location(to_idp)).send().await.unwrap());
    let back = browser.client.get(&callback).send().await.unwrap();
    location(&back)
}

#[tokio::test]
async fn deleting_a_mailbox_needs_a_fresh_sign_in_and_the_form_comes_back() {
    let app = TestApp::spawn().await;
    app.issuer_a.set_auth_age_secs(3600);
    let admin = signed_in(&app, ADA).await;
    let alice = {
        let store = app.simulator.store();
        testkit::stalwart::ids::encode_id(store.account_by_address(ALICE).unwrap().id as u64)
    };

    let first = admin
        .post_form(
            &format!("/admin/mailboxes/{alice}/delete"),
            &[("confirm", ALICE)],
        )
        .await;

    assert_eq!(first.status(), StatusCode::SEE_OTHER);
    let to_idp = location(&first);
    assert!(
        to_idp.contains("prompt=login") && to_idp.contains("max_age=600"),
        "{to_idp}"
    );
    assert!(
        app.simulator.store().account_by_address(ALICE).is_some(),
        "not deleted yet"
    );
    let page = confirm_sign_in(&app, &admin, &first).await;
    assert_eq!(page, format!("/admin/mailboxes/{alice}/delete"));
    let form = text(&admin.get(&page).await.text().await.unwrap());
    assert!(
        form.contains("Thank you for confirming your sign-in"),
        "{form}"
    );
    assert!(
        form.contains(&format!("value=\"{ALICE}\"")),
        "the typed address is kept: {form}"
    );
    let done = admin
        .post_form(
            &format!("/admin/mailboxes/{alice}/delete"),
            &[("confirm", ALICE)],
        )
        .await;
    assert_eq!(location(&done), "/admin/mailboxes");
    assert!(app.simulator.store().account_by_address(ALICE).is_none());
}

#[tokio::test]
async fn adding_a_member_and_setting_a_password_need_a_fresh_sign_in() {
    let app = TestApp::spawn().await;
    app.issuer_a.set_auth_age_secs(3600);
    let admin = signed_in(&app, ADA).await;
    let group = admin
        .post_form("/admin/groups", &[("address", "team@acme.test")])
        .await;
    assert_eq!(
        group.status(),
        StatusCode::SEE_OTHER,
        "creating a group needs no fresh sign-in"
    );
    let (team, alice) = {
        let store = app.simulator.store();
        let id = |a: &str| {
            testkit::stalwart::ids::encode_id(store.account_by_address(a).unwrap().id as u64)
        };
        (id("team@acme.test"), id(ALICE))
    };

    let member = admin
        .post_form(
            &format!("/admin/groups/{team}/members"),
            &[("member", ALICE)],
        )
        .await;
    assert!(location(&member).starts_with(&app.issuer_a.issuer));
    assert!(
        app.simulator
            .store()
            .account_by_address(ALICE)
            .unwrap()
            .member_group_ids
            .is_empty()
    );
    let page = confirm_sign_in(&app, &admin, &member).await;
    assert_eq!(page, "/admin/groups");
    let groups = text(&admin.get(&page).await.text().await.unwrap());
    assert!(groups.contains(&format!("value=\"{ALICE}\"")), "{groups}");

    app.issuer_a.set_auth_age_secs(3600);
    let stale = signed_in(&app, ADA).await;
    let password = stale
        .post_form(
            &format!("/admin/mailboxes/{alice}/password"),
            &[("password", "violet-harbour-tangent-47")],
        )
        .await;
    assert!(location(&password).starts_with(&app.issuer_a.issuer));
    let db = app.db().await;
    let table = match db.backend {
        app::ssr::db::Backend::Sqlite => "tower_sessions",
        app::ssr::db::Backend::Postgres => "tower_sessions.session",
    };
    let sessions: Vec<Vec<u8>> = sqlx::query_scalar(&format!("SELECT data FROM {table}"))
        .fetch_all(&db.pool)
        .await
        .unwrap();
    let password = b"violet-harbour";
    assert!(
        sessions
            .iter()
            .all(|data| !data.windows(password.len()).any(|w| w == password)),
        "a password is never kept across the sign-in"
    );
}
