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
use app::ssr::caller_from;
use app::ssr::session::AppSession;
use axum::body::Body;
use axum::http::{HeaderMap, StatusCode, header, request::Parts};
use axum::response::{IntoResponse, Redirect, Response};
use leptos::prelude::provide_context;
use std::net::SocketAddr;

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
        AppError::Forbidden => StatusCode::FORBIDDEN,
        AppError::Internal(_) | AppError::Transport(_) => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

/// The signed-in tenant admin of this session, or the response that turns the request away.
pub(crate) async fn admin_scope(
    state: &AppState,
    session: &AppSession,
) -> Result<AdminScope, Response> {
    let caller = caller_from(state.clone(), session)
        .await
        .map_err(|e| match e {
            AppError::Unauthorized => Redirect::to("/").into_response(),
            other => (StatusCode::INTERNAL_SERVER_ERROR, other.to_string()).into_response(),
        })?;
    AdminScope::for_caller(caller).await.map_err(|e| match e {
        AppError::Forbidden => (
            StatusCode::FORBIDDEN,
            "Only administrators of your organisation can do this.",
        )
            .into_response(),
        other => (StatusCode::SERVICE_UNAVAILABLE, other.to_string()).into_response(),
    })
}
