//! Accounts and groups (API.md §5): reads, and every change an admin makes, each as a typed
//! method so that no caller builds a JMAP patch.

use super::client::{ACCOUNT_ID_TTL, StalwartClient};
use super::error::StalwartError;
use super::jmap::{Batch, CallRef, GetResponse, QueryResponse, SetResponse};
use super::model::{ACCOUNT_PROPERTIES, Account, AccountKind};
use serde_json::{Value, json};
use std::time::Instant;

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
    pub local_part: String,
    pub domain_id: String,
    pub display_name: Option<String>,
    pub quota_bytes: Option<u64>,
    /// (local part, domain id)
    pub aliases: Vec<(String, String)>,
    pub password_hash: Option<String>,
}

/// The query for the user whose primary address is `local_part@<domain_id>`.
fn query_user(batch: &mut Batch, local_part: &str, domain_id: &str) -> CallRef {
    batch.call(
        "x:Account/query",
        json!({ "filter": { "name": local_part, "domainId": domain_id, "@type": "User" } }),
    )
}

impl StalwartClient {
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
        let query = query_user(&mut batch, local_part, &domain_id);
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

    /// Drops a cached account id (after Stalwart said the account is gone, or Postern deleted
    /// it), and what is cached of that account.
    pub fn forget_user(&self, address: &str) {
        let removed = self.account_ids.write().expect("lock").remove(address);
        if let Some((id, _)) = removed {
            self.forget_account(&id);
        }
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
        let query = query_user(&mut batch, local_part, &domain_id);
        let get = batch.call(
            "x:Account/get",
            json!({ "#ids": query.result_of("/ids"), "properties": ACCOUNT_PROPERTIES }),
        );
        let mut responses = self.transport.send(&batch).await?;
        let _: QueryResponse = responses.take(query)?;
        let found: GetResponse<Account> = responses.take(get)?;
        Ok(found.list.into_iter().next())
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

    /// The account's credential list as (index, `@type`): the password is not always at 0.
    async fn credentials(&self, id: &str) -> Result<Vec<(String, String)>, StalwartError> {
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
        let mut object =
            json!({ "@type": new.kind, "name": new.local_part, "domainId": new.domain_id });
        if let Some(d) = &new.display_name {
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

    /// Applies a JMAP PatchObject to an account (API.md §2.3, §5.5). Private: callers use the
    /// typed changes below.
    async fn update_account(&self, id: &str, patch: Value) -> Result<(), StalwartError> {
        let mut batch = Batch::new();
        let set = batch.call("x:Account/set", json!({ "update": { id: patch } }));
        let response: SetResponse = self.transport.send(&batch).await?.take(set)?;
        response.updated(id)
    }

    /// Sets the display name (`None` clears it) and the disk quota (`None`: no limit).
    pub async fn set_details(
        &self,
        id: &str,
        display_name: Option<&str>,
        quota_bytes: Option<u64>,
    ) -> Result<(), StalwartError> {
        let patch = json!({ "description": display_name, "quotas/maxDiskQuota": quota_bytes });
        self.update_account(id, patch).await
    }

    /// Adds `local@<domain>` as an alias, after the account's existing ones (live 052).
    pub async fn add_alias(
        &self,
        account: &Account,
        local: &str,
        domain_id: &str,
    ) -> Result<(), StalwartError> {
        let index = account.aliases.len();
        let patch = json!({ format!("aliases/{index}"): { "name": local, "domainId": domain_id } });
        self.update_account(&account.id, patch).await
    }

    /// Removes the alias stored under `key` in the account's alias list (live 054).
    pub async fn remove_alias(&self, account_id: &str, key: &str) -> Result<(), StalwartError> {
        self.update_account(account_id, json!({ format!("aliases/{key}"): null }))
            .await
    }

    /// Replaces the account's password with a hash Stalwart stores verbatim (API.md §5.3).
    /// The password credential is not always the first one, so the list is read first.
    pub async fn set_password_hash(&self, id: &str, hash: &str) -> Result<(), StalwartError> {
        let credentials = self.credentials(id).await?;
        let patch = match credentials.iter().find(|(_, kind)| kind == "Password") {
            Some((index, _)) => json!({ format!("credentials/{index}/secret"): hash }),
            None => {
                json!({ format!("credentials/{}", credentials.len()): { "@type": "Password", "secret": hash } })
            }
        };
        self.update_account(id, patch).await
    }

    /// Makes the user a member of exactly these groups (membership is set on the user,
    /// API.md §5.6).
    pub async fn set_groups<'a>(
        &self,
        user_id: &str,
        group_ids: impl IntoIterator<Item = &'a str>,
    ) -> Result<(), StalwartError> {
        let groups: serde_json::Map<String, Value> = group_ids
            .into_iter()
            .map(|g| (g.to_owned(), Value::Bool(true)))
            .collect();
        self.update_account(user_id, json!({ "memberGroupIds": groups }))
            .await
    }

    /// Replaces the account's `permissions` object (see [`super::model::with_receive`]).
    pub async fn set_permissions(
        &self,
        id: &str,
        permissions: &Value,
    ) -> Result<(), StalwartError> {
        self.update_account(id, json!({ "permissions": permissions }))
            .await
    }

    pub async fn destroy_account(&self, id: &str) -> Result<(), StalwartError> {
        let mut batch = Batch::new();
        let set = batch.call("x:Account/set", json!({ "destroy": [id] }));
        let response: SetResponse = self.transport.send(&batch).await?.take(set)?;
        response.destroyed(id)?;
        self.forget_account(id);
        Ok(())
    }
}
