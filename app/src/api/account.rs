//! Who is signed in, and their mailbox.

use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The signed-in person, as every page header shows them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Me {
    pub name: Option<String>,
    pub email: String,
    pub tenant_name: String,
    pub is_admin: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mailbox {
    pub address: String,
    pub display_name: Option<String>,
    pub used_bytes: u64,
    pub quota_bytes: Option<u64>,
    pub aliases: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum MailboxStatus {
    Found(Mailbox),
    /// Stalwart has no account for the user's address.
    Missing,
    /// Stalwart could not be asked; the message says why and what to do.
    Unavailable(String),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AccountOverview {
    pub me: Me,
    pub mailbox: MailboxStatus,
}

/// What the sign-in page needs: a message from a failed attempt, and whether someone is
/// already signed in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct SignInState {
    pub error: Option<String>,
    pub email: Option<String>,
    pub signed_in: bool,
}

#[server(endpoint = "sign_in_state")]
pub async fn get_sign_in_state() -> Result<SignInState, AppError> {
    use crate::ssr::session::{AppSession, FlashKind};
    let session: tower_sessions::Session = leptos_axum::extract()
        .await
        .map_err(|e| AppError::internal(format!("session: {e:?}")))?;
    let session = AppSession(session);
    let signed_in = session.user().await.map_err(AppError::internal)?.is_some();
    let flash = session.take_flash().await.map_err(AppError::internal)?;
    Ok(SignInState {
        error: flash
            .as_ref()
            .filter(|f| f.kind == FlashKind::Error)
            .map(|f| f.message.clone()),
        email: flash.and_then(|f| f.email),
        signed_in,
    })
}

#[server(endpoint = "me")]
pub async fn get_me() -> Result<Me, AppError> {
    let caller = crate::ssr::caller().await?;
    Ok(crate::ssr::account::me(&caller))
}

#[server(endpoint = "account_overview")]
pub async fn get_account_overview() -> Result<AccountOverview, AppError> {
    let caller = crate::ssr::caller().await?;
    Ok(crate::ssr::account::overview(&caller).await)
}
