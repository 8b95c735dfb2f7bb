//! Postern's own `x:WebHook` on a server (API.md §11, live 096, 110, 123): the signed feed of
//! sign-in events that activity is built from.

use super::client::StalwartClient;
use super::error::{SetErrorKind, StalwartError};
use super::jmap::{Batch, SetResponse};
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;
use serde_json::{Value, json};

/// The events Postern asks for. Always an explicit `include` list: an empty set with the
/// default policy `exclude` would send every event the server has (API.md §11).
pub const HOOK_EVENTS: &[&str] = &[
    "auth.success",
    "auth.failed",
    "auth.credential-expired",
    "auth.too-many-attempts",
    "security.authentication-ban",
    "security.ip-blocked",
];

/// Whether the server applied its settings after a change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Applied {
    Yes,
    /// `ReloadSettings` failed because of another settings object: nothing changed until
    /// that object is fixed or the server restarts (live 110).
    Blocked {
        object: String,
        reason: String,
    },
}

impl Applied {
    fn from(response: &SetResponse, client_id: &str) -> Result<Self, StalwartError> {
        match response.created(client_id) {
            Ok(_) => Ok(Applied::Yes),
            Err(StalwartError::Set(e)) => Ok(Applied::Blocked {
                object: e
                    .object_id
                    .as_ref()
                    .map(|o| format!("{} {}", o.object, o.id))
                    .unwrap_or_else(|| "settings".into()),
                reason: e
                    .description
                    .clone()
                    .unwrap_or_else(|| format!("{:?}", e.kind)),
            }),
            Err(e) => Err(e),
        }
    }
}

#[derive(Deserialize)]
struct Created {
    id: String,
}

impl StalwartClient {
    /// The key this server's hook signs deliveries with: HMAC-SHA256 of `nonce` under the
    /// server's API key. Every Postern instance derives the same key from the stored nonce,
    /// and the database holds nothing that signs a delivery; a new API key (or nonce) makes a
    /// new signing key, which registration then gives the hook.
    pub fn hook_signing_key(&self, nonce: &str) -> SecretString {
        use base64::Engine;
        use hmac::{Hmac, Mac};
        let mut mac = Hmac::<sha2::Sha256>::new_from_slice(
            self.transport.api_key().expose_secret().as_bytes(),
        )
        .expect("HMAC takes any key length");
        mac.update(b"postern activity hook signing key\n");
        mac.update(nonce.as_bytes());
        let bytes = mac.finalize().into_bytes();
        SecretString::from(base64::engine::general_purpose::STANDARD_NO_PAD.encode(bytes))
    }

    /// Creates the hook and asks the server to apply it, in one request. Not retried: a
    /// repeated create would leave a second hook (the caller records the id it gets).
    pub async fn create_webhook(
        &self,
        url: &str,
        signing_key: &SecretString,
    ) -> Result<(String, Applied), StalwartError> {
        let mut batch = Batch::new();
        let set = batch.call(
            "x:WebHook/set",
            json!({ "create": { "postern": hook_object(url, signing_key) } }),
        );
        let reload = reload(&mut batch);
        let mut responses = self.transport.send(&batch).await?;
        let created: SetResponse<Created> = responses.take(set)?;
        let id = created.created("postern")?.id;
        let applied = Applied::from(&responses.take(reload)?, "r")?;
        Ok((id, applied))
    }

    /// Replaces the hook with one as Postern wants it now (URL, key, events), in one request.
    /// Not an update: Stalwart applies a running hook's new URL or key only after a restart
    /// (a reload keeps the running hook's delivery settings), while a new hook starts at the
    /// reload. A hook already gone counts as removed.
    pub async fn replace_webhook(
        &self,
        id: &str,
        url: &str,
        signing_key: &SecretString,
    ) -> Result<(String, Applied), StalwartError> {
        let mut batch = Batch::new();
        let set = batch.call(
            "x:WebHook/set",
            json!({ "destroy": [id], "create": { "postern": hook_object(url, signing_key) } }),
        );
        let reload = reload(&mut batch);
        let mut responses = self.transport.send(&batch).await?;
        let replaced: SetResponse<Created> = responses.take(set)?;
        match replaced.destroyed(id) {
            Ok(()) => {}
            Err(StalwartError::Set(e)) if e.kind == SetErrorKind::NotFound => {}
            Err(e) => return Err(e),
        }
        let new_id = replaced.created("postern")?.id;
        let applied = Applied::from(&responses.take(reload)?, "r")?;
        Ok((new_id, applied))
    }

    /// Removes the hook; a hook that is already gone counts as removed.
    pub async fn destroy_webhook(&self, id: &str) -> Result<Applied, StalwartError> {
        let mut batch = Batch::new();
        let set = batch.call("x:WebHook/set", json!({ "destroy": [id] }));
        let reload = reload(&mut batch);
        let mut responses = self.transport.send(&batch).await?;
        let destroyed: SetResponse = responses.take(set)?;
        match destroyed.destroyed(id) {
            Ok(()) => {}
            Err(StalwartError::Set(e)) if e.kind == SetErrorKind::NotFound => {}
            Err(e) => return Err(e),
        }
        Applied::from(&responses.take(reload)?, "r")
    }
}

fn reload(batch: &mut Batch) -> super::jmap::CallRef {
    batch.call(
        "x:Action/set",
        json!({ "create": { "r": { "@type": "ReloadSettings" } } }),
    )
}

/// The hook as Postern wants it. Deliveries are authenticated by their HMAC signature (the
/// key is Postern's, per server); `httpAuth` stays `Unauthenticated`, the shape verified live.
fn hook_object(url: &str, signing_key: &SecretString) -> Value {
    let events: serde_json::Map<String, Value> = HOOK_EVENTS
        .iter()
        .map(|e| ((*e).to_owned(), Value::Bool(true)))
        .collect();
    json!({
        "url": url,
        "eventsPolicy": "include",
        "events": events,
        "signatureKey": { "@type": "Value", "secret": signing_key.expose_secret() },
        "httpAuth": { "@type": "Unauthenticated" },
        "throttle": 1000,
    })
}
