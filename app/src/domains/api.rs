//! Server functions of the domain pages.

use super::model::{DomainView, DomainsView};
use crate::error::AppError;
use leptos::prelude::*;

#[server(endpoint = "admin/domains")]
pub async fn get_domains() -> Result<DomainsView, AppError> {
    use crate::ssr::http;
    let scope = http::answer(http::admin_scope().await)?;
    Ok(super::service::list(&scope))
}

#[server(endpoint = "admin/domain")]
pub async fn get_domain(name: String) -> Result<DomainView, AppError> {
    use crate::components::alert::Notice;
    use crate::ssr::http;
    let scope = http::answer(http::admin_scope().await)?;
    let notice = http::take_flash().await?.map(Notice::from);
    http::answer(super::service::domain_view(&scope, &name, notice).await)
}
