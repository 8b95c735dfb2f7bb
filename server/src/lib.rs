#![recursion_limit = "256"]
//! The portal's HTTP server: startup, layers, and the routes that are not Leptos pages.

pub mod backup;
pub mod health;
pub mod metrics;
pub mod operator;
pub mod security;
pub mod tasks;
pub mod telemetry;

use app::ssr::config::Settings;
use app::ssr::db::{Backend, Db, DbError};
use app::ssr::directory::{Directory, DirectoryError};
use app::ssr::oidc::OidcProviders;
use app::ssr::secrets::{Keyring, SecretsError};
use app::ssr::state::AppState;
use app::{App, SITE_NAME, shell};
use axum::Router;
use axum::serve::ListenerExt;
use leptos::config::LeptosOptions;
use leptos::prelude::{IntoAny, provide_context};
use leptos_axum::{LeptosRoutes, generate_route_list};
use std::future::IntoFuture;
use tokio::net::TcpListener;
use tower_sessions::cookie::SameSite;
use tower_sessions::{ExpiredDeletion, Expiry, SessionManagerLayer, SessionStore};
use tower_sessions_sqlx_store::{PostgresStore, SqliteStore};

/// A session that has not signed in (e.g. waiting for the IdP) lives this long; sign-in
/// replaces it with an absolute lifetime (`SIGNED_IN_LIFETIME`).
const ANONYMOUS_SESSION: time::Duration = time::Duration::minutes(30);

/// The largest request body any route accepts (forms, server functions).
pub const FORM_BODY_LIMIT: usize = 16 * 1024;
/// A SCIM user or a logout token: a few kilobytes; 64 KiB is generous.
pub const API_BODY_LIMIT: usize = 64 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error("{0}")]
    Config(#[from] app::ssr::config::ConfigError),
    #[error("{0}")]
    Database(#[from] DbError),
    #[error("{0}")]
    Directory(#[from] DirectoryError),
    #[error("{0}")]
    Secrets(#[from] SecretsError),
    #[error("session store: {0}")]
    Sessions(String),
    #[error("cannot listen on {addr}: {source}")]
    Listen {
        addr: std::net::SocketAddr,
        source: std::io::Error,
    },
}

pub struct Application {
    listener: TcpListener,
    /// The metrics listener and its router, when `server.metrics_listen` is set.
    metrics: Option<(TcpListener, Router)>,
    router: Router,
    port: u16,
    tasks: app::ssr::tasks::Runner,
    grace: std::time::Duration,
}

impl Application {
    /// Connects the database, writes the configuration into the directory, builds every
    /// organisation's clients and binds the listener. Nothing is served until
    /// [`Application::run_until_stopped`]. The secrets key comes from the environment.
    pub async fn build(settings: Settings) -> Result<Self, StartupError> {
        let keyring = Keyring::from_environment(&settings.server)?;
        Self::build_with(settings, keyring).await
    }

    /// [`Application::build`] with the secrets keys given (tests: several instances in one
    /// process, each with its own keys).
    pub async fn build_with(settings: Settings, keyring: Keyring) -> Result<Self, StartupError> {
        let db = Db::connect(&settings.server.database_url).await?;
        let directory = Directory::boot(db.clone(), &settings, keyring).await?;
        directory.watch();
        let listener = TcpListener::bind(settings.server.listen)
            .await
            .map_err(|source| StartupError::Listen {
                addr: settings.server.listen,
                source,
            })?;
        let port = listener
            .local_addr()
            .map_err(|source| StartupError::Listen {
                addr: settings.server.listen,
                source,
            })?
            .port();

        // With port 0 (tests), the public URL follows the port actually bound.
        let mut public_url = settings.server.public_url.clone();
        if public_url.port() == Some(0) {
            let _ = public_url.set_port(Some(port));
        }
        let oidc = OidcProviders::new(directory.outbound().clone(), directory.idp_response_limit());
        let state = AppState::new(app::ssr::state::Shared {
            leptos_options: leptos_options(),
            shell: |options| shell(options).into_any(),
            audit_actions: app::audit_actions().into(),
            db: db.clone(),
            directory,
            oidc,
            dns: app::ssr::dns::check::DnsChecker::new(
                &settings.dns.nameservers,
                std::time::Duration::from_millis(settings.dns.timeout_ms),
            )
            .map_err(|problem| app::ssr::config::ConfigError {
                key: "dns".into(),
                problem,
            })?,
            health: app::ssr::health::ServerHealth::default(),
            syncs: std::sync::Arc::new(app::ssr::departures::syncs::Syncs::from_settings(
                &settings,
            )?),
            limiter: app::ssr::limits::Limiter::new(db.clone(), settings.limits),
            public_url,
            senders: std::sync::Arc::new(app::ssr::mail::Senders::from_settings(&settings)?),
            recently: Default::default(),
            trusted_proxies: settings.server.trusted_proxies.clone().into(),
        });
        let mut tasks = tasks::start(&state, &settings);
        let metrics = match settings.server.metrics_listen {
            Some(addr) => Some(metrics::serve_on(addr, &state, &mut tasks).await?),
            None => None,
        };
        let router = match db.backend {
            Backend::Sqlite => {
                use std::str::FromStr;
                let options =
                    sqlx::sqlite::SqliteConnectOptions::from_str(&settings.server.database_url)
                        .map_err(|e| StartupError::Sessions(e.to_string()))?
                        .journal_mode(sqlx::sqlite::SqliteJournalMode::Wal)
                        .synchronous(sqlx::sqlite::SqliteSynchronous::Normal);
                // The main pool's settings: a bounded wait, no background reaper.
                let pool = app::ssr::db::pool_options::<sqlx::Sqlite>(Backend::Sqlite)
                    .connect_with(options)
                    .await
                    .map_err(|e| StartupError::Sessions(e.to_string()))?;
                let store = SqliteStore::new(pool);
                store
                    .migrate()
                    .await
                    .map_err(|e| StartupError::Sessions(e.to_string()))?;
                router(state, store, &mut tasks)
            }
            Backend::Postgres => {
                let pool = app::ssr::db::pool_options::<sqlx::Postgres>(Backend::Postgres)
                    .connect(&settings.server.database_url)
                    .await
                    .map_err(|e| StartupError::Sessions(e.to_string()))?;
                let store = PostgresStore::new(pool);
                store
                    .migrate()
                    .await
                    .map_err(|e| StartupError::Sessions(e.to_string()))?;
                router(state, store, &mut tasks)
            }
        };
        Ok(Self {
            listener,
            metrics,
            router,
            port,
            tasks,
            grace: std::time::Duration::from_secs(settings.server.shutdown_grace_secs),
        })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// The metrics listener's port, when there is one.
    pub fn metrics_port(&self) -> Option<u16> {
        let (listener, _) = self.metrics.as_ref()?;
        listener.local_addr().ok().map(|a| a.port())
    }

    /// Serves until SIGTERM (or Ctrl-C): then accepts no new connection, lets the requests
    /// under way finish (up to `server.shutdown_grace_secs`), lets the background runs under
    /// way finish (as long again), and returns.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        tracing::info!(port = self.port, "Postern is listening");
        let grace = self.grace;
        let (signalled, mut stopping) = tokio::sync::watch::channel(false);
        let shutdown = async move {
            shutdown_signal().await;
            tracing::info!("stopping: no new connections; finishing the requests under way");
            let _ = signalled.send(true);
        };
        // Leptos streams a page in several writes; without TCP_NODELAY each response waits for
        // the client's delayed ACK (~40 ms). See TOOLCHAIN.md pitfall 10.
        let listener = self.listener.tap_io(|tcp| {
            let _ = tcp.set_nodelay(true);
        });
        if let Some((listener, router)) = self.metrics {
            // Scraped until the process ends; it holds no request anyone waits for.
            tokio::spawn(async move { axum::serve(listener, router).await });
        }
        let serve = axum::serve(
            listener,
            self.router
                .into_make_service_with_connect_info::<std::net::SocketAddr>(),
        )
        .with_graceful_shutdown(shutdown);
        let overdue = async move {
            let _ = stopping.wait_for(|s| *s).await;
            tokio::time::sleep(grace).await;
        };
        let served = tokio::select! {
            served = serve.into_future() => served,
            () = overdue => {
                tracing::warn!(grace_secs = grace.as_secs(), "requests still under way after the grace period are cut off");
                Ok(())
            }
        };
        if !self.tasks.stop(grace).await {
            tracing::warn!(
                grace_secs = grace.as_secs(),
                "a background run still under way is cut off"
            );
        }
        tracing::info!("Postern stopped");
        served
    }
}

fn leptos_options() -> LeptosOptions {
    let site_root = std::env::var("LEPTOS_SITE_ROOT").unwrap_or_else(|_| "target/site".into());
    LeptosOptions::builder()
        .output_name(SITE_NAME)
        .site_root(site_root)
        .site_pkg_dir("pkg")
        .build()
}

fn router<S>(state: AppState, store: S, tasks: &mut app::ssr::tasks::Runner) -> Router
where
    S: SessionStore + ExpiredDeletion + Clone,
{
    // Every instance deletes expired sessions now and then; the statement is idempotent, so
    // several instances on one database do not get in each other's way.
    let hour = std::time::Duration::from_secs(3600);
    let expired = store.clone();
    tasks.every("expired sessions", hour, hour, move || {
        let store = expired.clone();
        async move {
            if let Err(e) = store.delete_expired().await {
                tracing::warn!(error = %e, "cannot delete expired sessions");
            }
        }
    });

    let secure = state.cookies_secure();
    let sessions = SessionManagerLayer::new(store)
        // `__Host-` makes browsers refuse the cookie unless it is Secure, host-only and path=/.
        .with_name(if secure {
            "__Host-postern_session"
        } else {
            "postern_session"
        })
        .with_secure(secure)
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_path("/")
        .with_expiry(Expiry::OnInactivity(ANONYMOUS_SESSION));

    let options = state.leptos_options.clone();
    let routes = generate_route_list(App);
    let context_state = state.clone();
    let security = security::Policy::new(&state);

    Router::new()
        .leptos_routes_with_context(
            &state,
            routes,
            move || provide_context(context_state.clone()),
            {
                let options = options.clone();
                move || shell(options.clone())
            },
        )
        .merge(app::routing::router(app::routes(), false))
        .merge(health::router())
        .fallback(leptos_axum::file_and_error_handler::<AppState, _>(shell))
        // Every form is a few fields: a larger body is refused before anything reads it.
        .layer(axum::extract::DefaultBodyLimit::max(FORM_BODY_LIMIT))
        .layer(sessions)
        .layer(axum::middleware::from_fn_with_state(
            security,
            security::layer,
        ))
        // Machines' endpoints (SCIM, back-channel logout) prove themselves on each request:
        // no session is read or made for them, and no browser's origin is asked for.
        .merge(
            app::routing::router(app::routes(), true)
                .layer(axum::extract::DefaultBodyLimit::max(API_BODY_LIMIT)),
        )
        .layer(axum::middleware::from_fn(language_layer))
        .layer(axum::middleware::from_fn(telemetry_layer))
        .with_state(state)
}

/// Every request is handled, and its page rendered, in the person's language
/// ([`app::i18n::negotiate`]); a page says which one, and that it depends on the cookie and
/// `Accept-Language` (assets, the same in every language, stay cacheable).
async fn language_layer(
    mut request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    use axum::http::{HeaderValue, header};
    let locale = app::i18n::negotiate(request.headers());
    request.extensions_mut().insert(locale);
    let mut response = app::i18n::scope(locale, next.run(request)).await;
    let is_page = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|t| t.as_bytes().starts_with(b"text/html"));
    if is_page {
        let headers = response.headers_mut();
        headers.insert(
            header::CONTENT_LANGUAGE,
            HeaderValue::from_static(locale.code()),
        );
        headers.append(
            header::VARY,
            HeaderValue::from_static("accept-language, cookie"),
        );
    }
    response
}

/// One line per request: method, path (never the query, which can carry OIDC codes), status
/// and duration.
async fn telemetry_layer(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let method = request.method().clone();
    let path = loggable(request.uri().path());
    let route = metrics::route_of(&request);
    let started = std::time::Instant::now();
    let response = next.run(request).await;
    let status = response.status().as_u16();
    let took = started.elapsed();
    app::ssr::metrics::request(&route, method.as_str(), status, took);
    let ms = took.as_secs_f64() * 1000.0;
    if status >= 500 {
        tracing::warn!(%method, %path, status, ms, "request");
    } else {
        tracing::debug!(%method, %path, status, ms, "request");
    }
    response
}

/// A path as the log may keep it: a one-time link's token is a secret until used.
fn loggable(path: &str) -> String {
    match path.strip_prefix("/test-sign-in/") {
        Some("done") | None => path.to_owned(),
        Some(_) => "/test-sign-in/[token]".to_owned(),
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = terminate => {} }
}
