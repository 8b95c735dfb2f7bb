//! Authentication (API.md §1.1, §1.2) and the dispatch of one method call to its object.

use super::json::*;
use super::types::*;
use crate::stalwart::ids::{decode_id, parse_app_password};
use serde_json::{Map, Value};

impl Store {
    // ----- authentication (API.md §1.1, §1.2) -----

    pub fn authenticate_bearer(&self, token: &str) -> Option<Caller> {
        let account = *self.api_keys.get(&digest(token.as_bytes()))?;
        let a = self.accounts.get(&account)?;
        Some(Caller {
            account,
            admin: is_admin(a),
        })
    }

    pub fn authenticate_basic(&self, login: &str, secret: &str) -> Option<Caller> {
        let login = login.trim().to_lowercase();
        if let Some((user, pass)) = &self.recovery_admin
            && login == *user
            && secret == pass
        {
            return Some(Caller {
                account: RECOVERY_ADMIN_ID,
                admin: true,
            });
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
                    ..
                }) if *d == digest(&random) && !is_expired(expires_at.as_deref()) => Some(Caller {
                    account: account.id,
                    admin: is_admin(account),
                }),
                _ => None,
            };
        }
        match account.credentials.get(&0) {
            Some(Credential::Password { hash }) if verify_password(hash, secret) => Some(Caller {
                account: account.id,
                admin: is_admin(account),
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
            "x:Account/set" | "x:Domain/set" => {
                if !caller.admin {
                    return method_error(
                        "forbidden",
                        "You are not authorized to create, update or destroy objects of this type",
                    );
                }
                let result = if method == "x:Account/set" {
                    self.account_set(caller, &args)
                } else {
                    self.domain_set(caller, &args)
                };
                match result {
                    Ok(v) => (method.to_owned(), v),
                    Err(e) => e,
                }
            }
            "x:ApiKey/set" => match self.target_account(caller, &args) {
                Ok(target) => (method.to_owned(), self.api_key_set(target, &args)),
                Err(e) => e,
            },
            "x:AppPassword/get" | "x:AppPassword/query" | "x:AppPassword/set" => {
                let target = match self.target_account(caller, &args) {
                    Ok(t) => t,
                    Err(e) => return e,
                };
                let result = match method {
                    "x:AppPassword/get" => self.app_password_get(target, &args),
                    "x:AppPassword/query" => Ok(self.app_password_query(target)),
                    _ => Ok(self.app_password_set(target, &args)),
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
