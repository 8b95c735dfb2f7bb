//! The sentences of going live, suspending and removing.

// Going live.
pub const ACTIVATE_INTRO: &str = "When every step is done, make the organisation live: its people \
    can then sign in and create app passwords.";
pub const ACTIVATE: &str = "Go live";
pub const ACTIVATING: &str = "Going live…";
pub const MISSING: &str = "Still to do:";
pub const MISSING_PROVEN: &str = "Prove at least one mail domain.";
pub const MISSING_SERVER: &str = "Choose the mail server.";
pub const MISSING_AT_SERVER: &str = "Create (or adopt) a proven domain at the mail server.";
pub const MISSING_IDP: &str = "Set up the identity provider.";
pub const MISSING_TEST: &str = "Test a sign-in through the identity provider (again after any \
    change to its settings).";
pub const LIVE_INTRO: &str = "The organisation is live. Hand its people these:";
pub const SIGN_IN_LINK: &str = "Sign-in page";
pub const MAIL_SETTINGS: &str = "Mail app settings";
pub const IMAP: &str = "IMAP (incoming)";
pub const SMTP: &str = "SMTP (outgoing)";
pub const USERNAME_NOTE: &str = "User name: the full e-mail address; password: an app password \
    made on this portal.";
pub const SUSPEND: &str = "Suspend";
pub const SUSPENDING: &str = "Suspending…";
pub const SUSPEND_NOTE: &str = "Suspending refuses sign-ins and ends every session of the \
    organisation's people at once. Nothing at the mail server changes.";
pub const RESUME: &str = "Resume";
pub const SUSPENDED_NOTE: &str = "Suspended: its people cannot sign in.";
pub const REMOVE_LINK: &str = "Remove this organisation…";
pub const CANCEL_LINK: &str = "Cancel onboarding…";

pub fn activated(name: &str) -> String {
    format!("{name} is live: its people can sign in now.")
}

pub fn not_ready(missing: &str) -> String {
    format!("Not yet: {missing}")
}

pub fn suspended(name: &str) -> String {
    format!("{name} is suspended: sign-ins are refused and its sessions ended.")
}

pub fn resumed(name: &str) -> String {
    format!("{name} is live again.")
}

pub const NOT_SUSPENDED: &str = "The organisation is not suspended.";
pub const ONLY_LIVE_SUSPEND: &str = "Only a live organisation can be suspended; a draft is not \
    live yet.";

// Removing.
pub const REMOVE_TITLE: &str = "Remove an organisation";

pub fn remove_intro(name: &str) -> String {
    format!(
        "Postern forgets {name}: its settings, domains and people's records here (its audit \
         log stays). Its people can no longer sign in. Nothing at the mail server is deleted \
         unless you ask for it below."
    )
}

pub const DELETE_AT_SERVER: &str = "Also delete its domains and every mailbox in them at the mail \
    server (cannot be undone)";
pub const TYPE_DOMAINS: &str = "To confirm, type the domain names (separated by spaces)";
pub const REMOVE: &str = "Remove the organisation";
pub const REMOVING: &str = "Removing…";
pub const CANCEL: &str = "Cancel";
pub const NOTHING_AT_SERVER: &str = "None of its domains exists at the mail server for it.";
pub const TYPED_WRONG: &str = "Type exactly the domain names shown, to confirm deleting them at \
    the mail server. Nothing was removed.";
pub const DELETE_DOMAINS: &str = "delete the domains at the mail server";

pub fn removed(name: &str) -> String {
    format!("{name} is removed from Postern.")
}

pub fn removed_and_deleted(name: &str, domains: &str) -> String {
    format!("{name} is removed from Postern, and {domains} deleted at the mail server.")
}

pub fn protected_accounts(domain: &str, accounts: &str) -> String {
    format!(
        "{domain} holds accounts Postern must not delete ({accounts}: the portal's own or an \
         administrator's). Nothing was deleted or removed; move those accounts first."
    )
}

pub fn partly_deleted(deleted: &str, failed: &str, why: &str, now_there: &str) -> String {
    let done = if deleted.is_empty() {
        String::new()
    } else {
        format!("Deleted at the mail server: {deleted}. ")
    };
    format!(
        "{done}Deleting {failed} failed: {why} {now_there} The organisation is kept so you can \
         try again."
    )
}

pub fn gone_now(domain: &str) -> String {
    format!("{domain} no longer exists at the mail server.")
}

pub fn still_there(domain: &str, mailboxes: usize) -> String {
    format!("{domain} is still at the mail server, with {mailboxes} mailbox(es) in it.")
}

pub fn unknown_now(domain: &str) -> String {
    format!("Whether {domain} is still at the mail server cannot be told right now.")
}

pub const SUSPENDED_BY_OPERATOR: &str = "This organisation was suspended by the portal's operator: \
    only they can resume it.";
