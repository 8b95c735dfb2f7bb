//! Who is signed in, and their mailbox.

use serde::{Deserialize, Serialize};

/// The signed-in person, as every page header shows them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Me {
    pub name: Option<String>,
    pub email: String,
    pub tenant_name: String,
    pub is_admin: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mailbox {
    pub address: String,
    pub display_name: Option<String>,
    pub used_bytes: u64,
    pub quota_bytes: Option<u64>,
    pub aliases: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum MailboxStatus {
    Found(Mailbox),
    /// Stalwart has no account for the user's address.
    Missing,
    /// Stalwart could not be asked; the message says why and what to do.
    Unavailable(String),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AccountOverview {
    pub me: Me,
    pub mailbox: MailboxStatus,
}
