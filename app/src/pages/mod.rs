//! One module per page. User-facing text sits in a `text` module at the top of each.

pub mod account;
pub mod admin;
pub mod app_passwords;
pub mod dns;
pub mod not_found;
pub mod sign_in;
