//! The form posts of the admin pages. Each answers with a redirect back to the page and a
//! one-line notice (post/redirect/get), except creating a mailbox, whose form comes back
//! with its values when something is wrong, and refusals, which answer 403 with the page.

use super::api::DRAFT;
use super::model::{AdminFormOutcome, Draft, NewMailboxForm};
use super::service::protection::writable;
use super::service::{access, audit, groups, mailboxes};
use super::text;
use crate::auth::service::{fresh_sign_in, is_fresh};
use crate::error::AppError;
use crate::ssr::http::{Admin, no_store, status_of};
use crate::ssr::stalwart::model::AccountKind;
use axum::Form;
use axum::extract::{Path, Query};
use axum::response::{IntoResponse, Redirect, Response};
use serde::{Deserialize, Serialize};

/// Setting a password, adding a member to a group and deleting a mailbox need a recent
/// sign-in, like creating an app password: when the admin's is too old, the form is kept and
/// the browser goes to the IdP, and comes back to `page` with the form filled in.
async fn needs_fresh_sign_in(
    a: &Admin,
    page: &str,
    draft: Draft,
    target: (&str, AccountKind, crate::ssr::db::audit::Action),
) -> Option<Response> {
    let caller = &a.scope.caller;
    if is_fresh(&caller.user, caller.organisation.fresh_auth_max_age) {
        return None;
    }
    // What is refused anyway (not theirs, protected) is refused now, not after the IdP.
    let (id, kind, action) = target;
    if let Err(e) = writable(&a.scope, id, kind, action, &a.meta).await {
        return Some(a.reply.back(Err(e), page).await);
    }
    let (url, pending) = match fresh_sign_in(caller, page).await {
        Ok(request) => request,
        Err(e) => return Some(a.reply.back(Err(e), page).await),
    };
    let session = &a.reply.session;
    let kept = match session.start_login(&pending).await {
        Ok(()) => session.0.insert(DRAFT, &draft).await.map_err(Into::into),
        Err(e) => Err(e),
    };
    Some(match kept {
        Ok(()) => Redirect::to(url.as_str()).into_response(),
        Err(e) => a.reply.back(Err(AppError::internal(e)), page).await,
    })
}

fn mailbox_page(id: &str) -> String {
    format!("/admin/mailboxes/{id}")
}

pub(super) async fn create_mailbox(a: Admin, Form(form): Form<NewMailboxForm>) -> Response {
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

#[derive(Serialize, Deserialize)]
pub(super) struct DetailsForm {
    #[serde(default)]
    display_name: String,
    #[serde(default)]
    quota_gb: String,
}

pub(super) async fn update_mailbox(
    a: Admin,
    Path(id): Path<String>,
    Form(form): Form<DetailsForm>,
) -> Response {
    let outcome = mailboxes::update(&a.scope, &id, &form.display_name, &form.quota_gb, &a.meta)
        .await
        .map(|()| text::SAVED.get());
    a.reply.back(outcome, &mailbox_page(&id)).await
}

#[derive(Serialize, Deserialize)]
pub(super) struct AliasForm {
    alias: String,
}

pub(super) async fn add_alias(
    a: Admin,
    Path(id): Path<String>,
    Form(form): Form<AliasForm>,
) -> Response {
    let outcome = mailboxes::add_alias(&a.scope, &id, &form.alias, &a.meta)
        .await
        .map(|alias| text::added_alias(&alias));
    a.reply.back(outcome, &mailbox_page(&id)).await
}

pub(super) async fn remove_alias(
    a: Admin,
    Path(id): Path<String>,
    Form(form): Form<AliasForm>,
) -> Response {
    let outcome = mailboxes::remove_alias(&a.scope, &id, &form.alias, &a.meta)
        .await
        .map(|()| text::removed_alias(&form.alias));
    a.reply.back(outcome, &mailbox_page(&id)).await
}

#[derive(Serialize, Deserialize)]
pub(super) struct PasswordForm {
    password: String,
}

pub(super) async fn reset_password(
    a: Admin,
    Path(id): Path<String>,
    Form(form): Form<PasswordForm>,
) -> Response {
    // The password itself is never kept: it is typed again after the sign-in.
    let draft = Draft::of("password", &[]);
    let target = (
        id.as_str(),
        AccountKind::User,
        super::actions::PASSWORD_RESET,
    );
    if let Some(answer) = needs_fresh_sign_in(&a, &mailbox_page(&id), draft, target).await {
        return answer;
    }
    let outcome = mailboxes::reset_password(&a.scope, &id, &form.password, &a.meta)
        .await
        .map(|()| text::PASSWORD_SET.get());
    a.reply.back(outcome, &mailbox_page(&id)).await
}

#[derive(Serialize, Deserialize)]
pub(super) struct DeleteForm {
    #[serde(default)]
    confirm: String,
}

pub(super) async fn delete_mailbox(
    a: Admin,
    Path(id): Path<String>,
    Form(form): Form<DeleteForm>,
) -> Response {
    let draft = Draft::of("delete", &[("confirm", &form.confirm)]);
    let page = format!("/admin/mailboxes/{id}/delete");
    let target = (
        id.as_str(),
        AccountKind::User,
        super::actions::MAILBOX_DELETE,
    );
    if let Some(answer) = needs_fresh_sign_in(&a, &page, draft, target).await {
        return answer;
    }
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

pub(super) async fn revoke_app_password(
    a: Admin,
    Path((id, credential)): Path<(String, String)>,
) -> Response {
    let outcome = access::revoke_app_password(&a.scope, &id, &credential, &a.meta)
        .await
        .map(|name| text::revoked_app_password(&name));
    a.reply.back(outcome, &mailbox_page(&id)).await
}

#[derive(Serialize, Deserialize)]
pub(super) struct GroupForm {
    address: String,
    #[serde(default)]
    display_name: String,
}

pub(super) async fn create_group(a: Admin, Form(form): Form<GroupForm>) -> Response {
    let outcome = groups::create(&a.scope, &form.address, &form.display_name, &a.meta)
        .await
        .map(|_| text::created_group(&form.address.trim().to_lowercase()));
    a.reply.back(outcome, "/admin/groups").await
}

#[derive(Serialize, Deserialize)]
pub(super) struct MemberForm {
    member: String,
}

pub(super) async fn add_member(
    a: Admin,
    Path(id): Path<String>,
    Form(form): Form<MemberForm>,
) -> Response {
    let draft = Draft::of(format!("member:{id}"), &[("member", &form.member)]);
    let target = (id.as_str(), AccountKind::Group, super::actions::MEMBER_ADD);
    if let Some(answer) = needs_fresh_sign_in(&a, "/admin/groups", draft, target).await {
        return answer;
    }
    let outcome = groups::set_membership(&a.scope, &id, &form.member, true, &a.meta)
        .await
        .map(|m| text::added_member(&m));
    a.reply.back(outcome, "/admin/groups").await
}

pub(super) async fn remove_member(
    a: Admin,
    Path(id): Path<String>,
    Form(form): Form<MemberForm>,
) -> Response {
    let outcome = groups::set_membership(&a.scope, &id, &form.member, false, &a.meta)
        .await
        .map(|m| text::removed_member(&m));
    a.reply.back(outcome, "/admin/groups").await
}

pub(super) async fn allow_receiving(a: Admin, Path(id): Path<String>) -> Response {
    let outcome = groups::allow_receiving(&a.scope, &id, &a.meta)
        .await
        .map(|()| text::GROUP_RECEIVES.get());
    a.reply.back(outcome, "/admin/groups").await
}

#[derive(Deserialize)]
pub(super) struct AuditFilter {
    #[serde(default)]
    action: String,
    #[serde(default)]
    actor: String,
}

/// The audit log (as filtered on the page) as a CSV download.
pub(super) async fn export_audit(a: Admin, Query(filter): Query<AuditFilter>) -> Response {
    use axum::http::{HeaderValue, header};
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

pub(super) async fn sign_out_person(a: Admin, Path(id): Path<String>) -> Response {
    let outcome = access::sign_out_person(&a.scope, &id, &a.meta)
        .await
        .map(|(address, sessions)| text::signed_out(&address, sessions));
    a.reply.back(outcome, &mailbox_page(&id)).await
}

mod samples {
    use super::*;
    use crate::routing::{Sample, Target};

    impl Sample for DetailsForm {
        fn sample(_: &Target) -> Self {
            DetailsForm {
                display_name: "Intruder".into(),
                quota_gb: "1".into(),
            }
        }
    }

    impl Sample for AliasForm {
        fn sample(t: &Target) -> Self {
            AliasForm {
                alias: format!("intruder@{}", t.domain),
            }
        }
    }

    impl Sample for PasswordForm {
        fn sample(_: &Target) -> Self {
            PasswordForm {
                password: "violet-harbour-tangent-47".into(),
            }
        }
    }

    impl Sample for DeleteForm {
        fn sample(t: &Target) -> Self {
            DeleteForm {
                confirm: t.address.clone(),
            }
        }
    }

    impl Sample for GroupForm {
        fn sample(t: &Target) -> Self {
            GroupForm {
                address: format!("intruders@{}", t.domain),
                display_name: "Intruders".into(),
            }
        }
    }

    impl Sample for MemberForm {
        fn sample(t: &Target) -> Self {
            MemberForm {
                member: t.address.clone(),
            }
        }
    }
}
