//! Revoking the signed-in person's own credentials: one app password, all of them (with
//! the API keys), or one API key. Each is audited before the mail server is asked.

use super::service::account_to_change;
use super::text::service as text;
use crate::activity::service::{self as activity, OwnChange};
use crate::error::AppError;
use crate::ssr::http::RequestMeta;
use crate::ssr::state::{Caller, Event, Outcome};

/// Revokes one of the caller's app passwords; returns its name.
pub async fn revoke(caller: &Caller, id: &str, meta: &RequestMeta) -> Result<String, AppError> {
    let account = account_to_change(caller, text::REVOKE, meta, super::actions::REVOKE).await?;
    let stalwart = &caller.organisation.stalwart;
    let list = stalwart
        .app_passwords(&account)
        .await
        .map_err(|e| e.user_error(text::REVOKE))?;
    let Some(target) = list.iter().find(|p| p.id == id) else {
        return Err(AppError::NotFound(text::GONE.into()));
    };
    let event = Event {
        action: super::actions::REVOKE,
        account: Some(&account),
        target: Some(id),
        detail: serde_json::json!({ "name": target.description }),
    };
    let audited = caller.begin(meta, event).await?;
    let revoked = stalwart
        .destroy_app_passwords(&account, std::slice::from_ref(&target.id))
        .await;
    caller.complete(audited, Outcome::of(&revoked)).await;
    revoked.map_err(|e| e.user_error(text::REVOKE))?;
    let one = std::slice::from_ref(&target.id);
    let organisation = &caller.organisation.slug;
    activity::note_own_change(
        &caller.state,
        organisation,
        &account,
        OwnChange::Revoked(Some(one)),
    )
    .await;
    Ok(target.description.clone())
}

/// Revokes every app password and API key of the caller; returns how many there were.
pub async fn revoke_all(caller: &Caller, meta: &RequestMeta) -> Result<usize, AppError> {
    let account =
        account_to_change(caller, text::REVOKE_ALL, meta, super::actions::REVOKE_ALL).await?;
    let stalwart = &caller.organisation.stalwart;
    let (passwords, keys) = stalwart
        .app_passwords_and_api_keys(&account)
        .await
        .map_err(|e| e.user_error(text::REVOKE_ALL))?;
    let ids: Vec<String> = passwords.iter().map(|p| p.id.clone()).collect();
    let key_ids: Vec<String> = keys.iter().map(|k| k.id.clone()).collect();
    let names: Vec<&str> = passwords.iter().map(|p| p.description.as_str()).collect();
    let key_names: Vec<&str> = keys.iter().map(|k| k.description.as_str()).collect();
    let event = Event {
        action: super::actions::REVOKE_ALL,
        account: Some(&account),
        target: None,
        detail: serde_json::json!({ "ids": ids, "names": names,
                                     "api_key_ids": key_ids, "api_key_names": key_names }),
    };
    let audited = caller.begin(meta, event).await?;
    let mut revoked = stalwart.destroy_app_passwords(&account, &ids).await;
    if revoked.is_ok() {
        revoked = stalwart.destroy_api_keys(&account, &key_ids).await;
    }
    caller.complete(audited, Outcome::of(&revoked)).await;
    revoked.map_err(|e| e.user_error(text::REVOKE_ALL))?;
    let organisation = &caller.organisation.slug;
    activity::note_own_change(
        &caller.state,
        organisation,
        &account,
        OwnChange::Revoked(None),
    )
    .await;
    Ok(ids.len() + key_ids.len())
}

/// Revokes one of the caller's API keys; returns its name.
pub async fn revoke_api_key(
    caller: &Caller,
    id: &str,
    meta: &RequestMeta,
) -> Result<String, AppError> {
    let account = account_to_change(
        caller,
        text::REVOKE_API_KEY,
        meta,
        super::actions::API_KEY_REVOKE,
    )
    .await?;
    let stalwart = &caller.organisation.stalwart;
    let (_, keys) = stalwart
        .app_passwords_and_api_keys(&account)
        .await
        .map_err(|e| e.user_error(text::REVOKE_API_KEY))?;
    let Some(target) = keys.iter().find(|k| k.id == id) else {
        return Err(AppError::NotFound(text::API_KEY_GONE.into()));
    };
    let event = Event {
        action: super::actions::API_KEY_REVOKE,
        account: Some(&account),
        target: Some(id),
        detail: serde_json::json!({ "name": target.description }),
    };
    let audited = caller.begin(meta, event).await?;
    let revoked = stalwart
        .destroy_api_keys(&account, std::slice::from_ref(&target.id))
        .await;
    caller.complete(audited, Outcome::of(&revoked)).await;
    revoked.map_err(|e| e.user_error(text::REVOKE_API_KEY))?;
    Ok(target.description.clone())
}
