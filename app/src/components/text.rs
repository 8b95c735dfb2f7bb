//! The words of the shared widgets: the page frame, notices, errors, and the islands.

use crate::i18n::Key;

pub const SKIP: Key = Key("ui-skip");
pub const PRODUCT: Key = Key("ui-product");
pub const NAV_LABEL: Key = Key("ui-nav-label");
pub const ACCOUNT: Key = Key("ui-account");
pub const APP_PASSWORDS: Key = Key("ui-app-passwords");
pub const MAILBOXES: Key = Key("ui-mailboxes");
pub const GROUPS: Key = Key("ui-groups");
pub const AUDIT: Key = Key("ui-audit");
pub const ORGANISATION: Key = Key("ui-organisation");
pub const DOMAINS: Key = Key("ui-domains");
pub const PARTNERS: Key = Key("ui-partners");
pub const SIGN_OUT: Key = Key("ui-sign-out");

pub const FORBIDDEN_TITLE: Key = Key("ui-forbidden-title");
pub const FORBIDDEN_BODY: Key = Key("ui-forbidden-body");

pub const NOT_FOUND_TITLE: Key = Key("ui-not-found-title");
pub const NOT_FOUND_BODY: Key = Key("ui-not-found-body");
pub const HOME: Key = Key("ui-home");

pub const WORKING: Key = Key("ui-working");
pub const COPIED: Key = Key("ui-copied");
pub const COPIED_STATUS: Key = Key("ui-copied-status");
pub const COPY: Key = Key("ui-copy");

/// 1536 → "1.5 KB", "1,5 KB", "1,5 Ko": in the page's language.
pub use crate::i18n::format_bytes as human_bytes;
