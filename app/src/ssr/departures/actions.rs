//! What the departure path records in an organisation's audit log, whoever told it (SCIM, the
//! reconciler, a back-channel logout).

crate::ssr::db::audit::actions! {
    /// The IdP says the person is gone: their sessions ended.
    PERSON_DEPARTED = "person.departed";
    /// Their app passwords and API keys were destroyed at the mail server.
    PERSON_CREDENTIALS_REVOKED = "person.credentials_revoke";
    /// Their mailbox is one Postern never acts on: nothing was destroyed.
    PERSON_CREDENTIALS_REFUSED = "person.credentials_refused";
    /// The IdP says the person is back.
    PERSON_RETURNED = "person.returned";
    /// The IdP ended the person's sign-in (OIDC back-channel logout).
    PERSON_LOGGED_OUT = "person.idp_logout";
    /// An admin made the organisation's SCIM token (replacing any earlier one).
    SCIM_TOKEN_CREATE = "scim.token_create";
    /// An admin asked for a directory check now.
    SYNC_CHECK = "directory_sync.check";
    /// Directory sync has not reached the IdP's API for several runs in a row.
    SYNC_FAILING = "directory_sync.failing";
}
