//! Server functions of the sign-in page.

use super::model::SignInState;
use crate::error::AppError;
use leptos::prelude::*;

#[server(endpoint = "sign_in_state")]
pub async fn get_sign_in_state() -> Result<SignInState, AppError> {
    use crate::ssr::http;
    use crate::ssr::session::FlashKind;
    let session = http::answer(http::session().await)?;
    let signed_in = session.user().await.map_err(AppError::internal)?.is_some();
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
