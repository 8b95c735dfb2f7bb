//! Every sentence of organisation administration: the pages, the notices after each action, and
//! every refusal and failure the service explains.

use crate::i18n::{Key, format};

pub const MAILBOXES: Key = Key("admin-mailboxes");
pub const GROUPS: Key = Key("admin-groups");
pub const AUDIT: Key = Key("admin-audit");
pub const NEW_MAILBOX: Key = Key("admin-new-mailbox");
pub const DOMAIN: Key = Key("admin-domain");
pub const SEARCH: Key = Key("admin-search");
pub const SEARCH_HINT: Key = Key("admin-search-hint");
pub const SHOW: Key = Key("admin-show");
pub const ADDRESS: Key = Key("admin-address");
pub const DISPLAY_NAME: Key = Key("admin-display-name");
pub const STORAGE: Key = Key("admin-storage");
pub const ALIASES: Key = Key("admin-aliases");
pub const MEMBER_OF: Key = Key("admin-member-of");
pub const NO_LIMIT: Key = Key("admin-no-limit");
/// Shown for an alias whose domain is not one of the organisation's.
pub const ANOTHER_DOMAIN: Key = Key("admin-another-domain");
pub const NONE_FOUND: Key = Key("admin-none-found");
pub const EMPTY_DOMAIN: Key = Key("admin-empty-domain");
pub const PREVIOUS: Key = Key("admin-previous");
pub const NEXT: Key = Key("admin-next");
pub const LOCAL_PART: Key = Key("admin-local-part");
pub const QUOTA: Key = Key("admin-quota");
pub const QUOTA_HINT: Key = Key("admin-quota-hint");
pub const ALIASES_HINT: Key = Key("admin-aliases-hint");
pub const PASSWORD: Key = Key("admin-password");
pub const PASSWORD_HINT: Key = Key("admin-password-hint");
pub const NO_PASSWORDS: Key = Key("admin-no-passwords");
pub const CREATE: Key = Key("admin-create");
pub const CREATING: Key = Key("admin-creating");
pub const SAVE: Key = Key("admin-save");
pub const SAVING: Key = Key("admin-saving");
pub const CANCEL: Key = Key("admin-cancel");
pub const PROBLEM: Key = Key("admin-problem");
pub const DETAILS: Key = Key("admin-details");
pub const ADD_ALIAS: Key = Key("admin-add-alias");
pub const NEW_ALIAS: Key = Key("admin-new-alias");
pub const REMOVE: Key = Key("admin-remove");
pub const PASSWORD_TITLE: Key = Key("admin-password-title");
pub const RESET_PASSWORD: Key = Key("admin-reset-password");
pub const NEW_PASSWORD: Key = Key("admin-new-password");
pub const APP_PASSWORDS: Key = Key("admin-app-passwords");
pub const APP_PASSWORDS_NONE: Key = Key("admin-app-passwords-none");
pub const REVOKE: Key = Key("admin-revoke");
pub const DELETE: Key = Key("admin-delete");
pub const SIGN_OUT_TITLE: Key = Key("admin-sign-out-title");
pub const SIGN_OUT_BODY: Key = Key("admin-sign-out-body");
pub const SIGN_OUT_BUTTON: Key = Key("admin-sign-out-button");
pub const DELETE_TITLE: Key = Key("admin-delete-title");
pub const DELETE_WARNING: Key = Key("admin-delete-warning");
pub const DELETE_CONFIRM: Key = Key("admin-delete-confirm");
pub const DELETE_BUTTON: Key = Key("admin-delete-button");
pub const DELETING: Key = Key("admin-deleting");
pub const NEW_GROUP: Key = Key("admin-new-group");
pub const GROUP_ADDRESS: Key = Key("admin-group-address");
pub const MEMBERS: Key = Key("admin-members");
pub const NO_MEMBERS: Key = Key("admin-no-members");
pub const ADD_MEMBER: Key = Key("admin-add-member");
pub const MEMBER_ADDRESS: Key = Key("admin-member-address");
pub const RECEIVES: Key = Key("admin-receives");
pub const DOES_NOT_RECEIVE: Key = Key("admin-does-not-receive");
pub const FIX_RECEIVE: Key = Key("admin-fix-receive");
pub const NO_GROUPS: Key = Key("admin-no-groups");
pub const ACTION_FILTER: Key = Key("admin-action-filter");
pub const ACTOR_FILTER: Key = Key("admin-actor-filter");
pub const FILTER: Key = Key("admin-filter");
pub const WHEN: Key = Key("admin-when");
pub const WHO: Key = Key("admin-who");
pub const WHAT: Key = Key("admin-what");
pub const TARGET: Key = Key("admin-target");
pub const CHANGES: Key = Key("admin-changes");
pub const NO_EVENTS: Key = Key("admin-no-events");
pub const PROTECTED: Key = Key("admin-protected");
pub const PROTECTED_MAILBOX: Key = Key("admin-protected-mailbox");
pub const PROTECTED_GROUP: Key = Key("admin-protected-group");
pub const PAGES: Key = Key("admin-pages");
pub const OUTCOME: Key = Key("admin-outcome");
pub const EXPORT_CSV: Key = Key("admin-export-csv");

const EVENT_COUNT: Key = Key("admin-event-count");
const OUTCOME_DONE: Key = Key("admin-outcome-done");
const OUTCOME_PENDING: Key = Key("admin-outcome-pending");
const OUTCOME_UNKNOWN: Key = Key("admin-outcome-unknown");
const MAILBOX_COUNT: Key = Key("admin-mailbox-count");
const STORAGE_OF: Key = Key("admin-storage-of");
const STORAGE_UNLIMITED: Key = Key("admin-storage-unlimited");
const CREATED_ON: Key = Key("admin-created-on");
const LABELLED: Key = Key("admin-labelled");
const CONFIRM_LABEL: Key = Key("admin-confirm-label");

pub fn event_count(total: u64, page: u64, pages: u64) -> String {
    format(
        EVENT_COUNT,
        [
            ("total", total.into()),
            ("page", page.into()),
            ("pages", pages.into()),
        ],
    )
}

/// An audit event's outcome in words.
pub fn outcome(outcome: &str) -> Key {
    match outcome {
        "done" => OUTCOME_DONE,
        "pending" => OUTCOME_PENDING,
        _ => OUTCOME_UNKNOWN,
    }
}

pub fn mailbox_count(total: u64, page: u64, pages: u64) -> String {
    format(
        MAILBOX_COUNT,
        [
            ("total", total.into()),
            ("page", page.into()),
            ("pages", pages.into()),
        ],
    )
}

pub fn storage(used: &str, quota: Option<&str>) -> String {
    match quota {
        Some(q) => format(STORAGE_OF, [("used", used.into()), ("quota", q.into())]),
        None => format(STORAGE_UNLIMITED, [("used", used.into())]),
    }
}

pub fn created_on(name: &str, created: &str) -> String {
    format(
        CREATED_ON,
        [("name", name.into()), ("created", created.into())],
    )
}

/// The accessible name of a button that acts on one item: `action` is the button's word
/// ([`REMOVE`], [`REVOKE`]), `what` the item.
pub fn labelled(action: &str, what: &str) -> String {
    format(LABELLED, [("action", action.into()), ("what", what.into())])
}

pub fn confirm_label(address: &str) -> String {
    format(CONFIRM_LABEL, [("address", address.into())])
}

// ----- notices after an action -----

pub const SAVED: Key = Key("admin-saved");
pub const PASSWORD_SET: Key = Key("admin-password-set");
pub const GROUP_RECEIVES: Key = Key("admin-group-receives");

const CREATED_MAILBOX: Key = Key("admin-created-mailbox");
const ADDED_ALIAS: Key = Key("admin-added-alias");
const REMOVED_ALIAS: Key = Key("admin-removed-alias");
const DELETED_MAILBOX: Key = Key("admin-deleted-mailbox");
const REVOKED_APP_PASSWORD: Key = Key("admin-revoked-app-password");
const SIGNED_OUT: Key = Key("admin-signed-out");
const CREATED_GROUP: Key = Key("admin-created-group");
const ADDED_MEMBER: Key = Key("admin-added-member");
const REMOVED_MEMBER: Key = Key("admin-removed-member");

pub fn created_mailbox(address: &str) -> String {
    format(CREATED_MAILBOX, [("address", address.into())])
}
pub fn added_alias(alias: &str) -> String {
    format(ADDED_ALIAS, [("alias", alias.into())])
}
pub fn removed_alias(alias: &str) -> String {
    format(REMOVED_ALIAS, [("alias", alias.into())])
}
pub fn deleted_mailbox(address: &str) -> String {
    format(DELETED_MAILBOX, [("address", address.into())])
}
pub fn revoked_app_password(name: &str) -> String {
    format(REVOKED_APP_PASSWORD, [("name", name.into())])
}
/// How many of the person's sessions were ended (none, one or more: the sentence chooses).
pub fn signed_out(address: &str, sessions: u64) -> String {
    format(
        SIGNED_OUT,
        [("address", address.into()), ("sessions", sessions.into())],
    )
}
pub fn created_group(address: &str) -> String {
    format(CREATED_GROUP, [("address", address.into())])
}
pub fn added_member(member: &str) -> String {
    format(ADDED_MEMBER, [("member", member.into())])
}
pub fn removed_member(member: &str) -> String {
    format(REMOVED_MEMBER, [("member", member.into())])
}

// ----- refusals and failures -----

pub const PASSWORDS_EXTERNAL: Key = Key("admin-passwords-external");
pub const CHANGE_REFUSED: Key = Key("admin-change-refused");

pub const NOT_FOUND: Key = Key("admin-not-found");
pub const NO_DOMAINS_YET: Key = Key("admin-no-domains-yet");
pub const CHOOSE_DOMAIN: Key = Key("admin-choose-domain");
pub const DISPLAY_NAME_TOO_LONG: Key = Key("admin-display-name-too-long");
pub const NO_MAILBOX_PASSWORDS: Key = Key("admin-no-mailbox-passwords");
pub const APP_PASSWORD_GONE: Key = Key("admin-app-password-gone");
pub const TAKEN: Key = Key("admin-taken");
pub const DOMAIN_GONE: Key = Key("admin-domain-gone");
pub const PASSWORD_REFUSED: Key = Key("admin-password-refused");
pub const VALUE_REFUSED: Key = Key("admin-value-refused");
pub const DELETED_MEANWHILE: Key = Key("admin-deleted-meanwhile");
pub const QUOTA_FORMAT: Key = Key("admin-quota-format");
pub const GUESSED_EASILY: Key = Key("admin-guessed-easily");

const NOT_AN_ADDRESS: Key = Key("admin-not-an-address");
const NOT_OUR_DOMAIN: Key = Key("admin-not-our-domain");
const NOT_AN_ALIAS: Key = Key("admin-not-an-alias");
const TYPE_TO_CONFIRM: Key = Key("admin-type-to-confirm");
const NO_SUCH_MAILBOX: Key = Key("admin-no-such-mailbox");
const STILL_LINKED: Key = Key("admin-still-linked");
const LIMIT_REACHED: Key = Key("admin-limit-reached");
const PASSWORD_TOO_SHORT: Key = Key("admin-password-too-short");
const PASSWORD_TOO_LONG: Key = Key("admin-password-too-long");
const PASSWORD_TOO_WEAK: Key = Key("admin-password-too-weak");

pub fn not_an_address(address: &str, example_domain: &str) -> String {
    format(
        NOT_AN_ADDRESS,
        [
            ("address", address.into()),
            ("example_domain", example_domain.into()),
        ],
    )
}
pub fn not_our_domain(domain: &str, ours: &str) -> String {
    format(
        NOT_OUR_DOMAIN,
        [("domain", domain.into()), ("ours", ours.into())],
    )
}
pub fn not_an_alias(alias: &str) -> String {
    format(NOT_AN_ALIAS, [("alias", alias.into())])
}
pub fn type_to_confirm(address: &str) -> String {
    format(TYPE_TO_CONFIRM, [("address", address.into())])
}
pub fn no_such_mailbox(address: &str) -> String {
    format(NO_SUCH_MAILBOX, [("address", address.into())])
}
/// `action` is one of the [`action`] fragments.
pub fn still_linked(action: &str, objects: &str) -> String {
    format(
        STILL_LINKED,
        [("action", action.into()), ("objects", objects.into())],
    )
}
/// `action` is one of the [`action`] fragments.
pub fn limit_reached(action: &str) -> String {
    format(LIMIT_REACHED, [("action", action.into())])
}
pub fn password_too_short(min: usize) -> String {
    format(PASSWORD_TOO_SHORT, [("min", min.into())])
}
pub fn password_too_long(max: usize) -> String {
    format(PASSWORD_TOO_LONG, [("max", max.into())])
}
/// `advice` is the strength check's own advice, or [`GUESSED_EASILY`].
pub fn password_too_weak(advice: &str) -> String {
    format(PASSWORD_TOO_WEAK, [("advice", advice.into())])
}

/// Why an account is the mail server operator's, not the organisation admin's.
pub const PROTECTED_SERVER_ROLE: Key = Key("admin-protected-server-role");
pub const PROTECTED_PERMISSIONS: Key = Key("admin-protected-permissions");
pub const PROTECTED_PORTAL: Key = Key("admin-protected-portal");

const PROTECTED_REFUSAL: Key = Key("admin-protected-refusal");

/// `reason` is one of the `PROTECTED_*` fragments above (they follow the address).
pub fn protected_refusal(address: &str, reason: &str) -> String {
    format(
        PROTECTED_REFUSAL,
        [("address", address.into()), ("reason", reason.into())],
    )
}

/// Each completes "We could not …" (in [`still_linked`], [`limit_reached`] and the mail
/// server failures of `crate::error::text`).
pub mod action {
    use crate::i18n::Key;
    pub const LIST_MAILBOXES: Key = Key("admin-action-list-mailboxes");
    pub const LIST_GROUPS: Key = Key("admin-action-list-groups");
    pub const LIST_MEMBERS: Key = Key("admin-action-list-members");
    pub const LIST_APP_PASSWORDS: Key = Key("admin-action-list-app-passwords");
    pub const LOAD_MAILBOX: Key = Key("admin-action-load-mailbox");
    pub const CREATE_MAILBOX: Key = Key("admin-action-create-mailbox");
    pub const SAVE_MAILBOX: Key = Key("admin-action-save-mailbox");
    pub const ADD_ALIAS: Key = Key("admin-action-add-alias");
    pub const REMOVE_ALIAS: Key = Key("admin-action-remove-alias");
    pub const RESET_PASSWORD: Key = Key("admin-action-reset-password");
    pub const DELETE_MAILBOX: Key = Key("admin-action-delete-mailbox");
    pub const REVOKE_APP_PASSWORD: Key = Key("admin-action-revoke-app-password");
    pub const CREATE_GROUP: Key = Key("admin-action-create-group");
    pub const FIND_MEMBER: Key = Key("admin-action-find-member");
    pub const CHANGE_MEMBERSHIP: Key = Key("admin-action-change-membership");
    pub const READ_GROUP: Key = Key("admin-action-read-group");
    pub const ALLOW_RECEIVING: Key = Key("admin-action-allow-receiving");
    pub const READ_SETTINGS: Key = Key("admin-action-read-settings");
}

/// Why a password is easy to guess (zxcvbn's warnings, in the person's language).
pub mod weak {
    use crate::i18n::Key;
    pub const STRAIGHT_ROWS: Key = Key("admin-weak-straight-rows");
    pub const KEYBOARD_PATTERNS: Key = Key("admin-weak-keyboard-patterns");
    pub const REPEATS: Key = Key("admin-weak-repeats");
    pub const REPEATED_GROUPS: Key = Key("admin-weak-repeated-groups");
    pub const TOP_10: Key = Key("admin-weak-top-10");
    pub const TOP_100: Key = Key("admin-weak-top-100");
    pub const COMMON: Key = Key("admin-weak-common");
    pub const SIMILAR: Key = Key("admin-weak-similar");
    pub const SEQUENCES: Key = Key("admin-weak-sequences");
    pub const RECENT_YEARS: Key = Key("admin-weak-recent-years");
    pub const SINGLE_WORD: Key = Key("admin-weak-single-word");
    pub const DATES: Key = Key("admin-weak-dates");
    pub const NAMES: Key = Key("admin-weak-names");
    pub const COMMON_NAMES: Key = Key("admin-weak-common-names");
}
