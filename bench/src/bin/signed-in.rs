//! For profiling by hand: the "My app passwords" scene of `app-passwords-latency`, left
//! running with Alice signed in. Prints the `Cookie` header to send, e.g.
//!   wrk -c64 -d10s -H "Cookie: $COOKIE" http://127.0.0.1:3300/app-passwords
//! `BENCH_PORTAL_WRAPPER="valgrind --tool=callgrind"` starts the portal under a profiler.
//! Stops on Ctrl-C (or SIGTERM), taking the simulator and the portal with it.

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let root = std::env::current_dir()?;
    let scene = bench::AppPasswordsScene::start(&root).await?;
    println!("{}", scene.cookie);
    let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())?;
    tokio::select! { _ = tokio::signal::ctrl_c() => {}, _ = term.recv() => {} }
    Ok(())
}
