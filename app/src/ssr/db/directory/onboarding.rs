//! What onboarding adds to the directory (migration 0006): domain proofs, the organisation's
//! contact and its IdP test sign-in, and the reads of the partner console.

use super::rows::{IDP_COLUMNS, IdentityProviderRow, ORGANISATION_COLUMNS, OrganisationRow};
use super::{DomainRecord, IdentityProviderRecord, OrganisationRecord};
use crate::ssr::db::pool::Db;
use crate::ssr::time::now;
use sqlx::{Any, Transaction};
use std::collections::HashMap;

/// The DNS proof of a domain claimed in the portal.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ProofRecord {
    pub domain: String,
    pub organisation: String,
    pub token: String,
    /// Epoch seconds.
    pub expires_at: i64,
    pub checked_at: Option<i64>,
    /// `proven`, `not_seen`, `wrong_token`, `expired`, `unknown`.
    pub finding: Option<String>,
    /// `created` or `adopted` once the domain exists at the mail server for this organisation.
    pub at_mail_server: Option<String>,
}

/// The onboarding facts of an organisation.
#[derive(Debug, Clone, Default, PartialEq, Eq, sqlx::FromRow)]
pub struct OnboardingRecord {
    pub contact_email: Option<String>,
    pub idp_tested_at: Option<i64>,
    pub idp_tested_revision: Option<i64>,
    /// JSON: what the last test sign-in showed.
    pub idp_test: Option<String>,
}

const PROOF_COLUMNS: &str = "p.domain, d.organisation, p.token, p.expires_at, p.checked_at, \
    p.finding, p.at_mail_server";

pub async fn organisation(db: &Db, slug: &str) -> Result<Option<OrganisationRecord>, sqlx::Error> {
    Ok(sqlx::query_as::<_, OrganisationRow>(&format!(
        "SELECT {ORGANISATION_COLUMNS} FROM organisations WHERE slug = $1"
    ))
    .bind(slug)
    .fetch_optional(&db.pool)
    .await?
    .map(Into::into))
}

pub async fn domains_of(db: &Db, organisation: &str) -> Result<Vec<DomainRecord>, sqlx::Error> {
    Ok(sqlx::query_as::<_, super::rows::DomainRow>(
        "SELECT name, organisation, verification, from_config FROM mail_domains \
         WHERE organisation = $1 ORDER BY name",
    )
    .bind(organisation)
    .fetch_all(&db.pool)
    .await?
    .into_iter()
    .map(Into::into)
    .collect())
}

/// Who holds a domain, if anyone.
pub async fn domain_owner(db: &Db, name: &str) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT organisation FROM mail_domains WHERE name = $1")
        .bind(name)
        .fetch_optional(&db.pool)
        .await
}

pub async fn identity_provider(
    db: &Db,
    organisation: &str,
) -> Result<Option<IdentityProviderRecord>, sqlx::Error> {
    Ok(sqlx::query_as::<_, IdentityProviderRow>(&format!(
        "SELECT {IDP_COLUMNS} FROM identity_providers WHERE organisation = $1"
    ))
    .bind(organisation)
    .fetch_optional(&db.pool)
    .await?
    .map(Into::into))
}

pub async fn proofs_of(db: &Db, organisation: &str) -> Result<Vec<ProofRecord>, sqlx::Error> {
    sqlx::query_as::<_, ProofRecord>(&format!(
        "SELECT {PROOF_COLUMNS} FROM domain_proofs p JOIN mail_domains d ON d.name = p.domain \
         WHERE d.organisation = $1 ORDER BY p.domain"
    ))
    .bind(organisation)
    .fetch_all(&db.pool)
    .await
}

/// Every proof (for the partners' list).
pub async fn all_proofs(db: &Db) -> Result<Vec<ProofRecord>, sqlx::Error> {
    sqlx::query_as::<_, ProofRecord>(&format!(
        "SELECT {PROOF_COLUMNS} FROM domain_proofs p JOIN mail_domains d ON d.name = p.domain"
    ))
    .fetch_all(&db.pool)
    .await
}

pub async fn proof(db: &Db, domain: &str) -> Result<Option<ProofRecord>, sqlx::Error> {
    sqlx::query_as::<_, ProofRecord>(&format!(
        "SELECT {PROOF_COLUMNS} FROM domain_proofs p JOIN mail_domains d ON d.name = p.domain \
         WHERE p.domain = $1"
    ))
    .bind(domain)
    .fetch_optional(&db.pool)
    .await
}

/// Proofs still waiting to be seen and not expired: what the background re-check looks up.
pub async fn pending_proofs(db: &Db) -> Result<Vec<ProofRecord>, sqlx::Error> {
    sqlx::query_as::<_, ProofRecord>(&format!(
        "SELECT {PROOF_COLUMNS} FROM domain_proofs p JOIN mail_domains d ON d.name = p.domain \
         WHERE d.verification = 'pending' AND p.expires_at > $1 ORDER BY p.domain"
    ))
    .bind(now())
    .fetch_all(&db.pool)
    .await
}

pub async fn put_proof(
    tx: &mut Transaction<'_, Any>,
    domain: &str,
    token: &str,
    expires_at: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO domain_proofs (domain, token, expires_at) VALUES ($1, $2, $3) \
         ON CONFLICT (domain) DO UPDATE SET token = $2, expires_at = $3, checked_at = NULL, \
         finding = NULL",
    )
    .bind(domain)
    .bind(token)
    .bind(expires_at)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

pub async fn set_finding(
    tx: &mut Transaction<'_, Any>,
    domain: &str,
    finding: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE domain_proofs SET finding = $2, checked_at = $3 WHERE domain = $1")
        .bind(domain)
        .bind(finding)
        .bind(now())
        .execute(&mut **tx)
        .await?;
    Ok(())
}

pub async fn set_verification(
    tx: &mut Transaction<'_, Any>,
    domain: &str,
    verified: bool,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE mail_domains SET verification = $2 WHERE name = $1")
        .bind(domain)
        .bind(if verified { "verified" } else { "pending" })
        .execute(&mut **tx)
        .await?;
    Ok(())
}

pub async fn set_at_mail_server(
    db: &Db,
    domain: &str,
    state: Option<&str>,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE domain_proofs SET at_mail_server = $2 WHERE domain = $1")
        .bind(domain)
        .bind(state)
        .execute(&db.pool)
        .await?;
    Ok(())
}

pub async fn delete_proof(tx: &mut Transaction<'_, Any>, domain: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM domain_proofs WHERE domain = $1")
        .bind(domain)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

pub async fn onboarding(db: &Db, slug: &str) -> Result<OnboardingRecord, sqlx::Error> {
    Ok(sqlx::query_as::<_, OnboardingRecord>(
        "SELECT contact_email, idp_tested_at, idp_tested_revision, idp_test FROM organisations \
         WHERE slug = $1",
    )
    .bind(slug)
    .fetch_optional(&db.pool)
    .await?
    .unwrap_or_default())
}

pub async fn set_contact(
    tx: &mut Transaction<'_, Any>,
    slug: &str,
    contact_email: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE organisations SET contact_email = $2 WHERE slug = $1")
        .bind(slug)
        .bind(contact_email)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Records a successful test sign-in at the IdP settings `revision`.
pub async fn set_idp_test(
    db: &Db,
    slug: &str,
    revision: i64,
    summary: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE organisations SET idp_tested_at = $2, idp_tested_revision = $3, idp_test = $4 \
         WHERE slug = $1",
    )
    .bind(slug)
    .bind(now())
    .bind(revision)
    .bind(summary)
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// People who ever signed in, and the time of the last audit event, per organisation.
pub async fn people_and_activity(
    db: &Db,
) -> Result<HashMap<String, (i64, Option<i64>)>, sqlx::Error> {
    let people: Vec<(String, i64)> =
        sqlx::query_as("SELECT tenant, COUNT(*) FROM users GROUP BY tenant")
            .fetch_all(&db.pool)
            .await?;
    let last: Vec<(String, Option<i64>)> =
        sqlx::query_as("SELECT tenant, MAX(at) FROM audit_events GROUP BY tenant")
            .fetch_all(&db.pool)
            .await?;
    let mut out: HashMap<String, (i64, Option<i64>)> = HashMap::new();
    for (tenant, n) in people {
        out.entry(tenant).or_default().0 = n;
    }
    for (tenant, at) in last {
        out.entry(tenant).or_default().1 = at;
    }
    Ok(out)
}

/// Stores a one-time test link (by the SHA-256 of its token).
pub async fn put_test_link(
    db: &Db,
    token_sha256: &str,
    organisation: &str,
    created_by: &str,
    expires_at: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO test_links (token_sha256, organisation, created_by, expires_at) \
         VALUES ($1, $2, $3, $4)",
    )
    .bind(token_sha256)
    .bind(organisation)
    .bind(created_by)
    .bind(expires_at)
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// The display name of the organisation a test link is for, while it can be used.
pub async fn open_test_link(db: &Db, token_sha256: &str) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT o.display_name FROM test_links l JOIN organisations o \
         ON o.slug = l.organisation WHERE l.token_sha256 = $1 AND l.used_at IS NULL \
         AND l.expires_at > $2",
    )
    .bind(token_sha256)
    .bind(now())
    .fetch_optional(&db.pool)
    .await
}

/// Uses a test link: the organisation it is for, if it exists, is unused and not expired.
/// Marked used in the same statement, so two uses cannot both succeed.
pub async fn use_test_link(db: &Db, token_sha256: &str) -> Result<Option<String>, sqlx::Error> {
    let at = now();
    let done = sqlx::query(
        "UPDATE test_links SET used_at = $2 WHERE token_sha256 = $1 AND used_at IS NULL \
         AND expires_at > $2",
    )
    .bind(token_sha256)
    .bind(at)
    .execute(&db.pool)
    .await?;
    if done.rows_affected() != 1 {
        return Ok(None);
    }
    sqlx::query_scalar("SELECT organisation FROM test_links WHERE token_sha256 = $1")
        .bind(token_sha256)
        .fetch_optional(&db.pool)
        .await
}

/// Whether audit events were ever written under this slug (an organisation removed since).
pub async fn slug_has_history(
    tx: &mut Transaction<'_, Any>,
    slug: &str,
) -> Result<bool, sqlx::Error> {
    let found: Option<i64> =
        sqlx::query_scalar("SELECT id FROM audit_events WHERE tenant = $1 LIMIT 1")
            .bind(slug)
            .fetch_optional(&mut **tx)
            .await?;
    Ok(found.is_some())
}

/// Forgets an organisation: its directory rows and its people's records (sign-ins end). Its
/// audit events stay.
pub async fn forget_organisation(
    tx: &mut Transaction<'_, Any>,
    slug: &str,
) -> Result<(), sqlx::Error> {
    let statements = [
        "DELETE FROM domain_proofs WHERE domain IN \
         (SELECT name FROM mail_domains WHERE organisation = $1)",
        "DELETE FROM test_links WHERE organisation = $1",
        "DELETE FROM mail_domains WHERE organisation = $1",
        "DELETE FROM identity_providers WHERE organisation = $1",
        "DELETE FROM mailbox_pins WHERE tenant = $1",
        "DELETE FROM app_password_requests WHERE tenant = $1",
        "DELETE FROM logins WHERE tenant = $1",
        "DELETE FROM users WHERE tenant = $1",
        "DELETE FROM organisations WHERE slug = $1",
    ];
    for sql in statements {
        sqlx::query(sql).bind(slug).execute(&mut **tx).await?;
    }
    Ok(())
}
