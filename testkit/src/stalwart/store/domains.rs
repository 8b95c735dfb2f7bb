//! `x:Domain`, `x:Authentication` and `x:DkimSignature` (API.md §4, §8, §10).

use super::json::*;
use super::types::*;
use crate::stalwart::ids::{decode_id, encode_id};
use serde_json::{Map, Value, json};

impl Store {
    // ----- x:Domain -----

    pub(super) fn domain_json(&self, d: &Domain) -> Map<String, Value> {
        let mut o = Map::new();
        o.insert("name".into(), json!(d.name));
        o.insert("aliases".into(), json!({}));
        o.insert("isEnabled".into(), json!(true));
        o.insert("createdAt".into(), json!(d.created_at));
        o.insert("description".into(), json!(d.description));
        o.insert("dnsManagement".into(), self.dns_management(d.id));
        o.insert("reportAddressUri".into(), json!(d.report_address));
        o.insert("dnsZoneFile".into(), json!(self.zone_file(d.id)));
        o.insert("id".into(), json!(encode_id(d.id as u64)));
        o
    }

    pub(super) fn domain_get(
        &self,
        caller: Caller,
        args: &Map<String, Value>,
    ) -> Result<Value, (String, Value)> {
        let ids = Self::ids_arg(args)?;
        let properties = Self::properties_arg(args);
        let wanted: Vec<String> = match ids {
            Some(ids) => ids,
            None => self
                .domains
                .keys()
                .map(|id| encode_id(*id as u64))
                .collect(),
        };
        let (mut list, mut not_found) = (Vec::new(), Vec::new());
        for id in wanted {
            match decode_id(&id).and_then(|n| self.domains.get(&(n as u32))) {
                Some(d) => list.push(Value::Object(select(
                    self.domain_json(d),
                    properties.as_deref(),
                ))),
                None => not_found.push(json!(id)),
            }
        }
        Ok(
            json!({"accountId": encode_id(caller.account as u64), "list": list, "notFound": not_found}),
        )
    }

    pub(super) fn domain_query(
        &self,
        caller: Caller,
        args: &Map<String, Value>,
    ) -> Result<Value, (String, Value)> {
        let filter = args
            .get("filter")
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default();
        let mut ids = Vec::new();
        'domains: for d in self.domains.values() {
            for (key, value) in &filter {
                let ok = match key.as_str() {
                    "name" => value.as_str() == Some(d.name.as_str()),
                    "text" => value
                        .as_str()
                        .is_some_and(|t| d.name.contains(&t.to_lowercase())),
                    other => {
                        return Err(method_error(
                            "unsupportedFilter",
                            &format!("Filter on property {other} is not supported or invalid"),
                        ));
                    }
                };
                if !ok {
                    continue 'domains;
                }
            }
            ids.push(d.id);
        }
        if !sort_ascending(args)? {
            ids.reverse();
        }
        Ok(page(caller, args, ids))
    }

    pub(super) fn domain_set(
        &mut self,
        caller: Caller,
        args: &Map<String, Value>,
    ) -> Result<Value, (String, Value)> {
        let mut response = Map::new();
        response.insert("accountId".into(), json!(encode_id(caller.account as u64)));
        let (mut created, mut not_created) = (Map::new(), Map::new());
        if let Some(create) = args.get("create").and_then(Value::as_object) {
            for (client_id, object) in create {
                let name = object
                    .get("name")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_lowercase();
                if let Some(existing) = self.domains.values().find(|d| d.name == name) {
                    not_created.insert(
                        client_id.clone(),
                        json!({"type": "primaryKeyViolation", "properties": ["name"],
                               "objectId": {"object": "Domain", "id": encode_id(existing.id as u64)}}),
                    );
                    continue;
                }
                let manual = object
                    .pointer("/dkimManagement/@type")
                    .and_then(Value::as_str)
                    == Some("Manual");
                let id = if manual {
                    self.create_domain_without_dkim(&name)
                } else {
                    self.create_domain(&name)
                };
                let number = decode_id(&id).map(|n| n as u32).unwrap_or_default();
                if let Some(d) = self.domains.get_mut(&number) {
                    d.description = object
                        .get("description")
                        .and_then(Value::as_str)
                        .map(Into::into);
                }
                if let Some(management) = object.get("dnsManagement") {
                    let patch: Map<String, Value> =
                        [("dnsManagement".to_owned(), management.clone())]
                            .into_iter()
                            .collect();
                    if let Err(e) = self.set_dns_management(number, &patch, !manual) {
                        self.domains.remove(&number);
                        self.dkim.retain(|_, k| k.domain_id != number);
                        not_created.insert(client_id.clone(), e);
                        continue;
                    }
                    // Made for a domain that publishes automatically, its keys wait until
                    // Stalwart's resolver sees them (live 131).
                    if self.dns_management(number)["@type"] == "Automatic" {
                        for key in self.dkim.values_mut().filter(|k| k.domain_id == number) {
                            key.stage = "pending".into();
                        }
                        self.note_dkim_waiting(number);
                    }
                }
                created.insert(client_id.clone(), json!({"id": id}));
            }
        }
        // Only a domain's DNS management is modelled for updates (live 136, 143, 144, 148).
        let (mut updated, mut not_updated) = (Map::new(), Map::new());
        if let Some(update) = args.get("update").and_then(Value::as_object) {
            for (id, patch) in update {
                let Some(n) = decode_id(id)
                    .map(|n| n as u32)
                    .filter(|n| self.domains.contains_key(n))
                else {
                    not_updated.insert(id.clone(), Value::Object(set_error("notFound")));
                    continue;
                };
                let mut patch = patch.as_object().cloned().unwrap_or_default();
                let report = patch.remove("reportAddressUri");
                if patch.keys().any(|k| !k.starts_with("dnsManagement")) {
                    not_updated.insert(
                        id.clone(),
                        set_error_described(
                            "invalidPatch",
                            "The simulator does not model updates of this object",
                            &[""],
                        ),
                    );
                    continue;
                }
                match self.set_dns_management(n, &patch, false) {
                    Ok(()) => {
                        if let (Some(report), Some(d)) = (report, self.domains.get_mut(&n)) {
                            d.report_address = report.as_str().unwrap_or_default().to_owned();
                        }
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
                let Some(n) = decode_id(id)
                    .map(|n| n as u32)
                    .filter(|n| self.domains.contains_key(n))
                else {
                    not_destroyed.insert(id.into(), Value::Object(set_error("notFound")));
                    continue;
                };
                let linked: Vec<Value> = self
                    .accounts
                    .values()
                    .filter(|a| a.domain_id == n)
                    .map(|a| json!({"object": "Account", "id": encode_id(a.id as u64)}))
                    .chain(
                        self.dkim
                            .values()
                            .filter(|k| k.domain_id == n)
                            .map(|k| json!({"object": "DkimSignature", "id": encode_id(k.id)})),
                    )
                    .collect();
                if linked.is_empty() {
                    self.domains.remove(&n);
                    // Deleting a domain removes nothing from its zone (live 150).
                    self.dns.management.remove(&n);
                    destroyed.push(json!(id));
                } else {
                    not_destroyed.insert(
                        id.into(),
                        json!({"type": "objectIsLinked", "objectId": {"object": "Domain", "id": id},
                               "linkedObjects": linked}),
                    );
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

    pub(super) fn authentication_get(
        &self,
        caller: Caller,
        _args: &Map<String, Value>,
    ) -> Result<Value, (String, Value)> {
        Ok(
            json!({"accountId": encode_id(caller.account as u64), "list": [{
            "directoryId": self.directory_id, "defaultUserRoleIds": {"b": true}, "defaultGroupRoleIds": {"c": true},
            "defaultTenantRoleIds": {"d": true, "b": true}, "defaultAdminRoleIds": {"e": true, "b": true},
            "passwordHashAlgorithm": "argon2id", "passwordMinLength": 8, "passwordMaxLength": 128,
            "passwordMinStrength": "three", "passwordDefaultExpiry": null,
            "maxAppPasswords": self.max_app_passwords, "maxApiKeys": 5, "id": "singleton"}], "notFound": []}),
        )
    }

    // ----- x:DkimSignature (API.md §8, live 034) -----

    pub(super) fn dkim_json(&self, k: &Dkim) -> Map<String, Value> {
        let mut o = Map::new();
        o.insert("auid".into(), Value::Null);
        o.insert("canonicalization".into(), json!("relaxed/relaxed"));
        o.insert("expire".into(), Value::Null);
        o.insert(
            "headers".into(),
            json!({"From": true, "To": true, "Date": true, "Subject": true, "Message-ID": true}),
        );
        o.insert(
            "privateKey".into(),
            json!({"secret": "****", "@type": "Text"}),
        );
        o.insert("report".into(), json!(true));
        o.insert("thirdParty".into(), Value::Null);
        o.insert("thirdPartyHash".into(), Value::Null);
        o.insert("domainId".into(), json!(encode_id(k.domain_id as u64)));
        o.insert("memberTenantId".into(), Value::Null);
        o.insert("selector".into(), json!(k.selector));
        o.insert("createdAt".into(), json!(k.created_at));
        o.insert("nextTransitionAt".into(), Value::Null);
        o.insert("stage".into(), json!(k.stage));
        o.insert("@type".into(), json!(k.algorithm));
        o.insert("publicKey".into(), json!(k.public_key));
        o.insert("id".into(), json!(encode_id(k.id)));
        o
    }

    pub(super) fn dkim_get(
        &self,
        caller: Caller,
        args: &Map<String, Value>,
    ) -> Result<Value, (String, Value)> {
        let ids = Self::ids_arg(args)?;
        let properties = Self::properties_arg(args);
        let wanted: Vec<String> = match ids {
            Some(ids) => ids,
            None => self.dkim.keys().map(|id| encode_id(*id)).collect(),
        };
        let (mut list, mut not_found) = (Vec::new(), Vec::new());
        for id in wanted {
            match decode_id(&id).and_then(|n| self.dkim.get(&n)) {
                Some(k) => list.push(Value::Object(select(
                    self.dkim_json(k),
                    properties.as_deref(),
                ))),
                None => not_found.push(json!(id)),
            }
        }
        Ok(
            json!({"accountId": encode_id(caller.account as u64), "list": list, "notFound": not_found}),
        )
    }

    pub(super) fn dkim_query(
        &self,
        caller: Caller,
        args: &Map<String, Value>,
    ) -> Result<Value, (String, Value)> {
        let filter = args
            .get("filter")
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default();
        let domain = filter
            .get("domainId")
            .map(|v| v.as_str().and_then(decode_id).unwrap_or(u64::MAX));
        let mut ids: Vec<u64> = self
            .dkim
            .values()
            .filter(|k| domain.is_none_or(|d| d == k.domain_id as u64))
            .map(|k| k.id)
            .collect();
        ids.reverse();
        let mut response = page(caller, args, Vec::<u64>::new());
        response["ids"] = Value::Array(ids.iter().map(|id| json!(encode_id(*id))).collect());
        Ok(response)
    }

    /// `x:DkimSignature/set` destroy (live 105: the keys of a domain, by back-reference, before
    /// the domain itself). Creating keys by hand (live 100) is not simulated.
    pub(super) fn dkim_set(
        &mut self,
        caller: Caller,
        args: &Map<String, Value>,
    ) -> Result<Value, (String, Value)> {
        let mut response = Map::new();
        response.insert("accountId".into(), json!(encode_id(caller.account as u64)));
        let (mut destroyed, mut not_destroyed) = (Vec::new(), Map::new());
        if let Some(destroy) = args.get("destroy").and_then(Value::as_array) {
            for id in destroy.iter().filter_map(Value::as_str) {
                match decode_id(id).filter(|n| self.dkim.contains_key(n)) {
                    Some(n) => {
                        // No key left to wait for: its retrying task goes too.
                        if let Some(key) = self.dkim.remove(&n) {
                            self.note_dkim_waiting(key.domain_id);
                        }
                        destroyed.push(json!(id));
                    }
                    None => {
                        not_destroyed.insert(id.into(), Value::Object(set_error("notFound")));
                    }
                }
            }
        }
        if !destroyed.is_empty() {
            response.insert("destroyed".into(), Value::Array(destroyed));
        }
        put_nonempty(&mut response, "notDestroyed", not_destroyed);
        Ok(Value::Object(response))
    }
}
