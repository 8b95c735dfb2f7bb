//! `sync_runs` and `directory_ids`: the reconciler's state per organisation, and the people's
//! ids in the IdP's API where they are not their OIDC subject.

use super::pool::Db;
use crate::ssr::time::now;

#[derive(Debug, Clone, PartialEq, Default, sqlx::FromRow)]
pub struct SyncRun {
    pub organisation: String,
    pub next_run_at: i64,
    pub last_run_at: Option<i64>,
    pub last_ok_at: Option<i64>,
    pub checked: i64,
    pub departed: i64,
    pub unknown: i64,
    pub failures: i64,
    pub last_error: Option<String>,
}

/// Takes the organisation's run for `lease_secs` if no instance holds it and it is due (or
/// `force`); `true` when taken.
pub async fn take(
    db: &Db,
    organisation: &str,
    lease_secs: i64,
    force: bool,
) -> Result<bool, sqlx::Error> {
    sqlx::query(
        "INSERT INTO sync_runs (organisation) VALUES ($1) ON CONFLICT (organisation) DO NOTHING",
    )
    .bind(organisation)
    .execute(&db.pool)
    .await?;
    let at = now();
    let taken = sqlx::query(
        "UPDATE sync_runs SET lease_until = $2
         WHERE organisation = $1 AND lease_until < $3 AND (next_run_at <= $3 OR $4 = 1)",
    )
    .bind(organisation)
    .bind(at + lease_secs)
    .bind(at)
    .bind(i64::from(force))
    .execute(&db.pool)
    .await?
    .rows_affected();
    Ok(taken == 1)
}

/// The run ended well: what it found, and when the next one is due.
pub async fn succeeded(
    db: &Db,
    organisation: &str,
    checked: i64,
    departed: i64,
    unknown: i64,
    next_run_at: i64,
) -> Result<(), sqlx::Error> {
    let at = now();
    sqlx::query(
        "UPDATE sync_runs SET lease_until = 0, next_run_at = $2, last_run_at = $3, last_ok_at = $3,
             checked = $4, departed = $5, unknown = $6, failures = 0, last_error = NULL
         WHERE organisation = $1",
    )
    .bind(organisation)
    .bind(next_run_at)
    .bind(at)
    .bind(checked)
    .bind(departed)
    .bind(unknown)
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// The run could not ask the IdP; returns how many runs in a row failed now.
pub async fn failed(
    db: &Db,
    organisation: &str,
    error: &str,
    next_run_at: i64,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "UPDATE sync_runs SET lease_until = 0, next_run_at = $2, last_run_at = $3,
             failures = failures + 1, last_error = $4
         WHERE organisation = $1 RETURNING failures",
    )
    .bind(organisation)
    .bind(next_run_at)
    .bind(now())
    .bind(error)
    .fetch_one(&db.pool)
    .await
}

pub async fn find(db: &Db, organisation: &str) -> Result<Option<SyncRun>, sqlx::Error> {
    sqlx::query_as::<_, SyncRun>(
        "SELECT organisation, next_run_at, last_run_at, last_ok_at, checked, departed, unknown,
                failures, last_error
         FROM sync_runs WHERE organisation = $1",
    )
    .bind(organisation)
    .fetch_optional(&db.pool)
    .await
}

/// Someone the reconciler asks about: a person who holds a mailbox Postern pinned or a valid
/// session, with their id in the IdP's API if it was noted.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct Watched {
    pub user_id: i64,
    pub subject: String,
    pub directory_id: Option<String>,
}

/// The organisation's people to ask about, a page at a time (by user id).
pub async fn watched(
    db: &Db,
    organisation: &str,
    after: i64,
    limit: i64,
) -> Result<Vec<Watched>, sqlx::Error> {
    sqlx::query_as::<_, Watched>(
        "SELECT u.id AS user_id, u.subject, d.directory_id
         FROM users u
         LEFT JOIN directory_ids d ON d.organisation = u.organisation AND d.user_id = u.id
         WHERE u.organisation = $1 AND u.id > $2
           AND (EXISTS (SELECT 1 FROM mailbox_pins p
                        WHERE p.organisation = u.organisation AND p.subject = u.subject)
                OR EXISTS (SELECT 1 FROM logins l
                           WHERE l.organisation = u.organisation AND l.user_id = u.id
                             AND l.ended_at IS NULL)
                OR EXISTS (SELECT 1 FROM departures x
                           WHERE x.organisation = u.organisation AND x.user_id = u.id))
         ORDER BY u.id LIMIT $3",
    )
    .bind(organisation)
    .bind(after)
    .bind(limit)
    .fetch_all(&db.pool)
    .await
}

/// Notes a person's id in the IdP's API.
pub async fn note_directory_id(
    db: &Db,
    organisation: &str,
    user_id: i64,
    directory_id: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO directory_ids (organisation, user_id, directory_id) VALUES ($1, $2, $3)
         ON CONFLICT (organisation, user_id) DO UPDATE SET directory_id = excluded.directory_id",
    )
    .bind(organisation)
    .bind(user_id)
    .bind(directory_id)
    .execute(&db.pool)
    .await?;
    Ok(())
}
