//! Every sentence of "My account".

use crate::i18n::{Key, format};

pub const TITLE: Key = Key("account-title");
pub const YOU: Key = Key("account-you");
pub const NAME: Key = Key("account-name");
pub const EMAIL: Key = Key("account-email");
pub const ORGANISATION: Key = Key("account-organisation");
pub const ROLE: Key = Key("account-role");
pub const ROLE_ADMIN: Key = Key("account-role-admin");
pub const ROLE_USER: Key = Key("account-role-user");
pub const NO_NAME: Key = Key("account-no-name");
pub const MAILBOX: Key = Key("account-mailbox");
pub const ADDRESS: Key = Key("account-address");
pub const DISPLAY_NAME: Key = Key("account-display-name");
pub const STORAGE: Key = Key("account-storage");
pub const ALIASES: Key = Key("account-aliases");
pub const NO_ALIASES: Key = Key("account-no-aliases");
pub const UNLIMITED: Key = Key("account-unlimited");
pub const MISSING_TITLE: Key = Key("account-missing-title");
pub const MISSING_BODY: Key = Key("account-missing-body");
pub const UNAVAILABLE_TITLE: Key = Key("account-unavailable-title");
pub const RETRY: Key = Key("account-retry");

pub const SESSIONS: Key = Key("account-sessions");
pub const SESSIONS_BODY: Key = Key("account-sessions-body");
pub const SIGN_OUT_EVERYWHERE: Key = Key("account-sign-out-everywhere");
pub const SIGNING_OUT: Key = Key("account-signing-out");
pub const SIGNED_OUT_EVERYWHERE: Key = Key("account-signed-out-everywhere");

/// An address that names one of the mail server's own accounts (an administrator, the
/// account this portal uses): refused at sign-in and on every page.
pub const PROTECTED_ACCOUNT: Key = Key("account-protected-account");

/// Completes "We could not …".
pub const LOOK_UP_MAILBOX: Key = Key("account-look-up-mailbox");

/// "1.5 GB of 5 GB".
pub fn storage_of(used: &str, limit: &str) -> String {
    format(
        Key("account-storage-of"),
        [("used", used.into()), ("limit", limit.into())],
    )
}

/// "1.5 GB (no limit)": storage used when the mailbox has no limit.
pub fn storage_unlimited(used: &str) -> String {
    format(Key("account-storage-unlimited"), [("used", used.into())])
}

// The name before the @ of a new mailbox.
pub const LOCAL_LENGTH: Key = Key("account-local-length");
pub const LOCAL_DOTS: Key = Key("account-local-dots");
pub fn local_chars(local: &str) -> String {
    format(Key("account-local-chars"), [("local", local.into())])
}
