//! When the IdP says someone is gone, their mail credentials go too.
//!
//! One path, whoever tells it (a SCIM push, the reconciler): the person's Postern sessions end
//! at once, then their app passwords and API keys are destroyed at the mail server. Recording
//! the departure is the claim (`db::departures`): told twice, or by two instances at once, it
//! is acted on once. A mail server that cannot be reached leaves the departure pending; the
//! "departures" task tries again until it is done. Accounts Postern never acts on (the mail
//! server's administrators, see `stalwart::protection`) are left alone and the log says so:
//! an organisation's IdP can name any address of its domains.

pub mod actions;
pub mod idp_api;
pub mod reconciler;
pub mod syncs;

use super::db::audit::{self, Action, NewEvent};
use super::db::{departures, logins, pins, users::User};
use super::organisations::Organisation;
use super::stalwart::error::StalwartError;
use super::stalwart::{Freshness, Standing};
use super::state::AppState;
use serde_json::json;

/// Who told Postern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Scim,
    Reconciler,
}

impl Source {
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Scim => "scim",
            Source::Reconciler => "reconciler",
        }
    }

    /// The actor the audit log names.
    fn actor(self) -> &'static str {
        match self {
            Source::Scim => crate::ssr::db::audit::system_actors::SCIM,
            Source::Reconciler => crate::ssr::db::audit::system_actors::DIRECTORY_SYNC,
        }
    }
}

/// What the IdP said.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    Deactivated,
    Deleted,
}

impl Reason {
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::Deactivated => "deactivated",
            Reason::Deleted => "deleted",
        }
    }
}

/// What became of a person's credentials.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Revocation {
    /// Destroyed (how many); 0 when they had none, or no mailbox.
    Revoked(usize),
    /// Their mailbox is one Postern never acts on.
    Protected,
    /// Another instance is at it, or it is done already.
    NotMine,
    /// The mail server failed; the departure stays pending.
    Failed(String),
}

/// The person is gone: ends their sessions and revokes their credentials. Idempotent; returns
/// whether this call was the first to hear of it.
pub async fn depart(
    state: &AppState,
    organisation: &Organisation,
    person: &User,
    source: Source,
    reason: Reason,
) -> Result<bool, sqlx::Error> {
    let db = &state.db;
    let first = departures::claim(
        db,
        &organisation.slug,
        person.id,
        source.as_str(),
        reason.as_str(),
    )
    .await?;
    if !first {
        // Told again: if the mail server let the last try down, this is a new try.
        revoke(state, organisation, person, source).await;
        return Ok(false);
    }
    let sessions = logins::end_all(db, &organisation.slug, person.id).await?;
    tracing::info!(organisation = %organisation.slug, user = person.id, source = source.as_str(),
        reason = reason.as_str(), sessions, "a person's IdP says they are gone");
    log(
        state,
        organisation,
        source,
        actions::PERSON_DEPARTED,
        None,
        person,
        json!({ "source": source.as_str(), "reason": reason.as_str(), "sessions": sessions }),
    )
    .await;
    revoke(state, organisation, person, source).await;
    Ok(true)
}

/// The person is back: they may sign in and mint again. Returns whether they had departed.
pub async fn returned(
    state: &AppState,
    organisation: &Organisation,
    person: &User,
    source: Source,
) -> Result<bool, sqlx::Error> {
    let back = departures::forget(&state.db, &organisation.slug, person.id).await?;
    if back {
        log(
            state,
            organisation,
            source,
            actions::PERSON_RETURNED,
            None,
            person,
            json!({ "source": source.as_str() }),
        )
        .await;
    }
    Ok(back)
}

/// Destroys a departed person's app passwords and API keys, unless another instance holds the
/// departure or it is done.
pub async fn revoke(
    state: &AppState,
    organisation: &Organisation,
    person: &User,
    source: Source,
) -> Revocation {
    let db = &state.db;
    match departures::lease(db, &organisation.slug, person.id).await {
        Ok(true) => {}
        Ok(false) => return Revocation::NotMine,
        Err(e) => return Revocation::Failed(e.to_string()),
    }
    let outcome = destroy(state, organisation, person, source).await;
    let stored = match &outcome {
        Revocation::Revoked(n) => {
            departures::revoked(db, &organisation.slug, person.id, *n as i64).await
        }
        Revocation::Protected => departures::revoked(db, &organisation.slug, person.id, 0).await,
        Revocation::Failed(error) => {
            departures::failed(db, &organisation.slug, person.id, error).await
        }
        Revocation::NotMine => Ok(()),
    };
    if let Err(e) = stored {
        tracing::warn!(error = %e, "cannot record how a departure's revocation went");
    }
    outcome
}

async fn destroy(
    state: &AppState,
    organisation: &Organisation,
    person: &User,
    source: Source,
) -> Revocation {
    let failed = |e: StalwartError| Revocation::Failed(e.to_string());
    let pin = match pins::of_person(
        &state.db,
        &organisation.slug,
        &organisation.oidc.issuer,
        &person.subject,
    )
    .await
    {
        Ok(pin) => pin,
        Err(e) => return Revocation::Failed(e.to_string()),
    };
    // No pinned mailbox: Postern never handed them a credential.
    let Some(pin) = pin else {
        return Revocation::Revoked(0);
    };
    let stalwart = &organisation.stalwart;
    match stalwart.standing(&pin.account_id, Freshness::Now).await {
        Ok(Standing::Usable) => {}
        Ok(Standing::Gone) => return Revocation::Revoked(0),
        Ok(Standing::Protected(protection)) => {
            tracing::warn!(account = %pin.account_id, ?protection,
                "a departed person's mailbox is protected: nothing destroyed");
            log(
                state,
                organisation,
                source,
                actions::PERSON_CREDENTIALS_REFUSED,
                Some(&pin.account_id),
                person,
                json!({ "reason": protection.audit_reason(), "mailbox": pin.address }),
            )
            .await;
            return Revocation::Protected;
        }
        Err(e) => return failed(e),
    }
    let (passwords, keys) = match stalwart.app_passwords_and_api_keys(&pin.account_id).await {
        Ok(both) => both,
        Err(e) => return failed(e),
    };
    let ids: Vec<String> = passwords.iter().map(|p| p.id.clone()).collect();
    let key_ids: Vec<String> = keys.iter().map(|k| k.id.clone()).collect();
    if !ids.is_empty()
        && let Err(e) = stalwart.destroy_app_passwords(&pin.account_id, &ids).await
    {
        return failed(e);
    }
    if !key_ids.is_empty()
        && let Err(e) = stalwart.destroy_api_keys(&pin.account_id, &key_ids).await
    {
        return failed(e);
    }
    // Revoked by Postern, not elsewhere: the next look at the account audits nothing.
    if let Err(e) =
        crate::ssr::db::seen::revoked(&state.db, &organisation.slug, &pin.account_id, None).await
    {
        tracing::warn!(error = %e, "a departure's revocations could not be noted");
    }
    let names: Vec<&str> = passwords.iter().map(|p| p.description.as_str()).collect();
    let key_names: Vec<&str> = keys.iter().map(|k| k.description.as_str()).collect();
    log(
        state,
        organisation,
        source,
        actions::PERSON_CREDENTIALS_REVOKED,
        Some(&pin.account_id),
        person,
        json!({ "mailbox": pin.address, "app_passwords": names, "api_keys": key_names }),
    )
    .await;
    Revocation::Revoked(ids.len() + key_ids.len())
}

/// One round of the "departures" task: tries again what a failed mail server left pending.
pub async fn retry_pending(state: &AppState) {
    let pending = match departures::pending(&state.db, 100).await {
        Ok(pending) => pending,
        Err(e) => {
            tracing::warn!(error = %e, "cannot read pending departures");
            return;
        }
    };
    let organisations = state.organisations();
    for d in pending {
        let Some(organisation) = organisations.by_slug(&d.organisation) else {
            continue;
        };
        let person = match super::db::users::find(&state.db, &d.organisation, d.user_id).await {
            Ok(Some(person)) => person,
            Ok(None) => continue,
            Err(e) => {
                tracing::warn!(error = %e, "cannot read a departed person");
                continue;
            }
        };
        let source = if d.source == Source::Scim.as_str() {
            Source::Scim
        } else {
            Source::Reconciler
        };
        if let Revocation::Failed(error) = revoke(state, organisation, &person, source).await {
            tracing::warn!(organisation = %d.organisation, user = d.user_id, %error,
                "a departed person's credentials could not be revoked yet");
        }
    }
}

async fn log(
    state: &AppState,
    organisation: &Organisation,
    source: Source,
    action: Action,
    account: Option<&str>,
    person: &User,
    detail: serde_json::Value,
) {
    let event = NewEvent {
        organisation: &organisation.slug,
        actor_id: None,
        actor_email: source.actor(),
        action,
        account_id: account,
        target: Some(&person.email),
        detail,
        ip: None,
        user_agent: None,
    };
    if let Err(e) = audit::record(&state.db, &event).await {
        tracing::error!(error = %e, %action, "cannot write an audit event");
    }
}
