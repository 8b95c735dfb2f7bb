//! The audit log tells the whole story: refusals and sign-outs are in it, admins can page,
//! filter and export all of it, and a credential change that cannot be logged is not made.

use crate::common::{ADA, ALICE, TestApp, form_request_id, location, text};
use app::ssr::db::audit::{self, Filter, NewEvent};
use reqwest::StatusCode;
use testkit::oidc::Tweak;

async fn actions(app: &TestApp) -> Vec<(String, String)> {
    let db = app.db().await;
    audit::for_organisation(&db, "acme", &Filter::default(), 1000, 0)
        .await
        .unwrap()
        .into_iter()
        .map(|e| (e.action, e.detail_json))
        .collect()
}

#[tokio::test]
async fn refused_sign_ins_refused_reauthentications_and_sign_outs_are_logged() {
    let app = TestApp::spawn().await;
    let browser = app.browser();
    app.issuer_a.set_tweak(Tweak::WrongAudience);
    browser.sign_in(ALICE).await;
    app.issuer_a.set_tweak(Tweak::None);
    assert_eq!(location(&browser.sign_in(ALICE).await), "/account");

    let logout = browser.post_form("/auth/logout", &[]).await;

    assert_eq!(logout.status(), StatusCode::SEE_OTHER);
    let events = actions(&app).await;
    assert!(
        events
            .iter()
            .any(|(a, d)| a == "user.sign_in_refused" && d.contains("invalid_answer")),
        "{events:?}"
    );
    assert!(
        events.iter().any(|(a, _)| a == "user.sign_out"),
        "{events:?}"
    );
}

#[tokio::test]
async fn admins_page_through_filter_and_export_the_whole_audit_log() {
    let app = TestApp::spawn().await;
    let db = app.db().await;
    for i in 0..130 {
        let (action, actor) = match i % 3 {
            0 => ("group.member_add", "ops@acme.test"),
            1 => ("groupXmember_add", "ops@acme.test"),
            _ => ("mailbox.alias_add", "ada@acme.test"),
        };
        let event = NewEvent {
            organisation: "acme",
            actor_id: None,
            actor_email: actor,
            // "groupX…" is no action anyone declares: it checks that `_` is no wildcard.
            action: app::ssr::db::audit::Action::declared(action),
            account_id: None,
            target: Some("x@acme.test"),
            detail: serde_json::json!({ "n": i }),
            ip: None,
            user_agent: None,
        };
        audit::record(&db, &event).await.unwrap();
    }
    let admin = app.browser();
    assert_eq!(location(&admin.sign_in(ADA).await), "/account");

    let page = |path: &str| {
        let admin = &admin;
        let path = path.to_owned();
        async move { text(&admin.get(&path).await.text().await.unwrap()) }
    };
    let html = admin.get("/admin/audit").await.text().await.unwrap();
    for action in app::audit_actions() {
        let choice = format!("<option value=\"{action}\">");
        assert!(html.contains(&choice), "the filter offers {action}");
    }
    let first = page("/admin/audit").await;
    assert!(first.contains("131 events · page 1 of 3"), "{first}");
    let third = page("/admin/audit?page=3").await;
    assert!(
        third.contains("page 3 of 3") && third.contains("rel=\"prev\""),
        "{third}"
    );
    // `_` is a letter here, not a wildcard: groupXmember_add does not match.
    let filtered = page("/admin/audit?action=group.member_add").await;
    assert!(filtered.contains("44 events"), "{filtered}");
    let by_person = page("/admin/audit?actor=ops%40").await;
    assert!(by_person.contains("87 events"), "{by_person}");

    let csv = admin.get("/admin/audit/export.csv").await;
    assert_eq!(csv.status(), StatusCode::OK);
    assert_eq!(
        csv.headers()["content-type"].to_str().unwrap(),
        "text/csv; charset=utf-8"
    );
    let body = csv.text().await.unwrap();
    assert_eq!(body.lines().count(), 1 + 131, "header and every event");
    assert!(body.starts_with("time,actor,action,target,outcome"));
    let only = admin
        .get("/admin/audit/export.csv?action=group.member_add")
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(only.lines().count(), 1 + 44);
}

#[tokio::test]
async fn a_credential_change_is_not_made_when_the_audit_log_cannot_be_written() {
    let app = TestApp::spawn().await;
    let browser = app.browser();
    assert_eq!(location(&browser.sign_in(ALICE).await), "/account");
    let request_id = form_request_id(&browser, "/app-passwords/new").await;
    sqlx::query("ALTER TABLE audit_events RENAME TO audit_events_gone")
        .execute(&app.db().await.pool)
        .await
        .unwrap();

    let response = browser
        .post_form(
            "/app-passwords/new",
            &[("request_id", request_id.as_str()), ("name", "Laptop")],
        )
        .await;

    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    let body = text(&response.text().await.unwrap());
    assert!(
        body.contains("could not record this change in the audit log"),
        "{body}"
    );
    assert!(
        app.simulator.store().app_passwords_of(ALICE).is_empty(),
        "no app password was created"
    );
}

#[test]
fn every_audit_action_is_declared_once_and_named_thing_dot_verb() {
    let all = app::audit_actions();
    let mut names: Vec<&str> = all.iter().map(|a| a.as_str()).collect();
    names.dedup();
    assert_eq!(
        names.len(),
        all.len(),
        "an action declared twice: {names:?}"
    );
    for name in &names {
        let (thing, verb) = name.split_once('.').expect(name);
        let word = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_ascii_lowercase() || c == '_');
        assert!(word(thing) && word(verb), "{name}");
    }
    assert!(names.len() >= 40, "{names:?}");
}
