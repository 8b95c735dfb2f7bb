//! "My account": who is signed in, and their mailbox on the mail server.

#[cfg(feature = "ssr")]
pub mod actions;
pub mod api;
#[cfg(feature = "ssr")]
pub mod forms;
#[cfg(feature = "ssr")]
pub mod mailbox_name;
pub mod model;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod pin;
#[cfg(feature = "ssr")]
pub mod service;
pub mod text;

crate::routing::area! {
    pages {
        "/account" => pages::AccountPage, SignedIn;
    }
    posts {
        "/account/sessions/sign-out" => forms::sign_out_all, SignedIn, NoFields;
        "/account/language" => forms::choose_language, Public, forms::LanguageForm;
    }
    downloads {}
}
