//! `scim_tokens` and `scim_users`: what an organisation's IdP pushes over SCIM.

use super::pool::Db;
use crate::ssr::time::now;

/// An organisation's token: when it was made and last used (never the token).
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct TokenInfo {
    pub created_at: i64,
    pub last_used_at: Option<i64>,
}

/// Replaces the organisation's token by the one hashing to `token_hash`.
pub async fn set_token(db: &Db, organisation: &str, token_hash: &str) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO scim_tokens (organisation, token_hash, created_at) VALUES ($1, $2, $3)
         ON CONFLICT (organisation) DO UPDATE SET token_hash = excluded.token_hash,
             created_at = excluded.created_at, last_used_at = NULL",
    )
    .bind(organisation)
    .bind(token_hash)
    .bind(now())
    .execute(&db.pool)
    .await?;
    Ok(())
}

pub async fn token_info(db: &Db, organisation: &str) -> Result<Option<TokenInfo>, sqlx::Error> {
    sqlx::query_as::<_, TokenInfo>(
        "SELECT created_at, last_used_at FROM scim_tokens WHERE organisation = $1",
    )
    .bind(organisation)
    .fetch_optional(&db.pool)
    .await
}

/// Whether `token_hash` is this organisation's token (and notes its use).
pub async fn token_matches(
    db: &Db,
    organisation: &str,
    token_hash: &str,
) -> Result<bool, sqlx::Error> {
    let used = sqlx::query(
        "UPDATE scim_tokens SET last_used_at = $3 WHERE organisation = $1 AND token_hash = $2",
    )
    .bind(organisation)
    .bind(token_hash)
    .bind(now())
    .execute(&db.pool)
    .await?
    .rows_affected();
    Ok(used == 1)
}

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct ScimUser {
    pub id: String,
    pub organisation: String,
    pub user_name: String,
    pub external_id: Option<String>,
    /// 0 or 1.
    #[sqlx(rename = "active")]
    pub active_flag: i64,
    pub resource_json: String,
    pub created_at: i64,
    pub updated_at: i64,
}

impl ScimUser {
    pub fn active(&self) -> bool {
        self.active_flag == 1
    }
}

const COLUMNS: &str =
    "id, organisation, user_name, external_id, active, resource_json, created_at, updated_at";

/// Creates the user; `None` when the organisation has one with this userName already.
pub async fn create(
    db: &Db,
    organisation: &str,
    id: &str,
    user_name: &str,
    external_id: Option<&str>,
    active: bool,
    resource_json: &str,
) -> Result<Option<ScimUser>, sqlx::Error> {
    let at = now();
    sqlx::query_as::<_, ScimUser>(&format!(
        "INSERT INTO scim_users ({COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $7)
         ON CONFLICT (organisation, user_name) DO NOTHING RETURNING {COLUMNS}"
    ))
    .bind(id)
    .bind(organisation)
    .bind(user_name)
    .bind(external_id)
    .bind(i64::from(active))
    .bind(resource_json)
    .bind(at)
    .fetch_optional(&db.pool)
    .await
}

pub async fn update(
    db: &Db,
    organisation: &str,
    id: &str,
    user_name: &str,
    external_id: Option<&str>,
    active: bool,
    resource_json: &str,
) -> Result<Option<ScimUser>, sqlx::Error> {
    sqlx::query_as::<_, ScimUser>(&format!(
        "UPDATE scim_users SET user_name = $3, external_id = $4, active = $5, resource_json = $6,
             updated_at = $7
         WHERE organisation = $1 AND id = $2 RETURNING {COLUMNS}"
    ))
    .bind(organisation)
    .bind(id)
    .bind(user_name)
    .bind(external_id)
    .bind(i64::from(active))
    .bind(resource_json)
    .bind(now())
    .fetch_optional(&db.pool)
    .await
}

pub async fn find(db: &Db, organisation: &str, id: &str) -> Result<Option<ScimUser>, sqlx::Error> {
    sqlx::query_as::<_, ScimUser>(&format!(
        "SELECT {COLUMNS} FROM scim_users WHERE organisation = $1 AND id = $2"
    ))
    .bind(organisation)
    .bind(id)
    .fetch_optional(&db.pool)
    .await
}

/// The organisation's users whose userName (case-insensitively) or externalId is `value`.
pub async fn find_by(
    db: &Db,
    organisation: &str,
    attribute: Attribute,
    value: &str,
) -> Result<Vec<ScimUser>, sqlx::Error> {
    let filter = match attribute {
        Attribute::UserName => "LOWER(user_name) = LOWER($2)",
        Attribute::ExternalId => "external_id = $2",
    };
    sqlx::query_as::<_, ScimUser>(&format!(
        "SELECT {COLUMNS} FROM scim_users WHERE organisation = $1 AND {filter} ORDER BY created_at"
    ))
    .bind(organisation)
    .bind(value)
    .fetch_all(&db.pool)
    .await
}

/// A page of the organisation's users (`start` counts from 1, as SCIM does).
pub async fn page(
    db: &Db,
    organisation: &str,
    start: i64,
    count: i64,
) -> Result<(Vec<ScimUser>, i64), sqlx::Error> {
    let (total,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM scim_users WHERE organisation = $1")
            .bind(organisation)
            .fetch_one(&db.pool)
            .await?;
    let users = sqlx::query_as::<_, ScimUser>(&format!(
        "SELECT {COLUMNS} FROM scim_users WHERE organisation = $1 ORDER BY created_at, id
         LIMIT $2 OFFSET $3"
    ))
    .bind(organisation)
    .bind(count)
    .bind(start.max(1) - 1)
    .fetch_all(&db.pool)
    .await?;
    Ok((users, total))
}

pub async fn delete(db: &Db, organisation: &str, id: &str) -> Result<bool, sqlx::Error> {
    Ok(
        sqlx::query("DELETE FROM scim_users WHERE organisation = $1 AND id = $2")
            .bind(organisation)
            .bind(id)
            .execute(&db.pool)
            .await?
            .rows_affected()
            == 1,
    )
}

/// What a SCIM filter may compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attribute {
    UserName,
    ExternalId,
}
