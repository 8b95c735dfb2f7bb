//! `app_password_requests`: makes app-password creation idempotent per submitted form.

use super::pool::Db;
use crate::ssr::time::now;

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct Request {
    pub request_id: String,
    pub organisation: String,
    pub user_id: i64,
    pub name: String,
    pub state: String,
    pub credential_id: Option<String>,
    pub created_at: i64,
    pub finished_at: Option<i64>,
}

pub const PENDING: &str = "pending";
pub const DONE: &str = "done";
pub const UNKNOWN: &str = "unknown";

/// Claims `request_id` for this user. `Ok(None)` means it is new and now pending;
/// `Ok(Some(existing))` means the form was submitted before.
pub async fn claim(
    db: &Db,
    request_id: &str,
    organisation: &str,
    user_id: i64,
    name: &str,
) -> Result<Option<Request>, sqlx::Error> {
    let inserted = sqlx::query(
        "INSERT INTO app_password_requests (request_id, organisation, user_id, name, state, created_at)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (request_id) DO NOTHING",
    )
    .bind(request_id)
    .bind(organisation)
    .bind(user_id)
    .bind(name)
    .bind(PENDING)
    .bind(now())
    .execute(&db.pool)
    .await?
    .rows_affected();
    if inserted == 1 {
        return Ok(None);
    }
    // Someone else's request id is treated as unknown to this user: never leak its state.
    let existing = sqlx::query_as::<_, Request>(
        "SELECT request_id, organisation, user_id, name, state, credential_id, created_at, finished_at
         FROM app_password_requests WHERE request_id = $1 AND organisation = $2 AND user_id = $3",
    )
    .bind(request_id)
    .bind(organisation)
    .bind(user_id)
    .fetch_optional(&db.pool)
    .await?;
    Ok(Some(existing.unwrap_or(Request {
        request_id: request_id.into(),
        organisation: organisation.into(),
        user_id,
        name: name.into(),
        state: UNKNOWN.into(),
        credential_id: None,
        created_at: now(),
        finished_at: None,
    })))
}

pub async fn finish(
    db: &Db,
    request_id: &str,
    state: &str,
    credential_id: Option<&str>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE app_password_requests SET state = $2, credential_id = $3, finished_at = $4 WHERE request_id = $1",
    )
    .bind(request_id)
    .bind(state)
    .bind(credential_id)
    .bind(now())
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// Forgets a request that certainly had no effect, so the same form can be sent again.
pub async fn release(db: &Db, request_id: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM app_password_requests WHERE request_id = $1 AND state = $2")
        .bind(request_id)
        .bind(PENDING)
        .execute(&db.pool)
        .await?;
    Ok(())
}
