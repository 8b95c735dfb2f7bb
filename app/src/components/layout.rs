//! The frame of every page: skip link, header with the organisation and navigation, main.

use super::HydrationMarker;
use crate::api::account::Me;
use leptos::prelude::*;

mod text {
    pub const FORBIDDEN_TITLE: &str = "Not available";
    pub const SKIP: &str = "Skip to content";
    pub const PRODUCT: &str = "Postern";
    pub const NAV_LABEL: &str = "Main";
    pub const ACCOUNT: &str = "My account";
    pub const APP_PASSWORDS: &str = "App passwords";
    pub const MAILBOXES: &str = "Mailboxes";
    pub const GROUPS: &str = "Groups";
    pub const AUDIT: &str = "Audit log";
    pub const DOMAINS: &str = "Domains";
    pub const SIGN_OUT: &str = "Sign out";
}

#[component]
pub fn Page(
    #[prop(optional)] me: Option<Me>,
    /// The navigation entry to mark as the current page ("/account", "/app-passwords").
    #[prop(optional)]
    current: &'static str,
    children: Children,
) -> impl IntoView {
    let link = move |href: &'static str, label: &'static str| {
        let current = (current == href).then_some("page");
        view! { <li><a href=href aria-current=current>{label}</a></li> }
    };
    view! {
        <a class="skip-link" href="#main">{text::SKIP}</a>
        <header class="site-header">
            <div class="brand">
                <a href="/" class="product">{text::PRODUCT}</a>
                {me.as_ref().map(|me| view! { <span class="tenant">{me.tenant_name.clone()}</span> })}
            </div>
            {me.as_ref().map(|me| {
                let who = me.name.clone().unwrap_or_else(|| me.email.clone());
                view! {
                    <nav aria-label=text::NAV_LABEL>
                        <ul>
                            {link("/account", text::ACCOUNT)}
                            {link("/app-passwords", text::APP_PASSWORDS)}
                            {me.is_admin.then(|| view! {
                                {link("/admin/mailboxes", text::MAILBOXES)}
                                {link("/admin/groups", text::GROUPS)}
                                {link("/admin/domains", text::DOMAINS)}
                                {link("/admin/audit", text::AUDIT)}
                            })}
                        </ul>
                    </nav>
                    <form method="post" action="/auth/logout" class="sign-out">
                        <span class="who">{who}</span>
                        <button type="submit" class="secondary">{text::SIGN_OUT}</button>
                    </form>
                }
            })}
        </header>
        <main id="main" tabindex="-1">{children()}</main>
        <HydrationMarker/>
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum AlertKind {
    Error,
    Warning,
    Info,
    Success,
}

/// A message box. Errors are announced to screen readers (`role="alert"`).
#[component]
pub fn Alert(
    kind: AlertKind,
    #[prop(optional, into)] title: Option<String>,
    children: Children,
) -> impl IntoView {
    let (class, role) = match kind {
        AlertKind::Error => ("alert error", "alert"),
        AlertKind::Warning => ("alert warning", "status"),
        AlertKind::Info => ("alert info", "status"),
        AlertKind::Success => ("alert success", "status"),
    };
    view! {
        <div class=class role=role>
            {title.map(|t| view! { <p class="alert-title">{t}</p> })}
            {children()}
        </div>
    }
}

/// What a page shows when loading its data failed: signed-out people go to the start page,
/// everyone else reads the error (which is always safe to show, see `AppError`).
pub fn error_view(e: crate::error::AppError) -> AnyView {
    use crate::error::AppError;
    match e {
        AppError::Unauthorized => view! { <leptos_router::components::Redirect path="/"/> }.into_any(),
        AppError::Forbidden => view! {
            <Page>
                <h1>{text::FORBIDDEN_TITLE}</h1>
                <Alert kind=AlertKind::Error><p>"Only administrators of your organisation can open this page."</p></Alert>
            </Page>
        }
        .into_any(),
        other => view! { <Page><Alert kind=AlertKind::Error><p>{other.to_string()}</p></Alert></Page> }.into_any(),
    }
}
