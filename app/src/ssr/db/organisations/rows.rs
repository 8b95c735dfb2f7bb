//! Rows as the database holds them, and their records.

use super::{
    DomainRecord, IdentityProviderRecord, MailServerRecord, MailSettingsRecord, OrganisationRecord,
    Policies, Status,
};
use crate::ssr::config::{LoginHint, MailboxPasswords};
use crate::ssr::secrets::Sealed;

pub fn login_hint_str(hint: LoginHint) -> &'static str {
    match hint {
        LoginHint::Email => "email",
        LoginHint::None => "none",
        LoginHint::LocalPart => "local_part",
    }
}

pub(super) fn login_hint_parse(s: &str) -> LoginHint {
    match s {
        "none" => LoginHint::None,
        "local_part" => LoginHint::LocalPart,
        _ => LoginHint::Email,
    }
}

pub fn mailbox_passwords_str(p: MailboxPasswords) -> &'static str {
    match p {
        MailboxPasswords::None => "none",
        MailboxPasswords::Optional => "optional",
    }
}

pub(super) fn mailbox_passwords_parse(s: &str) -> MailboxPasswords {
    match s {
        "optional" => MailboxPasswords::Optional,
        _ => MailboxPasswords::None,
    }
}

pub(super) fn sealed(value: Option<String>, key_id: Option<String>) -> Option<Sealed> {
    Some(Sealed {
        value: value?,
        key_id: key_id?,
    })
}

#[derive(sqlx::FromRow)]
pub(super) struct OrganisationRow {
    slug: String,
    display_name: String,
    status: String,
    status_reason: Option<String>,
    managed_by: Option<String>,
    partner: i64,
    operator: i64,
    mail_server: Option<String>,
    imap_host: String,
    imap_port: i64,
    smtp_host: String,
    smtp_port: i64,
    fresh_auth_max_age_secs: i64,
    mailbox_passwords: String,
    provision_mailboxes: i64,
    require_verified_email: i64,
    session_lifetime_secs: i64,
    session_idle_secs: i64,
    admin_recheck_secs: i64,
    default_locale: Option<String>,
    from_config: i64,
}

impl From<OrganisationRow> for OrganisationRecord {
    fn from(r: OrganisationRow) -> Self {
        Self {
            slug: r.slug,
            display_name: r.display_name,
            status: Status::parse(&r.status),
            status_reason: r.status_reason,
            managed_by: r.managed_by,
            partner: r.partner != 0,
            operator: r.operator != 0,
            mail_server: r.mail_server,
            mail: MailSettingsRecord {
                imap_host: r.imap_host,
                imap_port: r.imap_port as u16,
                smtp_host: r.smtp_host,
                smtp_port: r.smtp_port as u16,
            },
            policies: Policies {
                fresh_auth_max_age_secs: r.fresh_auth_max_age_secs as u64,
                mailbox_passwords: mailbox_passwords_parse(&r.mailbox_passwords),
                provision_mailboxes: r.provision_mailboxes != 0,
                require_verified_email: r.require_verified_email != 0,
                session_lifetime_secs: r.session_lifetime_secs as u64,
                session_idle_secs: r.session_idle_secs as u64,
                admin_recheck_secs: r.admin_recheck_secs as u64,
                default_locale: r
                    .default_locale
                    .as_deref()
                    .and_then(crate::i18n::Locale::parse),
            },
            from_config: r.from_config != 0,
        }
    }
}

#[derive(sqlx::FromRow)]
pub(super) struct DomainRow {
    name: String,
    organisation: String,
    verification: String,
    from_config: i64,
}

impl From<DomainRow> for DomainRecord {
    fn from(r: DomainRow) -> Self {
        Self {
            name: r.name,
            organisation: r.organisation,
            verified: r.verification == "verified",
            from_config: r.from_config != 0,
        }
    }
}

#[derive(sqlx::FromRow)]
pub(super) struct IdentityProviderRow {
    organisation: String,
    issuer: String,
    client_id: String,
    client_secret: Option<String>,
    client_secret_key_id: Option<String>,
    scopes: String,
    email_claim: String,
    groups_claim: String,
    admin_group: Option<String>,
    login_hint: String,
    revision: i64,
}

impl From<IdentityProviderRow> for IdentityProviderRecord {
    fn from(r: IdentityProviderRow) -> Self {
        Self {
            organisation: r.organisation,
            issuer: r.issuer,
            client_id: r.client_id,
            client_secret: sealed(r.client_secret, r.client_secret_key_id),
            scopes: r.scopes.split_whitespace().map(str::to_owned).collect(),
            email_claim: r.email_claim,
            groups_claim: r.groups_claim,
            admin_group: r.admin_group,
            login_hint: login_hint_parse(&r.login_hint),
            revision: r.revision,
        }
    }
}

#[derive(sqlx::FromRow)]
pub(super) struct MailServerRow {
    name: String,
    url: String,
    api_key: Option<String>,
    api_key_key_id: Option<String>,
    timeout_ms: i64,
    managed_by: Option<String>,
    from_config: i64,
    revision: i64,
}

impl From<MailServerRow> for MailServerRecord {
    fn from(r: MailServerRow) -> Self {
        Self {
            name: r.name,
            url: r.url,
            api_key: sealed(r.api_key, r.api_key_key_id),
            timeout_ms: r.timeout_ms as u64,
            managed_by: r.managed_by,
            from_config: r.from_config != 0,
            revision: r.revision,
        }
    }
}

pub(super) const ORGANISATION_COLUMNS: &str = "slug, display_name, status, status_reason, managed_by, \
    partner, operator, mail_server, imap_host, imap_port, smtp_host, smtp_port, fresh_auth_max_age_secs, \
    mailbox_passwords, provision_mailboxes, require_verified_email, session_lifetime_secs, \
    session_idle_secs, admin_recheck_secs, default_locale, from_config";
pub(super) const IDP_COLUMNS: &str = "organisation, issuer, client_id, client_secret, client_secret_key_id, \
    scopes, email_claim, groups_claim, admin_group, login_hint, revision";
pub(super) const SERVER_COLUMNS: &str =
    "name, url, api_key, api_key_key_id, timeout_ms, managed_by, from_config, revision";
