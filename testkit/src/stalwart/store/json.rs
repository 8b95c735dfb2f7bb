//! Helpers shared by the object families: Stalwart's JSON shapes (errors, sets, paging,
//! property selection), hashing, and the small checks Stalwart makes on input.

use super::types::*;
use crate::stalwart::ids::{decode_id, encode_id};
use rand::RngCore;
use serde_json::{Map, Value, json};
use sha2::{Digest, Sha256};
use std::collections::BTreeSet;

pub fn now_rfc3339() -> String {
    let now = time::OffsetDateTime::now_utc()
        .replace_nanosecond(0)
        .expect("0 is valid");
    now.format(&time::format_description::well_known::Rfc3339)
        .expect("formats")
}

pub(super) fn digest(bytes: &[u8]) -> [u8; 32] {
    Sha256::digest(bytes).into()
}

/// How a clear-text password is kept: a salted SHA-256 (test equipment; Stalwart uses
/// argon2id, which is not observable through the API because secrets read back as "****").
pub(super) fn hash_clear_text(secret: &str) -> String {
    let mut salt = [0u8; 8];
    rand::thread_rng().fill_bytes(&mut salt);
    let mut hasher = Sha256::new();
    hasher.update(salt);
    hasher.update(secret.as_bytes());
    format!("{{SIM-SSHA256}}{}:{}", hex(&salt), hex(&hasher.finalize()))
}

pub(super) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Verifies a password against what `Store` keeps: our own salted SHA-256 for clear text,
/// or a PHC argon2 string as Stalwart stores pre-hashed secrets verbatim (API.md §5.3).
pub fn verify_password(stored: &str, secret: &str) -> bool {
    if let Some(rest) = stored.strip_prefix("{SIM-SSHA256}") {
        let Some((salt, want)) = rest.split_once(':') else {
            return false;
        };
        let salt: Vec<u8> = (0..salt.len())
            .step_by(2)
            .filter_map(|i| u8::from_str_radix(&salt[i..i + 2], 16).ok())
            .collect();
        let mut hasher = Sha256::new();
        hasher.update(&salt);
        hasher.update(secret.as_bytes());
        return hex(&hasher.finalize()) == want;
    }
    if stored.starts_with("$argon2") {
        use argon2::PasswordVerifier;
        return argon2::PasswordHash::new(stored).is_ok_and(|hash| {
            argon2::Argon2::default()
                .verify_password(secret.as_bytes(), &hash)
                .is_ok()
        });
    }
    false
}

pub(super) fn set_error(kind: &str) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("type".into(), json!(kind));
    m
}

pub(super) fn set_error_described(kind: &str, description: &str, properties: &[&str]) -> Value {
    let mut m = set_error(kind);
    m.insert("description".into(), json!(description));
    if !properties.is_empty() {
        m.insert("properties".into(), json!(properties));
    }
    Value::Object(m)
}

/// Stalwart's `invalidPatch` SetError for one property.
pub(super) fn invalid_patch(description: &str, property: &str) -> Value {
    set_error_described("invalidPatch", description, &[property])
}

pub(super) fn method_error(kind: &str, description: &str) -> (String, Value) {
    (
        "error".into(),
        json!({ "type": kind, "description": description }),
    )
}

/// A set argument (`{"x": true}`) as its keys.
pub(super) fn keys_of(v: &Value) -> Vec<String> {
    v.as_object()
        .map(|m| m.keys().cloned().collect())
        .unwrap_or_default()
}

/// A `get` of one of the server-wide singletons; errors are (type, description).
pub(super) type GlobalGet =
    fn(&Store, Caller, &Map<String, Value>) -> Result<Value, (String, Value)>;

/// Stalwart serialises polymorphic objects with `@type` last (live 041).
pub(super) fn type_last(v: &Value) -> Value {
    match v.as_object() {
        Some(m) if m.contains_key("@type") => {
            let mut out: Map<String, Value> = m
                .iter()
                .filter(|(k, _)| *k != "@type")
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            out.insert("@type".into(), m["@type"].clone());
            Value::Object(out)
        }
        _ => v.clone(),
    }
}

/// Quoted TXT strings as Stalwart writes them: one string, or 255-character strings inside
/// parentheses on separate lines (live 036).
pub(super) fn txt_strings(value: &str) -> String {
    if value.len() <= 255 {
        return format!("\"{value}\"");
    }
    let chunks: Vec<String> = value
        .as_bytes()
        .chunks(255)
        .map(|c| format!("    \"{}\"", String::from_utf8_lossy(c)))
        .collect();
    format!("(\n{}\n)", chunks.join("\n"))
}

pub(super) fn is_admin(a: &Account) -> bool {
    a.roles.get("@type").and_then(Value::as_str) == Some("Admin")
}

pub(super) fn is_expired(expires_at: Option<&str>) -> bool {
    expires_at
        .and_then(|e| {
            time::OffsetDateTime::parse(e, &time::format_description::well_known::Rfc3339).ok()
        })
        .is_some_and(|e| e <= time::OffsetDateTime::now_utc())
}

pub(super) fn is_cidr(s: &str) -> bool {
    let (addr, prefix) = s.split_once('/').unwrap_or((s, ""));
    let Ok(ip) = addr.parse::<std::net::IpAddr>() else {
        return false;
    };
    if prefix.is_empty() {
        return true;
    }
    let max = if ip.is_ipv4() { 32 } else { 128 };
    prefix.parse::<u8>().is_ok_and(|p| p <= max)
}

/// Stalwart's checks on a new password (API.md §5.3): a recognised hash is stored verbatim;
/// clear text must be 8–128 characters and not trivially weak.
pub(super) fn check_new_password(secret: &str) -> Result<String, Value> {
    if secret.starts_with('$') || secret.starts_with('{') {
        return Ok(secret.to_owned());
    }
    let length = secret.chars().count();
    if length < 8 {
        return Err(set_error_described(
            "invalidProperties",
            "Password must be at least 8 characters long.",
            &["secret"],
        ));
    }
    if length > 128 {
        return Err(set_error_described(
            "invalidProperties",
            "Password must be at most 128 characters long.",
            &["secret"],
        ));
    }
    // zxcvbn is not reproduced; the simulator refuses the classic examples only.
    let lower = secret.to_lowercase();
    if ["password", "12345678", "qwerty", "letmein"]
        .iter()
        .any(|w| lower.contains(w))
    {
        return Err(set_error_described(
            "invalidProperties",
            "Password is too weak. This is a very common password. Add another word or two. Uncommon words are better.",
            &["secret"],
        ));
    }
    Ok(hash_clear_text(secret))
}

pub(super) fn credential_json(id: u32, c: &Credential) -> Value {
    match c {
        Credential::Password { .. } => {
            json!({"credentialId": encode_id(id as u64), "secret": "****",
                                              "expiresAt": null, "allowedIps": {}, "@type": "Password"})
        }
        Credential::AppPassword {
            description,
            created_at,
            expires_at,
            permissions,
            allowed_ips,
            ..
        } => {
            json!({"credentialId": encode_id(id as u64), "description": description, "secret": "****",
                   "createdAt": created_at, "expiresAt": expires_at, "permissions": permissions,
                   "allowedIps": allowed_ips, "@type": "AppPassword"})
        }
        Credential::ApiKey {
            description,
            created_at,
        } => {
            json!({"credentialId": encode_id(id as u64), "description": description, "secret": "****",
                   "createdAt": created_at, "expiresAt": null, "permissions": {"@type": "Inherit"},
                   "allowedIps": {}, "@type": "ApiKey"})
        }
    }
}

pub(super) fn id_set(ids: &BTreeSet<u32>) -> Value {
    Value::Object(
        ids.iter()
            .map(|id| (encode_id(*id as u64), Value::Bool(true)))
            .collect(),
    )
}

pub(super) fn parse_id_set(v: Option<&Value>) -> BTreeSet<u32> {
    v.map(keys_of)
        .unwrap_or_default()
        .iter()
        .filter_map(|k| decode_id(k).map(|n| n as u32))
        .collect()
}

pub(super) fn parse_alias(v: &Value) -> Option<Alias> {
    Some(Alias {
        name: v.get("name")?.as_str()?.to_lowercase(),
        domain_id: decode_id(v.get("domainId")?.as_str()?)? as u32,
        enabled: v.get("enabled").and_then(Value::as_bool).unwrap_or(true),
        description: v.get("description").and_then(Value::as_str).map(Into::into),
    })
}

pub(super) fn parse_aliases(v: Option<&Value>) -> Vec<Alias> {
    let Some(map) = v.and_then(Value::as_object) else {
        return Vec::new();
    };
    let mut entries: Vec<(usize, &Value)> = map
        .iter()
        .filter_map(|(k, v)| k.parse().ok().map(|i| (i, v)))
        .collect();
    entries.sort_by_key(|(i, _)| *i);
    entries
        .into_iter()
        .filter_map(|(_, v)| parse_alias(v))
        .collect()
}

pub(super) fn select(o: Map<String, Value>, properties: Option<&[String]>) -> Map<String, Value> {
    match properties {
        None => o,
        Some(props) => o
            .into_iter()
            .filter(|(k, _)| k == "id" || props.iter().any(|p| p == k))
            .collect(),
    }
}

pub(super) fn put_nonempty(response: &mut Map<String, Value>, key: &str, map: Map<String, Value>) {
    if !map.is_empty() {
        response.insert(key.into(), Value::Object(map));
    }
}

pub(super) fn json_kind(v: &Value) -> String {
    match v {
        Value::String(s) => format!("string {s:?}"),
        Value::Number(n) => format!("integer `{n}`"),
        Value::Bool(b) => format!("boolean `{b}`"),
        Value::Object(_) => "map".into(),
        _ => "value".into(),
    }
}

/// Default sort is id descending (live 012); only `id` may be sorted on.
pub(super) fn sort_ascending(args: &Map<String, Value>) -> Result<bool, (String, Value)> {
    let Some(sort) = args.get("sort").and_then(Value::as_array) else {
        return Ok(false);
    };
    let Some(first) = sort.first() else {
        return Ok(false);
    };
    let property = first
        .get("property")
        .and_then(Value::as_str)
        .unwrap_or_default();
    if property != "id" {
        return Err(method_error(
            "unsupportedSort",
            &format!("Property {property} is not supported for sorting"),
        ));
    }
    Ok(first
        .get("isAscending")
        .and_then(Value::as_bool)
        .unwrap_or(true))
}

/// Applies position/anchor/limit paging to sorted ids (live 010–012).
pub(super) fn page<T: Copy + Into<u64>>(
    caller: Caller,
    args: &Map<String, Value>,
    ids: Vec<T>,
) -> Value {
    let total = ids.len();
    let limit = args
        .get("limit")
        .and_then(Value::as_u64)
        .map(|l| l as usize);
    let mut position = args.get("position").and_then(Value::as_i64).unwrap_or(0);
    if let Some(anchor) = args
        .get("anchor")
        .and_then(Value::as_str)
        .and_then(decode_id)
    {
        let offset = args
            .get("anchorOffset")
            .and_then(Value::as_i64)
            .unwrap_or(0);
        if let Some(i) = ids.iter().position(|id| (*id).into() == anchor) {
            position = i as i64 + offset;
        }
    }
    if position < 0 {
        position = (total as i64 + position).max(0);
    }
    let start = (position as usize).min(total);
    let end = limit.map(|l| (start + l).min(total)).unwrap_or(total);
    let mut o = Map::new();
    o.insert("accountId".into(), json!(encode_id(caller.account as u64)));
    o.insert("queryState".into(), json!("n"));
    o.insert("canCalculateChanges".into(), json!(true));
    o.insert("position".into(), json!(start));
    o.insert(
        "ids".into(),
        Value::Array(
            ids[start..end]
                .iter()
                .map(|id| json!(encode_id((*id).into())))
                .collect(),
        ),
    );
    if args.get("calculateTotal").and_then(Value::as_bool) == Some(true) {
        o.insert("total".into(), json!(total));
    }
    // `limit` is echoed for position paging only, not with an anchor (live 010 vs 012).
    if let (Some(l), false) = (limit, args.contains_key("anchor")) {
        o.insert("limit".into(), json!(l));
    }
    Value::Object(o)
}

/// Whether a permissions object replaces the account's permissions (API.md §6).
pub(super) fn is_replace(permissions: &Value) -> bool {
    permissions.get("@type").and_then(Value::as_str) == Some("Replace")
}
