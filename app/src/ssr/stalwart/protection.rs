//! Accounts Postern never acts on. Real deployments keep the mail server's own administrators,
//! and the account behind Postern's API key, inside the organisations' domains; and every
//! organisation controls its IdP, so it can vouch for any of those addresses. Whatever the
//! area (a person's own pages, a tenant admin, a partner), an account that grants rights on
//! the server is shown at most, never signed into, read for credentials, changed or deleted.

use super::client::{ACCOUNT_ID_TTL, StalwartClient};
use super::error::StalwartError;
use super::jmap::{Batch, GetResponse};
use super::model::Account;
use serde_json::json;
use std::time::Instant;

/// Why an account is outside what Postern may act on.
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
    /// The reason as the audit log records it.
    pub fn audit_reason(self) -> &'static str {
        match self {
            Protection::ServerRole => "server_role",
            Protection::ManagementPermissions => "management_permissions",
            Protection::PortalCredentials => "portal_credentials",
        }
    }
}

impl Account {
    /// Whether (and why) Postern must not act on this account; `portal_account` is the owner
    /// of the API key Postern uses on the account's server.
    pub fn protection(&self, portal_account: &str) -> Option<Protection> {
        if self.id == portal_account {
            Some(Protection::PortalCredentials)
        } else if !self.has_plain_role() {
            Some(Protection::ServerRole)
        } else if !self.management_permissions().is_empty() {
            Some(Protection::ManagementPermissions)
        } else {
            None
        }
    }
}

/// The properties that decide protection.
const PROPERTIES: &[&str] = &["name", "domainId", "@type", "roles", "permissions"];

/// How recent the server's answer must be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Freshness {
    /// A few minutes old at most: for showing things.
    Recent,
    /// Asked now: before a change.
    Now,
}

impl StalwartClient {
    /// Whether (and why) Postern must not act on the account with this id. A missing account
    /// is not protected (there is nothing to act on; the caller finds that out itself).
    pub async fn protection(
        &self,
        id: &str,
        freshness: Freshness,
    ) -> Result<Option<Protection>, StalwartError> {
        if freshness == Freshness::Recent
            && let Some((protection, at)) = self.protections.read().expect("lock").get(id)
            && at.elapsed() < ACCOUNT_ID_TTL
        {
            return Ok(*protection);
        }
        let portal_account = self.own_account_id().await?.to_owned();
        let mut batch = Batch::new();
        let get = batch.call(
            "x:Account/get",
            json!({ "ids": [id], "properties": PROPERTIES }),
        );
        let found: GetResponse<Account> = self.transport.send(&batch).await?.take(get)?;
        let protection = found
            .list
            .first()
            .and_then(|a| a.protection(&portal_account));
        self.protections
            .write()
            .expect("lock")
            .insert(id.to_owned(), (protection, Instant::now()));
        Ok(protection)
    }
}
