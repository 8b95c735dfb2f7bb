//! The shape of the configuration file, with its defaults.

use super::sections::{ActivitySettings, NotifySettings, lenient_secret};
use secrecy::SecretString;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use url::Url;

#[derive(Debug, thiserror::Error)]
#[error("{key}: {problem}")]
pub struct ConfigError {
    pub key: String,
    pub problem: String,
}

impl ConfigError {
    pub fn new(key: impl Into<String>, problem: impl Into<String>) -> Self {
        Self {
            key: key.into(),
            problem: problem.into(),
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    pub server: ServerSettings,
    #[serde(default)]
    pub stalwart: BTreeMap<String, StalwartSettings>,
    #[serde(default)]
    pub organisations: BTreeMap<String, OrganisationSettings>,
    #[serde(default)]
    pub dns: DnsSettings,
    #[serde(default)]
    pub limits: LimitSettings,
    #[serde(default)]
    pub outbound: OutboundSettings,
    #[serde(default)]
    pub partners: PartnerSettings,
    #[serde(default)]
    pub activity: ActivitySettings,
}

/// What one partner may have at once (`[partners]`): claims nobody has proven yet, mail
/// servers it added, one-time links made in a day.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct PartnerSettings {
    pub pending_claims: u32,
    pub added_servers: u32,
    pub test_links_per_day: u32,
}

impl Default for PartnerSettings {
    fn default() -> Self {
        Self {
            pending_claims: 50,
            added_servers: 10,
            test_links_per_day: 20,
        }
    }
}

/// Where Postern connects on behalf of partners and IdPs (`[outbound]`): URLs that partners
/// type and URLs that discovery documents name reach only public addresses, unless the
/// operator allows a network here. Answers from outside are read up to a size.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct OutboundSettings {
    /// Networks partner-supplied URLs may reach although they are private or local.
    #[serde(deserialize_with = "networks")]
    pub allow: Vec<ipnet::IpNet>,
    /// The largest discovery document or key set read from an IdP (and token response).
    pub idp_response_bytes: usize,
    /// The largest answer read from a Stalwart server's JMAP endpoint.
    pub stalwart_response_bytes: usize,
    /// The largest answer of Stalwart's other endpoints (session object, `/api/account`).
    pub stalwart_small_response_bytes: usize,
}

impl Default for OutboundSettings {
    fn default() -> Self {
        Self {
            allow: Vec::new(),
            idp_response_bytes: 256 * 1024,
            stalwart_response_bytes: 16 * 1024 * 1024,
            stalwart_small_response_bytes: 256 * 1024,
        }
    }
}

/// How often something may happen: at most `max` times in `per_secs` seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Limit {
    pub max: u32,
    pub per_secs: u64,
}

impl Limit {
    const fn new(max: u32, per_secs: u64) -> Self {
        Self { max, per_secs }
    }
}

/// Limits on floods (`[limits]`), each `{ max = N, per_secs = S }`.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct LimitSettings {
    /// Sign-ins started or finished from one IPv4 address or IPv6 /64.
    pub sign_in_per_address: Limit,
    /// The same from one IPv6 /48.
    pub sign_in_per_network: Limit,
    /// Sign-ins started for one e-mail address.
    pub sign_in_per_email: Limit,
    /// App passwords one person creates.
    pub mints_per_person: Limit,
    /// App passwords created in one organisation.
    pub mints_per_organisation: Limit,
    /// Changes one admin makes.
    pub admin_writes_per_admin: Limit,
}

impl Default for LimitSettings {
    fn default() -> Self {
        Self {
            sign_in_per_address: Limit::new(60, 60),
            sign_in_per_network: Limit::new(300, 60),
            sign_in_per_email: Limit::new(10, 60),
            mints_per_person: Limit::new(20, 3600),
            mints_per_organisation: Limit::new(500, 3600),
            admin_writes_per_admin: Limit::new(120, 60),
        }
    }
}

/// How Postern checks published DNS records.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DnsSettings {
    /// Resolvers as "ip:port"; empty means the system's (/etc/resolv.conf).
    #[serde(default)]
    pub nameservers: Vec<String>,
    #[serde(default = "default_dns_timeout_ms")]
    pub timeout_ms: u64,
    /// How often pending domain proofs are looked up again in the background (seconds).
    #[serde(default = "default_proof_recheck_secs")]
    pub proof_recheck_secs: u64,
    /// How often the MX of domains proven in the portal is looked at again (seconds).
    #[serde(default = "default_mx_recheck_secs")]
    pub mx_recheck_secs: u64,
}

impl Default for DnsSettings {
    fn default() -> Self {
        Self {
            nameservers: Vec::new(),
            timeout_ms: default_dns_timeout_ms(),
            proof_recheck_secs: default_proof_recheck_secs(),
            mx_recheck_secs: default_mx_recheck_secs(),
        }
    }
}

fn default_dns_timeout_ms() -> u64 {
    2_000
}

fn default_health_check_secs() -> u64 {
    30
}

fn default_shutdown_grace_secs() -> u64 {
    20
}

fn default_mx_recheck_secs() -> u64 {
    6 * 3600
}

fn default_proof_recheck_secs() -> u64 {
    300
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServerSettings {
    #[serde(default = "default_listen")]
    pub listen: SocketAddr,
    /// The URL users type; the OIDC redirect URIs and cookie security derive from it.
    pub public_url: Url,
    #[serde(default = "default_database_url")]
    pub database_url: String,
    #[serde(default)]
    pub log_format: LogFormat,
    /// Reverse proxies (addresses or networks) allowed to say, in `X-Forwarded-For`, which
    /// client they forward for. Empty: the TCP peer is the client.
    #[serde(default, deserialize_with = "networks")]
    pub trusted_proxies: Vec<ipnet::IpNet>,
    /// How often every mail server is probed in the background (seconds).
    #[serde(default = "default_health_check_secs")]
    pub health_check_secs: u64,
    /// On SIGTERM: how long requests under way may take to finish, and then background runs
    /// (seconds). Keep it below the orchestrator's own grace (Kubernetes: 30).
    #[serde(default = "default_shutdown_grace_secs")]
    pub shutdown_grace_secs: u64,
    /// Where Prometheus scrapes `/metrics` (a listener of its own, e.g. `0.0.0.0:9090` inside
    /// a pod; keep it off the public network). Unset: no metrics are kept.
    pub metrics_listen: Option<std::net::SocketAddr>,
    /// The key that seals secrets stored in the database (`POSTERN_SECRETS_KEY` wins).
    pub secrets_key_file: Option<PathBuf>,
    /// The key being rotated away from (`POSTERN_SECRETS_PREVIOUS_KEY` wins).
    pub secrets_previous_key_file: Option<PathBuf>,
}

#[derive(Debug, Default, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    #[default]
    Text,
    Json,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StalwartSettings {
    pub url: Url,
    #[serde(default, deserialize_with = "lenient_secret")]
    pub api_key: Option<SecretString>,
    pub api_key_file: Option<PathBuf>,
    #[serde(default = "default_stalwart_timeout_ms")]
    pub timeout_ms: u64,
    /// The partner organisation (a `[organisations.<slug>]` with `partner = true`) whose
    /// organisations may be put on this server. The operator partner may use every server.
    pub managed_by: Option<String>,
    /// The account notification e-mails ("a new app password was created") are sent as,
    /// by SMTP submission to this server; none are sent without it.
    pub notify: Option<NotifySettings>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrganisationSettings {
    pub display_name: String,
    pub domains: Vec<String>,
    /// Key of the `[stalwart.<key>]` server this organisation's mailboxes live on.
    pub stalwart: String,
    /// A partner: its admins onboard and manage organisations of their own in the portal.
    #[serde(default)]
    pub partner: bool,
    /// The operator partner: its admins manage every organisation and may create partners.
    #[serde(default)]
    pub operator: bool,
    pub oidc: OidcSettings,
    pub mail: MailSettings,
    /// How recent the IdP sign-in must be to create an app password (seconds).
    #[serde(default = "default_fresh_auth_secs")]
    pub fresh_auth_max_age_secs: u64,
    /// Whether admins may give a mailbox a password of its own. For organisations whose users sign
    /// in only through the IdP the default is no: people use app passwords.
    #[serde(default)]
    pub mailbox_passwords: MailboxPasswords,
    /// Create a user's mailbox when they first sign in and have none.
    #[serde(default)]
    pub provision_mailboxes: bool,
    /// Refuse sign-ins whose ID token does not say `email_verified: true`. Turn off only for
    /// an IdP that never sends the claim (e.g. Entra ID) and vouches for addresses itself.
    #[serde(default = "yes")]
    pub require_verified_email: bool,
    /// A signed-in session ends this long after sign-in, whatever happens (seconds).
    #[serde(default = "default_session_lifetime_secs")]
    pub session_lifetime_secs: u64,
    /// … or after this long without a request (seconds).
    #[serde(default = "default_session_idle_secs")]
    pub session_idle_secs: u64,
    /// How long an admin's admin status is trusted before the IdP is asked again (seconds).
    #[serde(default = "default_admin_recheck_secs")]
    pub admin_recheck_secs: u64,
    /// The language for people whose browser asks for none Postern speaks ("en", "de",
    /// "fr"); unset means English. A person's own choice always wins.
    #[serde(default)]
    pub default_language: Option<crate::i18n::Locale>,
    /// Directory sync: how Postern learns that a person was disabled or deleted at the IdP.
    pub sync: Option<SyncSettings>,
}

/// Which IdP API the reconciler asks whether a person still exists and is enabled.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum SyncKind {
    /// Keycloak's admin REST API, with a service-account client holding `view-users`.
    Keycloak,
    /// Authentik's API (`/api/v3/core/users/`), with an API token.
    Authentik,
    /// Zitadel's user API v2, with a service user's personal access token.
    Zitadel,
    /// Microsoft Graph (`accountEnabled`), with an app registration holding `User.Read.All`.
    Graph,
    /// No reconciler: the IdP pushes over SCIM only.
    Scim,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SyncSettings {
    pub kind: SyncKind,
    /// The API's base URL. Keycloak: the server (`https://sso.example.org`, the realm is taken
    /// from the issuer); Authentik: `https://authentik.example.org`; Zitadel: the issuer by
    /// default; Graph: `https://graph.microsoft.com` by default.
    pub api_url: Option<Url>,
    /// The client-credentials token endpoint (Keycloak: the realm's, from the issuer, by
    /// default; Graph: `https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token`).
    pub token_url: Option<Url>,
    /// Keycloak and Graph: the client (application) id; its secret below.
    pub client_id: Option<String>,
    #[serde(default, deserialize_with = "lenient_secret")]
    pub client_secret: Option<SecretString>,
    pub client_secret_file: Option<PathBuf>,
    /// Authentik and Zitadel: the API token.
    #[serde(default, deserialize_with = "lenient_secret")]
    pub api_token: Option<SecretString>,
    pub api_token_file: Option<PathBuf>,
    /// Graph: the Entra tenant id (for the default token URL).
    pub tenant: Option<String>,
    /// Keycloak: the realm (by default, from the issuer `…/realms/<realm>`).
    pub realm: Option<String>,
    /// The ID-token claim that holds the person's id in the API: `sub` (Keycloak, Zitadel,
    /// Authentik's default subject mode), `oid` for Entra ID (its `sub` is per application).
    #[serde(default = "default_id_claim")]
    pub id_claim: String,
    /// How often the reconciler asks (seconds; each run is jittered by up to a tenth).
    #[serde(default = "default_sync_interval_secs")]
    pub interval_secs: u64,
    /// Runs in a row that could not reach the API before the admins are alerted.
    #[serde(default = "default_alert_after_failures")]
    pub alert_after_failures: u32,
    /// The most requests a second sent to the API.
    #[serde(default = "default_sync_requests_per_second")]
    pub requests_per_second: u32,
}

fn default_id_claim() -> String {
    "sub".into()
}
fn default_sync_interval_secs() -> u64 {
    15 * 60
}
fn default_alert_after_failures() -> u32 {
    3
}
fn default_sync_requests_per_second() -> u32 {
    10
}

/// What Postern sends as `login_hint` to the IdP.
#[derive(Debug, Default, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum LoginHint {
    /// The e-mail address typed on the start page.
    #[default]
    Email,
    /// Nothing: the IdP asks for the user name itself.
    None,
    /// The part before the @, for IdPs that key people by a user name.
    LocalPart,
}

#[derive(Debug, Default, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum MailboxPasswords {
    #[default]
    None,
    Optional,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OidcSettings {
    pub issuer: String,
    pub client_id: String,
    #[serde(default, deserialize_with = "lenient_secret")]
    pub client_secret: Option<SecretString>,
    pub client_secret_file: Option<PathBuf>,
    #[serde(default = "default_scopes")]
    pub scopes: Vec<String>,
    /// The ID-token claim that holds the user's mailbox address.
    #[serde(default = "default_email_claim")]
    pub email_claim: String,
    #[serde(default = "default_groups_claim")]
    pub groups_claim: String,
    /// Members of this group are organisation admins. No group: nobody is.
    pub admin_group: Option<String>,
    #[serde(default)]
    pub login_hint: LoginHint,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MailSettings {
    pub imap_host: String,
    #[serde(default = "default_imap_port")]
    pub imap_port: u16,
    pub smtp_host: String,
    #[serde(default = "default_smtp_port")]
    pub smtp_port: u16,
}

fn yes() -> bool {
    true
}
fn default_session_lifetime_secs() -> u64 {
    12 * 3600
}
fn default_session_idle_secs() -> u64 {
    30 * 60
}
fn default_admin_recheck_secs() -> u64 {
    15 * 60
}
fn default_listen() -> SocketAddr {
    "127.0.0.1:3000".parse().expect("valid literal")
}
fn default_database_url() -> String {
    "sqlite://postern.db?mode=rwc".into()
}
fn default_stalwart_timeout_ms() -> u64 {
    10_000
}
fn default_fresh_auth_secs() -> u64 {
    600
}
fn default_scopes() -> Vec<String> {
    vec!["openid".into(), "email".into(), "profile".into()]
}
fn default_email_claim() -> String {
    "email".into()
}
fn default_groups_claim() -> String {
    "groups".into()
}
fn default_imap_port() -> u16 {
    993
}
fn default_smtp_port() -> u16 {
    465
}

/// Addresses (`10.0.0.1`, `::1`) or networks (`10.0.0.0/8`).
fn networks<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<ipnet::IpNet>, D::Error> {
    let list = Vec::<String>::deserialize(d)?;
    list.iter()
        .map(|entry| {
            crate::ssr::client_ip::parse_ip_or_network(entry).ok_or_else(|| {
                serde::de::Error::custom(format!(
                    "\"{}\" is not an IP address or network (like 10.0.0.0/8)",
                    entry.trim()
                ))
            })
        })
        .collect()
}
