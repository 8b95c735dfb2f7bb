//! `x:Account` (API.md §5): users and groups.

use super::json::*;
use super::types::*;
use crate::stalwart::ids::{decode_id, encode_id};
use serde_json::{Map, Value, json};

/// The `x:Account` properties the simulator models (live 004, 011, 014).
const ACCOUNT_KEYS: &[&str] = &[
    "@type",
    "name",
    "domainId",
    "description",
    "aliases",
    "quotas",
    "credentials",
    "roles",
    "permissions",
    "memberGroupIds",
    "locale",
];

impl Store {
    // ----- x:Account -----

    pub(super) fn account_json(&self, a: &Account) -> Map<String, Value> {
        let domain_name = self
            .domains
            .get(&a.domain_id)
            .map(|d| d.name.as_str())
            .unwrap_or("");
        let mut o = Map::new();
        o.insert("name".into(), json!(a.name));
        o.insert("domainId".into(), json!(encode_id(a.domain_id as u64)));
        if a.kind == Kind::User {
            let mut creds = Map::new();
            for (i, (id, c)) in a.credentials.iter().enumerate() {
                creds.insert(i.to_string(), credential_json(*id, c));
            }
            o.insert("credentials".into(), Value::Object(creds));
        }
        o.insert("createdAt".into(), json!(a.created_at));
        if a.kind == Kind::User {
            o.insert("memberGroupIds".into(), id_set(&a.member_group_ids));
        }
        o.insert("memberTenantId".into(), Value::Null);
        o.insert("roles".into(), a.roles.clone());
        o.insert("permissions".into(), a.permissions.clone());
        o.insert("quotas".into(), Value::Object(a.quotas.clone()));
        let mut aliases = Map::new();
        for (i, alias) in a.aliases.iter().enumerate() {
            aliases.insert(
                i.to_string(),
                json!({"enabled": alias.enabled, "name": alias.name,
                       "domainId": encode_id(alias.domain_id as u64), "description": alias.description}),
            );
        }
        o.insert("aliases".into(), Value::Object(aliases));
        o.insert("description".into(), json!(a.description));
        if a.kind == Kind::User {
            o.insert("locale".into(), json!(a.locale));
            o.insert("timeZone".into(), Value::Null);
            o.insert("encryptionAtRest".into(), json!({"@type": "Disabled"}));
        }
        o.insert(
            "@type".into(),
            json!(if a.kind == Kind::User {
                "User"
            } else {
                "Group"
            }),
        );
        o.insert("usedDiskQuota".into(), json!(a.used_disk_quota));
        o.insert(
            "emailAddress".into(),
            json!(format!("{}@{}", a.name, domain_name)),
        );
        o.insert("id".into(), json!(encode_id(a.id as u64)));
        o
    }

    pub(super) fn account_get(
        &self,
        caller: Caller,
        args: &Map<String, Value>,
    ) -> Result<Value, (String, Value)> {
        let ids = Self::ids_arg(args)?;
        let properties = Self::properties_arg(args);
        let (mut list, mut not_found) = (Vec::new(), Vec::new());
        let wanted: Vec<String> = match ids {
            Some(ids) => ids,
            None => self
                .accounts
                .keys()
                .rev()
                .map(|id| encode_id(*id as u64))
                .collect(),
        };
        for id in wanted {
            match decode_id(&id).and_then(|n| self.accounts.get(&(n as u32))) {
                Some(a) => list.push(Value::Object(select(
                    self.account_json(a),
                    properties.as_deref(),
                ))),
                None => not_found.push(json!(id)),
            }
        }
        Ok(
            json!({"accountId": encode_id(caller.account as u64), "list": list, "notFound": not_found}),
        )
    }

    pub(super) fn account_query(
        &self,
        caller: Caller,
        args: &Map<String, Value>,
    ) -> Result<Value, (String, Value)> {
        let filter = args
            .get("filter")
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default();
        if filter.contains_key("operator") {
            return Err(method_error(
                "unsupportedFilter",
                "Only AND is supported in filters",
            ));
        }
        let mut matches: Vec<&Account> = Vec::new();
        'accounts: for a in self.accounts.values() {
            for (key, value) in &filter {
                let ok = match key.as_str() {
                    "domainId" => value.as_str().and_then(decode_id) == Some(a.domain_id as u64),
                    "@type" => {
                        value.as_str()
                            == Some(if a.kind == Kind::User {
                                "User"
                            } else {
                                "Group"
                            })
                    }
                    "name" => value.as_str() == Some(a.name.as_str()),
                    "memberGroupIds" => value
                        .as_str()
                        .and_then(decode_id)
                        .is_some_and(|g| a.member_group_ids.contains(&(g as u32))),
                    "text" => value.as_str().is_some_and(|t| self.text_matches(a, t)),
                    other => {
                        return Err(method_error(
                            "unsupportedFilter",
                            &format!("Filter on property {other} is not supported or invalid"),
                        ));
                    }
                };
                if !ok {
                    continue 'accounts;
                }
            }
            matches.push(a);
        }
        let ascending = sort_ascending(args)?;
        let ids: Vec<u32> = if ascending {
            matches.iter().map(|a| a.id).collect()
        } else {
            matches.iter().rev().map(|a| a.id).collect()
        };
        Ok(page(caller, args, ids))
    }

    /// Stalwart's `text` filter searches a full-text index of the name, addresses and
    /// description. Approximated here as a case-insensitive substring match on those fields.
    pub(super) fn text_matches(&self, a: &Account, text: &str) -> bool {
        let needle = text.to_lowercase();
        let domain = self
            .domains
            .get(&a.domain_id)
            .map(|d| d.name.clone())
            .unwrap_or_default();
        let mut haystacks = vec![a.name.to_lowercase(), format!("{}@{}", a.name, domain)];
        if let Some(d) = &a.description {
            haystacks.push(d.to_lowercase());
        }
        for alias in &a.aliases {
            haystacks.push(alias.name.to_lowercase());
        }
        haystacks.iter().any(|h| h.contains(&needle))
    }

    pub(super) fn account_set(
        &mut self,
        caller: Caller,
        args: &Map<String, Value>,
    ) -> Result<Value, (String, Value)> {
        let mut response = Map::new();
        response.insert("accountId".into(), json!(encode_id(caller.account as u64)));
        let (mut created, mut not_created) = (Map::new(), Map::new());
        if let Some(create) = args.get("create").and_then(Value::as_object) {
            for (client_id, object) in create {
                match self.create_account(object) {
                    Ok(id) => {
                        created.insert(client_id.clone(), json!({"id": encode_id(id as u64)}));
                    }
                    Err(e) => {
                        not_created.insert(client_id.clone(), e);
                    }
                }
            }
        }
        let (mut updated, mut not_updated) = (Map::new(), Map::new());
        if let Some(update) = args.get("update").and_then(Value::as_object) {
            for (id, patch) in update {
                match self.update_account(id, patch) {
                    Ok(()) => {
                        updated.insert(id.clone(), Value::Null);
                    }
                    Err(e) => {
                        not_updated.insert(id.clone(), e);
                    }
                }
            }
        }
        let (mut destroyed, mut not_destroyed) = (Vec::new(), Map::new());
        if let Some(destroy) = args.get("destroy").and_then(Value::as_array) {
            for id in destroy.iter().filter_map(Value::as_str) {
                match decode_id(id)
                    .map(|n| n as u32)
                    .filter(|n| self.accounts.contains_key(n))
                {
                    Some(n) => {
                        self.accounts.remove(&n);
                        for other in self.accounts.values_mut() {
                            other.member_group_ids.remove(&n);
                        }
                        destroyed.push(json!(id));
                    }
                    None => {
                        not_destroyed.insert(id.into(), Value::Object(set_error("notFound")));
                    }
                }
            }
        }
        put_nonempty(&mut response, "created", created);
        put_nonempty(&mut response, "notCreated", not_created);
        put_nonempty(&mut response, "updated", updated);
        put_nonempty(&mut response, "notUpdated", not_updated);
        if !destroyed.is_empty() {
            response.insert("destroyed".into(), Value::Array(destroyed));
        }
        put_nonempty(&mut response, "notDestroyed", not_destroyed);
        Ok(Value::Object(response))
    }

    pub(super) fn create_account(&mut self, object: &Value) -> Result<u32, Value> {
        let o = object.as_object().cloned().unwrap_or_default();
        if o.keys().any(|k| !ACCOUNT_KEYS.contains(&k.as_str())) {
            return Err(set_error_described(
                "invalidPatch",
                "Invalid key for object",
                &[""],
            ));
        }
        let kind = match o.get("@type").and_then(Value::as_str) {
            Some("Group") => Kind::Group,
            _ => Kind::User,
        };
        let name = o
            .get("name")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_lowercase();
        let domain_ref = o
            .get("domainId")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let Some(domain_id) = decode_id(domain_ref)
            .map(|n| n as u32)
            .filter(|d| self.domains.contains_key(d))
        else {
            return Err(
                json!({"type": "invalidForeignKey", "objectId": {"object": "Domain", "id": domain_ref}}),
            );
        };
        if let Some(existing) = self.address_owner(&name, domain_id) {
            return Err(
                json!({"type": "primaryKeyViolation", "properties": ["email"],
                              "objectId": {"object": "Account", "id": encode_id(existing as u64)}}),
            );
        }
        let mut password = None;
        if let Some(credentials) = o.get("credentials").and_then(Value::as_object) {
            for credential in credentials.values() {
                if credential.get("@type").and_then(Value::as_str) != Some("Password") {
                    return Err(set_error_described(
                        "invalidPatch",
                        "Cannot modify server set property",
                        &["credentials/secret"],
                    ));
                }
                let secret = credential
                    .get("secret")
                    .and_then(Value::as_str)
                    .unwrap_or_default();
                password = Some(check_new_password(secret)?);
            }
        }
        let aliases = parse_aliases(o.get("aliases"));
        for alias in &aliases {
            if let Some(existing) = self.address_owner(&alias.name, alias.domain_id) {
                return Err(
                    json!({"type": "primaryKeyViolation", "properties": ["email"],
                                  "objectId": {"object": "Account", "id": encode_id(existing as u64)}}),
                );
            }
        }
        let groups = parse_id_set(o.get("memberGroupIds"));
        let account = self.new_account(kind, &name, domain_id);
        account.description = o.get("description").and_then(Value::as_str).map(Into::into);
        account.aliases = aliases;
        account.member_group_ids = groups;
        if let Some(q) = o.get("quotas").and_then(Value::as_object) {
            account.quotas = q.clone();
        }
        if let Some(r) = o.get("roles") {
            account.roles = r.clone();
        }
        if let Some(p) = o.get("permissions") {
            account.permissions = type_last(p);
        }
        if let Some(hash) = password {
            account.credentials.insert(0, Credential::Password { hash });
        }
        Ok(account.id)
    }

    /// The account (other than none) that already has `local@domain` as name or alias.
    pub(super) fn address_owner(&self, local: &str, domain_id: u32) -> Option<u32> {
        self.accounts
            .values()
            .find(|a| {
                (a.name == local && a.domain_id == domain_id)
                    || a.aliases
                        .iter()
                        .any(|al| al.name == local && al.domain_id == domain_id)
            })
            .map(|a| a.id)
    }

    pub(super) fn update_account(&mut self, id: &str, patch: &Value) -> Result<(), Value> {
        let Some(n) = decode_id(id)
            .map(|n| n as u32)
            .filter(|n| self.accounts.contains_key(n))
        else {
            return Err(Value::Object(set_error("notFound")));
        };
        let patch = patch.as_object().cloned().unwrap_or_default();
        let kind = self.accounts[&n].kind;
        if let Some(t) = patch.get("@type").and_then(Value::as_str)
            && t != if kind == Kind::User { "User" } else { "Group" }
        {
            return Err(set_error_described(
                "invalidProperties",
                "Cannot change the type of an existing account.",
                &["@type"],
            ));
        }
        if self.accounts[&n].external && patch.keys().any(|k| k.starts_with("credentials")) {
            return Err(set_error_described(
                "forbidden",
                "Cannot set credentials for accounts in an external directory.",
                &[],
            ));
        }
        // A key the simulator does not model is refused as Stalwart refuses an unknown key on
        // create: a new typed change must not pass the tests while changing nothing.
        let modelled = |key: &str| {
            let credential = key
                .strip_prefix("credentials/")
                .map(|rest| rest.trim_end_matches("/secret"))
                .is_some_and(|index| index.parse::<u32>().is_ok());
            credential
                || matches!(
                    key,
                    "@type"
                        | "description"
                        | "quotas"
                        | "memberGroupIds"
                        | "roles"
                        | "permissions"
                        | "aliases"
                )
                || ["quotas/", "memberGroupIds/", "aliases/"]
                    .iter()
                    .any(|prefix| key.starts_with(prefix))
        };
        if patch.keys().any(|k| !modelled(k)) {
            return Err(set_error_described(
                "invalidPatch",
                "Invalid key for object",
                &[""],
            ));
        }
        // Validate everything before changing anything: a refused patch changes nothing.
        let mut new_aliases: Vec<(usize, Option<Alias>)> = Vec::new();
        let mut new_password = None;
        for (key, value) in &patch {
            if let Some(index) = key.strip_prefix("aliases/") {
                let index: usize = index.parse().map_err(|_| {
                    set_error_described("invalidPatch", "Invalid patch path", &[key])
                })?;
                if value.is_null() {
                    new_aliases.push((index, None));
                } else {
                    let alias = parse_alias(value).ok_or_else(|| {
                        set_error_described("invalidProperties", "Invalid alias", &["aliases"])
                    })?;
                    if let Some(owner) = self.address_owner(&alias.name, alias.domain_id) {
                        return Err(
                            json!({"type": "primaryKeyViolation", "properties": ["email"],
                                          "objectId": {"object": "Account", "id": encode_id(owner as u64)}}),
                        );
                    }
                    new_aliases.push((index, Some(alias)));
                }
            } else if let Some(rest) = key.strip_prefix("credentials/") {
                // `credentials/<i>/secret` replaces a password; `credentials/<n>` adds one.
                let (index, secret) = match rest.strip_suffix("/secret") {
                    Some(index) => (index, value.as_str()),
                    None => (rest, value.get("secret").and_then(Value::as_str)),
                };
                let index: u32 = index.parse().map_err(|_| {
                    set_error_described("invalidPatch", "Invalid patch path", &[key])
                })?;
                new_password = Some((index, check_new_password(secret.unwrap_or_default())?));
            }
        }
        let account = self.accounts.get_mut(&n).expect("checked");
        for (key, value) in &patch {
            match key.as_str() {
                "description" => account.description = value.as_str().map(Into::into),
                "quotas" => account.quotas = value.as_object().cloned().unwrap_or_default(),
                "memberGroupIds" => account.member_group_ids = parse_id_set(Some(value)),
                "roles" => account.roles = value.clone(),
                "permissions" => account.permissions = type_last(value),
                "aliases" => account.aliases = parse_aliases(Some(value)),
                k if k.starts_with("quotas/") => {
                    let q = &k["quotas/".len()..];
                    if value.is_null() {
                        account.quotas.remove(q);
                    } else {
                        account.quotas.insert(q.into(), value.clone());
                    }
                }
                k if k.starts_with("memberGroupIds/") => {
                    if let Some(g) = decode_id(&k["memberGroupIds/".len()..]) {
                        if value.as_bool() == Some(true) {
                            account.member_group_ids.insert(g as u32);
                        } else {
                            account.member_group_ids.remove(&(g as u32));
                        }
                    }
                }
                _ => {}
            }
        }
        // Alias list entries are addressed by position; removing shifts the later ones.
        let mut removals: Vec<usize> = new_aliases
            .iter()
            .filter(|(_, a)| a.is_none())
            .map(|(i, _)| *i)
            .collect();
        removals.sort_unstable_by(|a, b| b.cmp(a));
        for i in removals {
            if i < account.aliases.len() {
                account.aliases.remove(i);
            }
        }
        for (_, alias) in new_aliases.into_iter().filter(|(_, a)| a.is_some()) {
            account.aliases.push(alias.expect("filtered"));
        }
        if let Some((index, hash)) = new_password {
            account
                .credentials
                .insert(index, Credential::Password { hash });
        }
        Ok(())
    }
}
