//! The settings of what the mail servers tell Postern and what Postern sends through them:
//! `[activity]` (their signed sign-in events) and `[stalwart.<name>.notify]` (the account
//! notification e-mails go out as).

use secrecy::SecretString;
use serde::{Deserialize, Deserializer};

/// Sign-in activity the mail servers push to Postern (`[activity]`).
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ActivitySettings {
    /// How long events are kept (days).
    pub retention_days: u64,
    /// How often each mail server's hook is checked and registered where missing (seconds).
    pub register_every_secs: u64,
}

impl Default for ActivitySettings {
    fn default() -> Self {
        Self {
            retention_days: 90,
            register_every_secs: 600,
        }
    }
}

/// `[stalwart.<name>.notify]`: an SMTP submission account on the mail server.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NotifySettings {
    pub smtp_host: String,
    #[serde(default = "default_submission_port")]
    pub smtp_port: u16,
    #[serde(default)]
    pub security: SmtpSecurity,
    /// The sender address, e.g. `postern@example.org`.
    pub from: String,
    /// The account to sign in as; the sender address when not given.
    pub username: Option<String>,
    #[serde(default, deserialize_with = "lenient_secret")]
    pub password: Option<SecretString>,
}

fn default_submission_port() -> u16 {
    587
}

/// How the SMTP connection is protected.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SmtpSecurity {
    /// STARTTLS on the submission port (587).
    #[default]
    Starttls,
    /// TLS from the first byte (465).
    Tls,
    /// Plain text: only to a server on this machine (loopback).
    None,
}

/// Accepts a secret written as a string or, from an environment override, a bare number.
pub(super) fn lenient_secret<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<SecretString>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Raw {
        S(String),
        I(i64),
    }
    Ok(Option::<Raw>::deserialize(d)?.map(|raw| match raw {
        Raw::S(s) => SecretString::from(s),
        Raw::I(i) => SecretString::from(i.to_string()),
    }))
}
