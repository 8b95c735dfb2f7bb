//! Organisations: the organisations of one directory snapshot — which organisation a mail domain
//! belongs to, its IdP and its Stalwart server. Built by [`super::directory`] from the
//! database; lookups are by slug (from the session) or by mail domain (from the address
//! typed on the sign-in page).

use super::config::{LoginHint, MailSettings, MailboxPasswords};
use super::db::organisations::{OrganisationRecord, Status};
use super::stalwart::StalwartClient;
use secrecy::SecretString;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;
use std::time::Duration;

pub struct Organisation {
    pub slug: String,
    pub display_name: String,
    pub status: Status,
    /// Its admins onboard and manage organisations of their own.
    pub partner: bool,
    /// Its admins manage every organisation.
    pub operator: bool,
    /// Declared in postern.toml: shown read-only in the portal.
    pub from_config: bool,
    /// The name of its mail server.
    pub mail_server: String,
    pub domains: Vec<String>,
    pub oidc: OrganisationOidc,
    pub mail: MailSettings,
    pub stalwart: StalwartClient,
    pub fresh_auth_max_age: Duration,
    pub mailbox_passwords: MailboxPasswords,
    pub provision_mailboxes: bool,
    pub require_verified_email: bool,
    pub session_lifetime: Duration,
    pub session_idle: Duration,
    pub admin_recheck: Duration,
    /// The language for people whose browser asks for none Postern speaks; `None`: English.
    pub default_locale: Option<crate::i18n::Locale>,
}

impl std::fmt::Debug for Organisation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Organisation")
            .field("slug", &self.slug)
            .finish_non_exhaustive()
    }
}

pub struct OrganisationOidc {
    pub issuer: String,
    pub client_id: String,
    pub client_secret: SecretString,
    /// Shared between organisations that ask for the same scopes.
    pub scopes: Arc<[String]>,
    pub email_claim: String,
    pub groups_claim: String,
    pub admin_group: Option<String>,
    pub login_hint: LoginHint,
    /// Moves on at every change of these settings: cached discovery is then stale.
    pub revision: i64,
}

impl Organisation {
    pub fn new(
        o: OrganisationRecord,
        domains: Vec<String>,
        oidc: OrganisationOidc,
        stalwart: StalwartClient,
    ) -> Self {
        let p = o.policies;
        Self {
            slug: o.slug,
            display_name: o.display_name,
            status: o.status,
            partner: o.partner,
            operator: o.operator,
            from_config: o.from_config,
            mail_server: o.mail_server.unwrap_or_default(),
            domains,
            oidc,
            mail: MailSettings {
                imap_host: o.mail.imap_host,
                imap_port: o.mail.imap_port,
                smtp_host: o.mail.smtp_host,
                smtp_port: o.mail.smtp_port,
            },
            stalwart,
            fresh_auth_max_age: Duration::from_secs(p.fresh_auth_max_age_secs),
            mailbox_passwords: p.mailbox_passwords,
            provision_mailboxes: p.provision_mailboxes,
            require_verified_email: p.require_verified_email,
            session_lifetime: Duration::from_secs(p.session_lifetime_secs),
            session_idle: Duration::from_secs(p.session_idle_secs),
            admin_recheck: Duration::from_secs(p.admin_recheck_secs),
            default_locale: p.default_locale,
        }
    }

    /// Whether its people may sign in and use the portal.
    pub fn is_active(&self) -> bool {
        self.status == Status::Active
    }

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

    /// Whether `address` is a mailbox in one of this organisation's domains.
    pub fn owns_address(&self, address: &str) -> bool {
        address
            .rsplit_once('@')
            .is_some_and(|(local, domain)| !local.is_empty() && self.owns_domain(domain))
    }
}

/// One snapshot of the directory.
#[derive(Debug, Default)]
pub struct Organisations {
    version: i64,
    by_slug: BTreeMap<String, Arc<Organisation>>,
    by_domain: HashMap<String, Arc<Organisation>>,
    /// Every mail server whose client could be built, by name.
    servers: BTreeMap<String, StalwartClient>,
    /// The servers postern.toml declares: the portal is ready only when these are.
    declared: std::collections::BTreeSet<String>,
    /// Organisations that cannot serve anyone, and why.
    unavailable: BTreeMap<String, String>,
    /// CSP `form-action` sources: our own pages and every IdP a sign-in may lead to.
    form_action: String,
}

/// Up to this many distinct https IdP origins are listed in `form-action` one by one; beyond
/// that (an MSP with an IdP host per organisation) the header would grow with the directory,
/// so any https origin is allowed instead. Plain-http IdPs (loopback only) are always listed.
pub const FORM_ACTION_LISTED_ORIGINS: usize = 16;

/// `'self'` and where sign-in and sign-out may redirect to.
fn form_action(origins: &std::collections::BTreeSet<String>) -> String {
    let mut sources = vec!["'self'".to_owned()];
    let https = origins.iter().filter(|o| o.starts_with("https://")).count();
    for origin in origins {
        if https <= FORM_ACTION_LISTED_ORIGINS || !origin.starts_with("https://") {
            sources.push(origin.clone());
        }
    }
    if https > FORM_ACTION_LISTED_ORIGINS {
        sources.push("https:".to_owned());
    }
    sources.join(" ")
}

impl Organisations {
    pub fn assemble(
        version: i64,
        organisations: Vec<Organisation>,
        servers: BTreeMap<String, StalwartClient>,
        declared: std::collections::BTreeSet<String>,
        unavailable: BTreeMap<String, String>,
    ) -> Self {
        let mut snapshot = Organisations {
            version,
            servers,
            declared,
            unavailable,
            ..Organisations::default()
        };
        let mut origins = std::collections::BTreeSet::new();
        for organisation in organisations {
            let organisation = Arc::new(organisation);
            if let Ok(url) = url::Url::parse(&organisation.oidc.issuer) {
                origins.insert(url.origin().ascii_serialization());
            }
            for domain in &organisation.domains {
                snapshot
                    .by_domain
                    .insert(domain.clone(), organisation.clone());
            }
            snapshot
                .by_slug
                .insert(organisation.slug.clone(), organisation);
        }
        snapshot.form_action = form_action(&origins);
        snapshot
    }

    /// The `directory_version` this snapshot was read at.
    pub fn version(&self) -> i64 {
        self.version
    }

    /// Every mail server, by name.
    pub fn servers(&self) -> Vec<(String, StalwartClient)> {
        self.servers
            .iter()
            .map(|(k, c)| (k.clone(), c.clone()))
            .collect()
    }

    /// The mail server called `name`.
    pub fn server(&self, name: &str) -> Option<&StalwartClient> {
        self.servers.get(name)
    }

    /// The mail servers declared in postern.toml, by name.
    pub fn declared_servers(&self) -> impl Iterator<Item = &str> {
        self.declared.iter().map(String::as_str)
    }

    pub fn by_slug(&self, slug: &str) -> Option<&Arc<Organisation>> {
        self.by_slug.get(slug)
    }

    pub fn by_domain(&self, domain: &str) -> Option<&Arc<Organisation>> {
        self.by_domain.get(domain)
    }

    pub fn iter(&self) -> impl Iterator<Item = &Arc<Organisation>> {
        self.by_slug.values()
    }

    pub fn unavailable(&self) -> impl Iterator<Item = (&String, &String)> {
        self.unavailable.iter()
    }

    /// CSP `form-action` for this directory.
    pub fn form_action(&self) -> &str {
        if self.form_action.is_empty() {
            "'self'"
        } else {
            &self.form_action
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn origins(list: &[&str]) -> std::collections::BTreeSet<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn form_action_lists_a_few_idps_and_stays_short_with_many() {
        assert_eq!(
            form_action(&origins(&["https://a.example", "http://127.0.0.1:9400"])),
            "'self' http://127.0.0.1:9400 https://a.example"
        );
        let many: Vec<String> = (0..10_000)
            .map(|i| format!("https://idp{i}.example"))
            .collect();
        let mut set: std::collections::BTreeSet<String> = many.into_iter().collect();
        set.insert("http://127.0.0.1:9400".into());
        assert_eq!(form_action(&set), "'self' http://127.0.0.1:9400 https:");
        let sixteen: Vec<String> = (0..16).map(|i| format!("https://idp{i}.example")).collect();
        let listed = form_action(&sixteen.into_iter().collect());
        assert!(listed.contains("https://idp15.example") && !listed.ends_with("https:"));
    }
}
