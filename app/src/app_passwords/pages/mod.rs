//! The app-password pages.

pub mod apple;
pub mod list;
pub mod new;
pub mod revoke;

pub use apple::ApplePage;
pub use list::AppPasswordsPage;
pub use new::NewAppPasswordPage;
pub use revoke::{RevokeAllPage, RevokePage};
