//! Tenant admins manage people, not the server. Real deployments keep the mail server's own
//! administrators, and the account behind Postern's API key, inside the organisations'
//! domains; such accounts are shown but never changed here.

use super::common::{account, record};
use crate::admin::text;
use crate::error::AppError;
use crate::ssr::http::RequestMeta;
use crate::ssr::scope::AdminScope;
use crate::ssr::stalwart::model::{Account, AccountKind};
use serde_json::json;

/// Why an account of the tenant's domains is not the tenant admin's to change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Protection {
    /// A role other than the plain user (or group) role: Admin, tenant admin, custom.
    ServerRole,
    /// Its own `permissions` grant server-management permissions.
    ManagementPermissions,
    /// Postern itself reaches the mail server with this account's API key.
    PortalCredentials,
}

impl Protection {
    fn reason(self) -> &'static str {
        match self {
            Protection::ServerRole => text::PROTECTED_SERVER_ROLE,
            Protection::ManagementPermissions => text::PROTECTED_PERMISSIONS,
            Protection::PortalCredentials => text::PROTECTED_PORTAL,
        }
    }

    fn audit_reason(self) -> &'static str {
        match self {
            Protection::ServerRole => "server_role",
            Protection::ManagementPermissions => "management_permissions",
            Protection::PortalCredentials => "portal_credentials",
        }
    }
}

/// Whether (and why) an account is outside what a tenant admin may change.
pub fn protection(scope: &AdminScope, account: &Account) -> Option<Protection> {
    if account.id == scope.portal_account() {
        Some(Protection::PortalCredentials)
    } else if !account.has_plain_role() {
        Some(Protection::ServerRole)
    } else if !account.management_permissions().is_empty() {
        Some(Protection::ManagementPermissions)
    } else {
        None
    }
}

/// An account of this tenant that the admin may change, for `action`. A protected one is
/// refused (403) and the attempt is written to the audit log.
pub async fn writable(
    scope: &AdminScope,
    id: &str,
    kind: AccountKind,
    action: &str,
    meta: &RequestMeta,
) -> Result<Account, AppError> {
    let account = account(scope, id, kind).await?;
    check_writable(scope, &account, action, meta).await?;
    Ok(account)
}

pub async fn check_writable(
    scope: &AdminScope,
    account: &Account,
    action: &str,
    meta: &RequestMeta,
) -> Result<(), AppError> {
    let Some(protection) = protection(scope, account) else {
        return Ok(());
    };
    let address = scope.address(account);
    let thing = match account.kind {
        AccountKind::User => "mailbox",
        AccountKind::Group => "group",
    };
    tracing::warn!(account = %account.id, action, ?protection, "write to a protected account refused");
    record(
        scope,
        meta,
        &format!("{thing}.refused"),
        Some(&account.id),
        Some(&address),
        json!({ "attempted": action, "reason": protection.audit_reason() }),
    )
    .await;
    Err(AppError::Refused(text::protected_refusal(
        &address,
        protection.reason(),
    )))
}
