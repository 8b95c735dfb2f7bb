//! What the organisation page shows. Never a secret: only whether one is set and where it
//! is kept.

use crate::components::layout::Me;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrganisationView {
    pub me: Me,
    pub display_name: String,
    pub slug: String,
    /// Declared in postern.toml: read-only in the portal.
    pub from_config: bool,
    pub domains: Vec<String>,
    pub mail_server: String,
    pub imap: String,
    pub smtp: String,
    pub idp: IdpView,
    pub policies: Vec<(String, String)>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IdpView {
    pub issuer: String,
    pub client_id: String,
    /// Where the client secret is kept, in words.
    pub secret: String,
    pub scopes: String,
    pub email_claim: String,
    pub groups_claim: String,
    pub admin_group: Option<String>,
    pub login_hint: String,
}

/// The directory sync page: how the organisation's IdP tells Postern that people are gone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SyncView {
    pub me: Me,
    pub notice: Option<crate::components::alert::Notice>,
    /// The reconciler's API in words, or `None` when none is set up.
    pub reconciler: Option<String>,
    pub last_run: Option<RunView>,
    pub scim_endpoint: String,
    /// When the SCIM token was made and last used, if there is one.
    pub scim_token: Option<(String, Option<String>)>,
    pub backchannel_logout_uri: String,
    pub departures: Vec<DepartureView>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RunView {
    pub last_run: Option<String>,
    pub last_ok: Option<String>,
    pub checked: i64,
    pub departed: i64,
    pub unknown: i64,
    pub failures: i64,
    pub error: Option<String>,
    /// Failing for as many runs as the alert waits for.
    pub alert: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DepartureView {
    pub email: String,
    pub noticed: String,
    /// Who told: SCIM, directory sync.
    pub source: String,
    pub reason: String,
    /// What became of their credentials, in words.
    pub outcome: String,
    pub done: bool,
}

/// A SCIM token just made: shown on this one answer, never again.
#[derive(Debug, Clone, PartialEq)]
pub struct NewScimToken(pub String);
