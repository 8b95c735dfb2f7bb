//! Activity from the mail servers: each server pushes signed sign-in events to Postern's own
//! `x:WebHook` (API.md §11); they become "last used" on a person's app passwords and the
//! sign-ins and failures an administrator sees.
//!
//! The endpoint is a machines' one; the pages that show activity belong to their areas
//! (app passwords, mailboxes) and take `model` and `text` from here.

#[cfg(feature = "ssr")]
pub mod actions;
#[cfg(feature = "ssr")]
pub mod events;
#[cfg(feature = "ssr")]
pub mod hooks;
pub mod model;
#[cfg(feature = "ssr")]
pub mod service;
pub mod text;

crate::routing::area! {
    apis {
        "/hooks/stalwart/:server" => axum::routing::post(hooks::receive);
    }
}
