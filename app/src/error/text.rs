//! The sentences of [`super::AppError`]: what a person reads when something did not work.

pub const UNAUTHORIZED: &str = "Please sign in to continue.";
pub const SIGN_IN_AGAIN: &str =
    "Your organisation's sign-in service needs to confirm your administrator rights again.";
pub const FORBIDDEN: &str = "You do not have access to this page.";
pub const VALIDATION: &str = "Please correct the marked fields.";
pub const TRANSPORT: &str = "The portal could not be reached. Check your connection and try again.";

pub fn internal(reference: &str) -> String {
    format!(
        "Something went wrong on our side. If it persists, tell your administrator the reference {reference}."
    )
}

/// `action` completes "We could not …", e.g. "list your app passwords".
pub fn stalwart_down(action: &str) -> String {
    format!(
        "We could not {action}: the mail server is not responding. Nothing was changed. \
         Please try again in a few minutes."
    )
}

pub fn stalwart_timeout(action: &str) -> String {
    format!(
        "We could not {action}: the mail server did not answer in time. \
         Please try again in a few minutes."
    )
}

pub fn stalwart_busy(action: &str, wait: &str) -> String {
    format!(
        "We could not {action}: the mail server is busy right now and asked us to slow \
         down. Nothing was changed. {wait}"
    )
}

pub fn stalwart_key_refused(action: &str) -> String {
    format!(
        "We could not {action}: the mail server refused the portal's credentials. \
         Please tell your administrator (the portal's Stalwart API key needs renewing)."
    )
}

pub fn stalwart_permission(action: &str) -> String {
    format!(
        "We could not {action}: the portal lacks a permission on the mail server. \
         Please tell your administrator."
    )
}

/// How long to wait, in words, from a `Retry-After` the mail server sent (if any).
pub fn wait_advice(retry_after_secs: Option<u64>) -> String {
    match retry_after_secs {
        Some(0..=1) => "Try again in a moment.".into(),
        Some(secs @ 2..=90) => format!("Try again in {secs} seconds."),
        Some(secs) => format!("Try again in about {} minutes.", secs.div_ceil(60)),
        None => "Wait a minute and try again.".into(),
    }
}

/// Completes "We could not …" when even the first request to the mail server failed.
pub const REACH_MAIL_SERVER: &str = "reach the mail server";

/// A form post of an admin page by someone who is not an admin.
pub const ADMINS_ONLY: &str = "Only administrators of your organisation can do this.";
pub const PARTNERS_ONLY: &str = "Only administrators of a partner organisation can do this.";

/// A credential change refused because the audit log cannot be written.
pub const AUDIT_UNAVAILABLE: &str = "We could not record this change in the audit log, so nothing was \
    changed. Please try again in a few minutes; if it keeps happening, tell your administrator.";

/// Too many attempts in a short time.
pub fn rate_limited(retry_after_secs: u64) -> String {
    format!(
        "Too many attempts in a short time. For your security, please wait and try again. {}",
        wait_advice(Some(retry_after_secs))
    )
}
