//! SIGTERM (issue "Run it the way operators run services", clean restarts): the real binary
//! stops accepting, lets a mint under way at a slow mail server finish (it is audited once),
//! and exits 0.

use crate::common::{ALICE, TestApp, browser_on, form_request_id, free_port, location, tempdir};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use testkit::stalwart::Fault;

#[tokio::test]
async fn sigterm_lets_a_slow_mint_finish_audited_once_and_exits_0() {
    let app = TestApp::spawn().await;
    let alice = app.browser();
    assert_eq!(location(&alice.sign_in(ALICE).await), "/account");

    // The real binary, a second instance on the same database.
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let config = app
        .config
        .replace(
            "listen = \"127.0.0.1:0\"",
            &format!("listen = \"127.0.0.1:{port}\""),
        )
        .replace(
            "public_url = \"http://127.0.0.1:0\"",
            &format!("public_url = \"{base}\""),
        );
    let dir = tempdir::Dir::new();
    let config_file = dir.0.join("postern.toml");
    std::fs::write(&config_file, config).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_server"))
        .arg("--config")
        .arg(&config_file)
        .env(
            "LEPTOS_SITE_ROOT",
            std::env::var("LEPTOS_SITE_ROOT").unwrap_or_default(),
        )
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let there = browser_on(&base, &alice);
    let started = Instant::now();
    while there
        .client
        .get(there.url("/healthz/live"))
        .send()
        .await
        .is_err()
    {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "the binary starts"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }

    let request_id = form_request_id(&there, "/app-passwords/new").await;
    // Stalwart takes a second and a half to answer the mint (the portal waits 2 s).
    app.simulator.store().fail_next_call(
        "x:AppPassword/set",
        Fault::DelayBefore(Duration::from_millis(1500)),
    );
    let mint = {
        let there = browser_on(&base, &alice);
        tokio::spawn(async move {
            there
                .post_form(
                    "/app-passwords/new",
                    &[("request_id", request_id.as_str()), ("name", "Laptop")],
                )
                .await
        })
    };
    tokio::time::sleep(Duration::from_millis(400)).await;
    let term = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(term.success());
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert!(
        reqwest::get(format!("{base}/healthz/live")).await.is_err(),
        "no new connection is accepted once stopping"
    );

    let minted = mint.await.unwrap();
    assert_eq!(minted.status(), 200, "the mint under way finishes");
    assert!(minted.text().await.unwrap().contains("data-copy=\"app_"));
    let exited = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(
            exited.elapsed() < Duration::from_secs(15),
            "the binary exits"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert!(status.success(), "exit status {status}");
    assert_eq!(app.simulator.store().app_passwords_of(ALICE).len(), 1);
    let audited: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_events WHERE action = 'app_password.create' AND outcome = 'done'",
    )
    .fetch_one(&app.db().await.pool)
    .await
    .unwrap();
    assert_eq!(audited, 1, "audited once");
}
