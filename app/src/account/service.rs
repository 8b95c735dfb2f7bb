//! The signed-in user's own account and mailbox.

use super::model::{AccountOverview, Mailbox, MailboxStatus, Me};
use super::text;
use crate::ssr::stalwart::error::StalwartError;
use crate::ssr::stalwart::model::{Account, AccountKind};
use crate::ssr::state::Caller;

pub fn me(caller: &Caller) -> Me {
    Me {
        name: caller.user.name.clone(),
        email: caller.user.email.clone(),
        tenant_name: caller.tenant.display_name.clone(),
        is_admin: caller.user.is_admin,
    }
}

/// The user's Stalwart account, found by address within the tenant's own domains only.
pub async fn find_mailbox(caller: &Caller) -> Result<Option<Account>, StalwartError> {
    let Some((local, domain)) = caller.own_address() else {
        return Ok(None);
    };
    let account = caller.tenant.stalwart.find_user(local, domain).await?;
    Ok(account.filter(|a| a.kind == AccountKind::User))
}

/// Just the id of the user's Stalwart account (cheaper than [`find_mailbox`]).
pub async fn mailbox_id(caller: &Caller) -> Result<Option<String>, StalwartError> {
    let Some((local, domain)) = caller.own_address() else {
        return Ok(None);
    };
    caller.tenant.stalwart.user_id(local, domain).await
}

pub async fn overview(caller: &Caller) -> AccountOverview {
    let mailbox = match find_mailbox(caller).await {
        Ok(Some(account)) => match mailbox(caller, &account).await {
            Ok(mailbox) => MailboxStatus::Found(mailbox),
            Err(e) => unavailable(&e),
        },
        Ok(None) => MailboxStatus::Missing,
        Err(e) => unavailable(&e),
    };
    AccountOverview {
        me: me(caller),
        mailbox,
    }
}

fn unavailable(e: &StalwartError) -> MailboxStatus {
    MailboxStatus::Unavailable(e.user_error(text::LOOK_UP_MAILBOX).to_string())
}

async fn mailbox(caller: &Caller, account: &Account) -> Result<Mailbox, StalwartError> {
    let mut aliases = Vec::new();
    for alias in account.aliases.values().filter(|a| a.enabled) {
        if let Some(domain) = caller.tenant.stalwart.domain_name(&alias.domain_id).await? {
            aliases.push(format!("{}@{domain}", alias.name));
        }
    }
    Ok(Mailbox {
        address: account
            .email_address
            .clone()
            .unwrap_or_else(|| caller.user.email.clone()),
        display_name: account.description.clone().filter(|d| !d.trim().is_empty()),
        used_bytes: account.used_disk_quota.unwrap_or(0),
        quota_bytes: account.disk_quota(),
        aliases,
    })
}
