//! The one error type pages, server functions and form handlers return, and its one mapping to
//! an HTTP status. Every variant is safe to show to a person: internal causes are logged on the
//! server and only a reference id travels.

pub mod text;

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum AppError {
    /// Not signed in, or the session expired.
    Unauthorized,
    /// Signed in, but this needs a role the user does not have.
    Forbidden,
    /// The user may use this page, but not do this particular thing; the message says why.
    Refused(String),
    NotFound(String),
    /// The input was wrong; each entry names the field and says what to fix.
    Validation(Vec<FieldError>),
    /// The request conflicts with the current state (e.g. a limit is reached).
    Conflict(String),
    /// A service we depend on failed; the message says what happened and what to do.
    Unavailable(String),
    /// Signed in, but this needs the IdP to confirm the person again (an admin's status is
    /// older than the organisation trusts it): the page sends them there and back.
    SignInAgain,
    /// Too many attempts: try again after this many seconds.
    RateLimited(u64),
    /// A bug or an unexpected failure. The reference finds the details in the server log.
    Internal(String),
    /// The request did not reach the server or its answer could not be read.
    Transport(String),
}

impl std::fmt::Display for AppError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AppError::Unauthorized => f.write_str(&text::UNAUTHORIZED.get()),
            AppError::Forbidden => f.write_str(&text::FORBIDDEN.get()),
            AppError::SignInAgain => f.write_str(&text::SIGN_IN_AGAIN.get()),
            AppError::Validation(_) => f.write_str(&text::VALIDATION.get()),
            AppError::Internal(reference) => f.write_str(&text::internal(reference)),
            AppError::Transport(_) => f.write_str(&text::TRANSPORT.get()),
            AppError::RateLimited(secs) => f.write_str(&text::rate_limited(*secs)),
            AppError::Refused(m)
            | AppError::NotFound(m)
            | AppError::Conflict(m)
            | AppError::Unavailable(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for AppError {}

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

    /// What to show above a form: the message of the `form` field, or of any error that is
    /// not about one field.
    pub fn general_message(&self) -> Option<String> {
        match self {
            AppError::Validation(errors) => errors
                .iter()
                .find(|f| f.field == "form")
                .map(|f| f.message.clone()),
            other => Some(other.to_string()),
        }
    }

    /// Every message in one line (validation errors joined), for a one-line notice.
    pub fn one_line(&self) -> String {
        match self {
            AppError::Validation(errors) => errors
                .iter()
                .map(|e| e.message.as_str())
                .collect::<Vec<_>>()
                .join(" "),
            other => other.to_string(),
        }
    }

    /// The one mapping from an error to the HTTP status of the answer that carries it.
    pub fn status_code(&self) -> u16 {
        match self {
            AppError::Validation(_) => 422,
            AppError::Conflict(_) => 409,
            AppError::Unavailable(_) => 503,
            AppError::NotFound(_) => 404,
            AppError::Unauthorized | AppError::SignInAgain => 401,
            AppError::RateLimited(_) => 429,
            AppError::Forbidden | AppError::Refused(_) => 403,
            AppError::Internal(_) | AppError::Transport(_) => 500,
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
mod server {
    use super::AppError;

    impl AppError {
        /// Logs `cause` with a fresh reference id and returns the opaque error for the user.
        pub fn internal(cause: impl std::fmt::Display) -> Self {
            use rand::Rng;
            let reference = format!("E-{:08X}", rand::thread_rng().r#gen::<u32>());
            tracing::error!(reference = %reference, "internal error: {cause}");
            AppError::Internal(reference)
        }
    }

    impl axum::response::IntoResponse for AppError {
        /// A plain-text answer, for routes that are not pages (downloads, status probes).
        fn into_response(self) -> axum::response::Response {
            let status = http::StatusCode::from_u16(self.status_code())
                .unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR);
            (status, self.to_string()).into_response()
        }
    }
}
