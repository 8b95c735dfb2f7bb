//! `logins`: the sign-ins that are still valid. A session names its login; ending a login
//! (sign-out, sign-out everywhere, an admin's sign-out) ends every request made with it, on
//! every instance, however the session record itself fares.
//!
//! Every request asks about its login, so each instance keeps the logins it has read in a
//! [`Cache`](super::login_cache::Cache): the instance that ends a login forgets it at once, and every instance asks the
//! database four times a second which logins ended ([`follow`](super::login_cache::Cache::follow)), so an end made
//! elsewhere takes effect within a quarter of a second. A cached login that looks idle or
//! too old is read again before anyone is signed out (another instance may have seen the
//! person since).

use super::pool::Db;
use crate::ssr::time::now;

pub use super::login_cache::Login;

/// Starts a login; `idp_session` is the IdP's session it came from (the ID token's `sid`).
pub async fn start(
    db: &Db,
    id: &str,
    organisation: &str,
    user_id: i64,
    idp_session: Option<&str>,
) -> Result<(), sqlx::Error> {
    let at = now();
    sqlx::query(
        "INSERT INTO logins (id, organisation, user_id, created_at, last_seen_at, idp_session)
         VALUES ($1, $2, $3, $4, $4, $5)",
    )
    .bind(id)
    .bind(organisation)
    .bind(user_id)
    .bind(at)
    .bind(idp_session)
    .execute(&db.pool)
    .await?;
    Ok(())
}

pub async fn find(db: &Db, id: &str) -> Result<Option<Login>, sqlx::Error> {
    let found = sqlx::query_as::<_, Login>(
        "SELECT id, organisation, user_id, created_at, last_seen_at, ended_at FROM logins WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(&db.pool)
    .await?;
    if let Some(login) = &found {
        db.logins.put(login.clone());
    }
    Ok(found)
}

/// [`find`], answered from this instance's memory when it can be.
pub async fn find_cached(db: &Db, id: &str) -> Result<Option<Login>, sqlx::Error> {
    match db.logins.get(id) {
        Some(login) => Ok(Some(login)),
        None => find(db, id).await,
    }
}

/// Notes activity (for the idle timeout).
pub async fn touch(db: &Db, id: &str) -> Result<(), sqlx::Error> {
    let at = now();
    sqlx::query("UPDATE logins SET last_seen_at = $2 WHERE id = $1 AND ended_at IS NULL")
        .bind(id)
        .bind(at)
        .execute(&db.pool)
        .await?;
    db.logins.seen(id, at);
    Ok(())
}

pub async fn end(db: &Db, id: &str) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE logins SET ended_at = $2 WHERE id = $1 AND ended_at IS NULL")
        .bind(id)
        .bind(now())
        .execute(&db.pool)
        .await?;
    db.logins.forget(id);
    Ok(())
}

/// Ends every login of a person; returns how many were still valid.
pub async fn end_all(db: &Db, organisation: &str, user_id: i64) -> Result<u64, sqlx::Error> {
    let ended = sqlx::query(
        "UPDATE logins SET ended_at = $3 WHERE organisation = $1 AND user_id = $2 AND ended_at IS NULL",
    )
    .bind(organisation)
    .bind(user_id)
    .bind(now())
    .execute(&db.pool)
    .await?
    .rows_affected();
    db.logins
        .forget_where(|l| l.organisation == organisation && l.user_id == user_id);
    Ok(ended)
}

/// Ends a person's logins that came from the IdP session `idp_session` (a back-channel
/// logout naming it). When none of their logins noted an IdP session (the IdP's ID tokens
/// carry no `sid`), every login of theirs ends. Returns how many ended.
pub async fn end_idp_session(
    db: &Db,
    organisation: &str,
    user_id: i64,
    idp_session: &str,
) -> Result<u64, sqlx::Error> {
    let (noted,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM logins WHERE organisation = $1 AND user_id = $2 AND idp_session IS NOT NULL",
    )
    .bind(organisation)
    .bind(user_id)
    .fetch_one(&db.pool)
    .await?;
    if noted == 0 {
        return end_all(db, organisation, user_id).await;
    }
    let ended = sqlx::query(
        "UPDATE logins SET ended_at = $4
         WHERE organisation = $1 AND user_id = $2 AND idp_session = $3 AND ended_at IS NULL",
    )
    .bind(organisation)
    .bind(user_id)
    .bind(idp_session)
    .bind(now())
    .execute(&db.pool)
    .await?
    .rows_affected();
    // Which of the person's logins ended is the database's to say: they are read again.
    db.logins
        .forget_where(|l| l.organisation == organisation && l.user_id == user_id);
    Ok(ended)
}

/// Ends every login of an organisation (suspended): its people are signed out everywhere, and
/// resuming it later does not bring those sessions back. (A suspended organisation serves no
/// one from the moment the directory changes; the caches learn of these ends from
/// [`follow`](super::login_cache::Cache::follow).)
pub async fn end_organisation(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    organisation: &str,
) -> Result<u64, sqlx::Error> {
    Ok(
        sqlx::query("UPDATE logins SET ended_at = $2 WHERE organisation = $1 AND ended_at IS NULL")
            .bind(organisation)
            .bind(now())
            .execute(&mut **tx)
            .await?
            .rows_affected(),
    )
}

/// Forgets logins that ended, or that no session can use any more, before `before`.
pub async fn forget_before(db: &Db, before: i64) -> Result<u64, sqlx::Error> {
    Ok(sqlx::query(
        "DELETE FROM logins WHERE (ended_at IS NOT NULL AND ended_at < $1) OR created_at < $2",
    )
    .bind(before)
    .bind(before - 7 * 24 * 3600)
    .execute(&db.pool)
    .await?
    .rows_affected())
}
