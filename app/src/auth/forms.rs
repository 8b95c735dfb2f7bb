//! Sign-in through the organisation's IdP, and sign-out. Plain form posts and redirects, so they
//! work the same with and without JavaScript.

use super::service::{self, ReauthRefusal, SignInError, Who};
use super::text;
use crate::account::pin::Mismatch;
use crate::account::text::PROTECTED_ACCOUNT;
use crate::error::AppError;
use crate::ssr::http::{Reply, RequestMeta, SignedIn, retry_after, set_notice, status_of};
use crate::ssr::http::{local_path, set_language_cookies};
use crate::ssr::limits::{Subject, Throttled};
use crate::ssr::oidc::{AuthOptions, Callback, OidcError};
use crate::ssr::session::{AppSession, Flash, FlashKind};
use crate::ssr::state::AppState;
use crate::ssr::time::now;
use axum::Form;
use axum::extract::{ConnectInfo, Query, State};
use axum::http::HeaderMap;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use serde::{Deserialize, Serialize};
use serde_json::json;
use std::net::SocketAddr;
use tower_sessions::Session;

/// The longest e-mail address there is (RFC 5321 path limit).
const MAX_EMAIL: usize = 254;

/// The audit action of a refused sign-in.
const REFUSED: crate::ssr::db::audit::Action = super::actions::SIGN_IN_REFUSED;

/// A sign-in must come back from the IdP within this many seconds.
const PENDING_LOGIN_TTL: i64 = 600;

#[derive(Serialize, Deserialize)]
pub(super) struct LoginForm {
    email: String,
    #[serde(default)]
    return_to: Option<String>,
}

pub(super) async fn login(
    State(state): State<AppState>,
    session: Session,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    parts: Parts,
    Form(form): Form<LoginForm>,
) -> Response {
    let session = AppSession(session);
    let meta = RequestMeta::of(&state, peer, &parts.headers);
    let email = form.email.trim().to_lowercase();
    let Some((_, domain)) = email
        .rsplit_once('@')
        .filter(|(l, d)| !l.is_empty() && d.contains('.') && email.len() <= MAX_EMAIL)
    else {
        return back_to_start(&session, text::NOT_AN_ADDRESS.get(), Some(form.email)).await;
    };
    let client = state.client_ip(peer.ip(), &parts.headers);
    let subjects = [
        Subject::SignInFromAddress(client),
        Subject::SignInFromNetwork(client),
        Subject::SignInAs {
            email: &email,
            from: client,
        },
    ];
    for subject in subjects {
        if let Err(limited) = state.limiter.check(subject).await {
            if let Some(organisation) = state.organisations().by_domain(domain) {
                let who = Who {
                    user_id: None,
                    email: &email,
                };
                let detail = json!({ "reason": "rate_limited" });
                service::record(&state, &organisation.slug, who, REFUSED, detail, &meta).await;
            }
            let reply = Reply::new(state.clone(), session, parts);
            return throttled(&reply, limited, Some(email.clone())).await;
        }
    }
    let Some(organisation) = state.organisations().by_domain(domain).cloned() else {
        return back_to_start(&session, text::unknown_domain(domain), Some(email)).await;
    };
    if !organisation.is_active() {
        let who = Who {
            user_id: None,
            email: &email,
        };
        let detail = json!({ "reason": "organisation_not_live" });
        service::record(&state, &organisation.slug, who, REFUSED, detail, &meta).await;
        return back_to_start(
            &session,
            text::not_live(&organisation.display_name),
            Some(email),
        )
        .await;
    }
    let provider = match state
        .oidc
        .provider(&organisation, &state.redirect_uri())
        .await
    {
        Ok(p) => p,
        Err(e) => {
            tracing::warn!(organisation = %organisation.slug, error = %e, "identity provider unavailable");
            let who = Who {
                user_id: None,
                email: &email,
            };
            let detail = json!({ "reason": "idp_unavailable" });
            service::record(&state, &organisation.slug, who, REFUSED, detail, &meta).await;
            let message = text::idp_down(&organisation.display_name);
            return back_to_start(&session, message, Some(email)).await;
        }
    };
    // `max_age` makes the IdP say when the person authenticated (OIDC Core 3.1.2.1: with it,
    // `auth_time` must be returned), so that a sign-in is fresh for the organisation's window
    // without a second round trip. As long as a session lasts, it forces no new login.
    let options = AuthOptions {
        login_hint: organisation.login_hint(&email),
        max_age: Some(organisation.session_lifetime),
        force_login: false,
    };
    let return_to = local_path(form.return_to.as_deref())
        .unwrap_or("/account")
        .to_owned();
    let (url, mut pending) = provider.authorization_request(&organisation, &options, return_to);
    pending.email = Some(email);
    if let Err(e) = session.start_login(&pending).await {
        tracing::error!(error = %e, "cannot store the pending sign-in");
        return back_to_start(&session, text::INTERNAL.get(), None).await;
    }
    Redirect::to(url.as_str()).into_response()
}

pub(super) async fn callback(
    State(state): State<AppState>,
    session: Session,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    parts: Parts,
    Query(callback): Query<Callback>,
) -> Response {
    let session = AppSession(session);
    let meta = RequestMeta::of(&state, peer, &parts.headers);
    let client = state.client_ip(peer.ip(), &parts.headers);
    for subject in [
        Subject::SignInFromAddress(client),
        Subject::SignInFromNetwork(client),
    ] {
        if let Err(limited) = state.limiter.check(subject).await {
            let reply = Reply::new(state.clone(), session, parts);
            return throttled(&reply, limited, None).await;
        }
    }
    // Removed before anything else, so a state value works once at most.
    let pending = match session.take_pending_login().await {
        Ok(Some(p)) => p,
        Ok(None) => return back_to_start(&session, text::EXPIRED.get(), None).await,
        Err(e) => {
            tracing::error!(error = %e, "session store");
            return back_to_start(&session, text::INTERNAL.get(), None).await;
        }
    };
    if now() - pending.created_at > PENDING_LOGIN_TTL {
        return back_to_start(&session, text::EXPIRED.get(), None).await;
    }
    let Some(organisation) = state
        .organisations()
        .by_slug(&pending.organisation)
        .cloned()
    else {
        return back_to_start(&session, text::EXPIRED.get(), None).await;
    };
    // A partner testing an organisation's IdP (it may not be live yet): show, never sign in.
    if pending.test {
        return super::test_sign_in::finish(&state, &session, &organisation, &pending, &callback)
            .await;
    }
    // Suspended while its person was at the IdP.
    if !organisation.is_active() {
        return back_to_start(&session, text::not_live(&organisation.display_name), None).await;
    }

    let identity = match state
        .oidc
        .finish(&organisation, &state.redirect_uri(), &pending, &callback)
        .await
    {
        Ok(identity) => identity,
        Err(e) => {
            tracing::warn!(organisation = %organisation.slug, error = %e, "sign-in rejected");
            let (message, reason) = match e {
                OidcError::Unavailable(_) => (
                    text::idp_down(&organisation.display_name),
                    "idp_unavailable",
                ),
                OidcError::Denied(_) => (text::DENIED.get(), "denied_at_idp"),
                OidcError::Unusable(_) => (text::UNUSABLE.get(), "no_email"),
                OidcError::Unverified => (text::UNVERIFIED.get(), "email_not_verified"),
                _ => (text::VERIFY_FAILED.get(), "invalid_answer"),
            };
            let who = Who {
                user_id: None,
                email: pending.email.as_deref().unwrap_or(""),
            };
            let detail = json!({ "reason": reason });
            service::record(&state, &organisation.slug, who, REFUSED, detail, &meta).await;
            return back_to_start(&session, message, None).await;
        }
    };
    // Organisation isolation starts here: the address the IdP vouches for must be in one of this
    // organisation's domains, or the user would reach another organisation's mailboxes.
    if !organisation.owns_address(&identity.email) {
        tracing::warn!(organisation = %organisation.slug, "IdP returned an address outside the organisation's domains");
        let who = Who {
            user_id: None,
            email: &identity.email,
        };
        let detail = json!({ "reason": "address_outside_organisation" });
        service::record(&state, &organisation.slug, who, REFUSED, detail, &meta).await;
        let message = text::wrong_organisation(&identity.email, &organisation.display_name);
        return back_to_start(&session, message, None).await;
    }

    // A re-authentication before a sensitive action: the same person, freshly signed in.
    if let Err(refusal) = service::check_reauth(&pending, &identity, &organisation) {
        tracing::warn!(organisation = %organisation.slug, ?refusal, "re-authentication refused");
        let (message, reason) = match refusal {
            ReauthRefusal::OtherUser => (text::REAUTH_OTHER_USER, "other_user"),
            ReauthRefusal::NotFresh => (text::REAUTH_NOT_FRESH, "not_fresh"),
        };
        let signed_in = session.user().await.ok().flatten();
        let who = Who {
            user_id: signed_in.as_ref().map(|u| u.user_id),
            email: signed_in
                .as_ref()
                .map_or(identity.email.as_str(), |u| u.email.as_str()),
        };
        let detail = json!({ "reason": reason });
        service::record(
            &state,
            &organisation.slug,
            who,
            super::actions::REAUTH_REFUSED,
            detail,
            &meta,
        )
        .await;
        set_notice(&session, false, message.into()).await;
        return Redirect::to("/app-passwords").into_response();
    }

    let email = identity.email.clone();
    let (user, chosen) = match service::sign_in(&state, &organisation, identity, &meta).await {
        Ok(signed_in) => signed_in,
        Err(SignInError::Refused(why)) => {
            tracing::warn!(organisation = %organisation.slug, ?why, "sign-in refused: mailbox pinned to someone else");
            let who = Who {
                user_id: None,
                email: &email,
            };
            let reason = match why {
                Mismatch::AddressMoved => "address_moved_to_another_mailbox",
                Mismatch::SomeoneElses => "mailbox_of_another_person",
            };
            service::record(
                &state,
                &organisation.slug,
                who,
                REFUSED,
                json!({ "reason": reason }),
                &meta,
            )
            .await;
            return back_to_start(&session, text::mailbox_not_yours(&email), None).await;
        }
        Err(SignInError::Protected(why)) => {
            tracing::warn!(organisation = %organisation.slug, ?why, "sign-in refused: the address names a protected account");
            let who = Who {
                user_id: None,
                email: &email,
            };
            let detail = json!({ "reason": "protected_account", "protection": why.audit_reason() });
            service::record(&state, &organisation.slug, who, REFUSED, detail, &meta).await;
            return back_to_start(&session, PROTECTED_ACCOUNT.into(), None).await;
        }
        Err(SignInError::Departed) => {
            tracing::warn!(organisation = %organisation.slug, "sign-in refused: the IdP's directory says the person is gone");
            let who = Who {
                user_id: None,
                email: &email,
            };
            let detail = json!({ "reason": "departed" });
            service::record(&state, &organisation.slug, who, REFUSED, detail, &meta).await;
            return back_to_start(&session, text::DEPARTED.get(), None).await;
        }
        Err(SignInError::Failed(e)) => {
            tracing::error!(error = %e, "cannot record the user");
            return back_to_start(&session, text::INTERNAL.get(), None).await;
        }
    };
    // A new sign-in replaces the session's previous one (a re-authentication, a refresh).
    if let Ok(Some(previous)) = session.user().await {
        service::end_login(&state, &previous).await;
    }
    if let Err(e) = session.sign_in(&user).await {
        tracing::error!(error = %e, "cannot store the session");
        return back_to_start(&session, text::INTERNAL.get(), None).await;
    }
    tracing::info!(organisation = %organisation.slug, user = user.user_id, "signed in");
    let mut response =
        Redirect::to(local_path(Some(&pending.return_to)).unwrap_or("/account")).into_response();
    // The language chosen on another device comes along; the organisation's default is
    // there for a browser that asks for no language Postern speaks.
    set_language_cookies(
        &mut response,
        state.cookies_secure(),
        chosen,
        Some(organisation.default_locale),
    );
    response
}

pub(super) async fn logout(
    State(state): State<AppState>,
    session: Session,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
) -> Response {
    let session = AppSession(session);
    let user = session.user().await.ok().flatten();
    // The login ends first: a request still in flight that writes the session back cannot
    // sign anyone in again.
    if let Some(user) = &user {
        service::end_login(&state, user).await;
    }
    if let Err(e) = session.sign_out().await {
        tracing::error!(error = %e, "cannot delete the session");
    }
    let Some(user) = user else {
        return Redirect::to("/").into_response();
    };
    let meta = RequestMeta::of(&state, peer, &headers);
    let who = Who {
        user_id: Some(user.user_id),
        email: &user.email,
    };
    service::record(
        &state,
        &user.organisation,
        who,
        super::actions::SIGN_OUT,
        json!({}),
        &meta,
    )
    .await;
    let Some(organisation) = state.organisations().by_slug(&user.organisation).cloned() else {
        return Redirect::to("/").into_response();
    };
    // Also end the IdP session when the IdP offers it; otherwise the next "sign in" would
    // silently sign the same person in again.
    if let Ok(provider) = state
        .oidc
        .provider(&organisation, &state.redirect_uri())
        .await
    {
        let after = state.absolute("/");
        if let Some(url) =
            provider.end_session_url(&user.id_token, &organisation.oidc.client_id, &after)
        {
            return Redirect::to(url.as_str()).into_response();
        }
    }
    Redirect::to("/").into_response()
}

/// The start page, answering 429 with `Retry-After` and the reason.
async fn throttled(reply: &Reply, limited: Throttled, email: Option<String>) -> Response {
    let error = AppError::RateLimited(limited.retry_after_secs);
    tracing::warn!(
        retry_after = limited.retry_after_secs,
        "sign-in rate-limited"
    );
    store_flash(&reply.session, error.to_string(), email).await;
    let mut response = reply.page_at("/", (), status_of(&error)).await;
    retry_after(&mut response, &error);
    response
}

#[derive(Deserialize)]
pub(super) struct RefreshQuery {
    #[serde(default)]
    return_to: Option<String>,
}

/// Asks the IdP for a signed-in admin's groups again, and comes back to the page.
pub(super) async fn refresh(s: SignedIn, Query(query): Query<RefreshQuery>) -> Response {
    let return_to = local_path(query.return_to.as_deref()).unwrap_or("/account");
    let sent = match service::refresh_sign_in(&s.caller, return_to).await {
        Ok(request) => crate::ssr::http::to_idp(&s.reply.session, request).await,
        Err(e) => Err(e),
    };
    match sent {
        Ok(response) => response,
        Err(e) => s.reply.back(Err(e), "/account").await,
    }
}

async fn back_to_start(session: &AppSession, message: String, email: Option<String>) -> Response {
    store_flash(session, message, email).await;
    Redirect::to("/").into_response()
}

/// The message for the start page, with the address to put back (never an unbounded one:
/// anyone can post this form, and the session is stored).
async fn store_flash(session: &AppSession, message: String, email: Option<String>) {
    let flash = Flash {
        kind: FlashKind::Error,
        message,
        email: email.filter(|e| e.len() <= MAX_EMAIL),
    };
    if let Err(e) = session.set_flash(&flash).await {
        tracing::error!(error = %e, "cannot store the message for the start page");
    }
}

impl crate::routing::Sample for LoginForm {
    fn sample(t: &crate::routing::Target) -> Self {
        LoginForm {
            email: t.address.clone(),
            return_to: None,
        }
    }
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
        assert_eq!(local_path(Some("/\nSet-Cookie:x")), None);
        assert_eq!(local_path(Some("/a\u{7f}b")), None);
        assert_eq!(
            local_path(Some("/%2F%2Fevil.example")),
            Some("/%2F%2Fevil.example")
        );
    }
}
