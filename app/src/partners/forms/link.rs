//! The one-time test link, used by someone signed in nowhere: the organisation's administrator.

use crate::error::AppError;
use crate::partners::service::idp;
use crate::ssr::http::{RequestMeta, render_with, retry_after, set_notice, status_of};
use crate::ssr::limits::Subject;
use crate::ssr::oidc::{TEST_SIGN_IN, TestSignIn};
use crate::ssr::session::AppSession;
use crate::ssr::state::AppState;
use axum::extract::Path;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};

/// Someone with a test link starts their test sign-in (a POST: a link preview cannot use it up).
/// Anyone may send it: it is limited like a sign-in, and only a valid link writes anything
/// (the pending sign-in); any other answers with the link's page, which says why.
pub(crate) async fn link_start(
    axum::extract::State(state): axum::extract::State<AppState>,
    session: tower_sessions::Session,
    axum::extract::ConnectInfo(peer): axum::extract::ConnectInfo<std::net::SocketAddr>,
    mut parts: Parts,
    Path(token): Path<String>,
) -> Response {
    let client = state.client_ip(peer.ip(), &parts.headers);
    for subject in [
        Subject::SignInFromAddress(client),
        Subject::SignInFromNetwork(client),
    ] {
        if let Err(limited) = state.limiter.check(subject).await {
            let error = AppError::RateLimited(limited.retry_after_secs);
            let mut response = error.clone().into_response();
            retry_after(&mut response, &error);
            return response;
        }
    }
    let session = AppSession(session);
    match idp::start_link_test(&state, &token).await {
        Ok(request) => crate::ssr::http::to_idp(&session, request)
            .await
            .unwrap_or_else(IntoResponse::into_response),
        Err(e) => {
            // The link's own page says why (used, expired, unknown), and nothing is stored.
            parts.method = axum::http::Method::GET;
            render_with(&state, parts, (), status_of(&e)).await
        }
    }
}

/// Back from the IdP: the result is stored for the partner, and the person told.
pub(crate) async fn link_done(
    axum::extract::State(state): axum::extract::State<AppState>,
    session: tower_sessions::Session,
    axum::extract::ConnectInfo(peer): axum::extract::ConnectInfo<std::net::SocketAddr>,
    headers: axum::http::HeaderMap,
) -> Response {
    let session = AppSession(session);
    let meta = RequestMeta::of(&state, peer, &headers);
    let outcome: Option<TestSignIn> = session.take(TEST_SIGN_IN).await.ok().flatten();
    match idp::finish_link_test(&state, outcome, &meta).await {
        Ok(message) => set_notice(&session, true, message).await,
        Err(e) => set_notice(&session, false, e.to_string()).await,
    }
    Redirect::to("/").into_response()
}
