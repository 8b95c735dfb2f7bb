//! `dns_publishing`: a domain's records published through its mail server's `x:DnsServer`,
//! with the DNS server the partner gave (its TSIG secret sealed) and where publishing stands.

use super::pool::Db;
use crate::ssr::secrets::Sealed;
use crate::ssr::time::now;
use sqlx::{Any, Transaction};

/// Where publishing stands (`dns_publishing.state`).
pub mod state {
    /// The key worked and the preview was taken; nothing is at the mail server yet.
    pub const CHECKED: &str = "checked";
    /// The domain publishes automatically; its records are not all seen through DNS yet.
    pub const PUBLISHING: &str = "publishing";
    /// Every record was seen through DNS.
    pub const PUBLISHED: &str = "published";
    /// The mail server's task failed (its reason is in `failure`).
    pub const FAILED: &str = "failed";
}

#[derive(Debug, Clone, PartialEq)]
pub struct Publishing {
    pub domain: String,
    pub organisation: String,
    pub host: String,
    pub port: u16,
    pub tcp: bool,
    pub key_name: String,
    pub algorithm: String,
    pub secret: Sealed,
    pub origin: Option<String>,
    pub state: String,
    pub preview: Option<String>,
    pub dns_server_id: Option<String>,
    pub failure: Option<String>,
    pub updated_at: i64,
}

impl Publishing {
    /// The zone the records go into: the origin given, else the domain itself.
    pub fn zone(&self) -> &str {
        self.origin.as_deref().unwrap_or(&self.domain)
    }
}

/// What the sealed TSIG secret is bound to: the domain and the server it is sent to.
pub fn secret_binding(domain: &str, host: &str, port: u16, key_name: &str) -> String {
    format!("dns-publishing\0{domain}\0{host}\0{port}\0{key_name}")
}

#[derive(sqlx::FromRow)]
struct Row {
    domain: String,
    organisation: String,
    host: String,
    port: i64,
    tcp: i64,
    key_name: String,
    algorithm: String,
    secret: String,
    secret_key_id: String,
    origin: Option<String>,
    state: String,
    preview: Option<String>,
    dns_server_id: Option<String>,
    failure: Option<String>,
    updated_at: i64,
}

impl From<Row> for Publishing {
    fn from(r: Row) -> Self {
        Self {
            domain: r.domain,
            organisation: r.organisation,
            host: r.host,
            port: u16::try_from(r.port).unwrap_or_default(),
            tcp: r.tcp != 0,
            key_name: r.key_name,
            algorithm: r.algorithm,
            secret: Sealed {
                key_id: r.secret_key_id,
                value: r.secret,
            },
            origin: r.origin,
            state: r.state,
            preview: r.preview,
            dns_server_id: r.dns_server_id,
            failure: r.failure,
            updated_at: r.updated_at,
        }
    }
}

const COLUMNS: &str = "domain, organisation, host, port, tcp, key_name, algorithm, secret, \
                       secret_key_id, origin, state, preview, dns_server_id, failure, updated_at";

pub async fn of_domain(db: &Db, domain: &str) -> Result<Option<Publishing>, sqlx::Error> {
    let row = sqlx::query_as::<_, Row>(&format!(
        "SELECT {COLUMNS} FROM dns_publishing WHERE domain = $1"
    ))
    .bind(domain)
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.map(Into::into))
}

pub async fn of_organisation(db: &Db, organisation: &str) -> Result<Vec<Publishing>, sqlx::Error> {
    let rows = sqlx::query_as::<_, Row>(&format!(
        "SELECT {COLUMNS} FROM dns_publishing WHERE organisation = $1 ORDER BY domain"
    ))
    .bind(organisation)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.into_iter().map(Into::into).collect())
}

/// Every row, for sealing secrets again.
pub async fn all_in(tx: &mut Transaction<'_, Any>) -> Result<Vec<Publishing>, sqlx::Error> {
    let rows = sqlx::query_as::<_, Row>(&format!(
        "SELECT {COLUMNS} FROM dns_publishing ORDER BY domain"
    ))
    .fetch_all(&mut **tx)
    .await?;
    Ok(rows.into_iter().map(Into::into).collect())
}

/// Stores the DNS server a key was tried against, and the preview (state `checked`): a row
/// there already is replaced, unless it is switched on at the mail server (`false` then).
pub async fn put_checked(db: &Db, p: &Publishing) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "INSERT INTO dns_publishing (domain, organisation, host, port, tcp, key_name, algorithm,
             secret, secret_key_id, origin, state, preview, dns_server_id, failure, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, NULL, NULL, $13)
         ON CONFLICT (domain) DO UPDATE SET host = excluded.host, port = excluded.port,
             tcp = excluded.tcp, key_name = excluded.key_name, algorithm = excluded.algorithm,
             secret = excluded.secret, secret_key_id = excluded.secret_key_id,
             origin = excluded.origin, state = excluded.state, preview = excluded.preview,
             failure = NULL, updated_at = excluded.updated_at
         WHERE dns_publishing.dns_server_id IS NULL",
    )
    .bind(&p.domain)
    .bind(&p.organisation)
    .bind(&p.host)
    .bind(i64::from(p.port))
    .bind(i64::from(p.tcp))
    .bind(&p.key_name)
    .bind(&p.algorithm)
    .bind(&p.secret.value)
    .bind(&p.secret.key_id)
    .bind(&p.origin)
    .bind(state::CHECKED)
    .bind(&p.preview)
    .bind(now())
    .execute(&db.pool)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Notes where publishing stands now (and the mail server's DNS server, once there).
pub async fn set_state(
    db: &Db,
    domain: &str,
    state: &str,
    dns_server_id: Option<&str>,
    failure: Option<&str>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE dns_publishing SET state = $2, dns_server_id = COALESCE($3, dns_server_id),
             failure = $4, updated_at = $5 WHERE domain = $1",
    )
    .bind(domain)
    .bind(state)
    .bind(dns_server_id)
    .bind(failure)
    .bind(now())
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// Stores a secret sealed again (a new secrets key).
pub async fn put_secret(
    tx: &mut Transaction<'_, Any>,
    domain: &str,
    secret: &Sealed,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE dns_publishing SET secret = $2, secret_key_id = $3 WHERE domain = $1")
        .bind(domain)
        .bind(&secret.value)
        .bind(&secret.key_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

pub async fn forget(db: &Db, domain: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM dns_publishing WHERE domain = $1")
        .bind(domain)
        .execute(&db.pool)
        .await?;
    Ok(())
}
