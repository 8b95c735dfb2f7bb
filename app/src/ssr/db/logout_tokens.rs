//! `logout_tokens`: back-channel logout tokens already acted on, until they expire.

use super::pool::Db;
use crate::ssr::time::now;

/// Remembers the token; `false` when it was seen before (a replay).
pub async fn first_use(
    db: &Db,
    issuer: &str,
    jti: &str,
    expires_at: i64,
) -> Result<bool, sqlx::Error> {
    let inserted = sqlx::query(
        "INSERT INTO logout_tokens (issuer, jti, expires_at) VALUES ($1, $2, $3)
         ON CONFLICT (issuer, jti) DO NOTHING",
    )
    .bind(issuer)
    .bind(jti)
    .bind(expires_at)
    .execute(&db.pool)
    .await?
    .rows_affected();
    Ok(inserted == 1)
}

/// Forgets tokens that have expired (a replay of one is refused for its expiry anyway).
pub async fn forget_expired(db: &Db) -> Result<u64, sqlx::Error> {
    Ok(
        sqlx::query("DELETE FROM logout_tokens WHERE expires_at < $1")
            .bind(now())
            .execute(&db.pool)
            .await?
            .rows_affected(),
    )
}
