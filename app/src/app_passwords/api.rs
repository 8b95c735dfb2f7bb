//! Server functions of the app-password pages: thin adapters onto the service.

use super::model::{AppPasswordItem, AppPasswordsView, NewFormView};
use crate::components::layout::Me;
use crate::error::AppError;
use leptos::prelude::*;

/// Session key of the create form kept across a re-authentication.
pub const DRAFT: &str = "app_passwords.draft";

#[server(endpoint = "app_passwords")]
pub async fn get_app_passwords() -> Result<AppPasswordsView, AppError> {
    use crate::components::alert::Notice;
    use crate::ssr::http;
    let caller = http::answer(http::caller().await)?;
    let notice = http::take_flash().await?.map(Notice::from);
    http::answer(super::service::overview(&caller, notice).await)
}

#[server(endpoint = "app_password_form")]
pub async fn get_new_form() -> Result<NewFormView, AppError> {
    use crate::ssr::http;
    let caller = http::answer(http::caller().await)?;
    let draft = http::session()
        .await?
        .take(DRAFT)
        .await
        .map_err(AppError::internal)?;
    http::answer(super::service::new_form(&caller, draft).await)
}

/// One app password, for the revoke confirmation page.
#[server(endpoint = "app_password")]
pub async fn get_app_password(id: String) -> Result<(Me, AppPasswordItem), AppError> {
    use crate::ssr::http;
    let caller = http::answer(http::caller().await)?;
    http::answer(super::service::one(&caller, &id).await)
}
