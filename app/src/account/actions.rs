//! What "My account" records in the audit log.

crate::ssr::db::audit::actions! {
    /// Every session of the person ended (by them, or by an admin).
    SIGN_OUT_EVERYWHERE = "user.sign_out_everywhere";
}
