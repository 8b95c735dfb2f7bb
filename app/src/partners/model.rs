//! What the partner console shows. Never a secret: API keys and client secrets only say
//! whether one is stored.

use crate::components::alert::Notice;
use crate::components::layout::Me;
use serde::{Deserialize, Serialize};

/// The Partners page: the organisations a partner manages.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PartnersView {
    pub me: Me,
    pub notice: Option<Notice>,
    /// The operator partner sees every organisation.
    pub operator: bool,
    pub organisations: Vec<OrganisationRow>,
    /// The search typed (name, short name or domain), and where the page is in the list.
    pub query: String,
    pub page: u64,
    pub pages: u64,
    pub total: u64,
    /// The mail servers this partner may use, with their last background check.
    pub servers: Vec<ServerRow>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ServerRow {
    pub name: String,
    pub url: String,
    pub ok: bool,
    /// In words: the operator reads what went wrong, a partner its kind.
    pub state: String,
    pub checked: String,
    /// Postern's activity hook on it, in words ("receiving: last delivery …").
    pub activity: String,
    /// Whether the hook delivers (a first signed delivery arrived).
    pub activity_ok: bool,
}

/// Organisations per page of the Partners list.
pub const PAGE_SIZE: u64 = 50;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrganisationRow {
    pub slug: String,
    pub display_name: String,
    /// In words: "Being set up", "Live", "Suspended".
    pub status: String,
    pub live: bool,
    /// Each domain with its state in words ("proven, at the mail server").
    pub domains: Vec<(String, String)>,
    pub mail_server: String,
    pub idp: String,
    pub people: i64,
    pub last_activity: String,
    pub from_config: bool,
    /// A partner itself.
    pub partner: bool,
}

pub use crate::components::Draft;

/// The first step's form, with what was typed and what was wrong with it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct NewOrganisationForm {
    #[serde(default)]
    pub display_name: String,
    #[serde(default)]
    pub slug: String,
    #[serde(default)]
    pub contact_email: String,
    /// A checkbox only the operator is offered: the new organisation is a partner itself.
    #[serde(default)]
    pub partner: Option<String>,
    /// The organisation's default language ("en", "de", "fr"; empty: none). Details only.
    #[serde(default)]
    pub language: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewOrganisationView {
    pub me: Me,
    pub draft: Draft,
    /// The operator may create partners.
    pub operator: bool,
}

/// A check's findings, one line each: what was checked, whether it is fine, and what it says.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Which step it belongs to: "mail-server" or "idp".
    pub step: String,
    pub title: String,
    pub ok: bool,
    pub lines: Vec<ReportLine>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportLine {
    pub label: String,
    pub ok: bool,
    pub text: String,
}

/// One domain in the wizard.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DomainStep {
    pub name: String,
    pub proven: bool,
    pub from_config: bool,
    /// The proof record to publish (while not proven).
    pub record_name: String,
    pub record_value: String,
    pub expires: String,
    pub expired: bool,
    /// What the last lookup showed, in words, and when.
    pub finding: Option<String>,
    pub finding_ok: bool,
    /// "created" / "adopted" at the mail server, in words; `None`: not there yet.
    pub at_mail_server: Option<String>,
    /// For a proven domain not bound yet: whether the server already has it (adopt), if known.
    pub exists_at_server: Option<bool>,
    /// Why a claim ended without a proof, in words.
    pub ended: Option<String>,
    /// For a proven domain: a warning that its MX no longer points at the mail server.
    pub mx: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ServerOption {
    pub name: String,
    pub url: String,
    pub selected: bool,
}

/// The IdP settings form, filled with what is stored (or was typed).
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct IdpForm {
    #[serde(default)]
    pub issuer: String,
    #[serde(default)]
    pub client_id: String,
    /// Never filled in from storage: empty keeps the stored secret.
    #[serde(default)]
    pub client_secret: String,
    #[serde(default)]
    pub scopes: String,
    #[serde(default)]
    pub email_claim: String,
    #[serde(default)]
    pub groups_claim: String,
    #[serde(default)]
    pub admin_group: String,
    #[serde(default)]
    pub login_hint: String,
    /// A checkbox: sign-ins need `email_verified: true` (off only for IdPs that never send
    /// it, such as Entra ID).
    #[serde(default)]
    pub verified_email: Option<String>,
}

/// Never prints the secret it carries.
impl std::fmt::Debug for IdpForm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("IdpForm")
            .field("issuer", &self.issuer)
            .field("client_id", &self.client_id)
            .field("client_secret", &"[redacted]")
            .field("scopes", &self.scopes)
            .field("email_claim", &self.email_claim)
            .field("groups_claim", &self.groups_claim)
            .field("admin_group", &self.admin_group)
            .field("login_hint", &self.login_hint)
            .field("verified_email", &self.verified_email)
            .finish()
    }
}

/// What the last test sign-in showed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TestSignInView {
    pub at: String,
    pub email: String,
    pub name: Option<String>,
    pub groups: Vec<String>,
    /// The address is in one of the organisation's domains (which one).
    pub domain_match: Option<String>,
    pub admin: bool,
    /// Made with the IdP settings as they are now.
    pub current: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActivityRow {
    pub at: String,
    pub actor: String,
    pub action: String,
    pub target: String,
}

/// The onboarding wizard and console of one organisation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConsoleView {
    pub me: Me,
    pub notice: Option<Notice>,
    pub report: Option<Report>,
    pub draft: Draft,
    pub slug: String,
    pub display_name: String,
    pub contact_email: String,
    /// The default language's code, or empty.
    pub default_language: String,
    pub status: String,
    /// Still being set up.
    pub draft_status: bool,
    pub live: bool,
    pub suspended: bool,
    pub from_config: bool,
    pub domains: Vec<DomainStep>,
    pub servers: Vec<ServerOption>,
    pub mail_server: Option<String>,
    pub imap_host: String,
    pub smtp_host: String,
    pub provision: bool,
    /// The server may no longer be changed: a domain exists there for this organisation.
    pub server_locked: bool,
    pub idp: IdpForm,
    pub idp_set: bool,
    pub secret_stored: bool,
    pub redirect_uri: String,
    pub test: Option<TestSignInView>,
    /// What is still missing before the organisation can go live, in words.
    pub missing: Vec<String>,
    pub sign_in_url: String,
    pub imap: String,
    pub smtp: String,
    pub activity: Vec<ActivityRow>,
    /// The DNS step of each domain at the mail server.
    pub dns: Vec<DnsStep>,
    /// The organisation administrators' page of a domain's records (for "I publish myself").
    pub records_page: String,
    /// The TSIG algorithms the mail server signs with.
    pub tsig_algorithms: Vec<String>,
}

/// How a domain's records get into DNS: by hand (no state), or published by the mail server
/// through the DNS server the partner gave.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DnsStep {
    pub domain: String,
    /// Empty (by hand), "checked", "publishing", "published" or "failed".
    pub state: String,
    /// The DNS server and key, in short ("192.0.2.53:53 (UDP), postern-update. hmac-sha256").
    pub server: String,
    pub zone: String,
    /// When the state last changed.
    pub since: String,
    /// What publishing will change (taken when the key was tried).
    pub preview: Option<PreviewView>,
    /// The mail server's task is still writing.
    pub running: bool,
    /// A failed task's cause in words, and the mail server's own words.
    pub failure: Option<String>,
    pub failure_detail: Option<String>,
    /// The mail server could not be asked how publishing goes.
    pub problem: Option<String>,
    /// Each record as DNS shows it (once the task is done), DKIM keys apart.
    pub records: Vec<RecordState>,
    pub dkim: Vec<RecordState>,
    /// Why the mail server does not sign with new keys yet, in its words.
    pub dkim_detail: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordState {
    pub name: String,
    pub kind: String,
    pub ok: bool,
    pub words: String,
}

/// What publishing will do to the zone, side by side.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PreviewView {
    pub zone: String,
    pub added: Vec<ChangeRow>,
    pub replaced: Vec<ChangeRow>,
    /// Record sets already as the mail server would write them.
    pub unchanged: usize,
    /// Mail hosts the domain uses now that publishing removes.
    pub foreign_mx: Vec<String>,
    /// The domain's SPF now, which publishing replaces.
    pub foreign_spf: Option<String>,
    /// Record sets DNS did not answer for ("name TYPE").
    pub unknown: Vec<String>,
}

impl PreviewView {
    /// Publishing would remove someone else's mail routing: the partner ticks to go on.
    pub fn needs_confirmation(&self) -> bool {
        !self.foreign_mx.is_empty() || self.foreign_spf.is_some()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChangeRow {
    pub name: String,
    pub kind: String,
    pub now: Vec<String>,
    pub then: Vec<String>,
}

/// The confirmation page of removing an organisation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RemoveView {
    pub me: Me,
    pub notice: Option<Notice>,
    pub draft: Draft,
    pub slug: String,
    pub display_name: String,
    /// Domains that exist at the mail server for it (may be deleted there too).
    pub at_mail_server: Vec<String>,
    pub mail_server: Option<String>,
    /// Domains whose records the mail server publishes, with their zones: removed from the
    /// zones too when the domains are deleted at the mail server.
    pub publishing: Vec<(String, String)>,
}

/// The page a one-time test link opens.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TestLinkView {
    pub organisation: String,
    pub token: String,
}

#[cfg(feature = "ssr")]
impl crate::routing::Sample for NewOrganisationForm {
    fn sample(t: &crate::routing::Target) -> Self {
        NewOrganisationForm {
            display_name: "Intruder Org".into(),
            slug: "intruder".into(),
            contact_email: t.address.clone(),
            partner: None,
            language: "de".into(),
        }
    }
}

#[cfg(feature = "ssr")]
impl crate::routing::Sample for IdpForm {
    fn sample(t: &crate::routing::Target) -> Self {
        IdpForm {
            issuer: format!("https://idp.{}", t.domain),
            client_id: "intruder".into(),
            client_secret: "intruder-secret".into(),
            scopes: "openid email profile".into(),
            email_claim: "email".into(),
            groups_claim: "groups".into(),
            admin_group: "admins".into(),
            login_hint: String::new(),
            verified_email: Some("on".into()),
        }
    }
}
