//! Settings: one TOML file plus `POSTERN_<SECTION>__<KEY>` environment overrides.
//!
//! Everything is validated at boot. A problem is reported as one line naming the key, e.g.
//! `tenants.acme.oidc.issuer: not a URL: relative URL without a base`, never as a panic.

use secrecy::SecretString;
use serde::{Deserialize, Deserializer};
use std::collections::{BTreeMap, HashMap};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use url::Url;

#[derive(Debug, thiserror::Error)]
#[error("{key}: {problem}")]
pub struct ConfigError {
    pub key: String,
    pub problem: String,
}

impl ConfigError {
    fn new(key: impl Into<String>, problem: impl Into<String>) -> Self {
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
    pub tenants: BTreeMap<String, TenantSettings>,
    #[serde(default)]
    pub dns: DnsSettings,
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
}

impl Default for DnsSettings {
    fn default() -> Self {
        Self {
            nameservers: Vec::new(),
            timeout_ms: default_dns_timeout_ms(),
        }
    }
}

fn default_dns_timeout_ms() -> u64 {
    2_000
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
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TenantSettings {
    pub display_name: String,
    pub domains: Vec<String>,
    /// Key of the `[stalwart.<key>]` server this tenant's mailboxes live on.
    pub stalwart: String,
    pub oidc: OidcSettings,
    pub mail: MailSettings,
    /// How recent the IdP sign-in must be to create an app password (seconds).
    #[serde(default = "default_fresh_auth_secs")]
    pub fresh_auth_max_age_secs: u64,
    /// Whether admins may give a mailbox a password of its own. For tenants whose users sign
    /// in only through the IdP the default is no: people use app passwords.
    #[serde(default)]
    pub mailbox_passwords: MailboxPasswords,
    /// Create a user's mailbox when they first sign in and have none.
    #[serde(default)]
    pub provision_mailboxes: bool,
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
    /// Members of this group are tenant admins. No group: nobody is.
    pub admin_group: Option<String>,
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

/// Accepts a secret written as a string or, from an environment override, a bare number.
fn lenient_secret<'de, D: Deserializer<'de>>(d: D) -> Result<Option<SecretString>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Raw {
        S(String),
        I(i64),
    }
    Ok(Option::<Raw>::deserialize(d)?.map(|raw| match raw {
        Raw::S(s) => SecretString::from(s),
        Raw::I(i) => SecretString::from(i.to_string()),
    }))
}

/// Addresses (`10.0.0.1`, `::1`) or networks (`10.0.0.0/8`).
fn networks<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<ipnet::IpNet>, D::Error> {
    let list = Vec::<String>::deserialize(d)?;
    list.iter()
        .map(|entry| {
            super::client_ip::parse_ip_or_network(entry).ok_or_else(|| {
                serde::de::Error::custom(format!(
                    "\"{}\" is not an IP address or network (like 10.0.0.0/8)",
                    entry.trim()
                ))
            })
        })
        .collect()
}

impl Settings {
    /// Reads `path`, applies `POSTERN_…` overrides from `env`, and validates the result.
    pub fn load(
        path: &Path,
        env: impl IntoIterator<Item = (String, String)>,
    ) -> Result<Self, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|e| {
            ConfigError::new(
                "config file",
                format!("cannot read {}: {e}", path.display()),
            )
        })?;
        Self::from_toml(&text, env)
    }

    pub fn from_toml(
        text: &str,
        env: impl IntoIterator<Item = (String, String)>,
    ) -> Result<Self, ConfigError> {
        let mut doc: toml::Table = text.parse().map_err(|e: toml::de::Error| {
            let where_ = e.span().map(|s| line_of(text, s.start)).unwrap_or_default();
            ConfigError::new(format!("config file{where_}"), e.message().to_owned())
        })?;
        apply_env_overrides(&mut doc, env)?;
        let settings: Settings = serde_path_to_error::deserialize(toml::Value::Table(doc))
            .map_err(|e| {
                let key = e.path().to_string();
                // toml appends "in `key`" on a second line; the key is already named.
                let problem = e.inner().to_string();
                let problem = problem.lines().next().unwrap_or_default().to_owned();
                ConfigError::new(if key == "." { "config".into() } else { key }, problem)
            })?;
        settings.validate()?;
        Ok(settings)
    }

    fn validate(&self) -> Result<(), ConfigError> {
        let public = &self.server.public_url;
        if !matches!(public.scheme(), "http" | "https") || public.host_str().is_none() {
            return Err(ConfigError::new(
                "server.public_url",
                "must be an http(s) URL with a host",
            ));
        }
        if public.scheme() == "http" && !is_loopback_host(public) {
            return Err(ConfigError::new(
                "server.public_url",
                "plain http is only allowed on a loopback host (use https in production)",
            ));
        }
        if !self.server.database_url.starts_with("sqlite:")
            && !self.server.database_url.starts_with("postgres://")
            && !self.server.database_url.starts_with("postgresql://")
        {
            return Err(ConfigError::new(
                "server.database_url",
                "must start with sqlite: or postgres://",
            ));
        }
        for (key, server) in &self.stalwart {
            let k = format!("stalwart.{key}");
            if !matches!(server.url.scheme(), "http" | "https") {
                return Err(ConfigError::new(
                    format!("{k}.url"),
                    "must be an http(s) URL",
                ));
            }
            secret_source(&k, "api_key", &server.api_key, &server.api_key_file)?;
            if server.timeout_ms == 0 {
                return Err(ConfigError::new(
                    format!("{k}.timeout_ms"),
                    "must be greater than 0",
                ));
            }
        }
        for (i, ns) in self.dns.nameservers.iter().enumerate() {
            if ns.parse::<std::net::SocketAddr>().is_err() {
                return Err(ConfigError::new(
                    format!("dns.nameservers[{i}]"),
                    format!("{ns:?} is not an ip:port address"),
                ));
            }
        }
        if self.dns.timeout_ms == 0 || self.dns.timeout_ms > 30_000 {
            return Err(ConfigError::new(
                "dns.timeout_ms",
                "must be between 1 and 30000",
            ));
        }
        if self.tenants.is_empty() {
            return Err(ConfigError::new("tenants", "declare at least one tenant"));
        }
        let mut domain_owner: HashMap<String, &str> = HashMap::new();
        for (slug, tenant) in &self.tenants {
            let k = format!("tenants.{slug}");
            if !is_slug(slug) {
                return Err(ConfigError::new(
                    k,
                    "tenant keys must be 1-40 lowercase letters, digits or '-'",
                ));
            }
            if tenant.display_name.trim().is_empty() {
                return Err(ConfigError::new(
                    format!("{k}.display_name"),
                    "must not be empty",
                ));
            }
            if tenant.domains.is_empty() {
                return Err(ConfigError::new(
                    format!("{k}.domains"),
                    "list at least one mail domain",
                ));
            }
            for domain in &tenant.domains {
                if !is_domain_name(domain) {
                    return Err(ConfigError::new(
                        format!("{k}.domains"),
                        format!("{domain:?} is not a lowercase domain name"),
                    ));
                }
                if let Some(other) = domain_owner.insert(domain.clone(), slug) {
                    return Err(ConfigError::new(
                        format!("{k}.domains"),
                        format!("{domain} is already a domain of tenant {other}"),
                    ));
                }
            }
            if !self.stalwart.contains_key(&tenant.stalwart) {
                return Err(ConfigError::new(
                    format!("{k}.stalwart"),
                    format!("no [stalwart.{}] server is declared", tenant.stalwart),
                ));
            }
            let oidc = &tenant.oidc;
            let issuer = Url::parse(&oidc.issuer).map_err(|e| {
                ConfigError::new(format!("{k}.oidc.issuer"), format!("not a URL: {e}"))
            })?;
            if issuer.scheme() != "https"
                && !(issuer.scheme() == "http" && is_loopback_host(&issuer))
            {
                return Err(ConfigError::new(
                    format!("{k}.oidc.issuer"),
                    "must be https (plain http only on a loopback host)",
                ));
            }
            if oidc.client_id.trim().is_empty() {
                return Err(ConfigError::new(
                    format!("{k}.oidc.client_id"),
                    "must not be empty",
                ));
            }
            secret_source(
                &format!("{k}.oidc"),
                "client_secret",
                &oidc.client_secret,
                &oidc.client_secret_file,
            )?;
            if !oidc.scopes.iter().any(|s| s == "openid") {
                return Err(ConfigError::new(
                    format!("{k}.oidc.scopes"),
                    "must include \"openid\"",
                ));
            }
            for (field, host) in [
                ("imap_host", &tenant.mail.imap_host),
                ("smtp_host", &tenant.mail.smtp_host),
            ] {
                if !is_domain_name(host) {
                    return Err(ConfigError::new(
                        format!("{k}.mail.{field}"),
                        format!("{host:?} is not a host name"),
                    ));
                }
            }
        }
        Ok(())
    }
}

/// Resolves a secret given inline (or by env override) or as a file; exactly one is required.
fn secret_source(
    section: &str,
    field: &str,
    inline: &Option<SecretString>,
    file: &Option<PathBuf>,
) -> Result<(), ConfigError> {
    match (inline, file) {
        (Some(_), Some(_)) => Err(ConfigError::new(
            format!("{section}.{field}"),
            format!("set either {field} or {field}_file, not both"),
        )),
        (None, None) => Err(ConfigError::new(
            format!("{section}.{field}"),
            format!(
                "missing: set {field}_file, or the environment variable POSTERN_{}__{}",
                section.replace('.', "__").to_uppercase(),
                field.to_uppercase()
            ),
        )),
        _ => Ok(()),
    }
}

/// Reads a secret from its inline value or its file (trailing newline trimmed).
pub fn read_secret(
    key: &str,
    inline: &Option<SecretString>,
    file: &Option<PathBuf>,
) -> Result<SecretString, ConfigError> {
    if let Some(secret) = inline {
        return Ok(secret.clone());
    }
    let path = file
        .as_ref()
        .ok_or_else(|| ConfigError::new(key, "missing"))?;
    let text = std::fs::read_to_string(path).map_err(|e| {
        ConfigError::new(
            format!("{key}_file"),
            format!("cannot read {}: {e}", path.display()),
        )
    })?;
    let value = text.trim_end_matches(['\n', '\r']);
    if value.is_empty() {
        return Err(ConfigError::new(
            format!("{key}_file"),
            format!("{} is empty", path.display()),
        ));
    }
    Ok(SecretString::from(value.to_owned()))
}

/// `POSTERN_TENANTS__ACME__OIDC__CLIENT_SECRET=x` sets `tenants.acme.oidc.client_secret`.
/// `POSTERN_CONFIG` (the file path) and `POSTERN_LOG` are not overrides.
fn apply_env_overrides(
    doc: &mut toml::Table,
    env: impl IntoIterator<Item = (String, String)>,
) -> Result<(), ConfigError> {
    for (name, raw) in env {
        let Some(path) = name.strip_prefix("POSTERN_") else {
            continue;
        };
        if !path.contains("__") {
            continue;
        }
        let keys: Vec<String> = path.split("__").map(str::to_lowercase).collect();
        if keys.iter().any(String::is_empty) {
            return Err(ConfigError::new(name, "empty key segment"));
        }
        let mut table = &mut *doc;
        for key in &keys[..keys.len() - 1] {
            let entry = table
                .entry(key.clone())
                .or_insert_with(|| toml::Value::Table(toml::Table::new()));
            table = entry
                .as_table_mut()
                .ok_or_else(|| ConfigError::new(&name, format!("{key} is not a section")))?;
        }
        let leaf = keys.last().expect("non-empty");
        table.insert(leaf.clone(), env_value(&raw));
    }
    Ok(())
}

/// Numbers, booleans and `[..]` arrays are typed; everything else is a string.
fn env_value(raw: &str) -> toml::Value {
    let trimmed = raw.trim();
    let typed = trimmed.parse::<i64>().is_ok()
        || trimmed == "true"
        || trimmed == "false"
        || (trimmed.starts_with('[') && trimmed.ends_with(']'));
    if typed
        && let Ok(mut t) = format!("v = {trimmed}").parse::<toml::Table>()
        && let Some(v) = t.remove("v")
    {
        return v;
    }
    toml::Value::String(raw.to_owned())
}

fn line_of(text: &str, offset: usize) -> String {
    let line = text[..offset.min(text.len())].matches('\n').count() + 1;
    format!(" line {line}")
}

pub fn is_loopback_host(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        Some(url::Host::Domain(d)) => d == "localhost",
        None => false,
    }
}

fn is_slug(s: &str) -> bool {
    (1..=40).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// A lowercase DNS name with at least two labels.
pub fn is_domain_name(s: &str) -> bool {
    s.len() <= 253
        && s.contains('.')
        && s.split('.').all(|label| {
            (1..=63).contains(&label.len())
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"
        [server]
        public_url = "http://127.0.0.1:3000"

        [stalwart.main]
        url = "http://127.0.0.1:18080"
        api_key = "API_x"

        [tenants.acme]
        display_name = "Acme"
        domains = ["acme.test"]
        stalwart = "main"
        mail = { imap_host = "mail.acme.test", smtp_host = "mail.acme.test" }
        [tenants.acme.oidc]
        issuer = "http://127.0.0.1:9000"
        client_id = "postern"
        client_secret = "s3cret"
    "#;

    fn load(text: &str, env: &[(&str, &str)]) -> Result<Settings, ConfigError> {
        Settings::from_toml(
            text,
            env.iter().map(|(k, v)| (k.to_string(), v.to_string())),
        )
    }

    #[test]
    fn a_complete_file_loads_with_defaults() {
        let s = load(GOOD, &[]).unwrap();
        assert_eq!(s.server.database_url, "sqlite://postern.db?mode=rwc");
        let acme = &s.tenants["acme"];
        assert_eq!(acme.mail.imap_port, 993);
        assert_eq!(acme.fresh_auth_max_age_secs, 600);
        assert_eq!(acme.oidc.email_claim, "email");
    }

    #[test]
    fn env_overrides_reach_nested_keys_and_numbers() {
        let s = load(
            GOOD,
            &[
                ("POSTERN_SERVER__DATABASE_URL", "postgres://localhost/p"),
                ("POSTERN_TENANTS__ACME__MAIL__IMAP_PORT", "143"),
                ("POSTERN_TENANTS__ACME__OIDC__CLIENT_SECRET", "12345"),
                ("POSTERN_CONFIG", "ignored.toml"),
            ],
        )
        .unwrap();
        assert_eq!(s.server.database_url, "postgres://localhost/p");
        assert_eq!(s.tenants["acme"].mail.imap_port, 143);
    }

    #[test]
    fn a_wrong_type_names_the_key() {
        let err = load(&GOOD.replace("\"acme.test\"", "42"), &[]).unwrap_err();
        assert_eq!(err.key, "tenants.acme.domains[0]");
    }

    #[test]
    fn trusted_proxies_are_networks_and_a_bad_one_is_named() {
        let with = |list: &str| {
            GOOD.replace(
                "[server]\n",
                &format!("[server]\ntrusted_proxies = {list}\n"),
            )
        };
        let s = load(&with(r#"["10.0.0.0/8", "::1", "192.0.2.7"]"#), &[]).unwrap();
        let nets: Vec<String> = s
            .server
            .trusted_proxies
            .iter()
            .map(|n| n.to_string())
            .collect();
        assert_eq!(nets, ["10.0.0.0/8", "::1/128", "192.0.2.7/32"]);
        assert!(load(GOOD, &[]).unwrap().server.trusted_proxies.is_empty());
        let err = load(&with(r#"["10.0.0.0/8", "10.0.0.300/8"]"#), &[]).unwrap_err();
        assert_eq!(err.key, "server.trusted_proxies");
        assert!(
            err.problem.contains("\"10.0.0.300/8\" is not an IP"),
            "{err}"
        );
    }

    #[test]
    fn an_unknown_key_is_refused_with_its_section() {
        let err = load(&GOOD.replace("client_id", "clientid"), &[]).unwrap_err();
        assert_eq!(err.key, "tenants.acme.oidc.clientid");
        assert!(err.problem.contains("unknown field"), "{err}");
    }

    #[test]
    fn a_tenant_pointing_at_an_undeclared_server_is_refused() {
        let err = load(
            &GOOD.replace("stalwart = \"main\"", "stalwart = \"other\""),
            &[],
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "tenants.acme.stalwart: no [stalwart.other] server is declared"
        );
    }

    #[test]
    fn a_missing_secret_says_how_to_provide_it() {
        let err = load(&GOOD.replace("client_secret = \"s3cret\"", ""), &[]).unwrap_err();
        assert_eq!(err.key, "tenants.acme.oidc.client_secret");
        assert!(
            err.problem
                .contains("POSTERN_TENANTS__ACME__OIDC__CLIENT_SECRET"),
            "{err}"
        );
    }

    #[test]
    fn plain_http_is_refused_off_loopback() {
        let err = load(
            &GOOD.replace("http://127.0.0.1:3000", "http://portal.example.com"),
            &[],
        )
        .unwrap_err();
        assert_eq!(err.key, "server.public_url");
    }

    #[test]
    fn a_domain_claimed_by_two_tenants_is_refused() {
        let two = format!(
            "{GOOD}\n[tenants.beta]\ndisplay_name=\"B\"\ndomains=[\"acme.test\"]\nstalwart=\"main\"\n\
             mail = {{ imap_host = \"m.b.test\", smtp_host = \"m.b.test\" }}\n\
             [tenants.beta.oidc]\nissuer=\"http://127.0.0.1:9001\"\nclient_id=\"p\"\nclient_secret=\"s\"\n"
        );
        let err = load(&two, &[]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "tenants.beta.domains: acme.test is already a domain of tenant acme"
        );
    }

    #[test]
    fn toml_syntax_errors_give_the_line() {
        let err = load("[server\npublic_url = 1", &[]).unwrap_err();
        assert_eq!(err.key, "config file line 1");
    }
}
