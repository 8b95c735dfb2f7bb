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

/// Whether Postern may act on an account, as the mail server says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    Usable,
    Protected(Protection),
    /// No such account (any more): a cached id went stale.
    Gone,
}

impl StalwartClient {
    /// Whether Postern may act on the account with this id: usable, protected (and why), or
    /// gone.
    pub async fn standing(
        &self,
        id: &str,
        freshness: Freshness,
    ) -> Result<Standing, StalwartError> {
        if freshness == Freshness::Recent
            && let Some((standing, at)) = self.standings.read().expect("lock").get(id)
            && at.elapsed() < ACCOUNT_ID_TTL
        {
            return Ok(*standing);
        }
        let portal_account = self.own_account_id().await?.to_owned();
        let mut batch = Batch::new();
        let get = batch.call(
            "x:Account/get",
            json!({ "ids": [id], "properties": PROPERTIES }),
        );
        let found: GetResponse<Account> = self.transport.send(&batch).await?.take(get)?;
        let standing = match found.list.first() {
            None => Standing::Gone,
            Some(a) => a
                .protection(&portal_account)
                .map_or(Standing::Usable, Standing::Protected),
        };
        self.standings
            .write()
            .expect("lock")
            .insert(id.to_owned(), (standing, Instant::now()));
        Ok(standing)
    }

    /// Drops what is cached of an account (it was deleted, or a cached id went stale).
    pub fn forget_account(&self, id: &str) {
        self.standings.write().expect("lock").remove(id);
        self.account_ids
            .write()
            .expect("lock")
            .retain(|_, (cached, _)| cached != id);
    }
}
