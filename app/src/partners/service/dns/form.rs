//! The DNS server a partner types, read: every problem named with its field; and what a
//! trial of its key answered, in words.

use crate::error::{AppError, FieldError};
use crate::partners::text::publishing as text;
use crate::ssr::dns::update::UpdateError;
use crate::ssr::stalwart::TSIG_ALGORITHMS;
use crate::ssr::state::AppState;
use secrecy::SecretString;
use serde::{Deserialize, Serialize};
use std::net::IpAddr;

/// The DNS server a partner typed: where, which key, and the zone.
#[derive(Default, Serialize, Deserialize)]
pub struct PublishForm {
    #[serde(default)]
    pub host: String,
    #[serde(default)]
    pub port: String,
    /// A checkbox: TCP instead of UDP.
    #[serde(default)]
    pub tcp: Option<String>,
    #[serde(default)]
    pub key_name: String,
    #[serde(default)]
    pub algorithm: String,
    #[serde(default)]
    pub secret: String,
    #[serde(default)]
    pub origin: String,
}

/// Never prints the secret it carries.
impl std::fmt::Debug for PublishForm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PublishForm")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("tcp", &self.tcp)
            .field("key_name", &self.key_name)
            .field("algorithm", &self.algorithm)
            .field("secret", &"[redacted]")
            .field("origin", &self.origin)
            .finish()
    }
}

/// The go-ahead after the preview: ticked when publishing replaces someone else's MX or SPF.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct ConfirmForm {
    #[serde(default)]
    pub confirm: Option<String>,
}

/// What a typed form means, every problem named with its field.
pub(super) struct Typed {
    pub(super) host: IpAddr,
    pub(super) port: u16,
    pub(super) tcp: bool,
    pub(super) key_name: String,
    pub(super) algorithm: String,
    pub(super) secret: SecretString,
    pub(super) origin: Option<String>,
}

fn is_dns_name(name: &str) -> bool {
    let name = name.trim_end_matches('.');
    !name.is_empty()
        && name.len() <= 253
        && name.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        })
}

pub(super) fn read_form(
    form: &PublishForm,
    domain: &str,
    state: &AppState,
) -> Result<Typed, AppError> {
    use base64::Engine;
    let mut errors = Vec::new();
    let mut error = |field: &str, message: String| {
        errors.push(FieldError {
            field: field.to_owned(),
            message,
        })
    };
    let host = match form.host.trim().parse::<IpAddr>() {
        Ok(ip) if !state.directory.outbound().permits(ip) => {
            error("host", text::host_inside(&ip.to_string()));
            None
        }
        Ok(ip) => Some(ip),
        // The mail server takes an address only (live 127).
        Err(_) => {
            error("host", text::HOST_NOT_IP.get());
            None
        }
    };
    let port = match form.port.trim() {
        "" => Some(53),
        typed => match typed.parse::<u16>() {
            Ok(p) if p > 0 => Some(p),
            _ => {
                error("port", text::PORT_INVALID.get());
                None
            }
        },
    };
    let key_name = form.key_name.trim().to_ascii_lowercase();
    if !is_dns_name(&key_name) {
        error("key_name", text::KEY_NAME_INVALID.get());
    }
    let algorithm = form.algorithm.trim().to_ascii_lowercase();
    if !TSIG_ALGORITHMS.contains(&algorithm.as_str()) {
        error("algorithm", text::ALGORITHM_INVALID.get());
    }
    let secret = form.secret.trim();
    if secret.is_empty() {
        error("secret", text::SECRET_REQUIRED.get());
    } else if base64::engine::general_purpose::STANDARD
        .decode(secret)
        .map_or(true, |k| k.is_empty())
    {
        error("secret", text::SECRET_NOT_BASE64.get());
    }
    let origin = form
        .origin
        .trim()
        .trim_end_matches('.')
        .to_ascii_lowercase();
    let origin = if origin.is_empty() || origin == domain {
        None
    } else if is_dns_name(&origin) && domain.ends_with(&format!(".{origin}")) {
        Some(origin)
    } else {
        error("origin", text::origin_invalid(domain));
        None
    };
    match (host, port) {
        (Some(host), Some(port)) if errors.is_empty() => Ok(Typed {
            host,
            port,
            tcp: form.tcp.is_some(),
            key_name: format!("{}.", key_name.trim_end_matches('.')),
            algorithm,
            secret: SecretString::from(secret.to_owned()),
            origin,
        }),
        _ => Err(AppError::Validation(errors)),
    }
}

/// A key's trial in words, with the field to fix (`None`: not one field's fault).
pub(super) fn trial_error(e: UpdateError, zone: &str, key_name: &str) -> AppError {
    let field = |field: &str, message: String| AppError::field(field, message);
    match e {
        UpdateError::WrongKey => field("secret", text::WRONG_KEY.get()),
        UpdateError::NotServed => field("origin", text::not_served(zone, key_name)),
        UpdateError::Refused => field("key_name", text::refused(zone, key_name)),
        UpdateError::TimedOut => field("host", text::TIMED_OUT.get()),
        UpdateError::Unreachable(_) => field("host", text::UNREACHABLE.get()),
        UpdateError::Unusable(why) => field("secret", text::unusable(&why)),
        UpdateError::NotVisible => AppError::Conflict(text::not_visible(zone)),
        UpdateError::Other(why) => AppError::Unavailable(text::trial_failed(&why)),
    }
}

impl crate::routing::Sample for PublishForm {
    fn sample(_: &crate::routing::Target) -> Self {
        PublishForm {
            host: "192.0.2.53".into(),
            port: "53".into(),
            tcp: None,
            key_name: "intruder.".into(),
            algorithm: "hmac-sha256".into(),
            secret: "aW50cnVkZXI=".into(),
            origin: String::new(),
        }
    }
}

impl crate::routing::Sample for ConfirmForm {
    fn sample(_: &crate::routing::Target) -> Self {
        ConfirmForm {
            confirm: Some("on".into()),
        }
    }
}
