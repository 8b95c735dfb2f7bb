//! `cargo xtask build [--server-profile PROFILE] [--bins a,b]` — builds what the portal serves,
//! without cargo-leptos:
//!
//! 1. the browser part: `frontend` for wasm32 in the `wasm-release` profile (size-optimised,
//!    LTO), its JS glue by wasm-bindgen (the library, at the exact version the frontend
//!    links), then `wasm-opt -Oz` (npm binaryen, first on `PATH`);
//! 2. at the same time, the server binaries for this machine in `PROFILE` (default
//!    `release`), so both cores work;
//! 3. the site: `target/site/pkg/postern.{js,css}`, `postern_bg.wasm`, and `public/`.
//!
//! cargo-leptos, for those who have it, keeps working for `cargo leptos watch`.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Instant;

/// The site's name: `/pkg/postern.js` (app::SITE_NAME).
const SITE_NAME: &str = "postern";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &[String]) -> Result<(), String> {
    let mut server_profile = "release".to_owned();
    let mut bins = vec!["server".to_owned()];
    let mut command = None;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "build" | "site" => command = Some(arg.clone()),
            "--server-profile" => {
                server_profile = rest.next().ok_or("--server-profile needs a value")?.clone()
            }
            "--bins" => {
                bins = rest
                    .next()
                    .ok_or("--bins needs a value")?
                    .split(',')
                    .map(str::to_owned)
                    .collect()
            }
            other => return Err(format!("unknown argument {other:?}\n{USAGE}")),
        }
    }
    let root = workspace_root();
    match command.as_deref() {
        Some("site") => site(&root),
        Some("build") => {
            let started = Instant::now();
            // The server builds while the wasm does: two cargo processes keep two cores busy
            // (the wasm's final LTO step uses one).
            let server = spawn_server_build(&root, &server_profile, &bins)?;
            let site_result = site(&root);
            let server_result = wait(server, "server build");
            site_result?;
            server_result?;
            println!(
                "xtask: built the site and {} ({server_profile}) in {:.0} s",
                bins.join(", "),
                started.elapsed().as_secs_f64()
            );
            Ok(())
        }
        _ => Err(USAGE.to_owned()),
    }
}

const USAGE: &str = "usage: cargo xtask build [--server-profile PROFILE] [--bins server,postern-testkit]\n       cargo xtask site";

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask sits in the workspace")
        .to_path_buf()
}

fn cargo() -> Command {
    Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
}

fn spawn_server_build(
    root: &Path,
    profile: &str,
    bins: &[String],
) -> Result<std::process::Child, String> {
    let mut build = cargo();
    build
        .current_dir(root)
        .args(["build", "--profile", profile]);
    for bin in bins {
        // Naming the packages keeps `frontend` out of the build: its `hydrate` feature must
        // never reach the server's copy of `app` (cargo unifies features of all selected
        // packages).
        // A measurement is a file in bench/src/bin: no list here to keep up to date.
        let package = match bin.as_str() {
            "postern-testkit" => "testkit",
            b if root.join(format!("bench/src/bin/{b}.rs")).exists() => "bench",
            other => other,
        };
        build.args(["--package", package, "--bin", bin]);
    }
    build
        .spawn()
        .map_err(|e| format!("cannot start cargo: {e}"))
}

fn wait(mut child: std::process::Child, what: &str) -> Result<(), String> {
    let status = child.wait().map_err(|e| format!("{what}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{what} failed ({status})"))
    }
}

/// The browser part and the static files, into `target/site`.
fn site(root: &Path) -> Result<(), String> {
    let started = Instant::now();
    let front_target = root.join("target/front");
    let status = cargo()
        .current_dir(root)
        .args([
            "build",
            "--package=frontend",
            "--lib",
            "--target=wasm32-unknown-unknown",
            "--profile=wasm-release",
        ])
        .arg(format!("--target-dir={}", front_target.display()))
        .status()
        .map_err(|e| format!("cannot start cargo: {e}"))?;
    if !status.success() {
        return Err(format!("the wasm build failed ({status})"));
    }
    let wasm = front_target.join("wasm32-unknown-unknown/wasm-release/frontend.wasm");
    let site = root.join("target/site");
    let pkg = site.join("pkg");
    std::fs::create_dir_all(&pkg).map_err(|e| format!("{}: {e}", pkg.display()))?;

    let bindgen_dir = root.join("target/front/bindgen");
    let _ = std::fs::remove_dir_all(&bindgen_dir);
    wasm_bindgen_cli_support::Bindgen::new()
        .input_path(&wasm)
        .out_name(SITE_NAME)
        .web(true)
        .map_err(|e| format!("wasm-bindgen: {e}"))?
        .typescript(false)
        .generate(&bindgen_dir)
        .map_err(|e| format!("wasm-bindgen: {e}"))?;

    let bg = format!("{SITE_NAME}_bg.wasm");
    optimise(&bindgen_dir.join(&bg), &pkg.join(&bg))?;
    copy(
        &bindgen_dir.join(format!("{SITE_NAME}.js")),
        &pkg.join(format!("{SITE_NAME}.js")),
    )?;
    let snippets = bindgen_dir.join("snippets");
    if snippets.exists() {
        copy_tree(&snippets, &pkg.join("snippets"))?;
    }
    copy(
        &root.join("style/main.css"),
        &pkg.join(format!("{SITE_NAME}.css")),
    )?;
    copy_tree(&root.join("public"), &site)?;
    println!(
        "xtask: site ready in {} ({:.0} s)",
        site.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// `wasm-opt -Oz` with the features the wasm uses. Debian's binaryen 108 breaks hydration,
/// so only the npm one (end2end/node_modules/.bin, put on PATH by the scripts) is accepted.
fn optimise(input: &Path, output: &Path) -> Result<(), String> {
    let status = Command::new("wasm-opt")
        .args([
            "-Oz",
            "--enable-bulk-memory",
            "--enable-nontrapping-float-to-int",
        ])
        .arg(input)
        .arg("-o")
        .arg(output)
        .status()
        .map_err(|e| {
            format!(
                "cannot run wasm-opt ({e}): run scripts/install-tools.sh, then put \
                 end2end/node_modules/.bin on PATH"
            )
        })?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("wasm-opt failed ({status})"))
    }
}

fn copy(from: &Path, to: &Path) -> Result<(), String> {
    std::fs::copy(from, to)
        .map(|_| ())
        .map_err(|e| format!("copy {} to {}: {e}", from.display(), to.display()))
}

fn copy_tree(from: &Path, to: &Path) -> Result<(), String> {
    std::fs::create_dir_all(to).map_err(|e| format!("{}: {e}", to.display()))?;
    let entries = std::fs::read_dir(from).map_err(|e| format!("{}: {e}", from.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| e.to_string())?;
        let path = entry.path();
        let target = to.join(entry.file_name());
        if path.is_dir() {
            copy_tree(&path, &target)?;
        } else {
            copy(&path, &target)?;
        }
    }
    Ok(())
}
