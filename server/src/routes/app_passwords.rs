//! The form posts of the app-password pages. Creating answers with the page itself (the
//! secret is in that one response and nowhere else); revoking redirects back to the list.

use super::SignedIn;
use app::api::app_passwords::{CreateOutcome, NewAppPasswordForm};
use app::ssr::app_passwords::{self as ap, CreateResult};
use app::ssr::{AppState, apple};
use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header, request::Parts};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use axum::{Form, Router};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/app-passwords/new", post(create))
        .route("/app-passwords/apple", post(apple_profile))
        .route("/app-passwords/revoke-all", post(revoke_all))
        .route("/app-passwords/{id}/revoke", post(revoke))
}

/// Renders the Leptos page at this request's path with `outcome` in context, never cached.
async fn render(state: &AppState, parts: Parts, outcome: CreateOutcome) -> Response {
    let status = match &outcome {
        CreateOutcome::Minted(_) => StatusCode::OK,
        CreateOutcome::Rejected { error, .. } => super::status_of(error),
    };
    let mut response = super::render_with(state, parts, outcome, status).await;
    no_store(&mut response);
    response
}

/// A response that carries a secret must never be cached or replayed from history.
fn no_store(response: &mut Response) {
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
        .headers_mut()
        .insert(header::PRAGMA, HeaderValue::from_static("no-cache"));
}

async fn create(
    State(state): State<AppState>,
    SignedIn {
        caller,
        session,
        meta,
    }: SignedIn,
    parts: Parts,
    Form(form): Form<NewAppPasswordForm>,
) -> Response {
    match ap::create(
        &caller,
        &session,
        form.clone(),
        &meta,
        "/app-passwords/new",
        "app_password.create",
    )
    .await
    {
        CreateResult::Minted(minted) => render(&state, parts, CreateOutcome::Minted(minted)).await,
        CreateResult::Reauthenticate(url) => Redirect::to(url.as_str()).into_response(),
        CreateResult::Rejected(error) => {
            render(&state, parts, CreateOutcome::Rejected { form, error }).await
        }
    }
}

async fn apple_profile(
    State(state): State<AppState>,
    SignedIn {
        caller,
        session,
        meta,
    }: SignedIn,
    parts: Parts,
    Form(form): Form<NewAppPasswordForm>,
) -> Response {
    let minted = match ap::create(
        &caller,
        &session,
        form.clone(),
        &meta,
        "/app-passwords/apple",
        "app_password.apple_profile",
    )
    .await
    {
        CreateResult::Minted(minted) => minted,
        CreateResult::Reauthenticate(url) => return Redirect::to(url.as_str()).into_response(),
        CreateResult::Rejected(error) => {
            return render(&state, parts, CreateOutcome::Rejected { form, error }).await;
        }
    };
    let profile = apple::Profile {
        tenant_slug: &caller.tenant.slug,
        organisation: &caller.tenant.display_name,
        display_name: caller.user.name.as_deref().unwrap_or(&caller.user.email),
        setup: &minted.setup,
        secret: &minted.secret,
    };
    let mut response = profile.render().into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(apple::CONTENT_TYPE),
    );
    let disposition = format!(
        "attachment; filename=\"{}\"",
        apple::file_name(&caller.tenant.display_name)
    );
    if let Ok(value) = HeaderValue::from_str(&disposition) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    no_store(&mut response);
    response
}

async fn revoke(
    SignedIn {
        caller,
        session,
        meta,
    }: SignedIn,
    Path(id): Path<String>,
) -> Response {
    let (ok, message) = match ap::revoke(&caller, &id, &meta).await {
        Ok(name) => (
            true,
            format!("Revoked “{name}”. Apps that used it can no longer sign in."),
        ),
        Err(e) => (false, e.to_string()),
    };
    ap::set_notice(&session, ok, message).await;
    Redirect::to("/app-passwords").into_response()
}

async fn revoke_all(
    SignedIn {
        caller,
        session,
        meta,
    }: SignedIn,
) -> Response {
    let (ok, message) = match ap::revoke_all(&caller, &meta).await {
        Ok(0) => (true, "You had no app passwords to revoke.".to_owned()),
        Ok(1) => (true, "Revoked your app password.".to_owned()),
        Ok(n) => (
            true,
            format!("Revoked all {n} app passwords. Your mail apps will ask for a new one."),
        ),
        Err(e) => (false, e.to_string()),
    };
    ap::set_notice(&session, ok, message).await;
    Redirect::to("/app-passwords").into_response()
}
