//! The one Stalwart client. Callers speak in mailboxes, domains and app passwords; the JMAP
//! `x:` wire format (../shared/stalwart/API.md) stays inside this module so that a second API
//! generation can sit behind the same methods.

mod error;
mod jmap;
mod model;

pub use error::{ObjectRef, SetError, SetErrorKind, StalwartError};
pub use model::{ACCOUNT_PROPERTIES, Account, AccountKind, Alias, AppPassword, Domain};

use jmap::{Batch, GetResponse, QueryResponse, SetResponse, Transport};
use secrecy::SecretString;
use serde::Deserialize;
use serde_json::{Value, json};
use std::collections::HashMap;
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

/// A client for one Stalwart server, authenticated with that server's API key.
#[derive(Clone, Debug)]
pub struct StalwartClient {
    transport: Transport,
    /// Domain name → id. Domain ids never change while the domain exists, so a cache saves a
    /// round trip on every page; an unknown name is not cached (it may be created later).
    domain_ids: Arc<RwLock<HashMap<String, String>>>,
    /// Address → user account id, for a few minutes: every app-password page needs the id,
    /// and Stalwart hands out account ids in sequence without reusing them, so a cached id
    /// can go stale (account deleted) but never point at someone else.
    account_ids: Arc<RwLock<HashMap<String, (String, Instant)>>>,
    /// The account that owns the API key; it never changes for a given key.
    own_account: Arc<tokio::sync::OnceCell<String>>,
}

const ACCOUNT_ID_TTL: Duration = Duration::from_secs(300);

/// What to create (API.md §6, writable fields).
#[derive(Debug, Clone, Default)]
pub struct NewAppPassword {
    pub description: String,
    /// RFC 3339, UTC.
    pub expires_at: Option<String>,
    pub allowed_ips: Vec<String>,
    /// `None` inherits the account's permissions; `Some` replaces them with exactly this list.
    pub permissions: Option<Vec<&'static str>>,
}

/// The secret Stalwart generated. It is returned once and must not be stored or logged.
pub struct CreatedAppPassword {
    pub id: String,
    pub secret: SecretString,
}

impl std::fmt::Debug for CreatedAppPassword {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CreatedAppPassword")
            .field("id", &self.id)
            .finish_non_exhaustive()
    }
}

impl StalwartClient {
    pub fn new(
        base_url: &url::Url,
        api_key: SecretString,
        timeout: Duration,
    ) -> Result<Self, StalwartError> {
        Ok(Self {
            transport: Transport::new(base_url, api_key, timeout)?,
            domain_ids: Arc::default(),
            account_ids: Arc::default(),
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
        let mut batch = Batch::new();
        let query = batch.call("x:Domain/query", json!({ "filter": { "name": name } }));
        let found: QueryResponse = self.transport.send(&batch).await?.take(query)?;
        let Some(id) = found.ids.into_iter().next() else {
            return Ok(None);
        };
        self.domain_ids
            .write()
            .expect("lock")
            .insert(name.to_owned(), id.clone());
        Ok(Some(id))
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

    /// The user account whose primary address is `local_part@domain`, if any.
    pub async fn find_user(
        &self,
        local_part: &str,
        domain: &str,
    ) -> Result<Option<Account>, StalwartError> {
        let Some(domain_id) = self.domain_id(domain).await? else {
            return Ok(None);
        };
        let mut batch = Batch::new();
        let query = batch.call(
            "x:Account/query",
            json!({ "filter": { "name": local_part, "domainId": domain_id, "@type": "User" } }),
        );
        let get = batch.call(
            "x:Account/get",
            json!({ "#ids": query.result_of("/ids"), "properties": ACCOUNT_PROPERTIES }),
        );
        let mut responses = self.transport.send(&batch).await?;
        let _: QueryResponse = responses.take(query)?;
        let found: GetResponse<Account> = responses.take(get)?;
        Ok(found.list.into_iter().next())
    }

    /// The id of the user account `local_part@domain` (cached briefly; see `account_ids`).
    pub async fn user_id(
        &self,
        local_part: &str,
        domain: &str,
    ) -> Result<Option<String>, StalwartError> {
        let address = format!("{local_part}@{domain}");
        if let Some((id, at)) = self.account_ids.read().expect("lock").get(&address)
            && at.elapsed() < ACCOUNT_ID_TTL
        {
            return Ok(Some(id.clone()));
        }
        let Some(domain_id) = self.domain_id(domain).await? else {
            return Ok(None);
        };
        let mut batch = Batch::new();
        let query = batch.call(
            "x:Account/query",
            json!({ "filter": { "name": local_part, "domainId": domain_id, "@type": "User" } }),
        );
        let found: QueryResponse = self.transport.send(&batch).await?.take(query)?;
        let Some(id) = found.ids.into_iter().next() else {
            self.forget_user(&address);
            return Ok(None);
        };
        self.account_ids
            .write()
            .expect("lock")
            .insert(address, (id.clone(), Instant::now()));
        Ok(Some(id))
    }

    /// Drops a cached account id (after Stalwart said the account is gone).
    pub fn forget_user(&self, address: &str) {
        self.account_ids.write().expect("lock").remove(address);
    }

    /// The account with this id, if it exists.
    pub async fn account(&self, id: &str) -> Result<Option<Account>, StalwartError> {
        let mut batch = Batch::new();
        let get = batch.call(
            "x:Account/get",
            json!({ "ids": [id], "properties": ACCOUNT_PROPERTIES }),
        );
        let found: GetResponse<Account> = self.transport.send(&batch).await?.take(get)?;
        Ok(found.list.into_iter().next())
    }

    /// Every app password of `account_id`, newest first (Stalwart's default id-descending order).
    pub async fn app_passwords(&self, account_id: &str) -> Result<Vec<AppPassword>, StalwartError> {
        let mut batch = Batch::new();
        // `query` + back-referenced `get` rather than `get ids:null`, which also reports the
        // password credential in notFound (API.md §6, live 020 vs 025).
        let query = batch.call("x:AppPassword/query", json!({ "accountId": account_id }));
        let get = batch.call(
            "x:AppPassword/get",
            json!({ "accountId": account_id, "#ids": query.result_of("/ids") }),
        );
        let mut responses = self.transport.send(&batch).await?;
        let order: QueryResponse = responses.take(query)?;
        let found: GetResponse<AppPassword> = responses.take(get)?;
        let mut list = found.list;
        list.sort_by_key(|p| order.ids.iter().position(|id| *id == p.id));
        Ok(list)
    }

    /// Creates an app password; Stalwart generates the secret and returns it this once.
    ///
    /// Not retried: a `/set create` repeated after a lost answer would mint a second password.
    pub async fn create_app_password(
        &self,
        account_id: &str,
        new: &NewAppPassword,
    ) -> Result<CreatedAppPassword, StalwartError> {
        let mut object = json!({ "description": new.description });
        if let Some(expires_at) = &new.expires_at {
            object["expiresAt"] = json!(expires_at);
        }
        if !new.allowed_ips.is_empty() {
            object["allowedIps"] = set_of(new.allowed_ips.iter().map(String::as_str));
        }
        if let Some(permissions) = &new.permissions {
            object["permissions"] =
                json!({ "@type": "Replace", "permissions": set_of(permissions.iter().copied()) });
        }
        let mut batch = Batch::new();
        let set = batch.call(
            "x:AppPassword/set",
            json!({ "accountId": account_id, "create": { "new": object } }),
        );
        let response: SetResponse<CreatedSecret> = self.transport.send(&batch).await?.take(set)?;
        let created = response.created("new")?;
        Ok(CreatedAppPassword {
            id: created.id,
            secret: created.secret,
        })
    }

    /// Revokes app passwords. Revocation is idempotent: an id that is already gone counts as
    /// revoked, so a retry after a timeout is safe.
    pub async fn destroy_app_passwords(
        &self,
        account_id: &str,
        ids: &[String],
    ) -> Result<(), StalwartError> {
        if ids.is_empty() {
            return Ok(());
        }
        let mut batch = Batch::new();
        let set = batch.call(
            "x:AppPassword/set",
            json!({ "accountId": account_id, "destroy": ids }),
        );
        let response: SetResponse = self.transport.send(&batch).await?.take(set)?;
        for id in ids {
            match response.destroyed(id) {
                Ok(()) => {}
                Err(StalwartError::Set(e)) if e.kind == SetErrorKind::NotFound => {}
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }
}

/// A DKIM key as listed (API.md §8): `publicKey` is computed by Stalwart on read.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DkimKey {
    pub id: String,
    pub selector: String,
    #[serde(default)]
    pub stage: String,
    #[serde(default)]
    pub created_at: String,
    #[serde(rename = "@type")]
    pub algorithm: String,
    #[serde(default)]
    pub public_key: String,
}

/// One page of accounts of a domain (API.md §5.4).
#[derive(Debug, Clone)]
pub struct AccountPage {
    pub accounts: Vec<Account>,
    pub total: u64,
    pub position: u64,
}

/// What an admin creates (API.md §5.2). The password is a hash or nothing: Postern never
/// sends a clear-text password (§5.3: a `$…` hash is stored verbatim).
#[derive(Debug, Clone)]
pub struct NewAccount {
    pub kind: AccountKind,
    pub name: String,
    pub domain_id: String,
    pub description: Option<String>,
    pub quota_bytes: Option<u64>,
    /// (local part, domain id)
    pub aliases: Vec<(String, String)>,
    pub password_hash: Option<String>,
}

impl StalwartClient {
    /// A page of a domain's accounts of one kind, newest first, with the total, in one
    /// request (query + back-referenced get). `text` searches names and addresses.
    pub async fn accounts_page(
        &self,
        domain_id: &str,
        kind: AccountKind,
        text: Option<&str>,
        position: u64,
        limit: u64,
    ) -> Result<AccountPage, StalwartError> {
        let mut filter = json!({ "domainId": domain_id, "@type": kind });
        if let Some(text) = text.filter(|t| !t.is_empty()) {
            filter["text"] = json!(text);
        }
        let mut batch = Batch::new();
        let query = batch.call(
            "x:Account/query",
            json!({ "filter": filter, "position": position, "limit": limit, "calculateTotal": true }),
        );
        let get = batch.call(
            "x:Account/get",
            json!({ "#ids": query.result_of("/ids"), "properties": ACCOUNT_PROPERTIES }),
        );
        let mut responses = self.transport.send(&batch).await?;
        let found: QueryResponse = responses.take(query)?;
        let got: GetResponse<Account> = responses.take(get)?;
        let mut accounts = got.list;
        accounts.sort_by_key(|a| found.ids.iter().position(|id| *id == a.id));
        Ok(AccountPage {
            accounts,
            total: found.total.unwrap_or(0),
            position: found.position,
        })
    }

    /// Accounts by id (missing ones are left out).
    pub async fn accounts(&self, ids: &[String]) -> Result<Vec<Account>, StalwartError> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let mut batch = Batch::new();
        let get = batch.call(
            "x:Account/get",
            json!({ "ids": ids, "properties": ACCOUNT_PROPERTIES }),
        );
        let found: GetResponse<Account> = self.transport.send(&batch).await?.take(get)?;
        Ok(found.list)
    }

    /// Every group of a domain (groups are few; one request).
    pub async fn groups(&self, domain_id: &str) -> Result<Vec<Account>, StalwartError> {
        Ok(self
            .accounts_page(domain_id, AccountKind::Group, None, 0, 500)
            .await?
            .accounts)
    }

    /// Users that are members of a group.
    pub async fn members(&self, group_id: &str) -> Result<Vec<Account>, StalwartError> {
        let mut batch = Batch::new();
        let query = batch.call(
            "x:Account/query",
            json!({ "filter": { "memberGroupIds": group_id }, "limit": 500 }),
        );
        let get = batch.call(
            "x:Account/get",
            json!({ "#ids": query.result_of("/ids"), "properties": ACCOUNT_PROPERTIES }),
        );
        let mut responses = self.transport.send(&batch).await?;
        let _: QueryResponse = responses.take(query)?;
        Ok(responses.take::<GetResponse<Account>>(get)?.list)
    }

    /// The account's permissions object (`{"@type": "Inherit"}` etc.), for groups' emailReceive.
    pub async fn permissions(&self, id: &str) -> Result<Option<Value>, StalwartError> {
        let mut batch = Batch::new();
        let get = batch.call(
            "x:Account/get",
            json!({ "ids": [id], "properties": ["permissions"] }),
        );
        let found: GetResponse<Value> = self.transport.send(&batch).await?.take(get)?;
        Ok(found
            .list
            .into_iter()
            .next()
            .and_then(|a| a.get("permissions").cloned()))
    }

    /// The domain's zone text (`dnsZoneFile`) and DKIM keys, in one request (API.md §8–9).
    pub async fn dns(&self, domain_id: &str) -> Result<(String, Vec<DkimKey>), StalwartError> {
        let mut batch = Batch::new();
        let domain = batch.call(
            "x:Domain/get",
            json!({ "ids": [domain_id], "properties": ["name", "dnsZoneFile"] }),
        );
        let query = batch.call(
            "x:DkimSignature/query",
            json!({ "filter": { "domainId": domain_id } }),
        );
        let keys = batch.call(
            "x:DkimSignature/get",
            json!({ "#ids": query.result_of("/ids"), "properties": ["selector", "stage", "createdAt", "@type", "publicKey"] }),
        );
        let mut responses = self.transport.send(&batch).await?;
        let found: GetResponse<Value> = responses.take(domain)?;
        let _: QueryResponse = responses.take(query)?;
        let keys: GetResponse<DkimKey> = responses.take(keys)?;
        let text = found
            .list
            .first()
            .and_then(|d| d.get("dnsZoneFile"))
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned();
        Ok((text, keys.list))
    }

    /// The account's credential list as (index, `@type`): the password is not always at 0.
    pub async fn credentials(&self, id: &str) -> Result<Vec<(String, String)>, StalwartError> {
        let mut batch = Batch::new();
        let get = batch.call(
            "x:Account/get",
            json!({ "ids": [id], "properties": ["credentials"] }),
        );
        let found: GetResponse<Value> = self.transport.send(&batch).await?.take(get)?;
        let credentials = found
            .list
            .into_iter()
            .next()
            .and_then(|a| a.get("credentials").cloned())
            .unwrap_or_default();
        Ok(credentials
            .as_object()
            .map(|m| {
                m.iter()
                    .map(|(k, v)| {
                        (
                            k.clone(),
                            v.get("@type")
                                .and_then(Value::as_str)
                                .unwrap_or_default()
                                .to_owned(),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default())
    }

    pub async fn create_account(&self, new: &NewAccount) -> Result<String, StalwartError> {
        let mut object = json!({ "@type": new.kind, "name": new.name, "domainId": new.domain_id });
        if let Some(d) = &new.description {
            object["description"] = json!(d);
        }
        if let Some(q) = new.quota_bytes {
            object["quotas"] = json!({ "maxDiskQuota": q });
        }
        if !new.aliases.is_empty() {
            let aliases: serde_json::Map<String, Value> = new
                .aliases
                .iter()
                .enumerate()
                .map(|(i, (name, domain_id))| {
                    (
                        i.to_string(),
                        json!({ "name": name, "domainId": domain_id }),
                    )
                })
                .collect();
            object["aliases"] = Value::Object(aliases);
        }
        if let Some(hash) = &new.password_hash {
            object["credentials"] = json!({ "0": { "@type": "Password", "secret": hash } });
        }
        let mut batch = Batch::new();
        let set = batch.call("x:Account/set", json!({ "create": { "new": object } }));
        let response: SetResponse<Value> = self.transport.send(&batch).await?.take(set)?;
        let created = response.created("new")?;
        created
            .get("id")
            .and_then(Value::as_str)
            .map(str::to_owned)
            .ok_or_else(|| StalwartError::Protocol("created account without id".into()))
    }

    /// Applies a JMAP PatchObject to an account (API.md §2.3, §5.5).
    pub async fn update_account(&self, id: &str, patch: Value) -> Result<(), StalwartError> {
        let mut batch = Batch::new();
        let set = batch.call("x:Account/set", json!({ "update": { id: patch } }));
        let response: SetResponse = self.transport.send(&batch).await?.take(set)?;
        response.updated(id)
    }

    pub async fn destroy_account(&self, id: &str) -> Result<(), StalwartError> {
        let mut batch = Batch::new();
        let set = batch.call("x:Account/set", json!({ "destroy": [id] }));
        let response: SetResponse = self.transport.send(&batch).await?.take(set)?;
        response.destroyed(id)
    }
}

#[derive(Deserialize)]
struct CreatedSecret {
    id: String,
    secret: SecretString,
}

/// A JMAP "set" value: `{"a": true, "b": true}` (API.md §2.3).
fn set_of<'a>(items: impl IntoIterator<Item = &'a str>) -> Value {
    Value::Object(
        items
            .into_iter()
            .map(|k| (k.to_owned(), Value::Bool(true)))
            .collect(),
    )
}
