//! What the activity area records in the audit log.

crate::ssr::db::audit::actions! {
    /// An app password at the mail server that Postern did not make.
    FOUND_AT_SERVER = "app_password.found_at_server";
    /// An app password Postern saw that is gone without Postern revoking it.
    REMOVED_AT_SERVER = "app_password.removed_at_server";
}
