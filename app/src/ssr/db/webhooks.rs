//! `webhooks`: Postern's own `x:WebHook` on each mail server, and whether it delivers.

use super::pool::Db;
use crate::ssr::time::now;

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct Webhook {
    pub server: String,
    pub hook_id: Option<String>,
    pub nonce: String,
    pub key_check: String,
    pub url: String,
    pub state: String,
    pub problem: Option<String>,
    pub registered_at: i64,
    pub first_delivery_at: Option<i64>,
    pub last_delivery_at: Option<i64>,
}

/// Where a registration stands (`webhooks.state`).
pub mod state {
    /// Claimed by an instance that is creating the hook at the server.
    pub const REGISTERING: &str = "registering";
    /// The server applied its settings with the hook in them.
    pub const APPLIED: &str = "applied";
    /// `ReloadSettings` failed on another settings object: not active yet.
    pub const BLOCKED: &str = "blocked";
    /// The server could not be asked.
    pub const FAILED: &str = "failed";
}

const COLUMNS: &str = "server, hook_id, nonce, key_check, url, state, problem, \
                       registered_at, first_delivery_at, last_delivery_at";

pub async fn of_server(db: &Db, server: &str) -> Result<Option<Webhook>, sqlx::Error> {
    sqlx::query_as::<_, Webhook>(&format!("SELECT {COLUMNS} FROM webhooks WHERE server = $1"))
        .bind(server)
        .fetch_optional(&db.pool)
        .await
}

pub async fn all(db: &Db) -> Result<Vec<Webhook>, sqlx::Error> {
    sqlx::query_as::<_, Webhook>(&format!("SELECT {COLUMNS} FROM webhooks ORDER BY server"))
        .fetch_all(&db.pool)
        .await
}

/// Claims the registration of `server` for this instance: `false` when a row exists already
/// (another instance registered, or is registering, it).
pub async fn claim(
    db: &Db,
    server: &str,
    nonce: &str,
    key_check: &str,
    url: &str,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "INSERT INTO webhooks (server, nonce, key_check, url, state, registered_at)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (server) DO NOTHING",
    )
    .bind(server)
    .bind(nonce)
    .bind(key_check)
    .bind(url)
    .bind(state::REGISTERING)
    .bind(now())
    .execute(&db.pool)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// What a registration (create or update) gave the server, and what it answered.
pub struct Registration<'a> {
    pub hook_id: Option<&'a str>,
    pub key_check: &'a str,
    pub url: &'a str,
    pub state: &'a str,
    pub problem: Option<&'a str>,
}

/// Records a registration's outcome.
pub async fn record(db: &Db, server: &str, r: &Registration<'_>) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE webhooks SET hook_id = COALESCE($2, hook_id), key_check = $3, url = $4,
                state = $5, problem = $6, registered_at = $7
         WHERE server = $1",
    )
    .bind(server)
    .bind(r.hook_id)
    .bind(r.key_check)
    .bind(r.url)
    .bind(r.state)
    .bind(r.problem)
    .bind(now())
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// A signed delivery arrived: the hook works.
pub async fn delivered(db: &Db, server: &str, at: i64) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE webhooks SET first_delivery_at = COALESCE(first_delivery_at, $2),
                last_delivery_at = $2
         WHERE server = $1",
    )
    .bind(server)
    .bind(at)
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// Forgets the registration (the hook was removed at the server, or the server is gone).
pub async fn forget(db: &Db, server: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM webhooks WHERE server = $1")
        .bind(server)
        .execute(&db.pool)
        .await?;
    Ok(())
}
