//! Each organisation's directory sync as postern.toml configures it (`[organisations.<slug>.sync]`),
//! built once at start and held in the application state; the reconciler runs them.

use super::idp_api::IdpApi;
use crate::ssr::config::settings::{SyncKind, SyncSettings};
use crate::ssr::config::{ConfigError, Settings};
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

/// One organisation's directory sync, as configured.
pub struct OrganisationSync {
    pub kind: SyncKind,
    pub api: Option<IdpApi>,
    /// The ID-token claim that holds the person's id in the API (`sub`: the subject).
    pub id_claim: String,
    pub interval: Duration,
    pub alert_after_failures: u32,
}

/// Every organisation's directory sync, by slug.
#[derive(Default)]
pub struct Syncs(HashMap<String, Arc<OrganisationSync>>);

impl Syncs {
    pub fn from_settings(settings: &Settings) -> Result<Self, ConfigError> {
        let mut all = HashMap::new();
        for (slug, organisation) in &settings.organisations {
            let Some(sync) = &organisation.sync else {
                continue;
            };
            let section = format!("organisations.{slug}.sync");
            all.insert(
                slug.clone(),
                Arc::new(Self::one(&section, &organisation.oidc.issuer, sync)?),
            );
        }
        Ok(Self(all))
    }

    fn one(
        section: &str,
        issuer: &str,
        sync: &SyncSettings,
    ) -> Result<OrganisationSync, ConfigError> {
        Ok(OrganisationSync {
            kind: sync.kind,
            api: IdpApi::new(section, issuer, sync)?,
            id_claim: sync.id_claim.clone(),
            interval: Duration::from_secs(sync.interval_secs),
            alert_after_failures: sync.alert_after_failures,
        })
    }

    pub fn of(&self, slug: &str) -> Option<&Arc<OrganisationSync>> {
        self.0.get(slug)
    }

    pub(super) fn with_api(&self) -> impl Iterator<Item = (&String, &Arc<OrganisationSync>)> {
        self.0.iter().filter(|(_, s)| s.api.is_some())
    }
}
