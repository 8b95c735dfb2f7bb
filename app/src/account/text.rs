//! Every sentence of "My account".

pub const TITLE: &str = "My account";
pub const YOU: &str = "You";
pub const NAME: &str = "Name";
pub const EMAIL: &str = "E-mail";
pub const ORGANISATION: &str = "Organisation";
pub const ROLE: &str = "Role";
pub const ROLE_ADMIN: &str = "Administrator of your organisation";
pub const ROLE_USER: &str = "User";
pub const NO_NAME: &str = "(not provided by your organisation)";
pub const MAILBOX: &str = "Your mailbox";
pub const ADDRESS: &str = "Address";
pub const DISPLAY_NAME: &str = "Display name";
pub const STORAGE: &str = "Storage used";
pub const ALIASES: &str = "Also receives mail for";
pub const NO_ALIASES: &str = "No other addresses";
pub const UNLIMITED: &str = "no limit";
pub const MISSING_TITLE: &str = "You do not have a mailbox yet";
pub const MISSING_BODY: &str = "The mail server has no mailbox for your address. \
    Please ask your administrator to create it. Once it exists, you can come back here \
    to set up your mail apps.";
pub const UNAVAILABLE_TITLE: &str = "Your mailbox could not be shown";
pub const RETRY: &str = "Try again";

pub const SESSIONS: &str = "Where you are signed in";
pub const SESSIONS_BODY: &str = "Lost a device, or signed in on a computer that is not yours? Sign out \
    everywhere: every browser signed in to this portal as you has to sign in again, this one too. \
    App passwords are not affected; revoke those on the app passwords page.";
pub const SIGN_OUT_EVERYWHERE: &str = "Sign out everywhere";
pub const SIGNING_OUT: &str = "Signing out…";
pub const SIGNED_OUT_EVERYWHERE: &str = "You are signed out everywhere. Sign in again to continue.";

/// An address that names one of the mail server's own accounts (an administrator, the
/// account this portal uses): refused at sign-in and on every page.
pub const PROTECTED_ACCOUNT: &str = "This account is managed by your mail server's operator \
    and cannot sign in here. Please use an account of your own, or ask your administrator.";

/// Completes "We could not …".
pub const LOOK_UP_MAILBOX: &str = "look up your mailbox";

pub fn storage_of(used: &str, limit: &str) -> String {
    format!("{used} of {limit}")
}

// The name before the @ of a new mailbox.
pub const LOCAL_LENGTH: &str = "Use 1 to 64 characters before the @.";
pub const LOCAL_DOTS: &str = "A dot cannot start or end the name, or follow another dot.";
pub fn local_chars(local: &str) -> String {
    format!("“{local}” may only use lowercase letters, digits and . - _ +")
}
