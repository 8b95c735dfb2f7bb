//! Each area's service, called as a background task or an operator command would call it:
//! a plain tokio test, no HTTP request and no Leptos context around it.

use app::admin::model::NewMailboxForm;
use app::app_passwords::model::NewAppPasswordForm;
use app::ssr::config::Settings;
use app::ssr::db::Db;
use app::ssr::directory::Directory;
use app::ssr::dns::check::DnsChecker;
use app::ssr::http::RequestMeta;
use app::ssr::oidc::{Identity, OidcProviders};
use app::ssr::scope::AdminScope;
use app::ssr::secrets::Keyring;
use app::ssr::session::SessionUser;
use app::ssr::state::{AppState, Caller, Shared};
use leptos::prelude::IntoAny;
use std::sync::Arc;
use std::time::Duration;
use testkit::stalwart::{Simulator, Store};

const KEY: &str = "API_services-test-key";

struct World {
    state: AppState,
    sim: Simulator,
    _dir: TempDir,
}

struct TempDir(std::path::PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The application state a background task would have: the database, the organisations from the
/// configuration, and the simulator as their mail server.
async fn world() -> World {
    let mut store = Store::default();
    let acme = store.create_domain("acme.test");
    store.create_user("alice", &acme, Some("Alice Anders"), None);
    let portal = store.create_user("postern", &acme, None, None);
    store.make_admin(&portal);
    store.add_api_key(&portal, KEY);
    let sim = Simulator::start_with(store).await;
    let dir = TempDir(std::env::temp_dir().join(format!("postern-services-{}", rand_suffix())));
    std::fs::create_dir_all(&dir.0).unwrap();
    let config = format!(
        r#"
        [server]
        public_url = "http://127.0.0.1:3000"
        [stalwart.main]
        url = "{}"
        api_key = "{KEY}"
        timeout_ms = 2000
        [organisations.acme]
        display_name = "Acme Corp"
        domains = ["acme.test"]
        stalwart = "main"
        mail = {{ imap_host = "mail.acme.test", smtp_host = "mail.acme.test" }}
        [organisations.acme.oidc]
        issuer = "http://127.0.0.1:9"
        client_id = "postern"
        client_secret = "s"
        admin_group = "mail-admins"
        "#,
        sim.url
    );
    let settings = Settings::from_toml(&config, std::iter::empty()).unwrap();
    let db = Db::connect(&format!("sqlite://{}/p.db?mode=rwc", dir.0.display()))
        .await
        .unwrap();
    let directory = Directory::boot(db.clone(), &settings, Keyring::default())
        .await
        .unwrap();
    let db_for_limits = db.clone();
    let oidc = OidcProviders::new(directory.outbound().clone(), directory.idp_response_limit());
    let state = AppState::new(Shared {
        leptos_options: leptos::config::LeptosOptions::builder()
            .output_name("postern")
            .build(),
        shell: |_| ().into_any(),
        audit_actions: app::audit_actions().into(),
        db,
        directory,
        oidc,
        dns: DnsChecker::new(&[], Duration::from_secs(1)).unwrap(),
        health: Default::default(),
        syncs: Default::default(),
        limiter: app::ssr::limits::Limiter::new(db_for_limits, settings.limits),
        public_url: settings.server.public_url.clone(),
        senders: Default::default(),
        recently: Default::default(),
        trusted_proxies: Arc::new([]),
    });
    World {
        state,
        sim,
        _dir: dir,
    }
}

fn rand_suffix() -> String {
    use std::time::{SystemTime, UNIX_EPOCH};
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    format!("{nanos:x}-{}", std::process::id())
}

fn caller(world: &World, email: &str, is_admin: bool) -> Caller {
    Caller {
        state: world.state.clone(),
        user: SessionUser {
            user_id: 1,
            organisation: "acme".into(),
            subject: format!("sub-{email}"),
            email: email.into(),
            name: None,
            is_admin,
            authenticated_at: Some(app::ssr::time::now()),
            id_token: String::new(),
            account_id: None,
            login_id: String::new(),
            admin_checked_at: app::ssr::time::now(),
        },
        organisation: world.state.organisations().by_slug("acme").unwrap().clone(),
    }
}

#[tokio::test]
async fn the_account_service_finds_the_mailbox_without_a_request() {
    let world = world().await;

    let overview = app::account::service::overview(&caller(&world, "alice@acme.test", false)).await;

    match overview.mailbox {
        app::account::model::MailboxStatus::Found(m) => assert_eq!(m.address, "alice@acme.test"),
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn the_sign_in_service_records_the_person_and_their_admin_role() {
    let world = world().await;
    let organisation = world.state.organisations().by_slug("acme").unwrap().clone();
    let identity = Identity {
        subject: "ada-1".into(),
        email: "ada@acme.test".into(),
        name: Some("Ada".into()),
        groups: vec!["mail-admins".into()],
        auth_time: None,
        id_token: String::new(),
        extra: Default::default(),
    };

    let (user, _) = app::auth::service::sign_in(
        &world.state,
        &organisation,
        identity,
        &RequestMeta::default(),
    )
    .await
    .unwrap();

    assert!(user.is_admin);
    let events = app::ssr::db::audit::for_actor(&world.state.db, "acme", user.user_id, 10)
        .await
        .unwrap();
    assert_eq!(events[0].action, "user.sign_in");
}

#[tokio::test]
async fn the_app_password_service_mints_a_password_that_works() {
    let world = world().await;
    let alice = caller(&world, "alice@acme.test", false);
    let form = NewAppPasswordForm {
        request_id: "abcdefghijklmnopqrstuvwx".into(),
        name: "Laptop".into(),
        ..Default::default()
    };

    let result = app::app_passwords::service::create(
        &alice,
        &form,
        &RequestMeta::default(),
        "/app-passwords/new",
        app::app_passwords::actions::CREATE,
    )
    .await;

    let app::app_passwords::service::CreateResult::Minted(minted) = result else {
        panic!("not minted");
    };
    assert!(minted.secret.starts_with("app_"));
    assert_eq!(
        world.sim.store().app_passwords_of("alice@acme.test").len(),
        1
    );
}

#[tokio::test]
async fn the_admin_service_creates_a_mailbox() {
    let world = world().await;
    let scope = AdminScope::for_caller(caller(&world, "ada@acme.test", true))
        .await
        .unwrap();
    let form = NewMailboxForm {
        local_part: "carol".into(),
        domain: "acme.test".into(),
        ..Default::default()
    };

    app::admin::service::mailboxes::create(&scope, &form, &RequestMeta::default())
        .await
        .unwrap();

    assert!(
        world
            .sim
            .store()
            .account_by_address("carol@acme.test")
            .is_some()
    );
}

#[tokio::test]
async fn the_domains_service_reads_the_records_to_publish() {
    let world = world().await;
    let scope = AdminScope::for_caller(caller(&world, "ada@acme.test", true))
        .await
        .unwrap();

    let zone = app::domains::service::zone_data(&scope, "acme.test")
        .await
        .unwrap();

    assert!(zone.records.iter().any(|r| r.kind == "MX"));
    assert_eq!(zone.dkim.len(), 2, "an RSA and an Ed25519 key");
    assert!(
        app::domains::service::zone_data(&scope, "beta.test")
            .await
            .is_err(),
        "another domain is not found"
    );
}

#[tokio::test]
async fn the_organisation_service_shows_the_settings_to_admins_only() {
    let world = world().await;

    let view = app::organisation::service::view(&caller(&world, "ada@acme.test", true)).unwrap();
    assert!(view.from_config);
    assert_eq!(view.domains, ["acme.test"]);
    assert_eq!(view.idp.admin_group.as_deref(), Some("mail-admins"));
    assert!(!format!("{view:?}").contains(KEY), "never the API key");

    let refused = app::organisation::service::view(&caller(&world, "alice@acme.test", false));
    assert!(matches!(refused, Err(app::error::AppError::Forbidden)));
}
