//! Everything that can go wrong when talking to Stalwart, as types the portal can act on.
//!
//! Shapes follow ../shared/stalwart/API.md §1.3 (HTTP problems) and §2 (method errors and
//! SetErrors); the variant names mirror Stalwart's own `type` strings.

use crate::error::{AppError, text};
use serde::Deserialize;
use std::time::Duration;

#[derive(Debug, thiserror::Error)]
pub enum StalwartError {
    /// No TCP connection could be made (DNS, refused, TLS handshake).
    #[error("Stalwart is unreachable: {0}")]
    Unreachable(String),
    /// The server's address is in a network Postern does not connect to for partners
    /// (`ssr::outbound`): nothing was sent.
    #[error("Stalwart's address is in a private or local network")]
    NotAllowed,
    /// The request was sent but no answer arrived in time. For a `/set` the outcome is unknown.
    #[error("Stalwart did not answer within {0:?}")]
    Timeout(Duration),
    /// HTTP 401: the API key was refused (revoked, expired, or wrong server).
    #[error("Stalwart refused the portal's API key (HTTP 401)")]
    Unauthorized,
    /// HTTP 403, or the method-level `forbidden` error: the key lacks a permission.
    #[error("Stalwart denied the request: {0}")]
    Forbidden(String),
    /// HTTP 429.
    #[error("Stalwart is rate limiting the portal")]
    RateLimited { retry_after: Option<Duration> },
    /// HTTP 5xx, or a JMAP `serverFail`/`serverUnavailable`.
    #[error("Stalwart failed with HTTP {status}")]
    Server { status: u16 },
    /// HTTP 400 problem document (`notJSON`, `notRequest`, `limit`).
    #[error("Stalwart rejected the request as malformed: {kind}: {detail}")]
    BadRequest { kind: String, detail: String },
    /// A JMAP method-level error other than `forbidden`.
    #[error("Stalwart method error {kind}: {description}")]
    Method { kind: String, description: String },
    /// A per-object SetError from a `/set` call.
    #[error("Stalwart refused the change: {0}")]
    Set(Box<SetError>),
    /// The answer did not have the shape API.md documents.
    #[error("unexpected answer from Stalwart: {0}")]
    Protocol(String),
}

impl StalwartError {
    /// A short, fixed name of the failure (a metrics label).
    pub fn kind(&self) -> &'static str {
        match self {
            StalwartError::Unreachable(_) => "unreachable",
            StalwartError::NotAllowed => "not_allowed",
            StalwartError::Timeout(_) => "timeout",
            StalwartError::Unauthorized => "unauthorized",
            StalwartError::Forbidden(_) => "forbidden",
            StalwartError::RateLimited { .. } => "rate_limited",
            StalwartError::Server { .. } => "server_error",
            StalwartError::BadRequest { .. } => "bad_request",
            StalwartError::Method { .. } => "method_error",
            StalwartError::Set(_) => "set_error",
            StalwartError::Protocol(_) => "protocol",
        }
    }

    /// Words for a person, for every way Stalwart can fail. `action` completes
    /// "We could not …" and comes from the calling area's text.
    pub fn user_error(&self, action: crate::i18n::Key) -> AppError {
        let e = self;
        let action = &action.get();
        match e {
            StalwartError::Unreachable(_)
            | StalwartError::NotAllowed
            | StalwartError::Server { .. } => {
                tracing::warn!(error = %e, "Stalwart unavailable");
                AppError::Unavailable(text::stalwart_down(action))
            }
            StalwartError::Timeout(_) => {
                tracing::warn!(error = %e, "Stalwart timeout");
                AppError::Unavailable(text::stalwart_timeout(action))
            }
            StalwartError::RateLimited { retry_after } => {
                tracing::warn!(error = %e, ?retry_after, "Stalwart rate limit");
                let wait = text::wait_advice(retry_after.map(|d| d.as_secs()));
                AppError::Unavailable(text::stalwart_busy(action, &wait))
            }
            StalwartError::Unauthorized => {
                tracing::error!(error = %e, "Stalwart refused the API key");
                AppError::Unavailable(text::stalwart_key_refused(action))
            }
            StalwartError::Forbidden(_) => {
                tracing::error!(error = %e, "Stalwart denied a permission");
                AppError::Unavailable(text::stalwart_permission(action))
            }
            _ => AppError::internal(format!("{action}: {e}")),
        }
    }

    /// Whether the operation certainly had no effect at Stalwart. A timeout does not qualify:
    /// the request may have been processed after we stopped waiting.
    pub fn had_no_effect(&self) -> bool {
        !matches!(self, StalwartError::Timeout(_) | StalwartError::Protocol(_))
    }

    /// Whether a person can fix it by waiting (as opposed to a configuration problem).
    pub fn is_transient(&self) -> bool {
        matches!(
            self,
            StalwartError::Unreachable(_)
                | StalwartError::Timeout(_)
                | StalwartError::RateLimited { .. }
                | StalwartError::Server { .. }
        )
    }

    pub fn set_error(&self) -> Option<&SetError> {
        match self {
            StalwartError::Set(e) => Some(e),
            _ => None,
        }
    }
}

/// A SetError exactly as Stalwart sends it (API.md §2.2).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SetError {
    #[serde(rename = "type")]
    pub kind: SetErrorKind,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub properties: Vec<String>,
    #[serde(default)]
    pub object_id: Option<ObjectRef>,
    #[serde(default)]
    pub linked_objects: Vec<ObjectRef>,
    #[serde(default)]
    pub validation_errors: Vec<ValidationError>,
}

impl std::fmt::Display for SetError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", self.kind)?;
        if let Some(d) = &self.description {
            write!(f, ": {d}")?;
        }
        if !self.properties.is_empty() {
            write!(f, " ({})", self.properties.join(", "))?;
        }
        Ok(())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum SetErrorKind {
    PrimaryKeyViolation,
    InvalidProperties,
    InvalidPatch,
    InvalidForeignKey,
    NotFound,
    ObjectIsLinked,
    Singleton,
    OverQuota,
    Forbidden,
    ValidationFailed,
    WillDestroy,
    #[serde(other)]
    Other,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ObjectRef {
    pub object: String,
    pub id: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ValidationError {
    #[serde(rename = "type")]
    pub kind: String,
    pub property: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_errors_from_live_062_parse_into_typed_values() {
        let linked: SetError = serde_json::from_str(
            r#"{"type":"objectIsLinked","objectId":{"object":"Domain","id":"b"},
                "linkedObjects":[{"object":"Account","id":"b"},{"object":"SystemSettings","id":"singleton"}]}"#,
        )
        .unwrap();
        assert_eq!(linked.kind, SetErrorKind::ObjectIsLinked);
        assert_eq!(linked.linked_objects.len(), 2);

        let quota: SetError = serde_json::from_str(
            r#"{"type":"overQuota","description":"You have exceeded your quota of 5 app passwords."}"#,
        )
        .unwrap();
        assert_eq!(quota.kind, SetErrorKind::OverQuota);

        let unknown: SetError = serde_json::from_str(r#"{"type":"somethingNew"}"#).unwrap();
        assert_eq!(unknown.kind, SetErrorKind::Other);
    }

    #[test]
    fn a_rate_limit_says_how_long_to_wait_when_the_server_says() {
        let limited = |secs: Option<u64>| {
            StalwartError::RateLimited {
                retry_after: secs.map(Duration::from_secs),
            }
            .user_error(crate::i18n::Key("apppw-service-create"))
            .to_string()
        };
        let text = limited(Some(30));
        assert!(
            text.contains("could not create the app password")
                && text.contains("Nothing was changed")
                && text.ends_with("Try again in 30 seconds."),
            "{text}"
        );
        assert!(limited(Some(600)).ends_with("Try again in about 10 minutes."));
        assert!(limited(Some(0)).ends_with("Try again in a moment."));
        assert!(limited(None).ends_with("Wait a minute and try again."));
    }

    #[test]
    fn only_a_timeout_leaves_the_outcome_unknown() {
        assert!(!StalwartError::Timeout(Duration::from_secs(1)).had_no_effect());
        assert!(StalwartError::Server { status: 503 }.had_no_effect());
        assert!(StalwartError::Unauthorized.had_no_effect());
    }
}
