//! The partner console's logic. A partner's admins reach the organisations their partner
//! manages (the operator partner: every one); anything else is "not found", so that a partner
//! cannot even learn which other organisations exist.

pub mod console;
pub mod dns;
pub mod domains;
pub mod idp;
pub mod lifecycle;
pub mod server;
pub mod watch;

use super::text;
use crate::error::AppError;
use crate::ssr::db::audit;
use crate::ssr::db::organisations::{self as store, OrganisationRecord};
use crate::ssr::directory::manage::ManageError;
use crate::ssr::http::{RequestMeta, RequestScope};
use crate::ssr::outbound::Refused;
use crate::ssr::state::Caller;

/// A signed-in administrator of a partner organisation.
pub struct PartnerScope {
    pub caller: Caller,
}

impl RequestScope for PartnerScope {
    const HOME: &'static str = "/partners";
    const REFUSED: crate::i18n::Key = crate::error::text::PARTNERS_ONLY;

    async fn of(caller: Caller) -> Result<Self, AppError> {
        PartnerScope::of(caller)
    }

    fn caller(&self) -> &Caller {
        &self.caller
    }
}

impl PartnerScope {
    /// `Forbidden` unless the caller administers a partner (`SignInAgain` when that is no
    /// longer certain).
    pub fn of(caller: Caller) -> Result<Self, AppError> {
        if !caller.organisation.partner {
            return Err(AppError::Forbidden);
        }
        caller.require_admin()?;
        Ok(Self { caller })
    }

    /// The partner's own organisation.
    pub fn partner(&self) -> &str {
        &self.caller.organisation.slug
    }

    pub fn operator(&self) -> bool {
        self.caller.organisation.operator
    }

    pub fn db(&self) -> &crate::ssr::db::Db {
        &self.caller.state.db
    }

    /// Whether this partner manages `o`: its own organisations, or every other one for the
    /// operator. A partner never manages itself here.
    pub fn manages(&self, o: &OrganisationRecord) -> bool {
        o.slug != self.partner()
            && (self.operator() || o.managed_by.as_deref() == Some(self.partner()))
    }

    /// An organisation this partner manages, or `NotFound`.
    pub async fn organisation(&self, slug: &str) -> Result<OrganisationRecord, AppError> {
        store::organisation(self.db(), slug)
            .await
            .map_err(AppError::internal)?
            .filter(|o| self.manages(o))
            .ok_or_else(|| AppError::NotFound(text::no_such_organisation(slug)))
    }

    /// An organisation this partner manages and may change: not one declared in postern.toml.
    pub async fn writable(&self, slug: &str) -> Result<OrganisationRecord, AppError> {
        let o = self.organisation(slug).await?;
        if o.from_config {
            return Err(AppError::Refused(text::FROM_CONFIG.get()));
        }
        Ok(o)
    }

    /// Writes an event of the managed organisation's audit log (seen by the partner and by the
    /// organisation's admins).
    pub async fn record(
        &self,
        meta: &RequestMeta,
        organisation: &str,
        action: crate::ssr::db::audit::Action,
        target: Option<&str>,
        detail: serde_json::Value,
    ) {
        let event = audit::NewEvent {
            organisation,
            actor_id: Some(self.caller.user.user_id),
            actor_email: &self.caller.user.email,
            action,
            account_id: None,
            target,
            detail,
            ip: meta.ip.as_deref(),
            user_agent: meta.user_agent.as_deref(),
        };
        if let Err(e) = audit::record(self.db(), &event).await {
            tracing::error!(error = %e, %action, "cannot write the audit log");
        }
    }

    /// Whether a URL a partner typed may be used (`ssr::outbound`): https only (plain http
    /// to loopback only while the portal itself runs there), and never an address inside a
    /// private or local network unless the operator allows that network.
    pub async fn check_url(&self, url: &url::Url) -> Result<(), Refused> {
        self.caller
            .state
            .directory
            .outbound()
            .check_url_resolved(url)
            .await
    }

    /// After a change: this instance sees it at once (the others within a poll).
    pub async fn reload(&self) {
        if let Err(e) = self.caller.state.directory.reload().await {
            tracing::warn!(error = %e, "cannot reload the directory");
        }
    }
}

/// A directory write's failure in words.
pub fn manage_error(e: ManageError) -> AppError {
    match e {
        ManageError::DomainTaken { domain } => AppError::Conflict(text::domain_taken(&domain)),
        ManageError::FromConfig(_) => AppError::Refused(text::FROM_CONFIG.get()),
        ManageError::NoSuchOrganisation(slug) => {
            AppError::NotFound(text::no_such_organisation(&slug))
        }
        ManageError::Secrets(crate::ssr::secrets::SecretsError::NoKey) => {
            tracing::error!("a secret cannot be stored: no secrets key is set");
            AppError::Unavailable(text::NO_SECRETS_KEY.get())
        }
        other => AppError::internal(other),
    }
}
