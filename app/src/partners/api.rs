//! Server functions of the partner console: thin adapters onto the service. Each one answers
//! for the signed-in partner admin's organisations only.

use super::model::{ConsoleView, NewOrganisationView, PartnersView, RemoveView, TestLinkView};
use crate::error::AppError;
use leptos::prelude::*;

/// Session key of a refused form's values and errors (never a secret).
pub const DRAFT: &str = "partners.draft";
/// Session key of the last connection test or discovery, shown once.
pub const REPORT: &str = "partners.report";

#[cfg(feature = "ssr")]
async fn scope() -> Result<super::service::PartnerScope, AppError> {
    use crate::ssr::http;
    let caller = http::answer(http::caller().await)?;
    http::answer(super::service::PartnerScope::of(caller))
}

#[cfg(feature = "ssr")]
async fn take<T: serde::de::DeserializeOwned>(key: &str) -> Result<Option<T>, AppError> {
    crate::ssr::http::session()
        .await?
        .take(key)
        .await
        .map_err(AppError::internal)
}

#[server(endpoint = "partners/list")]
pub async fn get_partners(q: Option<String>, page: Option<u64>) -> Result<PartnersView, AppError> {
    use crate::components::alert::Notice;
    use crate::ssr::http;
    let scope = scope().await?;
    let notice = http::take_flash().await?.map(Notice::from);
    let (q, page) = (q.unwrap_or_default(), page.unwrap_or(1));
    http::answer(super::service::console::list(&scope, notice, q, page).await)
}

#[server(endpoint = "partners/new")]
pub async fn get_new_organisation() -> Result<NewOrganisationView, AppError> {
    let scope = scope().await?;
    Ok(super::service::console::new_view(
        &scope,
        take(DRAFT).await?,
    ))
}

#[server(endpoint = "partners/organisation")]
pub async fn get_console(slug: String) -> Result<ConsoleView, AppError> {
    use crate::components::alert::Notice;
    use crate::ssr::http;
    let scope = scope().await?;
    let notice = http::take_flash().await?.map(Notice::from);
    let (report, draft) = (take(REPORT).await?, take(DRAFT).await?);
    http::answer(super::service::console::console(&scope, &slug, notice, report, draft).await)
}

#[server(endpoint = "partners/remove")]
pub async fn get_remove(slug: String) -> Result<RemoveView, AppError> {
    use crate::components::alert::Notice;
    use crate::ssr::http;
    let scope = scope().await?;
    let notice = http::take_flash().await?.map(Notice::from);
    let draft = take(DRAFT).await?;
    http::answer(super::service::console::remove_view(&scope, &slug, notice, draft).await)
}

/// A one-time test link, for anyone who has it: which organisation it is for.
#[server(endpoint = "partners/test_link")]
pub async fn get_test_link(token: String) -> Result<TestLinkView, AppError> {
    use crate::ssr::http;
    let state = leptos::prelude::use_context::<crate::ssr::state::AppState>()
        .ok_or_else(|| AppError::internal("AppState missing from context"))?;
    let organisation = http::answer(super::service::idp::link_organisation(&state, &token).await)?;
    Ok(TestLinkView {
        organisation,
        token,
    })
}
