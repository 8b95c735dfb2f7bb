//! The form posts of the app-password pages. Creating answers with the page itself (the
//! secret is in that one response and nowhere else); revoking redirects back to the list.

use super::api::DRAFT;
use super::apple;
use super::model::{CreateOutcome, NewAppPasswordForm};
use super::service::{self, CreateResult};
use super::text::service as text;
use crate::ssr::http::{SignedIn, no_store, retry_after, status_of};
use axum::Form;
use axum::extract::Path;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};

/// The page at this request's path with `outcome` in context, never cached.
async fn render(signed_in: &SignedIn, outcome: CreateOutcome) -> Response {
    let status = match &outcome {
        CreateOutcome::Minted(_) => StatusCode::OK,
        CreateOutcome::Rejected { error, .. } => status_of(error),
    };
    let error = match &outcome {
        CreateOutcome::Rejected { error, .. } => Some(error.clone()),
        CreateOutcome::Minted(_) => None,
    };
    let mut response = signed_in.reply.page(outcome, status).await;
    if let Some(error) = error {
        retry_after(&mut response, &error);
    }
    no_store(&mut response);
    response
}

/// Runs the create form; `Err` is the answer to send instead of the secret (the form again,
/// or the way to the IdP for a fresh sign-in).
async fn minted(
    s: &SignedIn,
    form: NewAppPasswordForm,
    return_to: &str,
    action: crate::ssr::db::audit::Action,
) -> Result<super::model::Minted, Response> {
    match service::create(&s.caller, &form, &s.meta, return_to, action).await {
        CreateResult::Minted(minted) => Ok(minted),
        CreateResult::Reauthenticate(url, pending) => {
            let session = &s.reply.session;
            let kept = match session.start_login(&pending).await {
                Ok(()) => session.0.insert(DRAFT, &form).await.map_err(Into::into),
                Err(e) => Err(e),
            };
            if let Err(e) = kept {
                let error = crate::error::AppError::internal(e);
                return Err(render(s, CreateOutcome::Rejected { form, error }).await);
            }
            Err(Redirect::to(url.as_str()).into_response())
        }
        CreateResult::Rejected(error) => {
            Err(render(s, CreateOutcome::Rejected { form, error }).await)
        }
    }
}

pub(super) async fn create(s: SignedIn, Form(form): Form<NewAppPasswordForm>) -> Response {
    match minted(&s, form, "/app-passwords/new", super::actions::CREATE).await {
        Ok(minted) => render(&s, CreateOutcome::Minted(minted)).await,
        Err(answer) => answer,
    }
}

pub(super) async fn apple_profile(s: SignedIn, Form(form): Form<NewAppPasswordForm>) -> Response {
    let minted = match minted(
        &s,
        form,
        "/app-passwords/apple",
        super::actions::APPLE_PROFILE,
    )
    .await
    {
        Ok(minted) => minted,
        Err(answer) => return answer,
    };
    let caller = &s.caller;
    let profile = apple::Profile {
        organisation_slug: &caller.organisation.slug,
        organisation: &caller.organisation.display_name,
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
        apple::file_name(&caller.organisation.display_name)
    );
    if let Ok(value) = HeaderValue::from_str(&disposition) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    no_store(&mut response);
    response
}

pub(super) async fn revoke(s: SignedIn, Path(id): Path<String>) -> Response {
    let outcome = service::revoke(&s.caller, &id, &s.meta)
        .await
        .map(|name| text::revoked(&name));
    s.reply.back(outcome, "/app-passwords").await
}

pub(super) async fn revoke_all(s: SignedIn) -> Response {
    let outcome = service::revoke_all(&s.caller, &s.meta)
        .await
        .map(|count| match count {
            0 => text::NONE_TO_REVOKE.get(),
            1 => text::REVOKED_ONE.get(),
            n => text::revoked_all(n),
        });
    s.reply.back(outcome, "/app-passwords").await
}

pub(super) async fn revoke_api_key(s: SignedIn, Path(id): Path<String>) -> Response {
    let outcome = service::revoke_api_key(&s.caller, &id, &s.meta)
        .await
        .map(|name| text::revoked_api_key(&name));
    s.reply.back(outcome, "/app-passwords").await
}
