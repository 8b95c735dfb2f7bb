//! The form posts of the admin pages. Each answers with a redirect back to the page and a
//! one-line notice (post/redirect/get), except creating a mailbox, whose form comes back
//! with its values when something is wrong, and refusals, which answer 403 with the page.

use super::model::{AdminFormOutcome, NewMailboxForm};
use super::service::{audit, groups, mailboxes};
use super::text;
use crate::error::AppError;
use crate::ssr::http::{Access, Admin, Route, no_store, status_of};
use axum::Form;
use axum::extract::{Path, Query};
use axum::response::Response;
use serde::Deserialize;

/// Every form post (and download) of the area, with who may use it.
pub fn routes() -> Vec<Route> {
    vec![
        Route::post("/admin/mailboxes/new", Access::Admin, create_mailbox),
        Route::post("/admin/mailboxes/{id}", Access::Admin, update_mailbox),
        Route::post("/admin/mailboxes/{id}/aliases", Access::Admin, add_alias),
        Route::post(
            "/admin/mailboxes/{id}/aliases/remove",
            Access::Admin,
            remove_alias,
        ),
        Route::post(
            "/admin/mailboxes/{id}/password",
            Access::Admin,
            reset_password,
        ),
        Route::post(
            "/admin/mailboxes/{id}/delete",
            Access::Admin,
            delete_mailbox,
        ),
        Route::post(
            "/admin/mailboxes/{id}/app-passwords/{credential}/revoke",
            Access::Admin,
            revoke_app_password,
        ),
        Route::post("/admin/groups", Access::Admin, create_group),
        Route::post("/admin/groups/{id}/members", Access::Admin, add_member),
        Route::post(
            "/admin/groups/{id}/members/remove",
            Access::Admin,
            remove_member,
        ),
        Route::post("/admin/groups/{id}/receive", Access::Admin, allow_receiving),
        Route::get("/admin/audit/export.csv", Access::Admin, export_audit),
    ]
}

fn mailbox_page(id: &str) -> String {
    format!("/admin/mailboxes/{id}")
}

async fn create_mailbox(a: Admin, Form(form): Form<NewMailboxForm>) -> Response {
    match mailboxes::create(&a.scope, &form, &a.meta).await {
        Ok(id) => {
            let address = format!("{}@{}", form.local_part.trim().to_lowercase(), form.domain);
            let message = text::created_mailbox(&address);
            a.reply.back(Ok(message), &mailbox_page(&id)).await
        }
        Err(error) => {
            let status = status_of(&error);
            // The password is never echoed back into the form.
            let form = NewMailboxForm {
                password: String::new(),
                ..form
            };
            a.reply.page(AdminFormOutcome { form, error }, status).await
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
    let outcome = mailboxes::update(&a.scope, &id, &form.display_name, &form.quota_gb, &a.meta)
        .await
        .map(|()| text::SAVED.to_owned());
    a.reply.back(outcome, &mailbox_page(&id)).await
}

#[derive(Deserialize)]
struct AliasForm {
    alias: String,
}

async fn add_alias(a: Admin, Path(id): Path<String>, Form(form): Form<AliasForm>) -> Response {
    let outcome = mailboxes::add_alias(&a.scope, &id, &form.alias, &a.meta)
        .await
        .map(|alias| text::added_alias(&alias));
    a.reply.back(outcome, &mailbox_page(&id)).await
}

async fn remove_alias(a: Admin, Path(id): Path<String>, Form(form): Form<AliasForm>) -> Response {
    let outcome = mailboxes::remove_alias(&a.scope, &id, &form.alias, &a.meta)
        .await
        .map(|()| text::removed_alias(&form.alias));
    a.reply.back(outcome, &mailbox_page(&id)).await
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
    let outcome = mailboxes::reset_password(&a.scope, &id, &form.password, &a.meta)
        .await
        .map(|()| text::PASSWORD_SET.to_owned());
    a.reply.back(outcome, &mailbox_page(&id)).await
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
    match mailboxes::delete(&a.scope, &id, &form.confirm, &a.meta).await {
        Ok(address) => {
            let message = text::deleted_mailbox(&address);
            a.reply.back(Ok(message), "/admin/mailboxes").await
        }
        Err(e @ AppError::Refused(_)) => a.reply.back(Err(e), &mailbox_page(&id)).await,
        Err(e) => {
            a.reply
                .back(Err(e), &format!("/admin/mailboxes/{id}/delete"))
                .await
        }
    }
}

async fn revoke_app_password(a: Admin, Path((id, credential)): Path<(String, String)>) -> Response {
    let outcome = mailboxes::revoke_app_password(&a.scope, &id, &credential, &a.meta)
        .await
        .map(|name| text::revoked_app_password(&name));
    a.reply.back(outcome, &mailbox_page(&id)).await
}

#[derive(Deserialize)]
struct GroupForm {
    address: String,
    #[serde(default)]
    display_name: String,
}

async fn create_group(a: Admin, Form(form): Form<GroupForm>) -> Response {
    let outcome = groups::create(&a.scope, &form.address, &form.display_name, &a.meta)
        .await
        .map(|_| text::created_group(&form.address.trim().to_lowercase()));
    a.reply.back(outcome, "/admin/groups").await
}

#[derive(Deserialize)]
struct MemberForm {
    member: String,
}

async fn add_member(a: Admin, Path(id): Path<String>, Form(form): Form<MemberForm>) -> Response {
    let outcome = groups::set_membership(&a.scope, &id, &form.member, true, &a.meta)
        .await
        .map(|m| text::added_member(&m));
    a.reply.back(outcome, "/admin/groups").await
}

async fn remove_member(a: Admin, Path(id): Path<String>, Form(form): Form<MemberForm>) -> Response {
    let outcome = groups::set_membership(&a.scope, &id, &form.member, false, &a.meta)
        .await
        .map(|m| text::removed_member(&m));
    a.reply.back(outcome, "/admin/groups").await
}

async fn allow_receiving(a: Admin, Path(id): Path<String>) -> Response {
    let outcome = groups::allow_receiving(&a.scope, &id, &a.meta)
        .await
        .map(|()| text::GROUP_RECEIVES.to_owned());
    a.reply.back(outcome, "/admin/groups").await
}

#[derive(Deserialize)]
struct AuditFilter {
    #[serde(default)]
    action: String,
    #[serde(default)]
    actor: String,
}

/// The audit log (as filtered on the page) as a CSV download.
async fn export_audit(a: Admin, Query(filter): Query<AuditFilter>) -> Response {
    use axum::http::{HeaderValue, header};
    use axum::response::IntoResponse;
    match audit::csv(&a.scope, &filter.action, &filter.actor).await {
        Ok(body) => {
            let mut response = body.into_response();
            let headers = response.headers_mut();
            headers.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/csv; charset=utf-8"),
            );
            headers.insert(
                header::CONTENT_DISPOSITION,
                HeaderValue::from_static("attachment; filename=\"audit-log.csv\""),
            );
            no_store(&mut response);
            response
        }
        Err(e) => e.into_response(),
    }
}
