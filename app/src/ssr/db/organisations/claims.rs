//! Mail domains claimed in the portal (migration 0007): open claims, any number per name, each
//! with its DNS challenge; and the proof of a domain once an organisation proved it first
//! (its `mail_domains` row is what routes sign-ins, so the name is the key there).

use crate::ssr::db::pool::Db;
use crate::ssr::time::now;
use sqlx::{Any, Transaction};

/// A claim or a proven domain of one organisation, as the console shows it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ProofRecord {
    pub domain: String,
    pub organisation: String,
    pub token: String,
    /// Epoch seconds.
    pub expires_at: i64,
    pub checked_at: Option<i64>,
    /// `proven`, `not_seen`, `wrong_token`, `expired`, `unknown`.
    pub finding: Option<String>,
    /// `created` or `adopted` once the domain exists at the mail server for this organisation.
    pub at_mail_server: Option<String>,
    /// `verified` once proven, else `pending`.
    pub verification: String,
    /// Why an unproven claim ended: `lost` (proven first by another organisation) or
    /// `config` (postern.toml declares the name). `None`: open, or proven.
    pub ended: Option<String>,
    /// The last look at a proven domain's MX: `ok`, `elsewhere`, `unknown`.
    pub mx_state: Option<String>,
    pub mx_checked_at: Option<i64>,
}

impl ProofRecord {
    pub fn is_proven(&self) -> bool {
        self.verification == "verified"
    }
}

/// Proven domains and claims, in one shape: `{where}` filters both halves.
fn select(filter_proven: &str, filter_claims: &str) -> String {
    format!(
        "SELECT p.domain, d.organisation, p.token, p.expires_at, p.checked_at, p.finding, \
                p.at_mail_server, d.verification, CAST(NULL AS TEXT) AS ended, p.mx_state, \
                p.mx_checked_at \
         FROM domain_proofs p JOIN mail_domains d ON d.name = p.domain WHERE {filter_proven} \
         UNION ALL \
         SELECT c.domain, c.organisation, c.token, c.expires_at, c.checked_at, c.finding, \
                CAST(NULL AS TEXT), 'pending', c.ended, CAST(NULL AS TEXT), CAST(NULL AS BIGINT) \
         FROM domain_claims c WHERE {filter_claims} \
         ORDER BY 1"
    )
}

/// Every proven domain and claim of an organisation.
pub async fn proofs_of(db: &Db, organisation: &str) -> Result<Vec<ProofRecord>, sqlx::Error> {
    sqlx::query_as::<_, ProofRecord>(&select("d.organisation = $1", "c.organisation = $1"))
        .bind(organisation)
        .fetch_all(&db.pool)
        .await
}

/// One organisation's proven domain or claim of that name.
pub async fn proof(
    db: &Db,
    organisation: &str,
    domain: &str,
) -> Result<Option<ProofRecord>, sqlx::Error> {
    sqlx::query_as::<_, ProofRecord>(&select(
        "d.organisation = $1 AND p.domain = $2",
        "c.organisation = $1 AND c.domain = $2",
    ))
    .bind(organisation)
    .bind(domain)
    .fetch_optional(&db.pool)
    .await
}

/// Open claims whose token has not expired: what the background re-check looks up.
pub async fn pending_proofs(db: &Db) -> Result<Vec<ProofRecord>, sqlx::Error> {
    sqlx::query_as::<_, ProofRecord>(&select("1 = 0", "c.ended IS NULL AND c.expires_at > $1"))
        .bind(now())
        .fetch_all(&db.pool)
        .await
}

/// Domains proven in the portal: what the background MX re-check looks at.
pub async fn proven_domains(db: &Db) -> Result<Vec<ProofRecord>, sqlx::Error> {
    sqlx::query_as::<_, ProofRecord>(&select("d.from_config = 0", "1 = 0"))
        .fetch_all(&db.pool)
        .await
}

/// Who holds a domain (proven, or declared in postern.toml), if anyone.
pub async fn domain_owner(db: &Db, name: &str) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT organisation FROM mail_domains WHERE name = $1")
        .bind(name)
        .fetch_optional(&db.pool)
        .await
}

/// [`domain_owner`] within a transaction.
pub async fn domain_owner_in(
    tx: &mut Transaction<'_, Any>,
    name: &str,
) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT organisation FROM mail_domains WHERE name = $1")
        .bind(name)
        .fetch_optional(&mut **tx)
        .await
}

/// Open claims of the organisations a partner manages (its cap).
pub async fn open_claims_of_partner(db: &Db, partner: &str) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM domain_claims c JOIN organisations o ON o.slug = c.organisation \
         WHERE o.managed_by = $1 AND c.ended IS NULL AND c.expires_at > $2",
    )
    .bind(partner)
    .bind(now())
    .fetch_one(&db.pool)
    .await
}

/// Opens (or renews) a claim with a new challenge.
pub async fn put_claim(
    tx: &mut Transaction<'_, Any>,
    organisation: &str,
    domain: &str,
    token: &str,
    expires_at: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO domain_claims (domain, organisation, token, expires_at, created_at) \
         VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (domain, organisation) DO UPDATE SET token = $3, expires_at = $4, \
         checked_at = NULL, finding = NULL, ended = NULL",
    )
    .bind(domain)
    .bind(organisation)
    .bind(token)
    .bind(expires_at)
    .bind(now())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

pub async fn set_claim_finding(
    tx: &mut Transaction<'_, Any>,
    organisation: &str,
    domain: &str,
    finding: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE domain_claims SET finding = $3, checked_at = $4 \
         WHERE domain = $1 AND organisation = $2",
    )
    .bind(domain)
    .bind(organisation)
    .bind(finding)
    .bind(now())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Moves a proven claim into `domain_proofs` (the caller has inserted the `mail_domains` row,
/// which fails for the second organisation to prove a name).
pub async fn claim_to_proof(
    tx: &mut Transaction<'_, Any>,
    organisation: &str,
    domain: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO domain_proofs (domain, token, expires_at, checked_at, finding) \
         SELECT domain, token, expires_at, $3, 'proven' FROM domain_claims \
         WHERE domain = $1 AND organisation = $2",
    )
    .bind(domain)
    .bind(organisation)
    .bind(now())
    .execute(&mut **tx)
    .await?;
    delete_claim(tx, organisation, domain).await
}

/// Ends every open claim of a name (`why`: `lost`, `config`); returns whose claims ended.
pub async fn end_claims(
    tx: &mut Transaction<'_, Any>,
    domain: &str,
    why: &str,
) -> Result<Vec<String>, sqlx::Error> {
    let ended: Vec<String> = sqlx::query_scalar(
        "SELECT organisation FROM domain_claims WHERE domain = $1 AND ended IS NULL \
         ORDER BY organisation",
    )
    .bind(domain)
    .fetch_all(&mut **tx)
    .await?;
    sqlx::query("UPDATE domain_claims SET ended = $2 WHERE domain = $1 AND ended IS NULL")
        .bind(domain)
        .bind(why)
        .execute(&mut **tx)
        .await?;
    Ok(ended)
}

/// Ends one organisation's claim of a name.
pub async fn end_claim(
    tx: &mut Transaction<'_, Any>,
    organisation: &str,
    domain: &str,
    why: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE domain_claims SET ended = $3 WHERE domain = $1 AND organisation = $2")
        .bind(domain)
        .bind(organisation)
        .bind(why)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

pub async fn delete_claim(
    tx: &mut Transaction<'_, Any>,
    organisation: &str,
    domain: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM domain_claims WHERE domain = $1 AND organisation = $2")
        .bind(domain)
        .bind(organisation)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Claims whose token expired long ago: gone for good.
pub async fn purge_claims(db: &Db, expired_before: i64) -> Result<u64, sqlx::Error> {
    Ok(
        sqlx::query("DELETE FROM domain_claims WHERE expires_at < $1")
            .bind(expired_before)
            .execute(&db.pool)
            .await?
            .rows_affected(),
    )
}

pub async fn set_at_mail_server(
    db: &Db,
    domain: &str,
    state: Option<&str>,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE domain_proofs SET at_mail_server = $2 WHERE domain = $1")
        .bind(domain)
        .bind(state)
        .execute(&db.pool)
        .await?;
    Ok(())
}

/// Notes the last MX look-up of a proven domain.
pub async fn set_mx_state(db: &Db, domain: &str, state: &str) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE domain_proofs SET mx_state = $2, mx_checked_at = $3 WHERE domain = $1")
        .bind(domain)
        .bind(state)
        .bind(now())
        .execute(&db.pool)
        .await?;
    Ok(())
}

pub async fn delete_proof(tx: &mut Transaction<'_, Any>, domain: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM domain_proofs WHERE domain = $1")
        .bind(domain)
        .execute(&mut **tx)
        .await?;
    Ok(())
}
