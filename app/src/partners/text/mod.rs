//! Every sentence of the partner console: the list and the first step here, the wizard's
//! steps in `steps`, going live and removing in `life`.

use crate::i18n::{Key, format};

mod life;
pub mod publishing;
mod steps;

pub use life::*;
pub use steps::*;

pub const PARTNERS: Key = Key("partners-partners");
pub const INTRO: Key = Key("partners-intro");
pub const INTRO_OPERATOR: Key = Key("partners-intro-operator");
pub const ONBOARD: Key = Key("partners-onboard");
pub const NONE_YET: Key = Key("partners-none-yet");
pub const COL_ORGANISATION: Key = Key("partners-col-organisation");
pub const COL_STATUS: Key = Key("partners-col-status");
pub const COL_DOMAINS: Key = Key("partners-col-domains");
pub const COL_SERVER: Key = Key("partners-col-server");
pub const COL_IDP: Key = Key("partners-col-idp");
pub const COL_PEOPLE: Key = Key("partners-col-people");
pub const COL_ACTIVITY: Key = Key("partners-col-activity");

pub const SERVERS: Key = Key("partners-servers");
pub const SERVERS_INTRO: Key = Key("partners-servers-intro");
pub const COL_ADDRESS: Key = Key("partners-col-address");
pub const COL_STATE: Key = Key("partners-col-state");
pub const COL_CHECKED: Key = Key("partners-col-checked");
pub const SERVER_OK: Key = Key("partners-server-ok");
pub const SERVER_PROBLEM: Key = Key("partners-server-problem");
pub const SERVER_NOT_CHECKED: Key = Key("partners-server-not-checked");
pub const SERVER_DOWN: Key = Key("partners-server-down");
pub const SERVER_INSIDE: Key = Key("partners-server-inside");
pub const SERVER_KEY_REFUSED: Key = Key("partners-server-key-refused");
pub const SERVER_PERMISSION: Key = Key("partners-server-permission");
pub const SERVER_NOT_STALWART: Key = Key("partners-server-not-stalwart");
pub const NEVER: Key = Key("partners-never");
pub const COL_HOOK: Key = Key("partners-col-hook");
pub const HOOK_NONE: Key = Key("partners-hook-none");
pub const HOOK_REGISTERING: Key = Key("partners-hook-registering");
pub const HOOK_WAITING: Key = Key("partners-hook-waiting");
pub const HOOK_REREGISTER: Key = Key("partners-hook-reregister");
pub const HOOK_REREGISTERED: Key = Key("partners-hook-reregistered");

/// The accessible name of "Register again": on which server.
pub fn hook_reregister_label(server: &str) -> String {
    format(
        Key("partners-hook-reregister-label"),
        [("server", server.into())],
    )
}

/// After "Register again".
pub fn hook_reregistered(server: &str) -> String {
    format(
        Key("partners-hook-reregistered"),
        [("server", server.into())],
    )
}

/// The hook delivers; `when` its latest delivery.
pub fn hook_receiving(when: &str) -> String {
    format(Key("partners-hook-receiving"), [("when", when.into())])
}

/// The server did not apply its settings; `detail` (the operator's only) says which object
/// failed and why.
pub fn hook_blocked(detail: Option<&str>) -> String {
    match detail {
        Some(detail) => format(
            Key("partners-hook-blocked-because"),
            [("detail", detail.into())],
        ),
        None => Key("partners-hook-blocked").get(),
    }
}

/// The server could not be asked to register the hook.
pub fn hook_failed(detail: Option<&str>) -> String {
    match detail {
        Some(detail) => format(
            Key("partners-hook-failed-because"),
            [("detail", detail.into())],
        ),
        None => Key("partners-hook-failed").get(),
    }
}
pub const SEARCH: Key = Key("partners-search");
pub const SEARCH_HINT: Key = Key("partners-search-hint");
pub const NO_MATCH: Key = Key("partners-no-match");
pub const PAGES: Key = Key("partners-pages");
pub const PREVIOUS: Key = Key("partners-previous");
pub const NEXT: Key = Key("partners-next");

/// "12 organisations" / "Page 2 of 3: 50 of 120 organisations".
pub fn showing(shown: usize, total: u64, page: u64, pages: u64) -> String {
    if pages <= 1 {
        format(SHOWING_ALL, [("total", total.into())])
    } else {
        format(
            SHOWING_PAGE,
            [
                ("page", page.into()),
                ("pages", pages.into()),
                ("shown", shown.into()),
                ("total", total.into()),
            ],
        )
    }
}
const SHOWING_ALL: Key = Key("partners-showing-all");
const SHOWING_PAGE: Key = Key("partners-showing-page");
pub const NOT_SET: Key = Key("partners-not-set");
pub const STATUS_DRAFT: Key = Key("partners-status-draft");
pub const STATUS_LIVE: Key = Key("partners-status-live");
pub const STATUS_SUSPENDED: Key = Key("partners-status-suspended");
pub const FROM_CONFIG_BADGE: Key = Key("partners-from-config-badge");
pub const PARTNER_BADGE: Key = Key("partners-partner-badge");
pub const DOMAIN_PENDING: Key = Key("partners-domain-pending");
pub const DOMAIN_PROVEN: Key = Key("partners-domain-proven");
pub const DOMAIN_AT_SERVER: Key = Key("partners-domain-at-server");

// The first step.
pub const NEW_TITLE: Key = Key("partners-new-title");
pub const NEW_INTRO: Key = Key("partners-new-intro");
pub const DISPLAY_NAME: Key = Key("partners-display-name");
pub const DISPLAY_NAME_HINT: Key = Key("partners-display-name-hint");
pub const SLUG: Key = Key("partners-slug");
pub const SLUG_HINT: Key = Key("partners-slug-hint");
pub const CONTACT: Key = Key("partners-contact");
pub const CONTACT_HINT: Key = Key("partners-contact-hint");
pub const CREATE: Key = Key("partners-create");
pub const CREATING: Key = Key("partners-creating");
pub const NAME_REQUIRED: Key = Key("partners-name-required");
pub const NAME_TOO_LONG: Key = Key("partners-name-too-long");
pub const SLUG_INVALID: Key = Key("partners-slug-invalid");
pub const CONTACT_INVALID: Key = Key("partners-contact-invalid");
pub const BACK_TO_PARTNERS: Key = Key("partners-back-to-partners");
pub const MAKE_PARTNER: Key = Key("partners-make-partner");
pub const ONLY_OPERATOR: Key = Key("partners-only-operator");

pub fn slug_taken(slug: &str) -> String {
    format(Key("partners-slug-taken"), [("slug", slug.into())])
}

pub fn created(name: &str) -> String {
    format(Key("partners-created"), [("name", name.into())])
}

// The wizard.
pub const STEP_DETAILS: Key = Key("partners-step-details");
pub const STEP_DOMAINS: Key = Key("partners-step-domains");
pub const STEP_SERVER: Key = Key("partners-step-server");
pub const STEP_CREATE: Key = Key("partners-step-create");
pub const STEP_IDP: Key = Key("partners-step-idp");
pub const STEP_ACTIVATE: Key = Key("partners-step-activate");
pub const DONE: Key = Key("partners-done");
pub const TO_DO: Key = Key("partners-to-do");
pub const SAVE: Key = Key("partners-save");
pub const SAVING: Key = Key("partners-saving");
pub const SAVED: Key = Key("partners-saved");
pub const WORKING: Key = Key("partners-working");
pub const FROM_CONFIG: Key = Key("partners-from-config");

pub const DOMAINS_INTRO: Key = Key("partners-domains-intro");
pub const DOMAIN: Key = Key("partners-domain");
pub const DOMAIN_HINT: Key = Key("partners-domain-hint");
pub const ADD_DOMAIN: Key = Key("partners-add-domain");
pub const ADDING: Key = Key("partners-adding");
pub const NO_DOMAINS: Key = Key("partners-no-domains");
pub const PUBLISH: Key = Key("partners-publish");
pub const RECORD_NAME: Key = Key("partners-record-name");
pub const RECORD_VALUE: Key = Key("partners-record-value");
pub const COPY_NAME: Key = Key("partners-copy-name");
pub const COPY_VALUE: Key = Key("partners-copy-value");
pub const CHECK_NOW: Key = Key("partners-check-now");
pub const CHECKING: Key = Key("partners-checking");
pub const RENEW: Key = Key("partners-renew");
pub const RELEASE: Key = Key("partners-release");
pub const PROVEN_BADGE: Key = Key("partners-proven-badge");
pub const PENDING_BADGE: Key = Key("partners-pending-badge");
pub const BACKGROUND: Key = Key("partners-background");
pub const EMPTY_DOMAIN: Key = Key("partners-empty-domain");
pub const DOMAIN_TOO_LONG: Key = Key("partners-domain-too-long");
pub const DOMAIN_SINGLE_LABEL: Key = Key("partners-domain-single-label");

pub fn domain_malformed(typed: &str) -> String {
    format(Key("partners-domain-malformed"), [("typed", typed.into())])
}

pub fn public_suffix(suffix: &str) -> String {
    format(Key("partners-public-suffix"), [("suffix", suffix.into())])
}

pub fn domain_taken(domain: &str) -> String {
    format(Key("partners-domain-taken"), [("domain", domain.into())])
}

pub fn already_claimed(domain: &str) -> String {
    format(Key("partners-already-claimed"), [("domain", domain.into())])
}

pub fn too_many_claims(cap: u32) -> String {
    format(Key("partners-too-many-claims"), [("cap", cap.into())])
}

pub fn too_many_servers(cap: u32) -> String {
    format(Key("partners-too-many-servers"), [("cap", cap.into())])
}

pub fn too_many_links(cap: u32) -> String {
    format(Key("partners-too-many-links"), [("cap", cap.into())])
}

pub fn claim_ended(domain: &str) -> String {
    format(Key("partners-claim-ended"), [("domain", domain.into())])
}

pub const ENDED_BADGE: Key = Key("partners-ended-badge");
pub const PROOF_MAY_GO: Key = Key("partners-proof-may-go");

pub fn mx_elsewhere(at: &str) -> String {
    format(Key("partners-mx-elsewhere"), [("at", at.into())])
}

pub fn expires(at: &str) -> String {
    format(Key("partners-expires"), [("at", at.into())])
}

pub fn claimed(domain: &str) -> String {
    format(Key("partners-claimed"), [("domain", domain.into())])
}

pub fn proven(domain: &str) -> String {
    format(Key("partners-proven"), [("domain", domain.into())])
}

pub fn not_seen(record: &str) -> String {
    format(Key("partners-not-seen"), [("record", record.into())])
}

pub fn wrong_token(record: &str) -> String {
    format(Key("partners-wrong-token"), [("record", record.into())])
}

pub fn proof_expired(domain: &str) -> String {
    format(Key("partners-proof-expired"), [("domain", domain.into())])
}

pub fn dns_unknown(why: &str) -> String {
    format(Key("partners-dns-unknown"), [("why", why.into())])
}

pub fn renewed(domain: &str) -> String {
    format(Key("partners-renewed"), [("domain", domain.into())])
}

pub fn released(domain: &str) -> String {
    format(Key("partners-released"), [("domain", domain.into())])
}

pub const FOUND_PROVEN: Key = Key("partners-found-proven");
pub const FOUND_NOT_SEEN: Key = Key("partners-found-not-seen");
pub const FOUND_WRONG: Key = Key("partners-found-wrong");
pub const FOUND_EXPIRED: Key = Key("partners-found-expired");
pub const FOUND_UNKNOWN: Key = Key("partners-found-unknown");

pub fn last_checked(finding: &str, at: &str) -> String {
    format(
        Key("partners-last-checked"),
        [("finding", finding.into()), ("at", at.into())],
    )
}

pub const RELEASE_AT_SERVER: Key = Key("partners-release-at-server");

// Lists and lookups.
pub const ACTIVITY: Key = Key("partners-activity");
pub const NO_ACTIVITY: Key = Key("partners-no-activity");
pub const COL_WHEN: Key = Key("partners-col-when");
pub const COL_WHO: Key = Key("partners-col-who");
pub const COL_WHAT: Key = Key("partners-col-what");
pub const DETAILS_SAVED: Key = Key("partners-details-saved");

pub const NO_SECRETS_KEY: Key = Key("partners-no-secrets-key");

pub fn no_such_organisation(slug: &str) -> String {
    format(
        Key("partners-no-such-organisation"),
        [("slug", slug.into())],
    )
}

pub fn no_such_domain(domain: &str) -> String {
    format(Key("partners-no-such-domain"), [("domain", domain.into())])
}

/// The badge of a check's line.
pub const BADGE_OK: Key = Key("partners-badge-ok");
pub const BADGE_PROBLEM: Key = Key("partners-badge-problem");

/// The organisation's default language, in the details step.
pub const DEFAULT_LANGUAGE: Key = Key("partners-default-language");
pub const DEFAULT_LANGUAGE_HINT: Key = Key("partners-default-language-hint");
pub const LANGUAGE_NONE: Key = Key("partners-language-none");
pub const LANGUAGE_INVALID: Key = Key("partners-language-invalid");
