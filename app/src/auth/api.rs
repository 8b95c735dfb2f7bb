//! Server functions of the sign-in page.

use super::model::SignInState;
use crate::error::AppError;
use leptos::prelude::*;

#[server(endpoint = "sign_in_state")]
pub async fn get_sign_in_state() -> Result<SignInState, AppError> {
    use crate::ssr::http;
    use crate::ssr::session::FlashKind;
    // Signed in means a valid login, not just a user in the session: an ended login
    // (signed out elsewhere, expired) is somebody who must sign in again.
    let signed_in = http::caller().await.is_ok();
    let session = http::answer(http::session().await)?;
    let flash = session.take_flash().await.map_err(AppError::internal)?;
    Ok(SignInState {
        error: flash
            .as_ref()
            .filter(|f| f.kind == FlashKind::Error)
            .map(|f| f.message.clone()),
        notice: flash
            .as_ref()
            .filter(|f| f.kind == FlashKind::Info)
            .map(|f| f.message.clone()),
        email: flash.and_then(|f| f.email),
        signed_in,
    })
}
