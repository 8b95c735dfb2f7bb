//! The sentences of [`super::AppError`]: what a person reads when something did not work.

use crate::i18n::{Key, format};

pub const UNAUTHORIZED: Key = Key("error-unauthorized");
pub const SIGN_IN_AGAIN: Key = Key("error-sign-in-again");
pub const FORBIDDEN: Key = Key("error-forbidden");
pub const VALIDATION: Key = Key("error-validation");
pub const TRANSPORT: Key = Key("error-transport");

pub fn internal(reference: &str) -> String {
    format(Key("error-internal"), [("reference", reference.into())])
}

/// `action` completes "We could not …", e.g. "list your app passwords".
pub fn stalwart_down(action: &str) -> String {
    format(Key("error-stalwart-down"), [("action", action.into())])
}

pub fn stalwart_timeout(action: &str) -> String {
    format(Key("error-stalwart-timeout"), [("action", action.into())])
}

pub fn stalwart_busy(action: &str, wait: &str) -> String {
    format(
        Key("error-stalwart-busy"),
        [("action", action.into()), ("wait", wait.into())],
    )
}

pub fn stalwart_key_refused(action: &str) -> String {
    format(
        Key("error-stalwart-key-refused"),
        [("action", action.into())],
    )
}

pub fn stalwart_permission(action: &str) -> String {
    format(
        Key("error-stalwart-permission"),
        [("action", action.into())],
    )
}

/// How long to wait, in words, from a `Retry-After` the mail server sent (if any).
pub fn wait_advice(retry_after_secs: Option<u64>) -> String {
    match retry_after_secs {
        Some(0..=1) => Key("error-wait-moment").get(),
        Some(secs @ 2..=90) => format(Key("error-wait-seconds"), [("seconds", secs.into())]),
        Some(secs) => format(
            Key("error-wait-minutes"),
            [("minutes", secs.div_ceil(60).into())],
        ),
        None => Key("error-wait-unknown").get(),
    }
}

/// Completes "We could not …" when even the first request to the mail server failed.
pub const REACH_MAIL_SERVER: Key = Key("error-reach-mail-server");

/// A form post of an admin page by someone who is not an admin.
pub const ADMINS_ONLY: Key = Key("error-admins-only");
pub const PARTNERS_ONLY: Key = Key("error-partners-only");

/// A credential change refused because the audit log cannot be written.
pub const AUDIT_UNAVAILABLE: Key = Key("error-audit-unavailable");

/// Too many attempts in a short time.
pub fn rate_limited(retry_after_secs: u64) -> String {
    format(
        Key("error-rate-limited"),
        [("wait", wait_advice(Some(retry_after_secs)).into())],
    )
}
