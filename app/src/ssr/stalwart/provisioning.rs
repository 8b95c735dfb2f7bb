//! Putting a domain on a server and taking it off again (API.md §4, §8; live 005, 102, 105),
//! and what the key may do there (`GET /api/account`, API.md §1).

use super::client::StalwartClient;
use super::error::StalwartError;
use super::jmap::{Batch, GetResponse, QueryResponse, SetResponse};
use super::model::{ACCOUNT_PROPERTIES, Account};
use serde::Deserialize;
use serde_json::json;

/// What `GET /api/account` says about the key's account.
#[derive(Debug, Clone, Deserialize)]
pub struct KeyAccount {
    pub permissions: Vec<String>,
    #[serde(default)]
    pub edition: String,
}

#[derive(Deserialize)]
struct Created {
    id: String,
}

/// What a domain holds at the server, before it is deleted with everything in it.
#[derive(Debug, Clone)]
pub struct DomainContents {
    pub domain_id: String,
    pub accounts: Vec<Account>,
}

impl StalwartClient {
    /// The permissions of the account that owns the API key, and the server's edition.
    pub async fn key_account(&self) -> Result<KeyAccount, StalwartError> {
        let value = self.transport.get_api("api/account").await?;
        serde_json::from_value(value)
            .map_err(|e| StalwartError::Protocol(format!("/api/account: {e}")))
    }

    /// Creates a domain; Stalwart makes its DKIM keys itself. Returns its id.
    pub async fn create_domain(&self, name: &str) -> Result<String, StalwartError> {
        let mut batch = Batch::new();
        let set = batch.call(
            "x:Domain/set",
            json!({ "create": { "d1": { "name": name } } }),
        );
        let response: SetResponse<Created> = self.transport.send(&batch).await?.take(set)?;
        Ok(response.created("d1")?.id)
    }

    /// The domain's id and every account (users and groups) in it.
    pub async fn domain_contents(
        &self,
        name: &str,
    ) -> Result<Option<DomainContents>, StalwartError> {
        let Some(domain_id) = self.domain_id(name).await? else {
            return Ok(None);
        };
        let mut batch = Batch::new();
        let query = batch.call(
            "x:Account/query",
            json!({ "filter": { "domainId": domain_id } }),
        );
        let get = batch.call(
            "x:Account/get",
            json!({ "#ids": query.result_of("/ids"), "properties": ACCOUNT_PROPERTIES }),
        );
        let mut responses = self.transport.send(&batch).await?;
        let _: QueryResponse = responses.take(query)?;
        let got: GetResponse<Account> = responses.take(get)?;
        Ok(Some(DomainContents {
            domain_id,
            accounts: got.list,
        }))
    }

    /// Deletes the given accounts of a domain, its DKIM keys and the domain, in one request.
    /// Returns the ids of the accounts that were deleted; an error names what was refused.
    pub async fn destroy_domain(
        &self,
        name: &str,
        contents: &DomainContents,
    ) -> Result<(), StalwartError> {
        let ids: Vec<&str> = contents.accounts.iter().map(|a| a.id.as_str()).collect();
        let mut batch = Batch::new();
        let accounts =
            (!ids.is_empty()).then(|| batch.call("x:Account/set", json!({ "destroy": ids })));
        let query = batch.call(
            "x:DkimSignature/query",
            json!({ "filter": { "domainId": contents.domain_id } }),
        );
        let keys = batch.call(
            "x:DkimSignature/set",
            json!({ "#destroy": query.result_of("/ids") }),
        );
        let domain = batch.call("x:Domain/set", json!({ "destroy": [contents.domain_id] }));
        let mut responses = self.transport.send(&batch).await?;
        if let Some(call) = accounts {
            let done: SetResponse = responses.take(call)?;
            for id in &ids {
                done.destroyed(id)?;
            }
        }
        let _: QueryResponse = responses.take(query)?;
        let _: SetResponse = responses.take(keys)?;
        let done: SetResponse = responses.take(domain)?;
        done.destroyed(&contents.domain_id)?;
        self.forget_domain(name);
        for id in &ids {
            self.forget_account(id);
        }
        Ok(())
    }
}
