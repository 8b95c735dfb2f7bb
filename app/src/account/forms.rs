//! The form posts of "My account": signing out of every session.

use super::service::sign_out_everywhere;
use super::text;
use crate::ssr::http::SignedIn;
use crate::ssr::session::{Flash, FlashKind};
use axum::response::{IntoResponse, Redirect, Response};

/// Ends every session of the person, this one included, and says so on the start page.
pub(super) async fn sign_out_all(s: SignedIn) -> Response {
    if let Err(e) = sign_out_everywhere(&s.caller, &s.meta).await {
        return s.reply.back(Err(e), "/account").await;
    }
    let session = &s.reply.session;
    if let Err(e) = session.sign_out().await {
        tracing::error!(error = %e, "cannot delete the session");
    }
    let flash = Flash {
        kind: FlashKind::Info,
        message: text::SIGNED_OUT_EVERYWHERE.into(),
        email: None,
    };
    if let Err(e) = session.set_flash(&flash).await {
        tracing::error!(error = %e, "cannot store the notice");
    }
    Redirect::to("/").into_response()
}
