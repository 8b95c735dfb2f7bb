//! Tenant administration: mailboxes, groups (shared mailboxes), the audit log.

pub mod api;
#[cfg(feature = "ssr")]
pub mod forms;
pub mod model;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;
pub mod text;
