//! Every sentence of the organisation page.

use std::time::Duration;

pub const ORGANISATION: &str = "Organisation";
pub const INTRO: &str = "How your organisation is set up in Postern: its mail domains, where its \
    people sign in, its mail server and the rules for their sessions.";
pub const MANAGED_IN_CONFIG: &str = "Managed in postern.toml";
pub const MANAGED_IN_CONFIG_NOTE: &str = "These settings come from the portal's configuration \
    file, so they are read-only here. Ask whoever runs Postern to change them there; every \
    portal instance picks up the change when it restarts.";
pub const MANAGED_HERE: &str = "These settings are kept in Postern's database.";
pub const DOMAINS: &str = "Mail domains";
pub const NO_DOMAINS: &str = "No mail domain is verified for this organisation yet.";
pub const SIGN_IN: &str = "Identity provider";
pub const ISSUER: &str = "Issuer";
pub const CLIENT_ID: &str = "Client ID";
pub const CLIENT_SECRET: &str = "Client secret";
pub const SECRET_IN_CONFIG: &str = "Set in postern.toml (never shown)";
pub const SECRET_SEALED: &str = "Stored encrypted (never shown)";
pub const SCOPES: &str = "Scopes";
pub const EMAIL_CLAIM: &str = "E-mail claim";
pub const GROUPS_CLAIM: &str = "Groups claim";
pub const ADMIN_GROUP: &str = "Administrators group";
pub const NO_ADMIN_GROUP: &str = "None: nobody is an administrator";
pub const LOGIN_HINT: &str = "Login hint sent to the IdP";
pub const HINT_EMAIL: &str = "The e-mail address typed on the sign-in page";
pub const HINT_NONE: &str = "None: the IdP asks for the user name";
pub const HINT_LOCAL_PART: &str = "The part before the @";
pub const MAIL: &str = "Mail server";
pub const SERVER: &str = "Stalwart server";
pub const IMAP: &str = "IMAP (for mail apps)";
pub const SMTP: &str = "SMTP (for mail apps)";
pub const POLICIES: &str = "Sessions and mailboxes";
pub const FRESH_AUTH: &str = "Sign in again before creating an app password, after";
pub const SESSION_LIFETIME: &str = "A session ends after";
pub const SESSION_IDLE: &str = "A session unused for this long ends";
pub const ADMIN_RECHECK: &str = "Administrator rights are confirmed with the IdP every";
pub const MAILBOX_PASSWORDS: &str = "People may set a mailbox password";
pub const PROVISIONING: &str = "A mailbox is created at first sign-in";
pub const VERIFIED_EMAIL: &str = "The IdP must vouch for the e-mail address";
pub const ON: &str = "Yes";
pub const OFF: &str = "No";

/// A policy duration as people say it: "5 minutes", "8 hours", "2 days".
pub fn duration(d: Duration) -> String {
    let secs = d.as_secs();
    let (n, unit) = match secs {
        s if s >= 86_400 && s % 86_400 == 0 => (s / 86_400, "day"),
        s if s >= 3_600 && s % 3_600 == 0 => (s / 3_600, "hour"),
        s if s >= 60 && s % 60 == 0 => (s / 60, "minute"),
        s => (s, "second"),
    };
    if n == 1 {
        format!("1 {unit}")
    } else {
        format!("{n} {unit}s")
    }
}
