//! Tenants: which organisation a mail domain belongs to, its IdP and its Stalwart server.
//!
//! Built once at boot from the validated settings. Lookups are by slug (from the session) or
//! by mail domain (from the address typed on the sign-in page).

use super::config::{
    ConfigError, LoginHint, MailSettings, MailboxPasswords, Settings, read_secret,
};
use super::stalwart::StalwartClient;
use secrecy::SecretString;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;
use std::time::Duration;

pub struct Tenant {
    pub slug: String,
    pub display_name: String,
    pub domains: Vec<String>,
    pub oidc: TenantOidc,
    pub mail: MailSettings,
    pub stalwart: StalwartClient,
    pub fresh_auth_max_age: Duration,
    pub mailbox_passwords: MailboxPasswords,
    pub provision_mailboxes: bool,
    pub require_verified_email: bool,
    pub session_lifetime: Duration,
    pub session_idle: Duration,
    pub admin_recheck: Duration,
}

impl std::fmt::Debug for Tenant {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Tenant")
            .field("slug", &self.slug)
            .finish_non_exhaustive()
    }
}

pub struct TenantOidc {
    pub issuer: String,
    pub client_id: String,
    pub client_secret: SecretString,
    pub scopes: Vec<String>,
    pub email_claim: String,
    pub groups_claim: String,
    pub admin_group: Option<String>,
    pub login_hint: LoginHint,
}

impl Tenant {
    /// The `login_hint` to send the IdP for someone who typed `email`.
    pub fn login_hint(&self, email: &str) -> Option<String> {
        match self.oidc.login_hint {
            LoginHint::Email => Some(email.to_owned()),
            LoginHint::None => None,
            LoginHint::LocalPart => email.split_once('@').map(|(local, _)| local.to_owned()),
        }
    }

    pub fn owns_domain(&self, domain: &str) -> bool {
        self.domains.iter().any(|d| d == domain)
    }

    /// Whether `address` is a mailbox in one of this tenant's domains.
    pub fn owns_address(&self, address: &str) -> bool {
        address
            .rsplit_once('@')
            .is_some_and(|(local, domain)| !local.is_empty() && self.owns_domain(domain))
    }
}

#[derive(Debug, Default)]
pub struct Tenants {
    by_slug: BTreeMap<String, Arc<Tenant>>,
    by_domain: HashMap<String, Arc<Tenant>>,
    /// Every declared Stalwart server by its key (`[stalwart.<key>]`).
    servers: BTreeMap<String, StalwartClient>,
}

impl Tenants {
    /// Resolves secrets and builds one Stalwart client per declared server, shared by the
    /// tenants that use it.
    pub fn from_settings(settings: &Settings) -> Result<Self, ConfigError> {
        let mut servers = HashMap::new();
        for (key, server) in &settings.stalwart {
            let k = format!("stalwart.{key}.api_key");
            let api_key = read_secret(&k, &server.api_key, &server.api_key_file)?;
            let client = StalwartClient::new(
                &server.url,
                api_key,
                Duration::from_millis(server.timeout_ms),
            )
            .map_err(|e| ConfigError {
                key: format!("stalwart.{key}.url"),
                problem: e.to_string(),
            })?;
            servers.insert(key.clone(), client);
        }

        let mut tenants = Tenants::default();
        for (slug, t) in &settings.tenants {
            let k = format!("tenants.{slug}.oidc.client_secret");
            let client_secret = read_secret(&k, &t.oidc.client_secret, &t.oidc.client_secret_file)?;
            let tenant = Arc::new(Tenant {
                slug: slug.clone(),
                display_name: t.display_name.clone(),
                domains: t.domains.clone(),
                oidc: TenantOidc {
                    issuer: t.oidc.issuer.clone(),
                    client_id: t.oidc.client_id.clone(),
                    client_secret,
                    scopes: t.oidc.scopes.clone(),
                    email_claim: t.oidc.email_claim.clone(),
                    groups_claim: t.oidc.groups_claim.clone(),
                    admin_group: t.oidc.admin_group.clone(),
                    login_hint: t.oidc.login_hint,
                },
                mail: t.mail.clone(),
                stalwart: servers[&t.stalwart].clone(),
                fresh_auth_max_age: Duration::from_secs(t.fresh_auth_max_age_secs),
                mailbox_passwords: t.mailbox_passwords,
                provision_mailboxes: t.provision_mailboxes,
                require_verified_email: t.require_verified_email,
                session_lifetime: Duration::from_secs(t.session_lifetime_secs),
                session_idle: Duration::from_secs(t.session_idle_secs),
                admin_recheck: Duration::from_secs(t.admin_recheck_secs),
            });
            for domain in &t.domains {
                tenants.by_domain.insert(domain.clone(), tenant.clone());
            }
            tenants.by_slug.insert(slug.clone(), tenant);
        }
        tenants.servers = servers.into_iter().collect();
        Ok(tenants)
    }

    /// Every declared Stalwart server, by its key.
    pub fn servers(&self) -> Vec<(String, StalwartClient)> {
        self.servers
            .iter()
            .map(|(k, c)| (k.clone(), c.clone()))
            .collect()
    }

    pub fn by_slug(&self, slug: &str) -> Option<&Arc<Tenant>> {
        self.by_slug.get(slug)
    }

    pub fn by_domain(&self, domain: &str) -> Option<&Arc<Tenant>> {
        self.by_domain.get(domain)
    }

    pub fn iter(&self) -> impl Iterator<Item = &Arc<Tenant>> {
        self.by_slug.values()
    }
}
