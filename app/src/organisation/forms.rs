//! Form posts of the directory sync page.

use super::model::NewScimToken;
use super::sync;
use crate::ssr::http::{Admin, no_store};
use axum::http::StatusCode;
use axum::response::Response;

/// "Check now".
pub(super) async fn check_now(a: Admin) -> Response {
    let outcome = sync::check_now(&a.scope.caller, &a.meta).await;
    a.reply.back(outcome, "/admin/organisation/sync").await
}

/// "Create a token": the page again, with the token on it this once.
pub(super) async fn new_scim_token(a: Admin) -> Response {
    match sync::new_scim_token(&a.scope.caller, &a.meta).await {
        Ok(token) => {
            let mut response = a.reply.page(NewScimToken(token), StatusCode::OK).await;
            no_store(&mut response);
            response
        }
        Err(e) => a.reply.back(Err(e), "/admin/organisation/sync").await,
    }
}
