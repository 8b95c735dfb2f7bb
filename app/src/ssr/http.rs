//! The HTTP edge every area shares: who is asking (the `SignedIn` and `Scoped` extractors
//! for form posts, `caller`/`admin_scope` for server functions), where from (`RequestMeta`), and
//! how an answer is made (a redirect with a notice, or a page rendered with what a post
//! produced). Only the areas' `forms.rs` and `api.rs` use this module.

use super::limits::Subject;
use super::scope::AdminScope;
use super::session::{AppSession, Flash, FlashKind};
pub use super::state::RequestMeta;
use super::state::{AppState, Caller, NoCaller};
use crate::error::{AppError, text};
use axum::body::Body;
use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::{HeaderValue, Method, StatusCode, header, request::Parts};
use axum::response::{IntoResponse, Redirect, Response};
use leptos::prelude::provide_context;
use std::net::SocketAddr;
use tower_sessions::Session;

/// The status an error answers with, as axum wants it.
pub fn status_of(error: &AppError) -> StatusCode {
    StatusCode::from_u16(error.status_code()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

/// How a form post answers: back to a page with a one-line notice (post/redirect/get), or with
/// the page itself, rendered with what the post produced.
pub struct Reply {
    pub state: AppState,
    pub session: AppSession,
    parts: Parts,
}

impl Reply {
    pub fn new(state: AppState, session: AppSession, parts: Parts) -> Self {
        Self {
            state,
            session,
            parts,
        }
    }

    /// Stores the outcome as a notice and goes back to `to`. A refusal or a missing object
    /// is not a redirect: it answers 403 or 404 with the page at `to` showing why.
    pub async fn back(&self, outcome: Result<String, AppError>, to: &str) -> Response {
        match outcome {
            Ok(message) => {
                set_notice(&self.session, true, message).await;
                Redirect::to(to).into_response()
            }
            Err(
                error @ (AppError::Refused(_)
                | AppError::Forbidden
                | AppError::NotFound(_)
                | AppError::RateLimited(_)),
            ) => {
                set_notice(&self.session, false, error.to_string()).await;
                let mut response = self.page_at(to, (), status_of(&error)).await;
                retry_after(&mut response, &error);
                response
            }
            Err(error) => {
                set_notice(&self.session, false, error.one_line()).await;
                Redirect::to(to).into_response()
            }
        }
    }

    /// The page at this request's path, with `context` provided to it.
    pub async fn page<T: Clone + Send + Sync + 'static>(
        &self,
        context: T,
        status: StatusCode,
    ) -> Response {
        render_with(&self.state, self.parts.clone(), context, status).await
    }

    /// The page at `path` (as if the browser had asked for it), with `context`.
    pub async fn page_at<T: Clone + Send + Sync + 'static>(
        &self,
        path: &str,
        context: T,
        status: StatusCode,
    ) -> Response {
        let mut parts = self.parts.clone();
        parts.method = Method::GET;
        match path.parse() {
            Ok(uri) => parts.uri = uri,
            Err(_) => return Redirect::to("/").into_response(),
        }
        render_with(&self.state, parts, context, status).await
    }
}

/// Answers with the Leptos page at the request's path, with `context` provided to it.
pub async fn render_with<T: Clone + Send + Sync + 'static>(
    state: &AppState,
    parts: Parts,
    context: T,
    status: StatusCode,
) -> Response {
    let request = axum::http::Request::from_parts(parts, Body::empty());
    let context_state = state.clone();
    let options = state.leptos_options.clone();
    let shell = state.shell;
    let handler = leptos_axum::render_app_async_with_context(
        move || {
            provide_context(context_state.clone());
            provide_context(context.clone());
        },
        move || shell(options.clone()),
    );
    let mut response = handler(request).await;
    *response.status_mut() = status;
    response
}

/// Sends the browser to the IdP with an authorization request (`url`), keeping the pending
/// login it will come back with in the session.
pub async fn to_idp(
    session: &AppSession,
    (url, pending): (url::Url, super::oidc::PendingLogin),
) -> Result<Response, AppError> {
    session
        .start_login(&pending)
        .await
        .map_err(AppError::internal)?;
    Ok(Redirect::to(url.as_str()).into_response())
}

/// A rate-limit answer says when to come back (`Retry-After`, RFC 9110).
pub fn retry_after(response: &mut Response, error: &AppError) {
    if let AppError::RateLimited(secs) = error
        && let Ok(value) = HeaderValue::from_str(&secs.to_string())
    {
        response.headers_mut().insert(header::RETRY_AFTER, value);
    }
}

/// What a page's `ReloadWhenDone` island polls: 202 while the work runs, 200 once it is done
/// (never cached); an error as itself.
pub fn progress(running: Result<bool, AppError>) -> Response {
    let mut response = match running {
        Ok(true) => (StatusCode::ACCEPTED, "working").into_response(),
        Ok(false) => (StatusCode::OK, "done").into_response(),
        Err(e) => return e.into_response(),
    };
    no_store(&mut response);
    response
}

/// A response that carries a secret (or a signed-in page) is never cached or replayed from
/// history.
pub fn no_store(response: &mut Response) {
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(header::PRAGMA, HeaderValue::from_static("no-cache"));
}

pub async fn set_notice(session: &AppSession, ok: bool, message: String) {
    let flash = Flash {
        kind: if ok {
            FlashKind::Info
        } else {
            FlashKind::Error
        },
        message,
        email: None,
    };
    if let Err(e) = session.set_flash(&flash).await {
        tracing::error!(error = %e, "cannot store the notice");
    }
}

/// The signed-in user of a form post, where it came from, and how to answer it. As an
/// extractor it sends everyone else to the sign-in page.
pub struct SignedIn {
    pub caller: Caller,
    pub meta: RequestMeta,
    pub reply: Reply,
}

impl FromRequestParts<AppState> for SignedIn {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        let session = Session::from_request_parts(parts, state)
            .await
            .map_err(IntoResponse::into_response)?;
        let ConnectInfo(peer) = ConnectInfo::<SocketAddr>::from_request_parts(parts, state)
            .await
            .map_err(IntoResponse::into_response)?;
        let session = AppSession(session);
        let caller = Caller::from_session(state.clone(), &session)
            .await
            .map_err(|e| match e {
                NoCaller::SignedOut => Redirect::to("/").into_response(),
                NoCaller::Session(e) => AppError::internal(e).into_response(),
                NoCaller::Store(e) => AppError::internal(e).into_response(),
            })?;
        Ok(Self {
            caller,
            meta: RequestMeta::of(state, peer, &parts.headers),
            reply: Reply {
                state: state.clone(),
                session,
                parts: parts.clone(),
            },
        })
    }
}

/// What an admin's form post acts within: an organisation admin's [`AdminScope`], or a
/// partner admin's scope (the partners area's `PartnerScope`). [`Scoped`] turns a request
/// into one, the same way for both.
pub trait RequestScope: Sized + Send {
    /// The page a refused or re-confirmed post falls back to when it came from no page of ours.
    const HOME: &'static str;
    /// What a signed-in person outside the scope is told, with 403.
    const REFUSED: crate::i18n::Key;
    /// The caller's scope: `Forbidden` for anyone outside it, `SignInAgain` when their admin
    /// status must be confirmed first.
    fn of(caller: Caller) -> impl Future<Output = Result<Self, AppError>> + Send;
    fn caller(&self) -> &Caller;
}

/// A form post by an admin, with their scope. As an extractor it turns everyone else away:
/// to the sign-in page when nobody is signed in, to the IdP when their admin status must be
/// confirmed, with 403 when they are outside the scope; and over the write limit, with 429.
pub struct Scoped<S> {
    pub scope: S,
    pub meta: RequestMeta,
    pub reply: Reply,
}

/// The signed-in organisation admin of a form post.
pub type Admin = Scoped<AdminScope>;

impl<S: RequestScope> FromRequestParts<AppState> for Scoped<S> {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        let SignedIn {
            caller,
            meta,
            reply,
        } = SignedIn::from_request_parts(parts, state).await?;
        let scope = match S::of(caller).await {
            Ok(scope) => scope,
            Err(AppError::Forbidden) => {
                return Err((StatusCode::FORBIDDEN, S::REFUSED.get()).into_response());
            }
            Err(AppError::SignInAgain) => {
                let back = referer_path(&parts.headers).unwrap_or_else(|| S::HOME.to_owned());
                return Err(Redirect::to(&refresh_path(&back)).into_response());
            }
            Err(e) => return Err(e.into_response()),
        };
        limit_writes(parts, state, scope.caller(), &reply, S::HOME).await?;
        Ok(Self { scope, meta, reply })
    }
}

impl RequestScope for AdminScope {
    const HOME: &'static str = "/admin/mailboxes";
    const REFUSED: crate::i18n::Key = text::ADMINS_ONLY;

    fn of(caller: Caller) -> impl Future<Output = Result<Self, AppError>> + Send {
        AdminScope::for_caller(caller)
    }

    fn caller(&self) -> &Caller {
        &self.caller
    }
}

/// Changes by an admin (of their organisation, or a partner's of its organisations) count against
/// one limit per admin; over it, the page they came from (or `fallback`) answers 429.
async fn limit_writes(
    parts: &Parts,
    state: &AppState,
    caller: &Caller,
    reply: &Reply,
    fallback: &str,
) -> Result<(), Response> {
    if parts.method == Method::GET {
        return Ok(());
    }
    let who = Subject::AdminWriteBy {
        organisation: &caller.organisation.slug,
        user_id: caller.user.user_id,
    };
    if let Err(limited) = state.limiter.check(who).await {
        let error = AppError::RateLimited(limited.retry_after_secs);
        let back = referer_path(&parts.headers).unwrap_or_else(|| fallback.to_owned());
        return Err(reply.back(Err(error), &back).await);
    }
    Ok(())
}

/// Where a signed-in admin goes to have their admin status confirmed, coming back to `to`.
pub fn refresh_path(to: &str) -> String {
    let encoded: String = url::form_urlencoded::byte_serialize(to.as_bytes()).collect();
    format!("/auth/refresh?return_to={encoded}")
}

/// The path of the page a form was sent from, when it is one of ours.
fn referer_path(headers: &axum::http::HeaderMap) -> Option<String> {
    let referer = headers.get(header::REFERER)?.to_str().ok()?;
    let host = headers.get(header::HOST)?.to_str().ok()?;
    let url = url::Url::parse(referer).ok()?;
    let same_host = url.host_str().map(|h| match url.port() {
        Some(port) => format!("{h}:{port}"),
        None => h.to_owned(),
    });
    (same_host.as_deref() == Some(host)).then(|| url.path().to_owned())
}

// ----- server functions (inside a Leptos request) -----

/// The session of the current server-function call or page render.
pub async fn session() -> Result<AppSession, AppError> {
    let session: Session = leptos_axum::extract()
        .await
        .map_err(|e| AppError::internal(format!("session: {e:?}")))?;
    Ok(AppSession(session))
}

fn state() -> Result<AppState, AppError> {
    leptos::prelude::use_context::<AppState>()
        .ok_or_else(|| AppError::internal("AppState missing from context"))
}

/// The signed-in user of the current call, or `Unauthorized`.
pub async fn caller() -> Result<Caller, AppError> {
    Caller::from_session(state()?, &session().await?)
        .await
        .map_err(|e| match e {
            NoCaller::SignedOut => AppError::Unauthorized,
            NoCaller::Session(e) => AppError::internal(e),
            NoCaller::Store(e) => AppError::internal(e),
        })
}

/// The signed-in organisation admin's scope, or `Unauthorized` / `Forbidden`.
pub async fn admin_scope() -> Result<AdminScope, AppError> {
    AdminScope::for_caller(caller().await?).await
}

/// The one-shot message the previous action left for this page, if any.
pub async fn take_flash() -> Result<Option<Flash>, AppError> {
    session()
        .await?
        .take_flash()
        .await
        .map_err(AppError::internal)
}

/// Gives a server function's (or page's) answer the status its error means. Every `api.rs`
/// adapter passes its result through here, so pages and calls answer 403, 404 … alike.
pub fn answer<T>(result: Result<T, AppError>) -> Result<T, AppError> {
    if let Err(error) = &result
        && !matches!(error, AppError::Unauthorized | AppError::SignInAgain)
        && let Some(response) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>()
    {
        // Signed-out visitors are redirected by the page instead.
        response.set_status(status_of(error));
    }
    result
}

/// Only a path on this site is followed after sign-in or a change of language: never `//host`, a URL, a backslash
/// (some browsers read it as `/`) or a control character.
pub fn local_path(path: Option<&str>) -> Option<&str> {
    let path = path?;
    let base = url::Url::parse("https://portal.invalid/").expect("static URL");
    let joined = base.join(path).ok()?;
    let same_origin = joined.origin() == base.origin();
    (path.starts_with('/')
        && !path.starts_with("//")
        && !path.contains('\\')
        && !path.chars().any(char::is_control)
        && path.len() <= 2048
        && same_origin)
        .then_some(path)
}

/// Keeps the language a person chose (a year; signing out leaves it) and, when given, their
/// organisation's default — or forgets that default when the organisation has none.
pub fn set_language_cookies(
    response: &mut Response,
    secure: bool,
    choice: Option<crate::i18n::Locale>,
    organisation_default: Option<Option<crate::i18n::Locale>>,
) {
    use crate::i18n::{CHOICE_COOKIE, ORGANISATION_COOKIE};
    let secure = if secure { "; Secure" } else { "" };
    let mut cookies = Vec::new();
    if let Some(locale) = choice {
        cookies.push(format!(
            "{CHOICE_COOKIE}={locale}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly{secure}"
        ));
    }
    match organisation_default {
        Some(Some(locale)) => cookies.push(format!(
            "{ORGANISATION_COOKIE}={locale}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly{secure}"
        )),
        Some(None) => cookies.push(format!(
            "{ORGANISATION_COOKIE}=; Path=/; Max-Age=0; SameSite=Lax; HttpOnly{secure}"
        )),
        None => {}
    }
    for cookie in cookies {
        if let Ok(value) = http::HeaderValue::from_str(&cookie) {
            response
                .headers_mut()
                .append(http::header::SET_COOKIE, value);
        }
    }
}
