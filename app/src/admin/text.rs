//! Every sentence of organisation administration: the pages, the notices after each action, and
//! every refusal and failure the service explains.

pub const MAILBOXES: &str = "Mailboxes";
pub const GROUPS: &str = "Groups and shared mailboxes";
pub const AUDIT: &str = "Audit log";
pub const NEW_MAILBOX: &str = "Create a mailbox";
pub const DOMAIN: &str = "Domain";
pub const SEARCH: &str = "Search";
pub const SEARCH_HINT: &str = "Part of a name or address";
pub const SHOW: &str = "Show";
pub const ADDRESS: &str = "Address";
pub const DISPLAY_NAME: &str = "Display name";
pub const STORAGE: &str = "Storage";
pub const ALIASES: &str = "Aliases";
pub const MEMBER_OF: &str = "Groups";
pub const NO_LIMIT: &str = "no limit";
pub const NONE_FOUND: &str = "No mailboxes match.";
pub const EMPTY_DOMAIN: &str = "This domain has no mailboxes yet.";
pub const PREVIOUS: &str = "Previous page";
pub const NEXT: &str = "Next page";
pub const LOCAL_PART: &str = "Name before the @";
pub const QUOTA: &str = "Storage limit (GB)";
pub const QUOTA_HINT: &str = "Leave empty for no limit.";
pub const ALIASES_HINT: &str = "Other addresses that deliver to this mailbox, one per line.";
pub const PASSWORD: &str = "Initial password (optional)";
pub const PASSWORD_HINT: &str = "At least 12 characters and hard to guess. Leave empty if the person signs in \
    through your identity provider and uses app passwords. Only a hash is sent to the mail server.";
pub const NO_PASSWORDS: &str = "People of your organisation sign in through your identity provider, so \
    mailboxes get no password; they create app passwords for their mail apps.";
pub const CREATE: &str = "Create mailbox";
pub const CREATING: &str = "Creating…";
pub const SAVE: &str = "Save";
pub const SAVING: &str = "Saving…";
pub const CANCEL: &str = "Cancel";
pub const PROBLEM: &str = "The mailbox was not created";
pub const DETAILS: &str = "Details";
pub const ADD_ALIAS: &str = "Add alias";
pub const NEW_ALIAS: &str = "New alias";
pub const REMOVE: &str = "Remove";
pub const PASSWORD_TITLE: &str = "Password";
pub const RESET_PASSWORD: &str = "Set a new password";
pub const NEW_PASSWORD: &str = "New password";
pub const APP_PASSWORDS: &str = "App passwords of this mailbox";
pub const APP_PASSWORDS_NONE: &str = "This mailbox has no app passwords.";
pub const REVOKE: &str = "Revoke";
pub const DELETE: &str = "Delete this mailbox";
pub const SIGN_OUT_TITLE: &str = "Sessions in this portal";
pub const SIGN_OUT_BODY: &str = "Sign this person out of every browser where they are signed in to \
    this portal (a lost device, someone leaving). Their app passwords keep working; revoke those above.";
pub const SIGN_OUT_BUTTON: &str = "Sign out everywhere";
pub const DELETE_TITLE: &str = "Delete mailbox";
pub const DELETE_WARNING: &str = "Deleting a mailbox also deletes all its mail, calendars and contacts on the \
    mail server. This cannot be undone.";
pub const DELETE_CONFIRM: &str = "To confirm, type the address";
pub const DELETE_BUTTON: &str = "Delete mailbox and all its mail";
pub const DELETING: &str = "Deleting…";
pub const NEW_GROUP: &str = "Create a group";
pub const GROUP_ADDRESS: &str = "Group address";
pub const MEMBERS: &str = "Members";
pub const NO_MEMBERS: &str = "No members yet.";
pub const ADD_MEMBER: &str = "Add member";
pub const MEMBER_ADDRESS: &str = "Member's address";
pub const RECEIVES: &str = "Receives mail";
pub const DOES_NOT_RECEIVE: &str =
    "Cannot receive mail: the mail server would accept messages and then bounce them.";
pub const FIX_RECEIVE: &str = "Let it receive mail";
pub const NO_GROUPS: &str =
    "There are no groups yet. A group is a shared mailbox: its members read its mail.";
pub const ACTION_FILTER: &str = "Action starts with";
pub const ACTOR_FILTER: &str = "Done by (address contains)";
pub const FILTER: &str = "Filter";
pub const WHEN: &str = "When";
pub const WHO: &str = "Who";
pub const WHAT: &str = "Action";
pub const TARGET: &str = "Target";
pub const CHANGES: &str = "Changes";
pub const NO_EVENTS: &str = "No events match.";
pub const PROTECTED: &str = "Managed by your mail server's operator";
pub const PROTECTED_MAILBOX: &str = "This account has rights on the mail server itself (or is the \
    account this portal uses to reach it), so it is managed by your mail server's operator. You can \
    see it here, but not change it.";
pub const PROTECTED_GROUP: &str = "This group grants rights on the mail server itself, so it is \
    managed by your mail server's operator. You can see it here, but not change it.";
pub const PAGES: &str = "Pages";
pub const OUTCOME: &str = "Outcome";
pub const EXPORT_CSV: &str = "Download as CSV";

pub fn event_count(total: u64, page: u64, pages: u64) -> String {
    format!(
        "{total} event{} · page {page} of {pages}",
        if total == 1 { "" } else { "s" }
    )
}

/// An audit event's outcome in words.
pub fn outcome(outcome: &str) -> &'static str {
    match outcome {
        "done" => "Done",
        "pending" => "Not confirmed by the mail server",
        _ => "Unknown",
    }
}

pub fn mailbox_count(total: u64, page: u64, pages: u64) -> String {
    format!(
        "{total} mailbox{} · page {page} of {pages}",
        if total == 1 { "" } else { "es" }
    )
}

pub fn storage(used: &str, quota: Option<&str>) -> String {
    match quota {
        Some(q) => format!("{used} of {q}"),
        None => format!("{used} ({NO_LIMIT})"),
    }
}

pub fn created_on(name: &str, created: &str) -> String {
    format!("{name} — created {created}")
}

pub fn labelled(action: &str, what: &str) -> String {
    format!("{action} {what}")
}

pub fn confirm_label(address: &str) -> String {
    format!("{DELETE_CONFIRM} ({address})")
}

// ----- notices after an action -----

pub const SAVED: &str = "Saved.";
pub const PASSWORD_SET: &str = "The new password is set.";
pub const GROUP_RECEIVES: &str = "The group can receive mail now.";

pub fn created_mailbox(address: &str) -> String {
    format!("Created the mailbox {address}.")
}
pub fn added_alias(alias: &str) -> String {
    format!("Added the alias {alias}.")
}
pub fn removed_alias(alias: &str) -> String {
    format!("Removed the alias {alias}.")
}
pub fn deleted_mailbox(address: &str) -> String {
    format!("Deleted the mailbox {address} and its mail.")
}
pub fn revoked_app_password(name: &str) -> String {
    format!("Revoked the app password “{name}”.")
}
pub fn signed_out(address: &str, sessions: u64) -> String {
    match sessions {
        0 => format!("{address} was not signed in anywhere."),
        1 => format!("Signed {address} out of 1 session."),
        n => format!("Signed {address} out of {n} sessions."),
    }
}
pub fn created_group(address: &str) -> String {
    format!("Created the group {address}.")
}
pub fn added_member(member: &str) -> String {
    format!("Added {member} to the group.")
}
pub fn removed_member(member: &str) -> String {
    format!("Removed {member} from the group.")
}

// ----- refusals and failures -----

pub const PASSWORDS_EXTERNAL: &str = "Passwords of this organisation are managed by its sign-in \
    service (the mail server uses an external directory), so they cannot be set here. People sign \
    in with their organisation's account and use app passwords for their mail apps.";
pub const CHANGE_REFUSED: &str = "The mail server does not allow this change.";

pub const NOT_FOUND: &str = "There is no such mailbox or group in your organisation.";
pub const NO_DOMAINS_YET: &str =
    "None of your organisation's domains exists on the mail server yet.";
pub const CHOOSE_DOMAIN: &str = "Choose one of your organisation's domains.";
pub const DISPLAY_NAME_TOO_LONG: &str = "Use at most 100 characters.";
pub const NO_MAILBOX_PASSWORDS: &str = "Mailboxes of your organisation do not have passwords: people sign in \
    through your identity provider and use app passwords.";
pub const APP_PASSWORD_GONE: &str = "This app password does not exist any more.";
pub const TAKEN: &str =
    "This address is already used by another mailbox, group or alias. Choose another one.";
pub const DOMAIN_GONE: &str =
    "The domain does not exist on the mail server any more. Ask your provider to check it.";
pub const PASSWORD_REFUSED: &str = "The mail server refused this password.";
pub const VALUE_REFUSED: &str = "The mail server did not accept this value.";
pub const DELETED_MEANWHILE: &str = "It does not exist any more; someone may have deleted it.";
pub const QUOTA_FORMAT: &str =
    "Enter the size in GB, like 2 or 0.5, or leave it empty for no limit.";
pub const GUESSED_EASILY: &str = "It would be guessed too easily.";

pub fn not_an_address(address: &str, example_domain: &str) -> String {
    format!("“{address}” is not an address like name@{example_domain}.")
}
pub fn not_our_domain(domain: &str, ours: &str) -> String {
    format!("{domain} is not one of your organisation's domains ({ours}).")
}
pub fn not_an_alias(alias: &str) -> String {
    format!("{alias} is not an alias of this mailbox.")
}
pub fn type_to_confirm(address: &str) -> String {
    format!("Type {address} exactly to confirm.")
}
pub fn no_such_mailbox(address: &str) -> String {
    format!("There is no mailbox {address}.")
}
pub fn still_linked(action: &str, objects: &str) -> String {
    format!(
        "We could not {action}: other objects still refer to it ({objects}). Remove those first."
    )
}
pub fn limit_reached(action: &str) -> String {
    format!("We could not {action}: a limit on the mail server is reached.")
}
pub fn password_too_short(min: usize) -> String {
    format!("Use at least {min} characters.")
}
pub fn password_too_long(max: usize) -> String {
    format!("Use at most {max} characters.")
}
pub fn password_too_weak(advice: &str) -> String {
    format!(
        "This password is too weak. {advice} Add another word or two; uncommon words are better."
    )
}

/// Why an account is the mail server operator's, not the organisation admin's.
pub const PROTECTED_SERVER_ROLE: &str = "has administrator rights on the mail server";
pub const PROTECTED_PERMISSIONS: &str = "has server-management permissions";
pub const PROTECTED_PORTAL: &str = "is the account this portal uses to reach the mail server";

pub fn protected_refusal(address: &str, reason: &str) -> String {
    format!(
        "{address} {reason}, so it is managed by your mail server's operator and cannot be changed here."
    )
}

/// Each completes "We could not …".
pub mod action {
    pub const LIST_MAILBOXES: &str = "list the mailboxes";
    pub const LIST_GROUPS: &str = "list the groups";
    pub const LIST_MEMBERS: &str = "list the members";
    pub const LIST_APP_PASSWORDS: &str = "list the app passwords";
    pub const LOAD_MAILBOX: &str = "load the mailbox";
    pub const CREATE_MAILBOX: &str = "create the mailbox";
    pub const SAVE_MAILBOX: &str = "save the mailbox";
    pub const ADD_ALIAS: &str = "add the alias";
    pub const REMOVE_ALIAS: &str = "remove the alias";
    pub const RESET_PASSWORD: &str = "reset the password";
    pub const DELETE_MAILBOX: &str = "delete the mailbox";
    pub const REVOKE_APP_PASSWORD: &str = "revoke the app password";
    pub const CREATE_GROUP: &str = "create the group";
    pub const FIND_MEMBER: &str = "find the member";
    pub const CHANGE_MEMBERSHIP: &str = "change the membership";
    pub const READ_GROUP: &str = "read the group";
    pub const ALLOW_RECEIVING: &str = "let the group receive mail";
    pub const READ_SETTINGS: &str = "read the mail server's settings";
}
