//! The directory of organisations, read at request time from a cache of the database.
//!
//! Each instance holds one immutable snapshot ([`Organisations`]): home-realm discovery by mail
//! domain, each organisation's IdP settings and Stalwart client. Every change raises
//! `directory_version`; each instance polls that one row ([`POLL`]) and rebuilds its snapshot
//! when it moved, so a change made anywhere is seen everywhere within a second, on SQLite and
//! PostgreSQL alike. Stalwart clients (and their connection pools) survive a rebuild unless
//! their server changed.

pub mod actions;
pub mod manage;
pub mod onboard;
pub mod proof;
pub mod seed;

use super::config::{
    ConfigError, OutboundSettings, PartnerSettings, Settings, is_loopback_host, read_secret,
};
use super::db::Db;
use super::db::organisations::{
    self as store, Everything, IdentityProviderRecord, MailServerRecord, api_key_binding,
    client_secret_binding,
};
use super::organisations::{Organisation, OrganisationOidc, Organisations};
use super::outbound::Outbound;
use super::secrets::{Keyring, SecretsError};
use super::stalwart::{Reach, StalwartClient};
use secrecy::SecretString;
use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex, RwLock, Weak};
use std::time::Duration;

/// How often each instance asks whether the directory changed.
pub const POLL: Duration = Duration::from_millis(250);

#[derive(Debug, thiserror::Error)]
pub enum DirectoryError {
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error("{0}")]
    Secrets(#[from] SecretsError),
    #[error(transparent)]
    Seed(#[from] seed::SeedError),
    #[error("cannot read the directory: {0}")]
    Db(#[from] sqlx::Error),
}

/// Secrets written in postern.toml, by server key and by organisation slug, and where they
/// are sent as the file says: a row of the file's servers and organisations takes its URL and
/// issuer from the file, never from the database.
#[derive(Default)]
struct ConfigSecrets {
    api_keys: HashMap<String, SecretString>,
    client_secrets: HashMap<String, SecretString>,
    urls: HashMap<String, String>,
    /// slug → (issuer, client id)
    issuers: HashMap<String, (String, String)>,
}

impl ConfigSecrets {
    fn read(settings: &Settings) -> Result<Self, ConfigError> {
        let mut secrets = Self::default();
        for (key, server) in &settings.stalwart {
            let k = format!("stalwart.{key}.api_key");
            let secret = read_secret(&k, &server.api_key, &server.api_key_file)?;
            secrets.api_keys.insert(key.clone(), secret);
            secrets.urls.insert(key.clone(), server.url.to_string());
        }
        for (slug, t) in &settings.organisations {
            let k = format!("organisations.{slug}.oidc.client_secret");
            let secret = read_secret(&k, &t.oidc.client_secret, &t.oidc.client_secret_file)?;
            secrets.client_secrets.insert(slug.clone(), secret);
            let issuer = (t.oidc.issuer.clone(), t.oidc.client_id.clone());
            secrets.issuers.insert(slug.clone(), issuer);
        }
        Ok(secrets)
    }
}

struct CachedClient {
    revision: i64,
    client: StalwartClient,
}

pub struct Directory {
    db: Db,
    keyring: Keyring,
    /// Where servers that partners added may be reached, and how much of an answer is read.
    outbound: Outbound,
    limits: OutboundSettings,
    partner_limits: PartnerSettings,
    config_secrets: ConfigSecrets,
    snapshot: RwLock<Arc<Organisations>>,
    clients: Mutex<HashMap<String, CachedClient>>,
}

impl Directory {
    /// At start: refuses a database whose secrets no configured key opens, writes the
    /// configuration into the directory, and loads the first snapshot.
    pub async fn boot(
        db: Db,
        settings: &Settings,
        keyring: Keyring,
    ) -> Result<Arc<Self>, DirectoryError> {
        let config_secrets = ConfigSecrets::read(settings)?;
        for key_id in store::sealing_key_ids(&db).await? {
            if !keyring.knows(&key_id) {
                return Err(if keyring.current_id().is_none() {
                    SecretsError::NoKey.into()
                } else {
                    SecretsError::UnknownKey(key_id).into()
                });
            }
        }
        let upgraded = manage::upgrade_sealing(&db, &keyring)
            .await
            .map_err(|e| match e {
                manage::ManageError::Secrets(e) => DirectoryError::Secrets(e),
                manage::ManageError::Db(e) => DirectoryError::Db(e),
                other => DirectoryError::Db(sqlx::Error::Protocol(other.to_string())),
            })?;
        if upgraded > 0 {
            tracing::info!(
                secrets = upgraded,
                "stored secrets are now bound to where they are sent"
            );
        }
        let seeded = seed::seed(&db, settings).await?;
        if seeded.changed() {
            tracing::info!(
                written = ?seeded.written,
                suspended = ?seeded.suspended,
                removed_servers = ?seeded.removed_servers,
                "postern.toml written into the directory"
            );
        }
        let outbound = Outbound::new(
            settings.outbound.allow.clone(),
            is_loopback_host(&settings.server.public_url),
        );
        let directory = Arc::new(Self {
            db,
            keyring,
            outbound,
            limits: settings.outbound.clone(),
            partner_limits: settings.partners,
            config_secrets,
            snapshot: RwLock::new(Arc::new(Organisations::default())),
            clients: Mutex::default(),
        });
        directory.reload().await?;
        for (slug, why) in directory.current().unavailable() {
            tracing::warn!(organisation = %slug, "organisation cannot serve anyone: {why}");
        }
        Ok(directory)
    }

    /// The snapshot to answer one request with.
    pub fn current(&self) -> Arc<Organisations> {
        self.snapshot.read().expect("lock").clone()
    }

    pub fn keyring(&self) -> &Keyring {
        &self.keyring
    }

    /// Reads the directory and replaces the snapshot.
    pub async fn reload(&self) -> Result<(), sqlx::Error> {
        let everything = store::everything(&self.db).await?;
        let organisations = self.assemble(everything);
        *self.snapshot.write().expect("lock") = Arc::new(organisations);
        Ok(())
    }

    /// Reloads if another writer (this instance or another) moved the version.
    pub async fn reload_if_changed(&self) -> Result<bool, sqlx::Error> {
        let version = store::version(&self.db).await?;
        if version == self.current().version() {
            return Ok(false);
        }
        self.reload().await?;
        Ok(true)
    }

    /// Polls for changes until the directory is dropped; also keeps the logins cache
    /// (`db::login_cache::Cache`) in step with the database.
    pub fn watch(self: &Arc<Self>) -> tokio::task::JoinHandle<()> {
        let weak: Weak<Self> = Arc::downgrade(self);
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(POLL);
            tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                tick.tick().await;
                let Some(directory) = weak.upgrade() else {
                    return;
                };
                if let Err(e) = directory.reload_if_changed().await {
                    tracing::warn!(error = %e, "cannot read the directory; keeping the last one");
                }
                // Logins ended on any instance stop serving here too.
                if let Err(e) = directory.db.logins.follow(&directory.db.pool).await {
                    tracing::warn!(error = %e, "cannot ask which logins ended");
                }
            }
        })
    }

    fn api_key(&self, server: &MailServerRecord) -> Result<SecretString, String> {
        match &server.api_key {
            Some(sealed) => self
                .keyring
                .open(sealed, &api_key_binding(&server.name, &server.url))
                .map_err(|e| e.to_string()),
            None => self
                .config_secrets
                .api_keys
                .get(&server.name)
                .cloned()
                .ok_or_else(|| {
                    format!(
                        "the API key of mail server \"{}\" was in postern.toml, which no longer declares it",
                        server.name
                    )
                }),
        }
    }

    /// The outbound policy for URLs that partners type and discovery documents name.
    pub fn outbound(&self) -> &Outbound {
        &self.outbound
    }

    /// What one partner may have at once.
    pub fn partner_limits(&self) -> PartnerSettings {
        self.partner_limits
    }

    /// The largest answer read from an IdP.
    pub fn idp_response_limit(&self) -> usize {
        self.limits.idp_response_bytes
    }

    /// How a server is reached: one the operator declared (in postern.toml, or with the
    /// `mail-server add` command) wherever it is; one a partner added only where the outbound
    /// policy permits.
    pub fn reach(&self, server: &MailServerRecord, timeout: Duration) -> Reach {
        let operators = server.from_config || server.managed_by.is_none();
        Reach {
            server: server.name.clone(),
            ..self.partner_reach(timeout, !operators)
        }
    }

    /// How a server is reached, `guarded` or not, with the configured answer sizes.
    pub fn partner_reach(&self, timeout: Duration, guarded: bool) -> Reach {
        Reach {
            timeout,
            guard: guarded.then(|| self.outbound.clone()),
            max_response: self.limits.stalwart_response_bytes,
            max_small_response: self.limits.stalwart_small_response_bytes,
            server: String::new(),
        }
    }

    fn client_secret(&self, idp: &IdentityProviderRecord) -> Result<SecretString, String> {
        match &idp.client_secret {
            Some(sealed) => self
                .keyring
                .open(
                    sealed,
                    &client_secret_binding(&idp.organisation, &idp.issuer, &idp.client_id),
                )
                .map_err(|e| e.to_string()),
            None => self
                .config_secrets
                .client_secrets
                .get(&idp.organisation)
                .cloned()
                .ok_or_else(|| {
                    "its IdP client secret was in postern.toml, which no longer declares it"
                        .to_owned()
                }),
        }
    }

    /// A Stalwart client per server, reused while the server's row is unchanged.
    fn clients(
        &self,
        servers: &[MailServerRecord],
    ) -> BTreeMap<String, Result<StalwartClient, String>> {
        let mut cache = self.clients.lock().expect("lock");
        cache.retain(|name, _| servers.iter().any(|s| &s.name == name));
        servers
            .iter()
            .map(|server| {
                if let Some(c) = cache.get(&server.name)
                    && c.revision == server.revision
                {
                    return (server.name.clone(), Ok(c.client.clone()));
                }
                let built = self.api_key(server).and_then(|key| {
                    let written = match server.from_config {
                        true => self.config_secrets.urls.get(&server.name),
                        false => None,
                    };
                    let text = written.unwrap_or(&server.url);
                    let url = url::Url::parse(text).map_err(|e| format!("{text}: {e}"))?;
                    let timeout = Duration::from_millis(server.timeout_ms);
                    StalwartClient::reaching(&url, key, &self.reach(server, timeout))
                        .map_err(|e| e.to_string())
                });
                if let Ok(client) = &built {
                    cache.insert(
                        server.name.clone(),
                        CachedClient {
                            revision: server.revision,
                            client: client.clone(),
                        },
                    );
                }
                (server.name.clone(), built)
            })
            .collect()
    }

    fn assemble(&self, all: Everything) -> Organisations {
        let clients = self.clients(&all.mail_servers);
        let declared = all
            .mail_servers
            .iter()
            .filter(|s| s.from_config)
            .map(|s| s.name.clone())
            .collect();
        let mut idps: HashMap<String, IdentityProviderRecord> = all
            .identity_providers
            .into_iter()
            .map(|p| (p.organisation.clone(), p))
            .collect();
        let mut domains: HashMap<String, Vec<String>> = HashMap::new();
        for d in all.domains.into_iter().filter(|d| d.verified) {
            domains.entry(d.organisation).or_default().push(d.name);
        }
        // Most organisations ask for the same scopes: one copy for all of them.
        let mut scopes: HashMap<Vec<String>, Arc<[String]>> = HashMap::new();
        let mut organisations = Vec::with_capacity(all.organisations.len());
        let mut unavailable = BTreeMap::new();
        for o in all.organisations {
            let server = match o
                .mail_server
                .as_deref()
                .map(|name| (name, clients.get(name)))
            {
                Some((_, Some(Ok(client)))) => client.clone(),
                Some((name, Some(Err(why)))) => {
                    unavailable.insert(o.slug, format!("mail server \"{name}\": {why}"));
                    continue;
                }
                Some((name, None)) => {
                    unavailable.insert(o.slug, format!("mail server \"{name}\" does not exist"));
                    continue;
                }
                None => {
                    unavailable.insert(o.slug, "no mail server chosen yet".to_owned());
                    continue;
                }
            };
            let Some(mut idp) = idps.remove(&o.slug) else {
                unavailable.insert(o.slug, "no identity provider set up yet".to_owned());
                continue;
            };
            if o.from_config
                && let Some((issuer, client_id)) = self.config_secrets.issuers.get(&o.slug)
            {
                idp.issuer = issuer.clone();
                idp.client_id = client_id.clone();
            }
            let client_secret = match self.client_secret(&idp) {
                Ok(s) => s,
                Err(why) => {
                    unavailable.insert(o.slug, why);
                    continue;
                }
            };
            let own_domains = domains.remove(&o.slug).unwrap_or_default();
            organisations.push(Organisation::new(
                o,
                own_domains,
                OrganisationOidc {
                    issuer: idp.issuer,
                    client_id: idp.client_id,
                    client_secret,
                    scopes: scopes
                        .entry(idp.scopes)
                        .or_insert_with_key(|s| s.as_slice().into())
                        .clone(),
                    email_claim: idp.email_claim,
                    groups_claim: idp.groups_claim,
                    admin_group: idp.admin_group,
                    login_hint: idp.login_hint,
                    revision: idp.revision,
                },
                server,
            ));
        }
        let servers = clients
            .into_iter()
            .filter_map(|(name, c)| Some((name, c.ok()?)))
            .collect();
        Organisations::assemble(all.version, organisations, servers, declared, unavailable)
    }
}
