//! The directory's tables: organisations, their mail domains, identity providers and mail
//! servers, domain claims and proofs (migrations 0005–0007); the logic that uses them is
//! `ssr::directory`. Every change raises `directory_version` in the same transaction, which
//! is how the other instances learn that their cache is stale.

mod claims;
mod onboarding;
mod partners_list;
mod read;
mod rows;
mod write;

pub use claims::*;
pub use onboarding::*;
pub use partners_list::*;
pub use read::*;
pub use rows::{login_hint_str, mailbox_passwords_str};
pub use write::*;

use crate::ssr::config::{LoginHint, MailboxPasswords};
use crate::ssr::secrets::Sealed;

/// Where an organisation stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Being onboarded: nobody signs in yet.
    Draft,
    Active,
    /// Sign-ins refused, sessions ended; its history is kept.
    Suspended,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Active => "active",
            Status::Suspended => "suspended",
        }
    }

    fn parse(s: &str) -> Self {
        match s {
            "active" => Status::Active,
            "draft" => Status::Draft,
            // Anything unknown is treated as the safe state.
            _ => Status::Suspended,
        }
    }
}

/// Why an organisation was suspended (`organisations.status_reason`).
pub mod reason {
    /// Its `[organisations.<slug>]` entry was removed from postern.toml.
    pub const CONFIG_REMOVED: &str = "config_removed";
    /// An operator command, or the operator in the portal.
    pub const OPERATOR: &str = "operator";
    /// The partner that manages the organisation.
    pub const PARTNER: &str = "partner";
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MailSettingsRecord {
    pub imap_host: String,
    pub imap_port: u16,
    pub smtp_host: String,
    pub smtp_port: u16,
}

/// The per-organisation policies (see `OrganisationSettings` for what each means).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Policies {
    pub fresh_auth_max_age_secs: u64,
    pub mailbox_passwords: MailboxPasswords,
    pub provision_mailboxes: bool,
    pub require_verified_email: bool,
    pub session_lifetime_secs: u64,
    pub session_idle_secs: u64,
    pub admin_recheck_secs: u64,
    /// The organisation's default language (see `ssr::organisations::Organisation`).
    pub default_locale: Option<crate::i18n::Locale>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrganisationRecord {
    pub slug: String,
    pub display_name: String,
    pub status: Status,
    pub status_reason: Option<String>,
    pub managed_by: Option<String>,
    pub partner: bool,
    /// The operator partner: manages every organisation, may create partners.
    pub operator: bool,
    pub mail_server: Option<String>,
    pub mail: MailSettingsRecord,
    pub policies: Policies,
    pub from_config: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DomainRecord {
    pub name: String,
    pub organisation: String,
    /// Only verified domains route sign-ins.
    pub verified: bool,
    pub from_config: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdentityProviderRecord {
    pub organisation: String,
    pub issuer: String,
    pub client_id: String,
    /// `None`: the secret is written in postern.toml.
    pub client_secret: Option<Sealed>,
    pub scopes: Vec<String>,
    pub email_claim: String,
    pub groups_claim: String,
    pub admin_group: Option<String>,
    pub login_hint: LoginHint,
    pub revision: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MailServerRecord {
    pub name: String,
    pub url: String,
    /// `None`: the key is written in postern.toml.
    pub api_key: Option<Sealed>,
    pub timeout_ms: u64,
    pub managed_by: Option<String>,
    pub from_config: bool,
    pub revision: i64,
}

/// Where a sealed secret lives and where it is sent: the additional data it is sealed with.
/// A value moved to another row, or a row pointed at another URL, does not open.
pub fn api_key_binding(server: &str, url: &str) -> String {
    format!("mail_servers.api_key:v2:{server}:{url}")
}

pub fn client_secret_binding(organisation: &str, issuer: &str, client_id: &str) -> String {
    format!("identity_providers.client_secret:v2:{organisation}:{issuer}:{client_id}")
}

/// The bindings of sealing version 1 (the row only), for the one-time upgrade.
pub mod legacy {
    pub fn api_key_binding(server: &str) -> String {
        format!("mail_servers.api_key:{server}")
    }

    pub fn client_secret_binding(organisation: &str) -> String {
        format!("identity_providers.client_secret:{organisation}")
    }
}

/// Everything in the directory, as one consistent read.
#[derive(Debug, Default)]
pub struct Everything {
    pub version: i64,
    pub organisations: Vec<OrganisationRecord>,
    pub domains: Vec<DomainRecord>,
    pub identity_providers: Vec<IdentityProviderRecord>,
    pub mail_servers: Vec<MailServerRecord>,
}
