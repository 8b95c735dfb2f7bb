//! The binary refuses to start on a broken configuration or an unreachable database, with one
//! clear line and no panic.

use std::process::Command;

fn run_with_config(text: &str) -> (i32, String) {
    let dir = std::env::temp_dir().join(format!("postern-startup-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("{}.toml", text.len()));
    std::fs::write(&path, text).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_server"))
        .arg("--config")
        .arg(&path)
        .env_remove("POSTERN_CONFIG")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr).trim().to_owned();
    (output.status.code().unwrap_or(-1), stderr)
}

const VALID: &str = r#"
[server]
listen = "127.0.0.1:0"
public_url = "http://127.0.0.1:3000"
database_url = "DBURL"

[stalwart.main]
url = "http://127.0.0.1:9"
api_key = "API_x"

[organisations.acme]
display_name = "Acme"
domains = ["acme.test"]
stalwart = "main"
mail = { imap_host = "mail.acme.test", smtp_host = "mail.acme.test" }
[organisations.acme.oidc]
issuer = "http://127.0.0.1:9"
client_id = "postern"
client_secret = "s"
"#;

#[test]
fn a_malformed_config_stops_the_server_with_one_line_naming_the_key() {
    let broken = VALID
        .replace("DBURL", "sqlite::memory:")
        .replace("domains = [\"acme.test\"]", "domains = \"acme.test\"");

    let (code, stderr) = run_with_config(&broken);

    assert_eq!(code, 2);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("organisations.acme.domains"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn an_unreachable_database_stops_the_server_with_one_line() {
    let config = VALID.replace("DBURL", "postgres://postern@127.0.0.1:9/postern");

    let (code, stderr) = run_with_config(&config);

    assert_eq!(code, 1);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("cannot connect to the database"),
        "{stderr}"
    );
}

#[test]
fn a_missing_config_file_is_named() {
    let output = Command::new(env!("CARGO_BIN_EXE_server"))
        .args(["--config", "/nonexistent/postern.toml"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);

    assert_eq!(output.status.code(), Some(2));
    assert!(stderr.contains("/nonexistent/postern.toml"), "{stderr}");
}
