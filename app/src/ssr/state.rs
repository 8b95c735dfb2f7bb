//! What every request may need, shared by all of them ([`AppState`]), and who is asking
//! ([`Caller`]).

use super::db::Db;
use super::db::{audit, logins};
use super::directory::Directory;
use super::dns::check::DnsChecker;
use super::health::ServerHealth;
use super::limits::Limiter;
use super::oidc::OidcProviders;
use super::organisations::{Organisation, Organisations};
use super::session::{AppSession, SessionError, SessionUser};
use super::stalwart::error::StalwartError;
use super::time::now;
use crate::error::{AppError, text};
use leptos::config::LeptosOptions;
use leptos::prelude::AnyView;
use std::sync::Arc;

/// Shared by all requests. Cloned several times per request (Leptos context, axum state,
/// server functions), so a clone is one reference count.
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
    /// The HTML document around every page (`app::shell`), for answering a form post with a
    /// page. Passed in so that server plumbing does not depend on the pages.
    pub shell: fn(LeptosOptions) -> AnyView,
    /// Every audit action the areas declare (`app::audit_actions`), for the audit page's filter.
    pub audit_actions: Arc<[crate::ssr::db::audit::Action]>,
    pub db: Db,
    /// Organisations, domains, IdPs and mail servers: read through [`AppState::organisations`].
    pub directory: Arc<Directory>,
    pub oidc: OidcProviders,
    pub dns: DnsChecker,
    /// Each mail server's state, probed in the background.
    pub health: ServerHealth,
    pub limiter: Limiter,
    /// Each organisation's directory sync (`[organisations.<slug>.sync]`).
    pub syncs: Arc<super::departures::syncs::Syncs>,
    pub public_url: url::Url,
    /// Who sends notification e-mails for each mail server (`[stalwart.<name>.notify]`).
    pub senders: Arc<super::mail::Senders>,
    /// What this instance did a moment ago, so pages can skip statements that tell nothing.
    pub recently: super::recently::Recents,
    /// Reverse proxies whose `X-Forwarded-For` names the client (`server.trusted_proxies`).
    pub trusted_proxies: Arc<[ipnet::IpNet]>,
}

impl axum::extract::FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}

impl AppState {
    /// The directory as it is now; hold it for one request, not longer.
    pub fn organisations(&self) -> Arc<Organisations> {
        self.directory.current()
    }

    /// The client's address: the TCP peer, or what a trusted proxy says it forwarded for.
    pub fn client_ip(&self, peer: std::net::IpAddr, headers: &http::HeaderMap) -> std::net::IpAddr {
        super::client_ip::client_ip(peer, headers, &self.trusted_proxies)
    }

    /// The one redirect URI registered at every organisation's IdP.
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

/// The signed-in user of a request, their organisation and the application state: what every
/// service function of a signed-in area takes.
pub struct Caller {
    pub state: AppState,
    pub user: SessionUser,
    pub organisation: Arc<Organisation>,
}

/// The login of a session must still be valid: not ended (signed out, here or elsewhere),
/// within the organisation's lifetime, and used recently enough. Activity is noted at most every
/// minute (or half the idle timeout), not on every request.
async fn check_login(
    state: &AppState,
    organisation: &Organisation,
    user: &SessionUser,
) -> Result<(), NoCaller> {
    let at = now();
    let idle = organisation.session_idle.as_secs() as i64;
    let valid = |login: &logins::Login| {
        login.organisation == user.organisation
            && login.user_id == user.user_id
            && login.ended_at.is_none()
            && at - login.created_at < organisation.session_lifetime.as_secs() as i64
            && at - login.last_seen_at < idle
    };
    let cached = logins::find_cached(&state.db, &user.login_id)
        .await
        .map_err(NoCaller::Store)?;
    let login = match cached {
        Some(login) if valid(&login) => login,
        // What this instance remembers says no: the database has the last word (another
        // instance may have seen the person more recently).
        Some(_) => logins::find(&state.db, &user.login_id)
            .await
            .map_err(NoCaller::Store)?
            .filter(|l| valid(l))
            .ok_or(NoCaller::SignedOut)?,
        None => return Err(NoCaller::SignedOut),
    };
    if at - login.last_seen_at >= (idle / 2).clamp(1, 60)
        && let Err(e) = logins::touch(&state.db, &login.id).await
    {
        tracing::warn!(error = %e, "cannot note session activity");
    }
    Ok(())
}

/// What a caller did, for [`Caller::record`].
pub struct Event<'a> {
    pub action: crate::ssr::db::audit::Action,
    /// The Stalwart account it concerns.
    pub account: Option<&'a str>,
    /// What was acted on (an address, a credential id).
    pub target: Option<&'a str>,
    pub detail: serde_json::Value,
}

/// Where a request came from, for the audit log.
#[derive(Debug, Clone, Default)]
pub struct RequestMeta {
    pub ip: Option<String>,
    pub user_agent: Option<String>,
}

impl RequestMeta {
    pub fn of(state: &AppState, peer: std::net::SocketAddr, headers: &http::HeaderMap) -> Self {
        Self {
            ip: Some(state.client_ip(peer.ip(), headers).to_string()),
            user_agent: headers
                .get(http::header::USER_AGENT)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned),
        }
    }
}

/// How a logged change ended, for [`Caller::complete`].
#[derive(Debug, Clone, Copy)]
pub enum Outcome<'a> {
    /// Made; `Some` names what it created.
    Done(Option<&'a str>),
    /// Certainly not made.
    NoEffect,
    /// Maybe made (the mail server did not answer in time).
    Unknown,
}

impl Outcome<'_> {
    /// The outcome of a Stalwart call that produced nothing to name.
    pub fn of<T>(result: &Result<T, StalwartError>) -> Self {
        match result {
            Ok(_) => Outcome::Done(None),
            Err(e) => Outcome::failed(e),
        }
    }

    /// The outcome of a Stalwart call that failed.
    pub fn failed(e: &StalwartError) -> Self {
        if e.had_no_effect() {
            Outcome::NoEffect
        } else {
            Outcome::Unknown
        }
    }
}

/// An audit event written before its change; see [`Caller::complete`].
#[must_use = "say how the change ended with Caller::complete"]
pub struct Audited(i64);

/// Why there is no caller.
#[derive(Debug, thiserror::Error)]
pub enum NoCaller {
    #[error("not signed in")]
    SignedOut,
    #[error(transparent)]
    Session(#[from] SessionError),
    #[error("logins: {0}")]
    Store(sqlx::Error),
}

impl Caller {
    /// The signed-in user of a session, with their organisation.
    pub async fn from_session(state: AppState, session: &AppSession) -> Result<Self, NoCaller> {
        let user = session.user().await?.ok_or(NoCaller::SignedOut)?;
        // An organisation suspended (or removed from the configuration) ends its people's
        // sessions, on every instance within a second.
        let organisation = state
            .organisations()
            .by_slug(&user.organisation)
            .filter(|t| t.is_active())
            .cloned()
            .ok_or(NoCaller::SignedOut)?;
        check_login(&state, &organisation, &user).await?;
        Ok(Self {
            state,
            user,
            organisation,
        })
    }

    /// Whether the caller's admin status is older than the organisation lets it be trusted: then
    /// the IdP is asked again before admin work.
    /// `Forbidden` unless an administrator, `SignInAgain` if that is no longer certain.
    pub fn require_admin(&self) -> Result<(), AppError> {
        if !self.user.is_admin {
            return Err(AppError::Forbidden);
        }
        if self.admin_status_stale() {
            return Err(AppError::SignInAgain);
        }
        Ok(())
    }

    pub fn admin_status_stale(&self) -> bool {
        self.user.is_admin
            && now() - self.user.admin_checked_at > self.organisation.admin_recheck.as_secs() as i64
    }

    fn new_event<'a>(&'a self, meta: &'a RequestMeta, event: &Event<'a>) -> audit::NewEvent<'a> {
        audit::NewEvent {
            organisation: &self.organisation.slug,
            actor_id: Some(self.user.user_id),
            actor_email: &self.user.email,
            action: event.action,
            account_id: event.account,
            target: event.target,
            detail: event.detail.clone(),
            ip: meta.ip.as_deref(),
            user_agent: meta.user_agent.as_deref(),
        }
    }

    /// Writes one audit event (`<thing>.<verb>`) done by the caller. The change it records
    /// has happened; failing to log it is logged, and does not hide the change from the user.
    pub async fn record(&self, meta: &RequestMeta, event: Event<'_>) {
        if let Err(e) = audit::record(&self.state.db, &self.new_event(meta, &event)).await {
            tracing::error!(error = %e, action = %event.action, "cannot write the audit log");
        }
    }

    /// Writes the audit event of a credential change before it is made. If the log cannot be
    /// written, the change must not be made: the error says so.
    pub async fn begin(&self, meta: &RequestMeta, event: Event<'_>) -> Result<Audited, AppError> {
        match audit::begin(&self.state.db, &self.new_event(meta, &event)).await {
            Ok(id) => Ok(Audited(id)),
            Err(e) => {
                tracing::error!(error = %e, action = %event.action, "cannot write the audit log; change refused");
                Err(AppError::Unavailable(text::AUDIT_UNAVAILABLE.into()))
            }
        }
    }

    /// Says how a [`Caller::begin`]-logged change ended: made (with what it created, if
    /// anything), certainly not made (the event is removed: nothing happened), or unknown
    /// (the event stays "pending").
    pub async fn complete(&self, audited: Audited, outcome: Outcome<'_>) {
        let db = &self.state.db;
        let written = match outcome {
            Outcome::Done(target) => audit::complete(db, audited.0, audit::DONE, target).await,
            Outcome::NoEffect => audit::discard(db, audited.0).await,
            Outcome::Unknown => Ok(()),
        };
        if let Err(e) = written {
            tracing::error!(error = %e, event = audited.0, "cannot complete the audit event");
        }
    }

    /// The caller's mailbox address split in local part and domain, if it is in one of the
    /// organisation's domains (checked at sign-in, and again here so a configuration change cannot
    /// widen access).
    pub fn own_address(&self) -> Option<(&str, &str)> {
        self.user
            .email
            .rsplit_once('@')
            .filter(|(_, domain)| self.organisation.owns_domain(domain))
    }
}
