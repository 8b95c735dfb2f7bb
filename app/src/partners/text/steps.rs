//! The sentences of the wizard's steps: the mail server, the domains at it, the IdP.

use crate::i18n::{Key, format};

// The mail server.
pub const SERVER_INTRO: Key = Key("partners-steps-server-intro");
pub const SERVER: Key = Key("partners-steps-server");
pub const NO_SERVERS: Key = Key("partners-steps-no-servers");
pub const IMAP_HOST: Key = Key("partners-steps-imap-host");
pub const SMTP_HOST: Key = Key("partners-steps-smtp-host");
pub const HOST_HINT: Key = Key("partners-steps-host-hint");
pub const PROVISION: Key = Key("partners-steps-provision");
pub const USE_SERVER: Key = Key("partners-steps-use-server");
pub const TEST_CONNECTION: Key = Key("partners-steps-test-connection");
pub const TESTING: Key = Key("partners-steps-testing");
pub const ADD_SERVER: Key = Key("partners-steps-add-server");
pub const SERVER_NAME: Key = Key("partners-steps-server-name");
pub const SERVER_NAME_HINT: Key = Key("partners-steps-server-name-hint");
pub const SERVER_URL: Key = Key("partners-steps-server-url");
pub const SERVER_URL_HINT: Key = Key("partners-steps-server-url-hint");
pub const API_KEY: Key = Key("partners-steps-api-key");
pub const API_KEY_HINT: Key = Key("partners-steps-api-key-hint");
pub const ADD_AND_TEST: Key = Key("partners-steps-add-and-test");
pub const SERVER_LOCKED: Key = Key("partners-steps-server-locked");
pub const CHOOSE_SERVER: Key = Key("partners-steps-choose-server");
pub const SERVER_NAME_INVALID: Key = Key("partners-steps-server-name-invalid");
pub const SERVER_URL_INVALID: Key = Key("partners-steps-server-url-invalid");
pub const SERVER_URL_INSIDE: Key = Key("partners-steps-server-url-inside");
pub const API_KEY_REQUIRED: Key = Key("partners-steps-api-key-required");
pub const HOST_INVALID: Key = Key("partners-steps-host-invalid");

pub fn server_bound(server: &str) -> String {
    format(
        Key("partners-steps-server-bound"),
        [("server", server.into())],
    )
}

pub fn server_added(server: &str) -> String {
    format(
        Key("partners-steps-server-added"),
        [("server", server.into())],
    )
}

pub fn server_not_added(server: &str) -> String {
    format(
        Key("partners-steps-server-not-added"),
        [("server", server.into())],
    )
}

pub fn server_taken(name: &str) -> String {
    format(Key("partners-steps-server-taken"), [("name", name.into())])
}

pub fn no_such_server(name: &str) -> String {
    format(
        Key("partners-steps-no-such-server"),
        [("name", name.into())],
    )
}

pub const REPORT_CONNECTION: Key = Key("partners-steps-report-connection");
pub const CHECK_REACHABLE: Key = Key("partners-steps-check-reachable");
pub const CHECK_TLS: Key = Key("partners-steps-check-tls");
pub const CHECK_KEY: Key = Key("partners-steps-check-key");
pub const CHECK_VERSION: Key = Key("partners-steps-check-version");
pub const CHECK_PERMISSIONS: Key = Key("partners-steps-check-permissions");
pub const REACHABLE: Key = Key("partners-steps-reachable");
pub const TLS_OK: Key = Key("partners-steps-tls-ok");
pub const TLS_LOOPBACK: Key = Key("partners-steps-tls-loopback");
pub const KEY_OK: Key = Key("partners-steps-key-ok");
pub const KEY_REFUSED: Key = Key("partners-steps-key-refused");
pub const NOT_CHECKED: Key = Key("partners-steps-not-checked");
pub const PERMISSIONS_OK: Key = Key("partners-steps-permissions-ok");

// What a partner sees of a failed connection: a category, never the raw error (which
// would tell them about ports and hosts inside the portal's network).
pub const UNREACHABLE: Key = Key("partners-steps-unreachable");
pub const TLS_FAILED: Key = Key("partners-steps-tls-failed");
pub const NOT_STALWART: Key = Key("partners-steps-not-stalwart");
pub const INSIDE_NETWORK: Key = Key("partners-steps-inside-network");
pub const PERMISSIONS_UNREADABLE: Key = Key("partners-steps-permissions-unreadable");

pub fn stalwart_api(edition: &str) -> String {
    if edition.is_empty() {
        Key("partners-steps-stalwart-api").get()
    } else {
        format(
            Key("partners-steps-stalwart-api-edition"),
            [("edition", edition.into())],
        )
    }
}

pub fn missing_permissions(list: &str) -> String {
    format(
        Key("partners-steps-missing-permissions"),
        [("list", list.into())],
    )
}

// Domains at the mail server.
pub const CREATE_INTRO: Key = Key("partners-steps-create-intro");
pub const CREATE_AT_SERVER: Key = Key("partners-steps-create-at-server");
pub const ADOPT: Key = Key("partners-steps-adopt");
pub const PROVE_FIRST: Key = Key("partners-steps-prove-first");
pub const CHOOSE_SERVER_FIRST: Key = Key("partners-steps-choose-server-first");
pub const NOTHING_PROVEN: Key = Key("partners-steps-nothing-proven");
pub const SHOW_DNS: Key = Key("partners-steps-show-dns");
pub const EXISTS_AT_SERVER: Key = Key("partners-steps-exists-at-server");
pub const STATE_CREATED: Key = Key("partners-steps-state-created");
pub const STATE_ADOPTED: Key = Key("partners-steps-state-adopted");
pub const STATE_CONFIG: Key = Key("partners-steps-state-config");

pub fn created_at_server(domain: &str, server: &str) -> String {
    format(
        Key("partners-steps-created-at-server"),
        [("domain", domain.into()), ("server", server.into())],
    )
}

pub fn adopted(domain: &str, server: &str) -> String {
    format(
        Key("partners-steps-adopted"),
        [("domain", domain.into()), ("server", server.into())],
    )
}

pub fn exists_adopt(domain: &str, server: &str) -> String {
    format(
        Key("partners-steps-exists-adopt"),
        [("domain", domain.into()), ("server", server.into())],
    )
}

pub fn not_created(domain: &str, server: &str, why: &str) -> String {
    format(
        Key("partners-steps-not-created"),
        [
            ("domain", domain.into()),
            ("server", server.into()),
            ("why", why.into()),
        ],
    )
}

pub fn created_after_all(domain: &str, server: &str) -> String {
    format(
        Key("partners-steps-created-after-all"),
        [("domain", domain.into()), ("server", server.into())],
    )
}

pub fn unknown_if_created(domain: &str, server: &str) -> String {
    format(
        Key("partners-steps-unknown-if-created"),
        [("domain", domain.into()), ("server", server.into())],
    )
}

pub const LOOK_UP_DOMAIN: Key = Key("partners-steps-look-up-domain");
pub const CREATE_DOMAIN: Key = Key("partners-steps-create-domain");

pub fn server_unusable(server: &str) -> String {
    format(
        Key("partners-steps-server-unusable"),
        [("server", server.into())],
    )
}

// The identity provider.
pub const IDP_INTRO: Key = Key("partners-steps-idp-intro");
pub const REDIRECT_URI: Key = Key("partners-steps-redirect-uri");
pub const COPY_REDIRECT: Key = Key("partners-steps-copy-redirect");
pub const ISSUER: Key = Key("partners-steps-issuer");
pub const ISSUER_HINT: Key = Key("partners-steps-issuer-hint");
pub const DISCOVER: Key = Key("partners-steps-discover");
pub const DISCOVERING: Key = Key("partners-steps-discovering");
pub const CLIENT_ID: Key = Key("partners-steps-client-id");
pub const CLIENT_SECRET: Key = Key("partners-steps-client-secret");
pub const CLIENT_SECRET_HINT: Key = Key("partners-steps-client-secret-hint");
pub const CLIENT_SECRET_KEEP: Key = Key("partners-steps-client-secret-keep");
pub const SCOPES: Key = Key("partners-steps-scopes");
pub const SCOPES_HINT: Key = Key("partners-steps-scopes-hint");
pub const EMAIL_CLAIM: Key = Key("partners-steps-email-claim");
pub const GROUPS_CLAIM: Key = Key("partners-steps-groups-claim");
pub const ADMIN_GROUP: Key = Key("partners-steps-admin-group");
pub const ADMIN_GROUP_HINT: Key = Key("partners-steps-admin-group-hint");
pub const LOGIN_HINT: Key = Key("partners-steps-login-hint");
pub const HINT_EMAIL: Key = Key("partners-steps-hint-email");
pub const HINT_LOCAL_PART: Key = Key("partners-steps-hint-local-part");
pub const HINT_NONE: Key = Key("partners-steps-hint-none");
pub const VERIFIED_EMAIL: Key = Key("partners-steps-verified-email");
pub const VERIFIED_EMAIL_HINT: Key = Key("partners-steps-verified-email-hint");
pub const TEST_SIGN_IN: Key = Key("partners-steps-test-sign-in");
pub const TEST_SIGN_IN_NOTE: Key = Key("partners-steps-test-sign-in-note");
pub const SET_UP_IDP_FIRST: Key = Key("partners-steps-set-up-idp-first");
pub const ISSUER_INVALID: Key = Key("partners-steps-issuer-invalid");
pub const ISSUER_INSIDE: Key = Key("partners-steps-issuer-inside");
pub const CLIENT_ID_REQUIRED: Key = Key("partners-steps-client-id-required");
pub const CLIENT_SECRET_REQUIRED: Key = Key("partners-steps-client-secret-required");
pub const SCOPES_INVALID: Key = Key("partners-steps-scopes-invalid");
pub const CLAIM_REQUIRED: Key = Key("partners-steps-claim-required");
pub const LOGIN_HINT_INVALID: Key = Key("partners-steps-login-hint-invalid");
pub const IDP_SAVED: Key = Key("partners-steps-idp-saved");

pub const REPORT_DISCOVERY: Key = Key("partners-steps-report-discovery");
pub const DISCOVERY_DOCUMENT: Key = Key("partners-steps-discovery-document");
pub const PUBLISHED_ISSUER: Key = Key("partners-steps-published-issuer");
pub const AUTHORIZATION: Key = Key("partners-steps-authorization");
pub const TOKEN: Key = Key("partners-steps-token");
pub const KEYS: Key = Key("partners-steps-keys");
pub const ALGORITHMS: Key = Key("partners-steps-algorithms");
pub const END_SESSION: Key = Key("partners-steps-end-session");
pub const NONE_PUBLISHED: Key = Key("partners-steps-none-published");
pub const ISSUER_EXACT: Key = Key("partners-steps-issuer-exact");

pub fn issuer_slash(published: &str) -> String {
    format(
        Key("partners-steps-issuer-slash"),
        [("published", published.into())],
    )
}

pub fn issuer_mismatch(published: &str, typed: &str) -> String {
    let authentik = published.contains("/application/o/") || typed.contains("/application/o/");
    let key = if authentik {
        Key("partners-steps-issuer-mismatch-authentik")
    } else {
        Key("partners-steps-issuer-mismatch")
    };
    format(
        key,
        [("published", published.into()), ("typed", typed.into())],
    )
}

pub const DISCOVERY_UNREACHABLE: Key = Key("partners-steps-discovery-unreachable");
pub const DISCOVERY_INSIDE: Key = Key("partners-steps-discovery-inside");
pub const DISCOVERY_NOT_IDP: Key = Key("partners-steps-discovery-not-idp");

pub const TEST_OK_TITLE: Key = Key("partners-steps-test-ok-title");
pub const TEST_STALE: Key = Key("partners-steps-test-stale");
pub const TEST_EMAIL: Key = Key("partners-steps-test-email");
pub const TEST_GROUPS: Key = Key("partners-steps-test-groups");
pub const TEST_NO_GROUPS: Key = Key("partners-steps-test-no-groups");
pub const TEST_DOMAIN: Key = Key("partners-steps-test-domain");
pub const TEST_ADMIN: Key = Key("partners-steps-test-admin");
pub const YES: Key = Key("partners-steps-yes");
pub const NO: Key = Key("partners-steps-no");
pub const NO_TEST_RESULT: Key = Key("partners-steps-no-test-result");

pub fn test_domain_ok(domain: &str) -> String {
    format(
        Key("partners-steps-test-domain-ok"),
        [("domain", domain.into())],
    )
}

pub fn test_domain_none(email: &str) -> String {
    format(
        Key("partners-steps-test-domain-none"),
        [("email", email.into())],
    )
}

pub fn test_worked(email: &str) -> String {
    format(Key("partners-steps-test-worked"), [("email", email.into())])
}

pub fn test_failed(why: &str) -> String {
    format(Key("partners-steps-test-failed"), [("why", why.into())])
}

pub fn idp_unreachable(why: &str) -> String {
    format(Key("partners-steps-idp-unreachable"), [("why", why.into())])
}

pub const MAKE_LINK: Key = Key("partners-steps-make-link");
pub const MAKE_LINK_NOTE: Key = Key("partners-steps-make-link-note");
pub const LINK_INVALID: Key = Key("partners-steps-link-invalid");
pub const LINK_NOT_READY: Key = Key("partners-steps-link-not-ready");
pub const LINK_ACTOR: Key = Key("partners-steps-link-actor");
pub const LINK_TITLE: Key = Key("partners-steps-link-title");
pub const LINK_START: Key = Key("partners-steps-link-start");

pub fn link_made(url: &str) -> String {
    format(Key("partners-steps-link-made"), [("url", url.into())])
}

pub fn link_intro(name: &str) -> String {
    format(Key("partners-steps-link-intro"), [("name", name.into())])
}

pub fn link_test_worked(email: &str) -> String {
    format(
        Key("partners-steps-link-test-worked"),
        [("email", email.into())],
    )
}
