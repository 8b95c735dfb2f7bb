//! OpenID Connect Back-Channel Logout 1.0: the organisation's IdP posts a signed logout token
//! when a person signs out there (or an admin ends their IdP session), and their Postern
//! sessions end on every instance. Mail credentials stay: a logout is not a deactivation
//! (that is SCIM's or the reconciler's word, `ssr::departures`).
//!
//! Register `<public_url>/auth/backchannel-logout/<organisation>` as the client's back-channel
//! logout URI at the IdP.

use crate::ssr::db::{audit, logins, logout_tokens, users};
use crate::ssr::departures::actions::PERSON_LOGGED_OUT;
use crate::ssr::state::AppState;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::json;

#[derive(Deserialize)]
pub struct LogoutForm {
    logout_token: Option<String>,
}

/// The spec's answers: 200 when done, 400 with an OAuth error otherwise; never cached.
fn answer(status: StatusCode, error: Option<(&str, String)>) -> Response {
    let body = match error {
        Some((code, description)) => {
            json!({ "error": code, "error_description": description }).to_string()
        }
        None => String::new(),
    };
    let mut response = (status, body).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if status != StatusCode::OK {
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
    }
    response
}

pub async fn backchannel_logout(
    State(state): State<AppState>,
    Path(org): Path<String>,
    axum::Form(form): axum::Form<LogoutForm>,
) -> Response {
    let refused = |why: String| {
        tracing::warn!(organisation = %org, %why, "back-channel logout refused");
        answer(StatusCode::BAD_REQUEST, Some(("invalid_request", why)))
    };
    let Some(token) = form.logout_token.filter(|t| !t.is_empty()) else {
        return refused("no logout_token".into());
    };
    let Some(organisation) = state.organisations().by_slug(&org).cloned() else {
        return refused("no such organisation".into());
    };
    let verified = match state
        .oidc
        .verify_logout(&organisation, &state.redirect_uri(), &token)
        .await
    {
        Ok(verified) => verified,
        Err(e) => return refused(e.to_string()),
    };
    match logout_tokens::first_use(
        &state.db,
        &verified.issuer,
        &verified.jti,
        verified.expires_at,
    )
    .await
    {
        Ok(true) => {}
        Ok(false) => return refused("this logout token was used before".into()),
        Err(e) => {
            tracing::error!(error = %e, "cannot record a logout token");
            return answer(
                StatusCode::INTERNAL_SERVER_ERROR,
                Some(("server_error", "try again".into())),
            );
        }
    }
    let person = match users::with_subject(&state.db, &organisation.slug, &verified.subject).await {
        Ok(Some(person)) => person,
        // Never signed in here: nothing to end.
        Ok(None) => return answer(StatusCode::OK, None),
        Err(e) => {
            tracing::error!(error = %e, "cannot read the person of a logout token");
            return answer(
                StatusCode::INTERNAL_SERVER_ERROR,
                Some(("server_error", "try again".into())),
            );
        }
    };
    let ended = match &verified.sid {
        Some(sid) => logins::end_idp_session(&state.db, &organisation.slug, person.id, sid).await,
        None => logins::end_all(&state.db, &organisation.slug, person.id).await,
    };
    let ended = match ended {
        Ok(ended) => ended,
        Err(e) => {
            tracing::error!(error = %e, "cannot end a person's sessions");
            return answer(
                StatusCode::INTERNAL_SERVER_ERROR,
                Some(("server_error", "try again".into())),
            );
        }
    };
    let event = audit::NewEvent {
        organisation: &organisation.slug,
        actor_id: None,
        actor_email: crate::ssr::db::audit::system_actors::BACKCHANNEL_LOGOUT,
        action: PERSON_LOGGED_OUT,
        account_id: None,
        target: Some(&person.email),
        detail: json!({ "sessions": ended, "idp_session": verified.sid }),
        ip: None,
        user_agent: None,
    };
    if let Err(e) = audit::record(&state.db, &event).await {
        tracing::error!(error = %e, "cannot write the audit log");
    }
    tracing::info!(organisation = %organisation.slug, user = person.id, sessions = ended,
        "the IdP ended a person's sessions");
    answer(StatusCode::OK, None)
}
