//! What the mail server says of an account Postern might act on: the words only; the checks
//! are in `protection`.

/// Why an account is outside what Postern may act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Protection {
    /// A role other than the plain user (or group) role: Admin, organisation admin, custom.
    ServerRole,
    /// Its own `permissions` grant server-management permissions.
    ManagementPermissions,
    /// Postern itself reaches the mail server with this account's API key.
    PortalCredentials,
}

impl Protection {
    /// The reason as the audit log records it.
    pub fn audit_reason(self) -> &'static str {
        match self {
            Protection::ServerRole => "server_role",
            Protection::ManagementPermissions => "management_permissions",
            Protection::PortalCredentials => "portal_credentials",
        }
    }
}

/// How recent the server's answer must be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Freshness {
    /// A few minutes old at most: for showing things.
    Recent,
    /// Asked now: before a change.
    Now,
}

/// Whether Postern may act on an account, as the mail server says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    Usable,
    Protected(Protection),
    /// No such account (any more): a cached id went stale.
    Gone,
}
