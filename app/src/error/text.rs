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

/// A refusal the mail server explained in its own (English) words, said in the person's
/// language: the texts Stalwart v0.16 sends are recognised and translated; any other is
/// quoted after `fallback`. In English the server's words are shown as they came.
pub fn stalwart_said(description: &str, fallback: Key) -> String {
    let locale = crate::i18n::current();
    if locale == crate::i18n::Locale::En {
        return description.to_owned();
    }
    // "Password must be at least 8 characters long." (live 050)
    if let Some(min) = description
        .strip_prefix("Password must be at least ")
        .and_then(|rest| rest.strip_suffix(" characters long."))
        .and_then(|n| n.parse::<u32>().ok())
    {
        return format(PASSWORD_MIN_LENGTH, [("min", min.into())]);
    }
    // "Password is too weak. This is a very common password. Add another word or two. …"
    if description.starts_with("Password is too weak.") {
        return PASSWORD_TOO_WEAK.get();
    }
    // "You have exceeded your quota of 5 app passwords." (live 064)
    if let Some(max) = description
        .strip_prefix("You have exceeded your quota of ")
        .and_then(|rest| rest.strip_suffix(" app passwords."))
        .and_then(|n| n.parse::<u32>().ok())
    {
        return format(APP_PASSWORD_QUOTA, [("max", max.into())]);
    }
    format(
        SAID,
        [("refusal", fallback.into()), ("said", description.into())],
    )
}

const PASSWORD_MIN_LENGTH: Key = Key("error-stalwart-password-min-length");
const PASSWORD_TOO_WEAK: Key = Key("error-stalwart-password-too-weak");
const APP_PASSWORD_QUOTA: Key = Key("error-stalwart-app-password-quota");
const SAID: Key = Key("error-stalwart-said");

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::{VALIDATION, stalwart_said};
    use crate::i18n::{Locale, scope};

    fn said_in(locale: Locale, description: &'static str) -> String {
        let rt = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        rt.block_on(scope(locale, async move {
            stalwart_said(description, VALIDATION)
        }))
    }

    #[test]
    fn the_mail_servers_own_refusals_are_said_in_the_persons_language() {
        let short = "Password must be at least 8 characters long.";
        assert_eq!(said_in(Locale::En, short), short);
        assert_eq!(
            said_in(Locale::De, short),
            "Das Passwort muss mindestens 8 Zeichen lang sein."
        );
        assert!(said_in(Locale::Fr, short).contains("au moins 8 caractères"));
        let weak = "Password is too weak. This is a very common password. Add another word or two.";
        assert!(said_in(Locale::De, weak).contains("zu schwach"));
        // Words it does not know are quoted after our own sentence.
        let other = "Invalid address: failed to lookup address information";
        let german = said_in(Locale::De, other);
        assert!(
            german.starts_with(&VALIDATION.get_in(Locale::De)),
            "{german}"
        );
        assert!(german.contains(other), "{german}");
    }
}
