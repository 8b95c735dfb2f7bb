//! The words of activity: how people signed in.

use crate::i18n::{Key, format};

pub const IMAP: Key = Key("activity-protocol-imap");
pub const SMTP: Key = Key("activity-protocol-smtp");
pub const POP3: Key = Key("activity-protocol-pop3");
pub const WEB: Key = Key("activity-protocol-web");
pub const SIEVE: Key = Key("activity-protocol-sieve");

/// The protocol of a mail server listener, by Stalwart's usual listener names; another name
/// is shown as it is.
pub fn protocol(listener: Option<&str>) -> String {
    let Some(listener) = listener else {
        return String::new();
    };
    let name = listener.to_ascii_lowercase();
    let key = if name.starts_with("imap") {
        IMAP
    } else if name.starts_with("submission") || name.starts_with("smtp") {
        SMTP
    } else if name.starts_with("pop3") {
        POP3
    } else if name.starts_with("http") || name.starts_with("jmap") {
        WEB
    } else if name.contains("sieve") {
        SIEVE
    } else {
        return listener.to_owned();
    };
    key.get()
}

/// "3 Dec 2026, 14:05 · IMAP · from 192.0.2.1".
pub fn sign_in(when: &str, protocol: &str, ip: Option<&str>) -> String {
    match ip {
        Some(ip) => format(
            Key("activity-sign-in-from"),
            [
                ("when", when.into()),
                ("protocol", protocol.into()),
                ("ip", ip.into()),
            ],
        ),
        None => format(
            Key("activity-sign-in"),
            [("when", when.into()), ("protocol", protocol.into())],
        ),
    }
}

pub const SIGNED_IN: Key = Key("activity-signed-in");
pub const SIGN_IN_FAILED: Key = Key("activity-sign-in-failed");
pub const CREDENTIAL_EXPIRED: Key = Key("activity-credential-expired");
pub const TOO_MANY_ATTEMPTS: Key = Key("activity-too-many-attempts");
pub const ACCOUNT_PASSWORD: Key = Key("activity-account-password");
pub const REMOVED_PASSWORD: Key = Key("activity-removed-password");
pub const SIGN_INS: Key = Key("activity-sign-ins");
pub const SIGN_INS_INTRO: Key = Key("activity-sign-ins-intro");
pub const SIGN_INS_NONE: Key = Key("activity-sign-ins-none");
pub const SIGN_INS_CAPTION: Key = Key("activity-sign-ins-caption");
pub const WHEN: Key = Key("activity-when");
pub const WHAT: Key = Key("activity-what");
pub const HOW: Key = Key("activity-how");
pub const FROM: Key = Key("activity-from");
pub const WITH: Key = Key("activity-with");

/// What an event of `kind` means, in words.
pub fn what(kind: &str) -> Key {
    match kind {
        "auth.success" => SIGNED_IN,
        "auth.credential-expired" => CREDENTIAL_EXPIRED,
        "auth.too-many-attempts" => TOO_MANY_ATTEMPTS,
        _ => SIGN_IN_FAILED,
    }
}

pub const ALERTS: Key = Key("activity-alerts");
pub const ALERTS_INTRO: Key = Key("activity-alerts-intro");

/// "alice@example.org: 12 failed sign-ins in 24 hours, the last on …".
pub fn alert(address: &str, failures: u32, last: &str) -> String {
    format(
        Key("activity-alert"),
        [
            ("address", address.into()),
            ("count", failures.into()),
            ("last", last.into()),
        ],
    )
}
