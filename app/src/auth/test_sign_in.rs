//! A partner's test sign-in: the callback of a sign-in started to try an organisation's IdP
//! (it may not be live yet). Verified like any other; what it showed goes to the page that
//! asked, and the partner's own session is left as it is.

use super::text;
use crate::ssr::http::local_path;
use crate::ssr::oidc::{Callback, OidcError, TEST_SIGN_IN, TestClaims, TestSignIn};
use crate::ssr::session::AppSession;
use crate::ssr::state::AppState;
use axum::response::{IntoResponse, Redirect, Response};

/// Verifies a partner's test sign-in like any other, and hands what it showed to the page
/// that asked for it. The partner's own session is left as it is.
pub(super) async fn finish(
    state: &AppState,
    session: &AppSession,
    organisation: &crate::ssr::organisations::Organisation,
    pending: &crate::ssr::oidc::PendingLogin,
    callback: &Callback,
) -> Response {
    let result = match state
        .oidc
        .finish(organisation, &state.redirect_uri(), pending, callback)
        .await
    {
        Ok(identity) => Ok(TestClaims {
            subject: identity.subject,
            email: identity.email,
            name: identity.name,
            groups: identity.groups,
        }),
        Err(e) => {
            tracing::info!(organisation = %organisation.slug, error = %e, "test sign-in failed");
            // What the token said helps the partner set the IdP up; where its URLs lead
            // (hosts, ports, network errors) is for the log only.
            Err(match e {
                OidcError::Unavailable(_) => text::TEST_IDP_UNREACHABLE.get(),
                OidcError::NotAllowed(_) => text::TEST_IDP_INSIDE.get(),
                OidcError::Unverified => text::TEST_IDP_UNVERIFIED.get(),
                // The category in the partner's language; the detail (the IdP's or the token
                // library's own words) as it came, since it is what they will search for.
                OidcError::Misconfigured(detail) => {
                    text::test_idp(text::TEST_IDP_MISCONFIGURED, &detail)
                }
                OidcError::Denied(detail) => text::test_idp(text::TEST_IDP_DENIED, &detail),
                OidcError::Exchange(detail) => text::test_idp(text::TEST_IDP_EXCHANGE, &detail),
                OidcError::InvalidToken(detail) => text::test_idp(text::TEST_IDP_TOKEN, &detail),
                OidcError::Unusable(detail) => text::test_idp(text::TEST_IDP_UNUSABLE, &detail),
            })
        }
    };
    let outcome = TestSignIn {
        organisation: organisation.slug.clone(),
        result,
    };
    if let Err(e) = session.0.insert(TEST_SIGN_IN, &outcome).await {
        tracing::error!(error = %e, "cannot keep the test sign-in result");
    }
    Redirect::to(local_path(Some(&pending.return_to)).unwrap_or("/")).into_response()
}
