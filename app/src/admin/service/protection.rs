//! Organisation admins manage people, not the server: accounts with rights on the mail server
//! (`ssr::stalwart::Protection`) are shown here but never changed, nor their credentials read.

use super::common::{account, record};
use crate::admin::text;
use crate::error::AppError;
use crate::ssr::http::RequestMeta;
use crate::ssr::scope::AdminScope;
use crate::ssr::stalwart::Protection;
use crate::ssr::stalwart::model::{Account, AccountKind};
use serde_json::json;

/// Why an account is protected, as the admin reads it.
fn reason(protection: Protection) -> crate::i18n::Key {
    match protection {
        Protection::ServerRole => text::PROTECTED_SERVER_ROLE,
        Protection::ManagementPermissions => text::PROTECTED_PERMISSIONS,
        Protection::PortalCredentials => text::PROTECTED_PORTAL,
    }
}

/// Whether (and why) an account is outside what an organisation admin may change.
pub fn protection(scope: &AdminScope, account: &Account) -> Option<Protection> {
    account.protection(scope.portal_account())
}

/// An account of this organisation that the admin may change, for `action`. A protected one is
/// refused (403) and the attempt is written to the audit log.
pub async fn writable(
    scope: &AdminScope,
    id: &str,
    kind: AccountKind,
    action: crate::ssr::db::audit::Action,
    meta: &RequestMeta,
) -> Result<Account, AppError> {
    let account = account(scope, id, kind).await?;
    check_writable(scope, &account, action, meta).await?;
    Ok(account)
}

pub async fn check_writable(
    scope: &AdminScope,
    account: &Account,
    action: crate::ssr::db::audit::Action,
    meta: &RequestMeta,
) -> Result<(), AppError> {
    let Some(protection) = protection(scope, account) else {
        return Ok(());
    };
    let address = scope.address(account);
    let refused = match account.kind {
        AccountKind::User => crate::admin::actions::MAILBOX_REFUSED,
        AccountKind::Group => crate::admin::actions::GROUP_REFUSED,
    };
    tracing::warn!(account = %account.id, %action, ?protection, "write to a protected account refused");
    record(
        scope,
        meta,
        refused,
        Some(&account.id),
        Some(&address),
        json!({ "attempted": action, "reason": protection.audit_reason() }),
    )
    .await;
    Err(AppError::Refused(text::protected_refusal(
        &address,
        &reason(protection).get(),
    )))
}
