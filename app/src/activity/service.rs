//! Registering Postern's hook on each mail server, storing what the hooks deliver, and
//! forgetting it after the retention period.

use super::events::{self, Incoming};
use super::model::{
    ACCOUNT_EVENTS_SHOWN, ALERT_AT_FAILURES, ALERT_WINDOW_HOURS, AccountEvent, CredentialUse,
    FAILURE_WINDOW_DAYS, FailureAlert, SignIn, UNUSED_AFTER_DAYS,
};
use crate::ssr::db::activity::{self as store, NewEvent};
use crate::ssr::db::webhooks::{self, state};
use crate::ssr::db::{now, pins, seen};
use crate::ssr::stalwart::{Applied, StalwartClient};
use crate::ssr::state::AppState;
use secrecy::{ExposeSecret, SecretString};
use sha2::{Digest, Sha256};
use std::collections::HashMap;

/// How long an instance may take to create a hook before another one tries again.
const REGISTRATION_CLAIM: i64 = 300;

#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error("no hook is registered for this mail server")]
    UnknownServer,
    #[error("the signature is missing or wrong")]
    BadSignature,
    #[error("the body is not a webhook delivery: {0}")]
    Malformed(#[from] serde_json::Error),
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

/// Checks and stores one delivery from `server`'s hook; returns how many events were new.
/// Events of accounts no organisation on that server has pinned are dropped; an event
/// stored already (re-sent, or received by another instance) is stored once.
pub async fn ingest(
    state: &AppState,
    server: &str,
    signature: Option<&[u8]>,
    body: &[u8],
) -> Result<u64, IngestError> {
    let directory = state.organisations();
    let client = directory.server(server).ok_or(IngestError::UnknownServer)?;
    let hook = webhooks::of_server(&state.db, server)
        .await?
        .ok_or(IngestError::UnknownServer)?;
    let key = client.hook_signing_key(&hook.nonce);
    if !events::signature_ok(key.expose_secret().as_bytes(), body, signature) {
        return Err(IngestError::BadSignature);
    }
    let incoming = events::read(body)?;
    let at = now();
    let kept = attribute(state, &directory, server, incoming).await?;
    let stored = store::insert(&state.db, server, &kept).await?;
    if !state.recently.delivery_noted.fresh(server, 0) {
        webhooks::delivered(&state.db, server, at).await?;
        state.recently.delivery_noted.mark(server, 0);
    }
    Ok(stored)
}

/// Gives each event the organisation that has its account, on this server; drops the rest.
async fn attribute(
    state: &AppState,
    directory: &crate::ssr::organisations::Organisations,
    server: &str,
    incoming: Vec<Incoming>,
) -> Result<Vec<NewEvent>, sqlx::Error> {
    let on_server: Vec<&str> = directory
        .iter()
        .filter(|o| o.mail_server == server)
        .map(|o| o.slug.as_str())
        .collect();
    let mut accounts: Vec<&str> = incoming.iter().map(|e| e.account_id.as_str()).collect();
    accounts.sort_unstable();
    accounts.dedup();
    let owners: HashMap<String, String> = pins::organisations_of(&state.db, &on_server, &accounts)
        .await?
        .into_iter()
        .map(|(organisation, account)| (account, organisation))
        .collect();
    Ok(incoming
        .into_iter()
        .filter_map(|e| {
            Some(NewEvent {
                organisation: owners.get(&e.account_id)?.clone(),
                dedupe: e.dedupe,
                account_id: e.account_id,
                credential_id: e.credential_id,
                kind: e.kind,
                at: e.at,
                listener: e.listener,
                remote_ip: e.remote_ip,
                reason: e.reason,
            })
        })
        .collect())
}

/// The URL a server's hook delivers to.
pub fn hook_url(state: &AppState, server: &str) -> String {
    let segment: String = url::form_urlencoded::byte_serialize(server.as_bytes()).collect();
    state.absolute(&format!("hooks/stalwart/{segment}"))
}

/// Registers (or brings up to date) Postern's hook on every mail server in the directory.
/// Safe on several instances: a new registration is claimed in the database first.
pub async fn register_all(state: &AppState) {
    for (server, client) in state.organisations().servers() {
        if let Err(e) = register(state, &server, &client, false).await {
            tracing::warn!(server, error = %e, "the activity hook could not be registered");
        }
    }
}

/// Registers the hook on `server`, or replaces it when its URL or key changed, it was not
/// applied, or `again` (the operator's "Register again").
pub async fn register(
    state: &AppState,
    server: &str,
    client: &StalwartClient,
    again: bool,
) -> Result<(), sqlx::Error> {
    let url = hook_url(state, server);
    let Some(hook) = webhooks::of_server(&state.db, server).await? else {
        let nonce = random_nonce();
        let key = client.hook_signing_key(&nonce);
        if !webhooks::claim(&state.db, server, &nonce, &key_check(&key), &url).await? {
            // Another instance got there first.
            return Ok(());
        }
        return create(state, server, client, &url, &key).await;
    };
    let key = client.hook_signing_key(&hook.nonce);
    let stale = hook.url != url || hook.key_check != key_check(&key);
    match hook.hook_id.as_deref() {
        None if hook.state == state::REGISTERING
            && now() - hook.registered_at < REGISTRATION_CLAIM =>
        {
            Ok(())
        }
        None => create(state, server, client, &url, &key).await,
        Some(id) if again || stale || hook.state != state::APPLIED => {
            match client.replace_webhook(id, &url, &key).await {
                Ok((id, applied)) => {
                    record(state, server, Some(&id), &url, &key, Ok(applied)).await
                }
                Err(e) => record(state, server, None, &url, &key, Err(e.kind())).await,
            }
        }
        Some(_) => Ok(()),
    }
}

async fn create(
    state: &AppState,
    server: &str,
    client: &StalwartClient,
    url: &str,
    key: &SecretString,
) -> Result<(), sqlx::Error> {
    match client.create_webhook(url, key).await {
        Ok((id, applied)) => record(state, server, Some(&id), url, key, Ok(applied)).await,
        Err(e) => record(state, server, None, url, key, Err(e.kind())).await,
    }
}

async fn record(
    state: &AppState,
    server: &str,
    hook_id: Option<&str>,
    url: &str,
    key: &SecretString,
    outcome: Result<Applied, &str>,
) -> Result<(), sqlx::Error> {
    let check = key_check(key);
    let problem;
    let (state_now, problem) = match &outcome {
        Ok(Applied::Yes) => (state::APPLIED, None),
        Ok(Applied::Blocked { object, reason }) => {
            problem = format!("{object}: {reason}");
            tracing::warn!(server, why = %problem, "mail server settings not applied: hook inactive");
            (state::BLOCKED, Some(problem.as_str()))
        }
        Err(kind) => {
            tracing::warn!(
                server,
                error = kind,
                "the mail server could not be asked to register the activity hook"
            );
            (state::FAILED, Some(*kind))
        }
    };
    let registration = webhooks::Registration {
        hook_id,
        key_check: &check,
        url,
        state: state_now,
        problem,
    };
    webhooks::record(&state.db, server, &registration).await
}

/// A digest of the signing key: enough to tell that it changed, useless to sign with.
fn key_check(key: &SecretString) -> String {
    let digest = Sha256::digest(key.expose_secret().as_bytes());
    data_encoding::HEXLOWER.encode(&digest[..8])
}

/// 16 random bytes, hex: what the signing key is derived from.
fn random_nonce() -> String {
    use rand::RngCore;
    let mut bytes = [0u8; 16];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    data_encoding::HEXLOWER.encode(&bytes)
}

/// Deletes activity older than `retention`.
pub async fn purge(state: &AppState, retention: std::time::Duration) {
    let before = now() - retention.as_secs() as i64;
    match store::purge_before(&state.db, before).await {
        Ok(0) => {}
        Ok(n) => tracing::info!(events = n, "activity past its retention period deleted"),
        Err(e) => tracing::warn!(error = %e, "activity could not be purged"),
    }
}

/// An app password as the mail server lists it: id, name, creation time (Unix seconds).
pub type Listed = (String, String, i64);

/// The mail server's list in the shape the functions here take (a password whose creation
/// time does not read is left out).
pub fn listed(list: &[crate::ssr::stalwart::AppPassword]) -> Vec<Listed> {
    list.iter()
        .filter_map(|p| {
            let created = crate::ssr::time::parse_rfc3339(&p.created_at)?.unix_timestamp();
            Some((p.id.clone(), p.description.clone(), created))
        })
        .collect()
}

/// How each of a person's app passwords was used, for their list; `None`
/// while the mail server's hook has delivered nothing yet (then "never used" would be a
/// guess).
pub async fn usage(
    state: &AppState,
    organisation: &crate::ssr::organisations::Organisation,
    account_id: &str,
    passwords: &[Listed],
) -> Result<Option<HashMap<String, CredentialUse>>, sqlx::Error> {
    let server = &organisation.mail_server;
    if !state.recently.delivering.fresh(server, 0) {
        let hook = webhooks::of_server(&state.db, server).await?;
        if hook.and_then(|h| h.first_delivery_at).is_none() {
            return Ok(None);
        }
        state.recently.delivering.mark(server, 0);
    }
    let at = now();
    let day = 86_400;
    let since = at - FAILURE_WINDOW_DAYS * day;
    let created: Vec<(String, i64)> = passwords
        .iter()
        .map(|(id, _, created_at)| (id.clone(), *created_at))
        .collect();
    let mut found =
        store::per_credential(&state.db, &organisation.slug, account_id, &created, since).await?;
    let unused_after = UNUSED_AFTER_DAYS * day;
    Ok(Some(
        passwords
            .iter()
            .map(|(id, _, created_at)| {
                let a = found.remove(id).unwrap_or_default();
                let unused = at - created_at > unused_after
                    && a.last_success
                        .as_ref()
                        .is_none_or(|e| at - e.at > unused_after);
                let use_ = CredentialUse {
                    last_used: a.last_success.map(sign_in),
                    failures: u32::try_from(a.failures).unwrap_or(u32::MAX),
                    last_failure: a.last_failure.map(sign_in),
                    unused,
                };
                (id.clone(), use_)
            })
            .collect(),
    ))
}

fn sign_in(e: store::Event) -> SignIn {
    SignIn {
        when: crate::ssr::time::format_epoch(e.at),
        protocol: super::text::protocol(e.listener.as_deref()),
        ip: e.remote_ip,
    }
}

/// An account's latest events, for its administrator; `passwords` names its app passwords
/// `(id, name, created_at)`.
pub async fn recent(
    state: &AppState,
    organisation: &str,
    account_id: &str,
    passwords: &[Listed],
) -> Result<Vec<AccountEvent>, sqlx::Error> {
    let events = store::recent(&state.db, organisation, account_id, ACCOUNT_EVENTS_SHOWN).await?;
    Ok(events
        .into_iter()
        .map(|e| {
            let credential = match &e.credential_id {
                None => super::text::ACCOUNT_PASSWORD.get(),
                // An id reused after its password was removed names the newer one only for
                // events since that one was made.
                Some(id) => passwords
                    .iter()
                    .find(|(p, _, created_at)| p == id && e.at >= *created_at)
                    .map(|(_, name, _)| name.clone())
                    .unwrap_or_else(|| super::text::REMOVED_PASSWORD.get()),
            };
            AccountEvent {
                when: crate::ssr::time::format_epoch(e.at),
                what: super::text::what(&e.kind).get(),
                failed: e.kind != "auth.success",
                protocol: super::text::protocol(e.listener.as_deref()),
                ip: e.remote_ip,
                credential,
            }
        })
        .collect())
}

/// The organisation's accounts with a burst of failed sign-ins in the last day.
pub async fn failure_alerts(
    state: &AppState,
    organisation: &str,
) -> Result<Vec<FailureAlert>, sqlx::Error> {
    let since = now() - ALERT_WINDOW_HOURS * 3600;
    let bursts = store::failure_bursts(&state.db, organisation, since, ALERT_AT_FAILURES).await?;
    Ok(bursts
        .into_iter()
        .map(|(account_id, address, failures, last)| FailureAlert {
            account_id,
            address,
            failures: u32::try_from(failures).unwrap_or(u32::MAX),
            last: crate::ssr::time::format_epoch(last),
        })
        .collect())
}

/// Compares the app passwords the mail server lists for an account `(id, name, created_at)`
/// with those Postern last saw there, and audits each one made or removed elsewhere (by
/// the mail server's own interface, another tool). One statement when nothing changed; the
/// first look only notes what is there.
pub async fn reconcile(
    state: &AppState,
    organisation: &str,
    account_id: &str,
    listed: &[Listed],
) -> Result<(), sqlx::Error> {
    let now_listed: Vec<(String, i64)> = listed
        .iter()
        .map(|(id, _, created)| (id.clone(), *created))
        .collect();
    // The list this instance last compared for the account, a moment ago: nothing changed.
    let account = format!("{organisation}\n{account_id}");
    let digest = {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        now_listed.hash(&mut h);
        h.finish()
    };
    if state.recently.reconciled.fresh(&account, digest) {
        return Ok(());
    }
    compare(state, organisation, account_id, listed, &now_listed).await?;
    state.recently.reconciled.mark(&account, digest);
    Ok(())
}

async fn compare(
    state: &AppState,
    organisation: &str,
    account_id: &str,
    listed: &[Listed],
    now_listed: &[(String, i64)],
) -> Result<(), sqlx::Error> {
    let db = &state.db;
    let Some(known) = seen::of_account(db, organisation, account_id).await? else {
        return seen::replace(db, organisation, account_id, now_listed).await;
    };
    // The same id with another creation time is another password (ids are reused).
    let same = |(id, created): &(String, Option<i64>), (other, at): (&String, i64)| {
        id == other && created.is_none_or(|c| c == at)
    };
    let added: Vec<&(String, String, i64)> = listed
        .iter()
        .filter(|(id, _, at)| !known.iter().any(|k| same(k, (id, *at))))
        .collect();
    let removed: Vec<&(String, Option<i64>)> = known
        .iter()
        .filter(|k| !listed.iter().any(|(id, _, at)| same(k, (id, *at))))
        .collect();
    let refreshed = known.iter().any(|(_, created)| created.is_none());
    if added.is_empty() && removed.is_empty() && !refreshed {
        return Ok(());
    }
    let changes = added
        .iter()
        .map(|(id, name, _)| {
            (
                super::actions::FOUND_AT_SERVER,
                id,
                serde_json::json!({ "name": name }),
            )
        })
        .chain(
            removed
                .iter()
                .map(|(id, _)| (super::actions::REMOVED_AT_SERVER, id, serde_json::json!({}))),
        );
    for (action, target, detail) in changes {
        let event = crate::ssr::db::audit::NewEvent {
            organisation,
            actor_id: None,
            actor_email: crate::ssr::db::audit::system_actors::MAIL_SERVER,
            action,
            account_id: Some(account_id),
            target: Some(target),
            detail,
            ip: None,
            user_agent: None,
        };
        crate::ssr::db::audit::record(db, &event).await?;
    }
    seen::replace(db, organisation, account_id, now_listed).await
}

/// Postern made (`made`) or revoked app passwords of an account: not a change elsewhere. A
/// failure to note it is logged (the next look would audit it as made or removed elsewhere).
pub async fn note_own_change(
    state: &AppState,
    organisation: &str,
    account_id: &str,
    change: OwnChange<'_>,
) {
    let noted = match change {
        OwnChange::Made(id) => seen::made(&state.db, organisation, account_id, id).await,
        OwnChange::Revoked(ids) => seen::revoked(&state.db, organisation, account_id, ids).await,
    };
    if let Err(e) = noted {
        tracing::warn!(organisation, account_id, error = %e, "an app password change could not be noted");
    }
}

/// What Postern changed itself.
pub enum OwnChange<'a> {
    Made(&'a str),
    /// These passwords, or (`None`) all of the account's.
    Revoked(Option<&'a [String]>),
}
