//! Who is signed in, and their mailbox.

pub use crate::components::layout::Me;
use serde::{Deserialize, Serialize};

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
