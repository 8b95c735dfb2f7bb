//! Every sentence of the organisation page.

use crate::i18n::Key;
use crate::i18n::format;

use std::time::Duration;

pub const ORGANISATION: Key = Key("org-organisation");
pub const INTRO: Key = Key("org-intro");
pub const MANAGED_IN_CONFIG: Key = Key("org-managed-in-config");
pub const MANAGED_IN_CONFIG_NOTE: Key = Key("org-managed-in-config-note");
pub const MANAGED_HERE: Key = Key("org-managed-here");
pub const DOMAINS: Key = Key("org-domains");
pub const NO_DOMAINS: Key = Key("org-no-domains");
pub const SIGN_IN: Key = Key("org-sign-in");
pub const ISSUER: Key = Key("org-issuer");
pub const CLIENT_ID: Key = Key("org-client-id");
pub const CLIENT_SECRET: Key = Key("org-client-secret");
pub const SECRET_IN_CONFIG: Key = Key("org-secret-in-config");
pub const SECRET_SEALED: Key = Key("org-secret-sealed");
pub const SCOPES: Key = Key("org-scopes");
pub const EMAIL_CLAIM: Key = Key("org-email-claim");
pub const GROUPS_CLAIM: Key = Key("org-groups-claim");
pub const ADMIN_GROUP: Key = Key("org-admin-group");
pub const NO_ADMIN_GROUP: Key = Key("org-no-admin-group");
pub const LOGIN_HINT: Key = Key("org-login-hint");
pub const HINT_EMAIL: Key = Key("org-hint-email");
pub const HINT_NONE: Key = Key("org-hint-none");
pub const HINT_LOCAL_PART: Key = Key("org-hint-local-part");
pub const MAIL: Key = Key("org-mail");
pub const SERVER: Key = Key("org-server");
pub const IMAP: Key = Key("org-imap");
pub const SMTP: Key = Key("org-smtp");
pub const POLICIES: Key = Key("org-policies");
pub const FRESH_AUTH: Key = Key("org-fresh-auth");
pub const SESSION_LIFETIME: Key = Key("org-session-lifetime");
pub const SESSION_IDLE: Key = Key("org-session-idle");
pub const ADMIN_RECHECK: Key = Key("org-admin-recheck");
pub const MAILBOX_PASSWORDS: Key = Key("org-mailbox-passwords");
pub const PROVISIONING: Key = Key("org-provisioning");
pub const VERIFIED_EMAIL: Key = Key("org-verified-email");
pub const ON: Key = Key("org-on");
pub const OFF: Key = Key("org-off");

/// A policy duration as people say it: "5 minutes", "8 hours", "2 days".
pub fn duration(d: Duration) -> String {
    let secs = d.as_secs();
    let (n, key) = match secs {
        s if s >= 86_400 && s % 86_400 == 0 => (s / 86_400, DURATION_DAYS),
        s if s >= 3_600 && s % 3_600 == 0 => (s / 3_600, DURATION_HOURS),
        s if s >= 60 && s % 60 == 0 => (s / 60, DURATION_MINUTES),
        s => (s, DURATION_SECONDS),
    };
    format(key, [("count", n.into())])
}

const DURATION_DAYS: Key = Key("org-duration-days");
const DURATION_HOURS: Key = Key("org-duration-hours");
const DURATION_MINUTES: Key = Key("org-duration-minutes");
const DURATION_SECONDS: Key = Key("org-duration-seconds");

pub const SYNC: Key = Key("org-sync");
pub const SYNC_INTRO: Key = Key("org-sync-intro");
pub const SYNC_RECONCILER: Key = Key("org-sync-reconciler");
pub const SYNC_NO_RECONCILER: Key = Key("org-sync-no-reconciler");
pub const SYNC_API: Key = Key("org-sync-api");
pub const SYNC_LAST_RUN: Key = Key("org-sync-last-run");
pub const SYNC_LAST_OK: Key = Key("org-sync-last-ok");
pub const SYNC_CHECKED: Key = Key("org-sync-checked");
pub const SYNC_DEPARTED: Key = Key("org-sync-departed");
pub const SYNC_UNKNOWN: Key = Key("org-sync-unknown");
pub const SYNC_NEVER: Key = Key("org-sync-never");
pub const SYNC_CHECK_NOW: Key = Key("org-sync-check-now");
pub const SYNC_ALERT: Key = Key("org-sync-alert");
pub const SYNC_ALERT_NOTE: Key = Key("org-sync-alert-note");
pub const SCIM: Key = Key("org-scim");
pub const SCIM_INTRO: Key = Key("org-scim-intro");
pub const SCIM_ENDPOINT: Key = Key("org-scim-endpoint");
pub const SCIM_TOKEN: Key = Key("org-scim-token");
pub const SCIM_NO_TOKEN: Key = Key("org-scim-no-token");
pub const SCIM_CREATE: Key = Key("org-scim-create");
pub const SCIM_REPLACE: Key = Key("org-scim-replace");
pub const SCIM_REPLACE_NOTE: Key = Key("org-scim-replace-note");
pub const SCIM_NEW_TOKEN: Key = Key("org-scim-new-token");
pub const SCIM_NEW_TOKEN_NOTE: Key = Key("org-scim-new-token-note");
pub const BACKCHANNEL: Key = Key("org-backchannel");
pub const BACKCHANNEL_INTRO: Key = Key("org-backchannel-intro");
pub const BACKCHANNEL_URI: Key = Key("org-backchannel-uri");
pub const DEPARTURES: Key = Key("org-departures");
pub const NO_DEPARTURES: Key = Key("org-no-departures");
pub const DEPARTURE_WHO: Key = Key("org-departure-who");
pub const DEPARTURE_WHEN: Key = Key("org-departure-when");
pub const DEPARTURE_HOW: Key = Key("org-departure-how");
pub const DEPARTURE_OUTCOME: Key = Key("org-departure-outcome");
pub const OPEN_CONNECTIONS: Key = Key("org-open-connections");

pub fn used(at: &str) -> String {
    format(Key("org-used"), [("at", at.into())])
}

pub fn created(at: &str) -> String {
    format(Key("org-created"), [("at", at.into())])
}

/// The SCIM token's dates in one line: "created …, last used …".
pub fn created_and_used(created: &str, used: &str) -> String {
    format(
        Key("org-created-and-used"),
        [("created", created.into()), ("used", used.into())],
    )
}

/// How many app passwords a departure revoked ("none to revoke" for 0).
pub fn revoked(n: i64) -> String {
    format(Key("org-revoked"), [("count", n.into())])
}

pub fn pending(error: Option<&str>) -> String {
    match error {
        Some(e) => format(Key("org-pending-retrying"), [("error", e.into())]),
        None => Key("org-pending").get(),
    }
}

pub fn checked(report_checked: usize, departed: usize) -> String {
    format(
        Key("org-checked"),
        [
            ("checked", report_checked.into()),
            ("departed", departed.into()),
        ],
    )
}

/// A failed check with the IdP's API: its error, then that nothing changed.
pub fn check_failed(error: &str) -> String {
    format(Key("org-check-failed"), [("error", error.into())])
}

/// The copy button of a new SCIM token.
pub const COPY_TOKEN: Key = Key("org-copy-token");
/// The sync run's last error (a row label).
pub const LAST_ERROR: Key = Key("org-last-error");
/// How a departure was told to Postern.
/// What the IdP said of a person who left.
pub const REASON_DEACTIVATED: Key = Key("org-reason-deactivated");
pub const REASON_DELETED: Key = Key("org-reason-deleted");
pub const SOURCE_SCIM: Key = Key("org-source-scim");
pub const SOURCE_SYNC: Key = Key("org-source-sync");
/// The identity provider API that directory sync checks with.
pub const KIND_KEYCLOAK: Key = Key("org-kind-keycloak");
pub const KIND_AUTHENTIK: Key = Key("org-kind-authentik");
pub const KIND_ZITADEL: Key = Key("org-kind-zitadel");
pub const KIND_GRAPH: Key = Key("org-kind-graph");
pub const KIND_SCIM: Key = Key("org-kind-scim");

pub const SCIM_TOKEN_MADE: Key = Key("org-scim-token-made");
pub const SYNC_LINK_NOTE: Key = Key("org-sync-link-note");
