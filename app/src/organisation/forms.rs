//! Form posts of the directory sync page.

use super::model::NewScimToken;
use super::sync;
use crate::auth::service::{fresh_sign_in, is_fresh};
use crate::ssr::http::{Admin, no_store, to_idp};
use axum::http::StatusCode;
use axum::response::Response;

const PAGE: &str = "/admin/organisation/sync";

/// "Check now".
pub(super) async fn check_now(a: Admin) -> Response {
    let outcome = sync::check_now(&a.scope.caller, &a.meta).await;
    a.reply.back(outcome, PAGE).await
}

/// "Create a token": the page again, with the token on it this once. The token can tell
/// Postern that anyone of the organisation left (and so revoke their app passwords): a sign-in
/// older than the organisation's `fresh_auth_max_age` goes to the IdP first, and comes back to
/// the page to press the button again.
pub(super) async fn new_scim_token(a: Admin) -> Response {
    let caller = &a.scope.caller;
    if !is_fresh(&caller.user, caller.organisation.fresh_auth_max_age) {
        let sent = match fresh_sign_in(caller, PAGE).await {
            Ok(request) => to_idp(&a.reply.session, request).await,
            Err(e) => Err(e),
        };
        return match sent {
            Ok(response) => response,
            Err(e) => a.reply.back(Err(e), PAGE).await,
        };
    }
    match sync::new_scim_token(caller, &a.meta).await {
        Ok(token) => {
            let mut response = a.reply.page(NewScimToken(token), StatusCode::OK).await;
            no_store(&mut response);
            response
        }
        Err(e) => a.reply.back(Err(e), PAGE).await,
    }
}
