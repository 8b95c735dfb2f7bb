//! Mailboxes of the organisation: the paged list, one mailbox, and every change to them.

use super::common::{
    account, alias_address, begin, explain, group_addresses, parse_address, record,
};
use super::protection::{protection, writable};
use super::validate::{
    DISPLAY_NAME_MAX, check_password_strength, hash_password, parse_quota, valid_local_part,
};
use crate::account::service::me;
use crate::admin::model::{
    MailboxDetail, MailboxRow, MailboxesView, NewMailboxForm, NewMailboxView, PAGE_SIZE,
};
use crate::admin::text::{self, action};
use crate::app_passwords::service::item;
use crate::components::alert::Notice;
use crate::error::{AppError, FieldError};
use crate::ssr::config::MailboxPasswords;
use crate::ssr::http::RequestMeta;
use crate::ssr::scope::AdminScope;
use crate::ssr::stalwart::NewAccount;
use crate::ssr::stalwart::model::{Account, AccountKind};
use crate::ssr::state::Outcome;
use serde_json::json;

/// A mailbox as the lists show it; `groups` are (id, address) of the organisation's groups.
pub fn row(scope: &AdminScope, a: &Account, groups: &[(String, String)]) -> MailboxRow {
    MailboxRow {
        id: a.id.clone(),
        address: scope.address(a),
        protected: protection(scope, a).is_some(),
        display_name: a.display_name.clone().filter(|d| !d.is_empty()),
        used_bytes: a.used_disk_quota.unwrap_or(0),
        quota_bytes: a.disk_quota(),
        aliases: a
            .aliases
            .values()
            .map(|al| alias_address(scope, &al.local_part, &al.domain_id))
            .collect(),
        groups: a
            .member_group_ids
            .keys()
            .filter_map(|g| {
                groups
                    .iter()
                    .find(|(id, _)| id == g)
                    .map(|(_, n)| n.clone())
            })
            .collect(),
    }
}

/// Whether admins may give mailboxes a password: the organisation allows it (`mailbox_passwords`)
/// and the mail server keeps passwords itself. With an external directory, sign-in and
/// passwords belong to the organisation's sign-in service.
async fn password_policy(scope: &AdminScope) -> Result<PasswordPolicy, AppError> {
    if scope.caller.organisation.mailbox_passwords != MailboxPasswords::Optional {
        return Ok(PasswordPolicy::NotUsed);
    }
    let directory = scope
        .stalwart()
        .external_directory()
        .await
        .map_err(|e| e.user_error(action::READ_SETTINGS))?;
    Ok(match directory {
        Some(_) => PasswordPolicy::ExternalDirectory,
        None => PasswordPolicy::Allowed,
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PasswordPolicy {
    Allowed,
    /// The organisation's people sign in through its IdP only.
    NotUsed,
    /// The mail server's accounts live in an external directory.
    ExternalDirectory,
}

/// One page of mailboxes of one domain: a query with `calculateTotal` and a back-referenced
/// get in one request, plus one request for group names when a mailbox is in a group.
pub async fn list(
    scope: &AdminScope,
    domain: Option<String>,
    q: String,
    page: u64,
    notice: Option<Notice>,
) -> Result<MailboxesView, AppError> {
    let domain = domain
        .filter(|d| scope.domain_id(d).is_some())
        .or_else(|| scope.domains().first().map(|(n, _)| n.clone()))
        .ok_or_else(|| AppError::Unavailable(text::NO_DOMAINS_YET.into()))?;
    let domain_id = scope.domain_id(&domain).expect("checked").to_owned();
    let page = page.max(1);
    let query = q.trim().to_owned();
    let found = scope
        .stalwart()
        .accounts_page(
            &domain_id,
            AccountKind::User,
            Some(&query),
            (page - 1) * PAGE_SIZE,
            PAGE_SIZE,
        )
        .await
        .map_err(|e| e.user_error(action::LIST_MAILBOXES))?;
    let groups = if found
        .accounts
        .iter()
        .any(|a| !a.member_group_ids.is_empty())
    {
        scope
            .stalwart()
            .groups(&domain_id)
            .await
            .map_err(|e| e.user_error(action::LIST_GROUPS))?
            .iter()
            .map(|g| (g.id.clone(), format!("{}@{domain}", g.local_part)))
            .collect()
    } else {
        Vec::new()
    };
    Ok(MailboxesView {
        me: me(&scope.caller),
        domains: scope.domain_names(),
        domain,
        query,
        page,
        total: found.total,
        rows: found
            .accounts
            .iter()
            .filter(|a| scope.owns(a))
            .map(|a| row(scope, a, &groups))
            .collect(),
        notice,
    })
}

pub async fn new_mailbox_view(scope: &AdminScope) -> Result<NewMailboxView, AppError> {
    let policy = password_policy(scope).await?;
    Ok(NewMailboxView {
        me: me(&scope.caller),
        domains: scope.domain_names(),
        passwords_allowed: policy == PasswordPolicy::Allowed,
        passwords_external: policy == PasswordPolicy::ExternalDirectory,
    })
}

pub async fn detail(
    scope: &AdminScope,
    id: &str,
    notice: Option<Notice>,
) -> Result<MailboxDetail, AppError> {
    let account = account(scope, id, AccountKind::User).await?;
    let groups = group_addresses(scope).await?;
    // The credentials of an account with rights on the server are none of the portal's business.
    let protected = protection(scope, &account).is_some();
    let app_passwords = if protected {
        Vec::new()
    } else {
        scope
            .stalwart()
            .app_passwords(&account.id)
            .await
            .map_err(|e| e.user_error(action::LIST_APP_PASSWORDS))?
    };
    let policy = password_policy(scope).await?;
    let names = crate::activity::service::listed(&app_passwords);
    let state = &scope.caller.state;
    // Like its credentials, the sign-ins of an account with rights on the server stay hidden.
    let activity = if protected {
        Vec::new()
    } else {
        let organisation = &scope.caller.organisation.slug;
        crate::activity::service::recent(state, organisation, &account.id, &names)
            .await
            .map_err(AppError::internal)?
    };
    Ok(MailboxDetail {
        me: me(&scope.caller),
        row: row(scope, &account, &groups),
        domains: scope.domain_names(),
        passwords_allowed: policy == PasswordPolicy::Allowed,
        passwords_external: policy == PasswordPolicy::ExternalDirectory,
        app_passwords: app_passwords.iter().map(item).collect(),
        activity,
        notice,
        draft: None,
    })
}

/// Creates a mailbox; returns its id.
pub async fn create(
    scope: &AdminScope,
    form: &NewMailboxForm,
    meta: &RequestMeta,
) -> Result<String, AppError> {
    let mut errors = Vec::new();
    let mut fail = |field: &str, message: String| {
        errors.push(FieldError {
            field: field.into(),
            message,
        })
    };
    let local = form.local_part.trim().to_lowercase();
    if let Err(m) = valid_local_part(&local) {
        fail("local_part", m);
    }
    let domain_id = scope.domain_id(&form.domain).map(str::to_owned);
    if domain_id.is_none() {
        fail("domain", text::CHOOSE_DOMAIN.into());
    }
    let display_name = form.display_name.trim().to_owned();
    if display_name.chars().count() > DISPLAY_NAME_MAX {
        fail("display_name", text::DISPLAY_NAME_TOO_LONG.into());
    }
    let quota = parse_quota(&form.quota_gb).unwrap_or_else(|m| {
        fail("quota_gb", m);
        None
    });
    let mut aliases = Vec::new();
    for line in form
        .aliases
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
    {
        match parse_address(scope, "aliases", &line.to_lowercase()) {
            Ok((alias_local, alias_domain)) => aliases.push((alias_local.to_owned(), alias_domain)),
            Err(AppError::Validation(e)) => {
                for error in e {
                    fail(&error.field, error.message);
                }
                break;
            }
            Err(e) => return Err(e),
        }
    }
    let password_hash = if form.password.is_empty() {
        None
    } else if password_policy(scope).await? != PasswordPolicy::Allowed {
        fail("password", text::NO_MAILBOX_PASSWORDS.into());
        None
    } else {
        match check_password_strength(&form.password, &[&local, &display_name]) {
            Ok(()) => Some(hash_password(&form.password)?),
            Err(m) => {
                fail("password", m);
                None
            }
        }
    };
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    let new = NewAccount {
        kind: AccountKind::User,
        local_part: local.clone(),
        domain_id: domain_id.expect("validated"),
        display_name: (!display_name.is_empty()).then(|| display_name.clone()),
        quota_bytes: quota,
        aliases: aliases.clone(),
        password_hash,
    };
    let address = format!("{local}@{}", form.domain);
    let alias_list: Vec<String> = aliases
        .iter()
        .map(|(l, d)| alias_address(scope, l, d))
        .collect();
    let detail = json!({
        "after": { "address": address, "display_name": display_name, "quota_bytes": quota,
                   "aliases": alias_list, "password_set": new.password_hash.is_some() }
    });
    let audited = begin(
        scope,
        meta,
        crate::admin::actions::MAILBOX_CREATE,
        None,
        Some(&address),
        detail,
    )
    .await?;
    let created = scope.stalwart().create_account(&new).await;
    scope.caller.complete(audited, Outcome::of(&created)).await;
    let id = created.map_err(|e| explain(&e, action::CREATE_MAILBOX))?;
    Ok(id)
}

/// Changes display name and quota.
pub async fn update(
    scope: &AdminScope,
    id: &str,
    display_name: &str,
    quota_gb: &str,
    meta: &RequestMeta,
) -> Result<(), AppError> {
    let account = writable(
        scope,
        id,
        AccountKind::User,
        crate::admin::actions::MAILBOX_UPDATE,
        meta,
    )
    .await?;
    let display_name = display_name.trim().to_owned();
    if display_name.chars().count() > DISPLAY_NAME_MAX {
        return Err(AppError::field("display_name", text::DISPLAY_NAME_TOO_LONG));
    }
    let quota = parse_quota(quota_gb).map_err(|m| AppError::field("quota_gb", m))?;
    scope
        .stalwart()
        .set_details(
            &account.id,
            (!display_name.is_empty()).then_some(display_name.as_str()),
            quota,
        )
        .await
        .map_err(|e| explain(&e, action::SAVE_MAILBOX))?;
    record(
        scope,
        meta,
        crate::admin::actions::MAILBOX_UPDATE,
        Some(&account.id),
        Some(&scope.address(&account)),
        json!({
            "before": { "display_name": account.display_name, "quota_bytes": account.disk_quota() },
            "after": { "display_name": display_name, "quota_bytes": quota },
        }),
    )
    .await;
    Ok(())
}

/// Adds an alias; returns it as typed (lowercase).
pub async fn add_alias(
    scope: &AdminScope,
    id: &str,
    alias: &str,
    meta: &RequestMeta,
) -> Result<String, AppError> {
    let account = writable(
        scope,
        id,
        AccountKind::User,
        crate::admin::actions::ALIAS_ADD,
        meta,
    )
    .await?;
    let alias = alias.trim().to_lowercase();
    let (local, domain_id) = parse_address(scope, "alias", &alias)?;
    scope
        .stalwart()
        .add_alias(&account, local, &domain_id)
        .await
        .map_err(|e| explain(&e, action::ADD_ALIAS))?;
    let detail = json!({ "after": { "alias": alias } });
    let target = scope.address(&account);
    record(
        scope,
        meta,
        crate::admin::actions::ALIAS_ADD,
        Some(&account.id),
        Some(&target),
        detail,
    )
    .await;
    Ok(alias)
}

pub async fn remove_alias(
    scope: &AdminScope,
    id: &str,
    alias: &str,
    meta: &RequestMeta,
) -> Result<(), AppError> {
    let account = writable(
        scope,
        id,
        AccountKind::User,
        crate::admin::actions::ALIAS_REMOVE,
        meta,
    )
    .await?;
    let key = account
        .aliases
        .iter()
        .find(|(_, a)| {
            format!(
                "{}@{}",
                a.local_part,
                scope.domain_name(&a.domain_id).unwrap_or("?")
            ) == alias
        })
        .map(|(key, _)| key.clone())
        .ok_or_else(|| AppError::NotFound(text::not_an_alias(alias)))?;
    scope
        .stalwart()
        .remove_alias(&account.id, &key)
        .await
        .map_err(|e| explain(&e, action::REMOVE_ALIAS))?;
    let detail = json!({ "before": { "alias": alias } });
    let target = scope.address(&account);
    record(
        scope,
        meta,
        crate::admin::actions::ALIAS_REMOVE,
        Some(&account.id),
        Some(&target),
        detail,
    )
    .await;
    Ok(())
}

/// Sets a new password: checked for strength here, hashed with argon2id, and only the hash
/// goes to Stalwart.
pub async fn reset_password(
    scope: &AdminScope,
    id: &str,
    password: &str,
    meta: &RequestMeta,
) -> Result<(), AppError> {
    match password_policy(scope).await? {
        PasswordPolicy::Allowed => {}
        PasswordPolicy::NotUsed => return Err(AppError::Forbidden),
        PasswordPolicy::ExternalDirectory => {
            return Err(AppError::Refused(text::PASSWORDS_EXTERNAL.into()));
        }
    }
    let account = writable(
        scope,
        id,
        AccountKind::User,
        crate::admin::actions::PASSWORD_RESET,
        meta,
    )
    .await?;
    check_password_strength(
        password,
        &[
            &account.local_part,
            account.display_name.as_deref().unwrap_or(""),
        ],
    )
    .map_err(|m| AppError::field("password", m))?;
    let hash = hash_password(password)?;
    let target = scope.address(&account);
    let audited = begin(
        scope,
        meta,
        crate::admin::actions::PASSWORD_RESET,
        Some(&account.id),
        Some(&target),
        json!({}),
    )
    .await?;
    let set = scope.stalwart().set_password_hash(&account.id, &hash).await;
    scope.caller.complete(audited, Outcome::of(&set)).await;
    set.map_err(|e| explain(&e, action::RESET_PASSWORD))?;
    Ok(())
}

/// Deletes a mailbox once the admin typed its address; returns the address.
pub async fn delete(
    scope: &AdminScope,
    id: &str,
    typed: &str,
    meta: &RequestMeta,
) -> Result<String, AppError> {
    let account = writable(
        scope,
        id,
        AccountKind::User,
        crate::admin::actions::MAILBOX_DELETE,
        meta,
    )
    .await?;
    let address = scope.address(&account);
    if typed.trim().to_lowercase() != address {
        return Err(AppError::field("confirm", text::type_to_confirm(&address)));
    }
    let detail = json!({
        "before": { "address": address, "display_name": account.display_name, "quota_bytes": account.disk_quota() }
    });
    let audited = begin(
        scope,
        meta,
        crate::admin::actions::MAILBOX_DELETE,
        Some(&account.id),
        Some(&address),
        detail,
    )
    .await?;
    let deleted = scope.stalwart().destroy_account(&account.id).await;
    scope.caller.complete(audited, Outcome::of(&deleted)).await;
    deleted.map_err(|e| explain(&e, action::DELETE_MAILBOX))?;
    scope.stalwart().forget_user(&address);
    Ok(address)
}
