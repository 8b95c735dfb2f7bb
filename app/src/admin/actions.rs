//! What organisation administration records in the audit log.

crate::ssr::db::audit::actions! {
    MAILBOX_CREATE = "mailbox.create";
    MAILBOX_UPDATE = "mailbox.update";
    ALIAS_ADD = "mailbox.alias_add";
    ALIAS_REMOVE = "mailbox.alias_remove";
    PASSWORD_RESET = "mailbox.password_reset";
    MAILBOX_DELETE = "mailbox.delete";
    /// A write to a mailbox the mail server's operator manages.
    MAILBOX_REFUSED = "mailbox.refused";
    GROUP_CREATE = "group.create";
    MEMBER_ADD = "group.member_add";
    MEMBER_REMOVE = "group.member_remove";
    ALLOW_RECEIVE = "group.allow_receive";
    /// A write to a group the mail server's operator manages.
    GROUP_REFUSED = "group.refused";
    /// An admin revoked someone's app password.
    APP_PASSWORD_REVOKE = "app_password.admin_revoke";
}
