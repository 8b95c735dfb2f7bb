//! `mailbox_pins`: the Stalwart account a person's first sign-in found, pinned to who they
//! are at their IdP (organisation, issuer, subject).

use super::pool::Db;
use crate::ssr::time::now;

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct Pin {
    pub organisation: String,
    pub issuer: String,
    pub subject: String,
    pub account_id: String,
    pub address: String,
    pub pinned_at: i64,
}

const COLUMNS: &str = "organisation, issuer, subject, account_id, address, pinned_at";

/// The mailbox pinned to this person, if any.
pub async fn of_person(
    db: &Db,
    organisation: &str,
    issuer: &str,
    subject: &str,
) -> Result<Option<Pin>, sqlx::Error> {
    sqlx::query_as::<_, Pin>(&format!(
        "SELECT {COLUMNS} FROM mailbox_pins WHERE organisation = $1 AND issuer = $2 AND subject = $3"
    ))
    .bind(organisation)
    .bind(issuer)
    .bind(subject)
    .fetch_optional(&db.pool)
    .await
}

/// Who a mailbox is pinned to, if anyone.
pub async fn of_account(
    db: &Db,
    organisation: &str,
    account_id: &str,
) -> Result<Option<Pin>, sqlx::Error> {
    sqlx::query_as::<_, Pin>(&format!(
        "SELECT {COLUMNS} FROM mailbox_pins WHERE organisation = $1 AND account_id = $2"
    ))
    .bind(organisation)
    .bind(account_id)
    .fetch_optional(&db.pool)
    .await
}

/// Pins `account_id` to the person; a pin that exists (for them or the account) stays.
pub async fn pin(
    db: &Db,
    organisation: &str,
    issuer: &str,
    subject: &str,
    account_id: &str,
    address: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO mailbox_pins (organisation, issuer, subject, account_id, address, pinned_at)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING",
    )
    .bind(organisation)
    .bind(issuer)
    .bind(subject)
    .bind(account_id)
    .bind(address)
    .bind(now())
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// Moves a person's pin to another account (their pinned mailbox no longer exists).
pub async fn repin(
    db: &Db,
    organisation: &str,
    issuer: &str,
    subject: &str,
    account_id: &str,
    address: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE mailbox_pins SET account_id = $4, address = $5, pinned_at = $6
         WHERE organisation = $1 AND issuer = $2 AND subject = $3",
    )
    .bind(organisation)
    .bind(issuer)
    .bind(subject)
    .bind(account_id)
    .bind(address)
    .bind(now())
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// Which of `organisations` have these accounts pinned, as (organisation, account id): the
/// organisations on the mail server the account ids are of.
pub async fn organisations_of(
    db: &Db,
    organisations: &[&str],
    account_ids: &[&str],
) -> Result<Vec<(String, String)>, sqlx::Error> {
    if account_ids.is_empty() || organisations.is_empty() {
        return Ok(Vec::new());
    }
    let list = |from: usize, n: usize| {
        (from..from + n)
            .map(|i| format!("${i}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let sql = format!(
        "SELECT organisation, account_id FROM mailbox_pins
         WHERE organisation IN ({}) AND account_id IN ({})",
        list(1, organisations.len()),
        list(1 + organisations.len(), account_ids.len())
    );
    let mut query = sqlx::query_as::<_, (String, String)>(&sql);
    for value in organisations.iter().chain(account_ids) {
        query = query.bind(*value);
    }
    query.fetch_all(&db.pool).await
}
