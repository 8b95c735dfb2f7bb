//! Widgets shared by pages. Most render on the server only; `#[island]`s also run in the
//! browser.

pub mod alert;
pub mod draft;
pub mod field;
pub mod islands;
pub mod layout;
pub mod loaded;
pub mod not_found;
pub mod text;

pub use alert::{Alert, AlertKind, Notice, notice_view};
pub use draft::Draft;
pub use field::Field;
pub use islands::{CopyButton, HydrationMarker, PendingSubmit, ReloadWhenDone};
pub use layout::{Page, language_options};
pub use loaded::{error_view, loaded};

/// A query string of `pairs`, percent-encoded.
pub fn url_encoded(pairs: &[(&str, &str)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| {
            let v: String = v
                .bytes()
                .map(|b| {
                    if b.is_ascii_alphanumeric() || b"-._~@".contains(&b) {
                        (b as char).to_string()
                    } else {
                        format!("%{b:02X}")
                    }
                })
                .collect();
            format!("{k}={v}")
        })
        .collect::<Vec<_>>()
        .join("&")
}
