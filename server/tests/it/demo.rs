//! The demo fails loudly: a port that is taken stops it at once, naming the port, before
//! anything is installed or built.

use std::net::TcpListener;
use std::process::Command;
use std::time::{Duration, Instant};

#[test]
fn the_demo_stops_at_once_and_names_a_port_that_is_taken() {
    let taken = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap();
    let started = Instant::now();

    let run = Command::new("bash")
        .arg("scripts/demo.sh")
        .current_dir(root)
        .env("POSTERN_DEMO_PORT", port.to_string())
        .output()
        .unwrap();

    assert!(!run.status.success(), "the demo must not start");
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "{:?}",
        started.elapsed()
    );
    let said = String::from_utf8_lossy(&run.stderr);
    assert!(
        said.contains(&format!("port {port} (for the portal) is already in use"))
            && said.contains("POSTERN_DEMO_PORT"),
        "{said}"
    );
    drop(taken);
}
