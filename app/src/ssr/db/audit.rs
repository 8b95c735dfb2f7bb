//! The audit log: who did what, when, from where. Never a secret.

use super::pool::Db;
use crate::ssr::time::now;
use serde_json::Value;

#[derive(Debug, Clone)]
pub struct NewEvent<'a> {
    pub tenant: &'a str,
    pub actor_id: Option<i64>,
    pub actor_email: &'a str,
    pub action: &'a str,
    pub account_id: Option<&'a str>,
    pub target: Option<&'a str>,
    pub detail: Value,
    pub ip: Option<&'a str>,
    pub user_agent: Option<&'a str>,
}

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct Event {
    pub id: i64,
    pub at: i64,
    pub tenant: String,
    pub actor_id: Option<i64>,
    pub actor_email: String,
    pub action: String,
    pub account_id: Option<String>,
    pub target: Option<String>,
    pub detail_json: String,
    pub ip: Option<String>,
    pub user_agent: Option<String>,
}

pub async fn record(db: &Db, e: &NewEvent<'_>) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO audit_events (at, tenant, actor_id, actor_email, action, account_id, target, detail_json, ip, user_agent)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(now())
    .bind(e.tenant)
    .bind(e.actor_id)
    .bind(e.actor_email)
    .bind(e.action)
    .bind(e.account_id)
    .bind(e.target)
    .bind(e.detail.to_string())
    .bind(e.ip)
    .bind(e.user_agent)
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// The most recent events one person caused, newest first.
pub async fn for_actor(
    db: &Db,
    tenant: &str,
    actor_id: i64,
    limit: i64,
) -> Result<Vec<Event>, sqlx::Error> {
    sqlx::query_as::<_, Event>(
        "SELECT id, at, tenant, actor_id, actor_email, action, account_id, target, detail_json, ip, user_agent
         FROM audit_events WHERE tenant = $1 AND actor_id = $2
         ORDER BY at DESC, id DESC LIMIT $3",
    )
    .bind(tenant)
    .bind(actor_id)
    .bind(limit)
    .fetch_all(&db.pool)
    .await
}

/// A tenant's events, newest first, optionally only actions starting with `action` and actors
/// whose address contains `actor`.
pub async fn for_tenant(
    db: &Db,
    tenant: &str,
    action: Option<&str>,
    actor: Option<&str>,
    limit: i64,
    offset: i64,
) -> Result<Vec<Event>, sqlx::Error> {
    let action_like = format!("{}%", action.unwrap_or("").replace(['%', '_'], ""));
    let actor_like = format!(
        "%{}%",
        actor.unwrap_or("").to_lowercase().replace(['%', '_'], "")
    );
    sqlx::query_as::<_, Event>(
        "SELECT id, at, tenant, actor_id, actor_email, action, account_id, target, detail_json, ip, user_agent
         FROM audit_events WHERE tenant = $1 AND action LIKE $2 AND actor_email LIKE $3
         ORDER BY at DESC, id DESC LIMIT $4 OFFSET $5",
    )
    .bind(tenant)
    .bind(action_like)
    .bind(actor_like)
    .bind(limit)
    .bind(offset)
    .fetch_all(&db.pool)
    .await
}
