//! Organisations, domains, IdPs and mail servers live in the database; postern.toml seeds
//! them. Run on SQLite and PostgreSQL (`POSTERN_TEST_DATABASE=postgres`).

use crate::common::*;
use app::ssr::config::{LoginHint, MailboxPasswords};
use app::ssr::db::dns_publishing;
use app::ssr::db::organisations::{
    self as store, IdentityProviderRecord, MailSettingsRecord, OrganisationRecord, Policies,
    Status, reason,
};
use app::ssr::directory::manage::{self, COMMAND_LINE, NewMailServer, NewOrganisation};
use app::ssr::secrets::Keyring;
use reqwest::StatusCode;
use secrecy::{ExposeSecret, SecretString};
use std::time::Duration;
use testkit::oidc::User;

const KEY_A: &str = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
const KEY_B: &str = "ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100";
/// Gamma signs in through issuer A's client (the in-process issuer has one client).
const GAMMA_SECRET: &str = "secret-a";
const SPARE_KEY: &str = "API_spare-server-key-41d9";
const TSIG_SECRET: &str = "Z2FtbWEtdHNpZy1zZWNyZXQtZm9yLXRoZS10ZXN0cw==";

/// The configuration without its `[organisations.beta]` entry (the last one).
fn without_beta(config: &str) -> String {
    config[..config.find("[organisations.beta]").expect("beta in config")].to_owned()
}

async fn count(db: &app::ssr::db::Db, sql: &str) -> i64 {
    sqlx::query_scalar::<_, i64>(sql)
        .fetch_one(&db.pool)
        .await
        .unwrap()
}

/// Gamma: an organisation added in the portal.
fn gamma(issuer: &str, domain: &str) -> NewOrganisation {
    NewOrganisation {
        organisation: OrganisationRecord {
            slug: "gamma".into(),
            display_name: "Gamma GmbH".into(),
            status: Status::Active,
            status_reason: None,
            managed_by: None,
            partner: false,
            operator: false,
            mail_server: Some("shared".into()),
            mail: MailSettingsRecord {
                imap_host: "mail.gamma.test".into(),
                imap_port: 993,
                smtp_host: "mail.gamma.test".into(),
                smtp_port: 465,
            },
            policies: Policies {
                fresh_auth_max_age_secs: 600,
                mailbox_passwords: MailboxPasswords::None,
                provision_mailboxes: false,
                require_verified_email: true,
                session_lifetime_secs: 3600,
                session_idle_secs: 1800,
                admin_recheck_secs: 900,
                default_locale: None,
            },
            from_config: false,
        },
        identity_provider: IdentityProviderRecord {
            organisation: "gamma".into(),
            issuer: issuer.into(),
            client_id: "postern-a".into(),
            client_secret: None,
            scopes: vec!["openid".into(), "email".into(), "profile".into()],
            email_claim: "email".into(),
            groups_claim: "groups".into(),
            admin_group: None,
            login_hint: LoginHint::Email,
            revision: 0,
        },
        client_secret: SecretString::from(GAMMA_SECRET.to_owned()),
        domains: vec![(domain.into(), true)],
    }
}

#[tokio::test]
async fn seeding_the_same_configuration_again_changes_nothing_and_an_edit_updates_the_row() {
    let app = TestApp::spawn().await;
    let db = app.db().await;
    let first = store::everything(&db).await.unwrap();
    assert_eq!(first.organisations.len(), 2);
    assert!(
        first
            .organisations
            .iter()
            .all(|o| o.from_config && o.status == Status::Active)
    );
    assert_eq!(first.domains.len(), 2);
    // Secrets written in the file stay in the file.
    assert!(first.mail_servers.iter().all(|s| s.api_key.is_none()));
    assert!(
        first
            .identity_providers
            .iter()
            .all(|p| p.client_secret.is_none())
    );

    app.another_instance().await;
    let again = store::everything(&db).await.unwrap();
    assert_eq!(
        again.version, first.version,
        "nothing changed, nothing announced"
    );
    assert_eq!(again.organisations, first.organisations);
    assert_eq!(again.identity_providers, first.identity_providers);

    let edited = app
        .config
        .replace(
            "display_name = \"Acme Corp\"",
            "display_name = \"Acme Corporation\"",
        )
        .replace("smtp_port = 587", "smtp_port = 465");
    app.instance_with(&edited, Keyring::default())
        .await
        .unwrap();
    let after = store::everything(&db).await.unwrap();
    assert!(after.version > first.version);
    let acme = after
        .organisations
        .iter()
        .find(|o| o.slug == "acme")
        .unwrap();
    assert_eq!(acme.display_name, "Acme Corporation");
    let beta = after
        .organisations
        .iter()
        .find(|o| o.slug == "beta")
        .unwrap();
    assert_eq!(beta.mail.smtp_port, 465);

    // The first instance sees the edit without a restart.
    tokio::time::sleep(Duration::from_secs(1)).await;
    let browser = app.browser();
    let start = browser.start_sign_in("nobody@acme.test").await;
    assert_eq!(start.status(), StatusCode::SEE_OTHER);
    let signed_in = app.browser();
    signed_in.sign_in(ALICE).await;
    let page = text(&signed_in.get("/account").await.text().await.unwrap());
    assert!(page.contains("Acme Corporation"), "{page}");
}

#[tokio::test]
async fn an_organisation_removed_from_the_configuration_is_suspended_and_keeps_its_history() {
    let app = TestApp::spawn().await;
    let bert = app.browser();
    let done = bert.sign_in(BERT).await;
    assert_eq!(location(&done), "/account");
    let db = app.db().await;
    let history = count(
        &db,
        "SELECT COUNT(*) FROM audit_events WHERE organisation = 'beta'",
    )
    .await;
    assert!(history > 0);

    app.instance_with(&without_beta(&app.config), Keyring::default())
        .await
        .unwrap();
    let all = store::everything(&db).await.unwrap();
    let beta = all.organisations.iter().find(|o| o.slug == "beta").unwrap();
    assert_eq!(beta.status, Status::Suspended);
    assert_eq!(beta.status_reason.as_deref(), Some(reason::CONFIG_REMOVED));
    // Its domain stays its own: nobody else can take beta.test by accident.
    assert!(
        all.domains
            .iter()
            .any(|d| d.name == "beta.test" && d.organisation == "beta")
    );

    // Within a second the first instance ends Bert's session and refuses his sign-in.
    tokio::time::sleep(Duration::from_secs(1)).await;
    let account = bert.get("/account").await;
    assert_eq!(
        location(&account),
        "/",
        "session ended: sent to the start page"
    );
    let refused = bert.start_sign_in(BERT).await;
    assert_eq!(location(&refused), "/");
    let page = text(&bert.start_page().await);
    assert!(
        page.contains("Sign-in to this portal is switched off for Beta Ltd"),
        "{page}"
    );
    let kept = count(
        &db,
        "SELECT COUNT(*) FROM audit_events WHERE organisation = 'beta'",
    )
    .await;
    assert!(kept > history, "history kept, and the refusal added to it");

    // Declared again: active again, but the sessions it had stay ended.
    app.another_instance().await;
    let all = store::everything(&db).await.unwrap();
    let beta = all.organisations.iter().find(|o| o.slug == "beta").unwrap();
    assert_eq!(beta.status, Status::Active);
    tokio::time::sleep(Duration::from_secs(1)).await;
    let account = bert.get("/account").await;
    assert_eq!(
        location(&account),
        "/",
        "a suspension ends sessions for good"
    );
}

#[tokio::test]
async fn a_domain_cannot_belong_to_two_organisations() {
    let app = TestApp::spawn().await;
    let db = app.db().await;
    let keyring = Keyring::from_text(KEY_A).unwrap();

    // In the portal: refused, and nothing of the new organisation is left behind.
    let taken = manage::create_organisation(
        &db,
        &keyring,
        &COMMAND_LINE,
        gamma(&app.issuer_a.issuer, "acme.test"),
    )
    .await
    .unwrap_err();
    assert!(
        matches!(taken, manage::ManageError::DomainTaken { ref domain } if domain == "acme.test")
    );
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM organisations WHERE slug = 'gamma'"
        )
        .await,
        0
    );

    // By the database itself, whoever writes.
    let mut tx = db.pool.begin().await.unwrap();
    let err = store::insert_domain(
        &mut tx,
        &store::DomainRecord {
            name: "beta.test".into(),
            organisation: "acme".into(),
            verified: true,
            from_config: false,
        },
    )
    .await
    .unwrap_err();
    assert!(store::is_unique_violation(&err), "{err}");
    tx.rollback().await.unwrap();

    // In postern.toml: a domain the portal gave another organisation stops the start, named.
    manage::create_organisation(
        &db,
        &keyring,
        &COMMAND_LINE,
        gamma(&app.issuer_a.issuer, "gamma.test"),
    )
    .await
    .unwrap();
    let again = manage::create_organisation(
        &db,
        &keyring,
        &COMMAND_LINE,
        gamma(&app.issuer_a.issuer, "gamma2.test"),
    )
    .await
    .unwrap_err();
    assert_eq!(
        again.to_string(),
        "an organisation \"gamma\" already exists"
    );
    // Nor can postern.toml take over an organisation added in the portal by naming its slug.
    let gamma_entry = app
        .config
        .replace("[organisations.beta", "[organisations.gamma");
    let err = app
        .instance_with(&gamma_entry, Keyring::from_text(KEY_A).unwrap())
        .await
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "organisations.gamma: an organisation \"gamma\" was added in the portal; give this entry another name"
    );
    let claiming = app.config.replace(
        "domains = [\"acme.test\"]",
        "domains = [\"acme.test\", \"gamma.test\"]",
    );
    let err = app.instance_with(&claiming, keyring).await.unwrap_err();
    assert_eq!(
        err.to_string(),
        "organisations.acme.domains: gamma.test already belongs to the organisation \"gamma\", which was added in the portal; a domain belongs to one organisation only"
    );
}

#[tokio::test]
async fn an_organisation_suspended_through_one_instance_refuses_sign_in_on_another_within_a_second()
{
    let app = TestApp::spawn().await;
    let b = app.another_instance().await;
    let on_b = app.same_browser_at(&app.browser(), &b);
    let before = on_b.start_sign_in(ALICE).await;
    assert_eq!(before.status(), StatusCode::SEE_OTHER);
    assert!(location(&before).starts_with(&app.issuer_a.issuer));

    // Instance A's database, as its operator command or partner console writes it.
    manage::set_status(
        &app.db().await,
        &COMMAND_LINE,
        "acme",
        Status::Suspended,
        Some(reason::OPERATOR),
    )
    .await
    .unwrap();
    tokio::time::sleep(Duration::from_secs(1)).await;

    let after = on_b.start_sign_in(ALICE).await;
    assert_eq!(location(&after), "/");
    let page = text(&on_b.start_page().await);
    assert!(page.contains("switched off for Acme Corp"), "{page}");

    // An operator's suspension survives a restart with the organisation still declared.
    app.another_instance().await;
    let all = store::everything(&app.db().await).await.unwrap();
    let acme = all.organisations.iter().find(|o| o.slug == "acme").unwrap();
    assert_eq!(acme.status, Status::Suspended);
}

#[tokio::test]
async fn secrets_added_in_the_portal_are_sealed_open_after_a_rotation_and_need_their_key() {
    let mut store = seed();
    let gamma_domain = store.create_domain("gamma.test");
    store.create_user("gina", &gamma_domain, Some("Gina Gamma"), None);
    let app = TestApp::spawn_with(store, |_| {}).await;
    app.issuer_a
        .add_user(User::new("gina@gamma.test", "Gina Gamma", &[]));
    let db = app.db().await;
    let key_a = Keyring::from_text(KEY_A).unwrap();
    manage::create_organisation(
        &db,
        &key_a,
        &COMMAND_LINE,
        gamma(&app.issuer_a.issuer, "gamma.test"),
    )
    .await
    .unwrap();
    let url = url::Url::parse(&app.simulator.url).unwrap();
    let spare = NewMailServer {
        name: "spare",
        url: &url,
        api_key: &SecretString::from(SPARE_KEY.to_owned()),
        timeout_ms: 2000,
        managed_by: None,
    };
    manage::add_mail_server(&db, &key_a, &spare).await.unwrap();
    // A TSIG key gamma.test's records are published with, sealed the same way.
    let tsig = SecretString::from(TSIG_SECRET.to_owned());
    let binding = dns_publishing::secret_binding("gamma.test", "192.0.2.53", 53, "gamma-update.");
    let publishing = dns_publishing::Publishing {
        domain: "gamma.test".into(),
        organisation: "gamma".into(),
        host: "192.0.2.53".into(),
        port: 53,
        tcp: false,
        key_name: "gamma-update.".into(),
        algorithm: "hmac-sha256".into(),
        secret: key_a.seal(&tsig, &binding).unwrap(),
        origin: None,
        state: dns_publishing::state::CHECKED.into(),
        preview: None,
        dns_server_id: None,
        failure: None,
        updated_at: 0,
    };
    assert!(dns_publishing::put_checked(&db, &publishing).await.unwrap());

    // Nothing readable in the rows.
    let stored: Vec<String> = sqlx::query_scalar(
        "SELECT client_secret FROM identity_providers WHERE client_secret IS NOT NULL \
         UNION ALL SELECT api_key FROM mail_servers WHERE api_key IS NOT NULL \
         UNION ALL SELECT secret FROM dns_publishing",
    )
    .fetch_all(&db.pool)
    .await
    .unwrap();
    assert_eq!(stored.len(), 3);
    assert!(
        stored.iter().all(|s| !s.contains(GAMMA_SECRET)
            && !s.contains(SPARE_KEY)
            && !s.contains(TSIG_SECRET))
    );

    // Without its key the portal refuses to start, in one line.
    let err = app
        .instance_with(&app.config, Keyring::default())
        .await
        .unwrap_err();
    assert!(
        err.to_string()
            .starts_with("no secrets key: set POSTERN_SECRETS_KEY or server.secrets_key_file"),
        "{err}"
    );

    // Rotation: B current, A previous; everything sealed again under B.
    let rotating = Keyring::from_texts(KEY_B, Some(KEY_A)).unwrap();
    assert_eq!(manage::rotate_secrets(&db, &rotating).await.unwrap(), 3);
    assert_eq!(
        manage::rotate_secrets(&db, &rotating).await.unwrap(),
        0,
        "nothing left"
    );
    let key_b = Keyring::from_text(KEY_B).unwrap();
    let ids = store::sealing_key_ids(&db).await.unwrap();
    assert_eq!(ids, vec![key_b.current_id().unwrap().to_owned()]);
    let resealed = dns_publishing::of_domain(&db, "gamma.test")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        key_b
            .open(&resealed.secret, &binding)
            .unwrap()
            .expose_secret(),
        TSIG_SECRET
    );
    let old_only = app.instance_with(&app.config, key_a).await.unwrap_err();
    assert!(
        old_only
            .to_string()
            .contains("neither the current nor the previous"),
        "{old_only}"
    );

    // With the new key alone, Gina signs in through Gamma's IdP: the client secret opened.
    let b = app.instance_with(&app.config, key_b).await.unwrap();
    let gina = app.same_browser_at(&app.browser(), &b);
    let done = gina.sign_in("gina@gamma.test").await;
    assert_eq!(
        location(&done),
        "/account",
        "token exchange used the sealed secret"
    );
}

#[tokio::test]
async fn operator_commands_list_suspend_and_resume_organisations() {
    let app = TestApp::spawn().await;
    let dir = tempdir::Dir::new();
    let config = dir.0.join("postern.toml");
    std::fs::write(&config, &app.config).unwrap();
    let run = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_server"))
            .arg("--config")
            .arg(&config)
            .args(args)
            .env_remove("POSTERN_SECRETS_KEY")
            .output()
            .unwrap();
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stdout).into_owned()
                + &String::from_utf8_lossy(&out.stderr),
        )
    };
    let (ok, listed) = run(&["organisation", "list"]);
    assert!(ok, "{listed}");
    assert!(
        listed
            .lines()
            .any(|l| l.starts_with("acme ") && l.contains("active") && l.contains("acme.test")),
        "{listed}"
    );

    let (ok, said) = run(&["organisation", "suspend", "beta"]);
    assert!(ok, "{said}");
    let (_, listed) = run(&["organisation", "list"]);
    assert!(
        listed
            .lines()
            .any(|l| l.starts_with("beta ") && l.contains("suspended")),
        "{listed}"
    );
    let (_, shown) = run(&["organisation", "show", "beta"]);
    assert!(
        shown.contains("suspended (operator)") && shown.contains("IdP secret    in postern.toml"),
        "{shown}"
    );
    assert!(!shown.contains("secret-b"), "never a secret: {shown}");

    let (ok, said) = run(&["organisation", "resume", "nosuch"]);
    assert!(!ok);
    assert!(
        said.contains("there is no organisation \"nosuch\""),
        "{said}"
    );
    let (ok, _) = run(&["organisation", "resume", "beta"]);
    assert!(ok);

    // Adding a server needs the secrets key, and says so.
    let key_file = dir.0.join("key");
    std::fs::write(&key_file, "API_x\n").unwrap();
    let (ok, said) = run(&[
        "mail-server",
        "add",
        "spare",
        "--url",
        &app.simulator.url,
        "--api-key-file",
        key_file.to_str().unwrap(),
    ]);
    assert!(!ok);
    assert!(said.contains("no secrets key"), "{said}");
    let audit = count(
        &app.db().await,
        "SELECT COUNT(*) FROM audit_events WHERE organisation = 'beta' AND action LIKE 'organisation.%'",
    )
    .await;
    assert_eq!(audit, 2, "suspend and resume are in beta's audit log");
}

#[tokio::test]
async fn admins_see_their_organisation_read_only_when_postern_toml_declares_it() {
    let app = TestApp::spawn().await;
    let ada = app.browser();
    ada.sign_in(ADA).await;
    let response = ada.get("/admin/organisation").await;
    assert_eq!(response.status(), StatusCode::OK);
    let html = response.text().await.unwrap();
    assert!(html.contains("data-testid=\"managed-in-config\""), "{html}");
    let page = text(&html);
    assert!(page.contains("Managed in postern.toml"), "{page}");
    assert!(page.contains(&app.issuer_a.issuer), "{page}");
    assert!(page.contains("Set in postern.toml (never shown)"), "{page}");
    assert!(page.contains("acme.test"), "{page}");
    assert!(
        !html.contains("secret-a") && !html.contains(API_KEY),
        "never a secret"
    );
    // The page frame's language selector is outside <main>.
    let main = &html[html.find("<main").expect("main")..html.find("</main>").expect("main")];
    assert!(!main.contains("<form"), "nothing to change here: {main}");
}
