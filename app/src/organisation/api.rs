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
