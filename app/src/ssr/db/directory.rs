//! The directory: organisations, their mail domains, identity providers and mail servers
//! (migration 0005). Every change raises `directory_version` in the same transaction, which
//! is how the other instances learn that their cache is stale.

use super::pool::Db;
use crate::ssr::config::{LoginHint, MailboxPasswords};
use crate::ssr::secrets::Sealed;
use crate::ssr::time::now;
use sqlx::{Any, Transaction};

/// Where an organisation stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Being onboarded: nobody signs in yet.
    Draft,
    Active,
    /// Sign-ins refused, sessions ended; its history is kept.
    Suspended,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Active => "active",
            Status::Suspended => "suspended",
        }
    }

    fn parse(s: &str) -> Self {
        match s {
            "active" => Status::Active,
            "draft" => Status::Draft,
            // Anything unknown is treated as the safe state.
            _ => Status::Suspended,
        }
    }
}

/// Why an organisation was suspended (`organisations.status_reason`).
pub mod reason {
    /// Its `[tenants.<slug>]` entry was removed from postern.toml.
    pub const CONFIG_REMOVED: &str = "config_removed";
    /// An operator command.
    pub const OPERATOR: &str = "operator";
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MailSettingsRecord {
    pub imap_host: String,
    pub imap_port: u16,
    pub smtp_host: String,
    pub smtp_port: u16,
}

/// The per-organisation policies (see `TenantSettings` for what each means).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Policies {
    pub fresh_auth_max_age_secs: u64,
    pub mailbox_passwords: MailboxPasswords,
    pub provision_mailboxes: bool,
    pub require_verified_email: bool,
    pub session_lifetime_secs: u64,
    pub session_idle_secs: u64,
    pub admin_recheck_secs: u64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrganisationRecord {
    pub slug: String,
    pub display_name: String,
    pub status: Status,
    pub status_reason: Option<String>,
    pub managed_by: Option<String>,
    pub partner: bool,
    pub mail_server: Option<String>,
    pub mail: MailSettingsRecord,
    pub policies: Policies,
    pub from_config: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DomainRecord {
    pub name: String,
    pub organisation: String,
    /// Only verified domains route sign-ins.
    pub verified: bool,
    pub from_config: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdentityProviderRecord {
    pub organisation: String,
    pub issuer: String,
    pub client_id: String,
    /// `None`: the secret is written in postern.toml.
    pub client_secret: Option<Sealed>,
    pub scopes: Vec<String>,
    pub email_claim: String,
    pub groups_claim: String,
    pub admin_group: Option<String>,
    pub login_hint: LoginHint,
    pub revision: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MailServerRecord {
    pub name: String,
    pub url: String,
    /// `None`: the key is written in postern.toml.
    pub api_key: Option<Sealed>,
    pub timeout_ms: u64,
    pub managed_by: Option<String>,
    pub from_config: bool,
    pub revision: i64,
}

/// Where a sealed secret lives: the additional data it is sealed with.
pub fn api_key_binding(server: &str) -> String {
    format!("mail_servers.api_key:{server}")
}

pub fn client_secret_binding(organisation: &str) -> String {
    format!("identity_providers.client_secret:{organisation}")
}

/// Everything in the directory, as one consistent read.
#[derive(Debug, Default)]
pub struct Everything {
    pub version: i64,
    pub organisations: Vec<OrganisationRecord>,
    pub domains: Vec<DomainRecord>,
    pub identity_providers: Vec<IdentityProviderRecord>,
    pub mail_servers: Vec<MailServerRecord>,
}

pub fn login_hint_str(hint: LoginHint) -> &'static str {
    match hint {
        LoginHint::Email => "email",
        LoginHint::None => "none",
        LoginHint::LocalPart => "local_part",
    }
}

fn login_hint_parse(s: &str) -> LoginHint {
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

fn mailbox_passwords_parse(s: &str) -> MailboxPasswords {
    match s {
        "optional" => MailboxPasswords::Optional,
        _ => MailboxPasswords::None,
    }
}

fn sealed(value: Option<String>, key_id: Option<String>) -> Option<Sealed> {
    Some(Sealed {
        value: value?,
        key_id: key_id?,
    })
}

#[derive(sqlx::FromRow)]
struct OrganisationRow {
    slug: String,
    display_name: String,
    status: String,
    status_reason: Option<String>,
    managed_by: Option<String>,
    partner: i64,
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
            },
            from_config: r.from_config != 0,
        }
    }
}

#[derive(sqlx::FromRow)]
struct DomainRow {
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
struct IdentityProviderRow {
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
struct MailServerRow {
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

const ORGANISATION_COLUMNS: &str = "slug, display_name, status, status_reason, managed_by, \
    partner, mail_server, imap_host, imap_port, smtp_host, smtp_port, fresh_auth_max_age_secs, \
    mailbox_passwords, provision_mailboxes, require_verified_email, session_lifetime_secs, \
    session_idle_secs, admin_recheck_secs, from_config";
const IDP_COLUMNS: &str = "organisation, issuer, client_id, client_secret, client_secret_key_id, \
    scopes, email_claim, groups_claim, admin_group, login_hint, revision";
const SERVER_COLUMNS: &str =
    "name, url, api_key, api_key_key_id, timeout_ms, managed_by, from_config, revision";

pub async fn version(db: &Db) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT version FROM directory_version WHERE id = 1")
        .fetch_one(&db.pool)
        .await
}

/// Reads the whole directory in one transaction (one snapshot on PostgreSQL).
pub async fn everything(db: &Db) -> Result<Everything, sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    let version = sqlx::query_scalar("SELECT version FROM directory_version WHERE id = 1")
        .fetch_one(&mut *tx)
        .await?;
    let organisations = organisations_in(&mut tx).await?;
    let domains = domains_in(&mut tx).await?;
    let identity_providers = sqlx::query_as::<_, IdentityProviderRow>(&format!(
        "SELECT {IDP_COLUMNS} FROM identity_providers ORDER BY organisation"
    ))
    .fetch_all(&mut *tx)
    .await?
    .into_iter()
    .map(Into::into)
    .collect();
    let mail_servers = mail_servers_in(&mut tx).await?;
    tx.commit().await?;
    Ok(Everything {
        version,
        organisations,
        domains,
        identity_providers,
        mail_servers,
    })
}

pub async fn organisations_in(
    tx: &mut Transaction<'_, Any>,
) -> Result<Vec<OrganisationRecord>, sqlx::Error> {
    Ok(sqlx::query_as::<_, OrganisationRow>(&format!(
        "SELECT {ORGANISATION_COLUMNS} FROM organisations ORDER BY slug"
    ))
    .fetch_all(&mut **tx)
    .await?
    .into_iter()
    .map(Into::into)
    .collect())
}

pub async fn mail_servers_in(
    tx: &mut Transaction<'_, Any>,
) -> Result<Vec<MailServerRecord>, sqlx::Error> {
    Ok(sqlx::query_as::<_, MailServerRow>(&format!(
        "SELECT {SERVER_COLUMNS} FROM mail_servers ORDER BY name"
    ))
    .fetch_all(&mut **tx)
    .await?
    .into_iter()
    .map(Into::into)
    .collect())
}

pub async fn identity_provider_in(
    tx: &mut Transaction<'_, Any>,
    organisation: &str,
) -> Result<Option<IdentityProviderRecord>, sqlx::Error> {
    Ok(sqlx::query_as::<_, IdentityProviderRow>(&format!(
        "SELECT {IDP_COLUMNS} FROM identity_providers WHERE organisation = $1"
    ))
    .bind(organisation)
    .fetch_optional(&mut **tx)
    .await?
    .map(Into::into))
}

pub async fn domains_in(tx: &mut Transaction<'_, Any>) -> Result<Vec<DomainRecord>, sqlx::Error> {
    Ok(sqlx::query_as::<_, DomainRow>(
        "SELECT name, organisation, verification, from_config FROM mail_domains ORDER BY name",
    )
    .fetch_all(&mut **tx)
    .await?
    .into_iter()
    .map(Into::into)
    .collect())
}

/// Tells every instance that the directory changed. Call inside the changing transaction.
pub async fn bump_version(tx: &mut Transaction<'_, Any>) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE directory_version SET version = version + 1 WHERE id = 1")
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Inserts or replaces an organisation (its slug is the key).
pub async fn put_organisation(
    tx: &mut Transaction<'_, Any>,
    o: &OrganisationRecord,
) -> Result<(), sqlx::Error> {
    let at = now();
    sqlx::query(
        "INSERT INTO organisations (slug, display_name, status, status_reason, managed_by, \
         partner, mail_server, imap_host, imap_port, smtp_host, smtp_port, \
         fresh_auth_max_age_secs, mailbox_passwords, provision_mailboxes, \
         require_verified_email, session_lifetime_secs, session_idle_secs, admin_recheck_secs, \
         from_config, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, \
         $18, $19, $20, $20) \
         ON CONFLICT (slug) DO UPDATE SET display_name = $2, status = $3, status_reason = $4, \
         managed_by = $5, partner = $6, mail_server = $7, imap_host = $8, imap_port = $9, \
         smtp_host = $10, smtp_port = $11, fresh_auth_max_age_secs = $12, \
         mailbox_passwords = $13, provision_mailboxes = $14, require_verified_email = $15, \
         session_lifetime_secs = $16, session_idle_secs = $17, admin_recheck_secs = $18, \
         from_config = $19, updated_at = $20",
    )
    .bind(&o.slug)
    .bind(&o.display_name)
    .bind(o.status.as_str())
    .bind(&o.status_reason)
    .bind(&o.managed_by)
    .bind(i64::from(o.partner))
    .bind(&o.mail_server)
    .bind(&o.mail.imap_host)
    .bind(i64::from(o.mail.imap_port))
    .bind(&o.mail.smtp_host)
    .bind(i64::from(o.mail.smtp_port))
    .bind(o.policies.fresh_auth_max_age_secs as i64)
    .bind(mailbox_passwords_str(o.policies.mailbox_passwords))
    .bind(i64::from(o.policies.provision_mailboxes))
    .bind(i64::from(o.policies.require_verified_email))
    .bind(o.policies.session_lifetime_secs as i64)
    .bind(o.policies.session_idle_secs as i64)
    .bind(o.policies.admin_recheck_secs as i64)
    .bind(i64::from(o.from_config))
    .bind(at)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Sets an organisation's status; returns whether it exists.
pub async fn set_status(
    tx: &mut Transaction<'_, Any>,
    slug: &str,
    status: Status,
    reason: Option<&str>,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE organisations SET status = $2, status_reason = $3, updated_at = $4 WHERE slug = $1",
    )
    .bind(slug)
    .bind(status.as_str())
    .bind(reason)
    .bind(now())
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Inserts or replaces an organisation's identity provider; its revision moves on.
pub async fn put_identity_provider(
    tx: &mut Transaction<'_, Any>,
    p: &IdentityProviderRecord,
) -> Result<(), sqlx::Error> {
    let (secret, key_id) = match &p.client_secret {
        Some(s) => (Some(s.value.as_str()), Some(s.key_id.as_str())),
        None => (None, None),
    };
    sqlx::query(
        "INSERT INTO identity_providers (organisation, issuer, client_id, client_secret, \
         client_secret_key_id, scopes, email_claim, groups_claim, admin_group, login_hint, \
         revision, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 1, $11) \
         ON CONFLICT (organisation) DO UPDATE SET issuer = $2, client_id = $3, \
         client_secret = $4, client_secret_key_id = $5, scopes = $6, email_claim = $7, \
         groups_claim = $8, admin_group = $9, login_hint = $10, \
         revision = identity_providers.revision + 1, updated_at = $11",
    )
    .bind(&p.organisation)
    .bind(&p.issuer)
    .bind(&p.client_id)
    .bind(secret)
    .bind(key_id)
    .bind(p.scopes.join(" "))
    .bind(&p.email_claim)
    .bind(&p.groups_claim)
    .bind(&p.admin_group)
    .bind(login_hint_str(p.login_hint))
    .bind(now())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Inserts or replaces a mail server; its revision moves on.
pub async fn put_mail_server(
    tx: &mut Transaction<'_, Any>,
    s: &MailServerRecord,
) -> Result<(), sqlx::Error> {
    let (key, key_id) = match &s.api_key {
        Some(k) => (Some(k.value.as_str()), Some(k.key_id.as_str())),
        None => (None, None),
    };
    sqlx::query(
        "INSERT INTO mail_servers (name, url, api_key, api_key_key_id, timeout_ms, managed_by, \
         from_config, revision, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, 1, $8) \
         ON CONFLICT (name) DO UPDATE SET url = $2, api_key = $3, api_key_key_id = $4, \
         timeout_ms = $5, managed_by = $6, from_config = $7, \
         revision = mail_servers.revision + 1, updated_at = $8",
    )
    .bind(&s.name)
    .bind(&s.url)
    .bind(key)
    .bind(key_id)
    .bind(s.timeout_ms as i64)
    .bind(&s.managed_by)
    .bind(i64::from(s.from_config))
    .bind(now())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

pub async fn delete_mail_server(
    tx: &mut Transaction<'_, Any>,
    name: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM mail_servers WHERE name = $1")
        .bind(name)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Adds a domain to an organisation. Fails (unique violation) if any organisation has it.
pub async fn insert_domain(
    tx: &mut Transaction<'_, Any>,
    d: &DomainRecord,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO mail_domains (name, organisation, verification, from_config, created_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(&d.name)
    .bind(&d.organisation)
    .bind(if d.verified { "verified" } else { "pending" })
    .bind(i64::from(d.from_config))
    .bind(now())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

pub async fn update_domain(
    tx: &mut Transaction<'_, Any>,
    d: &DomainRecord,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE mail_domains SET organisation = $2, verification = $3, from_config = $4 \
         WHERE name = $1",
    )
    .bind(&d.name)
    .bind(&d.organisation)
    .bind(if d.verified { "verified" } else { "pending" })
    .bind(i64::from(d.from_config))
    .execute(&mut **tx)
    .await?;
    Ok(())
}

pub async fn delete_domain(tx: &mut Transaction<'_, Any>, name: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM mail_domains WHERE name = $1")
        .bind(name)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// The ids of every key that sealed a secret still in the database.
pub async fn sealing_key_ids(db: &Db) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT api_key_key_id FROM mail_servers WHERE api_key_key_id IS NOT NULL \
         UNION SELECT client_secret_key_id FROM identity_providers \
         WHERE client_secret_key_id IS NOT NULL",
    )
    .fetch_all(&db.pool)
    .await
}

/// Whether an error is a unique-constraint violation (a domain that already has an owner).
pub fn is_unique_violation(e: &sqlx::Error) -> bool {
    matches!(e, sqlx::Error::Database(d) if d.is_unique_violation())
}
