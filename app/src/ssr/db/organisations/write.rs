//! Changing the directory, inside the caller's transaction. Each writer of a change also calls
//! [`bump_version`] in that transaction.

use super::rows::{login_hint_str, mailbox_passwords_str};
use super::{DomainRecord, IdentityProviderRecord, MailServerRecord, OrganisationRecord, Status};
use crate::ssr::time::now;
use sqlx::{Any, Transaction};

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
         from_config, operator, created_at, updated_at, default_locale) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, \
         $18, $19, $21, $20, $20, $22) \
         ON CONFLICT (slug) DO UPDATE SET display_name = $2, status = $3, status_reason = $4, \
         managed_by = $5, partner = $6, mail_server = $7, imap_host = $8, imap_port = $9, \
         smtp_host = $10, smtp_port = $11, fresh_auth_max_age_secs = $12, \
         mailbox_passwords = $13, provision_mailboxes = $14, require_verified_email = $15, \
         session_lifetime_secs = $16, session_idle_secs = $17, admin_recheck_secs = $18, \
         from_config = $19, operator = $21, updated_at = $20, default_locale = $22",
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
    .bind(i64::from(o.operator))
    .bind(o.policies.default_locale.map(|l| l.code()))
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Writes what the partner console edits — name, mail server and host names, policies — and
/// nothing else: a save that takes its time cannot undo a suspension (or any other change of
/// status) made meanwhile.
pub async fn update_settings(
    tx: &mut Transaction<'_, Any>,
    o: &OrganisationRecord,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE organisations SET display_name = $2, mail_server = $3, imap_host = $4, \
         imap_port = $5, smtp_host = $6, smtp_port = $7, fresh_auth_max_age_secs = $8, \
         mailbox_passwords = $9, provision_mailboxes = $10, require_verified_email = $11, \
         session_lifetime_secs = $12, session_idle_secs = $13, admin_recheck_secs = $14, \
         updated_at = $15, default_locale = $16 WHERE slug = $1",
    )
    .bind(&o.slug)
    .bind(&o.display_name)
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
    .bind(now())
    .bind(o.policies.default_locale.map(|l| l.code()))
    .execute(&mut **tx)
    .await?;
    Ok(())
}

pub async fn set_sealing_version(
    tx: &mut Transaction<'_, Any>,
    version: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE sealing_version SET version = $1 WHERE id = 1")
        .bind(version)
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
    // Its activity hook's key goes with it: a delivery from it is refused from now on (the
    // hook itself stays at a server Postern can no longer reach).
    sqlx::query("DELETE FROM webhooks WHERE server = $1")
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

/// Whether an error is a unique-constraint violation (a domain that already has an owner).
pub fn is_unique_violation(e: &sqlx::Error) -> bool {
    matches!(e, sqlx::Error::Database(d) if d.is_unique_violation())
}
