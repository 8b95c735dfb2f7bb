//! `departures`: people their IdP says are gone, and whether their mail credentials are gone
//! too. See the migration for how a row is claimed and retried across instances.

use super::pool::Db;
use crate::ssr::time::now;

/// How long an instance holds a departure it is revoking before another may try again.
pub const LEASE_SECS: i64 = 120;

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct Departure {
    pub organisation: String,
    pub user_id: i64,
    pub source: String,
    pub reason: String,
    pub noticed_at: i64,
    pub revoked_at: Option<i64>,
    /// How many app passwords and API keys were destroyed.
    pub revoked: i64,
    pub attempts: i64,
    pub last_error: Option<String>,
}

const COLUMNS: &str =
    "organisation, user_id, source, reason, noticed_at, revoked_at, revoked, attempts, last_error";

/// Records that a person is gone; `true` when this call recorded it (it was not known yet).
pub async fn claim(
    db: &Db,
    organisation: &str,
    user_id: i64,
    source: &str,
    reason: &str,
) -> Result<bool, sqlx::Error> {
    let inserted = sqlx::query(
        "INSERT INTO departures (organisation, user_id, source, reason, noticed_at)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (organisation, user_id) DO NOTHING",
    )
    .bind(organisation)
    .bind(user_id)
    .bind(source)
    .bind(reason)
    .bind(now())
    .execute(&db.pool)
    .await?
    .rows_affected();
    Ok(inserted == 1)
}

/// Takes a departure whose credentials are not revoked yet for a try; `false` when it is
/// revoked already or another instance holds it.
pub async fn lease(db: &Db, organisation: &str, user_id: i64) -> Result<bool, sqlx::Error> {
    let at = now();
    let taken = sqlx::query(
        "UPDATE departures SET attempt_at = $3, attempts = attempts + 1
         WHERE organisation = $1 AND user_id = $2 AND revoked_at IS NULL
           AND (attempt_at IS NULL OR attempt_at < $4)",
    )
    .bind(organisation)
    .bind(user_id)
    .bind(at)
    .bind(at - LEASE_SECS)
    .execute(&db.pool)
    .await?
    .rows_affected();
    Ok(taken == 1)
}

/// The try succeeded: `revoked` credentials are gone.
pub async fn revoked(
    db: &Db,
    organisation: &str,
    user_id: i64,
    revoked: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE departures SET revoked_at = $3, revoked = $4, last_error = NULL, attempt_at = NULL
         WHERE organisation = $1 AND user_id = $2",
    )
    .bind(organisation)
    .bind(user_id)
    .bind(now())
    .bind(revoked)
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// The try failed: the departure is free for the next try (the "departures" task, or the IdP
/// telling it again).
pub async fn failed(
    db: &Db,
    organisation: &str,
    user_id: i64,
    error: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE departures SET last_error = $3, attempt_at = NULL
         WHERE organisation = $1 AND user_id = $2",
    )
    .bind(organisation)
    .bind(user_id)
    .bind(error)
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// The person is back (reactivated at the IdP); `true` when they had departed.
pub async fn forget(db: &Db, organisation: &str, user_id: i64) -> Result<bool, sqlx::Error> {
    let deleted = sqlx::query("DELETE FROM departures WHERE organisation = $1 AND user_id = $2")
        .bind(organisation)
        .bind(user_id)
        .execute(&db.pool)
        .await?
        .rows_affected();
    Ok(deleted == 1)
}

pub async fn find(
    db: &Db,
    organisation: &str,
    user_id: i64,
) -> Result<Option<Departure>, sqlx::Error> {
    sqlx::query_as::<_, Departure>(&format!(
        "SELECT {COLUMNS} FROM departures WHERE organisation = $1 AND user_id = $2"
    ))
    .bind(organisation)
    .bind(user_id)
    .fetch_optional(&db.pool)
    .await
}

/// Whether the organisation's person with this IdP subject has departed (and not returned).
pub async fn of_subject(db: &Db, organisation: &str, subject: &str) -> Result<bool, sqlx::Error> {
    let (departed,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM departures d JOIN users u
             ON u.id = d.user_id AND u.organisation = d.organisation
         WHERE d.organisation = $1 AND u.subject = $2",
    )
    .bind(organisation)
    .bind(subject)
    .fetch_one(&db.pool)
    .await?;
    Ok(departed > 0)
}

/// Departures whose credentials are still to revoke and that no instance holds now.
pub async fn pending(db: &Db, limit: i64) -> Result<Vec<Departure>, sqlx::Error> {
    sqlx::query_as::<_, Departure>(&format!(
        "SELECT {COLUMNS} FROM departures
         WHERE revoked_at IS NULL AND (attempt_at IS NULL OR attempt_at < $1)
         ORDER BY noticed_at LIMIT $2"
    ))
    .bind(now() - LEASE_SECS)
    .bind(limit)
    .fetch_all(&db.pool)
    .await
}

/// An organisation's departures with the person's address, newest first.
pub async fn of_organisation(
    db: &Db,
    organisation: &str,
    limit: i64,
) -> Result<Vec<(Departure, String)>, sqlx::Error> {
    #[derive(sqlx::FromRow)]
    struct Row {
        #[sqlx(flatten)]
        departure: Departure,
        email: String,
    }
    let rows = sqlx::query_as::<_, Row>(
        "SELECT d.organisation, d.user_id, d.source, d.reason, d.noticed_at, d.revoked_at,
                d.revoked, d.attempts, d.last_error, u.email
         FROM departures d JOIN users u ON u.id = d.user_id AND u.organisation = d.organisation
         WHERE d.organisation = $1 ORDER BY d.noticed_at DESC LIMIT $2",
    )
    .bind(organisation)
    .bind(limit)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.into_iter().map(|r| (r.departure, r.email)).collect())
}
