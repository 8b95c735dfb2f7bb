//! Typed views of the `x:` objects Postern reads and writes (API.md §4–§6).

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// Properties fetched for a mailbox; a subset keeps responses small (API.md §5.4).
pub const ACCOUNT_PROPERTIES: &[&str] = &[
    "name",
    "domainId",
    "@type",
    "description",
    "emailAddress",
    "quotas",
    "usedDiskQuota",
    "aliases",
    "memberGroupIds",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum AccountKind {
    User,
    Group,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Account {
    pub id: String,
    pub name: String,
    pub domain_id: String,
    #[serde(rename = "@type")]
    pub kind: AccountKind,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub email_address: Option<String>,
    #[serde(default)]
    pub quotas: Map<String, Value>,
    #[serde(default)]
    pub used_disk_quota: Option<u64>,
    #[serde(default)]
    pub aliases: BTreeMap<String, Alias>,
    #[serde(default)]
    pub member_group_ids: BTreeMap<String, bool>,
}

impl Account {
    pub fn disk_quota(&self) -> Option<u64> {
        self.quotas.get("maxDiskQuota").and_then(Value::as_u64)
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Alias {
    pub name: String,
    pub domain_id: String,
    #[serde(default = "yes")]
    pub enabled: bool,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Domain {
    pub id: String,
    pub name: String,
}

/// An app password as listed (the secret is always `"****"` and is not kept).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AppPassword {
    pub id: String,
    #[serde(default)]
    pub description: String,
    pub created_at: String,
    #[serde(default)]
    pub expires_at: Option<String>,
    #[serde(default)]
    pub allowed_ips: BTreeMap<String, bool>,
    #[serde(default)]
    pub permissions: Value,
}

impl AppPassword {
    /// Whether the credential was restricted with a `Replace` permission list.
    pub fn is_restricted(&self) -> bool {
        self.permissions.get("@type").and_then(Value::as_str) == Some("Replace")
    }
}
