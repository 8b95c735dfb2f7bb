#![recursion_limit = "256"]
//! `server [--config <file>] [command]` — runs the portal, or one operator command on its
//! database. The config path may also come from `POSTERN_CONFIG`; it defaults to
//! `postern.toml`.

use clap::Parser;

use server::operator::{Cli, Command};
use std::process::ExitCode;

/// A page allocates and frees many small strings and nodes; glibc's malloc spent about a
/// fifth of the portal's CPU time on them (issue 24's profile), mimalloc a fraction of it.
/// Built without transparent huge pages (`no_thp`): where the kernel hands them out always,
/// mimalloc's arenas would otherwise hold 40 MB at rest instead of 24.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    if matches!(cli.command, Some(Command::Routes)) {
        println!("{}", server::operator::routes_json());
        return ExitCode::SUCCESS;
    }
    let settings = match app::ssr::config::Settings::load(&cli.config, std::env::vars()) {
        Ok(settings) => settings,
        Err(e) => {
            eprintln!(
                "postern: configuration error in {}: {e}",
                cli.config.display()
            );
            return ExitCode::from(2);
        }
    };
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve(settings).await,
        Command::Healthcheck => match server::health::probe(settings.server.listen) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("postern: not healthy: {e}");
                ExitCode::from(1)
            }
        },
        command => match server::operator::run(command, settings).await {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("postern: {e}");
                ExitCode::from(1)
            }
        },
    }
}

async fn serve(settings: app::ssr::config::Settings) -> ExitCode {
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
