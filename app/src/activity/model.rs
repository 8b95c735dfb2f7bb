//! Activity as the pages show it.

use serde::{Deserialize, Serialize};

/// One sign-in (or attempt) reported by the mail server.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SignIn {
    pub when: String,
    /// How: IMAP, SMTP, the web… (from the mail server's listener).
    pub protocol: String,
    pub ip: Option<String>,
}

/// What is known of one app password's use.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CredentialUse {
    pub last_used: Option<SignIn>,
    /// Failed sign-ins with it in the last [`FAILURE_WINDOW_DAYS`] days.
    pub failures: u32,
    pub last_failure: Option<SignIn>,
    /// Older than [`UNUSED_AFTER_DAYS`] days and not used in that time.
    pub unused: bool,
}

pub const FAILURE_WINDOW_DAYS: i64 = 30;
pub const UNUSED_AFTER_DAYS: i64 = 90;

/// One event of an account, for its administrator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AccountEvent {
    pub when: String,
    /// What happened, in words.
    pub what: String,
    pub failed: bool,
    pub protocol: String,
    pub ip: Option<String>,
    /// The app password's name, or "account password".
    pub credential: String,
}

/// How many of an account's latest events its page shows.
pub const ACCOUNT_EVENTS_SHOWN: i64 = 20;

/// An account with a burst of failed sign-ins, for the organisation's administrators.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FailureAlert {
    pub account_id: String,
    pub address: String,
    pub failures: u32,
    pub last: String,
}

/// A burst: this many failed sign-ins of one account in [`ALERT_WINDOW_HOURS`].
pub const ALERT_AT_FAILURES: i64 = 5;
pub const ALERT_WINDOW_HOURS: i64 = 24;
