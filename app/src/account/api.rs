//! Server functions of "My account": thin adapters onto the service.

use super::model::{AccountOverview, Me};
use crate::error::AppError;
use leptos::prelude::*;

#[server(endpoint = "me")]
pub async fn get_me() -> Result<Me, AppError> {
    use crate::ssr::http;
    http::answer(http::caller().await.map(|c| super::service::me(&c)))
}

#[server(endpoint = "account_overview")]
pub async fn get_account_overview() -> Result<AccountOverview, AppError> {
    use crate::ssr::http;
    let caller = http::answer(http::caller().await)?;
    Ok(super::service::overview(&caller).await)
}
