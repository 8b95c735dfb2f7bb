//! Server functions: thin adapters from the browser to `crate::ssr`. DTOs in, DTOs out.

pub mod account;
pub mod admin;
pub mod app_passwords;
pub mod dns;
