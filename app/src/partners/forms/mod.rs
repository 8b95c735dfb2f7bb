//! The console's form posts. Each answers with a redirect back to the page and a notice
//! (post/redirect/get); a refused form keeps what was typed (never a secret) for the page to
//! show again with the problems next to their fields; checks leave their report for the page.
//! The wizard's steps are in `steps`, the one-time test link in `link`.

mod link;
mod steps;

pub(super) use link::{link_done, link_start};
pub(super) use steps::*;

use super::api::{DRAFT, REPORT};
use super::model::{Draft, NewOrganisationForm, Report};
use super::service::{PartnerScope, lifecycle};
use crate::auth::service::{fresh_sign_in, is_fresh};
use crate::error::AppError;
use crate::ssr::http::{Reply, Scoped};
use axum::Form;
use axum::extract::Path;
use axum::response::{IntoResponse, Redirect, Response};
use serde::{Deserialize, Serialize};

fn console(slug: &str) -> String {
    format!("/partners/organisations/{slug}")
}

/// A partner admin's form post: their scope, where it came from, and how to answer.
pub(crate) type PartnerAdmin = Scoped<PartnerScope>;

/// Answers a post: the notice, and for a refused form its values and errors kept.
async fn answer(
    reply: &Reply,
    outcome: Result<String, AppError>,
    to: &str,
    draft: Option<Draft>,
) -> Response {
    if let (Err(AppError::Validation(errors)), Some(mut draft)) = (&outcome, draft) {
        draft.errors = errors
            .iter()
            .map(|e| (e.field.clone(), e.message.clone()))
            .collect();
        if let Err(e) = reply.session.0.insert(DRAFT, &draft).await {
            tracing::error!(error = %e, "cannot keep the form");
        }
    }
    reply.back(outcome, to).await
}

/// A change that needs a recent sign-in at the partner's own IdP (removing at the mail server,
/// swapping an IdP, adding a server, making a one-time link), like an organisation admin's mailbox
/// delete: `None` when the sign-in is fresh; else the way to the IdP, coming back to `page`
/// with what was typed kept (never a secret).
async fn needs_fresh_sign_in(
    c: &PartnerAdmin,
    page: &str,
    kept: Option<Draft>,
) -> Option<Response> {
    let caller = &c.scope.caller;
    if is_fresh(&caller.user, caller.organisation.fresh_auth_max_age) {
        return None;
    }
    let (url, pending) = match fresh_sign_in(caller, page).await {
        Ok(request) => request,
        Err(e) => return Some(c.reply.back(Err(e), page).await),
    };
    let session = &c.reply.session;
    let stored = match session.start_login(&pending).await {
        Ok(()) => match kept {
            Some(draft) => session.0.insert(DRAFT, &draft).await.map_err(Into::into),
            None => Ok(()),
        },
        Err(e) => Err(e),
    };
    Some(match stored {
        Ok(()) => Redirect::to(url.as_str()).into_response(),
        Err(e) => c.reply.back(Err(AppError::internal(e)), page).await,
    })
}

async fn keep_report(reply: &Reply, report: &Report) {
    if let Err(e) = reply.session.0.insert(REPORT, report).await {
        tracing::error!(error = %e, "cannot keep the report");
    }
}

fn draft(form: &str, values: &[(&str, &str)]) -> Option<Draft> {
    Some(Draft::of(form, values))
}

pub(super) async fn create(c: PartnerAdmin, Form(form): Form<NewOrganisationForm>) -> Response {
    let kept = draft(
        "details",
        &[
            ("display_name", &form.display_name),
            ("slug", &form.slug),
            ("contact_email", &form.contact_email),
            ("partner", form.partner.as_deref().unwrap_or_default()),
        ],
    );
    match lifecycle::create(&c.scope, &form, &c.meta).await {
        Ok(slug) => {
            let message = super::text::created(form.display_name.trim());
            c.reply.back(Ok(message), &console(&slug)).await
        }
        Err(e) => answer(&c.reply, Err(e), "/partners/new", kept).await,
    }
}

pub(super) async fn details(
    c: PartnerAdmin,
    Path(slug): Path<String>,
    Form(form): Form<NewOrganisationForm>,
) -> Response {
    let kept = draft(
        "details",
        &[
            ("display_name", &form.display_name),
            ("contact_email", &form.contact_email),
            ("language", &form.language),
        ],
    );
    let outcome = lifecycle::update_details(&c.scope, &slug, &form, &c.meta).await;
    answer(&c.reply, outcome, &console(&slug), kept).await
}

pub(super) async fn reregister_hook(c: PartnerAdmin, Path(name): Path<String>) -> Response {
    let outcome = super::service::server::reregister_hook(&c.scope, &name).await;
    answer(&c.reply, outcome, "/partners", None).await
}

pub(super) async fn activate(c: PartnerAdmin, Path(slug): Path<String>) -> Response {
    let outcome = lifecycle::activate(&c.scope, &slug).await;
    answer(&c.reply, outcome, &console(&slug), None).await
}

pub(super) async fn suspend(c: PartnerAdmin, Path(slug): Path<String>) -> Response {
    let outcome = lifecycle::suspend(&c.scope, &slug).await;
    answer(&c.reply, outcome, &console(&slug), None).await
}

pub(super) async fn resume(c: PartnerAdmin, Path(slug): Path<String>) -> Response {
    let outcome = lifecycle::resume(&c.scope, &slug).await;
    answer(&c.reply, outcome, &console(&slug), None).await
}

#[derive(Serialize, Deserialize)]
pub(super) struct RemoveForm {
    #[serde(default)]
    delete_at_server: Option<String>,
    #[serde(default)]
    confirm: String,
}

pub(super) async fn remove(
    c: PartnerAdmin,
    Path(slug): Path<String>,
    Form(form): Form<RemoveForm>,
) -> Response {
    let delete = form.delete_at_server.is_some();
    let kept = draft(
        "remove",
        &[
            ("delete_at_server", if delete { "on" } else { "" }),
            ("confirm", &form.confirm),
        ],
    );
    let page = format!("{}/remove", console(&slug));
    if delete && let Some(answer) = needs_fresh_sign_in(&c, &page, kept.clone()).await {
        return answer;
    }
    let outcome = lifecycle::remove(&c.scope, &slug, delete, &form.confirm, &c.meta).await;
    match outcome {
        Ok(message) => c.reply.back(Ok(message), "/partners").await,
        Err(e) => {
            answer(
                &c.reply,
                Err(e),
                &format!("{}/remove", console(&slug)),
                kept,
            )
            .await
        }
    }
}

impl crate::routing::Sample for RemoveForm {
    fn sample(t: &crate::routing::Target) -> Self {
        // The weighty way: deleting at the mail server too.
        RemoveForm {
            delete_at_server: Some("on".into()),
            confirm: t.slug.clone(),
        }
    }
}
