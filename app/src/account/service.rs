//! The signed-in user's own account and mailbox.

use super::model::{AccountOverview, Mailbox, MailboxStatus, Me};
use super::pin::{Person, PinError, mailbox_of, still_usable};
use super::text;
use crate::error::AppError;
use crate::ssr::db::logins;
use crate::ssr::http::RequestMeta;
use crate::ssr::stalwart::Freshness;
use crate::ssr::stalwart::error::StalwartError;
use crate::ssr::stalwart::model::{Account, AccountKind};
use crate::ssr::state::Caller;

pub fn me(caller: &Caller) -> Me {
    Me {
        name: caller.user.name.clone(),
        email: caller.user.email.clone(),
        organisation_name: caller.organisation.display_name.clone(),
        is_admin: caller.user.is_admin,
        is_partner: caller.user.is_admin && caller.organisation.partner,
    }
}

/// The user's Stalwart account: the one pinned to them at sign-in.
pub async fn find_mailbox(caller: &Caller) -> Result<Option<Account>, AppError> {
    let Some(id) = mailbox_id(caller, text::LOOK_UP_MAILBOX, Freshness::Recent).await? else {
        return Ok(None);
    };
    let account = caller
        .organisation
        .stalwart
        .account(&id)
        .await
        .map_err(|e| e.user_error(text::LOOK_UP_MAILBOX))?;
    Ok(account.filter(|a| a.kind == AccountKind::User))
}

/// The id of the user's Stalwart account: pinned at sign-in, or looked up (and pinned) now
/// for someone who had no mailbox then. A mailbox pinned to someone else is not theirs, and
/// an account with rights on the mail server is refused (`Refused`), whatever the session
/// says. `action` completes "We could not …" if the mail server fails; `freshness` says how
/// old the server's word on the account may be (`Now` before a change).
pub async fn mailbox_id(
    caller: &Caller,
    action: crate::i18n::Key,
    freshness: Freshness,
) -> Result<Option<String>, AppError> {
    let from_session = match &caller.user.account_id {
        Some(id) => Some(
            still_usable(&caller.organisation, id, freshness)
                .await
                .map(|()| Some(id.clone())),
        ),
        None => None,
    };
    let found = match from_session {
        // The mailbox found at sign-in is gone: the address may name a new one now.
        None | Some(Err(PinError::Gone)) if caller.own_address().is_some() => {
            let person = Person {
                subject: &caller.user.subject,
                email: &caller.user.email,
            };
            mailbox_of(&caller.state.db, &caller.organisation, &person, freshness).await
        }
        None | Some(Err(PinError::Gone)) => return Ok(None),
        Some(other) => other,
    };
    match found {
        Ok(found) => Ok(found),
        Err(PinError::Stalwart(e)) => Err(e.user_error(action)),
        Err(PinError::Mismatch(why)) => {
            tracing::warn!(
                ?why,
                user = caller.user.user_id,
                "mailbox pinned to someone else"
            );
            Ok(None)
        }
        Err(PinError::Protected(why)) => {
            tracing::warn!(
                ?why,
                user = caller.user.user_id,
                "signed-in address names a protected account"
            );
            Err(AppError::Refused(text::PROTECTED_ACCOUNT.into()))
        }
        Err(PinError::Gone) => Ok(None),
        Err(PinError::Db(e)) => Err(AppError::internal(format!("mailbox pins: {e}"))),
    }
}

pub async fn overview(caller: &Caller) -> AccountOverview {
    let mailbox = match find_mailbox(caller).await {
        Ok(Some(account)) => match mailbox(caller, &account).await {
            Ok(mailbox) => MailboxStatus::Found(mailbox),
            Err(e) => unavailable(&e),
        },
        Ok(None) => MailboxStatus::Missing,
        Err(e) => MailboxStatus::Unavailable(e.to_string()),
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
        if let Some(domain) = caller
            .organisation
            .stalwart
            .domain_name(&alias.domain_id)
            .await?
        {
            aliases.push(format!("{}@{domain}", alias.local_part));
        }
    }
    Ok(Mailbox {
        address: account
            .email_address
            .clone()
            .unwrap_or_else(|| caller.user.email.clone()),
        display_name: account
            .display_name
            .clone()
            .filter(|d| !d.trim().is_empty()),
        used_bytes: account.used_disk_quota.unwrap_or(0),
        quota_bytes: account.disk_quota(),
        aliases,
    })
}

/// Ends every login of the caller, on every device; returns how many there were.
pub async fn sign_out_everywhere(caller: &Caller, meta: &RequestMeta) -> Result<u64, AppError> {
    let ended = logins::end_all(
        &caller.state.db,
        &caller.organisation.slug,
        caller.user.user_id,
    )
    .await
    .map_err(AppError::internal)?;
    let event = crate::ssr::state::Event {
        action: super::actions::SIGN_OUT_EVERYWHERE,
        account: None,
        target: Some(&caller.user.email),
        detail: serde_json::json!({ "sessions": ended }),
    };
    caller.record(meta, event).await;
    Ok(ended)
}
