//! Organisation administration: what the admin pages show, and what their forms carry.

use crate::app_passwords::model::AppPasswordItem;
use crate::components::alert::Notice;
use crate::components::layout::Me;
use crate::error::AppError;
use serde::{Deserialize, Serialize};

/// Mailboxes shown per page.
pub const PAGE_SIZE: u64 = 25;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MailboxRow {
    pub id: String,
    pub address: String,
    /// Managed by the mail server's operator: shown, never changed here.
    pub protected: bool,
    pub display_name: Option<String>,
    pub used_bytes: u64,
    pub quota_bytes: Option<u64>,
    pub aliases: Vec<String>,
    pub groups: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MailboxesView {
    pub me: Me,
    pub domains: Vec<String>,
    pub domain: String,
    pub query: String,
    pub page: u64,
    pub total: u64,
    pub rows: Vec<MailboxRow>,
    pub notice: Option<Notice>,
}

/// The create-mailbox form, as submitted and as put back after a problem.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct NewMailboxForm {
    #[serde(default)]
    pub local_part: String,
    #[serde(default)]
    pub domain: String,
    #[serde(default)]
    pub display_name: String,
    /// Gigabytes, decimal; empty for no limit.
    #[serde(default)]
    pub quota_gb: String,
    /// Addresses, one per line.
    #[serde(default)]
    pub aliases: String,
    #[serde(default)]
    pub password: String,
}

/// Never prints the secret it carries.
impl std::fmt::Debug for NewMailboxForm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NewMailboxForm")
            .field("local_part", &self.local_part)
            .field("domain", &self.domain)
            .field("display_name", &self.display_name)
            .field("quota_gb", &self.quota_gb)
            .field("aliases", &self.aliases)
            .field("password", &"[redacted]")
            .finish()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewMailboxView {
    pub me: Me,
    pub domains: Vec<String>,
    pub passwords_allowed: bool,
    /// Passwords are kept by the organisation's sign-in service (an external directory).
    pub passwords_external: bool,
}

/// What a POST of an admin form produced, when it answers with the page itself.
#[derive(Debug, Clone)]
pub struct AdminFormOutcome {
    pub form: NewMailboxForm,
    pub error: AppError,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MailboxDetail {
    pub me: Me,
    pub row: MailboxRow,
    pub domains: Vec<String>,
    pub passwords_allowed: bool,
    /// Passwords are kept by the organisation's sign-in service (an external directory).
    pub passwords_external: bool,
    pub app_passwords: Vec<AppPasswordItem>,
    /// Its latest sign-ins and failures, as the mail server reported them.
    pub activity: Vec<crate::activity::model::AccountEvent>,
    pub notice: Option<Notice>,
    /// A form of this page kept across a fresh sign-in.
    pub draft: Option<Draft>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupRow {
    pub id: String,
    pub address: String,
    pub display_name: Option<String>,
    pub can_receive: bool,
    /// Managed by the mail server's operator: shown, never changed here.
    pub protected: bool,
    pub members: Vec<Member>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Member {
    pub address: String,
    pub protected: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupsView {
    pub me: Me,
    pub domains: Vec<String>,
    pub groups: Vec<GroupRow>,
    pub notice: Option<Notice>,
    /// A form of this page kept across a fresh sign-in.
    pub draft: Option<Draft>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditRow {
    pub when: String,
    pub actor: String,
    pub action: String,
    pub target: Option<String>,
    pub detail: String,
    pub ip: Option<String>,
    /// "done", "pending" or "failed".
    pub outcome: String,
}

/// Audit events shown per page.
pub const AUDIT_PAGE_SIZE: u64 = 50;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditView {
    pub me: Me,
    /// Every action the portal records, offered as the filter's choices.
    pub actions: Vec<String>,
    pub action: String,
    pub actor: String,
    pub page: u64,
    pub total: u64,
    pub rows: Vec<AuditRow>,
    /// Accounts with a burst of failed sign-ins in the last day.
    pub alerts: Vec<crate::activity::model::FailureAlert>,
}

pub use crate::components::Draft;

#[cfg(feature = "ssr")]
impl crate::routing::Sample for NewMailboxForm {
    fn sample(t: &crate::routing::Target) -> Self {
        NewMailboxForm {
            local_part: "intruder".into(),
            domain: t.domain.clone(),
            display_name: "Intruder".into(),
            quota_gb: "1".into(),
            aliases: String::new(),
            password: "violet-harbour-tangent-47".into(),
        }
    }
}
