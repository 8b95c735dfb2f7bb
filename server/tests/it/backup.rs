//! `server backup` and `server restore` (issue "Run it the way operators run services"): a
//! backup taken while the portal serves, restored over another database, brings back the
//! directory, the sealed secrets (with the key), the audit log and the sessions.

use crate::common::{ALICE, API_KEY, Browser, TestApp, location, tempdir};
use app::ssr::db::Backend;
use std::path::Path;
use std::process::Command;

const KEY: &str = "cG9zdGVybi1lMmUtc2VjcmV0cy1rZXktMzItYnl0ZXM=";

fn cli(config: &Path, args: &[&str]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_server"))
        .arg("--config")
        .arg(config)
        .args(args)
        .output()
        .unwrap();
    let said =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    (out.status.success(), said)
}

async fn count(db: &app::ssr::db::Db, table: &str) -> i64 {
    sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}"))
        .fetch_one(&db.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_backup_restored_over_a_wiped_database_brings_everything_back() {
    let app = TestApp::spawn().await;
    let dir = tempdir::Dir::new();
    let config_file = dir.0.join("postern.toml");
    std::fs::write(&config_file, &app.config).unwrap();
    let backup = dir.0.join("postern.backup");
    let backup_arg = backup.to_str().unwrap();

    if Backend::of(&app.db_url) == Backend::Postgres {
        let (ok, said) = cli(&config_file, &["backup", "--to", backup_arg]);
        assert!(!ok && said.contains("pg_dump"), "{said}");
        assert!(!backup.exists());
        return;
    }

    // What the backup must hold: a session, audit entries, a sealed secret.
    let alice = app.browser();
    assert_eq!(location(&alice.sign_in(ALICE).await), "/account");
    let keyring = app::ssr::secrets::Keyring::from_text(KEY).unwrap();
    let url: url::Url = app.simulator.url.parse().unwrap();
    let key = secrecy::SecretString::from(API_KEY.to_owned());
    let spare = app::ssr::directory::manage::NewMailServer {
        name: "spare",
        url: &url,
        api_key: &key,
        timeout_ms: 1000,
        managed_by: None,
    };
    let db = app.db().await;
    app::ssr::directory::manage::add_mail_server(&db, &keyring, &spare)
        .await
        .unwrap();
    let audit = count(&db, "audit_events").await;
    assert!(audit > 0);

    let (ok, said) = cli(&config_file, &["backup", "--to", backup_arg]);
    assert!(ok, "{said}");
    assert!(said.contains("secrets key is not in it"), "{said}");
    let (ok, said) = cli(&config_file, &["backup", "--to", backup_arg]);
    assert!(
        !ok && said.contains("already exists"),
        "never overwrites: {said}"
    );

    // Another database, wiped to garbage, restored from the backup.
    let restored_file = dir.0.join("restored.db");
    std::fs::write(&restored_file, "not a database").unwrap();
    let restored_url = format!("sqlite://{}?mode=rwc", restored_file.display());
    let restored_config = app.config.replace(&app.db_url, &restored_url);
    let restored_config_file = dir.0.join("restored.toml");
    std::fs::write(&restored_config_file, &restored_config).unwrap();

    let (ok, said) = cli(
        &restored_config_file,
        &["restore", "--from", config_file.to_str().unwrap()],
    );
    assert!(!ok && said.contains("is not a Postern backup"), "{said}");
    let (ok, said) = cli(&restored_config_file, &["restore", "--from", backup_arg]);
    assert!(ok, "{said}");

    let started = app.instance_with(&restored_config, keyring).await;
    let restored = started.expect("the restored database starts, its sealed key opens");
    let again = Browser {
        client: alice.client.clone(),
        base: restored,
        jar: alice.jar.clone(),
    };
    let page = again.get("/account").await;
    assert_eq!(page.status(), 200, "Alice's session is still hers");
    assert!(page.text().await.unwrap().contains(ALICE));

    let db = app::ssr::db::Db::connect(&restored_url).await.unwrap();
    let everything = app::ssr::db::organisations::everything(&db).await.unwrap();
    assert!(
        everything
            .mail_servers
            .iter()
            .any(|s| s.name == "spare" && s.api_key.is_some())
    );
    assert!(everything.organisations.iter().any(|o| o.slug == "acme"));
    assert!(count(&db, "audit_events").await >= audit);
}
