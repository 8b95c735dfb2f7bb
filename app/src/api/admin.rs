//! Tenant administration: what the admin pages show. Every function is scoped to the
//! signed-in admin's tenant and refuses others with `Forbidden`.

use super::account::Me;
use super::app_passwords::AppPasswordItem;
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Mailboxes shown per page.
pub const PAGE_SIZE: u64 = 25;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MailboxRow {
    pub id: String,
    pub address: String,
    /// Managed by the mail server's operator: shown, never changed here.
    pub protected: bool,
    pub display_name: Option<String>,
    pub used_bytes: u64,
    pub quota_bytes: Option<u64>,
    pub aliases: Vec<String>,
    pub groups: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MailboxesView {
    pub me: Me,
    pub domains: Vec<String>,
    pub domain: String,
    pub query: String,
    pub page: u64,
    pub total: u64,
    pub rows: Vec<MailboxRow>,
    pub notice: Option<super::app_passwords::Notice>,
}

/// The create-mailbox form, as submitted and as put back after a problem.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct NewMailboxForm {
    #[serde(default)]
    pub local_part: String,
    #[serde(default)]
    pub domain: String,
    #[serde(default)]
    pub display_name: String,
    /// Gigabytes, decimal; empty for no limit.
    #[serde(default)]
    pub quota_gb: String,
    /// Addresses, one per line.
    #[serde(default)]
    pub aliases: String,
    #[serde(default)]
    pub password: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewMailboxView {
    pub me: Me,
    pub domains: Vec<String>,
    pub passwords_allowed: bool,
}

/// What a POST of an admin form produced, when it answers with the page itself.
#[derive(Debug, Clone)]
pub struct AdminFormOutcome {
    pub form: NewMailboxForm,
    pub error: AppError,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MailboxDetail {
    pub me: Me,
    pub row: MailboxRow,
    pub domains: Vec<String>,
    pub passwords_allowed: bool,
    pub app_passwords: Vec<AppPasswordItem>,
    pub notice: Option<super::app_passwords::Notice>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupRow {
    pub id: String,
    pub address: String,
    pub display_name: Option<String>,
    pub can_receive: bool,
    /// Managed by the mail server's operator: shown, never changed here.
    pub protected: bool,
    pub members: Vec<Member>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Member {
    pub address: String,
    pub protected: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupsView {
    pub me: Me,
    pub domains: Vec<String>,
    pub groups: Vec<GroupRow>,
    pub notice: Option<super::app_passwords::Notice>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditRow {
    pub when: String,
    pub actor: String,
    pub action: String,
    pub target: Option<String>,
    pub detail: String,
    pub ip: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditView {
    pub me: Me,
    pub action: String,
    pub actor: String,
    pub rows: Vec<AuditRow>,
}

#[server(endpoint = "admin/mailboxes")]
pub async fn get_mailboxes(
    domain: Option<String>,
    q: Option<String>,
    page: Option<u64>,
) -> Result<MailboxesView, AppError> {
    let scope = crate::ssr::admin::scope().await?;
    scope
        .mailboxes(domain, q.unwrap_or_default(), page.unwrap_or(1))
        .await
}

#[server(endpoint = "admin/mailbox_form")]
pub async fn get_new_mailbox() -> Result<NewMailboxView, AppError> {
    let scope = crate::ssr::admin::scope().await?;
    Ok(scope.new_mailbox_view())
}

#[server(endpoint = "admin/mailbox")]
pub async fn get_mailbox(id: String) -> Result<MailboxDetail, AppError> {
    let scope = crate::ssr::admin::scope().await?;
    scope.mailbox(&id).await
}

#[server(endpoint = "admin/groups")]
pub async fn get_groups() -> Result<GroupsView, AppError> {
    let scope = crate::ssr::admin::scope().await?;
    scope.groups().await
}

#[server(endpoint = "admin/audit")]
pub async fn get_audit(
    action: Option<String>,
    actor: Option<String>,
) -> Result<AuditView, AppError> {
    let scope = crate::ssr::admin::scope().await?;
    scope
        .audit(action.unwrap_or_default(), actor.unwrap_or_default())
        .await
}
