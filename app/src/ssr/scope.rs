//! What an organisation admin may reach at the shared Stalwart server. Stalwart's community edition
//! does not separate organisations (API.md §10), so Postern does: an admin's scope is the organisation's
//! domains that exist at Stalwart, and an account is theirs only if its domain is one of them.

use super::stalwart::StalwartClient;
use super::stalwart::model::Account;
use super::state::Caller;
use crate::error::{AppError, text};

pub struct AdminScope {
    pub caller: Caller,
    /// The organisation's domains that exist at Stalwart: (name, id).
    domains: Vec<(String, String)>,
    /// The account Postern's API key belongs to on the organisation's server.
    portal_account: String,
}

impl AdminScope {
    /// The signed-in admin's scope; `Forbidden` for anyone else.
    pub async fn for_caller(caller: Caller) -> Result<Self, AppError> {
        caller.require_admin()?;
        let stalwart = &caller.organisation.stalwart;
        let mut domains = Vec::new();
        for name in &caller.organisation.domains {
            match stalwart.domain_id(name).await {
                Ok(Some(id)) => domains.push((name.clone(), id)),
                Ok(None) => {
                    tracing::warn!(domain = %name, "organisation domain is missing at Stalwart")
                }
                Err(e) => return Err(e.user_error(text::REACH_MAIL_SERVER)),
            }
        }
        let portal_account = stalwart
            .own_account_id()
            .await
            .map_err(|e| e.user_error(text::REACH_MAIL_SERVER))?
            .to_owned();
        Ok(Self {
            caller,
            domains,
            portal_account,
        })
    }

    pub fn stalwart(&self) -> &StalwartClient {
        &self.caller.organisation.stalwart
    }

    /// The organisation's domains that exist at the mail server, as (name, id).
    pub fn domains(&self) -> &[(String, String)] {
        &self.domains
    }

    pub fn domain_names(&self) -> Vec<String> {
        self.domains.iter().map(|(n, _)| n.clone()).collect()
    }

    /// The Stalwart id of one of the organisation's domains.
    pub fn domain_id(&self, name: &str) -> Option<&str> {
        self.domains
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, id)| id.as_str())
    }

    pub fn domain_name(&self, id: &str) -> Option<&str> {
        self.domains
            .iter()
            .find(|(_, i)| i == id)
            .map(|(n, _)| n.as_str())
    }

    /// A domain name to show in examples ("name@example.com").
    pub fn example_domain(&self) -> &str {
        self.domains
            .first()
            .map(|(n, _)| n.as_str())
            .unwrap_or("example.com")
    }

    /// Whether an account lives in one of the organisation's domains.
    pub fn owns(&self, account: &Account) -> bool {
        self.domain_name(&account.domain_id).is_some()
    }

    /// `name@domain` of one of the organisation's accounts.
    pub fn address(&self, account: &Account) -> String {
        format!(
            "{}@{}",
            account.local_part,
            self.domain_name(&account.domain_id).unwrap_or("?")
        )
    }

    /// The account Postern itself acts as on this server.
    pub fn portal_account(&self) -> &str {
        &self.portal_account
    }
}
