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
    "roles",
    "permissions",
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
    /// Stalwart calls it `name`: the part before the `@`.
    #[serde(rename = "name")]
    pub local_part: String,
    pub domain_id: String,
    #[serde(rename = "@type")]
    pub kind: AccountKind,
    /// Stalwart calls it `description`.
    #[serde(default, rename = "description")]
    pub display_name: Option<String>,
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
    /// `{"@type":"User"}`, `{"@type":"Admin"}`, `{"@type":"Custom","roleIds":{…}}`; groups
    /// `{"@type":"Default"}` (API.md §5.1). `Null` when not fetched.
    #[serde(default)]
    pub roles: Value,
    /// `{"@type":"Inherit"}`, `Merge` or `Replace` (API.md §5.1). `Null` when not fetched.
    #[serde(default)]
    pub permissions: Value,
}

impl Account {
    pub fn disk_quota(&self) -> Option<u64> {
        self.quotas.get("maxDiskQuota").and_then(Value::as_u64)
    }

    /// Whether the account holds only the role every ordinary account gets: `User` for a
    /// user, `Default` for a group. Anything else (Admin, Organisation admin, custom roles, or a
    /// value we did not receive) is not plain.
    pub fn has_plain_role(&self) -> bool {
        let plain = match self.kind {
            AccountKind::User => "User",
            AccountKind::Group => "Default",
        };
        self.roles.get("@type").and_then(Value::as_str) == Some(plain)
    }

    /// The server-management permissions the account's own `permissions` grant on top of its
    /// role (`Merge.enabledPermissions`, or a `Replace` list).
    pub fn management_permissions(&self) -> Vec<String> {
        let granted = match self.permissions.get("@type").and_then(Value::as_str) {
            Some("Merge") => self.permissions.get("enabledPermissions"),
            Some("Replace") => self
                .permissions
                .get("permissions")
                .or_else(|| self.permissions.get("enabledPermissions")),
            _ => None,
        };
        granted
            .and_then(Value::as_object)
            .map(|m| {
                m.iter()
                    .filter(|(name, on)| on.as_bool() == Some(true) && is_management(name))
                    .map(|(name, _)| name.clone())
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// Permissions that act on the server or on other accounts rather than on one's own mail
/// (names from live 003): `sys*` objects, actions, tasks, live telemetry, OAuth clients,
/// acting as someone else, and the limits that protect the server from one account.
pub fn is_management(permission: &str) -> bool {
    const PREFIXES: [&str; 5] = ["sys", "action", "task", "live", "oAuthClient"];
    const NAMES: [&str; 4] = [
        "impersonate",
        "fetchAnyBlob",
        "unlimitedRequests",
        "unlimitedUploads",
    ];
    PREFIXES.iter().any(|p| {
        permission
            .strip_prefix(p)
            .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_uppercase()))
    }) || NAMES.contains(&permission)
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Alias {
    #[serde(rename = "name")]
    pub local_part: String,
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

/// An API key as listed (API.md §6: the same fields as an app password).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ApiKey {
    pub id: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub created_at: String,
}

impl AppPassword {
    /// The permissions a `Replace` list grants (`None` when it inherits the account's).
    pub fn granted(&self) -> Option<Vec<&str>> {
        self.is_restricted().then(|| {
            self.permissions
                .get("permissions")
                .and_then(Value::as_object)
                .map(|m| m.keys().map(String::as_str).collect())
                .unwrap_or_default()
        })
    }

    /// Whether the credential was restricted with a `Replace` permission list.
    pub fn is_restricted(&self) -> bool {
        self.permissions.get("@type").and_then(Value::as_str) == Some("Replace")
    }
}

/// Whether a permissions object lets the account receive mail (API.md §5.6): `Inherit` takes
/// the default group role, which includes `emailReceive`.
pub fn can_receive(permissions: &Value) -> bool {
    let has = |key: &str| {
        permissions
            .get(key)
            .and_then(|m| m.get("emailReceive"))
            .and_then(Value::as_bool)
            == Some(true)
    };
    match permissions.get("@type").and_then(Value::as_str) {
        Some("Merge") => !has("disabledPermissions"),
        Some("Replace") => has("permissions") || has("enabledPermissions"),
        _ => true,
    }
}

/// The same permissions with `emailReceive` given back, every other setting kept.
pub fn with_receive(permissions: &Value) -> Value {
    let mut fixed = permissions.clone();
    match permissions.get("@type").and_then(Value::as_str) {
        Some("Merge") => {
            if let Some(disabled) = fixed
                .get_mut("disabledPermissions")
                .and_then(Value::as_object_mut)
            {
                disabled.remove("emailReceive");
            }
        }
        Some("Replace") => {
            let key = if fixed.get("permissions").is_some() {
                "permissions"
            } else {
                "enabledPermissions"
            };
            fixed[key]["emailReceive"] = Value::Bool(true);
        }
        _ => fixed = serde_json::json!({ "@type": "Inherit" }),
    }
    fixed
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn receiving_mail_follows_the_permission_kind() {
        assert!(can_receive(&json!({"@type": "Inherit"})));
        assert!(!can_receive(
            &json!({"@type": "Merge", "enabledPermissions": {}, "disabledPermissions": {"emailReceive": true}})
        ));
        assert!(!can_receive(
            &json!({"@type": "Replace", "permissions": {"emailSend": true}})
        ));
        let fixed = with_receive(
            &json!({"@type": "Merge", "enabledPermissions": {}, "disabledPermissions": {"emailReceive": true, "emailSend": true}}),
        );
        assert!(can_receive(&fixed));
        assert_eq!(
            fixed["disabledPermissions"],
            json!({"emailSend": true}),
            "other settings are kept"
        );
    }

    #[test]
    fn management_permissions_are_told_from_mail_permissions() {
        assert!(is_management("sysAccountUpdate") && is_management("impersonate"));
        assert!(!is_management("emailSend") && !is_management("system"));
    }
}
