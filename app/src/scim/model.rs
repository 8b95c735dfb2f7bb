//! SCIM 2.0 (RFC 7643, RFC 7644) as Postern speaks it: the User resource an IdP pushes, the
//! PATCH operations and the one filter form IdPs send (`userName eq "…"`). Pure: no storage.

use crate::ssr::db::scim::Attribute;
use serde::Deserialize;
use serde_json::{Map, Value, json};

pub const USER_SCHEMA: &str = "urn:ietf:params:scim:schemas:core:2.0:User";
pub const ENTERPRISE_SCHEMA: &str = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
pub const PATCH_SCHEMA: &str = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
pub const LIST_SCHEMA: &str = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
pub const ERROR_SCHEMA: &str = "urn:ietf:params:scim:api:messages:2.0:Error";

/// A refusal, as RFC 7644 §3.12 words it.
#[derive(Debug, Clone, PartialEq)]
pub struct ScimError {
    pub status: u16,
    pub scim_type: Option<&'static str>,
    pub detail: String,
}

impl ScimError {
    pub fn bad(scim_type: &'static str, detail: impl Into<String>) -> Self {
        Self {
            status: 400,
            scim_type: Some(scim_type),
            detail: detail.into(),
        }
    }

    pub fn status(status: u16, detail: impl Into<String>) -> Self {
        Self {
            status,
            scim_type: None,
            detail: detail.into(),
        }
    }

    pub fn body(&self) -> Value {
        let mut body = json!({
            "schemas": [ERROR_SCHEMA],
            "status": self.status.to_string(),
            "detail": self.detail,
        });
        if let Some(t) = self.scim_type {
            body["scimType"] = json!(t);
        }
        body
    }
}

/// A User resource as the IdP sent it; Postern keeps what it needs and echoes the rest.
#[derive(Debug, Clone, PartialEq)]
pub struct User(Map<String, Value>);

impl User {
    /// The resource of a POST or PUT body; `userName` is required (RFC 7643 §4.1).
    pub fn from_body(body: Value) -> Result<Self, ScimError> {
        let Value::Object(mut map) = body else {
            return Err(ScimError::bad(
                "invalidSyntax",
                "The body is not a JSON object.",
            ));
        };
        // Ours, not the client's.
        for key in ["id", "meta"] {
            map.remove(key);
        }
        let user = Self(map);
        match user.user_name() {
            Some(name) if !name.trim().is_empty() => Ok(user),
            _ => Err(ScimError::bad("invalidValue", "userName is required.")),
        }
    }

    pub fn from_stored(json: &str) -> Self {
        match serde_json::from_str(json) {
            Ok(Value::Object(map)) => Self(map),
            _ => Self(Map::new()),
        }
    }

    pub fn stored(&self) -> String {
        Value::Object(self.0.clone()).to_string()
    }

    fn get(&self, name: &str) -> Option<&Value> {
        self.0
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v)
    }

    pub fn user_name(&self) -> Option<&str> {
        self.get("userName").and_then(Value::as_str)
    }

    pub fn external_id(&self) -> Option<&str> {
        self.get("externalId")
            .and_then(Value::as_str)
            .filter(|s| !s.is_empty())
    }

    /// `active` defaults to true; Entra ID has sent it as the strings "True" / "False".
    pub fn active(&self) -> bool {
        self.get("active").is_none_or(|v| truthy(v).unwrap_or(true))
    }

    /// The addresses the resource names: userName when it is one, and every `emails` value.
    pub fn addresses(&self) -> Vec<String> {
        let mut all: Vec<String> = Vec::new();
        if let Some(name) = self.user_name().filter(|n| n.contains('@')) {
            all.push(name.trim().to_lowercase());
        }
        if let Some(Value::Array(emails)) = self.get("emails") {
            for e in emails {
                if let Some(v) = e.get("value").and_then(Value::as_str) {
                    let v = v.trim().to_lowercase();
                    if v.contains('@') && !all.contains(&v) {
                        all.push(v);
                    }
                }
            }
        }
        all
    }

    /// Sets `active` (the stored row's value wins over the stored body's).
    pub fn patch_active(&mut self, active: bool) {
        self.set("active", json!(active));
    }

    /// The resource as GET answers it.
    pub fn to_resource(&self, id: &str, created: &str, modified: &str, location: &str) -> Value {
        let mut map = self.0.clone();
        if !map.contains_key("schemas") {
            map.insert("schemas".into(), json!([USER_SCHEMA]));
        }
        map.insert("id".into(), json!(id));
        map.insert("active".into(), json!(self.active()));
        map.insert(
            "meta".into(),
            json!({ "resourceType": "User", "created": created, "lastModified": modified,
                    "location": location }),
        );
        Value::Object(map)
    }

    /// Applies a PatchOp body (RFC 7644 §3.5.2). Operations on attributes Postern does not
    /// read are kept as sent so that a later GET shows them; a filtered path (`emails[type eq
    /// "work"].value`) replaces or adds within the matching entry when there is one.
    pub fn patch(&mut self, body: Value) -> Result<(), ScimError> {
        let patch: PatchBody = serde_json::from_value(body)
            .map_err(|e| ScimError::bad("invalidSyntax", format!("Not a PatchOp body: {e}.")))?;
        if !patch.schemas.iter().any(|s| s == PATCH_SCHEMA) {
            return Err(ScimError::bad(
                "invalidSyntax",
                format!("The schemas must name {PATCH_SCHEMA}."),
            ));
        }
        for op in patch.operations {
            self.apply(op)?;
        }
        Ok(())
    }

    fn apply(&mut self, op: Operation) -> Result<(), ScimError> {
        let kind = op.op.to_ascii_lowercase();
        match (kind.as_str(), op.path) {
            ("add" | "replace", None) => {
                let Some(Value::Object(values)) = op.value else {
                    return Err(ScimError::bad(
                        "invalidValue",
                        "An operation without a path needs an object value.",
                    ));
                };
                for (k, v) in values {
                    self.set(&k, v);
                }
                Ok(())
            }
            ("add" | "replace", Some(path)) => {
                let value = op
                    .value
                    .ok_or_else(|| ScimError::bad("invalidValue", "The operation has no value."))?;
                self.set_path(&path, value)
            }
            ("remove", Some(path)) => {
                if path.contains('[') {
                    // A filtered remove (a member of a multi-valued attribute): nothing Postern
                    // reads; dropping the whole attribute would lose the other entries.
                    return Ok(());
                }
                let key = self.key(&path);
                self.0.remove(&key);
                Ok(())
            }
            ("remove", None) => Err(ScimError::bad("noTarget", "remove needs a path.")),
            (other, _) => Err(ScimError::bad(
                "invalidSyntax",
                format!("Unknown operation \"{other}\"."),
            )),
        }
    }

    /// The stored key for `name` (attribute names are case-insensitive).
    fn key(&self, name: &str) -> String {
        self.0
            .keys()
            .find(|k| k.eq_ignore_ascii_case(name))
            .cloned()
            .unwrap_or_else(|| name.to_owned())
    }

    fn set(&mut self, name: &str, value: Value) {
        let value = if name.eq_ignore_ascii_case("active") {
            json!(truthy(&value).unwrap_or(true))
        } else {
            value
        };
        if name.starts_with("urn:")
            && let Value::Object(values) = &value
            && let Some(Value::Object(existing)) = self.0.get_mut(name)
        {
            for (k, v) in values {
                existing.insert(k.clone(), v.clone());
            }
            return;
        }
        let key = self.key(name);
        self.0.insert(key, value);
    }

    fn set_path(&mut self, path: &str, value: Value) -> Result<(), ScimError> {
        // An extension attribute: "urn:…:enterprise:2.0:User:department".
        if path.starts_with("urn:") {
            if let Some((schema, attribute)) = path.rsplit_once(':')
                && schema.contains(":2.0:")
                && !attribute.contains('.')
                && schema.ends_with("User")
            {
                let entry = self.0.entry(schema.to_owned()).or_insert_with(|| json!({}));
                if let Value::Object(map) = entry {
                    map.insert(attribute.to_owned(), value);
                }
            } else {
                self.set(path, value);
            }
            return Ok(());
        }
        if let Some((attribute, rest)) = path.split_once('[') {
            let (filter, sub) = rest
                .split_once(']')
                .ok_or_else(|| ScimError::bad("invalidPath", format!("Bad path \"{path}\".")))?;
            let (field, wanted) = parse_eq(filter).ok_or_else(|| {
                ScimError::bad("invalidFilter", format!("Bad filter in \"{path}\"."))
            })?;
            let sub = sub.trim_start_matches('.');
            let key = self.key(attribute);
            let list = self.0.entry(key).or_insert_with(|| json!([]));
            let Value::Array(entries) = list else {
                return Err(ScimError::bad(
                    "invalidPath",
                    format!("{attribute} is not multi-valued."),
                ));
            };
            let found = entries.iter_mut().find(|e| {
                e.get(&field)
                    .and_then(Value::as_str)
                    .is_some_and(|v| v.eq_ignore_ascii_case(&wanted))
            });
            match (found, sub.is_empty()) {
                (Some(entry), true) => *entry = value,
                (Some(entry), false) => {
                    if let Value::Object(map) = entry {
                        map.insert(sub.to_owned(), value);
                    }
                }
                (None, true) => entries.push(value),
                (None, false) => entries.push(json!({ field: wanted, sub: value })),
            }
            return Ok(());
        }
        match path.split_once('.') {
            Some((attribute, sub)) => {
                let key = self.key(attribute);
                let entry = self.0.entry(key).or_insert_with(|| json!({}));
                match entry {
                    Value::Object(map) => {
                        map.insert(sub.to_owned(), value);
                        Ok(())
                    }
                    _ => Err(ScimError::bad(
                        "invalidPath",
                        format!("{attribute} is not complex."),
                    )),
                }
            }
            None => {
                self.set(path, value);
                Ok(())
            }
        }
    }
}

/// true/false, or the strings Entra ID sends ("True", "False").
fn truthy(v: &Value) -> Option<bool> {
    match v {
        Value::Bool(b) => Some(*b),
        Value::String(s) if s.eq_ignore_ascii_case("true") => Some(true),
        Value::String(s) if s.eq_ignore_ascii_case("false") => Some(false),
        _ => None,
    }
}

#[derive(Deserialize)]
struct PatchBody {
    #[serde(default)]
    schemas: Vec<String>,
    #[serde(rename = "Operations", alias = "operations")]
    operations: Vec<Operation>,
}

#[derive(Deserialize)]
struct Operation {
    op: String,
    #[serde(default)]
    path: Option<String>,
    #[serde(default)]
    value: Option<Value>,
}

/// `attribute eq "value"`.
fn parse_eq(filter: &str) -> Option<(String, String)> {
    let mut parts = filter.trim().splitn(3, char::is_whitespace);
    let attribute = parts.next()?.trim();
    let op = parts.next()?.trim();
    let value = parts.next()?.trim();
    if !op.eq_ignore_ascii_case("eq") {
        return None;
    }
    let value = value.strip_prefix('"')?.strip_suffix('"')?;
    Some((attribute.to_owned(), value.replace("\\\"", "\"")))
}

/// The filters IdPs send to find a user before creating it: `userName eq "…"` and
/// `externalId eq "…"`.
pub fn parse_filter(filter: &str) -> Result<(Attribute, String), ScimError> {
    let unsupported = || {
        ScimError::bad(
            "invalidFilter",
            "Only userName eq \"…\" and externalId eq \"…\" filters are supported.",
        )
    };
    let (attribute, value) = parse_eq(filter).ok_or_else(unsupported)?;
    let attribute = match attribute.rsplit(':').next().unwrap_or_default() {
        a if a.eq_ignore_ascii_case("userName") => Attribute::UserName,
        a if a.eq_ignore_ascii_case("externalId") => Attribute::ExternalId,
        _ => return Err(unsupported()),
    };
    Ok((attribute, value))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entra_user() -> Value {
        // The shape of Microsoft's SCIM validator's "Create User" request.
        json!({
            "schemas": [USER_SCHEMA, ENTERPRISE_SCHEMA],
            "externalId": "0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef",
            "userName": "Test_User_ab6490ee-1e48-479e-a20b-2d77186b5dd1@acme.test",
            "active": true,
            "emails": [{ "primary": true, "type": "work", "value": "Test_User_fd0ea19b@acme.test" }],
            "meta": { "resourceType": "User" },
            "name": { "formatted": "givenName familyName", "familyName": "familyName", "givenName": "givenName" },
            "roles": []
        })
    }

    #[test]
    fn an_entra_create_is_read() {
        let user = User::from_body(entra_user()).unwrap();
        assert!(user.active());
        assert_eq!(
            user.external_id(),
            Some("0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef")
        );
        assert_eq!(
            user.addresses(),
            [
                "test_user_ab6490ee-1e48-479e-a20b-2d77186b5dd1@acme.test",
                "test_user_fd0ea19b@acme.test"
            ]
        );
    }

    #[test]
    fn entras_disable_patch_sets_active_false_whether_a_string_or_a_boolean() {
        for value in [json!("False"), json!(false)] {
            let mut user = User::from_body(entra_user()).unwrap();
            user.patch(json!({
                "schemas": [PATCH_SCHEMA],
                "Operations": [{ "op": "Replace", "path": "active", "value": value }]
            }))
            .unwrap();
            assert!(!user.active());
        }
    }

    #[test]
    fn a_patch_without_a_path_merges_its_object() {
        let mut user = User::from_body(entra_user()).unwrap();
        user.patch(json!({
            "schemas": [PATCH_SCHEMA],
            "Operations": [{ "op": "replace", "value": { "active": false, "displayName": "Gone" } }]
        }))
        .unwrap();
        assert!(!user.active());
        assert_eq!(user.get("displayName"), Some(&json!("Gone")));
    }

    #[test]
    fn filtered_and_extension_paths_change_the_right_entry() {
        let mut user = User::from_body(entra_user()).unwrap();
        user.patch(json!({
            "schemas": [PATCH_SCHEMA],
            "Operations": [
                { "op": "Replace", "path": "emails[type eq \"work\"].value", "value": "new@acme.test" },
                { "op": "Add", "path": "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department", "value": "Sales" },
                { "op": "Replace", "path": "name.familyName", "value": "Other" }
            ]
        }))
        .unwrap();
        assert!(user.addresses().contains(&"new@acme.test".to_owned()));
        assert_eq!(user.get(ENTERPRISE_SCHEMA).unwrap()["department"], "Sales");
        assert_eq!(user.get("name").unwrap()["familyName"], "Other");
    }

    #[test]
    fn bad_patches_are_refused_with_their_scim_type() {
        let mut user = User::from_body(entra_user()).unwrap();
        let e = user
            .patch(json!({ "schemas": ["wrong"], "Operations": [] }))
            .unwrap_err();
        assert_eq!(e.scim_type, Some("invalidSyntax"));
        let e = user
            .patch(
                json!({ "schemas": [PATCH_SCHEMA], "Operations": [{ "op": "move", "path": "x" }] }),
            )
            .unwrap_err();
        assert_eq!(e.scim_type, Some("invalidSyntax"));
        assert!(user.active(), "nothing applied");
    }

    #[test]
    fn a_user_without_user_name_is_refused_and_ours_are_not_taken_from_the_client() {
        assert!(User::from_body(json!({ "active": true })).is_err());
        let user = User::from_body(json!({ "userName": "a", "id": "forged", "meta": {} })).unwrap();
        assert!(user.get("id").is_none() && user.get("meta").is_none());
    }

    #[test]
    fn filters_idps_send_are_understood() {
        assert_eq!(
            parse_filter("userName eq \"Test_User@acme.test\"").unwrap(),
            (Attribute::UserName, "Test_User@acme.test".to_owned())
        );
        assert_eq!(
            parse_filter("externalId eq \"abc\"").unwrap().0,
            Attribute::ExternalId
        );
        assert!(parse_filter("displayName co \"x\"").is_err());
        assert!(parse_filter("userName eq unquoted").is_err());
    }
}
