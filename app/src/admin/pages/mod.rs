//! The admin pages.

pub mod audit;
pub mod groups;
pub mod mailbox;
pub mod mailboxes;

pub use audit::AuditPage;
pub use groups::GroupsPage;
pub use mailbox::{DeleteMailboxPage, MailboxPage};
pub use mailboxes::{MailboxesPage, NewMailboxPage};

use crate::admin::text;
use leptos::prelude::*;

/// The badge on accounts an organisation admin can see but not change.
fn protected_badge(protected: bool) -> impl IntoView {
    protected.then(|| view! { <span class="badge protected">{text::PROTECTED}</span> })
}
