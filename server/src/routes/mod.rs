//! The routes that are not Leptos pages: sign-in, and the form posts of the pages.

pub mod admin;
pub mod app_passwords;
pub mod auth;
pub mod dns;
pub mod health;

use app::error::AppError;
use app::ssr::AppState;
use app::ssr::admin::AdminScope;
use app::ssr::app_passwords::RequestMeta;
use app::ssr::session::AppSession;
use app::ssr::{Caller, caller_from};
use axum::body::Body;
use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::{HeaderMap, StatusCode, header, request::Parts};
use axum::response::{IntoResponse, Redirect, Response};
use leptos::prelude::provide_context;
use std::net::SocketAddr;
use tower_sessions::Session;

/// Where a request came from, for the audit log.
pub(crate) fn request_meta(state: &AppState, peer: SocketAddr, headers: &HeaderMap) -> RequestMeta {
    RequestMeta {
        ip: Some(state.client_ip(peer.ip(), headers).to_string()),
        user_agent: headers
            .get(header::USER_AGENT)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned),
    }
}

/// Answers a form post with the Leptos page at the request's path, with `context` (what the
/// post produced) provided to it.
pub(crate) async fn render_with<T: Clone + Send + Sync + 'static>(
    state: &AppState,
    parts: Parts,
    context: T,
    status: StatusCode,
) -> Response {
    let request = axum::http::Request::from_parts(parts, Body::empty());
    let context_state = state.clone();
    let options = state.leptos_options.clone();
    let handler = leptos_axum::render_app_async_with_context(
        move || {
            provide_context(context_state.clone());
            provide_context(context.clone());
        },
        move || app::shell(options.clone()),
    );
    let mut response = handler(request).await;
    *response.status_mut() = status;
    response
}

/// The HTTP status for an error a form post answers with a page.
pub(crate) fn status_of(error: &AppError) -> StatusCode {
    match error {
        AppError::Validation(_) => StatusCode::UNPROCESSABLE_ENTITY,
        AppError::Conflict(_) => StatusCode::CONFLICT,
        AppError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
        AppError::NotFound(_) => StatusCode::NOT_FOUND,
        AppError::Unauthorized => StatusCode::UNAUTHORIZED,
        AppError::Forbidden | AppError::Refused(_) => StatusCode::FORBIDDEN,
        AppError::Internal(_) | AppError::Transport(_) => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

/// The signed-in user of a request, with their session and where the request came from.
/// As an extractor it sends everyone else to the sign-in page.
pub(crate) struct SignedIn {
    pub caller: Caller,
    pub session: AppSession,
    pub meta: RequestMeta,
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
        let caller = caller_from(state.clone(), &session)
            .await
            .map_err(|e| match e {
                AppError::Unauthorized => Redirect::to("/").into_response(),
                other => (StatusCode::INTERNAL_SERVER_ERROR, other.to_string()).into_response(),
            })?;
        Ok(Self {
            caller,
            session,
            meta: request_meta(state, peer, &parts.headers),
        })
    }
}

/// The signed-in tenant admin of a request, with their session and where the request came
/// from. As an extractor it turns everyone else away: to the sign-in page when nobody is
/// signed in, with 403 when the user is not an admin of their organisation.
pub(crate) struct Admin {
    pub scope: AdminScope,
    pub session: AppSession,
    pub meta: RequestMeta,
    pub state: AppState,
    /// The request's head, to answer a refused form post with a page.
    pub parts: Parts,
}

impl FromRequestParts<AppState> for Admin {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        let SignedIn {
            caller,
            session,
            meta,
        } = SignedIn::from_request_parts(parts, state).await?;
        let scope = AdminScope::for_caller(caller).await.map_err(|e| match e {
            AppError::Forbidden => (
                StatusCode::FORBIDDEN,
                "Only administrators of your organisation can do this.",
            )
                .into_response(),
            other => (StatusCode::SERVICE_UNAVAILABLE, other.to_string()).into_response(),
        })?;
        Ok(Self {
            scope,
            session,
            meta,
            state: state.clone(),
            parts: parts.clone(),
        })
    }
}
