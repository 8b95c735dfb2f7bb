//! Metrics (issue "Run it the way operators run services"): a real Prometheus (Debian's
//! package) scrapes the portal's metrics listener and a metric is read back through its API.
//! No label or value names a person, an address or a secret.

use crate::common::{ALICE, API_KEY, TestApp, browser_on, free_port, location, tempdir};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Kills the Prometheus process when the test ends, however it ends.
struct Running(std::process::Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[tokio::test]
async fn prometheus_scrapes_requests_and_stalwart_calls_with_no_person_in_them() {
    let app = TestApp::spawn().await;
    let config = app.config.replacen(
        "[server]",
        "[server]\n            metrics_listen = \"127.0.0.1:0\"",
        1,
    );
    let settings = app::ssr::config::Settings::from_toml(&config, std::iter::empty()).unwrap();
    let instance = server::Application::build(settings).await.unwrap();
    let base = format!("http://127.0.0.1:{}", instance.port());
    let metrics_port = instance.metrics_port().expect("a metrics listener");
    tokio::spawn(instance.run_until_stopped());

    let alice = app.browser();
    assert_eq!(location(&alice.sign_in(ALICE).await), "/account");
    let there = browser_on(&base, &alice);
    for path in ["/account", "/app-passwords"] {
        assert_eq!(there.get(path).await.status(), 200, "{path}");
    }
    assert_eq!(
        reqwest::get(format!("{base}/metrics"))
            .await
            .unwrap()
            .status(),
        404,
        "not on the public listener"
    );

    let text = reqwest::get(format!("http://127.0.0.1:{metrics_port}/metrics"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    for expected in [
        r#"postern_http_requests_total{route="/account",method="GET",status="200"} 1"#,
        r#"postern_http_request_duration_seconds_bucket{route="/app-passwords",method="GET",le="#,
        r#"postern_stalwart_calls_total{server="shared","#,
        r#"postern_stalwart_call_duration_seconds_bucket{server="shared","#,
        "postern_db_pool_connections{state=\"open\"}",
    ] {
        assert!(text.contains(expected), "{expected} in:\n{text}");
    }
    for private in ["alice", "acme.test", API_KEY, "secret-a"] {
        assert!(
            !text.contains(private),
            "{private} must not be in the metrics"
        );
    }

    // A real Prometheus scrapes it, and answers a query about it.
    let dir = tempdir::Dir::new();
    let prometheus_port = free_port();
    let config_file = dir.0.join("prometheus.yml");
    std::fs::write(
        &config_file,
        format!(
            "global:\n  scrape_interval: 1s\nscrape_configs:\n  - job_name: postern\n    static_configs:\n      - targets: ['127.0.0.1:{metrics_port}']\n"
        ),
    )
    .unwrap();
    let _prometheus = Running(
        Command::new("prometheus")
            .arg(format!("--config.file={}", config_file.display()))
            .arg(format!(
                "--storage.tsdb.path={}",
                dir.0.join("data").display()
            ))
            .arg(format!("--web.listen-address=127.0.0.1:{prometheus_port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("prometheus (Debian's package; scripts/install-tools.sh installs it)"),
    );
    let query = format!(
        "http://127.0.0.1:{prometheus_port}/api/v1/query?query=postern_http_requests_total%7Broute%3D%22%2Faccount%22%7D"
    );
    let started = Instant::now();
    let answer = loop {
        if let Ok(r) = reqwest::get(&query).await
            && let Ok(body) = r.json::<serde_json::Value>().await
            && body["data"]["result"]
                .as_array()
                .is_some_and(|r| !r.is_empty())
        {
            break body;
        }
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "Prometheus scraped nothing"
        );
        tokio::time::sleep(Duration::from_millis(250)).await;
    };
    let series = &answer["data"]["result"][0];
    assert_eq!(series["metric"]["job"], "postern");
    assert_eq!(series["metric"]["status"], "200");
    assert_eq!(series["value"][1], "1");
}
