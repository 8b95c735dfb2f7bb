//! Authentication (API.md §1.1, §1.2) and the dispatch of one method call to its object.

use super::json::*;
use super::types::*;
use crate::stalwart::ids::{decode_id, parse_app_password};
use serde_json::{Map, Value};

impl Store {
    // ----- authentication (API.md §1.1, §1.2) -----

    pub fn authenticate_bearer(&self, token: &str) -> Option<Caller> {
        let (account, _) = *self.api_keys.get(&digest(token.as_bytes()))?;
        let a = self.accounts.get(&account)?;
        Some(Caller {
            account,
            admin: is_admin(a),
            restricted_by: None,
        })
    }

    pub fn authenticate_basic(&self, login: &str, secret: &str) -> Option<Caller> {
        let login = login.trim().to_lowercase();
        if let Some((user, pass)) = &self.recovery_admin
            && login == *user
            && secret == pass
        {
            return Some(Caller::recovery_admin());
        }
        let account = self.account_by_address(&login)?;
        if account.kind != Kind::User {
            return None;
        }
        if let Some((credential_id, random)) = parse_app_password(secret) {
            return match account.credentials.get(&credential_id) {
                Some(Credential::AppPassword {
                    digest: d,
                    expires_at,
                    permissions,
                    ..
                }) if *d == digest(&random) && !is_expired(expires_at.as_deref()) => Some(Caller {
                    account: account.id,
                    // A `Replace` list decides alone, even for an admin account.
                    admin: is_admin(account) && !is_replace(permissions),
                    restricted_by: is_replace(permissions).then_some(credential_id),
                }),
                _ => None,
            };
        }
        match account.credentials.get(&0) {
            Some(Credential::Password { hash }) if verify_password(hash, secret) => Some(Caller {
                account: account.id,
                admin: is_admin(account),
                restricted_by: None,
            }),
            _ => None,
        }
    }

    // ----- method dispatch -----

    /// Runs one method call; returns the response name and arguments.
    pub fn call(
        &mut self,
        caller: Caller,
        method: &str,
        args: Map<String, Value>,
    ) -> (String, Value) {
        let updates: Vec<String> = match args.get("update").and_then(Value::as_object) {
            Some(update)
                if method.ends_with("/set")
                    && !matches!(
                        method,
                        "x:Account/set" | "x:WebHook/set" | "x:Action/set" | "x:Domain/set"
                    ) =>
            {
                update.keys().cloned().collect()
            }
            _ => Vec::new(),
        };
        let (name, mut answer) = self.call_modelled(caller, method, args);
        // Updates of these objects are not modelled: each is refused, never silently dropped
        // (a new typed change must not pass the tests while changing nothing).
        if !updates.is_empty()
            && name == method
            && let Some(answer) = answer.as_object_mut()
        {
            let refused: Map<String, Value> = updates
                .into_iter()
                .map(|id| {
                    let error = set_error_described(
                        "invalidPatch",
                        "The simulator does not model updates of this object",
                        &[""],
                    );
                    (id, error)
                })
                .collect();
            answer.insert("notUpdated".into(), Value::Object(refused));
        }
        (name, answer)
    }

    fn call_modelled(
        &mut self,
        caller: Caller,
        method: &str,
        args: Map<String, Value>,
    ) -> (String, Value) {
        let global_get = |store: &Self, f: GlobalGet| {
            if !caller.admin {
                return method_error("forbidden", "You are not authorized to perform this action");
            }
            match f(store, caller, &args) {
                Ok(v) => (method.to_owned(), v),
                Err(e) => e,
            }
        };
        match method {
            "x:Account/get" => global_get(self, Self::account_get),
            "x:Account/query" => global_get(self, Self::account_query),
            "x:Domain/get" => global_get(self, Self::domain_get),
            "x:Domain/query" => global_get(self, Self::domain_query),
            "x:Authentication/get" => global_get(self, Self::authentication_get),
            "x:DkimSignature/get" => global_get(self, Self::dkim_get),
            "x:DkimSignature/query" => global_get(self, Self::dkim_query),
            "x:WebHook/get" => global_get(self, Self::webhook_get),
            "x:WebHook/query" => global_get(self, Self::webhook_query),
            "x:DnsServer/get" => global_get(self, Self::dns_server_get),
            "x:Task/get" => global_get(self, Self::task_get),
            "x:Task/query" => global_get(self, Self::task_query),
            "x:Account/set"
            | "x:Domain/set"
            | "x:DkimSignature/set"
            | "x:WebHook/set"
            | "x:Action/set"
            | "x:DnsServer/set"
            | "x:Task/set" => {
                if !caller.admin {
                    return method_error(
                        "forbidden",
                        "You are not authorized to create, update or destroy objects of this type",
                    );
                }
                let result = match method {
                    "x:Account/set" => self.account_set(caller, &args),
                    "x:Domain/set" => self.domain_set(caller, &args),
                    "x:WebHook/set" => Ok(self.webhook_set(caller, &args)),
                    "x:Action/set" => Ok(self.action_set(caller, &args)),
                    "x:DnsServer/set" => Ok(self.dns_server_set(caller, &args)),
                    "x:Task/set" => Ok(self.task_set(caller, &args)),
                    _ => self.dkim_set(caller, &args),
                };
                match result {
                    Ok(v) => (method.to_owned(), v),
                    Err(e) => e,
                }
            }
            "x:AppPassword/get"
            | "x:AppPassword/query"
            | "x:AppPassword/set"
            | "x:ApiKey/get"
            | "x:ApiKey/query"
            | "x:ApiKey/set" => {
                if let Err(e) = self.allowed(caller, method, &args) {
                    return e;
                }
                let target = match self.target_account(caller, &args) {
                    Ok(t) => t,
                    Err(e) => return e,
                };
                let result = match method {
                    "x:AppPassword/get" => self.app_password_get(target, &args),
                    "x:AppPassword/query" => Ok(self.app_password_query(target)),
                    "x:AppPassword/set" => Ok(self.app_password_set(target, &args)),
                    "x:ApiKey/get" => self.api_key_get(target, &args),
                    "x:ApiKey/query" => Ok(self.api_key_query(target)),
                    _ => Ok(self.api_key_set(target, &args)),
                };
                match result {
                    Ok(v) => (method.to_owned(), v),
                    Err(e) => e,
                }
            }
            m if m.ends_with("/query") && m.starts_with("x:Authentication") => {
                method_error("unknownMethod", method)
            }
            _ => method_error("unknownMethod", method),
        }
    }

    /// Whether a caller restricted by an app password's `Replace` list holds the
    /// `sys<Object><Action>` permission the call needs (API.md §6: `sysAppPasswordCreate`,
    /// `sysApiKeyGet`, …); the refusal is Stalwart's `forbidden` (live 061).
    fn allowed(
        &self,
        caller: Caller,
        method: &str,
        args: &Map<String, Value>,
    ) -> Result<(), (String, Value)> {
        let Some(credential) = caller.restricted_by else {
            return Ok(());
        };
        let granted = match self
            .accounts
            .get(&caller.account)
            .and_then(|a| a.credentials.get(&credential))
        {
            Some(Credential::AppPassword { permissions, .. }) => permissions
                .get("permissions")
                .and_then(Value::as_object)
                .cloned()
                .unwrap_or_default(),
            _ => Map::new(),
        };
        let (object, verb) = method
            .trim_start_matches("x:")
            .split_once('/')
            .unwrap_or_default();
        let needed: Vec<String> = match verb {
            "get" => vec![format!("sys{object}Get")],
            "query" => vec![format!("sys{object}Query")],
            _ => ["create", "update", "destroy"]
                .iter()
                .filter(|k| args.contains_key(**k))
                .map(|k| {
                    let action = match *k {
                        "create" => "Create",
                        "update" => "Update",
                        _ => "Destroy",
                    };
                    format!("sys{object}{action}")
                })
                .collect(),
        };
        if needed
            .iter()
            .all(|p| granted.get(p) == Some(&Value::Bool(true)))
        {
            return Ok(());
        }
        Err(method_error(
            "forbidden",
            if verb == "set" {
                "You are not authorized to create, update or destroy objects of this type"
            } else {
                "You are not authorized to perform this action"
            },
        ))
    }

    /// `accountId` for per-account objects: the caller's own unless they may impersonate.
    pub(super) fn target_account(
        &self,
        caller: Caller,
        args: &Map<String, Value>,
    ) -> Result<u32, (String, Value)> {
        let Some(id) = args.get("accountId").and_then(Value::as_str) else {
            return Ok(caller.account);
        };
        let target = decode_id(id).map(|n| n as u32);
        if target == Some(caller.account) {
            return Ok(caller.account);
        }
        if !caller.admin {
            return Err(method_error(
                "forbidden",
                &format!("You are not an owner of account {id}"),
            ));
        }
        match target.filter(|t| self.accounts.contains_key(t)) {
            Some(t) => Ok(t),
            None => Err(method_error(
                "accountNotFound",
                &format!("Account {id} not found"),
            )),
        }
    }

    pub(super) fn ids_arg(
        args: &Map<String, Value>,
    ) -> Result<Option<Vec<String>>, (String, Value)> {
        match args.get("ids") {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Array(items)) => Ok(Some(
                items
                    .iter()
                    .map(|v| v.as_str().unwrap_or_default().to_owned())
                    .collect(),
            )),
            Some(other) => Err(method_error(
                "invalidArguments",
                &format!("invalid type: {}, expected a sequence", json_kind(other)),
            )),
        }
    }

    pub(super) fn properties_arg(args: &Map<String, Value>) -> Option<Vec<String>> {
        args.get("properties")?.as_array().map(|p| {
            p.iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect()
        })
    }
}
