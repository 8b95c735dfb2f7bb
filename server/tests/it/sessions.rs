//! Sessions end: after the organisation's lifetime, after idling, at sign-out (whatever a request
//! in flight does), everywhere at once when asked; admin status is confirmed again by the
//! IdP; signed-in answers are never cached.

use crate::common::{ADA, ALICE, Browser, TestApp, location, seed, text};
use reqwest::StatusCode;
use std::time::Duration;
use testkit::oidc::User;
use testkit::stalwart::Fault;

async fn signed_in(app: &TestApp, who: &str) -> Browser {
    let browser = app.browser();
    assert_eq!(location(&browser.sign_in(who).await), "/account");
    browser
}

/// Whether "My account" shows, rather than sending the browser to the start page.
async fn is_signed_in(browser: &Browser) -> bool {
    let page = browser.get("/account").await;
    page.status() == StatusCode::OK && !page.headers().contains_key("location")
}

fn organisation_setting(config: &mut String, line: &str) {
    *config = config.replace(
        "[organisations.acme.oidc]",
        &format!("{line}\n            [organisations.acme.oidc]"),
    );
}

#[tokio::test]
async fn a_session_ends_after_the_organisations_lifetime_even_when_used() {
    let app = TestApp::spawn_with(seed(), |c| {
        organisation_setting(c, "session_lifetime_secs = 2")
    })
    .await;
    let browser = signed_in(&app, ALICE).await;
    assert!(is_signed_in(&browser).await);

    tokio::time::sleep(Duration::from_millis(2200)).await;

    assert!(
        !is_signed_in(&browser).await,
        "the absolute lifetime is over"
    );
}

#[tokio::test]
async fn a_session_ends_when_idle_but_not_while_used() {
    let app =
        TestApp::spawn_with(seed(), |c| organisation_setting(c, "session_idle_secs = 2")).await;
    let busy = signed_in(&app, ALICE).await;
    let idle = signed_in(&app, ADA).await;
    for _ in 0..4 {
        tokio::time::sleep(Duration::from_millis(700)).await;
        assert!(is_signed_in(&busy).await, "activity keeps the session");
    }
    assert!(!is_signed_in(&idle).await, "2.8 s without a request");
}

#[tokio::test]
async fn a_request_in_flight_cannot_undo_a_sign_out() {
    let app = TestApp::spawn().await;
    let browser = signed_in(&app, ALICE).await;
    // A revoke whose Stalwart call is slow: it finishes (and writes its notice into the
    // session) after the sign-out.
    app.simulator
        .store()
        .faults
        .push_back(Fault::DelayBefore(Duration::from_millis(800)));
    let slow = {
        let client = browser.client.clone();
        let url = browser.url("/app-passwords/zz/revoke");
        tokio::spawn(async move { client.post(url).send().await.unwrap().status() })
    };
    tokio::time::sleep(Duration::from_millis(200)).await;

    let out = browser.post_form("/auth/logout", &[]).await;
    assert_eq!(out.status(), StatusCode::SEE_OTHER);
    slow.await.unwrap();

    assert!(!is_signed_in(&browser).await, "still signed out");
}

#[tokio::test]
async fn signing_out_everywhere_ends_every_session_of_the_person() {
    let app = TestApp::spawn().await;
    let phone = signed_in(&app, ALICE).await;
    let laptop = signed_in(&app, ALICE).await;
    let other = signed_in(&app, ADA).await;

    let out = laptop.post_form("/account/sessions/sign-out", &[]).await;

    assert_eq!(location(&out), "/");
    assert!(!is_signed_in(&phone).await && !is_signed_in(&laptop).await);
    assert!(is_signed_in(&other).await, "other people stay signed in");
    assert!(laptop.start_page().await.contains("signed out everywhere"));
}

#[tokio::test]
async fn an_admin_signs_a_person_out_of_every_session() {
    let app = TestApp::spawn().await;
    let alice = signed_in(&app, ALICE).await;
    let admin = signed_in(&app, ADA).await;
    let id = {
        let store = app.simulator.store();
        testkit::stalwart::ids::encode_id(store.account_by_address(ALICE).unwrap().id as u64)
    };

    let done = admin
        .post_form(&format!("/admin/mailboxes/{id}/sign-out"), &[])
        .await;

    assert_eq!(done.status(), StatusCode::SEE_OTHER);
    let page = text(&admin.get(&location(&done)).await.text().await.unwrap());
    assert!(
        page.contains("Signed alice@acme.test out of 1 session"),
        "{page}"
    );
    assert!(!is_signed_in(&alice).await);
    assert!(is_signed_in(&admin).await);
}

#[tokio::test]
async fn signed_in_pages_are_never_cached() {
    let app = TestApp::spawn().await;
    let browser = signed_in(&app, ALICE).await;
    let pages: Vec<String> = (app::routes().iter())
        .filter(|r| r.kind == app::routing::Kind::Page)
        .filter(|r| r.access == app::routing::Access::SignedIn && r.params().next().is_none())
        .map(|r| r.path.to_owned())
        .collect();
    assert!(pages.len() >= 5, "{pages:?}");
    for path in pages
        .iter()
        .map(String::as_str)
        .chain(["/api/app_passwords"])
    {
        let response = if path.starts_with("/api") {
            browser
                .client
                .post(browser.url(path))
                .header("accept", "application/json")
                .send()
                .await
                .unwrap()
        } else {
            browser.get(path).await
        };
        assert_eq!(
            response.headers()["cache-control"].to_str().unwrap(),
            "no-store",
            "{path}"
        );
    }
}

#[tokio::test]
async fn admin_status_is_confirmed_again_by_the_idp() {
    let app = TestApp::spawn_with(seed(), |c| {
        organisation_setting(c, "admin_recheck_secs = 2")
    })
    .await;
    let admin = signed_in(&app, ADA).await;
    assert_eq!(admin.get("/admin/mailboxes").await.status(), StatusCode::OK);
    // Ada leaves the admin group at the IdP.
    app.issuer_a
        .add_user(User::new(ADA, "Ada Admin", &["staff"]));
    tokio::time::sleep(Duration::from_millis(3200)).await;

    let page = admin.get("/admin/mailboxes").await;

    let refresh = location(&page);
    assert!(refresh.starts_with("/auth/refresh?return_to="), "{refresh}");
    let to_idp = admin.get(&refresh).await;
    let callback = location(&admin.client.get(location(&to_idp)).send().await.unwrap());
    let back = admin.client.get(&callback).send().await.unwrap();
    assert_eq!(location(&back), "/admin/mailboxes");
    assert_eq!(
        admin.get("/admin/mailboxes").await.status(),
        StatusCode::FORBIDDEN,
        "no longer an admin"
    );
    assert!(is_signed_in(&admin).await, "still signed in as a person");
}

/// Each instance keeps the logins it reads in memory (issue 24); an end made by another
/// instance on the same database (here: a second `Db`, with its own cache, as a second
/// process has) still signs the person out here, within the quarter-second look for ended
/// logins, not at the end of some cache lifetime.
#[tokio::test]
async fn a_login_ended_by_another_instance_ends_here_too() {
    use app::ssr::db::{Db, logins, users};
    let app = TestApp::spawn().await;
    let phone = signed_in(&app, ALICE).await;
    let other = signed_in(&app, ADA).await;
    assert!(
        is_signed_in(&phone).await,
        "this instance now holds the login"
    );

    let elsewhere = Db::connect(&app.db_url).await.unwrap();
    let alice = users::with_email_any_case(&elsewhere, "acme", ALICE)
        .await
        .unwrap()
        .pop()
        .expect("Alice signed in");
    assert_eq!(
        logins::end_all(&elsewhere, "acme", alice.id).await.unwrap(),
        1
    );

    let mut ended = false;
    for _ in 0..40 {
        if !is_signed_in(&phone).await {
            ended = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(
        ended,
        "still signed in 2 s after another instance ended the login"
    );
    assert!(is_signed_in(&other).await, "other people stay signed in");
}
