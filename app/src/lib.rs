//! Postern's user interface: pages rendered on the server, with small islands of
//! interactivity hydrated in the browser.

pub mod account;
pub mod admin;
pub mod app_passwords;
pub mod auth;
pub mod components;
pub mod domains;
pub mod error;
pub mod organisation;
pub mod partners;
#[cfg(feature = "ssr")]
pub mod ssr;

use components::not_found;
use leptos::prelude::*;
use leptos_meta::{MetaTags, Title, provide_meta_context};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{SsrMode, path};

/// The name cargo-leptos gives the site's JS, wasm and CSS (`/pkg/postern.*`).
pub const SITE_NAME: &str = "postern";

/// The CSP nonce of the current response, put into the request by the security layer.
#[derive(Clone, Debug)]
pub struct CspNonce(pub String);

/// The HTML document around every page.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(parts) = use_context::<http::request::Parts>()
        && let Some(nonce) = parts.extensions.get::<CspNonce>()
    {
        provide_context(leptos::nonce::Nonce::from_value(nonce.0.clone()));
    }
    view! {
        <!DOCTYPE html>
        <html lang="en">
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="color-scheme" content="light dark"/>
                <link rel="stylesheet" href=format!("/pkg/{SITE_NAME}.css")/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                <AutoReload options=options.clone()/>
                <HydrationScripts options islands=true/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <Title formatter=|page: String| format!("{page} · Postern")/>
        <Router>
            <Routes fallback=not_found::NotFound>
                <Route path=path!("/") view=auth::pages::SignInPage ssr=SsrMode::Async/>
                <Route path=path!("/account") view=account::pages::AccountPage ssr=SsrMode::Async/>
                <Route path=path!("/app-passwords") view=app_passwords::pages::AppPasswordsPage ssr=SsrMode::Async/>
                <Route path=path!("/app-passwords/new") view=app_passwords::pages::NewAppPasswordPage ssr=SsrMode::Async/>
                <Route path=path!("/app-passwords/apple") view=app_passwords::pages::ApplePage ssr=SsrMode::Async/>
                <Route path=path!("/app-passwords/revoke-all") view=app_passwords::pages::RevokeAllPage ssr=SsrMode::Async/>
                <Route path=path!("/app-passwords/:id/revoke") view=app_passwords::pages::RevokePage ssr=SsrMode::Async/>
                <Route path=path!("/admin/mailboxes") view=admin::pages::MailboxesPage ssr=SsrMode::Async/>
                <Route path=path!("/admin/mailboxes/new") view=admin::pages::NewMailboxPage ssr=SsrMode::Async/>
                <Route path=path!("/admin/mailboxes/:id") view=admin::pages::MailboxPage ssr=SsrMode::Async/>
                <Route path=path!("/admin/mailboxes/:id/delete") view=admin::pages::DeleteMailboxPage ssr=SsrMode::Async/>
                <Route path=path!("/admin/groups") view=admin::pages::GroupsPage ssr=SsrMode::Async/>
                <Route path=path!("/admin/audit") view=admin::pages::AuditPage ssr=SsrMode::Async/>
                <Route path=path!("/admin/domains") view=domains::pages::DomainsPage ssr=SsrMode::Async/>
                <Route path=path!("/admin/domains/:name") view=domains::pages::DomainPage ssr=SsrMode::Async/>
                <Route path=path!("/admin/organisation") view=organisation::pages::OrganisationPage ssr=SsrMode::Async/>
                <Route path=path!("/partners") view=partners::pages::PartnersPage ssr=SsrMode::Async/>
                <Route path=path!("/partners/new") view=partners::pages::NewOrganisationPage ssr=SsrMode::Async/>
                <Route path=path!("/partners/organisations/:slug") view=partners::pages::ConsolePage ssr=SsrMode::Async/>
                <Route path=path!("/partners/organisations/:slug/remove") view=partners::pages::RemoveOrganisationPage ssr=SsrMode::Async/>
                <Route path=path!("/test-sign-in/:token") view=partners::pages::TestLinkPage ssr=SsrMode::Async/>
            </Routes>
        </Router>
    }
}

/// Called by the wasm entry point so the linker keeps this crate's islands.
pub fn register_islands() {}

/// Every area's form posts and downloads: the router is built from this list, and the
/// boundary tests walk it.
#[cfg(feature = "ssr")]
pub fn routes() -> Vec<ssr::http::Route> {
    [
        auth::forms::routes(),
        account::forms::routes(),
        app_passwords::forms::routes(),
        admin::forms::routes(),
        domains::forms::routes(),
        partners::forms::routes(),
    ]
    .into_iter()
    .flatten()
    .collect()
}
