//! `server backup` and `server restore`: a copy of the whole portal — directory, sealed
//! secrets, audit log, sessions — in one SQLite file. PostgreSQL databases are saved with
//! `pg_dump` instead (README, Backups). The secrets key is never in a backup: keep it apart,
//! a backup without its key restores everything but the sealed secrets.

use app::ssr::db::{Backend, Db};
use sqlx::sqlite::{SqliteConnectOptions, SqlitePool};
use std::path::{Path, PathBuf};
use std::str::FromStr;

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error(
        "the database is PostgreSQL: back it up with pg_dump and restore it with pg_restore (README, Backups)"
    )]
    Postgres,
    #[error("{0} already exists: choose a new file, a backup never overwrites one")]
    Exists(PathBuf),
    #[error("{0} is not there")]
    Missing(PathBuf),
    #[error("{path} is not a Postern backup: {why}")]
    NotABackup { path: PathBuf, why: String },
    #[error(
        "{path} was made by a newer Postern (database version {found}, this one knows up to {known}): restore it with that release"
    )]
    Newer {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    #[error("database: {0}")]
    Sql(#[from] sqlx::Error),
    #[error("{0}")]
    Database(#[from] app::ssr::db::DbError),
    #[error("{0}: {1}")]
    Io(PathBuf, std::io::Error),
}

/// Writes a consistent copy of the running portal's SQLite database to `to` (SQLite's
/// `VACUUM INTO`: safe while the portal serves; the copy is compact and self-contained).
pub async fn backup(database_url: &str, to: &Path) -> Result<(), BackupError> {
    if Backend::of(database_url) == Backend::Postgres {
        return Err(BackupError::Postgres);
    }
    if to.exists() {
        return Err(BackupError::Exists(to.to_owned()));
    }
    let db = Db::connect(database_url).await?;
    sqlx::query("VACUUM INTO $1")
        .bind(to.to_string_lossy().into_owned())
        .execute(&db.pool)
        .await?;
    db.pool.close().await;
    Ok(())
}

/// Replaces the SQLite database with the backup `from`, after checking that it is a sound
/// Postern database this release can run. Every portal instance must be stopped first.
pub async fn restore(database_url: &str, from: &Path) -> Result<PathBuf, BackupError> {
    if Backend::of(database_url) == Backend::Postgres {
        return Err(BackupError::Postgres);
    }
    if !from.is_file() {
        return Err(BackupError::Missing(from.to_owned()));
    }
    check(from).await?;
    let target = SqliteConnectOptions::from_str(database_url)?
        .get_filename()
        .to_owned();
    let io = |p: &Path| {
        let p = p.to_owned();
        move |e| BackupError::Io(p, e)
    };
    // Copied beside the database first, then renamed over it: a restore stopped half-way
    // leaves the old database as it was.
    let partial = with_suffix(&target, ".restoring");
    std::fs::copy(from, &partial).map_err(io(&partial))?;
    std::fs::File::open(&partial)
        .and_then(|f| f.sync_all())
        .map_err(io(&partial))?;
    for stale in [with_suffix(&target, "-wal"), with_suffix(&target, "-shm")] {
        match std::fs::remove_file(&stale) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(BackupError::Io(stale, e)),
        }
    }
    std::fs::rename(&partial, &target).map_err(io(&target))?;
    Ok(target)
}

/// A backup is a sound SQLite file holding Postern's tables, made by this release or an
/// earlier one (the migrations bring it forward at the next start).
async fn check(path: &Path) -> Result<(), BackupError> {
    let not = |why: String| BackupError::NotABackup {
        path: path.to_owned(),
        why,
    };
    let options = SqliteConnectOptions::new()
        .filename(path)
        .read_only(true)
        .immutable(true);
    let pool = SqlitePool::connect_with(options)
        .await
        .map_err(|e| not(e.to_string()))?;
    let sound: String = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_one(&pool)
        .await
        .map_err(|e| not(e.to_string()))?;
    if sound != "ok" {
        return Err(not(format!("the file is damaged ({sound})")));
    }
    let found: Option<i64> =
        sqlx::query_scalar("SELECT MAX(version) FROM _sqlx_migrations WHERE success")
            .fetch_one(&pool)
            .await
            .map_err(|_| not("it holds no Postern tables".into()))?;
    let found = found.ok_or_else(|| not("it holds no Postern tables".into()))?;
    sqlx::query("SELECT COUNT(*) FROM organisations")
        .fetch_one(&pool)
        .await
        .map_err(|_| not("it holds no directory".into()))?;
    pool.close().await;
    let known = sqlx::migrate!("../migrations/sqlite")
        .iter()
        .map(|m| m.version)
        .max()
        .unwrap_or(0);
    if found > known {
        return Err(BackupError::Newer {
            path: path.to_owned(),
            found,
            known,
        });
    }
    Ok(())
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}
