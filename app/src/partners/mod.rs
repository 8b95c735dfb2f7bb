//! The partner console: an MSP's administrators onboard organisations (domain proven, mail
//! server bound, IdP tested, live) and look after them. The operator partner sees them all.

pub mod api;
#[cfg(feature = "ssr")]
pub mod forms;
pub mod model;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;
pub mod text;
