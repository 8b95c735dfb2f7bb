//! What onboarding adds to the directory (migration 0006): the organisation's contact and its
//! IdP test sign-in, one-time links, and the reads of the console of one organisation.

use super::rows::{IDP_COLUMNS, IdentityProviderRow, ORGANISATION_COLUMNS, OrganisationRow};
use super::{DomainRecord, IdentityProviderRecord, OrganisationRecord};
use crate::ssr::db::pool::Db;
use crate::ssr::time::now;
use sqlx::{Any, Transaction};

/// The onboarding facts of an organisation.
#[derive(Debug, Clone, Default, PartialEq, Eq, sqlx::FromRow)]
pub struct OnboardingRecord {
    pub contact_email: Option<String>,
    pub idp_tested_at: Option<i64>,
    pub idp_tested_revision: Option<i64>,
    /// JSON: what the last test sign-in showed.
    pub idp_test: Option<String>,
}

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

/// The one-time links made for a partner's organisations that are still valid (made within a
/// day): its cap.
pub async fn test_links_of_partner(db: &Db, partner: &str) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM test_links l JOIN organisations o ON o.slug = l.organisation \
         WHERE o.managed_by = $1 AND l.expires_at > $2",
    )
    .bind(partner)
    .bind(now())
    .fetch_one(&db.pool)
    .await
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
        sqlx::query_scalar("SELECT id FROM audit_events WHERE organisation = $1 LIMIT 1")
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
        "DELETE FROM dns_publishing WHERE organisation = $1",
        "DELETE FROM domain_proofs WHERE domain IN \
         (SELECT name FROM mail_domains WHERE organisation = $1)",
        "DELETE FROM domain_claims WHERE organisation = $1",
        "DELETE FROM test_links WHERE organisation = $1",
        "DELETE FROM mail_domains WHERE organisation = $1",
        "DELETE FROM identity_providers WHERE organisation = $1",
        "DELETE FROM mailbox_pins WHERE organisation = $1",
        "DELETE FROM app_password_requests WHERE organisation = $1",
        "DELETE FROM logins WHERE organisation = $1",
        "DELETE FROM users WHERE organisation = $1",
        "DELETE FROM organisations WHERE slug = $1",
    ];
    for sql in statements {
        sqlx::query(sql).bind(slug).execute(&mut **tx).await?;
    }
    Ok(())
}
