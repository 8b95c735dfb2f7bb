//! Rate-limit counters: one row per (bucket, window), in the shared database, so that a limit
//! holds across every portal instance on it.

use super::pool::Db;

/// Counts one more hit in `bucket` for the window starting at `window_start`; returns the
/// hits in that window so far (this one included).
pub async fn hit(db: &Db, bucket: &str, window_start: i64) -> Result<i64, sqlx::Error> {
    let (hits,): (i64,) = sqlx::query_as(
        "INSERT INTO rate_limits (bucket, window_start, hits) VALUES ($1, $2, 1)
         ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limits.hits + 1
         RETURNING hits",
    )
    .bind(bucket)
    .bind(window_start)
    .fetch_one(&db.pool)
    .await?;
    Ok(hits)
}

/// Forgets windows that ended before `before` (epoch seconds).
pub async fn forget_before(db: &Db, before: i64) -> Result<u64, sqlx::Error> {
    Ok(
        sqlx::query("DELETE FROM rate_limits WHERE window_start < $1")
            .bind(before)
            .execute(&db.pool)
            .await?
            .rows_affected(),
    )
}
