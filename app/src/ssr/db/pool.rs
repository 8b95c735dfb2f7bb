//! The connection pool and the schema migrations.

use sqlx::AnyPool;
use sqlx::pool::PoolOptions;
use std::time::Duration;

/// How long a request waits for a database connection before it fails (sqlx waits 30 s by
/// default): a stuck database is a quick, clear error rather than a hung page.
pub const ACQUIRE_TIMEOUT: Duration = Duration::from_secs(5);

/// Pool settings for every pool Postern opens (the main one and the session store's).
///
/// No idle timeout and no maximum lifetime, so sqlx starts no background reaper. sqlx 0.8's
/// reaper can read the pool's idle count while a concurrent release/acquire has it wrapped
/// below zero and then loop on it without ever yielding, pinning a worker thread at 100 %
/// CPU and stranding the tasks queued behind it (launchbadge/sqlx#3645, fixed after 0.8.6).
/// Nothing is lost: SQLite connections are a local file, and a PostgreSQL connection that
/// died while idle is noticed by the ping sqlx sends before handing one out.
///
/// SQLite's are not pinged: a connection to a local file does not die while idle, and the
/// ping is a round trip to the connection's worker thread before every statement — about a
/// tenth of a page's CPU time (issue 24's profile).
pub fn pool_options<DB: sqlx::Database>(backend: Backend) -> PoolOptions<DB> {
    PoolOptions::new()
        .acquire_timeout(ACQUIRE_TIMEOUT)
        .idle_timeout(None)
        .max_lifetime(None)
        .test_before_acquire(backend == Backend::Postgres)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn of(url: &str) -> Self {
        if url.starts_with("sqlite:") {
            Backend::Sqlite
        } else {
            Backend::Postgres
        }
    }
}

#[derive(Clone, Debug)]
pub struct Db {
    pub pool: AnyPool,
    pub backend: Backend,
    /// The logins this instance has read (see `login_cache`).
    pub logins: std::sync::Arc<super::login_cache::Cache>,
    /// Bulk writers of this instance take turns (see [`Db::bulk_writer`]).
    bulk: std::sync::Arc<tokio::sync::Mutex<()>>,
}

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("cannot connect to the database: {0}")]
    Connect(#[source] sqlx::Error),
    #[error("database migration failed: {0}")]
    Migrate(#[source] sqlx::migrate::MigrateError),
}

impl Db {
    /// Connects and brings the schema up to date. A SQLite file is created if missing.
    pub async fn connect(url: &str) -> Result<Self, DbError> {
        sqlx::any::install_default_drivers();
        let backend = Backend::of(url);
        let pool = pool_options::<sqlx::Any>(backend)
            .max_connections(if backend == Backend::Sqlite { 8 } else { 16 })
            .after_connect(move |conn, _| {
                Box::pin(async move {
                    // In WAL mode NORMAL never corrupts the file; it only skips an fsync per
                    // commit (a power cut may lose the last transactions).
                    if backend == Backend::Sqlite {
                        sqlx::Executor::execute(&mut *conn, "PRAGMA synchronous = NORMAL").await?;
                        // The kernel caches the file already; SQLite's own page cache (2 MB
                        // by default) would hold another copy in each of the 8 connections.
                        sqlx::Executor::execute(conn, "PRAGMA cache_size = -512").await?;
                    }
                    Ok(())
                })
            })
            .connect(url)
            .await
            .map_err(DbError::Connect)?;
        if backend == Backend::Sqlite {
            // WAL (a property of the file, so once is enough) lets readers proceed while a
            // writer commits. sqlx already gives every connection a 5 s busy_timeout.
            sqlx::query("PRAGMA journal_mode = WAL")
                .execute(&pool)
                .await
                .map_err(DbError::Connect)?;
        }
        let db = Self {
            pool,
            backend,
            logins: std::sync::Arc::default(),
            bulk: std::sync::Arc::default(),
        };
        db.migrate().await?;
        Ok(db)
    }

    /// A turn for a bulk write on SQLite (one writer at a time per file): concurrent writers
    /// would otherwise wait in SQLite's busy handler, which sleeps in steps of up to 100 ms.
    /// PostgreSQL takes concurrent writers as they come: no turn.
    pub async fn bulk_writer(&self) -> Option<tokio::sync::MutexGuard<'_, ()>> {
        match self.backend {
            Backend::Sqlite => Some(self.bulk.lock().await),
            Backend::Postgres => None,
        }
    }

    async fn migrate(&self) -> Result<(), DbError> {
        match self.backend {
            Backend::Sqlite => sqlx::migrate!("../migrations/sqlite").run(&self.pool).await,
            Backend::Postgres => {
                sqlx::migrate!("../migrations/postgres")
                    .run(&self.pool)
                    .await
            }
        }
        .map_err(DbError::Migrate)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pools_wait_briefly_and_start_no_reaper() {
        let options = pool_options::<sqlx::Sqlite>(Backend::Sqlite);
        assert_eq!(options.get_acquire_timeout(), ACQUIRE_TIMEOUT);
        assert!(
            !options.get_test_before_acquire(),
            "a local file is not pinged"
        );
        let options = pool_options::<sqlx::Postgres>(Backend::Postgres);
        assert!(
            options.get_test_before_acquire(),
            "a dead connection is noticed"
        );
        // Both unset is what keeps sqlx from spawning its maintenance task.
        assert_eq!(options.get_idle_timeout(), None);
        assert_eq!(options.get_max_lifetime(), None);
        assert_eq!(options.get_min_connections(), 0);
    }
}
