//! The client itself: one per Stalwart server, with the few lookups every page needs cached.

use super::error::StalwartError;
use super::jmap::{Batch, GetResponse, QueryResponse, Reach, Transport};
use super::model::Domain;
use super::standing::Standing;
use secrecy::SecretString;
use serde_json::json;
use std::collections::HashMap;
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

/// A client for one Stalwart server, authenticated with that server's API key.
#[derive(Clone, Debug)]
pub struct StalwartClient {
    /// Shared by every clone: an organisation snapshot holds one clone per organisation.
    pub(super) transport: Arc<Transport>,
    /// Domain name → id. Domain ids never change while the domain exists, so a cache saves a
    /// round trip on every page; an unknown name is not cached (it may be created later).
    domain_ids: Arc<RwLock<HashMap<String, String>>>,
    /// Address → user account id, for a few minutes: every app-password page needs the id,
    /// and Stalwart hands out account ids in sequence without reusing them, so a cached id
    /// can go stale (account deleted) but never point at someone else.
    pub(super) account_ids: Arc<RwLock<HashMap<String, (String, Instant)>>>,
    /// Account id → whether Postern may act on it (see `protection`), for a few minutes.
    pub(super) standings: Arc<RwLock<HashMap<String, (Standing, Instant)>>>,
    /// The account that owns the API key; it never changes for a given key.
    own_account: Arc<tokio::sync::OnceCell<String>>,
}

pub(super) const ACCOUNT_ID_TTL: Duration = Duration::from_secs(300);

impl StalwartClient {
    /// A client for a server the operator declared (reached wherever it is).
    pub fn new(
        base_url: &url::Url,
        api_key: SecretString,
        timeout: Duration,
    ) -> Result<Self, StalwartError> {
        Self::reaching(base_url, api_key, &Reach::trusted(timeout))
    }

    /// A client that reaches its server as `reach` says (a partner's server: only where the
    /// outbound policy permits).
    pub fn reaching(
        base_url: &url::Url,
        api_key: SecretString,
        reach: &Reach,
    ) -> Result<Self, StalwartError> {
        Ok(Self {
            transport: Arc::new(Transport::new(base_url, api_key, reach)?),
            domain_ids: Arc::default(),
            account_ids: Arc::default(),
            standings: Arc::default(),
            own_account: Arc::default(),
        })
    }

    /// The id of the account Postern acts as on this server (the owner of its API key).
    /// Asked once; a failure is not remembered.
    pub async fn own_account_id(&self) -> Result<&str, StalwartError> {
        self.own_account
            .get_or_try_init(|| self.transport.session_account())
            .await
            .map(String::as_str)
    }

    /// The id of the domain called `name`, or `None` if Stalwart has no such domain.
    pub async fn domain_id(&self, name: &str) -> Result<Option<String>, StalwartError> {
        if let Some(id) = self.domain_ids.read().expect("lock").get(name) {
            return Ok(Some(id.clone()));
        }
        // The filter is the server's to interpret: only a domain whose name is exactly the one
        // asked for is taken (never a sub- or parent domain it may also match).
        let mut batch = Batch::new();
        let query = batch.call("x:Domain/query", json!({ "filter": { "name": name } }));
        let get = batch.call(
            "x:Domain/get",
            json!({ "#ids": query.result_of("/ids"), "properties": ["name"] }),
        );
        let mut responses = self.transport.send(&batch).await?;
        let _: QueryResponse = responses.take(query)?;
        let found: GetResponse<Domain> = responses.take(get)?;
        let Some(id) = found
            .list
            .into_iter()
            .find(|d| d.name.eq_ignore_ascii_case(name))
            .map(|d| d.id)
        else {
            return Ok(None);
        };
        self.domain_ids
            .write()
            .expect("lock")
            .insert(name.to_owned(), id.clone());
        Ok(Some(id))
    }

    /// Drops a deleted domain from the cache, with the accounts cached in it.
    pub fn forget_domain(&self, name: &str) {
        self.domain_ids.write().expect("lock").remove(name);
        let suffix = format!("@{name}");
        let mut ids = self.account_ids.write().expect("lock");
        let mut standings = self.standings.write().expect("lock");
        ids.retain(|address, (id, _)| {
            let keep = !address.ends_with(&suffix);
            if !keep {
                standings.remove(id);
            }
            keep
        });
    }

    /// The name of the domain with this id (cached like [`Self::domain_id`]).
    pub async fn domain_name(&self, id: &str) -> Result<Option<String>, StalwartError> {
        let cached = self
            .domain_ids
            .read()
            .expect("lock")
            .iter()
            .find(|(_, v)| v.as_str() == id)
            .map(|(k, _)| k.clone());
        if cached.is_some() {
            return Ok(cached);
        }
        let mut batch = Batch::new();
        let get = batch.call(
            "x:Domain/get",
            json!({ "ids": [id], "properties": ["name"] }),
        );
        let found: GetResponse<Domain> = self.transport.send(&batch).await?.take(get)?;
        let Some(domain) = found.list.into_iter().next() else {
            return Ok(None);
        };
        self.domain_ids
            .write()
            .expect("lock")
            .insert(domain.name.clone(), domain.id);
        Ok(Some(domain.name))
    }
}
