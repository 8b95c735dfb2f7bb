//! Every sentence of signing in and out.

pub const TITLE: &str = "Sign in";
pub const HEADING: &str = "Sign in to manage your mail";
pub const INTRO: &str = "Create passwords for your mail apps, and see your mailbox. \
    You sign in with your organisation's usual account.";
pub const EMAIL_LABEL: &str = "Work e-mail address";
pub const EMAIL_HINT: &str = "We use its domain to find your organisation's sign-in page.";
pub const CONTINUE: &str = "Continue";
pub const CONTINUING: &str = "Opening your organisation's sign-in…";
pub const FAILED: &str = "Sign-in did not work";

pub const NOT_AN_ADDRESS: &str =
    "Please enter your full work e-mail address, like name@example.com.";
pub const EXPIRED: &str = "Your sign-in took too long or was already used. Please start again.";
pub const DENIED: &str = "Sign-in was cancelled or refused by your organisation's sign-in service. \
    Please try again.";
pub const VERIFY_FAILED: &str = "We could not verify the answer from your organisation's sign-in service, \
    so you were not signed in. Please try again; if it keeps happening, tell your administrator.";
pub const UNUSABLE: &str = "Your organisation's sign-in service did not tell us your e-mail address, \
    so we cannot find your mailbox. Please tell your administrator.";
pub const UNVERIFIED: &str = "Your organisation's sign-in service does not confirm that your e-mail \
    address is verified, so we cannot let you reach its mailbox. Please ask your administrator.";
pub const REAUTH_OTHER_USER: &str = "You confirmed your sign-in as a different person, so nothing was created. \
    Sign out first if you want to use another account.";
pub const REAUTH_NOT_FRESH: &str = "Your organisation's sign-in service did not confirm a fresh sign-in, so the \
    app password was not created. Please try again; if this keeps happening, tell your administrator.";
pub const DEPARTED: &str = "Your organisation's directory says your account is disabled, so your \
     mail app passwords were revoked. If your account was enabled again, try again in a few \
     minutes; otherwise ask your administrator.";
pub const INTERNAL: &str =
    "Something went wrong on our side while signing you in. Please try again.";

pub const TEST_IDP_UNREACHABLE: &str = "The IdP (or its signing keys or token endpoint) could not \
    be reached.";
pub const TEST_IDP_INSIDE: &str = "The IdP names a URL in a private or local network, which the \
    portal does not connect to on a partner's behalf.";

pub fn unknown_domain(domain: &str) -> String {
    format!(
        "We do not know an organisation for “{domain}”. Check the address for typos; \
         if it is right, your organisation does not use this portal yet — ask your administrator."
    )
}

pub fn not_live(organisation: &str) -> String {
    format!(
        "Sign-in to this portal is switched off for {organisation}: its access is suspended or not \
         set up yet. Your mail keeps working; ask your administrator when it will be back."
    )
}

pub fn idp_down(organisation: &str) -> String {
    format!(
        "We could not reach the sign-in service of {organisation}. Nothing is wrong with your \
         account; please try again in a few minutes. If this keeps happening, tell your administrator."
    )
}

pub fn wrong_organisation(email: &str, organisation: &str) -> String {
    format!(
        "You signed in as {email}, which is not an address of {organisation}. \
         Sign in with your {organisation} account."
    )
}

pub fn mailbox_not_yours(email: &str) -> String {
    format!(
        "You were not signed in: the mailbox {email} belongs to another person here (your address \
         at your organisation's sign-in service may have changed). Please ask your administrator."
    )
}

pub fn idp_down_for_reauth(organisation: &str) -> String {
    format!(
        "To make this change you need to confirm your sign-in, but the sign-in service of {organisation} \
         cannot be reached right now. Nothing was changed. Please try again in a few minutes."
    )
}

/// Shown on a page that comes back after confirming the sign-in.
pub const CONFIRMED: &str =
    "Thank you for confirming your sign-in. Check the details and send the form again.";
