//! The simulated server's data and the `x:` methods over it, answering in the exact shapes of
//! ../shared/stalwart/live (key order included, thanks to serde_json's `preserve_order`). One
//! file per object family.

mod accounts;
mod app_passwords;
mod auth_events;
mod dispatch;
mod dns;
mod domains;
mod json;
mod seed;
mod tasks;
mod telemetry;
mod types;
mod webhooks;

pub use auth_events::Connection;
pub(crate) use json::now_rfc3339;
pub use json::verify_password;
pub(crate) use tasks::JobWork;
pub use telemetry::ReloadFailure;
pub(crate) use telemetry::{Event, HookSettings, TelemetryMessage};
pub use types::*;
