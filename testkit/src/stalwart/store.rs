//! The simulated server's data and the `x:` methods over it, answering in the exact shapes of
//! ../shared/stalwart/live (key order included, thanks to serde_json's `preserve_order`).

use super::ids::{app_password_secret, decode_id, encode_id, parse_app_password};
use rand::RngCore;
use serde_json::{Map, Value, json};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::time::Duration;

/// The recovery admin's account id (`u32::MAX`, shown as `"d333333"`).
pub const RECOVERY_ADMIN_ID: u32 = u32::MAX;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    User,
    Group,
}

#[derive(Debug, Clone)]
pub struct Alias {
    pub name: String,
    pub domain_id: u32,
    pub enabled: bool,
    pub description: Option<String>,
}

#[derive(Debug, Clone)]
pub enum Credential {
    Password {
        hash: String,
    },
    AppPassword {
        description: String,
        digest: [u8; 32],
        created_at: String,
        expires_at: Option<String>,
        permissions: Value,
        allowed_ips: Map<String, Value>,
    },
    ApiKey {
        description: String,
        created_at: String,
    },
}

#[derive(Debug, Clone)]
pub struct Account {
    pub id: u32,
    pub kind: Kind,
    pub name: String,
    pub domain_id: u32,
    pub description: Option<String>,
    pub created_at: String,
    pub member_group_ids: BTreeSet<u32>,
    pub roles: Value,
    pub permissions: Value,
    pub quotas: Map<String, Value>,
    pub aliases: Vec<Alias>,
    pub locale: String,
    pub used_disk_quota: u64,
    /// Credential id → credential. Ids are reused after deletion, lowest free first.
    pub credentials: BTreeMap<u32, Credential>,
    /// Provisioned from an external directory (OIDC): credentials cannot be set (live 086).
    pub external: bool,
}

#[derive(Debug, Clone)]
pub struct Domain {
    pub id: u32,
    pub name: String,
    pub description: Option<String>,
    pub created_at: String,
}

/// A DKIM signing key of a domain (API.md §8). Only the public half is simulated.
#[derive(Debug, Clone)]
pub struct Dkim {
    pub id: u64,
    pub domain_id: u32,
    pub selector: String,
    /// `Dkim1RsaSha256` or `Dkim1Ed25519Sha256`.
    pub algorithm: String,
    /// RSA: base64 DER SubjectPublicKeyInfo; Ed25519: base64 of the raw 32-byte key.
    pub public_key: String,
    pub created_at: String,
}

/// A way to make the next requests misbehave, as a real server or network can.
#[derive(Debug, Clone)]
pub enum Fault {
    /// Answer with this HTTP status (and Stalwart's problem document) without processing.
    Status(u16),
    /// Wait this long before processing (the client may time out first: nothing happens).
    DelayBefore(Duration),
    /// Process the request, then wait this long before answering (a client that times out
    /// does not learn that the change was made).
    DelayAfter(Duration),
}

#[derive(Debug)]
pub struct Store {
    pub domains: BTreeMap<u32, Domain>,
    pub accounts: BTreeMap<u32, Account>,
    next_domain: u32,
    next_account: u32,
    pub recovery_admin: Option<(String, String)>,
    /// SHA-256 of an API key secret → the account it acts as.
    api_keys: BTreeMap<[u8; 32], u32>,
    pub max_app_passwords: usize,
    pub dkim: BTreeMap<u64, Dkim>,
    next_dkim: u64,
    /// `x:SystemSettings.defaultHostname`: where MX, SRV and CNAME records point.
    pub hostname: String,
    pub faults: VecDeque<Fault>,
    /// Faults for the next request that calls a given method (e.g. `x:AppPassword/set`).
    pub method_faults: VecDeque<(String, Fault)>,
    /// Every `/jmap` request body received, in order (tests assert on what reached Stalwart).
    pub requests: Vec<Value>,
}

impl Default for Store {
    fn default() -> Self {
        Self {
            domains: BTreeMap::new(),
            accounts: BTreeMap::new(),
            // Sequence ids start at 1 ("b"): id 0 is never handed out (live 005, 009).
            next_domain: 1,
            next_account: 1,
            recovery_admin: Some(("admin".into(), "Adm1n-Recovery-Pass".into())),
            api_keys: BTreeMap::new(),
            max_app_passwords: 5,
            dkim: BTreeMap::new(),
            // Snowflake-like ids in the style of live 034 ("jpxhl0n2aeaa").
            next_dkim: decode_id("jpxhl0n2aeaa").expect("valid id"),
            hostname: "mail.example.org".into(),
            faults: VecDeque::new(),
            method_faults: VecDeque::new(),
            requests: Vec::new(),
        }
    }
}

/// The authenticated caller of one request.
#[derive(Debug, Clone, Copy)]
pub struct Caller {
    pub account: u32,
    pub admin: bool,
}

pub fn now_rfc3339() -> String {
    let now = time::OffsetDateTime::now_utc()
        .replace_nanosecond(0)
        .expect("0 is valid");
    now.format(&time::format_description::well_known::Rfc3339)
        .expect("formats")
}

fn digest(bytes: &[u8]) -> [u8; 32] {
    Sha256::digest(bytes).into()
}

/// How a clear-text password is kept: a salted SHA-256 (test equipment; Stalwart uses
/// argon2id, which is not observable through the API because secrets read back as "****").
fn hash_clear_text(secret: &str) -> String {
    let mut salt = [0u8; 8];
    rand::thread_rng().fill_bytes(&mut salt);
    let mut hasher = Sha256::new();
    hasher.update(salt);
    hasher.update(secret.as_bytes());
    format!("{{SIM-SSHA256}}{}:{}", hex(&salt), hex(&hasher.finalize()))
}

fn hex(bytes: &[u8]) -> String {
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

fn set_error(kind: &str) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("type".into(), json!(kind));
    m
}

fn set_error_described(kind: &str, description: &str, properties: &[&str]) -> Value {
    let mut m = set_error(kind);
    m.insert("description".into(), json!(description));
    if !properties.is_empty() {
        m.insert("properties".into(), json!(properties));
    }
    Value::Object(m)
}

fn method_error(kind: &str, description: &str) -> (String, Value) {
    (
        "error".into(),
        json!({ "type": kind, "description": description }),
    )
}

/// A set argument (`{"x": true}`) as its keys.
fn keys_of(v: &Value) -> Vec<String> {
    v.as_object()
        .map(|m| m.keys().cloned().collect())
        .unwrap_or_default()
}

/// A `get` of one of the server-wide singletons; errors are (type, description).
type GlobalGet = fn(&Store, Caller, &Map<String, Value>) -> Result<Value, (String, Value)>;

impl Store {
    // ----- seeding (what an operator would have done on a real server) -----

    /// Adds a domain with automatic DKIM management: one RSA and one Ed25519 key appear, as
    /// Stalwart creates them within seconds (API.md §8).
    pub fn create_domain(&mut self, name: &str) -> String {
        let id = self.create_domain_without_dkim(name);
        let n = decode_id(&id).expect("own id") as u32;
        self.create_dkim_keys(n);
        id
    }

    pub fn create_domain_without_dkim(&mut self, name: &str) -> String {
        let id = self.next_domain;
        self.next_domain += 1;
        self.domains.insert(
            id,
            Domain {
                id,
                name: name.into(),
                description: None,
                created_at: now_rfc3339(),
            },
        );
        encode_id(id as u64)
    }

    fn create_dkim_keys(&mut self, domain_id: u32) {
        let date = time::OffsetDateTime::now_utc();
        let stamp = format!(
            "{:04}{:02}{:02}",
            date.year(),
            date.month() as u8,
            date.day()
        );
        for (algorithm, selector, key) in [
            (
                "Dkim1RsaSha256",
                format!("v1-rsa-{stamp}"),
                random_rsa_public_key(),
            ),
            (
                "Dkim1Ed25519Sha256",
                format!("v1-ed25519-{stamp}"),
                random_ed25519_public_key(),
            ),
        ] {
            let id = self.next_dkim;
            self.next_dkim += 1;
            self.dkim.insert(
                id,
                Dkim {
                    id,
                    domain_id,
                    selector,
                    algorithm: algorithm.into(),
                    public_key: key,
                    created_at: now_rfc3339(),
                },
            );
        }
    }

    /// The BIND text Stalwart computes for `x:Domain.dnsZoneFile` (format of live 036).
    pub fn zone_file(&self, domain_id: u32) -> String {
        let Some(domain) = self.domains.get(&domain_id) else {
            return String::new();
        };
        let d = &domain.name;
        let host = &self.hostname;
        let mut out = String::new();
        let mut keys: Vec<&Dkim> = self
            .dkim
            .values()
            .filter(|k| k.domain_id == domain_id)
            .collect();
        keys.sort_by(|a, b| a.selector.cmp(&b.selector));
        for key in keys {
            let kind = if key.algorithm.contains("Ed25519") {
                "ed25519"
            } else {
                "rsa"
            };
            let value = format!("v=DKIM1; k={kind}; h=sha256; p={}", key.public_key);
            out.push_str(&format!(
                "{}._domainkey.{d}. IN TXT {}\n",
                key.selector,
                txt_strings(&value)
            ));
        }
        if host.ends_with(&format!(".{d}")) {
            out.push_str(&format!("{host}. IN TXT \"v=spf1 a -all\"\n"));
        }
        out.push_str(&format!("{d}. IN TXT \"v=spf1 mx -all\"\n"));
        out.push_str(&format!("{d}. IN MX 10 {host}.\n"));
        out.push_str(&format!(
            "_dmarc.{d}. IN TXT \"v=DMARC1; p=reject; rua=mailto:postmaster@{d}\"\n"
        ));
        for (service, port) in [
            ("_caldavs", 443),
            ("_carddavs", 443),
            ("_imaps", 993),
            ("_jmap", 443),
            ("_pop3s", 995),
            ("_submissions", 465),
        ] {
            out.push_str(&format!("{service}._tcp.{d}. IN SRV 0 1 {port} {host}.\n"));
        }
        out.push_str(&format!("mta-sts.{d}. IN CNAME {host}.\n"));
        out.push_str(&format!(
            "_mta-sts.{d}. IN TXT \"v=STSv1; id={}\"\n",
            138449342089700316u64 + domain_id as u64
        ));
        out.push_str(&format!(
            "_smtp._tls.{d}. IN TXT \"v=TLSRPTv1; rua=mailto:postmaster@{d}\"\n"
        ));
        out.push_str(&format!("ua-auto-config.{d}. IN CNAME {host}.\n"));
        out.push_str(&format!("_ua-auto-config.{d}. IN TXT \"v=UAAC1; a=sha256; d=lMetMCttk3N22k9iZMxPCz6ergnNu7Pp5xukQd5xKOw=\"\n"));
        out.push_str(&format!("autoconfig.{d}. IN CNAME {host}.\n"));
        out.push_str(&format!("autodiscover.{d}. IN CNAME {host}.\n"));
        out
    }

    fn new_account(&mut self, kind: Kind, name: &str, domain_id: u32) -> &mut Account {
        let id = self.next_account;
        self.next_account += 1;
        self.accounts.insert(
            id,
            Account {
                id,
                kind,
                name: name.into(),
                domain_id,
                description: None,
                created_at: now_rfc3339(),
                member_group_ids: BTreeSet::new(),
                roles: if kind == Kind::User {
                    json!({"@type": "User"})
                } else {
                    json!({"@type": "Default"})
                },
                permissions: json!({"@type": "Inherit"}),
                quotas: Map::new(),
                aliases: Vec::new(),
                locale: "en_US".into(),
                used_disk_quota: 0,
                credentials: BTreeMap::new(),
                external: false,
            },
        );
        self.accounts.get_mut(&id).expect("just inserted")
    }

    /// Adds a user; `password` is stored like Stalwart would (clear text hashed, `$…` verbatim).
    pub fn create_user(
        &mut self,
        name: &str,
        domain_id: &str,
        description: Option<&str>,
        password: Option<&str>,
    ) -> String {
        let domain = decode_id(domain_id).expect("domain id") as u32;
        let account = self.new_account(Kind::User, name, domain);
        account.description = description.map(Into::into);
        if let Some(secret) = password {
            let hash = if secret.starts_with('$') {
                secret.to_owned()
            } else {
                hash_clear_text(secret)
            };
            account.credentials.insert(0, Credential::Password { hash });
        }
        encode_id(account.id as u64)
    }

    /// What Stalwart's OIDC directory sync does on a user's first Bearer login (live 074):
    /// an account without credentials, `description` from the `name` claim.
    pub fn provision_external_user(
        &mut self,
        name: &str,
        domain_id: &str,
        description: &str,
    ) -> String {
        let domain = decode_id(domain_id).expect("domain id") as u32;
        let account = self.new_account(Kind::User, name, domain);
        account.description = Some(description.into());
        account.external = true;
        encode_id(account.id as u64)
    }

    pub fn create_group(
        &mut self,
        name: &str,
        domain_id: &str,
        description: Option<&str>,
    ) -> String {
        let domain = decode_id(domain_id).expect("domain id") as u32;
        let account = self.new_account(Kind::Group, name, domain);
        account.description = description.map(Into::into);
        encode_id(account.id as u64)
    }

    /// Makes an account a System Administrator (`roles: {"@type":"Admin"}`, live 055).
    pub fn make_admin(&mut self, account_id: &str) {
        let id = decode_id(account_id).expect("account id") as u32;
        self.accounts.get_mut(&id).expect("account").roles = json!({"@type": "Admin"});
    }

    /// Registers an API key (`Bearer API_…`) acting as `account_id`. The secret is chosen by
    /// the caller so that a demo configuration can name it.
    pub fn add_api_key(&mut self, account_id: &str, secret: &str) {
        let id = decode_id(account_id).expect("account id") as u32;
        self.api_keys.insert(digest(secret.as_bytes()), id);
    }

    pub fn domain_id(&self, name: &str) -> Option<String> {
        self.domains
            .values()
            .find(|d| d.name == name)
            .map(|d| encode_id(d.id as u64))
    }

    pub fn account_by_address(&self, address: &str) -> Option<&Account> {
        let (local, domain) = address.split_once('@')?;
        let domain = self.domains.values().find(|d| d.name == domain)?;
        self.accounts
            .values()
            .find(|a| a.name == local && a.domain_id == domain.id)
    }

    /// The app passwords of an account: (credential id, description).
    pub fn app_passwords_of(&self, address: &str) -> Vec<(String, String)> {
        self.account_by_address(address)
            .map(|a| {
                a.credentials
                    .iter()
                    .filter_map(|(id, c)| match c {
                        Credential::AppPassword { description, .. } => {
                            Some((encode_id(*id as u64), description.clone()))
                        }
                        _ => None,
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Makes the next request that calls `method` meet `fault`.
    pub fn fail_next_call(&mut self, method: &str, fault: Fault) {
        self.method_faults.push_back((method.to_owned(), fault));
    }

    /// The fault waiting for a request with these method calls, if any (taken).
    pub fn take_fault_for(&mut self, body: &[u8]) -> Option<Fault> {
        if let Some(fault) = self.faults.pop_front() {
            return Some(fault);
        }
        if self.method_faults.is_empty() {
            return None;
        }
        let request: Value = serde_json::from_slice(body).ok()?;
        let calls = request.get("methodCalls")?.as_array()?;
        let position = self.method_faults.iter().position(|(method, _)| {
            calls
                .iter()
                .any(|c| c.get(0).and_then(Value::as_str) == Some(method.as_str()))
        })?;
        self.method_faults.remove(position).map(|(_, fault)| fault)
    }

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
    fn target_account(
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

    fn ids_arg(args: &Map<String, Value>) -> Result<Option<Vec<String>>, (String, Value)> {
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

    fn properties_arg(args: &Map<String, Value>) -> Option<Vec<String>> {
        args.get("properties")?.as_array().map(|p| {
            p.iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect()
        })
    }

    // ----- x:Account -----

    fn account_json(&self, a: &Account) -> Map<String, Value> {
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

    fn account_get(
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

    fn account_query(
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
    fn text_matches(&self, a: &Account, text: &str) -> bool {
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

    fn account_set(
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

    fn create_account(&mut self, object: &Value) -> Result<u32, Value> {
        const KNOWN: &[&str] = &[
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
        let o = object.as_object().cloned().unwrap_or_default();
        if o.keys().any(|k| !KNOWN.contains(&k.as_str())) {
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
    fn address_owner(&self, local: &str, domain_id: u32) -> Option<u32> {
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

    fn update_account(&mut self, id: &str, patch: &Value) -> Result<(), Value> {
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
            } else if key == "credentials/0/secret" {
                let secret = value.as_str().unwrap_or_default();
                new_password = Some(check_new_password(secret)?);
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
        if let Some(hash) = new_password {
            account.credentials.insert(0, Credential::Password { hash });
        }
        Ok(())
    }

    // ----- x:Domain -----

    fn domain_json(&self, d: &Domain) -> Map<String, Value> {
        let mut o = Map::new();
        o.insert("name".into(), json!(d.name));
        o.insert("aliases".into(), json!({}));
        o.insert("isEnabled".into(), json!(true));
        o.insert("createdAt".into(), json!(d.created_at));
        o.insert("description".into(), json!(d.description));
        o.insert("dnsZoneFile".into(), json!(self.zone_file(d.id)));
        o.insert("id".into(), json!(encode_id(d.id as u64)));
        o
    }

    fn domain_get(
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

    fn domain_query(
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

    fn domain_set(
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
                if let Some(d) = decode_id(&id).and_then(|n| self.domains.get_mut(&(n as u32))) {
                    d.description = object
                        .get("description")
                        .and_then(Value::as_str)
                        .map(Into::into);
                }
                created.insert(client_id.clone(), json!({"id": id}));
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
        if !destroyed.is_empty() {
            response.insert("destroyed".into(), Value::Array(destroyed));
        }
        put_nonempty(&mut response, "notDestroyed", not_destroyed);
        Ok(Value::Object(response))
    }

    fn authentication_get(
        &self,
        caller: Caller,
        _args: &Map<String, Value>,
    ) -> Result<Value, (String, Value)> {
        Ok(
            json!({"accountId": encode_id(caller.account as u64), "list": [{
            "directoryId": null, "defaultUserRoleIds": {"b": true}, "defaultGroupRoleIds": {"c": true},
            "defaultTenantRoleIds": {"d": true, "b": true}, "defaultAdminRoleIds": {"e": true, "b": true},
            "passwordHashAlgorithm": "argon2id", "passwordMinLength": 8, "passwordMaxLength": 128,
            "passwordMinStrength": "three", "passwordDefaultExpiry": null,
            "maxAppPasswords": self.max_app_passwords, "maxApiKeys": 5, "id": "singleton"}], "notFound": []}),
        )
    }

    // ----- x:DkimSignature (API.md §8, live 034) -----

    fn dkim_json(&self, k: &Dkim) -> Map<String, Value> {
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
        o.insert("stage".into(), json!("active"));
        o.insert("@type".into(), json!(k.algorithm));
        o.insert("publicKey".into(), json!(k.public_key));
        o.insert("id".into(), json!(encode_id(k.id)));
        o
    }

    fn dkim_get(
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

    fn dkim_query(
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
        let mut response = page(caller, args, Vec::new());
        response["ids"] = Value::Array(ids.iter().map(|id| json!(encode_id(*id))).collect());
        Ok(response)
    }

    // ----- x:AppPassword (API.md §6) -----

    fn app_password_get(
        &self,
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
                .filter(|c| matches!(c, Credential::AppPassword { .. }));
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
                _ => not_found.push(json!(id)),
            }
        }
        Ok(json!({"accountId": encode_id(target as u64), "list": list, "notFound": not_found}))
    }

    fn app_password_ids(&self, target: u32) -> Vec<u32> {
        self.accounts
            .get(&target)
            .map(|a| {
                a.credentials
                    .iter()
                    .filter(|(_, c)| matches!(c, Credential::AppPassword { .. }))
                    .map(|(id, _)| *id)
                    .collect()
            })
            .unwrap_or_default()
    }

    fn app_password_query(&self, target: u32) -> Value {
        let ids: Vec<Value> = self
            .app_password_ids(target)
            .iter()
            .rev()
            .map(|id| json!(encode_id(*id as u64)))
            .collect();
        json!({"accountId": encode_id(target as u64), "queryState": "n", "canCalculateChanges": true,
               "position": 0, "ids": ids})
    }

    fn app_password_set(&mut self, target: u32, args: &Map<String, Value>) -> Value {
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
        let (mut destroyed, mut not_destroyed) = (Vec::new(), Map::new());
        if let Some(destroy) = args.get("destroy").and_then(Value::as_array) {
            for id in destroy.iter().filter_map(Value::as_str) {
                let account = self.accounts.get_mut(&target);
                let n = decode_id(id).map(|n| n as u32);
                match (account, n) {
                    (Some(a), Some(n))
                        if matches!(
                            a.credentials.get(&n),
                            Some(Credential::AppPassword { .. })
                        ) =>
                    {
                        a.credentials.remove(&n);
                        destroyed.push(json!(id));
                    }
                    _ => {
                        not_destroyed.insert(id.into(), Value::Object(set_error("notFound")));
                    }
                }
            }
        }
        put_nonempty(&mut response, "created", created);
        put_nonempty(&mut response, "notCreated", not_created);
        if !destroyed.is_empty() {
            response.insert("destroyed".into(), Value::Array(destroyed));
        }
        put_nonempty(&mut response, "notDestroyed", not_destroyed);
        Value::Object(response)
    }

    fn create_app_password(
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
    fn api_key_set(&mut self, target: u32, args: &Map<String, Value>) -> Value {
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
                self.api_keys.insert(digest(secret.as_bytes()), target);
                created.insert(
                    client_id.clone(),
                    json!({"id": encode_id(id as u64), "secret": secret}),
                );
            }
        }
        let mut response = Map::new();
        response.insert("accountId".into(), json!(encode_id(target as u64)));
        put_nonempty(&mut response, "created", created);
        Value::Object(response)
    }
}

/// Stalwart serialises polymorphic objects with `@type` last (live 041).
fn type_last(v: &Value) -> Value {
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
fn txt_strings(value: &str) -> String {
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

fn random_ed25519_public_key() -> String {
    use base64::Engine;
    let mut key = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut key);
    base64::engine::general_purpose::STANDARD.encode(key)
}

/// A well-formed RSA-2048 SubjectPublicKeyInfo with a random modulus (test data: nothing
/// is ever signed with it).
fn random_rsa_public_key() -> String {
    use base64::Engine;
    let mut der = vec![
        0x30, 0x82, 0x01, 0x22, 0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01,
        0x01, 0x01, 0x05, 0x00, 0x03, 0x82, 0x01, 0x0f, 0x00, 0x30, 0x82, 0x01, 0x0a, 0x02, 0x82,
        0x01, 0x01, 0x00,
    ];
    let mut modulus = [0u8; 256];
    rand::thread_rng().fill_bytes(&mut modulus);
    modulus[0] |= 0x80;
    der.extend_from_slice(&modulus);
    der.extend_from_slice(&[0x02, 0x03, 0x01, 0x00, 0x01]);
    base64::engine::general_purpose::STANDARD.encode(der)
}

fn is_admin(a: &Account) -> bool {
    a.roles.get("@type").and_then(Value::as_str) == Some("Admin")
}

fn is_expired(expires_at: Option<&str>) -> bool {
    expires_at
        .and_then(|e| {
            time::OffsetDateTime::parse(e, &time::format_description::well_known::Rfc3339).ok()
        })
        .is_some_and(|e| e <= time::OffsetDateTime::now_utc())
}

fn is_cidr(s: &str) -> bool {
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
fn check_new_password(secret: &str) -> Result<String, Value> {
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

fn credential_json(id: u32, c: &Credential) -> Value {
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

fn id_set(ids: &BTreeSet<u32>) -> Value {
    Value::Object(
        ids.iter()
            .map(|id| (encode_id(*id as u64), Value::Bool(true)))
            .collect(),
    )
}

fn parse_id_set(v: Option<&Value>) -> BTreeSet<u32> {
    v.map(keys_of)
        .unwrap_or_default()
        .iter()
        .filter_map(|k| decode_id(k).map(|n| n as u32))
        .collect()
}

fn parse_alias(v: &Value) -> Option<Alias> {
    Some(Alias {
        name: v.get("name")?.as_str()?.to_lowercase(),
        domain_id: decode_id(v.get("domainId")?.as_str()?)? as u32,
        enabled: v.get("enabled").and_then(Value::as_bool).unwrap_or(true),
        description: v.get("description").and_then(Value::as_str).map(Into::into),
    })
}

fn parse_aliases(v: Option<&Value>) -> Vec<Alias> {
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

fn select(o: Map<String, Value>, properties: Option<&[String]>) -> Map<String, Value> {
    match properties {
        None => o,
        Some(props) => o
            .into_iter()
            .filter(|(k, _)| k == "id" || props.iter().any(|p| p == k))
            .collect(),
    }
}

fn put_nonempty(response: &mut Map<String, Value>, key: &str, map: Map<String, Value>) {
    if !map.is_empty() {
        response.insert(key.into(), Value::Object(map));
    }
}

fn json_kind(v: &Value) -> String {
    match v {
        Value::String(s) => format!("string {s:?}"),
        Value::Number(n) => format!("integer `{n}`"),
        Value::Bool(b) => format!("boolean `{b}`"),
        Value::Object(_) => "map".into(),
        _ => "value".into(),
    }
}

/// Default sort is id descending (live 012); only `id` may be sorted on.
fn sort_ascending(args: &Map<String, Value>) -> Result<bool, (String, Value)> {
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
fn page(caller: Caller, args: &Map<String, Value>, ids: Vec<u32>) -> Value {
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
        if let Some(i) = ids.iter().position(|id| *id as u64 == anchor) {
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
                .map(|id| json!(encode_id(*id as u64)))
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
