//! The telemetry events of an HTTP Basic login (API.md §11, §11.1; live 097, 113, 115,
//! 116–119), following `Server::authenticate` in Stalwart's
//! `crates/common/src/auth/authentication.rs` and the HTTP credential cache in
//! `crates/http/src/auth/authenticate.rs`.
//!
//! An event's `data` holds the event's own keys, then the keys of the connection's span
//! (`listenerId`, `localPort`, `remoteIp`, `remotePort`, `spanId`) not already present; that
//! is why `remoteIp` comes before `listenerId` in a failure (Stalwart adds it to the error) and
//! after `localPort` in a success.

use super::json::*;
use super::types::*;
use crate::stalwart::ids::parse_app_password;
use serde_json::{Map, Value, json};
use std::net::SocketAddr;
use std::time::{Duration, Instant};

/// How long Stalwart keeps a successful HTTP login (`oauth.expiry.token`, one hour).
const LOGIN_CACHE: Duration = Duration::from_secs(3600);

/// `EventType::to_id()` of the events a login logs.
const AUTH_ERROR: (&str, u16) = ("auth.error", 34);
const AUTH_FAILED: (&str, u16) = ("auth.failed", 35);
const AUTH_SUCCESS: (&str, u16) = ("auth.success", 37);
const AUTH_CREDENTIAL_EXPIRED: (&str, u16) = ("auth.credential-expired", 276);

/// The TCP connection a request came in on: the span keys of Stalwart's `http` listener.
#[derive(Debug, Clone, Copy)]
pub struct Connection {
    pub local_port: u16,
    pub remote: SocketAddr,
}

impl Connection {
    /// For a router served without connection info (the events then name no real peer).
    pub fn unknown() -> Self {
        Self {
            local_port: 0,
            remote: SocketAddr::from(([127, 0, 0, 1], 0)),
        }
    }
}

type Keys = Vec<(&'static str, Value)>;

impl Store {
    /// HTTP Basic authentication with the events Stalwart logs for it. The result is
    /// `authenticate_basic`'s. The recovery admin logs nothing here, a deliberate gap: Stalwart
    /// logs its logins too (`accountName` "admin", no `accountId`), but it has no account an
    /// event could be attributed to, and the simulator's tests sign in as it all the time.
    pub fn login_basic(
        &mut self,
        header_token: &str,
        login: &str,
        secret: &str,
        connection: Connection,
    ) -> Option<Caller> {
        let caller = self.authenticate_basic(login, secret);
        let login = login.trim().to_lowercase();
        if self
            .recovery_admin
            .as_ref()
            .is_some_and(|(user, _)| *user == login)
        {
            return caller;
        }
        let span_id = self.telemetry.snowflake();
        let ((kind, type_id), keys) = match caller {
            Some(c) => {
                if !self.first_login(header_token, c.account) {
                    return caller;
                }
                self.success_keys(&login, secret, c.account, span_id)
            }
            None => match self.failure_keys(&login, secret, span_id) {
                Some(failure) => failure,
                None => return caller,
            },
        };
        let data = with_span(keys, connection, span_id);
        self.telemetry.emit(kind, type_id, data);
        caller
    }

    /// Whether a successful login is not in Stalwart's HTTP credential cache; caches it.
    fn first_login(&mut self, header_token: &str, account: u32) -> bool {
        let revision = self.revision(account);
        let now = Instant::now();
        let logins = &mut self.telemetry.logins;
        if let Some(cached) = logins.get(header_token)
            && cached.expires > now
            && cached.account == account
            && cached.revision == revision
        {
            return false;
        }
        let cached = super::telemetry::CachedLogin {
            expires: now + LOGIN_CACHE,
            account,
            revision,
        };
        logins.insert(header_token.to_owned(), cached);
        true
    }

    /// Changes whenever anything of the account changes (credentials included), as an access
    /// token's revision does.
    fn revision(&self, account: u32) -> [u8; 32] {
        digest(format!("{:?}", self.accounts.get(&account)).as_bytes())
    }

    fn success_keys(
        &self,
        login: &str,
        secret: &str,
        account: u32,
        span_id: u64,
    ) -> ((&'static str, u16), Keys) {
        let name = self.accounts.get(&account).map(|a| a.name.clone());
        let keys = match parse_app_password(secret) {
            // `validate_credential`: the account's local name and the credential (live 113).
            Some((credential, _)) => vec![
                ("accountName", json!(name.unwrap_or_default())),
                ("accountId", json!(account)),
                ("id", json!(credential)),
                ("spanId", json!(span_id)),
                ("details", json!("Authenticated with app password")),
            ],
            // A password: the login as typed (live 097).
            None => vec![
                ("accountName", json!(login)),
                ("accountId", json!(account)),
                ("spanId", json!(span_id)),
            ],
        };
        (AUTH_SUCCESS, keys)
    }

    /// `None` when Stalwart would have let the login in (the simulator never disagrees).
    fn failure_keys(
        &self,
        login: &str,
        secret: &str,
        span_id: u64,
    ) -> Option<((&'static str, u16), Keys)> {
        let failed = |mut keys: Keys, reason: &str| {
            keys.push(("reason", json!(reason)));
            Some((AUTH_FAILED, keys))
        };
        let domain = login.split_once('@').map_or("", |(_, d)| d);
        if !self.domains.values().any(|d| d.name == domain) {
            return failed(vec![("details", json!(domain))], "Domain not found");
        }
        let account = self.account_by_address(login);
        let Some((credential, random)) = parse_app_password(secret) else {
            let Some(a) = account else {
                return failed(vec![("accountName", json!(login))], "Account not found");
            };
            let keys = vec![
                ("accountName", json!(login)),
                ("accountId", json!(a.id)),
                ("spanId", json!(span_id)),
            ];
            return match (a.kind, a.credentials.get(&0)) {
                (Kind::Group, _) => {
                    let mut keys = keys;
                    keys.retain(|(k, _)| *k != "spanId");
                    keys.push(("reason", json!("Account not found in registry")));
                    Some((AUTH_ERROR, keys))
                }
                (_, Some(Credential::Password { .. })) => failed(keys, "Authentication failed"),
                _ => failed(keys, "Password credential not found for account"),
            };
        };
        let Some(a) = account else {
            let reason = "App password authentication failed: account not found";
            return failed(vec![("accountName", json!(login))], reason);
        };
        let id_keys = vec![
            ("accountId", json!(a.id)),
            ("id", json!(credential)),
            ("spanId", json!(span_id)),
        ];
        let found = a
            .credentials
            .get(&credential)
            .filter(|_| a.kind == Kind::User);
        let named = |reason: &str| {
            let mut keys = vec![("accountName", json!(a.name))];
            keys.extend(id_keys.clone());
            keys.push(("reason", json!(reason)));
            keys
        };
        match found {
            _ if a.kind != Kind::User => failed(
                vec![("accountId", json!(a.id)), ("spanId", json!(span_id))],
                "Account not found for credential",
            ),
            Some(Credential::AppPassword {
                digest: d,
                expires_at,
                ..
            }) if *d == digest(&random) => {
                let expired = is_expired(expires_at.as_deref());
                expired.then(|| (AUTH_CREDENTIAL_EXPIRED, named("Credential has expired")))
            }
            // A wrong secret, or an API key's credential id (live 115).
            Some(Credential::AppPassword { .. } | Credential::ApiKey { .. }) => {
                Some((AUTH_FAILED, named("Invalid credential secret")))
            }
            _ => failed(id_keys, "Credential not found for account"),
        }
    }
}

/// The event's keys, then `remoteIp` for a failure (added to the error by `authenticate`),
/// then the span's keys that are still missing.
fn with_span(keys: Keys, connection: Connection, span_id: u64) -> Map<String, Value> {
    let is_failure = keys.iter().any(|(k, _)| *k == "reason");
    let remote_ip = json!(connection.remote.ip().to_string());
    let mut data = Map::new();
    let mut put = |k: &str, v: Value| {
        data.entry(k).or_insert(v);
    };
    for (k, v) in keys {
        put(k, v);
    }
    if is_failure {
        put("remoteIp", remote_ip.clone());
    }
    put("listenerId", json!("http"));
    put("localPort", json!(connection.local_port));
    put("remoteIp", remote_ip);
    put("remotePort", json!(connection.remote.port()));
    put("spanId", json!(span_id));
    data
}
