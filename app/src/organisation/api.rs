//! Server functions of the organisation page.

use super::model::OrganisationView;
use crate::error::AppError;
use leptos::prelude::*;

#[server(endpoint = "admin/organisation")]
pub async fn get_organisation() -> Result<OrganisationView, AppError> {
    use crate::ssr::http;
    let caller = http::answer(http::caller().await)?;
    http::answer(super::service::view(&caller))
}

#[server(endpoint = "admin/organisation/sync")]
pub async fn get_sync() -> Result<super::model::SyncView, AppError> {
    use crate::components::alert::Notice;
    use crate::ssr::http;
    let caller = http::answer(http::caller().await)?;
    let notice = http::take_flash().await?.map(Notice::from);
    http::answer(super::sync::view(&caller, notice).await)
}
