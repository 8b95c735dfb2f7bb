//! What signing in does besides the OpenID exchange: who is an admin, the record of the
//! person and of the sign-in, and the mailbox some organisations create at first sign-in.

use super::text;
use crate::account::mailbox_name::valid_local_part;
use crate::account::pin::{Mismatch, Person, PinError, mailbox_of};
use crate::error::AppError;
use crate::ssr::db::{audit, departures, logins, pins, sync_runs, users};
use crate::ssr::http::RequestMeta;
use crate::ssr::oidc::{AuthOptions, Identity, PendingLogin};
use crate::ssr::organisations::Organisation;
use crate::ssr::session::SessionUser;
use crate::ssr::stalwart::{AccountKind, Freshness, NewAccount, Protection};
use crate::ssr::state::AppState;
use crate::ssr::state::Caller;
use crate::ssr::time::now;

/// Why a re-authentication before a sensitive action is not accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReauthRefusal {
    /// Someone else signed in at the IdP.
    OtherUser,
    /// The IdP did not confirm a sign-in within the organisation's window.
    NotFresh,
}

/// A re-authentication must come from the same person, freshly signed in.
pub fn check_reauth(
    pending: &PendingLogin,
    identity: &Identity,
    organisation: &Organisation,
) -> Result<(), ReauthRefusal> {
    if let Some(expected) = &pending.refresh_subject
        && identity.subject != *expected
    {
        return Err(ReauthRefusal::OtherUser);
    }
    let Some(expected) = &pending.reauth_subject else {
        return Ok(());
    };
    let window = organisation.fresh_auth_max_age.as_secs() as i64 + 60;
    let fresh = identity.auth_time.is_some_and(|t| now() - t <= window);
    if identity.subject != *expected {
        Err(ReauthRefusal::OtherUser)
    } else if !fresh {
        Err(ReauthRefusal::NotFresh)
    } else {
        Ok(())
    }
}

/// Why a sign-in the IdP vouched for does not go through.
#[derive(Debug, thiserror::Error)]
pub enum SignInError {
    /// The address now names a mailbox that is not this person's (see `account::pin`).
    #[error("refused: {0:?}")]
    Refused(Mismatch),
    /// The address names an account with rights on the mail server (`ssr::stalwart::Protection`).
    #[error("protected account: {0:?}")]
    Protected(Protection),
    /// The organisation's directory said the person is gone (`ssr::departures`), and has not
    /// said they are back.
    #[error("departed")]
    Departed,
    #[error("{0}")]
    Failed(String),
}

impl From<sqlx::Error> for SignInError {
    fn from(e: sqlx::Error) -> Self {
        SignInError::Failed(e.to_string())
    }
}

/// Records the person and the sign-in; returns who is now signed in, and the language they
/// chose on some device before (if they did).
pub async fn sign_in(
    state: &AppState,
    organisation: &Organisation,
    identity: Identity,
    meta: &RequestMeta,
) -> Result<(SessionUser, Option<crate::i18n::Locale>), SignInError> {
    if departures::of_subject(&state.db, &organisation.slug, &identity.subject).await? {
        return Err(SignInError::Departed);
    }
    let person = Person {
        subject: &identity.subject,
        email: &identity.email,
    };
    let account_id = match mailbox_of(&state.db, organisation, &person, Freshness::Now).await {
        Ok(found) => found,
        Err(PinError::Mismatch(why)) => return Err(SignInError::Refused(why)),
        Err(PinError::Protected(why)) => return Err(SignInError::Protected(why)),
        // Stalwart down: sign in without a mailbox id; it is looked up (and checked, for
        // protection too) when first needed.
        Err(PinError::Stalwart(e)) => {
            tracing::warn!(error = %e, "cannot look up the mailbox at sign-in");
            None
        }
        Err(PinError::Gone) => None,
        Err(PinError::Db(e)) => return Err(e.into()),
    };
    let is_admin = organisation
        .oidc
        .admin_group
        .as_ref()
        .is_some_and(|group| identity.groups.iter().any(|g| g == group));
    let sign_in = users::SignIn {
        organisation: &organisation.slug,
        subject: &identity.subject,
        email: &identity.email,
        name: identity.name.as_deref(),
        groups: &identity.groups,
        is_admin,
    };
    let user = users::upsert_on_sign_in(&state.db, &sign_in).await?;
    if let Some(sync) = state.syncs.of(&organisation.slug)
        && sync.id_claim != "sub"
        && let Some(id) = identity.extra.get(&sync.id_claim).and_then(|v| v.as_str())
    {
        sync_runs::note_directory_id(&state.db, &organisation.slug, user.id, id).await?;
    }
    let at = now();
    let event = audit::NewEvent {
        organisation: &organisation.slug,
        actor_id: Some(user.id),
        actor_email: &user.email,
        action: super::actions::SIGN_IN,
        account_id: None,
        target: None,
        detail: serde_json::json!({ "admin": is_admin }),
        ip: meta.ip.as_deref(),
        user_agent: meta.user_agent.as_deref(),
    };
    if let Err(e) = audit::record(&state.db, &event).await {
        tracing::error!(error = %e, "cannot write the audit log");
    }
    let account_id = match account_id {
        None if organisation.provision_mailboxes => {
            provision_mailbox(state, organisation, &user, meta).await
        }
        found => found,
    };
    let login_id = random_id();
    let idp_session = identity.extra.get("sid").and_then(|v| v.as_str());
    logins::start(
        &state.db,
        &login_id,
        &organisation.slug,
        user.id,
        idp_session,
    )
    .await?;
    let chosen = user.locale.as_deref().and_then(crate::i18n::Locale::parse);
    Ok((
        SessionUser {
            user_id: user.id,
            organisation: organisation.slug.clone(),
            subject: identity.subject,
            email: identity.email,
            name: identity.name,
            is_admin,
            authenticated_at: identity.auth_time.map(|t| t.min(at)),
            id_token: identity.id_token,
            account_id,
            login_id,
            admin_checked_at: at,
        },
        chosen,
    ))
}

/// Creates the user's mailbox on first sign-in when the organisation asks for it: Stalwart's own
/// OIDC provisioning only happens when someone logs in to Stalwart with an IdP token, which
/// users of app passwords never do. A failure leaves the "no mailbox yet" state. Returns the
/// new account's id, pinned to the person.
pub async fn provision_mailbox(
    state: &AppState,
    organisation: &Organisation,
    user: &users::User,
    meta: &RequestMeta,
) -> Option<String> {
    let (local, domain) = user.email.rsplit_once('@')?;
    // The address came from the IdP: only a local part Postern would accept from an admin.
    if let Err(why) = valid_local_part(local) {
        tracing::warn!(%why, "cannot provision: the address's local part is not acceptable");
        return None;
    }
    let stalwart = &organisation.stalwart;
    match stalwart.user_id(local, domain).await {
        Ok(None) => {}
        Ok(Some(_)) => return None,
        Err(e) => {
            tracing::warn!(error = %e, "cannot check for a mailbox to provision");
            return None;
        }
    }
    let domain_id = match stalwart.domain_id(domain).await {
        Ok(Some(id)) => id,
        other => {
            tracing::warn!(?other, %domain, "cannot provision: the domain is missing at Stalwart");
            return None;
        }
    };
    let new = NewAccount {
        kind: AccountKind::User,
        local_part: local.to_owned(),
        domain_id,
        display_name: user.name.clone(),
        quota_bytes: None,
        aliases: Vec::new(),
        password_hash: None,
    };
    match stalwart.create_account(&new).await {
        Ok(id) => {
            stalwart.forget_user(&user.email);
            let event = audit::NewEvent {
                organisation: &organisation.slug,
                actor_id: Some(user.id),
                actor_email: &user.email,
                action: super::actions::MAILBOX_PROVISION,
                account_id: Some(&id),
                target: Some(&user.email),
                detail: serde_json::json!({ "after": { "address": user.email, "display_name": user.name } }),
                ip: meta.ip.as_deref(),
                user_agent: meta.user_agent.as_deref(),
            };
            if let Err(e) = audit::record(&state.db, &event).await {
                tracing::error!(error = %e, "cannot write the audit log");
            }
            tracing::info!(organisation = %organisation.slug, account = %id, "mailbox provisioned at first sign-in");
            let pinned = pins::pin(
                &state.db,
                &organisation.slug,
                &organisation.oidc.issuer,
                &user.subject,
                &id,
                &user.email,
            )
            .await;
            if let Err(e) = pinned {
                tracing::error!(error = %e, "cannot pin the provisioned mailbox");
            }
            Some(id)
        }
        Err(e) => {
            tracing::warn!(error = %e, "mailbox provisioning failed");
            None
        }
    }
}

/// Writes a sign-in event that is not a successful sign-in: a refusal (`user.sign_in_refused`,
/// `user.reauth_refused`) with its reason, or a sign-out.
pub async fn record(
    state: &AppState,
    organisation: &str,
    who: Who<'_>,
    action: crate::ssr::db::audit::Action,
    detail: serde_json::Value,
    meta: &RequestMeta,
) {
    let event = audit::NewEvent {
        organisation,
        actor_id: who.user_id,
        actor_email: who.email,
        action,
        account_id: None,
        target: None,
        detail,
        ip: meta.ip.as_deref(),
        user_agent: meta.user_agent.as_deref(),
    };
    if let Err(e) = audit::record(&state.db, &event).await {
        tracing::error!(error = %e, %action, "cannot write the audit log");
    }
}

/// Who an event is about, as far as it is known.
#[derive(Debug, Clone, Copy)]
pub struct Who<'a> {
    pub user_id: Option<i64>,
    /// The address typed or vouched for; empty when the IdP named none.
    pub email: &'a str,
}

/// Whether the person's IdP sign-in is recent enough for a sensitive change. A sign-in whose
/// time the IdP did not say is never fresh.
pub fn is_fresh(user: &SessionUser, max_age: std::time::Duration) -> bool {
    user.authenticated_at
        .is_some_and(|at| now() - at <= max_age.as_secs() as i64)
}

/// An authorization request that makes the IdP ask the caller for their password again
/// (`prompt=login`, `max_age`), and the pending login to keep until it comes back to
/// `return_to`.
pub async fn fresh_sign_in(
    caller: &Caller,
    return_to: &str,
) -> Result<(url::Url, PendingLogin), AppError> {
    let redirect = caller.state.redirect_uri();
    let provider = caller
        .state
        .oidc
        .provider(&caller.organisation, &redirect)
        .await
        .map_err(|e| {
            tracing::warn!(error = %e, "identity provider unavailable for re-authentication");
            AppError::Unavailable(text::idp_down_for_reauth(&caller.organisation.display_name))
        })?;
    let options = AuthOptions {
        login_hint: caller.organisation.login_hint(&caller.user.email),
        max_age: Some(caller.organisation.fresh_auth_max_age),
        force_login: true,
    };
    let (url, mut pending) =
        provider.authorization_request(&caller.organisation, &options, return_to.to_owned());
    pending.reauth_subject = Some(caller.user.subject.clone());
    Ok((url, pending))
}

/// Ends the login of a session (sign-out, or a new sign-in replacing it).
pub async fn end_login(state: &AppState, user: &SessionUser) {
    if let Err(e) = logins::end(&state.db, &user.login_id).await {
        tracing::error!(error = %e, "cannot end the login");
    }
}

/// An authorization request that reads the admin's groups again (no password asked if the
/// IdP still knows them), coming back to `return_to`.
pub async fn refresh_sign_in(
    caller: &Caller,
    return_to: &str,
) -> Result<(url::Url, PendingLogin), AppError> {
    let provider = caller
        .state
        .oidc
        .provider(&caller.organisation, &caller.state.redirect_uri())
        .await
        .map_err(|e| {
            tracing::warn!(error = %e, "identity provider unavailable for the admin check");
            AppError::Unavailable(text::idp_down_for_reauth(&caller.organisation.display_name))
        })?;
    let options = AuthOptions {
        login_hint: caller.organisation.login_hint(&caller.user.email),
        max_age: Some(caller.organisation.session_lifetime),
        force_login: false,
    };
    let (url, mut pending) =
        provider.authorization_request(&caller.organisation, &options, return_to.to_owned());
    pending.refresh_subject = Some(caller.user.subject.clone());
    Ok((url, pending))
}

fn random_id() -> String {
    use rand::Rng;
    rand::thread_rng()
        .sample_iter(&rand::distributions::Alphanumeric)
        .take(32)
        .map(char::from)
        .collect()
}
