//! Every sentence of the partner console: the list and the first step here, the wizard's
//! steps in `steps`, going live and removing in `life`.

mod life;
mod steps;

pub use life::*;
pub use steps::*;

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

pub const SERVERS: &str = "Mail servers";
pub const SERVERS_INTRO: &str = "Checked in the background every half minute. A server that does not \
    answer affects only the organisations on it.";
pub const COL_ADDRESS: &str = "Address";
pub const COL_STATE: &str = "State";
pub const COL_CHECKED: &str = "Checked";
pub const SERVER_OK: &str = "Answering";
pub const SERVER_PROBLEM: &str = "Problem";
pub const SERVER_NOT_CHECKED: &str = "Not checked yet";
pub const SERVER_DOWN: &str = "Not answering";
pub const SERVER_INSIDE: &str = "In a private or local network the portal does not reach";
pub const SERVER_KEY_REFUSED: &str = "The API key is refused";
pub const SERVER_PERMISSION: &str = "The API key lacks a permission the portal needs";
pub const SERVER_NOT_STALWART: &str = "Does not answer like Stalwart";
pub const NEVER: &str = "Never";
pub const SEARCH: &str = "Search";
pub const SEARCH_HINT: &str = "Part of a name, short name or domain";
pub const NO_MATCH: &str = "No organisation matches that search.";
pub const PAGES: &str = "Pages";
pub const PREVIOUS: &str = "Previous page";
pub const NEXT: &str = "Next page";

/// "12 organisations" / "Page 2 of 3: 50 of 120 organisations".
pub fn showing(shown: usize, total: u64, page: u64, pages: u64) -> String {
    let noun = if total == 1 {
        "organisation"
    } else {
        "organisations"
    };
    if pages <= 1 {
        format!("{total} {noun}")
    } else {
        format!("Page {page} of {pages}: {shown} of {total} {noun}")
    }
}
pub const NOT_SET: &str = "Not set yet";
pub const STATUS_DRAFT: &str = "Being set up";
pub const STATUS_LIVE: &str = "Live";
pub const STATUS_SUSPENDED: &str = "Suspended";
pub const FROM_CONFIG_BADGE: &str = "postern.toml";
pub const PARTNER_BADGE: &str = "Partner";
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
pub const MAKE_PARTNER: &str = "A partner: its administrators onboard organisations of their own";
pub const ONLY_OPERATOR: &str = "Only the operator can create partners.";

pub fn slug_taken(slug: &str) -> String {
    format!(
        "The short name \"{slug}\" is taken, or was used by an organisation before (its audit \
         log stays under it). Choose another one."
    )
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

pub fn already_claimed(domain: &str) -> String {
    format!("This organisation has claimed {domain} already: publish its proof and check it.")
}

pub fn too_many_claims(cap: u32) -> String {
    format!(
        "Your organisations have {cap} domain claims waiting for their proof, the most a partner \
         may have at once. Prove or release some first (an unproven claim also ends when its token \
         expires)."
    )
}

pub fn too_many_servers(cap: u32) -> String {
    format!(
        "You have added {cap} mail servers, the most a partner may add. Ask the portal's operator \
         if you need more."
    )
}

pub fn too_many_links(cap: u32) -> String {
    format!(
        "Your organisations have {cap} one-time links made within the last day, the most a partner \
         may have at once. Try again tomorrow, or use Test sign-in yourself."
    )
}

pub fn claim_ended(domain: &str) -> String {
    format!(
        "This claim of {domain} has ended: the domain was proven by another organisation first, or \
         the portal's operator declared it. Release it; if the domain is yours, ask the operator."
    )
}

pub const ENDED_BADGE: &str = "Claim ended";
pub const PROOF_MAY_GO: &str = "Proven. The _postern-challenge record may be removed now; the \
    domain's MX must keep pointing at the mail server, which the portal checks every few hours.";

pub fn mx_elsewhere(at: &str) -> String {
    format!(
        "The domain's MX no longer points at this organisation's mail server (checked {at}): mail \
         for it goes elsewhere. Nothing was changed here; fix the MX record, or remove the domain."
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
