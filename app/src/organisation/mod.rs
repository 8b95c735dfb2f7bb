//! The organisation: how it is set up in Postern (domains, identity provider, mail server,
//! policies), shown to its administrators. Organisations declared in postern.toml are
//! read-only here.

pub mod api;
#[cfg(feature = "ssr")]
mod forms;
pub mod model;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod sync;
pub mod text;

crate::routing::area! {
    pages {
        "/admin/organisation" => pages::OrganisationPage, Admin;
        "/admin/organisation/sync" => pages::SyncPage, Admin;
    }
    posts {
        "/admin/organisation/sync" => forms::new_scim_token, Admin + Fresh, NoFields;
        "/admin/organisation/sync/check" => forms::check_now, Admin, NoFields;
    }
    downloads {}
}
