//! What signing in does besides the OpenID exchange: who is an admin, the record of the
//! person and of the sign-in, and the mailbox some organisations create at first sign-in.

use crate::ssr::db::{audit, users};
use crate::ssr::http::RequestMeta;
use crate::ssr::oidc::{Identity, PendingLogin};
use crate::ssr::session::SessionUser;
use crate::ssr::stalwart::{AccountKind, NewAccount};
use crate::ssr::state::AppState;
use crate::ssr::tenants::Tenant;
use crate::ssr::time::now;

/// Why a re-authentication before a sensitive action is not accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReauthRefusal {
    /// Someone else signed in at the IdP.
    OtherUser,
    /// The IdP did not confirm a sign-in within the tenant's window.
    NotFresh,
}

/// A re-authentication must come from the same person, freshly signed in.
pub fn check_reauth(
    pending: &PendingLogin,
    identity: &Identity,
    tenant: &Tenant,
) -> Result<(), ReauthRefusal> {
    let Some(expected) = &pending.reauth_subject else {
        return Ok(());
    };
    let window = tenant.fresh_auth_max_age.as_secs() as i64 + 60;
    let fresh = identity.auth_time.is_some_and(|t| now() - t <= window);
    if identity.subject != *expected {
        Err(ReauthRefusal::OtherUser)
    } else if !fresh {
        Err(ReauthRefusal::NotFresh)
    } else {
        Ok(())
    }
}

/// Records the person and the sign-in; returns who is now signed in.
pub async fn sign_in(
    state: &AppState,
    tenant: &Tenant,
    identity: Identity,
    meta: &RequestMeta,
) -> Result<SessionUser, sqlx::Error> {
    let is_admin = tenant
        .oidc
        .admin_group
        .as_ref()
        .is_some_and(|group| identity.groups.iter().any(|g| g == group));
    let sign_in = users::SignIn {
        tenant: &tenant.slug,
        subject: &identity.subject,
        email: &identity.email,
        name: identity.name.as_deref(),
        groups: &identity.groups,
        is_admin,
    };
    let user = users::upsert_on_sign_in(&state.db, &sign_in).await?;
    let at = now();
    let event = audit::NewEvent {
        tenant: &tenant.slug,
        actor_id: Some(user.id),
        actor_email: &user.email,
        action: "user.sign_in",
        account_id: None,
        target: None,
        detail: serde_json::json!({ "admin": is_admin }),
        ip: meta.ip.as_deref(),
        user_agent: meta.user_agent.as_deref(),
    };
    if let Err(e) = audit::record(&state.db, &event).await {
        tracing::error!(error = %e, "cannot write the audit log");
    }
    if tenant.provision_mailboxes {
        provision_mailbox(state, tenant, &user, meta).await;
    }
    Ok(SessionUser {
        user_id: user.id,
        tenant: tenant.slug.clone(),
        subject: identity.subject,
        email: identity.email,
        name: identity.name,
        is_admin,
        authenticated_at: identity.auth_time.unwrap_or(at).min(at),
        id_token: identity.id_token,
    })
}

/// Creates the user's mailbox on first sign-in when the tenant asks for it: Stalwart's own
/// OIDC provisioning only happens when someone logs in to Stalwart with an IdP token, which
/// users of app passwords never do. A failure leaves the "no mailbox yet" state.
pub async fn provision_mailbox(
    state: &AppState,
    tenant: &Tenant,
    user: &users::User,
    meta: &RequestMeta,
) {
    let Some((local, domain)) = user.email.rsplit_once('@') else {
        return;
    };
    let stalwart = &tenant.stalwart;
    match stalwart.user_id(local, domain).await {
        Ok(Some(_)) => return,
        Ok(None) => {}
        Err(e) => {
            tracing::warn!(error = %e, "cannot check for a mailbox to provision");
            return;
        }
    }
    let domain_id = match stalwart.domain_id(domain).await {
        Ok(Some(id)) => id,
        other => {
            tracing::warn!(?other, %domain, "cannot provision: the domain is missing at Stalwart");
            return;
        }
    };
    let new = NewAccount {
        kind: AccountKind::User,
        name: local.to_owned(),
        domain_id,
        description: user.name.clone(),
        quota_bytes: None,
        aliases: Vec::new(),
        password_hash: None,
    };
    match stalwart.create_account(&new).await {
        Ok(id) => {
            stalwart.forget_user(&user.email);
            let event = audit::NewEvent {
                tenant: &tenant.slug,
                actor_id: Some(user.id),
                actor_email: &user.email,
                action: "mailbox.provision",
                account_id: Some(&id),
                target: Some(&user.email),
                detail: serde_json::json!({ "after": { "address": user.email, "display_name": user.name } }),
                ip: meta.ip.as_deref(),
                user_agent: meta.user_agent.as_deref(),
            };
            if let Err(e) = audit::record(&state.db, &event).await {
                tracing::error!(error = %e, "cannot write the audit log");
            }
            tracing::info!(tenant = %tenant.slug, account = %id, "mailbox provisioned at first sign-in");
        }
        Err(e) => tracing::warn!(error = %e, "mailbox provisioning failed"),
    }
}

/// Writes a sign-in event that is not a successful sign-in: a refusal (`user.sign_in_refused`,
/// `user.reauth_refused`) with its reason, or a sign-out.
pub async fn record(
    state: &AppState,
    tenant: &str,
    who: Who<'_>,
    action: &str,
    detail: serde_json::Value,
    meta: &RequestMeta,
) {
    let event = audit::NewEvent {
        tenant,
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
        tracing::error!(error = %e, action, "cannot write the audit log");
    }
}

/// Who an event is about, as far as it is known.
#[derive(Debug, Clone, Copy)]
pub struct Who<'a> {
    pub user_id: Option<i64>,
    /// The address typed or vouched for; empty when the IdP named none.
    pub email: &'a str,
}
