//! The sentences of going live, suspending and removing.

use crate::i18n::{Key, format};

// Going live.
pub const ACTIVATE_INTRO: Key = Key("partners-life-activate-intro");
pub const ACTIVATE: Key = Key("partners-life-activate");
pub const ACTIVATING: Key = Key("partners-life-activating");
pub const MISSING: Key = Key("partners-life-missing");
pub const MISSING_PROVEN: Key = Key("partners-life-missing-proven");
pub const MISSING_SERVER: Key = Key("partners-life-missing-server");
pub const MISSING_AT_SERVER: Key = Key("partners-life-missing-at-server");
pub const MISSING_IDP: Key = Key("partners-life-missing-idp");
pub const MISSING_TEST: Key = Key("partners-life-missing-test");
pub const LIVE_INTRO: Key = Key("partners-life-live-intro");
pub const SIGN_IN_LINK: Key = Key("partners-life-sign-in-link");
pub const MAIL_SETTINGS: Key = Key("partners-life-mail-settings");
pub const IMAP: Key = Key("partners-life-imap");
pub const SMTP: Key = Key("partners-life-smtp");
pub const USERNAME_NOTE: Key = Key("partners-life-username-note");
pub const SUSPEND: Key = Key("partners-life-suspend");
pub const SUSPENDING: Key = Key("partners-life-suspending");
pub const SUSPEND_NOTE: Key = Key("partners-life-suspend-note");
pub const RESUME: Key = Key("partners-life-resume");
pub const SUSPENDED_NOTE: Key = Key("partners-life-suspended-note");
pub const REMOVE_LINK: Key = Key("partners-life-remove-link");
pub const CANCEL_LINK: Key = Key("partners-life-cancel-link");

pub fn activated(name: &str) -> String {
    format(Key("partners-life-activated"), [("name", name.into())])
}

pub fn not_ready(missing: &str) -> String {
    format(
        Key("partners-life-not-ready"),
        [("missing", missing.into())],
    )
}

pub fn suspended(name: &str) -> String {
    format(Key("partners-life-suspended"), [("name", name.into())])
}

pub fn resumed(name: &str) -> String {
    format(Key("partners-life-resumed"), [("name", name.into())])
}

pub const NOT_SUSPENDED: Key = Key("partners-life-not-suspended");
pub const ONLY_LIVE_SUSPEND: Key = Key("partners-life-only-live-suspend");

// Removing.
pub const REMOVE_TITLE: Key = Key("partners-life-remove-title");

pub fn remove_intro(name: &str) -> String {
    format(Key("partners-life-remove-intro"), [("name", name.into())])
}

pub const DELETE_AT_SERVER: Key = Key("partners-life-delete-at-server");
pub const TYPE_DOMAINS: Key = Key("partners-life-type-domains");
pub const REMOVE: Key = Key("partners-life-remove");
pub const REMOVING: Key = Key("partners-life-removing");
pub const CANCEL: Key = Key("partners-life-cancel");
pub const NOTHING_AT_SERVER: Key = Key("partners-life-nothing-at-server");
pub const TYPED_WRONG: Key = Key("partners-life-typed-wrong");
pub const DELETE_DOMAINS: Key = Key("partners-life-delete-domains");

pub fn removed(name: &str) -> String {
    format(Key("partners-life-removed"), [("name", name.into())])
}

pub fn removed_and_deleted(name: &str, domains: &str) -> String {
    format(
        Key("partners-life-removed-and-deleted"),
        [("name", name.into()), ("domains", domains.into())],
    )
}

pub fn protected_accounts(domain: &str, accounts: &str) -> String {
    format(
        Key("partners-life-protected-accounts"),
        [("domain", domain.into()), ("accounts", accounts.into())],
    )
}

pub fn partly_deleted(deleted: &str, failed: &str, why: &str, now_there: &str) -> String {
    if deleted.is_empty() {
        format(
            Key("partners-life-delete-failed"),
            [
                ("failed", failed.into()),
                ("why", why.into()),
                ("now_there", now_there.into()),
            ],
        )
    } else {
        format(
            Key("partners-life-partly-deleted"),
            [
                ("deleted", deleted.into()),
                ("failed", failed.into()),
                ("why", why.into()),
                ("now_there", now_there.into()),
            ],
        )
    }
}

pub fn gone_now(domain: &str) -> String {
    format(Key("partners-life-gone-now"), [("domain", domain.into())])
}

pub fn still_there(domain: &str, mailboxes: usize) -> String {
    format(
        Key("partners-life-still-there"),
        [("domain", domain.into()), ("mailboxes", mailboxes.into())],
    )
}

pub fn unknown_now(domain: &str) -> String {
    format(
        Key("partners-life-unknown-now"),
        [("domain", domain.into())],
    )
}

pub const SUSPENDED_BY_OPERATOR: Key = Key("partners-life-suspended-by-operator");
