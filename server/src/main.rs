#![recursion_limit = "256"]
//! `server [--config <file>]` — runs the portal. The config path may also come from
//! `POSTERN_CONFIG`; it defaults to `postern.toml`.

use std::process::ExitCode;

#[tokio::main]
async fn main() -> ExitCode {
    let path = config_path();
    let settings = match app::ssr::config::Settings::load(&path, std::env::vars()) {
        Ok(settings) => settings,
        Err(e) => {
            eprintln!("postern: configuration error in {}: {e}", path.display());
            return ExitCode::from(2);
        }
    };
    server::telemetry::init(settings.server.log_format);
    let app = match server::Application::build(settings).await {
        Ok(app) => app,
        Err(e) => {
            eprintln!("postern: cannot start: {e}");
            return ExitCode::from(1);
        }
    };
    match app.run_until_stopped().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("postern: stopped: {e}");
            ExitCode::from(1)
        }
    }
}

fn config_path() -> std::path::PathBuf {
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--config" {
            if let Some(path) = args.next() {
                return path.into();
            }
        } else if let Some(path) = arg.strip_prefix("--config=") {
            return path.into();
        }
    }
    std::env::var_os("POSTERN_CONFIG")
        .map(Into::into)
        .unwrap_or_else(|| "postern.toml".into())
}
