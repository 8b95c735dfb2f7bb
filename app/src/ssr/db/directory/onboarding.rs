//! What onboarding adds to the directory (migration 0006): the organisation's contact and its
//! IdP test sign-in, one-time links, and the reads of the partner console.

use super::rows::{IDP_COLUMNS, IdentityProviderRow, ORGANISATION_COLUMNS, OrganisationRow};
use super::{DomainRecord, IdentityProviderRecord, OrganisationRecord};
use crate::ssr::db::pool::Db;
use crate::ssr::time::now;
use sqlx::{Any, Transaction};
use std::collections::HashMap;

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

/// One page of the organisations a partner manages, and how many there are.
pub struct ManagedPage {
    pub total: i64,
    pub organisations: Vec<OrganisationRecord>,
}

/// Which organisations a partner's list shows: those `managed_by` (every one but the
/// partner's own when `None`, for the operator) whose short name, name or a domain contains
/// `needle` (lowercase; empty: all).
pub struct ManagedFilter<'a> {
    pub partner: &'a str,
    pub managed_by: Option<&'a str>,
    pub needle: &'a str,
}

const MANAGED_WHERE: &str = "slug <> $1 AND ($2 = '' OR managed_by = $2) AND ($3 = '' \
    OR slug LIKE $3 ESCAPE '\\' OR LOWER(display_name) LIKE $3 ESCAPE '\\' \
    OR slug IN (SELECT organisation FROM mail_domains WHERE name LIKE $3 ESCAPE '\\') \
    OR slug IN (SELECT organisation FROM domain_claims WHERE domain LIKE $3 ESCAPE '\\'))";

/// A page of the list, by name: the database pages and counts, so its cost does not grow with
/// the number of organisations beyond one indexed count.
pub async fn managed_page(
    db: &Db,
    filter: &ManagedFilter<'_>,
    limit: i64,
    offset: i64,
) -> Result<ManagedPage, sqlx::Error> {
    let pattern = if filter.needle.is_empty() {
        String::new()
    } else {
        format!("%{}%", crate::ssr::db::audit::like_literal(filter.needle))
    };
    let managed_by = filter.managed_by.unwrap_or("");
    let total: i64 = sqlx::query_scalar(&format!(
        "SELECT COUNT(*) FROM organisations WHERE {MANAGED_WHERE}"
    ))
    .bind(filter.partner)
    .bind(managed_by)
    .bind(&pattern)
    .fetch_one(&db.pool)
    .await?;
    let organisations = sqlx::query_as::<_, OrganisationRow>(&format!(
        "SELECT {ORGANISATION_COLUMNS} FROM organisations WHERE {MANAGED_WHERE} \
         ORDER BY LOWER(display_name), slug LIMIT $4 OFFSET $5"
    ))
    .bind(filter.partner)
    .bind(managed_by)
    .bind(&pattern)
    .bind(limit)
    .bind(offset)
    .fetch_all(&db.pool)
    .await?
    .into_iter()
    .map(Into::into)
    .collect();
    Ok(ManagedPage {
        total,
        organisations,
    })
}

/// What the list shows of a few organisations besides their rows.
#[derive(Debug, Default)]
pub struct Overview {
    pub domains: Vec<DomainRecord>,
    /// Domains that exist at the mail server for their organisation.
    pub at_mail_server: Vec<String>,
    /// Organisation → issuer.
    pub issuers: HashMap<String, String>,
    /// Organisation → people who ever signed in.
    pub people: HashMap<String, i64>,
    /// Organisation → the time of its last audit event.
    pub last_activity: HashMap<String, i64>,
}

/// `$1, $2, …, $n`.
fn placeholders(n: usize) -> String {
    (1..=n)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Domains, issuers, people and last activity of `slugs` (a page of the list), a query each.
pub async fn overview(db: &Db, slugs: &[String]) -> Result<Overview, sqlx::Error> {
    if slugs.is_empty() {
        return Ok(Overview::default());
    }
    let list = placeholders(slugs.len());
    // Domains held, and open claims (pending until proven).
    let sql_domains = format!(
        "SELECT name, organisation, verification, from_config FROM mail_domains \
         WHERE organisation IN ({list}) \
         UNION ALL SELECT domain, organisation, 'pending', 0 FROM domain_claims \
         WHERE organisation IN ({list}) AND ended IS NULL ORDER BY 1"
    );
    let sql_at_server = format!(
        "SELECT p.domain FROM domain_proofs p JOIN mail_domains d ON d.name = p.domain \
         WHERE d.organisation IN ({list}) AND p.at_mail_server IS NOT NULL"
    );
    let sql_issuers = format!(
        "SELECT organisation, issuer FROM identity_providers WHERE organisation IN ({list})"
    );
    let sql_people =
        format!("SELECT tenant, COUNT(*) FROM users WHERE tenant IN ({list}) GROUP BY tenant");
    let sql_last = format!(
        "SELECT tenant, MAX(at) FROM audit_events WHERE tenant IN ({list}) GROUP BY tenant"
    );
    macro_rules! bound {
        ($query:expr) => {{
            let mut q = $query;
            for slug in slugs {
                q = q.bind(slug);
            }
            q
        }};
    }
    let domains = bound!(sqlx::query_as::<_, super::rows::DomainRow>(&sql_domains))
        .fetch_all(&db.pool)
        .await?
        .into_iter()
        .map(Into::into)
        .collect();
    let at_mail_server = bound!(sqlx::query_scalar(&sql_at_server))
        .fetch_all(&db.pool)
        .await?;
    let issuers = bound!(sqlx::query_as::<_, (String, String)>(&sql_issuers))
        .fetch_all(&db.pool)
        .await?
        .into_iter()
        .collect();
    let people = bound!(sqlx::query_as::<_, (String, i64)>(&sql_people))
        .fetch_all(&db.pool)
        .await?
        .into_iter()
        .collect();
    let last_activity = bound!(sqlx::query_as::<_, (String, i64)>(&sql_last))
        .fetch_all(&db.pool)
        .await?
        .into_iter()
        .collect();
    Ok(Overview {
        domains,
        at_mail_server,
        issuers,
        people,
        last_activity,
    })
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
        "DELETE FROM domain_claims WHERE organisation = $1",
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
