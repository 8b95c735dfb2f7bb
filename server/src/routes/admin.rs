//! The form posts of the admin pages. Each answers with a redirect back to the page and a
//! one-line notice (post/redirect/get), except creating a mailbox, whose form comes back
//! with its values when something is wrong.

use super::Admin;
use app::api::admin::{AdminFormOutcome, NewMailboxForm};
use app::error::AppError;
use app::ssr::AppState;
use app::ssr::app_passwords::set_notice;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use axum::{Form, Router};
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/mailboxes/new", post(create_mailbox))
        .route("/admin/mailboxes/{id}", post(update_mailbox))
        .route("/admin/mailboxes/{id}/aliases", post(add_alias))
        .route("/admin/mailboxes/{id}/aliases/remove", post(remove_alias))
        .route("/admin/mailboxes/{id}/password", post(reset_password))
        .route("/admin/mailboxes/{id}/delete", post(delete_mailbox))
        .route(
            "/admin/mailboxes/{id}/app-passwords/{credential}/revoke",
            post(revoke_app_password),
        )
        .route("/admin/groups", post(create_group))
        .route("/admin/groups/{id}/members", post(add_member))
        .route("/admin/groups/{id}/members/remove", post(remove_member))
        .route("/admin/groups/{id}/receive", post(allow_receiving))
}

/// Stores the outcome as a notice and goes back to `to`. A refusal is not a redirect: it
/// answers 403 with the page at `to` showing why.
async fn back(a: &Admin, outcome: Result<String, AppError>, to: &str) -> Response {
    if let Err(AppError::Refused(message)) = outcome {
        set_notice(&a.session, false, message).await;
        let mut parts = a.parts.clone();
        parts.method = axum::http::Method::GET;
        parts.uri = match to.parse() {
            Ok(uri) => uri,
            Err(_) => return Redirect::to(to).into_response(),
        };
        return super::render_with(&a.state, parts, (), StatusCode::FORBIDDEN).await;
    }
    let session = &a.session;
    let (ok, message) = match outcome {
        Ok(message) => (true, message),
        Err(AppError::Validation(errors)) => (
            false,
            errors
                .into_iter()
                .map(|e| e.message)
                .collect::<Vec<_>>()
                .join(" "),
        ),
        Err(e) => (false, e.to_string()),
    };
    set_notice(session, ok, message).await;
    Redirect::to(to).into_response()
}

async fn create_mailbox(
    State(state): State<AppState>,
    a: Admin,
    parts: Parts,
    Form(form): Form<NewMailboxForm>,
) -> Response {
    match a.scope.create_mailbox(&form, &a.meta).await {
        Ok(id) => {
            let message = format!(
                "Created the mailbox {}@{}.",
                form.local_part.trim().to_lowercase(),
                form.domain
            );
            back(&a, Ok(message), &format!("/admin/mailboxes/{id}")).await
        }
        Err(error) => {
            let status = super::status_of(&error);
            // The password is never echoed back into the form.
            let form = NewMailboxForm {
                password: String::new(),
                ..form
            };
            super::render_with(&state, parts, AdminFormOutcome { form, error }, status).await
        }
    }
}

#[derive(Deserialize)]
struct DetailsForm {
    #[serde(default)]
    display_name: String,
    #[serde(default)]
    quota_gb: String,
}

async fn update_mailbox(
    a: Admin,
    Path(id): Path<String>,
    Form(form): Form<DetailsForm>,
) -> Response {
    let outcome = a
        .scope
        .update_mailbox(&id, &form.display_name, &form.quota_gb, &a.meta)
        .await
        .map(|()| "Saved.".to_owned());
    back(&a, outcome, &format!("/admin/mailboxes/{id}")).await
}

#[derive(Deserialize)]
struct AliasForm {
    alias: String,
}

async fn add_alias(a: Admin, Path(id): Path<String>, Form(form): Form<AliasForm>) -> Response {
    let outcome = a
        .scope
        .add_alias(&id, &form.alias, &a.meta)
        .await
        .map(|alias| format!("Added the alias {alias}."));
    back(&a, outcome, &format!("/admin/mailboxes/{id}")).await
}

async fn remove_alias(a: Admin, Path(id): Path<String>, Form(form): Form<AliasForm>) -> Response {
    let outcome = a
        .scope
        .remove_alias(&id, &form.alias, &a.meta)
        .await
        .map(|()| format!("Removed the alias {}.", form.alias));
    back(&a, outcome, &format!("/admin/mailboxes/{id}")).await
}

#[derive(Deserialize)]
struct PasswordForm {
    password: String,
}

async fn reset_password(
    a: Admin,
    Path(id): Path<String>,
    Form(form): Form<PasswordForm>,
) -> Response {
    let outcome = a
        .scope
        .reset_password(&id, &form.password, &a.meta)
        .await
        .map(|()| "The new password is set.".to_owned());
    back(&a, outcome, &format!("/admin/mailboxes/{id}")).await
}

#[derive(Deserialize)]
struct DeleteForm {
    #[serde(default)]
    confirm: String,
}

async fn delete_mailbox(
    a: Admin,
    Path(id): Path<String>,
    Form(form): Form<DeleteForm>,
) -> Response {
    match a.scope.delete_mailbox(&id, &form.confirm, &a.meta).await {
        Ok(address) => {
            back(
                &a,
                Ok(format!("Deleted the mailbox {address} and its mail.")),
                "/admin/mailboxes",
            )
            .await
        }
        Err(e @ AppError::Refused(_)) => back(&a, Err(e), &format!("/admin/mailboxes/{id}")).await,
        Err(e) => back(&a, Err(e), &format!("/admin/mailboxes/{id}/delete")).await,
    }
}

async fn revoke_app_password(a: Admin, Path((id, credential)): Path<(String, String)>) -> Response {
    let outcome = a
        .scope
        .revoke_app_password(&id, &credential, &a.meta)
        .await
        .map(|name| format!("Revoked the app password “{name}”."));
    back(&a, outcome, &format!("/admin/mailboxes/{id}")).await
}

#[derive(Deserialize)]
struct GroupForm {
    address: String,
    #[serde(default)]
    display_name: String,
}

async fn create_group(a: Admin, Form(form): Form<GroupForm>) -> Response {
    let outcome = a
        .scope
        .create_group(&form.address, &form.display_name, &a.meta)
        .await
        .map(|_| format!("Created the group {}.", form.address.trim().to_lowercase()));
    back(&a, outcome, "/admin/groups").await
}

#[derive(Deserialize)]
struct MemberForm {
    member: String,
}

async fn add_member(a: Admin, Path(id): Path<String>, Form(form): Form<MemberForm>) -> Response {
    let outcome = a
        .scope
        .set_membership(&id, &form.member, true, &a.meta)
        .await
        .map(|m| format!("Added {m} to the group."));
    back(&a, outcome, "/admin/groups").await
}

async fn remove_member(a: Admin, Path(id): Path<String>, Form(form): Form<MemberForm>) -> Response {
    let outcome = a
        .scope
        .set_membership(&id, &form.member, false, &a.meta)
        .await
        .map(|m| format!("Removed {m} from the group."));
    back(&a, outcome, "/admin/groups").await
}

async fn allow_receiving(a: Admin, Path(id): Path<String>) -> Response {
    let outcome = a
        .scope
        .allow_receiving(&id, &a.meta)
        .await
        .map(|()| "The group can receive mail now.".to_owned());
    back(&a, outcome, "/admin/groups").await
}
