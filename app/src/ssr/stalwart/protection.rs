//! Accounts Postern never acts on. Real deployments keep the mail server's own administrators,
//! and the account behind Postern's API key, inside the organisations' domains; and every
//! organisation controls its IdP, so it can vouch for any of those addresses. Whatever the
//! area (a person's own pages, an organisation admin, a partner), an account that grants rights on
//! the server is shown at most, never signed into, read for credentials, changed or deleted.

use super::client::{ACCOUNT_ID_TTL, StalwartClient};
use super::error::StalwartError;
use super::jmap::{Batch, GetResponse};
use super::model::Account;
use super::standing::{Freshness, Protection, Standing};
use serde_json::json;
use std::time::Instant;

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
