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

pub const SYNC: &str = "Directory sync";
pub const SYNC_INTRO: &str = "When someone leaves or is disabled at your identity provider, \
    Postern ends their sessions and revokes their mail app passwords. Your identity provider \
    tells Postern in one of the ways below.";
pub const SYNC_RECONCILER: &str = "Checks with the identity provider";
pub const SYNC_NO_RECONCILER: &str = "No identity provider API is set up for checks. Ask \
    whoever runs Postern to add one (Keycloak, Authentik, Zitadel or Microsoft Graph) in \
    postern.toml, or use SCIM below.";
pub const SYNC_API: &str = "API";
pub const SYNC_LAST_RUN: &str = "Last check";
pub const SYNC_LAST_OK: &str = "Last successful check";
pub const SYNC_CHECKED: &str = "People checked";
pub const SYNC_DEPARTED: &str = "Found disabled or deleted";
pub const SYNC_UNKNOWN: &str = "Not checked yet (they have not signed in since sync was set up)";
pub const SYNC_NEVER: &str = "Not yet";
pub const SYNC_CHECK_NOW: &str = "Check now";
pub const SYNC_ALERT: &str = "Checks are failing";
pub const SYNC_ALERT_NOTE: &str = "Postern could not ask your identity provider for several \
    checks in a row. Nobody loses access because of this, but people disabled in the meantime \
    keep their app passwords until a check succeeds. Fix the sync settings or the identity \
    provider, then use Check now.";
pub const SCIM: &str = "SCIM provisioning";
pub const SCIM_INTRO: &str = "For Microsoft Entra ID, Authentik and other identity providers \
    that push changes: enter this endpoint and token in the provisioning settings of the \
    Postern application.";
pub const SCIM_ENDPOINT: &str = "Tenant URL (endpoint)";
pub const SCIM_TOKEN: &str = "Secret token";
pub const SCIM_NO_TOKEN: &str = "None yet";
pub const SCIM_CREATE: &str = "Create a token";
pub const SCIM_REPLACE: &str = "Replace the token";
pub const SCIM_REPLACE_NOTE: &str = "A new token stops the old one at once: paste the new one \
    into your identity provider straight away.";
pub const SCIM_NEW_TOKEN: &str = "Your new SCIM token";
pub const SCIM_NEW_TOKEN_NOTE: &str = "Copy it into your identity provider now: you will not \
    see it again. Postern keeps only a fingerprint of it.";
pub const BACKCHANNEL: &str = "Sign-out from the identity provider";
pub const BACKCHANNEL_INTRO: &str = "Register this back-channel logout URI at your identity \
    provider: signing out there (or an administrator ending someone's session there) ends their \
    Postern sessions too. It does not revoke app passwords: that needs the person disabled.";
pub const BACKCHANNEL_URI: &str = "Back-channel logout URI";
pub const DEPARTURES: &str = "People who left";
pub const NO_DEPARTURES: &str = "Nobody has been disabled or deleted at the identity provider \
    since Postern started listening.";
pub const DEPARTURE_WHO: &str = "Person";
pub const DEPARTURE_WHEN: &str = "Noticed";
pub const DEPARTURE_HOW: &str = "Told by";
pub const DEPARTURE_OUTCOME: &str = "App passwords";
pub const OPEN_CONNECTIONS: &str = "A mail app that is still connected when its password is \
    revoked is disconnected by the mail server at its next mailbox command (Stalwart closes the \
    session); signing in again with the revoked password fails.";

pub fn used(at: &str) -> String {
    format!("last used {at}")
}

pub fn created(at: &str) -> String {
    format!("created {at}")
}

pub fn revoked(n: i64) -> String {
    match n {
        0 => "none to revoke".into(),
        1 => "1 revoked".into(),
        n => format!("{n} revoked"),
    }
}

pub fn pending(error: Option<&str>) -> String {
    match error {
        Some(e) => format!("not revoked yet, retrying: {e}"),
        None => "being revoked".into(),
    }
}

pub fn checked(report_checked: usize, departed: usize) -> String {
    match departed {
        0 => format!(
            "Checked {report_checked} people with your identity provider: nobody new is disabled or deleted."
        ),
        1 => format!(
            "Checked {report_checked} people: 1 person is disabled or deleted there; their sessions ended and their app passwords were revoked."
        ),
        n => format!(
            "Checked {report_checked} people: {n} are disabled or deleted there; their sessions ended and their app passwords were revoked."
        ),
    }
}

pub const SCIM_TOKEN_MADE: &str = "A new SCIM token was made.";
pub const SYNC_LINK_NOTE: &str = "how people disabled at your identity provider lose their \
    app passwords and sessions";
