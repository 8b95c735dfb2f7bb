//! App passwords: the credentials people give their mail apps. List, create (the secret is
//! shown once), revoke one or all, and an Apple configuration profile.

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
pub mod service;
pub mod text;
