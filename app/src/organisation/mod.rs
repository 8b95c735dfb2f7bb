//! The organisation: how it is set up in Postern (domains, identity provider, mail server,
//! policies), shown to its administrators. Organisations declared in postern.toml are
//! read-only here.

pub mod api;
pub mod model;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;
pub mod text;

crate::routing::area! {
    pages {
        "/admin/organisation" => pages::OrganisationPage, Admin;
    }
    posts {}
    downloads {}
}
