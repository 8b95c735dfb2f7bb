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
}
