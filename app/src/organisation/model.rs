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
