//! The directory sync page's service: what the organisation's IdP told Postern, "check now",
//! and the SCIM token (made here, shown once).

use super::model::{DepartureView, RunView, SyncView};
use super::text;
use crate::account::service::me;
use crate::components::alert::Notice;
use crate::error::AppError;
use crate::ssr::config::settings::SyncKind;
use crate::ssr::db::{departures, scim, sync_runs};
use crate::ssr::departures::actions;
use crate::ssr::departures::reconciler::{self, RunError};
use crate::ssr::http::RequestMeta;
use crate::ssr::state::{Caller, Event};
use crate::ssr::time::format_epoch;
use serde_json::json;

fn kind_name(kind: SyncKind) -> crate::i18n::Key {
    match kind {
        SyncKind::Keycloak => text::KIND_KEYCLOAK,
        SyncKind::Authentik => text::KIND_AUTHENTIK,
        SyncKind::Zitadel => text::KIND_ZITADEL,
        SyncKind::Graph => text::KIND_GRAPH,
        SyncKind::Scim => text::KIND_SCIM,
    }
}

pub async fn view(caller: &Caller, notice: Option<Notice>) -> Result<SyncView, AppError> {
    caller.require_admin()?;
    let state = &caller.state;
    let slug = &caller.organisation.slug;
    let sync = state.syncs.of(slug).filter(|s| s.api.is_some());
    let last_run = match sync {
        Some(sync) => sync_runs::find(&state.db, slug)
            .await
            .map_err(AppError::internal)?
            .map(|r| RunView {
                last_run: r.last_run_at.map(format_epoch),
                last_ok: r.last_ok_at.map(format_epoch),
                checked: r.checked,
                departed: r.departed,
                unknown: r.unknown,
                alert: r.failures >= i64::from(sync.alert_after_failures),
                failures: r.failures,
                error: r.last_error,
            }),
        None => None,
    };
    let token = scim::token_info(&state.db, slug)
        .await
        .map_err(AppError::internal)?
        .map(|t| (format_epoch(t.created_at), t.last_used_at.map(format_epoch)));
    let departed = departures::of_organisation(&state.db, slug, 50)
        .await
        .map_err(AppError::internal)?
        .into_iter()
        .map(|(d, email)| DepartureView {
            email,
            noticed: format_epoch(d.noticed_at),
            source: if d.source == "scim" {
                text::SOURCE_SCIM
            } else {
                text::SOURCE_SYNC
            }
            .get(),
            reason: match d.reason.as_str() {
                "deactivated" => text::REASON_DEACTIVATED.get(),
                "deleted" => text::REASON_DELETED.get(),
                other => other.to_owned(),
            },
            outcome: if d.revoked_at.is_some() {
                text::revoked(d.revoked)
            } else {
                text::pending(d.last_error.as_deref())
            },
            done: d.revoked_at.is_some(),
        })
        .collect();
    Ok(SyncView {
        me: me(caller),
        notice,
        reconciler: sync.map(|s| kind_name(s.kind).get()),
        last_run,
        scim_endpoint: state.absolute(&format!("scim/v2/{slug}")),
        scim_token: token,
        backchannel_logout_uri: state.absolute(&format!("auth/backchannel-logout/{slug}")),
        departures: departed,
    })
}

/// Asks the IdP about everyone now; returns what it found, in words.
pub async fn check_now(caller: &Caller, meta: &RequestMeta) -> Result<String, AppError> {
    caller.require_admin()?;
    let slug = &caller.organisation.slug;
    let report = reconciler::run(&caller.state, slug, true).await;
    let detail = match &report {
        Ok(r) => json!({ "checked": r.checked, "departed": r.departed }),
        Err(e) => json!({ "error": e.to_string() }),
    };
    caller
        .record(
            meta,
            Event {
                action: actions::SYNC_CHECK,
                account: None,
                target: None,
                detail,
            },
        )
        .await;
    match report {
        Ok(r) => Ok(text::checked(r.checked, r.departed)),
        Err(RunError::NotConfigured) => Err(AppError::Refused(text::SYNC_NO_RECONCILER.into())),
        Err(RunError::Busy) => Err(AppError::Conflict(RunError::Busy.to_string())),
        Err(RunError::Api(e)) => Err(AppError::Unavailable(text::check_failed(&e.to_string()))),
        Err(RunError::Db(e)) => Err(AppError::internal(e)),
    }
}

/// Makes the organisation's SCIM token (the old one stops working); returns it, to be shown
/// once.
pub async fn new_scim_token(caller: &Caller, meta: &RequestMeta) -> Result<String, AppError> {
    caller.require_admin()?;
    let (token, hash) = crate::scim::service::new_token();
    scim::set_token(&caller.state.db, &caller.organisation.slug, &hash)
        .await
        .map_err(AppError::internal)?;
    caller
        .record(
            meta,
            Event {
                action: actions::SCIM_TOKEN_CREATE,
                account: None,
                target: None,
                detail: json!({}),
            },
        )
        .await;
    Ok(token)
}
