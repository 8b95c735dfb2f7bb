//! Sign-in through the tenant's IdP, and sign-out. Plain form posts and redirects, so they
//! work the same with and without JavaScript.

use app::ssr::AppState;
use app::ssr::app_passwords::RequestMeta;
use app::ssr::db::{audit, users};
use app::ssr::oidc::{AuthOptions, Callback, OidcError};
use app::ssr::session::{AppSession, Flash, FlashKind, SessionUser};
use axum::extract::{ConnectInfo, Query, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use serde::Deserialize;
use std::net::SocketAddr;
use tower_sessions::Session;

/// A sign-in must come back from the IdP within this many seconds.
const PENDING_LOGIN_TTL: i64 = 600;

mod text {
    pub const NOT_AN_ADDRESS: &str =
        "Please enter your full work e-mail address, like name@example.com.";
    pub const UNKNOWN_DOMAIN: &str = "We do not know an organisation for “{domain}”. Check the address for typos; \
        if it is right, your organisation does not use this portal yet — ask your administrator.";
    pub const IDP_DOWN: &str = "We could not reach the sign-in service of {tenant}. Nothing is wrong with your \
        account; please try again in a few minutes. If this keeps happening, tell your administrator.";
    pub const EXPIRED: &str = "Your sign-in took too long or was already used. Please start again.";
    pub const DENIED: &str = "Sign-in was cancelled or refused by your organisation's sign-in service. \
        Please try again.";
    pub const FAILED: &str = "We could not verify the answer from your organisation's sign-in service, \
        so you were not signed in. Please try again; if it keeps happening, tell your administrator.";
    pub const WRONG_TENANT: &str = "You signed in as {email}, which is not an address of {tenant}. \
        Sign in with your {tenant} account.";
    pub const UNUSABLE: &str = "Your organisation's sign-in service did not tell us your e-mail address, \
        so we cannot find your mailbox. Please tell your administrator.";
    pub const REAUTH_OTHER_USER: &str = "You confirmed your sign-in as a different person, so nothing was created. \
        Sign out first if you want to use another account.";
    pub const REAUTH_NOT_FRESH: &str = "Your organisation's sign-in service did not confirm a fresh sign-in, so the \
        app password was not created. Please try again; if this keeps happening, tell your administrator.";
    pub const INTERNAL: &str =
        "Something went wrong on our side while signing you in. Please try again.";
}

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/auth/login", post(login))
        .route("/auth/callback", get(callback))
        .route("/auth/logout", post(logout))
}

#[derive(Deserialize)]
struct LoginForm {
    email: String,
    #[serde(default)]
    return_to: Option<String>,
}

async fn login(
    State(state): State<AppState>,
    session: Session,
    Form(form): Form<LoginForm>,
) -> Response {
    let session = AppSession(session);
    let email = form.email.trim().to_lowercase();
    let Some((_, domain)) = email
        .rsplit_once('@')
        .filter(|(l, d)| !l.is_empty() && d.contains('.'))
    else {
        return back_to_start(&session, text::NOT_AN_ADDRESS.to_owned(), Some(form.email)).await;
    };
    let Some(tenant) = state.tenants.by_domain(domain).cloned() else {
        let message = text::UNKNOWN_DOMAIN.replace("{domain}", domain);
        return back_to_start(&session, message, Some(email)).await;
    };
    let provider = match state.oidc.provider(&tenant, &state.redirect_uri()).await {
        Ok(p) => p,
        Err(e) => {
            tracing::warn!(tenant = %tenant.slug, error = %e, "identity provider unavailable");
            let message = text::IDP_DOWN.replace("{tenant}", &tenant.display_name);
            return back_to_start(&session, message, Some(email)).await;
        }
    };
    let options = AuthOptions {
        login_hint: Some(email),
        ..Default::default()
    };
    let return_to = local_path(form.return_to.as_deref())
        .unwrap_or("/account")
        .to_owned();
    let (url, pending) = provider.authorization_request(&tenant, &options, return_to);
    if let Err(e) = session.start_login(&pending).await {
        tracing::error!(error = %e, "cannot store the pending sign-in");
        return back_to_start(&session, text::INTERNAL.to_owned(), None).await;
    }
    Redirect::to(url.as_str()).into_response()
}

async fn callback(
    State(state): State<AppState>,
    session: Session,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Query(callback): Query<Callback>,
) -> Response {
    let session = AppSession(session);
    // Removed before anything else, so a state value works once at most.
    let pending = match session.take_pending_login().await {
        Ok(Some(p)) => p,
        Ok(None) => return back_to_start(&session, text::EXPIRED.to_owned(), None).await,
        Err(e) => {
            tracing::error!(error = %e, "session store");
            return back_to_start(&session, text::INTERNAL.to_owned(), None).await;
        }
    };
    if app::ssr::db::now() - pending.created_at > PENDING_LOGIN_TTL {
        return back_to_start(&session, text::EXPIRED.to_owned(), None).await;
    }
    let Some(tenant) = state.tenants.by_slug(&pending.tenant).cloned() else {
        return back_to_start(&session, text::EXPIRED.to_owned(), None).await;
    };

    let identity = match state
        .oidc
        .finish(&tenant, &state.redirect_uri(), &pending, &callback)
        .await
    {
        Ok(identity) => identity,
        Err(e) => {
            tracing::warn!(tenant = %tenant.slug, error = %e, "sign-in rejected");
            let message = match e {
                OidcError::Unavailable(_) => {
                    text::IDP_DOWN.replace("{tenant}", &tenant.display_name)
                }
                OidcError::Denied(_) => text::DENIED.to_owned(),
                OidcError::Unusable(_) => text::UNUSABLE.to_owned(),
                _ => text::FAILED.to_owned(),
            };
            return back_to_start(&session, message, None).await;
        }
    };
    // Tenant isolation starts here: the address the IdP vouches for must be in one of this
    // tenant's domains, or the user would reach another organisation's mailboxes.
    if !tenant.owns_address(&identity.email) {
        tracing::warn!(tenant = %tenant.slug, "IdP returned an address outside the tenant's domains");
        let message = text::WRONG_TENANT
            .replace("{email}", &identity.email)
            .replace("{tenant}", &tenant.display_name);
        return back_to_start(&session, message, None).await;
    }

    // A re-authentication before a sensitive action: the same person, freshly signed in.
    if let Some(expected) = &pending.reauth_subject {
        let now = app::ssr::db::now();
        let window = tenant.fresh_auth_max_age.as_secs() as i64 + 60;
        let fresh = identity.auth_time.is_some_and(|t| now - t <= window);
        if identity.subject != *expected || !fresh {
            tracing::warn!(tenant = %tenant.slug, same_subject = identity.subject == *expected, fresh, "re-authentication refused");
            let message = if identity.subject != *expected {
                text::REAUTH_OTHER_USER
            } else {
                text::REAUTH_NOT_FRESH
            };
            app::ssr::app_passwords::set_notice(&session, false, message.to_owned()).await;
            return Redirect::to("/app-passwords").into_response();
        }
    }

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
    let user = match users::upsert_on_sign_in(&state.db, &sign_in).await {
        Ok(user) => user,
        Err(e) => {
            tracing::error!(error = %e, "cannot record the user");
            return back_to_start(&session, text::INTERNAL.to_owned(), None).await;
        }
    };
    let now = app::ssr::db::now();
    let session_user = SessionUser {
        user_id: user.id,
        tenant: tenant.slug.clone(),
        subject: identity.subject.clone(),
        email: identity.email.clone(),
        name: identity.name.clone(),
        is_admin,
        authenticated_at: identity.auth_time.unwrap_or(now).min(now),
        id_token: identity.id_token,
    };
    if let Err(e) = session.sign_in(&session_user).await {
        tracing::error!(error = %e, "cannot store the session");
        return back_to_start(&session, text::INTERNAL.to_owned(), None).await;
    }
    let meta = super::request_meta(&state, peer, &headers);
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
        provision_mailbox(&state, &tenant, &user, &meta).await;
    }
    tracing::info!(tenant = %tenant.slug, user = user.id, "signed in");
    Redirect::to(local_path(Some(&pending.return_to)).unwrap_or("/account")).into_response()
}

/// Creates the user's mailbox on first sign-in when the tenant asks for it: Stalwart's own
/// OIDC provisioning only happens when someone logs in to Stalwart with an IdP token, which
/// users of app passwords never do. A failure leaves the "no mailbox yet" state.
async fn provision_mailbox(
    state: &AppState,
    tenant: &app::ssr::tenants::Tenant,
    user: &users::User,
    meta: &RequestMeta,
) {
    use app::ssr::stalwart::{AccountKind, NewAccount};
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

async fn logout(State(state): State<AppState>, session: Session) -> Response {
    let session = AppSession(session);
    let user = session.user().await.ok().flatten();
    if let Err(e) = session.sign_out().await {
        tracing::error!(error = %e, "cannot delete the session");
    }
    let Some(user) = user else {
        return Redirect::to("/").into_response();
    };
    let Some(tenant) = state.tenants.by_slug(&user.tenant).cloned() else {
        return Redirect::to("/").into_response();
    };
    // Also end the IdP session when the IdP offers it; otherwise the next "sign in" would
    // silently sign the same person in again.
    if let Ok(provider) = state.oidc.provider(&tenant, &state.redirect_uri()).await {
        let after = state.absolute("/");
        if let Some(url) = provider.end_session_url(&user.id_token, &tenant.oidc.client_id, &after)
        {
            return Redirect::to(url.as_str()).into_response();
        }
    }
    Redirect::to("/").into_response()
}

async fn back_to_start(session: &AppSession, message: String, email: Option<String>) -> Response {
    let flash = Flash {
        kind: FlashKind::Error,
        message,
        email,
    };
    if let Err(e) = session.set_flash(&flash).await {
        tracing::error!(error = %e, "cannot store the message for the start page");
    }
    Redirect::to("/").into_response()
}

/// Only same-site absolute paths are followed after sign-in: never `//host` or a URL.
fn local_path(path: Option<&str>) -> Option<&str> {
    path.filter(|p| {
        p.starts_with('/') && !p.starts_with("//") && !p.contains('\\') && !p.contains("://")
    })
}

#[cfg(test)]
mod tests {
    use super::local_path;

    #[test]
    fn only_local_paths_are_accepted_as_return_targets() {
        assert_eq!(local_path(Some("/app-passwords")), Some("/app-passwords"));
        assert_eq!(local_path(Some("//evil.example/")), None);
        assert_eq!(local_path(Some("https://evil.example/")), None);
        assert_eq!(local_path(Some("/\\evil.example")), None);
        assert_eq!(local_path(Some("account")), None);
    }
}
