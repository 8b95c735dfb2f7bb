//! Tenant administration. Stalwart's community edition does not separate tenants on a shared
//! server (API.md §10), so this module does: every read is filtered to the tenant's domain
//! ids, and every write first checks that each account, alias and group it touches belongs to
//! one of the tenant's domains. Anything else is answered as "not found", whether it exists
//! in another tenant or not at all.

use super::app_passwords::{RequestMeta, format_time};
use super::db::audit;
use super::stalwart::{Account, AccountKind, NewAccount, SetError, SetErrorKind, StalwartError};
use super::{Caller, account, stalwart_error};
use crate::api::admin::{
    AuditRow, AuditView, GroupRow, GroupsView, MailboxDetail, MailboxRow, MailboxesView, Member,
    NewMailboxForm, NewMailboxView, PAGE_SIZE,
};
use crate::api::app_passwords::{AppPasswordItem, Notice};
use crate::error::{AppError, FieldError};
use serde_json::{Value, json};

/// OWASP's argon2id recommendation: 19 MiB, 2 iterations, 1 lane.
const ARGON2_MEMORY_KIB: u32 = 19 * 1024;
const ARGON2_ITERATIONS: u32 = 2;
const ARGON2_LANES: u32 = 1;
pub const PASSWORD_MIN: usize = 12;
pub const PASSWORD_MAX: usize = 128;
const GIB: f64 = 1024.0 * 1024.0 * 1024.0;

pub struct AdminScope {
    pub caller: Caller,
    /// The tenant's domains that exist at Stalwart: (name, id).
    domains: Vec<(String, String)>,
    /// The account Postern's API key belongs to on the tenant's server.
    portal_account: String,
}

/// Why an account of the tenant's domains is not the tenant admin's to change: real
/// deployments keep the mail server's own administrators, and the account behind Postern's
/// API key, inside the organisations' domains (Stalwart CE has no tenants, API.md §10).
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
            Protection::ServerRole => "has administrator rights on the mail server",
            Protection::ManagementPermissions => "has server-management permissions",
            Protection::PortalCredentials => {
                "is the account this portal uses to reach the mail server"
            }
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

/// The signed-in admin's scope, or `Unauthorized` / `Forbidden`.
pub async fn scope() -> Result<AdminScope, AppError> {
    AdminScope::for_caller(super::caller().await?).await
}

impl AdminScope {
    pub async fn for_caller(caller: Caller) -> Result<Self, AppError> {
        if !caller.user.is_admin {
            // Pages and server functions alike answer 403.
            if let Some(response) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
                response.set_status(http::StatusCode::FORBIDDEN);
            }
            return Err(AppError::Forbidden);
        }
        let mut domains = Vec::new();
        for name in &caller.tenant.domains {
            match caller.tenant.stalwart.domain_id(name).await {
                Ok(Some(id)) => domains.push((name.clone(), id)),
                Ok(None) => tracing::warn!(domain = %name, "tenant domain is missing at Stalwart"),
                Err(e) => return Err(stalwart_error(&e, "reach the mail server")),
            }
        }
        let portal_account = caller
            .tenant
            .stalwart
            .own_account_id()
            .await
            .map_err(|e| stalwart_error(&e, "reach the mail server"))?
            .to_owned();
        Ok(Self {
            caller,
            domains,
            portal_account,
        })
    }

    /// Whether (and why) an account is outside what a tenant admin may change.
    pub fn protection(&self, account: &Account) -> Option<Protection> {
        if account.id == self.portal_account {
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
    async fn writable(
        &self,
        id: &str,
        kind: AccountKind,
        action: &str,
        meta: &RequestMeta,
    ) -> Result<Account, AppError> {
        let account = self.account(id, kind).await?;
        self.check_writable(&account, action, meta).await?;
        Ok(account)
    }

    async fn check_writable(
        &self,
        account: &Account,
        action: &str,
        meta: &RequestMeta,
    ) -> Result<(), AppError> {
        let Some(protection) = self.protection(account) else {
            return Ok(());
        };
        let address = self.address(account);
        let thing = match account.kind {
            AccountKind::User => "mailbox",
            AccountKind::Group => "group",
        };
        tracing::warn!(account = %account.id, action, ?protection, "write to a protected account refused");
        self.record(
            meta,
            &format!("{thing}.refused"),
            Some(&account.id),
            Some(&address),
            json!({ "attempted": action, "reason": protection.audit_reason() }),
        )
        .await;
        Err(AppError::Refused(format!(
            "{address} {}, so it is managed by your mail server's operator and cannot be changed here.",
            protection.reason()
        )))
    }

    fn stalwart(&self) -> &super::stalwart::StalwartClient {
        &self.caller.tenant.stalwart
    }

    pub fn domain_names(&self) -> Vec<String> {
        self.domains.iter().map(|(n, _)| n.clone()).collect()
    }

    /// The Stalwart id of one of the tenant's domains.
    pub fn domain_id_of(&self, name: &str) -> Option<String> {
        self.domain_id(name).map(str::to_owned)
    }

    fn domain_id(&self, name: &str) -> Option<&str> {
        self.domains
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, id)| id.as_str())
    }

    fn domain_name(&self, id: &str) -> Option<&str> {
        self.domains
            .iter()
            .find(|(_, i)| i == id)
            .map(|(n, _)| n.as_str())
    }

    fn owns(&self, account: &Account) -> bool {
        self.domain_name(&account.domain_id).is_some()
    }

    fn address(&self, account: &Account) -> String {
        format!(
            "{}@{}",
            account.name,
            self.domain_name(&account.domain_id).unwrap_or("?")
        )
    }

    fn not_found() -> AppError {
        AppError::NotFound("There is no such mailbox or group in your organisation.".into())
    }

    /// An account of this tenant, by id; anything else is "not found".
    pub async fn account(&self, id: &str, kind: AccountKind) -> Result<Account, AppError> {
        let found = self
            .stalwart()
            .accounts(&[id.to_owned()])
            .await
            .map_err(|e| stalwart_error(&e, "load the mailbox"))?;
        found
            .into_iter()
            .find(|a| a.kind == kind && self.owns(a))
            .ok_or_else(Self::not_found)
    }

    /// Splits `local@domain`, requiring one of the tenant's domains.
    fn parse_address<'a>(
        &self,
        field: &str,
        address: &'a str,
    ) -> Result<(&'a str, String), AppError> {
        let address = address.trim();
        let Some((local, domain)) = address.rsplit_once('@') else {
            return Err(AppError::field(
                field,
                format!(
                    "“{address}” is not an address like name@{}.",
                    self.example_domain()
                ),
            ));
        };
        valid_local_part(local).map_err(|m| AppError::field(field, m))?;
        let domain = domain.to_lowercase();
        let id = self.domain_id(&domain).ok_or_else(|| {
            AppError::field(
                field,
                format!(
                    "{domain} is not one of your organisation's domains ({}).",
                    self.domain_names().join(", ")
                ),
            )
        })?;
        Ok((local, id.to_owned()))
    }

    fn example_domain(&self) -> &str {
        self.domains
            .first()
            .map(|(n, _)| n.as_str())
            .unwrap_or("example.com")
    }

    async fn group_names(&self) -> Result<Vec<(String, String)>, StalwartError> {
        let mut groups = Vec::new();
        for (name, id) in &self.domains {
            for g in self.stalwart().groups(id).await? {
                groups.push((g.id.clone(), format!("{}@{name}", g.name)));
            }
        }
        Ok(groups)
    }

    fn row(&self, a: &Account, groups: &[(String, String)]) -> MailboxRow {
        MailboxRow {
            id: a.id.clone(),
            address: self.address(a),
            protected: self.protection(a).is_some(),
            display_name: a.description.clone().filter(|d| !d.is_empty()),
            used_bytes: a.used_disk_quota.unwrap_or(0),
            quota_bytes: a.disk_quota(),
            aliases: a
                .aliases
                .values()
                .map(|al| {
                    format!(
                        "{}@{}",
                        al.name,
                        self.domain_name(&al.domain_id)
                            .unwrap_or("(another domain)")
                    )
                })
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

    /// One page of mailboxes of one domain: a query with `calculateTotal` and a
    /// back-referenced get in one request, plus one request for group names.
    pub async fn mailboxes(
        &self,
        domain: Option<String>,
        q: String,
        page: u64,
    ) -> Result<MailboxesView, AppError> {
        let session = super::session::AppSession(current_session().await?);
        let notice = take_notice(&session).await?;
        let domain = domain
            .filter(|d| self.domain_id(d).is_some())
            .or_else(|| self.domains.first().map(|(n, _)| n.clone()))
            .ok_or_else(|| {
                AppError::Unavailable(
                    "None of your organisation's domains exists on the mail server yet.".into(),
                )
            })?;
        let domain_id = self.domain_id(&domain).expect("checked").to_owned();
        let page = page.max(1);
        let query = q.trim().to_owned();
        let found = self
            .stalwart()
            .accounts_page(
                &domain_id,
                AccountKind::User,
                Some(&query),
                (page - 1) * PAGE_SIZE,
                PAGE_SIZE,
            )
            .await
            .map_err(|e| stalwart_error(&e, "list the mailboxes"))?;
        let groups = if found
            .accounts
            .iter()
            .any(|a| !a.member_group_ids.is_empty())
        {
            self.stalwart()
                .groups(&domain_id)
                .await
                .map_err(|e| stalwart_error(&e, "list the groups"))?
                .iter()
                .map(|g| (g.id.clone(), format!("{}@{domain}", g.name)))
                .collect()
        } else {
            Vec::new()
        };
        Ok(MailboxesView {
            me: account::me(&self.caller),
            domains: self.domain_names(),
            domain,
            query,
            page,
            total: found.total,
            rows: found
                .accounts
                .iter()
                .filter(|a| self.owns(a))
                .map(|a| self.row(a, &groups))
                .collect(),
            notice,
        })
    }

    pub fn new_mailbox_view(&self) -> NewMailboxView {
        NewMailboxView {
            me: account::me(&self.caller),
            domains: self.domain_names(),
            passwords_allowed: self.passwords_allowed(),
        }
    }

    fn passwords_allowed(&self) -> bool {
        self.caller.tenant.mailbox_passwords == super::config::MailboxPasswords::Optional
    }

    pub async fn mailbox(&self, id: &str) -> Result<MailboxDetail, AppError> {
        let session = super::session::AppSession(current_session().await?);
        let notice = take_notice(&session).await?;
        let account = self.account(id, AccountKind::User).await?;
        let groups = self
            .group_names()
            .await
            .map_err(|e| stalwart_error(&e, "list the groups"))?;
        let app_passwords = self
            .stalwart()
            .app_passwords(&account.id)
            .await
            .map_err(|e| stalwart_error(&e, "list the app passwords"))?;
        Ok(MailboxDetail {
            me: account::me(&self.caller),
            row: self.row(&account, &groups),
            domains: self.domain_names(),
            passwords_allowed: self.passwords_allowed(),
            app_passwords: app_passwords
                .iter()
                .map(super::app_passwords::item)
                .collect::<Vec<AppPasswordItem>>(),
            notice,
        })
    }

    /// Creates a mailbox; returns its id.
    pub async fn create_mailbox(
        &self,
        form: &NewMailboxForm,
        meta: &RequestMeta,
    ) -> Result<String, AppError> {
        let mut errors = Vec::new();
        let local = form.local_part.trim().to_lowercase();
        if let Err(m) = valid_local_part(&local) {
            errors.push(FieldError {
                field: "local_part".into(),
                message: m,
            });
        }
        let domain_id = self.domain_id(&form.domain).map(str::to_owned);
        if domain_id.is_none() {
            errors.push(FieldError {
                field: "domain".into(),
                message: "Choose one of your organisation's domains.".into(),
            });
        }
        let description = form.display_name.trim().to_owned();
        if description.chars().count() > 100 {
            errors.push(FieldError {
                field: "display_name".into(),
                message: "Use at most 100 characters.".into(),
            });
        }
        let quota = match parse_quota(&form.quota_gb) {
            Ok(q) => q,
            Err(m) => {
                errors.push(FieldError {
                    field: "quota_gb".into(),
                    message: m,
                });
                None
            }
        };
        let mut aliases = Vec::new();
        for line in form
            .aliases
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
        {
            match self.parse_address("aliases", &line.to_lowercase()) {
                Ok((alias_local, alias_domain)) => {
                    aliases.push((alias_local.to_owned(), alias_domain))
                }
                Err(AppError::Validation(mut e)) => {
                    errors.append(&mut e);
                    break;
                }
                Err(e) => return Err(e),
            }
        }
        let password_hash = if form.password.is_empty() {
            None
        } else if !self.passwords_allowed() {
            errors.push(FieldError {
                field: "password".into(),
                message: "Mailboxes of your organisation do not have passwords: people sign in through your identity provider and use app passwords.".into(),
            });
            None
        } else {
            match check_password_strength(&form.password, &[&local, &description]) {
                Ok(()) => Some(hash_password(&form.password)?),
                Err(m) => {
                    errors.push(FieldError {
                        field: "password".into(),
                        message: m,
                    });
                    None
                }
            }
        };
        if !errors.is_empty() {
            return Err(AppError::Validation(errors));
        }
        let new = NewAccount {
            kind: AccountKind::User,
            name: local.clone(),
            domain_id: domain_id.expect("validated"),
            description: (!description.is_empty()).then(|| description.clone()),
            quota_bytes: quota,
            aliases: aliases.clone(),
            password_hash,
        };
        let id = self
            .stalwart()
            .create_account(&new)
            .await
            .map_err(|e| self.explain(&e, "create the mailbox"))?;
        let address = format!("{local}@{}", form.domain);
        self.record(meta, "mailbox.create", Some(&id), Some(&address), json!({
            "after": { "address": address, "display_name": description, "quota_bytes": quota,
                       "aliases": aliases.iter().map(|(l, d)| format!("{l}@{}", self.domain_name(d).unwrap_or("?"))).collect::<Vec<_>>(),
                       "password_set": new.password_hash.is_some() }
        }))
        .await;
        Ok(id)
    }

    /// Changes display name and quota.
    pub async fn update_mailbox(
        &self,
        id: &str,
        display_name: &str,
        quota_gb: &str,
        meta: &RequestMeta,
    ) -> Result<(), AppError> {
        let account = self
            .writable(id, AccountKind::User, "mailbox.update", meta)
            .await?;
        let description = display_name.trim().to_owned();
        if description.chars().count() > 100 {
            return Err(AppError::field(
                "display_name",
                "Use at most 100 characters.",
            ));
        }
        let quota = parse_quota(quota_gb).map_err(|m| AppError::field("quota_gb", m))?;
        let patch = json!({
            "description": if description.is_empty() { Value::Null } else { json!(description) },
            "quotas/maxDiskQuota": quota,
        });
        self.stalwart()
            .update_account(&account.id, patch)
            .await
            .map_err(|e| self.explain(&e, "save the mailbox"))?;
        self.record(meta, "mailbox.update", Some(&account.id), Some(&self.address(&account)), json!({
            "before": { "display_name": account.description, "quota_bytes": account.disk_quota() },
            "after": { "display_name": description, "quota_bytes": quota },
        }))
        .await;
        Ok(())
    }

    pub async fn add_alias(
        &self,
        id: &str,
        alias: &str,
        meta: &RequestMeta,
    ) -> Result<String, AppError> {
        let account = self
            .writable(id, AccountKind::User, "mailbox.alias_add", meta)
            .await?;
        let alias = alias.trim().to_lowercase();
        let (local, domain_id) = self.parse_address("alias", &alias)?;
        let index = account.aliases.len();
        let patch = json!({ format!("aliases/{index}"): { "name": local, "domainId": domain_id } });
        self.stalwart()
            .update_account(&account.id, patch)
            .await
            .map_err(|e| self.explain(&e, "add the alias"))?;
        self.record(
            meta,
            "mailbox.alias_add",
            Some(&account.id),
            Some(&self.address(&account)),
            json!({ "after": { "alias": alias } }),
        )
        .await;
        Ok(alias)
    }

    pub async fn remove_alias(
        &self,
        id: &str,
        alias: &str,
        meta: &RequestMeta,
    ) -> Result<(), AppError> {
        let account = self
            .writable(id, AccountKind::User, "mailbox.alias_remove", meta)
            .await?;
        let position = account
            .aliases
            .values()
            .position(|a| {
                format!(
                    "{}@{}",
                    a.name,
                    self.domain_name(&a.domain_id).unwrap_or("?")
                ) == alias
            })
            .ok_or_else(|| {
                AppError::NotFound(format!("{alias} is not an alias of this mailbox."))
            })?;
        let key = account
            .aliases
            .keys()
            .nth(position)
            .expect("same map")
            .clone();
        self.stalwart()
            .update_account(&account.id, json!({ format!("aliases/{key}"): null }))
            .await
            .map_err(|e| self.explain(&e, "remove the alias"))?;
        self.record(
            meta,
            "mailbox.alias_remove",
            Some(&account.id),
            Some(&self.address(&account)),
            json!({ "before": { "alias": alias } }),
        )
        .await;
        Ok(())
    }

    /// Sets a new password: checked for strength here, hashed with argon2id, and only the
    /// hash goes to Stalwart.
    pub async fn reset_password(
        &self,
        id: &str,
        password: &str,
        meta: &RequestMeta,
    ) -> Result<(), AppError> {
        if !self.passwords_allowed() {
            return Err(AppError::Forbidden);
        }
        let account = self
            .writable(id, AccountKind::User, "mailbox.password_reset", meta)
            .await?;
        check_password_strength(
            password,
            &[&account.name, account.description.as_deref().unwrap_or("")],
        )
        .map_err(|m| AppError::field("password", m))?;
        let hash = hash_password(password)?;
        let credentials = self
            .stalwart()
            .credentials(&account.id)
            .await
            .map_err(|e| stalwart_error(&e, "reset the password"))?;
        let patch = match credentials.iter().find(|(_, kind)| kind == "Password") {
            Some((index, _)) => json!({ format!("credentials/{index}/secret"): hash }),
            None => {
                json!({ format!("credentials/{}", credentials.len()): { "@type": "Password", "secret": hash } })
            }
        };
        self.stalwart()
            .update_account(&account.id, patch)
            .await
            .map_err(|e| self.explain(&e, "reset the password"))?;
        self.record(
            meta,
            "mailbox.password_reset",
            Some(&account.id),
            Some(&self.address(&account)),
            json!({}),
        )
        .await;
        Ok(())
    }

    /// Deletes a mailbox once the admin typed its address.
    pub async fn delete_mailbox(
        &self,
        id: &str,
        typed: &str,
        meta: &RequestMeta,
    ) -> Result<String, AppError> {
        let account = self
            .writable(id, AccountKind::User, "mailbox.delete", meta)
            .await?;
        let address = self.address(&account);
        if typed.trim().to_lowercase() != address {
            return Err(AppError::field(
                "confirm",
                format!("Type {address} exactly to confirm."),
            ));
        }
        self.stalwart()
            .destroy_account(&account.id)
            .await
            .map_err(|e| self.explain(&e, "delete the mailbox"))?;
        self.caller.tenant.stalwart.forget_user(&address);
        self.record(meta, "mailbox.delete", Some(&account.id), Some(&address), json!({
            "before": { "address": address, "display_name": account.description, "quota_bytes": account.disk_quota() }
        }))
        .await;
        Ok(address)
    }

    pub async fn revoke_app_password(
        &self,
        id: &str,
        credential: &str,
        meta: &RequestMeta,
    ) -> Result<String, AppError> {
        let account = self
            .writable(id, AccountKind::User, "app_password.admin_revoke", meta)
            .await?;
        let list = self
            .stalwart()
            .app_passwords(&account.id)
            .await
            .map_err(|e| stalwart_error(&e, "revoke the app password"))?;
        let target = list.iter().find(|p| p.id == credential).ok_or_else(|| {
            AppError::NotFound("This app password does not exist any more.".into())
        })?;
        self.stalwart()
            .destroy_app_passwords(&account.id, std::slice::from_ref(&target.id))
            .await
            .map_err(|e| stalwart_error(&e, "revoke the app password"))?;
        self.record(
            meta,
            "app_password.admin_revoke",
            Some(&account.id),
            Some(credential),
            json!({
                "name": target.description, "mailbox": self.address(&account)
            }),
        )
        .await;
        Ok(target.description.clone())
    }

    pub async fn groups(&self) -> Result<GroupsView, AppError> {
        let session = super::session::AppSession(current_session().await?);
        let notice = take_notice(&session).await?;
        let mut groups = Vec::new();
        for (name, id) in &self.domains {
            for g in self
                .stalwart()
                .groups(id)
                .await
                .map_err(|e| stalwart_error(&e, "list the groups"))?
            {
                groups.push(self.group_row(&g, name).await?);
            }
        }
        Ok(GroupsView {
            me: account::me(&self.caller),
            domains: self.domain_names(),
            groups,
            notice,
        })
    }

    async fn group_row(&self, g: &Account, domain: &str) -> Result<GroupRow, AppError> {
        let members = self
            .stalwart()
            .members(&g.id)
            .await
            .map_err(|e| stalwart_error(&e, "list the members"))?;
        Ok(GroupRow {
            id: g.id.clone(),
            address: format!("{}@{domain}", g.name),
            display_name: g.description.clone().filter(|d| !d.is_empty()),
            // `Null` (not sent) counts as the default, which receives.
            can_receive: g.permissions.is_null() || can_receive(&g.permissions),
            protected: self.protection(g).is_some(),
            members: members
                .iter()
                .filter(|m| self.owns(m))
                .map(|m| Member {
                    address: self.address(m),
                    protected: self.protection(m).is_some(),
                })
                .collect(),
        })
    }

    /// Creates a group (shared mailbox) and makes sure it can receive mail.
    pub async fn create_group(
        &self,
        address: &str,
        display_name: &str,
        meta: &RequestMeta,
    ) -> Result<String, AppError> {
        let address = address.trim().to_lowercase();
        let (local, domain_id) = self.parse_address("address", &address)?;
        let description = display_name.trim();
        let new = NewAccount {
            kind: AccountKind::Group,
            name: local.to_owned(),
            domain_id,
            description: (!description.is_empty()).then(|| description.to_owned()),
            quota_bytes: None,
            aliases: Vec::new(),
            password_hash: None,
        };
        let id = self
            .stalwart()
            .create_account(&new)
            .await
            .map_err(|e| self.explain(&e, "create the group"))?;
        self.record(
            meta,
            "group.create",
            Some(&id),
            Some(&address),
            json!({ "after": { "address": address, "display_name": description } }),
        )
        .await;
        Ok(id)
    }

    pub async fn set_membership(
        &self,
        group_id: &str,
        member: &str,
        add: bool,
        meta: &RequestMeta,
    ) -> Result<String, AppError> {
        let action = if add {
            "group.member_add"
        } else {
            "group.member_remove"
        };
        let group = self
            .writable(group_id, AccountKind::Group, action, meta)
            .await?;
        let member = member.trim().to_lowercase();
        let (local, domain_id) = self.parse_address("member", &member)?;
        let domain = self.domain_name(&domain_id).expect("parsed").to_owned();
        let user_id = self
            .stalwart()
            .user_id(local, &domain)
            .await
            .map_err(|e| stalwart_error(&e, "find the member"))?
            .ok_or_else(|| {
                AppError::field("member", format!("There is no mailbox {local}@{domain}."))
            })?;
        let user = self.account(&user_id, AccountKind::User).await?;
        self.check_writable(&user, action, meta).await?;
        let mut groups: serde_json::Map<String, Value> = user
            .member_group_ids
            .keys()
            .map(|k| (k.clone(), Value::Bool(true)))
            .collect();
        if add {
            groups.insert(group.id.clone(), Value::Bool(true));
        } else {
            groups.remove(&group.id);
        }
        self.stalwart()
            .update_account(&user.id, json!({ "memberGroupIds": groups }))
            .await
            .map_err(|e| self.explain(&e, "change the membership"))?;
        let member_address = self.address(&user);
        self.record(
            meta,
            action,
            Some(&group.id),
            Some(&self.address(&group)),
            json!({ "member": member_address }),
        )
        .await;
        Ok(member_address)
    }

    /// Gives the group `emailReceive` back, keeping any other custom permission.
    pub async fn allow_receiving(
        &self,
        group_id: &str,
        meta: &RequestMeta,
    ) -> Result<(), AppError> {
        let group = self
            .writable(group_id, AccountKind::Group, "group.allow_receive", meta)
            .await?;
        let current = self
            .stalwart()
            .permissions(&group.id)
            .await
            .map_err(|e| stalwart_error(&e, "read the group"))?;
        let Some(current) = current.filter(|p| !can_receive(p)) else {
            return Ok(());
        };
        let fixed = with_receive(&current);
        self.stalwart()
            .update_account(&group.id, json!({ "permissions": fixed }))
            .await
            .map_err(|e| self.explain(&e, "let the group receive mail"))?;
        self.record(
            meta,
            "group.allow_receive",
            Some(&group.id),
            Some(&self.address(&group)),
            json!({ "before": current, "after": fixed }),
        )
        .await;
        Ok(())
    }

    pub async fn audit(&self, action: String, actor: String) -> Result<AuditView, AppError> {
        let events = audit::for_tenant(
            &self.caller.state.db,
            &self.caller.tenant.slug,
            Some(action.trim()),
            Some(actor.trim()),
            200,
            0,
        )
        .await
        .map_err(AppError::internal)?;
        Ok(AuditView {
            me: account::me(&self.caller),
            action,
            actor,
            rows: events
                .iter()
                .map(|e| AuditRow {
                    when: time::OffsetDateTime::from_unix_timestamp(e.at)
                        .map(format_time)
                        .unwrap_or_default(),
                    actor: e.actor_email.clone(),
                    action: e.action.clone(),
                    target: e.target.clone(),
                    detail: e.detail_json.clone(),
                    ip: e.ip.clone(),
                })
                .collect(),
        })
    }

    /// A Stalwart refusal in words an admin understands.
    fn explain(&self, e: &StalwartError, action: &str) -> AppError {
        let Some(set) = e.set_error() else {
            return stalwart_error(e, action);
        };
        explain_set_error(set, action)
    }

    async fn record(
        &self,
        meta: &RequestMeta,
        action: &str,
        account: Option<&str>,
        target: Option<&str>,
        detail: Value,
    ) {
        let event = audit::NewEvent {
            tenant: &self.caller.tenant.slug,
            actor_id: Some(self.caller.user.user_id),
            actor_email: &self.caller.user.email,
            action,
            account_id: account,
            target,
            detail,
            ip: meta.ip.as_deref(),
            user_agent: meta.user_agent.as_deref(),
        };
        if let Err(e) = audit::record(&self.caller.state.db, &event).await {
            tracing::error!(error = %e, action, "cannot write the audit log");
        }
    }
}

pub fn explain_set_error(set: &SetError, action: &str) -> AppError {
    match set.kind {
        SetErrorKind::PrimaryKeyViolation => AppError::Conflict(
            "This address is already used by another mailbox, group or alias. Choose another one."
                .into(),
        ),
        SetErrorKind::InvalidForeignKey => AppError::Conflict(
            "The domain does not exist on the mail server any more. Ask your provider to check it."
                .into(),
        ),
        SetErrorKind::ObjectIsLinked => AppError::Conflict(format!(
            "We could not {action}: other objects still refer to it ({}). Remove those first.",
            set.linked_objects
                .iter()
                .map(|o| format!("{} {}", o.object, o.id))
                .collect::<Vec<_>>()
                .join(", ")
        )),
        SetErrorKind::OverQuota => AppError::Conflict(format!(
            "We could not {action}: a limit on the mail server is reached."
        )),
        SetErrorKind::InvalidProperties if set.properties.iter().any(|p| p == "secret") => {
            AppError::field(
                "password",
                set.description
                    .clone()
                    .unwrap_or_else(|| "The mail server refused this password.".into()),
            )
        }
        SetErrorKind::InvalidProperties | SetErrorKind::ValidationFailed => {
            AppError::Validation(vec![FieldError {
                field: set
                    .properties
                    .first()
                    .cloned()
                    .unwrap_or_else(|| "form".into()),
                message: set
                    .description
                    .clone()
                    .unwrap_or_else(|| "The mail server did not accept this value.".into()),
            }])
        }
        SetErrorKind::NotFound => {
            AppError::NotFound("It does not exist any more; someone may have deleted it.".into())
        }
        _ => AppError::internal(format!("{action}: {set}")),
    }
}

async fn current_session() -> Result<tower_sessions::Session, AppError> {
    leptos_axum::extract()
        .await
        .map_err(|e| AppError::internal(format!("session: {e:?}")))
}

async fn take_notice(session: &super::session::AppSession) -> Result<Option<Notice>, AppError> {
    Ok(session
        .take_flash()
        .await
        .map_err(AppError::internal)?
        .map(|f| Notice {
            ok: f.kind == super::session::FlashKind::Info,
            message: f.message,
        }))
}

/// Whether a permissions object lets the account receive mail (API.md §5.6): `Inherit` takes
/// the default group role, which includes `emailReceive`.
pub fn can_receive(permissions: &Value) -> bool {
    let has = |key: &str| {
        permissions
            .get(key)
            .and_then(|m| m.get("emailReceive"))
            .and_then(Value::as_bool)
            == Some(true)
    };
    match permissions.get("@type").and_then(Value::as_str) {
        Some("Merge") => !has("disabledPermissions"),
        Some("Replace") => has("permissions") || has("enabledPermissions"),
        _ => true,
    }
}

fn with_receive(permissions: &Value) -> Value {
    let mut fixed = permissions.clone();
    match permissions.get("@type").and_then(Value::as_str) {
        Some("Merge") => {
            if let Some(disabled) = fixed
                .get_mut("disabledPermissions")
                .and_then(Value::as_object_mut)
            {
                disabled.remove("emailReceive");
            }
        }
        Some("Replace") => {
            let key = if fixed.get("permissions").is_some() {
                "permissions"
            } else {
                "enabledPermissions"
            };
            fixed[key]["emailReceive"] = json!(true);
        }
        _ => fixed = json!({ "@type": "Inherit" }),
    }
    fixed
}

pub fn valid_local_part(local: &str) -> Result<(), String> {
    if local.is_empty() || local.len() > 64 {
        return Err("Use 1 to 64 characters before the @.".into());
    }
    if !local.bytes().all(|b| {
        b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'_' | b'+')
    }) {
        return Err(format!(
            "“{local}” may only use lowercase letters, digits and . - _ +"
        ));
    }
    if local.starts_with('.') || local.ends_with('.') || local.contains("..") {
        return Err("A dot cannot start or end the name, or follow another dot.".into());
    }
    Ok(())
}

/// "2" or "2.5" gigabytes → bytes; empty → no limit.
pub fn parse_quota(text: &str) -> Result<Option<u64>, String> {
    let text = text.trim().replace(',', ".");
    if text.is_empty() {
        return Ok(None);
    }
    match text.parse::<f64>() {
        Ok(gb) if gb > 0.0 && gb <= 100_000.0 => Ok(Some((gb * GIB).round() as u64)),
        _ => Err("Enter the size in GB, like 2 or 0.5, or leave it empty for no limit.".into()),
    }
}

/// Length and a zxcvbn estimate (score 3 of 4 or better), with the same advice people get
/// from Stalwart's own check.
pub fn check_password_strength(password: &str, context: &[&str]) -> Result<(), String> {
    let length = password.chars().count();
    if length < PASSWORD_MIN {
        return Err(format!("Use at least {PASSWORD_MIN} characters."));
    }
    if length > PASSWORD_MAX {
        return Err(format!("Use at most {PASSWORD_MAX} characters."));
    }
    let estimate = zxcvbn::zxcvbn(password, context);
    if (estimate.score() as u8) < 3 {
        let advice = estimate
            .feedback()
            .and_then(|f| f.warning().map(|w| w.to_string()))
            .unwrap_or_else(|| "It would be guessed too easily.".into());
        return Err(format!(
            "This password is too weak. {advice} Add another word or two; uncommon words are better."
        ));
    }
    Ok(())
}

/// argon2id with OWASP parameters, as a PHC string Stalwart stores verbatim (API.md §5.3).
pub fn hash_password(password: &str) -> Result<String, AppError> {
    use argon2::password_hash::{PasswordHasher, SaltString, rand_core::OsRng};
    let params = argon2::Params::new(ARGON2_MEMORY_KIB, ARGON2_ITERATIONS, ARGON2_LANES, None)
        .map_err(AppError::internal)?;
    let hasher = argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params);
    let salt = SaltString::generate(&mut OsRng);
    Ok(hasher
        .hash_password(password.as_bytes(), &salt)
        .map_err(AppError::internal)?
        .to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_argon2id_with_owasp_parameters() {
        let hash = hash_password("correct horse battery staple").unwrap();
        assert!(
            hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{hash}"
        );
    }

    #[test]
    fn weak_and_short_passwords_are_refused_with_advice() {
        assert!(
            check_password_strength("short", &[])
                .unwrap_err()
                .contains("at least 12")
        );
        assert!(
            check_password_strength("password1234", &[])
                .unwrap_err()
                .contains("too weak")
        );
        assert!(check_password_strength("alicealice12", &["alice"]).is_err());
        assert!(check_password_strength("violet-harbour-tangent-47", &[]).is_ok());
    }

    #[test]
    fn receiving_mail_follows_the_permission_kind() {
        assert!(can_receive(&json!({"@type": "Inherit"})));
        assert!(!can_receive(
            &json!({"@type": "Merge", "enabledPermissions": {}, "disabledPermissions": {"emailReceive": true}})
        ));
        assert!(!can_receive(
            &json!({"@type": "Replace", "permissions": {"emailSend": true}})
        ));
        let fixed = with_receive(
            &json!({"@type": "Merge", "enabledPermissions": {}, "disabledPermissions": {"emailReceive": true, "emailSend": true}}),
        );
        assert!(can_receive(&fixed));
        assert_eq!(
            fixed["disabledPermissions"],
            json!({"emailSend": true}),
            "other settings are kept"
        );
    }

    #[test]
    fn quotas_and_local_parts_are_parsed() {
        assert_eq!(parse_quota("2").unwrap(), Some(2 * 1024 * 1024 * 1024));
        assert_eq!(parse_quota("0,5").unwrap(), Some(512 * 1024 * 1024));
        assert_eq!(parse_quota("").unwrap(), None);
        assert!(parse_quota("-1").is_err() && parse_quota("lots").is_err());
        assert!(valid_local_part("first.last").is_ok());
        assert!(
            valid_local_part("First").is_err()
                && valid_local_part(".x").is_err()
                && valid_local_part("a b").is_err()
        );
    }
}
