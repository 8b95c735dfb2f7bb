//! The one error type pages and server functions return. Every variant is safe to show to a
//! person: internal causes are logged on the server and only a reference id travels.

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// Not signed in, or the session expired.
    #[error("Please sign in to continue.")]
    Unauthorized,
    /// Signed in, but this needs a role the user does not have.
    #[error("You do not have access to this page.")]
    Forbidden,
    /// The user may use this page, but not do this particular thing; the message says why.
    #[error("{0}")]
    Refused(String),
    #[error("{0}")]
    NotFound(String),
    /// The input was wrong; each entry names the field and says what to fix.
    #[error("Please correct the marked fields.")]
    Validation(Vec<FieldError>),
    /// The request conflicts with the current state (e.g. a limit is reached).
    #[error("{0}")]
    Conflict(String),
    /// A service we depend on failed; the message says what happened and what to do.
    #[error("{0}")]
    Unavailable(String),
    /// A bug or an unexpected failure. The reference finds the details in the server log.
    #[error(
        "Something went wrong on our side. If it persists, tell your administrator the reference {0}."
    )]
    Internal(String),
    /// The request did not reach the server or its answer could not be read.
    #[error("The portal could not be reached. Check your connection and try again.")]
    Transport(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

impl AppError {
    pub fn field(field: &str, message: impl Into<String>) -> Self {
        AppError::Validation(vec![FieldError {
            field: field.into(),
            message: message.into(),
        }])
    }

    /// The message for one field, if validation failed on it.
    pub fn field_message(&self, field: &str) -> Option<&str> {
        match self {
            AppError::Validation(errors) => errors
                .iter()
                .find(|e| e.field == field)
                .map(|e| e.message.as_str()),
            _ => None,
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        AppError::Transport(value.to_string())
    }
}

#[cfg(feature = "ssr")]
impl AppError {
    /// Logs `cause` with a fresh reference id and returns the opaque error for the user.
    pub fn internal(cause: impl std::fmt::Display) -> Self {
        let reference = crate::ssr::reference_id();
        tracing::error!(reference = %reference, "internal error: {cause}");
        AppError::Internal(reference)
    }
}
