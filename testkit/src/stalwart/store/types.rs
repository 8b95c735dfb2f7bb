//! What the simulated server holds: domains, accounts and their credentials, DKIM keys,
//! and the faults a test has asked for.

use super::telemetry::Telemetry;
use crate::stalwart::ids::decode_id;
use serde_json::{Map, Value};
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
    /// `reportAddressUri`: where DMARC and TLS reports go (`mailto:postmaster` by default; a
    /// local part alone is completed with the domain, live 134, 139).
    pub report_address: String,
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
    /// `active` (signing) or `pending`: a key made while the domain publishes automatically
    /// waits until Stalwart's resolver sees its TXT record (live 131, 133).
    pub stage: String,
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
    pub(super) next_domain: u32,
    pub(super) next_account: u32,
    pub recovery_admin: Option<(String, String)>,
    /// SHA-256 of an API key secret → the account it acts as.
    /// SHA-256 of an API key secret → the account it acts as and its credential (`None`
    /// for a key seeded by a test, which no `x:ApiKey/destroy` can reach).
    pub(super) api_keys: BTreeMap<[u8; 32], (u32, Option<u32>)>,
    pub max_app_passwords: usize,
    /// `x:Authentication.directoryId`: the external directory every account signs in with
    /// (API.md §10.2), or `None` for Stalwart's own.
    pub directory_id: Option<String>,
    pub dkim: BTreeMap<u64, Dkim>,
    pub(super) next_dkim: u64,
    /// Key rotations so far (their selectors stay apart).
    pub(super) rotations: u64,
    /// `x:SystemSettings.defaultHostname`: where MX, SRV and CNAME records point.
    pub hostname: String,
    pub faults: VecDeque<Fault>,
    /// Faults for the next request that calls a given method (e.g. `x:AppPassword/set`).
    pub method_faults: VecDeque<(String, Fault)>,
    /// Every `/jmap` request body received, in order (tests assert on what reached Stalwart).
    pub requests: Vec<Value>,
    /// `x:WebHook` objects, the hooks at work and their events (API.md §11).
    pub(crate) telemetry: Telemetry,
    /// `x:DnsServer`, the domains' `dnsManagement` and `x:Task` DnsManagement.
    pub(crate) dns: super::dns::Dns,
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
            directory_id: None,
            dkim: BTreeMap::new(),
            // Snowflake-like ids in the style of live 034 ("jpxhl0n2aeaa").
            next_dkim: decode_id("jpxhl0n2aeaa").expect("valid id"),
            rotations: 0,
            hostname: "mail.example.org".into(),
            faults: VecDeque::new(),
            method_faults: VecDeque::new(),
            requests: Vec::new(),
            telemetry: Telemetry::default(),
            dns: super::dns::Dns::default(),
        }
    }
}

/// The authenticated caller of one request.
#[derive(Debug, Clone, Copy)]
pub struct Caller {
    pub account: u32,
    pub admin: bool,
    /// The app password the caller signed in with, when its `permissions` replace the
    /// account's (API.md §6): only what it lists is allowed.
    pub restricted_by: Option<u32>,
}

impl Caller {
    /// The recovery admin: every permission.
    pub fn recovery_admin() -> Self {
        Self {
            account: RECOVERY_ADMIN_ID,
            admin: true,
            restricted_by: None,
        }
    }
}
