//! The Partners list: one page of the organisations a partner manages, searched and counted
//! by the database, and the overview of the organisations on that page.

use super::rows::{ORGANISATION_COLUMNS, OrganisationRow};
use super::{DomainRecord, OrganisationRecord};
use crate::ssr::db::pool::{Backend, Db};
use std::collections::HashMap;

/// One page of the organisations a partner manages, and how many there are.
pub struct ManagedPage {
    pub total: i64,
    pub organisations: Vec<OrganisationRecord>,
}

/// Which organisations a partner's list shows: those `managed_by` (every one but the
/// partner's own when `None`, for the operator) whose short name, name or a domain contains
/// `needle` (lowercase; empty: all).
pub struct ManagedFilter<'a> {
    pub partner: &'a str,
    pub managed_by: Option<&'a str>,
    pub needle: &'a str,
}

/// `name_like` compares the name without case: SQLite's `LIKE` already does (for the letters
/// its `LOWER` knows, the same ones), so it skips lower-casing every name of a search — half
/// of a search's time at 10,000 organisations; PostgreSQL's `ILIKE` does it in one step.
macro_rules! managed_where {
    ($name_like:literal) => {
        concat!(
            "slug <> $1 AND ($2 = '' OR managed_by = $2) AND ($3 = '' \
            OR slug LIKE $3 ESCAPE '\\' OR ",
            $name_like,
            " $3 ESCAPE '\\' \
            OR slug IN (SELECT organisation FROM mail_domains WHERE name LIKE $3 ESCAPE '\\') \
            OR slug IN (SELECT organisation FROM domain_claims WHERE domain LIKE $3 ESCAPE '\\'))"
        )
    };
}

fn managed_where(db: &Db) -> &'static str {
    match db.backend {
        Backend::Sqlite => managed_where!("display_name LIKE"),
        Backend::Postgres => managed_where!("display_name ILIKE"),
    }
}

/// A page of the list, by name. Without a search, the database counts the organisations and
/// walks its index by name (`organisations_by_name`) for the page, stopping after it; a
/// search reads every organisation once, so the count comes with the page
/// (`COUNT(*) OVER ()`) rather than from a second scan.
pub async fn managed_page(
    db: &Db,
    filter: &ManagedFilter<'_>,
    limit: i64,
    offset: i64,
) -> Result<ManagedPage, sqlx::Error> {
    let pattern = if filter.needle.is_empty() {
        String::new()
    } else {
        format!("%{}%", crate::ssr::db::audit::like_literal(filter.needle))
    };
    let managed_by = filter.managed_by.unwrap_or("");
    let managed = managed_where(db);
    // The filter's three parameters, bound alike to each of the queries below.
    macro_rules! filtered {
        ($query:expr) => {
            $query.bind(filter.partner).bind(managed_by).bind(&pattern)
        };
    }
    let page = |columns: &str| {
        format!(
            "SELECT {columns} FROM organisations WHERE {managed} \
             ORDER BY LOWER(display_name), slug LIMIT $4 OFFSET $5"
        )
    };
    let mut total = None;
    let organisations: Vec<OrganisationRecord> = if pattern.is_empty() {
        filtered!(sqlx::query_as::<_, OrganisationRow>(&page(
            ORGANISATION_COLUMNS
        )))
        .bind(limit)
        .bind(offset)
        .fetch_all(&db.pool)
        .await?
        .into_iter()
        .map(Into::into)
        .collect()
    } else {
        let counted = format!("{ORGANISATION_COLUMNS}, COUNT(*) OVER () AS matching");
        let rows = filtered!(sqlx::query_as::<_, CountedRow>(&page(&counted)))
            .bind(limit)
            .bind(offset)
            .fetch_all(&db.pool)
            .await?;
        total = rows.first().map(|r| r.matching);
        rows.into_iter().map(|r| r.row.into()).collect()
    };
    // Counted apart: no search, or a page past the last (no row to carry the count).
    let total = match total {
        Some(total) => total,
        None => {
            let count = format!("SELECT COUNT(*) FROM organisations WHERE {managed}");
            filtered!(sqlx::query_scalar(&count))
                .fetch_one(&db.pool)
                .await?
        }
    };
    Ok(ManagedPage {
        total,
        organisations,
    })
}

#[derive(sqlx::FromRow)]
struct CountedRow {
    #[sqlx(flatten)]
    row: OrganisationRow,
    matching: i64,
}

/// What the list shows of a few organisations besides their rows.
#[derive(Debug, Default)]
pub struct Overview {
    pub domains: Vec<DomainRecord>,
    /// Domains that exist at the mail server for their organisation.
    pub at_mail_server: Vec<String>,
    /// Organisation → issuer.
    pub issuers: HashMap<String, String>,
    /// Organisation → people who ever signed in.
    pub people: HashMap<String, i64>,
    /// Organisation → the time of its last audit event.
    pub last_activity: HashMap<String, i64>,
}

/// `$1, $2, …, $n`.
fn placeholders(n: usize) -> String {
    (1..=n)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Domains, issuers, people and last activity of `slugs` (a page of the list), a query each.
pub async fn overview(db: &Db, slugs: &[String]) -> Result<Overview, sqlx::Error> {
    if slugs.is_empty() {
        return Ok(Overview::default());
    }
    let list = placeholders(slugs.len());
    // Domains held, and open claims (pending until proven).
    let sql_domains = format!(
        "SELECT name, organisation, verification, from_config FROM mail_domains \
         WHERE organisation IN ({list}) \
         UNION ALL SELECT domain, organisation, 'pending', 0 FROM domain_claims \
         WHERE organisation IN ({list}) AND ended IS NULL ORDER BY 1"
    );
    let sql_at_server = format!(
        "SELECT p.domain FROM domain_proofs p JOIN mail_domains d ON d.name = p.domain \
         WHERE d.organisation IN ({list}) AND p.at_mail_server IS NOT NULL"
    );
    let sql_issuers = format!(
        "SELECT organisation, issuer FROM identity_providers WHERE organisation IN ({list})"
    );
    let sql_people = format!(
        "SELECT organisation, COUNT(*) FROM users WHERE organisation IN ({list}) GROUP BY organisation"
    );
    let sql_last = format!(
        "SELECT organisation, MAX(at) FROM audit_events WHERE organisation IN ({list}) GROUP BY organisation"
    );
    macro_rules! bound {
        ($query:expr) => {{
            let mut q = $query;
            for slug in slugs {
                q = q.bind(slug);
            }
            q
        }};
    }
    let domains = bound!(sqlx::query_as::<_, super::rows::DomainRow>(&sql_domains))
        .fetch_all(&db.pool)
        .await?
        .into_iter()
        .map(Into::into)
        .collect();
    let at_mail_server = bound!(sqlx::query_scalar(&sql_at_server))
        .fetch_all(&db.pool)
        .await?;
    let issuers = bound!(sqlx::query_as::<_, (String, String)>(&sql_issuers))
        .fetch_all(&db.pool)
        .await?
        .into_iter()
        .collect();
    let people = bound!(sqlx::query_as::<_, (String, i64)>(&sql_people))
        .fetch_all(&db.pool)
        .await?
        .into_iter()
        .collect();
    let last_activity = bound!(sqlx::query_as::<_, (String, i64)>(&sql_last))
        .fetch_all(&db.pool)
        .await?
        .into_iter()
        .collect();
    Ok(Overview {
        domains,
        at_mail_server,
        issuers,
        people,
        last_activity,
    })
}
