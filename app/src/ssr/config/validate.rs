//! Everything checked at boot, each problem named by its key.

use super::settings::{ConfigError, Settings};
use secrecy::SecretString;
use std::collections::HashMap;
use std::path::PathBuf;
use url::Url;

impl Settings {
    pub(super) fn validate(&self) -> Result<(), ConfigError> {
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
            // The API key travels with every request: never in clear text across a network.
            if server.url.scheme() == "http" && !is_loopback_host(&server.url) {
                return Err(ConfigError::new(
                    format!("{k}.url"),
                    "must be https (plain http only on a loopback host)",
                ));
            }
            secret_source(&k, "api_key", &server.api_key, &server.api_key_file)?;
            if let Some(notify) = &server.notify {
                // The password travels with the sign-in: never in clear text across a network.
                let loopback = matches!(notify.smtp_host.as_str(), "localhost" | "::1")
                    || notify
                        .smtp_host
                        .parse::<std::net::IpAddr>()
                        .is_ok_and(|ip| ip.is_loopback());
                if notify.security == super::SmtpSecurity::None && !loopback {
                    return Err(ConfigError::new(
                        format!("{k}.notify.security"),
                        "\"none\" (plain text) is only allowed to a loopback host",
                    ));
                }
                if !notify.from.contains('@') {
                    return Err(ConfigError::new(
                        format!("{k}.notify.from"),
                        "must be an e-mail address",
                    ));
                }
            }
            if let Some(partner) = &server.managed_by
                && !self
                    .organisations
                    .get(partner)
                    .is_some_and(|t| t.partner || t.operator)
            {
                return Err(ConfigError::new(
                    format!("{k}.managed_by"),
                    format!("{partner:?} is not an organisation with partner = true"),
                ));
            }
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
        if self.dns.proof_recheck_secs == 0 || self.dns.proof_recheck_secs > 86_400 {
            return Err(ConfigError::new(
                "dns.proof_recheck_secs",
                "must be between 1 and 86400",
            ));
        }
        if self.activity.retention_days == 0 || self.activity.retention_days > 3650 {
            return Err(ConfigError::new(
                "activity.retention_days",
                "must be between 1 and 3650 days",
            ));
        }
        if self.activity.register_every_secs < 10 {
            return Err(ConfigError::new(
                "activity.register_every_secs",
                "must be at least 10 seconds",
            ));
        }
        if self.dns.mx_recheck_secs == 0 || self.dns.mx_recheck_secs > 7 * 86_400 {
            return Err(ConfigError::new(
                "dns.mx_recheck_secs",
                "must be between 1 and 604800",
            ));
        }
        if self.server.health_check_secs == 0 || self.server.health_check_secs > 3_600 {
            return Err(ConfigError::new(
                "server.health_check_secs",
                "must be between 1 and 3600",
            ));
        }
        if self.dns.timeout_ms == 0 || self.dns.timeout_ms > 30_000 {
            return Err(ConfigError::new(
                "dns.timeout_ms",
                "must be between 1 and 30000",
            ));
        }
        for (key, limit) in [
            ("sign_in_per_address", self.limits.sign_in_per_address),
            ("sign_in_per_network", self.limits.sign_in_per_network),
            ("sign_in_per_email", self.limits.sign_in_per_email),
            ("mints_per_person", self.limits.mints_per_person),
            ("mints_per_organisation", self.limits.mints_per_organisation),
            ("admin_writes_per_admin", self.limits.admin_writes_per_admin),
        ] {
            if limit.max == 0 || limit.per_secs == 0 || limit.per_secs > 86_400 {
                return Err(ConfigError::new(
                    format!("limits.{key}"),
                    "max must be at least 1 and per_secs between 1 and 86400",
                ));
            }
        }
        if self.organisations.is_empty() {
            return Err(ConfigError::new(
                "organisations",
                "declare at least one organisation",
            ));
        }
        let mut domain_owner: HashMap<String, &str> = HashMap::new();
        for (slug, organisation) in &self.organisations {
            let k = format!("organisations.{slug}");
            if !is_slug(slug) {
                return Err(ConfigError::new(
                    k,
                    "organisation keys must be 1-40 lowercase letters, digits or '-'",
                ));
            }
            if organisation.display_name.trim().is_empty() {
                return Err(ConfigError::new(
                    format!("{k}.display_name"),
                    "must not be empty",
                ));
            }
            if organisation.domains.is_empty() {
                return Err(ConfigError::new(
                    format!("{k}.domains"),
                    "list at least one mail domain",
                ));
            }
            for domain in &organisation.domains {
                if !is_domain_name(domain) {
                    return Err(ConfigError::new(
                        format!("{k}.domains"),
                        format!("{domain:?} is not a lowercase domain name"),
                    ));
                }
                if let Some(other) = domain_owner.insert(domain.clone(), slug) {
                    return Err(ConfigError::new(
                        format!("{k}.domains"),
                        format!("{domain} is already a domain of organisation {other}"),
                    ));
                }
            }
            if !self.stalwart.contains_key(&organisation.stalwart) {
                return Err(ConfigError::new(
                    format!("{k}.stalwart"),
                    format!("no [stalwart.{}] server is declared", organisation.stalwart),
                ));
            }
            let oidc = &organisation.oidc;
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
            if let Some(sync) = &organisation.sync {
                validate_sync(&format!("{k}.sync"), sync)?;
            }
            if !oidc.scopes.iter().any(|s| s == "openid") {
                return Err(ConfigError::new(
                    format!("{k}.oidc.scopes"),
                    "must include \"openid\"",
                ));
            }
            for (field, host) in [
                ("imap_host", &organisation.mail.imap_host),
                ("smtp_host", &organisation.mail.smtp_host),
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
fn validate_sync(section: &str, sync: &super::settings::SyncSettings) -> Result<(), ConfigError> {
    use super::settings::SyncKind;
    for (field, url) in [("api_url", &sync.api_url), ("token_url", &sync.token_url)] {
        if let Some(url) = url
            && url.scheme() != "https"
            && !(url.scheme() == "http" && is_loopback_host(url))
        {
            return Err(ConfigError::new(
                format!("{section}.{field}"),
                "must be https (plain http only on a loopback host)",
            ));
        }
    }
    if sync.interval_secs < 60 {
        return Err(ConfigError::new(
            format!("{section}.interval_secs"),
            "must be at least 60",
        ));
    }
    if sync.requests_per_second == 0 {
        return Err(ConfigError::new(
            format!("{section}.requests_per_second"),
            "must be at least 1",
        ));
    }
    let client = |what: &str| -> Result<(), ConfigError> {
        if sync
            .client_id
            .as_deref()
            .is_none_or(|c| c.trim().is_empty())
        {
            return Err(ConfigError::new(
                format!("{section}.client_id"),
                format!("{what} needs the client id of its service account"),
            ));
        }
        secret_source(
            section,
            "client_secret",
            &sync.client_secret,
            &sync.client_secret_file,
        )
    };
    match sync.kind {
        SyncKind::Scim => Ok(()),
        SyncKind::Keycloak => client("Keycloak"),
        SyncKind::Graph => {
            client("Microsoft Graph")?;
            if sync.token_url.is_none() && sync.tenant.is_none() {
                return Err(ConfigError::new(
                    format!("{section}.tenant"),
                    "Microsoft Graph needs the Entra tenant id (or token_url)",
                ));
            }
            Ok(())
        }
        SyncKind::Authentik => {
            if sync.api_url.is_none() {
                return Err(ConfigError::new(
                    format!("{section}.api_url"),
                    "Authentik needs its base URL, e.g. https://authentik.example.org",
                ));
            }
            secret_source(section, "api_token", &sync.api_token, &sync.api_token_file)
        }
        SyncKind::Zitadel => {
            secret_source(section, "api_token", &sync.api_token, &sync.api_token_file)
        }
    }
}

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

pub fn is_loopback_host(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        Some(url::Host::Domain(d)) => d == "localhost",
        None => false,
    }
}

pub fn is_slug(s: &str) -> bool {
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
