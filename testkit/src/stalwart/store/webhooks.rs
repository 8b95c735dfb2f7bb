//! `x:WebHook` (API.md §11, live 096, 098, 110, 123): the stored objects. What a successful
//! `ReloadSettings` puts to work is in `telemetry.rs`; the deliveries in `../delivery.rs`.
//!
//! Stalwart's registry object has exactly the thirteen properties of `default_hook` (no
//! `description`); every one has a default, so `get` always shows all of them, in that order
//! (live 096).

use super::json::*;
use super::types::*;
use crate::stalwart::ids::{decode_id, encode_id};
use serde_json::{Map, Value, json};

/// Property names of other registry objects. Stalwart's patch layer tells a known property
/// that this object lacks ("Invalid property", naming it) from a name it knows nowhere ("Invalid
/// key for object", path ""). A client sending `description` to a webhook gets the former. The
/// full list has ~900 names; these are the ones a client plausibly sends here.
const OTHER_PROPERTIES: &[&str] = &[
    "@type",
    "id",
    "description",
    "name",
    "enabled",
    "isEnabled",
    "headers",
    "secret",
    "key",
    "createdAt",
];

const LEVELS: &[&str] = &["error", "warn", "info", "debug", "trace"];

/// A new webhook before the client's properties are applied: Stalwart's `Default` (the event
/// policy `exclude` with no events means every event).
fn default_hook() -> Map<String, Value> {
    let hook = json!({
        "allowInvalidCerts": false, "signatureKey": {"@type": "None"}, "throttle": 1000,
        "timeout": 30000, "discardAfter": 300000, "url": "",
        "httpAuth": {"@type": "Unauthenticated"}, "httpHeaders": {}, "enable": true,
        "level": "info", "lossy": false, "events": {}, "eventsPolicy": "exclude"
    });
    hook.as_object().cloned().expect("an object")
}

fn required(properties: &[&str]) -> Value {
    let errors: Vec<Value> = properties
        .iter()
        .map(|p| json!({"type": "Required", "property": p}))
        .collect();
    json!({"type": "validationFailed", "validationErrors": errors})
}

/// A secret as Stalwart's `SecretKey` (`optional`: `SecretKeyOptional`, which adds `None`),
/// normalised to its serialisation order (`@type` last, live 096).
fn secret_key(value: &Value, property: &str, optional: bool) -> Result<Value, Value> {
    let kind = value.get("@type").and_then(Value::as_str).unwrap_or("");
    let field = match kind {
        "None" if optional => None,
        "Value" => Some("secret"),
        "EnvironmentVariable" => Some("variableName"),
        "File" => Some("filePath"),
        _ => return Err(invalid_patch("Invalid object type", property)),
    };
    let mut out = Map::new();
    if let Some(field) = field {
        match value.get(field).and_then(Value::as_str) {
            Some(s) if !s.is_empty() => out.insert(field.into(), json!(s)),
            _ => return Err(required(&[field])),
        };
    }
    out.insert("@type".into(), json!(kind));
    Ok(Value::Object(out))
}

fn http_auth(value: &Value) -> Result<Value, Value> {
    let mut out = Map::new();
    match value.get("@type").and_then(Value::as_str) {
        Some("Unauthenticated") => {}
        Some("Basic") => {
            let username = value.get("username").and_then(Value::as_str);
            out.insert("username".into(), json!(username.unwrap_or_default()));
            let secret = value.get("secret").unwrap_or(&Value::Null);
            out.insert("secret".into(), secret_key(secret, "httpAuth", false)?);
        }
        Some("Bearer") => {
            let token = value.get("bearerToken").unwrap_or(&Value::Null);
            out.insert("bearerToken".into(), secret_key(token, "httpAuth", false)?);
        }
        _ => return Err(invalid_patch("Invalid object type", "httpAuth")),
    }
    out.insert("@type".into(), value["@type"].clone());
    Ok(Value::Object(out))
}

/// An event name as `EventType` spells it (`auth.success`, `security.ip-blocked`). Only the
/// shape is checked: the simulator does not carry Stalwart's list of ~600 event types.
fn is_event_name(name: &str) -> bool {
    let ok = |part: &str| {
        !part.is_empty()
            && part
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    };
    name.split_once('.').is_some_and(|(a, b)| ok(a) && ok(b))
}

fn enum_error(value: &Value, enum_type: &str, property: &str) -> Value {
    invalid_patch(
        &format!("Invalid value {value} for enum type {enum_type}."),
        property,
    )
}

/// Applies one patch entry — a property, or `events/<name>` / `httpHeaders/<name>` — the way
/// Stalwart's patch layer checks it. Errors are the SetError to answer.
fn patch(hook: &mut Map<String, Value>, key: &str, value: &Value) -> Result<(), Value> {
    if let Some((property, entry)) = key.split_once('/') {
        let valid = match property {
            "events" => is_event_name(entry) && (value.is_boolean() || value.is_null()),
            "httpHeaders" => value.is_string() || value.is_null(),
            _ => false,
        };
        if !valid {
            return Err(invalid_patch("Invalid patch path", key));
        }
        let map = hook[property].as_object_mut().expect("an object");
        if value.is_null() || *value == json!(false) {
            map.remove(entry);
        } else {
            map.insert(entry.into(), value.clone());
        }
        return Ok(());
    }
    let wrong_type = || invalid_patch("Invalid value type", key);
    let stored = match key {
        "allowInvalidCerts" | "enable" | "lossy" => value.as_bool().map(Value::Bool),
        "throttle" | "timeout" | "discardAfter" => value.as_u64().map(|n| json!(n)),
        "url" => {
            let url = value.as_str().ok_or_else(wrong_type)?.trim();
            // Stalwart only requires a non-empty string; a URL that cannot be posted to fails
            // at delivery. The simulator refuses it at once (test equipment: fail early).
            let parsed = url::Url::parse(url).ok();
            if !url.is_empty() && !parsed.is_some_and(|u| matches!(u.scheme(), "http" | "https")) {
                return Err(invalid_patch("Invalid URL", "url"));
            }
            Some(json!(url))
        }
        "signatureKey" => Some(secret_key(value, key, true)?),
        "httpAuth" => Some(http_auth(value)?),
        "httpHeaders" => match value.as_object() {
            Some(m) if m.values().all(Value::is_string) => Some(value.clone()),
            _ => None,
        },
        "level" => match value.as_str() {
            Some(l) if LEVELS.contains(&l) => Some(value.clone()),
            _ => return Err(enum_error(value, "TracingLevel", key)),
        },
        "events" => match value.as_object() {
            Some(m) => {
                if let Some(bad) = m.keys().find(|k| !is_event_name(k)) {
                    return Err(enum_error(&json!(bad), "EventType", key));
                }
                let on = m.iter().filter(|(_, v)| **v == json!(true));
                Some(Value::Object(
                    on.map(|(k, _)| (k.clone(), json!(true))).collect(),
                ))
            }
            None => None,
        },
        "eventsPolicy" => match value.as_str() {
            Some("include" | "exclude") => Some(value.clone()),
            _ => return Err(enum_error(value, "EventPolicy", key)),
        },
        _ if OTHER_PROPERTIES.contains(&key) => return Err(invalid_patch("Invalid property", key)),
        _ => return Err(invalid_patch("Invalid key for object", "")),
    };
    hook.insert(key.into(), stored.ok_or_else(wrong_type)?);
    Ok(())
}

/// Stalwart's `validate()` after patching: `url` and header values are required.
fn validate(hook: &Map<String, Value>) -> Result<(), Value> {
    let mut missing = Vec::new();
    if hook["url"].as_str().is_none_or(str::is_empty) {
        missing.push("url");
    }
    let headers = hook["httpHeaders"].as_object();
    if headers.is_some_and(|h| h.values().any(|v| v.as_str() == Some(""))) {
        missing.push("httpHeaders");
    }
    if missing.is_empty() {
        Ok(())
    } else {
        Err(required(&missing))
    }
}

/// Secrets read back as "****", wherever they sit (`signatureKey`, `httpAuth`).
fn masked(value: &Value) -> Value {
    match value {
        Value::Object(m) => Value::Object(
            m.iter()
                .map(|(k, v)| match (k.as_str(), v) {
                    ("secret", Value::String(_)) => (k.clone(), json!("****")),
                    _ => (k.clone(), masked(v)),
                })
                .collect(),
        ),
        other => other.clone(),
    }
}

impl Store {
    pub(super) fn webhook_get(
        &self,
        caller: Caller,
        args: &Map<String, Value>,
    ) -> Result<Value, (String, Value)> {
        let ids = Self::ids_arg(args)?;
        let properties = Self::properties_arg(args);
        let hooks = &self.telemetry.hooks;
        let wanted = ids.unwrap_or_else(|| hooks.keys().map(|id| encode_id(*id)).collect());
        let (mut list, mut not_found) = (Vec::new(), Vec::new());
        for id in wanted {
            match decode_id(&id).and_then(|n| hooks.get(&n)) {
                Some(hook) => {
                    let mut o = masked(&Value::Object(hook.clone()))
                        .as_object()
                        .cloned()
                        .expect("an object");
                    o.insert("id".into(), json!(id));
                    list.push(Value::Object(select(o, properties.as_deref())));
                }
                None => not_found.push(json!(id)),
            }
        }
        Ok(
            json!({"accountId": encode_id(caller.account as u64), "list": list, "notFound": not_found}),
        )
    }

    pub(super) fn webhook_query(
        &self,
        caller: Caller,
        args: &Map<String, Value>,
    ) -> Result<Value, (String, Value)> {
        let filter = args.get("filter").and_then(Value::as_object);
        if let Some(property) = filter.and_then(|f| f.keys().next()) {
            return Err(method_error(
                "unsupportedFilter",
                &format!("Filter on property {property} is not supported or invalid"),
            ));
        }
        let mut ids: Vec<u64> = self.telemetry.hooks.keys().copied().collect();
        if !sort_ascending(args)? {
            ids.reverse();
        }
        Ok(page(caller, args, ids))
    }

    pub(super) fn webhook_set(&mut self, caller: Caller, args: &Map<String, Value>) -> Value {
        let mut response = Map::new();
        response.insert("accountId".into(), json!(encode_id(caller.account as u64)));
        let (mut created, mut not_created) = (Map::new(), Map::new());
        for (client_id, object) in args
            .get("create")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
        {
            let mut hook = default_hook();
            let mut entries = object.as_object().into_iter().flatten();
            let result = entries
                .try_for_each(|(k, v)| patch(&mut hook, k, v))
                .and_then(|()| validate(&hook));
            match result {
                Ok(()) => {
                    let id = self.telemetry.snowflake();
                    self.telemetry.hooks.insert(id, hook);
                    created.insert(client_id.clone(), json!({"id": encode_id(id)}));
                }
                Err(e) => {
                    not_created.insert(client_id.clone(), e);
                }
            }
        }
        let destroy: Vec<&str> = args
            .get("destroy")
            .and_then(Value::as_array)
            .map(|d| d.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let (mut updated, mut not_updated) = (Map::new(), Map::new());
        for (id, changes) in args
            .get("update")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
        {
            match self.update_webhook(id, changes, destroy.contains(&id.as_str())) {
                Ok(()) => updated.insert(id.clone(), Value::Null),
                Err(e) => not_updated.insert(id.clone(), e),
            };
        }
        let (mut destroyed, mut not_destroyed) = (Vec::new(), Map::new());
        for id in destroy {
            // A running hook keeps running until the next successful ReloadSettings.
            match decode_id(id).and_then(|n| self.telemetry.hooks.remove(&n)) {
                Some(_) => destroyed.push(json!(id)),
                None => {
                    not_destroyed.insert(id.into(), Value::Object(set_error("notFound")));
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
        Value::Object(response)
    }

    /// Patches a copy and stores it only if every entry and the result are valid.
    fn update_webhook(&mut self, id: &str, changes: &Value, destroying: bool) -> Result<(), Value> {
        if destroying {
            return Err(Value::Object(set_error("willDestroy")));
        }
        let n = decode_id(id).filter(|n| self.telemetry.hooks.contains_key(n));
        let Some(n) = n else {
            return Err(Value::Object(set_error("notFound")));
        };
        let mut hook = self.telemetry.hooks[&n].clone();
        for (key, value) in changes.as_object().into_iter().flatten() {
            patch(&mut hook, key, value)?;
        }
        validate(&hook)?;
        self.telemetry.hooks.insert(n, hook);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The properties in Stalwart's serialisation order (live 096).
    const PROPERTIES: &[&str] = &[
        "allowInvalidCerts",
        "signatureKey",
        "throttle",
        "timeout",
        "discardAfter",
        "url",
        "httpAuth",
        "httpHeaders",
        "enable",
        "level",
        "lossy",
        "events",
        "eventsPolicy",
    ];

    #[test]
    fn a_patch_keeps_the_serialisation_order_and_normalises_secrets() {
        let mut hook = default_hook();
        let key = json!({"@type": "Value", "secret": "s3cret"});
        patch(&mut hook, "signatureKey", &key).unwrap();
        patch(&mut hook, "url", &json!(" http://127.0.0.1:1/hook ")).unwrap();
        let keys: Vec<&String> = hook.keys().collect();
        assert_eq!(keys, PROPERTIES.iter().collect::<Vec<_>>());
        assert_eq!(hook["url"], "http://127.0.0.1:1/hook");
        assert_eq!(
            masked(&hook["signatureKey"]).to_string(),
            r#"{"secret":"****","@type":"Value"}"#
        );
    }

    #[test]
    fn events_are_a_set_of_event_type_names() {
        let mut hook = default_hook();
        let events = json!({"auth.success": true, "auth.failed": false});
        patch(&mut hook, "events", &events).unwrap();
        assert_eq!(hook["events"], json!({"auth.success": true}));
        patch(&mut hook, "events/security.ip-blocked", &json!(true)).unwrap();
        patch(&mut hook, "events/auth.success", &Value::Null).unwrap();
        assert_eq!(hook["events"], json!({"security.ip-blocked": true}));
        let bad = patch(&mut hook, "events", &json!({"Auth Success": true}));
        assert_eq!(bad.unwrap_err()["type"], "invalidPatch");
    }
}
