//! What the app-password area records in the audit log.

crate::ssr::db::audit::actions! {
    CREATE = "app_password.create";
    APPLE_PROFILE = "app_password.apple_profile";
    REVOKE = "app_password.revoke";
    REVOKE_ALL = "app_password.revoke_all";
    API_KEY_REVOKE = "api_key.revoke";
    /// A change asked for an account the portal never acts on.
    REFUSED = "app_password.refused";
}
