//! Seeding: what an operator would have done on a real server, and what tests look up.

use super::json::*;
use super::types::*;
use crate::stalwart::ids::{decode_id, encode_id};
use rand::RngCore;
use serde_json::{Map, Value, json};
use std::collections::{BTreeMap, BTreeSet};

impl Store {
    // ----- seeding (what an operator would have done on a real server) -----

    /// Adds a domain with automatic DKIM management: one RSA and one Ed25519 key appear, as
    /// Stalwart creates them within seconds (API.md §8).
    pub fn create_domain(&mut self, name: &str) -> String {
        let id = self.create_domain_without_dkim(name);
        let n = decode_id(&id).expect("own id") as u32;
        self.create_dkim_keys(n, "");
        id
    }

    /// A new pair of keys for the domain, as Stalwart's automatic rotation (`rotateAfter`)
    /// makes them: `pending` while the domain publishes automatically, until a task has
    /// written their records. The old keys stay. Returns the new selectors.
    pub fn rotate_dkim_keys(&mut self, domain: &str) -> Vec<String> {
        let id = self
            .domains
            .iter()
            .find(|(_, d)| d.name == domain)
            .map(|(id, _)| *id)
            .expect("a domain of the simulator");
        self.rotations += 1;
        let suffix = format!("r{}", self.rotations);
        self.create_dkim_keys(id, &suffix);
        self.note_dkim_waiting(id);
        self.dkim
            .values()
            .filter(|k| k.domain_id == id && k.selector.ends_with(&suffix))
            .map(|k| k.selector.clone())
            .collect()
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
                report_address: "mailto:postmaster".into(),
            },
        );
        encode_id(id as u64)
    }

    /// Makes the next domain's id `id`: a world whose earlier domains were deleted (a live
    /// capture's server, for the replay).
    pub fn set_next_domain_id(&mut self, id: u32) {
        self.next_domain = self.next_domain.max(id);
    }

    pub(super) fn create_dkim_keys(&mut self, domain_id: u32, suffix: &str) {
        let date = time::OffsetDateTime::now_utc();
        let stamp = format!(
            "{:04}{:02}{:02}",
            date.year(),
            date.month() as u8,
            date.day()
        );
        let stage = if self.dns_management(domain_id)["@type"] == "Automatic" {
            "pending"
        } else {
            "active"
        };
        for (algorithm, selector, key) in [
            (
                "Dkim1RsaSha256",
                format!("v1-rsa-{stamp}{suffix}"),
                random_rsa_public_key(),
            ),
            (
                "Dkim1Ed25519Sha256",
                format!("v1-ed25519-{stamp}{suffix}"),
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
                    stage: stage.into(),
                },
            );
        }
    }

    /// The TXT value of a domain's DKIM key (`v=DKIM1; k=…; h=sha256; p=…`), as published.
    pub fn dkim_txt(&self, domain: &str, selector: &str) -> String {
        let key = self
            .dkim
            .values()
            .find(|k| {
                k.selector == selector
                    && self
                        .domains
                        .get(&k.domain_id)
                        .is_some_and(|d| d.name == domain)
            })
            .expect("a key of the simulator");
        let kind = if key.algorithm.contains("Ed25519") {
            "ed25519"
        } else {
            "rsa"
        };
        format!("v=DKIM1; k={kind}; h=sha256; p={}", key.public_key)
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
        let report = match domain.report_address.strip_prefix("mailto:") {
            Some(local) if !local.contains('@') => format!("mailto:{local}@{d}"),
            _ => domain.report_address.clone(),
        };
        out.push_str(&format!(
            "_dmarc.{d}. IN TXT \"v=DMARC1; p=reject; rua={report}\"\n"
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
            "_smtp._tls.{d}. IN TXT \"v=TLSRPTv1; rua={report}\"\n"
        ));
        out.push_str(&format!("ua-auto-config.{d}. IN CNAME {host}.\n"));
        out.push_str(&format!("_ua-auto-config.{d}. IN TXT \"v=UAAC1; a=sha256; d=lMetMCttk3N22k9iZMxPCz6ergnNu7Pp5xukQd5xKOw=\"\n"));
        out.push_str(&format!("autoconfig.{d}. IN CNAME {host}.\n"));
        out.push_str(&format!("autodiscover.{d}. IN CNAME {host}.\n"));
        out
    }

    pub(super) fn new_account(&mut self, kind: Kind, name: &str, domain_id: u32) -> &mut Account {
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
        self.api_keys.insert(digest(secret.as_bytes()), (id, None));
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
}

pub(super) fn random_ed25519_public_key() -> String {
    use base64::Engine;
    let mut key = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut key);
    base64::engine::general_purpose::STANDARD.encode(key)
}

/// A well-formed RSA-2048 SubjectPublicKeyInfo with a random modulus (test data: nothing
/// is ever signed with it).
pub(super) fn random_rsa_public_key() -> String {
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
