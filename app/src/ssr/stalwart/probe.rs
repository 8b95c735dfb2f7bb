//! Is this a Stalwart server that takes our key, with the permissions Postern needs? Asked
//! once at start and by the readiness check, so that a wrong key is never mistaken for an
//! expired one, nor a missing permission for a broken server.

use super::client::StalwartClient;
use super::error::StalwartError;
use super::jmap::{Batch, QueryResponse};
use serde_json::json;

/// The permissions Postern's key must hold (names as `GET /api/account` lists them, live 003):
/// everything the portal reads and changes — domains, DKIM keys, accounts, other people's app
/// passwords (which needs `impersonate`; API.md §7 puts these in the System Administrator
/// role), and the directory setting.
pub const REQUIRED_PERMISSIONS: &[&str] = &[
    "sysDomainGet",
    "sysDomainQuery",
    "sysDomainCreate",
    "sysDomainDestroy",
    "sysDkimSignatureGet",
    "sysDkimSignatureQuery",
    "sysDkimSignatureDestroy",
    "sysAccountGet",
    "sysAccountQuery",
    "sysAccountCreate",
    "sysAccountUpdate",
    "sysAccountDestroy",
    "sysAppPasswordGet",
    "sysAppPasswordQuery",
    "sysAppPasswordCreate",
    "sysAppPasswordDestroy",
    "sysAuthenticationGet",
    "impersonate",
];

/// What the probe found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Probe {
    /// A Stalwart server that accepts the key and lets Postern do its work.
    Ready,
    /// No connection (refused, DNS, TLS, timeout).
    Unreachable(String),
    /// The address is in a network Postern does not reach for partners (nothing was sent).
    NotAllowed,
    /// HTTP 401: the key is wrong, revoked or expired.
    KeyRefused,
    /// The key works, but lacks a permission Postern uses (which one, if Stalwart said).
    MissingPermission(String),
    /// Something answers, but not as Stalwart does.
    NotStalwart(String),
}

impl StalwartClient {
    /// Checks the server: the JMAP session (is it Stalwart, is the key accepted), then one
    /// read of each kind Postern makes (domains, accounts, app passwords, DKIM keys).
    pub async fn probe(&self) -> Probe {
        match self.own_account_id().await {
            Ok(_) => {}
            Err(StalwartError::Unauthorized) => return Probe::KeyRefused,
            Err(StalwartError::Unreachable(why)) => return Probe::Unreachable(why),
            Err(StalwartError::NotAllowed) => return Probe::NotAllowed,
            Err(StalwartError::Timeout(after)) => {
                return Probe::Unreachable(format!("no answer within {after:?}"));
            }
            Err(StalwartError::Forbidden(why)) => return Probe::MissingPermission(why),
            Err(other) => return Probe::NotStalwart(other.to_string()),
        }
        let mut batch = Batch::new();
        let calls = [
            batch.call("x:Domain/query", json!({ "limit": 1 })),
            batch.call("x:Account/query", json!({ "limit": 1 })),
            batch.call("x:AppPassword/query", json!({})),
            batch.call("x:DkimSignature/query", json!({ "limit": 1 })),
        ];
        let mut responses = match self.transport.send(&batch).await {
            Ok(r) => r,
            Err(StalwartError::Unauthorized) => return Probe::KeyRefused,
            Err(StalwartError::Unreachable(why)) => return Probe::Unreachable(why),
            Err(StalwartError::NotAllowed) => return Probe::NotAllowed,
            Err(StalwartError::Forbidden(why)) => return Probe::MissingPermission(why),
            Err(other) => return Probe::NotStalwart(other.to_string()),
        };
        for call in calls {
            match responses.take::<QueryResponse>(call) {
                Ok(_) => {}
                Err(StalwartError::Forbidden(_)) => {
                    return Probe::MissingPermission(call.method().to_owned());
                }
                Err(other) => return Probe::NotStalwart(other.to_string()),
            }
        }
        Probe::Ready
    }
}
