//! The tenant's audit log, as the admin page shows it.

use crate::account::service::me;
use crate::admin::model::{AuditRow, AuditView};
use crate::error::AppError;
use crate::ssr::db::audit;
use crate::ssr::scope::AdminScope;
use crate::ssr::time::format_epoch;

pub async fn list(
    scope: &AdminScope,
    action: String,
    actor: String,
) -> Result<AuditView, AppError> {
    let events = audit::for_tenant(
        &scope.caller.state.db,
        &scope.caller.tenant.slug,
        Some(action.trim()),
        Some(actor.trim()),
        200,
        0,
    )
    .await
    .map_err(AppError::internal)?;
    Ok(AuditView {
        me: me(&scope.caller),
        action,
        actor,
        rows: events
            .iter()
            .map(|e| AuditRow {
                when: format_epoch(e.at),
                actor: e.actor_email.clone(),
                action: e.action.clone(),
                target: e.target.clone(),
                detail: e.detail_json.clone(),
                ip: e.ip.clone(),
            })
            .collect(),
    })
}
