//! Postern's application: one folder per area (its table of pages and posts in `mod.rs`, then
//! pages, forms, services, texts), the plumbing every area shares in `ssr` (database, OIDC,
//! the Stalwart client, sessions, configuration; server side only), and the pieces the pages
//! share in `components`. Pages render on the server, with small islands hydrated in the
//! browser; the same crate, built for wasm, holds only the pages and their models.

pub mod account;
pub mod activity;
pub mod admin;
pub mod app_passwords;
pub mod auth;
pub mod components;
pub mod domains;
pub mod error;
pub mod i18n;
pub mod notifications;
pub mod organisation;
pub mod partners;
pub mod routing;
pub mod scim;
#[cfg(feature = "ssr")]
pub mod ssr;

use components::not_found;
use leptos::prelude::*;
use leptos_meta::{MetaTags, Title, provide_meta_context};
use leptos_router::components::{Router, Routes};

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
    let locale = i18n::current();
    provide_context(locale);
    view! {
        <!DOCTYPE html>
        <html lang=locale.code()>
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
                <auth::Pages/>
                <account::Pages/>
                <app_passwords::Pages/>
                <admin::Pages/>
                <domains::Pages/>
                <organisation::Pages/>
                <partners::Pages/>
            </Routes>
        </Router>
    }
}

/// Called by the wasm entry point so the linker keeps this crate's islands.
pub fn register_islands() {}

/// Every area's table (pages, posts, downloads): the router is built from it, and the
/// boundary tests walk it.
#[cfg(feature = "ssr")]
pub fn routes() -> Vec<routing::Route> {
    [
        auth::table(),
        account::table(),
        app_passwords::table(),
        admin::table(),
        domains::table(),
        organisation::table(),
        partners::table(),
        scim::table(),
        activity::table(),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// Every audit action the areas declare, sorted: the audit page offers these as filter
/// choices, and the tests check that the log holds no other.
#[cfg(feature = "ssr")]
pub fn audit_actions() -> Vec<ssr::db::audit::Action> {
    let mut all: Vec<_> = [
        auth::actions::ALL,
        account::actions::ALL,
        app_passwords::actions::ALL,
        admin::actions::ALL,
        partners::actions::ALL,
        activity::actions::ALL,
        ssr::directory::actions::ALL,
        ssr::departures::actions::ALL,
    ]
    .concat();
    all.sort();
    all
}
