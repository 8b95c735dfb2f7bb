//! Message boxes, and the one-shot notice an action leaves for the next page.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum AlertKind {
    Error,
    Warning,
    Info,
    Success,
}

/// A message box. Errors are announced to screen readers (`role="alert"`).
#[component]
pub fn Alert(
    kind: AlertKind,
    #[prop(optional, into)] title: Option<String>,
    children: Children,
) -> impl IntoView {
    let (class, role) = match kind {
        AlertKind::Error => ("alert error", "alert"),
        AlertKind::Warning => ("alert warning", "status"),
        AlertKind::Info => ("alert info", "status"),
        AlertKind::Success => ("alert success", "status"),
    };
    view! {
        <div class=class role=role>
            {title.map(|t| view! { <p class="alert-title">{t}</p> })}
            {children()}
        </div>
    }
}

/// What the previous action said: a confirmation, or what went wrong.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Notice {
    pub ok: bool,
    pub message: String,
}

#[cfg(feature = "ssr")]
impl From<crate::ssr::session::Flash> for Notice {
    fn from(flash: crate::ssr::session::Flash) -> Self {
        Self {
            ok: flash.kind == crate::ssr::session::FlashKind::Info,
            message: flash.message,
        }
    }
}

/// The notice, if there is one, as a success or error box.
pub fn notice_view(notice: Option<Notice>) -> impl IntoView {
    notice.map(|n| {
        let kind = if n.ok {
            AlertKind::Success
        } else {
            AlertKind::Error
        };
        view! { <Alert kind><p>{n.message}</p></Alert> }
    })
}
