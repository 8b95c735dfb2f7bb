//! Directory sync: the reconciler asks the IdP's API about the people who hold credentials,
//! and acts on a disable or a deletion once; an API that cannot be asked revokes nothing.
//! The adapters are checked over HTTP against the recorded shapes in `testkit/directory/`.

use crate::common;

use app::ssr::config::settings::SyncSettings;
use app::ssr::departures::idp_api::{ApiError, IdpApi, PersonState};
use common::{
    ADA, ALICE, Browser, TestApp, audit_count, location, mint_app_password, signed_in,
    stalwart_accepts, still_signed_in, text,
};
use reqwest::StatusCode;
use testkit::directory::{API_TOKEN, ApiFault, CLIENT_ID, CLIENT_SECRET, DirectoryApi, Person};

const ALICE_SUB: &str = "sub-alice-at-acme.test";

fn keycloak_section(api: &DirectoryApi) -> String {
    format!(
        r#"
            [organisations.acme.sync]
            kind = "keycloak"
            api_url = "{url}"
            token_url = "{url}/realms/acme/protocol/openid-connect/token"
            realm = "acme"
            client_id = "{CLIENT_ID}"
            client_secret = "{CLIENT_SECRET}"
            interval_secs = 3600
            "#,
        url = api.url
    )
}

async fn spawn_with_sync(api: &DirectoryApi) -> TestApp {
    let section = keycloak_section(api);
    TestApp::spawn_with(common::seed(), |config| {
        *config = config.replace(
            "[organisations.acme.oidc]",
            &format!("{section}\n            [organisations.acme.oidc]"),
        );
    })
    .await
}

/// "Check now" as the admin; returns the sync page that follows.
async fn check_now(admin: &Browser) -> String {
    let response = admin.post_form("/admin/organisation/sync/check", &[]).await;
    let status = response.status();
    let page = if status.is_redirection() {
        assert_eq!(location(&response), "/admin/organisation/sync");
        admin
            .get("/admin/organisation/sync")
            .await
            .text()
            .await
            .unwrap()
    } else {
        response.text().await.unwrap()
    };
    text(&page)
}

#[tokio::test]
async fn a_person_disabled_at_keycloak_loses_app_passwords_and_sessions_and_may_return() {
    let api = DirectoryApi::start().await;
    let app = spawn_with_sync(&api).await;
    api.set(ALICE_SUB, Person::Active);
    api.set("sub-ada-at-acme.test", Person::Active);
    let alice = signed_in(&app, ALICE).await;
    let secret = mint_app_password(&alice, "iPhone Mail").await;
    let ada = signed_in(&app, ADA).await;

    let page = check_now(&ada).await;
    assert!(page.contains("nobody new is disabled"), "{page}");
    assert!(stalwart_accepts(&app, ALICE, &secret).await);

    api.set(ALICE_SUB, Person::Disabled);
    let page = check_now(&ada).await;

    assert!(page.contains("1 person is disabled or deleted"), "{page}");
    assert!(
        page.contains("alice@acme.test") && page.contains("1 revoked"),
        "{page}"
    );
    assert!(
        !stalwart_accepts(&app, ALICE, &secret).await,
        "the password no longer works"
    );
    assert!(!still_signed_in(&alice).await, "the session is gone");
    assert_eq!(audit_count(&app, "person.departed").await, 1);
    assert_eq!(audit_count(&app, "person.credentials_revoke").await, 1);
    let requests = api.requests();
    assert!(
        requests
            .iter()
            .any(|r| r == &format!("GET /admin/realms/acme/users/{ALICE_SUB}")),
        "{requests:?}"
    );
    assert!(
        requests
            .iter()
            .any(|r| r.starts_with("POST /realms/acme/protocol/openid-connect/token"))
    );

    // Checked again: acted on once.
    check_now(&ada).await;
    assert_eq!(audit_count(&app, "person.departed").await, 1);

    // Enabled again at the IdP: the next check lets them back.
    api.set(ALICE_SUB, Person::Active);
    check_now(&ada).await;
    assert_eq!(audit_count(&app, "person.returned").await, 1);
    let back = signed_in(&app, ALICE).await;
    let secret = mint_app_password(&back, "Laptop").await;
    assert!(stalwart_accepts(&app, ALICE, &secret).await);
}

#[tokio::test]
async fn a_person_deleted_at_the_idp_departs_too() {
    let api = DirectoryApi::start().await;
    let app = spawn_with_sync(&api).await;
    api.set("sub-ada-at-acme.test", Person::Active);
    let alice = signed_in(&app, ALICE).await;
    let secret = mint_app_password(&alice, "Phone").await;
    let ada = signed_in(&app, ADA).await;
    // Alice is not in the directory (deleted): 404.

    let page = check_now(&ada).await;

    assert!(page.contains("deleted"), "{page}");
    assert!(!stalwart_accepts(&app, ALICE, &secret).await);
}

#[tokio::test]
async fn an_unreachable_idp_revokes_nothing_and_alerts_after_three_runs() {
    let api = DirectoryApi::start().await;
    let app = spawn_with_sync(&api).await;
    api.set("sub-ada-at-acme.test", Person::Active);
    let alice = signed_in(&app, ALICE).await;
    let secret = mint_app_password(&alice, "Phone").await;
    let ada = signed_in(&app, ADA).await;
    api.fail(Some(ApiFault::Down));

    for run in 1..=3 {
        let page = check_now(&ada).await;
        assert!(page.contains("could not be reached"), "run {run}: {page}");
        assert_eq!(
            page.contains("Checks are failing"),
            run >= 3,
            "run {run}: {page}"
        );
    }

    assert!(
        stalwart_accepts(&app, ALICE, &secret).await,
        "nothing revoked"
    );
    assert!(still_signed_in(&alice).await);
    assert_eq!(audit_count(&app, "person.departed").await, 0);
    assert_eq!(
        audit_count(&app, "directory_sync.failing").await,
        1,
        "alerted once"
    );

    // Credentials refused are no answer either.
    api.fail(Some(ApiFault::Refused));
    let page = check_now(&ada).await;
    assert!(page.contains("refused Postern's credentials"), "{page}");
    assert!(stalwart_accepts(&app, ALICE, &secret).await);
}

#[tokio::test]
async fn an_idp_answering_429_is_left_alone_until_its_retry_after() {
    let api = DirectoryApi::start().await;
    let app = spawn_with_sync(&api).await;
    let ada = signed_in(&app, ADA).await;
    api.fail(Some(ApiFault::RateLimited(7200)));

    let page = check_now(&ada).await;

    assert!(page.contains("slow down"), "{page}");
    let next: i64 =
        sqlx::query_scalar("SELECT next_run_at FROM sync_runs WHERE organisation = 'acme'")
            .fetch_one(&app.db().await.pool)
            .await
            .unwrap();
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    assert!(
        next >= now + 7200 - 5,
        "the next run waits for Retry-After: {next} vs {now}"
    );
}

#[tokio::test]
async fn two_instances_checking_at_once_act_on_a_disable_exactly_once() {
    let api = DirectoryApi::start().await;
    let app = spawn_with_sync(&api).await;
    api.set("sub-ada-at-acme.test", Person::Active);
    api.set(ALICE_SUB, Person::Disabled);
    let alice = signed_in(&app, ALICE).await;
    mint_app_password(&alice, "Phone").await;
    let ada = signed_in(&app, ADA).await;
    let other = app.another_instance().await;
    let ada_there = app.same_browser_at(&ada, &other);

    let (a, b) = tokio::join!(check_now(&ada), check_now(&ada_there));

    assert!(
        a.contains("another instance is checking")
            || b.contains("another instance is checking")
            || a.contains("nobody new")
            || b.contains("nobody new"),
        "{a}\n---\n{b}"
    );
    assert!(app.simulator.store().app_passwords_of(ALICE).is_empty());
    assert_eq!(audit_count(&app, "person.departed").await, 1);
    assert_eq!(audit_count(&app, "person.credentials_revoke").await, 1);
}

#[tokio::test]
async fn only_admins_see_the_sync_page_and_a_scim_token_is_shown_once() {
    let api = DirectoryApi::start().await;
    let app = spawn_with_sync(&api).await;
    let alice = signed_in(&app, ALICE).await;
    assert_eq!(
        alice
            .post_form("/admin/organisation/sync", &[])
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
    let ada = signed_in(&app, ADA).await;
    let page = text(
        &ada.get("/admin/organisation/sync")
            .await
            .text()
            .await
            .unwrap(),
    );
    assert!(
        page.contains("Keycloak admin API") && page.contains("/scim/v2/acme"),
        "{page}"
    );

    let made = ada.post_form("/admin/organisation/sync", &[]).await;
    assert_eq!(made.status(), StatusCode::OK);
    assert_eq!(made.headers()["cache-control"], "no-store");
    let html = made.text().await.unwrap();
    let start = html.find("data-copy=\"scim_").expect("the token is shown") + 11;
    let token = html[start..].split('"').next().unwrap().to_owned();
    let again = ada
        .get("/admin/organisation/sync")
        .await
        .text()
        .await
        .unwrap();
    assert!(!again.contains(&token), "shown once");
    let works = reqwest::Client::new()
        .get(format!("{}/scim/v2/acme/ServiceProviderConfig", app.url))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(works.status(), StatusCode::OK);
}

// The adapters, over HTTP, against the recorded shapes.

/// A `[sync]` section of `key = "value"` lines, as postern.toml would hold it.
fn settings(section: &str) -> SyncSettings {
    let fields: serde_json::Map<String, serde_json::Value> = section
        .lines()
        .filter_map(|line| line.split_once(" = "))
        .map(|(k, v)| {
            (
                k.trim().to_owned(),
                serde_json::json!(v.trim().trim_matches('"')),
            )
        })
        .collect();
    serde_json::from_value(serde_json::Value::Object(fields)).unwrap()
}

async fn states(api: &IdpApi, ids: &[&str]) -> Result<Vec<PersonState>, ApiError> {
    let ids: Vec<String> = ids.iter().map(|s| s.to_string()).collect();
    let found = api.states(&ids).await?;
    Ok(ids.iter().map(|id| found[id]).collect())
}

#[tokio::test]
async fn keycloak_is_asked_by_subject_with_a_client_credentials_token() {
    let dir = DirectoryApi::start().await;
    dir.set("u1", Person::Active);
    dir.set("u2", Person::Disabled);
    let issuer = format!("{}/realms/acme", dir.url);
    let api = IdpApi::new(
        "sync",
        &issuer,
        &settings(&format!(
            "[sync]\nkind = \"keycloak\"\nclient_id = \"{CLIENT_ID}\"\nclient_secret = \"{CLIENT_SECRET}\"\n"
        )),
    )
    .unwrap()
    .unwrap();
    assert_eq!(
        states(&api, &["u1", "u2", "u3"]).await.unwrap(),
        [
            PersonState::Active,
            PersonState::Disabled,
            PersonState::Deleted
        ]
    );
    // A wrong secret: no answer about anyone.
    let wrong = IdpApi::new(
        "sync",
        &issuer,
        &settings(&format!(
            "[sync]\nkind = \"keycloak\"\nclient_id = \"{CLIENT_ID}\"\nclient_secret = \"wrong\"\n"
        )),
    )
    .unwrap()
    .unwrap();
    assert_eq!(states(&wrong, &["u1"]).await, Err(ApiError::Refused(401)));
}

#[tokio::test]
async fn authentik_is_read_page_by_page_and_whoever_is_missing_is_deleted() {
    let dir = DirectoryApi::start().await;
    for n in 0..150 {
        dir.set(&format!("uid-{n:03}"), Person::Active);
    }
    dir.set("uid-149", Person::Disabled);
    let api = IdpApi::new(
        "sync",
        "https://idp.example/application/o/postern/",
        &settings(&format!(
            "[sync]\nkind = \"authentik\"\napi_url = \"{}\"\napi_token = \"{API_TOKEN}\"\n",
            dir.url
        )),
    )
    .unwrap()
    .unwrap();
    assert_eq!(
        states(&api, &["uid-000", "uid-149", "uid-gone"])
            .await
            .unwrap(),
        [
            PersonState::Active,
            PersonState::Disabled,
            PersonState::Deleted
        ]
    );
    let pages = dir
        .requests()
        .iter()
        .filter(|r| r.starts_with("GET /api/v3/core/users/"))
        .count();
    assert_eq!(pages, 2, "150 people, 100 a page");
    // Down half-way: nobody is taken for deleted.
    dir.fail(Some(ApiFault::Down));
    assert!(matches!(
        states(&api, &["uid-gone"]).await,
        Err(ApiError::Unreachable(_))
    ));
}

#[tokio::test]
async fn zitadel_states_are_read_from_the_user_api() {
    let dir = DirectoryApi::start().await;
    dir.set("z1", Person::Active);
    dir.set("z2", Person::Disabled);
    dir.set("z3", Person::Locked);
    let api = IdpApi::new(
        "sync",
        &dir.url,
        &settings(&format!(
            "[sync]\nkind = \"zitadel\"\napi_token = \"{API_TOKEN}\"\n"
        )),
    )
    .unwrap()
    .unwrap();
    assert_eq!(
        states(&api, &["z1", "z2", "z3", "z4"]).await.unwrap(),
        [
            PersonState::Active,
            PersonState::Disabled,
            PersonState::Disabled,
            PersonState::Deleted
        ]
    );
}

#[tokio::test]
async fn graph_is_asked_for_account_enabled_by_object_id() {
    let dir = DirectoryApi::start().await;
    dir.set("0a21f0f2-aaaa", Person::Active);
    dir.set("0a21f0f2-bbbb", Person::Disabled);
    let api = IdpApi::new(
        "sync",
        "https://login.microsoftonline.com/tenant-id/v2.0",
        &settings(&format!(
            "[sync]\nkind = \"graph\"\napi_url = \"{url}\"\ntoken_url = \"{url}/tenant-id/oauth2/v2.0/token\"\nclient_id = \"{CLIENT_ID}\"\nclient_secret = \"{CLIENT_SECRET}\"\nid_claim = \"oid\"\n",
            url = dir.url
        )),
    )
    .unwrap()
    .unwrap();
    assert_eq!(
        states(&api, &["0a21f0f2-aaaa", "0a21f0f2-bbbb", "0a21f0f2-cccc"])
            .await
            .unwrap(),
        [
            PersonState::Active,
            PersonState::Disabled,
            PersonState::Deleted
        ]
    );
    dir.fail(Some(ApiFault::RateLimited(30)));
    assert_eq!(
        states(&api, &["0a21f0f2-aaaa"]).await,
        Err(ApiError::RateLimited {
            retry_after: Some(std::time::Duration::from_secs(30))
        })
    );
}

#[tokio::test]
async fn a_run_is_taken_only_when_due_and_by_one_instance_at_a_time() {
    use app::ssr::db::sync_runs;
    let api = DirectoryApi::start().await;
    let app = spawn_with_sync(&api).await;
    let db = app.db().await;

    assert!(
        sync_runs::take(&db, "acme", 60, false).await.unwrap(),
        "a new organisation is due"
    );
    assert!(
        !sync_runs::take(&db, "acme", 60, true).await.unwrap(),
        "held: not even forced"
    );
    let in_an_hour = time::OffsetDateTime::now_utc().unix_timestamp() + 3600;
    sync_runs::succeeded(&db, "acme", 1, 0, 0, in_an_hour)
        .await
        .unwrap();
    assert!(
        !sync_runs::take(&db, "acme", 60, false).await.unwrap(),
        "not due for an hour"
    );
    assert!(
        sync_runs::take(&db, "acme", 60, true).await.unwrap(),
        "check now"
    );
}
