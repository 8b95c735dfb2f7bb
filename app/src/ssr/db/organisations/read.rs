//! Reading the directory: all of it at once, or one table inside a transaction.

use super::rows::{
    DomainRow, IDP_COLUMNS, IdentityProviderRow, MailServerRow, ORGANISATION_COLUMNS,
    OrganisationRow, SERVER_COLUMNS,
};
use super::{
    DomainRecord, Everything, IdentityProviderRecord, MailServerRecord, OrganisationRecord,
};
use crate::ssr::db::pool::Db;
use sqlx::{Any, Transaction};

const VERSION: &str = "SELECT version FROM directory_version WHERE id = 1";

pub async fn version(db: &Db) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(VERSION).fetch_one(&db.pool).await
}

/// Reads the whole directory in one transaction (one snapshot on PostgreSQL).
pub async fn everything(db: &Db) -> Result<Everything, sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    let version = sqlx::query_scalar(VERSION).fetch_one(&mut *tx).await?;
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

/// The ids of every key that sealed a secret still in the database.
pub async fn sealing_key_ids(db: &Db) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT api_key_key_id FROM mail_servers WHERE api_key_key_id IS NOT NULL \
         UNION SELECT client_secret_key_id FROM identity_providers \
         WHERE client_secret_key_id IS NOT NULL \
         UNION SELECT secret_key_id FROM dns_publishing",
    )
    .fetch_all(&db.pool)
    .await
}

/// How stored secrets are bound (see migration 0008): 1 (their row) or 2 (row and destination).
pub async fn sealing_version(tx: &mut Transaction<'_, Any>) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT version FROM sealing_version WHERE id = 1")
        .fetch_one(&mut **tx)
        .await
}

/// Whether an organisation with this slug exists (one indexed look-up, whatever the size of
/// the directory).
pub async fn organisation_exists(
    tx: &mut Transaction<'_, Any>,
    slug: &str,
) -> Result<bool, sqlx::Error> {
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM organisations WHERE slug = $1")
        .bind(slug)
        .fetch_one(&mut **tx)
        .await?;
    Ok(count > 0)
}

/// Whether a mail server with this name exists.
pub async fn mail_server_exists(
    tx: &mut Transaction<'_, Any>,
    name: &str,
) -> Result<bool, sqlx::Error> {
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM mail_servers WHERE name = $1")
        .bind(name)
        .fetch_one(&mut **tx)
        .await?;
    Ok(count > 0)
}
