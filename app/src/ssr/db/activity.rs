//! `activity`: sign-in events the mail servers reported, kept for the retention period.

use super::pool::Db;
use std::collections::{BTreeMap, HashMap};

/// One event as stored. `dedupe` makes a re-sent or twice-received event one row.
#[derive(Debug, Clone, PartialEq)]
pub struct NewEvent {
    pub dedupe: String,
    pub organisation: String,
    pub account_id: String,
    pub credential_id: Option<String>,
    pub kind: &'static str,
    pub at: i64,
    pub listener: Option<String>,
    pub remote_ip: Option<String>,
    pub reason: Option<String>,
}

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct Event {
    pub credential_id: Option<String>,
    pub kind: String,
    pub at: i64,
    pub listener: Option<String>,
    pub remote_ip: Option<String>,
    pub reason: Option<String>,
}

const EVENT_COLUMNS: &str = "credential_id, kind, at, listener, remote_ip, reason";

/// Rows per INSERT: a delivery's batch in one statement; ten values each keeps it well under
/// either database's limit on parameters (SQLite 32,766, PostgreSQL 65,535).
const ROWS_PER_STATEMENT: usize = 200;

/// Stores the events of one delivery in one transaction, and brings each app password's
/// summary ([`per_credential`]) up to date with the events that were new; returns how many
/// were new. An event stored already (re-sent, or taken by another instance) changes nothing.
pub async fn insert(db: &Db, server: &str, events: &[NewEvent]) -> Result<u64, sqlx::Error> {
    if events.is_empty() {
        return Ok(0);
    }
    // In key order: neighbouring index pages, and on PostgreSQL two instances storing the
    // same delivery take their row locks in the same order (no deadlock).
    let mut events: Vec<&NewEvent> = events.iter().collect();
    events.sort_unstable_by(|a, b| a.dedupe.cmp(&b.dedupe));
    let _turn = db.bulk_writer().await;
    let mut tx = db.pool.begin().await?;
    let mut new = Vec::with_capacity(events.len());
    for chunk in events.chunks(ROWS_PER_STATEMENT) {
        let sql = format!(
            "INSERT INTO activity (dedupe, server, organisation, account_id, credential_id, kind,
                                   at, listener, remote_ip, reason)
             VALUES {} ON CONFLICT (dedupe) DO NOTHING
             RETURNING organisation, account_id, credential_id, kind, at, listener, remote_ip",
            placeholders(chunk.len(), 10)
        );
        let mut query = sqlx::query_as::<_, Stored>(&sql);
        for e in chunk {
            query = query
                .bind(&e.dedupe)
                .bind(server)
                .bind(&e.organisation)
                .bind(&e.account_id)
                .bind(&e.credential_id)
                .bind(e.kind)
                .bind(e.at)
                .bind(&e.listener)
                .bind(&e.remote_ip)
                .bind(&e.reason);
        }
        new.extend(query.fetch_all(&mut *tx).await?);
    }
    let inserted = new.len() as u64;
    summarise(&mut tx, new).await?;
    tx.commit().await?;
    Ok(inserted)
}

/// A newly stored event, as the summaries need it.
#[derive(sqlx::FromRow)]
struct Stored {
    organisation: String,
    account_id: String,
    credential_id: Option<String>,
    kind: String,
    at: i64,
    listener: Option<String>,
    remote_ip: Option<String>,
}

type Sighting = (i64, Option<String>, Option<String>);

/// `(count, width)`: "($1, $2), ($3, $4)" for count 2, width 2.
fn placeholders(count: usize, width: usize) -> String {
    (0..count)
        .map(|row| {
            let fields: Vec<String> = (1..=width)
                .map(|i| format!("${}", row * width + i))
                .collect();
            format!("({})", fields.join(", "))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Folds new events into `credential_use` (latest success and failure per password) and
/// `credential_failures` (failures per password and day). Keys are written in order.
async fn summarise(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    new: Vec<Stored>,
) -> Result<(), sqlx::Error> {
    type Key = (String, String, String);
    let mut latest: BTreeMap<Key, (Option<Sighting>, Option<Sighting>)> = BTreeMap::new();
    let mut failures: BTreeMap<(Key, i64), i64> = BTreeMap::new();
    for e in new {
        let Some(credential) = e.credential_id else {
            continue;
        };
        let key = (e.organisation, e.account_id, credential);
        let failed = match e.kind.as_str() {
            SUCCESS => false,
            FAILED => true,
            _ => continue,
        };
        if failed {
            *failures
                .entry((key.clone(), e.at.div_euclid(DAY)))
                .or_default() += 1;
        }
        let (success, failure) = latest.entry(key).or_default();
        let slot = if failed { failure } else { success };
        if slot.as_ref().is_none_or(|(at, _, _)| e.at > *at) {
            *slot = Some((e.at, e.listener, e.remote_ip));
        }
    }
    let latest: Vec<_> = latest.into_iter().collect();
    for chunk in latest.chunks(ROWS_PER_STATEMENT) {
        // A column takes the new value only when its event is newer than the one it holds
        // (every right-hand side reads the row as it was).
        let newer = |kind: &str, column: &str| {
            format!(
                "{column} = CASE WHEN excluded.{kind}_at > COALESCE(credential_use.{kind}_at, -1)
                 THEN excluded.{column} ELSE credential_use.{column} END"
            )
        };
        let sql = format!(
            "INSERT INTO credential_use (organisation, account_id, credential_id, success_at,
                success_listener, success_ip, failure_at, failure_listener, failure_ip)
             VALUES {} ON CONFLICT (organisation, account_id, credential_id) DO UPDATE SET {}",
            placeholders(chunk.len(), 9),
            ["success", "failure"]
                .iter()
                .flat_map(|kind| {
                    ["at", "listener", "ip"].map(|field| newer(kind, &format!("{kind}_{field}")))
                })
                .collect::<Vec<_>>()
                .join(", ")
        );
        let mut query = sqlx::query(&sql);
        for ((organisation, account_id, credential_id), (success, failure)) in chunk {
            query = query
                .bind(organisation)
                .bind(account_id)
                .bind(credential_id);
            for sighting in [success, failure] {
                let (at, listener, ip) = match sighting {
                    Some((at, listener, ip)) => (Some(*at), listener.clone(), ip.clone()),
                    None => (None, None, None),
                };
                query = query.bind(at).bind(listener).bind(ip);
            }
        }
        query.execute(&mut **tx).await?;
    }
    let failures: Vec<_> = failures.into_iter().collect();
    for chunk in failures.chunks(ROWS_PER_STATEMENT) {
        let sql = format!(
            "INSERT INTO credential_failures (organisation, account_id, credential_id, day, failures)
             VALUES {} ON CONFLICT (organisation, account_id, credential_id, day)
             DO UPDATE SET failures = credential_failures.failures + excluded.failures",
            placeholders(chunk.len(), 5)
        );
        let mut query = sqlx::query(&sql);
        for (((organisation, account_id, credential_id), day), n) in chunk {
            query = query
                .bind(organisation)
                .bind(account_id)
                .bind(credential_id)
                .bind(*day)
                .bind(*n);
        }
        query.execute(&mut **tx).await?;
    }
    Ok(())
}

const SUCCESS: &str = "auth.success";
const FAILED: &str = "auth.failed";
const DAY: i64 = 86_400;

/// What the pages show of one app password's use.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CredentialActivity {
    pub last_success: Option<Event>,
    pub last_failure: Option<Event>,
    pub failures: i64,
}

#[derive(sqlx::FromRow)]
struct UseRow {
    credential_id: String,
    success_at: Option<i64>,
    success_listener: Option<String>,
    success_ip: Option<String>,
    failure_at: Option<i64>,
    failure_listener: Option<String>,
    failure_ip: Option<String>,
    failures: i64,
}

/// For each app password `(id, created_at)`: its latest successful and failed sign-in, and
/// how many failed since `failures_since`, from the summaries [`insert`] keeps (one indexed
/// statement, however many events are stored). Sign-ins older than the password are left
/// out: Stalwart reuses the ids of deleted credentials, so they were another password's.
/// Failures are counted by day: on the day a reused id's new password was made, the old
/// one's failures of that day count too.
pub async fn per_credential(
    db: &Db,
    organisation: &str,
    account_id: &str,
    credentials: &[(String, i64)],
    failures_since: i64,
) -> Result<HashMap<String, CredentialActivity>, sqlx::Error> {
    let mut found = HashMap::new();
    if credentials.is_empty() {
        return Ok(found);
    }
    // Each password's first counted day: the window's, or its creation's if later.
    let first_day: Vec<String> = (0..credentials.len())
        .map(|i| format!("WHEN ${} THEN ${}", 3 + 2 * i, 4 + 2 * i))
        .collect();
    let ids: Vec<String> = (0..credentials.len())
        .map(|i| format!("${}", 3 + 2 * i))
        .collect();
    let sql = format!(
        "SELECT u.credential_id, u.success_at, u.success_listener, u.success_ip, u.failure_at,
                u.failure_listener, u.failure_ip,
                CAST(COALESCE((SELECT SUM(f.failures) FROM credential_failures f
                     WHERE f.organisation = u.organisation AND f.account_id = u.account_id
                       AND f.credential_id = u.credential_id
                       AND f.day >= CASE u.credential_id {} END), 0) AS BIGINT) AS failures
         FROM credential_use u
         WHERE u.organisation = $1 AND u.account_id = $2 AND u.credential_id IN ({})",
        first_day.join(" "),
        ids.join(", ")
    );
    let mut query = sqlx::query_as::<_, UseRow>(&sql)
        .bind(organisation)
        .bind(account_id);
    for (id, created_at) in credentials {
        query = query
            .bind(id)
            .bind(failures_since.max(*created_at).div_euclid(DAY));
    }
    for row in query.fetch_all(&db.pool).await? {
        let Some(created_at) = credentials
            .iter()
            .find(|(id, _)| *id == row.credential_id)
            .map(|(_, at)| *at)
        else {
            continue;
        };
        let event = |kind: &str, at: Option<i64>, listener, ip| {
            at.filter(|at| *at >= created_at).map(|at| Event {
                credential_id: Some(row.credential_id.clone()),
                kind: kind.to_owned(),
                at,
                listener,
                remote_ip: ip,
                reason: None,
            })
        };
        let last_success = event(
            SUCCESS,
            row.success_at,
            row.success_listener,
            row.success_ip,
        );
        let last_failure = event(FAILED, row.failure_at, row.failure_listener, row.failure_ip);
        let failures = if last_failure.is_some() {
            row.failures
        } else {
            0
        };
        found.insert(
            row.credential_id.clone(),
            CredentialActivity {
                last_success,
                last_failure,
                failures,
            },
        );
    }
    Ok(found)
}

/// The account's latest events, newest first.
pub async fn recent(
    db: &Db,
    organisation: &str,
    account_id: &str,
    limit: i64,
) -> Result<Vec<Event>, sqlx::Error> {
    sqlx::query_as::<_, Event>(&format!(
        "SELECT {EVENT_COLUMNS} FROM activity WHERE organisation = $1 AND account_id = $2
         ORDER BY at DESC, id DESC LIMIT $3"
    ))
    .bind(organisation)
    .bind(account_id)
    .bind(limit)
    .fetch_all(&db.pool)
    .await
}

/// Accounts of the organisation with at least `at_least` failed sign-ins since `since`, most
/// first, as (account id, address, failures, latest): the bursts an administrator is alerted
/// to. The address is the one its person signed in to Postern with.
pub async fn failure_bursts(
    db: &Db,
    organisation: &str,
    since: i64,
    at_least: i64,
) -> Result<Vec<(String, String, i64, i64)>, sqlx::Error> {
    sqlx::query_as::<_, (String, String, i64, i64)>(
        "SELECT a.account_id, p.address, COUNT(*), MAX(a.at) FROM activity a
         JOIN mailbox_pins p ON p.organisation = a.organisation AND p.account_id = a.account_id
         WHERE a.organisation = $1 AND a.at >= $2
           AND a.kind IN ('auth.failed', 'auth.too-many-attempts')
         GROUP BY a.account_id, p.address HAVING COUNT(*) >= $3
         ORDER BY COUNT(*) DESC, a.account_id LIMIT 20",
    )
    .bind(organisation)
    .bind(since)
    .bind(at_least)
    .fetch_all(&db.pool)
    .await
}

/// Deletes events older than `before` (the retention period), and the daily failure counts
/// and addresses the summaries hold from before it; returns how many events. The time of a
/// password's last use stays: "last used in March" is still true, and names no one.
pub async fn purge_before(db: &Db, before: i64) -> Result<u64, sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    let deleted = sqlx::query("DELETE FROM activity WHERE at < $1")
        .bind(before)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    sqlx::query("DELETE FROM credential_failures WHERE day < $1")
        .bind(before.div_euclid(DAY))
        .execute(&mut *tx)
        .await?;
    for kind in ["success", "failure"] {
        sqlx::query(&format!(
            "UPDATE credential_use SET {kind}_ip = NULL
             WHERE {kind}_at < $1 AND {kind}_ip IS NOT NULL"
        ))
        .bind(before)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(deleted)
}

/// How many events are stored (for the operator's figures and the bench).
pub async fn count(db: &Db) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM activity")
        .fetch_one(&db.pool)
        .await
}
