//! Domains: the DNS records and DKIM keys to publish, and whether the world sees them.

pub mod api;
#[cfg(feature = "ssr")]
pub mod forms;
pub mod model;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;
pub mod text;

crate::routing::area! {
    pages {
        "/admin/domains" => pages::DomainsPage, Admin;
        "/admin/domains/:name" => pages::DomainPage, Admin;
    }
    posts {
        "/admin/domains/:name/check" => forms::check_again, Admin, NoFields;
    }
    downloads {
        "/admin/domains/:name/zone" => forms::zone_file, Admin;
        "/admin/domains/:name/check-status" => forms::check_status, Admin;
    }
}
