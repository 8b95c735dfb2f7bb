//! What the sign-in area records in the audit log.

crate::ssr::db::audit::actions! {
    SIGN_IN = "user.sign_in";
    /// The address names an account the portal never acts on.
    SIGN_IN_REFUSED = "user.sign_in_refused";
    /// A fresh sign-in came back as someone else, or not fresh.
    REAUTH_REFUSED = "user.reauth_refused";
    SIGN_OUT = "user.sign_out";
    /// A first sign-in made the person's mailbox.
    MAILBOX_PROVISION = "mailbox.provision";
}
