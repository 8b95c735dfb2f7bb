//! Typed access to the server-side session. Keys are namespaced; tokens stay here and never
//! reach the browser (the cookie holds only the session id).

use super::oidc::PendingLogin;
use serde::{Deserialize, Serialize};
use tower_sessions::Session;

const PENDING_LOGIN: &str = "auth.pending";
const USER: &str = "auth.user";
const FLASH: &str = "ui.flash";

/// The longest a session record is kept; each organisation's own lifetime and idle timeout are
/// enforced on every request through its login (see `state::Caller::from_session`).
pub const SIGNED_IN_LIFETIME: time::Duration = time::Duration::hours(24);

/// Who is signed in. Stored at sign-in, read on every authenticated request.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SessionUser {
    pub user_id: i64,
    /// Stored as `tenant` by earlier releases: their sessions stay valid.
    #[serde(alias = "tenant")]
    pub organisation: String,
    pub subject: String,
    pub email: String,
    pub name: Option<String>,
    pub is_admin: bool,
    /// When the IdP last authenticated the user (epoch seconds, its `auth_time`). `None` when
    /// the IdP did not say: then the sign-in never counts as fresh.
    #[serde(default)]
    pub authenticated_at: Option<i64>,
    /// Kept for the IdP's `id_token_hint` at sign-out.
    pub id_token: String,
    /// The person's Stalwart account, pinned at sign-in; `None` when they had no mailbox
    /// then (it is looked up, and pinned, when they first need it).
    #[serde(default)]
    pub account_id: Option<String>,
    /// The login this session belongs to (see `db::logins`).
    #[serde(default)]
    pub login_id: String,
    /// When the IdP last told us the groups that make an admin (epoch seconds).
    #[serde(default)]
    pub admin_checked_at: i64,
}

/// A one-shot message for the next page (e.g. why sign-in failed).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Flash {
    pub kind: FlashKind,
    pub message: String,
    /// Form value to put back (the e-mail address typed on the sign-in page).
    #[serde(default)]
    pub email: Option<String>,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq)]
pub enum FlashKind {
    Error,
    Info,
}

#[derive(Debug, thiserror::Error)]
#[error("session store: {0}")]
pub struct SessionError(#[from] tower_sessions::session::Error);

pub struct AppSession(pub Session);

impl AppSession {
    pub async fn user(&self) -> Result<Option<SessionUser>, SessionError> {
        Ok(self.0.get(USER).await?)
    }

    pub async fn start_login(&self, pending: &PendingLogin) -> Result<(), SessionError> {
        self.0.insert(PENDING_LOGIN, pending).await?;
        Ok(())
    }

    /// The pending login, removed so that its state value can never be used twice.
    pub async fn take_pending_login(&self) -> Result<Option<PendingLogin>, SessionError> {
        self.take(PENDING_LOGIN).await
    }

    /// Removes and returns a value. Checks first: tower-sessions marks a session modified on
    /// every `remove`, and a modified session is written back to the database.
    pub async fn take<T: serde::de::DeserializeOwned>(
        &self,
        key: &str,
    ) -> Result<Option<T>, SessionError> {
        if self.0.get_value(key).await?.is_none() {
            return Ok(None);
        }
        Ok(self.0.remove(key).await?)
    }

    /// Signs the user in under a new session id (defeats session fixation). A signed-in
    /// session ends [`SIGNED_IN_LIFETIME`] after sign-in at the latest.
    pub async fn sign_in(&self, user: &SessionUser) -> Result<(), SessionError> {
        self.0.cycle_id().await?;
        self.0.insert(USER, user).await?;
        let ends = time::OffsetDateTime::now_utc() + SIGNED_IN_LIFETIME;
        self.0
            .set_expiry(Some(tower_sessions::Expiry::AtDateTime(ends)));
        Ok(())
    }

    /// Deletes the session record; the old id is useless from now on.
    pub async fn sign_out(&self) -> Result<(), SessionError> {
        self.0.flush().await?;
        Ok(())
    }

    pub async fn set_flash(&self, flash: &Flash) -> Result<(), SessionError> {
        self.0.insert(FLASH, flash).await?;
        Ok(())
    }

    pub async fn take_flash(&self) -> Result<Option<Flash>, SessionError> {
        self.take(FLASH).await
    }
}

#[cfg(test)]
mod tests {
    use super::SessionUser;

    #[test]
    fn a_session_stored_by_an_earlier_release_still_reads() {
        let mut stored = serde_json::to_value(SessionUser {
            user_id: 7,
            organisation: "acme".into(),
            subject: "s".into(),
            email: "a@acme.test".into(),
            name: None,
            is_admin: false,
            authenticated_at: None,
            id_token: String::new(),
            account_id: None,
            login_id: String::new(),
            admin_checked_at: 0,
        })
        .unwrap();
        let slug = stored
            .as_object_mut()
            .unwrap()
            .remove("organisation")
            .unwrap();
        stored["tenant"] = slug;
        let read: SessionUser = serde_json::from_value(stored).unwrap();
        assert_eq!(read.organisation, "acme");
    }
}
