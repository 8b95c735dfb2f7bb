//! What a domain asks to be published: its zone text and DKIM keys (API.md §8–9).

use super::client::StalwartClient;
use super::error::StalwartError;
use super::jmap::{Batch, GetResponse, QueryResponse};
use serde::Deserialize;
use serde_json::{Value, json};

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

impl StalwartClient {
    /// The external directory (OIDC, LDAP, SQL) every account signs in with, if any:
    /// `x:Authentication.directoryId` (API.md §10.2). With one, Stalwart keeps no usable
    /// password for anyone (live 082) and refuses to set one for its accounts (live 086).
    pub async fn external_directory(&self) -> Result<Option<String>, StalwartError> {
        let mut batch = Batch::new();
        let get = batch.call(
            "x:Authentication/get",
            json!({ "ids": ["singleton"], "properties": ["directoryId"] }),
        );
        let found: GetResponse<Value> = self.transport.send(&batch).await?.take(get)?;
        Ok(found
            .list
            .first()
            .and_then(|s| s.get("directoryId"))
            .and_then(Value::as_str)
            .map(str::to_owned))
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
}
