//! What a person can still use to reach their mail: their app passwords and their sessions,
//! ended by their administrator.

use super::common::{begin, record};
use super::protection::writable;
use crate::admin::text::{self, action};
use crate::error::AppError;
use crate::ssr::db::{logins, users};
use crate::ssr::http::RequestMeta;
use crate::ssr::scope::AdminScope;
use crate::ssr::stalwart::error::StalwartError;
use crate::ssr::stalwart::model::AccountKind;
use crate::ssr::state::Outcome;
use serde_json::json;

/// Revokes one app password of a mailbox; returns its name.
pub async fn revoke_app_password(
    scope: &AdminScope,
    id: &str,
    credential: &str,
    meta: &RequestMeta,
) -> Result<String, AppError> {
    let account = writable(
        scope,
        id,
        AccountKind::User,
        crate::admin::actions::APP_PASSWORD_REVOKE,
        meta,
    )
    .await?;
    let revoke_failed = |e: StalwartError| e.user_error(action::REVOKE_APP_PASSWORD);
    let list = scope
        .stalwart()
        .app_passwords(&account.id)
        .await
        .map_err(revoke_failed)?;
    let target = list
        .iter()
        .find(|p| p.id == credential)
        .ok_or_else(|| AppError::NotFound(text::APP_PASSWORD_GONE.into()))?;
    let detail = json!({ "name": target.description, "mailbox": scope.address(&account) });
    let audited = begin(
        scope,
        meta,
        crate::admin::actions::APP_PASSWORD_REVOKE,
        Some(&account.id),
        Some(credential),
        detail,
    )
    .await?;
    let revoked = scope
        .stalwart()
        .destroy_app_passwords(&account.id, std::slice::from_ref(&target.id))
        .await;
    scope.caller.complete(audited, Outcome::of(&revoked)).await;
    revoked.map_err(revoke_failed)?;
    let (state, organisation) = (&scope.caller.state, &scope.caller.organisation.slug);
    let one = std::slice::from_ref(&target.id);
    let change = crate::activity::service::OwnChange::Revoked(Some(one));
    crate::activity::service::note_own_change(state, organisation, &account.id, change).await;
    Ok(target.description.clone())
}

/// Signs the person with this mailbox out of every session; returns the address and how many
/// sessions ended.
pub async fn sign_out_person(
    scope: &AdminScope,
    id: &str,
    meta: &RequestMeta,
) -> Result<(String, u64), AppError> {
    let account = writable(
        scope,
        id,
        AccountKind::User,
        crate::account::actions::SIGN_OUT_EVERYWHERE,
        meta,
    )
    .await?;
    let address = scope.address(&account);
    let db = &scope.caller.state.db;
    let organisation = &scope.caller.organisation.slug;
    let people = users::with_email(db, organisation, &address)
        .await
        .map_err(AppError::internal)?;
    let mut ended = 0;
    for person in &people {
        ended += logins::end_all(db, organisation, person.id)
            .await
            .map_err(AppError::internal)?;
    }
    let detail = json!({ "sessions": ended });
    record(
        scope,
        meta,
        crate::account::actions::SIGN_OUT_EVERYWHERE,
        Some(&account.id),
        Some(&address),
        detail,
    )
    .await;
    Ok((address, ended))
}
