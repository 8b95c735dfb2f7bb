//! The Kubernetes bases (issue "Run it the way operators run services"): rendered offline by
//! `kubectl kustomize` (Debian's kubectl), checked for replicas, probes, the disruption
//! budget, the migration step and secrets; and that step, raced by two replicas, is safe.

use serde_yaml::Value;
use std::path::PathBuf;
use std::process::Command;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn rendered() -> (String, Vec<Value>) {
    let out = Command::new("kubectl")
        .arg("kustomize")
        .arg(repo().join("deploy/kubernetes/example"))
        .output()
        .expect("kubectl (scripts/install-tools.sh installs it)");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let docs = serde_yaml::Deserializer::from_str(&text)
        .map(|d| serde::Deserialize::deserialize(d).unwrap())
        .collect();
    (text, docs)
}

fn of_kind<'a>(docs: &'a [Value], kind: &str) -> Vec<&'a Value> {
    docs.iter().filter(|d| d["kind"] == kind).collect()
}

#[test]
fn the_kubernetes_bases_render_with_replicas_probes_a_pdb_and_no_secret() {
    let (text, docs) = rendered();
    let deployments = of_kind(&docs, "Deployment");
    assert_eq!(deployments.len(), 1);
    let d = deployments[0];
    assert!(d["spec"]["replicas"].as_u64().unwrap() >= 2, "replicas");
    let pod = &d["spec"]["template"]["spec"];
    let main = &pod["containers"][0];
    assert_eq!(main["readinessProbe"]["httpGet"]["path"], "/healthz/ready");
    assert_eq!(main["livenessProbe"]["httpGet"]["path"], "/healthz/live");
    assert!(main["resources"]["requests"]["memory"].is_string());
    assert_eq!(pod["securityContext"]["runAsNonRoot"], true);
    assert_eq!(main["securityContext"]["readOnlyRootFilesystem"], true);
    assert_eq!(pod["initContainers"][0]["args"][0], "migrate");
    assert!(
        pod["terminationGracePeriodSeconds"].as_u64().unwrap() > 20,
        "longer than the portal's own grace"
    );

    // The secrets key comes from a Secret of its own; nothing holds a secret value.
    let env = main["env"].as_sequence().unwrap();
    let key = env
        .iter()
        .find(|e| e["name"] == "POSTERN_SECRETS_KEY")
        .unwrap();
    let key_secret = &key["valueFrom"]["secretKeyRef"]["name"];
    assert_eq!(key_secret, "postern-secrets-key");
    assert_ne!(key_secret, &main["envFrom"][0]["secretRef"]["name"]);
    assert!(
        env.iter()
            .all(|e| e.get("value").is_none() || e["name"] == "POSTERN_CONFIG")
    );
    assert!(of_kind(&docs, "Secret").is_empty(), "no Secret is rendered");
    for secretive in [
        "api_key =",
        "client_secret =",
        "secrets_key =",
        "BEGIN ",
        "\"API_", // a Stalwart API key's value
    ] {
        assert!(
            !text.contains(secretive),
            "{secretive} in the rendered output"
        );
    }

    // The disruption budget and the service select the deployment's pods.
    let labels = &d["spec"]["template"]["metadata"]["labels"];
    let pdbs = of_kind(&docs, "PodDisruptionBudget");
    assert_eq!(pdbs.len(), 1);
    assert_eq!(&pdbs[0]["spec"]["selector"]["matchLabels"], labels);
    assert!(pdbs[0]["spec"]["minAvailable"].as_u64().unwrap() >= 1);
    assert_eq!(&of_kind(&docs, "Service")[0]["spec"]["selector"], labels);
    assert_eq!(of_kind(&docs, "Ingress").len(), 1);

    // The configuration it mounts is one this release accepts, once the Secrets fill it in.
    let config = of_kind(&docs, "ConfigMap")[0]["data"]["postern.toml"]
        .as_str()
        .unwrap();
    let settings = app::ssr::config::Settings::from_toml(
        config,
        [
            ("POSTERN_STALWART__MAIN__API_KEY", "from-the-secret"),
            (
                "POSTERN_ORGANISATIONS__EXAMPLE__OIDC__CLIENT_SECRET",
                "from-the-secret",
            ),
        ]
        .map(|(k, v)| (k.to_owned(), v.to_owned())),
    )
    .unwrap_or_else(|e| panic!("the example configuration: {e}"));
    assert!(settings.server.metrics_listen.is_some());
}

/// Every replica's init step runs `server migrate`; two starting at once on a fresh
/// PostgreSQL both succeed and leave the schema whole.
#[tokio::test]
async fn two_replicas_migrating_one_fresh_postgresql_at_once_both_succeed() {
    let admin = std::env::var("POSTERN_TEST_PG_ADMIN")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into());
    let dir = crate::common::tempdir::Dir::new();
    let name = format!(
        "postern_race_{}",
        dir.0
            .file_name()
            .unwrap()
            .to_string_lossy()
            .replace('-', "_")
    );
    let pool = sqlx::PgPool::connect(&admin).await.expect("PostgreSQL");
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&pool)
        .await
        .unwrap();
    let url = admin
        .rsplit_once('/')
        .map(|(base, _)| format!("{base}/{name}"))
        .unwrap();
    let config = dir.0.join("postern.toml");
    let example = std::fs::read_to_string(repo().join("deploy/kubernetes/base/postern.toml"))
        .unwrap()
        .replace("postgres://postern@postgres/postern", &url);
    std::fs::write(&config, example).unwrap();

    let replica = || {
        Command::new(env!("CARGO_BIN_EXE_server"))
            .arg("--config")
            .arg(&config)
            .arg("migrate")
            .env("POSTERN_STALWART__MAIN__API_KEY", "x")
            .env("POSTERN_ORGANISATIONS__EXAMPLE__OIDC__CLIENT_SECRET", "x")
            .spawn()
            .unwrap()
    };
    let (mut a, mut b) = (replica(), replica());
    assert!(a.wait().unwrap().success(), "the first replica migrates");
    assert!(b.wait().unwrap().success(), "the second replica migrates");

    let db = sqlx::PgPool::connect(&url).await.unwrap();
    let applied: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM _sqlx_migrations WHERE success")
        .fetch_one(&db)
        .await
        .unwrap();
    let known = std::fs::read_dir(repo().join("migrations/postgres"))
        .unwrap()
        .count() as i64;
    assert_eq!(applied, known, "every migration applied once");
}

/// Two replicas behind a load balancer that does not pin clients: a sign-in started on one
/// is finished on the other, a process of its own (the pending login lives in the database).
#[tokio::test]
async fn a_sign_in_started_on_one_replica_finishes_on_the_other() {
    use crate::common::{ALICE, TestApp, browser_on, location};
    let app = TestApp::spawn().await;
    // Behind one load balancer both replicas have the same public URL (the first one's here).
    let config = app.config.replace(
        "public_url = \"http://127.0.0.1:0\"",
        &format!("public_url = \"{}\"", app.url),
    );
    // The second replica is the real binary, a process of its own.
    let port = crate::common::free_port();
    let config = config.replace(
        "listen = \"127.0.0.1:0\"",
        &format!("listen = \"127.0.0.1:{port}\""),
    );
    let dir = crate::common::tempdir::Dir::new();
    let file = dir.0.join("postern.toml");
    std::fs::write(&file, config).unwrap();
    let mut replica = Command::new(env!("CARGO_BIN_EXE_server"))
        .arg("--config")
        .arg(&file)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let other = format!("http://127.0.0.1:{port}");
    let started = std::time::Instant::now();
    while reqwest::get(format!("{other}/healthz/live")).await.is_err() {
        assert!(started.elapsed().as_secs() < 20, "the replica starts");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let alice = app.browser();
    let start = alice.start_sign_in(ALICE).await;
    let callback = alice.authorize(&start).await;
    assert!(callback.starts_with(&app.url), "{callback}");
    let on_other = callback.replacen(&app.url, &other, 1);

    let there = browser_on(&other, &alice);
    let done = there.client.get(&on_other).send().await.unwrap();
    assert_eq!(
        location(&done),
        "/account",
        "signed in on the other replica"
    );
    let page = alice.get("/account").await;
    assert_eq!(
        page.status(),
        200,
        "and the session serves on the first one too"
    );
    assert!(page.text().await.unwrap().contains(ALICE));
    let _ = replica.kill();
    let _ = replica.wait();
}

/// deploy/compose.yaml: the four services by pinned tags, every secret a file kept out of
/// git, and a configuration this release accepts. (podman-compose 1.0.3, Debian's, has no
/// `config` command and its `--dry-run` still creates volumes, so the file is read here.)
#[test]
fn the_compose_file_pins_its_images_and_keeps_secrets_in_files() {
    let text = std::fs::read_to_string(repo().join("deploy/compose.yaml")).unwrap();
    let compose: Value = serde_yaml::from_str(&text).unwrap();
    let services = compose["services"].as_mapping().unwrap();
    for name in ["postern", "postgres", "stalwart", "keycloak"] {
        let image = compose["services"][name]["image"].as_str().unwrap();
        let (_, tag) = image.rsplit_once(':').unwrap();
        assert!(
            name == "postern" || tag != "latest",
            "{name} is pinned: {image}"
        );
    }
    assert_eq!(services.len(), 4);
    for (name, secret) in compose["secrets"].as_mapping().unwrap() {
        let file = secret["file"].as_str().unwrap();
        assert!(file.starts_with("compose/secrets/"), "{name:?}: {file}");
    }
    let ignored = std::fs::read_to_string(repo().join("deploy/compose/.gitignore")).unwrap();
    assert!(ignored.lines().any(|l| l == "secrets/"));
    assert!(
        !text.contains("PASSWORD:") && !text.contains("SECRET:"),
        "no secret inline"
    );
    let postern = &compose["services"]["postern"];
    assert_eq!(postern["read_only"], true);
    assert_eq!(postern["healthcheck"]["test"][2], "healthcheck");

    // The secrets as compose mounts them, in a directory of the test's.
    let dir = crate::common::tempdir::Dir::new();
    for secret in ["stalwart_api_key", "oidc_client_secret"] {
        std::fs::write(dir.0.join(secret), "from-the-file\n").unwrap();
    }
    let config = std::fs::read_to_string(repo().join("deploy/compose/postern.toml"))
        .unwrap()
        .replace("/run/secrets/", &format!("{}/", dir.0.display()));
    app::ssr::config::Settings::from_toml(&config, std::iter::empty())
        .unwrap_or_else(|e| panic!("the compose configuration: {e}"));
}

/// `server healthcheck`, the image's HEALTHCHECK: 0 while the portal answers, 1 when not.
#[tokio::test]
async fn the_healthcheck_command_tells_a_live_portal_from_a_gone_one() {
    let app = crate::common::TestApp::spawn().await;
    let dir = crate::common::tempdir::Dir::new();
    let port = app.url.rsplit(':').next().unwrap().to_owned();
    let check = |listen: &str| -> tokio::task::JoinHandle<std::process::Output> {
        let file = dir
            .0
            .join(format!("{}.toml", listen.replace([':', '.'], "_")));
        let config = app.config.replace(
            "listen = \"127.0.0.1:0\"",
            &format!("listen = \"{listen}\""),
        );
        std::fs::write(&file, config).unwrap();
        // Off the runtime's thread: the portal under test answers on it meanwhile.
        tokio::task::spawn_blocking(move || {
            Command::new(env!("CARGO_BIN_EXE_server"))
                .arg("--config")
                .arg(&file)
                .arg("healthcheck")
                .output()
                .unwrap()
        })
    };
    let live = check(&format!("0.0.0.0:{port}")).await.unwrap();
    assert!(
        live.status.success(),
        "{}",
        String::from_utf8_lossy(&live.stderr)
    );
    let closed = crate::common::free_port();
    let gone = check(&format!("127.0.0.1:{closed}")).await.unwrap();
    assert!(!gone.status.success());
    assert!(String::from_utf8_lossy(&gone.stderr).contains("not healthy"));
}
