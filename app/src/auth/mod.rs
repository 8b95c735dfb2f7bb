//! Signing in through the organisation's identity provider, and signing out.

pub mod api;
#[cfg(feature = "ssr")]
pub mod forms;
pub mod model;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;
pub mod text;
