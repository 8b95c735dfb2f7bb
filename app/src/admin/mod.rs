//! Organisation administration: mailboxes, groups (shared mailboxes), the audit log.

#[cfg(feature = "ssr")]
pub mod actions;
pub mod api;
#[cfg(feature = "ssr")]
pub mod forms;
pub mod model;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;
pub mod text;

crate::routing::area! {
    pages {
        "/admin/mailboxes" => pages::MailboxesPage, Admin;
        "/admin/mailboxes/new" => pages::NewMailboxPage, Admin;
        "/admin/mailboxes/:id" => pages::MailboxPage, Admin;
        "/admin/mailboxes/:id/delete" => pages::DeleteMailboxPage, Admin;
        "/admin/groups" => pages::GroupsPage, Admin;
        "/admin/audit" => pages::AuditPage, Admin;
    }
    posts {
        "/admin/mailboxes/new" => forms::create_mailbox, Admin, model::NewMailboxForm;
        "/admin/mailboxes/:id" => forms::update_mailbox, Admin, forms::DetailsForm;
        "/admin/mailboxes/:id/aliases" => forms::add_alias, Admin, forms::AliasForm;
        "/admin/mailboxes/:id/aliases/remove" => forms::remove_alias, Admin, forms::AliasForm;
        "/admin/mailboxes/:id/password" => forms::reset_password, Admin + Fresh, forms::PasswordForm;
        "/admin/mailboxes/:id/delete" => forms::delete_mailbox, Admin + Fresh, forms::DeleteForm;
        "/admin/mailboxes/:id/app-passwords/:credential/revoke" => forms::revoke_app_password, Admin, NoFields;
        "/admin/mailboxes/:id/sign-out" => forms::sign_out_person, Admin, NoFields;
        "/admin/groups" => forms::create_group, Admin, forms::GroupForm;
        "/admin/groups/:id/members" => forms::add_member, Admin + Fresh, forms::MemberForm;
        "/admin/groups/:id/members/remove" => forms::remove_member, Admin, forms::MemberForm;
        "/admin/groups/:id/receive" => forms::allow_receiving, Admin, NoFields;
    }
    downloads {
        "/admin/audit/export.csv" => forms::export_audit, Admin;
    }
}
