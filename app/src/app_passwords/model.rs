//! App passwords: what the pages show, and the data their forms carry.

use crate::activity::model::CredentialUse;
use crate::components::alert::Notice;
use crate::components::layout::Me;
use crate::error::AppError;
use serde::{Deserialize, Serialize};

/// One app password as listed. The secret is never part of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AppPasswordItem {
    pub id: String,
    pub name: String,
    pub created: String,
    pub expires: Option<String>,
    pub expired: bool,
    /// Networks it may be used from; empty means any.
    pub networks: Vec<String>,
    pub scope: Scope,
    /// When and how it was last used, as the mail server reported; `None` while its
    /// reports are not coming in (yet).
    pub usage: Option<CredentialUse>,
}

/// What an app password may be used for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Scope {
    /// Reading (IMAP, POP3) and sending (SMTP) mail.
    Mail,
    /// Mail, plus calendars and contacts (CalDAV, CardDAV).
    MailDav,
    /// Whatever the account may do: made before Postern restricted every password, or
    /// outside Postern.
    Everything,
}

/// An API key of the account (for programs); listed so that it can be revoked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ApiKeyItem {
    pub id: String,
    pub name: String,
    pub created: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActivityItem {
    pub when: String,
    pub what: String,
    pub name: Option<String>,
    pub ip: Option<String>,
    pub device: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ListState {
    Ready(Vec<AppPasswordItem>),
    /// The user has no mailbox, so there is nothing to create passwords for.
    NoMailbox,
    /// Stalwart could not be asked; the message says why and what to do.
    Unavailable(String),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AppPasswordsView {
    pub me: Me,
    pub list: ListState,
    /// The account's API keys (empty when the list could not be read).
    pub api_keys: Vec<ApiKeyItem>,
    pub activity: Vec<ActivityItem>,
    /// A one-shot confirmation or problem from the previous action.
    pub notice: Option<Notice>,
}

/// The create form's fields, as submitted (and as put back after a problem).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct NewAppPasswordForm {
    /// Random per rendered form: a resubmission refers to the same attempt.
    #[serde(default)]
    pub request_id: String,
    #[serde(default)]
    pub name: String,
    /// "never" or a number of days.
    #[serde(default)]
    pub expiry: String,
    /// CIDR ranges, one per line (or separated by commas or spaces).
    #[serde(default)]
    pub networks: String,
    /// "mail" (the default when empty) or "mail_dav".
    #[serde(default)]
    pub scope: String,
}

/// How to set up a mail app, for this organisation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MailSetup {
    pub username: String,
    pub imap_host: String,
    pub imap_port: u16,
    pub imap_security: String,
    pub smtp_host: String,
    pub smtp_port: u16,
    pub smtp_security: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewFormView {
    pub me: Me,
    pub form: NewAppPasswordForm,
    pub setup: MailSetup,
    /// The user just signed in again to be allowed to create one.
    pub reauthenticated: bool,
    pub has_mailbox: bool,
}

/// A freshly created app password, shown once in the response to the form.
#[derive(Clone, PartialEq)]
pub struct Minted {
    pub name: String,
    pub secret: String,
    pub setup: MailSetup,
}

impl std::fmt::Debug for Minted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Minted")
            .field("name", &self.name)
            .finish_non_exhaustive()
    }
}

/// What a POST of the create form produced; provided as context when the page is rendered
/// as the answer to that POST.
#[derive(Clone, Debug)]
pub enum CreateOutcome {
    Minted(Minted),
    /// The form comes back with its values and what to fix or why it failed.
    Rejected {
        form: NewAppPasswordForm,
        error: AppError,
    },
}

#[cfg(feature = "ssr")]
impl crate::routing::Sample for NewAppPasswordForm {
    fn sample(_: &crate::routing::Target) -> Self {
        NewAppPasswordForm {
            request_id: "abcdefghijklmnopqrstuvwx".into(),
            name: "Intruder phone".into(),
            expiry: "never".into(),
            networks: String::new(),
            scope: "mail".into(),
        }
    }
}
