//! The `users` aggregate: one row per (organisation, IdP subject).

use super::pool::Db;
use crate::ssr::time::now;

const COLUMNS: &str = "id, organisation, subject, email, name, groups_json, is_admin, created_at, \
    last_sign_in_at, locale";

/// What the IdP told us about a person at sign-in.
#[derive(Debug, Clone)]
pub struct SignIn<'a> {
    pub organisation: &'a str,
    pub subject: &'a str,
    pub email: &'a str,
    pub name: Option<&'a str>,
    pub groups: &'a [String],
    pub is_admin: bool,
}

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct User {
    pub id: i64,
    pub organisation: String,
    pub subject: String,
    pub email: String,
    pub name: Option<String>,
    pub groups_json: String,
    /// 0 or 1 (see the migration); read it through [`User::is_admin`].
    #[sqlx(rename = "is_admin")]
    pub admin_flag: i64,
    pub created_at: i64,
    pub last_sign_in_at: i64,
    /// The language they chose with the selector ("de"), if they did.
    pub locale: Option<String>,
}

impl User {
    pub fn is_admin(&self) -> bool {
        self.admin_flag == 1
    }

    pub fn groups(&self) -> Vec<String> {
        serde_json::from_str(&self.groups_json).unwrap_or_default()
    }
}

/// Creates the user on first sign-in, refreshes the IdP's facts on later ones.
pub async fn upsert_on_sign_in(db: &Db, s: &SignIn<'_>) -> Result<User, sqlx::Error> {
    let at = now();
    let groups = serde_json::to_string(s.groups).expect("strings serialize");
    sqlx::query_as::<_, User>(&format!(
        "INSERT INTO users (organisation, subject, email, name, groups_json, is_admin, created_at, last_sign_in_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7)
         ON CONFLICT (organisation, subject) DO UPDATE SET
             email = excluded.email,
             name = excluded.name,
             groups_json = excluded.groups_json,
             is_admin = excluded.is_admin,
             last_sign_in_at = excluded.last_sign_in_at
         RETURNING {COLUMNS}"
    ))
    .bind(s.organisation)
    .bind(s.subject)
    .bind(s.email)
    .bind(s.name)
    .bind(groups)
    .bind(i64::from(s.is_admin))
    .bind(at)
    .fetch_one(&db.pool)
    .await
}

/// Remembers the language the person chose, for their other devices and next sign-in.
pub async fn set_locale(
    db: &Db,
    organisation: &str,
    id: i64,
    locale: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE users SET locale = $1 WHERE id = $2 AND organisation = $3")
        .bind(locale)
        .bind(id)
        .bind(organisation)
        .execute(&db.pool)
        .await
        .map(drop)
}

/// The user with this id, only if they belong to `organisation`.
pub async fn find(db: &Db, organisation: &str, id: i64) -> Result<Option<User>, sqlx::Error> {
    sqlx::query_as::<_, User>(&format!(
        "SELECT {COLUMNS} FROM users WHERE id = $1 AND organisation = $2"
    ))
    .bind(id)
    .bind(organisation)
    .fetch_optional(&db.pool)
    .await
}

/// The people of an organisation who signed in with this address (usually one).
pub async fn with_email(
    db: &Db,
    organisation: &str,
    email: &str,
) -> Result<Vec<User>, sqlx::Error> {
    sqlx::query_as::<_, User>(&format!(
        "SELECT {COLUMNS} FROM users WHERE organisation = $1 AND email = $2"
    ))
    .bind(organisation)
    .bind(email)
    .fetch_all(&db.pool)
    .await
}

/// The person of an organisation with this IdP subject.
pub async fn with_subject(
    db: &Db,
    organisation: &str,
    subject: &str,
) -> Result<Option<User>, sqlx::Error> {
    sqlx::query_as::<_, User>(&format!(
        "SELECT {COLUMNS} FROM users WHERE organisation = $1 AND subject = $2"
    ))
    .bind(organisation)
    .bind(subject)
    .fetch_optional(&db.pool)
    .await
}

/// The people of an organisation whose address is `email`, compared without case.
pub async fn with_email_any_case(
    db: &Db,
    organisation: &str,
    email: &str,
) -> Result<Vec<User>, sqlx::Error> {
    sqlx::query_as::<_, User>(&format!(
        "SELECT {COLUMNS} FROM users WHERE organisation = $1 AND LOWER(email) = LOWER($2)"
    ))
    .bind(organisation)
    .bind(email)
    .fetch_all(&db.pool)
    .await
}
