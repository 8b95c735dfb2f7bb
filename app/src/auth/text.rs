//! Every sentence of signing in and out.

use crate::i18n::{Key, format};

pub const TITLE: Key = Key("auth-title");
pub const HEADING: Key = Key("auth-heading");
pub const INTRO: Key = Key("auth-intro");
pub const EMAIL_LABEL: Key = Key("auth-email-label");
pub const EMAIL_HINT: Key = Key("auth-email-hint");
pub const CONTINUE: Key = Key("auth-continue");
pub const CONTINUING: Key = Key("auth-continuing");
pub const FAILED: Key = Key("auth-failed");

pub const NOT_AN_ADDRESS: Key = Key("auth-not-an-address");
pub const EXPIRED: Key = Key("auth-expired");
pub const DENIED: Key = Key("auth-denied");
pub const VERIFY_FAILED: Key = Key("auth-verify-failed");
pub const UNUSABLE: Key = Key("auth-unusable");
pub const UNVERIFIED: Key = Key("auth-unverified");
pub const REAUTH_OTHER_USER: Key = Key("auth-reauth-other-user");
pub const REAUTH_NOT_FRESH: Key = Key("auth-reauth-not-fresh");
pub const DEPARTED: Key = Key("auth-departed");
pub const INTERNAL: Key = Key("auth-internal");

pub const TEST_IDP_UNREACHABLE: Key = Key("auth-test-idp-unreachable");
pub const TEST_IDP_INSIDE: Key = Key("auth-test-idp-inside");
/// Why a partner's test sign-in failed, by kind; [`test_idp`] adds the IdP's own words.
pub const TEST_IDP_UNVERIFIED: Key = Key("auth-test-idp-unverified");
pub const TEST_IDP_MISCONFIGURED: Key = Key("auth-test-idp-misconfigured");
pub const TEST_IDP_DENIED: Key = Key("auth-test-idp-denied");
pub const TEST_IDP_EXCHANGE: Key = Key("auth-test-idp-exchange");
pub const TEST_IDP_TOKEN: Key = Key("auth-test-idp-token");
pub const TEST_IDP_UNUSABLE: Key = Key("auth-test-idp-unusable");

/// A kind of failure, then the detail as the IdP or the token check said it.
pub fn test_idp(kind: Key, detail: &str) -> String {
    format(
        Key("auth-test-idp-detail"),
        [("kind", kind.into()), ("detail", detail.into())],
    )
}

const UNKNOWN_DOMAIN: Key = Key("auth-unknown-domain");
const NOT_LIVE: Key = Key("auth-not-live");
const IDP_DOWN: Key = Key("auth-idp-down");
const WRONG_ORGANISATION: Key = Key("auth-wrong-organisation");
const MAILBOX_NOT_YOURS: Key = Key("auth-mailbox-not-yours");
const IDP_DOWN_FOR_REAUTH: Key = Key("auth-idp-down-for-reauth");

pub fn unknown_domain(domain: &str) -> String {
    format(UNKNOWN_DOMAIN, [("domain", domain.into())])
}

pub fn not_live(organisation: &str) -> String {
    format(NOT_LIVE, [("organisation", organisation.into())])
}

pub fn idp_down(organisation: &str) -> String {
    format(IDP_DOWN, [("organisation", organisation.into())])
}

pub fn wrong_organisation(email: &str, organisation: &str) -> String {
    format(
        WRONG_ORGANISATION,
        [
            ("email", email.into()),
            ("organisation", organisation.into()),
        ],
    )
}

pub fn mailbox_not_yours(email: &str) -> String {
    format(MAILBOX_NOT_YOURS, [("email", email.into())])
}

pub fn idp_down_for_reauth(organisation: &str) -> String {
    format(IDP_DOWN_FOR_REAUTH, [("organisation", organisation.into())])
}

/// Shown on a page that comes back after confirming the sign-in.
pub const CONFIRMED: Key = Key("auth-confirmed");
