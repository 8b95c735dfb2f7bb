//! App passwords: the credentials people give their mail apps. List, create (the secret is
//! shown once), revoke one or all, and an Apple configuration profile.

#[cfg(feature = "ssr")]
pub mod actions;
pub mod api;
#[cfg(feature = "ssr")]
pub mod apple;
#[cfg(feature = "ssr")]
pub mod forms;
pub mod model;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod request;
#[cfg(feature = "ssr")]
pub mod revocation;
#[cfg(feature = "ssr")]
pub mod service;
pub mod text;

crate::routing::area! {
    pages {
        "/app-passwords" => pages::AppPasswordsPage, SignedIn;
        "/app-passwords/new" => pages::NewAppPasswordPage, SignedIn;
        "/app-passwords/apple" => pages::ApplePage, SignedIn;
        "/app-passwords/revoke-all" => pages::RevokeAllPage, SignedIn;
        "/app-passwords/:id/revoke" => pages::RevokePage, SignedIn;
    }
    posts {
        "/app-passwords/new" => forms::create, SignedIn + Fresh, model::NewAppPasswordForm;
        "/app-passwords/apple" => forms::apple_profile, SignedIn + Fresh, model::NewAppPasswordForm;
        "/app-passwords/revoke-all" => forms::revoke_all, SignedIn, NoFields;
        "/app-passwords/:id/revoke" => forms::revoke, SignedIn, NoFields;
        "/app-passwords/api-keys/:id/revoke" => forms::revoke_api_key, SignedIn, NoFields;
    }
    downloads {}
}
