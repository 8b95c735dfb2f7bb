//! The sentences of the wizard's steps: the mail server, the domains at it, the IdP.

// The mail server.
pub const SERVER_INTRO: &str = "The Stalwart server the organisation's mailboxes live on.";
pub const SERVER: &str = "Server";
pub const NO_SERVERS: &str = "No mail server is available to you yet: add one below.";
pub const IMAP_HOST: &str = "IMAP host for mail apps";
pub const SMTP_HOST: &str = "SMTP host for mail apps";
pub const HOST_HINT: &str = "Left empty: the server's own host name.";
pub const PROVISION: &str = "Create each person's mailbox when they first sign in";
pub const USE_SERVER: &str = "Use this server";
pub const TEST_CONNECTION: &str = "Test connection";
pub const TESTING: &str = "Testing…";
pub const ADD_SERVER: &str = "Add a mail server";
pub const SERVER_NAME: &str = "Name";
pub const SERVER_NAME_HINT: &str = "For you, e.g. mail-eu-1 (lowercase letters, digits, hyphens).";
pub const SERVER_URL: &str = "URL";
pub const SERVER_URL_HINT: &str =
    "Where Stalwart's HTTP API answers, e.g. https://mail.example.net.";
pub const API_KEY: &str = "API key";
pub const API_KEY_HINT: &str = "An API key of an account with the Admin role (Stalwart: Account → \
    API keys). Stored encrypted, never shown again.";
pub const ADD_AND_TEST: &str = "Test and add";
pub const SERVER_LOCKED: &str = "A domain of this organisation exists at this server, so the \
    server cannot change.";
pub const CHOOSE_SERVER: &str = "Choose a mail server.";
pub const SERVER_NAME_INVALID: &str = "Use 1 to 40 lowercase letters, digits or hyphens.";
pub const SERVER_URL_INVALID: &str = "Enter an https:// URL.";
pub const SERVER_URL_INSIDE: &str = "This address is in a private or local network, which the \
    portal does not connect to on a partner's behalf. Enter the server's public https URL.";
pub const API_KEY_REQUIRED: &str = "Enter the API key.";
pub const HOST_INVALID: &str = "Enter a host name like mail.example.net.";

pub fn server_bound(server: &str) -> String {
    format!("The organisation's mailboxes live on {server}.")
}

pub fn server_added(server: &str) -> String {
    format!("{server} passed every check and is added; the organisation uses it.")
}

pub fn server_not_added(server: &str) -> String {
    format!("{server} was not added: the connection test found a problem (see below).")
}

pub fn server_taken(name: &str) -> String {
    format!("There is already a mail server named \"{name}\". Choose another name.")
}

pub fn no_such_server(name: &str) -> String {
    format!("There is no mail server \"{name}\" you may use.")
}

pub const REPORT_CONNECTION: &str = "Connection test";
pub const CHECK_REACHABLE: &str = "Reachable";
pub const CHECK_TLS: &str = "Encryption";
pub const CHECK_KEY: &str = "API key";
pub const CHECK_VERSION: &str = "Stalwart";
pub const CHECK_PERMISSIONS: &str = "Permissions";
pub const REACHABLE: &str = "Answers.";
pub const TLS_OK: &str = "HTTPS, with a certificate this machine trusts.";
pub const TLS_LOOPBACK: &str = "Plain HTTP, accepted only because the server is on this machine.";
pub const KEY_OK: &str = "Accepted.";
pub const KEY_REFUSED: &str = "Refused (HTTP 401): the key is wrong, revoked or expired. Create \
    a new one in Stalwart.";
pub const NOT_CHECKED: &str = "Not checked (see above).";
pub const PERMISSIONS_OK: &str = "The key may do everything Postern does.";

// What a partner sees of a failed connection: a category, never the raw error (which
// would tell them about ports and hosts inside the portal's network).
pub const UNREACHABLE: &str = "No connection: nothing answered at this address (the name is not \
    found, the connection is refused or it timed out). Check the URL, the firewall and that \
    Stalwart runs.";
pub const TLS_FAILED: &str = "No secure connection: the server's certificate was not accepted \
    (expired, self-signed, or made for another name).";
pub const NOT_STALWART: &str = "Something answers, but not like a Stalwart v0.16 server's \
    management API.";
pub const INSIDE_NETWORK: &str = "This address is in a private or local network, which the portal \
    does not connect to on a partner's behalf. Use the server's public https address, or ask the \
    portal's operator to allow that network.";
pub const PERMISSIONS_UNREADABLE: &str = "(its permissions could not be read)";

pub fn stalwart_api(edition: &str) -> String {
    if edition.is_empty() {
        "Speaks the Stalwart v0.16 management API.".to_owned()
    } else {
        format!("Speaks the Stalwart v0.16 management API ({edition} edition).")
    }
}

pub fn missing_permissions(list: &str) -> String {
    format!(
        "The key's account lacks {list}. Give that account the Admin role in Stalwart, or a \
         role with these permissions."
    )
}

// Domains at the mail server.
pub const CREATE_INTRO: &str = "Once a domain is proven, Postern creates it at the mail server, \
    and Stalwart makes its DKIM keys; then publish its DNS records.";
pub const CREATE_AT_SERVER: &str = "Create at the mail server";
pub const ADOPT: &str = "Adopt the existing domain";
pub const PROVE_FIRST: &str = "Prove the domain first: nothing is created at the mail server \
    before that.";
pub const CHOOSE_SERVER_FIRST: &str = "Choose the mail server first.";
pub const NOTHING_PROVEN: &str = "No proven domain yet.";
pub const SHOW_DNS: &str = "Once the organisation is live, its administrators find the DNS \
    records and DKIM keys to publish on their Domains page.";
pub const EXISTS_AT_SERVER: &str = "This domain already exists at the mail server.";
pub const STATE_CREATED: &str = "Created at the mail server";
pub const STATE_ADOPTED: &str = "Adopted at the mail server";
pub const STATE_CONFIG: &str = "At the mail server (postern.toml)";

pub fn created_at_server(domain: &str, server: &str) -> String {
    format!("{domain} is created at {server}, with its DKIM keys. Publish its DNS records next.")
}

pub fn adopted(domain: &str, server: &str) -> String {
    format!("{domain} at {server} now belongs to this organisation.")
}

pub fn exists_adopt(domain: &str, server: &str) -> String {
    format!(
        "{domain} already exists at {server}. Nothing was changed; to use it for this \
         organisation, press \"Adopt the existing domain\"."
    )
}

pub fn not_created(domain: &str, server: &str, why: &str) -> String {
    format!("{domain} was not created at {server}: {why} Nothing exists there for it; try again.")
}

pub fn created_after_all(domain: &str, server: &str) -> String {
    format!("{server} did not answer in time, but {domain} does exist there now: it is recorded.")
}

pub fn unknown_if_created(domain: &str, server: &str) -> String {
    format!(
        "{server} did not answer, and we cannot tell whether {domain} exists there now. Press \
         the button again: it creates the domain or finds it."
    )
}

pub const LOOK_UP_DOMAIN: &str = "look up the domain at the mail server";
pub const CREATE_DOMAIN: &str = "create the domain";

pub fn server_unusable(server: &str) -> String {
    format!(
        "The mail server {server} cannot be used right now (its key cannot be read). Ask the operator."
    )
}

// The identity provider.
pub const IDP_INTRO: &str = "Where the organisation's people sign in. Register Postern at the \
    IdP as a confidential OpenID Connect client with this redirect URI:";
pub const REDIRECT_URI: &str = "Redirect URI";
pub const COPY_REDIRECT: &str = "Copy redirect URI";
pub const ISSUER: &str = "Issuer URL";
pub const ISSUER_HINT: &str = "Keycloak: https://host/realms/<realm> · Authentik: \
    https://host/application/o/<provider>/ · Entra: https://login.microsoftonline.com/<organisation>/v2.0";
pub const DISCOVER: &str = "Discover";
pub const DISCOVERING: &str = "Asking the IdP…";
pub const CLIENT_ID: &str = "Client ID";
pub const CLIENT_SECRET: &str = "Client secret";
pub const CLIENT_SECRET_HINT: &str = "Stored encrypted, never shown again.";
pub const CLIENT_SECRET_KEEP: &str = "A secret is stored; leave empty to keep it.";
pub const SCOPES: &str = "Scopes";
pub const SCOPES_HINT: &str = "Separated by spaces; openid is required.";
pub const EMAIL_CLAIM: &str = "E-mail claim";
pub const GROUPS_CLAIM: &str = "Groups claim";
pub const ADMIN_GROUP: &str = "Administrators group";
pub const ADMIN_GROUP_HINT: &str =
    "Members administer the organisation's mailboxes. Empty: nobody.";
pub const LOGIN_HINT: &str = "Login hint sent to the IdP";
pub const HINT_EMAIL: &str = "The e-mail address";
pub const HINT_LOCAL_PART: &str = "The part before the @";
pub const HINT_NONE: &str = "None";
pub const VERIFIED_EMAIL: &str = "The IdP must vouch for the e-mail address (email_verified)";
pub const VERIFIED_EMAIL_HINT: &str = "Untick only for an IdP that never sends email_verified and \
    checks addresses itself, such as Entra ID.";
pub const TEST_SIGN_IN: &str = "Test sign-in";
pub const TEST_SIGN_IN_NOTE: &str = "Signs you in at the organisation's IdP (with any account of \
    theirs) and shows what it sends. You stay signed in here as yourself.";
pub const SET_UP_IDP_FIRST: &str = "Save the identity provider and choose the mail server first.";
pub const ISSUER_INVALID: &str = "Enter the issuer as an https:// URL.";
pub const ISSUER_INSIDE: &str = "This address is in a private or local network, which the portal \
    does not connect to on a partner's behalf. Enter the IdP's public https issuer URL.";
pub const CLIENT_ID_REQUIRED: &str = "Enter the client ID.";
pub const CLIENT_SECRET_REQUIRED: &str = "Enter the client secret.";
pub const SCOPES_INVALID: &str = "The scopes must include openid.";
pub const CLAIM_REQUIRED: &str = "Enter the claim's name.";
pub const LOGIN_HINT_INVALID: &str = "Choose a login hint.";
pub const IDP_SAVED: &str = "The identity provider is saved. Now test a sign-in through it.";

pub const REPORT_DISCOVERY: &str = "What the IdP publishes";
pub const DISCOVERY_DOCUMENT: &str = "Discovery document";
pub const PUBLISHED_ISSUER: &str = "Issuer";
pub const AUTHORIZATION: &str = "Sign-in endpoint";
pub const TOKEN: &str = "Token endpoint";
pub const KEYS: &str = "Signing keys";
pub const ALGORITHMS: &str = "Signing algorithms";
pub const END_SESSION: &str = "Sign-out endpoint";
pub const NONE_PUBLISHED: &str = "None published: signing out of Postern does not end the IdP \
    session.";
pub const ISSUER_EXACT: &str = "Exactly as typed.";

pub fn issuer_slash(published: &str) -> String {
    format!(
        "Published as {published} (differs from what you typed only by the trailing slash). \
         Postern checks ID tokens against the published spelling; saving uses it."
    )
}

pub fn issuer_mismatch(published: &str, typed: &str) -> String {
    let authentik = published.contains("/application/o/") || typed.contains("/application/o/");
    let advice = if authentik {
        " Authentik gives each provider its own issuer, https://host/application/o/<provider>/; \
         the global one does not sign the provider's tokens."
    } else {
        ""
    };
    format!(
        "The IdP says its issuer is {published}, not {typed}: ID tokens would be refused. Use \
         the published issuer.{advice}"
    )
}

pub const DISCOVERY_UNREACHABLE: &str = "Nothing answered at the issuer's discovery URL (the \
    name is not found, the connection is refused, it timed out, or the certificate was not \
    accepted). Check the issuer URL (it must serve /.well-known/openid-configuration).";
pub const DISCOVERY_INSIDE: &str = "The IdP, or a URL its discovery document names (signing keys, \
    token endpoint), is in a private or local network, which the portal does not connect to on a \
    partner's behalf.";
pub const DISCOVERY_NOT_IDP: &str = "This does not answer like an OpenID provider: no usable \
    discovery document at /.well-known/openid-configuration (or it lacks the issuer, endpoints \
    or signing keys a sign-in needs).";

pub const TEST_OK_TITLE: &str = "Last test sign-in";
pub const TEST_STALE: &str = "The IdP settings changed after this test: test again.";
pub const TEST_EMAIL: &str = "Address";
pub const TEST_GROUPS: &str = "Groups";
pub const TEST_NO_GROUPS: &str = "None";
pub const TEST_DOMAIN: &str = "Mailbox domain";
pub const TEST_ADMIN: &str = "Administrator";
pub const YES: &str = "Yes";
pub const NO: &str = "No";
pub const NO_TEST_RESULT: &str = "No test sign-in result to show: start the test again.";

pub fn test_domain_ok(domain: &str) -> String {
    format!("Yes: {domain}")
}

pub fn test_domain_none(email: &str) -> String {
    format!(
        "No: {email} is not in any of the organisation's domains, so this person could not sign in."
    )
}

pub fn test_worked(email: &str) -> String {
    format!("The test sign-in worked: the IdP vouched for {email}.")
}

pub fn test_failed(why: &str) -> String {
    format!("The test sign-in failed: {why}")
}

pub fn idp_unreachable(why: &str) -> String {
    format!("The organisation's IdP cannot be used: {why}")
}

pub const MAKE_LINK: &str = "Make a one-time link for the organisation's administrator";
pub const MAKE_LINK_NOTE: &str = "Or let the organisation's administrator test it: the link works \
    once, for a day, and needs no account here.";
pub const LINK_INVALID: &str = "This test link cannot be used: it was used already, has expired, \
    or is mistyped. Ask your partner for a new one.";
pub const LINK_NOT_READY: &str = "This organisation's sign-in is not set up completely yet. Ask \
    your partner.";
pub const LINK_ACTOR: &str = "organisation administrator (test link)";
pub const LINK_TITLE: &str = "Test signing in";
pub const LINK_START: &str = "Sign in at my organisation";

pub fn link_made(url: &str) -> String {
    format!("Send this link to the organisation's administrator (it works once, for a day): {url}")
}

pub fn link_intro(name: &str) -> String {
    format!(
        "Your mail provider is setting up {name} on Postern and asks you to sign in once through \
         your organisation's identity provider. Postern reads what it sends (your address, \
         name and groups), shows it to your provider, and signs you in nowhere."
    )
}

pub fn link_test_worked(email: &str) -> String {
    format!(
        "Thank you: signing in as {email} worked. Your provider sees what your identity \
         provider sent. You can close this page."
    )
}
