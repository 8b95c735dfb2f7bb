//! Domains: the DNS records and DKIM keys to publish, and whether the world sees them.

pub mod api;
#[cfg(feature = "ssr")]
pub mod forms;
pub mod model;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;
pub mod text;
