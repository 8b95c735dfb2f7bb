//! `notifications`: e-mails to send (and sent), claimed by one instance at a time.

use super::pool::Db;

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct Notification {
    pub id: i64,
    pub organisation: String,
    pub server: String,
    pub recipient: String,
    pub subject: String,
    pub body: String,
    pub attempts: i64,
}

pub struct NewNotification<'a> {
    pub organisation: &'a str,
    pub server: &'a str,
    pub recipient: &'a str,
    pub subject: &'a str,
    pub body: &'a str,
}

pub async fn insert(db: &Db, n: &NewNotification<'_>, at: i64) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO notifications (organisation, server, recipient, subject, body, created_at, next_at)
         VALUES ($1, $2, $3, $4, $5, $6, $6)",
    )
    .bind(n.organisation)
    .bind(n.server)
    .bind(n.recipient)
    .bind(n.subject)
    .bind(n.body)
    .bind(at)
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// Up to `limit` notifications due at `at`, each claimed for this instance until
/// `at + hold` (another instance skips them meanwhile).
pub async fn claim_due(
    db: &Db,
    at: i64,
    hold: i64,
    limit: i64,
) -> Result<Vec<Notification>, sqlx::Error> {
    let due: Vec<i64> = sqlx::query_scalar(
        "SELECT id FROM notifications
         WHERE sent_at IS NULL AND next_at <= $1 AND (claimed_until IS NULL OR claimed_until < $1)
         ORDER BY id LIMIT $2",
    )
    .bind(at)
    .bind(limit)
    .fetch_all(&db.pool)
    .await?;
    let mut claimed = Vec::with_capacity(due.len());
    for id in due {
        let taken = sqlx::query(
            "UPDATE notifications SET claimed_until = $2
             WHERE id = $1 AND sent_at IS NULL AND (claimed_until IS NULL OR claimed_until < $3)",
        )
        .bind(id)
        .bind(at + hold)
        .bind(at)
        .execute(&db.pool)
        .await?
        .rows_affected()
            == 1;
        if taken {
            claimed.push(
                sqlx::query_as::<_, Notification>(
                    "SELECT id, organisation, server, recipient, subject, body, attempts
                     FROM notifications WHERE id = $1",
                )
                .bind(id)
                .fetch_one(&db.pool)
                .await?,
            );
        }
    }
    Ok(claimed)
}

pub async fn sent(db: &Db, id: i64, at: i64) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE notifications SET sent_at = $2, attempts = attempts + 1, claimed_until = NULL,
                last_error = NULL
         WHERE id = $1",
    )
    .bind(id)
    .bind(at)
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// A failed attempt: tried again at `next_at`.
pub async fn failed(db: &Db, id: i64, next_at: i64, error: &str) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE notifications SET attempts = attempts + 1, next_at = $2, claimed_until = NULL,
                last_error = $3
         WHERE id = $1",
    )
    .bind(id)
    .bind(next_at)
    .bind(error)
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// Deletes sent notifications older than `before`.
pub async fn purge_sent_before(db: &Db, before: i64) -> Result<u64, sqlx::Error> {
    Ok(
        sqlx::query("DELETE FROM notifications WHERE sent_at IS NOT NULL AND sent_at < $1")
            .bind(before)
            .execute(&db.pool)
            .await?
            .rows_affected(),
    )
}
