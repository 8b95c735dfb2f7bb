//! A labelled form field with its hint and error, wired for screen readers.

use crate::i18n::Key;
use leptos::prelude::*;

/// What a field shows.
pub struct Field {
    pub id: &'static str,
    pub label: Key,
    /// An input type ("text", "email", "password") or "textarea".
    pub kind: &'static str,
    pub value: String,
    pub hint: Option<Key>,
    pub error: Option<String>,
}

impl Field {
    pub fn new(id: &'static str, label: Key, kind: &'static str) -> Self {
        Self {
            id,
            label,
            kind,
            value: String::new(),
            hint: None,
            error: None,
        }
    }

    pub fn value(mut self, value: String) -> Self {
        self.value = value;
        self
    }

    pub fn hint(mut self, hint: Key) -> Self {
        self.hint = Some(hint);
        self
    }

    pub fn error(mut self, error: Option<String>) -> Self {
        self.error = error;
        self
    }

    pub fn render(self) -> impl IntoView {
        let Field {
            id,
            label,
            kind,
            value,
            hint,
            error,
        } = self;
        let described = [
            hint.map(|_| format!("{id}-hint")),
            error.as_ref().map(|_| format!("{id}-error")),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
        let described = (!described.is_empty()).then_some(described);
        let invalid = error.is_some().then_some("true");
        view! {
            <div class="field">
                <label for=id>{label}</label>
                {if kind == "textarea" {
                    view! { <textarea id=id name=id rows="3" aria-describedby=described.clone() aria-invalid=invalid>{value}</textarea> }.into_any()
                } else {
                    view! { <input id=id name=id type=kind value=value aria-describedby=described aria-invalid=invalid autocomplete="off"/> }.into_any()
                }}
                {hint.map(|h| view! { <p id=format!("{id}-hint") class="hint">{h}</p> })}
                {error.map(|m| view! { <p id=format!("{id}-error") class="field-error">{m}</p> })}
            </div>
        }
    }
}
