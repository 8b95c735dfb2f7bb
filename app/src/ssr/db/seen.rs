//! `seen_accounts` and `seen_credentials`: the app passwords Postern last saw on an account.

use super::pool::Db;
use crate::ssr::time::now;

/// The passwords last seen on the account as (id, creation time), or `None` when Postern
/// never looked at it.
pub async fn of_account(
    db: &Db,
    organisation: &str,
    account_id: &str,
) -> Result<Option<Vec<(String, Option<i64>)>>, sqlx::Error> {
    // One statement: the account's row (if any) with each of its passwords.
    let rows: Vec<(Option<String>, Option<i64>)> = sqlx::query_as(
        "SELECT c.credential_id, c.created_at FROM seen_accounts a
         LEFT JOIN seen_credentials c
           ON c.organisation = a.organisation AND c.account_id = a.account_id
         WHERE a.organisation = $1 AND a.account_id = $2",
    )
    .bind(organisation)
    .bind(account_id)
    .fetch_all(&db.pool)
    .await?;
    if rows.is_empty() {
        return Ok(None);
    }
    Ok(Some(
        rows.into_iter()
            .filter_map(|(id, created)| Some((id?, created)))
            .collect(),
    ))
}

/// What the account holds now.
pub async fn replace(
    db: &Db,
    organisation: &str,
    account_id: &str,
    credentials: &[(String, i64)],
) -> Result<(), sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    sqlx::query("DELETE FROM seen_credentials WHERE organisation = $1 AND account_id = $2")
        .bind(organisation)
        .bind(account_id)
        .execute(&mut *tx)
        .await?;
    for (id, created_at) in credentials {
        sqlx::query(
            "INSERT INTO seen_credentials (organisation, account_id, credential_id, created_at)
             VALUES ($1, $2, $3, $4)",
        )
        .bind(organisation)
        .bind(account_id)
        .bind(id)
        .bind(created_at)
        .execute(&mut *tx)
        .await?;
    }
    sqlx::query(
        "INSERT INTO seen_accounts (organisation, account_id, seen_at) VALUES ($1, $2, $3)
         ON CONFLICT (organisation, account_id) DO UPDATE SET seen_at = $3",
    )
    .bind(organisation)
    .bind(account_id)
    .bind(now())
    .execute(&mut *tx)
    .await?;
    tx.commit().await
}

/// Postern made this password (its creation time is read back at the next look).
pub async fn made(
    db: &Db,
    organisation: &str,
    account_id: &str,
    credential_id: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO seen_credentials (organisation, account_id, credential_id, created_at)
         VALUES ($1, $2, $3, NULL)
         ON CONFLICT (organisation, account_id, credential_id) DO UPDATE SET created_at = NULL",
    )
    .bind(organisation)
    .bind(account_id)
    .bind(credential_id)
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// Postern revoked these passwords (`None`: all of the account's).
pub async fn revoked(
    db: &Db,
    organisation: &str,
    account_id: &str,
    credential_ids: Option<&[String]>,
) -> Result<(), sqlx::Error> {
    match credential_ids {
        None => {
            sqlx::query("DELETE FROM seen_credentials WHERE organisation = $1 AND account_id = $2")
                .bind(organisation)
                .bind(account_id)
                .execute(&db.pool)
                .await?;
        }
        Some(ids) => {
            for id in ids {
                sqlx::query(
                    "DELETE FROM seen_credentials
                     WHERE organisation = $1 AND account_id = $2 AND credential_id = $3",
                )
                .bind(organisation)
                .bind(account_id)
                .bind(id)
                .execute(&db.pool)
                .await?;
            }
        }
    }
    Ok(())
}
