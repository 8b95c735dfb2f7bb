//! Groups (shared mailboxes): the list with members, creating one, membership, and making
//! sure a group can receive mail.

use super::common::{explain, organisation_groups, parse_address, record};
use super::protection::{check_writable, protection, writable};
use crate::account::service::me;
use crate::admin::model::{GroupRow, GroupsView, Member};
use crate::admin::text::{self, action};
use crate::components::alert::Notice;
use crate::error::AppError;
use crate::ssr::http::RequestMeta;
use crate::ssr::scope::AdminScope;
use crate::ssr::stalwart::NewAccount;
use crate::ssr::stalwart::model::{Account, AccountKind, can_receive, with_receive};
use serde_json::json;

pub async fn list(scope: &AdminScope, notice: Option<Notice>) -> Result<GroupsView, AppError> {
    let mut groups = Vec::new();
    for (domain, g) in organisation_groups(scope).await? {
        groups.push(group_row(scope, &g, &domain).await?);
    }
    Ok(GroupsView {
        me: me(&scope.caller),
        domains: scope.domain_names(),
        groups,
        notice,
        draft: None,
    })
}

async fn group_row(scope: &AdminScope, g: &Account, domain: &str) -> Result<GroupRow, AppError> {
    let members = scope
        .stalwart()
        .members(&g.id)
        .await
        .map_err(|e| e.user_error(action::LIST_MEMBERS))?;
    Ok(GroupRow {
        id: g.id.clone(),
        address: format!("{}@{domain}", g.local_part),
        display_name: g.display_name.clone().filter(|d| !d.is_empty()),
        // `Null` (not sent) counts as the default, which receives.
        can_receive: g.permissions.is_null() || can_receive(&g.permissions),
        protected: protection(scope, g).is_some(),
        members: members
            .iter()
            .filter(|m| scope.owns(m))
            .map(|m| Member {
                address: scope.address(m),
                protected: protection(scope, m).is_some(),
            })
            .collect(),
    })
}

/// Creates a group (shared mailbox); returns its id.
pub async fn create(
    scope: &AdminScope,
    address: &str,
    display_name: &str,
    meta: &RequestMeta,
) -> Result<String, AppError> {
    let address = address.trim().to_lowercase();
    let (local, domain_id) = parse_address(scope, "address", &address)?;
    let display_name = display_name.trim();
    let new = NewAccount {
        kind: AccountKind::Group,
        local_part: local.to_owned(),
        domain_id,
        display_name: (!display_name.is_empty()).then(|| display_name.to_owned()),
        quota_bytes: None,
        aliases: Vec::new(),
        password_hash: None,
    };
    let id = scope
        .stalwart()
        .create_account(&new)
        .await
        .map_err(|e| explain(&e, action::CREATE_GROUP))?;
    let detail = json!({ "after": { "address": address, "display_name": display_name } });
    record(
        scope,
        meta,
        crate::admin::actions::GROUP_CREATE,
        Some(&id),
        Some(&address),
        detail,
    )
    .await;
    Ok(id)
}

/// Adds `member` to the group or removes them; returns the member's address.
pub async fn set_membership(
    scope: &AdminScope,
    group_id: &str,
    member: &str,
    add: bool,
    meta: &RequestMeta,
) -> Result<String, AppError> {
    let audit_action = if add {
        crate::admin::actions::MEMBER_ADD
    } else {
        crate::admin::actions::MEMBER_REMOVE
    };
    let group = writable(scope, group_id, AccountKind::Group, audit_action, meta).await?;
    let member = member.trim().to_lowercase();
    let (local, domain_id) = parse_address(scope, "member", &member)?;
    let domain = scope.domain_name(&domain_id).expect("parsed").to_owned();
    let user_id = scope
        .stalwart()
        .user_id(local, &domain)
        .await
        .map_err(|e| e.user_error(action::FIND_MEMBER))?
        .ok_or_else(|| {
            AppError::field(
                "member",
                text::no_such_mailbox(&format!("{local}@{domain}")),
            )
        })?;
    let user = super::common::account(scope, &user_id, AccountKind::User).await?;
    check_writable(scope, &user, audit_action, meta).await?;
    let mut groups: Vec<&str> = user
        .member_group_ids
        .keys()
        .map(String::as_str)
        .filter(|g| *g != group.id)
        .collect();
    if add {
        groups.push(&group.id);
    }
    scope
        .stalwart()
        .set_groups(&user.id, groups)
        .await
        .map_err(|e| explain(&e, action::CHANGE_MEMBERSHIP))?;
    let member_address = scope.address(&user);
    let detail = json!({ "member": member_address });
    let target = scope.address(&group);
    record(
        scope,
        meta,
        audit_action,
        Some(&group.id),
        Some(&target),
        detail,
    )
    .await;
    Ok(member_address)
}

/// Gives the group `emailReceive` back, keeping any other custom permission.
pub async fn allow_receiving(
    scope: &AdminScope,
    group_id: &str,
    meta: &RequestMeta,
) -> Result<(), AppError> {
    let group = writable(
        scope,
        group_id,
        AccountKind::Group,
        crate::admin::actions::ALLOW_RECEIVE,
        meta,
    )
    .await?;
    let current = scope
        .stalwart()
        .permissions(&group.id)
        .await
        .map_err(|e| e.user_error(action::READ_GROUP))?;
    let Some(current) = current.filter(|p| !can_receive(p)) else {
        return Ok(());
    };
    let fixed = with_receive(&current);
    scope
        .stalwart()
        .set_permissions(&group.id, &fixed)
        .await
        .map_err(|e| explain(&e, action::ALLOW_RECEIVING))?;
    let detail = json!({ "before": current, "after": fixed });
    let target = scope.address(&group);
    record(
        scope,
        meta,
        crate::admin::actions::ALLOW_RECEIVE,
        Some(&group.id),
        Some(&target),
        detail,
    )
    .await;
    Ok(())
}
