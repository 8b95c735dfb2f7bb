//! The reconciler: on each organisation's interval (jittered), it asks the IdP's API about
//! every person who holds a pinned mailbox or a session, and a person disabled or deleted
//! there departs (see the module above). One instance runs an organisation's sync at a time
//! (`db::sync_runs`, a lease row). An API that cannot be asked revokes nothing: the run fails,
//! and after `alert_after_failures` runs in a row the organisation's admins see an alert (page
//! and audit log). A 429 backs off: the next run waits for the API's Retry-After, at least.

use super::idp_api::{ApiError, IdpApi, PersonState};
use super::syncs::OrganisationSync;
use super::{Reason, Source, actions, depart, returned};
use crate::ssr::db::audit::{self, NewEvent};
use crate::ssr::db::{departures, sync_runs, users};
use crate::ssr::state::AppState;
use crate::ssr::time::now;
use rand::Rng;
use serde_json::json;

/// How many people are read from the database, and asked about, at a time.
const BATCH: i64 = 200;

/// What one run found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    pub checked: usize,
    /// People newly found disabled or deleted.
    pub departed: usize,
    /// People whose id in the API is not known yet (they sign in again to note it).
    pub unknown: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum RunError {
    #[error("directory sync is not set up for this organisation")]
    NotConfigured,
    #[error("another instance is checking this organisation now")]
    Busy,
    #[error("{0}")]
    Api(#[from] ApiError),
    #[error("database: {0}")]
    Db(#[from] sqlx::Error),
}

/// One round of the "directory sync" task: runs every organisation's sync that is due.
pub async fn run_due(state: &AppState) {
    let due: Vec<String> = state
        .syncs
        .with_api()
        .map(|(slug, _)| slug.clone())
        .collect();
    for slug in due {
        match run(state, &slug, false).await {
            Ok(_) | Err(RunError::Busy) => {}
            Err(e) => tracing::warn!(organisation = %slug, error = %e, "directory sync failed"),
        }
    }
}

/// Runs the organisation's sync now if it is due (or `force`, "check now") and no instance
/// runs it.
pub async fn run(state: &AppState, slug: &str, force: bool) -> Result<Report, RunError> {
    let sync = state
        .syncs
        .of(slug)
        .cloned()
        .ok_or(RunError::NotConfigured)?;
    let Some(api) = &sync.api else {
        return Err(RunError::NotConfigured);
    };
    let lease = (sync.interval.as_secs() as i64).clamp(60, 15 * 60);
    if !sync_runs::take(&state.db, slug, lease, force).await? {
        return Err(RunError::Busy);
    }
    let interval = sync.interval.as_secs() as i64;
    let jitter = rand::thread_rng().gen_range(0..=interval / 10);
    match check_everyone(state, slug, &sync, api).await {
        Ok(report) => {
            sync_runs::succeeded(
                &state.db,
                slug,
                report.checked as i64,
                report.departed as i64,
                report.unknown as i64,
                now() + interval + jitter,
            )
            .await?;
            tracing::info!(organisation = %slug, checked = report.checked,
                departed = report.departed, "directory sync ran");
            Ok(report)
        }
        Err(RunError::Api(e)) => {
            let wait = match &e {
                ApiError::RateLimited { retry_after } => retry_after
                    .map_or(interval, |d| (d.as_secs() as i64).max(60))
                    .max(60),
                _ => interval,
            };
            let failures =
                sync_runs::failed(&state.db, slug, &e.to_string(), now() + wait + jitter).await?;
            tracing::warn!(organisation = %slug, error = %e, failures, "directory sync could not ask the IdP");
            if failures == i64::from(sync.alert_after_failures) {
                alert(state, slug, &e, failures).await;
            }
            Err(RunError::Api(e))
        }
        Err(other) => {
            // The database failed: let the lease run out, and the next round try again.
            Err(other)
        }
    }
}

async fn check_everyone(
    state: &AppState,
    slug: &str,
    sync: &OrganisationSync,
    api: &IdpApi,
) -> Result<Report, RunError> {
    let organisations = state.organisations();
    let organisation = organisations
        .by_slug(slug)
        .cloned()
        .ok_or(RunError::NotConfigured)?;
    let mut report = Report::default();
    let mut after = 0;
    loop {
        let page = sync_runs::watched(&state.db, slug, after, BATCH).await?;
        let Some(last) = page.last() else { break };
        after = last.user_id;
        let by_sub = sync.id_claim == "sub";
        let asked: Vec<(i64, String)> = page
            .iter()
            .filter_map(|w| {
                let id = if by_sub {
                    Some(w.subject.clone())
                } else {
                    w.directory_id.clone()
                };
                if id.is_none() {
                    report.unknown += 1;
                }
                id.map(|id| (w.user_id, id))
            })
            .collect();
        let ids: Vec<String> = asked.iter().map(|(_, id)| id.clone()).collect();
        let states = api.states(&ids).await?;
        for (user_id, id) in asked {
            let Some(state_now) = states.get(&id) else {
                continue;
            };
            let Some(person) = users::find(&state.db, slug, user_id).await? else {
                continue;
            };
            report.checked += 1;
            match state_now {
                PersonState::Active => {
                    if departures::find(&state.db, slug, user_id).await?.is_some() {
                        returned(state, &organisation, &person, Source::Reconciler).await?;
                    }
                }
                PersonState::Disabled | PersonState::Deleted => {
                    let reason = if *state_now == PersonState::Deleted {
                        Reason::Deleted
                    } else {
                        Reason::Deactivated
                    };
                    if depart(state, &organisation, &person, Source::Reconciler, reason).await? {
                        report.departed += 1;
                    }
                }
            }
        }
        if (page.len() as i64) < BATCH {
            break;
        }
    }
    Ok(report)
}

async fn alert(state: &AppState, slug: &str, error: &ApiError, failures: i64) {
    tracing::error!(organisation = %slug, %error, failures,
        "directory sync has not reached the IdP for several runs: disabled people keep their app passwords until it does");
    let event = NewEvent {
        organisation: slug,
        actor_id: None,
        actor_email: "directory sync",
        action: actions::SYNC_FAILING,
        account_id: None,
        target: None,
        detail: json!({ "error": error.to_string(), "failures": failures }),
        ip: None,
        user_agent: None,
    };
    if let Err(e) = audit::record(&state.db, &event).await {
        tracing::error!(error = %e, "cannot write the audit log");
    }
}
