//! The simulated server's data and the `x:` methods over it, answering in the exact shapes of
//! ../shared/stalwart/live (key order included, thanks to serde_json's `preserve_order`). One
//! file per object family.

mod accounts;
mod app_passwords;
mod dispatch;
mod domains;
mod json;
mod seed;
mod types;

pub use json::verify_password;
pub use types::*;
