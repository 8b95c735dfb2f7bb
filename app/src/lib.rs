//! Postern's user interface: pages rendered on the server, with small islands of
//! interactivity hydrated in the browser.

pub mod api;
pub mod components;
pub mod error;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod ssr;

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
            <Routes fallback=pages::not_found::NotFound>
                <Route path=path!("/") view=pages::sign_in::SignInPage ssr=SsrMode::Async/>
                <Route path=path!("/account") view=pages::account::AccountPage ssr=SsrMode::Async/>
                <Route path=path!("/app-passwords") view=pages::app_passwords::AppPasswordsPage ssr=SsrMode::Async/>
                <Route path=path!("/app-passwords/new") view=pages::app_passwords::NewAppPasswordPage ssr=SsrMode::Async/>
                <Route path=path!("/app-passwords/apple") view=pages::app_passwords::ApplePage ssr=SsrMode::Async/>
                <Route path=path!("/app-passwords/revoke-all") view=pages::app_passwords::RevokeAllPage ssr=SsrMode::Async/>
                <Route path=path!("/app-passwords/:id/revoke") view=pages::app_passwords::RevokePage ssr=SsrMode::Async/>
                <Route path=path!("/admin/mailboxes") view=pages::admin::MailboxesPage ssr=SsrMode::Async/>
                <Route path=path!("/admin/mailboxes/new") view=pages::admin::NewMailboxPage ssr=SsrMode::Async/>
                <Route path=path!("/admin/mailboxes/:id") view=pages::admin::MailboxPage ssr=SsrMode::Async/>
                <Route path=path!("/admin/mailboxes/:id/delete") view=pages::admin::DeleteMailboxPage ssr=SsrMode::Async/>
                <Route path=path!("/admin/groups") view=pages::admin::GroupsPage ssr=SsrMode::Async/>
                <Route path=path!("/admin/audit") view=pages::admin::AuditPage ssr=SsrMode::Async/>
                <Route path=path!("/admin/domains") view=pages::dns::DomainsPage ssr=SsrMode::Async/>
                <Route path=path!("/admin/domains/:name") view=pages::dns::DomainPage ssr=SsrMode::Async/>
            </Routes>
        </Router>
    }
}

/// Called by the wasm entry point so the linker keeps this crate's islands.
pub fn register_islands() {}
