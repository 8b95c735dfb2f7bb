//! What the directory records in an organisation's audit log, whoever asked (a partner in the
//! console, the operator on the command line).

crate::ssr::db::audit::actions! {
    ORGANISATION_CREATE = "organisation.create";
    ORGANISATION_UPDATE = "organisation.update";
    ORGANISATION_SUSPEND = "organisation.suspend";
    ORGANISATION_ACTIVATE = "organisation.activate";
    ORGANISATION_DRAFT = "organisation.draft";
    ORGANISATION_REMOVE = "organisation.remove";
}
