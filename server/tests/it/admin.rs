//! Organisation administration: what admins can do, that nobody else can, and that no admin can
//! reach into another organisation on the shared Stalwart server.

use crate::common;

use app::routing::Target;
use app::routing::{Access, Kind, Route};
use common::{ADA, ALICE, BERT, Browser, TestApp, form_request_id, location, text};
use reqwest::StatusCode;

/// Acme's things, with `address` as the one a form names.
fn acme_target(address: &str) -> Target {
    Target {
        domain: "acme.test".into(),
        address: address.into(),
        slug: "acme".into(),
    }
}

/// Every form post of the admin area's table (the mailboxes and groups).
fn admin_posts() -> impl Iterator<Item = Route> {
    app::routes()
        .into_iter()
        .filter(|r| r.kind == Kind::Post && r.access == Access::Admin)
        .filter(|r| r.path.starts_with("/admin/mailboxes") || r.path.starts_with("/admin/groups"))
}

async fn post_body(browser: &Browser, path: &str, body: &str) -> reqwest::Response {
    browser
        .client
        .post(browser.url(path))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body.to_owned())
        .send()
        .await
        .unwrap()
}

async fn signed_in(app: &TestApp, who: &str) -> Browser {
    let browser = app.browser();
    assert_eq!(location(&browser.sign_in(who).await), "/account");
    browser
}

fn id_of(app: &TestApp, address: &str) -> String {
    let store = app.simulator.store();
    let account = store
        .account_by_address(address)
        .unwrap_or_else(|| panic!("{address} exists"));
    testkit::stalwart::ids::encode_id(account.id as u64)
}

async fn page(browser: &Browser, path: &str) -> (StatusCode, String) {
    let response = browser.get(path).await;
    let status = response.status();
    (status, text(&response.text().await.unwrap()))
}

/// Follows a post/redirect/get and returns the page text with its notice.
async fn post_then_page(browser: &Browser, path: &str, form: &[(&str, &str)]) -> String {
    let response = browser.post_form(path, form).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER, "{path}");
    page(browser, &location(&response)).await.1
}

#[tokio::test]
async fn an_admin_creates_finds_edits_groups_and_deletes_a_mailbox() {
    let app = TestApp::spawn().await;
    let admin = signed_in(&app, ADA).await;

    let created = admin
        .post_form(
            "/admin/mailboxes/new",
            &[
                ("local_part", "carol"),
                ("domain", "acme.test"),
                ("display_name", "Carol Clark"),
                ("quota_gb", "2"),
                ("aliases", "c.clark@acme.test"),
                ("password", ""),
            ],
        )
        .await;
    assert_eq!(created.status(), StatusCode::SEE_OTHER);
    let detail = page(&admin, &location(&created)).await.1;
    assert!(
        detail.contains("Created the mailbox carol@acme.test"),
        "{detail}"
    );
    assert!(
        detail.contains("c.clark@acme.test") && detail.contains("of 2 GB"),
        "{detail}"
    );

    let (_, found) = page(&admin, "/admin/mailboxes?domain=acme.test&q=carol").await;
    assert!(
        found.contains("carol@acme.test") && !found.contains("alice@acme.test"),
        "{found}"
    );
    assert!(found.contains("1 mailbox"), "{found}");

    let carol = id_of(&app, "carol@acme.test");
    let saved = post_then_page(
        &admin,
        &format!("/admin/mailboxes/{carol}"),
        &[("display_name", "Carol C. Clark"), ("quota_gb", "3")],
    )
    .await;
    assert!(
        saved.contains("Saved.") && saved.contains("Carol C. Clark") && saved.contains("of 3 GB"),
        "{saved}"
    );
    let added = post_then_page(
        &admin,
        &format!("/admin/mailboxes/{carol}/aliases"),
        &[("alias", "cc@acme.test")],
    )
    .await;
    assert!(added.contains("Added the alias cc@acme.test"));
    let removed = post_then_page(
        &admin,
        &format!("/admin/mailboxes/{carol}/aliases/remove"),
        &[("alias", "c.clark@acme.test")],
    )
    .await;
    assert!(
        removed.contains("Removed the alias c.clark@acme.test") && removed.contains("cc@acme.test"),
        "{removed}"
    );

    let group = post_then_page(
        &admin,
        "/admin/groups",
        &[("address", "sales@acme.test"), ("display_name", "Sales")],
    )
    .await;
    assert!(
        group.contains("Created the group sales@acme.test") && group.contains("Receives mail"),
        "{group}"
    );
    let sales = id_of(&app, "sales@acme.test");
    let joined = post_then_page(
        &admin,
        &format!("/admin/groups/{sales}/members"),
        &[("member", "carol@acme.test")],
    )
    .await;
    assert!(
        joined.contains("Added carol@acme.test to the group"),
        "{joined}"
    );
    assert!(
        app.simulator
            .store()
            .account_by_address("carol@acme.test")
            .unwrap()
            .member_group_ids
            .len()
            == 1
    );

    let wrong = post_then_page(
        &admin,
        &format!("/admin/mailboxes/{carol}/delete"),
        &[("confirm", "carol@acme")],
    )
    .await;
    assert!(
        wrong.contains("Type carol@acme.test exactly to confirm"),
        "{wrong}"
    );
    assert!(
        app.simulator
            .store()
            .account_by_address("carol@acme.test")
            .is_some()
    );
    let deleted = post_then_page(
        &admin,
        &format!("/admin/mailboxes/{carol}/delete"),
        &[("confirm", "carol@acme.test")],
    )
    .await;
    assert!(
        deleted.contains("Deleted the mailbox carol@acme.test"),
        "{deleted}"
    );
    assert!(
        app.simulator
            .store()
            .account_by_address("carol@acme.test")
            .is_none()
    );

    let (_, audit) = page(&admin, "/admin/audit?action=mailbox.").await;
    for action in [
        "mailbox.create",
        "mailbox.update",
        "mailbox.alias_add",
        "mailbox.alias_remove",
        "mailbox.delete",
    ] {
        let row = format!("<td>{action}</td>");
        assert!(audit.contains(&row), "{action} in {audit}");
    }
    assert!(
        !audit.contains("<td>group.create</td>"),
        "filtered by action"
    );
    assert!(
        audit.contains("\"before\"") && audit.contains("Carol Clark"),
        "before/after recorded: {audit}"
    );
}

#[tokio::test]
async fn a_taken_address_is_explained_and_the_form_keeps_its_values() {
    let app = TestApp::spawn().await;
    let admin = signed_in(&app, ADA).await;

    let response = admin
        .post_form(
            "/admin/mailboxes/new",
            &[
                ("local_part", "alice"),
                ("domain", "acme.test"),
                ("display_name", "Another Alice"),
            ],
        )
        .await;

    assert_eq!(response.status(), StatusCode::CONFLICT);
    let body = text(&response.text().await.unwrap());
    assert!(
        body.contains("already used by another mailbox, group or alias"),
        "{body}"
    );
    assert!(body.contains("value=\"Another Alice\""));
}

#[tokio::test]
async fn an_initial_password_is_checked_hashed_with_argon2id_and_works() {
    let app = TestApp::spawn().await;
    let admin = signed_in(&app, ADA).await;
    let weak = admin
        .post_form(
            "/admin/mailboxes/new",
            &[
                ("local_part", "dan"),
                ("domain", "acme.test"),
                ("password", "password1234"),
            ],
        )
        .await;
    assert_eq!(weak.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(text(&weak.text().await.unwrap()).contains("too weak"));
    let password = "violet-harbour-tangent-47";

    let created = admin
        .post_form(
            "/admin/mailboxes/new",
            &[
                ("local_part", "dan"),
                ("domain", "acme.test"),
                ("password", password),
            ],
        )
        .await;

    assert_eq!(created.status(), StatusCode::SEE_OTHER);
    let requests = serde_json::to_string(&app.simulator.store().requests).unwrap();
    assert!(
        !requests.contains(password),
        "the plaintext never reaches Stalwart"
    );
    assert!(
        requests.contains("$argon2id$v=19$m=19456,t=2,p=1$"),
        "a hash does"
    );
    let login = reqwest::Client::new()
        .post(format!("{}/jmap", app.simulator.url))
        .basic_auth("dan@acme.test", Some(password))
        .header("content-type", "application/json")
        .body(r#"{"using":[],"methodCalls":[["x:AppPassword/query",{},"q"]]}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(
        login.status(),
        StatusCode::OK,
        "the simulator verifies argon2id like Stalwart"
    );
}

#[tokio::test]
async fn a_group_that_cannot_receive_mail_is_flagged_and_fixed() {
    let app = TestApp::spawn().await;
    let sales = {
        let mut store = app.simulator.store();
        let domain = store.domain_id("acme.test").unwrap();
        let id = store.create_group("sales", &domain, Some("Sales"));
        let n = testkit::stalwart::ids::decode_id(&id).unwrap() as u32;
        store.accounts.get_mut(&n).unwrap().permissions = serde_json::json!({
            "enabledPermissions": {}, "disabledPermissions": {"emailReceive": true}, "@type": "Merge"});
        id
    };
    let admin = signed_in(&app, ADA).await;
    let (_, before) = page(&admin, "/admin/groups").await;
    assert!(before.contains("Cannot receive mail"), "{before}");

    let after = post_then_page(&admin, &format!("/admin/groups/{sales}/receive"), &[]).await;

    assert!(
        after.contains("The group can receive mail now") && after.contains("Receives mail"),
        "{after}"
    );
    let store = app.simulator.store();
    let group = store.account_by_address("sales@acme.test").unwrap();
    assert!(
        group.permissions["disabledPermissions"]
            .get("emailReceive")
            .is_none(),
        "{:?}",
        group.permissions
    );
}

#[tokio::test]
async fn admins_see_and_revoke_a_users_app_passwords_by_name_only() {
    let app = TestApp::spawn().await;
    let alice = signed_in(&app, ALICE).await;
    let request_id = form_request_id(&alice, "/app-passwords/new").await;
    let created = alice
        .post_form(
            "/app-passwords/new",
            &[("request_id", &request_id), ("name", "Alice phone")],
        )
        .await;
    let secret_page = created.text().await.unwrap();
    let secret = secret_page
        .split("data-copy=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_owned();
    let admin = signed_in(&app, ADA).await;
    let alice_id = id_of(&app, ALICE);

    let (_, detail) = page(&admin, &format!("/admin/mailboxes/{alice_id}")).await;
    assert!(
        detail.contains("Alice phone") && !detail.contains(&secret),
        "{detail}"
    );
    let credential = app.simulator.store().app_passwords_of(ALICE)[0].0.clone();
    let revoked = post_then_page(
        &admin,
        &format!("/admin/mailboxes/{alice_id}/app-passwords/{credential}/revoke"),
        &[],
    )
    .await;

    assert!(
        revoked.contains("Revoked the app password “Alice phone”"),
        "{revoked}"
    );
    assert!(app.simulator.store().app_passwords_of(ALICE).is_empty());
}

#[tokio::test]
async fn a_user_without_the_admin_group_gets_403_everywhere() {
    let app = TestApp::spawn().await;
    let user = signed_in(&app, ALICE).await;
    let alice_id = id_of(&app, ALICE);
    let before = app.stalwart_snapshot();

    // Every admin page, download and post of the tables, aimed at Alice's own things.
    let acme = acme_target(ALICE);
    let mut walked = 0;
    for route in app::routes().iter().filter(|r| r.access == Access::Admin) {
        let path = route.fill(|param| match param {
            "id" => alice_id.clone(),
            "credential" => "b".into(),
            "name" => "acme.test".into(),
            other => panic!("{}: no value for :{other}", route.path),
        });
        let response = crate::boundary::send(&user, route, &path, &acme).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{path}");
        let body = text(&response.text().await.unwrap());
        assert!(body.contains("Only administrators"), "{path}: {body}");
        walked += 1;
    }
    assert!(walked >= 20, "{walked} admin routes");
    // Every server function under /api/admin/, as registered, with every argument any of them
    // takes (each ignores those it does not).
    let functions: Vec<&str> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, _)| path)
        .filter(|path| path.starts_with("/api/admin/"))
        .collect();
    assert!(functions.len() >= 6, "{functions:?}");
    for (path, args) in functions
        .into_iter()
        .map(|path| (path, "id=b&name=acme.test"))
    {
        let response = user
            .client
            .post(user.url(path))
            .header("content-type", "application/x-www-form-urlencoded")
            .header("accept", "application/json")
            .body(args)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "server fn {path}");
    }
    assert_eq!(
        app.stalwart_snapshot(),
        before,
        "nothing changed at Stalwart"
    );
}

#[tokio::test]
async fn an_organisation_admin_cannot_reach_another_organisation_on_the_shared_server() {
    let app = TestApp::spawn().await;
    let admin = signed_in(&app, ADA).await; // admin of acme
    let bert = id_of(&app, BERT); // beta
    let support = id_of(&app, "support@beta.test"); // beta group
    let alice = id_of(&app, ALICE);
    let before = app.stalwart_snapshot();

    // Pages and server functions with beta's ids and domain.
    let pages = (app::routes().into_iter())
        .filter(|r| r.kind == Kind::Page && r.access == Access::Admin)
        .filter(|r| r.params().any(|p| p == "id"));
    let mut paths: Vec<String> = pages.map(|r| r.fill(|_| bert.clone())).collect();
    assert!(paths.len() >= 2, "{paths:?}");
    // A group's id where a mailbox's is expected.
    paths.push(format!("/admin/mailboxes/{support}"));
    for path in paths {
        let (_, body) = page(&admin, &path).await;
        assert!(
            body.contains("There is no such mailbox or group in your organisation"),
            "{path}: {body}"
        );
        assert!(!body.contains("bert@beta.test"), "{path}");
    }
    let (_, listed) = page(&admin, "/admin/mailboxes?domain=beta.test").await;
    assert!(
        !listed.contains("bert@beta.test") && listed.contains("alice@acme.test"),
        "{listed}"
    );
    let (_, found) = page(&admin, "/admin/mailboxes?q=bert").await;
    assert!(!found.contains("bert@beta.test"));
    let (_, groups) = page(&admin, "/admin/groups").await;
    assert!(!groups.contains("support@beta.test"));
    let fn_answer = admin
        .client
        .post(admin.url("/api/admin/mailbox"))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("accept", "application/json")
        .body(format!("id={bert}"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        !fn_answer.contains("bert@beta.test") && fn_answer.contains("NotFound"),
        "{fn_answer}"
    );

    // Every write of the tables, aimed at beta's things.
    let beta = crate::boundary::beta();
    let mut attempts: Vec<(String, String)> = admin_posts()
        .map(|route| {
            let path = route.fill(|param| match param {
                "id" if route.path.starts_with("/admin/groups/") => support.clone(),
                "id" => bert.clone(),
                "credential" => "b".into(),
                "name" => "beta.test".into(),
                other => panic!("{}: no value for :{other}", route.path),
            });
            (path, (route.sample.unwrap())(&beta))
        })
        .collect();
    // An acme mailbox with an alias in beta's domain.
    attempts.push((
        format!("/admin/mailboxes/{alice}/aliases"),
        "alias=alice%40beta.test".into(),
    ));
    for (path, form) in &attempts {
        let response = post_body(&admin, path, form).await;
        assert_ne!(response.status(), StatusCode::OK, "{path}");
        if response.status() == StatusCode::SEE_OTHER {
            let (_, body) = page(&admin, &location(&response)).await;
            assert!(
                body.contains("no such mailbox or group")
                    || body.contains("not one of your organisation's domains")
                    || body.contains("Choose one of your organisation's domains"),
                "{path}: {body}"
            );
        }
    }
    // Bert as a member of an acme group is refused too.
    let sales = post_then_page(&admin, "/admin/groups", &[("address", "sales@acme.test")]).await;
    assert!(sales.contains("Created the group"));
    let sales_id = id_of(&app, "sales@acme.test");
    let refused = post_then_page(
        &admin,
        &format!("/admin/groups/{sales_id}/members"),
        &[("member", BERT)],
    )
    .await;
    assert!(
        refused.contains("beta.test is not one of your organisation's domains"),
        "{refused}"
    );

    let after = app.stalwart_snapshot();
    let sales_n = testkit::stalwart::ids::decode_id(&sales_id).unwrap() as u32;
    let mut store_without_sales = app.simulator.store().accounts.clone();
    store_without_sales.remove(&sales_n);
    assert_eq!(
        format!("{store_without_sales:?}"),
        before,
        "beta untouched; only acme's own new group exists\n{after}"
    );
}

#[tokio::test]
async fn a_first_sign_in_creates_the_mailbox_when_the_organisation_asks_for_it() {
    let app = TestApp::spawn_with(common::seed(), |config| {
        *config = config.replace(
            "mailbox_passwords = \"optional\"",
            "mailbox_passwords = \"optional\"\n            provision_mailboxes = true",
        );
    })
    .await;
    assert!(
        app.simulator
            .store()
            .account_by_address(common::NOMAIL)
            .is_none()
    );
    let browser = app.browser();

    browser.sign_in(common::NOMAIL).await;

    {
        let store = app.simulator.store();
        let account = store
            .account_by_address(common::NOMAIL)
            .expect("provisioned");
        assert_eq!(account.description.as_deref(), Some("No Mailbox"));
    }
    let (_, account_page) = page(&browser, "/account").await;
    assert!(
        account_page.contains("nomail@acme.test")
            && !account_page.contains("You do not have a mailbox yet")
    );
}

/// Accounts in the organisation's domains that the organisation admin must not control: the portal's own
/// account (Admin role, owns the API key, from the seed), another server admin, an account
/// with a server-management permission, and a group that grants one.
fn protect_seed(app: &TestApp) -> (Vec<String>, String, String) {
    use serde_json::json;
    use testkit::stalwart::ids::decode_id;
    let mut store = app.simulator.store();
    let acme = store.domain_id("acme.test").unwrap();
    let root = store.create_user("root", &acme, Some("Server admin"), None);
    store.make_admin(&root);
    let ops = store.create_user("ops", &acme, Some("Operations"), None);
    let n = decode_id(&ops).unwrap() as u32;
    store.accounts.get_mut(&n).unwrap().permissions = json!({"@type": "Merge",
        "enabledPermissions": {"sysDomainUpdate": true}, "disabledPermissions": {}});
    let admins = store.create_group("mail-ops", &acme, Some("Mail operators"));
    let n = decode_id(&admins).unwrap() as u32;
    store.accounts.get_mut(&n).unwrap().permissions = json!({"@type": "Merge",
        "enabledPermissions": {"sysAccountUpdate": true}, "disabledPermissions": {}});
    // A plain group the server admin belongs to, and an app password of the server admin.
    let team = store.create_group("team", &acme, Some("Team"));
    let root_n = decode_id(&root).unwrap() as u32;
    store
        .accounts
        .get_mut(&root_n)
        .unwrap()
        .member_group_ids
        .insert(decode_id(&team).unwrap() as u32);
    let admin = testkit::stalwart::Caller::recovery_admin();
    let args = json!({"accountId": root, "create": {"k": {"description": "Root laptop"}}});
    let (name, _) = store.call(
        admin,
        "x:AppPassword/set",
        args.as_object().unwrap().clone(),
    );
    assert_eq!(name, "x:AppPassword/set");
    let portal = id_of_locked(&store, "postern@acme.test");
    (vec![portal, root, ops], admins, team)
}

fn id_of_locked(store: &testkit::stalwart::Store, address: &str) -> String {
    testkit::stalwart::ids::encode_id(store.account_by_address(address).unwrap().id as u64)
}

#[tokio::test]
async fn accounts_with_rights_on_the_server_are_shown_but_never_changed_by_an_organisation_admin() {
    let app = TestApp::spawn().await;
    let (protected, admin_group, team) = protect_seed(&app);
    let admin = signed_in(&app, ADA).await;
    let before = app.stalwart_snapshot();

    // Listed with the badge; their own pages offer no form.
    let (_, list) = page(&admin, "/admin/mailboxes?domain=acme.test").await;
    assert!(list.contains("root@acme.test") && list.contains("Managed by your mail server"));
    for id in &protected {
        let (status, detail) = page(&admin, &format!("/admin/mailboxes/{id}")).await;
        assert_eq!(status, StatusCode::OK);
        assert!(
            detail.contains("managed by your mail server's operator"),
            "{detail}"
        );
        assert!(
            !detail.contains("method=\"post\" action=\"/admin/mailboxes/"),
            "{detail}"
        );
    }
    let (_, groups) = page(&admin, "/admin/groups").await;
    assert!(
        !groups.contains(&format!("/admin/groups/{admin_group}/members")),
        "{groups}"
    );

    // Act: every write, aimed at each protected account.
    let credential = app.simulator.store().app_passwords_of("root@acme.test")[0]
        .0
        .clone();
    // Every post of the tables that names a mailbox or group, at each protected one; the
    // mailboxes' forms name their own address, the groups' a plain member.
    let mut attempts: Vec<(String, String)> = Vec::new();
    for route in admin_posts().filter(|r| r.params().next().is_some()) {
        let aimed: Vec<(&String, app::routing::Target)> =
            if route.path.starts_with("/admin/groups/") {
                vec![(&admin_group, acme_target(ALICE))]
            } else {
                protected
                    .iter()
                    .map(|id| (id, acme_target("root@acme.test")))
                    .collect()
            };
        for (id, target) in aimed {
            let path = route.fill(|param| match param {
                "id" => id.clone(),
                "credential" => credential.clone(),
                other => panic!("{}: no value for :{other}", route.path),
            });
            attempts.push((path, (route.sample.unwrap())(&target)));
        }
    }
    // Membership both ways: a protected member of a plain group, a member of a protected group.
    attempts.extend([
        (
            format!("/admin/groups/{team}/members/remove"),
            "member=root%40acme.test".to_owned(),
        ),
        (
            format!("/admin/groups/{team}/members"),
            "member=postern%40acme.test".to_owned(),
        ),
    ]);
    for (path, form) in &attempts {
        let response = post_body(&admin, path, form).await;

        assert_eq!(response.status(), StatusCode::FORBIDDEN, "POST {path}");
        let body = text(&response.text().await.unwrap());
        assert!(
            body.contains("managed by your mail server's operator"),
            "{path}: {body}"
        );
    }

    // Assert: nothing changed at Stalwart, and every attempt is in the audit log.
    assert_eq!(
        app.stalwart_snapshot(),
        before,
        "protected accounts unchanged"
    );
    let db = app.db().await;
    let filter = app::ssr::db::audit::Filter::default();
    let events = app::ssr::db::audit::for_organisation(&db, "acme", &filter, 500, 0)
        .await
        .unwrap();
    let refused = events
        .iter()
        .filter(|e| e.action.ends_with(".refused"))
        .count();
    assert_eq!(refused, attempts.len(), "{events:#?}");
    let declared = app::audit_actions();
    for e in &events {
        assert!(
            declared.iter().any(|a| a.as_str() == e.action),
            "{} is declared in an area's actions.rs",
            e.action
        );
    }
}

#[tokio::test]
async fn a_password_for_an_account_of_an_external_directory_is_refused_in_words() {
    let app = TestApp::spawn().await;
    let olga = {
        let mut store = app.simulator.store();
        let acme = store.domain_id("acme.test").unwrap();
        store.provision_external_user("olga", &acme, "Olga OIDC")
    };
    let admin = signed_in(&app, ADA).await;
    let before = app.stalwart_snapshot();

    let response = admin
        .post_form(
            &format!("/admin/mailboxes/{olga}/password"),
            &[("password", "violet-harbour-tangent-47")],
        )
        .await;

    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let body = text(&response.text().await.unwrap());
    assert!(body.contains("managed by its sign-in service"), "{body}");
    assert!(!body.contains("Something went wrong"), "{body}");
    assert_eq!(app.stalwart_snapshot(), before);
}

#[tokio::test]
async fn with_an_external_directory_no_password_form_is_offered() {
    let app = TestApp::spawn().await;
    app.simulator.store().directory_id = Some("jpxh2dqcafaa".into());
    let admin = signed_in(&app, ADA).await;
    let alice = id_of(&app, ALICE);

    let (status, detail) = page(&admin, &format!("/admin/mailboxes/{alice}")).await;

    assert_eq!(status, StatusCode::OK);
    assert!(
        detail.contains("managed by its sign-in service"),
        "{detail}"
    );
    assert!(
        !detail.contains(&format!("/admin/mailboxes/{alice}/password")),
        "{detail}"
    );
    let (_, form) = page(&admin, "/admin/mailboxes/new").await;
    assert!(!form.contains("name=\"password\""), "{form}");
}

#[tokio::test]
async fn pages_of_things_that_are_not_there_answer_404_and_refusals_403() {
    let app = TestApp::spawn().await;
    let admin = signed_in(&app, ADA).await;
    let user = signed_in(&app, ALICE).await;
    let bert = id_of(&app, BERT);

    for (browser, path) in [
        (&admin, format!("/admin/mailboxes/{bert}")),
        (&admin, format!("/admin/mailboxes/{bert}/delete")),
        (&admin, "/admin/domains/beta.test".to_owned()),
        (&user, "/app-passwords/zz/revoke".to_owned()),
        (&user, "/no-such-page".to_owned()),
    ] {
        let (status, _) = page(browser, &path).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
    }
    let (status, _) = page(&user, "/admin/groups").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}
