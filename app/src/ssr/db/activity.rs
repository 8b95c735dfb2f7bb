//! `activity`: sign-in events the mail servers reported, kept for the retention period.

use super::pool::Db;

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

/// Stores the events of one delivery in one transaction; returns how many were new.
pub async fn insert(db: &Db, server: &str, events: &[NewEvent]) -> Result<u64, sqlx::Error> {
    if events.is_empty() {
        return Ok(0);
    }
    let _turn = db.bulk_writer().await;
    let mut tx = db.pool.begin().await?;
    let mut inserted = 0;
    for chunk in events.chunks(ROWS_PER_STATEMENT) {
        let rows: Vec<String> = (0..chunk.len())
            .map(|i| {
                let p = i * 10;
                format!(
                    "(${}, ${}, ${}, ${}, ${}, ${}, ${}, ${}, ${}, ${})",
                    p + 1,
                    p + 2,
                    p + 3,
                    p + 4,
                    p + 5,
                    p + 6,
                    p + 7,
                    p + 8,
                    p + 9,
                    p + 10
                )
            })
            .collect();
        let sql = format!(
            "INSERT INTO activity (dedupe, server, organisation, account_id, credential_id, kind,
                                   at, listener, remote_ip, reason)
             VALUES {} ON CONFLICT (dedupe) DO NOTHING",
            rows.join(", ")
        );
        let mut query = sqlx::query(&sql);
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
        inserted += query.execute(&mut *tx).await?.rows_affected();
    }
    tx.commit().await?;
    Ok(inserted)
}

/// What the pages show of one app password's use.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CredentialActivity {
    pub last_success: Option<Event>,
    pub last_failure: Option<Event>,
    pub failures: i64,
}

/// For each app password `(id, created_at)`: its latest successful and failed sign-in, and
/// how many failed since `failures_since`. Events older than the password are left out:
/// Stalwart reuses the ids of deleted credentials, so an older event was another password's.
pub async fn per_credential(
    db: &Db,
    organisation: &str,
    account_id: &str,
    credentials: &[(String, i64)],
    failures_since: i64,
) -> Result<std::collections::HashMap<String, CredentialActivity>, sqlx::Error> {
    let mut found = std::collections::HashMap::new();
    if credentials.is_empty() {
        return Ok(found);
    }
    // Three indexed look-ups per password (latest success, latest failure, failures since),
    // in one statement; the count travels in `at`.
    let mut parts = Vec::with_capacity(credentials.len() * 3);
    for i in 0..credentials.len() {
        let (id, since, recent) = (4 + i * 3, 5 + i * 3, 6 + i * 3);
        let this = format!(
            "organisation = $1 AND account_id = $2 AND credential_id = ${id} AND at >= ${since}"
        );
        for (n, kind) in ["auth.success", "auth.failed"].into_iter().enumerate() {
            parts.push(format!(
                "SELECT * FROM (SELECT {EVENT_COLUMNS} FROM activity
                  WHERE {this} AND kind = '{kind}' ORDER BY at DESC LIMIT 1) AS latest_{n}_{i}"
            ));
        }
        // Counted up to FAILURES_COUNTED: "more than 99" says enough, and a password under
        // attack must not make its owner's page slow.
        parts.push(format!(
            "SELECT ${id} AS credential_id, $3 AS kind, COUNT(*) AS at, NULL AS listener,
                    NULL AS remote_ip, NULL AS reason
             FROM (SELECT 1 FROM activity WHERE {this} AND kind = 'auth.failed' AND at >= ${recent}
                   LIMIT {FAILURES_COUNTED}) AS counted_{i}"
        ));
    }
    let sql = parts.join(" UNION ALL ");
    let mut query = sqlx::query_as::<_, Event>(&sql)
        .bind(organisation)
        .bind(account_id)
        .bind(COUNT);
    for (id, created_at) in credentials {
        query = query
            .bind(id)
            .bind(*created_at)
            .bind(failures_since.max(*created_at));
    }
    for event in query.fetch_all(&db.pool).await? {
        let Some(id) = event.credential_id.clone() else {
            continue;
        };
        let entry: &mut CredentialActivity = found.entry(id).or_default();
        match event.kind.as_str() {
            COUNT => entry.failures = event.at,
            "auth.success" => entry.last_success = Some(event),
            _ => entry.last_failure = Some(event),
        }
    }
    Ok(found)
}

/// Failed sign-ins are counted up to this many per password.
pub const FAILURES_COUNTED: i64 = 100;

/// The `kind` of the counting rows of [`per_credential`].
const COUNT: &str = "count";

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

/// Deletes events older than `before` (the retention period); returns how many.
pub async fn purge_before(db: &Db, before: i64) -> Result<u64, sqlx::Error> {
    Ok(sqlx::query("DELETE FROM activity WHERE at < $1")
        .bind(before)
        .execute(&db.pool)
        .await?
        .rows_affected())
}

/// How many events are stored (for the operator's figures and the bench).
pub async fn count(db: &Db) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM activity")
        .fetch_one(&db.pool)
        .await
}
