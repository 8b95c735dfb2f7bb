//! Server functions of the admin pages: thin adapters onto the service. Every one is scoped
//! to the signed-in admin's organisation and refuses others with `Forbidden`.

use super::model::{AuditView, GroupsView, MailboxDetail, MailboxesView, NewMailboxView};
use crate::error::AppError;
use leptos::prelude::*;

/// Session key of an admin form kept across a fresh sign-in.
pub const DRAFT: &str = "admin.draft";

#[server(endpoint = "admin/mailboxes")]
pub async fn get_mailboxes(
    domain: Option<String>,
    q: Option<String>,
    page: Option<u64>,
) -> Result<MailboxesView, AppError> {
    use crate::components::alert::Notice;
    use crate::ssr::http;
    let scope = http::answer(http::admin_scope().await)?;
    let notice = http::take_flash().await?.map(Notice::from);
    let (q, page) = (q.unwrap_or_default(), page.unwrap_or(1));
    http::answer(super::service::mailboxes::list(&scope, domain, q, page, notice).await)
}

#[server(endpoint = "admin/mailbox_form")]
pub async fn get_new_mailbox() -> Result<NewMailboxView, AppError> {
    use crate::ssr::http;
    let scope = http::answer(http::admin_scope().await)?;
    http::answer(super::service::mailboxes::new_mailbox_view(&scope).await)
}

#[server(endpoint = "admin/mailbox")]
pub async fn get_mailbox(id: String) -> Result<MailboxDetail, AppError> {
    use crate::components::alert::Notice;
    use crate::ssr::http;
    let scope = http::answer(http::admin_scope().await)?;
    let notice = http::take_flash().await?.map(Notice::from);
    let draft = http::session()
        .await?
        .take(DRAFT)
        .await
        .map_err(AppError::internal)?;
    let mut view = http::answer(super::service::mailboxes::detail(&scope, &id, notice).await)?;
    view.draft = draft;
    Ok(view)
}

#[server(endpoint = "admin/groups")]
pub async fn get_groups() -> Result<GroupsView, AppError> {
    use crate::components::alert::Notice;
    use crate::ssr::http;
    let scope = http::answer(http::admin_scope().await)?;
    let notice = http::take_flash().await?.map(Notice::from);
    let draft = http::session()
        .await?
        .take(DRAFT)
        .await
        .map_err(AppError::internal)?;
    let mut view = http::answer(super::service::groups::list(&scope, notice).await)?;
    view.draft = draft;
    Ok(view)
}

#[server(endpoint = "admin/audit")]
pub async fn get_audit(
    action: Option<String>,
    actor: Option<String>,
    page: Option<u64>,
) -> Result<AuditView, AppError> {
    use crate::ssr::http;
    let scope = http::answer(http::admin_scope().await)?;
    let (action, actor) = (action.unwrap_or_default(), actor.unwrap_or_default());
    let page = page.unwrap_or(1);
    http::answer(super::service::audit::list(&scope, action, actor, page).await)
}
