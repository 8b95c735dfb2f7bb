//! Server-only domain code. Server functions and the axum routes reach all of it through one
//! [`AppState`], provided as Leptos context and as axum state.

pub mod account;
pub mod admin;
pub mod app_passwords;
pub mod apple;
pub mod client_ip;
pub mod config;
pub mod db;
pub mod dns;
pub mod oidc;
pub mod session;
pub mod stalwart;
pub mod tenants;

use crate::error::AppError;
use db::Db;
use leptos::config::LeptosOptions;
use oidc::OidcProviders;
use session::{AppSession, SessionUser};
use stalwart::StalwartError;
use std::sync::Arc;
use tenants::{Tenant, Tenants};

/// Everything a request may need, shared by all of them. Cloned several times per request
/// (Leptos context, axum state, server functions), so a clone is one reference count.
#[derive(Clone)]
pub struct AppState(Arc<Shared>);

impl AppState {
    pub fn new(shared: Shared) -> Self {
        Self(Arc::new(shared))
    }
}

impl std::ops::Deref for AppState {
    type Target = Shared;

    fn deref(&self) -> &Shared {
        &self.0
    }
}

pub struct Shared {
    pub leptos_options: LeptosOptions,
    pub db: Db,
    pub tenants: Arc<Tenants>,
    pub oidc: OidcProviders,
    pub dns: dns::check::DnsChecker,
    pub public_url: url::Url,
    /// Reverse proxies whose `X-Forwarded-For` names the client (`server.trusted_proxies`).
    pub trusted_proxies: Arc<[ipnet::IpNet]>,
}

impl axum::extract::FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}

impl AppState {
    /// The client's address: the TCP peer, or what a trusted proxy says it forwarded for.
    pub fn client_ip(&self, peer: std::net::IpAddr, headers: &http::HeaderMap) -> std::net::IpAddr {
        client_ip::client_ip(peer, headers, &self.trusted_proxies)
    }

    /// The one redirect URI registered at every tenant's IdP.
    pub fn redirect_uri(&self) -> String {
        self.public_url
            .join("auth/callback")
            .expect("static path")
            .to_string()
    }

    /// Cookies are `Secure` unless the portal runs on plain-http loopback (development).
    pub fn cookies_secure(&self) -> bool {
        self.public_url.scheme() == "https"
    }

    pub fn absolute(&self, path: &str) -> String {
        self.public_url.join(path).expect("local path").to_string()
    }
}

/// A short random id that ties a user-visible error to its log line.
pub fn reference_id() -> String {
    use rand::Rng;
    let n: u32 = rand::thread_rng().r#gen();
    format!("E-{n:08X}")
}

/// The signed-in user of this request, their tenant and the application state.
pub struct Caller {
    pub state: AppState,
    pub user: SessionUser,
    pub tenant: Arc<Tenant>,
}

/// For server functions: the state and the signed-in user, or `Unauthorized`.
pub async fn caller() -> Result<Caller, AppError> {
    let state = leptos::prelude::use_context::<AppState>()
        .ok_or_else(|| AppError::internal("AppState missing from context"))?;
    let session: tower_sessions::Session = leptos_axum::extract()
        .await
        .map_err(|e| AppError::internal(format!("session: {e:?}")))?;
    caller_from(state, &AppSession(session)).await
}

/// The signed-in user of a session, with their tenant, or `Unauthorized`.
pub async fn caller_from(state: AppState, session: &AppSession) -> Result<Caller, AppError> {
    let user = session
        .user()
        .await
        .map_err(AppError::internal)?
        .ok_or(AppError::Unauthorized)?;
    // A tenant removed from the configuration ends its users' sessions.
    let tenant = state
        .tenants
        .by_slug(&user.tenant)
        .cloned()
        .ok_or(AppError::Unauthorized)?;
    Ok(Caller {
        state,
        user,
        tenant,
    })
}

/// Words for a person, for every way Stalwart can fail. `action` completes "We could not …".
pub fn stalwart_error(e: &StalwartError, action: &str) -> AppError {
    match e {
        StalwartError::Unreachable(_) | StalwartError::Server { .. } => {
            tracing::warn!(error = %e, "Stalwart unavailable");
            AppError::Unavailable(format!(
                "We could not {action}: the mail server is not responding. Nothing was changed. \
                 Please try again in a few minutes."
            ))
        }
        StalwartError::Timeout(_) => {
            tracing::warn!(error = %e, "Stalwart timeout");
            AppError::Unavailable(format!(
                "We could not {action}: the mail server did not answer in time. \
                 Please try again in a few minutes."
            ))
        }
        StalwartError::RateLimited { retry_after } => {
            tracing::warn!(error = %e, ?retry_after, "Stalwart rate limit");
            AppError::Unavailable(format!(
                "We could not {action}: the mail server is busy right now and asked us to slow \
                 down. Nothing was changed. {}",
                wait_advice(*retry_after)
            ))
        }
        StalwartError::Unauthorized => {
            tracing::error!(error = %e, "Stalwart refused the API key");
            AppError::Unavailable(format!(
                "We could not {action}: the mail server refused the portal's credentials. \
                 Please tell your administrator (the portal's Stalwart API key needs renewing)."
            ))
        }
        StalwartError::Forbidden(_) => {
            tracing::error!(error = %e, "Stalwart denied a permission");
            AppError::Unavailable(format!(
                "We could not {action}: the portal lacks a permission on the mail server. \
                 Please tell your administrator."
            ))
        }
        _ => AppError::internal(format!("{action}: {e}")),
    }
}

/// How long to wait, in words, from a `Retry-After` the mail server sent (if any).
fn wait_advice(retry_after: Option<std::time::Duration>) -> String {
    match retry_after.map(|d| d.as_secs()) {
        Some(0..=1) => "Try again in a moment.".into(),
        Some(secs @ 2..=90) => format!("Try again in {secs} seconds."),
        Some(secs) => format!("Try again in about {} minutes.", secs.div_ceil(60)),
        None => "Wait a minute and try again.".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn a_rate_limit_says_how_long_to_wait_when_the_server_says() {
        let limited = |secs: Option<u64>| {
            stalwart_error(
                &StalwartError::RateLimited {
                    retry_after: secs.map(Duration::from_secs),
                },
                "create the app password",
            )
            .to_string()
        };
        let text = limited(Some(30));
        assert!(
            text.contains("could not create the app password")
                && text.contains("Nothing was changed")
                && text.ends_with("Try again in 30 seconds."),
            "{text}"
        );
        assert!(limited(Some(600)).ends_with("Try again in about 10 minutes."));
        assert!(limited(Some(0)).ends_with("Try again in a moment."));
        assert!(limited(None).ends_with("Wait a minute and try again."));
    }
}
