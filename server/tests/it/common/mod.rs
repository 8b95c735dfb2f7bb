//! Spawns the real application on port 0 against the Stalwart simulator and two in-process
//! OpenID providers (organisation A at the issuer root, organisation B Authentik-style with a trailing
//! slash). Each test gets its own database: a SQLite file, or a fresh PostgreSQL database when
//! `POSTERN_TEST_DATABASE=postgres`.

#![allow(dead_code)]

use reqwest::header::{HeaderMap, LOCATION};
use reqwest::{Client, StatusCode};
use testkit::oidc::{Issuer, User};
use testkit::stalwart::{Simulator, Store};

pub const API_KEY: &str = "API_AAAABAAAAAE36wtxGna-JL_wnbLTc5nR2teWbQ";
pub const ALICE: &str = "alice@acme.test";
pub const ADA: &str = "ada@acme.test";
pub const NOMAIL: &str = "nomail@acme.test";
pub const BERT: &str = "bert@beta.test";

pub struct TestApp {
    pub url: String,
    pub simulator: Simulator,
    pub issuer_a: Issuer,
    pub issuer_b: Issuer,
    pub db_url: String,
    /// The configuration the portal runs with (another instance can start from it).
    pub config: String,
    _dir: tempdir::Dir,
}

/// A browser: keeps cookies, does not follow redirects (tests look at each hop), and sends
/// the `Origin` header a browser sends with a form post.
pub struct Browser {
    pub client: Client,
    pub base: String,
    pub jar: std::sync::Arc<reqwest::cookie::Jar>,
}

pub mod tempdir {
    pub struct Dir(pub std::path::PathBuf);
    impl Dir {
        pub fn new() -> Self {
            use rand::RngCore;
            let mut n = [0u8; 8];
            rand::thread_rng().fill_bytes(&mut n);
            let name: String = n.iter().map(|b| format!("{b:02x}")).collect();
            let path = std::env::temp_dir().join(format!("postern-test-{name}"));
            std::fs::create_dir_all(&path).expect("temp dir");
            Dir(path)
        }
    }
    impl Drop for Dir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}

pub fn seed() -> Store {
    let mut store = Store::default();
    let acme = store.create_domain("acme.test");
    let beta = store.create_domain("beta.test");
    let alice = store.create_user("alice", &acme, Some("Alice Anders"), None);
    let n = testkit::stalwart::ids::decode_id(&alice).unwrap() as u32;
    store.accounts.get_mut(&n).unwrap().aliases =
        vec![testkit::stalwart::store_alias("a.anders", &acme)];
    store
        .accounts
        .get_mut(&n)
        .unwrap()
        .quotas
        .insert("maxDiskQuota".into(), 1073741824u64.into());
    store.create_user("ada", &acme, Some("Ada Admin"), None);
    store.create_user("bert", &beta, Some("Bert Beta"), None);
    store.create_group("support", &beta, Some("Beta support"));
    let portal = store.create_user("postern", &acme, Some("Postern service"), None);
    store.make_admin(&portal);
    store.add_api_key(&portal, API_KEY);
    store
}

pub async fn database_url(dir: &tempdir::Dir) -> String {
    if std::env::var("POSTERN_TEST_DATABASE").as_deref() == Ok("postgres") {
        let admin = std::env::var("POSTERN_TEST_PG_ADMIN")
            .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into());
        let name = format!(
            "postern_test_{}",
            dir.0
                .file_name()
                .unwrap()
                .to_string_lossy()
                .replace('-', "_")
        );
        let pool = sqlx::PgPool::connect(&admin)
            .await
            .expect("PostgreSQL for tests");
        sqlx::query(&format!("CREATE DATABASE {name}"))
            .execute(&pool)
            .await
            .expect("create test db");
        admin
            .rsplit_once('/')
            .map(|(base, _)| format!("{base}/{name}"))
            .expect("url with a db")
    } else {
        format!("sqlite://{}/postern.db?mode=rwc", dir.0.display())
    }
}

impl TestApp {
    pub async fn spawn() -> Self {
        Self::spawn_with(seed(), |_| {}).await
    }

    /// `tweak_config` may edit the TOML text before it is loaded.
    pub async fn spawn_with(store: Store, tweak_config: impl FnOnce(&mut String)) -> Self {
        if std::env::var_os("TEST_LOG").is_some() {
            server::telemetry::init(app::ssr::config::LogFormat::Text);
        }
        let simulator = Simulator::start_with(store).await;
        let issuer_a = Issuer::start("", "postern-a", "secret-a").await;
        let issuer_b = Issuer::start("/application/o/beta/", "postern-b", "secret-b").await;
        issuer_a.add_user(User::new(ALICE, "Alice Anders", &["staff"]));
        issuer_a.add_user(User::new(ADA, "Ada Admin", &["staff", "mail-admins"]));
        issuer_a.add_user(User::new(NOMAIL, "No Mailbox", &[]));
        issuer_b.add_user(User::new(BERT, "Bert Beta", &["beta-admins"]));
        let dir = tempdir::Dir::new();
        let db_url = database_url(&dir).await;
        let mut config = format!(
            r#"
            [server]
            listen = "127.0.0.1:0"
            public_url = "http://127.0.0.1:0"
            database_url = "{db_url}"

            [stalwart.shared]
            url = "{sim}"
            api_key = "{API_KEY}"
            timeout_ms = 2000

            [organisations.acme]
            display_name = "Acme Corp"
            domains = ["acme.test"]
            stalwart = "shared"
            mail = {{ imap_host = "mail.acme.test", smtp_host = "mail.acme.test" }}
            mailbox_passwords = "optional"
            [organisations.acme.oidc]
            issuer = "{iss_a}"
            client_id = "postern-a"
            client_secret = "secret-a"
            scopes = ["openid", "email", "profile", "groups"]
            admin_group = "mail-admins"

            [organisations.beta]
            display_name = "Beta Ltd"
            domains = ["beta.test"]
            stalwart = "shared"
            mail = {{ imap_host = "imap.beta.test", smtp_host = "smtp.beta.test", smtp_port = 587 }}
            [organisations.beta.oidc]
            issuer = "{iss_b}"
            client_id = "postern-b"
            client_secret = "secret-b"
            admin_group = "beta-admins"
            "#,
            sim = simulator.url,
            iss_a = issuer_a.issuer,
            iss_b = issuer_b.issuer,
        );
        tweak_config(&mut config);
        let settings = app::ssr::config::Settings::from_toml(&config, std::iter::empty())
            .expect("test config");
        let application = server::Application::build(settings)
            .await
            .expect("app builds");
        let url = format!("http://127.0.0.1:{}", application.port());
        tokio::spawn(application.run_until_stopped());
        Self {
            url,
            simulator,
            issuer_a,
            issuer_b,
            db_url,
            config,
            _dir: dir,
        }
    }

    /// Starts another portal instance on the same database, simulator and IdPs (as several
    /// instances behind a load balancer); returns its base URL.
    pub async fn another_instance(&self) -> String {
        let settings = app::ssr::config::Settings::from_toml(&self.config, std::iter::empty())
            .expect("test config");
        let application = server::Application::build(settings)
            .await
            .expect("second instance builds");
        let url = format!("http://127.0.0.1:{}", application.port());
        tokio::spawn(application.run_until_stopped());
        url
    }

    /// Starts an instance on the same database from `config` (an edited copy of
    /// [`TestApp::config`]) with the given secrets keys; returns its base URL, or why it
    /// refused to start.
    pub async fn instance_with(
        &self,
        config: &str,
        keyring: app::ssr::secrets::Keyring,
    ) -> Result<String, server::StartupError> {
        let settings =
            app::ssr::config::Settings::from_toml(config, std::iter::empty()).expect("test config");
        let application = server::Application::build_with(settings, keyring).await?;
        let url = format!("http://127.0.0.1:{}", application.port());
        tokio::spawn(application.run_until_stopped());
        Ok(url)
    }

    /// A browser at `base` sharing `with`'s cookies (one person, another instance).
    pub fn same_browser_at(&self, with: &Browser, base: &str) -> Browser {
        let mut headers = HeaderMap::new();
        headers.insert("origin", base.parse().unwrap());
        let client = Client::builder()
            .timeout(std::time::Duration::from_secs(30))
            .redirect(reqwest::redirect::Policy::none())
            .cookie_provider(with.jar.clone())
            .default_headers(headers)
            .build()
            .unwrap();
        Browser {
            client,
            base: base.to_owned(),
            jar: with.jar.clone(),
        }
    }

    pub fn browser(&self) -> Browser {
        self.browser_with_headers(&[])
    }

    /// A browser that sends `extra` headers with every request (as a proxy in front would).
    pub fn browser_with_headers(&self, extra: &[(&'static str, &str)]) -> Browser {
        let jar = std::sync::Arc::new(reqwest::cookie::Jar::default());
        let mut headers = HeaderMap::new();
        headers.insert("origin", self.url.parse().unwrap());
        for (name, value) in extra {
            headers.append(*name, value.parse().unwrap());
        }
        let client = Client::builder()
            // A hung request fails its test instead of hanging the run.
            .timeout(std::time::Duration::from_secs(30))
            .redirect(reqwest::redirect::Policy::none())
            .cookie_provider(jar.clone())
            .default_headers(headers)
            .build()
            .unwrap();
        Browser {
            client,
            base: self.url.clone(),
            jar,
        }
    }

    /// Everything the simulator holds about accounts, to prove a refused request changed nothing.
    pub fn stalwart_snapshot(&self) -> String {
        format!("{:?}", self.simulator.store().accounts)
    }

    pub async fn db(&self) -> app::ssr::db::Db {
        app::ssr::db::Db::connect(&self.db_url).await.expect("db")
    }
}

/// The steps of one sign-in, so tests can interfere between them.
pub struct SignInStart {
    /// The IdP authorization URL the portal redirected to.
    pub authorize_url: String,
}

impl Browser {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client.get(self.url(path)).send().await.unwrap()
    }

    pub async fn post_form(&self, path: &str, form: &[(&str, &str)]) -> reqwest::Response {
        self.client
            .post(self.url(path))
            .form(form)
            .send()
            .await
            .unwrap()
    }

    pub fn session_cookie(&self) -> Option<String> {
        use reqwest::cookie::CookieStore;
        let header = self.jar.cookies(&self.base.parse().unwrap())?;
        header
            .to_str()
            .ok()?
            .split("; ")
            .find_map(|c| c.strip_prefix("postern_session=").map(str::to_owned))
    }

    /// Types the address on the start page; returns where the portal sent the browser.
    pub async fn start_sign_in(&self, email: &str) -> reqwest::Response {
        self.post_form("/auth/login", &[("email", email)]).await
    }

    /// Follows the redirect to the IdP, which answers with a redirect to the callback.
    pub async fn authorize(&self, start: &reqwest::Response) -> String {
        assert_eq!(
            start.status(),
            StatusCode::SEE_OTHER,
            "sign-in start should redirect"
        );
        let authorize = location(start);
        let idp = self.client.get(&authorize).send().await.unwrap();
        assert_eq!(
            idp.status(),
            StatusCode::SEE_OTHER,
            "IdP should redirect back"
        );
        location(&idp)
    }

    /// The whole sign-in; returns the final response of the callback.
    pub async fn sign_in(&self, email: &str) -> reqwest::Response {
        let start = self.start_sign_in(email).await;
        let callback = self.authorize(&start).await;
        self.client.get(&callback).send().await.unwrap()
    }

    /// The text of the start page (where failures are explained).
    pub async fn start_page(&self) -> String {
        self.get("/").await.text().await.unwrap()
    }
}

pub fn location(response: &reqwest::Response) -> String {
    response
        .headers()
        .get(LOCATION)
        .unwrap_or_else(|| panic!("no Location on {}", response.status()))
        .to_str()
        .unwrap()
        .to_owned()
}

/// HTML-unescapes the few entities Leptos emits, for `contains` checks on page text.
pub fn text(html: &str) -> String {
    html.replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
}

/// The hidden request id of a freshly rendered create form.
/// A browser on `base` that shares `with`'s cookies (the session lives in the database, so
/// any instance serves it).
pub fn browser_on(base: &str, with: &Browser) -> Browser {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert("origin", base.parse().unwrap());
    Browser {
        client: reqwest::Client::builder()
            .timeout(std::time::Duration::from_secs(30))
            .redirect(reqwest::redirect::Policy::none())
            .cookie_provider(with.jar.clone())
            .default_headers(headers)
            .build()
            .unwrap(),
        base: base.to_owned(),
        jar: with.jar.clone(),
    }
}

/// A loopback port nothing listens on now (for a process that binds it itself).
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

pub async fn form_request_id(browser: &Browser, path: &str) -> String {
    let html = browser.get(path).await.text().await.unwrap();
    let start = html
        .find("name=\"request_id\" value=\"")
        .unwrap_or_else(|| panic!("no form in {html}"))
        + 25;
    html[start..].split('"').next().unwrap().to_owned()
}

/// A browser signed in as `who` (at their organisation's IdP).
pub async fn signed_in(app: &TestApp, who: &str) -> Browser {
    let browser = app.browser();
    assert_eq!(location(&browser.sign_in(who).await), "/account");
    browser
}

/// Whether the browser's session still works: a signed-out browser's page answers with a
/// location (to the sign-in page).
pub async fn still_signed_in(browser: &Browser) -> bool {
    let page = browser.get("/account").await;
    page.status() == reqwest::StatusCode::OK && !page.headers().contains_key("location")
}

/// Mints an app password named `name` through the product's form; returns its secret.
pub async fn mint_app_password(browser: &Browser, name: &str) -> String {
    let request_id = form_request_id(browser, "/app-passwords/new").await;
    let page = browser
        .post_form(
            "/app-passwords/new",
            &[("request_id", &request_id), ("name", name)],
        )
        .await
        .text()
        .await
        .unwrap();
    let start = page.find("data-copy=\"app_").expect("the secret is shown") + 11;
    page[start..].split('"').next().unwrap().to_owned()
}

/// Whether the mail server (the simulator) takes the secret as HTTP Basic on /jmap.
pub async fn stalwart_accepts(app: &TestApp, address: &str, secret: &str) -> bool {
    reqwest::Client::new()
        .post(format!("{}/jmap", app.simulator.url))
        .basic_auth(address, Some(secret))
        .header("content-type", "application/json")
        .body(r#"{"using":["urn:ietf:params:jmap:core","urn:stalwart:jmap"],"methodCalls":[["x:AppPassword/query",{},"q"]]}"#)
        .send()
        .await
        .unwrap()
        .status()
        == reqwest::StatusCode::OK
}

/// How many audit events of `action` the database holds.
pub async fn audit_count(app: &TestApp, action: &str) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM audit_events WHERE action = $1")
        .bind(action)
        .fetch_one(&app.db().await.pool)
        .await
        .unwrap()
}
