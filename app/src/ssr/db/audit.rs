//! The audit log: who did what, when, from where. Never a secret.

use super::pool::Db;
use crate::ssr::time::now;
use serde_json::Value;

/// What an audit event says was done: `<thing>.<verb>`. Each area declares the ones it
/// records with [`actions!`] (in its `actions.rs`); `app::audit_actions()` lists them all, and
/// the audit page offers them as filter choices.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Action(&'static str);

impl Action {
    /// Only [`actions!`] makes these, so every action is in some area's list.
    #[doc(hidden)]
    pub const fn declared(name: &'static str) -> Self {
        Action(name)
    }

    pub fn as_str(self) -> &'static str {
        self.0
    }
}

impl serde::Serialize for Action {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.0)
    }
}

impl std::fmt::Display for Action {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

/// Declares an area's audit actions, and `ALL`, the area's list of them.
macro_rules! actions {
    ($( $(#[$doc:meta])* $name:ident = $value:literal; )*) => {
        use crate::ssr::db::audit::Action;
        $( $(#[$doc])* pub const $name: Action = Action::declared($value); )*
        /// Every action of the area, for `app::audit_actions()`.
        pub const ALL: &[Action] = &[$($name),*];
    };
}
pub(crate) use actions;

#[derive(Debug, Clone)]
pub struct NewEvent<'a> {
    pub organisation: &'a str,
    pub actor_id: Option<i64>,
    pub actor_email: &'a str,
    pub action: Action,
    pub account_id: Option<&'a str>,
    pub target: Option<&'a str>,
    pub detail: Value,
    pub ip: Option<&'a str>,
    pub user_agent: Option<&'a str>,
}

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct Event {
    pub id: i64,
    pub at: i64,
    pub organisation: String,
    pub actor_id: Option<i64>,
    pub actor_email: String,
    pub action: String,
    pub account_id: Option<String>,
    pub target: Option<String>,
    pub detail_json: String,
    pub ip: Option<String>,
    pub user_agent: Option<String>,
    /// "done", or "pending": written before a credential change whose outcome is not known
    /// (yet, or ever: the mail server did not answer in time).
    pub outcome: String,
}

/// The actors the log names when no person acted: stored as they are (stable, so older rows
/// keep matching); pages show them in the reader's language ([`system_actors::in_words`]).
pub mod system_actors {
    pub const SCIM: &str = "identity provider (SCIM)";
    pub const DIRECTORY_SYNC: &str = "identity provider (directory sync)";
    pub const BACKCHANNEL_LOGOUT: &str = "identity provider (back-channel logout)";
    pub const COMMAND_LINE: &str = "operator (command line)";
    pub const DNS_CHECK: &str = "Postern (background DNS check)";
    pub const MAIL_SERVER: &str = "mail server (changed outside Postern)";

    /// An audit row's actor as the reader should see it: a system actor in the reader's
    /// language, a person's address as it is.
    pub fn in_words(stored: &str) -> String {
        use crate::i18n::text;
        let key = match stored {
            SCIM => text::ACTOR_SCIM,
            DIRECTORY_SYNC => text::ACTOR_DIRECTORY_SYNC,
            BACKCHANNEL_LOGOUT => text::ACTOR_BACKCHANNEL_LOGOUT,
            COMMAND_LINE => text::ACTOR_COMMAND_LINE,
            DNS_CHECK => text::ACTOR_DNS_CHECK,
            MAIL_SERVER => text::ACTOR_MAIL_SERVER,
            person => return person.to_owned(),
        };
        key.get()
    }
}

pub const DONE: &str = "done";
pub const PENDING: &str = "pending";

const COLUMNS: &str = "id, at, organisation, actor_id, actor_email, action, account_id, target, detail_json, ip, user_agent, outcome";

/// Writes an event that has happened.
pub async fn record(db: &Db, e: &NewEvent<'_>) -> Result<(), sqlx::Error> {
    insert(db, e, DONE).await.map(|_| ())
}

/// Writes an event that is about to happen; [`complete`] says how it ended.
pub async fn begin(db: &Db, e: &NewEvent<'_>) -> Result<i64, sqlx::Error> {
    insert(db, e, PENDING).await
}

/// How a [`begin`]-written event ended, and what it produced (`target`, if now known).
pub async fn complete(
    db: &Db,
    id: i64,
    outcome: &str,
    target: Option<&str>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE audit_events SET outcome = $2, target = COALESCE($3, target) WHERE id = $1",
    )
    .bind(id)
    .bind(outcome)
    .bind(target)
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// Removes a [`begin`]-written event whose change certainly did not happen.
pub async fn discard(db: &Db, id: i64) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM audit_events WHERE id = $1 AND outcome = $2")
        .bind(id)
        .bind(PENDING)
        .execute(&db.pool)
        .await?;
    Ok(())
}

async fn insert(db: &Db, e: &NewEvent<'_>, outcome: &str) -> Result<i64, sqlx::Error> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO audit_events (at, organisation, actor_id, actor_email, action, account_id, target, detail_json, ip, user_agent, outcome)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
    )
    .bind(now())
    .bind(e.organisation)
    .bind(e.actor_id)
    .bind(e.actor_email)
    .bind(e.action.as_str())
    .bind(e.account_id)
    .bind(e.target)
    .bind(e.detail.to_string())
    .bind(e.ip)
    .bind(e.user_agent)
    .bind(outcome)
    .fetch_one(&db.pool)
    .await?;
    crate::ssr::metrics::audited(e.action.as_str());
    Ok(id)
}

/// The most recent events one person caused, newest first.
pub async fn for_actor(
    db: &Db,
    organisation: &str,
    actor_id: i64,
    limit: i64,
) -> Result<Vec<Event>, sqlx::Error> {
    sqlx::query_as::<_, Event>(&format!(
        "SELECT {COLUMNS} FROM audit_events WHERE organisation = $1 AND actor_id = $2
         ORDER BY at DESC, id DESC LIMIT $3"
    ))
    .bind(organisation)
    .bind(actor_id)
    .bind(limit)
    .fetch_all(&db.pool)
    .await
}

/// Which of an organisation's events to show: actions starting with `action`, actors whose address
/// contains `actor` (both taken literally).
#[derive(Debug, Clone, Default)]
pub struct Filter<'a> {
    pub action: &'a str,
    pub actor: &'a str,
}

impl Filter<'_> {
    fn patterns(&self) -> (String, String) {
        (
            format!("{}%", like_literal(self.action.trim())),
            format!("%{}%", like_literal(&self.actor.trim().to_lowercase())),
        )
    }
}

/// A LIKE pattern that matches `text` literally: `%`, `_` and the escape character itself
/// are escaped (with `ESCAPE '\'`), so `group.member_add` finds exactly that action.
pub(crate) fn like_literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// One page of an organisation's events, newest first.
pub async fn for_organisation(
    db: &Db,
    organisation: &str,
    filter: &Filter<'_>,
    limit: i64,
    offset: i64,
) -> Result<Vec<Event>, sqlx::Error> {
    let (action, actor) = filter.patterns();
    sqlx::query_as::<_, Event>(&format!(
        "SELECT {COLUMNS} FROM audit_events
         WHERE organisation = $1 AND action LIKE $2 ESCAPE '\\' AND actor_email LIKE $3 ESCAPE '\\'
         ORDER BY at DESC, id DESC LIMIT $4 OFFSET $5"
    ))
    .bind(organisation)
    .bind(action)
    .bind(actor)
    .bind(limit)
    .bind(offset)
    .fetch_all(&db.pool)
    .await
}

/// How many of an organisation's events match the filter.
pub async fn count_for_organisation(
    db: &Db,
    organisation: &str,
    filter: &Filter<'_>,
) -> Result<i64, sqlx::Error> {
    let (action, actor) = filter.patterns();
    let (count,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM audit_events
         WHERE organisation = $1 AND action LIKE $2 ESCAPE '\\' AND actor_email LIKE $3 ESCAPE '\\'",
    )
    .bind(organisation)
    .bind(action)
    .bind(actor)
    .fetch_one(&db.pool)
    .await?;
    Ok(count)
}

#[cfg(test)]
mod tests {
    use super::like_literal;

    #[test]
    fn like_patterns_take_underscores_and_percents_literally() {
        assert_eq!(like_literal("group.member_add"), "group.member\\_add");
        assert_eq!(like_literal("100%"), "100\\%");
        assert_eq!(like_literal("a\\b"), "a\\\\b");
    }
}

#[cfg(test)]
mod system_actor_tests {
    use super::system_actors::{SCIM, in_words};
    use crate::i18n::{Locale, scope};

    #[test]
    fn system_actors_are_shown_in_the_readers_language_and_people_as_they_are() {
        let rt = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        let german = rt.block_on(scope(Locale::De, async {
            (in_words(SCIM), in_words("ada@acme.test"))
        }));
        assert_eq!(german.0, "Identitätsanbieter (SCIM)");
        assert_eq!(german.1, "ada@acme.test");
        assert_eq!(in_words(SCIM), SCIM, "English shows what is stored");
    }
}
