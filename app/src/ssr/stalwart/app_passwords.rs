//! App passwords (API.md §6): list, create (the secret comes back once), revoke.

use super::client::StalwartClient;
use super::error::{SetErrorKind, StalwartError};
use super::jmap::{Batch, GetResponse, QueryResponse, SetResponse};
use super::model::{ApiKey, AppPassword};
use secrecy::SecretString;
use serde::Deserialize;
use serde_json::{Value, json};

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

    /// The account's app passwords and API keys, newest first, in one request.
    pub async fn app_passwords_and_api_keys(
        &self,
        account_id: &str,
    ) -> Result<(Vec<AppPassword>, Vec<ApiKey>), StalwartError> {
        let mut batch = Batch::new();
        let passwords = batch.call("x:AppPassword/query", json!({ "accountId": account_id }));
        let password_list = batch.call(
            "x:AppPassword/get",
            json!({ "accountId": account_id, "#ids": passwords.result_of("/ids") }),
        );
        let keys = batch.call("x:ApiKey/query", json!({ "accountId": account_id }));
        let key_list = batch.call(
            "x:ApiKey/get",
            json!({ "accountId": account_id, "#ids": keys.result_of("/ids"),
                    "properties": ["description", "createdAt"] }),
        );
        let mut responses = self.transport.send(&batch).await?;
        let password_order: QueryResponse = responses.take(passwords)?;
        let mut password_list = responses
            .take::<GetResponse<AppPassword>>(password_list)?
            .list;
        password_list.sort_by_key(|p| password_order.ids.iter().position(|id| *id == p.id));
        let key_order: QueryResponse = responses.take(keys)?;
        let mut key_list = responses.take::<GetResponse<ApiKey>>(key_list)?.list;
        key_list.sort_by_key(|k| key_order.ids.iter().position(|id| *id == k.id));
        Ok((password_list, key_list))
    }

    /// Revokes API keys; like [`Self::destroy_app_passwords`], an id already gone counts.
    pub async fn destroy_api_keys(
        &self,
        account_id: &str,
        ids: &[String],
    ) -> Result<(), StalwartError> {
        self.destroy(account_id, "x:ApiKey/set", ids).await
    }

    /// Revokes app passwords. Revocation is idempotent: an id that is already gone counts as
    /// revoked, so a retry after a timeout is safe.
    pub async fn destroy_app_passwords(
        &self,
        account_id: &str,
        ids: &[String],
    ) -> Result<(), StalwartError> {
        self.destroy(account_id, "x:AppPassword/set", ids).await
    }

    async fn destroy(
        &self,
        account_id: &str,
        method: &'static str,
        ids: &[String],
    ) -> Result<(), StalwartError> {
        if ids.is_empty() {
            return Ok(());
        }
        let mut batch = Batch::new();
        let set = batch.call(method, json!({ "accountId": account_id, "destroy": ids }));
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
