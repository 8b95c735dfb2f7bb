//! What one "My app passwords" page costs the portal, counted rather than timed under load:
//! per page, the SQL statements it runs, the JMAP calls it makes to the mail server, the CPU
//! time of the portal process (all threads, from the kernel's scheduler statistics) next to
//! the simulator's CPU time for the bare `x:AppPassword/query+get`, the portal's context
//! switches, and its system calls (strace -c, all threads).
//!
//! Pages are fetched one after another by one client, so nothing is queueing: these are
//! the costs a page adds, whatever the load.

use bench::{API_KEY, AppPasswordsScene, context_switches, cpu_time, jmap_requests};
use std::time::Duration;

const PAGES: usize = 2_000;
const WARM_PAGES: usize = 300;
const TRACED_PAGES: usize = 300;
const COUNTED_PAGES: usize = 100;

async fn pages(client: &reqwest::Client, n: usize) -> anyhow::Result<()> {
    let url = format!("http://{}/app-passwords", AppPasswordsScene::PORTAL);
    for _ in 0..n {
        let page = client.get(&url).send().await?.error_for_status()?;
        page.bytes().await?;
    }
    Ok(())
}

fn per_page(d: Duration, n: usize) -> String {
    format!("{:.0} µs", d.as_secs_f64() * 1e6 / n as f64)
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let root = std::env::current_dir()?;
    let target = root.join("target/bench");
    std::fs::create_dir_all(&target)?;

    // 1. Statements and calls: the portal logs every SQL statement (sqlx at debug).
    let log = target.join("page-cost-sql.log");
    let counted = {
        let scene = AppPasswordsScene::start_with(
            &root,
            &[("POSTERN_LOG", "warn,sqlx::query=debug")],
            Some(&log),
        )
        .await?;
        pages(&scene.browser, 20).await?;
        let statements_before = count_statements(&log)?;
        let calls_before = jmap_requests(AppPasswordsScene::SIMULATOR).await?;
        pages(&scene.browser, COUNTED_PAGES).await?;
        tokio::time::sleep(Duration::from_millis(200)).await;
        (
            count_statements(&log)? - statements_before,
            jmap_requests(AppPasswordsScene::SIMULATOR).await? - calls_before,
        )
    };
    tokio::time::sleep(Duration::from_millis(500)).await;

    // 2. CPU and system calls, logging as in production.
    let scene = AppPasswordsScene::start(&root).await?;
    let (portal, simulator) = (scene.portal_pid(), scene.simulator_pid());
    pages(&scene.browser, WARM_PAGES).await?;
    let (portal_before, sim_before) = (cpu_time(portal)?, cpu_time(simulator)?);
    let switches_before = context_switches(portal)?;
    pages(&scene.browser, PAGES).await?;
    let portal_cpu = cpu_time(portal)? - portal_before;
    let switches = context_switches(portal)? - switches_before;
    let sim_cpu_page = cpu_time(simulator)? - sim_before;

    let bare = bare_client();
    let sim_before = cpu_time(simulator)?;
    for _ in 0..PAGES {
        bare().await?;
    }
    let sim_cpu_bare = cpu_time(simulator)? - sim_before;

    let syscalls = strace_pages(&scene, portal).await?;

    println!("== one \"My app passwords\" page, {PAGES} pages one after another");
    println!(
        "  SQL statements per page         {:.2}   ({} over {COUNTED_PAGES} pages)",
        counted.0 as f64 / COUNTED_PAGES as f64,
        counted.0
    );
    println!(
        "  JMAP calls per page             {:.2}",
        counted.1 as f64 / COUNTED_PAGES as f64
    );
    println!(
        "  portal CPU per page             {}",
        per_page(portal_cpu, PAGES)
    );
    println!(
        "  simulator CPU per bare call     {}   (behind each page: {})",
        per_page(sim_cpu_bare, PAGES),
        per_page(sim_cpu_page, PAGES)
    );
    println!(
        "  portal context switches / page  {:.1}",
        switches as f64 / PAGES as f64
    );
    println!(
        "  portal CPU / bare call's CPU    {:.1}×",
        portal_cpu.as_secs_f64() / sim_cpu_bare.as_secs_f64().max(1e-9)
    );
    match syscalls {
        Some(s) => println!(
            "  system calls per page           {s}   (strace -c -f over {TRACED_PAGES} pages)"
        ),
        None => println!("  system calls per page           (strace not available)"),
    }
    Ok(())
}

fn count_statements(log: &std::path::Path) -> anyhow::Result<usize> {
    Ok(std::fs::read_to_string(log)?
        .lines()
        .filter(|l| l.contains("db.statement"))
        .count())
}

fn bare_client() -> impl Fn() -> std::pin::Pin<Box<dyn Future<Output = anyhow::Result<()>>>> {
    let client = reqwest::Client::new();
    let body = AppPasswordsScene::bare_call_body();
    move || {
        let (client, body) = (client.clone(), body.clone());
        Box::pin(async move {
            client
                .post(format!("http://{}/jmap", AppPasswordsScene::SIMULATOR))
                .bearer_auth(API_KEY)
                .header("content-type", "application/json")
                .body(body)
                .send()
                .await?
                .error_for_status()?;
            Ok(())
        })
    }
}

/// System calls per page: strace follows every thread of the portal while pages are fetched.
async fn strace_pages(scene: &AppPasswordsScene, pid: u32) -> anyhow::Result<Option<String>> {
    let out = std::env::current_dir()?.join("target/bench/page-cost-strace.txt");
    let Ok(mut strace) = std::process::Command::new("strace")
        .args(["-f", "-c", "-o"])
        .arg(&out)
        .args(["-p", &pid.to_string()])
        .stderr(std::process::Stdio::null())
        .spawn()
    else {
        return Ok(None);
    };
    tokio::time::sleep(Duration::from_secs(1)).await;
    pages(&scene.browser, TRACED_PAGES).await?;
    tokio::time::sleep(Duration::from_millis(300)).await;
    // strace prints its summary when it detaches on SIGINT.
    interrupt(strace.id());
    strace.wait()?;
    let summary = std::fs::read_to_string(&out).unwrap_or_default();
    let total = summary
        .lines()
        .find(|l| l.trim_end().ends_with("total"))
        .and_then(|l| {
            let words: Vec<&str> = l.split_whitespace().collect();
            // % time, seconds, usecs/call, calls, [errors], "total"
            words.get(3).and_then(|c| c.parse::<f64>().ok())
        });
    let busiest: Vec<String> = summary
        .lines()
        .skip_while(|l| !l.starts_with("------"))
        .skip(1)
        .take_while(|l| !l.starts_with("------"))
        .take(4)
        .filter_map(|l| {
            let w: Vec<&str> = l.split_whitespace().collect();
            let calls = w.get(3)?.parse::<f64>().ok()?;
            Some(format!("{} {:.1}", w.last()?, calls / TRACED_PAGES as f64))
        })
        .collect();
    Ok(total.map(|t| format!("{:.1} ({})", t / TRACED_PAGES as f64, busiest.join(", "))))
}

fn interrupt(pid: u32) {
    let _ = std::process::Command::new("kill")
        .args(["-INT", &pid.to_string()])
        .status();
}
