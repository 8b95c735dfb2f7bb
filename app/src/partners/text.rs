//! Every sentence of the partner console.

pub const PARTNERS: &str = "Partners";
pub const INTRO: &str = "The organisations you run mail for: set up new ones, and see how each \
    one is doing.";
pub const INTRO_OPERATOR: &str = "Every organisation on this portal (you are its operator): set \
    up new ones, and see how each one is doing.";
pub const ONBOARD: &str = "Onboard an organisation";
pub const NONE_YET: &str = "You do not manage any organisation yet. Onboard the first one: it \
    takes a mail domain you can prove, a mail server and the organisation's identity provider.";
pub const COL_ORGANISATION: &str = "Organisation";
pub const COL_STATUS: &str = "Status";
pub const COL_DOMAINS: &str = "Mail domains";
pub const COL_SERVER: &str = "Mail server";
pub const COL_IDP: &str = "Identity provider";
pub const COL_PEOPLE: &str = "People";
pub const COL_ACTIVITY: &str = "Last activity";
pub const NEVER: &str = "Never";
pub const NOT_SET: &str = "Not set yet";
pub const STATUS_DRAFT: &str = "Being set up";
pub const STATUS_LIVE: &str = "Live";
pub const STATUS_SUSPENDED: &str = "Suspended";
pub const FROM_CONFIG_BADGE: &str = "postern.toml";
pub const DOMAIN_PENDING: &str = "waiting for proof";
pub const DOMAIN_PROVEN: &str = "proven";
pub const DOMAIN_AT_SERVER: &str = "proven, at the mail server";

// The first step.
pub const NEW_TITLE: &str = "Onboard an organisation";
pub const NEW_INTRO: &str = "Start with who the organisation is. Each later step is saved as \
    you go: you can leave and come back to it from the Partners page.";
pub const DISPLAY_NAME: &str = "Name";
pub const DISPLAY_NAME_HINT: &str = "As its people know it, e.g. Gamma Inc.";
pub const SLUG: &str = "Short name";
pub const SLUG_HINT: &str = "Lowercase letters, digits and hyphens; left empty, it is made from \
    the name. It cannot change later.";
pub const CONTACT: &str = "Contact e-mail";
pub const CONTACT_HINT: &str = "Whom you deal with at the organisation.";
pub const CREATE: &str = "Create and continue";
pub const CREATING: &str = "Creating…";
pub const NAME_REQUIRED: &str = "Enter the organisation's name.";
pub const NAME_TOO_LONG: &str = "Keep the name under 100 characters.";
pub const SLUG_INVALID: &str = "Use 1 to 40 lowercase letters, digits or hyphens.";
pub const CONTACT_INVALID: &str = "Enter an e-mail address like someone@example.com.";
pub const BACK_TO_PARTNERS: &str = "Back to Partners";

pub fn slug_taken(slug: &str) -> String {
    format!("The short name \"{slug}\" is taken. Choose another one.")
}

pub fn created(name: &str) -> String {
    format!("{name} is created, not live yet. Next: prove its mail domain.")
}

// The wizard.
pub const STEP_DETAILS: &str = "1. Organisation";
pub const STEP_DOMAINS: &str = "2. Mail domains";
pub const STEP_SERVER: &str = "3. Mail server";
pub const STEP_CREATE: &str = "4. Domains at the mail server";
pub const STEP_IDP: &str = "5. Identity provider";
pub const STEP_ACTIVATE: &str = "6. Go live";
pub const DONE: &str = "Done";
pub const TO_DO: &str = "To do";
pub const SAVE: &str = "Save";
pub const SAVING: &str = "Saving…";
pub const SAVED: &str = "Saved.";
pub const WORKING: &str = "Working…";
pub const FROM_CONFIG: &str = "This organisation is declared in postern.toml: change it there. \
    The portal shows it read-only.";

pub const DOMAINS_INTRO: &str = "Postern routes sign-ins and creates a domain at the mail server \
    only once the organisation has proven it controls the domain: publish the TXT record shown, \
    then check.";
pub const DOMAIN: &str = "Domain";
pub const DOMAIN_HINT: &str = "A domain the organisation receives mail for, e.g. gamma.example.";
pub const ADD_DOMAIN: &str = "Add domain";
pub const ADDING: &str = "Adding…";
pub const NO_DOMAINS: &str = "No domain yet.";
pub const PUBLISH: &str = "Publish this TXT record at the domain's DNS host:";
pub const RECORD_NAME: &str = "Name";
pub const RECORD_VALUE: &str = "Value";
pub const COPY_NAME: &str = "Copy name";
pub const COPY_VALUE: &str = "Copy value";
pub const CHECK_NOW: &str = "Check now";
pub const CHECKING: &str = "Checking DNS…";
pub const RENEW: &str = "Renew the record";
pub const RELEASE: &str = "Remove";
pub const PROVEN_BADGE: &str = "Proven";
pub const PENDING_BADGE: &str = "Waiting for proof";
pub const BACKGROUND: &str = "Postern also looks for it in the background every few minutes.";
pub const EMPTY_DOMAIN: &str = "Enter a domain name.";
pub const DOMAIN_TOO_LONG: &str = "A domain name has at most 253 characters, 63 per label.";
pub const DOMAIN_SINGLE_LABEL: &str =
    "That is not a full domain name: add the part after the dot, e.g. gamma.example.";

pub fn domain_malformed(typed: &str) -> String {
    format!(
        "\"{typed}\" is not a domain name: use letters, digits and hyphens between dots, e.g. gamma.example."
    )
}

pub fn public_suffix(suffix: &str) -> String {
    format!(
        "{suffix} is a public suffix: nobody owns it, so nobody can prove it. Use a domain registered under it."
    )
}

pub fn domain_taken(domain: &str) -> String {
    format!(
        "{domain} already belongs to an organisation on this portal. A domain belongs to one organisation only."
    )
}

pub fn expires(at: &str) -> String {
    format!("Valid until {at}.")
}

pub fn claimed(domain: &str) -> String {
    format!("{domain} is added. Publish its TXT record, then press Check now.")
}

pub fn proven(domain: &str) -> String {
    format!("{domain} is proven: the record is there.")
}

pub fn not_seen(record: &str) -> String {
    format!(
        "No TXT record at {record} yet. DNS changes take from a few minutes to a few hours to be \
         seen (the record's TTL, and the time the DNS host takes to publish): check again later."
    )
}

pub fn wrong_token(record: &str) -> String {
    format!(
        "There is a TXT record at {record}, but not with this token: it may be an old or mistyped \
         one. Publish exactly the value shown."
    )
}

pub fn proof_expired(domain: &str) -> String {
    format!("The proof record for {domain} expired. Renew it and publish the new value.")
}

pub fn dns_unknown(why: &str) -> String {
    format!("DNS gave no answer ({why}). Nothing changed; check again in a moment.")
}

pub fn renewed(domain: &str) -> String {
    format!("A new record for {domain}: publish it (replace the old one).")
}

pub fn released(domain: &str) -> String {
    format!("{domain} is removed from this organisation.")
}

pub const FOUND_PROVEN: &str = "Found: proven.";
pub const FOUND_NOT_SEEN: &str = "Not seen yet.";
pub const FOUND_WRONG: &str = "A record with another token is there.";
pub const FOUND_EXPIRED: &str = "Expired: renew it.";
pub const FOUND_UNKNOWN: &str = "DNS did not answer.";

pub fn last_checked(finding: &str, at: &str) -> String {
    format!("{finding} (checked {at})")
}

pub const RELEASE_AT_SERVER: &str = "This domain exists at the mail server for this \
    organisation: remove the organisation to take it off the server.";

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
pub const SERVER_URL_INVALID: &str = "Enter an https:// URL (plain http only for a server on \
    this machine).";
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

pub fn unreachable(why: &str) -> String {
    format!("No connection: {why}. Check the URL, the firewall and that Stalwart runs.")
}

pub fn tls_failed(why: &str) -> String {
    format!("No secure connection: {why}. Check the server's certificate.")
}

pub fn not_stalwart(why: &str) -> String {
    format!("Something answers, but not like a Stalwart v0.16 server: {why}.")
}

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
    https://host/application/o/<provider>/ · Entra: https://login.microsoftonline.com/<tenant>/v2.0";
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
pub const TEST_SIGN_IN: &str = "Test sign-in";
pub const TEST_SIGN_IN_NOTE: &str = "Signs you in at the organisation's IdP (with any account of \
    theirs) and shows what it sends. You stay signed in here as yourself.";
pub const SET_UP_IDP_FIRST: &str = "Save the identity provider and choose the mail server first.";
pub const ISSUER_INVALID: &str = "Enter the issuer as an https:// URL (plain http only on this \
    machine).";
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

pub fn discovery_failed(why: &str) -> String {
    format!("{why}. Check the issuer URL (it must serve /.well-known/openid-configuration).")
}

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
    format!("The organisation's IdP cannot be reached: {why}")
}

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

// Lists and lookups.
pub const ACTIVITY: &str = "Activity";
pub const NO_ACTIVITY: &str = "Nothing yet.";
pub const COL_WHEN: &str = "When";
pub const COL_WHO: &str = "Who";
pub const COL_WHAT: &str = "What";
pub const BACKGROUND_ACTOR: &str = "Postern (background DNS check)";
pub const DETAILS_SAVED: &str = "The organisation's details are saved.";

pub const NO_SECRETS_KEY: &str = "Postern cannot store secrets yet: whoever runs it has not set \
    its secrets key (POSTERN_SECRETS_KEY). Nothing was saved; ask them to set it, then try again.";

pub fn no_such_organisation(slug: &str) -> String {
    format!("There is no organisation \"{slug}\" you manage.")
}

pub fn no_such_domain(domain: &str) -> String {
    format!("{domain} is not a domain of this organisation.")
}
