//! Shared pieces of the measurements: a load generator with latency percentiles, and the
//! processes under test.

use std::time::{Duration, Instant};

/// The portal's Stalwart API key in every bench scene (the simulator is seeded with it).
pub const API_KEY: &str = "API_AAAABAAAAAE36wtxGna-JL_wnbLTc5nR2teWbQ";

pub struct Stats {
    pub requests: usize,
    pub errors: usize,
    pub seconds: f64,
    latencies_us: Vec<u64>,
}

impl Stats {
    pub fn percentile(&self, p: f64) -> Duration {
        if self.latencies_us.is_empty() {
            return Duration::ZERO;
        }
        let index = ((self.latencies_us.len() as f64 - 1.0) * p).round() as usize;
        Duration::from_micros(self.latencies_us[index])
    }

    pub fn rate(&self) -> f64 {
        self.requests as f64 / self.seconds
    }
}

/// Runs `concurrency` workers for `duration`. Each sends a request and waits for the answer.
/// With `pace`, worker `i` sends at `start + i·pace/concurrency + k·pace` (k = 0, 1, …): the
/// workers are staggered so arrivals are spread evenly at `concurrency / pace` per second,
/// rather than in bursts of `concurrency` at once, and a request's latency counts from when it
/// was due. Without it, they go as fast as they can.
pub async fn load<F, Fut>(
    concurrency: usize,
    duration: Duration,
    pace: Option<Duration>,
    request: F,
) -> Stats
where
    F: Fn() -> Fut + Clone + Send + 'static,
    Fut: std::future::Future<Output = bool> + Send,
{
    let start = Instant::now();
    let workers: Vec<_> = (0..concurrency)
        .map(|i| {
            let request = request.clone();
            tokio::spawn(async move {
                let (mut latencies, mut errors) = (Vec::new(), 0usize);
                let mut next = pace.map(|p| start + p * i as u32 / concurrency as u32);
                while start.elapsed() < duration {
                    // Paced: a worker still busy with its previous request when the next
                    // one is due counts that one's latency from when it was due, not from
                    // when the worker got round to sending it (no coordinated omission).
                    // One on time sleeps until then (the timer may wake it a little late;
                    // that lateness is ours, not the server's).
                    let sent = match (next, pace) {
                        (Some(at), Some(p)) => {
                            next = Some(at + p);
                            if Instant::now() >= at {
                                at
                            } else {
                                tokio::time::sleep_until(at.into()).await;
                                Instant::now()
                            }
                        }
                        _ => Instant::now(),
                    };
                    if !request().await {
                        errors += 1;
                    }
                    latencies.push(sent.elapsed().as_micros() as u64);
                }
                (latencies, errors)
            })
        })
        .collect();
    let mut all = Vec::new();
    let mut errors = 0;
    for worker in workers {
        let (latencies, e) = worker.await.expect("worker");
        all.extend(latencies);
        errors += e;
    }
    all.sort_unstable();
    Stats {
        requests: all.len(),
        errors,
        seconds: start.elapsed().as_secs_f64(),
        latencies_us: all,
    }
}

pub fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

/// A child process that is killed when dropped.
pub struct Killed(pub std::process::Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

pub async fn wait_ready(url: &str) -> anyhow::Result<()> {
    for _ in 0..200 {
        if reqwest::get(url)
            .await
            .is_ok_and(|r| r.status().is_success())
        {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    anyhow::bail!("{url} did not become ready")
}

/// Starts the release simulator with a seed, on `addr`.
pub fn simulator(
    root: &std::path::Path,
    addr: &str,
    seed: &std::path::Path,
) -> anyhow::Result<Killed> {
    use anyhow::Context;
    Ok(Killed(
        std::process::Command::new(root.join("target/release/postern-testkit"))
            .args(["stalwart", "--listen", addr, "--seed"])
            .arg(seed)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .context("start target/release/postern-testkit (build it first)")?,
    ))
}

/// Starts the release portal with a config file. `BENCH_PORTAL_WRAPPER` (e.g.
/// `valgrind --tool=callgrind`) runs it under a profiler.
pub fn portal(root: &std::path::Path, config: &std::path::Path) -> anyhow::Result<Killed> {
    portal_with(root, config, &[])
}

/// [`portal`] with extra environment variables (e.g. `POSTERN_SECRETS_KEY`).
pub fn portal_with(
    root: &std::path::Path,
    config: &std::path::Path,
    env: &[(&str, &str)],
) -> anyhow::Result<Killed> {
    portal_logging(root, config, env, None)
}

/// [`portal_with`], its log (standard output) written to `log` when given.
pub fn portal_logging(
    root: &std::path::Path,
    config: &std::path::Path,
    env: &[(&str, &str)],
    log: Option<&std::path::Path>,
) -> anyhow::Result<Killed> {
    use anyhow::Context;
    let server = root.join("target/release/server");
    let wrapper = std::env::var("BENCH_PORTAL_WRAPPER").unwrap_or_default();
    let mut words = wrapper.split_whitespace();
    let mut command = match words.next() {
        Some(program) => {
            let mut c = std::process::Command::new(program);
            c.args(words).arg(&server);
            c
        }
        None => std::process::Command::new(&server),
    };
    Ok(Killed(
        command
            .arg("--config")
            .arg(config)
            .env("POSTERN_LOG", "warn")
            .envs(env.iter().copied())
            .stdout(match log {
                Some(path) => std::fs::File::create(path)?.into(),
                None => std::process::Stdio::null(),
            })
            .stderr(std::process::Stdio::null())
            .spawn()
            .context("start target/release/server (build it first)")?,
    ))
}

/// A one-organisation configuration (acme.test) for the portal on `portal`.
pub fn config(
    portal: &str,
    db: &std::path::Path,
    simulator: &str,
    api_key: &str,
    issuer: &str,
) -> String {
    format!(
        r#"[server]
listen = "{portal}"
public_url = "http://{portal}"
database_url = "sqlite://{db}?mode=rwc"
[stalwart.main]
url = "http://{simulator}"
api_key = "{api_key}"
[organisations.acme]
display_name = "Acme Corp"
domains = ["acme.test"]
stalwart = "main"
mail = {{ imap_host = "mail.acme.test", smtp_host = "mail.acme.test" }}
[organisations.acme.oidc]
issuer = "{issuer}"
client_id = "postern-a"
client_secret = "secret-a"
admin_group = "mail-admins"
"#,
        db = db.display()
    )
}

/// Signs `email` in through the portal's sign-in form; the client keeps the session cookie.
pub async fn sign_in(portal: &str, email: &str) -> anyhow::Result<reqwest::Client> {
    Ok(sign_in_with_cookie(portal, email).await?.0)
}

/// Like [`sign_in`], also returning the `Cookie` header value the session travels in.
pub async fn sign_in_with_cookie(
    portal: &str,
    email: &str,
) -> anyhow::Result<(reqwest::Client, String)> {
    use reqwest::cookie::CookieStore;
    let jar = std::sync::Arc::new(reqwest::cookie::Jar::default());
    let browser = reqwest::Client::builder()
        .cookie_provider(jar.clone())
        .redirect(reqwest::redirect::Policy::limited(5))
        .pool_max_idle_per_host(64)
        .build()?;
    let done = browser
        .post(format!("http://{portal}/auth/login"))
        .header("origin", format!("http://{portal}"))
        .form(&[("email", email)])
        .send()
        .await?;
    if !done.url().path().ends_with("/account") {
        anyhow::bail!("sign-in failed, ended at {}", done.url());
    }
    let cookie = jar
        .cookies(&format!("http://{portal}/").parse()?)
        .and_then(|v| v.to_str().ok().map(str::to_owned))
        .unwrap_or_default();
    Ok((browser, cookie))
}

/// The "My app passwords" scene: the release simulator with Alice's mailbox holding three app
/// passwords, an OpenID provider, the release portal, and Alice signed in.
pub struct AppPasswordsScene {
    pub browser: reqwest::Client,
    /// The `Cookie` header that carries Alice's session.
    pub cookie: String,
    simulator: Killed,
    portal: Killed,
    _issuer: testkit::oidc::Issuer,
}

impl AppPasswordsScene {
    pub const SIMULATOR: &str = "127.0.0.1:18380";
    pub const PORTAL: &str = "127.0.0.1:3300";

    /// The call the page wraps, made bare: `x:AppPassword/query` + `get` (by back-reference)
    /// for Alice's account, exactly as the portal makes it.
    pub fn bare_call_body() -> String {
        serde_json::json!({"using": ["urn:ietf:params:jmap:core", "urn:stalwart:jmap"], "methodCalls": [
            ["x:AppPassword/query", {"accountId": "b"}, "c0"],
            ["x:AppPassword/get", {"accountId": "b", "#ids": {"resultOf": "c0", "name": "x:AppPassword/query", "path": "/ids"}}, "c1"]]})
        .to_string()
    }

    pub async fn start(root: &std::path::Path) -> anyhow::Result<Self> {
        Self::start_with(root, &[], None).await
    }

    /// The portal's process id.
    pub fn portal_pid(&self) -> u32 {
        self.portal.0.id()
    }

    /// The simulator's process id.
    pub fn simulator_pid(&self) -> u32 {
        self.simulator.0.id()
    }

    /// [`Self::start`] with extra environment for the portal, its log written to `log`.
    pub async fn start_with(
        root: &std::path::Path,
        env: &[(&str, &str)],
        log: Option<&std::path::Path>,
    ) -> anyhow::Result<Self> {
        let (simulator_addr, portal_addr, api_key) = (Self::SIMULATOR, Self::PORTAL, API_KEY);
        use testkit::oidc::{Issuer, User};
        let target = root.join("target/bench");
        std::fs::create_dir_all(&target)?;
        let seed = target.join("ap-seed.json");
        std::fs::write(
            &seed,
            serde_json::json!({
                "domains": ["acme.test"],
                "users": [{"address": "alice@acme.test", "name": "Alice Anders", "quota": 1073741824}],
                "api_keys": [{"address": "postern@acme.test", "secret": api_key}]
            })
            .to_string(),
        )?;
        let sim = simulator(root, simulator_addr, &seed)?;
        wait_ready(&format!("http://{simulator_addr}/healthz/live")).await?;

        // Alice has three app passwords, created the way the portal creates them.
        let body = serde_json::json!({"using": ["urn:ietf:params:jmap:core", "urn:stalwart:jmap"], "methodCalls": [
            ["x:AppPassword/set", {"accountId": "b", "create": {
                "a": {"description": "iPhone Mail"}, "b": {"description": "Thunderbird"}, "c": {"description": "Outlook"}}}, "c0"]]});
        reqwest::Client::new()
            .post(format!("http://{simulator_addr}/jmap"))
            .bearer_auth(api_key)
            .json(&body)
            .send()
            .await?
            .error_for_status()?;

        let issuer = Issuer::start("", "postern-a", "secret-a").await;
        issuer.add_user(User::new("alice@acme.test", "Alice Anders", &[]));
        let config_file = target.join("ap.toml");
        std::fs::write(
            &config_file,
            config(
                portal_addr,
                &target.join("ap.db"),
                simulator_addr,
                api_key,
                &issuer.issuer,
            ),
        )?;
        let _ = std::fs::remove_file(target.join("ap.db"));
        let portal = portal_logging(root, &config_file, env, log)?;
        wait_ready(&format!("http://{portal_addr}/healthz/ready")).await?;

        let (browser, cookie) = sign_in_with_cookie(portal_addr, "alice@acme.test").await?;
        let page = browser
            .get(format!("http://{portal_addr}/app-passwords"))
            .send()
            .await?
            .text()
            .await?;
        if !page.contains("Thunderbird") {
            anyhow::bail!("the app passwords page does not list the seeded passwords");
        }
        Ok(Self {
            browser,
            cookie,
            simulator: sim,
            portal,
            _issuer: issuer,
        })
    }
}

/// Sums, over every thread of a process, what `read` finds in the thread's `/proc` file
/// `file` (a thread that cannot be read counts 0).
fn over_threads(pid: u32, file: &str, read: impl Fn(&str) -> u64) -> anyhow::Result<u64> {
    let mut total = 0;
    for task in std::fs::read_dir(format!("/proc/{pid}/task"))? {
        total += read(&std::fs::read_to_string(task?.path().join(file)).unwrap_or_default());
    }
    Ok(total)
}

/// CPU time a process has used so far, all its threads together (from the kernel's
/// scheduler statistics, in nanoseconds).
pub fn cpu_time(pid: u32) -> anyhow::Result<Duration> {
    let nanos = over_threads(pid, "schedstat", |stat| {
        stat.split_whitespace()
            .next()
            .and_then(|n| n.parse().ok())
            .unwrap_or(0)
    })?;
    Ok(Duration::from_nanos(nanos))
}

/// Context switches a process has made so far, all its threads together (voluntary and
/// involuntary: each is a thread going to sleep or being put aside).
pub fn context_switches(pid: u32) -> anyhow::Result<u64> {
    over_threads(pid, "status", |status| {
        status
            .lines()
            .filter(|l| l.contains("ctxt_switches:"))
            .filter_map(|l| l.split_whitespace().last()?.parse::<u64>().ok())
            .sum()
    })
}

/// How many JMAP requests the simulator at `simulator` has answered so far.
pub async fn jmap_requests(simulator: &str) -> anyhow::Result<usize> {
    let log: serde_json::Value = reqwest::get(format!("http://{simulator}/_sim/requests"))
        .await?
        .json()
        .await?;
    Ok(log.as_array().map(Vec::len).unwrap_or(0))
}
