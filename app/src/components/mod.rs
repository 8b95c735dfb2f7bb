//! Widgets shared by pages. Most render on the server only; `#[island]`s also run in the
//! browser.

mod islands;
mod layout;

pub use islands::{CopyButton, HydrationMarker, PendingSubmit, ReloadWhenDone};
pub use layout::{Alert, AlertKind, Page, error_view};
