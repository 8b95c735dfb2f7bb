//! The frame of every page: skip link, header with the organisation and navigation, main.

use super::islands::HydrationMarker;
use super::text;
use crate::i18n::{self, Locale};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The signed-in person, as every page header shows them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Me {
    pub name: Option<String>,
    pub email: String,
    pub organisation_name: String,
    pub is_admin: bool,
    /// An admin of a partner organisation: the Partners page is theirs.
    #[serde(default)]
    pub is_partner: bool,
}

#[component]
pub fn Page(
    #[prop(optional)] me: Option<Me>,
    /// The navigation entry to mark as the current page ("/account", "/app-passwords").
    #[prop(optional)]
    current: &'static str,
    children: Children,
) -> impl IntoView {
    let link = move |href: &'static str, label: crate::i18n::Key| {
        let current = (current == href).then_some("page");
        view! { <li><a href=href aria-current=current>{label}</a></li> }
    };
    view! {
        <a class="skip-link" href="#main">{text::SKIP}</a>
        <header class="site-header">
            <div class="brand">
                <a href="/" class="product">{text::PRODUCT}</a>
                {me.as_ref().map(|me| view! { <span class="organisation">{me.organisation_name.clone()}</span> })}
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
                                {link("/admin/organisation", text::ORGANISATION)}
                            })}
                            {me.is_partner.then(|| link("/partners", text::PARTNERS))}
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
        <footer class="site-footer"><LanguageSelector/></footer>
        <HydrationMarker/>
    }
}

/// Choose the language of every page: a plain form (no JavaScript needed) that comes back to
/// the page it was sent from. Each language is named in itself.
#[component]
fn LanguageSelector() -> impl IntoView {
    let current = i18n::current();
    let location = leptos_router::hooks::use_location();
    let back = location.pathname.get_untracked() + &location.search.get_untracked();
    view! {
        <form method="post" action="/account/language" class="language">
            <input type="hidden" name="back" value=back/>
            <label for="language">{i18n::text::LANGUAGE_LABEL}</label>
            <select id="language" name="language">{language_options(Some(current))}</select>
            <button type="submit" class="secondary">{i18n::text::LANGUAGE_CHANGE}</button>
        </form>
    }
}

/// The `<option>`s of every language, each named in itself, `chosen` selected: the frame's
/// selector and an organisation's default language use the same list.
pub fn language_options(chosen: Option<Locale>) -> impl IntoView + use<> {
    Locale::ALL
        .map(|locale| {
            view! {
                <option value=locale.code() lang=locale.code() selected=chosen == Some(locale)>
                    {i18n::text::LANGUAGE_NAME.get_in(locale)}
                </option>
            }
        })
        .into_iter()
        .collect_view()
}
