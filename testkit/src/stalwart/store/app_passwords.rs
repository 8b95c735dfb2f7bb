//! `x:AppPassword` and `x:ApiKey` (API.md §6).

use super::json::*;
use super::types::*;
use crate::stalwart::ids::{app_password_secret, decode_id, encode_id};
use rand::RngCore;
use serde_json::{Map, Value, json};

impl Store {
    // ----- x:AppPassword (API.md §6) -----

    pub(super) fn app_password_get(
        &self,
        target: u32,
        args: &Map<String, Value>,
    ) -> Result<Value, (String, Value)> {
        self.credential_get(Family::AppPassword, target, args)
    }

    /// `x:ApiKey/get`: the same view of the account's API-key credentials.
    pub(super) fn api_key_get(
        &self,
        target: u32,
        args: &Map<String, Value>,
    ) -> Result<Value, (String, Value)> {
        self.credential_get(Family::ApiKey, target, args)
    }

    fn credential_get(
        &self,
        family: Family,
        target: u32,
        args: &Map<String, Value>,
    ) -> Result<Value, (String, Value)> {
        let ids = Self::ids_arg(args)?;
        let properties = Self::properties_arg(args);
        let account = &self.accounts.get(&target);
        let credentials = account.map(|a| &a.credentials);
        let wanted: Vec<String> = match ids {
            Some(ids) => ids,
            // `ids: null` lists every credential id, so the password credential lands in
            // notFound (live 020).
            None => credentials
                .map(|c| c.keys().map(|id| encode_id(*id as u64)).collect())
                .unwrap_or_default(),
        };
        // Stalwart walks the account's credentials in order and keeps the requested ones, so
        // the list comes back in credential order whatever the order of `ids` (live 088).
        let mut wanted = wanted;
        wanted.sort_by_key(|id| decode_id(id).unwrap_or(u64::MAX));
        let (mut list, mut not_found) = (Vec::new(), Vec::new());
        for id in wanted {
            let found = decode_id(&id)
                .and_then(|n| credentials.and_then(|c| c.get(&(n as u32))))
                .filter(|c| family.holds(c));
            match found {
                Some(Credential::AppPassword {
                    description,
                    created_at,
                    expires_at,
                    permissions,
                    allowed_ips,
                    ..
                }) => {
                    let mut o = Map::new();
                    o.insert("description".into(), json!(description));
                    o.insert("secret".into(), json!("****"));
                    o.insert("createdAt".into(), json!(created_at));
                    o.insert("expiresAt".into(), json!(expires_at));
                    o.insert("permissions".into(), permissions.clone());
                    o.insert("allowedIps".into(), Value::Object(allowed_ips.clone()));
                    o.insert("id".into(), json!(id));
                    list.push(Value::Object(select(o, properties.as_deref())));
                }
                Some(Credential::ApiKey {
                    description,
                    created_at,
                }) => {
                    let mut o = Map::new();
                    o.insert("description".into(), json!(description));
                    o.insert("secret".into(), json!("****"));
                    o.insert("createdAt".into(), json!(created_at));
                    o.insert("expiresAt".into(), Value::Null);
                    o.insert("permissions".into(), json!({"@type": "Inherit"}));
                    o.insert("allowedIps".into(), json!({}));
                    o.insert("id".into(), json!(id));
                    list.push(Value::Object(select(o, properties.as_deref())));
                }
                _ => not_found.push(json!(id)),
            }
        }
        Ok(json!({"accountId": encode_id(target as u64), "list": list, "notFound": not_found}))
    }

    pub(super) fn app_password_ids(&self, target: u32) -> Vec<u32> {
        self.credential_ids(Family::AppPassword, target)
    }

    fn credential_ids(&self, family: Family, target: u32) -> Vec<u32> {
        self.accounts
            .get(&target)
            .map(|a| {
                a.credentials
                    .iter()
                    .filter(|(_, c)| family.holds(c))
                    .map(|(id, _)| *id)
                    .collect()
            })
            .unwrap_or_default()
    }

    pub(super) fn app_password_query(&self, target: u32) -> Value {
        self.credential_query(Family::AppPassword, target)
    }

    pub(super) fn api_key_query(&self, target: u32) -> Value {
        self.credential_query(Family::ApiKey, target)
    }

    fn credential_query(&self, family: Family, target: u32) -> Value {
        let ids: Vec<Value> = self
            .credential_ids(family, target)
            .iter()
            .rev()
            .map(|id| json!(encode_id(*id as u64)))
            .collect();
        json!({"accountId": encode_id(target as u64), "queryState": "n", "canCalculateChanges": true,
               "position": 0, "ids": ids})
    }

    pub(super) fn app_password_set(&mut self, target: u32, args: &Map<String, Value>) -> Value {
        let mut response = Map::new();
        response.insert("accountId".into(), json!(encode_id(target as u64)));
        let (mut created, mut not_created) = (Map::new(), Map::new());
        let limit = self
            .accounts
            .get(&target)
            .and_then(|a| a.quotas.get("maxAppPasswords").and_then(Value::as_u64))
            .map(|n| n as usize)
            .unwrap_or(self.max_app_passwords);
        if let Some(create) = args.get("create").and_then(Value::as_object) {
            for (client_id, object) in create {
                match self.create_app_password(target, object, limit) {
                    Ok((id, secret)) => {
                        created.insert(
                            client_id.clone(),
                            json!({"id": encode_id(id as u64), "secret": secret}),
                        );
                    }
                    Err(e) => {
                        not_created.insert(client_id.clone(), e);
                    }
                }
            }
        }
        self.destroy_credentials(Family::AppPassword, target, args, &mut response);
        put_nonempty(&mut response, "created", created);
        put_nonempty(&mut response, "notCreated", not_created);
        Value::Object(response)
    }

    /// `destroy` of a `/set` on one credential family; an id of another family, or of none,
    /// is `notFound`.
    fn destroy_credentials(
        &mut self,
        family: Family,
        target: u32,
        args: &Map<String, Value>,
        response: &mut Map<String, Value>,
    ) {
        let (mut destroyed, mut not_destroyed) = (Vec::new(), Map::new());
        if let Some(destroy) = args.get("destroy").and_then(Value::as_array) {
            for id in destroy.iter().filter_map(Value::as_str) {
                let account = self.accounts.get_mut(&target);
                let n = decode_id(id).map(|n| n as u32);
                match (account, n) {
                    (Some(a), Some(n))
                        if a.credentials.get(&n).is_some_and(|c| family.holds(c)) =>
                    {
                        a.credentials.remove(&n);
                        // A destroyed API key stops working at once.
                        self.api_keys.retain(|_, (account, credential)| {
                            !(*account == target && *credential == Some(n))
                        });
                        destroyed.push(json!(id));
                    }
                    _ => {
                        not_destroyed.insert(id.into(), Value::Object(set_error("notFound")));
                    }
                }
            }
        }
        if !destroyed.is_empty() {
            response.insert("destroyed".into(), Value::Array(destroyed));
        }
        put_nonempty(response, "notDestroyed", not_destroyed);
    }

    pub(super) fn create_app_password(
        &mut self,
        target: u32,
        object: &Value,
        limit: usize,
    ) -> Result<(u32, String), Value> {
        const WRITABLE: &[&str] = &["description", "expiresAt", "allowedIps", "permissions"];
        let o = object.as_object().cloned().unwrap_or_default();
        if let Some(key) = o.keys().find(|k| !WRITABLE.contains(&k.as_str())) {
            return Err(if key == "secret" || key == "createdAt" {
                set_error_described("invalidPatch", "Cannot modify server set property", &[key])
            } else {
                set_error_described("invalidPatch", "Invalid key for object", &[""])
            });
        }
        if self.app_password_ids(target).len() >= limit {
            return Err(set_error_described(
                "overQuota",
                &format!("You have exceeded your quota of {limit} app passwords."),
                &[],
            ));
        }
        let allowed_ips = o
            .get("allowedIps")
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default();
        for ip in allowed_ips.keys() {
            if !is_cidr(ip) {
                return Err(set_error_described(
                    "invalidProperties",
                    "Invalid IP address or mask",
                    &["allowedIps"],
                ));
            }
        }
        let account = self
            .accounts
            .get_mut(&target)
            .ok_or_else(|| Value::Object(set_error("notFound")))?;
        // Lowest free credential id; 0 ("a") is the password's even when it has none.
        let id = (1u32..)
            .find(|id| !account.credentials.contains_key(id))
            .expect("free id");
        let mut random = [0u8; 18];
        rand::thread_rng().fill_bytes(&mut random);
        account.credentials.insert(
            id,
            Credential::AppPassword {
                description: o
                    .get("description")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .into(),
                digest: digest(&random),
                created_at: now_rfc3339(),
                expires_at: o.get("expiresAt").and_then(Value::as_str).map(Into::into),
                permissions: o
                    .get("permissions")
                    .cloned()
                    .unwrap_or_else(|| json!({"@type": "Inherit"})),
                allowed_ips,
            },
        );
        Ok((id, app_password_secret(id, &random)))
    }
}

impl Store {
    /// `x:ApiKey/set create` (live 056): secret `API_` + base64url(account id ‖ credential id ‖
    /// 20 random bytes), returned once.
    pub(super) fn api_key_set(&mut self, target: u32, args: &Map<String, Value>) -> Value {
        use base64::Engine;
        let mut created = Map::new();
        if let Some(create) = args.get("create").and_then(Value::as_object) {
            for (client_id, object) in create {
                let Some(account) = self.accounts.get_mut(&target) else {
                    continue;
                };
                let id = (1u32..)
                    .find(|id| !account.credentials.contains_key(id))
                    .expect("free id");
                let mut raw = target.to_be_bytes().to_vec();
                raw.extend_from_slice(&id.to_be_bytes());
                let mut random = [0u8; 20];
                rand::thread_rng().fill_bytes(&mut random);
                raw.extend_from_slice(&random);
                let secret = format!(
                    "API_{}",
                    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(raw)
                );
                account.credentials.insert(
                    id,
                    Credential::ApiKey {
                        description: object
                            .get("description")
                            .and_then(Value::as_str)
                            .unwrap_or_default()
                            .into(),
                        created_at: now_rfc3339(),
                    },
                );
                self.api_keys
                    .insert(digest(secret.as_bytes()), (target, Some(id)));
                created.insert(
                    client_id.clone(),
                    json!({"id": encode_id(id as u64), "secret": secret}),
                );
            }
        }
        let mut response = Map::new();
        response.insert("accountId".into(), json!(encode_id(target as u64)));
        put_nonempty(&mut response, "created", created);
        self.destroy_credentials(Family::ApiKey, target, args, &mut response);
        Value::Object(response)
    }
}

/// The per-account credential objects: `x:AppPassword` and `x:ApiKey` are two views of
/// `x:Account.credentials` (API.md §6).
#[derive(Debug, Clone, Copy)]
enum Family {
    AppPassword,
    ApiKey,
}

impl Family {
    fn holds(self, credential: &Credential) -> bool {
        match self {
            Family::AppPassword => matches!(credential, Credential::AppPassword { .. }),
            Family::ApiKey => matches!(credential, Credential::ApiKey { .. }),
        }
    }
}
